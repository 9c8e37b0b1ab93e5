"""Starting the program: the log, the data folder that cannot be opened, a second start."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from wardplan_desktop import app as app_module
from wardplan_desktop import logs
from wardplan_desktop.core.storage.database import DB_FILENAME, Database
from wardplan_desktop.single_instance import LOCK_FILENAME, SingleInstance


@pytest.fixture(autouse=True)
def _quick_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log in a temporary folder, no event loop, no first-run question."""
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "log"))
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(app_module, "first_start", lambda *args, **kwargs: False)
    yield tmp_path / "log" / logs.LOG_FILENAME
    logs.shutdown_logging()


def _answer_box(monkeypatch: pytest.MonkeyPatch, button: str | None) -> list[str]:
    """QMessageBox.exec clicks the button named ``button`` (None: the last one)."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text() + "\n" + box.informativeText())
        target = box.findChild(QPushButton, button) if button else box.buttons()[-1]
        target.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def _unopenable(tmp_path: Path) -> Path:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    return blocker / "data"


def test_unopenable_folder_offers_another(qtbot, tmp_path: Path, monkeypatch, _quick_start):
    bad, good = _unopenable(tmp_path), tmp_path / "elsewhere"
    good.mkdir()
    texts = _answer_box(monkeypatch, "chooseFolderButton")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(good)))
    assert app_module.run(["--data-dir", str(bad), "--lang", "en"]) == 0
    assert len(texts) == 1 and str(bad) in texts[0]
    assert (good / DB_FILENAME).exists()
    assert not (good / LOCK_FILENAME).exists()  # released on the way out
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = _quick_start.read_text(encoding="utf-8")
    assert "starting" in log_text and "Cannot open the data folder" in log_text
    assert "stopping (exit code 0)" in log_text


def test_unopenable_folder_quit(qtbot, tmp_path: Path, monkeypatch):
    texts = _answer_box(monkeypatch, None)  # the last button: Quit
    assert app_module.run(["--data-dir", str(_unopenable(tmp_path))]) == 1
    assert len(texts) == 1


def test_second_start_brings_the_first_forward(qtbot, data_dir: Path):
    first = SingleInstance(data_dir)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=3000):
            assert app_module.run(["--data-dir", str(data_dir)]) == 0
    finally:
        first.release()
    assert not (data_dir / DB_FILENAME).exists()  # the second start opened nothing


def test_folder_held_by_a_silent_program(qtbot, data_dir: Path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(SingleInstance, "notify_running", lambda self, timeout_ms=0: False)
    first = SingleInstance(data_dir)
    assert first.acquire()
    try:
        assert app_module.run(["--data-dir", str(data_dir), "--lang", "en"]) == 1
    finally:
        first.release()
    assert len(shown) == 1 and str(data_dir) in shown[0]


def test_smoke_test_takes_no_lock(qtbot, data_dir: Path):
    assert app_module.run(["--smoke-test", "--data-dir", str(data_dir)]) == 0
    # The windows carry the program's icon (title bar, task bar), not the platform's.
    assert not QApplication.windowIcon().isNull()
    assert not (data_dir / LOCK_FILENAME).exists()
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILENAME] or all(
        p.name.startswith(DB_FILENAME) for p in data_dir.iterdir())


def test_the_days_first_start_keeps_a_backup_and_a_failed_one_is_no_obstacle(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from wardplan_desktop.core.errors import StorageError
    from wardplan_desktop.core.storage import backups

    app_module._backup_at_start(db)
    app_module._backup_at_start(db)  # once a day
    assert [b.reason for b in backups.list_backups(db.path.parent)] == ["start"]

    def fail(_db: Database) -> None:
        raise StorageError()

    monkeypatch.setattr(backups, "backup_at_start", fail)
    app_module._backup_at_start(db)  # logged, not raised
