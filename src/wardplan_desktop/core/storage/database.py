"""Opening the SQLite database: checks, backups, migrations, connection settings.

Schema versions live in SQLite's ``user_version``; ``application_id`` marks the
file as ours.  Each migration step runs in one transaction that also bumps the
version, after the whole file has been copied aside with SQLite's backup API.
A database written by a newer version of the program is refused untouched.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import (
    MSG_DB_CORRUPT,
    MSG_DB_FOREIGN,
    MSG_DB_FULL,
    MSG_DB_LOCKED,
    MSG_DB_NEWER,
    MSG_DB_OTHER,
    MSG_DB_READ_ONLY,
    StorageError,
)

# SQLAlchemy is loaded when the first unit of work begins, not at the program's start
# (``rows.py`` reads what the window shows first through the driver).
if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

APPLICATION_ID = 0x57504C4E  # "WPLN"
BUSY_TIMEOUT_MS = 5000
DB_FILENAME = "wardplan.sqlite3"


def _migration_files() -> list[tuple[int, str]]:
    folder = resources.files(__package__).joinpath("migrations")
    steps = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            steps.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    steps.sort()
    expected = list(range(1, len(steps) + 1))
    if [n for n, _ in steps] != expected:  # pragma: no cover - a packaging error
        raise RuntimeError(f"migration steps are not numbered 1..n: {[n for n, _ in steps]}")
    return steps


MIGRATIONS = _migration_files()
SCHEMA_VERSION = len(MIGRATIONS)


def classify(exc: BaseException, path: Path) -> StorageError | None:
    """Turn an environment failure into a message for the user; None for a bug."""
    inner = getattr(exc, "orig", None) or exc
    if isinstance(inner, OSError) and not isinstance(inner, sqlite3.Error):
        if inner.errno == errno.ENOSPC:
            return StorageError(MSG_DB_FULL, path=str(path))
        if inner.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageError(MSG_DB_READ_ONLY, path=str(path.parent))
        return StorageError(MSG_DB_OTHER, path=str(path), detail=str(inner))
    if not isinstance(inner, sqlite3.Error):
        return None
    text = str(inner).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError(MSG_DB_FULL, path=str(path))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(MSG_DB_READ_ONLY, path=str(path.parent))
    if "locked" in text or "busy" in text:
        return StorageError(MSG_DB_LOCKED, path=str(path))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(MSG_DB_CORRUPT, path=str(path), detail=str(inner))
    if "disk i/o error" in text:
        return StorageError(MSG_DB_OTHER, path=str(path), detail=str(inner))
    return None


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Re-raise environment failures inside the block as :class:`StorageError`."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:
        if not isinstance(exc, sqlite3.Error | OSError) and not _driver_error(exc):
            raise
        known = classify(exc, path)
        if known is None:
            raise
        raise known from exc


def _driver_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLAlchemy's wrapper of a driver error (its ``orig``)."""
    if "sqlalchemy" not in sys.modules:  # not loaded: nothing can have raised it
        return False
    from sqlalchemy import exc as sa_exc

    return isinstance(exc, sa_exc.DBAPIError)


def _connect_raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (SQLite's own completeness test)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError("incomplete statement at the end of a migration")


def copy_database(source: Path | str, target: Path, *, uri: bool = False) -> None:
    """Copy a database into ``target`` with SQLite's online backup API.

    The copy is consistent: the source's last committed state, even while another
    connection is writing.  ``target`` is overwritten page by page through SQLite
    (safe for a live database no one else writes meanwhile); ``uri`` lets the
    source be opened as a ``file:`` URI, e.g. read-only.
    """
    src = sqlite3.connect(source, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_database(path: Path, reason: str) -> Path:
    """Copy the database beside itself with SQLite's online backup API."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{reason}.{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{reason}.{stamp}-{n}.bak")
    copy_database(path, target)
    return target


@dataclass(frozen=True)
class MigrationReport:
    from_version: int
    to_version: int
    backup: Path | None


def _write_ahead_log(conn: sqlite3.Connection) -> None:
    """Write-ahead logging from the first opening (the engine asks again on each of its
    connections): readers never wait for a writer, also those through the driver
    (:meth:`Database.reading`) before the engine is made."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")


def migrate(path: Path) -> MigrationReport:
    """Bring the database at ``path`` (created if absent) to the current schema."""
    with storage_errors(path):
        conn = _connect_raw(path)
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
                raise StorageError(MSG_DB_FOREIGN, path=str(path))
            if found > SCHEMA_VERSION:
                raise StorageError(
                    MSG_DB_NEWER, path=str(path), found=found, supported=SCHEMA_VERSION
                )
            if found == SCHEMA_VERSION:
                _write_ahead_log(conn)
                return MigrationReport(found, found, None)
            backup = None
            if found > 0:
                conn.close()
                backup = backup_database(path, f"before-v{SCHEMA_VERSION}")
                conn = _connect_raw(path)
            for number, script in MIGRATIONS[found:]:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _statements(script):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {number}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            _write_ahead_log(conn)  # after the backup, which stays one whole file
            return MigrationReport(found, SCHEMA_VERSION, backup)
        finally:
            conn.close()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself: pysqlite's own
    # transaction handling would defer it past SELECTs and break isolation.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


#: Execution option marking a unit of work that writes: it takes SQLite's write lock
#: at BEGIN.  A deferred transaction that reads first and then writes cannot wait for
#: another writer (SQLite refuses the upgrade at once, without the busy timeout); an
#: immediate one waits up to BUSY_TIMEOUT_MS for the lock like any other statement.
_WRITE = "wardplan_write"


def _on_begin(conn: object) -> None:
    write = conn.get_execution_options().get(_WRITE, False)  # type: ignore[attr-defined]
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")  # type: ignore[attr-defined]


def make_engine(path: Path) -> Engine:
    from sqlalchemy import URL, create_engine, event

    # The path as a URL's database, not inside a URL string: a folder named with "?",
    # "#" or "%" would otherwise be read as a query or an escape (another file).
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open, migrated database: a factory of short-lived sessions, and of read-only
    driver connections (:meth:`reading`).  The engine is made with the first session."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.migration = migrate(self.path)
        self._lock = threading.Lock()  # the first sessions may be asked for by two threads
        self._engine: Engine | None = None
        self._factories: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = make_engine(self.path)
            return self._engine

    def _sessions(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The factories of sessions that write and of those that only read."""
        engine = self.engine
        with self._lock:
            if self._factories is None:
                from sqlalchemy.orm import sessionmaker

                from . import history

                writing = sessionmaker(engine.execution_options(**{_WRITE: True}),
                                       expire_on_commit=False)
                reading = sessionmaker(engine, expire_on_commit=False)
                history.install(writing)
                history.install(reading)
                self._factories = writing, reading
            return self._factories

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A driver connection inside one read transaction (every query sees the same
        moment), for what ``rows.py`` reads; closed at the end of the block.

        It never waits for a writer (readers do not, in SQLite's write-ahead log, which
        :func:`migrate` sets) and runs no statement that writes (``query_only``); a
        file that is gone "could not be used" (looked for first: SQLite would make an
        empty one).  Environment failures surface as :class:`StorageError`.
        (Closing the last connection to the file, SQLite moves the log into it.)
        """
        with storage_errors(self.path):
            # By its plain path, as the engine opens it (a file: URI cannot name every
            # path, a Windows share for one); never made here if it has gone meanwhile.
            self.path.stat()
            conn = sqlite3.connect(self.path, isolation_level=None,
                                   timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            try:
                conn.execute("PRAGMA query_only = ON")
                conn.execute("BEGIN")
                yield conn
            finally:
                conn.close()  # which ends the read transaction

    @contextlib.contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: committed at the end of the block, rolled back on error.

        Environment failures surface as :class:`StorageError`; nothing of the
        unit of work is kept when one occurs.  A unit of work that writes takes
        the write lock when it begins (waiting up to the busy timeout for another
        program); ``write=False`` is for units of work that only read, which then
        never wait for a writer.
        """
        factory = self._sessions()[0 if write else 1]
        with storage_errors(self.path), factory() as session, session.begin():
            yield session

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_data_folder(folder: Path) -> Database:
    """Open (creating if needed) the database kept in a data folder."""
    folder = Path(folder)
    with storage_errors(folder / DB_FILENAME):
        folder.mkdir(parents=True, exist_ok=True)
    return Database(folder / DB_FILENAME)
