-- Schema version 6: a plan received from a unit is held as received.  Its text (the
-- sections, legal bases, recipients, footnotes, key tasks and appendices) is read
-- from the receipt that brought it, which keeps the whole signed plan file anyway;
-- its rows hold only what the upper level adds up and compares: the plan itself,
-- its indicator groups, indicators and values.  That is half the rows of a plan,
-- and half the size of the database of an upper level receiving from thousands of
-- units.  Plans received before keep all their rows (receipt_id NULL), as do a
-- folder's own plans.  A receipt a plan's text is read from cannot be deleted while
-- the plan is there (receipts go only with their unit, which its plans keep anyway);
-- a later step rebuilding sync_receipt must keep its rows and their ids.
-- Frozen once released: never edit it; add a new numbered file instead.

ALTER TABLE plan ADD COLUMN receipt_id INTEGER REFERENCES sync_receipt (id);

CREATE INDEX ix_plan_receipt_id ON plan (receipt_id);
