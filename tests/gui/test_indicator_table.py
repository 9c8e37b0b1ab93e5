"""The editable indicator table of a field form, run offscreen over a real database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from support import SEED_003, indicators, seed, write
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.enums import ValueKind
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.gui.indicator_table import (
    AddIndicatorDialog,
    IndicatorEditModel,
    IndicatorPanel,
)
from wardplan_desktop.gui.plan_editor import PlanEditor
from wardplan_desktop.gui.value_editor import ValueEditorDialog, ValueLineEdit

M = IndicatorEditModel
TARGET_2023, SIX_2023, NINE_2023, ESTIMATE_2023, TARGET_2024 = M.COL_VALUES
JOBS = "Giới thiệu giải quyết việc làm"
BLOCKS = "Khóm văn minh đô thị"


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    i18n.install("en")


def _open(qtbot: QtBot, db: Database, plan_uid: str, field: str = "culture_society",
          size: tuple[int, int] = (1100, 600)) -> IndicatorPanel:
    """A panel wired the way the window wires it: every change reloads the plan."""
    editor = PlanEditor(db)
    editor.open(plan_uid)
    panel = IndicatorPanel(editor, field)
    editor.setParent(panel)

    def reload(*_: Any) -> None:
        panel.show_plan(service.export_plan_by_uid(db, plan_uid)["plan"])

    editor.changed.connect(reload)
    reload()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def plan_uid(db: Database) -> str:
    return service.import_plan_file(db, SEED_003).uid


@pytest.fixture
def panel(qtbot: QtBot, db: Database, plan_uid: str) -> IndicatorPanel:
    return _open(qtbot, db, plan_uid)


def _plan(db: Database, plan_uid: str) -> dict[str, Any]:
    return service.export_plan_by_uid(db, plan_uid)["plan"]


def _indicator(db: Database, plan_uid: str, name: str) -> dict[str, Any]:
    return next(i for i in indicators(_plan(db, plan_uid)) if i["name"] == name)


def _row(panel: IndicatorPanel, name: str) -> int:
    model = panel.model
    return next(r for r in range(model.rowCount())
                if model.index(r, M.COL_NAME).data(Qt.ItemDataRole.EditRole) == name)


def _group(db: Database, plan_uid: str, field: str) -> list[str]:
    """The names of a field's top indicators, in order."""
    group = next(g for g in _plan(db, plan_uid)["indicator_groups"] if g["field"] == field)
    return [i["name"] for i in group["indicators"]]


def _type(widget: QWidget, text: str) -> None:
    """Type Vietnamese the way an input method (Unikey, EVKey) delivers it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _edit_cell(qtbot: QtBot, panel: IndicatorPanel, row: int, column: int) -> ValueLineEdit:
    index = panel.model.index(row, column)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.indexWidget(index)
    assert isinstance(editor, ValueLineEdit)
    qtbot.waitUntil(editor.hasFocus)
    return editor


def _commit(qtbot: QtBot, panel: IndicatorPanel, editor: QWidget) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)


# --------------------------------------------------------------------------- the model


def test_model_passes_the_model_tester_in_every_state(
        qtmodeltester: ModelTester, qtbot: QtBot, db: Database, plan_uid: str) -> None:
    for field in ("economy", "culture_society", "defence_security", "government"):
        panel = _open(qtbot, db, plan_uid, field)
        qtmodeltester.check(panel.model)
    uid = _indicator(db, plan_uid, BLOCKS)["uid"]
    service.set_value(db, uid, 2023, "target", None)
    panel.editor.set_value(uid, 2023, "target", "4/5 khóm")
    panel.editor.set_value(uid, 2023, "estimate", "5/5 khóm")
    panel.editor.set_value(uid, 2023, "six_months", "12,575")
    qtmodeltester.check(panel.model)
    panel.show_plan(None)
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 0


def test_columns_rows_and_computed_figures(panel: IndicatorPanel, db: Database,
                                          plan_uid: str) -> None:
    model = panel.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(M.COLUMNS)]
    assert headers == ["No.", "Indicator", "Unit", "Target 2023", "6 months 2023",
                       "9 months 2023", "Estimate 2023", "Target 2024", "% of plan", "Status"]
    # The field's table heads its rows; sub-rows are one level deeper.
    assert model.index(0, M.COL_NAME).data() == "VĂN HÓA – XÃ HỘI"
    assert not model.flags(model.index(0, M.COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    blocks = _row(panel, BLOCKS)
    assert model.index(blocks, M.COL_LABEL).data() == "2"
    assert model.index(blocks, TARGET_2024).data() == "5/5 khóm"
    assert model.index(blocks + 1, M.COL_NAME).data(Qt.ItemDataRole.UserRole + 3) == 1
    assert model.index(blocks, TARGET_2024).data(Qt.ItemDataRole.ToolTipRole) \
        == "Part of a whole: 5/5 khóm"
    # Percent of plan and status of 2023 come from the core, in words and colour.
    uid = _indicator(db, plan_uid, BLOCKS)["uid"]
    panel.editor.set_value(uid, 2023, "target", "5/5 khóm")
    panel.editor.set_value(uid, 2023, "estimate", "4/5 khóm")
    blocks = _row(panel, BLOCKS)
    assert model.index(blocks, M.COL_PERCENT).data() == "80%"
    status = model.index(blocks, M.COL_STATUS)
    assert status.data() == "Not achieved"
    assert status.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Estimate 2023 against Target 2023" in status.data(Qt.ItemDataRole.ToolTipRole)
    # Computed columns are never editable.
    for column in (M.COL_LABEL, M.COL_PERCENT, M.COL_STATUS):
        assert not model.flags(model.index(blocks, column)) & Qt.ItemFlag.ItemIsEditable
    for column in (M.COL_NAME, M.COL_UNIT, *M.COL_VALUES):
        assert model.flags(model.index(blocks, column)) & Qt.ItemFlag.ItemIsEditable


# --------------------------------------------------------------------------- typing values


def test_typing_a_value_in_the_cell_stores_it(qtbot: QtBot, panel: IndicatorPanel,
                                              db: Database, plan_uid: str) -> None:
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), SIX_2023)
    _type(editor, "đạt 95,5%")
    assert editor.preview.label.text() == "Number: 95,5%"
    _type(editor, " trở lên")
    assert editor.preview.label.text() == "At least: 95,5% trở lên"
    _commit(qtbot, panel, editor)
    uid = _indicator(db, plan_uid, JOBS)["uid"]
    value = service.indicator_values(db, uid)[(2023, "six_months")]
    assert (value.kind, value.text, value.value, value.unit) == (
        ValueKind.AT_LEAST, "đạt 95,5% trở lên", Decimal("95.5"), "%")
    assert panel.model.index(_row(panel, JOBS), SIX_2023).data() == "đạt 95,5% trở lên"
    assert panel.editor.stack.undoText() == f"Edit the value of {JOBS}"


def test_an_ambiguous_number_is_kept_unreadable_and_marked(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), NINE_2023)
    _type(editor, "12,575")
    assert editor.preview.label.text().startswith("Not readable: 12,575 (")
    assert len(editor.preview.buttons) == 2  # the two readings, offered
    _commit(qtbot, panel, editor)
    uid = _indicator(db, plan_uid, JOBS)["uid"]
    value = service.indicator_values(db, uid)[(2023, "nine_months")]
    assert (value.kind, value.text) == (ValueKind.UNREADABLE, "12,575")
    index = panel.model.index(_row(panel, JOBS), NINE_2023)
    assert index.data() == "⚠ 12,575"
    assert index.data(Qt.ItemDataRole.EditRole) == "12,575"
    assert "can be read two ways" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_choosing_a_reading_stores_the_words_with_that_meaning(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), ESTIMATE_2023)
    _type(editor, "12.575 người")
    thousands, decimal = editor.preview.buttons
    assert thousands.text() == "Meant 12575: the separator groups thousands"
    assert decimal.text() == "Meant 12 point 575: a decimal"
    thousands.click()
    assert editor.hasFocus()  # choosing does not end the editing
    assert editor.preview.label.text() == "Number: 12.575 người"
    _commit(qtbot, panel, editor)
    uid = _indicator(db, plan_uid, JOBS)["uid"]
    value = service.indicator_values(db, uid)[(2023, "estimate")]
    assert (value.kind, value.text, value.value) == (ValueKind.NUMBER, "12.575 người",
                                                     Decimal("12575"))
    # The plan file keeps the chosen meaning beside the words.
    entry = next(v for v in _indicator(db, plan_uid, JOBS)["values"]
                 if v["period"] == "estimate")
    assert entry["value"] == "12575"


def test_undo_and_redo_restore_the_database(qtbot: QtBot, panel: IndicatorPanel,
                                            db: Database, plan_uid: str) -> None:
    before = _plan(db, plan_uid)["indicator_groups"]
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), TARGET_2024)
    editor.selectAll()
    _type(editor, "300 lao động")
    _commit(qtbot, panel, editor)
    row = _row(panel, JOBS)
    name_index = panel.model.index(row, M.COL_UNIT)
    assert panel.model.setData(name_index, "lao động")
    after = _plan(db, plan_uid)["indicator_groups"]
    assert _indicator(db, plan_uid, JOBS)["unit"] == "lao động"
    stack = panel.editor.stack
    stack.undo()
    stack.undo()
    assert _plan(db, plan_uid)["indicator_groups"] == before
    assert panel.model.index(_row(panel, JOBS), TARGET_2024).data() == "266"
    stack.redo()
    stack.redo()
    assert _plan(db, plan_uid)["indicator_groups"] == after
    assert panel.model.index(_row(panel, JOBS), TARGET_2024).data() == "300 lao động"


def test_delete_clears_the_selected_values_as_one_step(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    before = _plan(db, plan_uid)["indicator_groups"]
    model, view = panel.model, panel.view
    jobs = _row(panel, JOBS)
    view.setCurrentIndex(model.index(jobs, TARGET_2024))
    view.selectionModel().select(model.index(jobs + 1, TARGET_2024),
                                 view.selectionModel().SelectionFlag.Select)
    view.setFocus()
    panel.activateWindow()
    qtbot.waitActive(panel)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.index(jobs, TARGET_2024).data() == ""
    assert model.index(jobs + 1, TARGET_2024).data() == ""
    assert panel.editor.stack.undoText() == "Clear 2 values"
    assert _indicator(db, plan_uid, JOBS)["values"] == []
    panel.editor.stack.undo()
    assert _plan(db, plan_uid)["indicator_groups"] == before


# --------------------------------------------------------------------------- the value dialog


def test_value_dialog_composes_a_range_from_its_parts(qtbot: QtBot) -> None:
    dialog = ValueEditorDialog(unit="%")
    qtbot.addWidget(dialog)
    dialog.set_kind(ValueKind.RANGE)
    assert dialog.second_edit.isVisibleTo(dialog) and not dialog.base_edit.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.first_edit, "14,5")
    qtbot.keyClicks(dialog.second_edit, "16,5")
    assert dialog.text_edit.text() == "14,5 - 16,5%"
    assert dialog.preview.text() == "Range: 14,5 - 16,5%"
    value = dialog.value()
    assert (value.kind, value.low, value.high, value.unit, value.text) == (
        ValueKind.RANGE, Decimal("14.5"), Decimal("16.5"), "%", "14,5 - 16,5%")
    # A number in Vietnamese style, with a Vietnamese unit and a change against a base.
    dialog.set_kind(ValueKind.CHANGE)
    dialog.sign_combo.setCurrentIndex(1)
    dialog.first_edit.clear()
    qtbot.keyClicks(dialog.first_edit, "3")
    dialog.unit_edit.clear()
    _type(dialog.unit_edit, "hộ")
    _type(dialog.base_edit, "năm 2023")
    assert dialog.text_edit.text() == "giảm 3 hộ so với năm 2023"
    value = dialog.value()
    assert (value.kind, value.value, value.base_year) == (ValueKind.CHANGE, Decimal("-3"), 2023)


def test_value_dialog_reads_typed_words_into_the_parts(qtbot: QtBot) -> None:
    dialog = ValueEditorDialog("giảm 03 hộ nghèo so với năm 2023")
    qtbot.addWidget(dialog)
    assert dialog.kind() is ValueKind.CHANGE
    assert dialog.sign_combo.currentIndex() == 1
    assert (dialog.first_edit.text(), dialog.unit_edit.text(), dialog.base_edit.text()) == (
        "3", "hộ nghèo", "năm 2023")
    # Words typed are stored as typed.
    assert dialog.value() == "giảm 03 hộ nghèo so với năm 2023"
    dialog.set_kind(ValueKind.NUMBER)
    dialog.first_edit.clear()
    qtbot.keyClicks(dialog.first_edit, "12.575")  # the Vietnamese way: no doubt here
    dialog.unit_edit.clear()
    _type(dialog.unit_edit, "người")
    assert dialog.text_edit.text() == "12.575 người"
    value = dialog.value()
    assert (value.kind, value.value) == (ValueKind.NUMBER, Decimal("12575"))
    qtbot.keyClicks(dialog.first_edit, ",5,5")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_value_dialog_from_the_panel_stores_on_ok_only(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    uid = _indicator(db, plan_uid, JOBS)["uid"]
    panel.view.setCurrentIndex(panel.model.index(_row(panel, JOBS), TARGET_2023))
    dialog = panel.edit_value()
    assert dialog is not None
    dialog.set_kind(ValueKind.RANGE)
    qtbot.keyClicks(dialog.first_edit, "14,5")
    qtbot.keyClicks(dialog.second_edit, "16,5")
    dialog.reject()
    assert (2023, "target") not in service.indicator_values(db, uid)
    panel.view.setCurrentIndex(panel.model.index(_row(panel, JOBS), TARGET_2023))
    dialog = panel.edit_value()
    dialog.set_kind(ValueKind.RANGE)
    qtbot.keyClicks(dialog.first_edit, "14,5")
    qtbot.keyClicks(dialog.second_edit, "16,5")
    dialog.unit_edit.setText("%")
    dialog.unit_edit.textEdited.emit("%")
    dialog.accept()
    value = service.indicator_values(db, uid)[(2023, "target")]
    assert (value.kind, value.text, value.low, value.high) == (
        ValueKind.RANGE, "14,5 - 16,5%", Decimal("14.5"), Decimal("16.5"))


def test_the_cell_editor_hands_its_words_to_the_dialog(
        qtbot: QtBot, panel: IndicatorPanel) -> None:
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), SIX_2023)
    _type(editor, "dưới 0,15%")
    qtbot.keyClick(editor, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.findChild(ValueEditorDialog) is not None)
    dialog = panel.findChild(ValueEditorDialog)
    assert panel.view.state() != QAbstractItemView.State.EditingState
    assert dialog.text_edit.text() == "dưới 0,15%"
    assert dialog.kind() is ValueKind.LESS_THAN
    dialog.reject()


# --------------------------------------------------------------------------- rows


def test_add_move_remove_indicators_each_undoable(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    field = "culture_society"
    original = _group(db, plan_uid, field)
    stack = panel.editor.stack
    panel.select_indicator(_indicator(db, plan_uid, JOBS)["uid"])

    dialog = panel.add_indicator()
    assert isinstance(dialog, AddIndicatorDialog)
    _type(dialog.search_edit, "hộ nghèo")
    assert dialog.results.count() > 0
    dialog.name_edit.clear()
    _type(dialog.name_edit, "Số hộ cận nghèo")
    dialog.unit_combo.setEditText("hộ")
    dialog.direction_combo.setCurrentIndex(1)
    dialog.accept()
    names = _group(db, plan_uid, field)
    assert names == [*original[:2], "Số hộ cận nghèo", *original[2:]]
    added = _indicator(db, plan_uid, "Số hộ cận nghèo")
    assert (added["unit"], added["direction"], added["row_style"]) == (
        "hộ", "lower_better", "item")
    assert panel.current_indicator() == added["uid"]
    assert stack.undoText() == "Add Số hộ cận nghèo"

    dialog = panel.add_breakdown()
    _type(dialog.name_edit, "Hộ có người khuyết tật")
    dialog.accept()
    child = _indicator(db, plan_uid, "Số hộ cận nghèo")["children"][0]
    assert (child["name"], child["row_style"], child["unit"]) == (
        "Hộ có người khuyết tật", "breakdown", "hộ")
    index = panel.model.index(_row(panel, "Hộ có người khuyết tật"), M.COL_NAME)
    assert index.data() == "Of which: Hộ có người khuyết tật"
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()

    panel.select_indicator(added["uid"])
    panel.activateWindow()
    qtbot.waitActive(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _group(db, plan_uid, field) == [*original[:3], "Số hộ cận nghèo", *original[3:]]
    assert panel.current_indicator() == added["uid"]  # the clerk's place follows the row
    assert stack.undoText() == "Move Số hộ cận nghèo"

    qtbot.keyClick(panel.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert _group(db, plan_uid, field) == original
    assert stack.undoText() == "Remove Số hộ cận nghèo"

    stack.undo()  # the removal: back with its "Trong đó" row
    assert _indicator(db, plan_uid, "Số hộ cận nghèo")["children"][0]["name"] \
        == "Hộ có người khuyết tật"
    assert _group(db, plan_uid, field)[3] == "Số hộ cận nghèo"
    stack.undo()  # the move
    assert _group(db, plan_uid, field)[2] == "Số hộ cận nghèo"
    stack.undo()  # the "Trong đó" row
    assert _indicator(db, plan_uid, "Số hộ cận nghèo")["children"] == []
    stack.undo()  # the indicator
    assert _group(db, plan_uid, field) == original


def test_upper_level_targets_are_read_only(qtbot: QtBot, db: Database,
                                           tmp_path: Path) -> None:
    data = seed()
    data["plan"]["revision"] = 1
    jobs = next(i for i in indicators(data["plan"]) if i["name"] == JOBS)
    jobs["set_by"] = "upper"
    jobs["values"].append({"year": 2023, "period": "target", "text": "250"})
    uid = service.import_plan_file(db, write(tmp_path, data)).uid
    panel = _open(qtbot, db, uid)
    model = panel.model
    row = _row(panel, JOBS)
    for column in (TARGET_2023, TARGET_2024):
        index = model.index(row, column)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert index.data(Qt.ItemDataRole.DecorationRole) is not None
        assert "upper level" in index.data(Qt.ItemDataRole.ToolTipRole)
        assert not model.setData(index, "1")
    # Its results and its words remain the ward's to write.
    for column in (M.COL_NAME, M.COL_UNIT, SIX_2023, NINE_2023, ESTIMATE_2023):
        assert model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable
    panel.view.setCurrentIndex(model.index(row, TARGET_2024))
    assert not panel.edit_value_action.isEnabled() and panel.edit_value() is None
    assert service.indicator_values(db, jobs["uid"])[(2024, "target")].text == "266"


def test_drag_and_drop_reorders_within_the_same_parent(
        qtmodeltester: ModelTester, panel: IndicatorPanel, db: Database,
        plan_uid: str) -> None:
    qtmodeltester.check(panel.model)  # and keeps checking through the moves
    field = "culture_society"
    original = _group(db, plan_uid, field)
    model = panel.model
    jobs = _row(panel, JOBS)
    data = model.mimeData([model.index(jobs, M.COL_NAME), model.index(jobs, M.COL_UNIT)])
    action = Qt.DropAction.MoveAction
    # Onto a sub-row of another indicator (another parent): refused.
    inside = _row(panel, "Tỷ lệ tăng dân số tự nhiên dưới")
    assert not model.canDropMimeData(data, action, inside, 0, QModelIndex())
    assert not model.dropMimeData(data, action, inside, 0, QModelIndex())
    # Before the first indicator of the table.
    first = _row(panel, BLOCKS)
    assert model.dropMimeData(data, action, first, 0, QModelIndex())
    assert _group(db, plan_uid, field) == [JOBS, BLOCKS, *original[2:]]
    # Onto a later sibling's row: placed before it; at the end, after the last.
    data = model.mimeData([model.index(_row(panel, JOBS), 0)])
    assert model.dropMimeData(data, action, -1, -1, model.index(_row(panel, original[3]), 0))
    assert _group(db, plan_uid, field) == [BLOCKS, original[2], JOBS, *original[3:]]
    data = model.mimeData([model.index(_row(panel, JOBS), 0)])
    assert model.dropMimeData(data, action, model.rowCount(), 0, QModelIndex())
    assert _group(db, plan_uid, field) == [BLOCKS, *original[2:], JOBS]
    panel.editor.stack.undo()
    panel.editor.stack.undo()
    panel.editor.stack.undo()
    assert _group(db, plan_uid, field) == original


# --------------------------------------------------------------------------- refreshing


def test_a_refresh_keeps_the_place_and_the_typing(
        qtbot: QtBot, panel: IndicatorPanel, db: Database, plan_uid: str) -> None:
    editor = _edit_cell(qtbot, panel, _row(panel, JOBS), ESTIMATE_2023)
    _type(editor, "27")
    # Another change saved meanwhile (the same rows): the table updates in place.
    other = _indicator(db, plan_uid, BLOCKS)["uid"]
    panel.editor.set_value(other, 2023, "estimate", "5/5 khóm")
    assert panel.model.index(_row(panel, BLOCKS), ESTIMATE_2023).data() == "5/5 khóm"
    assert panel.view.state() == QAbstractItemView.State.EditingState
    assert editor.text() == "27" and editor.hasFocus()
    _type(editor, "0")
    _commit(qtbot, panel, editor)
    assert service.indicator_values(db, _indicator(db, plan_uid, JOBS)["uid"])[
        (2023, "estimate")].text == "270"
    # Rows added above: the current cell is found again by its indicator.
    current = panel.view.currentIndex()
    assert (current.row(), current.column()) == (_row(panel, JOBS), ESTIMATE_2023)
    group = _plan(db, plan_uid)["indicator_groups"][1]["uid"]
    from wardplan_desktop.core.editing import Place, new_indicator
    panel.editor.insert("indicator", new_indicator("Mới"), Place(None, 0, group))
    current = panel.view.currentIndex()
    assert (current.row(), current.column()) == (_row(panel, JOBS), ESTIMATE_2023)


def test_enter_and_f2_edit_only_editable_cells(qtbot: QtBot, panel: IndicatorPanel) -> None:
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(_row(panel, JOBS), M.COL_STATUS))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() != QAbstractItemView.State.EditingState
    view.setCurrentIndex(panel.model.index(_row(panel, JOBS), TARGET_2024))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, ValueLineEdit) and editor.text() == "266"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    view.setCurrentIndex(panel.model.index(_row(panel, JOBS), M.COL_NAME))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view and editor.text() == JOBS
    qtbot.keyClick(editor, Qt.Key.Key_End)  # the words open selected, as in a spreadsheet
    _type(editor, " mới")
    _commit(qtbot, panel, editor)
    assert panel.model.index(_row(panel, JOBS + " mới"), M.COL_NAME).data() == JOBS + " mới"
    assert panel.editor.stack.undoText() == f"Edit the name of “{JOBS}”"


def test_select_indicator_jumps_to_a_value(panel: IndicatorPanel, db: Database,
                                           plan_uid: str) -> None:
    uid = _indicator(db, plan_uid, JOBS)["uid"]
    assert panel.select_indicator(uid, 2024, "target")
    current = panel.view.currentIndex()
    assert (current.row(), current.column()) == (_row(panel, JOBS), TARGET_2024)
    assert panel.select_indicator(uid, 2019, "final")  # not shown: the name then
    assert panel.view.currentIndex().column() == M.COL_NAME
    economy = _indicator(db, plan_uid, "Thu ngân sách")["uid"]
    assert not panel.select_indicator(economy)  # another field's


def test_panel_renders_at_1366_by_768(qtbot: QtBot, db: Database, plan_uid: str,
                                      tmp_path: Path) -> None:
    i18n.install("vi")
    panel = _open(qtbot, db, plan_uid, size=(1366, 768))
    image = panel.grab()
    assert image.save(str(tmp_path / "indicator_panel.png"))
    view = panel.view
    # Every column is on screen at full width, and the names get the room left.
    total = sum(view.columnWidth(c) for c in range(M.COLUMNS))
    assert total <= view.viewport().width()
    assert view.columnWidth(M.COL_NAME) >= view.MIN_NAME_WIDTH
