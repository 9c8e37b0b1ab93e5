"""wardplan-cli as a user runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import SEEDS


def cli(*args: str, data_dir: Path, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARDPLAN_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "wardplan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_import_list_export_round_trip(tmp_path: Path, data_dir: Path) -> None:
    for seed in SEEDS:
        r = cli("import", str(seed), data_dir=data_dir)
        assert r.returncode == 0, r.stderr
        assert "Đã nhập" in r.stdout
    r = cli("list", "--json", data_dir=data_dir)
    assert r.returncode == 0
    listed = json.loads(r.stdout)
    assert {(p["unit"], p["year"], p["kind"]) for p in listed} == {
        ("P-LELOI", 2024, "plan"), ("P-LAITHIEU", 2024, "resolution"), ("P-MYPHU", 2024, "plan")}
    assert all(set(p) == {"unit", "year", "kind", "revision", "status"} for p in listed)
    # What list prints is exactly what export accepts.
    for p in listed:
        out = tmp_path / f"{p['unit']}.json"
        r = cli("export", "json", "--unit", p["unit"], "--year", str(p["year"]),
                "--kind", p["kind"], "-o", str(out), data_dir=data_dir)
        assert r.returncode == 0, r.stderr
        exported = json.loads(out.read_text(encoding="utf-8"))
        assert exported["plan"]["unit"]["code"] == p["unit"]
    seed = json.loads(SEEDS[0].read_text(encoding="utf-8"))
    code = seed["plan"]["unit"]["code"]
    assert json.loads((tmp_path / f"{code}.json").read_text(encoding="utf-8")) == seed


def test_plain_list_is_a_table(data_dir: Path) -> None:
    assert cli("import", str(SEEDS[2]), data_dir=data_dir).returncode == 0
    r = cli("list", data_dir=data_dir)
    assert r.returncode == 0
    header, row = r.stdout.splitlines()[:2]
    assert header.split()[:2] == ["Đơn", "vị"]
    assert row.split()[:4] == ["P-MYPHU", "2024", "plan", "1"]


def test_refused_input_exits_1_with_a_message_and_changes_nothing(
        tmp_path: Path, data_dir: Path) -> None:
    assert cli("import", str(SEEDS[2]), data_dir=data_dir).returncode == 0
    before = cli("list", "--json", data_dir=data_dir).stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = cli("import", str(bad), data_dir=data_dir)
    assert r.returncode == 1
    assert "không phải JSON (lỗi ở dòng 1, cột 2)" in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert cli("list", "--json", data_dir=data_dir).stdout == before


def test_ambiguous_number_in_a_file_is_refused_naming_the_indicator(
        tmp_path: Path, data_dir: Path) -> None:
    data = json.loads(SEEDS[2].read_text(encoding="utf-8"))
    entry = data["plan"]["indicator_groups"][1]["indicators"][1]["values"][0]
    entry.clear()
    entry.update({"year": 2024, "period": "target", "text": "12,575"})
    path = tmp_path / "ambiguous.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("import", str(path), data_dir=data_dir)
    assert r.returncode == 1
    assert "Giới thiệu giải quyết việc làm" in r.stderr
    assert "12575" in r.stderr and "12 phẩy 575" in r.stderr
    assert json.loads(cli("list", "--json", data_dir=data_dir).stdout) == []


def test_english_messages(tmp_path: Path, data_dir: Path) -> None:
    r = cli("export", "json", "--unit", "NOWHERE", "--year", "2024", "-o",
            str(tmp_path / "x.json"), data_dir=data_dir, lang="en")
    assert r.returncode == 1
    assert r.stderr.strip() == "There is no unit with the code NOWHERE."
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("args", [
    [], ["frobnicate"], ["export", "odt", "--unit", "X", "--year", "2024", "-o", "x"],
    ["export", "json", "--unit", "X", "--year", "two", "-o", "x"], ["rollover", "--unit", "X"],
])
def test_wrong_usage_exits_2(args: list[str], data_dir: Path) -> None:
    assert cli(*args, data_dir=data_dir).returncode == 2


def test_rollover(data_dir: Path, tmp_path: Path) -> None:
    assert cli("import", str(SEEDS[2]), data_dir=data_dir).returncode == 0
    r = cli("rollover", "--unit", "P-MYPHU", "--from-year", "2024", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    listed = json.loads(cli("list", "--json", data_dir=data_dir).stdout)
    assert {"unit": "P-MYPHU", "year": 2025, "kind": "plan", "revision": 1,
            "status": "draft"} in listed
    again = cli("rollover", "--unit", "P-MYPHU", "--from-year", "2024", data_dir=data_dir)
    assert again.returncode == 1
    assert "đã có" in again.stderr


def test_newer_database_is_refused_untouched(data_dir: Path) -> None:
    import sqlite3

    assert cli("list", data_dir=data_dir).returncode == 0
    db_file = data_dir / "wardplan.sqlite3"
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_file.read_bytes()
    r = cli("list", data_dir=data_dir)
    assert r.returncode == 1
    assert "phiên bản WardPlan Desktop mới hơn" in r.stderr
    assert db_file.read_bytes() == before


def test_derive_resolution_then_print_refuses_without_signer(
        data_dir: Path, tmp_path: Path) -> None:
    assert cli("import", str(SEEDS[2]), data_dir=data_dir).returncode == 0
    r = cli("derive", "--unit", "P-MYPHU", "--year", "2024", "--kind", "resolution",
            data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "Đã soạn dự thảo nghị quyết HĐND" in r.stdout
    out = tmp_path / "nq.pdf"
    r = cli("export", "pdf", "--unit", "P-MYPHU", "--year", "2024", "--kind", "resolution",
            "-o", str(out), data_dir=data_dir)
    assert r.returncode == 1
    assert "còn thiếu tên người ký" in r.stderr
    assert not out.exists()
