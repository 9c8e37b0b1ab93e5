"""A new plan starts from the usual outline, with the unit's header and signature."""

from __future__ import annotations

import pytest

from support import SEED_003
from wardplan_desktop.core import service, skeleton
from wardplan_desktop.core.documents.layout import check_printable
from wardplan_desktop.core.errors import InputError, NotFoundError
from wardplan_desktop.core.storage.database import Database


def test_new_plan_has_the_outline_and_the_units_header(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    summary = skeleton.new_plan(db, "P-MYPHU", 2026)
    assert (summary.year, summary.revision, summary.status) == (2026, 1, "draft")
    plan = service.export_plan(db, "P-MYPHU", 2026)["plan"]
    assert [s["label"] for s in plan["sections"]] == ["I.", "II.", "III.", "IV."]
    assert "NĂM 2025" in plan["sections"][0]["text"]
    fields = {c["field"] for s in plan["sections"] for c in s["children"] if c["field"]}
    assert fields == {"economy", "culture_society", "defence_security", "government"}
    assert [g["field"] for g in plan["indicator_groups"]] == [
        "economy", "culture_society", "defence_security", "government"]
    assert plan["signature"]["signer"] == "Nguyễn Văn Kiền"
    assert plan["date"] == {"day": None, "month": None, "year": 2025}
    check_printable(plan)  # printable as it is, before a word is written


def test_new_plan_is_refused_when_it_exists_or_the_unit_is_unknown(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    with pytest.raises(InputError):
        skeleton.new_plan(db, "P-MYPHU", 2024)
    with pytest.raises(NotFoundError):
        skeleton.new_plan(db, "NO-SUCH", 2026)
    assert len(service.list_plans(db)) == 1
