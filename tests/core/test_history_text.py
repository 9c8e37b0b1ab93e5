"""History records in words: what changed, old and new, and whether it can be restored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support import SEED_003, indicators, walk
from wardplan_desktop.core import editing, service
from wardplan_desktop.core.editing import Place
from wardplan_desktop.core.history_text import HistoryLine, describe, describe_all
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database


@pytest.fixture
def plan_uid(db: Database) -> str:
    return service.import_plan_file(db, SEED_003).uid


def current(db: Database, uid: str) -> dict[str, Any]:
    return service.export_plan_by_uid(db, uid)["plan"]


def lines(db: Database, uid: str) -> list[HistoryLine]:
    return describe_all(service.plan_history(db, uid), current(db, uid))


def words(line: HistoryLine) -> tuple[str, str, str, str]:
    return line.texts()


def revenue_uid(plan: dict[str, Any]) -> str:
    return next(n["uid"] for n in indicators(plan) if n["name"] == "Thu ngân sách")


def test_an_import_reads_as_the_whole_plan(db: Database, plan_uid: str, tmp_path: Path) -> None:
    (line,) = lines(db, plan_uid)
    assert words(line) == ("Imported", "The whole plan", "", "003_a5ef3e362a8e7281.json")
    assert not line.restorable and not line.removed
    service.import_plan_file(db, SEED_003)  # the same file again changes nothing
    assert len(lines(db, plan_uid)) == 1
    data = json.loads(SEED_003.read_text(encoding="utf-8"))
    data["plan"]["title"] += " (sửa)"
    edited = tmp_path / "edited.json"
    edited.write_bytes(codec.dump_plan(data))
    service.import_plan_file(db, edited)  # the same revision with other words
    assert words(lines(db, plan_uid)[-1])[2] == "revision 1"


def test_plan_fields_and_date(db: Database, plan_uid: str) -> None:
    editing.set_field(db, "plan", plan_uid, "title", "Kế hoạch mới")
    editing.set_field(db, "plan", plan_uid, "status", "draft")
    editing.set_date(db, plan_uid, 1, 12, 2023)
    title, status, day, month = lines(db, plan_uid)[1:]
    assert words(title) == ("Changed", "Title",
                            "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
                            "Kế hoạch mới")
    assert words(status) == ("Changed", "Status", "final", "draft")
    assert words(day) == ("Changed", "Date: day", "29", "1")
    assert words(month)[1:] == ("Date: month", "11", "12")
    assert all(x.restorable for x in (title, status, day, month))


def test_values_read_as_their_words(db: Database, plan_uid: str) -> None:
    uid = revenue_uid(current(db, plan_uid))
    editing.set_value(db, uid, 2024, "target", "10.000.000.000đ")
    editing.set_value(db, uid, 2023, "estimate", "9.000.000.000đ")
    editing.set_value(db, uid, 2023, "estimate", None)
    changed, added, removed = lines(db, plan_uid)[1:]
    assert words(changed) == ("Changed", "Indicator «Thu ngân sách»: target 2024",
                              "9.949.000.000đ", "10.000.000.000đ")
    assert changed.restorable
    assert words(added) == ("Added", "Indicator «Thu ngân sách»: estimate 2023", "",
                            "9.000.000.000đ")
    assert added.restorable  # restoring an addition clears the value again
    assert words(removed) == ("Removed", "Indicator «Thu ngân sách»: estimate 2023",
                              "9.000.000.000đ", "")
    assert not removed.restorable  # brought back with undo, not from the history


def test_sections_are_named_by_their_numbering_and_words(db: Database, plan_uid: str) -> None:
    plan = current(db, plan_uid)
    economy = next(s for s in walk(plan["sections"]) if s["text"] == "Về kinh tế")
    editing.set_field(db, "section", economy["uid"], "text", "Về kinh tế và tài chính")
    editing.set_field(db, "section", economy["uid"], "emphasis", "bold")
    text, emphasis = lines(db, plan_uid)[1:]
    assert words(text) == ("Changed", "Section II.1 «Về kinh tế và tài chính»", "Về kinh tế",
                           "Về kinh tế và tài chính")
    assert words(emphasis) == ("Changed", "Section II.1 «Về kinh tế và tài chính»: emphasis",
                               "plain", "bold")
    long_one = next(s for s in walk(plan["sections"]) if len(s["text"]) > 100)
    editing.set_field(db, "section", long_one["uid"], "text", long_one["text"] + " Thêm.")
    what = words(lines(db, plan_uid)[-1])[1]
    assert what.endswith("…»") and len(what) < 70


def test_indicator_attributes_in_words(db: Database, plan_uid: str) -> None:
    uid = revenue_uid(current(db, plan_uid))
    editing.set_field(db, "indicator", uid, "name", "Thu ngân sách nhà nước")
    editing.set_field(db, "indicator", uid, "unit", "đồng")
    editing.set_field(db, "indicator", uid, "direction", "keep")
    name, unit, direction = lines(db, plan_uid)[1:]
    assert words(name) == ("Changed", "Indicator «Thu ngân sách nhà nước»", "Thu ngân sách",
                           "Thu ngân sách nhà nước")
    assert words(unit) == ("Changed", "Indicator «Thu ngân sách nhà nước»: unit", "", "đồng")
    assert words(direction)[1:] == ("Indicator «Thu ngân sách nhà nước»: direction",
                                    "higher is better", "keep the level")
    assert name.restorable and unit.restorable and direction.restorable


def test_lists_are_numbered_and_not_restorable(db: Database, plan_uid: str) -> None:
    editing.set_list(db, plan_uid, "legal_bases", ["Căn cứ A;"])
    editing.set_list(db, plan_uid, "recipients", [("UBND TPCL", ""), ("Lưu: VT", "")])
    got = [words(x)[:2] for x in lines(db, plan_uid)[1:]]
    assert ("Added", "Legal basis 1") in got
    assert ("Removed", "Legal basis 2 (removed)") in got  # the list has one basis now
    assert ("Removed", "Recipient 3 (removed)") in got and ("Added", "Recipient 2") in got
    assert not any(x.restorable for x in lines(db, plan_uid)[1:])


def test_removed_items_keep_their_last_known_name(db: Database, plan_uid: str) -> None:
    plan = current(db, plan_uid)
    group = plan["indicator_groups"][1]["uid"]
    new = editing.insert(db, plan_uid, "indicator", editing.new_indicator("Chỉ tiêu tạm", "%"),
                         Place(None, 0, group)).old
    editing.set_value(db, new, 2024, "target", "50%")
    editing.remove(db, "indicator", new)
    history = lines(db, plan_uid)
    added = next(x for x in history if x.change.entity == "indicator"
                 and x.change.action == "insert")
    assert words(added)[:2] == ("Added", "Indicator «Chỉ tiêu tạm» (removed)")
    assert added.removed and not added.restorable
    value = next(x for x in history if x.change.entity == "indicator_value")
    assert words(value)[1] == "Indicator «Chỉ tiêu tạm»: target 2024 (removed)"
    assert value.removed and not value.restorable
    # Renumbering of the others reads as positions counted from 1.
    shifted = next(x for x in history if x.change.attribute == "position")
    assert words(shifted)[1].endswith(": position")
    assert int(words(shifted)[3]) == int(shifted.change.new_value) + 1


def test_an_unknown_item_falls_back_to_its_identifier(db: Database, plan_uid: str) -> None:
    change = service.Change("2024-01-01T00:00:00+00:00", "clerk", 5, "update", "indicator",
                            "0000-gone", "unit", "%", "‰")
    line = describe(change, current(db, plan_uid))
    assert words(line) == ("Changed", "Indicator «0000-gone»: unit (removed)", "%", "‰")
    assert line.removed and not line.restorable
    value = service.Change("2024-01-01T00:00:00+00:00", "clerk", 5, "update",
                           "indicator_value", "0000-gone:2024:final", "value", None, None)
    assert words(describe(value, None)) == (
        "Changed", "Indicator «0000-gone»: result 2024 (removed)", "", "")


def test_moves_name_the_old_and_new_place(db: Database, plan_uid: str) -> None:
    plan = current(db, plan_uid)
    first, second = plan["sections"][0], plan["sections"][1]
    paragraph = first["children"][0]
    editing.move(db, "section", paragraph["uid"], Place(second["uid"], 0))
    moved = next(x for x in lines(db, plan_uid) if x.change.attribute == "parent")
    assert words(moved)[1:] == ("Section II «Phấn đấu hoàn thành đạt và vượt các chỉ…»: "
                                "placed under", "Section I «MỤC TIÊU»",
                                "Section II «CÁC CHỈ TIÊU CHỦ YẾU»")
    assert not moved.restorable  # moves are undone with undo


def test_words_go_through_the_translator(db: Database, plan_uid: str) -> None:
    uid = revenue_uid(current(db, plan_uid))
    editing.set_value(db, uid, 2024, "target", "10.000.000.000đ")
    line = lines(db, plan_uid)[-1]
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append(context)
        return text.replace("Indicator", "Chỉ tiêu").replace("target", "kế hoạch")

    assert line.texts(translate)[1] == "Chỉ tiêu «Thu ngân sách»: kế hoạch 2024"
    assert set(seen) == {"History"}
