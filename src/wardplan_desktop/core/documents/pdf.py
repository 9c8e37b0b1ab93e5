"""The plan as a PDF in the official format (Decree 30/2020, Appendix I).

Page: A4, margins 20/20/30/15 mm, a Times-metric serif with every Vietnamese
letter, embedded (Liberation Serif 2, shipped in ``resources/fonts``).  Page
numbers top centre from the second page of each part; each appendix starts a
part of its own, landscape where its table is wide, and carries a line naming
the ward, year and document on every page.

Footnotes sit at the foot of the page that cites them.  reportlab has no
footnotes, so the document is laid out in passes: each pass records on which
page every citation landed (through the anchors the paragraphs leave on the
canvas) and the next pass reserves that much room at the foot of those pages.
Reservations only grow, so the passes settle, usually at the second.
"""

from __future__ import annotations

import io
import threading
from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...paths import resource_path
from ..errors import QT_TRANSLATE_NOOP, InputError
from . import layout

MSG_TOO_TALL = QT_TRANSLATE_NOOP(
    "Errors", "The document cannot be laid out: something in it is taller than a page (the "
    "footnotes cited on one page, or one row of a table). Shorten it and try again.")

FONT = "WPSerif"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    f"{FONT}-Bold": "LiberationSerif-Bold.ttf",
    f"{FONT}-Italic": "LiberationSerif-Italic.ttf",
    f"{FONT}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
# A landscape page is bound along its top edge (the portrait page's left edge):
# that edge keeps the wide margin; no margin is narrower than 20 mm.
LANDSCAPE_MARGINS = {"top": 30 * mm, "bottom": 20 * mm, "left": 20 * mm, "right": 20 * mm}
MAX_PASSES = 6
FOOTNOTE_GAP = 6  # between the body text and the footnote rule
HEADING_ROOM = 4 * 17.0  # a heading line and three body lines
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def register_fonts() -> str:
    """Register the bundled serif family with reportlab (once) and return its name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=f"{FONT}-Bold",
                                  italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic")
    return FONT


def _style(name: str, size: float = 14, *, bold: bool = False, italic: bool = False,
           align: int = TA_JUSTIFY, indent: float = 0, after: float = 6, before: float = 0,
           leading: float | None = None, keep: bool = False) -> ParagraphStyle:
    font = FONT + ("-BoldItalic" if bold and italic else "-Bold" if bold
                   else "-Italic" if italic else "")
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.2,
                          alignment=align, firstLineIndent=indent, spaceAfter=after,
                          spaceBefore=before, keepWithNext=keep, textColor=colors.black,
                          bulletFontName=FONT)


_LINES = threading.local()  # per-thread line-breaking cache of the build under way


class _Paragraph(Paragraph):
    """A Paragraph that remembers its line breaking across layout passes.

    Footnote placement lays the document out more than once; breaking the same
    text at the same width again was most of the time spent.  The cache lives
    for one build only (see :func:`build_pdf`).
    """

    def __init__(self, text: str | None, style: ParagraphStyle, **kwargs: Any) -> None:
        super().__init__(text, style, **kwargs)
        self._key = (text, style.name) if text is not None else None

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab API
        cache = getattr(_LINES, "cache", None)
        if cache is None or self._key is None:
            return super().breakLines(width)
        key = (self._key, tuple(width) if isinstance(width, list) else width)
        lines = cache.get(key)
        if lines is None:
            lines = cache[key] = super().breakLines(width)
        return lines

    def draw(self) -> None:
        if not getattr(self.canv, "sketch", False):
            super().draw()
            return
        # A sketch pass only needs the anchors (footnote citations) on their page;
        # reportlab draws them from the frags of the lines (kind 1; kind 0 lines
        # are plain words and carry none).
        if self.blPara.kind != 1:
            return
        for line in self.blPara.lines:
            for frag in line.words:
                defn = getattr(frag, "cbDefn", None)
                if defn is not None and defn.kind == "anchor":
                    self.canv.bookmarkHorizontal(defn.name, 0, 0)


class Styles:
    """Every paragraph style of the documents, sized per FORMAT.md."""

    def __init__(self) -> None:
        indent = 1 * cm
        self.header = _style("header", 13, align=TA_CENTER, after=0)
        self.header_bold = _style("header_bold", 13, bold=True, align=TA_CENTER, after=0)
        self.national = _style("national", 12.5, bold=True, align=TA_CENTER, after=0)
        self.motto = _style("motto", 13.5, bold=True, align=TA_CENTER, after=0)
        self.date = _style("date", 13.5, italic=True, align=TA_CENTER, after=0)
        self.type = _style("type", 14, bold=True, align=TA_CENTER, after=0, before=12)
        self.title = _style("title", 14, bold=True, align=TA_CENTER, after=0)
        self.heading_line = _style("heading_line", 14, bold=True, align=TA_CENTER, after=2)
        self.basis = _style("basis", 14, italic=True, indent=indent)
        self.body = _style("body", 14, indent=indent)
        self.heading = _style("heading", 14, bold=True, indent=indent, before=3)
        self.heading_centred = _style("heading_c", 14, bold=True, align=TA_CENTER, before=3)
        self.sub_bullet = _style("sub_bullet", 14, indent=indent)
        self.footnote = _style("footnote", 10.5, align=TA_JUSTIFY, after=1)
        self.recipients_title = _style("rcpt_t", 12, bold=True, italic=True, align=TA_LEFT,
                                       after=0)
        self.recipients = _style("rcpt", 11, align=TA_LEFT, after=0, leading=13)
        self.sign = _style("sign", 14, bold=True, align=TA_CENTER, after=0)
        self.appendix_label = _style("app_label", 14, bold=True, align=TA_CENTER, after=0)
        self.appendix_title = _style("app_title", 14, bold=True, align=TA_CENTER, after=0)
        self.caption = _style("caption", 13, italic=True, align=TA_CENTER, after=8)
        self.cell = _style("cell", 12, align=TA_LEFT, after=0, leading=14)
        self.cell_num = _style("cell_num", 12, align=TA_RIGHT, after=0, leading=14)
        self.cell_head = _style("cell_head", 12, bold=True, align=TA_CENTER, after=0, leading=14)
        self.running = _style("running", 10, italic=True, align=TA_CENTER, after=0)


# --------------------------------------------------------------------------- machinery


class _AnchorCanvas(pdfcanvas.Canvas):
    """Remembers on which page each named anchor (a footnote citation) was drawn."""

    sketch = False  # see _SketchCanvas

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anchor_pages: dict[str, int] = {}
        # page -> the footnote numbers whose citation ("fn<n>") was last drawn there;
        # asked after every flowable, so kept up to date rather than searched.
        self.footnotes_on: dict[int, set[int]] = defaultdict(set)

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float) -> None:  # noqa: N802,N803
        page = self.getPageNumber()
        if key.startswith("fn"):
            before = self.anchor_pages.get(key)
            if before is not None:
                self.footnotes_on[before].discard(int(key[2:]))
            self.footnotes_on[page].add(int(key[2:]))
        self.anchor_pages[key] = page
        if not self.sketch:
            super().bookmarkHorizontal(key, relativeX, relativeY)


class _SketchCanvas(_AnchorCanvas):
    """The canvas of a pass that only finds the page of every footnote citation.

    The layout is the same as on a real canvas; paragraphs draw nothing but their
    anchors, and the pass's PDF is never written.
    """

    sketch = True


class PartStart(Flowable):
    """Marks the first page of a part (the document, or one appendix)."""

    def __init__(self, running: str = "", qr: str = "") -> None:
        super().__init__()
        self.running = running
        self.qr = qr

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate  # type: ignore[attr-defined]
        doc.part_first_page = doc.page
        doc.running = self.running
        doc.seal_qr = self.qr


class _Unsettled(Exception):
    """Stops a layout pass at the end of the main part (see PlanDocTemplate.stop_at)."""


class FootnoteBlocks:
    """The footnote paragraphs of one plan, made once, and each page's block height.

    Every layout pass asks for the block of the footnotes cited so far after each
    paragraph; the same few blocks come back again and again, within a pass and
    across passes.
    """

    def __init__(self, texts: dict[int, str], styles: Styles) -> None:
        self.texts = texts  # number -> text
        self.styles = styles
        self._paragraphs: dict[int, Paragraph] = {}
        self._heights: dict[tuple[tuple[int, ...], float], float] = {}

    def block(self, numbers: list[int]) -> list[Paragraph]:
        """As :func:`footnote_block`; the paragraphs are shared (wrap before drawing)."""
        out = []
        for n in numbers:
            para = self._paragraphs.get(n)
            if para is None:
                para = self._paragraphs[n] = footnote_block([n], self.texts, self.styles, 0)[0]
            out.append(para)
        return out

    def height(self, numbers: list[int], width: float) -> float:
        """As :func:`block_height` of the block of ``numbers`` at ``width``."""
        key = (tuple(numbers), width)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = block_height(self.block(numbers), width)
        return height


class PlanDocTemplate(BaseDocTemplate):
    """Pages of the plan: footnote room reserved per page, part-wise page numbers."""

    def __init__(self, buffer: io.BytesIO, styles: Styles, footnotes: dict[int, str],
                 reserve: dict[int, float], first_wide: bool = False, *,
                 blocks: FootnoteBlocks | None = None, stop_at: Flowable | None = None,
                 **kwargs: Any) -> None:
        super().__init__(buffer, pagesize=A4, leftMargin=MARGINS["left"],
                         rightMargin=MARGINS["right"], topMargin=MARGINS["top"],
                         bottomMargin=MARGINS["bottom"], initialFontName=FONT,
                         initialFontSize=14, invariant=True, **kwargs)
        self.styles = styles
        self.footnote_texts = footnotes  # number -> text
        self.blocks = blocks or FootnoteBlocks(footnotes, styles)
        self.reserve = reserve  # page -> points kept free at the foot
        # The first flowable after the main part, in a pass that is settling the
        # footnotes: the pass stops at the end of the main part's last page when its
        # footnotes did not fit (or, on a sketch canvas, in any case).
        self.stop_at = stop_at
        self._main_ending = False  # stop_at reached; the main part's last page is open
        self.main_overflow: bool | None = None  # self.overflow when the main part ended
        self._running_paragraphs: dict[str, Paragraph] = {}
        self.part_first_page = 1
        self.running = ""
        self.seal_qr = ""  # the QR text on appendix pages, when the plan carries its seal
        self.drawn: dict[int, list[int]] = defaultdict(list)
        self.overflow = False
        portrait_frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                               id="body", leftPadding=0, rightPadding=0, topPadding=0,
                               bottomPadding=0)
        lw, lh = landscape(A4)
        lm = LANDSCAPE_MARGINS
        landscape_frame = Frame(lm["left"], lm["bottom"], lw - lm["left"] - lm["right"],
                                lh - lm["top"] - lm["bottom"], id="wide", leftPadding=0,
                                rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(id="portrait", frames=[portrait_frame], pagesize=A4),
            PageTemplate(id="landscape", frames=[landscape_frame], pagesize=landscape(A4)),
        ])
        # NextPageTemplate acts from the next page on: a document that opens with a
        # wide appendix (the appendices alone) must start on a landscape page.
        self._firstPageTemplateIndex = 1 if first_wide else 0

    def beforePage(self) -> None:  # noqa: N802 - reportlab hook
        self._page_open = True
        template = self.pageTemplate
        frame = template.frames[0]
        base = getattr(template, "_full_frame", None)
        if base is None:
            base = template._full_frame = (frame._x1, frame._y1, frame._width, frame._height)
        x, y, w, h = base
        room = self.reserve.get(self.page, 0.0)
        template.frames[0] = Frame(x, y + room, w, h - room, id=frame.id, leftPadding=0,
                                   rightPadding=0, topPadding=0, bottomPadding=0)

    def afterPage(self) -> None:  # noqa: N802 - reportlab hook
        # Until the next page begins, the page ended is still the document's current
        # one, though the template may already be the next page's (a page break).
        self._page_open = False
        canv = self.canv
        width, height = canv._pagesize
        number = self.page - self.part_first_page + 1
        canv.saveState()
        if number > 1:
            canv.setFont(FONT, 13)
            top = LANDSCAPE_MARGINS["top"] if width > height else MARGINS["top"]
            canv.drawCentredString(width / 2, height - top / 2 - 4, str(number))
        if self.running:
            room = QR_SIZE + 4 * mm if self.seal_qr else 0
            para = self._running_paragraphs.get(self.running)
            if para is None:
                para = self._running_paragraphs[self.running] = _Paragraph(
                    escape(self.running), self.styles.running)
            w, h = para.wrap(width - 40 * mm - room, 20 * mm)
            para.drawOn(canv, 20 * mm, 8 * mm)
            if self.seal_qr:
                _draw_qr(canv, self.seal_qr, width - 15 * mm - QR_SIZE, 2 * mm)
        self._draw_footnotes()
        canv.restoreState()
        if self._main_ending:
            self._main_ending = False
            self.main_overflow = self.overflow
            if self.overflow or getattr(canv, "sketch", False):
                raise _Unsettled

    def filterFlowables(self, flowables: list[Any]) -> None:  # noqa: N802 - reportlab hook
        if self.stop_at is not None and flowables and flowables[0] is self.stop_at:
            self._main_ending = True

    def _numbers_on_page(self) -> list[int]:
        numbers = self.canv.footnotes_on.get(self.page)  # type: ignore[attr-defined]
        return sorted(numbers) if numbers else []

    def _room_needed(self, numbers: list[int]) -> float:
        return self.blocks.height(numbers, self.frame._width) + FOOTNOTE_GAP

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab hook
        """Keep room at the foot of the page for the footnotes cited so far on it.

        Most pages settle here in the first pass: the frame's bottom moves up, and
        what follows stops above the footnotes.  Only where the citing text itself
        already runs into that room does the page need another pass.
        """
        frame = getattr(self, "frame", None)
        if frame is None or not getattr(self, "_page_open", False):
            return  # between pages (after a page break): the page ended has its room
        numbers = self._numbers_on_page()
        if not numbers:
            return
        floor = self.pageTemplate._full_frame[1] + self._room_needed(numbers)
        if floor <= frame._y1p:
            return
        if frame._y >= floor:
            frame._y1p = floor
        else:
            self.overflow = True

    def _draw_footnotes(self) -> None:
        canv = self.canv
        numbers = self._numbers_on_page()
        if not numbers:
            return
        frame = self.frame
        x, y0, width = frame._x1, self.pageTemplate._full_frame[1], frame._width
        block = self.blocks.block(numbers)
        needed = self.blocks.height(numbers, width)
        if y0 + needed + FOOTNOTE_GAP > frame._y1p + 0.5:
            self.overflow = True
        self.drawn[self.page] = numbers
        top = y0 + needed
        canv.setLineWidth(0.5)
        canv.line(x, top, x + width / 3, top)
        cursor = top - 3
        for para in block:
            _, h = para.wrap(width, 1000)
            cursor -= h
            para.drawOn(canv, x, cursor)


QR_SIZE = 16 * mm


def _draw_qr(canv: Any, text: str, x: float, y: float) -> None:
    """A QR code of ``text``, QR_SIZE square, its lower left corner at (x, y)."""
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE,
                      transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canv, x, y)


def footnote_block(numbers: list[int], texts: dict[int, str], styles: Styles,
                   width: float) -> list[Paragraph]:
    return [_Paragraph(f"<super>{n}</super> {escape(layout.nfc(texts.get(n, '')))}",
                      styles.footnote) for n in numbers]


def block_height(block: list[Paragraph], width: float) -> float:
    return 4 + sum(p.wrap(width, 1000)[1] for p in block)


# --------------------------------------------------------------------------- content

# Layout tables (header, signature) have no padding of their own; the table
# font is set so that no cell ever falls back to reportlab's Helvetica.
_NO_PADDING: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def _markup(parts: list[str | layout.FootnoteRef]) -> str:
    out = []
    previous_was_ref = False
    for part in parts:
        if isinstance(part, layout.FootnoteRef):
            comma = "," if previous_was_ref else ""  # 7 and 8 print "7,8", never "78"
            out.append(f'<super>{comma}{part.number}</super><a name="fn{part.number}"/>')
            previous_was_ref = True
        else:
            out.append(escape(layout.nfc(part)))
            previous_was_ref = False
    return "".join(out)


def _header(plan: dict[str, Any], st: Styles, width: float) -> Table:
    left_w, right_w = 6.75 * cm, width - 6.75 * cm
    body_lines = [escape(layout.nfc(x.upper())) for x in plan.get("issuing_body", []) if x]
    left: list[Any] = []
    if plan.get("parent_body"):
        left.append(_Paragraph(escape(layout.nfc(plan["parent_body"].upper())), st.header))
    left.append(_Paragraph("<br/>".join(body_lines), st.header_bold))
    widest = max((pdfmetrics.stringWidth(layout.nfc(x.upper()), f"{FONT}-Bold", 13)
                  for x in plan.get("issuing_body", []) if x), default=60)
    left.append(HRFlowable(width=min(widest * 0.4, left_w), thickness=0.6, color=colors.black,
                           spaceBefore=4, spaceAfter=0, hAlign="CENTER"))
    right: list[Any] = [
        _Paragraph(NATIONAL_TITLE, st.national),
        _Paragraph(MOTTO, st.motto),
        HRFlowable(width=pdfmetrics.stringWidth(MOTTO, f"{FONT}-Bold", st.motto.fontSize),
                   thickness=0.6, color=colors.black, spaceBefore=4, spaceAfter=0,
                   hAlign="CENTER"),
    ]
    rows = [
        [left, right],
        [_Paragraph(escape(layout.number_line(plan)), st.header),
         _Paragraph(escape(layout.nfc(layout.date_line(plan))), st.date)],
    ]
    table = Table(rows, colWidths=[left_w, right_w])
    table.setStyle(TableStyle([
        *_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


def _title(plan: dict[str, Any], st: Styles) -> list[Any]:
    title = layout.nfc(plan["title"])
    flow: list[Any] = [_Paragraph(layout.type_label(plan), st.type),
                       _Paragraph(escape(title), st.title)]
    width = pdfmetrics.stringWidth(title, f"{FONT}-Bold", 14)
    flow.append(HRFlowable(width=min(max(width / 3, 3 * cm), 8 * cm), thickness=0.6,
                           color=colors.black, spaceBefore=5, spaceAfter=10, hAlign="CENTER"))
    for line in plan.get("heading_lines", []):
        flow.append(_Paragraph(escape(layout.nfc(line)), st.heading_line))
    if plan.get("heading_lines"):
        flow.append(Spacer(1, 6))
    return flow


def _sections(plan: dict[str, Any], st: Styles) -> list[Any]:
    numbers = layout.footnote_numbers(plan)
    flow: list[Any] = []
    run: CondPageBreak | None = None  # the break guarding the current run of headings
    for _, node in layout.walk_with_depth(plan["sections"]):
        text = _markup(layout.split_footnotes(node["text"], plan, numbers))
        label = escape(layout.nfc(node.get("label", "")))
        kind = node["kind"]
        if kind == "bullet":
            run = None
            flow.append(_Paragraph(f"- {text}", st.body))
            continue
        if kind == "sub_bullet":
            run = None
            flow.append(_Paragraph(f"+ {text}", st.sub_bullet))
            continue
        emphasis = node.get("emphasis", "none")
        if "bold" in emphasis:
            text = f"<b>{text}</b>"
        if "italic" in emphasis:
            text = f"<i>{text}</i>"
        if kind == "heading" and layout.is_part_heading(node):
            # "Phần thứ nhất" on its own line, the part's title under it in upper case.
            title = _markup(layout.split_footnotes(node["text"].upper(), plan, numbers))
            text = f"{label}<br/>{title}"
        elif label:
            label = f"<b>{label}</b>" if layout.label_is_bold(node) and kind != "heading" else label
            text = f"{label} {text}"
        if kind == "heading":
            style = st.heading_centred if layout.heading_centred(node) else st.heading
            # A heading never ends a page: it needs room for itself, the headings right
            # under it and a few lines of text. (keepWithNext would drag the whole next
            # paragraph along, leaving half-empty pages.)
            if run is None:
                run = CondPageBreak(HEADING_ROOM)
                flow.append(run)
            else:
                run.height += HEADING_ROOM - 3 * st.body.leading
            flow.append(_Paragraph(text, style))
        else:
            run = None
            flow.append(_Paragraph(text, st.body))
    return flow


def _closing(plan: dict[str, Any], st: Styles, width: float) -> list[Any]:
    flow: list[Any] = [_Paragraph(escape(layout.nfc(p)), st.body) for p in plan.get("closing", [])]
    recipients: list[Any] = []
    lines = layout.recipient_lines(plan)
    if lines:
        recipients.append(_Paragraph("Nơi nhận:", st.recipients_title))
        recipients += [_Paragraph(escape(layout.nfc(x)), st.recipients) for x in lines]
    authority, signer = layout.signature_lines(plan)
    sign: list[Any] = [_Paragraph(escape(layout.nfc(x)), st.sign) for x in authority]
    sign.append(Spacer(1, 3 * cm))
    sign.append(_Paragraph(escape(layout.nfc(signer)), st.sign))
    table = Table([[recipients, sign]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        *_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6),
    ]))
    # The closing sentence stays with the signature: a signature alone on a page is refused.
    tail = flow[-1:] if flow else []
    return flow[:-1] + [KeepTogether([*tail, table])]


def main_flowables(plan: dict[str, Any], st: Styles, width: float) -> list[Any]:
    flow: list[Any] = [PartStart(), _header(plan, st, width), *_title(plan, st)]
    flow += [_Paragraph(_markup([layout.nfc(x)]), st.basis) for x in plan.get("legal_bases", [])]
    flow += [_Paragraph(escape(layout.nfc(x)), st.body) for x in plan.get("preamble", [])]
    flow += _sections(plan, st)
    flow += _closing(plan, st, width)
    return flow


_FIXED_WIDTHS = {"label": 1.3 * cm, "unit": 2.0 * cm, "value": 3.4 * cm,
                 "percent_of_plan": 2.3 * cm, "status": 2.5 * cm, "note": 3.0 * cm}


def _column_widths(columns: list[dict[str, Any]], width: float) -> list[float]:
    fixed = [_FIXED_WIDTHS.get(c["source"]) for c in columns]
    free = [i for i, w in enumerate(fixed) if w is None]
    rest = max(width - sum(w for w in fixed if w), 4 * cm)
    shares = {"name": 1.0, "task": 0.45, "result": 0.55}
    total = sum(shares.get(columns[i]["source"], 1.0) for i in free) or 1.0
    return [w if w is not None else rest * shares.get(columns[i]["source"], 1.0) / total
            for i, w in enumerate(fixed)]


def appendix_flowables(plan: dict[str, Any], appendix: dict[str, Any], st: Styles,
                       first: bool) -> list[Any]:
    wide = layout.wants_landscape(appendix)
    if wide:
        lw, _ = landscape(A4)
        width = lw - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]
    else:
        width = A4[0] - MARGINS["left"] - MARGINS["right"]
    flow: list[Any] = [NextPageTemplate("landscape" if wide else "portrait")]
    if not first:
        flow.append(PageBreak())
    qr = layout.seal_qr_data(plan) if plan.get(layout.SEAL) else ""
    flow.append(PartStart(layout.nfc(layout.appendix_identification(plan, appendix)), qr))
    if appendix.get("label"):
        flow.append(_Paragraph(escape(layout.nfc(appendix["label"])), st.appendix_label))
    flow.append(_Paragraph(escape(layout.nfc(appendix["title"].upper())), st.appendix_title))
    flow.append(_Paragraph(escape(layout.nfc(layout.appendix_caption(plan, appendix))),
                          st.caption))
    columns = appendix["columns"]
    header = [_Paragraph(escape(layout.nfc(c["header"])), st.cell_head) for c in columns]
    data: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    widths = _column_widths(columns, width)
    for r, row in enumerate(layout.table_rows(plan, appendix), start=1):
        face = (f"{FONT}-BoldItalic" if row.bold and row.italic else f"{FONT}-Bold" if row.bold
                else f"{FONT}-Italic" if row.italic else FONT)
        cells: list[Any] = []
        for c, cell in enumerate(row.cells):
            text = layout.nfc(cell.text)
            # Short cells (numbers, labels, units) are plain strings: a Paragraph per
            # cell would triple the time of a long table for the same print.
            if pdfmetrics.stringWidth(text, face, st.cell.fontSize) <= widths[c] - 6:
                cells.append(text)
                continue
            markup = escape(text)
            if row.bold:
                markup = f"<b>{markup}</b>"
            if row.italic:
                markup = f"<i>{markup}</i>"
            cells.append(_Paragraph(markup, st.cell_num if cell.numeric else st.cell))
        data.append(cells)
        if face != FONT:
            commands.append(("FONTNAME", (0, r), (-1, r), face))
        if row.kind == "group":
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)))
    commands.append(("FONTSIZE", (0, 1), (-1, -1), st.cell.fontSize))
    commands.append(("LEADING", (0, 1), (-1, -1), st.cell.leading))
    for c, column in enumerate(columns):
        if column["source"] in ("value", "percent_of_plan"):
            commands.append(("ALIGN", (c, 1), (c, -1), "RIGHT"))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    flow.append(table)
    return flow


# --------------------------------------------------------------------------- build


def _flowables(plan: dict[str, Any], document: str,
               st: Styles) -> tuple[list[Any], list[Any]]:
    """The flowables of the main part and of the appendices, as ``document`` wants."""
    width = A4[0] - MARGINS["left"] - MARGINS["right"]
    main: list[Any] = []
    appendices: list[Any] = []
    if document in ("main", "all"):
        main = main_flowables(plan, st, width)
    if document in ("appendices", "all"):
        # Its own appendices, plus the default indicator table where it has none.
        for i, appendix in enumerate(layout.printed_appendices(plan)):
            first = not main and i == 0
            appendices += appendix_flowables(plan, appendix, st, first)
    return main, appendices


def build_pdf(plan: dict[str, Any], document: str = "all") -> bytes:
    """The document (``main``), its appendices (``appendices``) or both (``all``) as PDF."""
    if document not in ("main", "appendices", "all"):
        raise ValueError(document)
    register_fonts()
    st = Styles()
    numbers = layout.footnote_numbers(plan)
    texts = {n: next((f["text"] for f in plan.get("footnotes", []) if f["key"] == k), "")
             for k, n in numbers.items()}
    width = A4[0] - MARGINS["left"] - MARGINS["right"]
    meta = {
        "title": layout.nfc(f"{layout.type_label(plan)} {plan['title']}"),
        "author": layout.nfc(" ".join(plan.get("issuing_body", []))),
        "subject": layout.nfc(layout.document_reference(plan)),
        "creator": "WardPlan Desktop",
    }
    appendices = layout.printed_appendices(plan) if document == "appendices" else []
    first_wide = bool(appendices) and layout.wants_landscape(appendices[0])

    _LINES.cache = {}
    try:
        # The flowables are made once and laid out by every pass, as reportlab's own
        # multiBuild does: what a pass leaves on them is undone after it (``edits``).
        main, appendices = _flowables(plan, document, st)
        story = main + appendices
        # The main part comes first, so where its footnotes fall does not depend on the
        # appendices: a pass stops where they would start when the main part's
        # footnotes did not fit, and the pass that fits is the document.
        stop_at = appendices[0] if main and appendices else None
        blocks = FootnoteBlocks(texts, st)
        edits: list[tuple[Any, ...]] = []

        def build(reserve: dict[int, float], how: str) -> bytes | dict[int, list[int]] | None:
            """One pass with ``reserve``: ``final`` -> the PDF; ``try`` -> the PDF if the
            main part's footnotes fit, else the footnotes drawn on each page; ``sketch``
            (never written) -> None if they fit, else the footnotes drawn on each page."""
            buffer = io.BytesIO()
            doc = PlanDocTemplate(buffer, st, texts, dict(reserve), first_wide=first_wide,
                                  blocks=blocks, stop_at=None if how == "final" else stop_at,
                                  **meta)
            doc._doSave = 0  # written below, only when kept
            doc._multiBuildEdits = edits.append
            canvasmaker = _SketchCanvas if how == "sketch" else _AnchorCanvas
            try:
                doc.build(story[:], canvasmaker=canvasmaker)
            except _Unsettled:
                pass
            finally:
                while edits:
                    undo, *args = edits.pop(0)
                    undo(*args)
            overflow = doc.overflow if doc.main_overflow is None else doc.main_overflow
            if how != "final" and overflow:
                return doc.drawn
            if how == "sketch":
                return None
            doc.canv.save()
            return buffer.getvalue()

        return _build_settled(build, document, numbers, blocks, width)
    except LayoutError as exc:
        # Something that cannot fit on any page: footnotes cited on one page that are
        # taller than the page, or a table row taller than a page.
        raise InputError(MSG_TOO_TALL) from exc
    finally:
        _LINES.cache = None


def _build_settled(build: Any, document: str, numbers: dict[str, int], blocks: FootnoteBlocks,
                   width: float) -> bytes:
    """Lay the document out until the main part's footnotes fit, then return it.

    Each pass that does not fit reserves, at the foot of each page, the room its
    footnotes took (reservations only grow).  Passes are sketched (nothing drawn)
    until one fits; that one is then laid out for real, and returned if it fits
    too (it always should: the layout is the same).  Should it not, the passes go
    on for real.  After MAX_PASSES passes that did not fit, the last reservations
    are used as they are.
    """
    reserve: dict[int, float] = {}
    if numbers and document in ("main", "all"):
        sketch = True
        passes = 0
        while passes < MAX_PASSES:
            result = build(reserve, "sketch" if sketch else "try")
            if result is None:  # the sketch fits: the same pass, for real
                sketch = False
                continue
            if isinstance(result, bytes):
                return result
            passes += 1
            for page, numbers_on_page in result.items():
                reserve[page] = max(reserve.get(page, 0.0),
                                    blocks.height(numbers_on_page, width) + FOOTNOTE_GAP)
    return build(reserve, "final")
