"""Translation build step.

    python -m wardplan_desktop.tools.i18n update   # refresh translations/*.ts from the sources
    python -m wardplan_desktop.tools.i18n build    # compile translations/*.ts into .qm files

``update`` is for developers after changing user-facing strings (then translate
the new entries in the .ts file, e.g. with pyside6-linguist); ``build`` runs in
every set-up and packaging step.  The .qm files are build output, never
committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..paths import program_root

LANGUAGES = ("vi",)


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def ts_files(root: Path) -> list[Path]:
    return [root / "translations" / f"wardplan_{lang}.ts" for lang in LANGUAGES]


def update(root: Path) -> None:
    sources = sorted(str(p) for p in (root / "src" / "wardplan_desktop").rglob("*.py"))
    for ts in ts_files(root):
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                        *sources, "-ts", str(ts)], check=True)


def build(root: Path) -> None:
    for ts in sorted((root / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("update", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    root = program_root()
    {"update": update, "build": build}[argv[0]](root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
