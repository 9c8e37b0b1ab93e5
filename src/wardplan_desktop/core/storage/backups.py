"""Backups of the data folder's database, and restoring one.

Backups live in ``<data folder>/backups`` as ``wardplan-YYYYMMDD-HHMMSS-<reason>.sqlite3``
(local time; a second backup within the same second gets ``-2``, ``-3``... after the
time).  Each is a consistent copy made with SQLite's online backup API (the same
mechanism as the copy before a migration, :func:`database.copy_database`), written
under a temporary name, checked with ``PRAGMA integrity_check`` and only then given
its name: a file with a backup's name is always whole.  Backups are self-contained
files (rollback journal, no ``-wal`` beside them); they are only ever read through
read-only connections.

Nothing here decides *when* to back up: the program calls :func:`backup_at_start`
once it really starts (never in a smoke test), the sync import calls
:func:`make_backup` before storing files, and :func:`restore` backs up the current
database before replacing it, so that a restore can itself be undone.

:func:`restore` works on the database *file* through its own connections: the
caller must have closed its :class:`Database` (``db.close()``) before, and opens
it again afterwards (which upgrades a backup of an older schema).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

from ..errors import (
    MSG_CANNOT_READ_FILE,
    MSG_DB_CORRUPT,
    MSG_DB_OTHER,
    QT_TRANSLATE_NOOP,
    InputError,
    StorageError,
    describe_os_error,
)
from .database import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    DB_FILENAME,
    SCHEMA_VERSION,
    Database,
    copy_database,
    storage_errors,
)

BACKUP_DIR = "backups"
REASONS = ("start", "sync", "migration", "restore")
KEEP_DAYS = 30
KEEP_MIN = 5

_NAME = re.compile(r"^wardplan-(\d{8})-(\d{6})(?:-(\d+))?-([a-z]+)\.sqlite3$")
_TEMP_PREFIX = ".incomplete-"

MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a WardPlan Desktop database; nothing was restored.")
MSG_BACKUP_NEWER = QT_TRANSLATE_NOOP(
    "Errors", "The backup {path} was made by a newer version of WardPlan Desktop (schema "
    "{found}; this version knows up to {supported}). Update the program to restore it; "
    "nothing was restored.")
MSG_BACKUP_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "The backup {path} is damaged ({detail}). Choose another backup; nothing was "
    "restored.")
MSG_BACKUP_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "The backup {path} does not exist any more; nothing was restored.")


@dataclass(frozen=True)
class Summary:
    """What a database holds, for a clerk choosing a backup."""

    plans: int
    units: int
    years: tuple[int, ...]
    latest_change: datetime | None  # local time; None when it holds no plan
    schema: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: datetime  # local time, when the backup was made
    reason: str  # one of REASONS
    size: int  # bytes
    summary: Summary | None  # None: the file cannot be read as a WardPlan database


def backups_folder(data_folder: Path) -> Path:
    return Path(data_folder) / BACKUP_DIR


def _local(now: datetime | None) -> datetime:
    return (now or datetime.now()).astimezone()


def _ro_uri(path: Path) -> str:
    # absolute(), not resolve(): on Windows that would turn a mapped drive into a share
    # (\\server\share), a host in the URI, which SQLite refuses.
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor create one)."""
    return sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _integrity(conn: sqlite3.Connection) -> str:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    return "ok" if rows == ["ok"] else "; ".join(rows)


# --------------------------------------------------------------------------- making backups


def _place(temp: Path, folder: Path, when: datetime, reason: str) -> Path:
    """Give the finished ``temp`` a backup's name that no other file has, atomically."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    for n in count(1):
        suffix = "" if n == 1 else f"-{n}"
        target = folder / f"wardplan-{stamp}{suffix}-{reason}.sqlite3"
        try:
            os.link(temp, target)  # fails if the name is taken, even by another process
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system
            if target.exists():
                continue
            os.replace(temp, target)
        return target
    raise AssertionError("unreachable")  # pragma: no cover


def _snapshot(path: Path, reason: str, now: datetime | None = None, *,
              verify: bool = True) -> Path:
    """Back up the database file ``path`` into its folder's backups; the backup's path."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    path = Path(path)
    folder = backups_folder(path.parent)
    with storage_errors(path):
        if not path.is_file():
            raise StorageError(MSG_DB_OTHER, path=str(path),
                               detail=describe_os_error(FileNotFoundError(2, "")))
        folder.mkdir(exist_ok=True)
        temp = folder / f"{_TEMP_PREFIX}{uuid.uuid4().hex}.sqlite3"
        try:
            copy_database(path, temp)
            conn = sqlite3.connect(temp)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                problem = _integrity(conn)
            finally:
                conn.close()
            if verify and problem != "ok":
                raise StorageError(MSG_DB_CORRUPT, path=str(path), detail=problem)
            return _place(temp, folder, _local(now), reason)
        finally:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)


def make_backup(db: Database, reason: str, *, now: datetime | None = None) -> Path:
    """A checked, consistent copy of ``db`` in ``<data folder>/backups``; its path.

    Safe while the program (or another one) is writing: the copy holds the last
    committed state.  Raises :class:`StorageError` (disk full, read-only folder,
    database locked or damaged); no partial backup is ever left behind.
    """
    return _snapshot(db.path, reason, now)


# --------------------------------------------------------------------------- listing, rotating


def _entries(data_folder: Path) -> list[tuple[datetime, int, str, Path]]:
    """(when, number within the second, reason, path) of every backup, newest first."""
    folder = backups_folder(data_folder)
    found = []
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    for path in names:
        m = _NAME.match(path.name)
        if not m or m[4] not in REASONS or not path.is_file():
            continue
        try:
            when = datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S").astimezone()
        except ValueError:
            continue
        found.append((when, int(m[3] or 1), m[4], path))
    found.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return found


def summarize(path: Path) -> Summary | None:
    """What the database ``path`` holds, read without changing it; None if unreadable."""
    try:
        conn = _read_only(path)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        plans, units, latest = conn.execute(
            'SELECT count(*), count(DISTINCT unit_id), max(updated_at) FROM "plan"').fetchone()
        years = tuple(y for y, in conn.execute('SELECT DISTINCT year FROM "plan" ORDER BY year'))
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    change = None
    if latest:
        with contextlib.suppress(ValueError):
            change = datetime.fromisoformat(latest)
            change = (change if change.tzinfo else change.replace(tzinfo=UTC)).astimezone()
    return Summary(plans, units, years, change, schema)


def list_backups(data_folder: Path) -> list[BackupInfo]:
    """The backups of a data folder, newest first; other files there are ignored."""
    infos = []
    for when, _n, reason, path in _entries(data_folder):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        infos.append(BackupInfo(path, when, reason, size, summarize(path)))
    return infos


def rotate(data_folder: Path, keep_days: int = KEEP_DAYS, keep_min: int = KEEP_MIN, *,
           now: datetime | None = None) -> list[Path]:
    """Delete backups older than ``keep_days``, always keeping the newest ``keep_min``.

    Only files named as backups are touched; one that cannot be deleted stays.
    Returns the deleted files.
    """
    limit = _local(now) - timedelta(days=keep_days)
    deleted = []
    for when, _n, _reason, path in _entries(data_folder)[keep_min:]:
        if when < limit:
            try:
                path.unlink()
            except OSError:
                continue
            deleted.append(path)
    return deleted


def backup_at_start(db: Database, keep_days: int = KEEP_DAYS, *,
                    now: datetime | None = None) -> Path | None:
    """The day's "start" backup (None if today's exists already), then rotation."""
    today: date = _local(now).date()
    folder = db.path.parent
    made = None
    if not any(reason == "start" and when.date() == today
               for when, _n, reason, _p in _entries(folder)):
        made = make_backup(db, "start", now=now)
    rotate(folder, keep_days, now=now)
    return made


# --------------------------------------------------------------------------- restoring


def _check_backup(backup: Path) -> None:
    """Refuse (InputError) anything that is not a whole WardPlan database we can read."""
    if not backup.is_file():
        raise InputError(MSG_BACKUP_MISSING, path=str(backup))
    try:
        conn = _read_only(backup)
    except OSError as exc:
        raise InputError(MSG_CANNOT_READ_FILE, path=str(backup),
                         detail=describe_os_error(exc)) from exc
    try:
        with storage_errors(backup):
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                text = str(exc).lower()
                if "not a database" in text:
                    raise InputError(MSG_NOT_A_BACKUP, path=str(backup)) from exc
                if "malformed" in text or "corrupt" in text:
                    raise InputError(MSG_BACKUP_DAMAGED, path=str(backup),
                                     detail=str(exc)) from exc
                raise
            if app_id != APPLICATION_ID or version < 1:
                raise InputError(MSG_NOT_A_BACKUP, path=str(backup))
            if version > SCHEMA_VERSION:
                raise InputError(MSG_BACKUP_NEWER, path=str(backup), found=version,
                                 supported=SCHEMA_VERSION)
            try:
                problem = _integrity(conn)
            except sqlite3.DatabaseError as exc:
                problem = str(exc)
            if problem != "ok":
                raise InputError(MSG_BACKUP_DAMAGED, path=str(backup), detail=problem)
    finally:
        conn.close()


def _raw_copy(path: Path, now: datetime | None) -> Path:
    """A byte copy of a database SQLite cannot read at all, kept before it is replaced."""
    folder = backups_folder(path.parent)
    temp = folder / f"{_TEMP_PREFIX}{uuid.uuid4().hex}.sqlite3"
    with storage_errors(path):
        try:
            shutil.copyfile(path, temp)
            return _place(temp, folder, _local(now), "restore")
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def restore(db_path_or_folder: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Replace the database with the content of ``backup``; the safety backup's path.

    ``db_path_or_folder`` is the database file or its data folder.  The caller must
    have closed its :class:`Database` first (the restore is refused as "in use" while
    a connection is open) and reopens it afterwards.  The backup is checked first (a
    WardPlan database, not newer than this program, passing ``integrity_check``):
    a refused backup leaves everything as it was.  Then the current database is
    backed up (reason "restore", so the restore can be undone; None if there was no
    database) and the backup's content is written into the database file through
    SQLite's backup API, in one transaction.  A backup of an older schema is
    upgraded when the database is next opened.
    """
    target = Path(db_path_or_folder)
    path = target / DB_FILENAME if target.is_dir() else target
    backup = Path(backup)
    _check_backup(backup)
    safety = None
    readable = True
    if path.exists():
        try:
            safety = _snapshot(path, "restore", now, verify=False)
        except StorageError as exc:
            if exc.template != MSG_DB_CORRUPT:
                raise
            safety, readable = _raw_copy(path, now), False  # not even readable: keep its bytes
    with storage_errors(path):
        if not readable:
            _replace_unreadable(path, backup)
            return safety
        if path.exists():
            # Leaving WAL needs the only connection: a database still open elsewhere is
            # refused as locked, and the WAL is written back so none of it outlives the
            # restore.
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                conn.close()
        copy_database(_ro_uri(backup), path, uri=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        finally:
            conn.close()
    return safety


def _replace_unreadable(path: Path, backup: Path) -> None:
    """Put a copy of ``backup`` in place of a file SQLite cannot open as a database."""
    temp = path.with_name(f"{_TEMP_PREFIX}{uuid.uuid4().hex}.sqlite3")
    try:
        copy_database(_ro_uri(backup), temp, uri=True)
        for side in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
