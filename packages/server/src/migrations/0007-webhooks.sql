-- Signed webhooks (issue 13, item 5): endpoints per project, and one delivery row per event
-- and endpoint, written in the transaction of the change it reports (the outbox), then sent
-- and retried by the webhook worker.

-- The secret is kept as is: the server must compute HMACs with it, so a hash would not do
-- (like projects.identity_secret). It is returned once, at creation or rotation.
CREATE TABLE webhook_endpoints (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  id text NOT NULL,
  url text NOT NULL,
  events text[] NOT NULL,
  secret text NOT NULL,
  -- After a rotation the previous secret signs too, until this time (receivers roll over).
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled boolean NOT NULL DEFAULT true,
  disabled_reason text,
  disabled_at timestamptz,
  -- The first failure since the last success; an endpoint failing for 5 days is disabled.
  failing_since timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);

-- No user_id or anonymous_id column: what a delivery says about a person is in `data`, which
-- an erase clears along with the rest.
CREATE TABLE webhook_deliveries (
  -- The webhook-id header: the same on every attempt, so receivers can deduplicate.
  id text PRIMARY KEY,
  project_id text NOT NULL,
  endpoint_id text NOT NULL,
  event_type text NOT NULL,
  data jsonb NOT NULL,
  -- The payload's timestamp: when the change happened.
  occurred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- Due time while pending; a claimed row holds it a lease ahead so no other worker sends it.
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  response_excerpt text,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (project_id, endpoint_id)
    REFERENCES webhook_endpoints (project_id, id) ON DELETE CASCADE
);
-- What the worker polls: only pending rows, by due time.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';
-- The delivery log of one endpoint, newest first.
CREATE INDEX webhook_deliveries_log
  ON webhook_deliveries (project_id, endpoint_id, created_at DESC, id DESC);
