"""The upper level's consolidation: completeness, side by side, totals that make sense."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import event, select

from support import SEED_003, seed
from wardplan_desktop.core import consolidate, service
from wardplan_desktop.core.documents.consolidated_xlsx import build_consolidated_xlsx
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.storage.history import SUPPRESS
from wardplan_desktop.core.storage.schema import SyncReceipt, Unit
from wardplan_desktop.core.sync import exchange, units
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


def test_the_latest_year_is_of_the_files_units_reporting_here_sent(tmp_path: Path) -> None:
    db, files = _upper(tmp_path)
    assert consolidate.latest_year(db) is None  # not an upper level yet
    exchange.receive_files(db, load_identity(tmp_path / "upper"), files, accept_new=True)
    assert consolidate.latest_year(db) == 2024
    with db.session() as session:  # P-A's earlier year, and a later year's resolution
        unit_id = session.scalar(select(Unit.id).where(Unit.code == "P-A"))
        for year, kind in ((2023, "plan"), (2025, "resolution")):
            session.add(SyncReceipt(unit_id=unit_id, year=year, kind=kind, revision=1,
                                    content_hash="sha256:" + "0" * 64, key_fingerprint="x",
                                    created="2024-11-01T00:00:00+00:00", payload="{}"))
    assert consolidate.latest_year(db) == 2024
    assert consolidate.latest_year(db, "resolution") == 2025
    with db.session() as session:  # a unit of another upper level sent a later year
        other = Unit(code="TP-KHAC", name="Thành phố Khác", level="city")
        ward = Unit(code="P-KHAC", name="Phường Khác", level="ward", upper=other)
        session.add_all([other, ward])
        session.flush()
        session.add(SyncReceipt(unit_id=ward.id, year=2026, kind="plan", revision=1,
                                content_hash="sha256:" + "0" * 64, key_fingerprint="x",
                                created="2025-11-01T00:00:00+00:00", payload="{}"))
    assert consolidate.latest_year(db) == 2024
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


def _store_units(db: Database, first: int, count: int) -> None:
    """Units ``first`` … reporting here, each with a plan stored as a received file's."""
    with db.session() as session:
        own = session.scalar(select(Unit).where(Unit.code == "TP-CAOLANH"))
        session.info[SUPPRESS] = True
        for i in range(first, first + count):
            data = codec.with_new_uids(seed(SEED_003))
            data["plan"]["unit"].update(code=f"P-{i:03d}", name=f"Phường {i}")
            data["plan"]["unit"]["upper"] = {"code": own.code, "name": own.name,
                                             "level": own.level}
            plan = codec.store_plan(session, data)
            session.flush()
            for revision in (1, 2)[:1 + i % 2]:
                session.add(SyncReceipt(
                    unit=plan.unit, year=2024, kind="plan", revision=revision,
                    content_hash="sha256:00", key_fingerprint=f"KEY-{i}",
                    created="2023-11-30T10:00:00+00:00",
                    received_at=f"2023-12-0{revision}T08:00:00+00:00", payload="{}"))


def _statements(db: Database, work: Callable[[], object]) -> int:
    count = 0

    def counted(*_args: object) -> None:
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        work()
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return count


def test_reading_all_units_takes_as_many_queries_for_few_units_as_for_many(
        tmp_path: Path) -> None:
    """A province has hundreds of units, the country 3,321: never a query per unit."""
    db = open_data_folder(tmp_path / "upper")
    units.import_unit_list(db, "code,name,level\nX-NONE,Xã Chưa Gửi,xã\n".encode(),
                           name="units.csv",
                           own=units.OwnUnit("TP-CAOLANH", "Thành phố Cao Lãnh", "thành phố"))
    jobs: dict[str, Callable[[], object]] = {
        "completeness": lambda: consolidate.completeness(db, 2024),
        "side by side": lambda: consolidate.side_by_side(db, 2024),
        "estimates": lambda: consolidate.side_by_side(db, 2024, "plan", "estimate", 2023),
        "plan list": lambda: service.list_plans(db),
    }
    _store_units(db, 0, 2)
    few = {name: _statements(db, job) for name, job in jobs.items()}
    _store_units(db, 2, 8)
    assert {name: _statements(db, job) for name, job in jobs.items()} == few

    statuses = consolidate.completeness(db, 2024)
    assert [s.code for s in statuses] == [*(f"P-{i:03d}" for i in range(10)), "X-NONE"]
    assert [s.receipts for s in statuses] == [1, 2] * 5 + [0]
    assert statuses[1].revision == 2 and statuses[1].key_fingerprint == "KEY-1"
    assert statuses[-1].status == "missing"
    received, lines = consolidate.side_by_side(db, 2024)
    assert received == [(f"P-{i:03d}", f"Phường {i}") for i in range(10)]
    assert [line.name for line in lines] == [line.name for line in
                                             consolidate.side_by_side(db, 2024)[1]]
    by_name = {line.name: line for line in lines}
    assert by_name["Thu ngân sách"].total() == 10 * Decimal("9949000000")
    assert list(by_name["Thu ngân sách"].values) == [code for code, _ in received]
    assert len(service.list_plans(db)) == 10
    db.close()


def test_the_workbook_styles_every_cell_as_its_kind(tmp_path: Path) -> None:
    db, files = _upper(tmp_path)
    exchange.receive_files(db, load_identity(tmp_path / "upper"), files, accept_new=True)
    book = load_workbook(io.BytesIO(build_consolidated_xlsx(db, 2024)))
    sheet = book["Chỉ tiêu"]
    header, field_row, revenue = sheet[3], sheet[4], sheet[5]
    assert revenue[1].value == "Thu ngân sách"
    for cell in (*header, *field_row[:2], *revenue):
        assert cell.font.name == "Times New Roman" and cell.font.sz == 12
    for cell in (*header, *field_row, *revenue):
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    assert all(c.font.b and c.fill.fgColor.rgb == "00E7E6E6" and c.alignment.wrap_text
               for c in header)
    assert [c.font.b for c in field_row] == [True, True, False, False, False, False]
    assert field_row[3].alignment.horizontal is None
    assert [c.alignment.horizontal for c in revenue] == [None, None, None, "right", "right",
                                                         "right"]
    assert revenue[0].alignment.wrap_text and not revenue[3].alignment.wrap_text
    assert [c.font.b for c in revenue] == [False] * 5 + [True]
    assert revenue[3].number_format == revenue[5].number_format == '#,##0"đ"'
    status = book["Tình hình gửi"]
    assert all(not c.font.b and c.border.top.style == "thin" and c.alignment.horizontal is None
               for c in status[4])
    db.close()
