-- Personal targeting (issue 14, item 7). Traits a visitor merely claims must never decide who
-- sees a survey, so the traits of identify messages whose userHash verified are kept apart,
-- per proven user (not per browser: they follow the user to every device). Merged in message
-- time order like customers.traits: traits_at is the time of the newest identify merged in.
CREATE TABLE user_traits (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  traits jsonb NOT NULL DEFAULT '{}',
  traits_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id)
);

-- Per-tier greeting shown at the top of the loyalty panel; NULL: the widget's default.
ALTER TABLE loyalty_tiers ADD COLUMN greeting text;
