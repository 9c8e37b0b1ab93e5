"""Sending plans up and receiving them: the ward's export, the upper level's import.

A data folder is a ward's or an upper level's (the ``role`` setting).  An empty
folder given a ward's file becomes the upper level that file is addressed to.
The upper level pins each unit's signing key on its first file; a file signed
with another key is refused unless an officer re-pins it, which is audited.
Every file is checked completely before anything is written and is stored
whole or not at all (see _Folder.receive): the same file twice changes
nothing, and an older revision never replaces a newer one.

An upper level receives the files of hundreds or thousands of wards at once, so
receiving is built for numbers: the checks that need only the file (unpacking,
signature, decryption, the plan's schema and consistency) run in worker processes
when there are many files, and the files are stored a few hundred per transaction,
straight through the database driver.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection, Generator, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ... import __version__
from ..errors import QT_TRANSLATE_NOOP, InputError, WardPlanError
from ..interchange import codec
from ..reading import folder_role as folder_role
from ..service import export_plan, find_plan
from ..storage import backups, history
from ..storage.database import Database
from ..storage.rows import OWN_UNIT, ROLE
from ..storage.schema import Setting, utc_now
from .keys import Identity, b64, fingerprint, unb64
from .package import (
    SyncError,
    content_hash,
    short_hash,
    write_package,
)
from .package import (
    seal_of as seal_of,
)
from .reader import MSG_MISMATCH as MSG_MISMATCH
from .reader import MSG_NOT_A_PLAN as MSG_NOT_A_PLAN
from .reader import Checked, Portable, no_cycle_collection, read_chunk, revived, start_worker

if TYPE_CHECKING:  # worker processes and cryptography are imported when files are received
    from concurrent.futures import Future, ProcessPoolExecutor

UPPER_BOX_KEY = "upper_receiving_key"
UPPER_CODE = "upper_code"

MSG_NO_UPPER = QT_TRANSLATE_NOOP(
    "Errors", "Unit {unit} has no upper level to send to. Enter the upper level in the unit's "
    "details first.")
MSG_NOT_OUR_PLAN = QT_TRANSLATE_NOOP(
    "Errors", "This office ({own}) cannot send the plan of {unit} as its own: only {unit} "
    "sends its plan, signed with its key. Pass on the file {unit} sent, or ask {unit} to "
    "send it.")
MSG_WARD_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "This data folder belongs to ward {own}; plans sent up by wards are received in "
    "the upper level's data folder.")
MSG_NOT_FOR_US = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is addressed to {receiver}, not to this office ({own}).")
MSG_UNKNOWN_UNIT = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} comes from {unit} ({code}), which is not registered here. "
    "Register the unit, or accept it explicitly.")
MSG_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} from {code} is signed with key {found}, but this office knows "
    "{code} by key {pinned}. It may not come from {code}. If {code} really changed computers, "
    "an officer must confirm the new key explicitly.")
MSG_OLDER = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} holds revision {revision} of {code}'s plan for {year}, older "
    "than revision {held} already received; nothing was changed.")
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} holds revision {revision} of {code}'s plan for {year} with "
    "content different from the revision {revision} already received. Ask {code} to export "
    "the plan again.")
NOTE_DUPLICATE = QT_TRANSLATE_NOOP(
    "Errors", "Already received: revision {revision} of {code}'s plan for {year}; nothing "
    "changed.")


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


# --------------------------------------------------------------------------- ward side


@dataclass(frozen=True)
class SentFile:
    data: bytes
    content_hash: str
    key_fingerprint: str
    encrypted: bool

    @property
    def short_hash(self) -> str:
        return short_hash(self.content_hash)


def export_package(db: Database, identity: Identity, unit_code: str, year: int,
                   kind: str = "plan") -> SentFile:
    """The signed sync file of a plan revision, encrypted when the upper level's key is known."""
    data = export_plan(db, unit_code, year, kind)
    _role, own = folder_role(db)
    if own and unit_code != own:
        # Another unit's plan (one it sent, or a file imported here): signed with this
        # installation's key, it would pass for that unit's own file wherever it went.
        raise InputError(MSG_NOT_OUR_PLAN, unit=unit_code, own=own)
    plan = data["plan"]
    upper = plan["unit"].get("upper")
    if not upper:
        raise InputError(MSG_NO_UPPER, unit=unit_code)
    with db.session(write=False) as session:
        created = find_plan(session, unit_code, year, kind).updated_at
        box = get_setting(session, UPPER_BOX_KEY)
        box_for = get_setting(session, UPPER_CODE)
    recipient = unb64(box) if box and box_for == upper["code"] else None
    payload = codec.dump_plan(data)
    manifest = {
        "type": "plan",
        "sender": {"code": plan["unit"]["code"], "name": plan["unit"]["name"],
                   "level": plan["unit"]["level"]},
        "receiver": {"code": upper["code"], "name": upper["name"],
                     "level": upper.get("level", "")},
        "year": year, "kind": kind, "revision": plan["revision"],
        # The time the revision was saved, not now: the same revision, the same bytes.
        "created": created, "program_version": __version__,
    }
    package = write_package(identity, manifest, payload, recipient)
    return SentFile(package, content_hash(payload), identity.fingerprint, recipient is not None)


# --------------------------------------------------------------------------- upper side


@dataclass
class Outcome:
    """What happened, or would happen, to one received file."""

    label: str
    status: str  # "imported" | "unchanged" | "refused"
    code: str = ""
    name: str = ""
    year: int | None = None
    kind: str = ""
    revision: int | None = None
    previous_revision: int | None = None
    new_unit: bool = False
    becomes_upper: dict[str, str] | None = None
    repinned: bool = False
    message: WardPlanError | None = None
    _file: Checked | None = field(default=None, repr=False)
    _unit_id: int | None = field(default=None, repr=False)
    _pinned: tuple[str, str] | None = field(default=None, repr=False)  # key, fingerprint
    _replaces: bool = field(default=False, repr=False)  # the unit holds a plan of that year

    @property
    def _guarded(self) -> bool:
        """Whether storing it needs a savepoint (see _Folder.receive)."""
        return self._replaces or self.becomes_upper is not None


#: Files stored per write transaction (about a second's work).  Each commit waits
#: for the disk; a transaction keeps other programs from writing to the folder until
#: it ends (they wait up to the busy timeout).
BATCH_FILES = 500

#: From this many files on, they are read (unpacked, verified, decrypted, parsed,
#: checked) by other processes too while this one stores them; fewer are read here,
#: where starting the processes would cost more than it saves.
PARALLEL_FILES = 200
#: The database's page cache while receiving, in KiB (SQLite's default is 2 MiB): the
#: identifier indexes of a few thousand plans' rows are written all over, and a cache
#: that holds them spares a read of the file for most rows.  Given back afterwards.
_RECEIVING_CACHE_KIB = 64 * 1024
#: Files a worker reads per task: enough to make the round trip cheap, few enough
#: that the first come back soon and memory holds only a few chunks at a time.
_CHUNK = 16
#: Chunks read ahead of the one being stored, by the workers and by this process.
_AHEAD = 8

class _Folder:
    """The receiving folder within one write transaction: what every file is checked against.

    The folder's role and own unit are read once and follow the files stored (the
    first file makes an empty folder the upper level); everything else is read
    per file, so each file sees the ones stored before it.
    """

    def __init__(self, session: Session, before_write: Callable[[], None] | None = None) -> None:
        self.before_write = before_write
        self.cursor = codec.driver_cursor(session)
        self.role = get_setting(session, ROLE)
        self.own = get_setting(session, OWN_UNIT)
        self.own_id: int | None = None
        if self.role == "upper" and self.own:
            row = self._one("SELECT id FROM unit WHERE code = ?", self.own)
            self.own_id = row[0] if row else None
        self.ids = codec.RowIds(self.cursor)
        self.actor = session.info.get(history.ACTOR) or history.default_actor()

    def _one(self, sql: str, *params: Any) -> Any:
        return self.cursor.execute(sql, params).fetchone()

    def check(self, out: Outcome, accept_new: bool, repin: RepinPolicy) -> None:
        """The checks of one read file against the database (it only reads)."""
        package = out._file
        assert package is not None
        m = package.manifest
        receiver = m["receiver"]
        own = self.own
        if self.role is None:
            held = [code for code, in self.cursor.execute(
                "SELECT DISTINCT unit.code FROM unit JOIN plan ON plan.unit_id = unit.id "
                "ORDER BY unit.code")]
            if held:  # a ward's folder: name the ward(s) whose plans it holds
                raise SyncError(MSG_WARD_FOLDER, own=", ".join(held))
            out.becomes_upper = {"code": receiver["code"], "name": receiver["name"],
                                 "level": receiver.get("level", "")}
            own = receiver["code"]
        elif self.role != "upper":
            raise SyncError(MSG_WARD_FOLDER, own=own or "—")
        if receiver["code"] != own:
            raise SyncError(MSG_NOT_FOR_US, path=out.label, receiver=f"{receiver['name']} "
                            f"({receiver['code']})", own=own)
        unit = self._one("SELECT unit.id, upper.code FROM unit LEFT JOIN unit AS upper "
                         "ON upper.id = unit.upper_id WHERE unit.code = ?", out.code)
        if unit is None or unit[1] != own:
            if not (accept_new or out.becomes_upper):
                raise SyncError(MSG_UNKNOWN_UNIT, path=out.label, unit=out.name, code=out.code)
            out.new_unit = True
        if unit is None:
            return
        out._unit_id = unit_id = unit[0]
        pinned = self._one("SELECT public_key, fingerprint FROM pinned_key WHERE unit_id = ?",
                           unit_id)
        if pinned is not None:
            out._pinned = pinned[0], pinned[1]
            if unb64(pinned[0]) != package.sender_key:
                if not repin.allows(out.code, package.sender_fingerprint):
                    raise SyncError(MSG_KEY_CHANGED, path=out.label, code=out.code,
                                    found=package.sender_fingerprint, pinned=pinned[1])
                out.repinned = True
        out._replaces = self._one("SELECT 1 FROM plan WHERE unit_id = ? AND year = ? AND kind = ?",
                                  unit_id, out.year, out.kind) is not None
        held = self._one("SELECT revision, content_hash FROM sync_receipt WHERE unit_id = ? "
                         "AND year = ? AND kind = ? ORDER BY revision DESC, id DESC LIMIT 1",
                         unit_id, out.year, out.kind)
        if held is not None:
            revision, held_hash = held
            out.previous_revision = revision
            if revision > out.revision:  # type: ignore[operator]
                raise SyncError(MSG_OLDER, path=out.label, revision=out.revision, code=out.code,
                                year=out.year, held=revision)
            if revision == out.revision:
                if held_hash != m["content_hash"]:
                    raise SyncError(MSG_CONFLICT, path=out.label, revision=out.revision,
                                    code=out.code, year=out.year)
                out.status = "unchanged"
                out.message = WardPlanError(NOTE_DUPLICATE, revision=out.revision,
                                            code=out.code, year=out.year)

    def settle(self, out: Outcome) -> None:
        """Store what a checked file brings: the plan, or only a confirmed new key."""
        if self.before_write is not None and (out.status == "imported" or out.repinned):
            self.before_write()
        if out.status == "imported":
            self._apply(out)
        elif out.repinned:
            # The officer confirmed the new key of a file already received: the key
            # changes (and the change is audited) even though the plan does not.
            assert out._unit_id is not None
            self._pin(out._unit_id, out)

    def _apply(self, out: Outcome) -> None:
        package = out._file
        assert package is not None
        rows, m = package.rows, package.manifest
        now = utc_now()
        run = self.cursor.execute
        own_id = self.own_id
        if out.becomes_upper:
            own = out.becomes_upper
            own_id = run("INSERT INTO unit (code, name, level, place_name, issuing_body, "
                         "parent_body) VALUES (?, ?, ?, '', '', '')",
                         (own["code"], own["name"], own["level"] or "city")).lastrowid
            for key, value in ((ROLE, "upper"), (OWN_UNIT, own["code"])):
                run("INSERT INTO setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
        assert own_id is not None
        # The ward names its upper level in its own words; this office's record of
        # itself is not renamed by what a ward typed: only the link is stored.
        fields = {**codec.unit_fields(rows.unit), "upper_id": own_id}
        unit_id = out._unit_id
        if unit_id is None:
            fields = {"level": "ward", "place_name": "", "issuing_body": "", "parent_body": "",
                      **fields, "code": out.code}
            unit_id = run(f"INSERT INTO unit ({', '.join(fields)}) "
                          f"VALUES ({', '.join('?' * len(fields))})",
                          tuple(fields.values())).lastrowid
        # The receipt keeps the plan file, which the plan's text is read from (the plan
        # is held as received); the plan's rows are written next.  The only refusal
        # possible from here on is theirs (identifiers of another stored plan), and
        # where the file is stored without a savepoint (see receive), they, the
        # receipt and a unit just added are then all it has written, which is taken
        # back here.
        receipt_id = run(
            "INSERT INTO sync_receipt (unit_id, year, kind, revision, content_hash, "
            "key_fingerprint, created, received_at, file_name, payload, payload_deflated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
            (unit_id, out.year, out.kind, out.revision, m["content_hash"],
             package.sender_fingerprint, m["created"], now, Path(out.label).name,
             package.deflated)).lastrowid
        try:
            codec.store_plan_rows(self.cursor, rows, unit_id, self.ids, out.label,
                                  undo=not out._guarded, receipt_id=receipt_id)
        except InputError:
            if not out._guarded:
                run("DELETE FROM sync_receipt WHERE id = ?", (receipt_id,))
                if out._unit_id is None:
                    run("DELETE FROM unit WHERE id = ?", (unit_id,))
            raise
        if out._unit_id is not None:
            run(f"UPDATE unit SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                (*fields.values(), unit_id))
        self._pin(unit_id, out)
        if out.becomes_upper:
            self.role, self.own, self.own_id = "upper", out.becomes_upper["code"], own_id

    def _pin(self, unit_id: int, out: Outcome) -> None:
        """Pin the unit's key on its first file; a confirmed new key replaces it, audited."""
        package = out._file
        assert package is not None
        run = self.cursor.execute
        key_text = b64(package.sender_key)
        if out._pinned is None:
            run("INSERT INTO pinned_key (unit_id, public_key, fingerprint, pinned_at) "
                "VALUES (?, ?, ?, ?)", (unit_id, key_text, package.sender_fingerprint,
                                        utc_now()))
        elif out._pinned[0] != key_text:
            old = out._pinned[1]
            run("INSERT INTO audit_entry (at, actor, action, unit_code, detail) "
                "VALUES (?, ?, 'repin', ?, ?)",
                (utc_now(), self.actor, out.code,
                 f"{old} → {package.sender_fingerprint} ({Path(out.label).name})"))
            run("UPDATE pinned_key SET public_key = ?, fingerprint = ? WHERE unit_id = ?",
                (key_text, package.sender_fingerprint, unit_id))

    def receive(self, label: str, read: Checked | InputError, accept_new: bool,
                repin: RepinPolicy) -> Outcome:
        """Check and store one read file: all of it, or nothing."""
        if isinstance(read, InputError):
            return Outcome(label, "refused", message=read)
        m = read.manifest
        out = Outcome(label, "imported", m["sender"]["code"], m["sender"]["name"], m["year"],
                      m["kind"], m["revision"], _file=read)
        state = self.role, self.own, self.own_id
        try:
            self.check(out, accept_new, repin)  # it only reads
            # A file that replaces a stored plan, or makes the folder the upper level,
            # is stored in a savepoint (of the driver's own: nothing here goes through
            # the unit of work).  Any other is stored without one, which spares SQLite
            # a copy of every page the file changes (a third of the time of storing
            # it): it only adds rows, and the one refusal possible once it writes
            # takes them back (see _apply).  Any error but a refusal ends the whole
            # unit of work, which is then rolled back.
            guarded = out._guarded
            if guarded:
                self.cursor.execute("SAVEPOINT receive_file")
            try:
                self.settle(out)
            except InputError:
                if guarded:
                    self.cursor.execute("ROLLBACK TO receive_file")
                    self.cursor.execute("RELEASE receive_file")
                raise
            # Not after any other error: SQLite may have ended the whole transaction
            # (a full disk), and the release would hide why.
            if guarded:
                self.cursor.execute("RELEASE receive_file")
        except InputError as exc:
            self.role, self.own, self.own_id = state
            # What the file says it is stays in the report (which unit, which revision).
            out = Outcome(label, "refused", out.code, out.name, out.year, out.kind,
                          out.revision, message=exc)
        # The outcome is kept for the report; the file's content is not (thousands of
        # files are received at once).
        out._file = None
        return out


def _read_all(files: list[tuple[str, bytes]],
              identity: Identity) -> Generator[Checked | InputError, None, None]:
    """What :func:`reader.read_file` makes of each file, in order, or why it refuses the file.

    Reading is most of the work of receiving, and needs nothing but the file and this
    office's receiving key: from :data:`PARALLEL_FILES` files on, worker processes read
    chunks of them a few chunks ahead while the caller stores the ones before.
    Whenever the next chunk is not back yet, this process reads a later one itself
    instead of waiting, so the workers' start (slow in a frozen program) costs
    little; should they fail to start or die, it reads the rest alone.
    """
    from concurrent.futures.process import BrokenProcessPool

    chunks = [files[i:i + _CHUNK] for i in range(0, len(files), _CHUNK)]
    pool = _pool(identity, len(files))
    ready = None  # until a worker is up (starting one takes a while), read here in order
    if pool is not None:
        try:
            ready = pool.submit(os.getpid)
        except (BrokenProcessPool, OSError):
            _stop(pool)
            pool = None
    futures: dict[int, Future[list[Any]]] = {}
    here: dict[int, list[Any]] = {}  # chunks read by this process ahead of their turn
    assigned = 0  # the chunks before this one went to the workers or were read here
    try:
        for turn in range(len(chunks)):
            try:
                while pool is not None and ready is not None and ready.done() \
                        and assigned < len(chunks) and len(futures) < _AHEAD:
                    futures[assigned] = pool.submit(read_chunk, chunks[assigned], None)
                    assigned += 1
                results = here.pop(turn, None)
                future = futures.pop(turn, None)
                while results is None:
                    if future is None or future.cancel():  # no worker has started it
                        results = read_chunk(chunks[turn], identity)
                        assigned = max(assigned, turn + 1)
                    elif future.done() or assigned == len(chunks) or len(here) == _AHEAD:
                        results = future.result()
                    else:  # rather than wait, read a later chunk here
                        here[assigned] = read_chunk(chunks[assigned], identity)
                        assigned += 1
            except (BrokenProcessPool, OSError):
                # The workers could not start or died: read the rest here.
                _stop(pool)
                pool = ready = None
                futures.clear()
                results = here.pop(turn, None) or read_chunk(chunks[turn], identity)
                assigned = turn + 1
            for result in results:
                yield revived(result) if isinstance(result, Portable) else result
    finally:
        _stop(pool)


def _pool(identity: Identity, count: int) -> ProcessPoolExecutor | None:
    """Worker processes to read ``count`` files, or None where this one reads them alone.

    Workers are started afresh ("spawn": no copy of this process and its threads),
    which in a frozen program needs ``multiprocessing.freeze_support()`` at the start
    of its entry point (``app.main`` calls it).
    """
    workers = _workers(count)
    if workers < 2:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from cryptography.hazmat.primitives import serialization

    secret = identity.receiving.private_bytes(serialization.Encoding.Raw,
                                              serialization.PrivateFormat.Raw,
                                              serialization.NoEncryption())
    try:
        validator = codec.validator_code()
    except Exception:  # noqa: BLE001 - another fastjsonschema: each worker makes its own
        validator = b""
    try:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=start_worker,
                                   initargs=(secret, validator))
    except (OSError, ValueError, NotImplementedError):  # no processes here: read alone
        return None


def _stop(pool: ProcessPoolExecutor | None) -> None:
    """Let the workers go; without waiting: one still starting up ends once it has."""
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _workers(count: int) -> int:
    """How many processes should read ``count`` files: 0 for "read them here"."""
    if count < PARALLEL_FILES:
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


class RepinPolicy:
    """The new signing keys an officer confirmed: one key per unit, never "any key"."""

    def __init__(self, repin: Collection[str] | Mapping[str, str]) -> None:
        self.keys: dict[str, str | None] = (
            dict(repin) if isinstance(repin, Mapping) else dict.fromkeys(repin))

    def allows(self, code: str, fingerprint: str) -> bool:
        if code not in self.keys:
            return False
        confirmed = self.keys[code]
        if confirmed is None:  # confirmed by code: the first new key met is the one
            self.keys[code] = fingerprint
            return True
        return confirmed == fingerprint


class _Preview(Exception):
    """Ends a preview's unit of work so that nothing of it is kept."""


def receive_files(db: Database, identity: Identity, files: list[tuple[str, bytes]], *,
                  accept_new: bool = False,
                  repin: Collection[str] | Mapping[str, str] = frozenset(),
                  apply: bool = True) -> list[Outcome]:
    """Check (``apply=False``: preview) or import each file, all-or-nothing per file.

    ``repin`` names the units whose new signing key an officer confirmed: a
    mapping of unit code to the confirmed key's fingerprint, or unit codes alone
    (then the first new key met is the one confirmed, and any other is refused).

    Files are handled in order, each after the ones before it (the first file makes
    the folder the upper level, the same file twice is a duplicate, an older revision
    after a newer one is refused), each whole or not at all: a refused file leaves
    no trace and stops nothing.  An import stores up to :data:`BATCH_FILES`
    files per transaction; should the program or the computer stop in the middle,
    the files of the transaction then open are all not stored (never part of a file),
    and receiving them again stores them.  An unexpected error (a bug, a failing
    disk) ends the import there, likewise losing the files of the open transaction.
    A preview is one unit of work, rolled back at the end.  An import that stores
    anything first backs the database up once (reason "sync"); a preview never does.
    """
    if not files:
        return []
    outcomes: list[Outcome] = []
    policy = RepinPolicy(repin)
    reads = _read_all(files, identity)
    backed_up: list[Path] = []

    def backup() -> None:
        # Once per call, just before the first file is stored: the copy (another
        # connection) holds the database as it was before this import.
        if not backed_up:
            backed_up.append(backups.make_backup(db, "sync"))
            backups.rotate(db.path.parent)

    try:
        size = BATCH_FILES if apply else len(files)
        with no_cycle_collection():
            for start in range(0, len(files), size):
                with _receiving_session(db) as session:
                    session.info[history.SUPPRESS] = True
                    folder = _Folder(session, backup if apply else None)
                    for label, _raw in files[start:start + size]:
                        outcomes.append(folder.receive(label, next(reads), accept_new, policy))
                    if not apply:
                        raise _Preview
    except _Preview:
        pass
    finally:
        reads.close()
    return outcomes


@contextmanager
def _receiving_session(db: Database) -> Iterator[Session]:
    """A write unit of work whose connection has :data:`_RECEIVING_CACHE_KIB` of page cache
    meanwhile, and its own size again before the connection goes back to the pool.

    Made smaller before the commit, the cache keeps the pages the commit writes (SQLite
    lets go only of pages it no longer needs), so the commit is not slowed.
    """
    with db.session() as session:
        cursor = codec.driver_cursor(session)
        (before,) = cursor.execute("PRAGMA cache_size").fetchone()
        cursor.execute(f"PRAGMA cache_size = {-_RECEIVING_CACHE_KIB}")
        try:
            yield session
        finally:
            # After an error the connection may be unusable: then the pool discards it.
            with suppress(sqlite3.Error):
                cursor.execute(f"PRAGMA cache_size = {int(before)}")


def key_fingerprint_of(public_key_b64: str) -> str:
    return fingerprint(unb64(public_key_b64))
