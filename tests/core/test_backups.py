"""Backups of the data folder's database and restoring them (core.storage.backups)."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from support import FIXTURES, SEED_000, SEED_003
from wardplan_desktop.core import service
from wardplan_desktop.core.errors import InputError, StorageError
from wardplan_desktop.core.storage import backups
from wardplan_desktop.core.storage.database import (
    APPLICATION_ID,
    DB_FILENAME,
    SCHEMA_VERSION,
    Database,
    open_data_folder,
)
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.core.sync.keys import load_identity

NOON = datetime(2024, 5, 6, 12, 0, 0)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [*conn.iterdump(),
                *(f"{p}={conn.execute(f'PRAGMA {p}').fetchone()[0]}"
                  for p in ("user_version", "application_id"))]
    finally:
        conn.close()


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def loaded(db: Database) -> Database:
    service.import_plan_file(db, SEED_003)
    return db


# --------------------------------------------------------------------------- making backups


def test_backup_is_a_checked_copy_with_a_unique_name(loaded: Database) -> None:
    original = dump(loaded.path)
    first = backups.make_backup(loaded, "start", now=NOON)
    second = backups.make_backup(loaded, "start", now=NOON)
    assert first.parent == loaded.path.parent / "backups"
    assert first.name == "wardplan-20240506-120000-start.sqlite3"
    assert second.name == "wardplan-20240506-120000-2-start.sqlite3"
    for copy in (first, second):
        assert dump(copy) == original
        # One self-contained file: no WAL header, nothing beside it.
        assert copy.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])
    assert dump(loaded.path) == original


def test_backup_holds_the_committed_state_while_another_connection_writes(
        loaded: Database) -> None:
    before = dump(loaded.path)
    writer = sqlite3.connect(loaded.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute('UPDATE "plan" SET title = \'half done\'')
        writer.execute("DELETE FROM indicator_value")
        copy = backups.make_backup(loaded, "sync")
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert dump(copy) == before
    assert dump(loaded.path) != before


def test_unknown_reason_is_a_bug(loaded: Database) -> None:
    with pytest.raises(ValueError, match="reason"):
        backups.make_backup(loaded, "whenever")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_folder_is_a_storage_error_and_leaves_nothing(loaded: Database) -> None:
    folder = loaded.path.parent / "backups"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            backups.make_backup(loaded, "start")
        assert "cannot be written" in str(caught.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_full_disk_is_a_storage_error_and_leaves_nothing(
        loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: object, target: Path, **_kw: object) -> None:
        target.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", full)
    with pytest.raises(StorageError, match="is full"):
        backups.make_backup(loaded, "start")
    assert list((loaded.path.parent / "backups").iterdir()) == []


def test_a_damaged_database_makes_no_backup(tmp_path: Path) -> None:
    data = tmp_path / "broken"
    with open_data_folder(data) as db:
        service.import_plan_file(db, SEED_003)
    with Database(data / DB_FILENAME) as db:
        _damage(db.path)
        with pytest.raises(StorageError):
            backups.make_backup(db, "start")
    assert not any(backups.backups_folder(data).glob("*.sqlite3"))


# --------------------------------------------------------------------------- rotation, start


def test_rotation_keeps_the_newest_and_deletes_only_old_backups(loaded: Database) -> None:
    folder = loaded.path.parent
    made = [backups.make_backup(loaded, "start", now=NOON - timedelta(days=d))
            for d in (90, 80, 70, 60, 50, 40, 35, 31, 10, 1)]
    other = backups.backups_folder(folder) / "notes.txt"
    other.write_text("mine")
    foreign = backups.backups_folder(folder) / "wardplan-20000101-000000-start.sqlite3.keep"
    foreign.write_text("mine too")

    deleted = backups.rotate(folder, keep_days=30, keep_min=5, now=NOON)
    assert sorted(deleted) == sorted(made[:5])  # older than 30 days and not among the 5 newest
    assert [b.path for b in backups.list_backups(folder)] == made[5:][::-1]
    assert other.read_text() == "mine" and foreign.exists()

    # Fewer than keep_min left: nothing more goes, however old.
    assert backups.rotate(folder, keep_days=0, keep_min=10, now=NOON + timedelta(days=400)) == []
    assert len(backups.rotate(folder, keep_days=0, keep_min=2, now=NOON)) == 3


def test_start_backup_once_per_day_then_rotation(loaded: Database) -> None:
    old = backups.make_backup(loaded, "start", now=NOON - timedelta(days=60))
    first = backups.backup_at_start(loaded, keep_days=30, now=NOON)
    assert first is not None and first.name.endswith("-start.sqlite3")
    assert backups.backup_at_start(loaded, now=NOON + timedelta(hours=5)) is None
    backups.make_backup(loaded, "sync", now=NOON + timedelta(days=1, hours=-11))
    tomorrow = backups.backup_at_start(loaded, now=NOON + timedelta(days=1))
    assert tomorrow is not None and tomorrow != first
    assert old.exists()  # one of the five newest
    assert [b.reason for b in backups.list_backups(loaded.path.parent)] == [
        "start", "sync", "start", "start"]


def test_list_backups_describes_each_without_changing_it(loaded: Database) -> None:
    service.import_plan_file(loaded, SEED_000)
    copy = backups.make_backup(loaded, "sync", now=NOON)
    (copy.parent / "junk-file.sqlite3").write_bytes(b"not mine")
    before = files_of(copy.parent)

    [info] = backups.list_backups(loaded.path.parent)
    assert (info.path, info.reason, info.size) == (copy, "sync", copy.stat().st_size)
    assert info.when.replace(tzinfo=None) == NOON
    assert info.summary is not None
    assert (info.summary.plans, info.summary.units, info.summary.years) == (2, 2, (2024,))
    assert info.summary.schema == SCHEMA_VERSION
    assert info.summary.latest_change is not None
    assert files_of(copy.parent) == before  # read-only: not even a -wal or -shm appears
    assert backups.list_backups(loaded.path.parent / "nowhere") == []


# --------------------------------------------------------------------------- restore


def test_restore_makes_the_database_equal_to_the_backup_and_can_be_undone(
        loaded: Database) -> None:
    copy = backups.make_backup(loaded, "start", now=NOON)
    service.import_plan_file(loaded, SEED_000)
    changed = dump(loaded.path)
    folder = loaded.path.parent
    loaded.close()

    safety = backups.restore(folder, copy)
    assert safety is not None and safety.name.endswith("-restore.sqlite3")
    assert dump(folder / DB_FILENAME) == dump(copy)
    assert dump(safety) == changed
    with open_data_folder(folder) as db:
        assert [p.unit for p in service.list_plans(db)] == ["P-MYPHU"]

    # Undo: restore the safety backup.
    backups.restore(folder / DB_FILENAME, safety)
    assert dump(folder / DB_FILENAME) == changed


def test_restore_is_refused_while_the_database_is_open(loaded: Database,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    copy = backups.make_backup(loaded, "start")
    monkeypatch.setattr(backups, "BUSY_TIMEOUT_MS", 100)
    before = dump(loaded.path)
    with loaded.session(write=False):
        pass  # a pooled connection stays open
    with pytest.raises(StorageError, match="in use"):
        backups.restore(loaded.path, copy)
    assert dump(loaded.path) == before


def _damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'indicator_value'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * page)


def _bad_backups(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "notes.sqlite3"
    text.write_text("just some text, long enough to be more than a header " * 10)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(good.read_bytes())
    _damage(damaged)
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return {"text": (text, "not a WardPlan"), "foreign": (other, "not a WardPlan"),
            "damaged": (damaged, "damaged"), "newer": (newer, "newer version"),
            "missing": (tmp_path / "gone.sqlite3", "does not exist")}


@pytest.mark.parametrize("case", ["text", "foreign", "damaged", "newer", "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
        loaded: Database, tmp_path: Path, case: str) -> None:
    good = backups.make_backup(loaded, "start")
    (tmp_path / "bad").mkdir()
    bad, message = _bad_backups(tmp_path / "bad", good)[case]
    folder = loaded.path.parent
    loaded.close()
    before, listed = dump(folder / DB_FILENAME), files_of(folder / "backups")
    with pytest.raises(InputError, match=message):
        backups.restore(folder, bad)
    assert dump(folder / DB_FILENAME) == before
    assert files_of(folder / "backups") == listed  # not even a safety backup


def test_restore_accepts_an_older_schema_which_opening_upgrades(
        loaded: Database, tmp_path: Path) -> None:
    schema_v1 = FIXTURES / "db" / "schema_v1.sqlite3"
    folder = loaded.path.parent
    loaded.close()
    backups.restore(folder, schema_v1)
    assert dump(folder / DB_FILENAME) == dump(schema_v1)
    with open_data_folder(folder) as db:
        assert db.migration.from_version == 1
        assert [p.unit for p in service.list_plans(db)] == ["P-MYPHU"]


def test_restore_replaces_a_database_sqlite_cannot_read(loaded: Database) -> None:
    copy = backups.make_backup(loaded, "start")
    folder = loaded.path.parent
    loaded.close()
    (folder / DB_FILENAME).write_bytes(b"garbage " * 1000)
    safety = backups.restore(folder, copy)
    assert safety is not None and safety.read_bytes() == b"garbage " * 1000
    assert dump(folder / DB_FILENAME) == dump(copy)


def test_application_id_of_backups(loaded: Database) -> None:
    copy = backups.make_backup(loaded, "migration")
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


# --------------------------------------------------------------------------- sync import


def test_sync_import_backs_up_once_and_a_preview_never(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_data_folder(tmp_path / "ward") as ward:
        service.import_plan_file(ward, SEED_003)
        sent = exchange.export_package(ward, load_identity(tmp_path / "ward"), "P-MYPHU",
                                       2024).data
    folder = tmp_path / "upper"
    files = [("a.wpsync", sent), ("b.wpsync", b"not a sync file"), ("c.wpsync", sent)]
    monkeypatch.setattr(exchange, "BATCH_FILES", 1)
    with open_data_folder(folder) as upper:
        identity = load_identity(folder)
        empty = dump(upper.path)
        preview = exchange.receive_files(upper, identity, files, apply=False)
        assert [o.status for o in preview] == ["imported", "refused", "unchanged"]
        assert backups.list_backups(folder) == []

        done = exchange.receive_files(upper, identity, files)
        assert [o.status for o in done] == ["imported", "refused", "unchanged"]
        [made] = backups.list_backups(folder)
        assert made.reason == "sync"
        assert dump(made.path) == empty  # the database as it was before the import

        # Nothing stored, nothing backed up.
        again = exchange.receive_files(upper, identity, files[:1])
        assert [o.status for o in again] == ["unchanged"]
        assert len(backups.list_backups(folder)) == 1
