"""Upgrading a database of every released schema to the current one.

``tests/fixtures/db`` holds, for every schema version N from 1 to the current one, a
real database ``schema_vN.sqlite3`` written by the program as it was at schema N
(``make_schema_vN.py`` says which commit) and ``schema_vN.exports.json``: what its
plans exported then, written by that same program.  Each fixture is copied and
opened with the current program, which migrates it; then:

* the file is of the current schema (``user_version``, ``application_id``), and its
  structure is exactly that of a database the current program makes afresh;
* every row of every table the fixture had is still there, unchanged (see
  :func:`content` and :func:`assert_rows_kept` for what "unchanged" means);
* ``PRAGMA integrity_check`` says ok and ``PRAGMA foreign_key_check`` finds nothing;
* every plan exports exactly what it exported before the upgrade;
* the copy the migration made first holds the fixture as it was;
* the upgraded database takes edits, and opens again without migrating.

A new schema without a fixture fails :func:`test_every_schema_has_a_fixture`: make
one with ``make_schema_vN.py`` (copied from the last one) while the program is at
schema N, so that the next schema's migration is tested against real data.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from support import FIXTURES
from wardplan_desktop.core import editing, revisions, service
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.storage.database import (
    APPLICATION_ID,
    DB_FILENAME,
    SCHEMA_VERSION,
    Database,
)
from wardplan_desktop.core.storage.schema import SyncReceipt
from wardplan_desktop.core.sync.package import content_hash
from wardplan_desktop.core.values import parse_value

DB_FIXTURES = FIXTURES / "db"
_NAME = re.compile(r"schema_v(\d+)\.sqlite3")
FIXTURE_FILES = {int(m.group(1)): p for p in sorted(DB_FIXTURES.glob("schema_v*.sqlite3"))
                 if (m := _NAME.fullmatch(p.name))}

Tagged = tuple[str, Any]  # a stored value with its Python type: 1, 1.0 and "1" differ
Content = dict[str, tuple[list[str], list[str], dict[tuple[Tagged, ...], tuple[Tagged, ...]]]]


# --------------------------------------------------------------------------- reading files


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True) if read_only else \
        sqlite3.connect(path)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def _tag(value: Any) -> Tagged:
    return (type(value).__name__, value)


def _rows(conn: sqlite3.Connection, table: str, columns: list[str],
          key: list[str]) -> dict[tuple[Tagged, ...], tuple[Tagged, ...]]:
    """The rows of ``table`` read as ``columns``, by their primary key ``key``."""
    names = ", ".join(f'"{c}"' for c in columns)
    rows: dict[tuple[Tagged, ...], tuple[Tagged, ...]] = {}
    for row in conn.execute(f'SELECT {names} FROM "{table}"'):
        tagged = tuple(_tag(v) for v in row)
        ident = tuple(tagged[columns.index(c)] for c in key) if key else (tagged,)
        assert ident not in rows, f"{table}: two rows with the key {ident}"
        rows[ident] = tagged
    return rows


def content(path: Path) -> Content:
    """Every row of every table of the file at ``path``.

    Per table: its columns (in order), its primary key columns, and its rows as a
    mapping from primary key to the whole row, every value tagged with its type.
    Rows are named by their primary key, not by SQLite's hidden rowid, which a
    table rebuilt by a migration (or VACUUM) may renumber.  A table without a
    primary key would be named by whole rows (a set; none has duplicates).
    """
    conn = _connect(path)
    try:
        found: Content = {}
        for table in _tables(conn):
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [c[1] for c in info]
            key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]]
            found[table] = (columns, key, _rows(conn, table, columns, key))
        return found
    finally:
        conn.close()


def assert_rows_kept(before: Content, path: Path) -> None:
    """Every table of ``before`` is in the file at ``path`` with exactly the same rows.

    For each table the fixture had: the table is still there; each of its columns is
    still there (under the same name; columns added by later migrations are allowed
    and not compared); read through the old columns only, the table has exactly the
    same set of primary keys (no row lost, none added) and, for each key, equal
    values of equal types.  Tables added by later migrations are not compared here.
    """
    conn = _connect(path)
    try:
        tables = set(_tables(conn))
        for table, (columns, key, rows) in before.items():
            assert table in tables, f"table {table} is gone"
            now = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
            lost = [c for c in columns if c not in now]
            assert not lost, f"{table}: columns {lost} are gone"
            after = _rows(conn, table, columns, key)
            missing = sorted(set(rows) - set(after), key=repr)
            added = sorted(set(after) - set(rows), key=repr)
            assert not missing, f"{table}: {len(missing)} rows lost, e.g. {rows[missing[0]]}"
            assert not added, f"{table}: {len(added)} rows appeared, e.g. {after[added[0]]}"
            changed = [k for k in rows if rows[k] != after[k]]
            assert not changed, (f"{table}: {len(changed)} rows changed, e.g.\n"
                                 f"  before {rows[changed[0]]}\n  after  {after[changed[0]]}")
    finally:
        conn.close()


def structure(path: Path) -> dict[str, Any]:
    """Tables, columns, keys and indexes of a file, as SQLite reports them."""
    conn = _connect(path)
    try:
        found: dict[str, Any] = {}
        for table in _tables(conn):
            indexes = {}
            for _seq, name, unique, origin, _partial in conn.execute(
                    f'PRAGMA index_list("{table}")'):
                cols = [c[2] for c in conn.execute(f'PRAGMA index_info("{name}")')]
                # Automatic indexes (UNIQUE, PRIMARY KEY) are named by their position.
                indexes[name if origin == "c" else (origin, tuple(cols))] = (unique, cols)
            found[table] = {
                "columns": conn.execute(f'PRAGMA table_info("{table}")').fetchall(),
                "foreign_keys": sorted(conn.execute(
                    f'PRAGMA foreign_key_list("{table}")').fetchall()),
                "indexes": indexes,
            }
        return found
    finally:
        conn.close()


def pragma(path: Path, name: str, *, read_only: bool = False) -> list[tuple[Any, ...]]:
    conn = _connect(path, read_only=read_only)
    try:
        return conn.execute(f"PRAGMA {name}").fetchall()
    finally:
        conn.close()


def stored_exports(version: int) -> dict[str, Any]:
    path = DB_FIXTURES / f"schema_v{version}.exports.json"
    assert path.exists(), (f"{path.name} is missing: write it with fixture_exports.py and "
                           f"the program at schema {version}")
    return json.loads(path.read_text(encoding="utf-8"))


def plan_keys(db: Database) -> list[tuple[str, int, str, str, int]]:
    return sorted((p.unit, p.year, p.kind, p.uid, p.revision) for p in service.list_plans(db))


# --------------------------------------------------------------------------- tests


def test_every_schema_has_a_fixture() -> None:
    """One fixture per schema, 1 to the current one: a new schema must bring its own."""
    found = set(FIXTURE_FILES)
    wanted = set(range(1, SCHEMA_VERSION + 1))
    missing, extra = sorted(wanted - found), sorted(found - wanted)
    assert not missing, (
        f"no database fixture of schema {missing} in {DB_FIXTURES}: copy the last "
        "make_schema_vN.py and run it with the program at that schema (see its docstring)")
    assert not extra, f"fixtures of schemas {extra} this program does not know"
    for version, path in FIXTURE_FILES.items():  # the committed files: read only
        assert pragma(path, "user_version", read_only=True) == [(version,)], path.name
        assert pragma(path, "application_id", read_only=True) == [(APPLICATION_ID,)]
        assert pragma(path, "journal_mode", read_only=True) == [("delete",)], path.name
        assert stored_exports(version)["schema"] == version


@pytest.mark.parametrize("version", sorted(FIXTURE_FILES), ids=lambda v: f"schema-{v}")
def test_database_of_schema_upgrades_keeping_everything(version: int, tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_FILENAME
    path.parent.mkdir()
    shutil.copyfile(FIXTURE_FILES[version], path)
    before = content(path)
    exported = stored_exports(version)["plans"]
    assert exported, "the fixture holds no plan"

    with Database(path) as db:
        report = db.migration
        assert (report.from_version, report.to_version) == (version, SCHEMA_VERSION)
        assert [r[0] for r in pragma(path, "user_version")] == [SCHEMA_VERSION]
        assert [r[0] for r in pragma(path, "application_id")] == [APPLICATION_ID]
        if version < SCHEMA_VERSION:
            assert report.backup is not None
            assert [r[0] for r in pragma(report.backup, "user_version")] == [version]
            assert content(report.backup) == before
        else:
            assert report.backup is None

        assert_rows_kept(before, path)
        assert pragma(path, "integrity_check") == [("ok",)]
        assert pragma(path, "foreign_key_check") == []

        # What the plans export is what they exported before the upgrade.
        assert plan_keys(db) == sorted((p["unit"], p["year"], p["kind"], p["uid"],
                                        p["revision"]) for p in exported)
        for plan in exported:
            assert service.export_plan(db, plan["unit"], plan["year"], plan["kind"]) == \
                plan["export"], (plan["unit"], plan["year"], plan["kind"])

        # Every received file still reads back as the one its receipt names (schema 5
        # keeps new ones compressed; those received before stay as they were).
        with db.session(write=False) as session:
            receipts = session.scalars(select(SyncReceipt)).all()
            for receipt in receipts:
                assert content_hash(receipt.plan_file()) == receipt.content_hash
                unit = receipt.unit.code
            if receipts:
                assert revisions.received_plan(db, unit, receipt.year, receipt.kind,
                                               receipt.revision)["plan"]["unit"]["code"] == unit

    # The upgraded file is built exactly as a new database of this program.
    fresh = tmp_path / "fresh" / DB_FILENAME
    fresh.parent.mkdir()
    Database(fresh).close()
    assert structure(path) == structure(fresh)

    # It opens again as it is, and takes edits: every plan's title, and a value; but
    # a plan held as a unit sent it (schema 6 on), which refuses them.
    with Database(path) as db:
        assert (db.migration.from_version, db.migration.backup) == (SCHEMA_VERSION, None)
        with db.session(write=False) as session:
            received = set(session.connection().exec_driver_sql(
                "SELECT uid FROM plan WHERE receipt_id IS NOT NULL").scalars())
        assert bool(received) == (version >= 6)
        for plan in exported:
            data = plan["export"]["plan"]
            if plan["uid"] in received:
                with pytest.raises(InputError) as caught:
                    editing.set_field(db, "plan", plan["uid"], "title", "Khác")
                assert caught.value.template == editing.MSG_RECEIVED_READ_ONLY
                assert service.export_plan(db, plan["unit"], plan["year"], plan["kind"]) == \
                    plan["export"]
                continue
            saved = editing.set_field(db, "plan", plan["uid"], "title",
                                      data["title"] + " (điều chỉnh)")
            assert saved.revision == plan["revision"] + 1
            expected = {**plan["export"], "plan": {**data, "revision": saved.revision,
                                                   "title": data["title"] + " (điều chỉnh)"}}
            assert service.export_plan(db, plan["unit"], plan["year"], plan["kind"]) == \
                expected
            assert service.plan_history(db, plan["uid"])[-1].attribute == "title"
        plan = next(p for p in exported
                    if p["export"]["plan"]["indicator_groups"] and p["uid"] not in received)
        data = plan["export"]["plan"]
        uid = data["indicator_groups"][0]["indicators"][0]["uid"]
        assert service.set_value(db, uid, data["year"], "final",
                                 parse_value("1.234,5")) == plan["revision"] + 2
        values = service.indicator_values(db, uid)
        assert values[(data["year"], "final")] == parse_value("1.234,5")
    assert pragma(path, "integrity_check") == [("ok",)]
    assert pragma(path, "foreign_key_check") == []
