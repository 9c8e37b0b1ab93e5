"""Every user-facing string is translated, keeping its placeholders."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wardplan_desktop.paths import translations_dir

TS_FILES = sorted(translations_dir().glob("*.ts"))
_FIELDS = string.Formatter()


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in _FIELDS.parse(text) if f is not None}


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_all_translated_with_the_same_placeholders(ts: Path) -> None:
    assert _messages(ts), "empty translation file"
    for context, source, translation in _messages(ts):
        assert translation is not None and translation.get("type") != "unfinished", source
        forms = translation.findall("numerusform")  # "%n change(s)": one text per form
        text = "".join(f.text or "" for f in forms[:1]) if forms else translation.text or ""
        assert text.strip(), f"{context}: {source!r} has no translation"
        assert _placeholders(text) == _placeholders(source), (context, source)
        # Keyboard accelerators survive translation.
        assert ("&" in source) == ("&" in text), (context, source)


def test_sources_and_ts_agree() -> None:
    """Every string marked in the code is in the .ts file (run i18n update when this fails)."""
    src = Path(__file__).parents[1] / "src" / "wardplan_desktop"
    marked = set()
    pattern = re.compile(
        r'(?:translate|QT_TRANSLATE_NOOP)\(\s*"(\w+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)'
        r"|self\.tr\(\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+)\)", re.S)
    for path in src.rglob("*.py"):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            literal = m.group(2) or m.group(3)
            text = "".join(eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', literal))  # noqa: S307
            marked.add(text)
    known = {source for ts in TS_FILES for _, source, _ in _messages(ts)}
    assert marked - known == set()


def test_compiled_translation_is_installed_and_used(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from wardplan_desktop import i18n

    assert i18n.install("vi")
    assert QCoreApplication.translate("MainWindow", "Economy") == "Kinh tế"
    assert i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Economy") == "Economy"
    i18n.install("vi")
