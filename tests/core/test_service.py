"""What callers do with plans: import, list, export, roll over, edit values, look back.

Each service function is one unit of work on a real database: it completes or
leaves everything as it was.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from support import SEED_000, SEED_002, SEED_003, indicators, seed, state, strip_uids, write
from wardplan_desktop.core import service
from wardplan_desktop.core.enums import ValueKind
from wardplan_desktop.core.errors import (
    MSG_PLAN_EXISTS,
    MSG_PLAN_NOT_FOUND,
    MSG_UNIT_NOT_FOUND,
    InputError,
    NotFoundError,
)
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.core.storage.schema import ChangeRecord, IndicatorValue, Plan
from wardplan_desktop.core.values import Value, parse_value

# --------------------------------------------------------------------------- helpers


def shape(plan: dict[str, Any]) -> list[Any]:
    """The indicator tables without identifiers and values: what a rollover copies."""

    def node(ind: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in ind.items() if k not in ("uid", "values", "children")} | {
            "children": [node(c) for c in ind["children"]]}

    return [{"field": g["field"], "label": g["label"], "title": g["title"],
             "indicators": [node(i) for i in g["indicators"]]}
            for g in plan["indicator_groups"]]


def all_uids(obj: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "uid":
                found.add(v)
            found |= all_uids(v)
    elif isinstance(obj, list):
        for v in obj:
            found |= all_uids(v)
    return found


MONEY = "Thu ngân sách"  # seed 003's first indicator: 9.949.000.000đ target for 2024


def money_uid(db: Database) -> str:
    plan = service.export_plan(db, "P-MYPHU", 2024)["plan"]
    return next(i["uid"] for i in indicators(plan) if i["name"] == MONEY)


def money_values(db: Database) -> list[dict[str, Any]]:
    plan = service.export_plan(db, "P-MYPHU", 2024)["plan"]
    return next(i["values"] for i in indicators(plan) if i["name"] == MONEY)


@pytest.fixture
def three(db: Database) -> Database:
    for path in (SEED_000, SEED_002, SEED_003):
        service.import_plan_file(db, path)
    return db


# --------------------------------------------------------------------------- list and export


def test_list_plans_summaries(three: Database) -> None:
    plans = service.list_plans(three)
    assert [(p.unit, p.unit_name, p.year, p.kind, p.revision, p.status) for p in plans] == [
        ("P-LAITHIEU", "Phường Lái Thiêu", 2024, "resolution", 1, "final"),
        ("P-LELOI", "Phường Lê Lợi", 2024, "plan", 1, "final"),
        ("P-MYPHU", "Phường Mỹ Phú", 2024, "plan", 1, "final"),
    ]
    assert [p.title for p in plans] == [
        "Kế hoạch phát triển kinh tế - xã hội năm 2024",
        "Phát triển kinh tế - xã hội năm 2024",
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
    ]
    assert [p.uid for p in plans] == [seed(SEED_002)["plan"]["uid"], seed(SEED_000)["plan"]["uid"],
                                      seed(SEED_003)["plan"]["uid"]]
    assert plans[0].as_json() == {"unit": "P-LAITHIEU", "year": 2024, "kind": "resolution",
                                  "revision": 1, "status": "final"}


def test_list_plans_of_an_empty_database(db: Database) -> None:
    assert service.list_plans(db) == []


def test_export_of_a_missing_plan_or_unit(three: Database) -> None:
    with pytest.raises(NotFoundError) as info:
        service.export_plan(three, "P-MYPHU", 2030)
    assert info.value.template == MSG_PLAN_NOT_FOUND
    with pytest.raises(NotFoundError) as info:
        service.export_plan(three, "P-MYPHU", 2024, "resolution")
    assert info.value.template == MSG_PLAN_NOT_FOUND
    with pytest.raises(NotFoundError) as info:
        service.export_plan(three, "P-NOWHERE", 2024)
    assert info.value.template == MSG_UNIT_NOT_FOUND


# --------------------------------------------------------------------------- import


def test_import_replaces_the_same_unit_year_and_kind(three: Database, tmp_path: Path) -> None:
    others = {(p.unit, p.kind): service.export_plan(three, p.unit, p.year, p.kind)
              for p in service.list_plans(three) if p.unit != "P-MYPHU"}
    data = seed(SEED_003)
    data["plan"]["title"] = "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024 (bổ sung)"
    data["plan"]["revision"] = 2
    data["plan"]["indicator_groups"] = data["plan"]["indicator_groups"][:1]
    data["plan"]["recipients"] = data["plan"]["recipients"][-1:]

    summary = service.import_plan_file(three, write(tmp_path, data))
    assert (summary.unit, summary.year, summary.kind, summary.revision) == (
        "P-MYPHU", 2024, "plan", 2)
    plans = service.list_plans(three)
    assert len(plans) == 3
    assert service.export_plan(three, "P-MYPHU", 2024) == data
    for p in plans:
        if p.unit != "P-MYPHU":
            assert service.export_plan(three, p.unit, p.year, p.kind) == others[(p.unit, p.kind)]


def test_import_of_another_kind_or_year_adds_a_plan(three: Database, tmp_path: Path) -> None:
    before = service.export_plan(three, "P-MYPHU", 2024)
    data = strip_uids(seed(SEED_003))
    data["plan"]["kind"] = "emulation"
    service.import_plan_file(three, write(tmp_path, data, "emulation.json"))
    data = strip_uids(seed(SEED_003))
    data["plan"]["year"] = 2025
    service.import_plan_file(three, write(tmp_path, data, "2025.json"))
    assert [(p.unit, p.year, p.kind) for p in service.list_plans(three)
            if p.unit == "P-MYPHU"] == [
        ("P-MYPHU", 2024, "emulation"), ("P-MYPHU", 2024, "plan"), ("P-MYPHU", 2025, "plan")]
    assert service.export_plan(three, "P-MYPHU", 2024) == before


def test_importing_the_same_file_twice_changes_nothing(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    exported = service.export_plan(db, "P-MYPHU", 2024)
    service.import_plan_file(db, SEED_003)
    assert service.export_plan(db, "P-MYPHU", 2024) == exported
    assert len(service.list_plans(db)) == 1


def test_import_records_one_history_entry_and_keeps_the_files_revision(
    db: Database, tmp_path: Path
) -> None:
    data = seed(SEED_003)
    data["plan"]["revision"] = 7
    summary = service.import_plan_file(db, write(tmp_path, data, "myphu-r7.json"))
    assert summary.revision == 7
    assert service.export_plan(db, "P-MYPHU", 2024)["plan"]["revision"] == 7
    [record] = service.plan_history(db, summary.uid)
    assert (record.action, record.entity, record.entity_uid, record.revision) == (
        "import", "plan", summary.uid, 7)
    assert record.new_value == "myphu-r7.json"
    assert record.old_value is None


def test_failed_import_leaves_everything_as_it_was(three: Database, tmp_path: Path) -> None:
    """A file that passes the checks but cannot be stored (another plan's identifiers)."""
    before = state(three)
    data = seed(SEED_003)
    data["plan"]["indicator_groups"][0]["uid"] = seed(SEED_000)["plan"]["indicator_groups"][0][
        "uid"]
    with pytest.raises(InputError):
        service.import_plan_file(three, write(tmp_path, data))
    assert state(three) == before  # the old plan of P-MYPHU was not deleted either


# --------------------------------------------------------------------------- rollover


def test_rollover_carries_the_plan_into_next_year(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    source = service.export_plan(db, "P-MYPHU", 2024)["plan"]

    summary = service.rollover(db, "P-MYPHU", 2024)
    assert (summary.unit, summary.year, summary.kind, summary.revision, summary.status) == (
        "P-MYPHU", 2025, "plan", 1, "draft")
    new = service.export_plan(db, "P-MYPHU", 2025)["plan"]

    assert new["title"] == "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025"
    assert (new["revision"], new["status"], new["number"]) == (1, "draft", "")
    assert new["date"] == {"day": None, "month": None, "year": 2024}
    for key in ("unit", "issuing_body", "parent_body", "symbol", "place", "heading_lines",
                "recipients", "signature"):
        assert new[key] == source[key], key
    # The text of the document is written afresh.
    assert (new["sections"], new["key_tasks"], new["footnotes"], new["legal_bases"]) == (
        [], [], [], [])
    # Indicators: the same tables, new identifiers, this year's values as the base.
    assert shape(new) == shape(source)
    assert all_uids(new).isdisjoint(all_uids(source))
    assert [i["values"] for i in indicators(new)] == [i["values"] for i in indicators(source)]
    money = next(i for i in indicators(new) if i["name"] == MONEY)
    assert money["values"] == [{"year": 2024, "period": "target", "text": "9.949.000.000đ",
                                "kind": "number", "value": "9949000000", "unit": "đ"}]
    # The default appendix of a new plan.
    [appendix] = new["appendices"]
    assert (appendix["kind"], appendix["label"], appendix["title"], appendix["landscape"]) == (
        "indicators", "PHỤ LỤC", "CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025", True)
    assert [(c["source"], c.get("year"), c.get("period")) for c in appendix["columns"]] == [
        ("label", None, None), ("name", None, None), ("unit", None, None),
        ("value", 2024, "target"), ("value", 2024, "estimate"),
        ("percent_of_plan", 2024, "estimate"), ("value", 2025, "target"), ("note", None, None)]
    # The source plan is untouched, and the new plan's history starts with the rollover.
    assert service.export_plan(db, "P-MYPHU", 2024)["plan"] == source
    [record] = service.plan_history(db, summary.uid)
    assert (record.action, record.revision) == ("rollover", 1)
    # The new plan is a valid plan file.
    codec.parse_plan_bytes(codec.dump_plan(service.export_plan(db, "P-MYPHU", 2025)), "x")


def test_rollover_moves_only_the_plan_year(db: Database, tmp_path: Path) -> None:
    data = seed(SEED_000)
    plan = data["plan"]
    plan["title"] = "Phát triển kinh tế - xã hội năm 2024, giai đoạn 2021-2025 (năm 2023 là gốc)"
    plan["indicator_groups"][0]["title"] = "CHỈ TIÊU VỀ KINH TẾ NĂM 2024"
    growth = plan["indicator_groups"][0]["indicators"][0]
    growth["values"] = [
        {"year": 2023, "period": "target", "text": "14,5 – 16,5"},
        {"year": 2023, "period": "estimate", "text": "15,2"},
        {"year": 2024, "period": "target", "text": "từ 15 - 17%"},
        {"year": 2024, "period": "six_months", "text": "7,9%"},
    ]
    service.import_plan_file(db, write(tmp_path, data))

    service.rollover(db, "P-LELOI", 2024)
    new = service.export_plan(db, "P-LELOI", 2025)["plan"]
    assert new["title"] == (
        "Phát triển kinh tế - xã hội năm 2025, giai đoạn 2021-2025 (năm 2023 là gốc)")
    assert new["indicator_groups"][0]["title"] == "CHỈ TIÊU VỀ KINH TẾ NĂM 2025"
    assert new["indicator_groups"][1]["title"] == "CHỈ TIÊU VỀ XÃ HỘI - MÔI TRƯỜNG"
    values = new["indicator_groups"][0]["indicators"][0]["values"]
    assert [(v["year"], v["period"], v["text"]) for v in values] == [
        (2024, "target", "từ 15 - 17%"), (2024, "six_months", "7,9%")]
    assert (values[0]["kind"], values[0]["low"], values[0]["high"]) == ("range", "15", "17")
    # Only year-2024 values are carried: the other indicators had 2023 values only.
    assert all(i["values"] == [] for i in indicators(new) if i is not
               new["indicator_groups"][0]["indicators"][0])
    # Recipients, signature and key-task-free body as described.
    assert new["recipients"] == plan["recipients"]
    assert new["signature"]["signer"] == "Lê Xuân Trường"
    assert new["key_tasks"] == []


def test_rollover_of_a_resolution_keeps_its_kind(db: Database) -> None:
    service.import_plan_file(db, SEED_002)
    summary = service.rollover(db, "P-LAITHIEU", 2024, "resolution")
    assert (summary.kind, summary.year) == ("resolution", 2025)
    new = service.export_plan(db, "P-LAITHIEU", 2025, "resolution")["plan"]
    assert new["heading_lines"] == ["HỘI ĐỒNG NHÂN DÂN PHƯỜNG LÁI THIÊU",
                                    "KHÓA XII - KỲ HỌP THỨ 8"]
    assert new["title"] == "Kế hoạch phát triển kinh tế - xã hội năm 2025"
    assert new["appendices"] == []  # no indicator tables, no indicator appendix


def test_rollover_refuses_an_existing_year_and_changes_nothing(
    three: Database, tmp_path: Path
) -> None:
    service.rollover(three, "P-MYPHU", 2024)
    before = state(three)
    with pytest.raises(InputError) as info:
        service.rollover(three, "P-MYPHU", 2024)
    assert info.value.template == MSG_PLAN_EXISTS
    assert "2025" in str(info.value) and "not overwritten" in str(info.value)
    assert state(three) == before

    # Also when the next year's plan came from a file.
    data = strip_uids(seed(SEED_000))
    data["plan"]["year"] = 2025
    service.import_plan_file(three, write(tmp_path, data))
    before = state(three)
    with pytest.raises(InputError):
        service.rollover(three, "P-LELOI", 2024)
    assert state(three) == before


def test_rollover_of_a_missing_plan(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    with pytest.raises(NotFoundError):
        service.rollover(db, "P-MYPHU", 2023)
    with pytest.raises(NotFoundError):
        service.rollover(db, "P-NOWHERE", 2024)
    assert len(service.list_plans(db)) == 1


# --------------------------------------------------------------------------- set_value


def snapshot(text: str, kind: str, **meaning: str) -> dict[str, str]:
    return {"text": text, "kind": kind} | meaning


def test_set_value_bumps_the_revision_once_per_call_and_records_history(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    uid = money_uid(db)

    assert service.set_value(db, uid, 2024, "target", parse_value("10.000.000.000đ")) == 2
    assert service.set_value(db, uid, 2024, "estimate", parse_value("9.800.000.000đ")) == 3
    assert service.set_value(db, uid, 2024, "final", parse_value("10.102.000.000 đ")) == 4
    assert service.list_plans(db)[0].revision == 4
    assert [(v["period"], v["text"]) for v in money_values(db)] == [
        ("target", "10.000.000.000đ"), ("estimate", "9.800.000.000đ"),
        ("final", "10.102.000.000 đ")]
    assert service.indicator_values(db, uid)[(2024, "final")].value == Decimal("10102000000")

    history = service.plan_history(db, summary.uid)
    assert [(c.revision, c.action, c.entity, c.entity_uid) for c in history] == [
        (1, "import", "plan", summary.uid),
        (2, "update", "indicator_value", f"{uid}:2024:target"),
        (3, "insert", "indicator_value", f"{uid}:2024:estimate"),
        (4, "insert", "indicator_value", f"{uid}:2024:final"),
    ]
    update = history[1]
    assert json.loads(update.old_value) == snapshot(
        "9.949.000.000đ", "number", value="9949000000", unit="đ")
    assert json.loads(update.new_value) == snapshot(
        "10.000.000.000đ", "number", value="10000000000", unit="đ")
    assert history[2].old_value is None
    assert json.loads(history[2].new_value)["value"] == "9800000000"
    assert all(c.actor == history[0].actor and c.at for c in history)


def test_set_value_changes_the_kind_of_a_value(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    uid = money_uid(db)
    assert service.set_value(db, uid, 2024, "target", parse_value("từ 9 - 10 tỷ đồng")) == 2
    [entry] = money_values(db)
    assert (entry["kind"], entry["low"], entry["high"]) == ("range", "9", "10")
    change = service.plan_history(db, summary.uid)[-1]
    assert json.loads(change.old_value) == snapshot(
        "9.949.000.000đ", "number", value="9949000000", unit="đ")
    assert json.loads(change.new_value) == snapshot(
        "từ 9 - 10 tỷ đồng", "range", low="9", high="10", unit="tỷ đồng")


def test_set_value_with_the_same_value_changes_nothing(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    assert service.set_value(db, money_uid(db), 2024, "target",
                             parse_value("9.949.000.000đ")) == 1
    assert len(service.plan_history(db, summary.uid)) == 1


def test_clearing_a_value(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    uid = money_uid(db)
    assert service.set_value(db, uid, 2024, "target", None) == 2
    assert money_values(db) == []
    assert service.indicator_values(db, uid) == {}
    change = service.plan_history(db, summary.uid)[-1]
    assert (change.revision, change.action, change.entity, change.entity_uid) == (
        2, "delete", "indicator_value", f"{uid}:2024:target")
    assert json.loads(change.old_value) == snapshot(
        "9.949.000.000đ", "number", value="9949000000", unit="đ")
    assert change.new_value is None
    # Clearing an empty slot is not a change.
    assert service.set_value(db, uid, 2024, "target", None) == 2
    assert len(service.plan_history(db, summary.uid)) == 2


def test_set_value_of_an_unknown_indicator(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    before = state(db)
    with pytest.raises(NotFoundError):
        service.set_value(db, "00000000-0000-4000-8000-000000000000", 2024, "target",
                          parse_value("1"))
    with pytest.raises(ValueError):
        service.set_value(db, money_uid(db), 2024, "quarter", parse_value("1"))
    assert state(db) == before


def test_rolled_back_edit_leaves_neither_change_nor_history(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    before = state(db)
    with pytest.raises(RuntimeError), db.session() as session:
        row = session.scalar(select(IndicatorValue).where(IndicatorValue.text == "9.949.000.000đ"))
        row.text, row.value = "1đ", Decimal(1)
        plan = session.scalar(select(Plan))
        plan.status = "draft"
        session.flush()
        assert plan.revision == 2
        assert len(session.scalars(select(ChangeRecord)).all()) == 3
        raise RuntimeError("the user pressed Cancel")
    assert state(db) == before
    assert len(service.plan_history(db, summary.uid)) == 1


def test_one_transaction_is_one_revision(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    with db.session() as session:
        rows = session.scalars(select(IndicatorValue).order_by(IndicatorValue.id)).all()
        for row in rows[:3]:
            row.text = f"{row.text} (sửa)"
            session.flush()
    history = service.plan_history(db, summary.uid)
    assert [c.revision for c in history] == [1, 2, 2, 2]
    assert service.list_plans(db)[0].revision == 2


def test_history_survives_replacement_of_the_plan(db: Database, tmp_path: Path) -> None:
    summary = service.import_plan_file(db, SEED_003)
    uid = money_uid(db)
    service.set_value(db, uid, 2024, "estimate", parse_value("9.800.000.000đ"))
    service.set_value(db, uid, 2024, "final", Value(ValueKind.QUALITATIVE, "hoàn thành"))

    # The plan file again: revision 1, older than the 3 held — refused, nothing changes…
    before = state(db)
    with pytest.raises(InputError) as info:
        service.import_plan_file(db, SEED_003)
    assert info.value.params["held"] == 3 and state(db) == before
    # …unless the clerk explicitly goes back to it: a change like any other, so a new
    # revision (an upper level holding revision 3 would refuse revision 1 again).
    service.import_plan_file(db, SEED_003, force=True)
    assert money_values(db) == seed(SEED_003)["plan"]["indicator_groups"][0]["indicators"][0][
        "values"]
    history = service.plan_history(db, summary.uid)
    assert [(c.revision, c.action) for c in history] == [
        (1, "import"), (2, "insert"), (3, "insert"), (4, "import")]
    with db.session(write=False) as session:
        plan_ids = [r.plan_id for r in session.scalars(
            select(ChangeRecord).order_by(ChangeRecord.id))]
        current = session.scalar(select(Plan.id))
    assert plan_ids == [None, None, None, current]

    # A replacement by a file with other identifiers (and other words: the same words
    # would change nothing) keeps the old plan's history too.
    data = strip_uids(seed(SEED_003))
    data["plan"]["title"] += " (bản chép)"
    new = service.import_plan_file(db, write(tmp_path, data), force=True)
    assert new.uid != summary.uid and new.revision == 5
    assert len(service.plan_history(db, summary.uid)) == 4
    assert [c.action for c in service.plan_history(db, new.uid)] == ["import"]


def test_edits_after_rollover_are_independent(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    old_uid = money_uid(db)
    new_summary = service.rollover(db, "P-MYPHU", 2024)
    new_plan = service.export_plan(db, "P-MYPHU", 2025)["plan"]
    new_uid = next(i["uid"] for i in indicators(new_plan) if i["name"] == MONEY)
    assert service.set_value(db, new_uid, 2025, "target", parse_value("10.500.000.000đ")) == 2
    assert [v["year"] for v in money_values(db)] == [2024]  # the 2024 plan is untouched
    assert service.list_plans(db)[0].revision == 1
    assert service.indicator_values(db, old_uid).keys() == {(2024, "target")}
    assert [c.action for c in service.plan_history(db, new_summary.uid)] == [
        "rollover", "insert"]


def test_a_plan_file_of_the_revision_held_with_other_content_makes_a_new_revision(
        db: Database, tmp_path: Path) -> None:
    """A clerk exports the plan, edits the file and imports it again: the content is new,
    so is the revision (the upper level refuses a revision it holds with other content);
    the same file again changes nothing."""
    summary = service.import_plan_file(db, SEED_003)
    data = service.export_plan(db, summary.unit, summary.year)
    assert service.import_plan_file(db, write(tmp_path, data)).revision == summary.revision
    data["plan"]["title"] += " (sửa)"
    edited = write(tmp_path, data, "edited.json")
    again = service.import_plan_file(db, edited)
    assert again.revision == summary.revision + 1
    assert service.export_plan(db, summary.unit, summary.year)["plan"]["title"].endswith("(sửa)")
    data = service.export_plan(db, summary.unit, summary.year)
    assert service.import_plan_file(db, write(tmp_path, data, "same.json")).revision == \
        again.revision
    # The edited file again (its revision now older than the one it made): the same
    # words, so nothing changes and nothing is refused; nor when forced.
    before = state(db)
    assert service.import_plan_file(db, edited).revision == again.revision
    assert service.import_plan_file(db, edited, force=True).revision == again.revision
    assert state(db) == before


def test_a_hand_written_file_imported_again_changes_nothing(db: Database,
                                                           tmp_path: Path) -> None:
    """A file without identifiers gets new ones on each import; the words decide."""
    path = write(tmp_path, strip_uids(seed(SEED_003)), "hand.json")
    first = service.import_plan_file(db, path)
    before = state(db)
    for _ in range(2):
        assert service.import_plan_file(db, path) == first
    assert state(db) == before
