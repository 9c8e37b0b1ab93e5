"""Editing a plan one saved change at a time, and undoing each change exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SEED_003, strip_uids
from wardplan_desktop.core import editing, service
from wardplan_desktop.core.editing import Place
from wardplan_desktop.core.errors import InputError, NotFoundError
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.core.values import ValueKind


@pytest.fixture
def plan(db: Database) -> dict:
    service.import_plan_file(db, SEED_003)
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


def _now(db: Database) -> dict:
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


def _content(plan: dict) -> dict:
    return {k: v for k, v in plan.items() if k != "revision"}


def test_a_field_is_saved_at_once_with_history_and_undoes_exactly(db: Database,
                                                                  plan: dict) -> None:
    saved = editing.set_field(db, "plan", plan["uid"], "title", "Kế hoạch  mới ")
    assert saved.old == plan["title"] and saved.revision == plan["revision"] + 1
    assert _now(db)["title"] == "Kế hoạch mới"  # spaces tidied, nothing else
    changes = service.plan_history(db, plan["uid"])
    assert (changes[-1].attribute, changes[-1].old_value, changes[-1].new_value) == \
        ("title", plan["title"], "Kế hoạch mới")
    editing.set_field(db, "plan", plan["uid"], "title", saved.old)
    assert _content(_now(db)) == _content(plan)
    # Saving the same value again is not a change.
    again = editing.set_field(db, "plan", plan["uid"], "title", saved.old)
    assert again.revision == _now(db)["revision"]


@pytest.mark.parametrize(("entity", "name", "value", "message"), [
    ("plan", "number", "1" * 21, "at most 20 characters"),
    ("plan", "sign_authority", "XX.", "not a possible"),
    ("plan", "revision", 9, "cannot be edited"),
    ("section", "kind", "table", "not a possible"),
    ("indicator", "name", "   ", "cannot be empty"),
    ("indicator", "direction", "up", "not a possible"),
])
def test_bad_input_is_refused_and_changes_nothing(db: Database, plan: dict, entity: str,
                                                  name: str, value: object,
                                                  message: str) -> None:
    uid = {"plan": plan["uid"], "section": plan["sections"][0]["uid"],
           "indicator": plan["indicator_groups"][0]["indicators"][0]["uid"]}[entity]
    with pytest.raises(InputError, match=message):
        editing.set_field(db, entity, uid, name, value)
    assert _now(db) == plan


def test_unknown_item_is_not_found(db: Database, plan: dict) -> None:
    with pytest.raises(NotFoundError):
        editing.set_field(db, "section", "no-such-uid", "text", "x")


def test_date_may_leave_day_and_month_blank_but_must_be_a_date(db: Database,
                                                              plan: dict) -> None:
    saved = editing.set_date(db, plan["uid"], None, None, 2023)
    assert saved.old == (29, 11, 2023)
    assert _now(db)["date"] == {"day": None, "month": None, "year": 2023}
    for day, month, year in [(31, 2, 2024), (5, None, 2024), (1, 13, 2024), (1, 1, 1800)]:
        with pytest.raises(InputError):
            editing.set_date(db, plan["uid"], day, month, year)
    editing.set_date(db, plan["uid"], *saved.old)
    assert _content(_now(db)) == _content(plan)


def test_lists_are_replaced_whole_and_restored(db: Database, plan: dict) -> None:
    saved = editing.set_list(db, plan["uid"], "recipients",
                             [("UBND thành phố", "(để b/c)"), ("", "ignored"), ("Lưu: VT", "")])
    assert _now(db)["recipients"] == [{"name": "UBND thành phố", "purpose": "(để b/c)"},
                                      {"name": "Lưu: VT", "purpose": ""}]
    editing.set_list(db, plan["uid"], "recipients", saved.old)
    bases = editing.set_list(db, plan["uid"], "legal_bases", ["Căn cứ Luật Tổ chức chính quyền"
                                                             " địa phương năm 2015;"])
    editing.set_list(db, plan["uid"], "legal_bases", bases.old)
    assert _content(_now(db)) == _content(plan)


def test_values_keep_what_was_typed_even_when_it_cannot_be_read(db: Database,
                                                               plan: dict) -> None:
    uid = plan["indicator_groups"][0]["indicators"][0]["uid"]
    saved = editing.set_value(db, uid, 2024, "target", "12,575")  # ambiguous
    assert saved.old.text == "9.949.000.000đ"
    stored = service.indicator_values(db, uid)[(2024, "target")]
    assert (stored.kind, stored.text) == (ValueKind.UNREADABLE, "12,575")
    editing.set_value(db, uid, 2024, "target", "10 - 12 tỷ đồng")
    stored = service.indicator_values(db, uid)[(2024, "target")]
    assert stored.kind == ValueKind.RANGE and stored.unit == "tỷ đồng"
    cleared = editing.set_value(db, uid, 2024, "target", "  ")
    assert (2024, "target") not in service.indicator_values(db, uid)
    assert cleared.old.text == "10 - 12 tỷ đồng"
    editing.set_value(db, uid, 2024, "target", saved.old)
    assert _content(_now(db)) == _content(plan)


def test_removed_items_come_back_whole_in_their_place(db: Database, plan: dict) -> None:
    section = plan["sections"][2]  # III. NHIỆM VỤ VÀ GIẢI PHÁP, with children
    assert section["children"]
    saved = editing.remove(db, "section", section["uid"])
    after = _now(db)
    assert [s["uid"] for s in after["sections"]] == \
        [s["uid"] for s in plan["sections"] if s["uid"] != section["uid"]]
    snapshot, place = saved.old
    assert place == Place(None, 2) and snapshot["uid"] == section["uid"]
    editing.insert(db, plan["uid"], "section", snapshot, place)
    assert _content(_now(db)) == _content(plan)

    revenue = plan["indicator_groups"][0]["indicators"][0]
    saved = editing.remove(db, "indicator", revenue["uid"])
    assert len(saved.old[0]["children"]) == len(revenue["children"])
    editing.insert(db, plan["uid"], "indicator", *saved.old)
    assert _content(_now(db)) == _content(plan)


def test_new_items_and_moves_renumber_their_siblings(db: Database, plan: dict) -> None:
    group = plan["indicator_groups"][1]
    first = group["indicators"][0]
    saved = editing.insert(db, plan["uid"], "indicator",
                           editing.new_indicator("Số hộ gia đình văn hóa", "hộ"),
                           Place(None, 1, group["uid"]))
    new_uid = saved.old
    names = [i["name"] for i in _now(db)["indicator_groups"][1]["indicators"]]
    assert names[:3] == [first["name"], "Số hộ gia đình văn hóa", group["indicators"][1]["name"]]
    # A "Trong đó" row under the new indicator.
    editing.insert(db, plan["uid"], "indicator",
                   editing.new_indicator("Hộ đạt 3 năm liền", "hộ", row_style="breakdown"),
                   Place(new_uid, 0))
    moved = editing.move(db, "indicator", new_uid, Place(None, 0, group["uid"]))
    assert moved.old == Place(None, 1, group["uid"])
    inds = _now(db)["indicator_groups"][1]["indicators"]
    assert inds[0]["uid"] == new_uid and inds[0]["children"][0]["name"] == "Hộ đạt 3 năm liền"
    with pytest.raises(InputError, match="under itself"):
        editing.move(db, "indicator", new_uid, Place(inds[0]["children"][0]["uid"], 0))
    editing.move(db, "indicator", new_uid, moved.old)
    editing.remove(db, "indicator", new_uid)
    assert strip_uids(_content(_now(db))) == strip_uids(_content(plan))


def test_moving_a_section_to_another_parent(db: Database, plan: dict) -> None:
    para = plan["sections"][0]["children"][0]
    target = plan["sections"][3]
    saved = editing.move(db, "section", para["uid"], Place(target["uid"], 0))
    now = _now(db)
    assert now["sections"][3]["children"][0]["uid"] == para["uid"]
    assert len(now["sections"][0]["children"]) == len(plan["sections"][0]["children"]) - 1
    editing.move(db, "section", para["uid"], saved.old)
    assert _content(_now(db)) == _content(plan)


def test_footnote_keys_are_unique(db: Database, plan: dict, tmp_path: Path) -> None:
    editing.insert(db, plan["uid"], "footnote", {"key": "a1", "text": "Theo số liệu thống kê."},
                   Place(None, 0))
    with pytest.raises(InputError, match="a1"):
        editing.insert(db, plan["uid"], "footnote", {"key": "a1", "text": "x"}, Place(None, 1))
    assert [f["key"] for f in _now(db)["footnotes"]] == ["a1"]


def test_key_tasks_are_added_edited_and_removed(db: Database, plan: dict) -> None:
    saved = editing.insert(db, plan["uid"], "key_task",
                           {"label": "1", "field": "economy", "task": "Thu ngân sách đạt 100%"},
                           Place(None, 0))
    editing.set_field(db, "key_task", saved.old, "result", "Đạt")
    assert _now(db)["key_tasks"][0]["result"] == "Đạt"
    removed = editing.remove(db, "key_task", saved.old)
    assert removed.old[0]["task"] == "Thu ngân sách đạt 100%"
    assert _now(db)["key_tasks"] == plan["key_tasks"]


def test_history_records_say_how_to_restore_them(db: Database, plan: dict) -> None:
    uid = plan["indicator_groups"][0]["indicators"][0]["uid"]
    editing.set_value(db, uid, 2024, "target", "10 tỷ đồng")
    editing.set_field(db, "plan", plan["uid"], "signer", "Trần Văn B")
    editing.set_date(db, plan["uid"], 1, 12, 2023)
    changes = service.plan_history(db, plan["uid"])
    targets = [editing.restore_target(c) for c in changes]
    value = next(t for t in targets if t and t[0] == "value")
    assert value[1][:3] == (uid, 2024, "target") and value[1][3].text == "9.949.000.000đ"
    assert ("field", ("plan", plan["uid"], "signer", "Nguyễn Văn Kiền")) in targets
    assert ("date", ("date_day", 29)) in targets and ("date", ("date_month", 11)) in targets
    import_record = changes[0]
    assert import_record.action == "import" and editing.restore_target(import_record) is None
    assert service.export_plan_by_uid(db, plan["uid"])["plan"]["signature"]["signer"] == \
        "Trần Văn B"


def test_one_move_is_one_revision(db: Database, plan: dict) -> None:
    para = plan["sections"][0]["children"][0]
    saved = editing.move(db, "section", para["uid"], Place(plan["sections"][3]["uid"], 0))
    assert saved.revision == plan["revision"] + 1
    assert {c.revision for c in service.plan_history(db, plan["uid"])[1:]} == {saved.revision}


def test_editing_the_unit_is_a_new_revision_of_its_plans(db: Database, plan: dict) -> None:
    saved = editing.set_field(db, "unit", "P-MYPHU", "name", "Phường Mỹ Phú (mới)")
    now = _now(db)
    assert saved.old == "Phường Mỹ Phú" and now["unit"]["name"] == "Phường Mỹ Phú (mới)"
    assert now["revision"] == plan["revision"] + 1 == saved.revision
    last = service.plan_history(db, plan["uid"])[-1]
    assert (last.entity, last.attribute, last.new_value) == ("unit", "name",
                                                             "Phường Mỹ Phú (mới)")


def test_asking_for_what_is_stored_changes_nothing(db: Database, plan: dict) -> None:
    assert not editing.set_field(db, "plan", plan["uid"], "title", plan["title"]).changed
    last = plan["sections"][-1]
    assert not editing.move(db, "section", last["uid"],
                            Place(None, len(plan["sections"]) + 5)).changed
    assert _now(db)["revision"] == plan["revision"]


def test_a_value_must_mean_what_its_words_say(db: Database, plan: dict) -> None:
    from decimal import Decimal

    from wardplan_desktop.core.values import Value

    uid = plan["indicator_groups"][1]["indicators"][0]["uid"]
    with pytest.raises(InputError):
        editing.set_value(db, uid, 2024, "target",
                          Value(ValueKind.AT_LEAST, "90%", value=Decimal(90), unit="%"))
    editing.set_value(db, uid, 2024, "target",
                      Value(ValueKind.AT_LEAST, "90% trở lên", value=Decimal(90), unit="%"))
    assert _now(db)["indicator_groups"][1]["indicators"][0]["values"][-1]["kind"] == "at_least"


def test_an_indicator_without_a_label_gets_it_back_on_undo(db: Database, plan: dict) -> None:
    """No label means "number me in print"; an undo must restore that, not an empty label."""
    group = plan["indicator_groups"][1]
    uid = editing.insert(db, plan["uid"], "indicator",
                         editing.new_indicator("Số hộ gia đình văn hóa", "hộ"),
                         Place(None, 0, group["uid"])).old
    assert _now(db)["indicator_groups"][1]["indicators"][0]["label"] is None
    saved = editing.set_field(db, "indicator", uid, "label", "5")
    assert saved.old is None
    editing.set_field(db, "indicator", uid, "label", saved.old)
    assert _now(db)["indicator_groups"][1]["indicators"][0]["label"] is None
    # And so does restoring it from the history.
    editing.set_field(db, "indicator", uid, "label", "7")
    [change] = [c for c in service.plan_history(db, plan["uid"])
                if c.entity_uid == uid and c.new_value == "7"]
    kind, (entity, target, name, old) = editing.restore_target(change)
    editing.set_field(db, entity, target, name, old)
    assert _now(db)["indicator_groups"][1]["indicators"][0]["label"] is None
    # An empty label typed on purpose stays empty: the row prints no number.
    editing.set_field(db, "indicator", uid, "label", "")
    assert _now(db)["indicator_groups"][1]["indicators"][0]["label"] == ""
