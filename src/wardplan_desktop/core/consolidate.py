"""The upper level's consolidation: who has sent, and every unit's values side by side.

Totals are given only where adding makes sense — counts, money, people: plain
numbers in the same unit — and never for percentages, ratios, rates, ranges,
bounds or words.  Indicators are matched across units by their catalogue code,
else by field and name (case, spacing and Unicode form aside).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .enums import ValueKind
from .interchange import codec
from .storage.database import Database
from .storage.schema import Indicator, Plan, SyncReceipt, Unit
from .sync.exchange import OWN_UNIT, get_setting
from .values import Value

DEADLINE_KEY = "deadline:{year}"
#: Units whose figures are rates or averages: adding them across units means nothing.
NOT_ADDITIVE_UNITS = {"%", "‰", "tạ/ha", "tấn/ha", "điểm", "lần", "%/năm"}
NOT_ADDITIVE_NAMES = ("tỷ lệ", "tỉ lệ", "tốc độ", "bình quân", "mức giảm", "mức tăng",
                      "số xã đạt", "chỉ số")
_ALIASES = {"đ": "đồng"}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class UnitStatus:
    code: str
    name: str
    status: str  # "received" | "late" | "missing"
    revision: int | None = None
    created: str = ""
    received_at: str = ""
    key_fingerprint: str = ""
    receipts: int = 0


def deadline_of(db: Database, year: int) -> dt.date | None:
    with db.session(write=False) as session:
        text = get_setting(session, DEADLINE_KEY.format(year=year))
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _registered_units(session: Any) -> list[Unit]:
    own = get_setting(session, OWN_UNIT)
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    return [u for u in units if u.upper is not None and u.upper.code == own]


def completeness(db: Database, year: int, kind: str = "plan") -> list[UnitStatus]:
    """Every unit reporting here: received (on time), late, or missing."""
    deadline = deadline_of(db, year)
    rows = []
    with db.session(write=False) as session:
        for unit in _registered_units(session):
            receipts = session.scalars(
                select(SyncReceipt).where(SyncReceipt.unit_id == unit.id,
                                          SyncReceipt.year == year, SyncReceipt.kind == kind)
                .order_by(SyncReceipt.revision)).all()
            if not receipts:
                rows.append(UnitStatus(unit.code, unit.name, "missing"))
                continue
            first, last = receipts[0], receipts[-1]
            on_time = deadline is None or dt.date.fromisoformat(first.received_at[:10]) \
                <= deadline
            rows.append(UnitStatus(unit.code, unit.name, "received" if on_time else "late",
                                   last.revision, last.created, last.received_at,
                                   last.key_fingerprint, len(receipts)))
    return rows


@dataclass
class Line:
    """One indicator across units."""

    key: tuple[str, ...]
    field: str
    name: str
    unit: str
    values: dict[str, Value] = field(default_factory=dict)  # unit code -> value

    def total(self) -> Decimal | None:
        """The sum across units where adding makes sense, else None."""
        if not self.values or not additive(self.name, self.unit, list(self.values.values())):
            return None
        return sum((v.value for v in self.values.values() if v.value is not None), Decimal(0))


def unit_key(unit: str) -> str:
    """A unit of measure as compared across units: case, spacing and "đ" = "đồng" aside."""
    u = _norm(unit)
    return _ALIASES.get(u, u)


def column_unit(line: Line) -> str:
    """The unit a column of ``line`` is printed in: the indicator's, else its values' own
    when they all share one, else none (each value then keeps its words)."""
    if line.unit.strip():
        return line.unit.strip()
    units = {unit_key(v.unit): v.unit.strip() for v in line.values.values()
             if v.kind is ValueKind.NUMBER and v.unit.strip()}
    return next(iter(units.values())) if len(units) == 1 else ""


def additive(name: str, unit: str, values: list[Value]) -> bool:
    if _norm(unit) in NOT_ADDITIVE_UNITS or _norm(name).startswith(NOT_ADDITIVE_NAMES):
        return False
    units = set()
    for v in values:
        if v.kind is not ValueKind.NUMBER or v.value is None:
            return False
        u = _norm(v.unit)
        if u in NOT_ADDITIVE_UNITS:
            return False
        units.add(_ALIASES.get(u, u))
    return len(units) <= 1


def side_by_side(db: Database, year: int, kind: str = "plan", period: str = "target",
                 value_year: int | None = None) -> tuple[list[tuple[str, str]], list[Line]]:
    """(units, lines): each received unit's value of ``period`` in ``value_year``."""
    value_year = value_year or year
    lines: dict[tuple[str, ...], Line] = {}
    units: list[tuple[str, str]] = []
    with db.session(write=False) as session:
        for unit in _registered_units(session):
            # The plan's indicators and their values in two queries, not one per
            # indicator: a province has a hundred plans or more to read.
            plan = session.scalar(select(Plan).where(Plan.unit_id == unit.id,
                                                     Plan.year == year, Plan.kind == kind)
                                  .options(selectinload(Plan.indicator_groups),
                                           selectinload(Plan.indicators)
                                           .selectinload(Indicator.values)))
            if plan is None:
                continue
            units.append((unit.code, unit.name))
            groups = {g.id: g.field for g in plan.indicator_groups}
            for indicator in sorted(plan.indicators, key=lambda i: (i.group.position,
                                                                    i.position)):
                fld = groups[indicator.group_id]
                key = (("code", indicator.catalogue_code) if indicator.catalogue_code
                       else ("name", fld, _norm(indicator.name)))
                line = lines.setdefault(key, Line(key, fld, indicator.name, indicator.unit))
                row = next((v for v in indicator.values
                            if v.year == value_year and v.period == period), None)
                if row is not None:
                    line.values[unit.code] = codec.value_of(row)
    return units, list(lines.values())
