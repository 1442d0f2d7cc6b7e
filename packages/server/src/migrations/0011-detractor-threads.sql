-- Detractor recovery (issue 14, item 5): an NPS answer of 0–6 or a CSAT answer of 1–2 opens a
-- feedback thread, tagged `detractor`, so an unhappy customer reaches a person. The thread keeps
-- the survey and the score that opened it; the comment is its message. NULL for other feedback.
ALTER TABLE feedback ADD COLUMN survey_id text;
ALTER TABLE feedback ADD COLUMN score integer;

-- Open detractor threads come first in the inbox: this finds them without a scan.
CREATE INDEX feedback_open_detractors ON feedback (project_id, created_at DESC, id DESC)
  WHERE survey_id IS NOT NULL AND status <> 'resolved';
