"""The upper level's template: required indicators and assigned targets reach the ward."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import SEED_003, seed, strip_uids
from wardplan_desktop.core import service
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.sync import exchange, template
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.sync.package import SyncError
from wardplan_desktop.core.values import parse_value


def _upper(tmp_path: Path, name: str = "up") -> tuple[Database, Path]:
    folder = tmp_path / name
    db = open_data_folder(folder)
    requirements = strip_uids(seed(SEED_003))
    plan = requirements["plan"]
    plan["unit"] = {"code": "TP-CAOLANH", "name": "Thành phố Cao Lãnh", "level": "city",
                    "place_name": "Cao Lãnh", "issuing_body": ["ỦY BAN NHÂN DÂN"],
                    "parent_body": "", "upper": None}
    first = plan["indicator_groups"][0]["indicators"][0]
    first["catalogue_code"] = "TNS"
    first["values"] = [{"year": 2024, "period": "target", "text": "10.500.000.000đ"}]
    plan["indicator_groups"][3]["indicators"].append({
        "name": "Tỷ lệ hồ sơ giải quyết trực tuyến", "unit": "%", "catalogue_code": "DVC",
        "values": [{"year": 2024, "period": "target", "text": "80% trở lên"}]})
    path = tmp_path / f"{name}-requirements.json"
    path.write_text(json.dumps(requirements, ensure_ascii=False), encoding="utf-8")
    with db.session() as session:
        exchange.set_setting(session, exchange.ROLE, "upper")
        exchange.set_setting(session, exchange.OWN_UNIT, "TP-CAOLANH")
    service.import_plan_file(db, path)
    return db, folder


def _ward(tmp_path: Path) -> Database:
    db = open_data_folder(tmp_path / "ward")
    service.import_plan_file(db, SEED_003)
    uid = seed(SEED_003)["plan"]["indicator_groups"][0]["indicators"][0]["uid"]
    service.set_value(db, uid, 2024, "estimate", parse_value("10.100.000.000đ"))
    return db


def _indicator(db: Database, name: str) -> dict:
    plan = service.export_plan(db, "P-MYPHU", 2024)["plan"]
    for group in plan["indicator_groups"]:
        for node in group["indicators"]:
            if node["name"] == name:
                return node
    raise AssertionError(name)


def test_template_sets_required_targets_and_touches_nothing_else(tmp_path: Path) -> None:
    upper, folder = _upper(tmp_path)
    upper_identity = load_identity(folder)
    raw = template.make_template(upper, upper_identity, 2024, "2023-12-15")
    ward = _ward(tmp_path)
    before = service.export_plan(ward, "P-MYPHU", 2024)["plan"]

    result = template.apply_template(ward, raw, "template.wpsync")
    assert (result.unit, result.year, result.added, result.deadline) == (
        "P-MYPHU", 2024, 1, "2023-12-15")
    assert result.upper_fingerprint == upper_identity.fingerprint
    revenue = _indicator(ward, "Thu ngân sách")
    assert revenue["set_by"] == "upper" and revenue["catalogue_code"] == "TNS"
    values = {(v["year"], v["period"]): v["text"] for v in revenue["values"]}
    assert values[(2024, "target")] == "10.500.000.000đ"  # the assigned target
    assert values[(2024, "estimate")] == "10.100.000.000đ"  # the ward's own result stays
    added = _indicator(ward, "Tỷ lệ hồ sơ giải quyết trực tuyến")
    assert added["set_by"] == "upper" and added["values"][0]["kind"] == "at_least"
    after = service.export_plan(ward, "P-MYPHU", 2024)["plan"]
    assert after["sections"] == before["sections"]  # the ward's text is untouched
    assert after["legal_bases"] == before["legal_bases"]
    # The ward now knows where and how to send: its next file is encrypted to the upper level.
    sent = exchange.export_package(ward, load_identity(tmp_path / "ward"), "P-MYPHU", 2024)
    assert sent.encrypted
    [outcome] = exchange.receive_files(upper, upper_identity, [("p.wpsync", sent.data)],
                                       accept_new=True)
    assert outcome.status == "imported", outcome.message
    upper.close()
    ward.close()


def test_a_template_from_another_key_is_refused_unless_confirmed(tmp_path: Path) -> None:
    upper, folder = _upper(tmp_path)
    ward = _ward(tmp_path)
    template.apply_template(ward, template.make_template(upper, load_identity(folder), 2024),
                            "first")
    impostor, other_folder = _upper(tmp_path, "impostor")
    forged = template.make_template(impostor, load_identity(other_folder), 2024)
    before = service.export_plan(ward, "P-MYPHU", 2024)
    with pytest.raises(SyncError) as info:
        template.apply_template(ward, forged, "forged.wpsync")
    assert info.value.template == template.MSG_UPPER_KEY_CHANGED
    assert service.export_plan(ward, "P-MYPHU", 2024) == before
    template.apply_template(ward, forged, "forged.wpsync", repin=True)
    for db in (upper, ward, impostor):
        db.close()


def test_templates_belong_to_upper_levels_and_wards(tmp_path: Path) -> None:
    ward = _ward(tmp_path)
    with pytest.raises(InputError) as info:
        template.make_template(ward, load_identity(tmp_path / "ward"), 2024)
    assert info.value.template == template.MSG_NOT_UPPER
    upper, folder = _upper(tmp_path)
    raw = template.make_template(upper, load_identity(folder), 2024)
    with pytest.raises(SyncError) as refused:
        template.apply_template(upper, raw, "t")
    assert refused.value.template == template.MSG_UPPER_FOLDER
    with pytest.raises(InputError) as missing:
        template.make_template(upper, load_identity(folder), 2031)
    assert missing.value.template == template.MSG_NO_REQUIREMENTS
    upper.close()
    ward.close()
