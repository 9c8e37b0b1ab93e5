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
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from .enums import ValueKind
from .storage.database import Database
from .storage.schema import Indicator, IndicatorGroup, IndicatorValue, Plan, SyncReceipt, Unit
from .sync.exchange import OWN_UNIT, get_setting
from .values import Value

DEADLINE_KEY = "deadline:{year}"
#: Units whose figures are rates or averages: adding them across units means nothing.
NOT_ADDITIVE_UNITS = {"%", "‰", "tạ/ha", "tấn/ha", "điểm", "lần", "%/năm"}
NOT_ADDITIVE_NAMES = ("tỷ lệ", "tỉ lệ", "tốc độ", "bình quân", "mức giảm", "mức tăng",
                      "số xã đạt", "chỉ số")
_ALIASES = {"đ": "đồng"}


@lru_cache(maxsize=4096)  # the same few units of measure, over and over
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


# A province or the whole country has thousands of units, so everything below is read
# in a few queries over all of them (never one per unit) and only the columns needed.


def _registered(query: Select[Any], own: str | None) -> Select[Any]:
    """``query`` (over :class:`Unit`) narrowed to the units reporting here."""
    upper = aliased(Unit)
    return query.join(upper, Unit.upper_id == upper.id).where(upper.code == own)


def latest_year(db: Database, kind: str = "plan") -> int | None:
    """The latest year of the files of ``kind`` the units reporting here sent; None
    before any."""
    with db.session(write=False) as session:
        own = get_setting(session, OWN_UNIT)
        if own is None:
            return None
        return session.scalar(_registered(
            select(func.max(SyncReceipt.year)).select_from(SyncReceipt)
            .join(Unit, Unit.id == SyncReceipt.unit_id), own)
            .where(SyncReceipt.kind == kind))


def completeness(db: Database, year: int, kind: str = "plan") -> list[UnitStatus]:
    """Every unit reporting here: received (on time), late, or missing."""
    deadline = deadline_of(db, year)
    with db.session(write=False) as session:
        own = get_setting(session, OWN_UNIT)
        if own is None:
            return []
        units = session.execute(_registered(select(Unit.id, Unit.code, Unit.name), own)
                                .order_by(Unit.code)).all()
        # Each unit's receipts by revision (the file stored with them is not read).
        receipts: dict[int, list[Any]] = {}
        for receipt in session.execute(
                _registered(select(SyncReceipt.unit_id, SyncReceipt.revision,
                                   SyncReceipt.created, SyncReceipt.received_at,
                                   SyncReceipt.key_fingerprint)
                            .join(Unit, Unit.id == SyncReceipt.unit_id), own)
                .where(SyncReceipt.year == year, SyncReceipt.kind == kind)
                .order_by(SyncReceipt.unit_id, SyncReceipt.revision, SyncReceipt.id)):
            receipts.setdefault(receipt.unit_id, []).append(receipt)
    rows = []
    for unit_id, code, name in units:
        received = receipts.get(unit_id)
        if not received:
            rows.append(UnitStatus(code, name, "missing"))
            continue
        first, last = received[0], received[-1]
        on_time = deadline is None or dt.date.fromisoformat(first.received_at[:10]) \
            <= deadline
        rows.append(UnitStatus(code, name, "received" if on_time else "late",
                               last.revision, last.created, last.received_at,
                               last.key_fingerprint, len(received)))
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
    """(units, lines): each received unit's value of ``period`` in ``value_year``.

    Units come in the order of their codes, each unit's indicators in the order of
    its tables; a line takes its field, name and unit from the first unit that has it.
    """
    value_year = value_year or year
    lines: dict[tuple[str, ...], Line] = {}
    with db.session(write=False) as session:
        own = get_setting(session, OWN_UNIT)
        if own is None:
            return [], []
        units = [(code, name) for code, name in session.execute(
            _registered(select(Unit.code, Unit.name).join(Plan, Plan.unit_id == Unit.id), own)
            .where(Plan.year == year, Plan.kind == kind).order_by(Unit.code))]
        # Every received plan's indicators with their value of the period, if any: the
        # columns needed only, no object per indicator.
        rows = session.connection().execute(
            _registered(select(Unit.code, IndicatorGroup.field, Indicator.catalogue_code,
                               Indicator.name, Indicator.unit, IndicatorValue.id,
                               IndicatorValue.kind, IndicatorValue.text, IndicatorValue.value,
                               IndicatorValue.low, IndicatorValue.high,
                               IndicatorValue.numerator, IndicatorValue.denominator,
                               IndicatorValue.unit, IndicatorValue.base,
                               IndicatorValue.base_year)
                        .select_from(Indicator)
                        .join(IndicatorGroup, IndicatorGroup.id == Indicator.group_id)
                        .join(Plan, Plan.id == Indicator.plan_id)
                        .join(Unit, Unit.id == Plan.unit_id), own)
            .outerjoin(IndicatorValue, (IndicatorValue.indicator_id == Indicator.id)
                       & (IndicatorValue.year == value_year)
                       & (IndicatorValue.period == period))
            .where(Plan.year == year, Plan.kind == kind)
            # A unit's indicators by table, then position (indicators at the same
            # position, a parent and its first child, in the order they were stored).
            .order_by(Unit.code, IndicatorGroup.position, Indicator.position, Indicator.id))
        normal: dict[str, str] = {}  # the same names come back from every unit
        kinds = {k.value: k for k in ValueKind}
        # A few thousand rows at a time: all of them at once would hold tens of megabytes.
        for (code, fld, catalogue_code, name, unit, value_id, value_kind, text, value, low,
             high, numerator, denominator, value_unit, base, base_year) in chain.from_iterable(
                rows.partitions(2000)):
            if catalogue_code:
                key: tuple[str, ...] = ("code", catalogue_code)
            else:
                norm = normal.get(name)
                if norm is None:
                    norm = normal[name] = _norm(name)
                key = ("name", fld, norm)
            line = lines.get(key)
            if line is None:
                line = lines[key] = Line(key, fld, name, unit)
            if value_id is not None:
                # As codec.value_of makes it from a stored value.
                line.values[code] = Value(
                    kinds.get(value_kind) or ValueKind(value_kind), text, value=value, low=low,
                    high=high, numerator=numerator, denominator=denominator, unit=value_unit,
                    base=base, base_year=base_year)
    return units, list(lines.values())
