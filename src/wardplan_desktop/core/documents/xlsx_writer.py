"""The plan's appendices as an Excel workbook (.xlsx), one worksheet per appendix.

The rows, cells, captions and computed figures come from :mod:`.layout`, the same
composition the PDF and Word writers print, so the three can never disagree.  What
is particular to a spreadsheet is decided here:

**Numbers or words.**  A value is written as a real number (that Excel can add up
and compare) only when nothing of what the clerk wrote is lost by doing so:

1. its meaning is a plain number (:func:`layout.is_plain_number`);
2. its words are nothing but that number, optionally followed by a *symbol* unit
   — ``%``, ``‰`` or ``đ``, with or without a space — which is the value's own unit:
   "88%", "0,8 %", "9.949.000.000đ", "12,575", "-1,5%";
3. the number as written reads as the value (in either separator style: "12,575"
   meaning 12575 is fine, since the sheet then differs from the words only by the
   separators a Vietnamese-locale Excel prints);
4. it has no leading zero ("03", "09": the padding is part of how it is written)
   and at most 15 significant digits (what Excel holds exactly).

Such a cell holds the number (88 for "88%", not 0,88) with a number format that
groups thousands, shows exactly the decimals written ("11,44%" → ``#,##0.00"%"``,
"18,0" → ``#,##0.0``) and carries the symbol as literal text (``#,##0"đ"``), so a
Vietnamese-locale Excel shows 9.949.000.000đ.  Everything else — ranges, bounds
("90% trở lên"), parts of a whole ("5/5 khóm"), changes, words ("đạt"), word units
("12.575 người", "03 hộ"), lead words ("đạt 100%") and unreadable text — is
written as its exact words (``Cell.text``).

**Computed columns.**  A percent-of-plan or status cell is a *formula* when the
same row shows the year's target and the compared result in the sheet, both
written as numbers, and the core finds them comparable (same or no unit):
``=IF(target=0,"",result/target)`` formatted ``0.00%``, and a status ``IF`` that
respects the indicator's direction and yields :data:`layout.STATUS_WORDS`.
Otherwise the cell holds what the core computed: the percent as a number
(percent / 100, formatted ``0.00%``) or the status words.

A plan with indicator groups but no indicator appendix gets the default table
(:func:`layout.printed_appendices`); a plan with no table at all gets one sheet
that says so, so the file is still a valid workbook.

Output is deterministic: the same plan gives the same bytes (document properties
and zip entries are dated from the plan's date, not the clock).

Qt-free core module: never import PySide6 here.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..achievement import evaluate
from ..enums import Direction, Period, Status
from ..errors import AmbiguousNumberError, UnreadableValueError
from ..numbers import NUMBER_PATTERN, parse_number
from ..values import Value
from . import layout

FONT_NAME = "Times New Roman"
TABLE_SIZE = 12
TITLE_SIZE = 13
LABEL_SIZE = 14  # "PHỤ LỤC" / "Biểu số 02" (FORMAT.md: 14 pt bold)
PERCENT_FORMAT = "0.00%"
SYMBOL_UNITS = ("%", "‰", "đ")
MAX_DIGITS = 15  # significant digits an Excel number holds exactly
NO_TABLES = "Văn bản này không có phụ lục (bảng chỉ tiêu hoặc nhiệm vụ trọng tâm)."

_MM = 1 / 25.4  # inches per millimetre
# Landscape: about 20 mm all round; portrait: FORMAT.md's 20/20/30/15.
_LANDSCAPE_MARGINS = dict(left=20 * _MM, right=20 * _MM, top=20 * _MM, bottom=20 * _MM)
_PORTRAIT_MARGINS = dict(left=30 * _MM, right=15 * _MM, top=20 * _MM, bottom=20 * _MM)

_PLAIN_RE = re.compile(rf"^(-?{NUMBER_PATTERN})\s?({'|'.join(SYMBOL_UNITS)})?$")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")

# Column widths (in Excel character units) by column source.
_WIDTHS = {"label": 6, "unit": 10, "percent_of_plan": 11, "status": 12, "note": 22,
           "task": 60, "result": 60}
_NAME_WIDTH = 55
# Columns of words that may be narrowed to fit the page, and how far.
_FLEXIBLE = {"name": 28, "task": 25, "result": 25, "note": 12}
_HEADER_ROW = 5  # label, title, caption, a spacer row, then the column titles


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class SheetNumber:
    """A value as a spreadsheet number: the figure and the format that shows it."""

    number: Decimal
    number_format: str


def sheet_number(value: Value | None) -> SheetNumber | None:
    """The number to write for ``value``, or ``None`` when its words must be written.

    See the module's docstring for the rule.
    """
    if value is None or not layout.is_plain_number(value) or value.value is None:
        return None
    m = _PLAIN_RE.match(layout.nfc(value.display()).strip())
    if not m:
        return None
    written, unit = m.group(1), m.group(2) or ""
    if unit != value.unit:
        return None
    integer = re.split(r"[.,]", written.lstrip("-"))[0]
    if len(integer) > 1 and integer.startswith("0"):
        return None  # "03", "09": the leading zero is part of the words
    reading = _reading(written, value.value)
    if reading is None or len(reading.as_tuple().digits) > MAX_DIGITS:
        return None
    exponent = reading.as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(0, -exponent)
    fmt = "#,##0" + ("." + "0" * places if places else "")
    if unit:
        fmt += f'"{unit}"'
    return SheetNumber(reading, fmt)


def _reading(written: str, meant: Decimal) -> Decimal | None:
    """The reading of ``written`` that is ``meant`` (either separator style), if any."""
    try:
        readings = [parse_number(written)]
    except AmbiguousNumberError:
        readings = [parse_number(written, "vi"), parse_number(written, "en")]
    except UnreadableValueError:
        return None
    return next((r for r in readings if r == meant), None)


# --------------------------------------------------------------------------- workbook


def build_xlsx(plan: dict[str, Any]) -> bytes:
    """The workbook of ``plan``'s appendices (plan-file data), as the bytes of an .xlsx."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    appendices = layout.printed_appendices(plan)
    for appendix in appendices:
        ws = wb.create_sheet(sheet_name(appendix.get("label", ""), taken))
        _write_appendix(ws, plan, appendix)
    if not appendices:
        _write_no_tables(wb.create_sheet(sheet_name(layout.type_label(plan), taken)), plan)

    stamp = _stamp(plan)
    props = wb.properties
    props.creator = "WardPlan Desktop"
    props.lastModifiedBy = None
    props.title = layout.nfc(f"{layout.type_label(plan)} {plan.get('title', '')}".strip())
    props.subject = layout.nfc(layout.document_reference(plan))
    props.created = stamp
    props.modified = stamp
    wb.calculation.fullCalcOnLoad = True  # no cached results: Excel computes on open

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # unlike Workbook.save, keeps our "modified"
    return _fixed_zip(raw.getvalue(), stamp)


def sheet_name(label: str, taken: set[str]) -> str:
    """A valid, unique worksheet name from an appendix label; records it in ``taken``.

    Excel's rules: at most 31 characters, none of ``[]:*?/\\``, not starting or
    ending with an apostrophe, not "History", unique regardless of case.
    """
    base = _SHEET_NAME_BAD.sub("-", layout.nfc(label)).strip().strip("'").strip()
    base = base or "Phụ lục"
    if base.casefold() == "history":
        base = "Phụ lục History"
    name, n = base[:31], 1
    while name.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)].rstrip() + suffix
    taken.add(name.casefold())
    return name


def _stamp(plan: dict[str, Any]) -> datetime:
    d = plan.get("date") or {}
    year = min(max(int(d.get("year") or plan.get("year") or 1980), 1980), 2107)
    return datetime(year, d.get("month") or 1, d.get("day") or 1)


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """The same archive with every entry dated ``stamp``: the same plan, the same bytes."""
    out = io.BytesIO()
    date_time = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- sheets


def _font(bold: bool = False, italic: bool = False, size: int = TABLE_SIZE) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _text(value: str) -> str:
    """NFC, without the control characters an .xlsx cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", layout.nfc(value))


def _put_text(ws: Worksheet, row: int, col: int, text: str) -> Any:
    cell = ws.cell(row=row, column=col, value=_text(text) or None)
    if cell.data_type == "f":  # words that start with "=" stay words
        cell.data_type = "s"
    return cell


def _title_rows(ws: Worksheet, lines: list[tuple[str, Font]], ncols: int,
                total_width: float) -> None:
    for row, (text, font) in enumerate(lines, start=1):
        cell = _put_text(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if ncols > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        ws.row_dimensions[row].height = row_height([(text, total_width, font, 0)])


def _metric_text(text: str) -> str:
    """The text with its tone and vowel marks taken off: they add no width, and the
    standard Times metrics only know the bare letters."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def line_count(text: str, width_chars: float, size: float, bold: bool = False,
               italic: bool = False, indent: int = 0) -> int:
    """How many lines ``text`` wraps to in a column ``width_chars`` wide (Excel units).

    Neither Excel nor LibreOffice fits a row's height to wrapped text written by a
    program (and never a merged cell's), so the writer sets every height itself,
    measuring the words with Times metrics (Times New Roman has the same widths),
    with a little slack so that no line is cut off.
    """
    font = "Times-" + {(False, False): "Roman", (True, False): "Bold",
                       (False, True): "Italic", (True, True): "BoldItalic"}[(bold, italic)]
    # A column of w characters is about 7w + 5 pixels of 0.75 pt; less the cell's padding
    # and its indent (about 12 pixels a level).
    available = (width_chars * 7 + 5) * 0.75 - 6 - indent * 9
    space = stringWidth(" ", font, size)
    lines = 0
    for paragraph in _metric_text(text).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            w = stringWidth(word, font, size) * 1.02
            gap = space if used else 0.0
            if used and used + gap + w > available:
                lines += 1
                used, gap = 0.0, 0.0
            while w > available > 0:  # a word longer than the line breaks anywhere
                lines += 1
                w -= available
            used += gap + w
    return max(lines, 1)


def row_height(cells: list[tuple[str, float, Font, int]]) -> float:
    """Height in points of a row holding ``(text, column width, font, indent)`` cells."""
    height = 0.0
    for text, width, font, indent in cells:
        size = float(font.size or TABLE_SIZE)
        lines = (line_count(text, width, size, bool(font.bold), bool(font.italic), indent)
                 if text else 1)
        height = max(height, lines * size * 1.25 + 4)
    return min(height, 409.0)  # Excel's highest row


def _page_setup(ws: Worksheet, plan: dict[str, Any], appendix: dict[str, Any] | None,
                landscape: bool, title_rows: str | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    ws.page_setup.firstPageNumber = 1  # each appendix is numbered on its own
    ws.page_setup.useFirstPageNumber = True
    margins = _LANDSCAPE_MARGINS if landscape else _PORTRAIT_MARGINS
    ws.page_margins = PageMargins(header=8 * _MM, footer=8 * _MM, **margins)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ident = (layout.appendix_identification(plan, appendix) if appendix
             else layout.document_reference(plan))
    # "&" starts a code in a header or footer; the whole footer must stay under 255 chars.
    ws.oddFooter.left.text = _text(ident)[:200].replace("&", "&&")
    ws.oddFooter.left.font = f"{FONT_NAME},Italic"
    ws.oddFooter.left.size = 10
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.oddFooter.right.font = FONT_NAME
    ws.oddFooter.right.size = 10


def _column_width(column: dict[str, Any], texts: list[str], ncols: int) -> float:
    source = column["source"]
    if source == "name":
        return _NAME_WIDTH if ncols <= 6 else 45
    if source == "value":
        longest = max((len(t) for t in texts), default=0)
        return float(min(max(longest + 2, 14), 24))
    return float(_WIDTHS.get(source, 16))


def _fit_widths(columns: list[dict[str, Any]], widths: list[float],
                landscape: bool) -> list[float]:
    """Narrow the text columns so the table fits the page at full size where it can.

    Fit-to-width would otherwise shrink the whole table, letters and all; columns of
    words may instead wrap onto more lines.
    """
    margins = _LANDSCAPE_MARGINS if landscape else _PORTRAIT_MARGINS
    paper = (297 if landscape else 210) * _MM * 72  # points
    printable = paper - (margins["left"] + margins["right"]) * 72
    capacity = (printable / 0.75 - 5 * len(widths)) / 7  # in Excel character widths
    flexible = [i for i, c in enumerate(columns) if c["source"] in _FLEXIBLE]
    excess = sum(widths) - capacity
    room = sum(widths[i] - _FLEXIBLE[columns[i]["source"]] for i in flexible)
    if excess <= 0 or room <= 0:
        return widths
    share = min(excess / room, 1.0)
    fitted = list(widths)
    for i in flexible:
        least = _FLEXIBLE[columns[i]["source"]]
        fitted[i] = round(widths[i] - (widths[i] - least) * share, 1)
    return fitted


def _write_appendix(ws: Worksheet, plan: dict[str, Any], appendix: dict[str, Any]) -> None:
    columns = appendix["columns"]
    ncols = max(len(columns), 1)
    rows = layout.table_rows(plan, appendix)
    landscape = layout.wants_landscape(appendix)
    widths = _fit_widths(columns, [_column_width(c, [r.cells[i].text for r in rows], ncols)
                                   for i, c in enumerate(columns)], landscape) or [60.0]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    _title_rows(ws, [
        (appendix.get("label") or "Phụ lục", _font(bold=True, size=LABEL_SIZE)),
        (appendix.get("title", "").upper(), _font(bold=True, size=TITLE_SIZE)),
        (layout.appendix_caption(plan, appendix), _font(italic=True, size=TITLE_SIZE)),
    ], ncols, sum(widths))
    ws.row_dimensions[4].height = 8

    for col, column in enumerate(columns, start=1):
        cell = _put_text(ws, _HEADER_ROW, col, column.get("header", ""))
        cell.font = _font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        cell.fill = _HEADER_FILL
    headers = [c.get("header", "") for c in columns]
    ws.row_dimensions[_HEADER_ROW].height = row_height(
        [(h, w, _font(bold=True), 0) for h, w in zip(headers, widths, strict=False)])

    # Where each value sits, to point the formulas at it: the first column per (year, period).
    value_columns: dict[tuple[int, str], int] = {}
    for col, column in enumerate(columns, start=1):
        if column["source"] == "value":
            value_columns.setdefault((column.get("year"), column.get("period")), col)

    for offset, table_row in enumerate(rows, start=1):
        r = _HEADER_ROW + offset
        numbers = {col for col, column in enumerate(columns, start=1)
                   if column["source"] == "value"
                   and sheet_number(table_row.cells[col - 1].value) is not None}
        font = _font(bold=table_row.bold, italic=table_row.italic)
        sizes = []
        for col, (column, cell_data) in enumerate(zip(columns, table_row.cells, strict=True),
                                                   start=1):
            cell = _write_cell(ws, r, col, column, cell_data, table_row, value_columns, numbers)
            cell.font = font
            cell.border = _BORDER
            cell.alignment = _alignment(column["source"], cell_data.numeric, table_row.depth)
            sizes.append((cell_data.text, widths[col - 1], font, int(cell.alignment.indent)))
        ws.row_dimensions[r].height = row_height(sizes)

    last = get_column_letter(ncols)
    ws.freeze_panes = f"A{_HEADER_ROW + 1}"
    ws.print_area = f"A1:{last}{_HEADER_ROW + len(rows)}"
    _page_setup(ws, plan, appendix, landscape, f"{_HEADER_ROW}:{_HEADER_ROW}")


def _alignment(source: str, numeric: bool, depth: int) -> Alignment:
    if source in ("label", "unit", "status"):
        horizontal = "center"
    elif numeric:
        horizontal = "right"
    else:
        horizontal = "left"
    indent = min(depth, 5) if source == "name" else 0
    return Alignment(horizontal=horizontal, vertical="center", wrap_text=True, indent=indent)


def _write_cell(ws: Worksheet, r: int, col: int, column: dict[str, Any], data: layout.Cell,
                table_row: layout.TableRow, value_columns: dict[tuple[int, str], int],
                numbers: set[int]) -> Any:
    source = column["source"]
    if source == "value":
        found = sheet_number(data.value)
        if found is None:
            return _put_text(ws, r, col, data.text)
        cell = ws.cell(row=r, column=col, value=found.number)
        cell.number_format = found.number_format
        return cell
    if source in ("percent_of_plan", "status"):
        refs = _formula_refs(column, table_row, value_columns, numbers)
        if refs is not None:
            target, result = (f"{get_column_letter(c)}{r}" for c in refs)
            if source == "percent_of_plan":
                cell = ws.cell(row=r, column=col, value=f'=IF({target}=0,"",{result}/{target})')
                cell.number_format = PERCENT_FORMAT
                return cell
            return ws.cell(row=r, column=col,
                           value=_status_formula(target, result, _direction(table_row)))
        if source == "percent_of_plan" and data.percent is not None:
            cell = ws.cell(row=r, column=col, value=data.percent / 100)
            cell.number_format = PERCENT_FORMAT
            return cell
    return _put_text(ws, r, col, data.text)


def _direction(table_row: layout.TableRow) -> Direction:
    node = table_row.indicator or {}
    return Direction(node.get("direction", Direction.HIGHER_BETTER))


def _formula_refs(column: dict[str, Any], table_row: layout.TableRow,
                  value_columns: dict[tuple[int, str], int],
                  numbers: set[int]) -> tuple[int, int] | None:
    """The (target, result) columns a computed cell can refer to, or None.

    Both must be shown in this row as numbers, and the core must find them
    comparable (no clash of units), or the core's figure is written instead.
    """
    if table_row.kind != "item" or table_row.indicator is None:
        return None
    year, period = column.get("year"), column.get("period")
    if period == Period.TARGET.value:
        return None
    t_col = value_columns.get((year, Period.TARGET.value))
    r_col = value_columns.get((year, period))
    if t_col is None or r_col is None or not {t_col, r_col} <= numbers:
        return None
    target = table_row.cells[t_col - 1].value
    result = table_row.cells[r_col - 1].value
    if evaluate(target, result, _direction(table_row)).status is Status.NOT_COMPARABLE:
        return None
    return t_col, r_col


def _status_formula(target: str, result: str, direction: Direction) -> str:
    words = layout.STATUS_WORDS
    exceeded = f'"{words[Status.EXCEEDED]}"'
    achieved = f'"{words[Status.ACHIEVED]}"'
    missed = f'"{words[Status.NOT_ACHIEVED]}"'
    if direction is Direction.KEEP:
        return f"=IF({result}={target},{achieved},{missed})"
    better = ">" if direction is Direction.HIGHER_BETTER else "<"
    return (f"=IF({result}{better}{target},{exceeded},"
            f"IF({result}={target},{achieved},{missed}))")


def _write_no_tables(ws: Worksheet, plan: dict[str, Any]) -> None:
    """The one sheet of a document without tables: what it is, and that it has none."""
    ws.column_dimensions["A"].width = 100
    _title_rows(ws, [
        (layout.type_label(plan), _font(bold=True, size=LABEL_SIZE)),
        (plan.get("title", ""), _font(bold=True, size=TITLE_SIZE)),
        (layout.document_reference(plan), _font(italic=True, size=TITLE_SIZE)),
    ], 1, 100)
    cell = _put_text(ws, _HEADER_ROW, 1, NO_TABLES)
    cell.font = _font()
    _page_setup(ws, plan, None, False, None)
