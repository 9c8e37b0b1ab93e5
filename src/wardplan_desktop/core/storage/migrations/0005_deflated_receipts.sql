-- Schema version 5: a received plan file is kept compressed (raw DEFLATE, as in the
-- sync file itself) instead of as text: about a fifth of the size, and an upper level
-- keeps one per file it received from each of its thousands of units.  Receipts made
-- before keep their text in "payload"; new ones leave it empty.
-- Frozen once released: never edit it; add a new numbered file instead.

ALTER TABLE sync_receipt ADD COLUMN payload_deflated BLOB;
