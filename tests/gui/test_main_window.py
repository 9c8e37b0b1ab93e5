"""The main window, run for real offscreen, over a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from support import SEEDS
from wardplan_desktop import app as app_module
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.gui.main_window import MainWindow
from wardplan_desktop.gui.models import IndicatorTableModel, PlanListModel


@pytest.fixture(autouse=True)
def _vietnamese(qapp: object) -> None:
    i18n.install("vi")


@pytest.fixture
def loaded_db(db: Database) -> Database:
    for seed in SEEDS:
        service.import_plan_file(db, seed)
    return db


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, loaded_db: Database) -> None:
    plans = PlanListModel(service.list_plans(loaded_db))
    qtmodeltester.check(plans)
    indicators = IndicatorTableModel()
    for summary in service.list_plans(loaded_db):
        indicators.set_plan(
            service.export_plan(loaded_db, summary.unit, summary.year, summary.kind)["plan"])
        qtmodeltester.check(indicators)


def test_window_shows_plans_text_and_indicators_in_vietnamese(
        qtbot: QtBot, loaded_db: Database) -> None:
    window = MainWindow(loaded_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.nav.item(2).text() == "Kinh tế"
    assert window.plans.rowCount() == 3
    row = next(i for i in range(3) if window.plans.plan_at(i).unit == "P-MYPHU")
    window.select_plan(row)
    window.nav.setCurrentRow(window.pages.index(window.document))
    text = window.document.toPlainText()
    assert "ỦY BAN NHÂN DÂN" in text and "Số: 843/KH-UBND" in text
    assert "Mỹ Phú, ngày 29 tháng 11 năm 2023" in text
    assert "Nguyễn Văn Kiền" in text
    # The key and content hash that tie this revision's paper to its sync file:
    # looking makes no keys; printing does, and then shows them.
    assert window.seal_label.text() == ""
    assert not (loaded_db.path.parent / "keys").exists()
    seal = window._sealed()
    assert seal is not None and window.seal_label.text() == (
        f"Khóa {seal['key']} · mã nội dung {seal['hash']}")
    window.nav.setCurrentRow(window.pages.index(window.indicator_view))
    model = window.indicators
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "Thu ngân sách" in names
    values = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert "9.949.000.000đ" in values and "5/5 khóm" in values
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Kế hoạch 2024"


def test_assessment_columns_compute_percent_and_status(loaded_db: Database) -> None:
    from wardplan_desktop.core.values import parse_value

    plan = service.export_plan(loaded_db, "P-MYPHU", 2024)["plan"]
    # A realistic next-year plan: 2024 target and estimate side by side.
    uid = plan["indicator_groups"][0]["indicators"][0]["uid"]  # Thu ngân sách
    service.set_value(loaded_db, uid, 2024, "estimate", parse_value("10.945.000.000đ"))
    plan = service.export_plan(loaded_db, "P-MYPHU", 2024)["plan"]
    plan["year"] = 2025  # assessed year is the one before the plan's year
    model = IndicatorTableModel()
    model.set_plan(plan)
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Thu ngân sách")
    n = model.columnCount()
    assert model.headerData(n - 3, Qt.Orientation.Horizontal) == "% so KH"
    assert model.index(row, n - 3).data() == "110,01%"
    assert model.index(row, n - 2).data() == "Vượt"


def test_first_start_offers_ward_upper_level_or_the_sample_plans(
        qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWizard

    from wardplan_desktop.core.storage.database import open_data_folder
    from wardplan_desktop.core.sync import exchange
    from wardplan_desktop.gui.first_run import SAMPLES, UPPER, WARD, FirstRunWizard

    seen: list[FirstRunWizard] = []

    def finish(choice: int) -> object:
        """The wizard as a person goes through it: the choice, "Next", the page of that
        choice filled in, "Finish" (which every choice must reach)."""
        def run(wizard: FirstRunWizard) -> int:
            seen.append(wizard)
            qtbot.addWidget(wizard)
            wizard.show()
            wizard.choice.group.button(choice).click()
            wizard.button(QWizard.WizardButton.NextButton).click()
            if choice == WARD:
                w = wizard.ward
                assert not w.isComplete()
                w.level.setCurrentText("phường")
                w.name.setText("Phường Hòa Thuận")
                w._suggest_place(w.name.text())
                w.code.setText("P-HOATHUAN")
                w.upper_name.setText("Thành phố Cao Lãnh")
                w.upper_code.setText("TP-CAOLANH")
                w.signer.setText("Trần Thị Mai")
                w.year.setValue(2026)
                assert w.isComplete() and w.place.text() == "Hòa Thuận"
            elif choice == UPPER:
                wizard.upper.name.setText("Thành phố Cao Lãnh")
                wizard.upper.code.setText("TP-CAOLANH")
            done = wizard.button(QWizard.WizardButton.FinishButton)
            assert done.isVisible() and done.isEnabled(), choice
            done.click()
            return wizard.result()
        return run

    monkeypatch.setattr(FirstRunWizard, "exec", finish(SAMPLES))
    assert app_module.first_start(db) is True
    assert len(service.list_plans(db)) == len(app_module.demo_files()) == 3
    assert app_module.first_start(db) is False and len(seen) == 1  # only on a first start

    ward = open_data_folder(tmp_path / "ward")
    monkeypatch.setattr(FirstRunWizard, "exec", finish(WARD))
    assert app_module.first_start(ward) is True
    plan = service.export_plan(ward, "P-HOATHUAN", 2026)["plan"]
    assert plan["unit"]["upper"]["code"] == "TP-CAOLANH" and plan["place"] == "Hòa Thuận"
    assert plan["issuing_body"] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA THUẬN"]
    assert plan["signature"]["signer"] == "Trần Thị Mai"
    assert exchange.folder_role(ward) == ("ward", "P-HOATHUAN")
    ward.close()

    upper = open_data_folder(tmp_path / "upper")
    monkeypatch.setattr(FirstRunWizard, "exec", finish(UPPER))
    assert app_module.first_start(upper) is True
    assert exchange.folder_role(upper) == ("upper", "TP-CAOLANH")
    upper.close()


def test_demo_files_are_the_seed_fixtures() -> None:
    demo = {p.name: p.read_bytes() for p in app_module.demo_files()}
    assert demo == {p.name: p.read_bytes() for p in SEEDS}


def test_smoke_test_starts_paints_and_exits_without_dialogs(
        qapp: object, data_dir: Path) -> None:
    assert app_module.run(["--smoke-test", "--data-dir", str(data_dir)]) == 0
    assert not (data_dir / "keys").exists()  # a first look makes no keys
