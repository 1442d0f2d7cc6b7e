-- Resolution CSAT: when the team resolves a thread, the customer is asked once, inside it, "Did
-- we solve this?" (1–5, optional comment). `resolved_at` is when the thread was last resolved
-- (NULL for threads never resolved since this migration: they ask nothing); it names the
-- resolution a rating answers, so a thread reopened and resolved again asks again, once.
ALTER TABLE feedback ADD COLUMN resolved_at timestamptz;

-- One answer per resolution (`id` is the id of the message that carried it): a score (1–5) with an optional comment, or NULL when the customer
-- dismissed the question. Keyed by the thread, so it moves with the thread when a verified
-- identify moves it to the user, and is erased with it by the cascade.
CREATE TABLE resolution_ratings (
  project_id text NOT NULL,
  feedback_id text NOT NULL,
  resolved_at timestamptz NOT NULL,
  id text NOT NULL,
  score integer,
  comment text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, feedback_id, resolved_at),
  FOREIGN KEY (project_id, feedback_id) REFERENCES feedback (project_id, id) ON DELETE CASCADE
);

-- The weekly service report reads answers, resolutions and first replies by time.
CREATE INDEX resolution_ratings_by_time ON resolution_ratings (project_id, created_at);
CREATE INDEX feedback_by_resolution ON feedback (project_id, resolved_at)
  WHERE resolved_at IS NOT NULL;
