"""Paths of the test fixtures and small helpers, importable from any test module."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wardplan_desktop.core import service
from wardplan_desktop.core.interchange import codec

if TYPE_CHECKING:
    from wardplan_desktop.core.storage.database import Database

#: The full run (``WARDPLAN_FULL=1 bash scripts/test.sh``): reliability trials at their
#: full counts (100 kills during edits, 10,000 mutated sync files) instead of the
#: smaller counts of an everyday run.
FULL = os.environ.get("WARDPLAN_FULL") == "1"

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.json"))
SEED_000 = FIXTURES / "seeds" / "000_0c8f4229b550f69e.json"  # P-LELOI plan 2024
SEED_002 = FIXTURES / "seeds" / "002_87a0f57def9f695c.json"  # P-LAITHIEU resolution 2024
SEED_003 = FIXTURES / "seeds" / "003_a5ef3e362a8e7281.json"  # P-MYPHU plan 2024


# --------------------------------------------------------------------------- plan files


def seed(path: Path = SEED_003) -> dict[str, Any]:
    """A plan file's data, fresh on every call (seed 003 unless told)."""
    return json.loads(path.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict[str, Any], name: str = "plan.json") -> Path:
    """``data`` as a plan file ``name`` in ``tmp_path``, written as an export would be."""
    path = tmp_path / name
    path.write_bytes(codec.dump_plan(data))
    return path


def strip_uids(obj: Any) -> Any:
    """A hand-written file: the same plan without any identifier."""
    if isinstance(obj, dict):
        return {k: strip_uids(v) for k, v in obj.items() if k != "uid"}
    if isinstance(obj, list):
        return [strip_uids(v) for v in obj]
    return obj


def walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every node of a tree (indicators, sections), parents before their children."""
    for node in nodes:
        yield node
        yield from walk(node.get("children", []))


def indicators(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every indicator of every table of a plan, in order."""
    for group in plan["indicator_groups"]:
        yield from walk(group["indicators"])


def all_strings(obj: Any) -> Iterator[str]:
    """Every string value in a JSON structure (keys left out)."""
    if isinstance(obj, dict):
        for v in obj.values():
            yield from all_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from all_strings(v)
    elif isinstance(obj, str):
        yield obj


# --------------------------------------------------------------------------- database


def state(db: Database) -> tuple[Any, ...]:
    """Everything a user could see: the plans, each plan's content and history."""
    plans = service.list_plans(db)
    return (
        plans,
        [service.export_plan(db, p.unit, p.year, p.kind) for p in plans],
        [service.plan_history(db, p.uid) for p in plans],
    )
