"""The core must stay free of Qt so the CLI, document writers and tests can drive it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import wardplan_desktop

CORE = Path(wardplan_desktop.__file__).parent / "core"


def test_no_core_module_imports_pyside6() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "PySide6" or n.startswith(("PySide6.", "shiboken6")) for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = [
        "wardplan_desktop.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py") if p.name != "__init__.py"
    ]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_window_shows_a_plan_without_loading_the_orm(tmp_path: Path) -> None:
    """The start reads what the first screen shows through ``core.reading`` (no ORM):
    importing SQLAlchemy and the models would take longer than the whole window."""
    folder = tmp_path / "ward"
    seed = Path(__file__).parent.parent / "resources" / "demo"
    stored = ("from pathlib import Path\nfrom wardplan_desktop.core import service\n"
              "from wardplan_desktop.core.storage.database import open_data_folder\n"
              f"db = open_data_folder(Path({str(folder)!r}))\n"
              f"for p in sorted(Path({str(seed)!r}).glob('*.json')):\n"
              "    service.import_plan_file(db, p)\n"
              "print(len(service.list_plans(db)))\ndb.close()\n")
    out = subprocess.run([sys.executable, "-c", stored], capture_output=True, text=True,
                         check=True)
    assert int(out.stdout) >= 1
    # The smoke test, and a real start up to its event loop (with the day's backup and
    # the check for a new folder): the ORM is not loaded when the loop begins.
    start = ("import sys\nfrom PySide6.QtWidgets import QApplication\n"
             "from wardplan_desktop import app\n"
             "def loop(*_):\n"
             "    print('loop', sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy'}))\n"
             "    return 0\n"
             "QApplication.exec = loop\n"
             f"print('smoke', app.run(['--smoke-test', '--data-dir', {str(folder)!r}]))\n"
             "print('smoke', sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy'}))\n"
             f"print('start', app.run(['--data-dir', {str(folder)!r}]))\n")
    out = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split("\n")[:4] == ["smoke 0", "smoke []", "loop []", "start 0"], out.stderr


def test_the_installed_commands_load_nothing_before_they_are_called() -> None:
    """Worker processes that read sync files import the launcher script again (spawn);
    the launchers import launch.py, which must load neither the ORM nor Qt."""
    import tomllib

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    commands = {**project["project"]["scripts"], **project["project"]["gui-scripts"]}
    assert set(commands.values()) == {"wardplan_desktop.launch:cli",
                                      "wardplan_desktop.launch:gui"}
    code = ("import sys\nimport wardplan_desktop.launch\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
