"""The upper level's consolidated table as a PDF: who has sent, and every unit's values.

The same content as the consolidated workbook (:mod:`.consolidated_xlsx`), laid
out for paper in the official format (Decree 30/2020, Appendix I): A4
landscape, the two-column header of the upper level's People's Committee, the
title, then

- Part I, one row per unit reporting here: sent on time, late or not at all,
  revision, dates, the unit's key fingerprint;
- Part II, the values: a province has a hundred units or more (the whole
  country 3,321), so units are rows and indicators columns, split into as many
  tables as it takes for the columns to fit the page's width, field by field
  (each table repeats the unit's code and name), with a total row that adds up
  only what can be added (see :mod:`wardplan_desktop.core.consolidate`) and
  "—" elsewhere.

Pages are numbered from the second; every page names the table, the year and
the upper level at its foot.  Fonts, margins, NFC text and reproducible bytes
are those of the plan's own PDF (:mod:`.pdf`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    LayoutError,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select

from .. import consolidate
from ..enums import ValueKind
from ..errors import QT_TRANSLATE_NOOP, InputError
from ..numbers import format_number
from ..storage.database import Database
from ..storage.schema import Unit
from ..sync.exchange import OWN_UNIT, ROLE, get_setting
from ..values import Value
from . import pdf
from .consolidated_xlsx import FIELD_TITLES, PERIOD_WORDS, ROMAN, STATUS_WORDS
from .layout import BLANK, nfc
from .pdf import (
    FONT,
    LANDSCAPE_MARGINS,
    MOTTO,
    NATIONAL_TITLE,
    PartStart,
    PlanDocTemplate,
    Styles,
    _Paragraph,
    _style,
    register_fonts,
)

MSG_NOT_AN_UPPER_LEVEL = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is not set up as an upper level, so it has nothing to "
    "consolidate. Receive the wards' files or import the list of units first.")

KIND_WORDS = {"plan": "KẾ HOẠCH", "emulation": "KẾ HOẠCH THI ĐUA", "resolution": "NGHỊ QUYẾT"}
KIND_NAMES = {"plan": "kế hoạch", "emulation": "kế hoạch thi đua", "resolution": "nghị quyết"}
NO_TOTAL = "—"

PAGE_WIDTH = landscape(A4)[0] - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]
CELL_SIZE = 11  # table text
HEAD_SIZE = 10  # indicator names in the column titles
PADDING = 3
STT_WIDTH = 1.1 * cm
MIN_VALUE_WIDTH = 2.2 * cm
MAX_VALUE_WIDTH = 4.5 * cm
MAX_STRETCH = 1.5  # how much a table narrower than the page may widen its value columns


@dataclass(frozen=True)
class Office:
    """The upper level issuing the table, as its header prints it."""

    code: str
    name: str
    issuing_body: list[str]
    parent_body: str
    place: str


@dataclass
class _Column:
    """One indicator of Part II: its title, its cells by unit code, its total."""

    field: str
    number: int  # within its field, as in the plans' own tables
    line: consolidate.Line
    unit: str
    cells: dict[str, str]
    total: str
    width: float = 0.0


class _Styles(Styles):
    def __init__(self) -> None:
        super().__init__()
        self.cell = _style("c_cell", CELL_SIZE, align=TA_LEFT, after=0, leading=CELL_SIZE + 2)
        self.cell_num = _style("c_num", CELL_SIZE, align=TA_RIGHT, after=0,
                               leading=CELL_SIZE + 2)
        self.cell_head = _style("c_head", HEAD_SIZE, bold=True, align=TA_CENTER, after=0,
                                leading=HEAD_SIZE + 2)
        # Not keepWithNext: that would hold a whole table with its caption, pushing a
        # short table to the next page; a CondPageBreak before each caption does it.
        self.part = _style("c_part", 13, bold=True, align=TA_LEFT, after=4, before=8)
        self.table_caption = _style("c_caption", 12, italic=True, align=TA_LEFT, after=3,
                                    before=6)
        self.note = _style("c_note", 13, italic=True, align=TA_LEFT, after=6)


def _width(text: str, bold: bool = False, size: float = CELL_SIZE) -> float:
    return pdfmetrics.stringWidth(text, f"{FONT}-Bold" if bold else FONT, size)


def _office(db: Database) -> Office:
    with db.session(write=False) as session:
        own = get_setting(session, OWN_UNIT)
        unit = session.scalar(select(Unit).where(Unit.code == own)) if own else None
        if get_setting(session, ROLE) != "upper" or unit is None:
            raise InputError(MSG_NOT_AN_UPPER_LEVEL)
        body = [line for line in unit.issuing_body.splitlines() if line.strip()]
        return Office(unit.code, unit.name, body or ["ỦY BAN NHÂN DÂN", unit.name],
                      unit.parent_body, unit.place_name or unit.name)


def _date(iso: str) -> str:
    """ "2023-12-05T…" as "05/12/2023"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else ""


def value_text(value: Value | None, unit: str) -> str:
    """What a cell prints: a number in Vietnamese form when it is a plain number in the
    column's unit, else the value's own words."""
    if value is None:
        return ""
    if value.kind is ValueKind.NUMBER and value.value is not None and (
            not value.unit.strip() or consolidate.unit_key(value.unit) ==
            consolidate.unit_key(unit)):
        return format_number(value.value)
    return nfc(value.display())


def _unit_words(unit: str) -> str:
    return "đồng" if consolidate.unit_key(unit) == "đồng" else nfc(unit)


# --------------------------------------------------------------------------- header


def _header(office: Office, st: _Styles, year_line: str) -> Table:
    left_w, right_w = 8.5 * cm, 11 * cm
    lines = [escape(nfc(x.upper())) for x in office.issuing_body]
    left: list[Any] = []
    if office.parent_body:
        left.append(_Paragraph(escape(nfc(office.parent_body.upper())), st.header))
    left.append(_Paragraph("<br/>".join(lines), st.header_bold))
    widest = max(_width(nfc(x.upper()), True, 13) for x in office.issuing_body)
    left.append(HRFlowable(width=min(widest * 0.4, left_w), thickness=0.6, color=colors.black,
                           spaceBefore=4, spaceAfter=0, hAlign="CENTER"))
    right: list[Any] = [
        _Paragraph(NATIONAL_TITLE, st.national),
        _Paragraph(MOTTO, st.motto),
        HRFlowable(width=_width(MOTTO, True, st.motto.fontSize), thickness=0.6,
                   color=colors.black, spaceBefore=4, spaceAfter=0, hAlign="CENTER"),
    ]
    date = f"{nfc(office.place)}, ngày {BLANK} tháng {BLANK} năm {year_line}"
    rows = [[left, "", right], ["", "", _Paragraph(escape(date), st.date)]]
    table = Table(rows, colWidths=[left_w, PAGE_WIDTH - left_w - right_w, right_w])
    table.setStyle(TableStyle([
        *pdf._NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


def _grid(header_rows: int) -> list[tuple[Any, ...]]:
    return [
        *_METRICS,
        ("FONTNAME", (0, 0), (-1, header_rows - 1), f"{FONT}-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("ALIGN", (0, header_rows), (0, -1), "CENTER"),
    ]


#: What decides a row's height; the same for every row of the tables.
_METRICS: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE), ("LEADING", (0, 0), (-1, -1), CELL_SIZE + 2),
    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
]


def _fit(text: str, width: float, style: Any, bold: bool = False) -> Any:
    """A plain string where it fits on one line (much faster), else a wrapping paragraph."""
    if _width(text, bold, style.fontSize) <= width - 2 * PADDING:
        return text
    markup = escape(text)
    return _Paragraph(f"<b>{markup}</b>" if bold else markup, style)


#: The style of one page's table: (header rows, body rows, whether the last is a total).
StyleOf = Callable[[int, int, bool], list[tuple[Any, ...]]]


class PagedTable(Flowable):
    """A long table laid out one page at a time, its header rows on every page.

    reportlab splits a long table page by page, and each time works out the
    whole rest of it again (spans, row heights): quadratic, minutes for the
    country's 3,321 units.  Here every row's height is measured once, and each
    page gets a table of just its own rows.  A total row (the last) never starts
    a page alone.
    """

    def __init__(self, header: list[list[Any]], rows: list[list[Any]], widths: list[float],
                 style: StyleOf, *, total: bool = False, heights: list[float] | None = None,
                 header_height: float | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.style = header, rows, widths, style
        self.total = total
        self.hAlign = "CENTER"
        if header_height is None:
            table = Table(header, colWidths=widths, style=style(len(header), 0, False))
            header_height = table.wrap(sum(widths), 1e9)[1]
        self.header_height = header_height
        self.heights = heights if heights is not None else _row_heights(rows, widths)

    def _piece(self, count: int) -> Table:
        ends_with_total = self.total and count == len(self.rows)
        return Table([*self.header, *self.rows[:count]], colWidths=self.widths,
                     style=self.style(len(self.header), count, ends_with_total),
                     hAlign="CENTER")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = sum(self.widths)
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        room = availHeight - self.header_height
        count, used = 0, 0.0
        while count < len(self.rows) and used + self.heights[count] <= room:
            used += self.heights[count]
            count += 1
        if count == len(self.rows):
            return [self._piece(count)]
        if self.total and count == len(self.rows) - 1:
            count -= 1  # the last unit's row goes over with the total
        if count == 0:
            return []
        rest = PagedTable(self.header, self.rows[count:], self.widths, self.style,
                          total=self.total, heights=self.heights[count:],
                          header_height=self.header_height)
        return [self._piece(count), rest]

    def draw(self) -> None:
        piece = self._piece(len(self.rows))
        piece.wrapOn(self.canv, self.width, self.height)
        piece.drawOn(self.canv, 0, 0)


def _row_heights(rows: list[list[Any]], widths: list[float]) -> list[float]:
    heights: list[float] = []
    for start in range(0, len(rows), 200):
        table = Table(rows[start:start + 200], colWidths=widths, style=_METRICS)
        table.wrap(sum(widths), 1e9)
        heights += table._rowHeights
    return heights


# --------------------------------------------------------------------------- part I


def _completeness(rows: list[consolidate.UnitStatus], st: _Styles) -> list[Any]:
    titles = ["STT", "Mã đơn vị", "Tên đơn vị", "Tình trạng", "Lần sửa", "Ngày lập",
              "Ngày nhận", "Khóa của đơn vị"]
    fixed = {0: STT_WIDTH, 3: 2.5 * cm, 4: 1.7 * cm, 5: 2.5 * cm, 6: 2.5 * cm}
    fixed[1] = min(max([_width(nfc(r.code)) for r in rows] + [_width("Mã đơn vị", True)])
                   + 2 * PADDING, 4 * cm)
    fixed[7] = max([_width(r.key_fingerprint) for r in rows] + [_width(titles[7], True)]) \
        + 2 * PADDING
    widths = [fixed.get(i, 0.0) for i in range(len(titles))]
    widths[2] = max(PAGE_WIDTH - sum(widths), 4 * cm)
    header = [[_fit(t, widths[i], st.cell_head, True) for i, t in enumerate(titles)]]
    data = [[str(i), nfc(r.code), _fit(nfc(r.name), widths[2], st.cell),
             STATUS_WORDS[r.status], str(r.revision) if r.revision else "",
             _date(r.created), _date(r.received_at), r.key_fingerprint]
            for i, r in enumerate(rows, start=1)]

    def style(head: int, body: int, total: bool) -> list[tuple[Any, ...]]:
        return [*_grid(head), ("ALIGN", (4, head), (6, -1), "CENTER")]

    return [PagedTable(header, data, widths, style)]


# --------------------------------------------------------------------------- part II


def _columns(units: list[tuple[str, str]],
             lines: list[consolidate.Line]) -> list[_Column]:
    columns: list[_Column] = []
    for fld in FIELD_TITLES:
        for n, line in enumerate((x for x in lines if x.field == fld), start=1):
            unit = consolidate.column_unit(line)
            cells = {code: value_text(line.values.get(code), unit) for code, _ in units}
            total = line.total()
            column = _Column(fld, n, line, unit, cells,
                             format_number(total) if total is not None else NO_TOTAL)
            words = _title(column).replace("<br/>", " ").split()
            need = max([_width(t) for t in cells.values()]
                       + [_width(column.total, True)]
                       + [_width(w, True, HEAD_SIZE) for w in words]) + 2 * PADDING
            column.width = min(max(need, MIN_VALUE_WIDTH), MAX_VALUE_WIDTH)
            columns.append(column)
    return columns


def _title(column: _Column) -> str:
    title = f"{column.number}. {escape(nfc(column.line.name))}"
    return f"{title}<br/>({escape(_unit_words(column.unit))})" if column.unit else title


def _pack(columns: list[_Column], room: float) -> list[list[_Column]]:
    """Column groups that fit ``room``, a field kept whole in one group where it can be."""
    groups: list[list[_Column]] = [[]]
    for fld in FIELD_TITLES:
        field_columns = [c for c in columns if c.field == fld]
        if not field_columns:
            continue
        used = sum(c.width for c in groups[-1])
        whole = sum(c.width for c in field_columns)
        if groups[-1] and used + whole > room and whole <= room:
            groups.append([])  # the field fits on a table of its own: do not cut it
        for column in field_columns:
            if groups[-1] and sum(c.width for c in groups[-1]) + column.width > room:
                groups.append([])
            groups[-1].append(column)
    return [g for g in groups if g]


def _values_table(units: list[tuple[str, str]], group: list[_Column], code_w: float,
                  name_w: float, st: _Styles) -> PagedTable:
    room = PAGE_WIDTH - STT_WIDTH - code_w - name_w
    stretch = min(room / sum(c.width for c in group), MAX_STRETCH)
    widths = [STT_WIDTH, code_w, name_w, *[c.width * stretch for c in group]]
    spans: list[tuple[Any, ...]] = [("SPAN", (c, 0), (c, 1)) for c in range(3)]
    # The field's title over its columns ("I. KINH TẾ", "… (tiếp)" where a field
    # continues from the previous table).
    fields_row: list[Any] = []
    start = 3
    while start < 3 + len(group):
        fld = group[start - 3].field
        end = start
        while end + 1 < 3 + len(group) and group[end + 1 - 3].field == fld:
            end += 1
        title = f"{ROMAN[list(FIELD_TITLES).index(fld)]}. {FIELD_TITLES[fld]}"
        if group[start - 3].number > 1:
            title += " (tiếp)"
        fields_row += [_fit(title, sum(widths[start:end + 1]), st.cell_head, True)]
        fields_row += [""] * (end - start)
        spans.append(("SPAN", (start, 0), (end, 0)))
        start = end + 1
    header: list[list[Any]] = [
        ["STT", "Mã đơn vị", "Tên đơn vị", *fields_row],
        ["", "", "", *[_Paragraph(_title(c), st.cell_head) for c in group]],
    ]
    data = [[str(i), nfc(code), _fit(nfc(name), name_w, st.cell),
             *[_fit(c.cells[code], widths[3 + k], st.cell_num) for k, c in enumerate(group)]]
            for i, (code, name) in enumerate(units, start=1)]
    data.append(["", "Tổng cộng", "", *[c.total for c in group]])

    def style(head: int, body: int, total: bool) -> list[tuple[Any, ...]]:
        commands = [*_grid(head), *spans, ("ALIGN", (3, head), (-1, -1), "RIGHT")]
        if total:
            commands += [("SPAN", (1, -1), (2, -1)), ("ALIGN", (1, -1), (2, -1), "CENTER"),
                         ("FONTNAME", (0, -1), (-1, -1), f"{FONT}-Bold")]
            commands += [("ALIGN", (3 + k, -1), (3 + k, -1), "CENTER")
                         for k, c in enumerate(group) if c.total == NO_TOTAL]
        return commands

    return PagedTable(header, data, widths, style, total=True)


def _values(units: list[tuple[str, str]], lines: list[consolidate.Line], kind: str,
            year: int, st: _Styles) -> list[Any]:
    if not units or not lines:
        return [_Paragraph(f"Chưa có đơn vị nào gửi {KIND_NAMES.get(kind, kind)} năm {year}.",
                           st.note)]
    code_w = min(max([_width(nfc(c)) for c, _ in units] + [_width("Mã đơn vị", True)])
                 + 2 * PADDING, 3.5 * cm)
    name_w = min(max(_width(nfc(n)) for _, n in units) + 2 * PADDING, 5 * cm)
    name_w = max(name_w, 3.5 * cm)
    columns = _columns(units, lines)
    groups = _pack(columns, PAGE_WIDTH - STT_WIDTH - code_w - name_w)
    flow: list[Any] = []
    for k, group in enumerate(groups, start=1):
        if k > 1:
            flow.append(CondPageBreak(6 * cm))
        flow.append(_Paragraph(escape(_caption(k, len(groups), group)), st.table_caption))
        flow.append(_values_table(units, group, code_w, name_w, st))
    return flow


def _caption(k: int, count: int, group: list[_Column]) -> str:
    """ "Bảng 2/3: II. Văn hóa - xã hội (chỉ tiêu 1 - 6)"."""
    parts = []
    for fld in dict.fromkeys(c.field for c in group):
        numbers = [c.number for c in group if c.field == fld]
        span = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]} - {numbers[-1]}"
        parts.append(f"{ROMAN[list(FIELD_TITLES).index(fld)]}. "
                     f"{FIELD_TITLES[fld].capitalize()} (chỉ tiêu {span})")
    return f"Bảng {k}/{count}: " + "; ".join(parts)


# --------------------------------------------------------------------------- build


def build_consolidated_pdf(db: Database, year: int, kind: str = "plan", period: str = "target",
                           value_year: int | None = None) -> bytes:
    """The consolidated table of the units reporting here, as PDF bytes.

    The same data gives the same bytes.  Refuses a data folder that is not an
    upper level's.
    """
    value_year = value_year or year
    office = _office(db)
    statuses = consolidate.completeness(db, year, kind)
    units, lines = consolidate.side_by_side(db, year, kind, period, value_year)
    register_fonts()
    st = _Styles()
    sent = sum(1 for s in statuses if s.status != "missing")
    # The date is left to be filled by hand (a printed table is dated when signed);
    # its year is that of the latest file received, so the same data prints the same.
    latest = max((s.received_at for s in statuses if s.received_at), default="")
    kind_words = KIND_WORDS.get(kind, kind.upper())
    title = f"BẢNG TỔNG HỢP CHỈ TIÊU {kind_words} PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}"
    if kind == "emulation":
        title = f"BẢNG TỔNG HỢP CHỈ TIÊU {kind_words} NĂM {year}"
    caption = (f"({PERIOD_WORDS[period]} năm {value_year} theo {KIND_NAMES.get(kind, kind)} của "
               f"các đơn vị; {sent}/{len(statuses)} đơn vị đã gửi)")
    name = nfc(office.name)
    issuer = f"UBND {name[:1].lower()}{name[1:]}"  # "UBND thành phố Cao Lãnh", as captions say
    running = f"Bảng tổng hợp chỉ tiêu {KIND_NAMES.get(kind, kind)} năm {year} - {issuer}"
    flow: list[Any] = [
        PartStart(running),
        _header(office, st, latest[:4] or BLANK),
        Spacer(1, 10),
        _Paragraph(escape(title), st.title),
        _Paragraph(escape(caption), st.caption),
        HRFlowable(width=min(max(_width(title, True, 14) / 3, 3 * cm), 8 * cm), thickness=0.6,
                   color=colors.black, spaceBefore=0, spaceAfter=6, hAlign="CENTER"),
        _Paragraph(f"I. TÌNH HÌNH GỬI {KIND_NAMES.get(kind, kind).upper()} CỦA CÁC ĐƠN VỊ",
                   st.part),
        *_completeness(statuses, st),
        CondPageBreak(7 * cm),
        _Paragraph(f"II. {PERIOD_WORDS[period].upper()} NĂM {value_year} CỦA CÁC ĐƠN VỊ",
                   st.part),
        *_values(units, lines, kind, year, st),
    ]
    meta = {"title": nfc(title), "author": issuer, "subject": nfc(caption.strip("()")),
            "creator": "WardPlan Desktop"}
    buffer = io.BytesIO()
    doc = PlanDocTemplate(buffer, st, {}, {}, first_wide=True, **meta)
    pdf._LINES.cache = {}
    try:
        doc.build(flow, canvasmaker=pdf._AnchorCanvas)
    except LayoutError as exc:
        raise InputError(pdf.MSG_TOO_TALL) from exc
    finally:
        pdf._LINES.cache = None
    return buffer.getvalue()

