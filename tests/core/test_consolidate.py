"""The upper level's consolidation: completeness, side by side, totals that make sense."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from support import SEED_003, seed
from wardplan_desktop.core import consolidate
from wardplan_desktop.core.documents.consolidated_xlsx import build_consolidated_xlsx
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.values import parse_value


def _ward_file(tmp_path: Path, code: str, name: str, revenue: str) -> bytes:
    data = seed(SEED_003)

    data = codec.with_new_uids(data)
    data["plan"]["unit"].update(code=code, name=name)
    value = parse_value(revenue)
    data["plan"]["indicator_groups"][0]["indicators"][0]["values"] = [
        {"year": 2024, "period": "target", "text": value.text, "kind": "number",
         "value": format(value.value, "f"), "unit": value.unit}]
    folder = tmp_path / code
    path = tmp_path / f"{code}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = open_data_folder(folder)
    from wardplan_desktop.core import service

    service.import_plan_file(db, path)
    sent = exchange.export_package(db, load_identity(folder), code, 2024)
    db.close()
    return sent.data


def _upper(tmp_path: Path) -> tuple[Database, list[tuple[str, bytes]]]:
    files = [(f"{code}.wpsync", _ward_file(tmp_path, code, name, revenue)) for code, name,
             revenue in [("P-A", "Phường A", "1.000.000.000đ"),
                         ("P-B", "Phường B", "2.500.000.000đ")]]
    db = open_data_folder(tmp_path / "upper")
    return db, files


def test_completeness_tells_received_late_and_missing(tmp_path: Path) -> None:
    db, files = _upper(tmp_path)
    identity = load_identity(tmp_path / "upper")
    outcomes = exchange.receive_files(db, identity, files[:1])
    assert outcomes[0].status == "imported"
    # The second ward is registered (its first file accepted) but sends nothing for 2025.
    exchange.receive_files(db, identity, files[1:], accept_new=True)
    rows = {r.code: r for r in consolidate.completeness(db, 2024)}
    assert {c: r.status for c, r in rows.items()} == {"P-A": "received", "P-B": "received"}
    assert rows["P-A"].revision == 1 and rows["P-A"].key_fingerprint
    with db.session() as session:
        exchange.set_setting(session, "deadline:2024", "2000-01-01")
    assert {r.status for r in consolidate.completeness(db, 2024)} == {"late"}
    assert {r.status for r in consolidate.completeness(db, 2025)} == {"missing"}
    assert consolidate.deadline_of(db, 2024) == dt.date(2000, 1, 1)
    db.close()


def test_side_by_side_adds_only_what_can_be_added(tmp_path: Path) -> None:
    db, files = _upper(tmp_path)
    exchange.receive_files(db, load_identity(tmp_path / "upper"), files, accept_new=True)
    units, lines = consolidate.side_by_side(db, 2024)
    assert [code for code, _ in units] == ["P-A", "P-B"]
    by_name = {line.name: line for line in lines}
    revenue = by_name["Thu ngân sách"]
    assert revenue.values["P-A"].text == "1.000.000.000đ"
    assert revenue.total() == Decimal("3500000000")
    assert by_name["Giới thiệu giải quyết việc làm"].total() == Decimal(532)
    assert by_name["Tỷ lệ lao động qua đào tạo"].total() is None  # a percentage
    assert by_name["Số hộ đạt GDVH"].total() is None  # "90% trở lên": a bound
    assert by_name["Khóm văn minh đô thị"].total() is None  # "5/5 khóm": part of a whole

    workbook = load_workbook(io.BytesIO(build_consolidated_xlsx(db, 2024)))
    sheet = workbook["Chỉ tiêu"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=4) if row[1].value}
    assert rows["Thu ngân sách"][5].value == "=SUM(D5:E5)"
    assert rows["Tỷ lệ lao động qua đào tạo"][5].value is None
    status = workbook["Tình hình gửi"]
    assert [status.cell(row=r, column=4).value for r in (4, 5)] == ["Đã gửi", "Đã gửi"]
    db.close()


def test_mixed_units_are_not_added() -> None:
    line = consolidate.Line(("name",), "economy", "Thu ngân sách", "",
                            {"A": parse_value("1.000.000.000đ"),
                             "B": parse_value("2 tỷ đồng")})
    assert line.total() is None
