"""The benchmarks keep working: their helpers run on tiny inputs and the table has every row.

Nothing here is timed: the benchmarks themselves (``benchmarks/run_all.py``) are
too long for the test suite, and their numbers depend on the machine.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QTabWidget, QTreeView

from support import SEED_003, seed
from wardplan_desktop.core import service
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.gui.main_window import MainWindow

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
MODULES = ("run_all", "jobs", "bare_window", "documents", "libreoffice", "sync_import")


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    """The benchmark scripts, imported as their own commands import each other."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield {name: __import__(name) for name in ("run_all", "jobs", "bare_window")}
    finally:
        sys.path.remove(str(BENCHMARKS))
        for name in MODULES:  # plain names ("documents", "jobs") are not left behind
            sys.modules.pop(name, None)


def test_a_process_is_measured_and_a_failing_one_reported(bench: dict[str, Any]) -> None:
    run_all = bench["run_all"]
    sample = run_all.run_process(
        [sys.executable, "-c", "print('noise'); print('{\"seconds\": 0.25}')"], {})
    assert sample.seconds == 0.25 and sample.out == {"seconds": 0.25}
    assert sample.peak_mb > 0 and sample.wall > 0
    with pytest.raises(RuntimeError, match="failed"):
        run_all.run_process([sys.executable, "-c", "raise SystemExit(3)"], {})


def _series(run_all: Any, out: dict[str, Any] | None = None) -> Any:
    return run_all.Series([run_all.Sample(1.0, 0.5, 100.0, out or {"seconds": 0.5})])


@pytest.mark.parametrize("libreoffice", [True, False])
def test_the_table_has_every_row(bench: dict[str, Any], libreoffice: bool) -> None:
    run_all = bench["run_all"]
    args = run_all.parse(["--runs", "1", "--sizes", "3", "10", "--units", "10"])
    benchmark = run_all.Benchmark(args, Path("/nowhere"))
    benchmark.ward_out = {"values_entered": 12}
    keys = ["startup", "bare", "pdf", "xlsx", "import-3", "import-10", "consolidated", "gui"]
    if libreoffice:
        keys += ["lo-pdf", "lo-xlsx"]
    benchmark.series = {key: _series(run_all) for key in keys}
    benchmark.series["plain"] = _series(run_all, {"seconds": 0.1, "cells": 80})
    table = benchmark.table("run_all.py --quick", run_all.machine(sys.executable),
                            ("1.0", "1.0"), 60)
    rows = [line for line in table.splitlines() if line.startswith("| ") and
            line[2].isdigit()]
    assert [row.split(" | ")[0] for row in rows] == [f"| {i}" for i in range(1, 8)]
    for words in ("Start-up", "PDF of a large plan", "Excel appendices",
                  "Receiving 3 signed", "Receiving 10 signed", "Consolidated workbook",
                  "Peak memory"):
        assert sum(words in row for row in rows) == 1, words
    assert all(row.count(" | ") == 8 for row in rows)  # nine cells each
    for name in ("CPU", "RAM", "OS", "Python", "PySide6", "SQLite", "LibreOffice"):
        assert f"- {name}: " in table
    assert "Command: `run_all.py --quick`" in table


def test_the_jobs_run_on_tiny_inputs(bench: dict[str, Any], tmp_path: Path,
                                     qapp: QApplication,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    jobs = bench["jobs"]
    made = jobs.build_ward(tmp_path / "ward", years=2)
    assert made["plans"] == 2 and made["values_entered"] > 0
    db = open_data_folder(tmp_path / "ward")
    try:
        latest = service.export_plan(db, "P-LELOI", 2025)["plan"]
    finally:
        db.close()
    assert latest["sections"]  # the text typed in again after the rollover
    indicators = [i for g in latest["indicator_groups"] for i in g["indicators"]]
    periods = {(v["year"], v["period"]) for i in indicators for v in i["values"]}
    assert {(2024, "final"), (2024, "estimate"), (2025, "target")} <= periods

    assert jobs.write_ward_files(tmp_path / "files", 3) == {"files": 3}
    received = jobs.import_files(tmp_path / "files", 2, tmp_path / "upper")
    assert received["files"] == 2 and received["seconds"] > 0
    assert jobs.consolidated_xlsx(tmp_path / "upper")["bytes"] > 0
    assert jobs.write_consolidated_cells(tmp_path / "upper", tmp_path / "cells.json") \
        == {"units": 2, "lines": 23}
    assert jobs.plain_xlsx(tmp_path / "cells.json")["cells"] > 0
    shown = jobs.gui_national(tmp_path / "upper")
    assert shown["units"] == 2 and shown["plans"] == 2 and shown["peak_mb"] > 0

    assert jobs.main(["xlsx"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["bytes"] > 0


def _shape(window: Any) -> tuple[int, int, int]:
    views = window.findChildren(QAbstractItemView)
    return (len(window.findChildren(QTabWidget)),
            sum(isinstance(v, QTableView) for v in views),
            sum(isinstance(v, QTreeView) for v in views))


def test_the_bare_window_is_shaped_like_the_main_window(bench: dict[str, Any],
                                                        tmp_path: Path,
                                                        qapp: QApplication) -> None:
    """The start-up reference keeps as many tab widgets and tables as the main window."""
    db = open_data_folder(tmp_path / "ward")
    service.import_plan_data(db, codec.with_new_uids(seed(SEED_003)), "seed")
    window = MainWindow(db)
    bare = bench["bare_window"].build()
    try:
        assert _shape(bare) == _shape(window)
    finally:
        window.close()
        bare.close()
        db.close()
