"""The restore dialog: the list of backups, and a restore only after confirmation."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from support import SEED_000, SEED_003
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.errors import MSG_DB_LOCKED, StorageError
from wardplan_desktop.core.storage import backups
from wardplan_desktop.core.storage.database import DB_FILENAME, Database
from wardplan_desktop.gui.backup_dialog import RestoreDialog


@pytest.fixture(autouse=True)
def _english(qapp: object) -> object:
    """These tests read the dialog's English texts."""
    i18n.install("en")
    yield
    i18n.install("vi")


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def choose(dialog: RestoreDialog, row: int) -> None:
    dialog.view.selectionModel().select(
        dialog.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def answer(monkeypatch: pytest.MonkeyPatch, role: QMessageBox.ButtonRole) -> list[str]:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def folder(db: Database) -> Path:
    service.import_plan_file(db, SEED_003)
    backups.make_backup(db, "start", now=datetime(2024, 5, 6, 8, 30))
    service.import_plan_file(db, SEED_000)
    backups.make_backup(db, "sync", now=datetime(2024, 5, 7, 9, 0))
    return db.path.parent


def test_dialog_lists_the_backups_newest_first(
        qtbot: QtBot, folder: Path, qtmodeltester: ModelTester) -> None:
    dialog = RestoreDialog(folder)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(3)] == [
        "07/05/2024 09:00", "Before receiving files", "2 plans of 2 units (2024)"]
    assert [model.index(1, c).data() for c in range(3)] == [
        "06/05/2024 08:30", "When the program started", "1 plans of 1 units (2024)"]
    assert model.index(0, 3).data()  # a size in the user's units
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet
    choose(dialog, 1)
    assert dialog.restore_button.isEnabled()


def test_restore_only_after_confirmation(
        qtbot: QtBot, db: Database, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[Path] = []

    def on_restore(path: Path) -> None:  # what the window does
        called.append(path)
        db.close()
        backups.restore(folder, path)

    dialog = RestoreDialog(folder, on_restore=on_restore)
    qtbot.addWidget(dialog)
    choose(dialog, 1)
    older = dialog.selected()
    assert older is not None and older.reason == "start"

    shown = answer(monkeypatch, QMessageBox.ButtonRole.RejectRole)
    assert dialog.restore_selected() is False
    assert called == []
    # The warning names what is replaced by what.
    assert "2 plans" in shown[0] and "1 plans" in shown[0]

    answer(monkeypatch, QMessageBox.ButtonRole.AcceptRole)
    assert dialog.restore_selected() is True
    assert called == [older.path]
    assert dump(folder / DB_FILENAME) == dump(older.path)
    # The list now shows the safety backup made before the restore.
    assert dialog.model.rowCount() == 3
    assert "restore" in [b.reason for b in backups.list_backups(folder)]


def test_a_failed_restore_is_explained(
        qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def on_restore(path: Path) -> None:
        raise StorageError(MSG_DB_LOCKED, path="wardplan.sqlite3")

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    answer(monkeypatch, QMessageBox.ButtonRole.AcceptRole)
    dialog = RestoreDialog(folder, on_restore=on_restore)
    qtbot.addWidget(dialog)
    choose(dialog, 0)
    assert dialog.restore_selected() is False
    assert len(warnings) == 1 and "wardplan.sqlite3" in warnings[0]
