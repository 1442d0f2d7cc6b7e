-- Anonymous visitors read their own threads (issue 14, item 2). The SDK keeps a random device
-- secret with the visitor's identity and sends it with its writes; the server keeps only its
-- SHA-256, per anonymous id. The first write that carries one registers it; a different secret
-- sent later for the same anonymous id never replaces it. NULL until a write carries one.
ALTER TABLE customers ADD COLUMN device_secret_hash text;

-- A verified identify moves the browser's anonymous threads to the user: this finds them.
CREATE INDEX feedback_anonymous_threads ON feedback (project_id, anonymous_id)
  WHERE user_id IS NULL;
