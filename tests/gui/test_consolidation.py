"""The upper level's consolidation window and the explicit acceptance of a changed key."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from support import SEED_003, seed
from wardplan_desktop import i18n
from wardplan_desktop.core import revisions, service
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.storage.schema import AuditEntry, PinnedKey, Plan, SyncReceipt, Unit
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.values import parse_value
from wardplan_desktop.gui.consolidation import ConsolidationWindow, PlanViewDialog
from wardplan_desktop.gui.main_window import MainWindow
from wardplan_desktop.gui.sync_dialogs import ReceiveDialog

REVENUES = {"P-A": ("Phường An Hòa", "1.000.000.000đ"), "P-B": ("Phường Bình Minh",
                                                               "2.500.000.000đ")}


def _revenue(data: dict, text: str) -> None:
    value = parse_value(text)
    data["plan"]["indicator_groups"][0]["indicators"][0]["values"] = [
        {"year": 2024, "period": "target", "text": value.text, "kind": "number",
         "value": format(value.value, "f"), "unit": value.unit}]


def _ward(tmp_path: Path, code: str) -> tuple[Database, Path]:
    name, revenue = REVENUES[code]
    data = codec.with_new_uids(seed(SEED_003))
    data["plan"]["unit"].update(code=code, name=name)
    _revenue(data, revenue)
    path = tmp_path / f"{code}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / code
    db = open_data_folder(folder)
    service.import_plan_file(db, path)
    return db, folder


def _send(db: Database, folder: Path, code: str) -> bytes:
    return exchange.export_package(db, load_identity(folder), code, 2024).data


def _revise(db: Database, code: str, text: str) -> None:
    data = service.export_plan(db, code, 2024)
    uid = data["plan"]["indicator_groups"][0]["indicators"][0]["uid"]
    service.set_value(db, uid, 2024, "target", parse_value(text))


@pytest.fixture
def upper(tmp_path: Path) -> Database:
    """An upper level that received P-A twice and P-B once, and waits for P-C."""
    files = []
    for code in REVENUES:
        ward, folder = _ward(tmp_path, code)
        files.append((f"{code}.wpsync", _send(ward, folder, code)))
        if code == "P-A":
            _revise(ward, code, "1.200.000.000đ")
            files.append((f"{code}-2.wpsync", _send(ward, folder, code)))
        ward.close()
    db = open_data_folder(tmp_path / "upper")
    outcomes = exchange.receive_files(db, load_identity(tmp_path / "upper"), files,
                                      accept_new=True)
    assert [o.status for o in outcomes] == ["imported"] * 3
    with db.session() as session:
        own = session.scalar(select(Unit).where(Unit.code == "TP-CAOLANH"))
        session.add(Unit(code="P-C", name="Xã Cao Thắng", level="commune", upper=own))
    yield db
    db.close()


def test_window_shows_who_has_sent_and_the_values_side_by_side(
        qtbot: QtBot, upper: Database, qtmodeltester: ModelTester) -> None:
    i18n.install("vi")
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    for model in (window.completeness, window.values, window.changes):
        qtmodeltester.check(model)
    status = window.completeness
    assert [status.index(r, 0).data() for r in range(status.rowCount())] == \
        ["P-A", "P-B", "P-C"]
    assert [status.index(r, 2).data() for r in range(3)] == ["Đã gửi", "Đã gửi", "Chưa gửi"]
    assert status.index(0, 3).data() == "2" and status.index(0, 7).data() == "2"
    assert "3 đơn vị" in window.summary.text() and "1 chưa gửi" in window.summary.text()

    values = window.values
    titles = [values.headerData(c, Qt.Orientation.Horizontal) for c in
              range(values.columnCount())]
    assert titles[4:] == ["Phường An Hòa\nP-A", "Phường Bình Minh\nP-B"]  # P-C sent nothing
    row = next(r for r in range(values.rowCount()) if values.index(r, 1).data() ==
               "Thu ngân sách")
    assert [values.index(row, c).data() for c in (3, 4, 5)] == \
        ["3.700.000.000", "1.200.000.000đ", "2.500.000.000đ"]
    rate = next(r for r in range(values.rowCount()) if values.index(r, 1).data() ==
                "Tỷ lệ lao động qua đào tạo")
    assert values.index(rate, 3).data() == "—"  # percentages are never added


def test_chart_compares_units_and_saves_an_image(
        qtbot: QtBot, upper: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    window.indicator.setCurrentIndex(window.indicator.findText("Thu ngân sách",
                                                               Qt.MatchFlag.MatchStartsWith))
    assert [(b.label, b.text) for b in window.chart.bars] == [
        ("Phường Bình Minh", "2.500.000.000đ"), ("Phường An Hòa", "1.200.000.000đ")]
    assert "Xã Cao Thắng" not in window.chart_note.text()  # P-C sent no plan at all
    target = tmp_path / "chart.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_chart_button.click()
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 1000 and image.height() > 60


def test_a_damaged_received_file_is_named_over_the_comparison_once(
        qtbot: QtBot, upper: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison is made unasked (the window opens on it): what cannot be compared
    is said over the table, once, instead of in message boxes, and no earlier result
    stays on screen under other revision numbers."""
    i18n.install("vi")
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: boxes.append(text))
    compared: list[tuple[int, int]] = []
    real = revisions.revision_changes

    def counted(db: Database, code: str, year: int, old: int, new: int, kind: str = "plan") -> Any:
        compared.append((old, new))
        return real(db, code, year, old, new, kind)

    monkeypatch.setattr(revisions, "revision_changes", counted)
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    assert window.change_unit.currentData() == "P-A" and len(compared) == 1
    assert window.changes.rowCount() == 1
    with upper.session() as session:  # revision 1 of P-A damaged by other means
        receipt = session.scalar(select(SyncReceipt).where(SyncReceipt.revision == 1,
                                                           SyncReceipt.unit.has(code="P-A")))
        assert receipt is not None and receipt.payload_deflated is not None
        receipt.payload_deflated = receipt.payload_deflated[:100]
    compared.clear()
    window.change_unit.setCurrentIndex(window.change_unit.findData("P-B"))
    window.change_unit.setCurrentIndex(window.change_unit.findData("P-A"))
    assert compared == [(1, window.change_to.currentData())]  # P-B has one: not compared
    assert window.changes.rowCount() == 0
    assert "đã bị hỏng" in window.changes_note.text() and "P-A" in window.changes_note.text()
    window.change_from.setCurrentIndex(1)  # the last against itself: readable, no change
    assert window.changes.rowCount() == 0 and "hỏng" not in window.changes_note.text()
    window.change_from.setCurrentIndex(0)
    assert window.changes.rowCount() == 0 and "đã bị hỏng" in window.changes_note.text()
    assert boxes == []


def test_changes_between_revisions_and_read_only_drill_down(
        qtbot: QtBot, upper: Database) -> None:
    i18n.install("vi")
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    assert window.change_unit.currentData() == "P-A"
    assert window.change_from.currentData() == 1
    assert window.change_to.currentData() > 1
    rows = [[window.changes.index(r, c).data() for c in range(4)]
            for r in range(window.changes.rowCount())]
    assert rows == [["Chỉ tiêu «Thu ngân sách»: kế hoạch 2024", "Đã sửa", "1.000.000.000đ",
                     "1.200.000.000đ"]]
    window.change_unit.setCurrentIndex(window.change_unit.findData("P-B"))
    assert window.changes.rowCount() == 0
    assert "Chỉ mới nhận một bản" in window.changes_note.text()

    with upper.session(write=False) as session:
        before = session.scalars(select(Plan.revision).order_by(Plan.id)).all()
    window.open_unit("P-B")
    dialog = window.plan_dialog
    assert isinstance(dialog, PlanViewDialog)
    qtbot.addWidget(dialog)
    assert "Phường Bình Minh" in dialog.windowTitle() and "chỉ đọc" in dialog.windowTitle()
    assert dialog.document.isReadOnly()
    assert dialog.indicators.rowCount() > 10
    with upper.session(write=False) as session:
        assert session.scalars(select(Plan.revision).order_by(Plan.id)).all() == before


def test_exports_the_consolidated_workbook(
        qtbot: QtBot, upper: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    target = tmp_path / "tong-hop.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.excel_button.click()
    book = load_workbook(target)
    assert len(book.worksheets) == 2
    assert str(target) in window.statusBar().currentMessage()


def test_consolidation_is_offered_only_to_an_upper_level(
        qtbot: QtBot, upper: Database, db: Database) -> None:
    i18n.install("vi")
    ward_window = MainWindow(db)
    qtbot.addWidget(ward_window)
    assert not ward_window.consolidate_action.isEnabled()
    window = MainWindow(upper)
    qtbot.addWidget(window)
    assert window.consolidate_action.isEnabled()
    window.consolidate_action.trigger()
    assert window.consolidation.year.value() == 2024
    qtbot.addWidget(window.consolidation)


def test_a_changed_key_is_let_in_only_after_an_explicit_warning(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    ward, folder = _ward(tmp_path, "P-A")
    first = tmp_path / "first.wpsync"
    first.write_bytes(_send(ward, folder, "P-A"))
    # The ward moves to a new computer: its plan comes back with new keys.
    shutil.rmtree(folder / "keys")
    _revise(ward, "P-A", "1.300.000.000đ")
    second = tmp_path / "second.wpsync"
    second.write_bytes(_send(ward, folder, "P-A"))
    ward.close()
    db = open_data_folder(tmp_path / "upper")
    window = MainWindow(db)
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first)], ""))
    monkeypatch.setattr(ReceiveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.receive_action.trigger()
    with db.session(write=False) as session:
        old_key = session.scalar(select(PinnedKey.fingerprint))

    answers = iter(["no", "yes"])
    warnings: list[str] = []

    def answer(box: QMessageBox) -> int:
        warnings.append(box.text() + " " + box.informativeText())
        wanted = next(answers)
        for button in box.buttons():
            role = box.buttonRole(button)
            if (role == QMessageBox.ButtonRole.DestructiveRole) == (wanted == "yes"):
                button.click()
                return 0
        raise AssertionError("no button to press")

    def review(dialog: ReceiveDialog) -> int:
        model = dialog.model
        assert model.index(0, 1).data() == "Phường An Hòa (P-A)"  # refused, yet named
        assert "P-A" in model.index(0, 3).data() and not dialog.import_button.isEnabled()
        assert not dialog.repin_button.isEnabled()
        dialog.view.selectRow(0)
        assert dialog.repin_button.isEnabled()
        assert dialog.confirm_new_key() is False  # the officer says no first
        assert dialog.repin == {} and not dialog.import_button.isEnabled()
        assert dialog.confirm_new_key() is True
        assert list(dialog.repin) == ["P-A"]
        assert "KHÓA MỚI" in model.index(0, 3).data()
        assert dialog.import_button.isEnabled()
        with db.session(write=False) as session:  # still nothing written
            assert session.scalar(select(PinnedKey.fingerprint)) == old_key
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(ReceiveDialog, "exec", review)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(second)], ""))
    window.receive_action.trigger()
    assert len(warnings) == 2 and old_key in warnings[0] and "P-A" in warnings[0]
    with db.session(write=False) as session:
        new_key = session.scalar(select(PinnedKey.fingerprint))
        assert new_key != old_key and new_key in warnings[0]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "repin")).all()
        assert len(audit) == 1 and old_key in audit[0].detail
        assert session.scalar(select(func.max(Plan.revision))) > 1
    db.close()


def test_chart_never_compares_numbers_in_different_units(
        qtbot: QtBot, upper: Database) -> None:
    i18n.install("en")
    with upper.session() as session:  # P-B wrote its revenue in billions
        from wardplan_desktop.core.storage.schema import Indicator, IndicatorValue

        row = session.scalars(
            select(IndicatorValue).join(Indicator).join(Plan).join(Unit)
            .where(Unit.code == "P-B", Indicator.name == "Thu ngân sách")).one()
        row.text, row.value, row.unit = "9 tỷ đồng", Decimal(9), "tỷ đồng"
    window = ConsolidationWindow(upper, 2024)
    qtbot.addWidget(window)
    window.indicator.setCurrentIndex(window.indicator.findText(
        "Thu ngân sách", Qt.MatchFlag.MatchStartsWith))
    assert [b.label for b in window.chart.bars] == ["Phường An Hòa"]
    assert "Phường Bình Minh: 9 tỷ đồng" in window.chart_note.text()
    row = next(r for r in range(window.values.rowCount())
               if window.values.index(r, 1).data() == "Thu ngân sách")
    assert window.values.index(row, 2).data() == ""  # no single unit for the column
    assert window.values.index(row, 3).data() == "—"  # and no total across units
    i18n.install("vi")
