"""Preview, print and export from the main window, run for real offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from support import SEEDS
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.gui import printing
from wardplan_desktop.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    i18n.install("vi")
    for seed in SEEDS:
        service.import_plan_file(db, seed)
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    row = next(i for i in range(w.plans.rowCount()) if w.plans.plan_at(i).unit == "P-MYPHU")
    w.select_plan(row)
    return w


def test_preview_shows_every_page_and_prints_them(window: MainWindow, tmp_path: Path,
                                                   qtbot: QtBot) -> None:
    assert window.document_menu.title() == "&Văn bản in"
    window.preview()
    dialog = window.preview_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    expected = len(PdfReader(__import__("io").BytesIO(dialog.pdf)).pages)
    assert dialog.page_count() == expected >= 2
    assert dialog.print_button.text() == "&In…"
    # Print to a PDF file instead of a printer: every page arrives.
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printing.print_pdf(dialog.document, printer)
    assert len(PdfReader(out).pages) == expected
    dialog.close()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_export_writes_the_chosen_file(window: MainWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    window.export_actions[fmt].trigger()
    assert target.exists() and target.stat().st_size > 1000
    assert "Đã ghi" in window.statusBar().currentMessage()


def test_export_failure_is_a_clear_message_and_no_file(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "missing-folder" / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window.export_actions["pdf"].trigger()
    assert shown and "Không ghi được tệp" in shown[0] and "không tồn tại" in shown[0]
    assert not target.exists()


def test_incomplete_plan_names_what_is_missing(
        qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import json

    i18n.install("vi")
    data = json.loads(SEEDS[2].read_text(encoding="utf-8"))
    data["plan"]["signature"]["signer"] = ""
    path = tmp_path / "nosigner.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    service.import_plan_file(db, path)
    w = MainWindow(db)
    qtbot.addWidget(w)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    w.preview()
    assert shown and "tên người ký" in shown[0]


def test_background_work_returns_results_and_raises_errors(qapp: object) -> None:
    assert printing.run_in_background(None, lambda: 41 + 1, "…") == 42
    with pytest.raises(ZeroDivisionError):
        printing.run_in_background(None, lambda: 1 / 0, "…")


def test_printing_keeps_true_size_and_landscape_pages(qapp: object, tmp_path: Path) -> None:
    """Pages print at their own size and orientation, not shrunk into printer margins."""
    import io
    import json

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    from wardplan_desktop.core.documents.pdf import build_pdf

    plan = json.loads(SEEDS[2].read_text(encoding="utf-8"))["plan"]
    plan["appendices"][0]["landscape"] = True
    pdf = build_pdf(plan)
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printing.print_pdf(document, printer)
    source = PdfReader(io.BytesIO(pdf)).pages
    printed = PdfReader(out).pages
    assert len(printed) == len(source)
    for a, b in zip(source, printed, strict=True):
        wa, ha = float(a.mediabox.width), float(a.mediabox.height)
        wb, hb = float(b.mediabox.width), float(b.mediabox.height)
        assert (wa > ha) == (wb > hb)  # orientation kept
        assert abs(wa - wb) < 3 and abs(ha - hb) < 3  # A4 at true size
