"""What callers do with plans: import, list, export, roll over, edit, look back.

Every function is one unit of work on a :class:`Database`: it either completes
or leaves the database as it was.  The command line, the GUI and the tests all
go through here, but for what the window reads to show a plan at start
(``reading.py``, offered here too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .enums import DocumentKind, Period
from .errors import (
    MSG_OLDER_FILE,
    MSG_PLAN_EXISTS,
    MSG_PLAN_NOT_FOUND,
    MSG_UNIT_NOT_FOUND,
    InputError,
    NotFoundError,
)
from .interchange import codec

# Offered here too, for every caller but the window's start.
from .reading import export_plan_by_uid as export_plan_by_uid
from .reading import list_plans as list_plans
from .storage import history
from .storage.database import Database
from .storage.rows import PlanSummary as PlanSummary
from .storage.schema import (
    Appendix,
    ChangeRecord,
    Indicator,
    IndicatorGroup,
    IndicatorValue,
    Plan,
    Recipient,
    Unit,
    new_uid,
    utc_now,
)
from .values import Value


def _summary(plan: Plan) -> PlanSummary:
    return PlanSummary(plan.unit.code, plan.unit.name, plan.year, plan.kind, plan.revision,
                       plan.status, plan.title, plan.uid, plan.updated_at)


def _record(session: Session, plan: Plan, action: str, detail: str,
            old: str | None = None) -> None:
    session.add(ChangeRecord(
        plan=plan, plan_uid=plan.uid, revision=plan.revision, at=utc_now(),
        actor=session.info.get(history.ACTOR) or history.default_actor(), action=action,
        entity="plan", entity_uid=plan.uid, attribute="", old_value=old, new_value=detail,
    ))


def find_plan(session: Session, unit_code: str, year: int,
              kind: str = DocumentKind.PLAN) -> Plan:
    unit = session.scalar(select(Unit).where(Unit.code == unit_code))
    if unit is None:
        raise NotFoundError(MSG_UNIT_NOT_FOUND, unit=unit_code)
    plan = session.scalar(
        select(Plan)
        .where(Plan.unit_id == unit.id, Plan.year == year, Plan.kind == kind)
        .options(selectinload(Plan.indicators).selectinload(Indicator.values),
                 selectinload(Plan.sections))
    )
    if plan is None:
        raise NotFoundError(MSG_PLAN_NOT_FOUND, unit=unit_code, year=year, kind=kind)
    return plan


def import_plan_file(db: Database, path: Path, *, force: bool = False) -> PlanSummary:
    """Add the plan in a plan file, or replace the plan of the same unit, year and kind.

    A file holding an older revision than the plan stored is refused unless
    ``force``: an old copy on a USB stick must not silently undo later work.
    """
    data = codec.read_plan_file(path)  # checked completely before the database is touched
    return import_plan_data(db, data, str(path), force=force)


def import_plan_data(db: Database, data: dict[str, Any], source: str, *,
                     force: bool = False) -> PlanSummary:
    """Store checked plan data; ``source`` names where it came from, in messages and history.

    Against the plan held of the same unit, year and kind, a file of a later revision
    replaces it as it is.  One of the revision held or an older one is first compared
    with it, word for word but for the revision and the identifiers (a hand-written
    file has none, and gets new ones on each import): the same content changes
    nothing; other content is a change like any edit, stored as a new revision (the
    upper level refuses a revision it holds with other content), and from an older
    revision only with ``force``.
    """
    p = data["plan"]
    file_revision = p.get("revision", 1)
    with db.session() as session:
        held = session.scalar(select(Plan).join(Plan.unit).where(
            Unit.code == p["unit"]["code"], Plan.year == p["year"], Plan.kind == p["kind"]))
        session.info[history.SUPPRESS] = True
        cursor = codec.driver_cursor(session)
        compare = held is not None and file_revision <= held.revision
        before = codec.plan_data(cursor, plan_id=held.id) if compare else None
        previous = held.revision if held is not None else None
        savepoint = session.begin_nested() if compare else None
        plan = codec.store_plan(session, data, label=source)
        session.flush()
        if before is not None and savepoint is not None and previous is not None:
            after = codec.plan_data(cursor, plan_id=plan.id)
            if _content(after) == _content(before):
                savepoint.rollback()  # the plan held is this one already
                unchanged = session.scalar(select(Plan).where(Plan.uid == before["plan"]["uid"]))
                assert unchanged is not None
                return _summary(unchanged)
            if file_revision < previous and not force:
                raise InputError(MSG_OLDER_FILE, path=source, revision=file_revision,
                                 held=previous)
            plan.revision = previous + 1
            savepoint.commit()
        _record(session, plan, "import", Path(source).name,
                old=f"revision {previous}" if previous is not None else None)
        return _summary(plan)


def _content(data: Any) -> Any:
    """Plan-file data without its revision and identifiers: what a reader sees."""
    if isinstance(data, dict):
        return {k: _content(v) for k, v in data.items() if k not in ("uid", "revision")}
    if isinstance(data, list):
        return [_content(v) for v in data]
    return data


def export_plan(db: Database, unit_code: str, year: int,
                kind: str = DocumentKind.PLAN) -> dict[str, Any]:
    with db.session(write=False) as session:
        plan_id = find_plan(session, unit_code, year, kind).id
        data = codec.plan_data(codec.driver_cursor(session), plan_id=plan_id)
    assert data is not None  # found in the same transaction
    return data


_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")


def _move_year(text: str, from_year: int) -> str:
    """"… năm 2024" → "… năm 2025"; other years ("giai đoạn 2021-2025") stay."""
    return _YEAR.sub(lambda m: str(from_year + 1) if m.group() == str(from_year) else m.group(),
                     text)


def rollover(db: Database, unit_code: str, from_year: int,
             kind: str = DocumentKind.PLAN) -> PlanSummary:
    """Start next year's plan from this year's.

    Carried: the header (issuing body, symbol, place), the title with its year
    moved on, recipients, signature block, the indicator groups and indicators
    (names, units, directions, who set them, catalogue codes, notes), and every
    value of ``from_year`` — this year's targets and results, the estimate
    among them, are the base the new plan is measured from.  Not carried: the
    text of the document, key tasks and footnotes (they are written afresh),
    the number and the day and month of signing.
    """
    to_year = from_year + 1
    with db.session() as session:
        source = find_plan(session, unit_code, from_year, kind)
        from .editing import refuse_received

        refuse_received(source)  # its text is the unit's: rolled over, it would be lost
        exists = session.scalar(select(Plan.id).where(
            Plan.unit_id == source.unit_id, Plan.year == to_year, Plan.kind == kind))
        if exists is not None:
            raise InputError(MSG_PLAN_EXISTS, unit=unit_code, year=to_year, kind=kind)
        session.info[history.SUPPRESS] = True
        plan = Plan(
            uid=new_uid(), unit=source.unit, year=to_year, kind=kind, status="draft",
            revision=1, issuing_body=source.issuing_body, parent_body=source.parent_body,
            number="", symbol=source.symbol, place=source.place, date_day=None,
            date_month=None, date_year=from_year,
            title=_move_year(source.title, from_year),
            heading_lines=source.heading_lines,
            sign_authority=source.sign_authority,
            sign_authority_body=source.sign_authority_body,
            sign_position=source.sign_position, signer=source.signer,
        )
        session.add(plan)
        plan.recipients = [Recipient(position=r.position, name=r.name, purpose=r.purpose)
                           for r in source.recipients]
        groups: dict[int, IndicatorGroup] = {}
        for g in source.indicator_groups:
            groups[g.id] = IndicatorGroup(uid=new_uid(), position=g.position, field=g.field,
                                          label=g.label, title=_move_year(g.title, from_year))
            plan.indicator_groups.append(groups[g.id])
        copies: dict[int, Indicator] = {}
        for ind in sorted(source.indicators, key=_depth):
            copy = Indicator(
                uid=new_uid(), group=groups[ind.group_id],
                parent=copies[ind.parent_id] if ind.parent_id else None,
                position=ind.position, label=ind.label, name=ind.name, unit=ind.unit,
                direction=ind.direction, set_by=ind.set_by,
                catalogue_code=ind.catalogue_code, row_style=ind.row_style, note=ind.note,
            )
            for v in ind.values:
                if v.year == from_year:
                    copy.values.append(codec.value_row(v.year, v.period, codec.value_of(v)))
            copies[ind.id] = copy
            plan.indicators.append(copy)
        if plan.indicator_groups:
            plan.appendices.append(default_indicator_appendix(to_year))
        session.flush()
        _record(session, plan, "rollover", f"{unit_code} {from_year} → {to_year}")
        return _summary(plan)


def _depth(ind: Indicator) -> int:
    depth, node = 0, ind
    while node.parent is not None:
        depth, node = depth + 1, node.parent
    return depth


def default_indicator_appendix(year: int) -> Appendix:
    """The usual appendix of a new plan: last year's plan and estimate, next year's targets."""
    last = year - 1
    columns = [
        {"source": "label", "header": "STT"},
        {"source": "name", "header": "Nội dung"},
        {"source": "unit", "header": "ĐVT"},
        {"source": "value", "year": last, "period": "target", "header": f"Kế hoạch {last}"},
        {"source": "value", "year": last, "period": "estimate", "header": f"Ước TH {last}"},
        {"source": "percent_of_plan", "year": last, "period": "estimate", "header": "% so KH"},
        {"source": "value", "year": year, "period": "target", "header": f"Chỉ tiêu {year}"},
        {"source": "note", "header": "Ghi chú"},
    ]
    return Appendix(uid=new_uid(), position=0, kind="indicators", label="PHỤ LỤC",
                    title=f"CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}", caption="",
                    landscape=1, columns=json.dumps(columns, ensure_ascii=False))


def derive(db: Database, unit_code: str, year: int, kind: str) -> PlanSummary:
    """Draft the council resolution or the emulation plan from the year's plan.

    Refused, changing nothing, when the unit already has that document for the year.
    """
    from .derive import DERIVERS

    plan = export_plan(db, unit_code, year, DocumentKind.PLAN)["plan"]
    draft = DERIVERS[kind](plan)
    with db.session(write=False) as session:
        exists = session.scalar(select(Plan.id).join(Plan.unit).where(
            Unit.code == unit_code, Plan.year == year, Plan.kind == kind))
    if exists is not None:
        raise InputError(MSG_PLAN_EXISTS, unit=unit_code, year=year, kind=kind)
    data = {"format": codec.FORMAT, "format_version": codec.FORMAT_VERSION, "plan": draft}
    # Checked like any plan file, so a draft can never hold what a file could not.
    checked = codec.parse_plan_bytes(codec.dump_plan(data), f"{unit_code} {year} {kind}")
    return import_plan_data(db, checked, f"{kind} drafted from the plan")


# --------------------------------------------------------------------------- edits


def set_value(db: Database, indicator_uid: str, year: int, period: Period | str,
              value: Value | None) -> int:
    """Set (or clear, with ``None``) one value of an indicator; returns the plan's revision."""
    period = Period(period)
    with db.session() as session:
        indicator = session.scalar(select(Indicator).where(Indicator.uid == indicator_uid))
        if indicator is None:
            raise NotFoundError()
        from .editing import refuse_received

        refuse_received(indicator.plan)
        row = next((v for v in indicator.values
                    if v.year == year and v.period == period.value), None)
        if value is None:
            if row is not None:
                indicator.values.remove(row)
                session.delete(row)
        elif row is None:
            indicator.values.append(codec.value_row(year, period.value, value))
        else:
            fresh = codec.value_row(year, period.value, value)
            for key in history.VALUE_FIELDS:
                setattr(row, key, getattr(fresh, key))
        session.flush()
        return indicator.plan.revision


@dataclass(frozen=True)
class Change:
    at: str
    actor: str
    revision: int
    action: str
    entity: str
    entity_uid: str
    attribute: str
    old_value: str | None
    new_value: str | None


def plan_history(db: Database, plan_uid: str) -> list[Change]:
    """Every recorded change of a plan, oldest first."""
    with db.session(write=False) as session:
        rows = session.scalars(
            select(ChangeRecord).where(ChangeRecord.plan_uid == plan_uid)
            .order_by(ChangeRecord.id)
        ).all()
        return [Change(r.at, r.actor, r.revision, r.action, r.entity, r.entity_uid,
                       r.attribute, r.old_value, r.new_value) for r in rows]


def indicator_values(db: Database, indicator_uid: str) -> dict[tuple[int, str], Value]:
    with db.session(write=False) as session:
        rows = session.scalars(
            select(IndicatorValue).join(IndicatorValue.indicator)
            .where(Indicator.uid == indicator_uid)
        ).all()
        return {(r.year, r.period): codec.value_of(r) for r in rows}
