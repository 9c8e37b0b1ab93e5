"""The work ``run_all.py`` measures, one job per process.

    .venv/bin/python benchmarks/jobs.py JOB [ARGUMENTS]

Each job does one thing and prints one line of JSON on standard output: what it
made, and for the timed jobs ``seconds``, the time of the measured work alone
(the process's start and imports excluded; ``run_all.py`` also times the whole
process from outside, and reads its peak memory when it ends).  Jobs that set
data up (a ward's ten years of plans, the wards' sync files, the documents
LibreOffice converts) are not timed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

# The jobs run as a script: the other benchmarks sit beside this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))

SEED_PLAN = "000_0c8f4229b550f69e.json"  # a real ward's plan (Phường Lê Lợi), 44 indicators
RESULT_PERIODS = (("six_months", 0.5), ("nine_months", 0.75), ("estimate", 1.0),
                  ("final", 1.02))


def _emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def _walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node["children"])


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- set-up


def _varied(value: Any, factor: float) -> Any:
    """A result or target near ``value``: numbers moved by ``factor``, words kept."""
    from wardplan_desktop.core.enums import ValueKind
    from wardplan_desktop.core.numbers import format_number
    from wardplan_desktop.core.values import Value

    if value.kind is not ValueKind.NUMBER or value.value is None:
        return value
    places = max(0, -int(value.value.as_tuple().exponent))
    number = (value.value * Decimal(str(round(factor, 4)))).quantize(Decimal(1).scaleb(-places))
    return Value(ValueKind.NUMBER, format_number(number), value=number, unit=value.unit)


def _fresh_sections(nodes: list[dict[str, Any]], year: int, seed_year: int) -> list[Any]:
    """The seed plan's text for ``year``: new identifiers, its years moved on."""
    def moved(text: str) -> str:
        return re.sub(r"\b(20\d\d)\b", lambda m: str(int(m.group()) + year - seed_year), text)

    return [{**{k: v for k, v in n.items() if k not in ("uid", "children")},
             "text": moved(n["text"]),
             "children": _fresh_sections(n["children"], year, seed_year)} for n in nodes]


def build_ward(folder: Path, years: int = 10) -> dict[str, Any]:
    """A ward's data folder with ``years`` yearly plans, as an office keeps it.

    The first plan is a real ward's (the sample plan of Phường Lê Lợi); each next
    year's is rolled over from the year before (:func:`service.rollover`), its
    text typed in again, and in each the last year's results (six months, nine
    months, estimate, final) and the year's targets entered value by value, as
    the editor saves them, so every plan has its history of changes.
    """
    from wardplan_desktop.core import editing, service
    from wardplan_desktop.core.storage.database import open_data_folder
    from wardplan_desktop.paths import resource_path

    seed_path = resource_path("demo", SEED_PLAN)
    seed = json.loads(seed_path.read_text("utf-8"))["plan"]
    rng = random.Random(2024)
    db = open_data_folder(folder)
    try:
        summary = service.import_plan_file(db, seed_path)
        unit, year, changes = summary.unit, summary.year, 0
        for n in range(years):
            if n:
                summary = service.rollover(db, unit, year)
                year += 1
                for i, section in enumerate(_fresh_sections(seed["sections"], year,
                                                            seed["year"])):
                    editing.insert(db, summary.uid, "section", section,
                                   editing.Place(None, i))
            plan = service.export_plan(db, unit, year)["plan"]
            for group in plan["indicator_groups"]:
                for indicator in _walk(group["indicators"]):
                    held = service.indicator_values(db, indicator["uid"])
                    if not held:
                        continue  # a heading row ("Giáo dục và đào tạo")
                    target = held[max(held)]
                    for period, factor in RESULT_PERIODS:
                        service.set_value(db, indicator["uid"], year - 1, period,
                                          _varied(target, factor * rng.uniform(0.95, 1.05)))
                    service.set_value(db, indicator["uid"], year, "target",
                                      _varied(target, rng.uniform(1.0, 1.1)))
                    changes += len(RESULT_PERIODS) + 1
        return {"plans": len(service.list_plans(db)), "values_entered": changes}
    finally:
        db.close()


def write_documents(folder: Path) -> dict[str, Any]:
    """The large plan's Word file and Excel appendices, for LibreOffice to convert."""
    from documents import large_plan_data
    from wardplan_desktop.core.documents.docx_writer import build_docx
    from wardplan_desktop.core.documents.xlsx_writer import build_xlsx

    plan = large_plan_data()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.docx").write_bytes(build_docx(plan))
    (folder / "plan.xlsx").write_bytes(build_xlsx(plan))
    return {"docx": str(folder / "plan.docx"), "xlsx": str(folder / "plan.xlsx")}


def write_ward_files(folder: Path, count: int) -> dict[str, Any]:
    """``count`` signed sync files of as many wards (``sync_import.ward_files``)."""
    from sync_import import ward_files

    folder.mkdir(parents=True, exist_ok=True)
    for name, data in ward_files(count):
        (folder / name).write_bytes(data)
    return {"files": count}


# --------------------------------------------------------------------------- timed


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def import_files(folder: Path, count: int, data_dir: Path) -> dict[str, Any]:
    """Receive the first ``count`` files of ``folder`` in a new upper-level folder."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from wardplan_desktop.core.storage.database import open_data_folder
    from wardplan_desktop.core.sync.exchange import receive_files
    from wardplan_desktop.core.sync.keys import Identity

    paths = sorted(folder.glob("*.wpsync"))[:count]
    if len(paths) < count:
        raise SystemExit(f"{folder} holds {len(paths)} files, not {count}")
    files = [(p.name, p.read_bytes()) for p in paths]
    me = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    db = open_data_folder(data_dir)
    try:
        seconds, outcomes = _timed(lambda: receive_files(db, me, files, accept_new=True))
    finally:
        db.close()
    statuses = sorted({o.status for o in outcomes})
    if statuses != ["imported"]:
        raise SystemExit(f"not all files were imported: {statuses}")
    return {"seconds": seconds, "files": count}


def pdf() -> dict[str, Any]:
    from documents import large_plan_data
    from wardplan_desktop.core.documents.pdf import build_pdf

    plan = large_plan_data()
    seconds, data = _timed(lambda: build_pdf(plan))
    return {"seconds": seconds, "bytes": len(data)}


def xlsx() -> dict[str, Any]:
    from documents import large_plan_data
    from wardplan_desktop.core.documents.xlsx_writer import build_xlsx

    plan = large_plan_data()
    seconds, data = _timed(lambda: build_xlsx(plan))
    return {"seconds": seconds, "bytes": len(data)}


def _latest_year(db: Any) -> int:
    """The year the units plan most recently, which the consolidation window opens on."""
    from wardplan_desktop.core import service

    return max(p.year for p in service.list_plans(db) if p.kind == "plan")


def consolidated_xlsx(data_dir: Path) -> dict[str, Any]:
    """The upper level's consolidated workbook of every unit's plan for the latest year."""
    from wardplan_desktop.core.documents.consolidated_xlsx import build_consolidated_xlsx
    from wardplan_desktop.core.storage.database import open_data_folder

    db = open_data_folder(data_dir)
    try:
        year = _latest_year(db)
        seconds, data = _timed(lambda: build_consolidated_xlsx(db, year))
    finally:
        db.close()
    return {"seconds": seconds, "bytes": len(data)}


def write_consolidated_cells(data_dir: Path, out: Path) -> dict[str, Any]:
    """The values of the consolidated workbook's two sheets, row by row and without
    styles, written as JSON for :func:`plain_xlsx`."""
    from wardplan_desktop.core import consolidate
    from wardplan_desktop.core.storage.database import open_data_folder

    db = open_data_folder(data_dir)
    try:
        year = _latest_year(db)
        rows = consolidate.completeness(db, year)
        units, lines = consolidate.side_by_side(db, year)
    finally:
        db.close()
    status = [[i, u.code, u.name, u.status, u.revision, u.created[:10], u.received_at[:10],
               u.key_fingerprint] for i, u in enumerate(rows, start=1)]
    values = []
    for n, line in enumerate(lines, start=1):
        cells: list[Any] = [n, line.name, line.unit]
        for code, _ in units:
            value = line.values.get(code)
            cells.append(None if value is None else
                         float(value.value) if value.kind == "number" and value.value is not None
                         else value.text)
        values.append(cells)
    out.write_text(json.dumps({"status": status, "values": values}, ensure_ascii=False),
                   "utf-8")
    return {"units": len(units), "lines": len(lines)}


def plain_xlsx(cells_file: Path) -> dict[str, Any]:
    """The reference: openpyxl writing the consolidated workbook's cells (their values,
    from :func:`write_consolidated_cells`) with no fonts, borders, number formats,
    formulas or page set-up, and nothing read from a database."""
    import io

    from openpyxl import Workbook

    cells = json.loads(cells_file.read_text("utf-8"))

    def write() -> bytes:
        wb = Workbook()
        ws = wb.active
        for row in cells["status"]:
            ws.append(row)
        ws = wb.create_sheet()
        for row in cells["values"]:
            ws.append(row)
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()

    seconds, data = _timed(write)
    count = sum(len(r) for sheet in cells.values() for r in sheet)
    return {"seconds": seconds, "bytes": len(data), "cells": count}


def gui_national(data_dir: Path) -> dict[str, Any]:
    """The upper level's main window, then its consolidation window, each painted once."""
    from PySide6.QtWidgets import QApplication

    from wardplan_desktop import i18n
    from wardplan_desktop.core.storage.database import open_data_folder
    from wardplan_desktop.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(i18n.chosen_language(None))
    db = open_data_folder(data_dir)
    start = time.perf_counter()
    window = MainWindow(db)
    window.show()
    app.processEvents()
    window.grab()
    main_seconds = time.perf_counter() - start
    window.consolidate()  # Sync > Consolidation of the wards' plans
    consolidation = window.consolidation
    app.processEvents()
    for tab in range(consolidation.tabs.count()):
        consolidation.tabs.setCurrentIndex(tab)  # each tab painted once
        consolidation.grab()
    app.processEvents()
    seconds = time.perf_counter() - start
    units = consolidation.values.columnCount() - consolidation.values.FIXED
    consolidation.close()
    window.close()
    db.close()
    return {"seconds": seconds, "main_window_seconds": main_seconds, "units": units,
            "plans": window.plans.rowCount(), "peak_mb": peak_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    jobs = parser.add_subparsers(dest="job", required=True)
    job = jobs.add_parser("ward-db")
    job.add_argument("folder", type=Path)
    job.add_argument("--years", type=int, default=10)
    jobs.add_parser("documents").add_argument("folder", type=Path)
    job = jobs.add_parser("ward-files")
    job.add_argument("folder", type=Path)
    job.add_argument("count", type=int)
    job = jobs.add_parser("import")
    job.add_argument("folder", type=Path)
    job.add_argument("count", type=int)
    job.add_argument("data_dir", type=Path)
    jobs.add_parser("pdf")
    jobs.add_parser("xlsx")
    jobs.add_parser("consolidated-xlsx").add_argument("data_dir", type=Path)
    job = jobs.add_parser("consolidated-cells")
    job.add_argument("data_dir", type=Path)
    job.add_argument("out", type=Path)
    jobs.add_parser("plain-xlsx").add_argument("cells_file", type=Path)
    jobs.add_parser("gui-national").add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)

    if args.job == "ward-db":
        out = build_ward(args.folder, args.years)
    elif args.job == "documents":
        out = write_documents(args.folder)
    elif args.job == "ward-files":
        out = write_ward_files(args.folder, args.count)
    elif args.job == "import":
        out = import_files(args.folder, args.count, args.data_dir)
    elif args.job == "pdf":
        out = pdf()
    elif args.job == "xlsx":
        out = xlsx()
    elif args.job == "consolidated-xlsx":
        out = consolidated_xlsx(args.data_dir)
    elif args.job == "consolidated-cells":
        out = write_consolidated_cells(args.data_dir, args.out)
    elif args.job == "plain-xlsx":
        out = plain_xlsx(args.cells_file)
    else:
        out = gui_national(args.data_dir)
    _emit(**out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
