"""Translation build step.

    python -m wardplan_desktop.tools.i18n update   # refresh translations/wardplan_*.ts
    python -m wardplan_desktop.tools.i18n build    # compile translations/*.ts into .qm files
    python -m wardplan_desktop.tools.i18n qt-sources [CONTEXT ...]   # list Qt's own strings

``update`` is for developers after changing user-facing strings (then translate
the new entries in the .ts file, e.g. with pyside6-linguist); ``build`` runs in
every set-up and packaging step.  The .qm files are build output, never
committed.

``translations/qtbase_vi.ts`` holds Vietnamese for Qt's *own* strings (standard
buttons, file, print and message dialogs, context menus): Qt ships no
Vietnamese catalogue.  It is maintained by hand, keyed by Qt's exact context and
source texts, which ``qt-sources`` lists from the catalogues PySide6 installs
(``qtbase_*.qm``).  ``update`` never touches it: lupdate only sees our sources
and would mark every Qt string obsolete.  ``build`` compiles it with the rest.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import program_root

LANGUAGES = ("vi",)

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69
# Record tags inside the messages block (Qt's qtranslator.cpp).
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8
_TAGS_WITHOUT_DATA = (5, 9)  # obsolete tags, no payload
_TAGS_OBSOLETE_DATA = (2, 4)  # obsolete 16-bit source and context, with payload


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def ts_files(root: Path) -> list[Path]:
    """The .ts files ``update`` refreshes: ours only, never the hand-kept qtbase_*.ts."""
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


# --- Qt's own catalogue ----------------------------------------------------------------------


@dataclass(frozen=True)
class QmMessage:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]


def read_qm(path: Path) -> list[QmMessage]:
    """The messages of a compiled .qm file (no lconvert needed).

    lrelease keeps context and source text of every message; it drops a
    disambiguation comment when nothing else needs it, so ``comment`` may be
    empty where the code passes one (the lookup then falls back to no comment).
    """
    data = path.read_bytes()
    if data[:16] != _QM_MAGIC:
        raise ValueError(f"{path} is not a .qm file")
    block = b""
    pos = 16
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack_from(">I", data, pos + 1)
        if tag == _QM_MESSAGES:
            block = data[pos + 5:pos + 5 + length]
        pos += 5 + length

    def field(at: int) -> tuple[bytes | None, int]:
        (length,) = struct.unpack_from(">I", block, at)
        if length == 0xFFFFFFFF:
            return None, at + 4
        return block[at + 4:at + 4 + length], at + 4 + length

    messages: list[QmMessage] = []
    current: dict[int, str] = {}
    translations: list[str] = []
    pos = 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _TAG_END:
            messages.append(QmMessage(current.get(_TAG_CONTEXT, ""), current.get(_TAG_SOURCE, ""),
                                      current.get(_TAG_COMMENT, ""), tuple(translations)))
            current, translations = {}, []
        elif tag == _TAG_TRANSLATION:
            raw, pos = field(pos)
            translations.append(raw.decode("utf-16-be") if raw is not None else "")
        elif tag in (_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
            raw, pos = field(pos)
            current[tag] = raw.decode("utf-8") if raw is not None else ""
        elif tag in _TAGS_OBSOLETE_DATA:
            _, pos = field(pos)
        elif tag not in _TAGS_WITHOUT_DATA:
            raise ValueError(f"{path}: unknown record tag {tag} at {pos - 1}")
    return messages


def qt_translations_dir() -> Path:
    """Where the installed Qt (PySide6) keeps its own .qm catalogues."""
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_catalogue(directory: Path | None = None) -> set[tuple[str, str]]:
    """Every (context, source text) of Qt's own strings the installed Qt translates.

    The union over all shipped ``qtbase_*.qm``: each language lists only what it
    translated, and no single one is complete.
    """
    directory = directory or qt_translations_dir()
    return {(m.context, m.source)
            for qm in sorted(directory.glob("qtbase_*.qm")) for m in read_qm(qm)}


def qt_sources(contexts: list[str]) -> None:
    for context, source in sorted(qt_catalogue()):
        if not contexts or context in contexts:
            print(json.dumps([context, source], ensure_ascii=False))


def main(argv: list[str]) -> int:
    if argv and argv[0] == "qt-sources":
        qt_sources(argv[1:])
        return 0
    if len(argv) != 1 or argv[0] not in ("update", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    root = program_root()
    {"update": update, "build": build}[argv[0]](root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
