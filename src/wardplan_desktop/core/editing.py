"""Editing a plan one change at a time: every call is saved at once, in one transaction.

The clerk's window calls these for each edit (a field left, a value typed, a row
added, moved or removed); each call validates, writes, and returns what undo
needs — the old state — with the plan's new revision and the time it was saved.
The history recorder (``storage/history.py``) writes the change log in the same
transaction, so nothing here can forget it.  Items are addressed by their
identifiers; a removed item comes back with the same identifier, children and
values, so undo and redo can replay in any order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from . import values as values_mod
from .edits import Place, Saved
from .enums import (
    Authority,
    Direction,
    Emphasis,
    Field,
    Part,
    Period,
    PlanStatus,
    RowStyle,
    SectionKind,
    ValueKind,
)
from .errors import (
    QT_TRANSLATE_NOOP,
    AmbiguousNumberError,
    InputError,
    Message,
    NotFoundError,
    UnreadableValueError,
)
from .interchange import codec
from .numbers import normalize_text
from .storage import history
from .storage.database import Database
from .storage.schema import (
    ChangeRecord,
    Footnote,
    Indicator,
    IndicatorGroup,
    KeyTask,
    LegalBasis,
    Plan,
    Recipient,
    Section,
    Unit,
    new_uid,
)
from .values import Value

FOOTNOTE_KEY = re.compile(r"[A-Za-z0-9_-]{1,32}")

MSG_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "{what} may have at most {limit} characters; it has "
                                           "{length}.")
MSG_NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a possible {what}.")
MSG_BAD_DATE = QT_TRANSLATE_NOOP("Errors", "{day}/{month}/{year} is not a date.")
MSG_BAD_YEAR = QT_TRANSLATE_NOOP("Errors", "The year must be between {low} and {high}.")
MSG_EMPTY = QT_TRANSLATE_NOOP("Errors", "{what} cannot be empty.")
MSG_FOOTNOTE_KEY = QT_TRANSLATE_NOOP(
    "Errors", "The footnote key {key} is already used in this plan, or is not letters, digits, "
    "\"-\" or \"_\".")
MSG_BAD_PLACE = QT_TRANSLATE_NOOP("Errors", "An item cannot be moved under itself.")
MSG_NOT_A_FIELD = QT_TRANSLATE_NOOP("Errors", "{what} cannot be edited here.")
MSG_RECEIVED_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "This {year} document of {unit} is kept as the unit sent it and cannot be "
    "changed here; the unit sends a new revision instead.")

WHAT = {
    "number": QT_TRANSLATE_NOOP("Errors", "The document number"),
    "symbol": QT_TRANSLATE_NOOP("Errors", "The document symbol"),
    "place": QT_TRANSLATE_NOOP("Errors", "The place name"),
    "title": QT_TRANSLATE_NOOP("Errors", "The title"),
    "parent_body": QT_TRANSLATE_NOOP("Errors", "The parent body"),
    "sign_authority": QT_TRANSLATE_NOOP("Errors", "The signing authority"),
    "sign_authority_body": QT_TRANSLATE_NOOP("Errors", "The body signed for"),
    "sign_position": QT_TRANSLATE_NOOP("Errors", "The signer's position"),
    "signer": QT_TRANSLATE_NOOP("Errors", "The signer's name"),
    "label": QT_TRANSLATE_NOOP("Errors", "The label"),
    "name": QT_TRANSLATE_NOOP("Errors", "The name"),
    "unit": QT_TRANSLATE_NOOP("Errors", "The unit of measure"),
    "text": QT_TRANSLATE_NOOP("Errors", "The text"),
    "task": QT_TRANSLATE_NOOP("Errors", "The task"),
    "kind": QT_TRANSLATE_NOOP("Errors", "kind of paragraph"),
    "emphasis": QT_TRANSLATE_NOOP("Errors", "emphasis"),
    "direction": QT_TRANSLATE_NOOP("Errors", "direction"),
    "row_style": QT_TRANSLATE_NOOP("Errors", "row style"),
    "status": QT_TRANSLATE_NOOP("Errors", "status"),
    "field": QT_TRANSLATE_NOOP("Errors", "field"),
    "part": QT_TRANSLATE_NOOP("Errors", "part of the document"),
    "period": QT_TRANSLATE_NOOP("Errors", "period"),
    "place_name": QT_TRANSLATE_NOOP("Errors", "The place name"),
    "issuing_body": QT_TRANSLATE_NOOP("Errors", "The issuing body"),
    "heading_lines": QT_TRANSLATE_NOOP("Errors", "The lines under the title"),
    "preamble": QT_TRANSLATE_NOOP("Errors", "The preamble"),
    "closing": QT_TRANSLATE_NOOP("Errors", "The closing"),
    "note": QT_TRANSLATE_NOOP("Errors", "The note"),
    "result": QT_TRANSLATE_NOOP("Errors", "The result"),
    "catalogue_code": QT_TRANSLATE_NOOP("Errors", "The catalogue code"),
    "date": QT_TRANSLATE_NOOP("Errors", "The date"),
    "legal_bases": QT_TRANSLATE_NOOP("Errors", "A legal basis"),
    "recipients": QT_TRANSLATE_NOOP("Errors", "A recipient"),
}

# Kinds of checks on a text attribute: a maximum length, one of a set, optional.
Rule = tuple[int | None, frozenset[str] | None, bool]


def _choices(enum: Any) -> frozenset[str]:
    return frozenset(e.value for e in enum)


def _text(limit: int | None = None) -> Rule:
    return (limit, None, False)


def _one_of(enum: Any, optional: bool = False) -> Rule:
    return (None, _choices(enum), optional)


#: What each kind of item lets the clerk change, with its rules.
EDITABLE: dict[str, dict[str, Rule]] = {
    "plan": {
        "number": _text(20), "symbol": _text(50), "place": _text(200), "title": _text(),
        "parent_body": _text(300), "sign_authority": _one_of(Authority),
        "sign_authority_body": _text(200), "sign_position": _text(200), "signer": _text(200),
        "issuing_body": _text(), "heading_lines": _text(), "preamble": _text(),
        "closing": _text(), "status": _one_of(PlanStatus),
    },
    "section": {
        "text": _text(), "label": _text(50), "kind": _one_of(SectionKind),
        "emphasis": _one_of(Emphasis), "field": _one_of(Field, optional=True),
        "part": _one_of(Part),
    },
    "indicator": {
        "name": _text(), "unit": _text(50), "label": _text(20), "note": _text(),
        "direction": _one_of(Direction), "row_style": _one_of(RowStyle),
        "catalogue_code": _text(50),
    },
    "key_task": {"task": _text(), "result": _text(), "label": _text(20),
                 "field": _one_of(Field, optional=True)},
    "footnote": {"text": _text()},
    "unit": {"name": _text(200), "place_name": _text(200), "issuing_body": _text(),
             "parent_body": _text(300)},
}
_MODELS: dict[str, Any] = {"plan": Plan, "section": Section, "indicator": Indicator,
                           "key_task": KeyTask, "footnote": Footnote}
_NOT_EMPTY = {("indicator", "name"), ("key_task", "task"), ("footnote", "text"),
              ("unit", "name")}


def _plan_of(obj: Any) -> Plan:
    if isinstance(obj, Plan):
        return obj
    plan = getattr(obj, "plan", None)  # key tasks and footnotes only know their plan's id
    return plan if plan is not None else inspect(obj).session.get(Plan, obj.plan_id)


def _find(session: Session, entity: str, uid: str) -> Any:
    if entity == "unit":
        obj = session.scalar(select(Unit).where(Unit.code == uid))
    elif entity in _MODELS:
        model = _MODELS[entity]
        obj = session.scalar(select(model).where(model.uid == uid))
    else:
        raise InputError(MSG_NOT_A_FIELD, what=entity)
    if obj is None:
        raise NotFoundError()
    if entity != "unit":
        refuse_received(_plan_of(obj))
    return obj


def refuse_received(plan: Plan) -> None:
    """A plan held as a unit sent it (its text is read from the receipt) is never edited."""
    if plan.receipt_id is not None:
        raise InputError(MSG_RECEIVED_READ_ONLY, year=plan.year, unit=plan.unit.code)


def _clean(entity: str, name: str, value: Any) -> Any:
    rules = EDITABLE.get(entity, {})
    if name not in rules:
        raise InputError(MSG_NOT_A_FIELD, what=name)
    limit, choices, optional = rules[name]
    what = Message("Errors", WHAT[name]) if name in WHAT else name
    if value is None and (entity, name) == ("indicator", "label"):
        return None  # no label of its own: the row is numbered in print (layout.row_label)
    if choices is not None:
        if value in (None, "") and optional:
            return None
        if value not in choices:
            raise InputError(MSG_NOT_ALLOWED, value=value, what=what)
        return value
    text = normalize_text(str(value or "")) if "\n" not in str(value or "") \
        else "\n".join(normalize_text(line) for line in str(value).split("\n"))
    if limit is not None and len(text) > limit:
        raise InputError(MSG_TOO_LONG, what=what, limit=limit, length=len(text))
    if not text and (entity, name) in _NOT_EMPTY:
        raise InputError(MSG_EMPTY, what=what)
    if name == "catalogue_code" and not text:
        return None
    return text


def _saved(session: Session, plan: Plan | None, old: Any, changed: bool = True) -> Saved:
    session.flush()
    if plan is None:
        return Saved(old, 0, history.utc_now(), changed)
    return Saved(old, plan.revision, plan.updated_at, changed)


def set_field(db: Database, entity: str, uid: str, name: str, value: Any) -> Saved:
    """Set one attribute of a plan, section, indicator, key task, footnote or unit.

    ``uid`` is the item's identifier (a unit's code for ``entity="unit"``);
    ``Saved.old`` is the value it had.
    """
    value = _clean(entity, name, value)
    with db.session() as session:
        obj = _find(session, entity, uid)
        old = getattr(obj, name)
        if old == value:
            return _saved(session, None if entity == "unit" else _plan_of(obj), old, False)
        setattr(obj, name, value)
        if entity == "unit":
            return _unit_changed(session, obj, name, old, value)
        return _saved(session, _plan_of(obj), old)


def set_date(db: Database, plan_uid: str, day: int | None, month: int | None,
             year: int) -> Saved:
    """The plan's date; day and month may stay blank until signing. Old: (day, month, year)."""
    if not 1900 <= year <= 2200:
        raise InputError(MSG_BAD_YEAR, low=1900, high=2200)
    try:
        dt.date(year, month or 1, day or 1)
        if day is not None and month is None:
            raise ValueError
    except (ValueError, TypeError):
        raise InputError(MSG_BAD_DATE, day=day or "…", month=month or "…", year=year) from None
    with db.session() as session:
        plan = _find(session, "plan", plan_uid)
        old = (plan.date_day, plan.date_month, plan.date_year)
        plan.date_day, plan.date_month, plan.date_year = day, month, year
        return _saved(session, plan, old, old != (day, month, year))


def set_list(db: Database, plan_uid: str, which: str, items: list[Any]) -> Saved:
    """Replace the legal bases (texts) or recipients ((name, purpose) pairs) of a plan."""
    if which not in ("legal_bases", "recipients"):
        raise InputError(MSG_NOT_A_FIELD, what=which)
    with db.session() as session:
        plan = _find(session, "plan", plan_uid)
        if which == "legal_bases":
            old: list[Any] = [b.text for b in plan.legal_bases]
            new = [normalize_text(str(t)) for t in items]
            new = [t for t in new if t]
            changed = new != old
            if changed:
                plan.legal_bases = [LegalBasis(position=i, text=t) for i, t in enumerate(new)]
        else:
            old = [(r.name, r.purpose) for r in plan.recipients]
            pairs = [(normalize_text(n), normalize_text(p))
                     for n, p in items]
            pairs = [(n, p) for n, p in pairs if n]
            for name, purpose in pairs:
                if len(name) > 300 or len(purpose) > 300:
                    raise InputError(MSG_TOO_LONG, what=Message("Errors", WHAT["recipients"]),
                                     limit=300,
                                     length=max(len(name), len(purpose)))
            changed = pairs != old
            if changed:
                plan.recipients = [Recipient(position=i, name=n, purpose=p)
                                   for i, (n, p) in enumerate(pairs)]
        return _saved(session, plan, old, changed)


def read_value(text: str) -> Value:
    """What the clerk typed, as a value; words that cannot be read are kept as they are.

    Never raises and never turns the words into something else: an ambiguous or
    unreadable number is stored as ``unreadable`` and the checks explain it.
    """
    try:
        return values_mod.parse_value(text)
    except (AmbiguousNumberError, UnreadableValueError):
        return values_mod.unreadable(text)


def set_value(db: Database, indicator_uid: str, year: int, period: str,
              value: Value | str | None) -> Saved:
    """Set (or clear with ``None``/"") one value of an indicator. Old: the previous Value."""
    period = Period(period).value
    if isinstance(value, str):
        value = read_value(value) if value.strip() else None
    if value is not None:
        _check_meaning(value)
    with db.session() as session:
        indicator = _find(session, "indicator", indicator_uid)
        row = next((v for v in indicator.values if v.year == year and v.period == period),
                   None)
        old = codec.value_of(row) if row is not None else None
        changed = True
        if value is None:
            changed = row is not None
            if row is not None:
                indicator.values.remove(row)
                session.delete(row)
        elif row is None:
            indicator.values.append(codec.value_row(year, period, value))
        elif old != value or old.text != value.text:
            fresh = codec.value_row(year, period, value)
            for key in history.VALUE_FIELDS:
                setattr(row, key, getattr(fresh, key))
        else:
            changed = False
        return _saved(session, indicator.plan, old, changed)


def _check_meaning(value: Value) -> None:
    """A value built by hand must mean what its words say, as a plan file requires:
    what is saved here must be sendable and importable again."""
    row = codec.value_row(0, Period.TARGET.value, value)
    codec.value_from_entry(codec.value_entry_of(row))


def _unit_changed(session: Session, unit: Unit, name: str, old: Any, new: Any) -> Saved:
    """A unit's details print in every plan of the unit: each of them changes revision,
    so a plan already sent is sent again as a new revision, with the change in its history.
    A plan held as the unit sent it keeps the unit's revision (it is never edited)."""
    plans = session.scalars(select(Plan).where(Plan.unit_id == unit.id,
                                               Plan.receipt_id.is_(None))).all()
    now = history.utc_now()
    actor = session.info.get(history.ACTOR) or history.default_actor()
    for plan in plans:
        plan.revision += 1
        plan.updated_at = now
        session.add(ChangeRecord(plan=plan, plan_uid=plan.uid, revision=plan.revision, at=now,
                                 actor=actor, action="update", entity="unit",
                                 entity_uid=unit.code, attribute=name,
                                 old_value=None if old is None else str(old),
                                 new_value=None if new is None else str(new)))
    session.flush()
    latest = max(plans, key=lambda p: p.revision, default=None)
    return Saved(old, latest.revision if latest else 0, now)


# --------------------------------------------------------------------------- tree items


def _siblings(session: Session, obj: Any) -> list[Any]:
    """The other items under ``obj``'s stored parent (by its columns: works for an item
    just deleted, whose relationships can no longer be loaded)."""
    model = type(obj)
    query = select(model).where(model.plan_id == obj.plan_id)
    if isinstance(obj, Section | Indicator):
        query = query.where(model.parent_id.is_(None) if obj.parent_id is None
                            else model.parent_id == obj.parent_id)
    if isinstance(obj, Indicator):
        query = query.where(model.group_id == obj.group_id)
    return [o for o in session.scalars(query.order_by(model.position, model.id)).all()
            if o is not obj]


def _place_of(obj: Any) -> Place:
    parent = getattr(obj, "parent", None)
    group = obj.group.uid if isinstance(obj, Indicator) else None
    return Place(parent.uid if parent is not None else None, obj.position, group)


def _put(session: Session, obj: Any, place: Place) -> None:
    """Set ``obj``'s parent/group and slot it in at ``place.position``, renumbering."""
    model = type(obj)
    if isinstance(obj, Section | Indicator):
        parent = _find(session, "section" if isinstance(obj, Section) else "indicator",
                       place.parent_uid) if place.parent_uid else None
        ancestor = parent
        while ancestor is not None:
            if ancestor is obj:
                raise InputError(MSG_BAD_PLACE)
            ancestor = ancestor.parent
        obj.parent = parent
        if isinstance(obj, Indicator):
            _regroup(obj, _group_at(session, place))
    siblings = [o for o in _siblings_at(session, obj, model) if o is not obj]
    position = max(0, min(place.position, len(siblings)))
    siblings.insert(position, obj)
    for i, sibling in enumerate(siblings):
        if sibling.position != i:
            sibling.position = i


def _regroup(indicator: Indicator, group: IndicatorGroup) -> None:
    """An indicator and its "Trong đó" rows belong to one group."""
    indicator.group = group
    for child in indicator.plan.indicators:
        if child.parent is indicator:
            _regroup(child, group)


def _siblings_at(session: Session, obj: Any, model: Any) -> list[Any]:
    """The items under ``obj``'s parent as just set (by its relationships, which are
    ahead of its columns until the next flush)."""
    query = select(model).where(model.plan_id == _plan_of(obj).id)
    if isinstance(obj, Section | Indicator):
        parent = obj.parent
        query = query.where(model.parent_id.is_(None) if parent is None
                            else model.parent_id == parent.id)
    if isinstance(obj, Indicator):
        query = query.where(model.group_id == obj.group.id)
    with session.no_autoflush:
        return list(session.scalars(query.order_by(model.position, model.id)).all())


def _close_gap(session: Session, obj: Any) -> None:
    for i, sibling in enumerate(_siblings(session, obj)):
        if sibling.position != i:
            sibling.position = i


def move(db: Database, entity: str, uid: str, place: Place) -> Saved:
    """Move a section, indicator, key task or footnote. Old: its previous Place."""
    with db.session() as session:
        obj = _find(session, entity, uid)
        old = _place_of(obj)
        if old != place:
            _close_gap(session, obj)
            session.flush()
            _put(session, obj, place)
        # A move past the end lands where it was: not a change.
        return _saved(session, _plan_of(obj), old, _place_of(obj) != old)


def _section_dict(session: Session, section: Section) -> dict[str, Any]:
    children = session.scalars(select(Section).where(Section.parent_id == section.id)
                               .order_by(Section.position)).all()
    return {"uid": section.uid, "kind": section.kind, "label": section.label,
            "text": section.text, "part": section.part, "field": section.field,
            "role": section.role, "emphasis": section.emphasis,
            "children": [_section_dict(session, c) for c in children]}


def _indicator_dict(session: Session, ind: Indicator) -> dict[str, Any]:
    children = session.scalars(select(Indicator).where(Indicator.parent_id == ind.id)
                               .order_by(Indicator.position)).all()
    return {"uid": ind.uid, "label": ind.label, "name": ind.name, "unit": ind.unit,
            "direction": ind.direction, "set_by": ind.set_by,
            "catalogue_code": ind.catalogue_code, "row_style": ind.row_style, "note": ind.note,
            "values": [codec.value_entry_of(v) for v in sorted(ind.values,
                                                              key=lambda v: (v.year, v.period))],
            "children": [_indicator_dict(session, c) for c in children]}


def _snapshot(session: Session, obj: Any) -> dict[str, Any]:
    if isinstance(obj, Section):
        return _section_dict(session, obj)
    if isinstance(obj, Indicator):
        return _indicator_dict(session, obj)
    if isinstance(obj, KeyTask):
        return {"uid": obj.uid, "label": obj.label, "field": obj.field, "task": obj.task,
                "result": obj.result}
    return {"uid": obj.uid, "key": obj.key, "text": obj.text}


def _group_at(session: Session, place: Place) -> IndicatorGroup:
    """The indicator group an indicator placed at ``place`` belongs to."""
    if place.parent_uid:
        return _find(session, "indicator", place.parent_uid).group
    group = session.scalar(select(IndicatorGroup).where(IndicatorGroup.uid == place.group_uid)) \
        if place.group_uid else None
    if group is None:
        raise NotFoundError()
    return group


def _build(session: Session, plan: Plan, entity: str, data: dict[str, Any],
           group: IndicatorGroup | None = None) -> Any:
    """Rows for an item (and its children and values) from its plan-file form."""
    def walk(item: dict[str, Any], parent: Any, group: Any,
             position: int) -> Iterator[tuple[Any, dict[str, Any]]]:
        if entity == "section":
            obj = Section(uid=item.get("uid") or new_uid(), plan=plan, parent=parent,
                          position=position, kind=item.get("kind", "paragraph"),
                          label=item.get("label", ""), text=item.get("text", ""),
                          part=item.get("part") or (parent.part if parent else "other"),
                          field=item.get("field", parent.field if parent else None),
                          role=item.get("role", ""), emphasis=item.get("emphasis", "none"))
        else:
            obj = Indicator(uid=item.get("uid") or new_uid(), plan=plan, parent=parent,
                            group=group, position=position, label=item.get("label"),
                            name=item["name"],
                            unit=item.get("unit", ""),
                            direction=item.get("direction", "higher_better"),
                            set_by=item.get("set_by", "ward"),
                            catalogue_code=item.get("catalogue_code"),
                            row_style=item.get("row_style", "item"),
                            note=item.get("note", ""))
            for v in item.get("values", []):
                value = codec.value_from_entry(v)
                obj.values.append(codec.value_row(v["year"], v["period"], value))
        session.add(obj)
        yield obj, item
        for i, child in enumerate(item.get("children", [])):
            yield from walk(child, obj, group, i)

    if entity in ("section", "indicator"):
        built = list(walk(data, None, group, 0))
        return built[0][0]
    if entity == "key_task":
        obj = KeyTask(uid=data.get("uid") or new_uid(), position=len(plan.key_tasks),
                      label=data.get("label", ""), field=data.get("field"),
                      task=data.get("task", ""), result=data.get("result", ""))
    else:
        key = data.get("key", "")
        taken = session.scalar(select(Footnote).where(Footnote.plan_id == plan.id,
                                                      Footnote.key == key))
        if taken is not None or not FOOTNOTE_KEY.fullmatch(key):
            raise InputError(MSG_FOOTNOTE_KEY, key=key)
        obj = Footnote(uid=data.get("uid") or new_uid(), position=len(plan.footnotes), key=key,
                       text=data.get("text", ""))
    # Key tasks and footnotes hang off the plan's collections (they have no link back).
    (plan.key_tasks if entity == "key_task" else plan.footnotes).append(obj)
    session.flush()
    return obj


def insert(db: Database, plan_uid: str, entity: str, data: dict[str, Any],
           place: Place) -> Saved:
    """Add a section, indicator (with its "Trong đó" rows and values), key task or footnote.

    ``data`` is the item in its plan-file form (an identifier in it is kept, so an
    undone removal comes back as it was).  ``Saved.old`` is the new item's uid.
    """
    if entity not in ("section", "indicator", "key_task", "footnote"):
        raise InputError(MSG_NOT_A_FIELD, what=entity)
    if entity == "indicator" and not normalize_text(data.get("name", "")):
        raise InputError(MSG_EMPTY, what=Message("Errors", WHAT["name"]))
    with db.session() as session:
        plan = _find(session, "plan", plan_uid)
        with session.no_autoflush:
            group = _group_at(session, place) if entity == "indicator" else None
            obj = _build(session, plan, entity, data, group)
            _put(session, obj, place)
        return _saved(session, plan, obj.uid)


def remove(db: Database, entity: str, uid: str) -> Saved:
    """Remove an item with everything under it. Old: (its plan-file form, its Place)."""
    with db.session() as session:
        obj = _find(session, entity, uid)
        if entity not in ("section", "indicator", "key_task", "footnote"):
            raise InputError(MSG_NOT_A_FIELD, what=entity)
        snapshot, place, plan = _snapshot(session, obj), _place_of(obj), _plan_of(obj)
        _delete_tree(session, obj)
        session.flush()
        _close_gap(session, obj)
        return _saved(session, plan, (snapshot, place))


def _delete_tree(session: Session, obj: Any) -> None:
    if isinstance(obj, Section | Indicator):
        model = type(obj)
        for child in session.scalars(select(model).where(model.parent_id == obj.id)).all():
            _delete_tree(session, child)
    session.delete(obj)


def new_indicator(name: str, unit: str = "", direction: str = "higher_better",
                  catalogue_code: str | None = None, row_style: str = "item") -> dict[str, Any]:
    """A fresh indicator in plan-file form, e.g. from the catalogue."""
    return {"name": name, "unit": unit, "direction": direction,
            "catalogue_code": catalogue_code, "row_style": row_style, "values": [],
            "children": []}



# --------------------------------------------------------------------------- history


#: Tables whose recorded changes map onto an editable item.
_EDITABLE_TABLES = {"plan", "section", "indicator", "key_task", "footnote"}
_DATE_PARTS = ("date_day", "date_month", "date_year")


def value_from_snapshot(snapshot: str | None) -> Value | None:
    """The value a history record holds (``history.value_snapshot``), or None when empty."""
    if not snapshot:
        return None
    data = json.loads(snapshot)
    if not data.get("kind"):
        return None
    return Value(ValueKind(data["kind"]), data.get("text", ""),
                 **{k: Decimal(data[k]) for k in ("value", "low", "high", "numerator",
                                                  "denominator") if k in data},
                 unit=data.get("unit", ""), base=data.get("base", ""),
                 base_year=data.get("base_year"))


def restore_target(change: Any) -> tuple[str, Any] | None:
    """How to bring back a recorded change's old value, or None when it cannot be.

    Returns ``("field", (entity, uid, name, old))``, ``("date", (part, old))`` or
    ``("value", (indicator_uid, year, period, Value | None))``.  Additions and
    removals of whole items are undone with undo, not restored from history.
    """
    if change.action not in ("update", "insert") or change.action == "insert" \
            and change.entity != "indicator_value":
        return None
    if change.entity == "indicator_value":
        try:
            uid, year, period = change.entity_uid.rsplit(":", 2)
            return "value", (uid, int(year), period, value_from_snapshot(change.old_value))
        except (ValueError, KeyError):
            return None
    if change.entity == "plan" and change.attribute in _DATE_PARTS:
        old = int(change.old_value) if change.old_value not in (None, "") else None
        return "date", (change.attribute, old)
    entity = change.entity  # these tables are named as the items they hold
    if entity not in _EDITABLE_TABLES or change.attribute not in EDITABLE[entity]:
        return None
    # None stays None: set_field stores it as an empty text, except where "none" means
    # something (an indicator without a label of its own is numbered in print).
    return "field", (entity, change.entity_uid, change.attribute, change.old_value)
