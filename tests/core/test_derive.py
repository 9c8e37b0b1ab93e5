"""Council resolution and emulation plan drafted from the plan's own data."""

from __future__ import annotations

import pytest

from support import SEED_003, all_strings, seed, walk
from wardplan_desktop.core import service
from wardplan_desktop.core.derive import emulation_from_plan, resolution_from_plan
from wardplan_desktop.core.documents import layout
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database


def _plan() -> dict:
    return seed(SEED_003)["plan"]


def test_resolution_has_the_council_conventions_and_the_plan_targets() -> None:
    plan = _plan()
    draft = resolution_from_plan(plan)
    assert draft["kind"] == "resolution" and draft["status"] == "draft"
    assert draft["issuing_body"] == ["HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG MỸ PHÚ"]
    assert draft["symbol"] == "NQ-HĐND" and draft["number"] == ""
    assert draft["heading_lines"][0] == "HỘI ĐỒNG NHÂN DÂN PHƯỜNG MỸ PHÚ"
    assert draft["signature"] == {"authority": "TM.", "authority_body": "HỘI ĐỒNG NHÂN DÂN",
                                  "position": "CHỦ TỊCH", "signer": ""}
    labels = [s["label"] for s in draft["sections"]]
    assert labels == ["", "Điều 1.", "Điều 2.", "Điều 3."]
    assert draft["sections"][0]["text"] == "QUYẾT NGHỊ:"
    assert "Kế hoạch số 843/KH-UBND ngày 29 tháng 11 năm 2023" in draft["legal_bases"][1]
    text = " ".join(all_strings(draft["sections"]))
    # Every target of the year is in the resolution, in the plan's own words.
    for group in plan["indicator_groups"]:
        for node in walk(group["indicators"]):
            for value in node["values"]:
                assert f"{node['name']}: {value['text']}" in text
    # The general objective and the tasks are the plan's own paragraphs.
    objective = next(s for s in plan["sections"] if s["role"] == "general_objective")
    for paragraph in objective["children"]:
        assert paragraph["text"] in text
    # A document of its own: no identifier is shared with the plan.
    plan_uids = {v for k, v in _uids(plan)}
    assert not plan_uids & {v for k, v in _uids(draft)}


def _uids(obj: object):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "uid":
                yield k, v
            else:
                yield from _uids(v)
    elif isinstance(obj, list):
        for x in obj:
            yield from _uids(x)


def test_emulation_plan_takes_the_targets_as_goals() -> None:
    draft = emulation_from_plan(_plan())
    assert draft["kind"] == "emulation"
    assert draft["date"] == {"day": None, "month": None, "year": 2024}  # January of the year
    assert layout.type_label(draft) == "KẾ HOẠCH"
    assert draft["title"].startswith("Phát động phong trào thi đua")
    assert [s["label"] for s in draft["sections"]] == ["I.", "II.", "III.", "IV.", "V."]
    goals = " ".join(all_strings(draft["sections"][1]))
    assert "Thu ngân sách: 9.949.000.000đ" in goals
    assert draft["signature"] == _plan()["signature"]


@pytest.mark.parametrize("kind", ["resolution", "emulation"])
def test_derived_documents_are_valid_plan_files_and_print(kind: str, db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    summary = service.derive(db, "P-MYPHU", 2024, kind)
    assert (summary.kind, summary.year, summary.revision) == (kind, 2024, 1)
    data = service.export_plan(db, "P-MYPHU", 2024, kind)
    codec.parse_plan_bytes(codec.dump_plan(data), "derived")  # schema and consistency
    with pytest.raises(InputError):
        service.derive(db, "P-MYPHU", 2024, kind)  # never overwrites
    assert service.export_plan(db, "P-MYPHU", 2024, kind) == data


def test_the_resolution_waits_for_its_signer(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    service.derive(db, "P-MYPHU", 2024, "resolution")
    plan = service.export_plan(db, "P-MYPHU", 2024, "resolution")["plan"]
    with pytest.raises(layout.DocumentIncomplete) as info:
        layout.check_printable(plan)
    assert "signer's name" in str(info.value)
