"""What the user sees when the program meets a bug: a crash report instead of vanishing.

Every uncaught exception (in the main thread, in a Qt slot, in a worker thread)
is written in full to the log and shown in a dialog that says what is safe
(edits are saved one at a time, so everything before the failing action is
stored), where the log is, and lets the user continue or quit.  Reporting never
recurses: an error while reporting falls back to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # called with literal texts, so lupdate finds them

_busy = threading.Lock()


def format_details(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def _to_stderr(text: str) -> None:
    stream = sys.stderr or sys.__stderr__
    if stream is None:  # a windowed program on Windows has no console
        return
    try:
        stream.write(text if text.endswith("\n") else text + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


class CrashDialog(QMessageBox):
    """The crash report: what happened, what is safe, where the log is; continue or quit."""

    def __init__(self, log_file: Path, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_file = Path(log_file)
        self.details = details
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(translate("Crash", "WardPlan Desktop: unexpected error"))
        self.setText(translate("Crash", "The program met an unexpected error."))
        self.setInformativeText(
            translate("Crash", "Your changes are saved one at a time as you make them: "
                "everything before the action that failed is stored safely. That last "
                "action may not have been saved; check it if you continue.\n\n"
                "The details were written to the log file:\n{path}\n\n"
                "Please send this file to whoever supports the program.")
            .format(path=str(self.log_file)))
        self.setDetailedText(details)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        role = QMessageBox.ButtonRole
        self.copy_button = self.addButton(translate("Crash", "Copy details"), role.ActionRole)
        self.folder_button = self.addButton(translate("Crash", "Open log folder"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton(translate("Crash", "Quit"), role.DestructiveRole)
        self.continue_button = self.addButton(translate("Crash", "Continue"), role.RejectRole)
        self.setDefaultButton(self.continue_button)
        self.setEscapeButton(self.continue_button)

    def copy_details(self) -> None:
        text = f"{self.log_file}\n\n{self.details}"
        QGuiApplication.clipboard().setText(text)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def choose_quit(self) -> bool:
        """Show the dialog until the user continues (False) or quits (True).

        A click on any button closes a QMessageBox, so copying and opening the
        folder show it again.
        """
        while True:
            self.exec()
            clicked = self.clickedButton()
            if clicked is self.copy_button:
                self.copy_details()
            elif clicked is self.folder_button:
                self.open_log_folder()
            else:
                return clicked is self.quit_button


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *,
           log_file: Path, interactive: bool = True) -> bool:
    """Log an uncaught exception and, with a QApplication, show the crash dialog.

    Returns True when the user chose to quit.  Must run in the GUI thread.
    """
    details = format_details(exc_type, exc, tb)
    log.critical("Uncaught exception:\n%s", details.rstrip())
    return show_report(log_file, details) if interactive else False


def show_report(log_file: Path, details: str) -> bool:
    """Show the crash dialog (when there is a QApplication); True when the user quits."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return False
    parent = QApplication.activeModalWidget() or QApplication.activeWindow()
    dialog = CrashDialog(log_file, details, parent)
    try:
        return dialog.choose_quit()
    finally:
        dialog.deleteLater()


class _Reporter(QObject):
    """Lives in the GUI thread; a crash in another thread reaches it through a queued signal."""

    crashed = Signal(str)

    def __init__(self, log_file: Path, interactive: bool) -> None:
        super().__init__()
        self.log_file = log_file
        self.interactive = interactive
        self.crashed.connect(self._show)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.interactive:
            _guarded(details, lambda: show_report(self.log_file, details))


def _guarded(details: str, show: Callable[[], bool]) -> None:
    """Run ``show`` unless a report is already under way; never raise."""
    if not _busy.acquire(blocking=False):
        # An error while reporting another one: no second dialog, stderr has it.
        _to_stderr(details)
        return
    try:
        if show():
            log.info("The user chose to quit after the error.")
            QCoreApplication.exit(1)
    except BaseException as failure:  # noqa: BLE001 - never let the hook raise
        _to_stderr(details)
        _to_stderr("Error while reporting the error above:\n"
                   + format_details(type(failure), failure, failure.__traceback__))
    finally:
        _busy.release()


def _log_quietly(details: str) -> None:
    try:
        log.critical("Uncaught exception:\n%s", details.rstrip())
    except Exception:  # noqa: BLE001 - the log itself may be what fails
        _to_stderr(details)


def install_excepthook(log_file: Path, interactive: bool = True) -> Callable[[], None]:
    """Report uncaught exceptions (``sys`` and ``threading``); return a function that undoes it.

    The hooks that were installed before still run first (they print the
    traceback to stderr, or, in the tests, let pytest-qt fail the test).  An
    exception in another thread is logged there and shown from the GUI thread.
    Without a QApplication, or with ``interactive`` False, nothing is shown.
    """
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook
    reporter = _Reporter(Path(log_file), interactive)

    def chain(call: Callable[[], object]) -> None:
        with contextlib.suppress(Exception):  # the previous hook failing must not stop ours
            call()

    def sys_hook(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        chain(lambda: previous_sys(exc_type, exc, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            return
        details = format_details(exc_type, exc, tb)
        _log_quietly(details)
        if threading.current_thread() is threading.main_thread():
            reporter._show(details)
        else:  # a Qt slot in a QThread: show it from the GUI thread
            reporter.crashed.emit(details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        chain(lambda: previous_thread(args))
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        details = format_details(args.exc_type, args.exc_value, args.exc_traceback)
        _log_quietly(details)
        reporter.crashed.emit(details)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook

    def restore() -> None:
        if sys.excepthook is sys_hook:
            sys.excepthook = previous_sys
        if threading.excepthook is thread_hook:
            threading.excepthook = previous_thread

    return restore
