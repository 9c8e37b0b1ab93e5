"""Render every part of the main window with the demo plans to PNG files.

    python -m wardplan_desktop.tools.screenshots OUTDIR [--lang vi|en] [--size 1366x768]

Runs on a throw-away data folder (the demo plans are imported into it), so it
never touches the user's data; works offscreen (``QT_QPA_PLATFORM=offscreen``),
which it sets when no display is available.  The pictures are for looking at the
program as a clerk sees it, and for the user guide.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import unicodedata
from pathlib import Path


def _slug(text: str) -> str:
    """An ASCII file name part: "Lịch sử thay đổi" -> "lich-su-thay-doi"."""
    plain = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    keep = "".join(c if c.isascii() and c.isalnum() else "-" for c in plain)
    return "-".join(part for part in keep.split("-") if part)[:40]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wardplan_desktop.tools.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--size", default="1366x768", metavar="WxH")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from .. import i18n
    from ..app import demo_files
    from ..core import service
    from ..core.storage.database import open_data_folder
    from ..gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["wardplan-screenshots"])
    i18n.install(args.lang)
    args.outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_data_folder(Path(tmp))
        for path in demo_files():
            service.import_plan_file(db, path)
        window = MainWindow(db)
        window.resize(width, height)
        window.show()
        plans = window.plans.plans()
        row = next((i for i, p in enumerate(plans) if p.unit == "P-MYPHU"), 0)
        window.select_plan(row)
        written = []
        for page in range(window.nav.count()):
            window.nav.setCurrentRow(page)
            for _ in range(3):
                app.processEvents()
            base = f"{page + 1:02d}-{_slug(window.nav.item(page).text())}"
            tabs = getattr(window.pages[page], "tabs", None)
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(tab)
                    for _ in range(3):
                        app.processEvents()
                name = f"{base}-{tab + 1}.png" if tabs is not None else f"{base}.png"
                window.grab().save(str(args.outdir / name))
                written.append(name)
            if tabs is not None:
                tabs.setCurrentIndex(0)
        window.close()
        db.close()
    for name in written:
        print(args.outdir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
