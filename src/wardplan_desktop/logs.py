"""The program's log: a few rotating UTF-8 files in the user's log folder.

The log lives outside the data folder (``platformdirs.user_log_dir``), so that
writing it never touches the plans, and ``--smoke-test`` leaves the data folder
as it found it.  ``$WARDPLAN_LOG_DIR`` moves it (tests, development).  Logging
only ever appends; a full log rolls over to ``wardplan.log.1`` … ``.5``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from .paths import APP_NAME

LOG_DIR_ENV = "WARDPLAN_LOG_DIR"
LOG_FILENAME = "wardplan.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _WardPlanFileHandler(RotatingFileHandler):
    """Marks the handler :func:`setup_logging` installed, so it is installed once."""


def default_log_dir() -> Path:
    """``$WARDPLAN_LOG_DIR`` if set, else the platform's user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def _our_handler() -> _WardPlanFileHandler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _WardPlanFileHandler):
            return handler
    return None


def setup_logging(log_dir: Path | None = None, max_bytes: int = MAX_BYTES,
                  backup_count: int = BACKUP_COUNT) -> Path:
    """Send the root logger (INFO and above) to the rotating log file; return its path.

    Calling it again adds no second handler; with another folder it moves the
    log there.  Raises :class:`OSError` when the log folder cannot be created.
    """
    folder = Path(log_dir) if log_dir is not None else default_log_dir()
    log_file = folder / LOG_FILENAME
    root = logging.getLogger()
    current = _our_handler()
    if current is not None:
        if Path(current.baseFilename) == log_file.absolute():
            return log_file
        root.removeHandler(current)
        current.close()
    folder.mkdir(parents=True, exist_ok=True)
    handler = _WardPlanFileHandler(log_file, maxBytes=max_bytes, backupCount=backup_count,
                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return log_file


def shutdown_logging() -> None:
    """Remove and close the handler :func:`setup_logging` installed (if any)."""
    handler = _our_handler()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def install_qt_message_handler() -> Callable[[], None]:
    """Route Qt's own messages to the ``qt`` logger; return a function that undoes it.

    The handler that was installed before (pytest-qt's, in the tests) still
    receives every message; with none, the message also goes to stderr as Qt
    would print it.  Call this from the program's start, never at import.
    """
    logger = logging.getLogger("qt")

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = getattr(context, "category", None)
        prefix = f"[{category}] " if category and category != "default" else ""
        logger.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", prefix, message)
        if previous is not None:
            previous(mode, context, message)
        elif sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
