-- A survey's question and follow-ups in other languages, by base language tag
-- ({ "fr": { "question": "…", "followUp": { "detractor": "…" } } }). NULL: one language only.
ALTER TABLE surveys ADD COLUMN translations jsonb;
