-- Rapport's first schema. One file per change; never edit a file that has shipped.

CREATE TABLE projects (
  id text PRIMARY KEY,
  name text NOT NULL,
  publishable_key text NOT NULL UNIQUE,
  -- SHA-256 hex of the secret key: a leaked database does not leak admin access.
  secret_key_hash text NOT NULL UNIQUE,
  -- Kept in clear because the server must compute HMACs with it.
  identity_secret text NOT NULL,
  allowed_origins jsonb NOT NULL DEFAULT '[]',
  settings jsonb NOT NULL DEFAULT '{}',
  widget_config jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per browser identity; identify() sets user_id, linking its history to the user.
CREATE TABLE customers (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  anonymous_id text NOT NULL,
  user_id text,
  traits jsonb NOT NULL DEFAULT '{}',
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id)
);
CREATE INDEX customers_by_user ON customers (project_id, user_id) WHERE user_id IS NOT NULL;

-- Exactly-once ingest: a message id seen once is a duplicate forever after, whatever its body.
CREATE TABLE processed_messages (
  project_id text NOT NULL,
  message_id text NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, message_id)
);

-- No primary key of its own: processed_messages already guarantees one row per message id,
-- and one index fewer is measurable on the ingest path.
CREATE TABLE events (
  project_id text NOT NULL,
  id text NOT NULL,
  type text NOT NULL CHECK (type IN ('identify', 'page', 'track')),
  anonymous_id text NOT NULL,
  user_id text,
  name text,
  properties jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX events_by_anonymous ON events (project_id, anonymous_id, occurred_at);
CREATE INDEX events_by_user ON events (project_id, user_id, occurred_at) WHERE user_id IS NOT NULL;

CREATE TABLE feedback (
  project_id text NOT NULL,
  id text NOT NULL,
  anonymous_id text NOT NULL,
  user_id text,
  message text NOT NULL,
  category text,
  email text,
  rating integer,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved')),
  context jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX feedback_by_created ON feedback (project_id, created_at DESC, id DESC);
CREATE INDEX feedback_by_user ON feedback (project_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE feedback_replies (
  project_id text NOT NULL,
  id text NOT NULL,
  feedback_id text NOT NULL,
  author text NOT NULL CHECK (author IN ('team', 'customer')),
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, feedback_id) REFERENCES feedback (project_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_replies_by_feedback ON feedback_replies (project_id, feedback_id, created_at);

CREATE TABLE surveys (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('nps', 'csat')),
  question text NOT NULL,
  follow_up jsonb,
  targeting jsonb,
  sample_percent double precision NOT NULL DEFAULT 100,
  recontact_days integer NOT NULL DEFAULT 90,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);

CREATE TABLE survey_responses (
  project_id text NOT NULL,
  id text NOT NULL,
  survey_id text NOT NULL,
  anonymous_id text NOT NULL,
  user_id text,
  score integer,
  comment text,
  answers jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX survey_responses_by_survey ON survey_responses (project_id, survey_id, created_at);
CREATE INDEX survey_responses_by_anonymous ON survey_responses (project_id, anonymous_id);
CREATE INDEX survey_responses_by_user ON survey_responses (project_id, user_id)
  WHERE user_id IS NOT NULL;

-- The member row is the lock for every balance change; the CHECK is the last line of defence.
CREATE TABLE loyalty_members (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  balance integer NOT NULL DEFAULT 0 CHECK (balance >= 0),
  lifetime_points integer NOT NULL DEFAULT 0 CHECK (lifetime_points >= 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);

-- Append-only: entries are never updated or deleted; the balance is their running sum.
CREATE TABLE loyalty_ledger (
  project_id text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  points integer NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX loyalty_ledger_by_user ON loyalty_ledger (project_id, user_id, created_at DESC);

CREATE TABLE rewards (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  cost integer NOT NULL CHECK (cost > 0),
  description text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);

CREATE TABLE loyalty_tiers (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  threshold integer NOT NULL CHECK (threshold >= 0),
  PRIMARY KEY (project_id, name)
);

CREATE TABLE ways_to_earn (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  position integer NOT NULL,
  label text NOT NULL,
  points integer NOT NULL,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE redemptions (
  project_id text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  reward_id text NOT NULL,
  cost integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
