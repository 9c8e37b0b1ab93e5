"""Sending a plan up and receiving it, through the main window's Sync menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from support import SEED_003
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.gui.main_window import MainWindow
from wardplan_desktop.gui.sync_dialogs import OutcomeModel, ReceiveDialog


def test_send_then_receive_with_preview_and_confirmation(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtmodeltester: ModelTester) -> None:
    i18n.install("vi")
    ward_db = open_data_folder(tmp_path / "ward")
    service.import_plan_file(ward_db, SEED_003)
    ward = MainWindow(ward_db)
    qtbot.addWidget(ward)
    assert ward.sync_menu.title() == "Đồng &bộ"
    sync_file = tmp_path / "myphu.wpsync"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sync_file), ""))
    ward.send_action.trigger()
    assert sync_file.exists()
    assert "Đã ghi" in ward.statusBar().currentMessage()

    upper_db = open_data_folder(tmp_path / "upper")
    upper = MainWindow(upper_db)
    qtbot.addWidget(upper)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(sync_file)], ""))
    seen: list[str] = []

    def confirm(dialog: ReceiveDialog) -> int:
        seen.append(dialog.notice.text())
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() == 1
        assert dialog.model.index(0, 3).data().startswith("Sẽ nhập")
        assert exchange.folder_role(upper_db) == (None, None)  # nothing written yet
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReceiveDialog, "exec", confirm)
    upper.receive_action.trigger()
    assert "Thành phố Cao Lãnh" in seen[0] and "cấp trên" in seen[0]
    assert exchange.folder_role(upper_db) == ("upper", "TP-CAOLANH")
    assert upper.plans.rowCount() == 1
    ward_db.close()
    upper_db.close()


def test_cancel_changes_nothing(qtbot: QtBot, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    ward_db = open_data_folder(tmp_path / "ward")
    service.import_plan_file(ward_db, SEED_003)
    from wardplan_desktop.core.sync.keys import load_identity

    sent = exchange.export_package(ward_db, load_identity(tmp_path / "ward"), "P-MYPHU", 2024)
    path = tmp_path / "f.wpsync"
    path.write_bytes(sent.data)
    upper_db = open_data_folder(tmp_path / "upper")
    upper = MainWindow(upper_db)
    qtbot.addWidget(upper)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    monkeypatch.setattr(ReceiveDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    upper.receive_action.trigger()
    assert service.list_plans(upper_db) == []
    assert exchange.folder_role(upper_db) == (None, None)
    ward_db.close()
    upper_db.close()


def test_refused_files_show_their_reason(qapp: object, tmp_path: Path) -> None:
    i18n.install("vi")
    db = open_data_folder(tmp_path / "upper")
    from wardplan_desktop.core.sync.keys import load_identity

    outcomes = exchange.receive_files(db, load_identity(tmp_path / "upper"),
                                      [("hong.wpsync", b"")], apply=False)
    model = OutcomeModel(outcomes)
    assert model.index(0, 3).data() == "Tệp hong.wpsync rỗng."
    db.close()


def test_receiving_checks_off_the_gui_thread_and_reports_a_locked_database(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview (and each new preview when the officer changes a choice) runs in the
    background; a database that cannot be read is a message, not a crash."""
    import threading

    from PySide6.QtWidgets import QMessageBox

    from wardplan_desktop.core.errors import MSG_DB_LOCKED, StorageError
    from wardplan_desktop.core.sync.keys import load_identity

    i18n.install("vi")
    ward_db = open_data_folder(tmp_path / "ward")
    service.import_plan_file(ward_db, SEED_003)
    sent = exchange.export_package(ward_db, load_identity(tmp_path / "ward"), "P-MYPHU", 2024)
    path = tmp_path / "f.wpsync"
    path.write_bytes(sent.data)
    upper_db = open_data_folder(tmp_path / "upper")
    upper = MainWindow(upper_db)
    qtbot.addWidget(upper)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    real = exchange.receive_files
    calls: list[tuple[bool, bool, bool]] = []
    fail = [False]

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((threading.current_thread() is threading.main_thread(),
                      kwargs["accept_new"], kwargs["apply"]))
        if fail[0]:
            raise StorageError(MSG_DB_LOCKED, path="wardplan.sqlite3")
        return real(*args, **kwargs)

    monkeypatch.setattr(exchange, "receive_files", watched)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))

    def choose(dialog: ReceiveDialog) -> int:
        dialog.accept_new.setChecked(True)  # a new preview with the new choice
        fail[0] = True
        dialog.accept_new.setChecked(False)  # this one cannot read the database
        fail[0] = False
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReceiveDialog, "exec", choose)
    upper.receive_action.trigger()
    assert calls == [(False, False, False), (False, True, False), (False, False, False)]
    assert len(warnings) == 1 and "wardplan.sqlite3" in warnings[0]

    # The first preview failing: a message, and no dialog.
    calls.clear()
    warnings.clear()
    fail[0] = True
    monkeypatch.setattr(ReceiveDialog, "exec", lambda self: pytest.fail("no dialog expected"))
    upper.receive_action.trigger()
    assert len(calls) == 1 and len(warnings) == 1
    assert service.list_plans(upper_db) == []
    ward_db.close()
    upper_db.close()
