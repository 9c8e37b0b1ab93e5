"""Figures the clerk used to compute by hand: percent of plan, status, year on year.

Nothing here is stored: every figure is derived from the values when asked, so
it can never disagree with them.

Rules, for every kind of target (see :class:`~wardplan_desktop.core.enums.ValueKind`):

- *percent of plan* is the result as a percentage of the planned quantity, where
  there is one to reach: a number, a lower bound (at least / more than), a part
  of a whole, a change.  Caps (at most / less than), ranges and words have no
  such quantity and give ``None``.
- *status* respects the indicator's direction and the target's kind: a point
  target (number, part of a whole, change) is *exceeded* beyond it in the good
  direction; a range is *achieved* inside and *exceeded* beyond its good end;
  a bound (at least, more than, at most, less than) is *achieved* or *not
  achieved*; words are *achieved* when the result confirms them.  Anything that
  cannot be compared honestly (no result, unreadable words, different units, a
  number against words) is *not comparable*.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from .enums import Direction, Status, ValueKind
from .numbers import format_number, format_percent
from .values import Value

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
_UNIT_ALIASES = {"đ": "đồng", "h.sinh": "học sinh", "hs": "học sinh"}
_NEGATIVE_WORDS = ("không", "chưa", "cơ bản")  # "cơ bản hoàn thành" is not complete
_PARTIAL_WORDS = ("một phần", "chưa đạt", "không đạt")
_POSITIVE_WORDS = (
    "đạt",
    "hoàn thành",
    "duy trì",
    "giữ vững",
    "vượt",
    "tốt",
    "mạnh",
)


@dataclass(frozen=True)
class Achievement:
    status: Status
    percent: Decimal | None = None  # result as % of plan, 2 decimals

    def percent_text(self) -> str:
        return format_percent(self.percent) if self.percent is not None else ""


NOT_COMPARABLE = Achievement(Status.NOT_COMPARABLE)


def _norm_unit(unit: str) -> str:
    u = unit.strip().casefold()
    return _UNIT_ALIASES.get(u, u)


def same_unit(a: str, b: str) -> bool:
    """Whether two written units name the same unit ("đ" and "đồng" do; "" and "%" do not)."""
    return _norm_unit(a) == _norm_unit(b)


def _units_clash(target: Value, result: Value) -> bool:
    t, r = _norm_unit(target.unit), _norm_unit(result.unit)
    return bool(t and r and t != r)


def _pct(result: Decimal, planned: Decimal) -> Decimal | None:
    if planned == 0:
        return None
    ratio = result / planned * _HUNDRED
    with localcontext() as ctx:
        # quantize() raises InvalidOperation when the result needs more digits than the
        # context's precision (28): a 30-digit typing slip must give a figure, not a crash.
        ctx.prec = max(ctx.prec, ratio.adjusted() + 3)
        rounded = ratio.quantize(_CENT, rounding="ROUND_HALF_UP")
        if rounded == _HUNDRED and ratio != _HUNDRED:
            # Never print "100%" beside "Không đạt": just short of (or past) the plan
            # rounds away from 100 — 99,99% or 100,01%.
            rounded = ratio.quantize(_CENT, rounding="ROUND_DOWN" if ratio < _HUNDRED
                                     else "ROUND_UP")
        return rounded


def _point_status(r: Decimal, t: Decimal, direction: Direction) -> Status:
    if r == t:
        return Status.ACHIEVED
    if direction is Direction.KEEP:
        return Status.NOT_ACHIEVED
    better = r > t if direction is Direction.HIGHER_BETTER else r < t
    return Status.EXCEEDED if better else Status.NOT_ACHIEVED


def _words_status(target: Value, result: Value) -> Status:
    r = result.text.casefold().strip(" .;")
    t = target.text.casefold().strip(" .;")
    if r.startswith(_NEGATIVE_WORDS) or any(w in r for w in _PARTIAL_WORDS):
        return Status.NOT_ACHIEVED
    if r == t or r.startswith(_POSITIVE_WORDS):
        return Status.ACHIEVED
    return Status.NOT_COMPARABLE


def evaluate(
    target: Value | None,
    result: Value | None,
    direction: Direction = Direction.HIGHER_BETTER,
    base: Decimal | None = None,
) -> Achievement:
    """Compare a result with its target.

    ``base`` is the value a *change* target is measured from (for "giảm 03 hộ
    nghèo so với năm 2023", the number of poor households in 2023); it is only
    needed when the result is an absolute figure rather than a change.
    """
    if target is None or result is None:
        return NOT_COMPARABLE
    if ValueKind.UNREADABLE in (target.kind, result.kind):
        return NOT_COMPARABLE
    if target.kind is ValueKind.QUALITATIVE:
        if result.kind is ValueKind.QUALITATIVE:
            return Achievement(_words_status(target, result))
        return NOT_COMPARABLE
    if not result.is_numeric or _units_clash(target, result):
        return NOT_COMPARABLE

    if target.kind is ValueKind.CHANGE:
        return _evaluate_change(target, result, base)
    if target.kind is ValueKind.RATIO:
        return _evaluate_ratio(target, result, direction)

    r = _measure(result, percent_whole=target.unit == "%")
    if r is None:
        return NOT_COMPARABLE
    match target.kind:
        case ValueKind.NUMBER:
            assert target.value is not None
            return Achievement(_point_status(r, target.value, direction), _pct(r, target.value))
        case ValueKind.RANGE:
            assert target.low is not None and target.high is not None
            if target.low <= r <= target.high:
                return Achievement(Status.ACHIEVED)
            if direction is Direction.HIGHER_BETTER and r > target.high:
                return Achievement(Status.EXCEEDED)
            if direction is Direction.LOWER_BETTER and r < target.low:
                return Achievement(Status.EXCEEDED)
            return Achievement(Status.NOT_ACHIEVED)
        case ValueKind.AT_LEAST | ValueKind.MORE_THAN:
            assert target.value is not None
            ok = r >= target.value if target.kind is ValueKind.AT_LEAST else r > target.value
            return Achievement(
                Status.ACHIEVED if ok else Status.NOT_ACHIEVED, _pct(r, target.value)
            )
        case ValueKind.AT_MOST | ValueKind.LESS_THAN:
            assert target.value is not None
            ok = r <= target.value if target.kind is ValueKind.AT_MOST else r < target.value
            return Achievement(Status.ACHIEVED if ok else Status.NOT_ACHIEVED)
    return NOT_COMPARABLE


def _measure(result: Value, percent_whole: bool = False) -> Decimal | None:
    """The single figure a result stands for, or None where it has none."""
    if result.kind is ValueKind.NUMBER:
        return result.value
    if result.kind is ValueKind.RATIO:
        assert result.numerator is not None and result.denominator is not None
        if percent_whole:
            if result.denominator == 0:
                return None
            return result.numerator / result.denominator * _HUNDRED
        return result.numerator
    return None  # a range or a bound is not a result


def _evaluate_ratio(target: Value, result: Value, direction: Direction) -> Achievement:
    assert target.numerator is not None and target.denominator is not None
    if target.denominator == 0:
        return NOT_COMPARABLE
    if result.kind is ValueKind.RATIO:
        assert result.numerator is not None and result.denominator is not None
        if result.denominator == 0:
            return NOT_COMPARABLE
        share = result.numerator / result.denominator
    elif result.kind is ValueKind.NUMBER:
        assert result.value is not None
        share = result.value / target.denominator  # a count of the same whole
    else:
        return NOT_COMPARABLE
    planned = target.numerator / target.denominator
    return Achievement(_point_status(share, planned, direction), _pct(share, planned))


def _evaluate_change(target: Value, result: Value, base: Decimal | None) -> Achievement:
    assert target.value is not None
    if result.kind is ValueKind.CHANGE:
        delta = result.value
    elif result.kind is ValueKind.NUMBER and base is not None:
        assert result.value is not None
        delta = result.value - base
    else:
        return NOT_COMPARABLE
    assert delta is not None
    if target.value == 0:
        return Achievement(Status.ACHIEVED if delta == 0 else Status.NOT_ACHIEVED)
    # The sign of the target says which way is good: "giảm 03" wants -3 or less.
    good = Direction.HIGHER_BETTER if target.value > 0 else Direction.LOWER_BETTER
    return Achievement(_point_status(delta, target.value, good), _pct(delta, target.value))


@dataclass(frozen=True)
class Comparison:
    """A figure against the same period of an earlier year."""

    percent: Decimal | None  # current as % of previous ("bằng 82,71%")
    delta: Decimal  # current - previous ("tăng 01 vụ")

    def as_percent(self, against: str = "") -> str:
        """Vietnamese words for amounts: "bằng 82,71% so với năm 2022"."""
        if self.percent is None:
            return ""
        return f"bằng {format_percent(self.percent)}" + (f" so với {against}" if against else "")

    def as_delta(self, unit: str = "", against: str = "") -> str:
        """Vietnamese words for counts: "tăng 01 vụ so với năm 2022", "giảm 2 hộ"."""
        tail = f" so với {against}" if against else ""
        if self.delta == 0:
            return "không thay đổi" + tail
        word = "tăng" if self.delta > 0 else "giảm"
        amount = abs(self.delta)
        # Counts below ten are written with a leading zero in documents: "tăng 01 vụ".
        # Only a whole number written without decimals is a count: 1,0 stays "1,0", not "01,0".
        is_count = amount == amount.to_integral_value() and amount.as_tuple().exponent >= 0
        digits = 2 if amount < 10 and is_count else 1
        number = format_number(amount, min_digits=digits)
        return f"{word} {number}" + (f" {unit}" if unit else "") + tail


def compare(current: Value | None, previous: Value | None) -> Comparison | None:
    """Compare two numeric results (this year against the same period last year)."""
    if current is None or previous is None:
        return None
    if current.kind is not ValueKind.NUMBER or previous.kind is not ValueKind.NUMBER:
        return None
    assert current.value is not None and previous.value is not None
    if _units_clash(current, previous):
        return None
    return Comparison(_pct(current.value, previous.value), current.value - previous.value)
