"""What a plan should hold after a sequence of edits, worked out without the database.

The kill-during-edits trial describes every edit as a JSON list (an "op"), the
same description in the child program that performs the edit and in the test that
checks the database afterwards.  This module turns a plan (as ``export_plan``
gives it) into a plain model of what the clerk edits, applies ops to that model
exactly as ``core/editing.py`` applies them to the database, and compares models
item by item.  Plain JSON data and the standard library only: the child program
imports it too.

Ops:

- ``["field", entity, uid, name, value]``: ``set_field`` (``uid`` is the unit's code
  for ``entity == "unit"``); ``value`` as stored (already tidy);
- ``["date", plan_uid, day, month, year]``: ``set_date``;
- ``["list", plan_uid, "legal_bases" | "recipients", items]``: ``set_list``;
- ``["value", indicator_uid, year, period, given, expected]``: ``set_value``;
  ``given`` is ``{"typed": text}`` or ``{"snapshot": history snapshot}`` or None
  (clear), ``expected`` the stored ``[text, kind]`` or None;
- ``["insert", entity, data, place]``: ``insert`` of an item in plan-file form (with
  its uid, children and values);
- ``["remove", entity, uid]`` and ``["move", entity, uid, place]``.

A place is ``[parent_uid, position, group_uid]`` as :class:`editing.Place`.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

PLAN_FIELDS = ("title", "number", "symbol", "place", "signer", "sign_position",
               "sign_authority_body", "preamble", "closing", "heading_lines")
LINES = ("preamble", "closing", "heading_lines")
NODE_FIELDS = {
    "section": ("kind", "label", "text", "emphasis"),
    "indicator": ("label", "name", "unit", "note"),
    "key_task": ("label", "task", "result"),
    "footnote": ("key", "text"),
}
TREES = ("section", "indicator")
TOP = "-"  # the container id of items at the top of a plan (not under a parent or group)


class Refused(Exception):
    """The program would refuse this op (and change nothing)."""


# --------------------------------------------------------------------------- projection


def node(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """An item in plan-file form (export or removal snapshot) as a model node.

    Defaults are those of ``editing._build`` for fields a new item leaves out.
    """
    defaults = {"kind": "paragraph", "label": "", "text": "", "emphasis": "none",
                "unit": "", "note": "", "task": "", "result": "", "key": ""}
    if entity == "indicator":
        defaults["label"] = None
    out: dict[str, Any] = {"uid": data["uid"]}
    for name in NODE_FIELDS[entity]:
        out[name] = data.get(name, defaults.get(name))
    if entity == "indicator":
        out["values"] = {f"{v['year']}/{v['period']}": [v["text"], v["kind"]]
                         for v in data.get("values", [])}
    if entity in TREES:
        out["children"] = [node(entity, c) for c in data.get("children", [])]
    return out


def project(plan: dict[str, Any]) -> dict[str, Any]:
    """The model of a plan, from ``service.export_plan(...)["plan"]``."""
    signature = plan["signature"]
    fields = {name: plan.get(name) for name in ("title", "number", "symbol", "place")}
    fields.update(signer=signature["signer"], sign_position=signature["position"],
                  sign_authority_body=signature["authority_body"])
    fields.update({name: "\n".join(plan[name]) for name in LINES})
    date = plan["date"]
    return {
        "plan": fields,
        "unit": {"name": plan["unit"]["name"]},
        "date": [date["day"], date["month"], date["year"]],
        "legal_bases": list(plan["legal_bases"]),
        "recipients": [[r["name"], r["purpose"]] for r in plan["recipients"]],
        "sections": [node("section", s) for s in plan["sections"]],
        "groups": [{"uid": g["uid"], "indicators": [node("indicator", i)
                                                    for i in g["indicators"]]}
                   for g in plan["indicator_groups"]],
        "key_tasks": [node("key_task", t) for t in plan["key_tasks"]],
        "footnotes": [node("footnote", f) for f in plan["footnotes"]],
    }


def digest(model: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(model, sort_keys=True).encode()).hexdigest()


# --------------------------------------------------------------------------- finding items


def containers(model: dict[str, Any], entity: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every list of sibling items of a kind, with its container id, parents first."""
    if entity in ("key_task", "footnote"):
        return [(TOP, model[entity + "s"])]
    tops = [(TOP, model["sections"])] if entity == "section" else \
        [(g["uid"], g["indicators"]) for g in model["groups"]]
    out = []

    def visit(owner: str, items: list[dict[str, Any]]) -> None:
        out.append((owner, items))
        for item in items:
            visit(item["uid"], item["children"])

    for owner, items in tops:
        visit(owner, items)
    return out


def items(model: dict[str, Any], entity: str) -> list[dict[str, Any]]:
    """Every item of a kind, parents before their children."""
    return [item for _, siblings in containers(model, entity) for item in siblings]


def locate(model: dict[str, Any], entity: str,
           uid: str) -> tuple[str, list[dict[str, Any]], int] | None:
    """Where an item is: its container id, its siblings and its index; None if absent."""
    for owner, siblings in containers(model, entity):
        for i, item in enumerate(siblings):
            if item["uid"] == uid:
                return owner, siblings, i
    return None


def find(model: dict[str, Any], entity: str, uid: str) -> dict[str, Any]:
    found = locate(model, entity, uid)
    if found is None:
        raise Refused(f"no {entity} {uid}")
    owner, siblings, i = found
    return siblings[i]


def subtree_uids(item: dict[str, Any]) -> set[str]:
    out = {item["uid"]}
    for child in item.get("children", []):
        out |= subtree_uids(child)
    return out


def _target(model: dict[str, Any], entity: str, place: list[Any]) -> list[dict[str, Any]]:
    parent_uid, _, group_uid = place
    if entity in ("key_task", "footnote"):
        return model[entity + "s"]
    if parent_uid:
        return find(model, entity, parent_uid)["children"]
    if entity == "section":
        return model["sections"]
    group = next((g for g in model["groups"] if g["uid"] == group_uid), None)
    if group is None:
        raise Refused(f"no indicator group {group_uid}")
    return group["indicators"]


def _slot(siblings: list[dict[str, Any]], item: dict[str, Any], position: int) -> None:
    siblings.insert(max(0, min(position, len(siblings))), item)


# --------------------------------------------------------------------------- applying ops


def apply(model: dict[str, Any], op: list[Any]) -> None:
    """Apply an op to ``model`` in place; :class:`Refused` (and no change) when the
    program would refuse it."""
    kind = op[0]
    if kind == "field":
        _, entity, uid, name, value = op
        if value is None and (entity, name) != ("indicator", "label"):
            value = ""  # set_field stores no value as "", but an indicator's missing label
            # stays missing (the row is then numbered in print)
        if entity == "plan":
            if name not in PLAN_FIELDS:
                raise Refused(f"plan field {name} is not modelled")
            model["plan"][name] = value
        elif entity == "unit":
            model["unit"][name] = value
        else:
            find(model, entity, uid)[name] = value
    elif kind == "date":
        model["date"] = list(op[2:5])
    elif kind == "list":
        _, _, which, new = op
        model[which] = [list(x) for x in new] if which == "recipients" else list(new)
    elif kind == "value":
        _, uid, year, period, _, expected = op
        values = find(model, "indicator", uid)["values"]
        if expected is None:
            values.pop(f"{year}/{period}", None)
        else:
            values[f"{year}/{period}"] = list(expected)
    elif kind == "insert":
        _, entity, data, place = op
        item = node(entity, data)
        taken = {x["uid"] for x in items(model, entity)}
        if subtree_uids(item) & taken:
            raise Refused("an identifier is taken")
        if entity == "footnote" and any(f["key"] == item["key"] for f in model["footnotes"]):
            raise Refused("the footnote key is taken")
        _slot(_target(model, entity, place), item, place[1])
    elif kind == "remove":
        _, entity, uid = op
        owner, siblings, i = locate(model, entity, uid) or _absent(entity, uid)
        del siblings[i]
    elif kind == "move":
        _, entity, uid, place = op
        owner, siblings, i = locate(model, entity, uid) or _absent(entity, uid)
        item = siblings[i]
        if place[0] and place[0] in subtree_uids(item):
            raise Refused("an item cannot be moved under itself")
        target = _target(model, entity, place)  # checked before anything moves
        del siblings[i]
        _slot(target, item, place[1])
    else:
        raise ValueError(f"unknown op {kind}")


def _absent(entity: str, uid: str) -> Any:
    raise Refused(f"no {entity} {uid}")


def applied(model: dict[str, Any], op: list[Any]) -> dict[str, Any] | None:
    """A copy of ``model`` with ``op`` applied; None when the program would refuse it."""
    out = copy.deepcopy(model)
    try:
        apply(out, op)
    except Refused:
        return None
    return out


# --------------------------------------------------------------------------- comparing


def touched(op: list[Any]) -> str:
    """The key (in :func:`flatten`) of the item an op edits."""
    kind = op[0]
    if kind in ("date", "list"):
        return "plan"
    if kind == "value":
        return f"indicator:{op[1]}"
    if kind == "field":
        return op[1] if op[1] in ("plan", "unit") else f"{op[1]}:{op[2]}"
    if kind == "insert":
        return f"{op[1]}:{op[2]['uid']}"
    return f"{op[1]}:{op[2]}"


def flatten(model: dict[str, Any]) -> dict[str, Any]:
    """Every item of the model under its own key, with where it sits (container, index):
    two models are equal exactly when their flattened forms are."""
    flat: dict[str, Any] = {
        "plan": {**model["plan"], "date": model["date"], "legal_bases": model["legal_bases"],
                 "recipients": model["recipients"]},
        "unit": model["unit"],
        "groups": [g["uid"] for g in model["groups"]],
    }
    for entity in NODE_FIELDS:
        for owner, siblings in containers(model, entity):
            for i, item in enumerate(siblings):
                state = {k: v for k, v in item.items() if k not in ("uid", "children")}
                flat[f"{entity}:{item['uid']}"] = {"at": [owner, i], **state}
    return flat


def state_of(model: dict[str, Any], key: str) -> Any:
    """The state of one item (as in :func:`flatten`); None when it does not exist."""
    return flatten(model).get(key)


def differing(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """The keys (in :func:`flatten`) of the items whose state differs between two models."""
    a, b = flatten(expected), flatten(found)
    return sorted(key for key in set(a) | set(b) if a.get(key) != b.get(key))


def differences(expected: dict[str, Any], found: dict[str, Any], limit: int = 8) -> list[str]:
    """Items whose state differs between two models, described for a failure message."""
    a, b = flatten(expected), flatten(found)
    out = [f"{key}: expected {_short(a.get(key))}, found {_short(b.get(key))}"
           for key in differing(expected, found)]
    if len(out) > limit:
        out = [*out[:limit], f"... and {len(out) - limit} more"]
    return out


def _short(state: Any) -> str:
    text = json.dumps(state, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 300 else text[:300] + "…"
