"""Shared test set-up: offscreen Qt, a fresh data folder per test, the seed fixtures."""

from __future__ import annotations

import os
from pathlib import Path

# Set once, before any Qt module is imported by a test.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WARDPLAN_LANG", "vi")

import pytest  # noqa: E402

from support import FIXTURES, SEEDS  # noqa: E402,F401 - re-exported for fixtures
from wardplan_desktop.core.storage.database import Database, open_data_folder  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real user data folder, nor writes the real log."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WARDPLAN_DATA_DIR", str(folder))
    monkeypatch.setenv("WARDPLAN_LOG_DIR", str(tmp_path / "log"))
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_data_folder(data_dir)
    yield database
    database.close()


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed_file(request: pytest.FixtureRequest) -> Path:
    return request.param
