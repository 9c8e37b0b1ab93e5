"""The upper level's consolidated workbook: who has sent, and all units' values side by side.

Sheet "Tình hình gửi": one row per unit reporting here (sent on time, late,
missing; revision; dates; key).  Sheet "Chỉ tiêu": one row per indicator, one
column per unit, and a total column that is a SUM formula only where adding
makes sense (see :mod:`wardplan_desktop.core.consolidate`).  Numbers are real
numbers where the unit's words are a plain number, exactly as in the plan's
own appendices; anything else is written in its words.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from .. import consolidate
from ..storage.database import Database
from .xlsx_writer import _BORDER, _HEADER_FILL, _font, sheet_number

STATUS_WORDS = {"received": "Đã gửi", "late": "Gửi muộn", "missing": "Chưa gửi"}
PERIOD_WORDS = {"target": "Chỉ tiêu", "six_months": "TH 6 tháng", "nine_months": "TH 9 tháng",
                "estimate": "Ước TH", "final": "TH cả năm"}
FIELD_TITLES = {"economy": "KINH TẾ", "culture_society": "VĂN HÓA - XÃ HỘI",
                "defence_security": "QUỐC PHÒNG - AN NINH",
                "government": "XÂY DỰNG CHÍNH QUYỀN"}
ROMAN = ["I", "II", "III", "IV"]


def _header(ws: Any, row: int, titles: list[str]) -> None:
    for c, title in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=c, value=title)
        cell.font = _font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _title(ws: Any, text: str, ncols: int) -> None:
    ws.cell(row=1, column=1, value=text).font = _font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(ncols, 1))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")


def _page(ws: Any, header_row: int, footer: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.left.text = footer
    ws.oddFooter.right.text = "Trang &P/&N"


def build_consolidated_xlsx(db: Database, year: int, kind: str = "plan",
                            period: str = "target", value_year: int | None = None) -> bytes:
    value_year = value_year or year
    wb = Workbook()
    status_ws = wb.active
    status_ws.title = "Tình hình gửi"
    rows = consolidate.completeness(db, year, kind)
    titles = ["STT", "Mã", "Đơn vị", "Tình trạng", "Lần sửa", "Ngày lập", "Ngày nhận",
              "Khóa của đơn vị"]
    _title(status_ws, f"TÌNH HÌNH GỬI KẾ HOẠCH NĂM {year}", len(titles))
    _header(status_ws, 3, titles)
    for i, unit in enumerate(rows, start=1):
        values = [i, unit.code, unit.name, STATUS_WORDS[unit.status], unit.revision,
                  unit.created[:10], unit.received_at[:10], unit.key_fingerprint]
        for c, value in enumerate(values, start=1):
            cell = status_ws.cell(row=3 + i, column=c, value=value)
            cell.font = _font()
            cell.border = _BORDER
    for c, width in enumerate([6, 14, 30, 12, 9, 12, 12, 44], start=1):
        status_ws.column_dimensions[get_column_letter(c)].width = width
    _page(status_ws, 3, f"Tình hình gửi kế hoạch năm {year}")

    ws = wb.create_sheet("Chỉ tiêu")
    units, lines = consolidate.side_by_side(db, year, kind, period, value_year)
    titles = ["STT", "Chỉ tiêu", "ĐVT", *[name for _, name in units], "Tổng cộng"]
    _title(ws, f"TỔNG HỢP {PERIOD_WORDS[period].upper()} NĂM {value_year} CỦA CÁC ĐƠN VỊ",
           len(titles))
    _header(ws, 3, titles)
    r = 3
    first_unit_col, last_unit_col = 4, 3 + len(units)
    for f, fld in enumerate(FIELD_TITLES):
        field_lines = [line for line in lines if line.field == fld]
        if not field_lines:
            continue
        r += 1
        ws.cell(row=r, column=1, value=ROMAN[f]).font = _font(bold=True)
        ws.cell(row=r, column=2, value=FIELD_TITLES[fld]).font = _font(bold=True)
        for c in range(1, len(titles) + 1):
            ws.cell(row=r, column=c).border = _BORDER
        for n, line in enumerate(field_lines, start=1):
            r += 1
            # Wrapped names need their rows tall enough (about 48 characters a line here).
            ws.row_dimensions[r].height = 16 * max(1, -(-len(line.name) // 48))
            for c, value in enumerate([n, line.name, line.unit], start=1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.font = _font()
                cell.border = _BORDER
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            formats = set()
            for c, (code, _) in enumerate(units, start=first_unit_col):
                cell = ws.cell(row=r, column=c)
                cell.font = _font()
                cell.border = _BORDER
                cell.alignment = Alignment(horizontal="right", vertical="center")
                value = line.values.get(code)
                number = sheet_number(value)
                if number is not None:
                    cell.value = number.number
                    cell.number_format = number.number_format
                    formats.add(number.number_format)
                elif value is not None:
                    cell.value = value.display()
            total = ws.cell(row=r, column=last_unit_col + 1)
            total.font = _font(bold=True)
            total.border = _BORDER
            total.alignment = Alignment(horizontal="right", vertical="center")
            # A SUM only where adding makes sense and every figure is a number cell.
            if line.total() is not None and len(formats) == 1 and \
                    all(sheet_number(v) for v in line.values.values()):
                first = get_column_letter(first_unit_col)
                last = get_column_letter(last_unit_col)
                total.value = f"=SUM({first}{r}:{last}{r})"
                total.number_format = formats.pop()
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 45
    ws.column_dimensions["C"].width = 10
    for c in range(first_unit_col, last_unit_col + 2):
        ws.column_dimensions[get_column_letter(c)].width = 16
    _page(ws, 3, f"Tổng hợp chỉ tiêu năm {value_year}")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
