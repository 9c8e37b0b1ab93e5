-- Schema version 1: the first released schema of WardPlan Desktop.
-- Frozen once released: never edit it; add a new numbered file instead.

CREATE TABLE unit (
	id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	level VARCHAR(20) NOT NULL, 
	place_name VARCHAR(200) NOT NULL, 
	issuing_body TEXT NOT NULL, 
	parent_body VARCHAR(300) NOT NULL, 
	upper_id INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (code), 
	FOREIGN KEY(upper_id) REFERENCES unit (id) ON DELETE SET NULL
);

CREATE TABLE "plan" (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	unit_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	revision INTEGER NOT NULL, 
	issuing_body TEXT NOT NULL, 
	parent_body VARCHAR(300) NOT NULL, 
	number VARCHAR(20) NOT NULL, 
	symbol VARCHAR(50) NOT NULL, 
	place VARCHAR(200) NOT NULL, 
	date_day INTEGER, 
	date_month INTEGER, 
	date_year INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	heading_lines TEXT NOT NULL, 
	preamble TEXT NOT NULL, 
	closing TEXT NOT NULL, 
	sign_authority VARCHAR(10) NOT NULL, 
	sign_authority_body VARCHAR(200) NOT NULL, 
	sign_position VARCHAR(200) NOT NULL, 
	signer VARCHAR(200) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (unit_id, year, kind), 
	UNIQUE (uid), 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT
);

CREATE TABLE appendix (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	label VARCHAR(100) NOT NULL, 
	title TEXT NOT NULL, 
	caption TEXT NOT NULL, 
	landscape INTEGER NOT NULL, 
	columns TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_appendix_plan_id ON appendix (plan_id);

CREATE TABLE change_record (
	id INTEGER NOT NULL, 
	plan_id INTEGER, 
	plan_uid VARCHAR(36) NOT NULL, 
	revision INTEGER NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	actor VARCHAR(100) NOT NULL, 
	action VARCHAR(10) NOT NULL, 
	entity VARCHAR(30) NOT NULL, 
	entity_uid VARCHAR(36) NOT NULL, 
	attribute VARCHAR(50) NOT NULL, 
	old_value TEXT, 
	new_value TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE SET NULL
);

CREATE INDEX ix_change_record_plan_uid ON change_record (plan_uid);

CREATE TABLE footnote (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	"key" VARCHAR(32) NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (plan_id, "key"), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_footnote_plan_id ON footnote (plan_id);

CREATE TABLE indicator_group (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	field VARCHAR(20) NOT NULL, 
	label VARCHAR(20) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_group_plan_id ON indicator_group (plan_id);

CREATE TABLE key_task (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	label VARCHAR(20) NOT NULL, 
	field VARCHAR(20), 
	task TEXT NOT NULL, 
	result TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_key_task_plan_id ON key_task (plan_id);

CREATE TABLE legal_basis (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_legal_basis_plan_id ON legal_basis (plan_id);

CREATE TABLE recipient (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	purpose VARCHAR(300) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE INDEX ix_recipient_plan_id ON recipient (plan_id);

CREATE TABLE section (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	label VARCHAR(50) NOT NULL, 
	text TEXT NOT NULL, 
	part VARCHAR(20) NOT NULL, 
	field VARCHAR(20), 
	role VARCHAR(30) NOT NULL, 
	emphasis VARCHAR(20) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE, 
	FOREIGN KEY(parent_id) REFERENCES section (id) ON DELETE CASCADE
);

CREATE INDEX ix_section_plan_id ON section (plan_id);

CREATE TABLE indicator (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	plan_id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	label VARCHAR(20), 
	name TEXT NOT NULL, 
	unit VARCHAR(50) NOT NULL, 
	direction VARCHAR(20) NOT NULL, 
	set_by VARCHAR(10) NOT NULL, 
	catalogue_code VARCHAR(50), 
	row_style VARCHAR(20) NOT NULL, 
	note TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE, 
	FOREIGN KEY(group_id) REFERENCES indicator_group (id) ON DELETE CASCADE, 
	FOREIGN KEY(parent_id) REFERENCES indicator (id) ON DELETE CASCADE
);

CREATE INDEX ix_indicator_plan_id ON indicator (plan_id);

CREATE TABLE indicator_value (
	id INTEGER NOT NULL, 
	indicator_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	period VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	value VARCHAR(40), 
	low VARCHAR(40), 
	high VARCHAR(40), 
	numerator VARCHAR(40), 
	denominator VARCHAR(40), 
	unit VARCHAR(50) NOT NULL, 
	base VARCHAR(200) NOT NULL, 
	base_year INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (indicator_id, year, period), 
	FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE
);
