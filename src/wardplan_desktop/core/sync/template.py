"""The upper level's template: the indicators it requires, with the targets it assigns.

The upper level keeps its requirements for a year as a plan of its own unit
(indicator groups and indicators with their targets); ``make_template`` signs
them into a sync file of type ``template`` that also carries the upper level's
public receiving key (so wards can encrypt their files to it) and a deadline.

A ward imports it with ``apply_template``: each required indicator is found in
the ward's plan for that year (by catalogue code, else by name in the same
field) or added; it is marked as set by the upper level and its target becomes
the assigned one.  Nothing else of the ward's — its results, its own
indicators, its text — is touched.  The upper level's signing key is pinned on
the first template, like a ward's on the upper side.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import MSG_PLAN_NOT_FOUND, QT_TRANSLATE_NOOP, InputError, NotFoundError
from ..interchange import codec
from ..service import export_plan
from ..storage.database import Database
from ..storage.schema import Indicator, IndicatorGroup, IndicatorValue, Plan, Unit, new_uid
from .exchange import OWN_UNIT, ROLE, UPPER_BOX_KEY, UPPER_CODE, get_setting, set_setting
from .keys import Identity, b64, fingerprint, unb64
from .package import SyncError, read_package, write_package

TEMPLATE_FORMAT = "wardplan-template"
TEMPLATE_VERSION = 1
UPPER_SIGN_KEY = "upper_signing_key"
EVERY_UNIT = "*"

MSG_NOT_UPPER = QT_TRANSLATE_NOOP(
    "Errors", "Only an upper level's data folder makes templates; this one is not set up as "
    "an upper level.")
MSG_NO_REQUIREMENTS = QT_TRANSLATE_NOOP(
    "Errors", "There is no plan of {unit} for {year} to take the required indicators from. "
    "Import the upper level's own list of indicators for {year} first.")
MSG_NOT_A_TEMPLATE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a template from an upper level.")
MSG_UPPER_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is an upper level's; templates are imported in a ward's data "
    "folder.")
MSG_NO_WARD_PLAN = QT_TRANSLATE_NOOP(
    "Errors", "No unit in this data folder reports to {upper} ({code}); import or create the "
    "ward's plan first.")
MSG_UPPER_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "The template {path} is signed with key {found}, but {code} is known here by "
    "key {pinned}. It may not come from {code}; an officer must confirm the new key "
    "explicitly.")
MSG_BAD_TEMPLATE = QT_TRANSLATE_NOOP(
    "Errors", "The template {path} cannot be used: {detail}.")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def make_template(db: Database, identity: Identity, year: int,
                  deadline: str | None = None) -> bytes:
    """The signed template of an upper level for ``year``, from its own plan's indicators."""
    with db.session(write=False) as session:
        role, own = get_setting(session, ROLE), get_setting(session, OWN_UNIT)
    if role != "upper" or not own:
        raise InputError(MSG_NOT_UPPER)
    try:
        plan = export_plan(db, own, year)["plan"]
    except NotFoundError as exc:
        raise InputError(MSG_NO_REQUIREMENTS, unit=own, year=year) from exc
    if not plan["indicator_groups"]:
        raise InputError(MSG_NO_REQUIREMENTS, unit=own, year=year)
    if deadline:
        # The consolidation reads it to tell late plans from those sent on time.
        with db.session() as session:
            set_setting(session, f"deadline:{year}", deadline)

    def indicator(node: dict[str, Any]) -> dict[str, Any]:
        target = next((v for v in node["values"]
                       if v["year"] == year and v["period"] == "target"), None)
        return {"name": node["name"], "unit": node["unit"], "direction": node["direction"],
                "catalogue_code": node["catalogue_code"], "row_style": node["row_style"],
                "targets": {EVERY_UNIT: target} if target else {},
                "children": [indicator(c) for c in node["children"]]}

    body = {
        "format": TEMPLATE_FORMAT, "format_version": TEMPLATE_VERSION,
        "upper": plan["unit"] | {"upper": None}, "year": year, "deadline": deadline,
        "receiving_key": b64(identity.receiving_public_key),
        "indicator_groups": [{"field": g["field"], "label": g["label"], "title": g["title"],
                              "indicators": [indicator(i) for i in g["indicators"]]}
                             for g in plan["indicator_groups"]],
    }
    payload = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    upper = plan["unit"]
    manifest = {
        "type": "template",
        "sender": {"code": upper["code"], "name": upper["name"], "level": upper["level"]},
        "receiver": {"code": EVERY_UNIT, "name": "*"},
        "year": year, "kind": "plan", "revision": plan["revision"],
        "created": f"{year - 1}-01-01T00:00:00+00:00", "program_version": __version__,
    }
    return write_package(identity, manifest, payload)


@dataclass(frozen=True)
class TemplateResult:
    unit: str
    year: int
    added: int
    updated: int
    deadline: str | None
    upper_fingerprint: str


def _check_template(payload: bytes, label: str) -> dict[str, Any]:
    try:
        body = json.loads(payload.decode("utf-8"))
        assert body["format"] == TEMPLATE_FORMAT
        assert body["format_version"] <= TEMPLATE_VERSION
        assert isinstance(body["year"], int) and isinstance(body["indicator_groups"], list)
        unb64(body["receiving_key"])
        for group in body["indicator_groups"]:
            assert group["field"] in ("economy", "culture_society", "defence_security",
                                      "government")
            _walk_check(group["indicators"])
    except (AssertionError, KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise SyncError(MSG_BAD_TEMPLATE, path=label, detail=type(exc).__name__) from exc
    return body


def _walk_check(nodes: Any) -> None:
    assert isinstance(nodes, list)
    for node in nodes:
        assert isinstance(node["name"], str) and node["name"].strip()
        assert node.get("direction", "higher_better") in ("higher_better", "lower_better",
                                                          "keep")
        for target in node.get("targets", {}).values():
            assert isinstance(target["text"], str)
        _walk_check(node.get("children", []))


def apply_template(db: Database, raw: bytes, label: str, *,
                   repin: bool = False) -> TemplateResult:
    """Bring the ward's plan for the template's year in line with what the upper level requires."""
    package = read_package(raw, label)
    if package.manifest["type"] != "template":
        raise SyncError(MSG_NOT_A_TEMPLATE, path=label)
    body = _check_template(package.payload, label)
    upper = body["upper"]
    year = body["year"]
    with db.session() as session:
        if get_setting(session, ROLE) == "upper":
            raise SyncError(MSG_UPPER_FOLDER)
        unit = _ward_unit(session, upper["code"])
        if unit is None:
            raise SyncError(MSG_NO_WARD_PLAN, upper=upper["name"], code=upper["code"])
        pinned = get_setting(session, UPPER_SIGN_KEY)
        if pinned and unb64(pinned) != package.sender_key and not repin:
            raise SyncError(MSG_UPPER_KEY_CHANGED, path=label, code=upper["code"],
                            found=package.sender_fingerprint, pinned=fingerprint(unb64(pinned)))
        set_setting(session, ROLE, "ward")
        set_setting(session, OWN_UNIT, unit.code)
        set_setting(session, UPPER_SIGN_KEY, b64(package.sender_key))
        set_setting(session, UPPER_BOX_KEY, body["receiving_key"])
        set_setting(session, UPPER_CODE, upper["code"])
        if body.get("deadline"):
            set_setting(session, f"deadline:{year}", body["deadline"])
        plan = session.scalar(select(Plan).where(Plan.unit_id == unit.id, Plan.year == year,
                                                 Plan.kind == "plan"))
        if plan is None:
            raise NotFoundError(MSG_PLAN_NOT_FOUND, unit=unit.code, year=year, kind="plan")
        added, updated = _merge(session, plan, unit.code, body)
        return TemplateResult(unit.code, year, added, updated, body.get("deadline"),
                              package.sender_fingerprint)


def _ward_unit(session: Session, upper_code: str) -> Unit | None:
    own = get_setting(session, OWN_UNIT)
    if own:
        return session.scalar(select(Unit).where(Unit.code == own))
    candidates = session.scalars(
        select(Unit).join(Plan, Plan.unit_id == Unit.id).distinct()).all()
    matching = [u for u in candidates if u.upper is not None and u.upper.code == upper_code]
    return matching[0] if len(matching) == 1 else None


def _merge(session: Session, plan: Plan, unit_code: str, body: dict[str, Any]) -> tuple[int, int]:
    year = body["year"]
    added = updated = 0
    existing = list(plan.indicators)
    by_code = {i.catalogue_code: i for i in existing if i.catalogue_code}

    def find(node: dict[str, Any], field: str) -> Indicator | None:
        if node.get("catalogue_code") and node["catalogue_code"] in by_code:
            return by_code[node["catalogue_code"]]
        name = _norm(node["name"])
        return next((i for i in existing if _norm(i.name) == name and i.group.field == field),
                    None)

    def group_for(spec: dict[str, Any]) -> IndicatorGroup:
        group = next((g for g in plan.indicator_groups if g.field == spec["field"]), None)
        if group is None:
            group = IndicatorGroup(uid=new_uid(), position=len(plan.indicator_groups),
                                   field=spec["field"], label=spec.get("label", ""),
                                   title=spec.get("title", ""))
            plan.indicator_groups.append(group)
        return group

    def visit(nodes: list[dict[str, Any]], spec: dict[str, Any],
              parent: Indicator | None) -> None:
        nonlocal added, updated
        for node in nodes:
            found = find(node, spec["field"])
            if found is None:
                group = group_for(spec)
                siblings = [i for i in plan.indicators
                            if i.group is group and i.parent is parent]
                found = Indicator(uid=new_uid(), group=group, parent=parent,
                                  position=len(siblings), label=None, name=node["name"],
                                  unit=node.get("unit", ""),
                                  direction=node.get("direction", "higher_better"),
                                  set_by="upper", catalogue_code=node.get("catalogue_code"),
                                  row_style=node.get("row_style", "item"), note="")
                plan.indicators.append(found)
                added += 1
            else:
                updated += 1
            found.set_by = "upper"
            if node.get("catalogue_code") and not found.catalogue_code:
                found.catalogue_code = node["catalogue_code"]
            targets = node.get("targets", {})
            target = targets.get(unit_code) or targets.get(EVERY_UNIT)
            if target is not None:
                _set_target(found, year, codec.value_from_entry(
                    {"year": year, "period": "target", **target}))
            visit(node.get("children", []), spec, found)

    for spec in body["indicator_groups"]:
        visit(spec["indicators"], spec, None)
    return added, updated


def _set_target(indicator: Indicator, year: int, value: Any) -> None:
    row = next((v for v in indicator.values if v.year == year and v.period == "target"), None)
    fresh: IndicatorValue = codec.value_row(year, "target", value)
    if row is None:
        indicator.values.append(fresh)
        return
    for key in ("text", "kind", "value", "low", "high", "numerator", "denominator", "unit",
                "base", "base_year"):
        setattr(row, key, getattr(fresh, key))

