"""The main window as a clerk uses it: edit, jump from a check, undo, close mid-edit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from qt_support import type_text
from support import SEED_000, SEED_003
from wardplan_desktop import app as app_module
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.checks import Code
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    i18n.install("vi")
    service.import_plan_file(db, SEED_003)
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _plan(db: Database) -> dict:
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


def test_closing_mid_edit_loses_nothing(window: MainWindow, db: Database) -> None:
    signer = window.signature.signer
    window.nav.setCurrentRow(window.pages.index(window.signature))
    type_text(signer, "Phạm Thị Thu Hà")
    assert _plan(db)["signature"]["signer"] == "Nguyễn Văn Kiền"  # typing, not yet saved
    window.close()
    assert _plan(db)["signature"]["signer"] == "Phạm Thị Thu Hà"


def test_edits_show_saved_time_refresh_checks_and_undo_everywhere(
        window: MainWindow, db: Database, qtbot: QtBot) -> None:
    assert window.checks.model.rowCount() == 0
    window.nav.setCurrentRow(window.pages.index(window.signature))
    window.signature.signer.setFocus()
    window.signature.signer.selectAll()
    qtbot.keyClick(window.signature.signer, Qt.Key.Key_Delete)
    window.signature.signer.flush()
    assert _plan(db)["signature"]["signer"] == ""
    assert window.saved_label.text().startswith("Đã lưu")
    codes = [c.code for c in window.checks.model.checks]
    assert Code.MISSING_FIELD in codes
    # The check leads to the field; undo from anywhere brings the signer back.
    row = codes.index(Code.MISSING_FIELD)
    window.checks._activated(window.checks.model.index(row))
    assert window.stack.currentWidget() is window.signature
    window.nav.setCurrentRow(0)
    window.undo_action.trigger()
    assert _plan(db)["signature"]["signer"] == "Nguyễn Văn Kiền"
    assert window.signature.signer.text() == "Nguyễn Văn Kiền"
    assert window.checks.model.rowCount() == 0
    window.redo_action.trigger()
    assert _plan(db)["signature"]["signer"] == ""


def test_a_check_on_an_indicator_opens_its_field_and_row(
        qtbot: QtBot, db: Database) -> None:
    i18n.install("vi")
    service.import_plan_file(db, SEED_000)
    w = MainWindow(db)
    qtbot.addWidget(w)
    checks = w.checks.model.checks
    target = next(i for i, c in enumerate(checks) if c.code == Code.MISSING_TARGET)
    location = checks[target].location
    w.checks._activated(w.checks.model.index(target))
    form = w.stack.currentWidget()
    assert form in w.field_forms.values() and form.tabs.currentIndex() == 1
    assert form.indicators.current_indicator() == location.key


def test_new_plan_and_rollover_from_the_window(
        window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.new_action.trigger()
    years = sorted(p.year for p in service.list_plans(db))
    assert len(years) == 2 and window._plan["year"] == years[-1]
    assert [s["label"] for s in window._plan["sections"]] == ["I.", "II.", "III.", "IV."]
    window.select_plan(next(i for i, p in enumerate(window.plans.plans()) if p.year == 2024))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    if 2025 in years:
        return
    window.rollover_action.trigger()
    assert window._plan["year"] == 2025 and window.editor.stack.count() == 0


def test_smoke_test_writes_nothing(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db_path = None
    from wardplan_desktop.core.storage.database import open_data_folder

    db = open_data_folder(folder)
    service.import_plan_file(db, SEED_003)
    db_path = db.path
    db.close()
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")
              if p.is_file()}
    assert app_module.run(["--smoke-test", "--data-dir", str(folder)]) == 0
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")
             if p.is_file()}
    assert after == before and db_path in after


def test_a_window_whose_typing_cannot_be_saved_stays_open(
        window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window.nav.setCurrentRow(0)
    type_text(window.general.number, "843/KH-UBND-phường-Mỹ-Phú")  # longer than a number may be
    assert not window.close()
    assert shown and "20" in shown[0] and window.isVisible()
    assert window.general.number.text() == "843/KH-UBND-phường-Mỹ-Phú"  # nothing typed is lost
    type_text(window.general.number, "843")
    assert window.close()
    assert _plan(db)["number"] == "843"


def test_checks_model_passes_the_model_tester(qtbot: QtBot, db: Database,
                                             qtmodeltester: ModelTester) -> None:
    i18n.install("vi")
    service.import_plan_file(db, SEED_000)
    w = MainWindow(db)
    qtbot.addWidget(w)
    qtmodeltester.check(w.checks.model)
    assert w.checks.model.rowCount() > 30
    first = w.checks.model.index(0).data()
    assert first.startswith("Lỗi: ")  # severity in words, not colour alone


def test_help_shows_the_guide_in_the_users_language_and_about_names_the_key(
        window: MainWindow, db: Database) -> None:
    window.guide_action.trigger()
    text = window.guide.browser.toPlainText()
    assert "Hướng dẫn sử dụng" in text and "Không có nút Lưu" in text
    document = window.guide.browser.document()
    image = document.resource(2, "images/vi-03-kinh-te-2.png")  # 2 = ImageResource
    assert image is not None and not image.isNull()
    window.about_action.trigger()
    about = window.about.label.text()
    assert str(db.path.parent) in about and "chưa" in about.lower()
    window._sealed()  # printing makes the keys
    window.about_action.trigger()
    from wardplan_desktop.core.sync.keys import load_identity

    assert load_identity(db.path.parent).fingerprint in window.about.label.text()


def test_restoring_a_backup_from_the_window_brings_the_data_back(
        window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from wardplan_desktop.core.storage import backups

    backup = backups.make_backup(db, "start")
    window.nav.setCurrentRow(window.pages.index(window.signature))
    type_text(window.signature.signer, "Người ký tạm")
    window.signature.signer.flush()
    assert _plan(db)["signature"]["signer"] == "Người ký tạm"
    window._restore_from(backup)
    restored = service.export_plan(window.db, "P-MYPHU", 2024)["plan"]
    assert restored["signature"]["signer"] == "Nguyễn Văn Kiền"
    assert window.signature.signer.text() == "Nguyễn Văn Kiền"
    assert window.editor.db is window.db and window.editor.stack.count() == 0
    # The data replaced is itself kept, so the restore can be undone the same way.
    assert any(b.reason == "restore" for b in backups.list_backups(window.db.path.parent))
    window.db.close()
