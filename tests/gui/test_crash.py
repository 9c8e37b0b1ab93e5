"""The crash report: logged in full, shown once, never raising itself."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from wardplan_desktop import i18n, logs
from wardplan_desktop.gui import crash


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = logs.setup_logging(tmp_path / "log")
    yield path
    logs.shutdown_logging()


@pytest.fixture
def english(qapp: QApplication) -> None:
    i18n.install("en")
    yield
    i18n.install(i18n.chosen_language())


def _log_text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _raised(message: str = "the plan broke") -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError(message)
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__


def _click_on_exec(monkeypatch: pytest.MonkeyPatch, *names: str) -> list[crash.CrashDialog]:
    """Make CrashDialog.exec click the named buttons in turn; return the dialogs shown."""
    shown: list[crash.CrashDialog] = []
    order = list(names)

    def exec_(self: crash.CrashDialog) -> int:
        shown.append(self)
        getattr(self, order.pop(0)).click()
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", exec_)
    return shown


def test_report_logs_the_traceback_and_names_the_log_file(
        qtbot, english, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _click_on_exec(monkeypatch, "continue_button")
    assert crash.report(*_raised(), log_file=log_file) is False
    text = _log_text(log_file)
    assert "CRITICAL" in text and "Traceback (most recent call last)" in text
    assert "ValueError: the plan broke" in text
    [dialog] = shown
    assert dialog.icon() == QMessageBox.Icon.Critical
    assert "unexpected error" in dialog.text()
    assert str(log_file) in dialog.informativeText()
    assert "saved" in dialog.informativeText()
    assert "ValueError: the plan broke" in dialog.detailedText()


def test_dialog_in_vietnamese_has_the_same_shape(qtbot, log_file: Path) -> None:
    i18n.install("vi")
    dialog = crash.CrashDialog(log_file, "details")
    qtbot.addWidget(dialog)
    assert str(log_file) in dialog.informativeText()
    assert {dialog.copy_button, dialog.folder_button, dialog.quit_button,
            dialog.continue_button} <= set(dialog.buttons())
    assert dialog.escapeButton() is dialog.continue_button


def test_copy_then_quit(qtbot, english, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _click_on_exec(monkeypatch, "copy_button", "quit_button")
    assert crash.report(*_raised(), log_file=log_file) is True
    assert len(shown) == 2  # shown again after copying
    clipboard = QApplication.clipboard().text()
    assert str(log_file) in clipboard and "ValueError: the plan broke" in clipboard


def test_not_interactive_shows_nothing(qtbot, log_file: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _click_on_exec(monkeypatch)
    assert crash.report(*_raised(), log_file=log_file, interactive=False) is False
    assert shown == []
    assert "the plan broke" in _log_text(log_file)


@pytest.mark.qt_no_exception_capture
def test_hook_falls_back_to_stderr_when_the_dialog_fails(
        qtbot, log_file: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(self: crash.CrashDialog) -> bool:
        raise RuntimeError("the dialog itself broke")

    monkeypatch.setattr(crash.CrashDialog, "choose_quit", broken)
    restore = crash.install_excepthook(log_file)
    try:
        sys.excepthook(*_raised())  # must not raise
    finally:
        restore()
    err = capsys.readouterr().err
    assert "ValueError: the plan broke" in err
    assert "RuntimeError: the dialog itself broke" in err
    assert "the plan broke" in _log_text(log_file)


@pytest.mark.qt_no_exception_capture
def test_an_error_while_reporting_opens_no_second_dialog(
        qtbot, log_file: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[crash.CrashDialog] = []

    def exec_(self: crash.CrashDialog) -> int:
        shown.append(self)
        sys.excepthook(*_raised("a second error"))  # e.g. a slot failing while shown
        self.continue_button.click()
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", exec_)
    restore = crash.install_excepthook(log_file)
    try:
        sys.excepthook(*_raised())
    finally:
        restore()
    assert len(shown) == 1
    assert "a second error" in capsys.readouterr().err
    text = _log_text(log_file)
    assert "the plan broke" in text and "a second error" in text


def test_thread_exception_is_logged_and_shown_from_the_gui_thread(
        qtbot, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _click_on_exec(monkeypatch, "continue_button")
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # no stderr noise
    restore = crash.install_excepthook(log_file)
    try:
        def fail() -> None:
            raise ValueError("worker broke")

        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        restore()
    assert "ValueError: worker broke" in _log_text(log_file)


def test_without_qapplication_only_log_and_stderr(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from wardplan_desktop import logs\n"
        "from wardplan_desktop.gui import crash\n"
        f"path = logs.setup_logging(Path({str(tmp_path)!r}))\n"
        "crash.install_excepthook(path)\n"
        "raise ValueError('no application here')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "ValueError: no application here" in result.stderr
    assert "no application here" in (tmp_path / "wardplan.log").read_text(encoding="utf-8")
