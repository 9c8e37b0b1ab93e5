"""The upper level's consolidated table as a PDF (core.documents.consolidated_pdf).

An upper level's data folder receives real sync files from two wards and has a
third unit registered from a list that has sent nothing; larger folders add
plans stored directly (sending hundreds of files would only slow the tests).
The PDF is read back with pypdf.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from support import SEED_003, seed
from wardplan_desktop.core import consolidate, service
from wardplan_desktop.core.documents.consolidated_pdf import (
    build_consolidated_pdf,
    value_text,
)
from wardplan_desktop.core.documents.consolidated_xlsx import FIELD_TITLES
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.numbers import format_number
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.storage.history import SUPPRESS
from wardplan_desktop.core.storage.schema import SyncReceipt, Unit
from wardplan_desktop.core.sync import exchange, units
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.values import parse_value

UPPER = "TP-CAOLANH"
WARDS = [("P-A", "Phường An Hòa", "1.000.000.000đ"), ("P-B", "Phường Bình Thạnh", "2.500.000.000đ")]


def _plan(code: str, name: str, revenue: str) -> dict:
    data = codec.with_new_uids(seed(SEED_003))
    data["plan"]["unit"].update(code=code, name=name)
    value = parse_value(revenue)
    data["plan"]["indicator_groups"][0]["indicators"][0]["values"] = [
        {"year": 2024, "period": "target", "text": value.text, "kind": "number",
         "value": format(value.value, "f"), "unit": value.unit}]
    return data


def _sent(folder: Path, code: str, name: str, revenue: str) -> bytes:
    db = open_data_folder(folder)
    service.import_plan_data(db, _plan(code, name, revenue), f"{code}.json")
    sent = exchange.export_package(db, load_identity(folder), code, 2024)
    db.close()
    return sent.data


@pytest.fixture(scope="module")
def upper_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("consolidated")
    folder = root / "upper"
    db = open_data_folder(folder)
    listed = "code,name,level\nP-A,Phường An Hòa,phường\nP-B,Phường Bình Thạnh,phường\n" \
             "X-C,Xã Chưa Gửi,xã\n"
    units.import_unit_list(db, listed.encode(), name="units.csv",
                           own=units.OwnUnit(UPPER, "Thành phố Cao Lãnh", "thành phố"))
    files = [(f"{code}.wpsync", _sent(root / code, code, name, revenue))
             for code, name, revenue in WARDS]
    outcomes = exchange.receive_files(db, load_identity(folder), files)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    db.close()
    return folder


@pytest.fixture
def upper(upper_folder: Path) -> Database:
    db = open_data_folder(upper_folder)
    yield db
    db.close()


def add_units(db: Database, count: int) -> None:
    """``count`` more units with a plan each, stored as a received file would store them."""
    with db.session() as session:
        own = session.query(Unit).filter_by(code=UPPER).one()
        session.info[SUPPRESS] = True
        for i in range(count):
            data = _plan(f"P-{i:04d}", f"Phường {i}", f"1.{100 + i % 900}.000.000đ")
            data["plan"]["unit"]["upper"] = {"code": own.code, "name": own.name,
                                             "level": own.level}
            plan = codec.store_plan(session, data)
            session.flush()
            session.add(SyncReceipt(unit=plan.unit, year=2024, kind="plan", revision=1,
                                    content_hash="sha256:00", key_fingerprint="ABCD-" * 7 + "ABCD",
                                    created="2023-11-30T10:00:00+00:00",
                                    received_at="2023-12-01T08:00:00+00:00", payload="{}"))


def copy_of(upper_folder: Path, tmp_path: Path) -> Database:
    import shutil

    shutil.copytree(upper_folder, tmp_path / "copy")
    return open_data_folder(tmp_path / "copy")


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its words, font, size and baseline position."""

    text: str
    font: str
    size: float
    x: float
    y: float


def runs_of(data: bytes) -> list[list[Run]]:
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: list[Run] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float,
                  runs: list[Run] = runs) -> None:
            if text.strip() and font is not None:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font.get("/BaseFont", "")).split("+")[-1]
                runs.append(Run(text.strip(), name, float(size), round(x, 1), round(y, 1)))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def total_rows(data: bytes) -> list[list[str]]:
    """The cells after "Tổng cộng" of every total row, left to right."""
    rows = []
    for runs in runs_of(data):
        for label in (r for r in runs if r.text == "Tổng cộng"):
            rows.append([r.text for r in sorted(runs, key=lambda r: r.x)
                         if r.y == label.y and r.x > label.x])
    return rows


def flat(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- content


def test_fonts_are_the_bundled_serif_embedded_and_no_helvetica(upper: Database) -> None:
    reader = PdfReader(io.BytesIO(build_consolidated_pdf(upper, 2024)))
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # TrueType, embedded
    assert names <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                     "LiberationSerif-BoldItalic"}
    assert b"Helvetica" not in build_consolidated_pdf(upper, 2024)
    # A4 landscape on every page.
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader.pages} == {(842, 595)}


def test_the_header_title_and_parts(upper: Database) -> None:
    pages = text_of(build_consolidated_pdf(upper, 2024))
    first = flat(pages[0])
    for words in ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CAO LÃNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc",
                  "BẢNG TỔNG HỢP CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
                  "2/3 đơn vị đã gửi", "I. TÌNH HÌNH GỬI KẾ HOẠCH CỦA CÁC ĐƠN VỊ"]:
        assert words in first, words
    everything = flat(" ".join(pages))
    assert "II. CHỈ TIÊU NĂM 2024 CỦA CÁC ĐƠN VỊ" in everything
    # Every page names the table and the office at its foot.
    assert all("Bảng tổng hợp chỉ tiêu kế hoạch năm 2024 - UBND thành phố Cao Lãnh" in flat(p)
               for p in pages)


def test_completeness_rows(upper: Database) -> None:
    everything = flat(" ".join(text_of(build_consolidated_pdf(upper, 2024))))
    statuses = {r.code: r for r in consolidate.completeness(upper, 2024)}
    assert {c: r.status for c, r in statuses.items()} == {
        "P-A": "received", "P-B": "received", "X-C": "missing"}
    assert "1 P-A Phường An Hòa Đã gửi 1" in everything
    assert "3 X-C Xã Chưa Gửi Chưa gửi" in everything
    assert statuses["P-A"].key_fingerprint in everything
    received = statuses["P-A"].received_at
    assert f"{received[8:10]}/{received[5:7]}/{received[:4]}" in everything


def test_every_unit_and_indicator_is_printed(upper: Database) -> None:
    everything = flat(" ".join(text_of(build_consolidated_pdf(upper, 2024))))
    received, lines = consolidate.side_by_side(upper, 2024)
    assert [c for c, _ in received] == ["P-A", "P-B"]
    for code, name in received:
        assert f"{code} {name}" in everything
    for line in lines:
        # Names wrap inside their column titles; the words follow one another.
        assert flat(line.name) in everything, line.name
    assert "1.000.000.000" in everything and "2.500.000.000" in everything


def test_a_total_only_where_adding_makes_sense(upper: Database) -> None:
    rows = total_rows(build_consolidated_pdf(upper, 2024))
    assert len(rows) >= 2  # one per table of columns
    totals = [cell for row in rows for cell in row]
    _, lines = consolidate.side_by_side(upper, 2024)
    order = list(FIELD_TITLES)  # the tables go field by field
    lines.sort(key=lambda line: order.index(line.field))
    expected = [format_number(t) if (t := line.total()) is not None else "—" for line in lines]
    assert totals == expected
    by_name = {line.name: line for line in lines}
    assert by_name["Thu ngân sách"].total() == Decimal("3500000000")
    assert totals[0] == "3.500.000.000"
    assert by_name["Tỷ lệ lao động qua đào tạo"].total() is None  # a percentage: "—"
    assert "—" in totals and len([t for t in totals if t != "—"]) >= 5


def test_numbers_in_vietnamese_form_or_in_their_own_words() -> None:
    assert value_text(parse_value("9.949.000.000đ"), "đồng") == "9.949.000.000"
    assert value_text(parse_value("14,5%"), "%") == "14,5"
    assert value_text(parse_value("532"), "người") == "532"
    assert value_text(parse_value("2 tỷ đồng"), "đồng") == "2 tỷ đồng"  # not the column's unit
    assert value_text(parse_value("90% trở lên"), "%") == "90% trở lên"
    assert value_text(parse_value("5/5 khóm"), "khóm") == "5/5 khóm"
    assert value_text(parse_value("Đạt"), "") == "Đạt"
    assert value_text(None, "%") == ""


# --------------------------------------------------------------------------- pages


def test_the_same_data_gives_the_same_bytes(upper: Database, upper_folder: Path) -> None:
    first = build_consolidated_pdf(upper, 2024)
    assert build_consolidated_pdf(upper, 2024) == first
    with open_data_folder(upper_folder) as again:
        assert build_consolidated_pdf(again, 2024) == first
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20000101")


def test_pages_grow_with_units_and_every_page_repeats_the_header(
        upper_folder: Path, tmp_path: Path) -> None:
    db = copy_of(upper_folder, tmp_path)
    small = len(text_of(build_consolidated_pdf(db, 2024)))
    add_units(db, 120)
    data = build_consolidated_pdf(db, 2024)
    pages = text_of(data)
    assert len(pages) > small + 10
    everything = flat(" ".join(pages))
    for i in (0, 57, 119):
        assert f"P-{i:04d} Phường {i}" in everything
    runs = runs_of(data)
    for number, page in enumerate(runs, start=1):
        # Numbered from the second page, at the top in 13 pt.
        numbers = [r.text for r in page if r.size == 13 and r.y > 595 - 30 * 72 / 25.4]
        assert numbers == ([str(number)] if number > 1 else [])
        # Each page's table starts with its column titles.
        titles = {r.text for r in page}
        assert {"STT", "Mã đơn vị", "Tên đơn vị"} <= titles
    # No total row starts a page: the last unit's row goes with it.
    for page in runs:
        total = next((r for r in page if r.text == "Tổng cộng"), None)
        if total is not None:
            assert any(re.fullmatch(r"P-\d{4}|P-[AB]", r.text) and r.y > total.y for r in page)
    db.close()


@pytest.mark.slow
def test_five_hundred_units_are_laid_out(upper_folder: Path, tmp_path: Path) -> None:
    db = copy_of(upper_folder, tmp_path)
    add_units(db, 500)
    data = build_consolidated_pdf(db, 2024)
    pages = text_of(data)
    assert len(pages) > 100
    assert "P-0499 Phường 499" in flat(" ".join(pages[-10:]))
    db.close()


def test_a_folder_that_is_not_an_upper_level_is_refused(db: Database) -> None:
    with pytest.raises(InputError) as info:
        build_consolidated_pdf(db, 2024)
    assert "not set up as an upper level" in str(info.value)


def test_an_upper_level_with_nothing_received_prints_the_missing_units(db: Database) -> None:
    units.import_unit_list(db, b"code,name,level\nP-A,Phuong A,phuong\n", name="u.csv",
                           own=units.OwnUnit(UPPER, "Thành phố Cao Lãnh", "thành phố"))
    everything = flat(" ".join(text_of(build_consolidated_pdf(db, 2024))))
    assert "1 P-A Phuong A Chưa gửi" in everything
    assert "Chưa có đơn vị nào gửi kế hoạch năm 2024." in everything
