"""A plan's change history in words an officer reads: what changed, from what, to what.

The history recorder (``storage/history.py``) stores table names, identifiers,
attribute codes and JSON snapshots.  :func:`describe` turns one record into a
:class:`HistoryLine`: the action ("Changed"), the item named as the plan now
names it ("Indicator «Thu ngân sách»: target 2024", "Section II.1 «Về kinh
tế…»"), the old and new words, and whether the old value can be brought back.
An item that no longer exists is named from the history itself when it can be
(the name it had when it was added or removed), else by its identifier, and
marked "(removed)".

Every text is a :class:`~wardplan_desktop.core.errors.Message` template or the
plan's own words; callers render them through their translator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .editing import restore_target, value_from_snapshot
from .errors import QT_TRANSLATE_NOOP, Message
from .service import Change

CONTEXT = "History"

#: Plain words (the plan's own) or a message to translate.
Words = str | Message
Translate = Callable[[str, str], str]

ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("History", "Added"),
    "update": QT_TRANSLATE_NOOP("History", "Changed"),
    "delete": QT_TRANSLATE_NOOP("History", "Removed"),
    "import": QT_TRANSLATE_NOOP("History", "Imported"),
}

PLAN_ATTRIBUTES = {
    "number": QT_TRANSLATE_NOOP("History", "Document number"),
    "symbol": QT_TRANSLATE_NOOP("History", "Document symbol"),
    "place": QT_TRANSLATE_NOOP("History", "Place"),
    "title": QT_TRANSLATE_NOOP("History", "Title"),
    "parent_body": QT_TRANSLATE_NOOP("History", "Parent body"),
    "sign_authority": QT_TRANSLATE_NOOP("History", "Signing authority"),
    "sign_authority_body": QT_TRANSLATE_NOOP("History", "Body signed for"),
    "sign_position": QT_TRANSLATE_NOOP("History", "Signer's position"),
    "signer": QT_TRANSLATE_NOOP("History", "Signer"),
    "issuing_body": QT_TRANSLATE_NOOP("History", "Issuing body"),
    "heading_lines": QT_TRANSLATE_NOOP("History", "Lines under the title"),
    "preamble": QT_TRANSLATE_NOOP("History", "Preamble"),
    "closing": QT_TRANSLATE_NOOP("History", "Closing"),
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "date_day": QT_TRANSLATE_NOOP("History", "Date: day"),
    "date_month": QT_TRANSLATE_NOOP("History", "Date: month"),
    "date_year": QT_TRANSLATE_NOOP("History", "Date: year"),
    "year": QT_TRANSLATE_NOOP("History", "Year"),
    "kind": QT_TRANSLATE_NOOP("History", "Kind of document"),
}
PLAN_OTHER = QT_TRANSLATE_NOOP("History", "Plan: {attribute}")
WHOLE_PLAN = QT_TRANSLATE_NOOP("History", "The whole plan")
REVISION = QT_TRANSLATE_NOOP("History", "revision {revision}")

#: Attributes of items other than the plan, printed after the item's name.
ATTRIBUTES = {
    "label": QT_TRANSLATE_NOOP("History", "label"),
    "kind": QT_TRANSLATE_NOOP("History", "kind"),
    "emphasis": QT_TRANSLATE_NOOP("History", "emphasis"),
    "field": QT_TRANSLATE_NOOP("History", "field"),
    "part": QT_TRANSLATE_NOOP("History", "part of the document"),
    "role": QT_TRANSLATE_NOOP("History", "role"),
    "position": QT_TRANSLATE_NOOP("History", "position"),
    "parent": QT_TRANSLATE_NOOP("History", "placed under"),
    "group": QT_TRANSLATE_NOOP("History", "table"),
    "unit": QT_TRANSLATE_NOOP("History", "unit"),
    "note": QT_TRANSLATE_NOOP("History", "note"),
    "direction": QT_TRANSLATE_NOOP("History", "direction"),
    "row_style": QT_TRANSLATE_NOOP("History", "row style"),
    "catalogue_code": QT_TRANSLATE_NOOP("History", "catalogue code"),
    "set_by": QT_TRANSLATE_NOOP("History", "set by"),
    "result": QT_TRANSLATE_NOOP("History", "result"),
    "key": QT_TRANSLATE_NOOP("History", "key"),
    "title": QT_TRANSLATE_NOOP("History", "title"),
    "caption": QT_TRANSLATE_NOOP("History", "caption"),
    "landscape": QT_TRANSLATE_NOOP("History", "orientation"),
    "columns": QT_TRANSLATE_NOOP("History", "columns"),
    "purpose": QT_TRANSLATE_NOOP("History", "purpose"),
    "name": QT_TRANSLATE_NOOP("History", "name"),
    "text": QT_TRANSLATE_NOOP("History", "text"),
    "task": QT_TRANSLATE_NOOP("History", "task"),
}
#: The attribute that is the item itself: its change needs no "…: attribute".
_MAIN = {"section": "text", "indicator": "name", "footnote": "text", "key_task": "task",
         "legal_basis": "text", "recipient": "name", "indicator_value": "value",
         "indicator_group": "title", "appendix": "title"}

ITEM_ATTRIBUTE = QT_TRANSLATE_NOOP("History", "{item}: {attribute}")
REMOVED = QT_TRANSLATE_NOOP("History", "{item} (removed)")
SECTION = QT_TRANSLATE_NOOP("History", "Section {label} «{text}»")
SECTION_NO_LABEL = QT_TRANSLATE_NOOP("History", "Section «{text}»")
INDICATOR = QT_TRANSLATE_NOOP("History", "Indicator «{name}»")
VALUE = QT_TRANSLATE_NOOP("History", "Indicator «{name}»: {period} {year}")
KEY_TASK = QT_TRANSLATE_NOOP("History", "Key task {label}")
KEY_TASK_NO_LABEL = QT_TRANSLATE_NOOP("History", "Key task «{task}»")
FOOTNOTE = QT_TRANSLATE_NOOP("History", "Footnote {key}")
LEGAL_BASIS = QT_TRANSLATE_NOOP("History", "Legal basis {number}")
RECIPIENT = QT_TRANSLATE_NOOP("History", "Recipient {number}")
GROUP = QT_TRANSLATE_NOOP("History", "Indicator table {label} «{title}»")
APPENDIX = QT_TRANSLATE_NOOP("History", "Appendix «{title}»")
OTHER = QT_TRANSLATE_NOOP("History", "{entity} {uid}")
TOP_LEVEL = QT_TRANSLATE_NOOP("History", "(top level)")

PERIODS = {
    "target": QT_TRANSLATE_NOOP("History", "target"),
    "six_months": QT_TRANSLATE_NOOP("History", "6-month result"),
    "nine_months": QT_TRANSLATE_NOOP("History", "9-month result"),
    "estimate": QT_TRANSLATE_NOOP("History", "estimate"),
    "final": QT_TRANSLATE_NOOP("History", "result"),
}

#: Words for the codes an attribute holds (directions, fields, styles…).
CODES: dict[str, dict[str, str]] = {
    "direction": {
        "higher_better": QT_TRANSLATE_NOOP("History", "higher is better"),
        "lower_better": QT_TRANSLATE_NOOP("History", "lower is better"),
        "keep": QT_TRANSLATE_NOOP("History", "keep the level"),
    },
    "field": {
        "economy": QT_TRANSLATE_NOOP("History", "Economy"),
        "culture_society": QT_TRANSLATE_NOOP("History", "Culture and society"),
        "defence_security": QT_TRANSLATE_NOOP("History", "Defence and security"),
        "government": QT_TRANSLATE_NOOP("History", "Government"),
    },
    "row_style": {
        "item": QT_TRANSLATE_NOOP("History", "numbered item"),
        "sub_item": QT_TRANSLATE_NOOP("History", "\"-\" sub-item"),
        "breakdown": QT_TRANSLATE_NOOP("History", "\"Of which\" row"),
    },
    "kind": {
        "heading": QT_TRANSLATE_NOOP("History", "heading"),
        "paragraph": QT_TRANSLATE_NOOP("History", "paragraph"),
        "bullet": QT_TRANSLATE_NOOP("History", "\"-\" bullet"),
        "sub_bullet": QT_TRANSLATE_NOOP("History", "\"+\" bullet"),
        "key_tasks": QT_TRANSLATE_NOOP("History", "key tasks table"),
        "indicators": QT_TRANSLATE_NOOP("History", "indicator table"),
        "plan": QT_TRANSLATE_NOOP("History", "plan"),
        "resolution": QT_TRANSLATE_NOOP("History", "council resolution"),
        "emulation": QT_TRANSLATE_NOOP("History", "emulation plan"),
    },
    "emphasis": {
        "none": QT_TRANSLATE_NOOP("History", "plain"),
        "bold": QT_TRANSLATE_NOOP("History", "bold"),
        "italic": QT_TRANSLATE_NOOP("History", "italic"),
        "bold_italic": QT_TRANSLATE_NOOP("History", "bold italic"),
    },
    "part": {
        "assessment": QT_TRANSLATE_NOOP("History", "assessment"),
        "plan": QT_TRANSLATE_NOOP("History", "plan and targets"),
        "tasks": QT_TRANSLATE_NOOP("History", "tasks and solutions"),
        "organisation": QT_TRANSLATE_NOOP("History", "organisation"),
        "other": QT_TRANSLATE_NOOP("History", "other"),
    },
    "status": {
        "draft": QT_TRANSLATE_NOOP("History", "draft"),
        "final": QT_TRANSLATE_NOOP("History", "final"),
    },
    "set_by": {
        "upper": QT_TRANSLATE_NOOP("History", "upper level"),
        "ward": QT_TRANSLATE_NOOP("History", "the ward"),
    },
    "landscape": {
        "0": QT_TRANSLATE_NOOP("History", "portrait"),
        "1": QT_TRANSLATE_NOOP("History", "landscape"),
    },
}

_SHORT = 40  # a section's words: enough to recognise it
_NAME = 70  # an indicator's name: most fit whole
_REVISION_RE = re.compile(r"^revision (\d+)$")


def _msg(template: str, **params: Any) -> Message:
    return Message(CONTEXT, template, **params)


def _short(text: str, length: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def render_words(words: Words, translate: Translate | None = None) -> str:
    return words.render(translate) if isinstance(words, Message) else words


@dataclass(frozen=True)
class HistoryLine:
    """One history record in words."""

    change: Change
    action: Message
    what: Message
    old: Words
    new: Words
    restorable: bool  # its old value can be brought back (an edit that undo reverts)
    removed: bool = False  # the item it is about no longer exists

    def texts(self, translate: Translate | None = None) -> tuple[str, str, str, str]:
        """(action, what, old, new) in the user's language."""
        return (self.action.render(translate), self.what.render(translate),
                render_words(self.old, translate), render_words(self.new, translate))


@dataclass
class PlanIndex:
    """The items of the current plan by identifier, to name what a record is about."""

    plan_uid: str = ""
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    section_paths: dict[str, str] = field(default_factory=dict)  # uid → "II.1"
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    key_tasks: dict[str, dict[str, Any]] = field(default_factory=dict)
    footnotes: dict[str, dict[str, Any]] = field(default_factory=dict)
    appendices: dict[str, dict[str, Any]] = field(default_factory=dict)
    legal_bases: int = 0
    recipients: int = 0
    #: Names of items no longer in the plan, taken from the history (uid → words).
    known: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: dict[str, Any] | None) -> PlanIndex:
        plan = _unwrap(plan)
        index = cls(plan_uid=plan.get("uid") or "")
        for section, path in _sections(plan.get("sections") or [], ""):
            if section.get("uid"):
                index.sections[section["uid"]] = section
                index.section_paths[section["uid"]] = path
        for group in plan.get("indicator_groups") or []:
            if group.get("uid"):
                index.groups[group["uid"]] = group
            index.indicators.update((i["uid"], i) for i in _walk(group.get("indicators") or [])
                                    if i.get("uid"))
        index.key_tasks = {t["uid"]: t for t in plan.get("key_tasks") or [] if t.get("uid")}
        index.footnotes = {n["uid"]: n for n in plan.get("footnotes") or [] if n.get("uid")}
        index.appendices = {a["uid"]: a for a in plan.get("appendices") or [] if a.get("uid")}
        index.legal_bases = len(plan.get("legal_bases") or [])
        index.recipients = len(plan.get("recipients") or [])
        return index

    def learn(self, changes: Iterable[Change]) -> None:
        """Remember the names items had in the history (oldest first: the latest wins)."""
        for c in changes:
            if c.entity not in _MAIN or c.entity == "indicator_value" or not c.entity_uid:
                continue
            if c.action == "insert" and c.new_value:
                self.known[c.entity_uid] = c.new_value
            elif c.action == "delete" and c.old_value:
                self.known[c.entity_uid] = c.old_value
            elif c.action == "update" and c.attribute == _MAIN[c.entity] and c.new_value:
                self.known[c.entity_uid] = c.new_value


def _unwrap(plan: dict[str, Any] | None) -> dict[str, Any]:
    if not plan:
        return {}
    return plan["plan"] if "format" in plan and isinstance(plan.get("plan"), dict) else plan


def _sections(nodes: list[dict[str, Any]],
              path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every section with the labels of its headings joined: "II.1", "II.1.a)"."""
    for node in nodes:
        label = (node.get("label") or "").strip().rstrip(".")
        here = ".".join(x for x in (path, label) if x)
        yield node, here
        yield from _sections(node.get("children") or [], here)


def _walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get("children") or [])


# --------------------------------------------------------------------------- naming items


def _item(index: PlanIndex, entity: str, uid: str) -> tuple[Message, bool]:
    """The item a record is about, and whether it still exists."""
    known = index.known.get(uid, "")
    if entity == "section":
        s = index.sections.get(uid)
        text = _short(s.get("text", "") if s else known or uid)
        label = index.section_paths.get(uid, "")
        return (_msg(SECTION, label=label, text=text) if label
                else _msg(SECTION_NO_LABEL, text=text)), s is not None
    if entity == "indicator":
        ind = index.indicators.get(uid)
        name = _short(ind["name"] if ind else known or uid, _NAME)
        return _msg(INDICATOR, name=name), ind is not None
    if entity == "key_task":
        t = index.key_tasks.get(uid)
        if t and t.get("label"):
            return _msg(KEY_TASK, label=t["label"]), True
        return _msg(KEY_TASK_NO_LABEL, task=_short(t["task"] if t else known or uid)), \
            t is not None
    if entity == "footnote":
        n = index.footnotes.get(uid)
        return _msg(FOOTNOTE, key=n["key"] if n else _short(known or uid)), n is not None
    if entity == "indicator_group":
        g = index.groups.get(uid)
        return (_msg(GROUP, label=(g or {}).get("label", ""),
                     title=_short(g.get("title", "") if g else known or uid)), g is not None)
    if entity == "appendix":
        a = index.appendices.get(uid)
        title = " ".join(x for x in ((a or {}).get("label", ""), (a or {}).get("title", "")) if x)
        return _msg(APPENDIX, title=_short(title if a else known or uid)), a is not None
    if entity in ("legal_basis", "recipient"):
        try:
            position = int(uid)
        except ValueError:
            position = -1
        count = index.legal_bases if entity == "legal_basis" else index.recipients
        template = LEGAL_BASIS if entity == "legal_basis" else RECIPIENT
        return _msg(template, number=position + 1 if position >= 0 else uid), \
            0 <= position < count
    return _msg(OTHER, entity=entity, uid=uid), True


def _what(change: Change, index: PlanIndex) -> tuple[Message, bool]:
    entity, attribute = change.entity, change.attribute
    if entity == "plan":
        if change.action == "import" or not attribute:
            return _msg(WHOLE_PLAN), True
        template = PLAN_ATTRIBUTES.get(attribute)
        return (_msg(template) if template else _msg(PLAN_OTHER, attribute=attribute)), True
    if entity == "indicator_value":
        parts = change.entity_uid.rsplit(":", 2)
        uid, year, period = parts if len(parts) == 3 else (change.entity_uid, "", "")
        ind = index.indicators.get(uid)
        name = _short(ind["name"] if ind else index.known.get(uid) or uid, _NAME)
        what = _msg(VALUE, name=name, period=_msg(PERIODS.get(period, period)), year=year)
        return (what if ind else _msg(REMOVED, item=what)), ind is not None
    item, exists = _item(index, entity, change.entity_uid)
    if attribute and attribute != _MAIN.get(entity):
        words = ATTRIBUTES.get(attribute)
        item = _msg(ITEM_ATTRIBUTE, item=item, attribute=_msg(words) if words else attribute)
    return (item if exists else _msg(REMOVED, item=item)), exists


# --------------------------------------------------------------------------- old and new


def _value_words(snapshot: str | None) -> str:
    """A value snapshot's words: as written, or as the program writes the value."""
    if not snapshot:
        return ""
    try:
        data = json.loads(snapshot)
        if data.get("text") or not data.get("kind"):
            return str(data.get("text", ""))
        value = value_from_snapshot(snapshot)
    except (ValueError, KeyError, ArithmeticError, AttributeError):
        return snapshot
    return value.display() if value is not None else ""


def _reference(entity: str, uid: str | None, index: PlanIndex) -> Words:
    """A moved item's old or new place: the parent or table it was under."""
    if uid is None:
        return _msg(TOP_LEVEL)
    kind = {"section": "section", "indicator": "indicator"}.get(entity, "indicator_group")
    item, exists = _item(index, kind, uid)
    return item if exists else _msg(REMOVED, item=item)


def _words(change: Change, text: str | None, index: PlanIndex) -> Words:
    if change.entity == "indicator_value":
        return _value_words(text)
    attribute = change.attribute
    if attribute in ("parent", "group") and change.action == "update":
        return _reference(change.entity if attribute == "parent" else "group", text, index)
    if text is None:
        return ""
    if change.action == "import":
        match = _REVISION_RE.match(text)
        return _msg(REVISION, revision=match.group(1)) if match else text
    if attribute == "position" and text.lstrip("-").isdigit():
        return str(int(text) + 1)
    words = CODES.get(attribute, {}).get(text)
    return _msg(words) if words else text


def _restorable(change: Change, index: PlanIndex) -> bool:
    target = restore_target(change)
    if target is None:
        return False
    how, args = target
    if how == "value":
        return args[0] in index.indicators
    if how == "field":
        entity, uid = args[0], args[1]
        if entity == "plan":
            return not index.plan_uid or uid == index.plan_uid
        found = {"section": index.sections, "indicator": index.indicators,
                 "key_task": index.key_tasks, "footnote": index.footnotes}.get(entity)
        return found is not None and uid in found
    return True  # the plan's date


def describe(change: Change, plan: dict[str, Any] | PlanIndex | None) -> HistoryLine:
    """One history record in words, named after the items of ``plan`` (the plan as it is
    now: its data dict, or a :class:`PlanIndex` of it when describing many records)."""
    index = plan if isinstance(plan, PlanIndex) else PlanIndex.of(plan)
    what, exists = _what(change, index)
    return HistoryLine(
        change=change,
        action=_msg(ACTIONS.get(change.action, change.action)),
        what=what,
        old=_words(change, change.old_value, index),
        new=_words(change, change.new_value, index),
        restorable=exists and _restorable(change, index),
        removed=not exists,
    )


def describe_all(changes: list[Change], plan: dict[str, Any] | None) -> list[HistoryLine]:
    """Every record in words, in the order given; names of removed items come from the
    history itself."""
    index = PlanIndex.of(plan)
    index.learn(changes)
    return [describe(c, index) for c in changes]
