"""The Excel workbook of a plan's appendices (core.documents.xlsx_writer)."""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import unicodedata
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from support import SEED_000, SEED_003, indicators, seed
from wardplan_desktop.core.documents import layout
from wardplan_desktop.core.documents.xlsx_writer import (
    NO_TABLES,
    PERCENT_FORMAT,
    build_xlsx,
    line_count,
    sheet_name,
    sheet_number,
)
from wardplan_desktop.core.interchange.codec import value_from_entry
from wardplan_desktop.core.numbers import format_number
from wardplan_desktop.core.values import parse_value, unreadable

HEADER_ROW = 5
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


# --------------------------------------------------------------------------- helpers


def workbook(plan: dict[str, Any]) -> Workbook:
    return load_workbook(io.BytesIO(build_xlsx(plan)))


def plan_of(path: Path) -> dict[str, Any]:
    return seed(path)["plan"]


def find_indicator(plan: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(i for i in indicators(plan) if i["name"].startswith(prefix))


def shown(number: Any, fmt: str) -> str:
    """What a Vietnamese-locale Excel shows for ``number`` in one of the writer's formats."""
    m = re.fullmatch(r'#,##0(?:\.(0+))?(?:"([^"]*)")?', fmt)
    assert m, fmt
    places = len(m.group(1) or "")
    return format_number(Decimal(str(number)), places) + (m.group(2) or "")


def bare(text: str) -> str:
    """Text without separators and spaces: what may differ between the words and the sheet."""
    return re.sub(r"[\s.,\u00a0]", "", text)


ESTIMATES = {  # name prefix → estimate for 2024 (seed 003's targets are for 2024)
    "Thu ngân sách": "10.500.000.000đ",  # 9.949.000.000đ, higher better: Vượt
    "Quỹ Đền ơn đáp nghĩa": "12.000.000đ",  # keep (set below): Không đạt
    "Quỹ Vì người nghèo": "15.000.000đ",  # keep (set below): Đạt
    "Quỹ Phòng chống thiên tai": "16.000.000đ",  # Không đạt
    "Giới thiệu giải quyết việc làm": "266",  # Đạt
    "Tỷ lệ lao động qua đào tạo": "85,5%",  # 88%: Không đạt
    "Giảm tỷ lệ trẻ em": "10,2%",  # 11,44%, lower better: Vượt
    "Tỷ lệ tăng dân số tự nhiên": "0,9%",  # 0,8 %, lower better: Không đạt
    "Tỷ lệ người dân số tham gia bảo hiểm y tế": "98‰",  # 97,5%: units clash, no figures
    "Khóm văn minh đô thị": "5/5 khóm",  # a part of a whole: the core's figures
    "Số hộ đạt GDVH": "92%",  # 90% trở lên: the core's figures
    "Tỷ lệ hộ nghèo": "02 hộ",  # 03 hộ: words, the core's figures
    "Giới thiệu lao động đi làm": "12",  # 09: words, the core's figures
    "Tỷ lệ thu gom rác": "100%",  # đạt 100%: words, the core's figures
    "Giao quân": "đạt",  # 100% against words: not comparable
}
RESULT_COLUMNS = [
    {"source": "label", "header": "STT"},
    {"source": "name", "header": "Nội dung"},
    {"source": "unit", "header": "ĐVT"},
    {"source": "value", "year": 2024, "period": "target", "header": "Kế hoạch 2024"},
    {"source": "value", "year": 2024, "period": "estimate", "header": "Ước TH 2024"},
    {"source": "percent_of_plan", "year": 2024, "period": "estimate", "header": "% so KH"},
    {"source": "status", "year": 2024, "period": "estimate", "header": "Đánh giá"},
    {"source": "note", "header": "Ghi chú"},
]


def results_plan(with_appendix: bool = True) -> dict[str, Any]:
    """Seed 003 a year on: the plan for 2025, with 2024's estimates against its targets."""
    plan = plan_of(SEED_003)
    plan["year"] = 2025
    for prefix, text in ESTIMATES.items():
        find_indicator(plan, prefix)["values"].append(
            {"year": 2024, "period": "estimate", "text": text})
    find_indicator(plan, "Quỹ Đền ơn")["direction"] = "keep"
    find_indicator(plan, "Quỹ Vì người")["direction"] = "keep"
    zero = copy.deepcopy(plan["indicator_groups"][-1]["indicators"][0])
    zero.update(uid=str(uuid.uuid4()), label=None, name="Số vụ khiếu nại vượt cấp", unit="Vụ",
                direction="lower_better", children=[],
                values=[{"year": 2024, "period": "target", "text": "0"},
                        {"year": 2024, "period": "estimate", "text": "0"}])
    plan["indicator_groups"][-1]["indicators"].append(zero)
    if with_appendix:
        plan["appendices"][0]["columns"] = copy.deepcopy(RESULT_COLUMNS)
    else:
        plan["appendices"] = []
    return plan


def table(plan: dict[str, Any], wb: Workbook) -> list[tuple[Worksheet, dict, list]]:
    """Each sheet with its appendix and the rows the layout composes for it."""
    appendices = layout.printed_appendices(plan)
    assert len(wb.sheetnames) == len(appendices)
    return [(wb.worksheets[i], a, layout.table_rows(plan, a)) for i, a in enumerate(appendices)]


def row_of(ws: Worksheet, name: str) -> int:
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if any(c.value == name for c in ws[r]):
            return r
    raise AssertionError(name)


# --------------------------------------------------------------------------- numbers or words


@pytest.mark.parametrize(("text", "number", "fmt"), [
    ("9.949.000.000đ", "9949000000", '#,##0"đ"'),
    ("88%", "88", '#,##0"%"'),
    ("11,44%", "11.44", '#,##0.00"%"'),
    ("0,8 %", "0.8", '#,##0.0"%"'),
    ("0,02‰", "0.02", '#,##0.00"‰"'),
    ("18,0", "18.0", "#,##0.0"),
    ("266", "266", "#,##0"),
    ("7.1", "7.1", "#,##0.0"),
    ("-1,5%", "-1.5", '#,##0.0"%"'),
    ("100%", "100", '#,##0"%"'),
])
def test_a_plain_number_is_written_as_a_number(text: str, number: str, fmt: str) -> None:
    found = sheet_number(parse_value(text))
    assert found is not None
    assert found.number == Decimal(number) and found.number_format == fmt
    # The sheet shows the words, but for the separators a Vietnamese Excel prints.
    assert bare(shown(found.number, fmt)) == bare(text)


@pytest.mark.parametrize(("text", "meant"), [("12,575", "12575"), ("2,016", "2016"),
                                              ("0.03", "0.03")])
def test_a_number_written_the_english_way_is_the_number_meant(text: str, meant: str) -> None:
    found = sheet_number(value_from_entry({"text": text, "kind": "number", "value": meant}))
    assert found is not None and found.number == Decimal(meant)
    assert found.number_format == ("#,##0.00" if "." in meant else "#,##0")


@pytest.mark.parametrize("text", [
    "03 hộ",  # a leading zero is part of the words
    "09",
    "đạt 100%",  # lead words
    "266 người", "58 tạ/ha",  # a word unit belongs to the words
    "90% trở lên", "trên 96%", "dưới 0,15%", "giảm còn 2,57%",
    "14,5 – 16,5 %", "từ 23 - 23,5%",
    "5/5 khóm", "16/16 đơn (100%)",
    "giảm 03 hộ nghèo so với năm 2023",
    "đạt", "hoàn thành", "Đạt chuẩn",
    "1234567890123456",  # more digits than an Excel number holds
])
def test_anything_else_is_written_as_its_words(text: str) -> None:
    assert sheet_number(parse_value(text)) is None


def test_unreadable_and_missing_values_are_words() -> None:
    assert sheet_number(unreadable("khoảng chừng 5 hay 6")) is None
    assert sheet_number(None) is None


def test_numbers_and_words_in_seed_003() -> None:
    plan = plan_of(SEED_003)
    ws = workbook(plan).worksheets[0]
    money = ws.cell(row_of(ws, "Thu ngân sách"), 3)
    assert money.value == 9949000000 and money.number_format == '#,##0"đ"'
    assert money.alignment.horizontal == "right"
    share = ws.cell(row_of(ws, "Tỷ lệ lao động qua đào tạo"), 3)
    assert share.value == 88 and share.number_format == '#,##0"%"'
    assert shown(share.value, share.number_format) == "88%"
    for name, words in [("Khóm văn minh đô thị", "5/5 khóm"), ("Số hộ đạt GDVH", "90% trở lên"),
                        ("Giới thiệu lao động đi làm ở nước ngoài", "09"),
                        ("Tỷ lệ hòa giải thành", "90% trở lên")]:
        cell = ws.cell(row_of(ws, name), 3)
        assert cell.value == words and cell.data_type == "s"
    poor = ws.cell(row_of(ws, "Tỷ lệ hộ nghèo theo chuẩn mới (chuẩn tiếp cận đa chiều)"), 3)
    assert poor.value == "03 hộ"


# --------------------------------------------------------------------------- every seed


def test_sheets_titles_and_header(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    wb = workbook(plan)
    appendices = layout.printed_appendices(plan)
    if not appendices:  # seed 002: a resolution without tables
        assert len(wb.worksheets) == 1
        ws = wb.worksheets[0]
        assert ws["A1"].value == layout.type_label(plan)
        assert ws.cell(HEADER_ROW, 1).value == NO_TABLES
        assert layout.document_reference(plan) in ws.oddFooter.left.text
        return
    names = wb.sheetnames
    assert len({n.casefold() for n in names}) == len(names) == len(appendices)
    for ws, appendix, _rows in table(plan, wb):
        assert len(ws.title) <= 31 and not re.search(r"[\[\]:*?/\\]", ws.title)
        assert ws.title.startswith(appendix["label"][:20])
        ncols = len(appendix["columns"])
        last = get_column_letter(ncols)
        merged = {str(r) for r in ws.merged_cells.ranges}
        caption = layout.appendix_caption(plan, appendix)
        for row, text, bold, italic in [(1, appendix["label"], True, False),
                                        (2, appendix["title"].upper(), True, False),
                                        (3, caption, False, True)]:
            cell = ws.cell(row, 1)
            assert cell.value == text
            assert f"A{row}:{last}{row}" in merged
            assert cell.alignment.horizontal == "center"
            assert bool(cell.font.b) is bold and bool(cell.font.i) is italic
            assert cell.font.name == "Times New Roman"
            assert ws.row_dimensions[row].height >= cell.font.sz
        for col, column in enumerate(appendix["columns"], start=1):
            head = ws.cell(HEADER_ROW, col)
            assert head.value == column["header"]
            assert head.font.b and head.alignment.wrap_text
            assert head.border.top.style == head.border.bottom.style == "thin"
            assert head.fill.fgColor.rgb.endswith("E7E6E6")
        # The column of words is the widest (narrowed, where needed, to fit the page).
        widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ncols + 1)]
        for col, column in enumerate(appendix["columns"]):
            if column["source"] in ("name", "task"):
                assert widths[col] == max(widths) and widths[col] >= 28


def test_every_row_and_value(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    wb = workbook(plan)
    if not layout.printed_appendices(plan):
        return
    numbers = words = 0
    for ws, appendix, rows in table(plan, wb):
        assert ws.max_row == HEADER_ROW + len(rows)
        for offset, row in enumerate(rows, start=1):
            r = HEADER_ROW + offset
            for col, (column, data) in enumerate(zip(appendix["columns"], row.cells,
                                                     strict=True), start=1):
                cell = ws.cell(r, col)
                assert cell.font.name == "Times New Roman" and cell.font.sz in (12, 13)
                assert bool(cell.font.b) is row.bold and bool(cell.font.i) is row.italic
                assert cell.border.left.style == "thin" and cell.alignment.wrap_text
                found = sheet_number(data.value) if column["source"] == "value" else None
                if found is not None:
                    numbers += 1
                    assert isinstance(cell.value, int | float)
                    assert Decimal(str(cell.value)) == found.number
                    assert cell.number_format == found.number_format
                    assert bare(shown(cell.value, cell.number_format)) == bare(data.text)
                    assert cell.alignment.horizontal == "right"
                elif column["source"] not in ("percent_of_plan", "status"):
                    words += 1
                    assert cell.value == (data.text or None)
        if appendix["kind"] == "indicators":
            # Every indicator of the plan has its row, by name.
            names = {ws.cell(r, c).value for r in range(HEADER_ROW + 1, ws.max_row + 1)
                     for c in range(1, len(appendix["columns"]) + 1)}
            for ind in indicators(plan):
                assert any(isinstance(n, str) and n.endswith(ind["name"]) for n in names), (
                    ind["name"])
    assert words
    if seed_file in (SEED_000, SEED_003):
        assert numbers


def test_group_and_breakdown_rows_are_styled() -> None:
    plan = plan_of(SEED_000)
    ws = workbook(plan).worksheets[1]
    group = ws.cell(row_of(ws, "II. CHỈ TIÊU VỀ XÃ HỘI - MÔI TRƯỜNG"), 1)
    assert group.font.b and not group.font.i
    breakdown = ws.cell(row_of(ws, "Trong đó: Xuất khẩu lao động"), 1)
    assert breakdown.font.i and not breakdown.font.b
    sub = ws.cell(row_of(ws, "- Mức giảm tỷ lệ sinh"), 1)
    assert sub.alignment.indent >= 1
    people = ws.cell(row_of(ws, "1. Dân số"), 3)
    assert people.value == 12575 and people.number_format == "#,##0"


def test_page_setup(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    wb = workbook(plan)
    appendices = layout.printed_appendices(plan) or [None]
    for ws, appendix in zip(wb.worksheets, appendices, strict=True):
        ps = ws.page_setup
        assert str(ps.paperSize) == ws.PAPERSIZE_A4  # "9"
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(ps.fitToWidth) == 1 and int(ps.fitToHeight) == 0
        footer = ws.oddFooter
        assert footer.right.text == "Trang &P/&N"
        if appendix is None:
            continue
        landscape = layout.wants_landscape(appendix)
        assert ps.orientation == ("landscape" if landscape else "portrait")
        margins = ws.page_margins
        assert 0.7 < margins.top < 1.0 and 0.7 < margins.bottom < 1.0
        assert 0.7 < margins.left < (1.0 if landscape else 1.4)
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        ident = layout.appendix_identification(plan, appendix)
        assert footer.left.text == ident.replace("&", "&&")
        assert str(plan["year"]) in footer.left.text and plan["unit"]["name"].split()[-1] in (
            footer.left.text)


def test_a_wide_table_prints_landscape() -> None:
    ws = workbook(results_plan()).worksheets[0]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_margins.left == pytest.approx(20 / 25.4)
    assert ws.page_margins.right == pytest.approx(20 / 25.4)


# --------------------------------------------------------------------------- computed columns


def test_percent_and_status_are_formulas_where_both_figures_are_numbers() -> None:
    plan = results_plan()
    wb = workbook(plan)
    [(ws, appendix, rows)] = table(plan, wb)
    formulas = 0
    for offset, row in enumerate(rows, start=1):
        r = HEADER_ROW + offset
        target, result, percent, status = (row.cells[i] for i in (3, 4, 5, 6))
        p_cell, s_cell = ws.cell(r, 6), ws.cell(r, 7)
        both = sheet_number(target.value) is not None and sheet_number(result.value) is not None
        if row.kind == "item" and both and status.text:
            formulas += 1
            assert p_cell.value == f'=IF(D{r}=0,"",E{r}/D{r})'
            assert p_cell.number_format == PERCENT_FORMAT
            assert s_cell.data_type == "f" and s_cell.value.startswith("=IF(")
            for word in ("Đạt", "Không đạt"):
                assert f'"{word}"' in s_cell.value
        else:
            assert p_cell.data_type != "f" and s_cell.data_type != "f"
            if percent.percent is not None:
                assert Decimal(str(p_cell.value)) == percent.percent / 100
                assert p_cell.number_format == PERCENT_FORMAT
            else:
                assert p_cell.value is None
            assert s_cell.value == (status.text or None)
    assert formulas == 9

    def formula(name: str, col: int) -> str:
        return ws.cell(row_of(ws, name), col).value

    r = row_of(ws, "Thu ngân sách")
    assert formula("Thu ngân sách", 7) == (
        f'=IF(E{r}>D{r},"Vượt",IF(E{r}=D{r},"Đạt","Không đạt"))')
    r = row_of(ws, "Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới")
    assert formula("Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới", 7) == (
        f'=IF(E{r}<D{r},"Vượt",IF(E{r}=D{r},"Đạt","Không đạt"))')
    r = row_of(ws, "Quỹ Đền ơn đáp nghĩa")
    assert formula("Quỹ Đền ơn đáp nghĩa", 7) == f'=IF(E{r}=D{r},"Đạt","Không đạt")'
    # Words against words, or a clash of units: the core's figures, as values.
    assert formula("Số hộ đạt GDVH", 6) == pytest.approx(1.0222)
    assert formula("Số hộ đạt GDVH", 7) == "Đạt"
    poor = "Tỷ lệ hộ nghèo theo chuẩn mới (chuẩn tiếp cận đa chiều)"
    assert formula(poor, 7) == "Vượt" and formula(poor, 6) == pytest.approx(0.6667)
    insured = "Tỷ lệ người dân số tham gia bảo hiểm y tế"
    assert formula(insured, 6) is None and formula(insured, 7) is None


def test_default_appendix_when_the_plan_has_none() -> None:
    plan = plan_of(SEED_003)
    plan["appendices"] = []
    wb = workbook(plan)
    assert wb.sheetnames == ["PHỤ LỤC"]
    ws = wb.active
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers == ["STT", "Nội dung", "ĐVT", "Chỉ tiêu 2024", "Ghi chú"]
    assert ws["A2"].value == "CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"
    assert ws["A3"].value == f"(Kèm theo {layout.document_reference(plan)})"
    assert ws.page_setup.orientation == "landscape"

    plan = results_plan(with_appendix=False)
    wb = workbook(plan)
    ws = wb.active
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers == ["STT", "Nội dung", "ĐVT", "Kế hoạch 2024", "Ước TH 2024", "% so KH",
                       "Đánh giá", "Ghi chú"]
    r = row_of(ws, "Thu ngân sách")
    assert ws.cell(r, 6).value == f'=IF(D{r}=0,"",E{r}/D{r})'


def test_key_tasks_sheet() -> None:
    plan = plan_of(SEED_000)
    ws = workbook(plan)["Biểu số 01"]
    assert [c.value for c in ws[HEADER_ROW]] == ["STT", "Nội dung nhiệm vụ", "Kết quả đạt được"]
    task = plan["key_tasks"][0]
    assert ws.cell(HEADER_ROW + 1, 2).value == task["task"]
    assert ws.cell(HEADER_ROW + 1, 3).value == task["result"]
    # A long task gets the lines it needs: rows are sized by the writer.
    assert ws.row_dimensions[HEADER_ROW + 1].height > 3 * 12


# --------------------------------------------------------------------------- text and file


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("PHỤ LỤC", taken) == "PHỤ LỤC"
    assert sheet_name("Phụ lục", taken) == "Phụ lục (2)"
    assert sheet_name("Biểu số 02: chỉ tiêu [A/B]*?", taken) == "Biểu số 02- chỉ tiêu -A-B---"
    long = sheet_name("Biểu " + "x" * 40, taken)
    assert len(long) == 31
    again = sheet_name("Biểu " + "x" * 40, taken)
    assert len(again) <= 31 and again.endswith("(2)")
    assert sheet_name("", taken) == "Phụ lục (3)"
    assert sheet_name("'History'", taken) == "Phụ lục History"


def test_text_is_nfc_and_never_a_formula() -> None:
    plan = plan_of(SEED_003)
    plan["appendices"][0]["title"] = unicodedata.normalize("NFD", "CHỈ TIÊU NĂM 2024")
    first = plan["indicator_groups"][0]["indicators"][0]
    first["note"] = "=SUM(A1:A9)\x07"
    first["name"] = unicodedata.normalize("NFD", "Thu ngân sách")
    ws = workbook(plan).worksheets[0]
    assert ws["A2"].value == "CHỈ TIÊU NĂM 2024"
    r = row_of(ws, "Thu ngân sách")
    note = ws.cell(r, 4)
    assert note.value == "=SUM(A1:A9)" and note.data_type == "s"
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "s":
                assert unicodedata.is_normalized("NFC", cell.value)


def test_same_plan_same_bytes_dated_from_the_plan() -> None:
    plan = plan_of(SEED_003)
    data = build_xlsx(plan)
    assert data == build_xlsx(plan_of(SEED_003))
    wb = load_workbook(io.BytesIO(data))
    assert wb.properties.created.date().isoformat() == "2023-11-29"
    assert wb.properties.modified == wb.properties.created
    assert wb.properties.creator == "WardPlan Desktop"


def test_line_count_grows_with_the_text() -> None:
    assert line_count("Thu ngân sách", 45, 12) == 1
    assert line_count("Thu ngân sách " * 20, 45, 12) >= 4
    assert line_count("Thu ngân sách " * 20, 45, 12) > line_count("Thu ngân sách " * 20, 90, 12)
    assert line_count("x" * 400, 20, 12) >= 5  # a word longer than the line


# --------------------------------------------------------------------------- LibreOffice

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_office = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                  reason="LibreOffice and pdftotext are needed")


def soffice(work: Path, fmt: str, outdir: Path, *files: Path) -> None:
    """One headless LibreOffice conversion, with a private profile, in a Vietnamese locale."""
    env = dict(os.environ, LANG="vi_VN.UTF-8")
    env.pop("LC_ALL", None)
    if FONTS.is_dir():  # Times New Roman's metrics (Liberation Serif 2), as printed
        conf = work / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{FONTS}</dir><alias binding=\"same\"><family>Times New Roman</family>"
            "<prefer><family>Liberation Serif</family></prefer></alias></fontconfig>",
            encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
    profile = work / f"profile-{uuid.uuid4().hex}"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        check=True, capture_output=True, timeout=120, env=env)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seeds and the results plan converted by LibreOffice: to PDF, and recalculated."""
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice and pdftotext are needed")
    work = tmp_path_factory.mktemp("office")
    plans = {"000": plan_of(SEED_000), "003": plan_of(SEED_003), "results": results_plan()}
    files = []
    for name, plan in plans.items():
        path = work / f"{name}.xlsx"
        path.write_bytes(build_xlsx(plan))
        files.append(path)
    soffice(work, "pdf", work / "pdf", *files)
    soffice(work, "xlsx", work / "recalc", work / "results.xlsx")
    texts = {}
    for name in plans:
        pdf = work / "pdf" / f"{name}.pdf"
        assert pdf.stat().st_size > 1000
        out = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True,
                             text=True, timeout=60).stdout
        texts[name] = " ".join(out.split())
    return {"plans": plans, "texts": texts, "recalc": work / "recalc" / "results.xlsx"}


@needs_office
@pytest.mark.parametrize("name", ["000", "003", "results"])
def test_libreoffice_prints_every_value(office: dict[str, Any], name: str) -> None:
    plan, text = office["plans"][name], office["texts"][name]
    flat = bare(text)
    for appendix in layout.printed_appendices(plan):
        assert appendix["label"] in text
        for row in layout.table_rows(plan, appendix):
            for column, data in zip(appendix["columns"], row.cells, strict=True):
                if column["source"] == "value" and data.text:
                    assert bare(data.text) in flat, data.text
                if column["source"] == "status" and data.text:
                    assert data.text in text
    assert "Trang 1/" in text


@needs_office
def test_libreoffice_computes_the_cores_figures(office: dict[str, Any]) -> None:
    plan = office["plans"]["results"]
    computed = load_workbook(office["recalc"], data_only=True).worksheets[0]
    formulas = workbook(plan).worksheets[0]
    [appendix] = layout.printed_appendices(plan)
    checked = 0
    for offset, row in enumerate(layout.table_rows(plan, appendix), start=1):
        r = HEADER_ROW + offset
        percent, status = row.cells[5], row.cells[6]
        if formulas.cell(r, 6).data_type != "f":
            continue
        checked += 1
        value = computed.cell(r, 6).value
        if percent.percent is None:  # a target of 0
            assert value in (None, "")
        else:
            assert Decimal(str(round(value * 100, 2))) == percent.percent
        assert computed.cell(r, 7).value == status.text
    assert checked == 9
    # And the PDF shows them as a Vietnamese Excel would: 105,54%, Vượt.
    assert "10.500.000.000đ" in office["texts"]["results"]
    assert "105,54%" in office["texts"]["results"]
