"""Reading plans through the driver, without the ORM (``core.reading``, ``codec.plan_data``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.schema import CreateTable

from support import SEED_000, SEED_003, seed
from wardplan_desktop.core import reading, service
from wardplan_desktop.core.errors import NotFoundError, StorageError
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import BUSY_TIMEOUT_MS, Database
from wardplan_desktop.core.storage.schema import Base


def test_the_rows_written_and_read_name_the_schemas_own_columns() -> None:
    """codec writes and reads tables by name, not through the models: every name it
    uses must be a column of that table (a misspelt one would fail only at run time)."""
    tables = Base.metadata.tables
    for table, columns in codec._CHILD_COLUMNS.items():
        assert set(columns) <= set(tables[table].c.keys()), table
    assert set(codec._PLAN_COLUMNS) <= set(tables["plan"].c.keys())
    connection = sqlite3.connect(":memory:")
    for table in Base.metadata.sorted_tables:
        connection.execute(str(CreateTable(table).compile()))
    # Every SELECT of plan_data compiles against the tables (and finds nothing).
    assert codec.plan_data(connection, uid="none") is None
    assert codec.unit_data(connection, "none") is None


def test_a_plan_read_without_the_orm_is_the_file_it_came_from(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    assert reading.export_plan_by_uid(db, summary.uid) == seed(SEED_003)
    assert reading.list_plans(db) == service.list_plans(db) == [summary]


def test_a_plan_that_is_not_there_is_not_found(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    with pytest.raises(NotFoundError):
        reading.export_plan_by_uid(db, "no-such-plan")


def test_a_units_upper_level_is_read_with_it(db: Database) -> None:
    service.import_plan_file(db, SEED_000)
    with db.reading() as conn:
        unit = codec.unit_data(conn, "P-LELOI")
    assert unit == seed(SEED_000)["plan"]["unit"]
    assert unit is not None and unit["upper"] is not None


def test_reading_sees_the_last_commit_and_does_not_wait_for_a_writer(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    before = reading.export_plan_by_uid(db, summary.uid)
    writer = sqlite3.connect(db.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another program holds the write lock…
        writer.execute("UPDATE plan SET title = 'not yet' WHERE uid = ?", (summary.uid,))
        assert reading.export_plan_by_uid(db, summary.uid) == before  # …uncommitted
        assert reading.folder_role(db) == (None, None)
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert reading.export_plan_by_uid(db, summary.uid)["plan"]["title"] == "not yet"


def test_a_reading_connection_writes_nothing(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    with db.reading() as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM plan")
    assert len(reading.list_plans(db)) == 1


def test_the_orm_is_loaded_by_the_first_unit_of_work_only(tmp_path: Path) -> None:
    db = Database(tmp_path / "lazy.sqlite3")
    try:
        assert db._engine is None
        assert reading.list_plans(db) == [] and reading.folder_role(db) == (None, None)
        assert db._engine is None  # reading made no engine
        service.import_plan_file(db, SEED_003)
        assert db._engine is not None
    finally:
        db.close()


def test_a_new_database_is_read_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """The write-ahead log is set when the database is opened, not by the ORM's first
    connection: a window that has only read so far still never waits for a writer."""
    db = Database(tmp_path / "new.sqlite3")
    try:
        check = sqlite3.connect(db.path)
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        check.close()
        writer = sqlite3.connect(db.path, isolation_level=None, timeout=0)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO setting (key, value) VALUES ('role', 'ward')")
            assert reading.folder_role(db) == (None, None)
            writer.execute("COMMIT")
        finally:
            writer.close()
        assert reading.folder_role(db) == ("ward", None)
    finally:
        db.close()


def test_reading_never_creates_the_database(tmp_path: Path) -> None:
    db = Database(tmp_path / "gone.sqlite3")
    db.path.unlink()
    with pytest.raises(StorageError):
        reading.list_plans(db)
    assert not db.path.exists()


@pytest.mark.parametrize("name", ["Kế hoạch 2026 #1", "q?x=1&mode=ro", "p%20c", "100%"])
def test_a_folder_of_any_name_is_one_database_for_reading_and_writing(
        tmp_path: Path, name: str) -> None:
    """The engine and the driver's reading open the very same file, whatever the folder
    is called (a URL string would read "?" as a query and "%20" as a space)."""
    from wardplan_desktop.core.storage.database import open_data_folder

    db = open_data_folder(tmp_path / name)
    try:
        summary = service.import_plan_file(db, SEED_003)  # through the ORM
        assert reading.list_plans(db) == [summary]  # through the driver
        with db.session(write=False) as session:
            assert session.connection().exec_driver_sql(
                "PRAGMA database_list").fetchone()[2] == str(db.path)
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
