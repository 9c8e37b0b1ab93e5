"""Preview, print and export of the printable documents.

Rendering runs on a worker thread from plain plan data (the database is read
on the GUI thread first), with a progress dialog that appears only when the
work lasts more than half a second.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QObject,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.documents.export import export_to_file, render
from ..core.errors import WardPlanError

# Qt's PDF and printing libraries are loaded when a document is first previewed or
# printed; the window uses this module from its start (run_in_background).
if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

translate = QCoreApplication.translate
PROGRESS_DELAY_MS = 500


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Receiver(QObject):
    """Lives on the GUI thread, so the worker's signals reach it through the event queue."""

    def __init__(self) -> None:
        super().__init__()
        self.outcome: dict[str, Any] = {}

    @Slot(object)
    def done(self, result: object) -> None:
        self.outcome["result"] = result

    @Slot(object)
    def failed(self, error: object) -> None:
        self.outcome["error"] = error


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, raised there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(parent: QWidget | None, work: Callable[[], Any], label: str) -> Any:
    """Run ``work`` off the GUI thread and return its result (or raise its error).

    The GUI keeps painting meanwhile; a progress dialog shows if it takes long.
    """
    receiver = _Receiver()
    task = _Task(work)
    task.setAutoDelete(False)
    task.signals.done.connect(receiver.done, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(receiver.failed, Qt.ConnectionType.QueuedConnection)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # type: ignore[arg-type]
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    QThreadPool.globalInstance().start(task)
    while not receiver.outcome:
        # Sleeps until something happens (the worker's answer, a repaint, the dialog's
        # timer).  Given a time limit, processEvents would not wait at all but return at
        # once, and the loop would keep a processor busy the whole time the work takes.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        progress.setValue(0)  # shows the dialog once the delay has passed
    progress.reset()
    progress.deleteLater()
    if "error" in receiver.outcome:
        raise receiver.outcome["error"]
    return receiver.outcome["result"]


class PreviewDialog(QDialog):
    """The document as it will print, page by page, with Print and Save."""

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        # Qt reads the PDF from the buffer lazily: keep both alive with the dialog.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.printer: QPrinter | None = None  # kept: a dropped QPrinter crashes Qt

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.resize(900, 700)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print preview"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.close_button.setText(self.tr("&Close"))

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, self.printer)

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), self.suggested_name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        from ..core.interchange.codec import write_atomically

        try:
            write_atomically(Path(path), self.pdf)
        except WardPlanError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.render(translate))


PRINT_DPI = 300  # enough for text on an office printer; far less memory than 1200 dpi


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Print every page at its true size: the PDF already has the official margins.

    The printer's own margins are switched off (full page), each page takes the
    orientation of the PDF page (landscape appendices stay landscape), and pages
    are rasterised at a bounded resolution.
    """
    printer.setFullPage(True)
    painter = QPainter()
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        landscape = size.width() > size.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        if page == 0:
            if not painter.begin(printer):
                return
        else:
            printer.newPage()
        dpi = min(printer.resolution(), PRINT_DPI)
        image = document.render(page, QSize(round(size.width() / 72 * dpi),
                                            round(size.height() / 72 * dpi)))
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    if painter.isActive():
        painter.end()


def file_filter(fmt: str) -> str:
    return {
        "pdf": translate("Printing", "PDF files (*.pdf)"),
        "docx": translate("Printing", "Word documents (*.docx)"),
        "xlsx": translate("Printing", "Excel workbooks (*.xlsx)"),
    }[fmt]


def render_in_background(parent: QWidget | None, plan: dict[str, Any], fmt: str,
                         document: str, seal: dict[str, str] | None = None) -> bytes:
    return run_in_background(parent, lambda: render(plan, fmt, document, seal),
                             translate("Printing", "Preparing the document…"))


def export_in_background(parent: QWidget | None, plan: dict[str, Any], fmt: str,
                         document: str, path: Path, seal: dict[str, str] | None = None) -> None:
    run_in_background(parent, lambda: export_to_file(plan, fmt, document, path, seal),
                      translate("Printing", "Writing {path}…").format(path=path))
