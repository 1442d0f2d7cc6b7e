-- No lost answers (issue 13, item 2): the widget sends the score as soon as it is picked and the
-- follow-up later, both carrying the client's `responseId`, which is the row's id. Ingest upserts
-- by (project_id, id); this column is the message time of the newest message merged into the
-- row, so an older message that arrives late fills only what is still missing. NULL for
-- responses stored before this migration (read as created_at): no rewrite of existing rows.
ALTER TABLE survey_responses ADD COLUMN updated_at timestamptz;
