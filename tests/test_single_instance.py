"""One running program per data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wardplan_desktop.single_instance import LOCK_FILENAME, SingleInstance, server_name


@pytest.fixture
def claims(qapp) -> list[SingleInstance]:
    made: list[SingleInstance] = []
    yield made
    for claim in made:
        claim.release()


def _claim(claims: list[SingleInstance], folder: Path) -> SingleInstance:
    claim = SingleInstance(folder)
    claims.append(claim)
    return claim


def test_second_start_fails_and_asks_the_first_to_come_forward(qtbot, claims, tmp_path):
    first = _claim(claims, tmp_path / "data")
    assert first.acquire()
    assert (tmp_path / "data" / LOCK_FILENAME).exists()
    second = _claim(claims, tmp_path / "data" / ".." / "data")  # same folder, other spelling
    assert not second.acquire()
    with qtbot.waitSignal(first.activate_requested, timeout=3000):
        assert second.notify_running(timeout_ms=1000)


def test_other_folder_is_independent(claims, tmp_path):
    assert _claim(claims, tmp_path / "a").acquire()
    assert _claim(claims, tmp_path / "b").acquire()
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_release_lets_another_take_the_folder(claims, tmp_path):
    first = _claim(claims, tmp_path)
    assert first.acquire()
    first.release()
    assert not (tmp_path / LOCK_FILENAME).exists()
    assert _claim(claims, tmp_path).acquire()


def test_held_lock_without_answer_is_reported(claims, tmp_path):
    first = _claim(claims, tmp_path)
    assert first.acquire()
    first._server.close()  # a holder that does not answer (another program, a hung one)
    second = _claim(claims, tmp_path)
    assert not second.acquire()
    assert not second.notify_running(timeout_ms=300)


def test_stale_lock_of_a_crashed_program_is_taken_over(claims, tmp_path):
    # A process that takes the lock and dies without releasing it.
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"
    )
    lock_path = tmp_path / LOCK_FILENAME
    subprocess.run([sys.executable, "-c", code, str(lock_path)], check=True, timeout=60)
    assert lock_path.exists()
    claim = _claim(claims, tmp_path)
    assert claim.acquire()


def test_unwritable_folder_is_claimed_without_a_lock(claims, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    claim = _claim(claims, blocker / "data")
    assert claim.acquire()  # opening the database will report the real problem
