-- The team's inbox (issue 10, Deliver 7): assignee, tags, internal notes, replies signed by a
-- teammate, full-text search; and indexes for the customers directory (Deliver 8).

-- A teammate's user id (users.id); no foreign key so removing a teammate never blocks on it.
ALTER TABLE feedback ADD COLUMN assignee_id text;

-- Full-text search over the message and the email. The 'simple' configuration lowercases and
-- splits words without stemming or stop words, so a search for any word of a message finds it,
-- in any language, and PGlite and PostgreSQL (which ship the same configuration) agree.
ALTER TABLE feedback ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig,
    message || ' ' || coalesce(email || ' ' || replace(email, '@', ' '), ''))
) STORED;
CREATE INDEX feedback_search ON feedback USING gin (search);
CREATE INDEX feedback_by_status ON feedback (project_id, status, created_at DESC, id DESC);
CREATE INDEX feedback_by_assignee ON feedback (project_id, assignee_id, created_at DESC)
  WHERE assignee_id IS NOT NULL;

-- Who wrote a team reply. NULL for replies written with a secret key (signed "the team") and
-- for replies written before teammates existed.
ALTER TABLE feedback_replies ADD COLUMN author_user_id text;
ALTER TABLE feedback_replies ADD COLUMN author_name text;

-- Internal notes: the team's only, never shown to the customer (not in GET /v1/inbox).
CREATE TABLE feedback_notes (
  project_id text NOT NULL,
  id text NOT NULL,
  feedback_id text NOT NULL,
  author_user_id text,
  author_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, feedback_id) REFERENCES feedback (project_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_notes_by_feedback ON feedback_notes (project_id, feedback_id, created_at);

-- One row per tag of an item: filterable by an index, and erased with the item by the cascade.
CREATE TABLE feedback_tags (
  project_id text NOT NULL,
  feedback_id text NOT NULL,
  tag text NOT NULL,
  PRIMARY KEY (project_id, feedback_id, tag),
  FOREIGN KEY (project_id, feedback_id) REFERENCES feedback (project_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_tags_by_tag ON feedback_tags (project_id, tag, feedback_id);

-- The customers directory lists identified people, most recently seen first.
CREATE INDEX customers_by_last_seen ON customers (project_id, last_seen_at DESC, user_id)
  WHERE user_id IS NOT NULL;
