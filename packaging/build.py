"""Build the one-folder program with PyInstaller and smoke-test what was built.

    .venv/bin/python packaging/build.py [--skip-build] [--clean]

1. installs PyInstaller into this Python's environment when it is missing;
2. compiles the translations (``python -m wardplan_desktop.tools.i18n build``);
3. runs PyInstaller with packaging/wardplan.spec into dist/wardplan/ (work files in
   build/pyinstaller/; nothing else in the source tree is written);
4. runs the frozen programs on throw-away data folders (see ``smoke_test``) and
   fails, with exit status 1, on anything wrong;
5. prints the size of the bundle.

``--skip-build`` only smoke-tests an existing dist/wardplan/.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "wardplan.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "wardplan"
PYINSTALLER = "pyinstaller>=6.10,<7"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI = BUNDLE / f"wardplan{EXE_SUFFIX}"
CLI = BUNDLE / f"wardplan-cli{EXE_SUFFIX}"
DEMO_PLAN = ROOT / "resources" / "demo" / "003_a5ef3e362a8e7281.json"  # unit P-MYPHU, 2024
UNIT, YEAR = "P-MYPHU", "2024"
# Worker processes read sync files from this many on (core.sync.exchange.PARALLEL_FILES):
# enough files make the frozen CLI start frozen workers.
SYNC_FILES = 200
TIMEOUT = 300  # seconds for one run of a frozen program

# What may appear on stderr of a successful run: the offscreen platform cannot size
# windows from hints (the same line the test suite ignores).
HARMLESS_STDERR = ("This plugin does not support propagateSizeHints",)


class SmokeFailure(Exception):
    pass


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    step(f"installing {PYINSTALLER}")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER], check=True)


def build(clean: bool) -> None:
    ensure_pyinstaller()
    step("compiling translations")
    subprocess.run([sys.executable, "-m", "wardplan_desktop.tools.i18n", "build"],
                   cwd=ROOT, check=True)
    step(f"PyInstaller {SPEC.relative_to(ROOT)} -> {BUNDLE.relative_to(ROOT)}/")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=ROOT, check=True)
    if sys.platform != "win32":
        # The Linux menu entry and its icon, beside the programs.
        for name in ("wardplan.desktop", "wardplan.png"):
            shutil.copy2(PACKAGING / name, BUNDLE / name)


def windows_installer() -> None:
    """dist/WardPlan-Setup-<version>.exe with Inno Setup, where it is installed."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                   "Inno Setup 6", "ISCC.exe")
    if iscc is None and default.is_file():
        iscc = str(default)
    if iscc is None:
        print("    Inno Setup (iscc) not found: no installer built")
        return
    step("Inno Setup installer")
    subprocess.run([iscc, f"/DAppVersion={version()}", str(PACKAGING / "wardplan.iss")],
                   cwd=ROOT, check=True)


# --- smoke test ------------------------------------------------------------------------


def run_frozen(program: Path, *args: str, env: dict[str, str] | None = None,
               allow: tuple[str, ...] = ()) -> str:
    """Run ``program``; return its stdout. Fails on a non-zero exit, a traceback, or
    any line on stderr other than those starting with one of ``allow``."""
    shown = " ".join([program.name, *args])
    print(f"    $ {shown}", flush=True)
    try:
        done = subprocess.run([str(program), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", env=env, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{shown}: still running after {TIMEOUT} s") from exc
    unexpected = [line for line in done.stderr.splitlines()
                  if line.strip() and not any(line.strip().startswith(a) for a in allow)]
    if done.returncode != 0 or "Traceback" in done.stderr + done.stdout or unexpected:
        raise SmokeFailure(f"{shown}: exit status {done.returncode}\n"
                           f"--- stdout ---\n{done.stdout}\n--- stderr ---\n{done.stderr}")
    return done.stdout


def check_bundle_contents() -> None:
    internal = BUNDLE / "_internal"
    expected = [
        GUI, CLI,
        internal / "resources" / "fonts" / "LiberationSerif-Regular.ttf",
        internal / "resources" / "fonts" / "LICENSE-LiberationSerif.txt",
        internal / "resources" / "catalogue" / "indicators.json",
        internal / "resources" / "demo" / DEMO_PLAN.name,
        internal / "translations" / "wardplan_vi.qm",
        internal / "translations" / "qtbase_vi.qm",
        internal / "wardplan_desktop" / "core" / "interchange" / "plan.schema.json",
        internal / "wardplan_desktop" / "core" / "storage" / "migrations" / "0001_initial.sql",
    ]
    missing = [str(p.relative_to(BUNDLE)) for p in expected if not p.exists()]
    if missing:
        raise SmokeFailure("missing from the bundle: " + ", ".join(missing))
    migrations = ROOT / "src" / "wardplan_desktop" / "core" / "storage" / "migrations"
    bundled = internal / "wardplan_desktop" / "core" / "storage" / "migrations"
    lacking = sorted({p.name for p in migrations.glob("*.sql")}
                     - {p.name for p in bundled.glob("*.sql")})
    if lacking:
        raise SmokeFailure("migrations missing from the bundle: " + ", ".join(lacking))
    unwanted = sorted(p.name for p in internal.rglob("*")
                      if any(m in p.name for m in ("Qt6WebEngine", "Qt6Quick", "Qt6Qml",
                                                    "Qt63D", "Qt6Multimedia")))
    if unwanted:
        raise SmokeFailure("Qt modules that should be excluded: " + ", ".join(unwanted))


def check_zip(path: Path, member: str) -> None:
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise SmokeFailure(f"{path.name} was not written or is not a zip file")
    with zipfile.ZipFile(path) as z:
        if member not in z.namelist():
            raise SmokeFailure(f"{path.name} has no {member}")


def write_sync_files(folder: Path, count: int) -> None:
    """``count`` signed sync files of different wards, made by the benchmark's helper in
    this (unfrozen) Python."""
    code = (
        "import sys, importlib.util\n"
        "from pathlib import Path\n"
        f"spec = importlib.util.spec_from_file_location('bench', {str(ROOT / 'benchmarks' / 'sync_import.py')!r})\n"  # noqa: E501
        "bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)\n"
        "out = Path(sys.argv[1])\n"
        "for name, data in bench.ward_files(int(sys.argv[2])):\n"
        "    (out / name).write_bytes(data)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), str(count)], check=True)


def smoke_test() -> None:
    step("smoke test of the frozen programs")
    check_bundle_contents()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("WARDPLAN_DATA_DIR", None)
    env.pop("WARDPLAN_LANG", None)
    with tempfile.TemporaryDirectory(prefix="wardplan-smoke-") as tmp:
        tmp_path = Path(tmp)
        gui_data, cli_data, upper_data = (tmp_path / n for n in ("gui", "cli", "upper"))

        out = run_frozen(GUI, "--version", env=env)
        if version() not in out:
            raise SmokeFailure(f"wardplan --version says {out.strip()!r}, not {version()}")
        for lang in ("vi", "en"):
            run_frozen(GUI, "--smoke-test", "--lang", lang, "--data-dir", str(gui_data),
                       env=env, allow=HARMLESS_STDERR)
        if not any(gui_data.glob("*.sqlite3")):
            raise SmokeFailure("the GUI's smoke test created no database")

        run_frozen(CLI, "--data-dir", str(cli_data), "import", str(DEMO_PLAN), env=env)
        plans = json.loads(run_frozen(CLI, "--data-dir", str(cli_data), "list", "--json",
                                      env=env))
        if not any(p.get("unit") == UNIT and str(p.get("year")) == YEAR for p in plans):
            raise SmokeFailure(f"list --json does not show {UNIT} {YEAR}: {plans}")
        pdf = tmp_path / "x.pdf"
        run_frozen(CLI, "--data-dir", str(cli_data), "export", "pdf", "--unit", UNIT,
                   "--year", YEAR, "-o", str(pdf), env=env)
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
            raise SmokeFailure("export pdf wrote no PDF")
        if pdf.stat().st_size < 10_000 or b"LiberationSerif" not in pdf.read_bytes():
            raise SmokeFailure("the PDF is too small or lacks the embedded Liberation Serif")
        docx, xlsx = tmp_path / "x.docx", tmp_path / "x.xlsx"
        for fmt, path in (("docx", docx), ("xlsx", xlsx)):
            run_frozen(CLI, "--data-dir", str(cli_data), "export", fmt, "--unit", UNIT,
                       "--year", YEAR, "-o", str(path), env=env)
        check_zip(docx, "word/document.xml")
        check_zip(xlsx, "xl/workbook.xml")
        run_frozen(CLI, "--data-dir", str(cli_data), "export", "json", "--unit", UNIT,
                   "--year", YEAR, "-o", str(tmp_path / "x.json"), env=env)

        # Enough sync files that the frozen CLI reads them in (frozen) worker processes.
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        write_sync_files(inbox, SYNC_FILES)
        # On 2 or more processors; with one, the files are read in the CLI's own process.
        run_frozen(CLI, "--data-dir", str(upper_data), "--lang", "en", "sync", "import",
                   str(inbox), "--accept-new", env=env,
                   allow=("This data folder is now the upper level",))
        received = json.loads(run_frozen(CLI, "--data-dir", str(upper_data), "list", "--json",
                                         env=env))
        if len(received) != SYNC_FILES:
            raise SmokeFailure(f"sync import stored {len(received)} plans, not {SYNC_FILES}")
    print("    smoke test passed", flush=True)


def bundle_size() -> int:
    return sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/wardplan/ and smoke-test it.")
    parser.add_argument("--skip-build", action="store_true",
                        help="only smoke-test the existing dist/wardplan/")
    parser.add_argument("--clean", action="store_true",
                        help="let PyInstaller discard its cache in build/ first")
    args = parser.parse_args(argv)
    start = time.monotonic()
    if not args.skip_build:
        build(args.clean)
    built = time.monotonic()
    try:
        smoke_test()
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    if sys.platform == "win32" and not args.skip_build:
        windows_installer()
    size = bundle_size()
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file())
    print(f"dist/wardplan/: {size / 1e6:.1f} MB in {files} files "
          f"(build {built - start:.0f} s, smoke test {time.monotonic() - built:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
