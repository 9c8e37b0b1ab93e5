-- Schema version 4: indexes on the columns by which rows of a plan's trees name their
-- parent.  Deleting a plan (a newer revision replacing it, as the upper level receives
-- by the thousand) makes SQLite find each deleted row's children through these foreign
-- keys: without an index, by reading the whole table once per deleted row.
-- Frozen once released: never edit it; add a new numbered file instead.

CREATE INDEX ix_section_parent_id ON section (parent_id);

CREATE INDEX ix_indicator_group_id ON indicator (group_id);

CREATE INDEX ix_indicator_parent_id ON indicator (parent_id);
