"""Reading and writing the plan file (docs/interchange-format.md).

``read_plan_file`` checks a file completely (JSON, format, version, schema,
values, footnotes, identifiers) before anything is written; ``store_plan``
then writes the plan inside the caller's transaction, so an import either
lands whole or not at all.  ``plan_data`` is the exact inverse: importing
what it produces and exporting again gives the same content.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..enums import Period, ValueKind
from ..errors import (
    MSG_BAD_VALUE_IN_FILE,
    MSG_CANNOT_READ_FILE,
    MSG_CANNOT_WRITE_FILE,
    MSG_INCONSISTENT,
    MSG_NEWER_FORMAT,
    MSG_NOT_A_PLAN_FILE,
    MSG_NOT_JSON,
    MSG_NOT_UTF8,
    MSG_SCHEMA,
    QT_TRANSLATE_NOOP,
    AmbiguousNumberError,
    InputError,
    InterchangeError,
    UnreadableValueError,
    WardPlanError,
    describe_os_error,
)
from ..numbers import normalize_text
from ..storage.rows import new_uid, plan_file_of, utc_now
from ..values import Value, parse_value

# Reading, checking and writing files, and storing rows, need no ORM: the program
# starts without loading SQLAlchemy, which the functions on mapped objects import.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..storage.schema import IndicatorValue, Plan, Unit

FORMAT = "wardplan-plan"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024
_FOOTNOTE_MARK = re.compile(r"\[\^([A-Za-z0-9_-]{1,32})\]")
_PERIOD_ORDER = {p.value: i for i, p in enumerate(Period)}
_DECIMAL_KEYS = ("value", "low", "high", "numerator", "denominator")

MSG_FOOTNOTE_UNKNOWN = QT_TRANSLATE_NOOP(
    "Errors", "the text cites footnote [^{key}] but the file has no footnote {key}"
)
MSG_FOOTNOTE_UNUSED = QT_TRANSLATE_NOOP(
    "Errors", "footnote {key} is never cited in the text, or cited more than once"
)
MSG_DUPLICATE_UID = QT_TRANSLATE_NOOP("Errors", "the identifier {uid} is used twice")
MSG_BEYOND_LIMITS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a valid plan file: it is nested too deeply or holds a "
    "number too long to be real.")
MSG_NOT_A_REGULAR_FILE = QT_TRANSLATE_NOOP("Errors", "it is not an ordinary file")
MSG_DUPLICATE_FOOTNOTE = QT_TRANSLATE_NOOP("Errors", "two footnotes have the key {key}")
MSG_UID_TAKEN = QT_TRANSLATE_NOOP(
    "Errors",
    "it is a copy of another plan already stored (the identifier {uid} is taken); "
    "start next year's plan with rollover instead of copying a file",
)
MSG_DUPLICATE_VALUE = QT_TRANSLATE_NOOP(
    "Errors", 'indicator "{indicator}" has two values for {period} {year}'
)
MSG_VALUE_MISMATCH = QT_TRANSLATE_NOOP(
    "Errors", 'the meaning given for "{text}" is not what the words say'
)
MSG_VALUE_INCOMPLETE = QT_TRANSLATE_NOOP(
    "Errors", 'the meaning given for "{text}" lacks {missing}'
)
MSG_RECEIVED_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "The copy of revision {revision} of {code}'s plan for {year} kept in this data "
    "folder is damaged, so it cannot be shown. Restore the data folder from a backup.")


@cache
def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("plan.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _fast_validator() -> Any:
    """A compiled validator of the same schema, about 50 times faster than jsonschema.

    It answers only "valid or not"; when a file is not, jsonschema (the reference
    implementation) finds the error to show, and has the last word.  Two changes
    that keep every answer make it about twice as fast again (files are checked by
    the thousand): :func:`_without_null_branches`, and the names of nested values (for
    error messages never shown) not built at all.
    """
    import fastjsonschema  # only once a file is read: not at the program's start

    try:
        scope: dict[str, Any] = {}
        exec(_quick_code(), scope)  # noqa: S102 - our own schema
        compiled = scope[_QUICK_ENTRY]
    except Exception:  # noqa: BLE001 - another fastjsonschema writes other code: use it as is
        compiled = fastjsonschema.compile(_definition())

    def valid(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    valid.compiled = compiled  # type: ignore[attr-defined]
    return valid


QUICK_SCHEMA_CODE = "<plan schema, quick>"
#: The function the quick validator's code defines for the whole schema.
_QUICK_ENTRY = "validate_quick_plan"
#: The quick validator's code compiled, as :func:`validator_code` gave it to this process
#: (a worker that reads files: compiling it takes longer than its whole start otherwise).
_given_code: Any = None


def _definition() -> dict[str, Any]:
    return _without_null_branches({**schema(), "$schema": "http://json-schema.org/draft-07/schema#"})


@cache
def _quick_code() -> Any:
    """The quick validator's Python code, compiled (defining :data:`_QUICK_ENTRY`)."""
    if _given_code is not None:
        return _given_code
    import fastjsonschema

    code = fastjsonschema.compile_to_code(_definition())
    quick = _ITEM_NAME.sub("custom_formats, None)",
                           _FORMAT_LOCALS.sub(lambda m: f'f"{m.group(1)}"', code))
    quick = _STRING_ENUM.sub(_one_membership, quick)
    entry = re.search(r"^def (\w+)\(", quick, re.M).group(1)  # type: ignore[union-attr]
    quick += f"\n\n{_QUICK_ENTRY} = {entry}\n"
    return compile(quick, QUICK_SCHEMA_CODE, "exec")


def validator_code() -> bytes:
    """The quick validator's compiled code, for :func:`use_validator_code` in another
    process of the same program (worker processes: see ``sync/reader.py``)."""
    import marshal

    return marshal.dumps(_quick_code())


def use_validator_code(code: bytes) -> None:
    """Check plan files with the code of :func:`validator_code` rather than compile it."""
    import marshal

    global _given_code
    _given_code = marshal.loads(code)  # noqa: S302 - made by this program, handed to itself
    _quick_code.cache_clear()
    _fast_validator.cache_clear()


#: A string literal formatted with every local variable: fastjsonschema's way of naming
#: array items ("data.sections[{data__sections_x}]"); as an f-string it means the same.
_FORMAT_LOCALS = re.compile(r'"((?:[^"\\\n]|\\.)*)"\.format\(\*\*locals\(\)\)')

#: The name of the value a nested validator is given, for its error message: never shown
#: here, so never built (``None``: the nested validator names it "data" if it fails).
_ITEM_NAME = re.compile(r'custom_formats, \(name_prefix or "data"\) \+ f?"(?:[^"\\\n]|\\.)*"\)')

#: A string enum as fastjsonschema writes it: each choice compared on its own, behind a
#: type check of its own ("isinstance(v, str) and v == 'a' or isinstance(v, str) and
#: v == 'b' …"; ``value`` is one choice, the last group the others).  Sections and
#: indicators have several, up to ten choices: checked by the thousand.
_STRING_ENUM = re.compile(
    r"isinstance\((?P<name>\w+), str\) and (?P=name) == (?P<first>'[^'\\\n]*')"
    r"(?P<rest>(?: or isinstance\((?P=name), str\) and (?P=name) == '[^'\\\n]*')+)")
_CHOICE = re.compile(r"== ('[^'\\\n]*')")


def _one_membership(m: re.Match[str]) -> str:
    """The same test as one look in a tuple: a string equal to one of the choices."""
    choices = [m.group("first"), *_CHOICE.findall(m.group("rest"))]
    return f"(isinstance({m.group('name')}, str) and {m.group('name')} in ({', '.join(choices)},))"


#: Keywords that say nothing about a value of another type than the one they are for.
_TYPED_KEYWORDS = {"type", "minLength", "maxLength", "pattern", "minimum", "maximum",
                   "properties", "required", "additionalProperties", "items", "minItems",
                   "maxItems", "title", "description"}


def _without_null_branches(definition: dict[str, Any]) -> dict[str, Any]:
    """The schema with each ``{"oneOf": [{"type": "null"}, S]}`` written without oneOf.

    fastjsonschema tries such a oneOf by raising an error for the branch that does
    not fit, which costs more than all the rest of a plan's checks.  Where ``S`` is an
    enum without null, it becomes that enum with null; where ``S`` has one type (not
    null) and only keywords for that type, ``S`` with type null allowed too.  Both
    accept exactly what the oneOf accepts; any other oneOf is left as it is.
    """
    defs = definition.get("$defs", {})

    def target(node: dict[str, Any]) -> dict[str, Any]:
        while set(node) == {"$ref"} and node["$ref"].startswith("#/$defs/"):
            node = defs[node["$ref"].removeprefix("#/$defs/")]
        return node

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(x) for x in node]
        if not isinstance(node, dict):
            return node
        branches = node.get("oneOf")
        if set(node) == {"oneOf"} and isinstance(branches, list) and len(branches) == 2 \
                and branches[0] == {"type": "null"} and isinstance(branches[1], dict):
            other = target(branches[1])
            if set(other) == {"enum"} and None not in other["enum"]:
                return {"enum": [None, *other["enum"]]}
            if isinstance(other.get("type"), str) and other["type"] != "null" \
                    and set(other) <= _TYPED_KEYWORDS:
                return {**rewrite(other), "type": ["null", other["type"]]}
        return {k: rewrite(v) for k, v in node.items()}

    return rewrite(definition)


# --------------------------------------------------------------------------- reading


def read_plan_file(path: Path) -> dict[str, Any]:
    """Read and fully check a plan file; the returned data is safe to store."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InterchangeError(
                MSG_CANNOT_READ_FILE, path=str(path), detail=f"{size} bytes is too large"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InterchangeError(
            MSG_CANNOT_READ_FILE, path=str(path), detail=describe_os_error(exc)) from exc
    return parse_plan_bytes(raw, str(path))


def parse_plan_bytes(raw: bytes, label: str) -> dict[str, Any]:
    """Check plan-file bytes (from a file or a sync package) and return the data."""
    return _parse(raw, label)[0]


def parse_plan_rows(raw: bytes, label: str, *,
                    text: bool = True) -> tuple[dict[str, Any], PlanRows]:
    """:func:`parse_plan_bytes` and the plan's rows (:func:`plan_rows`), each value read once.

    Without ``text`` (the rows of a plan held as received), the plan's text is checked
    as any other but not normalised: it is not stored, and is normalised when it is
    read from the receipt (:func:`plan_data`).
    """
    data, values = _parse(raw, label, text)
    return data, plan_rows(data, values, text=text)


def _parse(raw: bytes, label: str,
           text: bool = True) -> tuple[dict[str, Any], dict[int, Value]]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InterchangeError(MSG_NOT_UTF8, path=label) from exc
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            MSG_NOT_JSON, path=label, line=exc.lineno, column=exc.colno
        ) from exc
    except (RecursionError, ValueError) as exc:  # nesting too deep, a number too long
        raise InterchangeError(MSG_BEYOND_LIMITS, path=label) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InterchangeError(MSG_NOT_A_PLAN_FILE, path=label, format=FORMAT)
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise InterchangeError(
            MSG_NEWER_FORMAT, path=label, found=version, supported=FORMAT_VERSION
        )
    error = None if _fast_validator()(data) else _schema_error(data)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise InterchangeError(MSG_SCHEMA, path=label, where=where, detail=error.message[:300])
    _normalise(data, text)
    return data, _check_consistency(data["plan"], label)


def _schema_error(data: Any) -> Any:
    """What jsonschema (the reference implementation) finds wrong in a refused file."""
    import jsonschema

    return jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema()).iter_errors(data))


#: White space that :func:`normalize_text` changes wherever it is: any but a plain space
#: (every character ``str.isspace`` takes for white space, listed: a third faster to look
#: for than ``[^\S ]``; tests/core/test_sync_quick_paths.py holds the list to Python's).
_ODD_SPACE = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                        "\u202f\u205f\u3000]")


#: The keys of a plan file's plan that hold the rows of :data:`TEXT_TABLES`.
_TEXT_KEYS = frozenset({"legal_bases", "recipients", "footnotes", "key_tasks", "appendices",
                        "sections"})


def _normalise(data: dict[str, Any], text: bool = True) -> None:
    """NFC everywhere; line text trimmed of stray white space (in place: fresh JSON data).

    Nearly every file is already so (the program writes them), which one look at all
    its text together tells: joined by NUL (a character that never combines, so each
    piece is NFC exactly when the whole is) with no white space but single inner
    spaces, no piece can change.  Otherwise each string is normalised on its own.
    Without ``text``, the look leaves out the plan's text (:data:`_TEXT_KEYS`), which
    then may stay as it came.
    """
    texts: list[str] = []
    _strings(data if text else {**data, "plan": {
        k: v for k, v in data["plan"].items() if k not in _TEXT_KEYS}}, texts)
    whole = "\x00".join(texts)
    if (unicodedata.is_normalized("NFC", whole) and not _ODD_SPACE.search(whole)
            and "  " not in whole and "\x00 " not in whole and " \x00" not in whole
            and not whole.startswith(" ") and not whole.endswith(" ")):
        return
    _normalise_each(data)


def _strings(node: dict[str, Any] | list[Any], out: list[str]) -> None:
    # Exact types (parsed JSON has no others): a third faster than isinstance.
    for value in node.values() if type(node) is dict else node:
        kind = type(value)
        if kind is str:
            out.append(value)
        elif kind is dict or kind is list:
            _strings(value, out)


def _normalise_each(node: dict[str, Any] | list[Any]) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, str):
            node[key] = normalize_text(value)  # type: ignore[index]
        elif isinstance(value, dict | list):
            _normalise_each(value)


def _walk(nodes: list[dict[str, Any]], key: str = "children") -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get(key, []), key)


def _flatten(nodes: list[dict[str, Any]], out: list[dict[str, Any]]) -> None:
    """``nodes`` and their descendants, as :func:`_walk` gives them, added to ``out``
    (a list made by recursion rather than nested generators: several times faster)."""
    for node in nodes:
        out.append(node)
        children = node.get("children")
        if children:
            _flatten(children, out)


def _check_consistency(plan: dict[str, Any], label: str) -> dict[int, Value]:
    """Refuse what the schema cannot see; the meaning of each value, by ``id`` of its entry."""

    def refuse(template: str, **params: Any) -> None:
        raise InterchangeError(MSG_INCONSISTENT, path=label,
                               detail=WardPlanError(template, **params))

    sections: list[dict[str, Any]] = []
    _flatten(plan.get("sections", []), sections)
    indicators: list[dict[str, Any]] = []
    for group in plan.get("indicator_groups", []):
        _flatten(group.get("indicators", []), indicators)

    # Identifiers are unique within the file.
    owners = [plan, *sections, *plan.get("footnotes", []), *plan.get("key_tasks", []),
              *plan.get("indicator_groups", []), *indicators, *plan.get("appendices", [])]
    # As normalised too (the schema's pattern lets a final line break through).
    uids = [uid.strip() for owner in owners if (uid := owner.get("uid")) is not None]
    if len(set(uids)) != len(uids):
        seen: set[str] = set()
        for uid in uids:
            if uid in seen:
                refuse(MSG_DUPLICATE_UID, uid=uid)
            seen.add(uid)

    # Every cited footnote exists and every footnote is cited exactly once.  (No mark
    # spans two texts joined by a line break: a key has none.)  Marks are looked for in
    # the text as normalised, which may not have been yet (see _normalise): normalising
    # makes a Kelvin sign the letter K, say, and a mark of it.
    cited: list[str] = _FOOTNOTE_MARK.findall(
        unicodedata.normalize("NFC", "\n".join([s["text"] for s in sections])))
    keys = [f["key"] for f in plan.get("footnotes", [])]
    for key in keys:
        if keys.count(key) > 1:
            refuse(MSG_DUPLICATE_FOOTNOTE, key=key)
    for key in cited:
        if key not in keys:
            refuse(MSG_FOOTNOTE_UNKNOWN, key=key)
    for key in keys:
        if cited.count(key) != 1:
            refuse(MSG_FOOTNOTE_UNUSED, key=key)

    # Values: readable, unambiguous, one per year and period.
    values: dict[int, Value] = {}
    for indicator in indicators:
        slots: set[tuple[int, str]] = set()
        for entry in indicator.get("values", []):
            slot = (entry["year"], entry["period"])
            if slot in slots:
                refuse(MSG_DUPLICATE_VALUE, indicator=indicator["name"], year=slot[0],
                       period=slot[1])
            slots.add(slot)
            try:
                values[id(entry)] = value_from_entry(entry)
            except WardPlanError as exc:
                raise InterchangeError(
                    MSG_BAD_VALUE_IN_FILE,
                    path=label,
                    indicator=indicator["name"],
                    year=entry["year"],
                    period=entry["period"],
                    detail=exc,
                ) from exc
    return values


def value_from_entry(entry: dict[str, Any]) -> Value:
    """The meaning of one value entry: read from its words, or given and checked."""
    text = entry["text"]
    kind = entry.get("kind")
    if kind is None:
        try:
            return parse_value(text)
        except AmbiguousNumberError:
            raise
        except UnreadableValueError:
            return Value(ValueKind.UNREADABLE, text)
    decimals = {k: Decimal(entry[k]) for k in _DECIMAL_KEYS if k in entry}
    unit, base, base_year = entry.get("unit", ""), entry.get("base", ""), entry.get("base_year")
    # The words are read once (kinds that words cannot be read as aside); most often
    # they read as exactly what is given (each decimal written the same, the unit, the
    # words), and that reading is the value.
    first: Value | WardPlanError | None = None
    if kind in _READ_KINDS:
        try:
            first = parse_value(text)
        except (AmbiguousNumberError, UnreadableValueError) as exc:
            first = exc
        else:
            if first.kind.value == kind and (first.text, first.unit, first.base,
                                             first.base_year) == (text, unit, base, base_year) \
                    and all(_same_decimal(getattr(first, k), decimals.get(k))
                            for k in _DECIMAL_KEYS):
                return first
    given = Value(ValueKind(kind), text, **decimals, unit=unit, base=base,
                  base_year=base_year)
    _require_meaning(given)
    if first is None:  # unreadable or qualitative: the words are the meaning
        return given
    if isinstance(first, UnreadableValueError):
        return given  # words the reader does not know, with their meaning set by hand
    readings = [parse_value(text, style) for style in ("vi", "en")] \
        if isinstance(first, AmbiguousNumberError) else [first]  # type: ignore[list-item]
    if not any(_same_meaning(given, r) for r in readings):
        raise InterchangeError(MSG_VALUE_MISMATCH, text=text)
    return given


#: The kinds of value that words are read as (all but unreadable and qualitative).
_READ_KINDS = frozenset(k.value for k in ValueKind) - {ValueKind.UNREADABLE.value,
                                                       ValueKind.QUALITATIVE.value}
#: The decimals each kind of value needs.
_NEEDED = {
    ValueKind.NUMBER: ("value",), ValueKind.AT_LEAST: ("value",),
    ValueKind.MORE_THAN: ("value",), ValueKind.AT_MOST: ("value",),
    ValueKind.LESS_THAN: ("value",), ValueKind.CHANGE: ("value",),
    ValueKind.RANGE: ("low", "high"), ValueKind.RATIO: ("numerator", "denominator"),
}


def _require_meaning(v: Value) -> None:
    missing = [k for k in _NEEDED.get(v.kind, ()) if getattr(v, k) is None]
    if missing:
        raise InterchangeError(MSG_VALUE_INCOMPLETE, text=v.text, missing=", ".join(missing))


def _same_decimal(a: Decimal | None, b: Decimal | None) -> bool:
    """The same decimal written the same way ("1.0" is not "1"), or both absent."""
    return a is b or (a is not None and b is not None and str(a) == str(b))


def _same_meaning(a: Value, b: Value) -> bool:
    return a.kind == b.kind and (a.value, a.low, a.high, a.numerator, a.denominator) == (
        b.value, b.low, b.high, b.numerator, b.denominator)


# --------------------------------------------------------------------------- storing


def with_new_uids(node: Any) -> Any:
    """A deep copy of plan data with every identifier replaced: a document of its own."""
    if isinstance(node, dict):
        return {k: (new_uid() if k == "uid" else with_new_uids(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [with_new_uids(x) for x in node]
    return node


def _lines(items: list[str]) -> str:
    return "\n".join(items)


def _split(text: str) -> list[str]:
    return text.split("\n") if text else []


def unit_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The columns of a unit that a file's unit sets (``upper`` aside): those it gives."""
    fields = {"name": data["name"]}
    if "level" in data:
        fields["level"] = data["level"]
    if "place_name" in data:
        fields["place_name"] = data["place_name"]
    if "issuing_body" in data:
        fields["issuing_body"] = _lines(data["issuing_body"])
    if "parent_body" in data:
        fields["parent_body"] = data["parent_body"]
    return fields


def upsert_unit(session: Session, data: dict[str, Any]) -> Unit:
    """Find a unit by code, creating it, and bring its details up to date."""
    from sqlalchemy import select

    from ..storage.schema import Unit

    unit = session.scalar(select(Unit).where(Unit.code == data["code"]))
    if unit is None:
        unit = Unit(code=data["code"], name=data["name"], level=data.get("level", "ward"))
        session.add(unit)
    for key, value in unit_fields(data).items():
        setattr(unit, key, value)
    if "upper" in data:
        unit.upper = upsert_unit(session, data["upper"]) if data["upper"] else None
    return unit


@dataclass(frozen=True)
class PlanRows:
    """A checked plan as the rows of its tables, made without the database.

    Rows are plain tuples in the column order of :data:`_CHILD_COLUMNS` without
    ``plan_id`` (and without ``id`` where the database numbers the rows).  Sections,
    indicator groups and indicators are numbered from 0 within the plan, and refer to
    each other by those numbers; :func:`insert_children` shifts them to free
    identifiers.  Plain data, so that rows made in another process travel cheaply.
    """

    unit: dict[str, Any]  # the file's "unit", as read
    plan: dict[str, Any]  # the plan's columns but id, unit_id and the time stamps
    tables: dict[str, list[tuple[Any, ...]]]

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from its fields: unpickled about twice as fast as a dataclass is
        # by default (rows cross from worker processes by the thousand).
        return PlanRows, (self.unit, self.plan, self.tables)

    @property
    def year(self) -> int:
        return self.plan["year"]

    @property
    def kind(self) -> str:
        return self.plan["kind"]


#: The columns each child table is inserted with, in the order of a PlanRows tuple
#: (``plan_id`` first, filled in at insertion).  Tables whose rows others refer to
#: (by local number) come before the rows that refer to them.
_CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    "legal_basis": ("plan_id", "position", "text"),
    "recipient": ("plan_id", "position", "name", "purpose"),
    "footnote": ("plan_id", "uid", "position", "key", "text"),
    "key_task": ("plan_id", "uid", "position", "label", "field", "task", "result"),
    "appendix": ("plan_id", "uid", "position", "kind", "label", "title", "caption", "landscape",
               "columns"),
    "section": ("id", "plan_id", "uid", "parent_id", "position", "kind", "label", "text", "part",
              "field", "role", "emphasis"),
    "indicator_group": ("id", "plan_id", "uid", "position", "field", "label", "title"),
    "indicator": ("id", "plan_id", "uid", "group_id", "parent_id", "position", "label", "name",
                "unit", "direction", "set_by", "catalogue_code", "row_style", "note"),
    "indicator_value": ("indicator_id", "year", "period", "text", "kind", "value", "low", "high",
                     "numerator", "denominator", "unit", "base", "base_year"),
}
#: The tables of a plan's text, as against its indicators: what a plan held as received
#: keeps in its receipt only (see :func:`store_plan_rows`).
TEXT_TABLES = ("legal_basis", "recipient", "footnote", "key_task", "appendix", "section")
_PLAN_COLUMNS = (
    "uid", "year", "kind", "status", "revision", "issuing_body", "parent_body", "number",
    "symbol", "place", "date_day", "date_month", "date_year", "title", "heading_lines",
    "preamble", "closing", "sign_authority", "sign_authority_body", "sign_position", "signer",
)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    # The names are the tables' own (tests/core/test_reading.py holds them to the schema).
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_CHILD_SQL = {table: _insert_sql(table, columns) for table, columns in _CHILD_COLUMNS.items()}
_PLAN_SQL = _insert_sql("plan", ("id", "unit_id", *_PLAN_COLUMNS, "created_at", "updated_at",
                                  "receipt_id"))


def _decimal_text(d: Decimal | None) -> str | None:
    """What the DecimalText column stores for ``d``."""
    return None if d is None else format(d, "f")


def plan_rows(data: dict[str, Any], values: dict[int, Value] | None = None, *,
              text: bool = True) -> PlanRows:
    """The rows of a checked plan (from :func:`read_plan_file`), ready for :func:`store_plan`.

    ``values`` holds the meaning of value entries already read (by ``id`` of the
    entry), as :func:`parse_plan_rows` passes them; the others are read here.
    Without ``text``, the tables of :data:`TEXT_TABLES` are left empty: the rows of
    a plan held as received (see :func:`store_plan_rows`).
    """
    p = data["plan"]
    values = values or {}
    date = p.get("date", {"year": p["year"] - 1})
    sig = p.get("signature", {})
    plan = {
        "uid": p.get("uid") or new_uid(),
        "year": p["year"],
        "kind": p["kind"],
        "status": p.get("status", "draft"),
        "revision": p.get("revision", 1),
        "issuing_body": _lines(p.get("issuing_body", p["unit"].get("issuing_body", []))),
        "parent_body": p.get("parent_body", ""),
        "number": p.get("number", ""),
        "symbol": p.get("symbol", ""),
        "place": p.get("place", p["unit"].get("place_name", "")),
        "date_day": date.get("day"),
        "date_month": date.get("month"),
        "date_year": date["year"],
        "title": p["title"],
        "heading_lines": _lines(p.get("heading_lines", [])),
        "preamble": _lines(p.get("preamble", [])),
        "closing": _lines(p.get("closing", [])),
        "sign_authority": sig.get("authority", ""),
        "sign_authority_body": sig.get("authority_body", ""),
        "sign_position": sig.get("position", ""),
        "signer": sig.get("signer", ""),
    }
    if not text:
        tables: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TEXT_TABLES}
    else:
        tables = _text_rows(p)
    groups: list[tuple[Any, ...]] = []
    indicators: list[tuple[Any, ...]] = []
    value_rows: list[tuple[Any, ...]] = []
    for i, g in enumerate(p.get("indicator_groups", [])):
        number = len(groups)
        groups.append((number, g.get("uid") or new_uid(), i, g["field"], g.get("label", ""),
                       g["title"]))
        _indicator_rows(g.get("indicators", []), number, None, values, indicators, value_rows)
    tables["indicator_group"] = groups
    tables["indicator"] = indicators
    tables["indicator_value"] = value_rows
    return PlanRows(p["unit"], plan, tables)


def _text_rows(p: dict[str, Any],
               make_uid: Callable[[], str] = new_uid) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the tables of :data:`TEXT_TABLES` of a checked plan's ``plan``;
    ``make_uid`` makes the identifiers of items that have none."""
    tables: dict[str, list[tuple[Any, ...]]] = {
        "legal_basis": [(i, t) for i, t in enumerate(p.get("legal_bases", []))],
        "recipient": [(i, r["name"], r.get("purpose", ""))
                      for i, r in enumerate(p.get("recipients", []))],
        "footnote": [(f.get("uid") or make_uid(), i, f["key"], f["text"])
                     for i, f in enumerate(p.get("footnotes", []))],
        "key_task": [(t.get("uid") or make_uid(), i, t.get("label", ""), t.get("field"),
                      t["task"], t.get("result", ""))
                     for i, t in enumerate(p.get("key_tasks", []))],
        "appendix": [(a.get("uid") or make_uid(), i, a["kind"], a.get("label", ""), a["title"],
                      a.get("caption", ""), int(a.get("landscape", False)),
                      json.dumps(a["columns"], ensure_ascii=False))
                     for i, a in enumerate(p.get("appendices", []))],
    }
    # The tree walks are functions of their own, not closures: a closure that calls
    # itself is a reference cycle, which would keep every row alive until Python's
    # cycle collector came by (plans are read by the thousand).
    sections: list[tuple[Any, ...]] = []
    _section_rows(p.get("sections", []), None, "other", None, sections, make_uid)
    tables["section"] = sections
    return tables



def _section_rows(nodes: list[dict[str, Any]], parent: int | None, part: str,
                  field: str | None, out: list[tuple[Any, ...]],
                  make_uid: Callable[[], str]) -> None:
    """The section rows of ``nodes`` and their descendants, numbered in order from 0."""
    for i, n in enumerate(nodes):
        number = len(out)
        n_part, n_field = n.get("part", part), n.get("field", field)
        out.append((number, n.get("uid") or make_uid(), parent, i, n["kind"],
                    n.get("label", ""), n["text"], n_part, n_field,
                    n.get("role", ""), n.get("emphasis", "none")))
        _section_rows(n.get("children", []), number, n_part, n_field, out, make_uid)


def _indicator_rows(nodes: list[dict[str, Any]], group: int, parent: int | None,
                    values: dict[int, Value], out: list[tuple[Any, ...]],
                    value_rows: list[tuple[Any, ...]]) -> None:
    """The indicator rows of ``nodes`` and their descendants, and the rows of their values."""
    for i, n in enumerate(nodes):
        number = len(out)
        out.append((number, n.get("uid") or new_uid(), group, parent, i,
                    n.get("label"), n["name"], n.get("unit", ""),
                    n.get("direction", "higher_better"), n.get("set_by", "ward"),
                    n.get("catalogue_code"),
                    n.get("row_style", "sub_item" if parent is not None else "item"),
                    n.get("note", "")))
        for entry in n.get("values", []):
            value = values.get(id(entry)) or value_from_entry(entry)
            value_rows.append((number, entry["year"], entry["period"], value.text,
                               value.kind.value, _decimal_text(value.value),
                               _decimal_text(value.low), _decimal_text(value.high),
                               _decimal_text(value.numerator),
                               _decimal_text(value.denominator), value.unit, value.base,
                               value.base_year))
        _indicator_rows(n.get("children", []), group, number, values, out, value_rows)

class RowIds:
    """Hands out free row identifiers, table by table, within one write transaction.

    The first request for a table reads its largest identifier; later requests go on
    from there without asking again.  That is right only while nothing else inserts
    into the table: the write transaction (begun IMMEDIATE) keeps other connections
    out, and the caller must not insert rows there by other means meanwhile.  Numbers
    taken by a unit of work that was rolled back are skipped, never reused twice.
    """

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor
        self._next: dict[str, int] = {}

    def take(self, table: str, count: int) -> int:
        """The first of ``count`` consecutive free identifiers of ``table``."""
        start = self._next.get(table)
        if start is None:
            top = self._cursor.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
            start = (top or 0) + 1
        self._next[table] = start + count
        return start


def driver_cursor(session: Session) -> sqlite3.Cursor:
    """A cursor of the session's own database connection, inside its transaction.

    For bulk work only: what goes through it, the unit of work does not see (nor
    does the plan history), and its errors are the driver's own.
    """
    return session.connection().connection.cursor()  # type: ignore[return-value]


def insert_children(cursor: sqlite3.Cursor, plan_id: int, rows: PlanRows, ids: RowIds) -> None:
    """Insert the plan's rows table by table, each with one executemany.

    Rows go straight to the driver: a plan of a few hundred rows is stored many
    times faster than through the unit of work (which is why the plan history
    does not see them; a whole plan stored is recorded as such by the caller).
    """
    t = rows.tables
    s = ids.take("section", len(t["section"]))
    g = ids.take("indicator_group", len(t["indicator_group"]))
    n = ids.take("indicator", len(t["indicator"]))
    shifted = {
        "legal_basis": [(plan_id, *r) for r in t["legal_basis"]],
        "recipient": [(plan_id, *r) for r in t["recipient"]],
        "footnote": [(plan_id, *r) for r in t["footnote"]],
        "key_task": [(plan_id, *r) for r in t["key_task"]],
        "appendix": [(plan_id, *r) for r in t["appendix"]],
        "section": [(s + r[0], plan_id, r[1], None if r[2] is None else s + r[2], *r[3:])
                  for r in t["section"]],
        "indicator_group": [(g + r[0], plan_id, *r[1:]) for r in t["indicator_group"]],
        "indicator": [(n + r[0], plan_id, r[1], g + r[2], None if r[3] is None else n + r[3],
                     *r[4:]) for r in t["indicator"]],
        "indicator_value": [(n + r[0], *r[1:]) for r in t["indicator_value"]],
    }
    for table, batch in shifted.items():
        if batch:
            cursor.executemany(_CHILD_SQL[table], batch)


def store_plan(session: Session, data: dict[str, Any], label: str = "",
               rows: PlanRows | None = None) -> Plan:
    """Write a checked plan (from :func:`read_plan_file`) into the session.

    A plan of the same unit, year and kind is replaced.  The caller's
    transaction makes the whole replacement atomic.  Identifiers that belong to
    another stored plan (a file copied from it) are refused, naming the file
    as ``label``.  ``rows`` are the plan's rows when already made (:func:`plan_rows`).
    """
    from sqlalchemy import select

    from ..storage.schema import Plan

    p = data["plan"]
    rows = rows or plan_rows(data)
    unit = upsert_unit(session, p["unit"])
    session.flush()
    old = session.scalar(
        select(Plan).where(Plan.unit_id == unit.id, Plan.year == p["year"], Plan.kind == p["kind"])
    )
    if old is not None:
        session.delete(old)
        session.flush()
    cursor = driver_cursor(session)
    _check_uids_free(cursor, rows, label)
    plan = Plan(unit=unit, **rows.plan)
    session.add(plan)
    session.flush()
    insert_children(cursor, plan.id, rows, RowIds(cursor))
    return plan


def store_plan_rows(cursor: sqlite3.Cursor, rows: PlanRows, unit_id: int, ids: RowIds,
                    label: str = "", *, undo: bool = False, receipt_id: int | None = None) -> int:
    """:func:`store_plan` without the unit of work, for many plans in one transaction.

    The unit (``unit_id``) is the caller's to find or make; the plan of the same
    unit, year and kind is replaced, and the new plan's id returned.  With
    ``receipt_id``, the plan is held as received: its text is read from that
    receipt's plan file (:func:`plan_data`), and ``rows`` are made without it
    (``plan_rows(..., text=False)``).  Identifiers of
    another stored plan are refused as by :func:`store_plan`, found by the database's
    own uniqueness rather than looked up beforehand.  Run it in a savepoint: a
    refusal leaves the rows written so far for the caller to roll back.  Or, where
    the unit holds no plan of that year and kind (nothing to replace), with ``undo``:
    a refusal then deletes the rows it wrote (the plan, its children by cascade).
    """
    if receipt_id is not None and any(rows.tables[table] for table in TEXT_TABLES):
        raise ValueError("a plan held as received has no rows of its text")
    cursor.execute("DELETE FROM plan WHERE unit_id = ? AND year = ? AND kind = ?",
                   (unit_id, rows.year, rows.kind))
    plan_id = ids.take("plan", 1)
    now = utc_now()
    try:
        try:
            cursor.execute(_PLAN_SQL, (plan_id, unit_id, *(rows.plan[c] for c in _PLAN_COLUMNS),
                                       now, now, receipt_id))
            insert_children(cursor, plan_id, rows, ids)
        except sqlite3.IntegrityError:
            # Which identifier: the old plan is deleted already, so only others' count.
            _check_uids_free(cursor, rows, label, exclude_plan=plan_id)
            raise  # no identifier taken: some other rule broken, a bug
    except InputError:
        if undo:
            cursor.execute("DELETE FROM plan WHERE id = ?", (plan_id,))
        raise
    return plan_id


def _uids_of(rows: PlanRows) -> list[tuple[str, list[str]]]:
    t = rows.tables
    return [("plan", [rows.plan["uid"]]), ("section", [r[1] for r in t["section"]]),
            ("footnote", [r[0] for r in t["footnote"]]),
            ("key_task", [r[0] for r in t["key_task"]]),
            ("indicator_group", [r[1] for r in t["indicator_group"]]),
            ("indicator", [r[1] for r in t["indicator"]]),
            ("appendix", [r[0] for r in t["appendix"]])]


def _check_uids_free(cursor: sqlite3.Cursor, rows: PlanRows, label: str,
                     exclude_plan: int | None = None) -> None:
    """Refuse identifiers that belong to another stored plan (a copied file).

    Identifiers are unique in the whole database; without this check such a
    file would fail on a UNIQUE constraint instead of with a message.  Rows of
    the plan ``exclude_plan`` (the one being written) do not count.
    """
    for table, uids in _uids_of(rows):
        owner = "id" if table == "plan" else "plan_id"
        for start in range(0, len(uids), 500):
            chunk = uids[start:start + 500]
            taken = cursor.execute(
                f"SELECT uid FROM {table} WHERE uid IN ({', '.join('?' * len(chunk))}) "
                f"AND {owner} IS NOT ? LIMIT 1", (*chunk, exclude_plan)).fetchone()
            if taken is not None:
                raise InterchangeError(MSG_INCONSISTENT, path=label,
                                       detail=WardPlanError(MSG_UID_TAKEN, uid=taken[0]))


def value_row(year: int, period: str, value: Value) -> IndicatorValue:
    from ..storage.schema import IndicatorValue

    return IndicatorValue(
        year=year, period=period, text=value.text, kind=value.kind.value, value=value.value,
        low=value.low, high=value.high, numerator=value.numerator,
        denominator=value.denominator, unit=value.unit, base=value.base,
        base_year=value.base_year,
    )


def value_of(row: IndicatorValue) -> Value:
    return Value(
        ValueKind(row.kind), row.text, value=row.value, low=row.low, high=row.high,
        numerator=row.numerator, denominator=row.denominator, unit=row.unit, base=row.base,
        base_year=row.base_year,
    )


# --------------------------------------------------------------------------- writing


def _decimal_entry(stored: str | Decimal) -> str:
    """A stored decimal (its column's text, or as the ORM reads it) as a plan file has it."""
    return format(Decimal(stored), "f")


def _children(rows: list[tuple[Any, ...]], parent: int) -> dict[int | None, list[Any]]:
    """Rows (ordered by position) by the id in their column ``parent``."""
    out: dict[int | None, list[Any]] = {}
    for row in rows:
        out.setdefault(row[parent], []).append(row)
    return out


_UNIT_READ = ("unit.code, unit.name, unit.level, unit.place_name, unit.issuing_body, "
              "unit.parent_body, upper.code, upper.name, upper.level")
_UPPER_JOIN = "LEFT JOIN unit AS upper ON upper.id = unit.upper_id"
_PLAN_READ = (
    "SELECT plan.id, plan.uid, plan.kind, plan.year, plan.revision, plan.status, "
    "plan.issuing_body, plan.parent_body, plan.number, plan.symbol, plan.place, plan.date_day, "
    "plan.date_month, plan.date_year, plan.title, plan.heading_lines, plan.preamble, "
    "plan.closing, plan.sign_authority, plan.sign_authority_body, plan.sign_position, "
    f"plan.signer, plan.receipt_id, {_UNIT_READ} FROM plan JOIN unit ON unit.id = plan.unit_id "
    f"{_UPPER_JOIN} "
    "WHERE plan.")


def _unit_entry(u: tuple[Any, ...]) -> dict[str, Any]:
    """A plan file's unit from the columns of :data:`_UNIT_READ`."""
    return {"code": u[0], "name": u[1], "level": u[2], "place_name": u[3],
            "issuing_body": _split(u[4]), "parent_body": u[5],
            "upper": {"code": u[6], "name": u[7], "level": u[8]} if u[6] is not None else None}


def unit_data(db: sqlite3.Connection | sqlite3.Cursor, code: str) -> dict[str, Any] | None:
    """A stored unit as a plan file's ``unit``; None where there is no such unit."""
    row = db.execute(f"SELECT {_UNIT_READ} FROM unit {_UPPER_JOIN} WHERE unit.code = ?",
                     (code,)).fetchone()
    return None if row is None else _unit_entry(row)


def plan_data(db: sqlite3.Connection | sqlite3.Cursor, *, uid: str | None = None,
              plan_id: int | None = None) -> dict[str, Any] | None:
    """The whole stored plan (by ``uid`` or ``plan_id``) as plan-file data, the inverse
    of :func:`store_plan`; None where there is no such plan.

    Read from the rows, a query per table, through a driver connection or cursor
    (no ORM): the window shows a plan this way before the ORM is loaded.  Run it
    inside one read transaction, so that every table is read at the same moment.
    """
    key, arg = ("uid", uid) if uid is not None else ("id", plan_id)
    p = db.execute(f"{_PLAN_READ}{key} = ?", (arg,)).fetchone()
    if p is None:
        return None
    pid = p[0]

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return db.execute(sql, (pid,)).fetchall()

    text = _received_text(db, p) if p[22] is not None else {
        table: rows(f"SELECT {', '.join(columns)} FROM {table} WHERE plan_id = ? "
                    "ORDER BY position, id")
        for table, columns in _TEXT_READ.items()}
    indicators = _children(rows(
        "SELECT id, parent_id, uid, label, name, unit, direction, set_by, catalogue_code, "
        "row_style, note, group_id FROM indicator WHERE plan_id = ? ORDER BY position, id"), 1)
    values: dict[int, list[tuple[Any, ...]]] = {}
    for v in sorted(rows(
            "SELECT v.indicator_id, v.year, v.period, v.text, v.kind, v.value, v.low, v.high, "
            "v.numerator, v.denominator, v.unit, v.base, v.base_year FROM indicator_value AS v "
            "JOIN indicator ON indicator.id = v.indicator_id WHERE indicator.plan_id = ? "
            "ORDER BY v.id"), key=lambda v: (v[1], _PERIOD_ORDER[v[2]])):
        values.setdefault(v[0], []).append(v)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {
            "uid": p[1],
            "kind": p[2],
            "year": p[3],
            "revision": p[4],
            "status": p[5],
            "unit": _unit_entry(p[23:]),
            "issuing_body": _split(p[6]),
            "parent_body": p[7],
            "number": p[8],
            "symbol": p[9],
            "place": p[10],
            "date": {"day": p[11], "month": p[12], "year": p[13]},
            "title": p[14],
            "heading_lines": _split(p[15]),
            "legal_bases": [t for t, in text["legal_basis"]],
            "preamble": _split(p[16]),
            "sections": _section_dicts(_children(text["section"], 1), None),
            "closing": _split(p[17]),
            "footnotes": [{"uid": u, "key": k, "text": t} for u, k, t in text["footnote"]],
            "recipients": [{"name": n, "purpose": r} for n, r in text["recipient"]],
            "signature": {
                "authority": p[18],
                "authority_body": p[19],
                "position": p[20],
                "signer": p[21],
            },
            "key_tasks": [
                {"uid": u, "label": label, "field": f, "task": t, "result": r}
                for u, label, f, t, r in text["key_task"]
            ],
            "indicator_groups": [
                {"uid": u, "field": f, "label": label, "title": t,
                 "indicators": _indicator_dicts(indicators, values, None, gid)}
                for gid, u, f, label, t in rows(
                    "SELECT id, uid, field, label, title FROM indicator_group WHERE plan_id = ? "
                    "ORDER BY position, id")
            ],
            "appendices": [
                {"uid": u, "kind": k, "label": label, "title": t, "caption": c,
                 "landscape": bool(landscape), "columns": json.loads(columns)}
                for u, k, label, t, c, landscape, columns in text["appendix"]
            ],
        },
    }


#: The columns :func:`plan_data` reads of each table of :data:`TEXT_TABLES`; and where
#: each is in a row of :class:`PlanRows` (sections: ``id`` and ``parent_id`` are the
#: plan's own numbers there).
_TEXT_READ: dict[str, tuple[str, ...]] = {
    "legal_basis": ("text",),
    "recipient": ("name", "purpose"),
    "footnote": ("uid", "key", "text"),
    "key_task": ("uid", "label", "field", "task", "result"),
    "appendix": ("uid", "kind", "label", "title", "caption", "landscape", "columns"),
    "section": ("id", "parent_id", "uid", "kind", "label", "text", "part", "field", "role",
                "emphasis"),
}
_TEXT_PLACES = {table: [[c for c in _CHILD_COLUMNS[table] if c != "plan_id"].index(column)
                        for column in columns]
                for table, columns in _TEXT_READ.items()}


def _received_text(db: sqlite3.Connection | sqlite3.Cursor,
                   p: tuple[Any, ...]) -> dict[str, list[tuple[Any, ...]]]:
    """The text of a plan held as received (``p``: its :data:`_PLAN_READ` row), as
    :func:`plan_data` reads it of rows: from the plan file its receipt keeps.

    The file is the one received exactly when its content hash is the receipt's; then
    it was checked completely on arrival, and is only parsed and normalised here (a
    second verdict, by a later program, could disown what was accepted).  Otherwise
    it was changed by other means since, and is refused, never shown.  Items without
    an identifier in the file get the same one at every reading (made of the file's
    hash and their order).
    """
    from ..sync.package import content_hash  # not at the program's start

    row = db.execute("SELECT payload, payload_deflated, content_hash, revision FROM "
                     "sync_receipt WHERE id = ?", (p[22],)).fetchone()
    try:
        if row is None:
            raise ValueError("no receipt")
        raw = plan_file_of(row[0], row[1])
        if content_hash(raw) != row[2]:
            raise ValueError("not the file received")
        data = json.loads(raw.decode("utf-8-sig"))
        _normalise(data)
        order = itertools.count()
        tables = _text_rows(data["plan"], lambda: str(uuid.uuid5(
            _RECEIVED_UIDS, f"{row[2]}/{next(order)}")))
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InterchangeError(MSG_RECEIVED_DAMAGED, code=p[23], year=p[3],
                               revision=row[3] if row else p[4]) from exc
    return {table: [tuple(r[i] for i in places) for r in tables[table]]
            for table, places in _TEXT_PLACES.items()}


#: The namespace of the identifiers :func:`_received_text` gives items that have none.
_RECEIVED_UIDS = uuid.UUID("6f1d3c52-2b7e-4d0a-9a55-0c7e3b8f4a11")


def _section_dicts(tree: dict[int | None, list[Any]], parent: int | None) -> list[dict[str, Any]]:
    return [{"uid": s[2], "kind": s[3], "label": s[4], "text": s[5], "part": s[6],
             "field": s[7], "role": s[8], "emphasis": s[9],
             "children": _section_dicts(tree, s[0])} for s in tree.get(parent, [])]


def _indicator_dicts(tree: dict[int | None, list[Any]], values: dict[int, list[Any]],
                     parent: int | None, group: int | None = None) -> list[dict[str, Any]]:
    return [{"uid": n[2], "label": n[3], "name": n[4], "unit": n[5], "direction": n[6],
             "set_by": n[7], "catalogue_code": n[8], "row_style": n[9], "note": n[10],
             "values": [_value_entry(v) for v in values.get(n[0], [])],
             "children": _indicator_dicts(tree, values, n[0])}
            for n in tree.get(parent, []) if group is None or n[11] == group]


def value_entry_of(row: IndicatorValue) -> dict[str, Any]:
    """A mapped value row as a plan file's value entry."""
    return _value_entry((row.indicator_id, row.year, row.period, row.text, row.kind, row.value,
                         row.low, row.high, row.numerator, row.denominator, row.unit, row.base,
                         row.base_year))


def _value_entry(v: tuple[Any, ...]) -> dict[str, Any]:
    """A stored value row (as :func:`plan_data` reads it) as a plan file's value entry."""
    _indicator, year, period, text, kind = v[:5]
    entry: dict[str, Any] = {"year": year, "period": period, "text": text, "kind": kind}
    for key, stored in zip(_DECIMAL_KEYS, v[5:10], strict=True):
        if stored is not None:
            entry[key] = _decimal_entry(stored)
    if v[10]:
        entry["unit"] = v[10]
    if kind == ValueKind.CHANGE:
        entry["base"] = v[11]
        entry["base_year"] = v[12]
    return entry


def dump_plan(data: dict[str, Any]) -> bytes:
    """Canonical bytes of plan-file data: UTF-8, sorted nowhere, 2-space indent."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomically(path: Path, payload: bytes) -> None:
    """Write to a temporary file beside ``path`` and move it into place.

    A failure (full disk, no permission) leaves no half-written file behind.
    """
    path = Path(path)
    tmp_name = None
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Replacing a device, a folder or a link would destroy it rather than write to it.
        raise InterchangeError(MSG_CANNOT_WRITE_FILE, path=str(path),
                               detail=WardPlanError(MSG_NOT_A_REGULAR_FILE))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                        dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a document is an ordinary file: keep the
        # permissions of the file it replaces, or the usual ones.
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            mode = 0o644
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise InterchangeError(
            MSG_CANNOT_WRITE_FILE, path=str(path), detail=describe_os_error(exc)
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
