"""The packaging files agree with the program (the build itself runs in CI:
``packaging/build.py``, called by scripts/test.sh when CI=true)."""

from __future__ import annotations

import ast
import configparser
import re
import sys
import tomllib
from pathlib import Path

import pytest

from wardplan_desktop import paths

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((PACKAGING / "wardplan.spec").read_text("utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == name):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not in wardplan.spec")


def test_no_qt_module_the_program_imports_is_excluded() -> None:
    imported = set()
    for path in (ROOT / "src").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text("utf-8")))
    excluded = set(_spec_list("QT_EXCLUDED"))
    assert imported, "no Qt module found in the sources"
    assert not imported & excluded
    # Single instance (QLocalServer) and QtPdf need QtNetwork.
    assert "QtNetwork" not in excluded


def test_frozen_program_finds_its_resources_in_the_bundle(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.program_root() == tmp_path
    assert paths.resource_path("fonts") == tmp_path / "resources" / "fonts"
    assert paths.translations_dir() == tmp_path / "translations"


def test_smoke_test_plan_is_a_demo_plan() -> None:
    text = (ROOT / "resources" / "demo" / "003_a5ef3e362a8e7281.json").read_text("utf-8")
    build = (PACKAGING / "build.py").read_text("utf-8")
    assert "003_a5ef3e362a8e7281.json" in build
    assert '"P-MYPHU"' in text and '"year": 2024' in text


def test_icons() -> None:
    from PIL import Image

    with Image.open(PACKAGING / "wardplan.png") as png:
        assert png.size == (256, 256)
    with Image.open(PACKAGING / "wardplan.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_desktop_entry() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "wardplan.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0].endswith("/wardplan")
    assert entry["Icon"] == "wardplan"


def test_inno_setup_script_takes_the_version_from_the_build() -> None:
    iss = (PACKAGING / "wardplan.iss").read_text("utf-8")
    assert "AppVersion={#AppVersion}" in iss and "#ifndef AppVersion" in iss
    assert "/DAppVersion=" in (PACKAGING / "build.py").read_text("utf-8")
    for relative in re.findall(r'(?:LicenseFile|SetupIconFile)=(\S+)', iss):
        assert (PACKAGING / relative.replace("\\", "/")).is_file(), relative


def test_build_output_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    assert "/build/" in ignored and "/dist/" in ignored


def test_spec_reads_the_version_of_pyproject() -> None:
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["version"]
    assert 'tomllib.load(f)["project"]["version"]' in (
        PACKAGING / "wardplan.spec").read_text("utf-8")


def test_program_version_is_the_version_of_pyproject() -> None:
    import wardplan_desktop

    with open(ROOT / "pyproject.toml", "rb") as f:
        assert wardplan_desktop.__version__ == tomllib.load(f)["project"]["version"]
