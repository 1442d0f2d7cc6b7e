-- Slack as a built-in destination (issue 13, item 6): an endpoint receives either the signed
-- Standard Webhooks JSON or a readable Slack message. Fixed at creation.
ALTER TABLE webhook_endpoints
  ADD COLUMN format text NOT NULL DEFAULT 'standard' CHECK (format IN ('standard', 'slack'));
