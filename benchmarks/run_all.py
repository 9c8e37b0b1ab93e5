"""Every benchmark in one command, printed as one Markdown table.

    .venv/bin/python benchmarks/run_all.py [--runs N] [--quick]

About 5 minutes on two cores (1 with ``--quick``); progress goes to standard
error, the table to standard output.

Each measurement runs in a fresh process, ``--runs`` times (default 3; 1 with
``--quick``), interleaved with its reference so both see the same load; the table
gives the median of the runs (the lowest and highest in brackets), the reference
measured in the same run on the same machine, their ratio, the goal and whether
it is met.  The peak memory is the whole process's (with any worker processes
it waited for, the largest of them), read by the operating system when it ends.

Rows:

1. start-up: ``wardplan --smoke-test`` (start, paint the main window once, exit) on a
   ward's data folder holding ten yearly plans, against a bare PySide6 program
   with the same pages and widgets as the main window builds at start (its other
   pages are made when first shown; ``bare_window.py``); the whole process is
   timed.  Goal: at most twice the bare program.
2. PDF of a large plan (``documents.py``'s: 300 indicators, about 35 pages)
   against LibreOffice converting the same plan's Word file to PDF.  Goal: at
   least 4 times faster.
3. Excel appendices of the same plan against LibreOffice opening that workbook
   and saving it again as .xlsx (an office program writing the same workbook).
   No goal is set.
4. receiving N signed ward files (``sync_import.py``'s) in a new upper-level
   folder, for each N; the reference is the smallest N's time scaled linearly.
   Goal: at most 5 s for the country's 3,321 units.
5. the consolidated workbook of 3,321 units' plans against openpyxl writing the
   same cells' values with no formatting (the floor of the library).  No goal is set.
6. peak memory of the main window and the consolidation window opened on the
   upper level holding 3,321 plans, each painted once, against the bare
   program's.  Goal: at most 250 MB.

Set-up, once per command and not timed: the ward's ten years of plans (the
sample plan of Phường Lê Lợi rolled over year by year, every year's results and
targets entered value by value), the wards' files, and the upper level's
database (made by receiving all the files).  Programs run with Qt's offscreen
platform and their Python bytecode cached in the temporary folder, as an
installed program has it; LibreOffice runs with a profile made beforehand.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import libreoffice  # noqa: E402  (beside this file)

JOBS = HERE / "jobs.py"
BARE = HERE / "bare_window.py"
COUNTRY_UNITS = 3321
IMPORT_GOAL_S = 5.0
STARTUP_GOAL, PDF_GOAL, MEMORY_GOAL_MB = 2.0, 4.0, 250.0
DEFAULT_SIZES, QUICK_SIZES = (100, 1000, COUNTRY_UNITS), (100, 1000)
QUICK_UNITS = 1000
TIMEOUT_S = 1800


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    """One run of one process: wall time, processor time, peak memory, what it printed."""

    wall: float
    cpu: float
    peak_mb: float
    out: dict[str, Any]

    @property
    def seconds(self) -> float:
        """The time of the work the process reported, else of the whole process."""
        return float(self.out.get("seconds", self.wall))


def run_process(command: list[str], env: dict[str, str], timeout: float = TIMEOUT_S) -> Sample:
    """Run ``command`` to its end; its time, processor time and peak memory (``wait4``)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env,
                                   stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, process.kill)  # Popen.kill skips an ended process
        timer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode("utf-8", "replace"), err.read().decode("utf-8",
                                                                                 "replace")
    if process.returncode != 0:
        tail = "\n".join(errors.strip().splitlines()[-15:])
        raise RuntimeError(f"{shlex.join(command)} failed ({process.returncode}):\n{tail}")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    peak = usage.ru_maxrss * scale / 1024 / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak, result)


@dataclass
class Series:
    """The samples of one command over the runs."""

    samples: list[Sample] = field(default_factory=list)

    def median(self, value: Callable[[Sample], float]) -> float:
        return statistics.median(value(s) for s in self.samples)

    def spread(self, value: Callable[[Sample], float]) -> tuple[float, float]:
        values = [value(s) for s in self.samples]
        return min(values), max(values)

    @property
    def seconds(self) -> float:
        return self.median(lambda s: s.seconds)

    @property
    def peak_mb(self) -> float:
        return self.median(lambda s: s.peak_mb)


def _seconds_text(series: Series, value: Callable[[Sample], float] = lambda s: s.seconds) -> str:
    text = f"{series.median(value):.2f} s"
    if len(series.samples) > 1:
        low, high = series.spread(value)
        text += f" ({low:.2f}–{high:.2f})"
    return text


# --------------------------------------------------------------------------- the machine


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    return lines[0].strip() if lines else ""


def machine(python: str) -> list[tuple[str, str]]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    system = f"{platform.system()} {platform.release()}"
    with contextlib.suppress(OSError, AttributeError, KeyError):
        system = f"{platform.freedesktop_os_release()['PRETTY_NAME']}, {system}"
    versions = _first_line([python, "-c", (
        "import PySide6, PySide6.QtCore, sqlalchemy, openpyxl, reportlab; "
        "print(PySide6.__version__, PySide6.QtCore.qVersion(), sqlalchemy.__version__, "
        "openpyxl.__version__, reportlab.Version)")]).split()
    pyside = f"{versions[0]} (Qt {versions[1]})" if len(versions) == 5 else "?"
    libraries = (f"SQLAlchemy {versions[2]}, openpyxl {versions[3]}, reportlab {versions[4]}"
                 if len(versions) == 5 else "?")
    soffice = _first_line(["soffice", "--version"]) if shutil.which("soffice") else ""
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("RAM", ram),
        ("OS", system),
        ("Python", _first_line([python, "-c", "import platform; "
                                "print(platform.python_version())"])),
        ("PySide6", pyside),
        ("SQLite", _first_line([python, "-c", "import sqlite3; print(sqlite3.sqlite_version)"])),
        ("LibreOffice", soffice or "not installed"),
        ("Libraries", libraries),
    ]


def _load() -> str:
    try:
        one, five, _fifteen = os.getloadavg()
    except OSError:
        return "?"
    return f"{one:.1f} (5 min: {five:.1f})"


# --------------------------------------------------------------------------- the benchmark


@dataclass
class Row:
    what: str
    ours: str
    ours_peak: str
    reference: str
    ref_peak: str
    ratio: str
    goal: str
    met: str


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


class Benchmark:
    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args = args
        self.folder = folder
        self.python = sys.executable
        program = Path(self.python).with_name("wardplan")
        self.program = [str(program)] if program.exists() else \
            [self.python, "-m", "wardplan_desktop.app"]
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update({
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPYCACHEPREFIX": str(folder / "bytecode"),
            "WARDPLAN_LOG_DIR": str(folder / "logs"),
            "WARDPLAN_DATA_DIR": str(folder / "unused-data"),
        })
        self.env = env
        self.libreoffice = shutil.which("soffice") is not None and not args.no_libreoffice
        self.series: dict[str, Series] = {}

    # ---------------------------------------------------------------- helpers

    def say(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def job(self, *arguments: object) -> list[str]:
        return [self.python, str(JOBS), *map(str, arguments)]

    def measure(self, key: str, command: list[str]) -> Sample:
        sample = run_process(command, self.env)
        self.series.setdefault(key, Series()).samples.append(sample)
        return sample

    def soffice(self, source: Path, fmt: str, outdir: Path) -> list[str]:
        return libreoffice.command(source, fmt, outdir, self.folder / "libreoffice-profile")

    def fresh_copy(self, name: str) -> Path:
        """A copy of the upper level's data folder (its database only)."""
        target = self.folder / name
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        source = sqlite3.connect(self.national / "wardplan.sqlite3")
        copy = sqlite3.connect(target / "wardplan.sqlite3")
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target

    # ---------------------------------------------------------------- set-up

    def set_up(self) -> None:
        a, f = self.args, self.folder
        self.ward = f / "ward"
        self.docs = f / "documents"
        self.files = f / "ward-files"
        self.national = f / "national"
        start = time.perf_counter()
        self.say(f"Set-up in {f}: a ward with {a.years} years of plans…")
        self.ward_out = run_process(self.job("ward-db", self.ward, "--years", a.years),
                                    self.env).out
        self.say("… the large plan's documents…")
        run_process(self.job("documents", self.docs), self.env)
        files = max([*a.sizes, a.units])
        self.say(f"… {files} signed ward files…")
        run_process(self.job("ward-files", self.files, files), self.env)
        self.say(f"… the upper level holding {a.units} plans…")
        run_process(self.job("import", self.files, a.units, self.national), self.env)
        self.cells = f / "cells.json"
        run_process(self.job("consolidated-cells", self.national, self.cells), self.env)
        if self.libreoffice:
            self.say("… LibreOffice's profile…")
            run_process(self.soffice(self.docs / "plan.docx", "pdf", f / "lo-first"), self.env)
        # Warm-up, not counted: the first start caches bytecode and fills the disk cache.
        run_process([*self.program, "--smoke-test", "--data-dir", str(self.ward)], self.env)
        run_process([self.python, str(BARE)], self.env)
        self.say(f"Set-up took {time.perf_counter() - start:.0f} s.")

    # ---------------------------------------------------------------- one run

    def run_once(self, run: int) -> None:
        a, f = self.args, self.folder
        self.say(f"Run {run + 1} of {a.runs}: start-up…")
        self.measure("startup", [*self.program, "--smoke-test", "--data-dir", str(self.ward)])
        self.measure("bare", [self.python, str(BARE)])
        self.say("… documents…")
        self.measure("pdf", self.job("pdf"))
        if self.libreoffice:
            self.measure("lo-pdf", self.soffice(self.docs / "plan.docx", "pdf", f / "lo-pdf"))
        self.measure("xlsx", self.job("xlsx"))
        if self.libreoffice:
            self.measure("lo-xlsx", self.soffice(self.docs / "plan.xlsx", "xlsx", f / "lo-xlsx"))
        for n in a.sizes:
            self.say(f"… receiving {n} files…")
            target = f / f"import-{n}"
            shutil.rmtree(target, ignore_errors=True)
            self.measure(f"import-{n}", self.job("import", self.files, n, target))
            shutil.rmtree(target, ignore_errors=True)
        self.say(f"… the consolidated workbook of {a.units} units…")
        self.measure("consolidated", self.job("consolidated-xlsx", self.fresh_copy("upper")))
        self.measure("plain", self.job("plain-xlsx", self.cells))
        self.say(f"… the windows on {a.units} units…")
        self.measure("gui", self.job("gui-national", self.fresh_copy("upper")))
        shutil.rmtree(f / "upper", ignore_errors=True)

    # ---------------------------------------------------------------- the table

    def rows(self) -> list[Row]:
        a, s = self.args, self.series
        rows = []
        startup, bare = s["startup"], s["bare"]
        ratio = startup.seconds / bare.seconds
        rows.append(Row(
            f"Start-up: `wardplan --smoke-test`, a ward's folder with {a.years} yearly plans "
            f"({self.ward_out.get('values_entered', 0)} values entered)",
            _seconds_text(startup), f"{startup.peak_mb:.0f}",
            f"{_seconds_text(bare)} bare PySide6 window, the same widgets at start",
            f"{bare.peak_mb:.0f}", f"{ratio:.2f}", f"≤ {STARTUP_GOAL:.2f}",
            _met(ratio <= STARTUP_GOAL)))

        pdf = s["pdf"]
        if "lo-pdf" in s:
            lo = s["lo-pdf"]
            ratio = pdf.seconds / lo.seconds
            rows.append(Row(
                "PDF of a large plan (300 indicators, 35 pages)", _seconds_text(pdf),
                f"{pdf.peak_mb:.0f}",
                f"{_seconds_text(lo)} LibreOffice: its Word file to PDF", f"{lo.peak_mb:.0f}",
                f"{ratio:.2f}", f"≤ {1 / PDF_GOAL:.2f} ({PDF_GOAL:.0f}× faster)",
                _met(ratio <= 1 / PDF_GOAL)))
        else:
            rows.append(Row("PDF of a large plan (300 indicators, 35 pages)",
                            _seconds_text(pdf), f"{pdf.peak_mb:.0f}",
                            "LibreOffice not run", "", "", f"{PDF_GOAL:.0f}× faster", "—"))

        xlsx = s["xlsx"]
        if "lo-xlsx" in s:
            lo = s["lo-xlsx"]
            rows.append(Row(
                "Excel appendices of the same plan", _seconds_text(xlsx), f"{xlsx.peak_mb:.0f}",
                f"{_seconds_text(lo)} LibreOffice: that workbook opened and saved as .xlsx",
                f"{lo.peak_mb:.0f}", f"{xlsx.seconds / lo.seconds:.2f}", "none set", "—"))
        else:
            rows.append(Row("Excel appendices of the same plan", _seconds_text(xlsx),
                            f"{xlsx.peak_mb:.0f}", "LibreOffice not run", "", "", "none set",
                            "—"))

        base_n = min(a.sizes)
        per_file = s[f"import-{base_n}"].seconds / base_n
        largest = max(a.sizes)
        for n in a.sizes:
            series = s[f"import-{n}"]
            projected = per_file * n
            goal, met = "—", None
            if n == COUNTRY_UNITS:
                goal, met = f"≤ {IMPORT_GOAL_S:.0f} s", series.seconds <= IMPORT_GOAL_S
            elif n == largest:  # a smaller run: the country's time projected from this one
                at_country = series.seconds / n * COUNTRY_UNITS
                goal = (f"≤ {IMPORT_GOAL_S:.0f} s for {COUNTRY_UNITS:,} "
                        f"(projected {at_country:.1f} s)")
                met = at_country <= IMPORT_GOAL_S
            rows.append(Row(
                f"Receiving {n:,} signed ward files", _seconds_text(series),
                f"{series.peak_mb:.0f}",
                ("itself: the base of the projection" if n == base_n else
                 f"{projected:.2f} s: {base_n:,} files' time × {n / base_n:g}"), "",
                f"{series.seconds / projected:.2f}", goal, _met(met)))

        consolidated, plain = s["consolidated"], s["plain"]
        cells = plain.samples[-1].out.get("cells", 0)
        rows.append(Row(
            f"Consolidated workbook of {a.units:,} units' plans ({cells:,} cells)",
            _seconds_text(consolidated), f"{consolidated.peak_mb:.0f}",
            f"{_seconds_text(plain)} openpyxl: the same cells' values, no formatting",
            f"{plain.peak_mb:.0f}", f"{consolidated.seconds / plain.seconds:.2f}", "none set",
            "—"))

        gui = s["gui"]
        units = gui.samples[-1].out.get("units", 0)
        low, high = gui.spread(lambda sample: sample.peak_mb)
        rows.append(Row(
            f"Peak memory: main window and consolidation window on {units:,} units' plans "
            f"(open and paint: {_seconds_text(gui)})",
            f"{gui.peak_mb:.0f} MB" + (f" ({low:.0f}–{high:.0f})" if len(gui.samples) > 1
                                       else ""), f"{gui.peak_mb:.0f}",
            f"{bare.peak_mb:.0f} MB bare PySide6 window", f"{bare.peak_mb:.0f}",
            f"{gui.peak_mb / bare.peak_mb:.2f}", f"≤ {MEMORY_GOAL_MB:.0f} MB",
            _met(gui.peak_mb <= MEMORY_GOAL_MB)))
        return rows

    def table(self, command: str, header: list[tuple[str, str]], load: tuple[str, str],
              took: float) -> str:
        lines = [f"Command: `{command}`", ""]
        lines += [f"- {name}: {value}" for name, value in header]
        lines.append(f"- Load average at start: {load[0]}; at end: {load[1]}")
        lines.append(f"- Median of {self.args.runs} run(s), each in a fresh process "
                     f"(lowest–highest in brackets); the whole command took "
                     f"{took / 60:.1f} min")
        lines += ["", "| # | measured | this program | peak MB | reference | ref. peak MB "
                  "| ratio | goal | met |", "| --- | --- | --- | --- | --- | --- | --- | --- "
                  "| --- |"]
        for i, row in enumerate(self.rows(), start=1):
            lines.append(f"| {i} | {row.what} | {row.ours} | {row.ours_peak} | {row.reference} "
                         f"| {row.ref_peak} | {row.ratio} | {row.goal} | {row.met} |")
        lines += ["", "Ratio: this program ÷ reference (time; memory in the last row). "
                  "Times are of the work alone, measured inside the process, except the "
                  "start-up and LibreOffice, whose whole process is timed."]
        return "\n".join(lines)


def _command() -> str:
    python, script = Path(sys.executable), Path(sys.argv[0]).resolve()
    with contextlib.suppress(ValueError):
        python = python.relative_to(Path.cwd())
    with contextlib.suppress(ValueError):
        script = script.relative_to(Path.cwd())
    return shlex.join([str(python), str(script), *sys.argv[1:]])


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs of each measurement (default 3; "
                        "1 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help=f"one run; {', '.join(map(str, QUICK_SIZES))} ward files and "
                        f"{QUICK_UNITS} units instead of up to {COUNTRY_UNITS}")
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N",
                        help="numbers of ward files received (default "
                        f"{' '.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--units", type=int, help="units held by the upper level for the "
                        f"consolidation rows (default {COUNTRY_UNITS})")
    parser.add_argument("--years", type=int, default=10, help="yearly plans of the ward")
    parser.add_argument("--no-libreoffice", action="store_true",
                        help="leave out the LibreOffice references")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    args.sizes = sorted(set(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)))
    args.units = args.units or (QUICK_UNITS if args.quick else COUNTRY_UNITS)
    if args.runs < 1 or args.years < 1 or args.units < 1 or min(args.sizes) < 1:
        parser.error("runs, sizes, units and years must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    command = _command() if argv is None else shlex.join(["run_all.py", *argv])
    start, load = time.perf_counter(), _load()
    with tempfile.TemporaryDirectory(prefix="wardplan-bench-") as tmp:
        bench = Benchmark(args, Path(tmp))
        header = machine(bench.python)
        bench.set_up()
        for run in range(args.runs):
            bench.run_once(run)
        print(bench.table(command, header, (load, _load()), time.perf_counter() - start))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
