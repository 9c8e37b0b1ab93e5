-- Schema version 2: what the sync files need — this folder's settings, the keys
-- pinned for sending units, the files received, and the officers' audit trail.
-- Frozen once released: never edit it; add a new numbered file instead.

CREATE TABLE setting (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE pinned_key (
	id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	public_key VARCHAR(100) NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	pinned_at VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (unit_id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);

CREATE TABLE sync_receipt (
	id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	revision INTEGER NOT NULL, 
	content_hash VARCHAR(80) NOT NULL, 
	key_fingerprint VARCHAR(64) NOT NULL, 
	created VARCHAR(32) NOT NULL, 
	received_at VARCHAR(32) NOT NULL, 
	file_name VARCHAR(300) NOT NULL, 
	payload TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);

CREATE INDEX ix_sync_receipt_unit_id ON sync_receipt (unit_id);

CREATE TABLE audit_entry (
	id INTEGER NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	actor VARCHAR(100) NOT NULL, 
	action VARCHAR(30) NOT NULL, 
	unit_code VARCHAR(64) NOT NULL, 
	detail TEXT NOT NULL, 
	PRIMARY KEY (id)
);
