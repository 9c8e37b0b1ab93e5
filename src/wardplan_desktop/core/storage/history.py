"""Change history, written in the same transaction as the change itself.

A listener on every session looks at what a flush is about to write and, for
each plan touched, raises its revision once per transaction and records every
changed attribute (when, who, what, old → new).  No code path that edits a plan
can forget it, and a change that is rolled back leaves no history behind.
"""

from __future__ import annotations

import getpass
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from .schema import (
    Appendix,
    ChangeRecord,
    Footnote,
    Indicator,
    IndicatorGroup,
    IndicatorValue,
    KeyTask,
    LegalBasis,
    Plan,
    Recipient,
    Section,
    utc_now,
)

#: Attributes that are bookkeeping, not content.
_IGNORED = {"id", "plan_id", "revision", "updated_at", "created_at", "uid"}
_TRACKED = (
    Plan, LegalBasis, Recipient, Section, Footnote, KeyTask, IndicatorGroup, Indicator,
    IndicatorValue, Appendix,
)
SUPPRESS = "wardplan.suppress_history"
ACTOR = "wardplan.actor"
_BUMPED = "wardplan.bumped_plans"


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system; history still works
        return ""


VALUE_FIELDS = (
    "text", "kind", "value", "low", "high", "numerator", "denominator", "unit", "base",
    "base_year",
)


def value_snapshot(fields: Any) -> str:
    """A value's words and meaning as JSON, so a restore brings back exactly this.

    ``fields`` is an :class:`IndicatorValue` or a mapping of its attributes.
    """
    get = fields.get if isinstance(fields, dict) else (lambda k: getattr(fields, k))
    data: dict[str, Any] = {}
    for key in VALUE_FIELDS:
        v = get(key)
        if v is None or v == "":
            continue
        data[key] = format(v, "f") if isinstance(v, Decimal) else v
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _owners(session: Session) -> tuple[dict[int, Any], list[tuple[Any, Any]]]:
    """Children added to or taken out of a collection in this flush, with their owner.

    A child appended to ``plan.recipients`` knows its plan only once the flush has
    written its ``plan_id``, and a child taken out of a ``delete-orphan`` collection
    is deleted by the flush without ever appearing in ``session.deleted``: both are
    found here, on the owner's side.  Returns ``{id(child): owner}`` and the
    ``(owner, child)`` pairs of children taken out.
    """
    owners: dict[int, Any] = {}
    removed: list[tuple[Any, Any]] = []
    for owner in [*session.new, *session.dirty]:
        if not isinstance(owner, _TRACKED):
            continue
        state = inspect(owner)
        for rel in state.mapper.relationships:
            if not rel.uselist:
                continue
            hist = state.attrs[rel.key].history
            for child in hist.added:
                owners[id(child)] = owner
            for child in hist.deleted:
                owners.setdefault(id(child), owner)
                if rel.cascade.delete_orphan:
                    removed.append((owner, child))
    return owners, removed


def _indicator_of(value: IndicatorValue, owners: dict[int, Any]) -> Indicator | None:
    indicator = value.indicator or owners.get(id(value))
    if indicator is None and value.indicator_id is not None:
        indicator = inspect(value).session.get(Indicator, value.indicator_id)
    return indicator


def _plan_of(obj: Any, owners: dict[int, Any]) -> Plan | None:
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, IndicatorValue):
        indicator = _indicator_of(obj, owners)
        return _plan_of(indicator, owners) if indicator is not None else None
    plan = getattr(obj, "plan", None)
    if plan is None and id(obj) in owners:
        plan = _plan_of(owners[id(obj)], owners)
    if plan is None and getattr(obj, "plan_id", None) is not None:
        plan = inspect(obj).session.get(Plan, obj.plan_id)
    return plan


def _entity_uid(obj: Any, owners: dict[int, Any]) -> str:
    if isinstance(obj, IndicatorValue):
        indicator = _indicator_of(obj, owners)
        indicator_uid = indicator.uid if indicator is not None else ""
        return f"{indicator_uid}:{obj.year}:{obj.period}"
    uid = getattr(obj, "uid", None)
    return uid if uid else str(getattr(obj, "position", ""))


def _reference(obj: Any) -> str | None:
    """How a many-to-one target (a parent section, an indicator group…) is recorded."""
    if obj is None:
        return None
    return getattr(obj, "uid", None) or getattr(obj, "code", None) or str(obj.id)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _summary(obj: Any) -> str:
    if isinstance(obj, IndicatorValue):
        return value_snapshot(obj)
    for key in ("text", "name", "task", "title"):
        value = getattr(obj, key, None)
        if value:
            return str(value)
    return ""


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(SUPPRESS):
        return
    actor = session.info.get(ACTOR) or default_actor()
    bumped: set[int] = session.info.setdefault(_BUMPED, set())
    now = utc_now()
    records: list[tuple[Plan | None, str, Any, str, str | None, str | None]] = []
    owners, removed = _owners(session)

    for obj in list(session.dirty):
        if not isinstance(obj, _TRACKED) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        if isinstance(obj, IndicatorValue):
            changed = [a for a in state.attrs if a.history.has_changes()]
            if not changed:
                continue
            before = {k: getattr(obj, k) for k in VALUE_FIELDS}
            for a in changed:
                if a.key in before:
                    before[a.key] = a.history.deleted[0] if a.history.deleted else None
            if any(a.key in before for a in changed):
                records.append((_plan_of(obj, owners), "update", obj, "value",
                                value_snapshot(before), value_snapshot(obj)))
            continue
        for attr in state.mapper.column_attrs:
            if attr.key in _IGNORED:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            records.append((_plan_of(obj, owners), "update", obj, attr.key, _text(old),
                            _text(new)))
        # A move (section.parent = …, indicator.group = …) changes its foreign key
        # only during the flush: record it from the relationship.  Being taken out
        # of a plan or an indicator is a deletion, recorded below.
        for rel in state.mapper.relationships:
            if rel.uselist or rel.key in ("plan", "indicator"):
                continue
            hist = state.attrs[rel.key].history
            if not hist.has_changes():
                continue
            old_ref = _reference(hist.deleted[0]) if hist.deleted else None
            if old_ref is None and not hist.deleted:
                fk = next(iter(rel.local_columns))
                old_id = state.committed_state.get(fk.key, getattr(obj, fk.key))
                target = session.get(rel.mapper.class_, old_id) if old_id is not None else None
                old_ref = _reference(target)
            new_ref = _reference(hist.added[0]) if hist.added else None
            if old_ref != new_ref:
                records.append((_plan_of(obj, owners), "update", obj, rel.key, old_ref, new_ref))
    for obj in list(session.new):
        if isinstance(obj, _TRACKED) and not isinstance(obj, Plan):
            records.append((_plan_of(obj, owners), "insert", obj, "", None, _summary(obj)))
    deleted = [obj for obj in session.deleted if isinstance(obj, _TRACKED)]
    for _owner, child in removed:
        state = inspect(child)
        if state.persistent and child not in session.deleted and child not in deleted:
            deleted.append(child)  # an orphan: the flush deletes it
    for obj in deleted:
        if not isinstance(obj, Plan):
            records.append((_plan_of(obj, owners), "delete", obj, "", _summary(obj), None))

    for plan, action, obj, attribute, old, new in records:
        if plan is None or plan in session.new or plan in session.deleted:
            continue  # a new plan starts at revision 1; a deleted one has no future
        # The row's id, not the object's: within one transaction the plan may be
        # loaded again as another object between flushes.
        key = plan.id if plan.id is not None else id(plan)
        if key not in bumped:
            bumped.add(key)
            plan.revision += 1
            plan.updated_at = now
        session.add(
            ChangeRecord(
                plan=plan,
                plan_uid=plan.uid,
                revision=plan.revision,
                at=now,
                actor=actor,
                action=action,
                entity=obj.__tablename__,
                entity_uid=_entity_uid(obj, owners),
                attribute=attribute,
                old_value=old,
                new_value=new,
            )
        )


def _end_transaction(session: Session, *_: Any) -> None:
    session.info.pop(_BUMPED, None)


def install(factory: sessionmaker[Session]) -> None:
    """Record history for every session the factory makes."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_commit", _end_transaction)
    event.listen(factory, "after_soft_rollback", _end_transaction)
