"""The rotating log file and the routing of Qt's messages into it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from wardplan_desktop import logs


@pytest.fixture(autouse=True)
def _no_handler_left() -> None:
    yield
    logs.shutdown_logging()


def _our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, logs._WardPlanFileHandler)]


def test_log_goes_to_the_env_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "log"))
    path = logs.setup_logging()
    assert path == tmp_path / "log" / "wardplan.log"
    logging.getLogger("wardplan.test").info("Kế hoạch phường đã mở")
    _our_handlers()[0].flush()
    text = path.read_text(encoding="utf-8")
    assert "INFO" in text and "wardplan.test" in text and "Kế hoạch phường đã mở" in text


def test_setup_is_idempotent(tmp_path: Path) -> None:
    first = logs.setup_logging(tmp_path)
    second = logs.setup_logging(tmp_path)
    assert first == second
    assert len(_our_handlers()) == 1
    # Another folder moves the log: still one handler.
    logs.setup_logging(tmp_path / "other")
    handlers = _our_handlers()
    assert len(handlers) == 1
    assert Path(handlers[0].baseFilename).parent == (tmp_path / "other").absolute()


def test_log_rotates(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path, max_bytes=2000, backup_count=2)
    logger = logging.getLogger("wardplan.test")
    for i in range(200):
        logger.warning("line %d %s", i, "x" * 50)
    _our_handlers()[0].flush()
    assert path.exists()
    assert (tmp_path / "wardplan.log.1").exists()
    assert (tmp_path / "wardplan.log.2").exists()
    assert not (tmp_path / "wardplan.log.3").exists()
    assert all(p.stat().st_size <= 2000 for p in tmp_path.glob("wardplan.log*"))


@pytest.mark.qt_log_ignore("a Qt warning for the log")
def test_qt_messages_are_logged_and_still_seen_by_pytest_qt(tmp_path: Path, qtlog) -> None:
    path = logs.setup_logging(tmp_path)
    restore = logs.install_qt_message_handler()
    try:
        qWarning("a Qt warning for the log")
    finally:
        restore()
    _our_handlers()[0].flush()
    assert "WARNING  qt: a Qt warning for the log" in path.read_text(encoding="utf-8")
    # pytest-qt's own capture still received it: the previous handler is chained.
    assert any("a Qt warning for the log" in r.message for r in qtlog.records)
