-- Email when the customer is away: a team reply the customer has not read within a delay is
-- emailed to them once, and teammates may opt into a daily digest of new feedback.

-- Per thread, the state of its reply email. A claimed email covers the unread team replies
-- created after `reply_email_from` and up to `reply_email_through`: replies up to `through` are
-- never put in a later email, whatever happens to this one (a retry resends the same range). The
-- status is 'sending' while an instance holds the claim (until `reply_email_next_at`, the
-- lease), 'retry' after an SMTP failure (due again at `reply_email_next_at`), then 'sent' or
-- 'failed' (the retries ran out). NULL until a first email is claimed.
ALTER TABLE feedback ADD COLUMN reply_email_from timestamptz;
ALTER TABLE feedback ADD COLUMN reply_email_through timestamptz;
ALTER TABLE feedback ADD COLUMN reply_email_status text
  CHECK (reply_email_status IN ('sending', 'retry', 'sent', 'failed'));
ALTER TABLE feedback ADD COLUMN reply_email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE feedback ADD COLUMN reply_email_next_at timestamptz;

-- Replies a job pass looks at: the team's, by time. Threads are found through them, so the
-- pass reads the recent replies, not every thread.
CREATE INDEX feedback_replies_team_by_time ON feedback_replies (created_at)
  WHERE author = 'team';

-- Addresses that asked for no more reply emails from a project, lowercased.
CREATE TABLE email_unsubscribes (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  address text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, address)
);

-- The unsubscribe link of each email sent: only the token's SHA-256 is kept. A reply email's
-- token names the project and the address; a digest's names the teammate.
CREATE TABLE email_unsubscribe_tokens (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('replies', 'digest')),
  project_id text REFERENCES projects (id) ON DELETE CASCADE,
  address text,
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
CREATE INDEX email_unsubscribe_tokens_by_time ON email_unsubscribe_tokens (created_at);

-- The daily digest, per teammate: off until they turn it on in the console. It lists the
-- feedback created after `digest_since`, and is due at `digest_next_at`.
ALTER TABLE users ADD COLUMN digest_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN digest_since timestamptz;
ALTER TABLE users ADD COLUMN digest_next_at timestamptz;
ALTER TABLE users ADD COLUMN digest_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX users_digest_due ON users (digest_next_at) WHERE digest_enabled;
