"""Qt's own strings (standard buttons, dialogs, context menus) speak Vietnamese.

Qt ships no Vietnamese catalogue, so ``translations/qtbase_vi.ts`` supplies one,
keyed by Qt's exact contexts and source texts.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWizard,
)
from pytestqt.qtbot import QtBot

from wardplan_desktop import i18n
from wardplan_desktop.paths import translations_dir
from wardplan_desktop.tools import i18n as i18n_tool

QT_TS = translations_dir() / "qtbase_vi.ts"
SB = QDialogButtonBox.StandardButton
MB = QMessageBox.StandardButton


def _messages() -> list[tuple[str, str, str, ET.Element | None]]:
    root = ET.parse(QT_TS).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "",
             m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def _plain(text: str) -> str:
    """A button or action text without its mnemonic and shortcut."""
    return text.split("\t")[0].replace("&", "")


@pytest.fixture
def vietnamese(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("vi")
    yield
    i18n.install("vi")


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("en")
    yield
    i18n.install("vi")


# --- The .ts file ---------------------------------------------------------------------------


def test_every_message_is_translated_keeping_placeholders_and_mnemonics() -> None:
    messages = _messages()
    assert len(messages) > 200
    keys = [(ctx, src, comment) for ctx, src, comment, _ in messages]
    assert len(keys) == len(set(keys)), "duplicate message"
    for ctx, src, _, translation in messages:
        assert translation is not None and translation.get("type") is None, (ctx, src)
        text = translation.text or ""
        assert text.strip(), (ctx, src)
        assert text != src, f"{ctx}: {src!r} is not translated; leave it out instead"
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", src)), (ctx, src)
        assert text.count("&") == (1 if "&" in src else 0), (ctx, src, text)
        assert src.endswith(" ") == text.endswith(" "), (ctx, src)  # "Show " + column name


def test_every_message_is_one_of_qts_own_strings() -> None:
    """A typo in a context or source text would silently leave the string English."""
    qt_dir = i18n_tool.qt_translations_dir()
    if not any(qt_dir.glob("qtbase_*.qm")):
        pytest.skip(f"no qtbase_*.qm catalogues in {qt_dir} to compare with")
    catalogue = i18n_tool.qt_catalogue(qt_dir)
    unknown = [(ctx, src) for ctx, src, _, _ in _messages() if (ctx, src) not in catalogue]
    assert unknown == []


def test_the_compiled_file_holds_every_message(qapp: object) -> None:
    qm = QT_TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= QT_TS.stat().st_mtime, (
        "run: python -m wardplan_desktop.tools.i18n build")
    compiled = {(m.context, m.source): m.translations for m in i18n_tool.read_qm(qm)}
    translator = QTranslator()
    assert translator.load(str(qm))
    for ctx, src, comment, translation in _messages():
        assert compiled[(ctx, src)] == ((translation.text or ""),), (ctx, src)
        assert translator.translate(ctx, src, comment or None) == translation.text, (ctx, src)


def test_update_never_touches_the_hand_kept_qt_file(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(i18n_tool.subprocess, "run", lambda args, **_: calls.append(args))
    i18n_tool.update(Path(i18n_tool.program_root()))
    assert calls
    assert not any("qtbase" in arg for args in calls for arg in args)


# --- Qt's widgets, in Vietnamese ------------------------------------------------------------


def test_install_keeps_both_translators(vietnamese: None) -> None:
    assert len(i18n._installed) == 2
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QCoreApplication.translate("MainWindow", "Economy") == "Kinh tế"


def _button_box(qtbot: QtBot) -> QDialogButtonBox:
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Yes | SB.No | SB.Save | SB.Close)
    qtbot.addWidget(box)
    return box


def test_standard_buttons(vietnamese: None, qtbot: QtBot) -> None:
    box = _button_box(qtbot)
    texts = {b: _plain(box.button(b).text())
             for b in (SB.Ok, SB.Cancel, SB.Yes, SB.No, SB.Save, SB.Close)}
    assert texts == {SB.Ok: "Đồng ý", SB.Cancel: "Hủy", SB.Yes: "Có", SB.No: "Không",
                     SB.Save: "Lưu", SB.Close: "Đóng"}


def test_message_box(vietnamese: None, qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "WardPlan", "Xóa kế hoạch?", MB.Yes | MB.No)
    qtbot.addWidget(box)
    assert box.button(MB.Yes).text() == "&Có"
    assert box.button(MB.No).text() == "&Không"
    box.setDetailedText("chi tiết")
    box.show()
    details = next(b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    assert details.text() == "Hiện chi tiết..."
    details.click()
    assert details.text() == "Ẩn chi tiết..."


@pytest.mark.parametrize("editor", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_text_context_menus(vietnamese: None, qtbot: QtBot, editor: type) -> None:
    widget = editor()
    qtbot.addWidget(widget)
    menu: QMenu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert texts == ["&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_file_dialog(vietnamese: None, qtbot: QtBot, tmp_path: Path,
                     mode: QFileDialog.AcceptMode) -> None:
    (tmp_path / "ke-hoach.wardplan").write_text("x", encoding="utf-8")
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    label = {name: dialog.findChild(QLabel, name).text()
             for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")}
    assert label == {"lookInLabel": "Tìm t&rong:", "fileNameLabel": "&Tên tệp:",
                     "fileTypeLabel": "&Kiểu tệp:"}
    tips = {name: dialog.findChild(QToolButton, name).toolTip()
            for name in ("backButton", "forwardButton", "toParentButton", "newFolderButton",
                         "listModeButton", "detailModeButton")}
    assert tips == {"backButton": "Quay lại", "forwardButton": "Tiến tới",
                    "toParentButton": "Thư mục cha", "newFolderButton": "Tạo thư mục mới",
                    "listModeButton": "Dạng danh sách", "detailModeButton": "Dạng chi tiết"}
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    accept, title = (("&Mở", "Mở") if mode == QFileDialog.AcceptMode.AcceptOpen
                     else ("&Lưu", "Lưu thành"))
    assert [b.text() for b in buttons.buttons()] == [accept, "Hủy"]
    assert dialog.windowTitle() == title
    model = dialog.findChild(QTreeView, "treeView").model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    assert dialog.nameFilters() == ["Tất cả các tệp (*)"]


def test_print_preview(vietnamese: None, qtbot: QtBot) -> None:
    printer = QPrinter()  # must outlive the dialog, or Qt crashes
    dialog = QPrintPreviewDialog(printer)
    try:
        actions = {a.text() for a in dialog.findChildren(QAction)}
        assert {"Trang đầu", "Trang trước", "Trang sau", "Trang cuối", "Vừa chiều rộng",
                "Vừa trang", "Phóng to", "Thu nhỏ", "Dọc", "Ngang", "Hiện từng trang",
                "Hiện hai trang đối diện", "Hiện tổng quan mọi trang", "In",
                "Thiết lập trang"} <= actions
        assert dialog.windowTitle() == "Xem trước khi in"
    finally:
        shiboken6.delete(dialog)
    del printer


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the print dialog is native")
def test_print_dialog(vietnamese: None, qtbot: QtBot) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    try:
        buttons = {b.text() for b in dialog.findChildren(QPushButton)}
        assert {"&In", "Hủy", "Tùy &chọn >>", "Th&uộc tính"} <= buttons
        assert {"&Tên:", "Số bản:"} <= {label.text() for label in dialog.findChildren(QLabel)}
        assert dialog.windowTitle() == "In"
    finally:
        shiboken6.delete(dialog)
    del printer


def test_other_standard_dialogs(vietnamese: None, qtbot: QtBot) -> None:
    progress = QProgressDialog()
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    ask = QInputDialog()
    for widget in (progress, wizard, ask):
        qtbot.addWidget(widget)
    assert [b.text() for b in progress.findChildren(QPushButton)] == ["Hủy"]
    buttons = QWizard.WizardButton
    assert [wizard.buttonText(b) for b in (buttons.BackButton, buttons.NextButton,
                                           buttons.FinishButton, buttons.CancelButton)] == [
        "< &Quay lại", "&Tiếp >", "&Hoàn tất", "Hủy"]
    assert ask.labelText() == "Nhập giá trị:"


# --- ... and in English ---------------------------------------------------------------------


def test_english_leaves_qt_english(english: None, qtbot: QtBot, tmp_path: Path) -> None:
    assert i18n._installed == []
    box = _button_box(qtbot)
    assert [_plain(box.button(b).text()) for b in (SB.Ok, SB.Cancel, SB.Yes, SB.No)] == [
        "OK", "Cancel", "Yes", "No"]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert menu.actions()[0].text().split("\t")[0] == "&Undo"
    menu.deleteLater()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "lookInLabel").text() == "&Look in:"
    printer = QPrinter()
    preview = QPrintPreviewDialog(printer)
    try:
        assert preview.windowTitle() == "Print Preview"
    finally:
        shiboken6.delete(preview)
    del printer
