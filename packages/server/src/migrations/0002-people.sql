-- People who use the console: accounts, project memberships, sessions, invitations, and the
-- audit log of what they did. Issue 10. Never edit this file once shipped; add 000N-*.sql.

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  -- scrypt$N$r$p$salt$hash (base64url); never the password.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL
);
-- Sign-in looks people up by email whatever its case, and one person is one account.
CREATE UNIQUE INDEX users_by_email ON users (lower(email));

CREATE TABLE memberships (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

-- id is the SHA-256 hex of the cookie's token: a leaked table does not sign anyone in.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- last_seen_at + the idle period (14 days), moved forward as the session is used.
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE invitations (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  -- SHA-256 hex of the link's token; the token itself is only in the link.
  token_hash text NOT NULL UNIQUE,
  invited_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz
);
CREATE INDEX invitations_by_project ON invitations (project_id, created_at);

-- No foreign key on project_id: a project's deletion is itself recorded after its rows go.
-- project_id is NULL for account-wide actions (sign-in, password change).
CREATE TABLE audit_log (
  id text PRIMARY KEY,
  project_id text,
  at timestamptz NOT NULL,
  actor_user_id text REFERENCES users (id) ON DELETE SET NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('secret_key', 'teammate', 'system')),
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_project ON audit_log (project_id, at DESC, id DESC);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, at DESC) WHERE project_id IS NULL;

-- Key rotation grace period: the secret key before the last rotation keeps working until
-- previous_secret_key_expires_at (24 hours), so a site's backend can be redeployed.
ALTER TABLE projects ADD COLUMN previous_secret_key_hash text;
ALTER TABLE projects ADD COLUMN previous_secret_key_expires_at timestamptz;
CREATE INDEX projects_by_previous_secret ON projects (previous_secret_key_hash)
  WHERE previous_secret_key_hash IS NOT NULL;
