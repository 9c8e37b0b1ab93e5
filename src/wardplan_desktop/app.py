"""``wardplan``: start the desktop program."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# What the start needs of the core is imported before Qt: once PySide6 is loaded, it
# reads the source of every module imported after it (to find the ones that use it).
# The ORM (SQLAlchemy's few hundred modules) is not among it: the window shows the
# plan without it, and it is loaded once the window is up (:func:`_load_the_rest`).
from . import __version__
from .core import checks, reading  # noqa: F401 - checks: the window's, imported before Qt
from .core.documents import export  # noqa: F401 - the same
from .core.errors import WardPlanError
from .core.storage.database import Database, open_data_folder
from .core.sync import package  # noqa: F401 - the window's, imported before Qt
from .paths import APP_NAME, ORG_NAME, default_data_dir, resource_path

# isort: split
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from . import i18n
from .gui.crash import install_excepthook
from .logs import LOG_FILENAME, default_log_dir, install_qt_message_handler, setup_logging
from .single_instance import SingleInstance

log = logging.getLogger(__name__)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wardplan")
    parser.add_argument("--data-dir", type=Path, metavar="DIR")
    parser.add_argument("--lang", choices=i18n.LANGUAGES)
    parser.add_argument("--smoke-test", action="store_true",
                        help="start, paint the main window once and exit (for packaging checks)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def demo_files() -> list[Path]:
    return sorted(resource_path("demo").glob("*.json"))


def load_samples(db: Database) -> None:
    from .core import service

    for path in demo_files():
        service.import_plan_file(db, path)


def first_start(db: Database) -> bool:
    """On an empty data folder, the first-start wizard: a ward, an upper level, or the
    sample plans.  Returns whether the folder was set up."""
    if reading.list_plans(db) or reading.folder_role(db)[0]:
        return False
    from .gui.first_run import FirstRunWizard  # with the ORM: only for a new folder

    wizard = FirstRunWizard(db, lambda: load_samples(db))
    return wizard.exec() == QDialog.DialogCode.Accepted


def _show_window(window: QWidget) -> None:
    """Bring the program forward (asked by a second start on the same data folder)."""
    target = QApplication.activeModalWidget() or window
    if target.isMinimized():
        target.showNormal()
    target.raise_()
    target.activateWindow()


def _folder_in_use(folder: Path) -> None:
    translate = QCoreApplication.translate
    QMessageBox.critical(
        None, translate("App", "WardPlan Desktop"),
        translate("App", "The data folder {folder} is in use by another program (perhaps "
                  "WardPlan Desktop started by another user or on another computer), which "
                  "does not answer. WardPlan Desktop cannot start on it now. Close the other "
                  "program and start again.").format(folder=folder))


def _ask_for_another_folder(message: str, folder: Path) -> Path | None:
    """The data folder could not be opened: choose another one (its path) or quit (None)."""
    translate = QCoreApplication.translate
    while True:
        box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "WardPlan Desktop"),
                          translate("App", "The data folder {folder} cannot be opened.")
                          .format(folder=folder))
        box.setInformativeText(message + "\n\n" + translate(
            "App", "You can choose another folder for your data, or quit."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = box.addButton(translate("App", "Choose another folder…"),
                               QMessageBox.ButtonRole.AcceptRole)
        choose.setObjectName("chooseFolderButton")
        box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(choose)
        box.exec()
        chosen = box.clickedButton() is choose
        box.deleteLater()
        if not chosen:
            return None
        picked = QFileDialog.getExistingDirectory(
            None, translate("App", "Choose a folder for WardPlan data"), str(folder.parent))
        if picked:
            return Path(picked)


def _open(folder: Path, smoke: bool) -> tuple[Database, SingleInstance | None] | int:
    """Claim and open a data folder, asking for another while it fails; or an exit code."""
    while True:
        instance = None
        if not smoke:  # the smoke test writes nothing in the data folder, not even a lock
            instance = SingleInstance(folder)
            if not instance.acquire():
                if instance.notify_running():
                    log.info("Already running on %s: brought that window forward.", folder)
                    return 0
                log.error("Data folder %s is locked by a program that does not answer.", folder)
                _folder_in_use(folder)
                return 1
        try:
            return open_data_folder(folder), instance
        except WardPlanError as exc:
            if instance is not None:
                instance.release()
            log.error("Cannot open the data folder %s: %s", folder, exc)
            if smoke:
                print(exc, file=sys.stderr)
                return 1
            other = _ask_for_another_folder(exc.render(QCoreApplication.translate), folder)
            if other is None:
                return 1
            folder = other


def run(argv: Sequence[str], exec_: bool = True) -> int:
    args = _arguments(argv)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "wardplan"])
    app.setWindowIcon(QIcon(str(resource_path("icons", "wardplan.png"))))
    try:
        log_file = setup_logging()
    except OSError as exc:  # no log is no reason not to start
        log_file = default_log_dir() / LOG_FILENAME
        print(f"wardplan: cannot write the log in {log_file.parent}: {exc}", file=sys.stderr)
    restore_qt_messages = install_qt_message_handler()
    restore_excepthook = install_excepthook(log_file, interactive=not args.smoke_test)
    i18n.install(i18n.chosen_language(args.lang))
    folder = args.data_dir or default_data_dir()
    log.info("WardPlan Desktop %s starting (Python %s, Qt %s) on data folder %s",
             __version__, sys.version.split()[0], qVersion(), folder)
    # Hooks stay installed should an exception escape: the interpreter reports it
    # through them.  On a normal return they are put back (the tests run many times).
    code = _run(args, app, folder, exec_)
    log.info("WardPlan Desktop stopping (exit code %s)", code)
    restore_excepthook()
    restore_qt_messages()
    return code


def _run(args: argparse.Namespace, app: QApplication, folder: Path, exec_: bool) -> int:
    from .gui.main_window import MainWindow

    opened = _open(folder, args.smoke_test)
    if isinstance(opened, int):
        return opened
    db, instance = opened
    log.info("Data folder opened: %s", db.path.parent)
    window = None
    try:
        if not args.smoke_test and exec_:
            _backup_at_start(db)
            first_start(db)
        window = MainWindow(db)
        if instance is not None:
            instance.activate_requested.connect(lambda: _show_window(window))
        if not args.smoke_test and exec_:
            _AfterFirstPaint(window, _load_the_rest)
        window.show()
        if args.smoke_test:
            app.processEvents()
            window.grab()  # forces a full paint of the window
            app.processEvents()
            # No event loop is entered (and none quit): the process, or the test
            # suite running it, goes on with its timers intact.
            window.close()  # nothing was typed, so closing saves nothing
            window.deleteLater()
            return 0
        return app.exec() if exec_ else 0
    finally:
        if exec_ or args.smoke_test:
            # A restore from a backup gives the window a database of its own.
            (window.db if window is not None else db).close()
            if instance is not None:
                instance.release()


class _AfterFirstPaint(QObject):
    """Calls ``then`` once ``window`` has been painted the first time (as soon as the
    event loop is free again: a paint may wait behind other events, on Windows)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _load_the_rest() -> None:
    """Load what writing needs (the ORM and the core's editing functions) once the
    window is up, so that the first edit does not wait for it.  The window shows a
    plan without them (``core.reading``); importing them takes a few tenths of a
    second, which the clerk would otherwise meet as a pause on the first change."""
    from .core import editing, service  # noqa: F401


def _backup_at_start(db: Database) -> None:
    """The day's first start keeps a copy of the data (rotated after 30 days); a
    backup that fails is logged, never a reason not to start."""
    from .core.storage import backups

    try:
        made = backups.backup_at_start(db)
    except WardPlanError as exc:
        log.warning("No backup at start: %s", exc.render())
    else:
        if made is not None:
            log.info("Backup at start: %s", made)


def main() -> None:
    if getattr(sys, "frozen", False):  # freeze_support does nothing in other programs
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
