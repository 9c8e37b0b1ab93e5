"""wardplan-cli for an upper level: registering units from a list, the consolidated PDF.

Real processes, real files, exit codes and messages (see test_cli.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = "Mã đơn vị;Tên đơn vị;Cấp\nP-MYPHU;Phường Mỹ Phú;phường\nX-MYTAN;Xã Mỹ Tân;xã\n"
OWN = ["--own-code", "TP-CAOLANH", "--own-name", "Thành phố Cao Lãnh", "--own-level",
       "thành phố"]


def cli(*args: str, data_dir: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARDPLAN_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "wardplan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.fixture
def unit_list(tmp_path: Path) -> Path:
    path = tmp_path / "units.csv"
    path.write_bytes(("\ufeff" + UNITS).encode("utf-8"))
    return path


def test_units_import_then_list(data_dir: Path, unit_list: Path) -> None:
    r = cli("units", "import", str(unit_list), *OWN, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "This data folder is now the upper level Thành phố Cao Lãnh (TP-CAOLANH)." in r.stdout
    assert "2 added, 0 updated, 0 unchanged" in r.stdout
    r = cli("units", "list", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [
        {"code": "P-MYPHU", "name": "Phường Mỹ Phú", "level": "ward", "key_fingerprint": None},
        {"code": "X-MYTAN", "name": "Xã Mỹ Tân", "level": "commune", "key_fingerprint": None}]
    r = cli("units", "list", data_dir=data_dir)
    assert r.returncode == 0
    rows = [line.split() for line in r.stdout.splitlines()]
    assert rows[1] == ["P-MYPHU", "Phường", "Mỹ", "Phú", "ward", "—"]
    rows = [line.split() for line in cli("units", "list", data_dir=data_dir,
                                         lang="vi").stdout.splitlines()]
    assert rows[0] == ["Mã", "Tên", "Cấp", "Khóa"]
    assert rows[1:] == [["P-MYPHU", "Phường", "Mỹ", "Phú", "phường", "—"],
                        ["X-MYTAN", "Xã", "Mỹ", "Tân", "xã", "—"]]
    # Again, without the office: the folder is an upper level now.
    unit_list.write_text(UNITS.replace("Xã Mỹ Tân;xã", "Phường Mỹ Tân;phường"), encoding="utf-8")
    r = cli("units", "import", str(unit_list), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "0 added, 1 updated, 1 unchanged" in r.stdout
    # The registered units are missing until they send.
    r = cli("sync", "status", "--year", "2024", data_dir=data_dir)
    assert [line.split()[:2] for line in r.stdout.splitlines()] == [
        ["Year", "2024"], ["Code", "Status"], ["P-MYPHU", "missing"], ["X-MYTAN", "missing"]]
    # Without a year: the latest any unit sent, and there is none yet.
    r = cli("sync", "status", data_dir=data_dir)
    assert r.returncode == 0 and r.stdout == "No unit has sent a plan here yet.\n"


def test_a_bad_list_exits_1_naming_the_row(data_dir: Path, unit_list: Path,
                                           tmp_path: Path) -> None:
    assert cli("units", "import", str(unit_list), *OWN, data_dir=data_dir).returncode == 0
    before = cli("units", "list", "--json", data_dir=data_dir).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,level\nP-NEW,Phường Mới,phường\nQ-1,Quận 1,quận\n",
                   encoding="utf-8")
    r = cli("units", "import", str(bad), data_dir=data_dir)
    assert r.returncode == 1
    assert 'row 3: "quận" is not a level of a unit' in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert cli("units", "list", "--json", data_dir=data_dir).stdout == before


def test_an_unset_folder_needs_the_office(data_dir: Path, unit_list: Path) -> None:
    r = cli("units", "import", str(unit_list), data_dir=data_dir)
    assert r.returncode == 1
    assert "--own-code, --own-name, --own-level" in r.stderr
    assert json.loads(cli("units", "list", "--json", data_dir=data_dir).stdout) == []


@pytest.mark.parametrize("args", [
    ["units"], ["units", "import"], ["units", "import", "x.csv", "--own-code", "TP-X"],
    ["units", "import", "x.csv", "--own-name", "X", "--own-level", "tỉnh"],
])
def test_wrong_usage_exits_2(args: list[str], data_dir: Path) -> None:
    assert cli(*args, data_dir=data_dir).returncode == 2


def test_consolidate_chooses_the_format_by_the_extension(data_dir: Path, unit_list: Path,
                                                         tmp_path: Path) -> None:
    assert cli("units", "import", str(unit_list), *OWN, data_dir=data_dir).returncode == 0
    for name, magic in [("t.pdf", b"%PDF-"), ("t.PDF", b"%PDF-"), ("t.xlsx", b"PK\x03\x04")]:
        out = tmp_path / name
        r = cli("consolidate", "--year", "2024", "-o", str(out), data_dir=data_dir)
        assert r.returncode == 0, r.stderr
        assert out.read_bytes().startswith(magic)
    for name in ("t.odt", "t.csv", "t"):
        out = tmp_path / name
        r = cli("consolidate", "--year", "2024", "-o", str(out), data_dir=data_dir)
        assert r.returncode == 2
        assert "must end in .xlsx" in r.stderr and ".pdf" in r.stderr
        assert not out.exists()


def test_a_consolidated_pdf_of_a_folder_that_is_no_upper_level_is_refused(
        data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    r = cli("consolidate", "--year", "2024", "-o", str(out), data_dir=data_dir)
    assert r.returncode == 1
    assert "not set up as an upper level" in r.stderr
    assert not out.exists()


def _two_revisions(tmp_path: Path, upper_dir: Path) -> None:
    """Revision 1 of P-MYPHU's plan for 2024, then one with a new revenue target and one
    more legal basis, received."""
    from support import SEED_003
    from wardplan_desktop.core import editing, service
    from wardplan_desktop.core.storage.database import open_data_folder
    from wardplan_desktop.core.sync import exchange
    from wardplan_desktop.core.sync.keys import load_identity
    from wardplan_desktop.core.values import parse_value

    ward_dir = tmp_path / "ward"
    with open_data_folder(ward_dir) as ward:
        summary = service.import_plan_file(ward, SEED_003)
        identity = load_identity(ward_dir)
        first = exchange.export_package(ward, identity, summary.unit, 2024).data
        plan = service.export_plan(ward, summary.unit, 2024)["plan"]
        revenue = plan["indicator_groups"][0]["indicators"][0]
        service.set_value(ward, revenue["uid"], 2024, "target", parse_value("12 tỷ đồng"))
        editing.set_list(ward, summary.uid, "legal_bases", [*plan["legal_bases"], "Luật X"])
        second = exchange.export_package(ward, identity, summary.unit, 2024).data
    with open_data_folder(upper_dir) as upper:
        outcomes = exchange.receive_files(upper, load_identity(upper_dir),
                                          [("r1.wpsync", first), ("r2.wpsync", second)])
    assert [o.status for o in outcomes] == ["imported", "imported"]


def test_sync_changes_between_received_revisions(data_dir: Path, tmp_path: Path) -> None:
    r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2024", data_dir=data_dir)
    assert r.returncode == 1 and "is not set up as an upper level" in r.stderr
    assert not (data_dir / "keys").exists()  # a question makes no keys
    _two_revisions(tmp_path, data_dir)
    r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2024", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    # Two edits: the second file sent is revision 3.
    assert lines[0] == "Changes from revision 1 to revision 3 of P-MYPHU's plan for 2024: 2."
    bases = lines.index("Changed: Legal bases")
    block = lines[bases + 1:lines.index("", bases)]  # a text of several lines, aligned
    assert block[0].startswith("  before: ") and block[-1] == "          Luật X"
    assert [line[:10] for line in block] == [
        "  before: ", "          ", "  after:  ", "          ", "          "]
    revenue = lines.index("Changed: Indicator «Thu ngân sách»: target 2024")
    assert lines[revenue + 1:revenue + 3] == ["  before: 9.949.000.000đ", "  after:  12 tỷ đồng"]
    r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2024", "--from", "3", "--to",
            "1", data_dir=data_dir, lang="vi")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Từ lần sửa 3 đến lần sửa 1 của kế hoạch năm 2024 của P-MYPHU có 2 thay đổi."
    revenue = lines.index("Đã sửa: Chỉ tiêu «Thu ngân sách»: kế hoạch 2024")
    assert lines[revenue + 1:revenue + 3] == ["  trước: 12 tỷ đồng", "  sau:   9.949.000.000đ"]
    r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2024", "--to", "1",
            data_dir=data_dir)
    assert r.returncode == 0
    assert "Revision 1 is the first of P-MYPHU's plan for 2024 received here" in r.stdout
    for bad in (["--to", "0"], ["--from", "1", "--to", "7"], ["--from", "2"]):
        r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2024", *bad,
                data_dir=data_dir)
        assert r.returncode == 1 and "of P-MYPHU's plan for 2024 has not been received; " \
            "the revisions received are 1, 3." in r.stderr, bad
    r = cli("sync", "changes", "--unit", "P-MYPHU", "--year", "2023", data_dir=data_dir)
    assert r.returncode == 1
    assert "No revision of P-MYPHU's plan for 2023 has been received here." in r.stderr
    r = cli("sync", "changes", "--unit", "P-MYTAN", "--year", "2024", data_dir=data_dir)
    assert r.returncode == 1 and "There is no unit with the code P-MYTAN." in r.stderr
