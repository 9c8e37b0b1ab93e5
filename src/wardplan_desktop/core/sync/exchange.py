"""Sending plans up and receiving them: the ward's export, the upper level's import.

A data folder is a ward's or an upper level's (the ``role`` setting).  An empty
folder given a ward's file becomes the upper level that file is addressed to.
The upper level pins each unit's signing key on its first file; a file signed
with another key is refused unless an officer re-pins it, which is audited.
Every file is checked completely before anything is written and is stored in
one transaction: the same file twice changes nothing, and an older revision
never replaces a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import QT_TRANSLATE_NOOP, InputError, WardPlanError
from ..interchange import codec
from ..service import export_plan, find_plan
from ..storage import history
from ..storage.database import Database
from ..storage.schema import AuditEntry, PinnedKey, Plan, Setting, SyncReceipt, Unit
from .keys import Identity, b64, fingerprint, unb64
from .package import (
    Package,
    SyncError,
    content_hash,
    read_package,
    short_hash,
    write_package,
)

ROLE = "role"
OWN_UNIT = "own_unit"
UPPER_BOX_KEY = "upper_receiving_key"
UPPER_CODE = "upper_code"

MSG_NO_UPPER = QT_TRANSLATE_NOOP(
    "Errors", "Unit {unit} has no upper level to send to. Enter the upper level in the unit's "
    "details first.")
MSG_NOT_A_PLAN = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is a template from an upper level, not a ward's plan; open it "
    "in the ward's data folder.")
MSG_WARD_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "This data folder belongs to ward {own}; plans sent up by wards are received in "
    "the upper level's data folder.")
MSG_NOT_FOR_US = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is addressed to {receiver}, not to this office ({own}).")
MSG_MISMATCH = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is inconsistent: its description and the plan inside differ "
    "({detail}). Ask the sender to export it again.")
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


def folder_role(db: Database) -> tuple[str | None, str | None]:
    """(role, own unit code) of a data folder; (None, None) while it is unset."""
    with db.session(write=False) as session:
        return get_setting(session, ROLE), get_setting(session, OWN_UNIT)


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


def seal_of(data: dict[str, Any], identity: Identity) -> dict[str, str]:
    """What ties a printed revision to its sync file: key fingerprint, short content hash.

    ``data`` is the whole plan file (as ``service.export_plan`` returns it); the hash
    is the one the sync file of the same revision carries.
    """
    return {"key": identity.fingerprint, "hash": short_hash(content_hash(codec.dump_plan(data)))}


def export_package(db: Database, identity: Identity, unit_code: str, year: int,
                   kind: str = "plan") -> SentFile:
    """The signed sync file of a plan revision, encrypted when the upper level's key is known."""
    data = export_plan(db, unit_code, year, kind)
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
    _package: Package | None = field(default=None, repr=False)
    _data: dict[str, Any] | None = field(default=None, repr=False)


def _latest_receipt(session: Session, unit: Unit, year: int, kind: str) -> SyncReceipt | None:
    return session.scalar(
        select(SyncReceipt).where(SyncReceipt.unit_id == unit.id, SyncReceipt.year == year,
                                  SyncReceipt.kind == kind)
        .order_by(SyncReceipt.revision.desc(), SyncReceipt.id.desc()).limit(1))


def _check(session: Session, identity: Identity, raw: bytes, label: str, accept_new: bool,
           repin: frozenset[str]) -> Outcome:
    """Every check of one file, reading the database only."""
    package = read_package(raw, label, identity)
    m = package.manifest
    out = Outcome(label, "imported", m["sender"]["code"], m["sender"]["name"], m["year"],
                  m["kind"], m["revision"], _package=package)
    if m["type"] != "plan":
        raise SyncError(MSG_NOT_A_PLAN, path=label)
    data = codec.parse_plan_bytes(package.payload, label)
    plan = data["plan"]
    facts = {"unit": (plan["unit"]["code"], m["sender"]["code"]), "year": (plan["year"], m["year"]),
             "kind": (plan["kind"], m["kind"]), "revision": (plan["revision"], m["revision"])}
    for what, (inside, outside) in facts.items():
        if inside != outside:
            raise SyncError(MSG_MISMATCH, path=label, detail=f"{what}: {outside} / {inside}")
    out._data = data
    role, own = get_setting(session, ROLE), get_setting(session, OWN_UNIT)
    receiver = m["receiver"]
    if role is None:
        held = session.scalars(select(Unit.code).join(Plan, Plan.unit_id == Unit.id)
                               .distinct().order_by(Unit.code)).all()
        if held:  # a ward's folder: name the ward(s) whose plans it holds
            raise SyncError(MSG_WARD_FOLDER, own=", ".join(held))
        out.becomes_upper = {"code": receiver["code"], "name": receiver["name"],
                             "level": receiver.get("level", "")}
        own = receiver["code"]
    elif role != "upper":
        raise SyncError(MSG_WARD_FOLDER, own=own or "—")
    if receiver["code"] != own:
        raise SyncError(MSG_NOT_FOR_US, path=label, receiver=f"{receiver['name']} "
                        f"({receiver['code']})", own=own)
    unit = session.scalar(select(Unit).where(Unit.code == out.code))
    registered = unit is not None and unit.upper is not None and unit.upper.code == own
    if not registered:
        if not (accept_new or out.becomes_upper):
            raise SyncError(MSG_UNKNOWN_UNIT, path=label, unit=out.name, code=out.code)
        out.new_unit = True
    pinned = session.scalar(select(PinnedKey).where(PinnedKey.unit_id == unit.id)) if unit \
        else None
    if pinned is not None and unb64(pinned.public_key) != package.sender_key:
        if out.code not in repin:
            raise SyncError(MSG_KEY_CHANGED, path=label, code=out.code,
                            found=package.sender_fingerprint, pinned=pinned.fingerprint)
        out.repinned = True
    if unit is not None:
        held = _latest_receipt(session, unit, out.year, out.kind)  # type: ignore[arg-type]
        if held is not None:
            out.previous_revision = held.revision
            if held.revision > out.revision:  # type: ignore[operator]
                raise SyncError(MSG_OLDER, path=label, revision=out.revision, code=out.code,
                                year=out.year, held=held.revision)
            if held.revision == out.revision:
                if held.content_hash != m["content_hash"]:
                    raise SyncError(MSG_CONFLICT, path=label, revision=out.revision,
                                    code=out.code, year=out.year)
                out.status = "unchanged"
                out.message = WardPlanError(NOTE_DUPLICATE, revision=out.revision,
                                            code=out.code, year=out.year)
    return out


def _apply(session: Session, out: Outcome) -> None:
    package, data = out._package, out._data
    assert package is not None and data is not None
    m = package.manifest
    actor = session.info.get(history.ACTOR) or history.default_actor()
    if out.becomes_upper:
        own = out.becomes_upper
        session.add(Unit(code=own["code"], name=own["name"], level=own["level"] or "city"))
        set_setting(session, ROLE, "upper")
        set_setting(session, OWN_UNIT, own["code"])
        session.flush()
    own_unit = session.scalar(select(Unit).where(Unit.code == get_setting(session, OWN_UNIT)))
    assert own_unit is not None
    # The ward names its upper level in its own words; this office's record of
    # itself is not renamed by what a ward typed.
    data["plan"]["unit"]["upper"] = {"code": own_unit.code, "name": own_unit.name,
                                     "level": own_unit.level}
    session.info[history.SUPPRESS] = True
    plan = codec.store_plan(session, data, label=out.label)
    session.flush()
    _pin(session, plan.unit, out, actor)
    session.add(SyncReceipt(
        unit=plan.unit, year=out.year, kind=out.kind, revision=out.revision,
        content_hash=m["content_hash"], key_fingerprint=package.sender_fingerprint,
        created=m["created"], file_name=Path(out.label).name,
        payload=package.payload.decode("utf-8")))


class _Preview(Exception):
    """Ends a preview's unit of work so that nothing of it is kept."""


def _pin(session: Session, unit: Unit, out: Outcome, actor: str) -> None:
    """Pin the unit's key on its first file; a confirmed new key replaces it, audited."""
    package = out._package
    assert package is not None
    pinned = session.scalar(select(PinnedKey).where(PinnedKey.unit_id == unit.id))
    key_text = b64(package.sender_key)
    if pinned is None:
        session.add(PinnedKey(unit=unit, public_key=key_text,
                              fingerprint=package.sender_fingerprint))
    elif pinned.public_key != key_text:
        session.add(AuditEntry(actor=actor, action="repin", unit_code=out.code,
                               detail=f"{pinned.fingerprint} → {package.sender_fingerprint} "
                                      f"({Path(out.label).name})"))
        pinned.public_key, pinned.fingerprint = key_text, package.sender_fingerprint


def _settle(session: Session, out: Outcome) -> None:
    """Store what a checked file brings: the plan, or only a confirmed new key."""
    if out.status == "imported":
        _apply(session, out)
    elif out.repinned:
        # The officer confirmed the new key of a file already received: the key
        # changes (and the change is audited) even though the plan does not.
        unit = session.scalar(select(Unit).where(Unit.code == out.code))
        assert unit is not None
        _pin(session, unit, out, session.info.get(history.ACTOR) or history.default_actor())
    # The outcome is kept for the report; the file's content is not (thousands of
    # files are received at once).
    out._package = out._data = None


def receive_files(db: Database, identity: Identity, files: list[tuple[str, bytes]], *,
                  accept_new: bool = False, repin: frozenset[str] = frozenset(),
                  apply: bool = True) -> list[Outcome]:
    """Check (``apply=False``: preview) or import each file, all-or-nothing per file."""
    if not apply:
        # A preview imports every file as the import would, each after the ones
        # before it (the first file makes the folder the upper level, the same file
        # twice is a duplicate…), in one unit of work that is then rolled back.
        outcomes: list[Outcome] = []
        try:
            with db.session() as session:
                for label, raw in files:
                    try:
                        with session.begin_nested():
                            out = _check(session, identity, raw, label, accept_new, repin)
                            _settle(session, out)
                    except InputError as exc:
                        out = Outcome(label, "refused", message=exc)
                    outcomes.append(out)
                raise _Preview
        except _Preview:
            pass
        return outcomes
    outcomes = []
    for label, raw in files:
        try:
            with db.session() as session:
                out = _check(session, identity, raw, label, accept_new, repin)
                _settle(session, out)
        except InputError as exc:
            outcomes.append(Outcome(label, "refused", message=exc))
            continue
        outcomes.append(out)
    return outcomes


def key_fingerprint_of(public_key_b64: str) -> str:
    return fingerprint(unb64(public_key_b64))
