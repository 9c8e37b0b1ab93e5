"""Setting up an empty data folder: a ward with its first plan, or an upper level."""

from __future__ import annotations

import pytest

from support import SEED_003
from wardplan_desktop.core import first_run, service
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.storage.database import Database

WARD = {"code": "X-AN", "name": "Xã An Bình", "level": "xã", "place": "",
        "upper_code": "H-CHAU", "upper_name": "Huyện Châu Thành", "upper_level_word": "huyện",
        "signer": "Lê Văn Tâm", "position": "PHÓ CHỦ TỊCH", "year": 2026}


def test_a_ward_starts_with_its_first_plan(db: Database) -> None:
    summary = first_run.set_up_ward(db, **WARD)
    plan = service.export_plan(db, "X-AN", 2026)["plan"]
    assert summary.uid == plan["uid"] and plan["place"] == "An Bình"
    assert plan["unit"]["level"] == "commune" and plan["unit"]["upper"]["level"] == "district"
    assert plan["signature"]["position"] == "PHÓ CHỦ TỊCH"


@pytest.mark.parametrize(("change", "message"), [
    ({"code": " "}, "unit's code"), ({"upper_name": ""}, "upper level's name"),
    ({"level": "ấp"}, "ấp"), ({"upper_level_word": "phường"}, "phường")])
def test_missing_or_wrong_details_are_refused_and_store_nothing(
        db: Database, change: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        first_run.set_up_ward(db, **{**WARD, **change})
    assert service.list_plans(db) == []


def test_a_folder_in_use_is_not_set_up_again(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    with pytest.raises(InputError, match="already in use"):
        first_run.set_up_ward(db, **WARD)
    with pytest.raises(InputError, match="already in use"):
        first_run.set_up_upper(db, "TP-X", "Thành phố X", "thành phố")


def test_place_name_drops_the_level_word() -> None:
    assert first_run.place_of("Phường  Mỹ Phú") == "Mỹ Phú"
    assert first_run.place_of("Thị trấn Mỹ Thọ") == "Mỹ Thọ"
    assert first_run.place_of("Mỹ Phú") == "Mỹ Phú"
