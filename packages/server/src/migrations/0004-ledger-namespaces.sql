-- Admin earns and redemptions shared one id space in loyalty_ledger (issue 9, item 9): an earn
-- with id `redemption:r1` after redemption r1 was dropped as a duplicate, and the other order
-- refused the redemption with 409. Ledger ids now always carry their kind: `earn:<id>` for
-- earns (this migration renames the earns already stored) and `redemption:<id>` as before.
-- An entry is a redemption's exactly when a redemption of the same member has that id.
UPDATE loyalty_ledger AS entry SET id = 'earn:' || entry.id
WHERE NOT EXISTS (
  SELECT 1 FROM redemptions AS r
  WHERE r.project_id = entry.project_id AND r.user_id = entry.user_id
    AND entry.id = 'redemption:' || r.id
);
