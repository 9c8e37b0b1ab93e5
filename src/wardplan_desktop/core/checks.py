"""The plan's live checks: problems a clerk should see while editing, and where they are.

:func:`run_checks` reads plan-file data (what :func:`service.export_plan` returns)
and lists every problem it finds as a :class:`Check`: a stable ``code``, a
``severity`` (``error``: must be fixed before the plan is printed or sent;
``warning``: worth a look), a translatable ``message`` and the ``location`` of
the thing to fix, so that a checks panel can jump to it.  Nothing is stored and
nothing is changed; the checks never raise on any value a clerk can type.

Codes and their severities (see :class:`Code`):

- errors: ``missing_field`` (a part the printed document needs is empty: the
  rules of ``layout.check_printable``, plus the unit's name and the body signed
  for after "TM."/"KT."), ``no_recipients``, ``missing_target`` (of an indicator
  the upper level assigned), ``ambiguous_number`` (words that read two ways,
  "12,575", with no meaning given), ``structure_not_100`` (the shares of a
  "Cơ cấu …" indicator do not add up to 100% ± 0,1);
- warnings: ``missing_number`` and ``missing_day_month`` (usual until signed),
  ``no_legal_basis``, ``empty_section``, ``empty_field`` (one of the four fields
  has neither text nor indicators), ``no_archive_copy`` ("Lưu: VT"),
  ``missing_target`` (of the ward's own indicator), ``unreadable_value``,
  ``ambiguous_number_printed`` (a meaning given, "12575", for words a Vietnamese
  reader takes otherwise, "12,575"), ``target_worse_than_last_year``.

The result is ordered errors first, then warnings, each in document order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .achievement import evaluate, same_unit
from .documents import layout
from .enums import Direction, Field, Period, SetBy, Status, ValueKind
from .errors import (
    QT_TRANSLATE_NOOP,
    AmbiguousNumberError,
    Message,
    UnreadableValueError,
    WardPlanError,
)
from .numbers import NUMBER_PATTERN, format_number, normalize_text, parse_number
from .values import Value, parse_value

CONTEXT = "Checks"


class Severity(StrEnum):
    ERROR = "error"  # must be fixed before the plan is printed or sent
    WARNING = "warning"  # worth a look


class Code(StrEnum):
    """The stable codes of the checks (see the module's documentation)."""

    MISSING_FIELD = "missing_field"
    MISSING_NUMBER = "missing_number"
    MISSING_DAY_MONTH = "missing_day_month"
    NO_LEGAL_BASIS = "no_legal_basis"
    EMPTY_SECTION = "empty_section"
    EMPTY_FIELD = "empty_field"
    NO_RECIPIENTS = "no_recipients"
    NO_ARCHIVE_COPY = "no_archive_copy"
    MISSING_TARGET = "missing_target"
    AMBIGUOUS_NUMBER = "ambiguous_number"
    AMBIGUOUS_NUMBER_PRINTED = "ambiguous_number_printed"
    UNREADABLE_VALUE = "unreadable_value"
    STRUCTURE_NOT_100 = "structure_not_100"
    TARGET_WORSE_THAN_LAST_YEAR = "target_worse_than_last_year"


class LocationKind(StrEnum):
    """What kind of thing a check points at."""

    UNIT = "unit"  # key: a key of plan["unit"] ("name")
    HEADER = "header"  # key: a key of plan ("number", "date", "title", "legal_bases"…)
    SECTION = "section"  # key: the section's uid; path: its position in the tree
    FIELD = "field"  # key: one of the four field codes
    RECIPIENTS = "recipients"
    SIGNATURE = "signature"  # key: a key of plan["signature"] ("position", "signer"…)
    INDICATOR = "indicator"  # key: uid; path: (group, index, child index…); year, period


@dataclass(frozen=True)
class Location:
    """Where a problem is: enough for an editing window to select the field.

    ``path`` is the position in a tree as indexes (for an indicator, the index
    of its group in ``indicator_groups`` then the indexes down the
    ``indicators``/``children`` lists; for a section, down ``sections``/
    ``children``); it finds the row when the data has no identifiers.
    ``year`` and ``period`` name one value of an indicator.
    """

    kind: LocationKind
    key: str = ""
    path: tuple[int, ...] = ()
    year: int | None = None
    period: str | None = None


@dataclass(frozen=True)
class Check:
    """One problem: what, how serious, in words, and where."""

    code: Code
    severity: Severity
    message: Message = field(compare=False)
    location: Location

    def render(self, translate: Any = None) -> str:
        """The message in the user's language (``translate(context, text)``)."""
        return self.message.render(translate)


# --------------------------------------------------------------------------- messages

MSG_MISSING_PART = QT_TRANSLATE_NOOP(
    "Checks", "The document has no {part}; it cannot be printed without it.")
PART_UNIT_NAME = QT_TRANSLATE_NOOP("Checks", "name of the unit")
PART_AUTHORITY_BODY = QT_TRANSLATE_NOOP(
    "Checks", "body the signer signs for (the line after \"{authority}\", for example "
    "\"ỦY BAN NHÂN DÂN\" after \"TM.\" or \"CHỦ TỊCH\" after \"KT.\")")
MSG_MISSING_NUMBER = QT_TRANSLATE_NOOP(
    "Checks", "The document has no number yet (\"Số: …/{symbol}\"). That is usual until it "
    "is signed; fill it in before the plan is sent.")
MSG_MISSING_DAY_MONTH = QT_TRANSLATE_NOOP(
    "Checks", "The date has no day or month (\"ngày … tháng … năm {year}\"). That is usual "
    "until it is signed; fill it in before the plan is sent.")
MSG_NO_LEGAL_BASIS = QT_TRANSLATE_NOOP(
    "Checks", "The document cites no legal basis (\"Căn cứ …\"). A plan usually cites the "
    "laws and the upper level's guidance it follows.")
MSG_EMPTY_SECTION = QT_TRANSLATE_NOOP(
    "Checks", "Section {label} has no text; it would print empty.")
MSG_EMPTY_SECTION_UNLABELLED = QT_TRANSLATE_NOOP(
    "Checks", "A heading or paragraph of the body has no text; it would print as an empty line.")
MSG_EMPTY_FIELD = QT_TRANSLATE_NOOP(
    "Checks", "Nothing in the plan is about {field}: it has neither text nor indicators. "
    "A plan covers all four fields.")
FIELD_NAMES = {
    Field.ECONOMY: QT_TRANSLATE_NOOP("Checks", "the economy"),
    Field.CULTURE_SOCIETY: QT_TRANSLATE_NOOP("Checks", "culture and society"),
    Field.DEFENCE_SECURITY: QT_TRANSLATE_NOOP("Checks", "defence and security"),
    Field.GOVERNMENT: QT_TRANSLATE_NOOP("Checks", "building the government"),
}
MSG_NO_RECIPIENTS = QT_TRANSLATE_NOOP(
    "Checks", "The document has no recipients (\"Nơi nhận\"). Add at least the upper level "
    "and the office's own copy (\"Lưu: VT\").")
MSG_NO_ARCHIVE_COPY = QT_TRANSLATE_NOOP(
    "Checks", "The recipients do not include the office's own copy (\"Lưu: VT\"), which "
    "closes the list.")
MSG_MISSING_TARGET_UPPER = QT_TRANSLATE_NOOP(
    "Checks", "The indicator \"{indicator}\" is assigned by the upper level but has no "
    "target for {year}.")
MSG_MISSING_TARGET = QT_TRANSLATE_NOOP(
    "Checks", "The indicator \"{indicator}\" has no target for {year}.")
MSG_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Checks", "\"{indicator}\" ({period} {year}) is written \"{text}\", and \"{number}\" can "
    "be read two ways: {integer} (with a thousands separator) or {integer_part} point "
    "{fraction_part} (with a decimal separator). Write it the Vietnamese way: \".\" between "
    "thousands, \",\" before decimals.")
MSG_AMBIGUOUS_PRINTED = QT_TRANSLATE_NOOP(
    "Checks", "\"{indicator}\" ({period} {year}) is written \"{text}\" and taken to mean "
    "{meaning}, but a reader of a Vietnamese document reads it as {printed} (\".\" between "
    "thousands, \",\" before decimals). Write it \"{suggestion}\".")
MSG_UNREADABLE = QT_TRANSLATE_NOOP(
    "Checks", "\"{indicator}\" ({period} {year}) is written \"{text}\", which the program "
    "cannot read as a value: {reason}. It prints as written, but it cannot be compared with "
    "results or added up.")
REASON_BAD_NUMBER = QT_TRANSLATE_NOOP(
    "Checks", "\"{number}\" is not a number written in a usual way")
REASON_SEVERAL = QT_TRANSLATE_NOOP(
    "Checks", "it holds several figures ({numbers}) and the program cannot tell which one is "
    "the value")
REASON_FORM = QT_TRANSLATE_NOOP(
    "Checks", "the words around the figure are not a form the program knows (a number, a "
    "range such as \"14,5 - 16,5%\", \"90% trở lên\", \"dưới 0,15%\", a part of a whole such "
    "as \"5/5 khóm\", or \"giảm 03 hộ so với năm 2023\")")
REASON_MARKED = QT_TRANSLATE_NOOP("Checks", "it was kept as words to be corrected")
MSG_STRUCTURE = QT_TRANSLATE_NOOP(
    "Checks", "The shares of \"{indicator}\" ({period} {year}) add up to {total}%, not 100%.")
MSG_STRUCTURE_RANGE = QT_TRANSLATE_NOOP(
    "Checks", "The shares of \"{indicator}\" ({period} {year}) add up to between {low}% and "
    "{high}%, which cannot make 100%.")
MSG_WORSE_HIGHER = QT_TRANSLATE_NOOP(
    "Checks", "The {year} target of \"{indicator}\" (\"{target}\") is below the {period} "
    "for {previous_year} (\"{result}\"). Higher is better for this indicator: is the target "
    "really meant to go down?")
MSG_WORSE_LOWER = QT_TRANSLATE_NOOP(
    "Checks", "The {year} target of \"{indicator}\" (\"{target}\") is above the {period} "
    "for {previous_year} (\"{result}\"). Lower is better for this indicator: is the target "
    "really meant to go up?")
MSG_POINT = QT_TRANSLATE_NOOP("Checks", "{integer} point {fraction}")
PERIOD_NAMES = {
    Period.TARGET: QT_TRANSLATE_NOOP("Checks", "target"),
    Period.SIX_MONTHS: QT_TRANSLATE_NOOP("Checks", "6-month result"),
    Period.NINE_MONTHS: QT_TRANSLATE_NOOP("Checks", "9-month result"),
    Period.ESTIMATE: QT_TRANSLATE_NOOP("Checks", "estimate for the year"),
    Period.FINAL: QT_TRANSLATE_NOOP("Checks", "result for the year"),
}


def _msg(template: str, **params: Any) -> Message:
    return Message(CONTEXT, template, **params)


def _period(period: str) -> Message | str:
    return _msg(PERIOD_NAMES[period]) if period in PERIOD_NAMES else period  # type: ignore[index]


# --------------------------------------------------------------------------- values

_DECIMAL_KEYS = ("value", "low", "high", "numerator", "denominator")
_NEEDED = {
    ValueKind.NUMBER: ("value",), ValueKind.AT_LEAST: ("value",),
    ValueKind.MORE_THAN: ("value",), ValueKind.AT_MOST: ("value",),
    ValueKind.LESS_THAN: ("value",), ValueKind.CHANGE: ("value",),
    ValueKind.RANGE: ("low", "high"), ValueKind.RATIO: ("numerator", "denominator"),
}
# A separator followed by exactly three digits, alone in its number: "12,575", "2.016".
# Only such a number can be read two ways (see numbers.parse_number); the rest need no parse.
_MAYBE_AMBIGUOUS = re.compile(r"(?<![\d.,])[0-9]{1,3}[.,][0-9]{3}(?![\d.,])")
_FIGURE = re.compile(NUMBER_PATTERN)
_SHARE = re.compile(rf"({NUMBER_PATTERN})\s*%")
_TOLERANCE = Decimal("0.1")
_HUNDRED = Decimal(100)
_PERIOD_ORDER = {p.value: i for i, p in enumerate(Period)}
_KINDS = {k.value: k for k in ValueKind}
# Latest first: the result of a year a target for the next year is weighed against.
_RESULT_PERIODS = (Period.FINAL, Period.ESTIMATE, Period.NINE_MONTHS, Period.SIX_MONTHS)
_PARTIAL = (Period.NINE_MONTHS, Period.SIX_MONTHS)


class _Entry:
    """One value entry of an indicator, its meaning read when first asked for."""

    __slots__ = ("index", "raw", "year", "period", "text", "kind", "_value", "_ambiguous",
                 "_read")

    def __init__(self, index: int, raw: dict[str, Any], year: int, period: str,
                 text: str) -> None:
        self.index, self.raw, self.year, self.period, self.text = index, raw, year, period, text
        self.kind: Any = raw.get("kind")  # the meaning given in the data, or None
        self._value: Value | None = None
        self._ambiguous: AmbiguousNumberError | None = None
        self._read = False

    @property
    def given(self) -> bool:
        return self.kind is not None

    def _load(self) -> None:
        self._read = True
        if self.kind is not None:
            self._value = _given(self.raw, self.text)
            return
        try:
            self._value = parse_value(self.text)
        except AmbiguousNumberError as exc:
            self._ambiguous = exc
        except WardPlanError:
            self._value = Value(ValueKind.UNREADABLE, self.text)

    @property
    def value(self) -> Value | None:
        """The meaning; None when the words can be read two ways and none was given."""
        if not self._read:
            self._load()
        return self._value

    @property
    def ambiguous(self) -> AmbiguousNumberError | None:
        if not self._read:
            self._load()
        return self._ambiguous

    def surely_readable(self) -> bool:
        """A meaning given in full, of a known kind other than words to be corrected:
        the usual case, told without building the value."""
        kind = _KINDS.get(self.kind) if isinstance(self.kind, str) else None
        if kind is None or kind is ValueKind.UNREADABLE:
            return False
        return all(isinstance(self.raw.get(k), str) for k in _NEEDED.get(kind, ()))


def _read(index: int, entry: dict[str, Any]) -> _Entry | None:
    """A value entry to check; None for a blank or broken one."""
    text, year, period = entry.get("text"), entry.get("year"), entry.get("period")
    if not isinstance(text, str) or not text.strip() or not isinstance(year, int):
        return None
    if not isinstance(period, str):
        return None
    return _Entry(index, entry, year, period, text)


def _given(entry: dict[str, Any], text: str) -> Value:
    """The meaning the data gives; words to be corrected when it is incomplete or broken."""
    try:
        kind = _KINDS[entry["kind"]]
        numbers = {k: Decimal(str(entry[k])) for k in _DECIMAL_KEYS if entry.get(k) is not None}
        if any(not d.is_finite() for d in numbers.values()):
            raise ValueError(text)
        if any(k not in numbers for k in _NEEDED.get(kind, ())):
            raise ValueError(text)
        base_year = entry.get("base_year")
        return Value(kind, text, **numbers, unit=str(entry.get("unit") or ""),
                     base=str(entry.get("base") or ""),
                     base_year=base_year if isinstance(base_year, int) else None)
    except (KeyError, ValueError, ArithmeticError, TypeError):
        return Value(ValueKind.UNREADABLE, text)


def _same_meaning(a: Value, b: Value) -> bool:
    return a.kind == b.kind and all(getattr(a, k) == getattr(b, k) for k in _DECIMAL_KEYS)


def _spoken(d: Decimal) -> str | Message:
    """A number in words no reader can take two ways: 12575; "12 point 575"."""
    text = format(d, "f")
    if "." not in text:
        return text
    integer, fraction = text.split(".")
    return _msg(MSG_POINT, integer=integer, fraction=fraction)


def _why_unreadable(text: str) -> Message:
    figures = _FIGURE.findall(text)
    for figure in figures:
        try:
            parse_number(figure)
        except UnreadableValueError:
            return _msg(REASON_BAD_NUMBER, number=figure)
        except AmbiguousNumberError:
            pass
    if len(figures) > 1:
        shown = figures[:5] + (["…"] if len(figures) > 5 else [])
        return _msg(REASON_SEVERAL, numbers=shown)
    if figures:
        return _msg(REASON_FORM)
    return _msg(REASON_MARKED)


def _shares_in_words(text: str) -> list[Decimal] | None:
    """The percentages written in one value ("Nông nghiệp 20% - CN-XD 30% - TM-DV 50%")."""
    shares = []
    for figure in _SHARE.findall(text):
        try:
            shares.append(parse_number(figure))
        except WardPlanError:
            return None  # a share that can be read two ways: nothing can be checked
    return shares if len(shares) >= 2 else None


# --------------------------------------------------------------------------- walking


def _walk(nodes: Any, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], dict]]:
    for i, node in enumerate(nodes or []):
        if isinstance(node, dict):
            yield path + (i,), node
            yield from _walk(node.get("children"), path + (i,))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# --------------------------------------------------------------------------- the document


def _printable_gaps(plan: dict[str, Any]) -> set[str]:
    """The parts :func:`layout.check_printable` finds missing (its rules, not a copy)."""
    names = {template: key for key, template in layout.PART_NAMES.items()}
    try:
        layout.check_printable(plan)
    except layout.DocumentIncomplete as exc:
        return {names[e.template] for e in exc.params.get("missing", []) if e.template in names}
    return set()


def _document_checks(plan: dict[str, Any]) -> Iterator[Check]:
    gaps = _printable_gaps(plan)

    def missing(key: str, where: Location, part: Message | None = None) -> Check:
        part = part or Message("Errors", layout.PART_NAMES[key])
        return Check(Code.MISSING_FIELD, Severity.ERROR, _msg(MSG_MISSING_PART, part=part),
                     where)

    unit = plan.get("unit") or {}
    if not _text(unit.get("name")):
        yield missing("", Location(LocationKind.UNIT, "name"), _msg(PART_UNIT_NAME))
    if "issuing_body" in gaps:
        yield missing("issuing_body", Location(LocationKind.HEADER, "issuing_body"))
    if not _text(plan.get("number")):
        yield Check(Code.MISSING_NUMBER, Severity.WARNING,
                    _msg(MSG_MISSING_NUMBER, symbol=_text(plan.get("symbol"))),
                    Location(LocationKind.HEADER, "number"))
    for key in ("symbol", "place"):
        if key in gaps:
            yield missing(key, Location(LocationKind.HEADER, key))
    date = plan.get("date") or {}
    if "year" in gaps:
        yield missing("year", Location(LocationKind.HEADER, "date"))
    elif not (date.get("day") and date.get("month")):
        yield Check(Code.MISSING_DAY_MONTH, Severity.WARNING,
                    _msg(MSG_MISSING_DAY_MONTH, year=date.get("year")),
                    Location(LocationKind.HEADER, "date"))
    if "title" in gaps:
        yield missing("title", Location(LocationKind.HEADER, "title"))
    if not any(_text(b) for b in plan.get("legal_bases") or []):
        yield Check(Code.NO_LEGAL_BASIS, Severity.WARNING, _msg(MSG_NO_LEGAL_BASIS),
                    Location(LocationKind.HEADER, "legal_bases"))

    covered: set[str] = set()
    fields_of: dict[tuple[int, ...], Any] = {}
    for path, node in _walk(plan.get("sections")):
        own = node.get("field") or fields_of.get(path[:-1])
        fields_of[path] = own
        if _text(node.get("text")):
            covered.add(own)
            continue
        label = _text(node.get("label"))
        message = (_msg(MSG_EMPTY_SECTION, label=label) if label
                   else _msg(MSG_EMPTY_SECTION_UNLABELLED))
        yield Check(Code.EMPTY_SECTION, Severity.WARNING, message,
                    Location(LocationKind.SECTION, str(node.get("uid") or ""), path))
    for group in plan.get("indicator_groups") or []:
        if isinstance(group, dict) and group.get("indicators"):
            covered.add(group.get("field"))
    for f in Field:
        if f.value not in covered:
            yield Check(Code.EMPTY_FIELD, Severity.WARNING,
                        _msg(MSG_EMPTY_FIELD, field=_msg(FIELD_NAMES[f])),
                        Location(LocationKind.FIELD, f.value))

    recipients = [r for r in plan.get("recipients") or []
                  if isinstance(r, dict) and _text(r.get("name"))]
    if not recipients:
        yield Check(Code.NO_RECIPIENTS, Severity.ERROR, _msg(MSG_NO_RECIPIENTS),
                    Location(LocationKind.RECIPIENTS))
    elif not any(_text(r["name"]).casefold().startswith("lưu") for r in recipients):
        yield Check(Code.NO_ARCHIVE_COPY, Severity.WARNING, _msg(MSG_NO_ARCHIVE_COPY),
                    Location(LocationKind.RECIPIENTS))

    sig = plan.get("signature") or {}
    authority = _text(sig.get("authority"))
    if authority and not _text(sig.get("authority_body")):
        yield missing("", Location(LocationKind.SIGNATURE, "authority_body"),
                      _msg(PART_AUTHORITY_BODY, authority=authority))
    for key in ("position", "signer"):
        if key in gaps:
            yield missing(key, Location(LocationKind.SIGNATURE, key))


# --------------------------------------------------------------------------- indicators


def _is_heading(ind: dict[str, Any]) -> bool:
    """A row that only groups others ("2. Giáo dục và đào tạo"): children, no values.

    The seeds give such rows ``row_style`` "item" like any other, so the style
    cannot tell them apart; a row with children and values of its own
    ("Thu ngân sách" 9.949.000.000đ with its parts) is an indicator.
    """
    return bool(ind.get("children")) and not ind.get("values")


def _is_percent(unit: str) -> bool:
    return same_unit(unit, "%")


def _is_rate(unit: str) -> bool:
    return same_unit(unit, "%") or same_unit(unit, "‰")


class _Indicator:
    """An indicator row with its values read once."""

    def __init__(self, node: dict[str, Any], path: tuple[int, ...]) -> None:
        self.node, self.path = node, path
        self.name = _text(node.get("name"))
        self.unit = _text(node.get("unit"))
        self.uid = str(node.get("uid") or "")
        self.entries: list[_Entry] = []
        self.by_slot: dict[tuple[int, str], _Entry] = {}
        self.children: list[_Indicator] = []
        for i, raw in enumerate(node.get("values") or []):
            entry = _read(i, raw) if isinstance(raw, dict) else None
            if entry is not None:
                self.entries.append(entry)
                self.by_slot.setdefault((entry.year, entry.period), entry)

    def where(self, year: int | None = None, period: str | None = None) -> Location:
        return Location(LocationKind.INDICATOR, self.uid, self.path, year, period)

    def unit_of(self, value: Value) -> str:
        return value.unit or self.unit


def _indicator_checks(ind: _Indicator, year: int | None,
                      children: list[_Indicator]) -> Iterator[Check]:
    # 1. The target for the plan's year.
    if isinstance(year, int) and not _is_heading(ind.node) and (year, "target") not in ind.by_slot:
        upper = ind.node.get("set_by") == SetBy.UPPER
        yield Check(Code.MISSING_TARGET, Severity.ERROR if upper else Severity.WARNING,
                    _msg(MSG_MISSING_TARGET_UPPER if upper else MSG_MISSING_TARGET,
                         indicator=ind.name, year=year),
                    ind.where(year, Period.TARGET.value))

    structure = "cơ cấu" in normalize_text(ind.name).casefold()
    understood: dict[int, list[Decimal]] = {}
    if structure:
        for entry in ind.entries:
            if entry.value is not None and entry.value.kind is ValueKind.UNREADABLE:
                shares = _shares_in_words(entry.text)
                if shares is not None:
                    understood[entry.index] = shares

    # 4. Words that cannot be read, or can be read two ways.
    for entry in ind.entries:
        yield from _value_checks(ind, entry, entry.index in understood)

    # 2. The shares of a structure add up to 100%.
    if structure:
        yield from _structure_checks(ind, children, understood)

    # 3. Next year's target against this year's result.
    if isinstance(year, int):
        yield from _trend_checks(ind, year)


def _about(ind: _Indicator, entry: _Entry) -> dict[str, Any]:
    """The parameters every message about one value has."""
    return {"indicator": ind.name, "period": _period(entry.period), "year": entry.year,
            "text": entry.text}


def _value_checks(ind: _Indicator, entry: _Entry, understood: bool) -> Iterator[Check]:
    if entry.given and entry.surely_readable():
        if entry.kind != ValueKind.QUALITATIVE and _MAYBE_AMBIGUOUS.search(entry.text):
            value = entry.value
            check = _printed_otherwise(ind, entry, value) if value is not None else None
            if check is not None:
                yield check
        return
    if entry.ambiguous is not None:
        p = entry.ambiguous.params
        yield Check(Code.AMBIGUOUS_NUMBER, Severity.ERROR,
                    _msg(MSG_AMBIGUOUS, number=p.get("text", ""), integer=p.get("integer", ""),
                         integer_part=p.get("integer_part", ""),
                         fraction_part=p.get("fraction_part", ""), **_about(ind, entry)),
                    ind.where(entry.year, entry.period))
        return
    value = entry.value
    assert value is not None
    if value.kind is ValueKind.UNREADABLE:
        if not understood:
            yield Check(Code.UNREADABLE_VALUE, Severity.WARNING,
                        _msg(MSG_UNREADABLE, reason=_why_unreadable(entry.text),
                             **_about(ind, entry)),
                        ind.where(entry.year, entry.period))
        return


def _reads_as_given(value: Value, text: str) -> bool:
    """Whether every number that could be read two ways is in ``value`` as Vietnamese
    readers read it ("2.016" given as 2016).  A quick test that spares reading the words
    again for the usual, well-written value; when it fails they are read in full."""
    given = {abs(getattr(value, k)) for k in _DECIMAL_KEYS if getattr(value, k) is not None}
    for m in _MAYBE_AMBIGUOUS.finditer(text):
        head, sep, tail = m.group().partition("." if "." in m.group() else ",")
        if int(head) == 0:
            continue  # "0,125": one reading only
        vi = Decimal(head + tail) if sep == "." else Decimal(f"{head}.{tail}")
        if vi not in given:
            return False
    return True


def _printed_otherwise(ind: _Indicator, entry: _Entry, value: Value) -> Check | None:
    """A given meaning that the words, read the Vietnamese way, contradict."""
    text = entry.text
    if _reads_as_given(value, text):
        return None
    try:
        parse_value(text)
        return None  # one reading only
    except AmbiguousNumberError:
        pass
    except WardPlanError:
        return None
    try:
        vi, en = parse_value(text, "vi"), parse_value(text, "en")
    except WardPlanError:
        return None
    if _same_meaning(value, vi) or not _same_meaning(value, en):
        return None  # as a Vietnamese reader reads it, or a mismatch the import refuses
    meaning = printed = ""
    for key in _DECIMAL_KEYS:
        a, b = getattr(value, key), getattr(vi, key)
        if a != b and a is not None and b is not None:
            meaning, printed = _spoken(a), _spoken(b)
            break

    def rewrite(m: re.Match[str]) -> str:
        try:
            parse_number(m.group())
            return m.group()
        except AmbiguousNumberError:
            return format_number(parse_number(m.group(), "en"))
        except WardPlanError:  # pragma: no cover - the pattern only matches numbers
            return m.group()

    suggestion = _MAYBE_AMBIGUOUS.sub(rewrite, text)
    return Check(Code.AMBIGUOUS_NUMBER_PRINTED, Severity.WARNING,
                 _msg(MSG_AMBIGUOUS_PRINTED, meaning=meaning, printed=printed,
                      suggestion=suggestion, **_about(ind, entry)),
                 ind.where(entry.year, entry.period))


def _share(ind: _Indicator, entry: _Entry | None) -> tuple[Decimal, Decimal] | None:
    """A child's share for one year and period as (low, high), if it is one."""
    if entry is None or entry.value is None:
        return None
    v = entry.value
    if not _is_percent(ind.unit_of(v)):
        return None
    if v.kind is ValueKind.NUMBER and v.value is not None:
        return v.value, v.value
    if v.kind is ValueKind.RANGE and v.low is not None and v.high is not None:
        return v.low, v.high
    return None


def _structure_checks(ind: _Indicator, children: list[_Indicator],
                      understood: dict[int, list[Decimal]]) -> Iterator[Check]:
    def fault(year: int, period: str, low: Decimal, high: Decimal) -> Check | None:
        if low - _TOLERANCE <= _HUNDRED <= high + _TOLERANCE:
            return None
        common = {"indicator": ind.name, "period": _period(period), "year": year}
        message = (_msg(MSG_STRUCTURE, total=format_number(low), **common) if low == high
                   else _msg(MSG_STRUCTURE_RANGE, low=format_number(low),
                             high=format_number(high), **common))
        return Check(Code.STRUCTURE_NOT_100, Severity.ERROR, message, ind.where(year, period))

    found: list[tuple[tuple[int, int], Check]] = []
    for entry in ind.entries:
        shares = understood.get(entry.index)
        if shares is not None:
            check = fault(entry.year, entry.period, sum(shares, Decimal(0)),
                          sum(shares, Decimal(0)))
            if check is not None:
                found.append(((entry.year, _PERIOD_ORDER.get(entry.period, 99)), check))

    parts = [c for c in children if not c.node.get("children") or c.entries]
    if len(parts) >= 2:
        slots = sorted({s for c in parts for s in c.by_slot},
                       key=lambda s: (s[0], _PERIOD_ORDER.get(s[1], 99), s[1]))
        for year, period in slots:
            shares = [_share(c, c.by_slot.get((year, period))) for c in parts]
            if any(s is None for s in shares):
                continue  # a part missing, or not a share in %: nothing to add up
            low = sum((s[0] for s in shares if s), Decimal(0))
            high = sum((s[1] for s in shares if s), Decimal(0))
            check = fault(year, period, low, high)
            if check is not None:
                found.append(((year, _PERIOD_ORDER.get(period, 99)), check))
    found.sort(key=lambda x: x[0])
    for _, check in found:
        yield check


def _measure(result: Value, percent_whole: bool) -> Decimal | None:
    if result.kind is ValueKind.NUMBER:
        return result.value
    if result.kind is ValueKind.RATIO and result.numerator is not None:
        if not percent_whole:
            return result.numerator
        if result.denominator:
            return result.numerator / result.denominator * _HUNDRED
    return None


def _asks_less(target: Value, result: Value, direction: Direction) -> bool:
    """Whether the target would be met while doing worse than ``result``."""
    if target.kind in (ValueKind.CHANGE, ValueKind.QUALITATIVE, ValueKind.UNREADABLE):
        return False  # a change is against its own base; words are not a level
    achievement = evaluate(target, result, direction)
    if achievement.status is Status.NOT_COMPARABLE:
        return False
    if target.kind in (ValueKind.NUMBER, ValueKind.RANGE, ValueKind.RATIO):
        # Beyond a point, a part of a whole or the good end of a range: the target is worse.
        return achievement.status is Status.EXCEEDED
    floor = target.kind in (ValueKind.AT_LEAST, ValueKind.MORE_THAN)
    if floor != (direction is Direction.HIGHER_BETTER):
        return False  # a cap on a higher-is-better figure (or the reverse) is no level
    r = _measure(result, _is_percent(target.unit))
    if r is None or target.value is None:
        return False
    return r > target.value if floor else r < target.value


def _trend_checks(ind: _Indicator, year: int) -> Iterator[Check]:
    direction = ind.node.get("direction", Direction.HIGHER_BETTER)
    if direction not in (Direction.HIGHER_BETTER, Direction.LOWER_BETTER):
        return
    direction = Direction(direction)
    target_entry = ind.by_slot.get((year, Period.TARGET))
    if target_entry is None or target_entry.value is None:
        return
    if target_entry.value.kind in (ValueKind.CHANGE, ValueKind.QUALITATIVE,
                                   ValueKind.UNREADABLE):
        return  # a change is against its own base; words are not a level
    result_entry = next((ind.by_slot[(year - 1, p)] for p in _RESULT_PERIODS
                         if (year - 1, p) in ind.by_slot), None)
    if result_entry is None or result_entry.value is None:
        return
    target, result = target_entry.value, result_entry.value
    target_unit, result_unit = ind.unit_of(target), ind.unit_of(result)
    if not same_unit(target_unit, result_unit):
        return  # never compare across units, nor a unit with none
    if (result_entry.period in _PARTIAL and direction is Direction.LOWER_BETTER
            and not _is_rate(result_unit)):
        # A count of 6 or 9 months is smaller than the year's: not a level to keep under.
        return
    if result.kind is ValueKind.RATIO and target.unit != target_unit:
        # Only here does a unit written on the row rather than the value matter: a part
        # of a whole against a target in % is compared as a share.  (Different units
        # written on both values were turned away above.)
        target = replace(target, unit=target_unit)
    if not _asks_less(target, result, direction):
        return
    template = MSG_WORSE_HIGHER if direction is Direction.HIGHER_BETTER else MSG_WORSE_LOWER
    yield Check(Code.TARGET_WORSE_THAN_LAST_YEAR, Severity.WARNING,
                _msg(template, indicator=ind.name, year=year, target=target.text,
                     period=_period(result_entry.period), previous_year=year - 1,
                     result=result.text),
                ind.where(year, Period.TARGET.value))


def _all_indicator_checks(plan: dict[str, Any]) -> Iterator[Check]:
    year = plan.get("year")
    for g, group in enumerate(plan.get("indicator_groups") or []):
        if isinstance(group, dict):
            for ind in _rows(group.get("indicators"), (g,)):
                yield from _walk_checks(ind, year)


def _rows(nodes: Any, path: tuple[int, ...]) -> list[_Indicator]:
    """The indicator rows of a list, each with its children, values read once."""
    rows = []
    for i, node in enumerate(nodes or []):
        if isinstance(node, dict):
            ind = _Indicator(node, path + (i,))
            ind.children = _rows(node.get("children"), ind.path)
            rows.append(ind)
    return rows


def _walk_checks(ind: _Indicator, year: Any) -> Iterator[Check]:
    yield from _indicator_checks(ind, year, ind.children)
    for child in ind.children:
        yield from _walk_checks(child, year)


# --------------------------------------------------------------------------- entry point


def run_checks(data: dict[str, Any]) -> list[Check]:
    """Every problem of a plan (plan-file data), errors first, each in document order."""
    plan = data.get("plan", data) if isinstance(data, dict) else {}
    checks = [*_document_checks(plan), *_all_indicator_checks(plan)]
    checks.sort(key=lambda c: c.severity is not Severity.ERROR)
    return checks
