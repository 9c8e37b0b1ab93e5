"""The plan as a Word document (.docx) in the official format (Decree 30/2020, Appendix I).

The office makes its last edits in Word, so the file is real Word structure rather
than a picture of the page: named paragraph styles (the headings are Word's own
"Heading 1-4", the body "Body Text", the bullets "List Bullet" / "List Bullet 2"
numbered by a list definition whose bullets are "-" and "+"), real footnotes,
PAGE fields, one section per appendix with its own page numbering and header.

Page: A4, margins 20/20/30/15 mm (a landscape appendix turns the sheet: its page
size and margins are swapped, so the binding edge stays wide), Times New Roman
14 pt, black.  Page numbers top centre, not on the first page of the document or
of an appendix; every appendix page carries a line that identifies it.

What the document *says* (number and date lines, recipients, signature,
captions, footnote numbers, table rows with their computed columns) comes from
:mod:`.layout`, shared with the PDF and Excel writers; this module only decides
how Word shows it.  python-docx has no footnotes, so the footnotes part is
built here as an OPC part of its own.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import layout

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCUMENTS = ("main", "appendices", "all")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
# A landscape page is bound along its top edge (the portrait page's left edge): that
# edge keeps the wide margin; no margin is narrower than 20 mm (as in the PDF).
LANDSCAPE_MARGINS = {"top": Mm(30), "bottom": Mm(20), "left": Mm(20), "right": Mm(20)}
HEADER_DISTANCE = Mm(10)
TEXT_WIDTH = Length(PAGE_WIDTH - MARGINS["left"] - MARGINS["right"])
LANDSCAPE_TEXT_WIDTH = Length(PAGE_HEIGHT - LANDSCAPE_MARGINS["left"]
                              - LANDSCAPE_MARGINS["right"])
HEADER_LEFT = Cm(6.75)
HEADER_RIGHT = Length(TEXT_WIDTH - HEADER_LEFT)
CLOSING_LEFT = Length(int(TEXT_WIDTH * 0.45))
CLOSING_RIGHT = Length(TEXT_WIDTH - CLOSING_LEFT)
INDENT = Cm(1)
SIGNATURE_SPACE = Cm(3)

# Sizes in points (FORMAT.md).
SIZE_BODY = 14
SIZE_HEADER = 13
SIZE_NATIONAL = 12
SIZE_MOTTO = 13
SIZE_DATE = 14
SIZE_FOOTNOTE = 10
SIZE_RECIPIENTS_TITLE = 12
SIZE_RECIPIENTS = 11
SIZE_PAGE_NUMBER = 13
SIZE_TABLE = 12
SIZE_IDENTIFICATION = 10

# Paragraph and character styles (names as Word shows them).
S_NORMAL = "Normal"
S_BODY = "Body Text"
S_HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
S_DASH = "List Bullet"
S_PLUS = "List Bullet 2"
S_LEGAL_BASIS = "Legal Basis"
S_TYPE = "Document Type"
S_TITLE = "Title"
S_HEADING_LINE = "Heading Line"
S_RULE = "Rule"
S_PARENT_BODY = "Parent Body"
S_ISSUING_BODY = "Issuing Body"
S_NUMBER = "Document Number"
S_NATIONAL = "National Title"
S_MOTTO = "Motto"
S_DATE = "Place and Date"
S_RECIPIENTS_TITLE = "Recipients Heading"
S_RECIPIENTS = "Recipients"
S_SIGNATURE = "Signature"
S_SIGNER = "Signer"
S_PAGE_NUMBER = "Header"
S_FOOTNOTE_TEXT = "footnote text"
S_FOOTNOTE_REF = "footnote reference"
S_APPENDIX_LABEL = "Appendix Label"
S_APPENDIX_TITLE = "Appendix Title"
S_APPENDIX_CAPTION = "Appendix Caption"
S_IDENTIFICATION = "Appendix Identification"
S_TABLE_HEADING = "Table Heading"
S_TABLE_TEXT = "Table Text"
_STYLE_IDS = {S_FOOTNOTE_TEXT: "FootnoteText", S_FOOTNOTE_REF: "FootnoteReference"}

# Appendix column widths (cm); the name/task/result columns share what is left.
_FIXED_WIDTHS = {"label": 1.3, "unit": 2.0, "value": 3.4, "percent_of_plan": 2.3,
                 "status": 2.5, "note": 3.0}
_SHARES = {"name": 1.0, "task": 0.45, "result": 0.55}
_CENTRED_SOURCES = {"label", "unit", "status"}
GROUP_FILL = "EDEDED"

# Child order of the WordprocessingML elements edited by hand (ECMA-376 part 1).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type",
                 "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
                 "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
                 "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter",
               "cantSplit", "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")
_TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
               "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
_SETTINGS_AFTER_FOOTNOTEPR = ("endnotePr", "compat", "docVars", "rsids", "m:mathPr",
                              "attachedSchema", "themeFontLang", "clrSchemeMapping",
                              "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                              "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                              "sl:schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                              "decimalSymbol", "listSeparator")


# --------------------------------------------------------------------------- XML helpers


def _tag(name: str) -> str:
    return qn(name if ":" in name else f"w:{name}")


def _put(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Insert ``child`` into ``parent`` where the schema wants it, replacing its namesake."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    local = child.tag.rsplit("}", 1)[-1]
    successors = [_tag(t) for t in order[order.index(local) + 1:]]
    for existing in parent:
        if existing.tag in successors:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def _el(xml: str) -> Any:
    """One WordprocessingML element from its markup (the ``w:`` prefix is declared here)."""
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {nsdecls('w')}", xml, count=1))


def _twips(length: int) -> int:
    return Length(length).twips


def _rpr_put(style_or_run_element: Any, child: Any) -> None:
    rpr = style_or_run_element.get_or_add_rPr()
    _put(rpr, child, _RPR_ORDER)


def _text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> Length:
    """Approximate printed width of ``text`` in Times New Roman.

    Measured with the Times metrics reportlab ships; Vietnamese marks do not
    change a letter's advance, so they are stripped before measuring.
    """
    base = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    base = base.replace("đ", "d").replace("Đ", "D").replace("\u00a0", " ")
    base = base.encode("cp1252", "replace").decode("cp1252")
    font = "Times-" + ("BoldItalic" if bold and italic else "Bold" if bold
                       else "Italic" if italic else "Roman")
    return Pt(stringWidth(base, font, size))


# --------------------------------------------------------------------------- writer


class _Writer:
    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.doc = Document()
        self.numbers = layout.footnote_numbers(plan)
        self.footnotes: Any = None  # the w:footnotes element, made on first use
        self.next_footnote_id = 1
        self.list_num_id = 0
        self._setup_styles()
        self._setup_numbering()

    # ------------------------------------------------------------------ styles

    def _style(self, name: str, *, base: str | None = S_NORMAL, char: bool = False,
               size: float | None = None, bold: bool | None = None,
               italic: bool | None = None, align: WD_ALIGN_PARAGRAPH | None = None,
               first_line: int | None = None,
               before: float | None = None, after: float | None = None,
               line: float | None = None, keep_next: bool | None = None,
               outline: int | None = None, next_style: str | None = None) -> BaseStyle:
        """A style made (or a built-in one reset) to exactly these properties."""
        styles = self.doc.styles
        kind = WD_STYLE_TYPE.CHARACTER if char else WD_STYLE_TYPE.PARAGRAPH
        try:
            style = styles[name]
        except KeyError:
            # Word's own footnote styles are built-in ones it knows by name.
            style = styles.add_style(name, kind, builtin=name in _STYLE_IDS)
            if name in _STYLE_IDS:
                style.style_id = _STYLE_IDS[name]
        element = style.element
        for tag in ("w:pPr", "w:rPr", "w:link"):
            for old in element.findall(qn(tag)):
                element.remove(old)
        style.base_style = styles[base] if base else None
        style.hidden = False
        style.unhide_when_used = False
        style.quick_style = not char
        font = style.font
        if size is not None:
            font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        if char:
            return style
        pf = style.paragraph_format
        if align is not None:
            pf.alignment = align
        if first_line is not None:
            pf.first_line_indent = first_line
        if before is not None:
            pf.space_before = Pt(before)
        if after is not None:
            pf.space_after = Pt(after)
        if line is not None:
            pf.line_spacing = line
        if keep_next is not None:
            pf.keep_with_next = keep_next
        if outline is not None:
            _put(element.get_or_add_pPr(), _el(f'<w:outlineLvl w:val="{outline}"/>'), _PPR_ORDER)
        if next_style is not None:
            style.next_paragraph_style = styles[next_style]
        return style

    def _setup_styles(self) -> None:
        styles_el = self.doc.styles.element
        fonts = (f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
                 f'w:cs="{FONT}"/>')
        lang = f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
        # Document defaults: no theme fonts, so nothing falls back to Calibri/Cambria.
        defaults = styles_el.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for child in list(rpr):
            rpr.remove(child)
        for xml in (fonts, f'<w:sz w:val="{SIZE_BODY * 2}"/>', f'<w:szCs w:val="{SIZE_BODY * 2}"/>',
                    lang):
            _put(rpr, _el(xml), _RPR_ORDER)
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        for child in list(ppr):
            ppr.remove(child)
        _put(ppr, _el('<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'), _PPR_ORDER)

        normal = self._style(S_NORMAL, base=None, size=SIZE_BODY, after=0, line=1.0)
        normal.font.color.rgb = RGBColor(0, 0, 0)
        normal.paragraph_format.widow_control = True  # no line left alone at a page break
        _rpr_put(normal.element, _el(fonts))
        _rpr_put(normal.element, _el(f'<w:szCs w:val="{SIZE_BODY * 2}"/>'))
        _rpr_put(normal.element, _el(lang))

        body = dict(align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=INDENT, after=6, line=1.15)
        centred = WD_ALIGN_PARAGRAPH.CENTER
        self._style(S_BODY, **body)
        self._style(S_LEGAL_BASIS, base=S_BODY, italic=True, next_style=S_LEGAL_BASIS)
        for level, name in enumerate(S_HEADINGS):
            self._style(name, base=S_BODY, size=SIZE_BODY, bold=True,
                        italic=True if level == 3 else None, before=6, keep_next=True,
                        outline=level, next_style=S_BODY)
        self._style(S_DASH, base=S_BODY)
        self._style(S_PLUS, base=S_BODY)
        self._style(S_TYPE, size=SIZE_BODY, bold=True, align=centred, before=12,
                    keep_next=True, next_style=S_TITLE)
        self._style(S_TITLE, size=SIZE_BODY, bold=True, align=centred, keep_next=True,
                    next_style=S_BODY)
        self._style(S_HEADING_LINE, size=SIZE_BODY, bold=True, align=centred, keep_next=True)
        rule = self._style(S_RULE, size=2, align=centred, before=2, keep_next=True)
        _put(rule.element.get_or_add_pPr(),
             _el('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
                 '</w:pBdr>'), _PPR_ORDER)
        self._style(S_PARENT_BODY, size=SIZE_HEADER, align=centred)
        self._style(S_ISSUING_BODY, size=SIZE_HEADER, bold=True, align=centred)
        self._style(S_NUMBER, size=SIZE_HEADER, align=centred, before=6)
        self._style(S_NATIONAL, size=SIZE_NATIONAL, bold=True, align=centred)
        self._style(S_MOTTO, size=SIZE_MOTTO, bold=True, align=centred)
        self._style(S_DATE, size=SIZE_DATE, italic=True, align=centred, before=6)
        self._style(S_RECIPIENTS_TITLE, size=SIZE_RECIPIENTS_TITLE, bold=True, italic=True,
                    align=WD_ALIGN_PARAGRAPH.LEFT)
        self._style(S_RECIPIENTS, size=SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)
        self._style(S_SIGNATURE, size=SIZE_BODY, bold=True, align=centred)
        self._style(S_SIGNER, size=SIZE_BODY, bold=True, align=centred)
        self._style(S_PAGE_NUMBER, size=SIZE_PAGE_NUMBER, align=centred)
        self._style(S_FOOTNOTE_TEXT, size=SIZE_FOOTNOTE, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                    after=0, line=1.0)
        ref = self._style(S_FOOTNOTE_REF, base=None, char=True)
        _rpr_put(ref.element, _el('<w:vertAlign w:val="superscript"/>'))
        self._style(S_APPENDIX_LABEL, size=SIZE_BODY, bold=True, align=centred, keep_next=True)
        self._style(S_APPENDIX_TITLE, size=SIZE_BODY, bold=True, align=centred, keep_next=True)
        self._style(S_APPENDIX_CAPTION, size=SIZE_BODY, italic=True, align=centred, after=8,
                    keep_next=True)
        self._style(S_IDENTIFICATION, size=SIZE_IDENTIFICATION, italic=True, align=centred)
        self._style(S_TABLE_TEXT, size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.LEFT, before=2,
                    after=2, line=1.0)
        self._style(S_TABLE_HEADING, base=S_TABLE_TEXT, bold=True, align=centred)

    def _setup_numbering(self) -> None:
        """A list definition for the "-" and "+" bullets, used by the two list styles."""
        numbering = self.doc.part.numbering_part.element
        abstract_ids = [int(a.get(qn("w:abstractNumId")))
                        for a in numbering.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        abstract_id = max(abstract_ids, default=-1) + 1
        self.list_num_id = max(num_ids, default=0) + 1
        fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:hint="default"/>'
        levels = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:pStyle w:val="{style_id}"/><w:suff w:val="space"/>'
            f'<w:lvlText w:val="{mark}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{_twips(INDENT)}"/></w:pPr>'
            f'<w:rPr>{fonts}</w:rPr></w:lvl>'
            for ilvl, mark, style_id in ((0, "-", self.doc.styles[S_DASH].style_id),
                                         (1, "+", self.doc.styles[S_PLUS].style_id)))
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:nsid w:val="5750{abstract_id:04X}"/><w:multiLevelType w:val="multilevel"/>'
            f'<w:name w:val="WardPlan dash list"/>{levels}</w:abstractNum>')
        existing = numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(abstract)
        else:
            numbering.insert(0, abstract)
        num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{self.list_num_id}">'
                        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>')
        cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            numbering.append(num)
        for ilvl, name in ((0, S_DASH), (1, S_PLUS)):
            _put(self.doc.styles[name].element.get_or_add_pPr(), self._num_pr(ilvl), _PPR_ORDER)

    def _num_pr(self, ilvl: int) -> Any:
        return _el(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{self.list_num_id}"/>'
                   f'</w:numPr>')

    # ------------------------------------------------------------------ text

    def _style_id(self, name: str) -> str:
        ids = self.__dict__.setdefault("_style_ids", {})
        if name not in ids:
            ids[name] = self.doc.styles[name].style_id
        return ids[name]

    def _para(self, container: Any, style: str, text: str = "", *,
              first: bool = False, bold: bool | None = None,
              italic: bool | None = None) -> Paragraph:
        """A paragraph of ``style`` in ``container`` (the body, a cell or a header)."""
        if first and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
            paragraph = container.paragraphs[0]
        else:
            paragraph = container.add_paragraph()
        # Set the style id directly: python-docx looks a style up by scanning every
        # style for each paragraph, which made a long appendix take seconds.
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self._style_id(style)
        if text:
            run = paragraph.add_run(layout.nfc(text))
            run.bold = bold
            run.italic = italic
        return paragraph

    def _rich(self, paragraph: Paragraph, parts: Iterable[str | layout.FootnoteRef],
              bold: bool | None, italic: bool | None) -> None:
        for part in parts:
            if isinstance(part, layout.FootnoteRef):
                self._footnote(paragraph, part)
            elif part:
                run = paragraph.add_run(layout.nfc(part))
                run.bold = bold
                run.italic = italic

    def _rule(self, container: Any, available: int, width: int, *,
              after: float | None = None) -> Paragraph:
        """A short solid rule, centred in ``available``: a bordered empty paragraph."""
        paragraph = self._para(container, S_RULE)
        side = max(int((available - min(width, available)) / 2), 0)
        pf = paragraph.paragraph_format
        pf.left_indent = Length(side)
        pf.right_indent = Length(side)
        if after is not None:
            pf.space_after = Pt(after)
        return paragraph

    # ------------------------------------------------------------------ footnotes

    def _footnotes_element(self) -> Any:
        if self.footnotes is None:
            xml = (f'<w:footnotes {nsdecls("w", "r")}>'
                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
                   '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                   '<w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
                   '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                   '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                   '</w:footnotes>')
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml),
                           self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
            self.footnotes = part.element
            settings = self.doc.settings.element
            footnote_pr = _el('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                              '</w:footnotePr>')
            settings.insert_element_before(
                footnote_pr, *(t if ":" in t else f"w:{t}" for t in _SETTINGS_AFTER_FOOTNOTEPR))
        return self.footnotes

    def _footnote(self, paragraph: Paragraph, ref: layout.FootnoteRef) -> None:
        """A real Word footnote: its text in the footnotes part, its mark in the text.

        Word numbers footnotes by their order in the text, which is the order
        ``layout.footnote_numbers`` gives, so the printed numbers agree with the PDF.
        """
        footnotes = self._footnotes_element()
        note_id = self.next_footnote_id
        self.next_footnote_id += 1
        ref_style = self.doc.styles[S_FOOTNOTE_REF].style_id
        text_style = self.doc.styles[S_FOOTNOTE_TEXT].style_id
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p>'
            f'<w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>')
        note.find(qn("w:p")).findall(qn("w:r"))[-1].find(qn("w:t")).text = (
            " " + layout.nfc(ref.text))
        footnotes.append(note)
        run = paragraph.add_run()
        run.style = self.doc.styles[S_FOOTNOTE_REF]
        run._r.append(_el(f'<w:footnoteReference w:id="{note_id}"/>'))

    # ------------------------------------------------------------------ tables

    def _table(self, container: Any, rows: int, widths: Sequence[int], *,
               borders: bool, cell_margin: int) -> Table:
        table = container.add_table(rows=rows, cols=len(widths))
        if borders:
            table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False  # fixed layout: the widths below are kept
        tbl_pr = table._tbl.tblPr
        total = sum(_twips(w) for w in widths)
        _put(tbl_pr, _el(f'<w:tblW w:w="{total}" w:type="dxa"/>'), _TBLPR_ORDER)
        _put(tbl_pr, _el('<w:tblInd w:w="0" w:type="dxa"/>'), _TBLPR_ORDER)
        edge = ('w:val="single" w:sz="4" w:space="0" w:color="000000"' if borders
                else 'w:val="nil"')
        _put(tbl_pr, _el('<w:tblBorders>' + "".join(
            f"<w:{side} {edge}/>"
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>"), _TBLPR_ORDER)
        margin = _twips(cell_margin)
        _put(tbl_pr, _el(f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
                         f'<w:left w:w="{margin}" w:type="dxa"/>'
                         f'<w:bottom w:w="0" w:type="dxa"/>'
                         f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'),
             _TBLPR_ORDER)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Length(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Length(width)
        return table

    @staticmethod
    def _row_flags(row: Any, *, header: bool = False) -> None:
        tr_pr = row._tr.get_or_add_trPr()
        _put(tr_pr, _el("<w:cantSplit/>"), _TRPR_ORDER)
        if header:
            _put(tr_pr, _el("<w:tblHeader/>"), _TRPR_ORDER)

    @staticmethod
    def _shade(cell: _Cell, fill: str) -> None:
        _put(cell._tc.get_or_add_tcPr(),
             _el(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'), _TCPR_ORDER)

    # ------------------------------------------------------------------ the document

    def _header_table(self) -> None:
        plan = self.plan
        table = self._table(self.doc, 2, (HEADER_LEFT, HEADER_RIGHT), borders=False,
                            cell_margin=0)
        top, bottom = table.rows
        left, right = top.cells
        first = True
        if plan.get("parent_body"):
            self._para(left, S_PARENT_BODY, plan["parent_body"].upper(), first=True)
            first = False
        lines = [line for line in plan.get("issuing_body", []) if line.strip()]
        for line in lines:
            self._para(left, S_ISSUING_BODY, line.upper(), first=first)
            first = False
        widest = max((_text_width(layout.nfc(x.upper()), SIZE_HEADER, bold=True) for x in lines),
                     default=Cm(4))
        self._rule(left, HEADER_LEFT, int(widest * 0.4))
        self._para(right, S_NATIONAL, NATIONAL_TITLE, first=True)
        self._para(right, S_MOTTO, MOTTO)
        self._rule(right, HEADER_RIGHT, _text_width(MOTTO, SIZE_MOTTO, bold=True))
        number, date = bottom.cells
        self._para(number, S_NUMBER, layout.number_line(plan), first=True)
        self._para(date, S_DATE, layout.date_line(plan), first=True)
        for cell in (*top.cells, *bottom.cells):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP

    def _title(self) -> None:
        plan = self.plan
        self._para(self.doc, S_TYPE, layout.type_label(plan))
        title = layout.nfc(plan["title"])
        self._para(self.doc, S_TITLE, title)
        shown = min(_text_width(title, SIZE_BODY, bold=True), TEXT_WIDTH)
        self._rule(self.doc, TEXT_WIDTH, int(shown * 0.4), after=12)
        for line in plan.get("heading_lines", []):
            self._para(self.doc, S_HEADING_LINE, line)
        if plan.get("heading_lines"):
            self.doc.paragraphs[-1].paragraph_format.space_after = Pt(12)

    def _sections(self) -> None:
        for depth, node in layout.walk_with_depth(self.plan["sections"]):
            parts = layout.split_footnotes(node["text"], self.plan, self.numbers)
            emphasis = node.get("emphasis", "none")
            bold = True if "bold" in emphasis else None
            italic = True if "italic" in emphasis else None
            kind = node["kind"]
            if kind in ("bullet", "sub_bullet"):
                ilvl = 0 if kind == "bullet" else 1
                paragraph = self._para(self.doc, S_DASH if ilvl == 0 else S_PLUS)
                _put(paragraph._p.get_or_add_pPr(), self._num_pr(ilvl), _PPR_ORDER)
                self._rich(paragraph, parts, bold, italic)
                continue
            if kind == "heading":
                paragraph = self._para(self.doc, S_HEADINGS[min(depth, len(S_HEADINGS) - 1)])
                if layout.heading_centred(node):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    paragraph.paragraph_format.first_line_indent = Cm(0)
            else:
                paragraph = self._para(self.doc, S_BODY)
            label = node.get("label", "")
            if label:
                run = paragraph.add_run(layout.nfc(label) + " ")
                run.bold = True if layout.label_is_bold(node) else bold
                run.italic = italic
            self._rich(paragraph, parts, bold, italic)

    def _closing(self) -> None:
        plan = self.plan
        closing = [self._para(self.doc, S_BODY, text) for text in plan.get("closing", [])]
        if closing:  # the last sentence stays with the signature
            closing[-1].paragraph_format.keep_with_next = True
        table = self._table(self.doc, 1, (CLOSING_LEFT, CLOSING_RIGHT), borders=False,
                            cell_margin=0)
        row = table.rows[0]
        self._row_flags(row)
        left, right = row.cells
        lines = layout.recipient_lines(plan)
        if lines:
            heading = self._para(left, S_RECIPIENTS_TITLE, "Nơi nhận:", first=True)
            heading.paragraph_format.space_before = Pt(6)
            for line in lines:
                self._para(left, S_RECIPIENTS, line)
        authority, signer = layout.signature_lines(plan)
        first = True
        for line in authority:
            paragraph = self._para(right, S_SIGNATURE, line, first=first)
            if first:
                paragraph.paragraph_format.space_before = Pt(6)
            first = False
        name = self._para(right, S_SIGNER, signer, first=first)
        name.paragraph_format.space_before = Length(SIGNATURE_SPACE) if authority else Pt(6)
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            for paragraph in cell.paragraphs[:-1]:
                paragraph.paragraph_format.keep_with_next = True

    def main(self) -> None:
        plan = self.plan
        # A hairline paragraph first: LibreOffice puts a full empty line above a document
        # that opens with a table when it has footnotes; Word shows this as nothing.
        _shrink(self.doc.add_paragraph()._p)
        self._header_table()
        self._title()
        for text in plan.get("legal_bases", []):
            self._para(self.doc, S_LEGAL_BASIS, text)
        for text in plan.get("preamble", []):
            self._para(self.doc, S_BODY, text)
        self._sections()
        self._closing()

    # ------------------------------------------------------------------ appendices

    def appendix(self, appendix: dict[str, Any]) -> None:
        plan = self.plan
        width = LANDSCAPE_TEXT_WIDTH if layout.wants_landscape(appendix) else TEXT_WIDTH
        if appendix.get("label"):
            self._para(self.doc, S_APPENDIX_LABEL, appendix["label"])
        self._para(self.doc, S_APPENDIX_TITLE, layout.nfc(appendix["title"]).upper())
        self._para(self.doc, S_APPENDIX_CAPTION, layout.appendix_caption(plan, appendix))
        columns = appendix["columns"]
        if not columns:  # nothing to tabulate: the appendix is its heading only
            return
        rows = layout.table_rows(plan, appendix)
        widths = _column_widths(columns, width)
        table = self._table(self.doc, len(rows) + 1, widths, borders=True,
                            cell_margin=Pt(3))
        header = table.rows[0]
        self._row_flags(header, header=True)
        for cell, column in zip(header.cells, columns, strict=True):
            self._para(cell, S_TABLE_HEADING, column.get("header", ""), first=True)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for row, data in zip(table.rows[1:], rows, strict=True):
            self._row_flags(row)
            for cell, value, column in zip(row.cells, data.cells, columns, strict=True):
                paragraph = self._para(cell, S_TABLE_TEXT, value.text, first=True,
                                       bold=True if data.bold else None,
                                       italic=True if data.italic else None)
                source = column["source"]
                if value.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif source in _CENTRED_SOURCES:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif source in ("name", "task") and data.depth:
                    paragraph.paragraph_format.left_indent = Cm(0.3 * data.depth)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if data.kind == "group":
                    self._shade(cell, GROUP_FILL)

    # ------------------------------------------------------------------ pages

    def page_setup(self, section: Any, *, landscape: bool,
                   identification: str | None) -> None:
        """Page size and margins, numbering from 1, the number from the second page."""
        margins = LANDSCAPE_MARGINS if landscape else MARGINS
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width = PAGE_HEIGHT if landscape else PAGE_WIDTH
        section.page_height = PAGE_WIDTH if landscape else PAGE_HEIGHT
        section.top_margin = margins["top"]
        section.bottom_margin = margins["bottom"]
        section.left_margin = margins["left"]
        section.right_margin = margins["right"]
        section.gutter = Mm(0)
        section.header_distance = HEADER_DISTANCE
        section.footer_distance = HEADER_DISTANCE
        section.different_first_page_header_footer = True
        _put(section._sectPr, _el('<w:pgNumType w:start="1"/>'), _SECTPR_ORDER)

        header = section.header
        header.is_linked_to_previous = False
        number = self._para(header, S_PAGE_NUMBER, first=True)
        _page_field(number)
        first = section.first_page_header
        first.is_linked_to_previous = False
        blank = self._para(first, S_PAGE_NUMBER, first=True)
        if identification:
            self._para(header, S_IDENTIFICATION, identification)
            blank.style = self.doc.styles[S_IDENTIFICATION]
            blank.add_run(layout.nfc(identification))

    def finish_section_break(self) -> None:
        """Make the empty paragraph that ends a section as small as it can be."""
        body = self.doc.element.body
        breaks = body.xpath("./w:p[w:pPr/w:sectPr]")
        if breaks:
            _shrink(breaks[-1])

    def end(self) -> None:
        """Word wants a paragraph after a table, and at least one in a document."""
        body = self.doc.element.body
        last = [child for child in body if child.tag != qn("w:sectPr")][-1:]
        if not last or last[0].tag == qn("w:tbl"):
            _shrink(self.doc.add_paragraph()._p)


def _shrink(p: Any) -> None:
    ppr = p.get_or_add_pPr()
    _put(ppr, _el('<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'),
         _PPR_ORDER)
    _put(ppr, _el('<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'), _PPR_ORDER)


def _tidy_package(doc: Any) -> None:
    """Leave out what python-docx's template carries but this document is not.

    Its thumbnail would show Explorer another document's picture, and its
    Word 2010 "styles with effects" copy still holds the template's blue Cambria
    headings.
    """
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    part_rels = doc.part.rels
    for rid, rel in list(part_rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del part_rels[rid]


def _page_field(paragraph: Paragraph) -> None:
    """The PAGE field: Word and LibreOffice fill in the number of each page."""
    p = paragraph._p
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                '<w:r><w:t>1</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p.append(_el(xml))


def _column_widths(columns: list[dict[str, Any]], width: int) -> list[int]:
    """Fixed widths for the short columns; the text columns share the rest."""
    fixed = [Cm(_FIXED_WIDTHS[c["source"]]) if c["source"] in _FIXED_WIDTHS else None
             for c in columns]
    free = [i for i, w in enumerate(fixed) if w is None]
    fixed_total = sum(w for w in fixed if w is not None)
    room = width - fixed_total
    least = Cm(4) * len(free)
    if free and room < least:  # too many columns: narrow the fixed ones to fit
        scale = (width - least) / fixed_total
        fixed = [int(w * scale) if w is not None else None for w in fixed]
        room = least
    elif not free and fixed_total:
        scale = width / fixed_total
        fixed = [int(w * scale) for w in fixed if w is not None]
        room = 0
    shares = sum(_SHARES.get(columns[i]["source"], 1.0) for i in free) or 1.0
    out = [w if w is not None else int(room * _SHARES.get(columns[i]["source"], 1.0) / shares)
           for i, w in enumerate(fixed)]
    if out:
        out[-1] += width - sum(out)  # rounding: the table is exactly the text width
    return out


# --------------------------------------------------------------------------- entry point


def build_docx(plan: dict[str, Any], document: str = "all") -> bytes:
    """The document (``main``), its appendices (``appendices``) or both (``all``) as .docx.

    ``plan`` is plan-file data (``codec.plan_data(...)["plan"]``), already checked
    with :func:`layout.check_printable` by the caller.  Each appendix is a section
    of its own.  ``appendices`` of a plan that has none gives an empty document.
    """
    if document not in DOCUMENTS:
        raise ValueError(f"document must be one of {DOCUMENTS}, not {document!r}")
    writer = _Writer(plan)
    doc = writer.doc
    parts: list[tuple[bool, str | None]] = []  # (landscape, identification) per section
    if document in ("main", "all"):
        writer.main()
        parts.append((False, None))
    if document in ("appendices", "all"):
        # Its own appendices, plus the default indicator table where it has none.
        for appendix in layout.printed_appendices(plan):
            if parts:
                doc.add_section(WD_SECTION.NEW_PAGE)
                writer.finish_section_break()
            writer.appendix(appendix)
            parts.append((layout.wants_landscape(appendix),
                          layout.nfc(layout.appendix_identification(plan, appendix))))
    if not parts:
        parts.append((False, None))
    writer.end()
    for section, (landscape, identification) in zip(doc.sections, parts, strict=True):
        writer.page_setup(section, landscape=landscape, identification=identification)

    _tidy_package(doc)
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = layout.nfc(f"{layout.type_label(plan)} {plan.get('title', '')}".strip())
    props.subject = layout.nfc(layout.document_reference(plan))
    props.author = layout.nfc(" ".join(plan.get("issuing_body", [])))
    props.last_modified_by = "WardPlan Desktop"
    props.comments = "WardPlan Desktop"
    props.language = LANGUAGE
    props.keywords = ""
    props.revision = 1
    props.created = now
    props.modified = now
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
