"""Targets and results as real plans write them.

A plan's targets are not only numbers: "14,5 – 16,5 %", "90% trở lên",
"dưới 0,15%", "5/5 khóm", "giảm 03 hộ nghèo so với năm 2023", "đạt".  A
:class:`Value` keeps the words exactly as written (``text``, printed as is) next
to their meaning (``kind`` and exact decimals), so that the program can compare
results with targets without ever re-wording the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .enums import ValueKind
from .errors import UnreadableValueError
from .numbers import NUMBER_PATTERN, Style, format_number, normalize_text, read_number

_N = rf"({NUMBER_PATTERN})"
_DASH = r"(?:-|–|—|−|đến|tới)"
# A unit is short trailing text without digits ("%", "đ", "tạ/ha", "hộ nghèo").
_UNIT = r"([^\d]{0,40}?)"

# Words that may open a value without changing its meaning ("đạt 100%", "khoảng 50").
_LEAD_WORDS = re.compile(r"^(?:(?:phấn đấu|đạt|khoảng|ước|là|được)\s+)+", re.IGNORECASE)

_PREFIX_KINDS: list[tuple[re.Pattern[str], ValueKind]] = [
    (re.compile(r"^(?:ít nhất|tối thiểu|không dưới|không thấp hơn|≥|>=)\s*", re.I),
     ValueKind.AT_LEAST),
    (re.compile(r"^(?:tối đa|không quá|không vượt quá|không cao hơn|giảm còn|giảm xuống còn|"
                r"xuống còn|hạ xuống còn|≤|<=)\s*", re.I), ValueKind.AT_MOST),
    (re.compile(r"^(?:trên|hơn|cao hơn|>)\s*", re.I), ValueKind.MORE_THAN),
    (re.compile(r"^(?:dưới|thấp hơn|ít hơn|giảm xuống dưới|hạ xuống dưới|<)\s*", re.I),
     ValueKind.LESS_THAN),
]
_SUFFIX_KINDS: list[tuple[re.Pattern[str], ValueKind]] = [
    (re.compile(r"\s*trở lên$", re.I), ValueKind.AT_LEAST),
    (re.compile(r"\s*trở xuống$", re.I), ValueKind.AT_MOST),
]
_RANGE_RE = re.compile(rf"^(?:từ\s+)?{_N}\s*([^\d]{{0,12}}?)\s*{_DASH}\s*{_N}\s*{_UNIT}$", re.I)
_RATIO_RE = re.compile(rf"^{_N}\s*/\s*{_N}\s*{_UNIT}(?:\s*\(([^()]*)\))?$", re.I)
_CHANGE_RE = re.compile(
    rf"^(tăng|giảm)\s+(?:thêm\s+)?{_N}\s*{_UNIT}(?:\s*,?\s*so với\s+(.+))?$", re.I
)
# A plain number or a bound may be negative ("-1,5%" growth): parse_number reads the sign
# and canonical_text prints it, so a value built in code must read back.
_NUMBER_RE = re.compile(rf"^([+-]?{NUMBER_PATTERN})\s*{_UNIT}$", re.I)
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d|21\d\d)\b")
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Value:
    """One target or result: the words as written and what they mean.

    ``text`` is what prints.  The meaning depends on ``kind``:

    - ``number``: ``value``;
    - ``range``: ``low`` – ``high``;
    - ``at_least`` / ``more_than`` / ``at_most`` / ``less_than``: the bound in ``value``;
    - ``ratio``: ``numerator`` / ``denominator``;
    - ``change``: signed ``value`` (negative for "giảm") against ``base``
      (e.g. "năm 2023"), with ``base_year`` when a year is named;
    - ``qualitative``: the words themselves;
    - ``unreadable``: nothing but the words; kept so no keystroke is lost and
      flagged by the checks.
    """

    kind: ValueKind
    text: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    unit: str = ""
    base: str = ""
    base_year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_numeric(self) -> bool:
        return self.kind not in (ValueKind.QUALITATIVE, ValueKind.UNREADABLE)

    def display(self) -> str:
        """The words to print: exactly as written, or canonical when built in code."""
        return self.text or canonical_text(self)

    def with_text(self, text: str) -> Value:
        return replace(self, text=normalize_text(text))


def _unit(text: str | None) -> str:
    # A piece of normalised text (:func:`parse_value` reads only such): NFC already, its
    # only white space single plain spaces.
    return (text or "").strip(" .;:")


def parse_value(text: str, style: Style | None = None) -> Value:
    """Read a target or result written in any of the forms real plans use.

    Raises :class:`~wardplan_desktop.core.errors.AmbiguousNumberError` when a
    number in it can be read two ways (see :func:`parse_number`) and
    :class:`~wardplan_desktop.core.errors.UnreadableValueError` when the words
    contain figures the program cannot place.  Words without figures are a
    qualitative value ("đạt", "hoàn thành", "Đạt chuẩn").
    """
    original = normalize_text(text)
    if not original:
        raise UnreadableValueError(text=original)
    work = original.rstrip(" .;")
    if not _HAS_DIGIT.search(work):
        return Value(ValueKind.QUALITATIVE, original)
    work = _LEAD_WORDS.sub("", work)
    # A number and its unit, the most common value, is looked for first: none of the
    # forms looked for before it otherwise can also be read so (a change or a bound
    # opens with words or a sign other than "+" or "-", a ratio or a range holds a
    # second number, which a unit cannot), but for a closing "trở lên" / "trở xuống",
    # which may end a unit's words.  tests/core/test_values.py holds that to be so.
    number = _NUMBER_RE.match(work)
    if number and not any(pattern.search(work) for pattern, _kind in _SUFFIX_KINDS):
        return Value(ValueKind.NUMBER, original, value=read_number(number.group(1), style),
                     unit=_unit(number.group(2)))

    m = _CHANGE_RE.match(work)
    if m:
        amount = read_number(m.group(2), style)
        base = normalize_text(m.group(4) or "")
        year = _YEAR_RE.search(base)
        return Value(
            ValueKind.CHANGE,
            original,
            value=-amount if m.group(1).lower() == "giảm" else amount,
            unit=_unit(m.group(3)),
            base=base,
            base_year=int(year.group(1)) if year else None,
        )

    # A closing "trở lên" / "trở xuống" decides the kind even after an opening word:
    # "trên 90% trở lên" is written in real plans and means "90% or more".
    for pattern, kind in _SUFFIX_KINDS:
        m = pattern.search(work)
        if m:
            rest = re.sub(r"^(?:từ|trên|dưới)\s+", "", work[: m.start()], flags=re.I)
            return _bound(original, kind, rest, style)
    for pattern, kind in _PREFIX_KINDS:
        m = pattern.match(work)
        if m:
            return _bound(original, kind, work[m.end():], style)

    m = _RATIO_RE.match(work)
    if m:
        return Value(
            ValueKind.RATIO,
            original,
            numerator=read_number(m.group(1), style),
            denominator=read_number(m.group(2), style),
            unit=_unit(m.group(3)),
        )
    m = _RANGE_RE.match(work)
    if m:
        low = read_number(m.group(1), style)
        high = read_number(m.group(3), style)
        if low > high:
            raise UnreadableValueError(text=original)
        return Value(
            ValueKind.RANGE, original, low=low, high=high, unit=_unit(m.group(4) or m.group(2))
        )
    raise UnreadableValueError(text=original)


def _bound(original: str, kind: ValueKind, rest: str, style: Style | None) -> Value:
    m = _NUMBER_RE.match(rest.strip())
    if not m:
        raise UnreadableValueError(text=original)
    return Value(kind, original, value=read_number(m.group(1), style), unit=_unit(m.group(2)))


def unreadable(text: str) -> Value:
    """Keep words that could not be read, so they can be shown and corrected."""
    return Value(ValueKind.UNREADABLE, normalize_text(text))


def _with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    # Symbols attach to the number as Vietnamese documents print them: 88%, 0,02‰, 10.000đ.
    return number + unit if unit in ("%", "‰", "đ") else f"{number} {unit}"


def canonical_text(v: Value) -> str:
    """Words for a value built in code (not typed), in the usual Vietnamese phrasing."""
    f = format_number
    match v.kind:
        case ValueKind.NUMBER:
            return _with_unit(f(v.value), v.unit)  # type: ignore[arg-type]
        case ValueKind.RANGE:
            return _with_unit(f"{f(v.low)} - {f(v.high)}", v.unit)  # type: ignore[arg-type]
        case ValueKind.AT_LEAST:
            return _with_unit(f(v.value), v.unit) + " trở lên"  # type: ignore[arg-type]
        case ValueKind.MORE_THAN:
            return "trên " + _with_unit(f(v.value), v.unit)  # type: ignore[arg-type]
        case ValueKind.AT_MOST:
            return "tối đa " + _with_unit(f(v.value), v.unit)  # type: ignore[arg-type]
        case ValueKind.LESS_THAN:
            return "dưới " + _with_unit(f(v.value), v.unit)  # type: ignore[arg-type]
        case ValueKind.RATIO:
            return _with_unit(f"{f(v.numerator)}/{f(v.denominator)}", v.unit)  # type: ignore[arg-type]
        case ValueKind.CHANGE:
            assert v.value is not None
            word = "giảm" if v.value < 0 else "tăng"
            out = f"{word} " + _with_unit(f(abs(v.value)), v.unit)
            return out + (f" so với {v.base}" if v.base else "")
    return v.text
