-- Numbered 0005 so that two migrations never share a number; IF NOT EXISTS keeps it harmless
-- on a database that ran it under its first name, 0004-customers-identified-at.
-- A replayed or late identify must not roll a customer back (issue 9, item 5): the customer
-- row remembers the message time of the identify that set its user id (identified_at) and of
-- the newest traits merged into it (traits_at); older ones never override newer ones.
-- NULL for rows stored before: any identify that arrives next counts as newer.
ALTER TABLE customers ADD COLUMN IF NOT EXISTS identified_at timestamptz;
ALTER TABLE customers ADD COLUMN IF NOT EXISTS traits_at timestamptz;
