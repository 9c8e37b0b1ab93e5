"""The SQLite storage layer, over real database files.

Opening (schema version, application id, connection settings), the migrated
schema against the models, refusal of newer, foreign and damaged files without
touching them, environment failures (locked, full, read-only) turned into
:class:`StorageError` with nothing written, backups, migrations from the
committed schema-1 database, and the change history written by every edit.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import create_engine, event, select, text

from support import FIXTURES, SEED_000, SEED_003, seed, state
from wardplan_desktop.core import service
from wardplan_desktop.core.errors import (
    MSG_DB_CORRUPT,
    MSG_DB_FOREIGN,
    MSG_DB_FULL,
    MSG_DB_LOCKED,
    MSG_DB_NEWER,
    MSG_DB_READ_ONLY,
    StorageError,
)
from wardplan_desktop.core.storage import database
from wardplan_desktop.core.storage.database import (
    APPLICATION_ID,
    DB_FILENAME,
    SCHEMA_VERSION,
    Database,
    backup_database,
    open_data_folder,
)
from wardplan_desktop.core.storage.schema import (
    Base,
    ChangeRecord,
    Indicator,
    LegalBasis,
    Plan,
    Recipient,
    Section,
)
from wardplan_desktop.core.values import parse_value

SCHEMA_V1 = FIXTURES / "db" / "schema_v1.sqlite3"


# --------------------------------------------------------------------------- helpers


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path: Path, name: str) -> Any:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """The whole logical content of a database file, as SQL."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def first_indicator_uid(db: Database) -> str:
    """The uid of "Thu ngân sách" (target 2024: 9.949.000.000đ) of seed 003."""
    data = service.export_plan(db, "P-MYPHU", 2024)
    return data["plan"]["indicator_groups"][0]["indicators"][0]["uid"]


@contextlib.contextmanager
def failing_writes(engine: sqlalchemy.Engine, exc: BaseException) -> Iterator[None]:
    """Make every INSERT, UPDATE or DELETE on ``engine`` raise ``exc`` at the driver."""

    def before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            raise exc

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", before)


@contextlib.contextmanager
def connection_pragma(db: Database, statement: str) -> Iterator[None]:
    """Run ``statement`` on every connection the database hands out, then forget them."""

    def checkout(dbapi_conn: sqlite3.Connection, *_: Any) -> None:
        dbapi_conn.execute(statement)

    db.engine.dispose()
    event.listen(db.engine, "checkout", checkout)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", checkout)
        db.engine.dispose()  # the pragma stays with those connections: drop them


# --------------------------------------------------------------------------- opening


def test_new_data_folder_gets_schema_version_and_application_id(data_dir: Path) -> None:
    assert not data_dir.exists()
    with open_data_folder(data_dir) as db:
        assert db.path == data_dir / DB_FILENAME
        assert db.migration.from_version == 0
        assert db.migration.to_version == SCHEMA_VERSION
        assert db.migration.backup is None  # nothing to back up in a new file
        assert service.list_plans(db) == []
    assert pragma(db.path, "user_version") == SCHEMA_VERSION
    assert pragma(db.path, "application_id") == APPLICATION_ID
    assert list(data_dir.glob("*.bak")) == []


def test_reopening_a_current_database_changes_nothing(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    db.close()
    before = sha256(db.path)
    with Database(db.path) as again:
        assert again.migration.from_version == again.migration.to_version == SCHEMA_VERSION
        assert again.migration.backup is None
        assert service.export_plan(again, "P-MYPHU", 2024) == seed(SEED_003)
    assert sha256(db.path) == before


def test_session_connection_settings(db: Database) -> None:
    for write in (True, False):
        with db.session(write=write) as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert session.execute(text("PRAGMA busy_timeout")).scalar() == (
                database.BUSY_TIMEOUT_MS)


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sqlalchemy.exc.IntegrityError), db.session() as session:
        session.add(LegalBasis(plan_id=12345, position=0, text="Căn cứ …"))
    assert service.list_plans(db) == []


def _foreign_keys(engine: sqlalchemy.Engine, table: str) -> list[tuple[Any, ...]]:
    """The table's foreign keys as SQLite enforces them (its own pragma: SQLAlchemy reads
    no ON DELETE of a key declared on its column, as a migration adding one declares it)."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})").all()
    keys: dict[int, list[Any]] = {}
    for key, _seq, referred, column, referred_column, _update, delete, _match in rows:
        keys.setdefault(key, [[], referred, [], delete])
        keys[key][0].append(column)
        keys[key][2].append(referred_column)
    return sorted((tuple(c), t, tuple(r), d) for c, t, r, d in keys.values())


def _reflect(engine: sqlalchemy.Engine) -> dict[str, Any]:
    insp = sqlalchemy.inspect(engine)
    tables = {}
    for name in insp.get_table_names():
        tables[name] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"])
                        for c in insp.get_columns(name)],
            "pk": insp.get_pk_constraint(name)["constrained_columns"],
            "fks": _foreign_keys(engine, name),
            "unique": sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(name)),
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                              for i in insp.get_indexes(name)),
        }
    return tables


def test_migrated_schema_matches_the_models(db: Database) -> None:
    """The numbered migrations and the ORM models cannot drift apart."""
    insp = sqlalchemy.inspect(db.engine)
    assert set(insp.get_table_names()) == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        reflected = {c["name"]: c for c in insp.get_columns(name)}
        assert list(reflected) == [c.name for c in table.columns], name
        for column in table.columns:
            assert reflected[column.name]["nullable"] == column.nullable, (name, column.name)
        assert insp.get_pk_constraint(name)["constrained_columns"] == [
            c.name for c in table.primary_key.columns]

    # Types, keys, constraints and indexes: the migrated file against a database
    # made straight from the models.
    fresh = create_engine("sqlite://")
    try:
        Base.metadata.create_all(fresh)
        assert _reflect(db.engine) == _reflect(fresh)
    finally:
        fresh.dispose()


# --------------------------------------------------------------------------- refusals


def test_newer_database_is_refused_unchanged(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    db.close()
    conn = sqlite3.connect(db.path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = sha256(db.path)

    with pytest.raises(StorageError) as info:
        Database(db.path)
    assert info.value.template == MSG_DB_NEWER
    assert info.value.params["found"] == SCHEMA_VERSION + 1
    assert info.value.params["supported"] == SCHEMA_VERSION
    assert "newer version" in str(info.value)
    assert "Update the program" in str(info.value)
    assert sha256(db.path) == before
    assert list(db.path.parent.glob("*.bak")) == []


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Nguyễn Văn A', '0912 345 678')")
    conn.commit()
    conn.close()
    assert pragma(path, "application_id") == 0
    before = sha256(path)

    with pytest.raises(StorageError) as info:
        Database(path)
    assert info.value.template == MSG_DB_FOREIGN
    assert "not a WardPlan Desktop database" in str(info.value)
    assert sha256(path) == before


def test_other_programs_application_id_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234567")
    conn.close()
    before = sha256(path)
    with pytest.raises(StorageError) as info:
        Database(path)
    assert info.value.template == MSG_DB_FOREIGN
    assert sha256(path) == before


def test_non_sqlite_file_is_refused_as_damaged_unchanged(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_bytes(random.Random(7).randbytes(16384))
    before = sha256(path)

    with pytest.raises(StorageError) as info:
        open_data_folder(tmp_path)
    assert info.value.template == MSG_DB_CORRUPT
    assert "damaged" in str(info.value)
    assert "was not changed" in str(info.value)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILENAME]


def test_damaged_pages_surface_as_storage_error(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    db.close()
    page_size = pragma(db.path, "page_size")
    raw = bytearray(db.path.read_bytes())
    assert len(raw) > 4 * page_size
    raw[page_size:] = random.Random(3).randbytes(len(raw) - page_size)  # keep the header page
    db.path.write_bytes(bytes(raw))

    with pytest.raises(StorageError) as info, Database(db.path) as damaged:
        service.list_plans(damaged)
    assert info.value.template == MSG_DB_CORRUPT


# --------------------------------------------------------------------------- environment


def test_locked_database_write_waits_then_fails_with_nothing_written(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The module reads BUSY_TIMEOUT_MS when it makes a connection.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    with open_data_folder(data_dir) as db:
        service.import_plan_file(db, SEED_003)
        uid = first_indicator_uid(db)
        before = state(db)

        other = sqlite3.connect(db.path, isolation_level=None)
        try:
            other.execute("BEGIN EXCLUSIVE")
            started = time.monotonic()
            with pytest.raises(StorageError) as info:
                service.set_value(db, uid, 2024, "target", parse_value("10.000.000.000đ"))
            waited = time.monotonic() - started
            assert info.value.template == MSG_DB_LOCKED
            assert "in use by another program" in str(info.value)
            assert waited >= 0.25  # it waited for the other program first

            with pytest.raises(StorageError) as info:
                service.import_plan_file(db, SEED_000)
            assert info.value.template == MSG_DB_LOCKED

            # Reading does not need the write lock (WAL): the plans stay visible.
            assert state(db) == before
        finally:
            other.execute("ROLLBACK")
            other.close()

        assert state(db) == before
        # Once the other program lets go, the same edit goes through.
        assert service.set_value(db, uid, 2024, "target", parse_value("10.000.000.000đ")) == 2


def test_locked_database_refuses_to_open_a_new_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as info:
            Database(path)
        assert info.value.template == MSG_DB_LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert pragma(path, "user_version") == 0


def test_disk_full_while_importing_leaves_the_data_unchanged(db: Database) -> None:
    """A real SQLITE_FULL: the database may not grow by a single page."""
    service.import_plan_file(db, SEED_003)
    before = state(db)
    # max_page_count is clamped to the current size: not one more page.
    with connection_pragma(db, "PRAGMA max_page_count = 1"), pytest.raises(StorageError) as info:
        service.import_plan_file(db, SEED_000)
    assert info.value.template == MSG_DB_FULL
    assert "is full" in str(info.value)
    assert "nothing was changed" in str(info.value)
    assert state(db) == before


@pytest.mark.parametrize(
    "failure",
    [sqlite3.OperationalError("database or disk is full"),
     OSError(errno.ENOSPC, "No space left on device")],
    ids=["sqlite-full", "enospc"],
)
def test_disk_full_on_write_is_reported_and_nothing_changes(
    db: Database, failure: BaseException
) -> None:
    service.import_plan_file(db, SEED_003)
    uid = first_indicator_uid(db)
    before = state(db)
    with failing_writes(db.engine, failure):
        with pytest.raises(StorageError) as info:
            service.set_value(db, uid, 2024, "target", parse_value("10.000.000.000đ"))
        assert info.value.template == MSG_DB_FULL
        with pytest.raises(StorageError) as info:
            service.import_plan_file(db, SEED_000)
        assert info.value.template == MSG_DB_FULL
        with pytest.raises(StorageError):
            service.rollover(db, "P-MYPHU", 2024)
    assert state(db) == before


def test_read_only_database_is_reported_and_nothing_changes(db: Database) -> None:
    """A real SQLITE_READONLY, from a connection that may not write."""
    service.import_plan_file(db, SEED_003)
    uid = first_indicator_uid(db)
    before = state(db)
    with connection_pragma(db, "PRAGMA query_only = 1"):
        with pytest.raises(StorageError) as info:
            service.set_value(db, uid, 2024, "target", parse_value("10.000.000.000đ"))
        assert info.value.template == MSG_DB_READ_ONLY
        assert "cannot be written" in str(info.value)
        assert info.value.params["path"] == str(db.path.parent)
    assert state(db) == before


@pytest.mark.parametrize(
    "failure",
    [sqlite3.OperationalError("attempt to write a readonly database"),
     PermissionError(errno.EACCES, "Permission denied"),
     OSError(errno.EROFS, "Read-only file system")],
    ids=["sqlite-readonly", "eacces", "erofs"],
)
def test_read_only_folder_on_write_is_reported_and_nothing_changes(
    db: Database, failure: BaseException
) -> None:
    service.import_plan_file(db, SEED_003)
    before = state(db)
    with failing_writes(db.engine, failure), pytest.raises(StorageError) as info:
        service.import_plan_file(db, SEED_000)
    assert info.value.template == MSG_DB_READ_ONLY
    assert state(db) == before


def test_data_folder_that_cannot_be_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StorageError) as info:
        open_data_folder(tmp_path / "new" / "data")
    assert info.value.template == MSG_DB_READ_ONLY


def test_bugs_are_not_disguised_as_storage_errors(db: Database) -> None:
    with pytest.raises(ZeroDivisionError), db.session():
        1 / 0  # noqa: B018
    with pytest.raises(sqlalchemy.exc.OperationalError), db.session() as session:
        session.execute(text("SELECT * FROM no_such_table"))


# --------------------------------------------------------------------------- backup and migration


def test_backup_database_copies_identical_content(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    service.set_value(db, first_indicator_uid(db), 2024, "estimate", parse_value("9.000.000.000đ"))
    original = dump(db.path)

    first = backup_database(db.path, "manual")
    second = backup_database(db.path, "manual")
    assert first != second
    for copy in (first, second):
        assert copy.parent == db.path.parent
        assert copy.name.startswith(f"{db.path.stem}.manual.")
        assert copy.suffix == ".bak"
        assert dump(copy) == original
        assert pragma(copy, "user_version") == SCHEMA_VERSION
        assert pragma(copy, "application_id") == APPLICATION_ID
    with Database(first) as restored:
        assert service.export_plan(restored, "P-MYPHU", 2024) == service.export_plan(
            db, "P-MYPHU", 2024)
    assert dump(db.path) == original


def _copy_schema_v1(tmp_path: Path) -> Path:
    path = tmp_path / "old" / DB_FILENAME
    path.parent.mkdir()
    shutil.copyfile(SCHEMA_V1, path)
    return path


def _schema_v1_with_step_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sql: str
) -> tuple[Path, list[str]]:
    """A copy of the schema-1 database and its content, and a program whose
    schema 2 is reached from it by running ``sql``."""
    path = _copy_schema_v1(tmp_path)
    original = dump(path)
    monkeypatch.setattr(database, "MIGRATIONS", [database.MIGRATIONS[0], (2, sql)])
    monkeypatch.setattr(database, "SCHEMA_VERSION", 2)
    return path, original


def test_committed_schema_v1_database_opens_with_its_plan_intact(tmp_path: Path) -> None:
    """The guard for every future migration: a schema-1 file must keep its plan."""
    path = _copy_schema_v1(tmp_path)
    # The fixture really is schema 1 (see make_schema_v1.py: never regenerate it later).
    assert pragma(path, "user_version") == 1
    assert pragma(path, "application_id") == APPLICATION_ID
    original = dump(path)

    with Database(path) as db:
        assert db.migration.from_version == 1
        assert db.migration.to_version == SCHEMA_VERSION
        assert pragma(path, "user_version") == SCHEMA_VERSION
        if SCHEMA_VERSION > 1:
            assert db.migration.backup is not None
            assert dump(db.migration.backup) == original
        else:
            assert db.migration.backup is None
        assert service.export_plan(db, "P-MYPHU", 2024) == seed(SEED_003)
        [summary] = service.list_plans(db)
        history = service.plan_history(db, summary.uid)
        assert [(c.action, c.revision) for c in history] == [("import", 1)]
        # And the migrated database is fully usable.
        assert service.set_value(db, first_indicator_uid(db), 2024, "final",
                                 parse_value("10.102.000.000đ")) == 2


def test_migration_step_backs_up_first_and_bumps_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, original = _schema_v1_with_step_2(
        tmp_path, monkeypatch,
        "-- a later schema\nCREATE TABLE later_step (id INTEGER PRIMARY KEY);\n")

    with Database(path) as db:
        assert (db.migration.from_version, db.migration.to_version) == (1, 2)
        backup = db.migration.backup
        assert backup is not None and backup.exists()
        assert "before-v2" in backup.name
        assert dump(backup) == original
        assert pragma(backup, "user_version") == 1
        assert pragma(path, "user_version") == 2
        assert pragma(path, "application_id") == APPLICATION_ID
        assert "later_step" in sqlalchemy.inspect(db.engine).get_table_names()
    # The plan is still there (read as rows: the models are of the real latest schema).
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT uid, title FROM plan").fetchall() == [
            (seed(SEED_003)["plan"]["uid"], seed(SEED_003)["plan"]["title"])]


def test_failed_migration_step_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, original = _schema_v1_with_step_2(
        tmp_path, monkeypatch, "CREATE TABLE half_done (id INTEGER);\nCREATE TABLE broken (;\n")

    with pytest.raises(sqlite3.OperationalError):  # a packaging bug, not the user's
        Database(path)
    assert pragma(path, "user_version") == 1
    assert dump(path) == original  # the half-done step was rolled back
    [backup] = path.parent.glob("*.bak")
    assert dump(backup) == original


# --------------------------------------------------------------------------- history


def _revision(db: Database) -> int:
    with db.session(write=False) as session:
        return session.scalar(select(Plan.revision))


def _history(db: Database) -> list[tuple[str, str, str]]:
    with db.session(write=False) as session:
        return [(r.action, r.entity, r.attribute) for r in session.scalars(
            select(ChangeRecord).order_by(ChangeRecord.id))]


def test_history_records_edits_of_any_kind_once_per_transaction(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    assert _revision(db) == 1

    with db.session() as session:  # several edits, one transaction: one revision
        plan = session.scalar(select(Plan))
        plan.title = "Thực hiện nhiệm vụ năm 2024 (sửa)"
        plan.legal_bases[0].text = "Căn cứ …;"
        session.flush()
        plan.signer = "Nguyễn Văn B"
    assert _revision(db) == 2
    assert _history(db)[1:] == [("update", "plan", "title"), ("update", "legal_basis", "text"),
                                ("update", "plan", "signer")]

    with db.session() as session:  # a child appended to a plan's list
        plan = session.scalar(select(Plan))
        plan.recipients.append(Recipient(position=9, name="Phòng TC-KH", purpose="B/c"))
    assert _revision(db) == 3
    assert _history(db)[-1] == ("insert", "recipient", "")

    with db.session() as session:  # a child taken out of a plan's list
        plan = session.scalar(select(Plan))
        plan.recipients.pop(0)
    assert _revision(db) == 4
    assert _history(db)[-1] == ("delete", "recipient", "")
    names = [r["name"] for r in service.export_plan(db, "P-MYPHU", 2024)["plan"]["recipients"]]
    assert names == ["TT.ĐU; TT.HĐND Phường", "TV.UB phường", "Lưu: VT", "Phòng TC-KH"]

    with db.session() as session:  # a section moved under another one
        sections = session.scalars(select(Section).order_by(Section.id)).all()
        target = next(s for s in sections if s.parent_id is None and s is not sections[-1])
        moved = sections[-1]
        assert moved.parent_id != target.id
        moved.parent = target
    assert _revision(db) == 5
    assert _history(db)[-1] == ("update", "section", "parent")

    with db.session() as session:  # a value taken out of an indicator's list
        indicator = session.scalar(select(Indicator).where(Indicator.values.any()))
        indicator.values.pop()
    assert _revision(db) == 6
    assert _history(db)[-1] == ("delete", "indicator_value", "")


def test_history_is_written_with_the_change_or_not_at_all(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    before = state(db)
    with pytest.raises(RuntimeError), db.session() as session:
        plan = session.scalar(select(Plan))
        plan.title = "never saved"
        session.flush()  # history rows and the new revision are written…
        assert session.scalar(select(sqlalchemy.func.count(ChangeRecord.id))) == 2
        raise RuntimeError("…and rolled back with the edit")
    assert state(db) == before
    assert _revision(db) == 1
