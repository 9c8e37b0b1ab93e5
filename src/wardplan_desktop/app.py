"""``wardplan``: start the desktop program."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from . import __version__, i18n
from .core import service
from .core.errors import WardPlanError
from .core.storage.database import Database, open_data_folder
from .paths import APP_NAME, ORG_NAME, default_data_dir, resource_path


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


def offer_demo(db: Database, parent: object = None) -> bool:
    """On a first run (no plans at all), offer to load the sample plans."""
    if service.list_plans(db):
        return False
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question, translate("App", "Welcome to WardPlan Desktop"),
                      translate("App", "There are no plans yet. Load three sample ward plans to "
                                "look around? You can delete them later."))
    load = box.addButton(translate("App", "Load sample plans"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Start empty"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not load:
        return False
    for path in demo_files():
        service.import_plan_file(db, path)
    return True


def run(argv: Sequence[str], exec_: bool = True) -> int:
    args = _arguments(argv)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "wardplan"])
    i18n.install(i18n.chosen_language(args.lang))
    from .gui.main_window import MainWindow

    try:
        db = open_data_folder(args.data_dir or default_data_dir())
    except WardPlanError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "WardPlan Desktop"),
                             exc.render(QCoreApplication.translate))
        return 1
    try:
        if not args.smoke_test and exec_:
            offer_demo(db)
        window = MainWindow(db)
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
            db.close()


def main() -> None:
    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
