"""What changed between two revisions of a plan: every difference an officer would read.

The upper level keeps each file it received (``SyncReceipt.plan_file``); comparing
two of a unit's revisions lists, in document order, each header field, text
section, key task, footnote, indicator and indicator value that was added,
removed or changed, with its old and new words.  Items are matched by their
identifiers, so a section moved or renumbered is not reported as rewritten.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .errors import QT_TRANSLATE_NOOP, InputError, Message
from .interchange import codec
from .storage.database import Database
from .storage.rows import plan_file_of
from .storage.schema import SyncReceipt, Unit
from .sync.package import content_hash

CONTEXT = "Revisions"
_HEADER = {
    "number": QT_TRANSLATE_NOOP("Revisions", "Document number"),
    "symbol": QT_TRANSLATE_NOOP("Revisions", "Document symbol"),
    "place": QT_TRANSLATE_NOOP("Revisions", "Place"),
    "date": QT_TRANSLATE_NOOP("Revisions", "Date"),
    "title": QT_TRANSLATE_NOOP("Revisions", "Title"),
    "status": QT_TRANSLATE_NOOP("Revisions", "Status"),
    "issuing_body": QT_TRANSLATE_NOOP("Revisions", "Issuing body"),
    "heading_lines": QT_TRANSLATE_NOOP("Revisions", "Lines under the title"),
    "legal_bases": QT_TRANSLATE_NOOP("Revisions", "Legal bases"),
    "preamble": QT_TRANSLATE_NOOP("Revisions", "Preamble"),
    "closing": QT_TRANSLATE_NOOP("Revisions", "Closing"),
    "recipients": QT_TRANSLATE_NOOP("Revisions", "Recipients"),
    "signature": QT_TRANSLATE_NOOP("Revisions", "Signature block"),
}
SECTION = QT_TRANSLATE_NOOP("Revisions", "Section {label} «{text}»")
KEY_TASK = QT_TRANSLATE_NOOP("Revisions", "Key task {label}")
FOOTNOTE = QT_TRANSLATE_NOOP("Revisions", "Footnote {key}")
INDICATOR = QT_TRANSLATE_NOOP("Revisions", "Indicator «{name}»")
INDICATOR_UNIT = QT_TRANSLATE_NOOP("Revisions", "Indicator «{name}»: unit")
VALUE = QT_TRANSLATE_NOOP("Revisions", "Indicator «{name}»: {period} {year}")
PERIODS = {
    "target": QT_TRANSLATE_NOOP("Revisions", "target"),
    "six_months": QT_TRANSLATE_NOOP("Revisions", "6-month result"),
    "nine_months": QT_TRANSLATE_NOOP("Revisions", "9-month result"),
    "estimate": QT_TRANSLATE_NOOP("Revisions", "estimate"),
    "final": QT_TRANSLATE_NOOP("Revisions", "result"),
}
MSG_NO_REVISION = QT_TRANSLATE_NOOP(
    "Errors", "Revision {revision} of {code}'s plan for {year} has not been received.")
MSG_NOT_UPPER_LEVEL = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is not set up as an upper level, so it has received no "
    "plans to compare. Receive the wards' files first.")
MSG_NOT_AMONG_RECEIVED = QT_TRANSLATE_NOOP(
    "Errors", "Revision {revision} of {code}'s plan for {year} has not been received; the "
    "revisions received are {held}.")
MSG_NONE_RECEIVED = QT_TRANSLATE_NOOP(
    "Errors", "No revision of {code}'s plan for {year} has been received here.")
MSG_RECEIPT_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "The copy of revision {revision} of {code}'s plan for {year} kept in this "
    "data folder is damaged, so it cannot be compared. Restore the data folder from a "
    "backup.")


@dataclass(frozen=True)
class Change:
    """One difference: where (a message), the old words and the new ("" when absent)."""

    where: Message
    old: str
    new: str

    @property
    def change(self) -> str:
        """"added", "removed" or "changed"."""
        return "added" if not self.old else "removed" if not self.new else "changed"


def _short(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _date(d: dict[str, Any] | None) -> str:
    d = d or {}
    return "/".join(str(d.get(k) or "…") for k in ("day", "month", "year"))


def _items(plan: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Message, str]]:
    """(key, where, words) of everything a reader of the plan sees, in document order."""
    def header(name: str, words: str) -> tuple[tuple[Any, ...], Message, str]:
        return ("header", name), Message(CONTEXT, _HEADER[name]), words

    for name in ("number", "symbol", "place", "title", "status"):
        yield header(name, str(plan.get(name) or ""))
    yield header("date", _date(plan.get("date")))
    for name in ("issuing_body", "heading_lines", "legal_bases", "preamble", "closing"):
        yield header(name, "\n".join(plan.get(name) or []))
    yield header("recipients", "\n".join(
        " ".join(x for x in (r.get("name", ""), r.get("purpose", "")) if x)
        for r in plan.get("recipients") or []))
    sig = plan.get("signature") or {}
    yield header("signature", " / ".join(
        str(sig.get(k) or "") for k in ("authority", "authority_body", "position", "signer")))
    for section in codec._walk(plan.get("sections") or []):
        text = section.get("text", "")
        yield (("section", section.get("uid") or text),
               Message(CONTEXT, SECTION, label=section.get("label", ""), text=_short(text, 40)),
               text)
    for task in plan.get("key_tasks") or []:
        words = "\n".join(x for x in (task.get("task", ""), task.get("result", "")) if x)
        yield (("task", task.get("uid") or words),
               Message(CONTEXT, KEY_TASK, label=task.get("label", "")), words)
    for note in plan.get("footnotes") or []:
        yield (("footnote", note.get("uid") or note["key"]),
               Message(CONTEXT, FOOTNOTE, key=note["key"]), note.get("text", ""))
    for group in plan.get("indicator_groups") or []:
        for ind in codec._walk(group.get("indicators") or []):
            uid, name = ind.get("uid") or ind["name"], ind["name"]
            yield ("indicator", uid), Message(CONTEXT, INDICATOR, name=name), name
            yield (("indicator-unit", uid), Message(CONTEXT, INDICATOR_UNIT, name=name),
                   ind.get("unit", ""))
            for v in ind.get("values") or []:
                period = Message(CONTEXT, PERIODS.get(v["period"], v["period"]))
                yield (("value", uid, v["year"], v["period"]),
                       Message(CONTEXT, VALUE, name=name, period=period, year=v["year"]),
                       v.get("text", ""))


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The differences from plan-file data ``old`` to ``new``, in the new document's order
    with what was removed after the place it had."""
    before = {key: (where, words) for key, where, words in _items(old["plan"])}
    after = list(_items(new["plan"]))
    seen = set()
    changes = []
    for key, where, words in after:
        seen.add(key)
        was = before.get(key, (None, ""))[1]
        if was != words:
            changes.append(Change(where, was, words))
    for key, (where, words) in before.items():
        if key not in seen and words:
            changes.append(Change(where, words, ""))
    return changes


@dataclass(frozen=True)
class Received:
    """One received revision of a unit's plan."""

    revision: int
    created: str
    received_at: str
    key_fingerprint: str
    file_name: str


def received_revisions(db: Database, code: str, year: int, kind: str = "plan") -> list[Received]:
    """The revisions of a unit's plan this office has received, oldest first."""
    with db.session(write=False) as session:
        rows = session.execute(
            select(SyncReceipt.revision, SyncReceipt.created, SyncReceipt.received_at,
                   SyncReceipt.key_fingerprint, SyncReceipt.file_name)
            .join(Unit, Unit.id == SyncReceipt.unit_id)
            .where(Unit.code == code, SyncReceipt.year == year, SyncReceipt.kind == kind)
            .order_by(SyncReceipt.revision, SyncReceipt.id)).all()
    return [Received(*row) for row in rows]


def received_plan(db: Database, code: str, year: int, kind: str, revision: int) -> dict[str, Any]:
    """The plan-file data of a received revision, as the unit sent it."""
    with db.session(write=False) as session:
        row = session.execute(
            select(SyncReceipt.payload, SyncReceipt.payload_deflated, SyncReceipt.content_hash)
            .join(Unit, Unit.id == SyncReceipt.unit_id)
            .where(Unit.code == code, SyncReceipt.year == year, SyncReceipt.kind == kind,
                   SyncReceipt.revision == revision)
            .order_by(SyncReceipt.id.desc()).limit(1)).first()
    if row is None:
        raise InputError(MSG_NO_REVISION, revision=revision, code=code, year=year)
    payload, deflated, digest = row
    # Not the file whose hash the receipt holds: changed by other means since it came.
    # (One that is intact but refused, say by a program older than the one that received
    # it, is refused for what it is.)
    try:
        raw = plan_file_of(payload, deflated)
    except ValueError as exc:
        raise InputError(MSG_RECEIPT_DAMAGED, revision=revision, code=code, year=year) from exc
    if content_hash(raw) != digest:
        raise InputError(MSG_RECEIPT_DAMAGED, revision=revision, code=code, year=year)
    return codec.parse_plan_bytes(raw, f"{code}-{year}-r{revision}")


def revision_changes(db: Database, code: str, year: int, old: int, new: int,
                     kind: str = "plan") -> list[Change]:
    """What changed from received revision ``old`` to ``new`` of a unit's plan."""
    return compare(received_plan(db, code, year, kind, old),
                   received_plan(db, code, year, kind, new))
