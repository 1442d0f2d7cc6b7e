-- Loyalty program admin (issue 13, item 4): stock and a per-customer limit on rewards, unique
-- codes a redemption hands to the customer once, and the fulfilment of each redemption.

-- NULL stock is unlimited; a reward with codes counts its free codes instead.
ALTER TABLE rewards ADD COLUMN stock integer CHECK (stock IS NULL OR stock >= 0);
ALTER TABLE rewards ADD COLUMN per_customer_limit integer
  CHECK (per_customer_limit IS NULL OR per_customer_limit > 0);
ALTER TABLE rewards ADD COLUMN uses_codes boolean NOT NULL DEFAULT false;

-- A code is free until a redemption takes it; it is then on the redemption too, so deleting
-- the reward (and its codes) never takes a code back from a customer.
CREATE TABLE reward_codes (
  project_id text NOT NULL,
  reward_id text NOT NULL,
  code text NOT NULL,
  redemption_id text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, reward_id, code),
  FOREIGN KEY (project_id, reward_id) REFERENCES rewards (project_id, id) ON DELETE CASCADE
);
CREATE INDEX reward_codes_free ON reward_codes (project_id, reward_id) WHERE redemption_id IS NULL;

ALTER TABLE redemptions ADD COLUMN code text;
ALTER TABLE redemptions ADD COLUMN status text NOT NULL DEFAULT 'pending'
  CHECK (status IN ('pending', 'fulfilled'));
ALTER TABLE redemptions ADD COLUMN fulfilled_at timestamptz;
CREATE INDEX redemptions_by_time ON redemptions (project_id, created_at DESC, id DESC);
CREATE INDEX redemptions_by_user_reward ON redemptions (project_id, user_id, reward_id);
