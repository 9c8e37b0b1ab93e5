"""How far a plan's targets were reached: percent of plan and status, indicator by indicator.

The assessment part of a plan (đánh giá tình hình thực hiện) reports, for the
year before the plan's year, each indicator's result against its target ("đạt
268,43% kế hoạch", "vượt", "không đạt").  :func:`plan_progress` lists every
indicator that has both for the assessed year, using the latest result the plan
holds (final, else the estimate, else 9 months, else 6 months);
:func:`summarise` counts the outcomes per field.  Nothing is made up: where a
result cannot honestly be compared with its target (words against numbers,
different units, a range or a cap that has no "percent of plan"), the percent
is ``None`` and the status says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .achievement import evaluate
from .enums import Direction, Field, Period, Status, ValueKind
from .errors import InputError
from .interchange.codec import value_from_entry
from .values import Value

#: The result that speaks for a year, best first.
RESULT_ORDER = (Period.FINAL, Period.ESTIMATE, Period.NINE_MONTHS, Period.SIX_MONTHS)


@dataclass(frozen=True)
class Progress:
    """One indicator's result against its target for the assessed year."""

    field: str  # the Field code of the indicator's table
    uid: str
    name: str
    unit: str
    year: int
    target: str  # the target's words, as written
    result: str  # the result's words, as written
    result_period: str  # which result was used (Period code)
    percent: Decimal | None  # result as % of plan; None where there is no such figure
    percent_text: str  # "268,43%", or "" when there is no percent
    status: Status

    @property
    def comparable(self) -> bool:
        return self.status is not Status.NOT_COMPARABLE


@dataclass(frozen=True)
class Awaiting:
    """An indicator with a target for the assessed year but no result yet."""

    field: str
    uid: str
    name: str
    target: str


@dataclass
class FieldSummary:
    """How many indicators of a field ended in each status."""

    field: str
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))

    @property
    def exceeded(self) -> int:
        return self.counts[Status.EXCEEDED]

    @property
    def achieved(self) -> int:
        return self.counts[Status.ACHIEVED]

    @property
    def not_achieved(self) -> int:
        return self.counts[Status.NOT_ACHIEVED]

    @property
    def not_comparable(self) -> int:
        return self.counts[Status.NOT_COMPARABLE]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def assessed_year(plan: dict[str, Any]) -> int:
    """The year a plan assesses: the one before the plan's year."""
    return int(plan["year"]) - 1


def _walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get("children") or [])


def _indicators(plan: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for group in plan.get("indicator_groups") or []:
        for node in _walk(group.get("indicators") or []):
            yield group.get("field") or "", node


_DECIMALS = ("value", "low", "high", "numerator", "denominator")


def value_of(entry: dict[str, Any]) -> Value:
    """The meaning of a value entry of exported plan data.

    Data exported from the database carries the meaning that was checked when it
    was stored, so it is taken as it is; an entry with words only is read, and
    words that cannot be read one way only are kept and never compared.
    """
    text = entry.get("text", "")
    try:
        if not entry.get("kind"):
            return value_from_entry(entry)
        return Value(ValueKind(entry["kind"]), text,
                     **{k: Decimal(str(entry[k])) for k in _DECIMALS
                        if entry.get(k) is not None},
                     unit=entry.get("unit") or "", base=entry.get("base") or "",
                     base_year=entry.get("base_year"))
    except (InputError, ValueError, ArithmeticError):
        return Value(ValueKind.UNREADABLE, text)


def _values(node: dict[str, Any]) -> dict[tuple[int, str], Value]:
    return {(int(e["year"]), e["period"]): value_of(e) for e in node.get("values") or []}


def _latest_result(values: dict[tuple[int, str], Value],
                   year: int) -> tuple[str, Value] | None:
    for period in RESULT_ORDER:
        value = values.get((year, period.value))
        if value is not None:
            return period.value, value
    return None


def _base(target: Value, values: dict[tuple[int, str], Value]) -> Decimal | None:
    """The figure a change target is measured from: the named year's result, when held."""
    if target.kind is not ValueKind.CHANGE or target.base_year is None:
        return None
    found = _latest_result(values, target.base_year)
    if found is None or found[1].kind is not ValueKind.NUMBER:
        return None
    return found[1].value


def _direction(node: dict[str, Any]) -> Direction:
    try:
        return Direction(node.get("direction") or Direction.HIGHER_BETTER)
    except ValueError:
        return Direction.HIGHER_BETTER


def plan_progress(plan: dict[str, Any], year: int | None = None) -> list[Progress]:
    """Every indicator with a target and a result for ``year`` (the assessed year unless
    told), in the plan's order, with its percent of plan and status."""
    year = assessed_year(plan) if year is None else year
    rows = []
    for field_code, node in _indicators(plan):
        values = _values(node)
        target = values.get((year, Period.TARGET.value))
        found = _latest_result(values, year)
        if target is None or found is None:
            continue
        period, result = found
        achievement = evaluate(target, result, _direction(node), _base(target, values))
        rows.append(Progress(
            field=field_code, uid=node.get("uid") or "", name=node.get("name", ""),
            unit=node.get("unit", ""), year=year, target=target.display(),
            result=result.display(), result_period=period, percent=achievement.percent,
            percent_text=achievement.percent_text(), status=achievement.status))
    return rows


def awaiting_results(plan: dict[str, Any], year: int | None = None) -> list[Awaiting]:
    """Indicators with a target for ``year`` and no result yet (nothing to compare)."""
    year = assessed_year(plan) if year is None else year
    rows = []
    for field_code, node in _indicators(plan):
        values = _values(node)
        target = values.get((year, Period.TARGET.value))
        if target is not None and _latest_result(values, year) is None:
            rows.append(Awaiting(field_code, node.get("uid") or "", node.get("name", ""),
                                 target.display()))
    return rows


def summarise(progress: Iterable[Progress]) -> dict[str, FieldSummary]:
    """Counts per status for each of the four fields (always all four, in their order),
    and for any other field code a table uses."""
    summary = {f.value: FieldSummary(f.value) for f in Field}
    for row in progress:
        summary.setdefault(row.field, FieldSummary(row.field)).counts[row.status] += 1
    return summary


def total(summary: dict[str, FieldSummary]) -> FieldSummary:
    """The counts of the whole plan."""
    whole = FieldSummary("")
    for part in summary.values():
        for status, count in part.counts.items():
            whole.counts[status] += count
    return whole


def target_years(plan: dict[str, Any]) -> list[int]:
    """The years the plan holds targets for, latest first."""
    years = {int(e["year"]) for _field, node in _indicators(plan)
             for e in node.get("values") or [] if e.get("period") == Period.TARGET.value}
    return sorted(years, reverse=True)


def default_year(plan: dict[str, Any]) -> int:
    """The year to show first: the assessed year when the plan has targets for it, else the
    latest year with both targets and results, else the latest year with targets."""
    years = target_years(plan)
    if not years or assessed_year(plan) in years:
        return assessed_year(plan)
    return next((y for y in years if plan_progress(plan, y)), years[0])
