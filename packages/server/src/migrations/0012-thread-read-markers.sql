-- Unread replies (issue 14, item 3): the launcher shows how many team replies the customer has
-- not read. Each thread keeps how far the customer has read it: every reply created at or before
-- this moment has been shown to them. NULL until they first read the thread. A marker on the
-- thread, not on the customer, so it moves with the thread when a verified identify moves a
-- browser's threads to the user. The count reads replies through feedback_replies_by_feedback.
ALTER TABLE feedback ADD COLUMN customer_read_at timestamptz;
