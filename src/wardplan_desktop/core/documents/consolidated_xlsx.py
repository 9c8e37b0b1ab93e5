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
from copy import copy
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


class _Styles:
    """The cell styles of the workbook, each made once and copied to every further cell.

    openpyxl looks a font, fill, border or alignment up by its hash every time one is
    set on a cell, and one made anew for every cell costs more still: seconds for the
    country's 3,321 units (80,000 cells).  So the first cell of a style is styled the
    ordinary way and the later ones get a copy of its style array, the indexes of the
    workbook's fonts, borders… that openpyxl itself copies between cells.  The workbook
    is the same, style for style.
    """

    def __init__(self) -> None:
        plain, bold = _font(), _font(bold=True)
        self._specs: dict[str, dict[str, Any]] = {
            "header": {"font": bold, "fill": _HEADER_FILL, "border": _BORDER,
                       "alignment": Alignment(horizontal="center", vertical="center",
                                              wrap_text=True)},
            "cell": {"font": plain, "border": _BORDER},
            "field": {"font": bold, "border": _BORDER},
            "border": {"border": _BORDER},
            "name": {"font": plain, "border": _BORDER,
                     "alignment": Alignment(wrap_text=True, vertical="center")},
            "value": {"font": plain, "border": _BORDER,
                      "alignment": Alignment(horizontal="right", vertical="center")},
            "total": {"font": bold, "border": _BORDER,
                      "alignment": Alignment(horizontal="right", vertical="center")},
        }
        self._made: dict[str, Any] = {}

    def __call__(self, cell: Any, name: str) -> Any:
        made = self._made.get(name)
        if made is None:
            for attribute, value in self._specs[name].items():
                setattr(cell, attribute, value)
            self._made[name] = copy(cell._style)
        else:
            cell._style = copy(made)
        return cell


def _header(ws: Any, row: int, titles: list[str], style: _Styles) -> None:
    for c, title in enumerate(titles, start=1):
        style(ws.cell(row=row, column=c, value=title), "header")


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
    style = _Styles()
    status_ws = wb.active
    status_ws.title = "Tình hình gửi"
    rows = consolidate.completeness(db, year, kind)
    titles = ["STT", "Mã", "Đơn vị", "Tình trạng", "Lần sửa", "Ngày lập", "Ngày nhận",
              "Khóa của đơn vị"]
    _title(status_ws, f"TÌNH HÌNH GỬI KẾ HOẠCH NĂM {year}", len(titles))
    _header(status_ws, 3, titles, style)
    for i, unit in enumerate(rows, start=1):
        values = [i, unit.code, unit.name, STATUS_WORDS[unit.status], unit.revision,
                  unit.created[:10], unit.received_at[:10], unit.key_fingerprint]
        for c, value in enumerate(values, start=1):
            style(status_ws.cell(row=3 + i, column=c, value=value), "cell")
    for c, width in enumerate([6, 14, 30, 12, 9, 12, 12, 44], start=1):
        status_ws.column_dimensions[get_column_letter(c)].width = width
    _page(status_ws, 3, f"Tình hình gửi kế hoạch năm {year}")

    ws = wb.create_sheet("Chỉ tiêu")
    units, lines = consolidate.side_by_side(db, year, kind, period, value_year)
    titles = ["STT", "Chỉ tiêu", "ĐVT", *[name for _, name in units], "Tổng cộng"]
    _title(ws, f"TỔNG HỢP {PERIOD_WORDS[period].upper()} NĂM {value_year} CỦA CÁC ĐƠN VỊ",
           len(titles))
    _header(ws, 3, titles, style)
    r = 3
    first_unit_col, last_unit_col = 4, 3 + len(units)
    first, last = get_column_letter(first_unit_col), get_column_letter(last_unit_col)
    for f, fld in enumerate(FIELD_TITLES):
        field_lines = [line for line in lines if line.field == fld]
        if not field_lines:
            continue
        r += 1
        ws.cell(row=r, column=1, value=ROMAN[f])
        ws.cell(row=r, column=2, value=FIELD_TITLES[fld])
        for c in range(1, len(titles) + 1):
            style(ws.cell(row=r, column=c), "field" if c <= 2 else "border")
        for n, line in enumerate(field_lines, start=1):
            r += 1
            # Wrapped names need their rows tall enough (about 48 characters a line here).
            ws.row_dimensions[r].height = 16 * max(1, -(-len(line.name) // 48))
            for c, value in enumerate([n, line.name, line.unit], start=1):
                style(ws.cell(row=r, column=c, value=value), "name")
            numbers = {code: sheet_number(value) for code, value in line.values.items()}
            formats = set()
            for c, (code, _) in enumerate(units, start=first_unit_col):
                cell = style(ws.cell(row=r, column=c), "value")
                value = line.values.get(code)
                number = numbers.get(code)
                if number is not None:
                    cell.value = number.number
                    cell.number_format = number.number_format
                    formats.add(number.number_format)
                elif value is not None:
                    cell.value = value.display()
            total = style(ws.cell(row=r, column=last_unit_col + 1), "total")
            # A SUM only where adding makes sense and every figure is a number cell.
            if line.total() is not None and len(formats) == 1 and all(numbers.values()):
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
