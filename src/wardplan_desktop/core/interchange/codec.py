"""Reading and writing the plan file (docs/interchange-format.md).

``read_plan_file`` checks a file completely (JSON, format, version, schema,
values, footnotes, identifiers) before anything is written; ``store_plan``
then writes the plan inside the caller's transaction, so an import either
lands whole or not at all.  ``plan_to_dict`` is the exact inverse: importing
what it produces and exporting again gives the same content.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

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
    InterchangeError,
    UnreadableValueError,
    WardPlanError,
    describe_os_error,
)
from ..numbers import normalize_text
from ..storage.schema import (
    Appendix,
    Footnote,
    Indicator,
    IndicatorGroup,
    IndicatorValue,
    KeyTask,
    LegalBasis,
    Plan,
    Recipient,
    Section,
    Unit,
    new_uid,
)
from ..values import Value, parse_value

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


@cache
def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("plan.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _fast_validator() -> Any:
    """A compiled validator of the same schema, about 25 times faster than jsonschema.

    It answers only "valid or not"; when a file is not, jsonschema (the reference
    implementation) finds the error to show, and has the last word.
    """
    compiled = fastjsonschema.compile({**schema(),
                                       "$schema": "http://json-schema.org/draft-07/schema#"})

    def valid(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid


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
    error = None if _fast_validator()(data) else jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise InterchangeError(MSG_SCHEMA, path=label, where=where, detail=error.message[:300])
    data = _normalise(data)
    _check_consistency(data["plan"], label)
    return data


def _normalise(obj: Any) -> Any:
    """NFC everywhere; line text trimmed of stray white space."""
    if isinstance(obj, str):
        return normalize_text(obj)
    if isinstance(obj, list):
        return [_normalise(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _normalise(v) for k, v in obj.items()}
    return obj


def _walk(nodes: list[dict[str, Any]], key: str = "children") -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get(key, []), key)


def _indicators(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for group in plan.get("indicator_groups", []):
        yield from _walk(group.get("indicators", []))


def _check_consistency(plan: dict[str, Any], label: str) -> None:
    def refuse(template: str, **params: Any) -> None:
        raise InterchangeError(MSG_INCONSISTENT, path=label,
                               detail=WardPlanError(template, **params))

    # Identifiers are unique within the file.
    seen: set[str] = set()
    owners = [plan, *_walk(plan.get("sections", [])), *plan.get("footnotes", []),
              *plan.get("key_tasks", []), *plan.get("indicator_groups", []),
              *_indicators(plan), *plan.get("appendices", [])]
    for owner in owners:
        uid = owner.get("uid")
        if uid is not None:
            if uid in seen:
                refuse(MSG_DUPLICATE_UID, uid=uid)
            seen.add(uid)

    # Every cited footnote exists and every footnote is cited exactly once.
    cited: list[str] = []
    for section in _walk(plan.get("sections", [])):
        cited.extend(_FOOTNOTE_MARK.findall(section["text"]))
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
    for indicator in _indicators(plan):
        slots: set[tuple[int, str]] = set()
        for entry in indicator.get("values", []):
            slot = (entry["year"], entry["period"])
            if slot in slots:
                refuse(MSG_DUPLICATE_VALUE, indicator=indicator["name"], year=slot[0],
                       period=slot[1])
            slots.add(slot)
            try:
                value_from_entry(entry)
            except WardPlanError as exc:
                raise InterchangeError(
                    MSG_BAD_VALUE_IN_FILE,
                    path=label,
                    indicator=indicator["name"],
                    year=entry["year"],
                    period=entry["period"],
                    detail=exc,
                ) from exc


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
    given = Value(
        ValueKind(kind),
        text,
        **{k: Decimal(entry[k]) for k in _DECIMAL_KEYS if k in entry},
        unit=entry.get("unit", ""),
        base=entry.get("base", ""),
        base_year=entry.get("base_year"),
    )
    _require_meaning(given)
    if given.kind in (ValueKind.UNREADABLE, ValueKind.QUALITATIVE):
        return given
    readings: list[Value] = []
    try:
        readings.append(parse_value(text))
    except AmbiguousNumberError:
        readings.extend(parse_value(text, style) for style in ("vi", "en"))
    except UnreadableValueError:
        return given  # words the reader does not know, with their meaning set by hand
    if not any(_same_meaning(given, r) for r in readings):
        raise InterchangeError(MSG_VALUE_MISMATCH, text=text)
    return given


def _require_meaning(v: Value) -> None:
    needed = {
        ValueKind.NUMBER: ("value",), ValueKind.AT_LEAST: ("value",),
        ValueKind.MORE_THAN: ("value",), ValueKind.AT_MOST: ("value",),
        ValueKind.LESS_THAN: ("value",), ValueKind.CHANGE: ("value",),
        ValueKind.RANGE: ("low", "high"), ValueKind.RATIO: ("numerator", "denominator"),
    }.get(v.kind, ())
    missing = [k for k in needed if getattr(v, k) is None]
    if missing:
        raise InterchangeError(MSG_VALUE_INCOMPLETE, text=v.text, missing=", ".join(missing))


def _same_meaning(a: Value, b: Value) -> bool:
    return a.kind == b.kind and all(getattr(a, k) == getattr(b, k) for k in _DECIMAL_KEYS)


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


def upsert_unit(session: Session, data: dict[str, Any]) -> Unit:
    """Find a unit by code, creating it, and bring its details up to date."""
    unit = session.scalar(select(Unit).where(Unit.code == data["code"]))
    if unit is None:
        unit = Unit(code=data["code"], name=data["name"], level=data.get("level", "ward"))
        session.add(unit)
    unit.name = data["name"]
    if "level" in data:
        unit.level = data["level"]
    if "place_name" in data:
        unit.place_name = data["place_name"]
    if "issuing_body" in data:
        unit.issuing_body = _lines(data["issuing_body"])
    if "parent_body" in data:
        unit.parent_body = data["parent_body"]
    if "upper" in data:
        unit.upper = upsert_unit(session, data["upper"]) if data["upper"] else None
    return unit


def store_plan(session: Session, data: dict[str, Any], label: str = "") -> Plan:
    """Write a checked plan (from :func:`read_plan_file`) into the session.

    A plan of the same unit, year and kind is replaced.  The caller's
    transaction makes the whole replacement atomic.  Identifiers that belong to
    another stored plan (a file copied from it) are refused, naming the file
    as ``label``.
    """
    p = data["plan"]
    unit = upsert_unit(session, p["unit"])
    session.flush()
    old = session.scalar(
        select(Plan).where(Plan.unit_id == unit.id, Plan.year == p["year"], Plan.kind == p["kind"])
    )
    if old is not None:
        session.delete(old)
        session.flush()
    _check_uids_free(session, p, label)
    date = p.get("date", {"year": p["year"] - 1})
    sig = p.get("signature", {})
    plan = Plan(
        uid=p.get("uid") or new_uid(),
        unit=unit,
        year=p["year"],
        kind=p["kind"],
        status=p.get("status", "draft"),
        revision=p.get("revision", 1),
        issuing_body=_lines(p.get("issuing_body", p["unit"].get("issuing_body", []))),
        parent_body=p.get("parent_body", ""),
        number=p.get("number", ""),
        symbol=p.get("symbol", ""),
        place=p.get("place", p["unit"].get("place_name", "")),
        date_day=date.get("day"),
        date_month=date.get("month"),
        date_year=date["year"],
        title=p["title"],
        heading_lines=_lines(p.get("heading_lines", [])),
        preamble=_lines(p.get("preamble", [])),
        closing=_lines(p.get("closing", [])),
        sign_authority=sig.get("authority", ""),
        sign_authority_body=sig.get("authority_body", ""),
        sign_position=sig.get("position", ""),
        signer=sig.get("signer", ""),
    )
    session.add(plan)
    session.flush()
    _bulk_store(session, plan.id, p)
    return plan


def _bulk_store(session: Session, plan_id: int, p: dict[str, Any]) -> None:
    """Insert the plan's rows table by table (executemany), not object by object.

    Row identifiers are allocated here so children can name their parents without a
    round trip per row; the caller's write transaction (begun IMMEDIATE) keeps them
    from being taken by anyone else meanwhile.  A plan of a few hundred rows is
    stored several times faster than through the unit of work.
    """
    def next_id(model: Any) -> Any:
        start = (session.scalar(select(func.max(model.id))) or 0) + 1
        return iter(range(start, start + 10**9))

    def put(model: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            session.execute(insert(model), rows)

    put(LegalBasis, [{"plan_id": plan_id, "position": i, "text": t}
                     for i, t in enumerate(p.get("legal_bases", []))])
    put(Recipient, [{"plan_id": plan_id, "position": i, "name": r["name"],
                     "purpose": r.get("purpose", "")}
                    for i, r in enumerate(p.get("recipients", []))])
    put(Footnote, [{"plan_id": plan_id, "uid": f.get("uid") or new_uid(), "position": i,
                    "key": f["key"], "text": f["text"]}
                   for i, f in enumerate(p.get("footnotes", []))])
    put(KeyTask, [{"plan_id": plan_id, "uid": t.get("uid") or new_uid(), "position": i,
                   "label": t.get("label", ""), "field": t.get("field"), "task": t["task"],
                   "result": t.get("result", "")}
                  for i, t in enumerate(p.get("key_tasks", []))])
    put(Appendix, [{"plan_id": plan_id, "uid": a.get("uid") or new_uid(), "position": i,
                    "kind": a["kind"], "label": a.get("label", ""), "title": a["title"],
                    "caption": a.get("caption", ""), "landscape": int(a.get("landscape", False)),
                    "columns": json.dumps(a["columns"], ensure_ascii=False)}
                   for i, a in enumerate(p.get("appendices", []))])

    section_ids = next_id(Section)
    sections: list[dict[str, Any]] = []

    def visit_sections(nodes: list[dict[str, Any]], parent: dict[str, Any] | None) -> None:
        for i, n in enumerate(nodes):
            row = {"id": next(section_ids), "plan_id": plan_id, "uid": n.get("uid") or new_uid(),
                   "parent_id": parent["id"] if parent else None, "position": i,
                   "kind": n["kind"], "label": n.get("label", ""), "text": n["text"],
                   "part": n.get("part", parent["part"] if parent else "other"),
                   "field": n.get("field", parent["field"] if parent else None),
                   "role": n.get("role", ""), "emphasis": n.get("emphasis", "none")}
            sections.append(row)
            visit_sections(n.get("children", []), row)

    visit_sections(p.get("sections", []), None)
    put(Section, sections)

    group_ids, indicator_ids = next_id(IndicatorGroup), next_id(Indicator)
    groups: list[dict[str, Any]] = []
    indicators: list[dict[str, Any]] = []
    values: list[dict[str, Any]] = []

    def visit_indicators(nodes: list[dict[str, Any]], group_id: int,
                         parent_id: int | None) -> None:
        for i, n in enumerate(nodes):
            row = {"id": next(indicator_ids), "plan_id": plan_id,
                   "uid": n.get("uid") or new_uid(), "group_id": group_id,
                   "parent_id": parent_id, "position": i, "label": n.get("label"),
                   "name": n["name"], "unit": n.get("unit", ""),
                   "direction": n.get("direction", "higher_better"),
                   "set_by": n.get("set_by", "ward"), "catalogue_code": n.get("catalogue_code"),
                   "row_style": n.get("row_style", "sub_item" if parent_id else "item"),
                   "note": n.get("note", "")}
            indicators.append(row)
            for entry in n.get("values", []):
                value = value_from_entry(entry)
                values.append({"indicator_id": row["id"], "year": entry["year"],
                               "period": entry["period"], "text": value.text,
                               "kind": value.kind.value, "value": value.value,
                               "low": value.low, "high": value.high,
                               "numerator": value.numerator, "denominator": value.denominator,
                               "unit": value.unit, "base": value.base,
                               "base_year": value.base_year})
            visit_indicators(n.get("children", []), group_id, row["id"])

    for i, g in enumerate(p.get("indicator_groups", [])):
        group = {"id": next(group_ids), "plan_id": plan_id, "uid": g.get("uid") or new_uid(),
                 "position": i, "field": g["field"], "label": g.get("label", ""),
                 "title": g["title"]}
        groups.append(group)
        visit_indicators(g.get("indicators", []), group["id"], None)
    put(IndicatorGroup, groups)
    put(Indicator, indicators)
    put(IndicatorValue, values)


def _check_uids_free(session: Session, p: dict[str, Any], label: str) -> None:
    """Refuse identifiers that belong to another stored plan (a copied file).

    Identifiers are unique in the whole database; without this check such a
    file would fail on a UNIQUE constraint instead of with a message.
    """
    owned: list[tuple[Any, list[dict[str, Any]]]] = [
        (Plan, [p]), (Section, list(_walk(p.get("sections", [])))),
        (Footnote, p.get("footnotes", [])), (KeyTask, p.get("key_tasks", [])),
        (IndicatorGroup, p.get("indicator_groups", [])), (Indicator, list(_indicators(p))),
        (Appendix, p.get("appendices", [])),
    ]
    for model, items in owned:
        uids = [item["uid"] for item in items if item.get("uid")]
        for start in range(0, len(uids), 500):
            taken = session.scalar(
                select(model.uid).where(model.uid.in_(uids[start:start + 500])).limit(1)
            )
            if taken is not None:
                raise InterchangeError(MSG_INCONSISTENT, path=label,
                                       detail=WardPlanError(MSG_UID_TAKEN, uid=taken))


def value_row(year: int, period: str, value: Value) -> IndicatorValue:
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


def _tree(rows: list[Any]) -> dict[int | None, list[Any]]:
    children: dict[int | None, list[Any]] = {}
    for row in sorted(rows, key=lambda r: r.position):
        children.setdefault(row.parent_id, []).append(row)
    return children


def _value_entry(row: IndicatorValue) -> dict[str, Any]:
    entry: dict[str, Any] = {"year": row.year, "period": row.period, "text": row.text,
                             "kind": row.kind}
    for key in _DECIMAL_KEYS:
        d = getattr(row, key)
        if d is not None:
            entry[key] = format(d, "f")
    if row.unit:
        entry["unit"] = row.unit
    if row.kind == ValueKind.CHANGE:
        entry["base"] = row.base
        entry["base_year"] = row.base_year
    return entry


def _unit_dict(unit: Unit) -> dict[str, Any]:
    return {
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "place_name": unit.place_name,
        "issuing_body": _split(unit.issuing_body),
        "parent_body": unit.parent_body,
        "upper": (
            {"code": unit.upper.code, "name": unit.upper.name, "level": unit.upper.level}
            if unit.upper
            else None
        ),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole plan as plan-file data (the inverse of :func:`store_plan`)."""
    sections = _tree(plan.sections)

    def section_dict(s: Section) -> dict[str, Any]:
        return {
            "uid": s.uid, "kind": s.kind, "label": s.label, "text": s.text, "part": s.part,
            "field": s.field, "role": s.role, "emphasis": s.emphasis,
            "children": [section_dict(c) for c in sections.get(s.id, [])],
        }

    indicators = _tree(plan.indicators)

    def indicator_dict(ind: Indicator) -> dict[str, Any]:
        values = sorted(ind.values, key=lambda v: (v.year, _PERIOD_ORDER[v.period]))
        return {
            "uid": ind.uid, "label": ind.label, "name": ind.name, "unit": ind.unit,
            "direction": ind.direction, "set_by": ind.set_by,
            "catalogue_code": ind.catalogue_code, "row_style": ind.row_style, "note": ind.note,
            "values": [_value_entry(v) for v in values],
            "children": [indicator_dict(c) for c in indicators.get(ind.id, [])],
        }

    top_indicators: dict[int, list[Indicator]] = {}
    for ind in indicators.get(None, []):
        top_indicators.setdefault(ind.group_id, []).append(ind)

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {
            "uid": plan.uid,
            "kind": plan.kind,
            "year": plan.year,
            "revision": plan.revision,
            "status": plan.status,
            "unit": _unit_dict(plan.unit),
            "issuing_body": _split(plan.issuing_body),
            "parent_body": plan.parent_body,
            "number": plan.number,
            "symbol": plan.symbol,
            "place": plan.place,
            "date": {"day": plan.date_day, "month": plan.date_month, "year": plan.date_year},
            "title": plan.title,
            "heading_lines": _split(plan.heading_lines),
            "legal_bases": [b.text for b in plan.legal_bases],
            "preamble": _split(plan.preamble),
            "sections": [section_dict(s) for s in sections.get(None, [])],
            "closing": _split(plan.closing),
            "footnotes": [{"uid": f.uid, "key": f.key, "text": f.text} for f in plan.footnotes],
            "recipients": [{"name": r.name, "purpose": r.purpose} for r in plan.recipients],
            "signature": {
                "authority": plan.sign_authority,
                "authority_body": plan.sign_authority_body,
                "position": plan.sign_position,
                "signer": plan.signer,
            },
            "key_tasks": [
                {"uid": t.uid, "label": t.label, "field": t.field, "task": t.task,
                 "result": t.result}
                for t in plan.key_tasks
            ],
            "indicator_groups": [
                {"uid": g.uid, "field": g.field, "label": g.label, "title": g.title,
                 "indicators": [indicator_dict(i) for i in top_indicators.get(g.id, [])]}
                for g in plan.indicator_groups
            ],
            "appendices": [
                {"uid": a.uid, "kind": a.kind, "label": a.label, "title": a.title,
                 "caption": a.caption, "landscape": bool(a.landscape),
                 "columns": json.loads(a.columns)}
                for a in plan.appendices
            ],
        },
    }


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
