"""Printable documents: our PDF against LibreOffice printing the same plan's Word file.

    .venv/bin/python benchmarks/documents.py [--runs 5]

Makes a large plan (300 indicators, 50 footnotes, about 35 printed pages) from
the sample plans' own text, then prints one table: the median time of each
step over several runs, beside its reference measured in the same run on the
same machine, and the ratio.  The goal for the PDF is at least 4 times faster
than LibreOffice converting the Word file of the same plan.
"""

from __future__ import annotations

import argparse
import io
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import libreoffice
from pypdf import PdfReader

from wardplan_desktop.core.documents.docx_writer import build_docx
from wardplan_desktop.core.documents.pdf import build_pdf
from wardplan_desktop.core.documents.xlsx_writer import build_xlsx
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.tools.sample_plan import large_plan


def timed(work, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def large_plan_data() -> dict[str, Any]:
    """The large plan as the program holds it: plan-file data read back and checked."""
    return codec.parse_plan_bytes(codec.dump_plan(large_plan()), "large plan")["plan"]


def libreoffice_to_pdf(docx: bytes, folder: Path, profile: Path) -> bytes:
    source = folder / "plan.docx"
    source.write_bytes(docx)
    return libreoffice.convert(source, "pdf", folder, profile).read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    plan = large_plan_data()

    pdf_time, pdf = timed(lambda: build_pdf(plan), args.runs)
    docx_time, docx = timed(lambda: build_docx(plan), args.runs)
    xlsx_time, _ = timed(lambda: build_xlsx(plan), args.runs)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)

    rows = [("PDF of the plan (this program)", pdf_time, f"{pages} pages")]
    lo_time = None
    if shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            folder, profile = Path(tmp), Path(tmp) / "profile"
            libreoffice_to_pdf(docx, folder, profile)  # first start creates the profile
            lo_time, lo_pdf = timed(lambda: libreoffice_to_pdf(docx, folder, profile),
                                    max(3, args.runs // 2))
            lo_pages = len(PdfReader(io.BytesIO(lo_pdf)).pages)
        rows.append(("Word file to PDF by LibreOffice (reference)", lo_time, f"{lo_pages} pages"))
    rows.append(("Word file of the plan (this program)", docx_time, ""))
    rows.append(("Excel appendices (this program)", xlsx_time, ""))

    print(f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}; median of {args.runs} runs")
    print(f"{'step':48} {'median s':>9}  {'detail':>10}")
    for name, seconds, detail in rows:
        print(f"{name:48} {seconds:9.3f}  {detail:>10}")
    if lo_time:
        ratio = lo_time / pdf_time
        verdict = "meets" if ratio >= 4 else "misses"
        print(f"\nPDF is {ratio:.1f}x faster than LibreOffice ({verdict} the goal of 4x)")
    else:
        print("\nLibreOffice (soffice) is not installed: no reference measured", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
