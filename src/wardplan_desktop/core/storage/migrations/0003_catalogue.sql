-- Schema version 3: the user's own entries of the indicator catalogue ("add your own").
-- The built-in catalogue ships as a data file (resources/catalogue/); only what the user
-- adds is stored here.  name_key and unit_key are the normalised search forms: a name and
-- unit are held once, however they were typed (case, diacritics, spacing).
-- Frozen once released: never edit it; add a new numbered file instead.

CREATE TABLE catalogue_entry (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	unit VARCHAR(50) NOT NULL, 
	field VARCHAR(20) NOT NULL, 
	direction VARCHAR(20) NOT NULL, 
	name_key TEXT NOT NULL, 
	unit_key VARCHAR(50) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name_key, unit_key)
);
