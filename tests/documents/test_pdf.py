"""The PDF writer, read back as a clerk's printer and a PDF tool would see it.

Each test builds a PDF from plan-file data and reads it back:

- pypdf gives the text of each page and, through ``visitor_text``, every line
  drawn (one chunk per line of a paragraph or cell) with its baseline, font and
  size.  A line's vertical extent is measured as its em box: top = baseline +
  font size, bottom = baseline - descender (0.216 em for Liberation Serif).  The
  em box holds every Vietnamese letter, stacked marks included.
- poppler's ``pdftotext -bbox`` gives every word's box.  Its x extents are the
  exact advance widths where the word was drawn (justification included); its
  boxes also follow superscripts (footnote citations), which pypdf does not.
- ``pdffonts`` lists the fonts and whether they are embedded.

The sizes checked are those of ``/work/shared/FORMAT.md`` (Decree 30/2020,
Appendix I): A4, margins 20/20/30/15 mm, page numbers centred in the top margin.
"""

from __future__ import annotations

import copy
import functools
import html
import io
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from support import SEED_000, SEED_002, SEED_003, indicators, seed, walk
from wardplan_desktop.core.documents import export, layout, pdf
from wardplan_desktop.core.errors import InputError

# --------------------------------------------------------------------------- sizes

MM = 72 / 25.4
A4_W, A4_H = 595.28, 841.89
#: FORMAT.md's default margins of a portrait page (pt).
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
#: Landscape pages (wide tables): FORMAT.md gives no own margins; the writer keeps
#: 20 mm at the top, bottom and left and 15 mm at the right.
WIDE_LEFT, WIDE_RIGHT = 20 * MM, 15 * MM
TOL = 1.5  # pt: rounding in the PDF and in the tools that read it
DESCENT = 0.216  # Liberation Serif's descender, in em (all four faces)

BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def norm(text: str) -> str:
    """NFC with every run of white space (no-break spaces included) as one space."""
    return re.sub(r"\s+", " ", nfc(text)).strip()


# --------------------------------------------------------------------------- reading a PDF


@dataclass(frozen=True)
class Line:
    """A text chunk as pypdf reports it: one line of a paragraph, cell or footnote."""

    text: str
    x: float
    baseline: float
    size: float
    font: str  # "LiberationSerif-Bold"

    @property
    def top(self) -> float:
        return self.baseline + self.size

    @property
    def bottom(self) -> float:
        return self.baseline - DESCENT * self.size

    @property
    def bold(self) -> bool:
        return "Bold" in self.font

    @property
    def italic(self) -> bool:
        return "Italic" in self.font


@dataclass(frozen=True)
class Word:
    """A word's box as poppler reports it, in PDF coordinates (y upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    index: int  # 1-based position in the PDF
    width: float
    height: float
    raw: str  # pypdf's text, as extracted (not normalised: NFC is checked on it)
    lines: list[Line]
    words: list[Word]

    @property
    def text(self) -> str:
        return norm(self.raw)

    @property
    def body_text(self) -> str:
        """The text inside the frame, line by line: no page number, no identification."""
        return norm(" ".join(x.text for x in self.body_lines()))

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """left, bottom, right, top of the area body text may use."""
        if self.landscape:
            return WIDE_LEFT, BOTTOM, self.width - WIDE_RIGHT, self.height - TOP
        return LEFT, BOTTOM, self.width - RIGHT, self.height - TOP

    def head_words(self) -> list[Word]:
        """Words wholly in the top margin (the page number's place)."""
        return [w for w in self.words if w.bottom > self.frame[3]]

    def foot_lines(self) -> list[Line]:
        """Lines whose baseline is in the bottom margin (an appendix's identification)."""
        return [x for x in self.lines if x.baseline < self.frame[1]]

    def body_lines(self) -> list[Line]:
        return [x for x in self.lines
                if self.frame[1] <= x.baseline <= self.frame[3]]

    def body_words(self) -> list[Word]:
        return [w for w in self.words if w.bottom <= self.frame[3] and w.top >= self.frame[1]]

    def find_lines(self, text: str) -> list[Line]:
        return [x for x in self.lines if norm(x.text) == norm(text)]

    def line(self, text: str) -> Line:
        found = self.find_lines(text)
        assert len(found) == 1, (text, [x.text for x in self.lines])
        return found[0]

    def phrase(self, text: str) -> list[Word]:
        """The words of one occurrence of ``text`` on the page (poppler's reading order)."""
        hits = find_phrase(self.words, text)
        assert len(hits) == 1, (text, len(hits))
        return hits[0]


def find_phrase(words: list[Word], text: str) -> list[list[Word]]:
    tokens = norm(text).split(" ")
    n = len(tokens)
    return [words[i:i + n] for i in range(len(words) - n + 1)
            if all(nfc(words[i + k].text) == tokens[k] for k in range(n))]


def left(words: list[Word]) -> float:
    return min(w.x0 for w in words)


def right(words: list[Word]) -> float:
    return max(w.x1 for w in words)


def _poppler_words(data: bytes) -> list[list[Word]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        height = float(m[2])
        pages.append([
            Word(html.unescape(t), float(x0), float(x1), height - float(y1),
                 height - float(y0))
            for x0, y0, x1, y1, t in re.findall(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                r'yMax="([-\d.]+)">(.*?)</word>', m[3])
        ])
    return pages


def read_pdf(data: bytes) -> list[Page]:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    boxes = _poppler_words(data)
    assert len(boxes) == len(reader.pages)
    pages = []
    for i, page in enumerate(reader.pages):
        lines: list[Line] = []

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float,
                  lines: list[Line] = lines) -> None:
            if not text.strip() or font is None:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
            lines.append(Line(text.strip(), x, y, float(size), name))

        raw = page.extract_text(visitor_text=visit)
        box = page.mediabox
        pages.append(Page(i + 1, float(box.width), float(box.height), raw, lines, boxes[i]))
    return pages


@functools.cache
def _seed_pdf(path: Path, document: str) -> bytes:
    return pdf.build_pdf(seed(path)["plan"], document)


def seed_pages(path: Path, document: str = "all") -> list[Page]:
    return read_pdf(_seed_pdf(path, document))


def plan_of(path: Path) -> dict[str, Any]:
    return seed(path)["plan"]


def build(plan: dict[str, Any], document: str = "all") -> list[Page]:
    return read_pdf(pdf.build_pdf(plan, document))


def joined(pages: list[Page]) -> str:
    """The body text of ``pages``, a paragraph split across two pages in one piece."""
    return norm(" ".join(p.body_text for p in pages))


# --------------------------------------------------------------------------- parts


def parts(plan: dict[str, Any], pages: list[Page], document: str = "all") -> list[list[Page]]:
    """The pages of each part: the document itself, then each printed appendix.

    An appendix page is recognised by its identification line; the main part is
    what comes before the first one.
    """
    appendices = layout.printed_appendices(plan) if document != "main" else []
    idents = [norm(layout.appendix_identification(plan, a)) for a in appendices]
    owner = []
    for page in pages:
        found = [i for i, ident in enumerate(idents) if page.find_lines(ident)]
        assert len(found) <= 1
        owner.append(found[0] if found else None)
    result: list[list[Page]] = []
    main = [p for p, o in zip(pages, owner, strict=True) if o is None]
    if document != "appendices":
        result.append(main)
    else:
        assert not main, "an appendices-only PDF has only appendix pages"
    for i in range(len(appendices)):
        result.append([p for p, o in zip(pages, owner, strict=True) if o == i])
    # Every part is contiguous and in order.
    flat = [p.index for part in result for p in part]
    assert flat == list(range(1, len(pages) + 1))
    return result


# --------------------------------------------------------------------------- checks


def check_margins(pages: list[Page], plan: dict[str, Any]) -> None:
    """Body text inside the frame; the margins hold the page number and the appendix
    identification line only."""
    idents = {norm(layout.appendix_identification(plan, a))
              for a in layout.printed_appendices(plan)}
    for page in pages:
        x_left, y_bottom, x_right, y_top = page.frame
        where = f"page {page.index}"
        for w in page.body_words():
            assert w.x0 >= x_left - TOL, (where, w)
            assert w.x1 <= x_right + TOL, (where, w)
            assert w.top <= y_top + TOL, (where, w)  # superscripts included
        for line in page.body_lines():
            assert line.top <= y_top + TOL, (where, line)
            assert line.bottom >= y_bottom - TOL, (where, line)
        # The top margin: at most the page number.
        head = page.head_words()
        assert all(re.fullmatch(r"\d+", w.text) for w in head), (where, head)
        assert len(head) <= 1, (where, head)
        # The bottom margin: only an appendix's identification line.
        for line in page.foot_lines():
            assert norm(line.text) in idents, (where, line)
            assert line.bottom >= 5 * MM, (where, line)  # printable on an office printer


def page_numbers(part: list[Page]) -> list[str | None]:
    """The number printed in the top margin of each page of a part (None: none)."""
    out: list[str | None] = []
    for page in part:
        head = page.head_words()
        assert len(head) <= 1, head
        out.append(head[0].text if head else None)
    return out


# --------------------------------------------------------------------------- page size


def test_document_pages_are_a4_portrait(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    pages = seed_pages(seed_file)
    main, *appendices = parts(plan, pages)
    assert main
    for page in main:
        assert page.width == pytest.approx(A4_W, abs=1)
        assert page.height == pytest.approx(A4_H, abs=1)
    for appendix, part in zip(layout.printed_appendices(plan), appendices, strict=True):
        assert part
        wide = layout.wants_landscape(appendix)
        for page in part:
            size = (page.width, page.height)
            expected = (A4_H, A4_W) if wide else (A4_W, A4_H)
            assert size == pytest.approx(expected, abs=1), (appendix["label"], size)


def _with_wide_appendix(how: str) -> dict[str, Any]:
    """Seed 003 (its PHỤ LỤC has 4 columns) made wide by the flag or by 8 columns."""
    plan = plan_of(SEED_003)
    appendix = plan["appendices"][0]
    assert len(appendix["columns"]) == 4 and not appendix["landscape"]
    if how == "flag":
        appendix["landscape"] = True
    else:
        appendix["columns"] = [
            {"source": "label", "header": "STT"},
            {"source": "name", "header": "Nội dung"},
            {"source": "unit", "header": "ĐVT"},
            {"source": "value", "year": 2023, "period": "target", "header": "Kế hoạch 2023"},
            {"source": "value", "year": 2023, "period": "estimate", "header": "Ước TH 2023"},
            {"source": "percent_of_plan", "year": 2023, "period": "estimate",
             "header": "% so KH"},
            {"source": "value", "year": 2024, "period": "target", "header": "Chỉ tiêu 2024"},
            {"source": "note", "header": "Ghi chú"},
        ]
    assert layout.wants_landscape(appendix)
    return plan


def test_narrow_appendix_stays_portrait() -> None:
    plan = plan_of(SEED_003)
    assert not layout.wants_landscape(plan["appendices"][0])
    pages = seed_pages(SEED_003, "appendices")
    assert pages and all(not p.landscape for p in pages)


@pytest.mark.parametrize("how", ["flag", "eight_columns"])
@pytest.mark.parametrize("document", ["all", "appendices"])
def test_wide_appendix_prints_landscape(how: str, document: str) -> None:
    plan = _with_wide_appendix(how)
    pages = build(plan, document)
    found = parts(plan, pages, document)
    if document == "all":
        main, appendix = found
        assert all(not p.landscape for p in main)
        assert (main[0].width, main[0].height) == pytest.approx((A4_W, A4_H), abs=1)
    else:
        (appendix,) = found
    # The first page too: an appendices-only PDF starts on a landscape page.
    for page in appendix:
        assert (page.width, page.height) == pytest.approx((A4_H, A4_W), abs=1)
    check_margins(pages, plan)
    text = joined(appendix)
    for column in plan["appendices"][0]["columns"]:
        assert norm(column["header"]) in text


def test_indicators_without_an_appendix_print_the_default_table() -> None:
    """layout.printed_appendices: indicators but no indicator appendix -> the usual table."""
    plan = plan_of(SEED_003)
    plan["appendices"] = []
    default = layout.default_indicator_appendix(plan)
    for document in ("all", "appendices"):
        pages = read_pdf(export.render(plan, "pdf", document))
        *_, table = parts(plan, pages, document)
        assert table and all(p.landscape for p in table)
        text = joined(table)
        assert norm(default["title"]) in text
        for row in layout.table_rows(plan, default):
            for cell in row.cells:
                assert norm(cell.text) in text, cell.text


# --------------------------------------------------------------------------- margins


def test_text_stays_inside_the_margins(seed_file: Path) -> None:
    check_margins(seed_pages(seed_file), plan_of(seed_file))


def test_body_text_reaches_the_frame() -> None:
    """The margins are the format's, not wider: justified lines end at 15 mm, start at 30 mm."""
    pages = seed_pages(SEED_000, "main")
    for page in pages[:-1]:
        words = page.body_words()
        assert left(words) == pytest.approx(LEFT, abs=TOL)
        assert right(words) == pytest.approx(A4_W - RIGHT, abs=TOL)
    # A page the text fills ends within a line (17 pt) of the bottom margin.
    lowest = [min(x.bottom for x in page.body_lines()) for page in pages]
    assert min(lowest) < BOTTOM + 17


# --------------------------------------------------------------------------- fonts


def test_every_font_is_embedded_liberation_serif(seed_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(_seed_pdf(seed_file, "all"))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    rows = out[2:]
    assert rows
    names = set()
    for row in rows:
        name, rest = row.split(maxsplit=1)
        assert re.search(r"\byes\s+yes\s+yes\b", rest), row  # emb, sub, uni
        assert "TrueType" in rest, row
        family = name.split("+")[-1]
        assert re.fullmatch(r"LiberationSerif(-Bold|-Italic|-BoldItalic)?", family), row
        names.add(family)
    assert "LiberationSerif" in names and "LiberationSerif-Bold" in names
    raw = path.read_bytes()
    for base in BASE14:
        assert f"/{base}".encode() not in raw, base


def _vietnamese_letters() -> str:
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    letters = {nfc(v + t) for v in vowels for t in tones}
    letters |= {x.upper() for x in letters} | {"đ", "Đ"}
    assert len(letters) == 12 * 6 * 2 + 2
    return "".join(sorted(letters))


def test_shipped_fonts_have_every_vietnamese_letter() -> None:
    """Liberation Serif 2, not 1.x (which lacks Ơ, Ư and most toned letters)."""
    pdf.register_fonts()
    letters = _vietnamese_letters()
    for face in ("", "-Bold", "-Italic", "-BoldItalic"):
        font = pdfmetrics.getFont(pdf.FONT + face)
        missing = [c for c in letters if ord(c) not in font.face.charToGlyph]
        assert not missing, (face, missing)
        assert font.face.name.startswith(b"LiberationSerif")


def test_every_vietnamese_letter_extracts_as_printed() -> None:
    plan = plan_of(SEED_003)
    letters = _vietnamese_letters()
    spaced = " ".join(letters)
    plan["sections"][0]["children"][0]["text"] = f"Chữ cái: {spaced}."
    pages = build(plan, "main")
    # As extracted, not normalised: every letter composed, none lost or replaced.
    text = re.sub(r"\s+", " ", " ".join(x.text for p in pages for x in p.body_lines()))
    assert f"Chữ cái: {spaced}." in text


# --------------------------------------------------------------------------- header


HEADERS = {
    SEED_000.name: {
        "body": ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ LỢI"],
        "number": r"Số:\s{4,}/KH-UBND",  # the number left blank to fill by hand
        "date": r"Phường Lê Lợi, ngày\s{4,}tháng\s{4,}năm 2023",
        "type": "KẾ HOẠCH",
        "title": "Phát triển kinh tế - xã hội năm 2024",
    },
    SEED_002.name: {
        "body": ["HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG LÁI THIÊU"],
        "number": r"Số: 34/NQ-HĐND",
        "date": r"Lái Thiêu, ngày 28 tháng 12 năm 2023",
        "type": "NGHỊ QUYẾT",
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2024",
    },
    SEED_003.name: {
        "body": ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ PHÚ"],
        "number": r"Số: 843/KH-UBND",
        "date": r"Mỹ Phú, ngày 29 tháng 11 năm 2023",
        "type": "KẾ HOẠCH",
        "title": "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
    },
}


def _line_matching(page: Page, pattern: str) -> Line:
    found = [x for x in page.lines if re.fullmatch(pattern, nfc(x.text))]
    assert len(found) == 1, (pattern, [x.text for x in page.lines[:12]])
    return found[0]


def _words_of(page: Page, line: Line) -> list[Word]:
    """The poppler words of ``line`` (the occurrence of its words on its baseline)."""
    hits = [h for h in find_phrase(page.words, line.text)
            if abs(h[0].bottom + DESCENT * line.size - line.baseline) < 0.5]
    assert len(hits) == 1, (line, len(hits))
    return hits[0]


def test_header_of_the_first_page(seed_file: Path) -> None:
    expected = HEADERS[seed_file.name]
    page = seed_pages(seed_file)[0]
    body = [page.line(x) for x in expected["body"]]
    number = _line_matching(page, expected["number"])
    national = page.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = page.line("Độc lập - Tự do - Hạnh phúc")
    date = _line_matching(page, expected["date"])
    kind = page.line(expected["type"])
    title = page.line(expected["title"])

    # Top to bottom: each column in order, then the type and the title.
    left_column = [*body, number]
    right_column = [national, motto, date]
    for column in (left_column, right_column):
        baselines = [x.baseline for x in column]
        assert baselines == sorted(baselines, reverse=True), column
    assert min(number.baseline, date.baseline) > kind.baseline > title.baseline
    highest = sorted(page.lines, key=lambda x: -x.baseline)[:2]  # nothing above the header
    assert {x.text for x in highest} == {body[0].text, national.text}
    # The number and the date share a line.
    assert number.baseline == pytest.approx(date.baseline, abs=2)
    # Two columns: every left text ends before any right text starts.
    left_end = max(right(_words_of(page, x)) for x in left_column)
    right_start = min(left(_words_of(page, x)) for x in right_column)
    assert left_end < right_start
    # Type and title are centred on the text area.
    centre = (LEFT + A4_W - RIGHT) / 2
    for line in (kind, title):
        words = _words_of(page, line)
        assert (left(words) + right(words)) / 2 == pytest.approx(centre, abs=2), line

    # Styles and sizes of FORMAT.md.
    for line in body:
        assert line.bold and not line.italic and 12 <= line.size <= 13, line
    assert not number.bold and not number.italic and number.size == 13
    assert national.bold and 12 <= national.size <= 13
    assert motto.bold and 13 <= motto.size <= 14
    assert date.italic and not date.bold and 13 <= date.size <= 14
    for line in (kind, title):
        assert line.bold and 13 <= line.size <= 14, line

    plan = plan_of(seed_file)
    if not plan["number"]:
        # Room to write the number by hand between "Số:" and "/KH-UBND".
        words = _words_of(page, number)
        assert [w.text for w in words] == ["Số:", "/KH-UBND"]
        assert words[1].x0 - words[0].x1 >= 5 * MM
    previous = title.baseline
    for text in plan["heading_lines"]:  # the council's name and session
        line = page.line(text)
        assert line.baseline < previous and line.bold
        previous = line.baseline


# --------------------------------------------------------------------------- page numbers


def _check_numbering(part: list[Page]) -> None:
    assert page_numbers(part) == [None] + [str(n) for n in range(2, len(part) + 1)]
    for page in part[1:]:
        (word,) = page.head_words()
        assert word.cx == pytest.approx(page.width / 2, abs=3)
        assert word.bottom > page.frame[3]  # in the top margin
        (line,) = [x for x in page.lines if x.baseline > page.frame[3]]
        assert 13 <= line.size <= 14 and not line.bold and not line.italic


def test_page_numbers_restart_with_each_part(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    pages = seed_pages(seed_file)
    found = parts(plan, pages)
    assert len(found[0]) >= 2
    for part in found:
        _check_numbering(part)
    assert len(found[0]) == len(seed_pages(seed_file, "main"))


def test_an_appendix_of_two_pages_is_numbered_on_its_own() -> None:
    plan = plan_of(SEED_000)
    pages = seed_pages(SEED_000)
    _, first, second = parts(plan, pages)
    assert len(first) == 1 and len(second) == 2  # Biểu số 02 is long
    assert page_numbers(first) == [None]
    assert page_numbers(second) == [None, "2"]
    # Printed alone, the appendices number the same way.
    alone = parts(plan, seed_pages(SEED_000, "appendices"), "appendices")
    assert [page_numbers(p) for p in alone] == [[None], [None, "2"]]


def test_landscape_appendix_pages_are_numbered_centred() -> None:
    plan = _with_wide_appendix("flag")
    group = plan["indicator_groups"][0]
    # Enough rows for two landscape pages.
    group["indicators"] += [
        {**copy.deepcopy(group["indicators"][0]), "uid": f"extra-{i}",
         "name": f"Chỉ tiêu thêm số {i}", "children": []}
        for i in range(25)
    ]
    pages = build(plan, "appendices")
    (part,) = parts(plan, pages, "appendices")
    assert len(part) >= 2
    _check_numbering(part)
    check_margins(pages, plan)


# --------------------------------------------------------------------------- footnotes


FOOTNOTE_LINE_MAX = 10.5


def _citations(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, the word printed just before the citation), in the order of the text."""
    out = []
    for node in walk(plan["sections"]):
        text = node["text"]
        for m in layout.FOOTNOTE_MARK.finditer(text):
            before = layout.FOOTNOTE_MARK.sub("", text[:m.start()]).split()
            if not before:
                before = [node["label"]]
            out.append((m.group(1), nfc(before[-1])))
    return out


def _footnoted_plan() -> dict[str, Any]:
    """Seed 000 (five pages) with twelve footnotes of different lengths.

    The keys are not in the order of the text and the footnote list is in yet
    another order: the numbers must follow the citations.
    """
    plan = plan_of(SEED_000)
    nodes = [n for n in walk(plan["sections"]) if n["kind"] != "heading"][1::3]
    headings = [n for n in walk(plan["sections"]) if n["kind"] == "heading"]
    nodes.insert(3, headings[4])  # a citation in a heading too
    notes = []
    for i, node in enumerate(nodes):
        key = f"note-{(i * 7) % 13:02d}"
        words = node["text"].split(" ")
        at = [len(words), 5, 12][i % 3]
        at = min(at, len(words))
        words[at - 1] += f"[^{key}]"
        node["text"] = " ".join(words)
        filler = " Số liệu tổng hợp từ báo cáo của các tổ dân phố và các ban, ngành." * (i % 4)
        notes.append({"uid": f"fn-{i}", "key": key,
                      "text": f"Chú thích số {i} của kế hoạch.{filler}"})
    plan["footnotes"] = sorted(notes, key=lambda f: f["text"][::-1])
    return plan


def _cite_at_page_bottoms(plan: dict[str, Any], pages: list[Page], count: int = 2) -> int:
    """Add citations in the last line of body text of some pages; how many were added.

    The line that ends a page is where a footnote's room pushes its citation to
    the next page: the footnote must follow it.
    """
    main = parts(plan, pages)[0]
    added = 0
    for page in main[1:-1]:
        # The last two lines of body text (chunks of one baseline make one line; the
        # smaller superscripts left out), to be found in one place of the text.
        rows: dict[float, list[str]] = {}
        for x in page.body_lines():
            if x.size >= 14:
                rows.setdefault(round(x.baseline, 1), []).append(x.text)
        last_two = [rows[y] for y in sorted(rows)[1::-1]]
        tokens = " ".join(t for row in last_two for t in row).split()
        between = r"(?:\[\^[\w-]+\])*\s+"  # citations already there may separate words
        # After the last word, or the word before it when a citation already follows;
        # a bullet's "-" and a heading's label are not in the text.
        for start, upto in [(s, u) for u in (len(tokens), len(tokens) - 1) for s in (0, 1)]:
            pattern = re.compile(between.join(re.escape(t) for t in tokens[start:upto]))
            nodes = [n for n in walk(plan["sections"])
                     if len(pattern.findall(nfc(n["text"]))) == 1]
            if len(nodes) != 1:
                continue
            text = nfc(nodes[0]["text"])
            end = pattern.search(text).end()
            if text[end:].startswith("[^"):
                continue
            key = f"bottom-{page.index}"
            nodes[0]["text"] = f"{text[:end]}[^{key}]{text[end:]}"
            plan["footnotes"].append({
                "uid": key, "key": key,
                "text": f"Chú thích ở cuối trang {page.index}: trích dẫn ở dòng cuối của trang."})
            added += 1
            break
        if added == count:
            break
    return added


def test_footnotes_sit_at_the_foot_of_the_citing_page() -> None:
    plan = _footnoted_plan()
    assert _cite_at_page_bottoms(plan, build(plan, "main")) == 2
    citations = _citations(plan)
    assert len(citations) == 14
    expected = {key: n for n, (key, _) in enumerate(citations, start=1)}
    assert layout.footnote_numbers(plan) == expected
    assert [f["key"] for f in plan["footnotes"]] != [k for k, _ in citations]
    texts = {f["key"]: f["text"] for f in plan["footnotes"]}

    pages = build(plan)
    main = parts(plan, pages)[0]
    check_margins(pages, plan)
    cited_on: dict[int, int] = {}
    for key, before in citations:
        n = expected[key]
        hits = []
        for page in main:
            # The number right after the word, raised: a superscript on the same line.
            hits += [page.index for a in page.words if a.text == before
                     for b in page.words if b.text == str(n) and abs(b.x0 - a.x1) < 1
                     and 2 < b.bottom - a.bottom < 10]
        assert len(hits) == 1, (key, n, before, hits)
        cited_on[n] = hits[0]

    for page in main:
        notes = [x for x in page.body_lines() if x.size <= FOOTNOTE_LINE_MAX]
        body = [x for x in page.body_lines() if x.size > FOOTNOTE_LINE_MAX]
        numbers = sorted(n for n, p in cited_on.items() if p == page.index)
        if not numbers:
            assert not notes, (page.index, notes)
            continue
        # Below every line of body text of the page.
        assert max(x.top for x in notes) < min(x.bottom for x in body), page.index
        for line in notes:
            if not line.text.isdigit():
                assert 10 <= line.size <= 12, line  # FORMAT: footnotes 10-12 pt
        text = norm(" ".join(x.text for x in notes))
        for n in numbers:
            key = next(k for k, v in expected.items() if v == n)
            assert f"{n} {norm(texts[key])}" in text, (page.index, n)
        # In the order of their numbers, and no other footnote on the page.
        starts = [text.index(f"{n} {norm(texts[k])}") for k, n in expected.items()
                  if n in numbers]
        assert starts == sorted(starts)
        printed = re.findall(r"(?:^| )(\d+) Chú thích", text)
        assert sorted(map(int, printed)) == numbers, (page.index, printed, numbers)


def test_footnotes_do_not_change_the_appendices() -> None:
    plan = _footnoted_plan()
    alone = pdf.build_pdf(plan, "appendices")
    assert alone == _seed_pdf(SEED_000, "appendices")


# --------------------------------------------------------------------------- signature


def test_recipients_and_signature_share_the_last_page(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    main = parts(plan, seed_pages(seed_file))[0]
    page = main[-1]
    authority, signer = layout.signature_lines(plan)
    assert authority and signer
    heading = page.line("Nơi nhận:")
    recipients = [page.line(x) for x in layout.recipient_lines(plan)]
    signs = [page.line(x) for x in authority]
    name = page.line(signer)
    if plan["signature"]["authority"] == "TM.":
        assert [x.text for x in signs] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    else:
        assert [x.text for x in signs] == ["CHỦ TỊCH"]
    # Nowhere else.
    for other in main[:-1]:
        assert not other.find_lines("Nơi nhận:") and not other.find_lines(signer)

    centre = (LEFT + A4_W - RIGHT) / 2
    for line in [heading, *recipients]:
        assert right(_words_of(page, line)) < centre, line
    for line in [*signs, name]:
        words = _words_of(page, line)
        assert left(words) > centre, line
        assert line.bold and 13 <= line.size <= 14, line
    # "Nơi nhận:" level with the authority line; the list under it, in order.
    assert heading.baseline == pytest.approx(signs[0].baseline, abs=3)
    assert heading.bold and heading.italic and heading.size == 12
    baselines = [heading.baseline] + [x.baseline for x in recipients]
    assert baselines == sorted(baselines, reverse=True)
    assert all(x.size == 11 and not x.bold for x in recipients)
    assert recipients[-1].text.endswith(".") and all(
        x.text.endswith(";") for x in recipients[:-1])
    # Room to sign and stamp between the position and the name.
    assert signs[-1].baseline - name.baseline >= 2.5 * 10 * MM
    # The signature follows the closing paragraph.
    closing = norm(plan["closing"][-1])
    text = page.text
    assert closing in text and text.index(closing) < text.index(norm(signer))


# --------------------------------------------------------------------------- appendices


def test_appendix_tables(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    pages = seed_pages(seed_file)
    main, *found = parts(plan, pages)
    appendices = layout.printed_appendices(plan)
    if not appendices:
        assert seed_file == SEED_002
        assert not any(p.foot_lines() for p in pages)
        return
    for appendix, part in zip(appendices, found, strict=True):
        assert part
        ident = layout.appendix_identification(plan, appendix)
        for page in part:
            (line,) = page.find_lines(ident)  # once on every page, in the bottom margin
            assert line.baseline < page.frame[1]
        first = part[0]
        label = first.line(appendix["label"])
        title = norm(appendix["title"].upper())
        caption = norm(layout.appendix_caption(plan, appendix))
        assert label.bold and label.size == 14
        text = first.text
        assert text.startswith(f"{norm(appendix['label'])} {title} {caption}"), text[:300]
        caption_lines = [x for x in first.lines if x.italic and x.text in caption]
        assert caption_lines and all(13 <= x.size <= 14 for x in caption_lines)

        # The header row on every page, above every row of the table.
        headers = [norm(c["header"]) for c in appendix["columns"]]
        for page in part:
            header_lines = [x for x in page.lines if norm(x.text) in headers and x.bold]
            assert {norm(x.text) for x in header_lines} == set(headers), page.index
            top_of_table = min(x.baseline for x in header_lines)
            below = [x for x in page.body_lines() if x.baseline < top_of_table - 1]
            assert below, page.index
            if page is not first:
                above = [x for x in page.body_lines()
                         if x.baseline > max(x.baseline for x in header_lines) + 1]
                assert not above, (page.index, above)

        # Every row, every cell, in order.
        text = joined(part)
        position = 0
        for row in layout.table_rows(plan, appendix):
            for cell in row.cells:
                if not cell.text:
                    continue
                at = text.find(norm(cell.text), position)
                assert at >= 0, (appendix["label"], cell.text)
            name = next(c for c, col in zip(row.cells, appendix["columns"], strict=True)
                        if col["source"] in ("name", "task"))
            position = text.find(norm(name.text), position)
            assert position >= 0, name.text
    assert not any(p.foot_lines() for p in main)


# --------------------------------------------------------------------------- all the words


def _expected_texts(plan: dict[str, Any]) -> list[str]:
    texts = [*plan["legal_bases"], *plan["preamble"], *plan["closing"], *plan["heading_lines"]]
    for node in walk(plan["sections"]):
        text = layout.FOOTNOTE_MARK.sub("", node["text"])
        if node["kind"] == "bullet":
            text = f"- {text}"
        elif node["kind"] == "sub_bullet":
            text = f"+ {text}"
        elif node.get("label"):
            text = f"{node['label']} {text}"
        texts.append(text)
    texts += [r["name"] for r in plan["recipients"]] + layout.recipient_lines(plan)
    texts.append(plan["signature"]["signer"])
    for task in plan["key_tasks"]:
        texts += [task["task"], task["result"]]
    printed: set[tuple[int, str]] = set()
    for appendix in layout.printed_appendices(plan):
        printed |= {(c["year"], c["period"]) for c in appendix["columns"]
                    if c["source"] == "value"}
    for indicator in indicators(plan):
        name = indicator["name"]
        texts.append(f"Trong đó: {name}" if indicator["row_style"] == "breakdown" else name)
        texts += [v["text"] for v in indicator["values"] if (v["year"], v["period"]) in printed]
        if indicator.get("unit"):
            texts.append(indicator["unit"])
    for group in plan["indicator_groups"]:
        texts.append(group["title"])
    return [t for t in texts if t.strip()]


def test_every_word_of_the_document_is_printed(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    text = joined(seed_pages(seed_file))
    missing = [t for t in _expected_texts(plan) if norm(t) not in text]
    assert not missing


def test_main_and_appendices_apart(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    every = seed_pages(seed_file)
    main = seed_pages(seed_file, "main")
    idents = [layout.appendix_identification(plan, a) for a in layout.printed_appendices(plan)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in main[0].text
    assert norm(plan["signature"]["signer"]) in main[-1].text
    for page in main:
        assert not page.foot_lines()
        assert not any(norm(a["title"].upper()) in page.text
                       for a in layout.printed_appendices(plan))
    assert [p.raw for p in main] == [p.raw for p in every[:len(main)]]
    if not idents:
        return
    alone = seed_pages(seed_file, "appendices")
    assert len(main) + len(alone) == len(every)
    assert [p.raw for p in alone] == [p.raw for p in every[len(main):]]
    for page in alone:
        assert any(page.find_lines(i) for i in idents)
        assert "CỘNG HÒA" not in page.text
        assert norm(plan["signature"]["signer"]) not in page.text
    assert alone[0].text.startswith(norm(layout.printed_appendices(plan)[0]["label"]))


def test_markup_characters_print_as_written() -> None:
    """"&", "<" and ">" in any text are words, not reportlab markup."""
    plan = plan_of(SEED_003)
    odd = "A & B <b>đậm</b> <i> 1<2 &amp; x>y"
    plan["title"] += f" {odd}"
    plan["heading_lines"] = [odd]
    plan["legal_bases"][0] += f" {odd}"
    plan["preamble"][0] += f" {odd}"
    plan["sections"][0]["text"] += f" {odd}"
    plan["closing"][0] += f" {odd}"
    plan["recipients"][0]["name"] = odd
    plan["footnotes"] = [{"uid": "fn", "key": "odd", "text": odd}]
    plan["sections"][1]["text"] += "[^odd]"
    plan["indicator_groups"][0]["indicators"][0]["name"] += f" {odd}"
    plan["appendices"][0]["columns"][1]["header"] += f" {odd}"
    plan["signature"]["signer"] += " <Nam>"
    text = joined(build(plan))
    assert text.count(norm(odd)) == 10  # every place it was put
    assert "Nguyễn Văn Kiền <Nam>" in text


# --------------------------------------------------------------------------- NFC


def _decomposed(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _decomposed(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_decomposed(v) for v in obj]
    if isinstance(obj, str):
        return unicodedata.normalize("NFD", obj)
    return obj


def _no_combining_marks(pages: list[Page]) -> None:
    for page in pages:
        assert not [c for c in page.raw if unicodedata.combining(c)], page.index
        assert not [w for w in page.words if any(unicodedata.combining(c) for c in w.text)]


def test_decomposed_title_prints_as_nfc() -> None:
    plan = plan_of(SEED_003)
    title = plan["title"]
    plan["title"] = unicodedata.normalize("NFD", title)
    assert plan["title"] != title
    data = pdf.build_pdf(plan)
    pages = read_pdf(data)
    line = pages[0].line(title)
    assert line.text == title and line.bold  # composed as extracted, not only once normalised
    assert " ".join(w.text for w in pages[0].phrase(title)) == title  # poppler reads it so too
    _no_combining_marks(pages)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None and meta.title == f"KẾ HOẠCH {title}"


@pytest.mark.parametrize("path", [
    SEED_002,
    SEED_003,
], ids=["002", "003"])
def test_decomposed_plan_prints_as_the_composed_one(path: Path) -> None:
    plan = plan_of(path)
    pages = build(_decomposed(plan))
    _no_combining_marks(pages)
    assert [p.raw for p in pages] == [p.raw for p in seed_pages(path)]


# --------------------------------------------------------------------------- bad input


def _incomplete(*parts_missing: str) -> dict[str, Any]:
    plan = plan_of(SEED_003)
    for part in parts_missing:
        if part == "signer":
            plan["signature"]["signer"] = ""
        elif part == "title":
            plan["title"] = ""
        elif part == "issuing_body":
            plan["issuing_body"] = ["", "  "]
    return plan


@pytest.mark.parametrize("missing", [
    ("signer",), ("title",), ("issuing_body",), ("title", "issuing_body", "signer"),
])
def test_incomplete_document_is_refused_naming_each_missing_part(missing: tuple[str, ...]
                                                                 ) -> None:
    plan = _incomplete(*missing)
    for document in ("all", "main", "appendices"):
        with pytest.raises(layout.DocumentIncomplete) as err:
            export.render(plan, "pdf", document)
        named = [e.template for e in err.value.params["missing"]]
        order = list(layout.PART_NAMES)
        assert named == [layout.PART_NAMES[k] for k in sorted(missing, key=order.index)]
        message = err.value.render()
        assert message.startswith("The document cannot be printed yet")
        for part in missing:
            assert layout.PART_NAMES[part] in message


def test_export_into_a_missing_folder_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "plan.pdf"
    with pytest.raises(InputError) as err:
        export.export_to_file(plan_of(SEED_003), "pdf", "all", target)
    assert str(target) in err.value.render()
    assert not target.parent.exists()
    assert {p.name for p in tmp_path.iterdir()} <= {"data"}


def test_failed_export_leaves_the_previous_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.pdf"
    export.export_to_file(plan_of(SEED_003), "pdf", "all", target)
    before = target.read_bytes()
    assert before == _seed_pdf(SEED_003, "all")

    with pytest.raises(layout.DocumentIncomplete):
        export.export_to_file(_incomplete("signer"), "pdf", "all", target)
    assert target.read_bytes() == before

    def broken(plan: dict[str, Any], document: str = "all") -> bytes:
        raise RuntimeError("the renderer failed half-way")

    monkeypatch.setattr(pdf, "build_pdf", broken)
    with pytest.raises(RuntimeError):
        export.export_to_file(plan_of(SEED_000), "pdf", "all", target)
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]  # no temporary file left


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARDPLAN_LANG": "vi", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "wardplan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_cli_exports_a_pdf(tmp_path: Path, data_dir: Path) -> None:
    assert _cli("import", str(SEED_003), data_dir=data_dir).returncode == 0
    out = tmp_path / "kế hoạch.pdf"
    r = _cli("export", "pdf", "--unit", "P-MYPHU", "--year", "2024", "-o", str(out),
             data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    data = out.read_bytes()
    pages = read_pdf(data)
    assert "Số: 843/KH-UBND" in pages[0].text
    assert norm("Nguyễn Văn Kiền") in joined(pages)
    # The same bytes as in this process, with this installation's seal on the
    # appendices: nothing depends on the time or the process.
    from wardplan_desktop.core.sync import exchange
    from wardplan_desktop.core.sync.keys import load_identity

    seal = exchange.seal_of(seed(SEED_003), load_identity(data_dir))
    assert data == export.render(plan_of(SEED_003), "pdf", "all", seal)

    missing = tmp_path / "không có" / "plan.pdf"
    r = _cli("export", "pdf", "--unit", "P-MYPHU", "--year", "2024", "-o", str(missing),
             data_dir=data_dir)
    assert r.returncode == 1
    assert "Không ghi được tệp" in r.stderr and "không tồn tại" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert not missing.parent.exists()


# --------------------------------------------------------------------------- determinism


def test_the_same_plan_gives_the_same_bytes(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    first = pdf.build_pdf(plan)
    assert pdf.build_pdf(copy.deepcopy(plan)) == first
    assert pdf.build_pdf(plan_of(seed_file)) == first
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20000101")  # invariant


def _last_body_line_fonts(data: bytes) -> list[tuple[str, str]]:
    """For each page, the text and font of its lowest line above the footnotes."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines: list[tuple[float, str, str]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float,
                  lines: list[tuple[float, str, str]] = lines) -> None:
            if text.strip() and size >= 13:  # body text, not footnotes or page furniture
                name = str(font.get("/BaseFont", "")) if font else ""
                lines.append((tm[5] * cm[3] + cm[5], text.strip(), name))

        page.extract_text(visitor_text=visit)
        if lines:
            y, text, font = min(lines, key=lambda line: line[0])
            out.append((text, font))
    return out


@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["000", "003"])
def test_no_page_ends_with_a_heading(path: Path) -> None:
    data = pdf.build_pdf(plan_of(path), "main")
    for text, font in _last_body_line_fonts(data)[:-1]:
        assert "Bold" not in font or text.startswith(("TM.", "CHỦ TỊCH")), text


def test_footnotes_taller_than_a_page_are_refused_with_a_message() -> None:
    from wardplan_desktop.core.errors import InputError

    plan = plan_of(SEED_003)
    plan["sections"][0]["children"][0]["text"] += "".join(f"[^f{i}]" for i in range(40))
    plan["footnotes"] = [{"key": f"f{i}", "text": "Chú thích rất dài " * 30}
                         for i in range(40)]
    with pytest.raises(InputError) as info:
        pdf.build_pdf(plan)
    assert info.value.template == pdf.MSG_TOO_TALL


def test_a_part_heading_prints_on_its_own_line_above_its_title() -> None:
    plan = plan_of(SEED_003)
    plan["sections"].insert(0, {"kind": "heading", "label": "Phần thứ nhất",
                                "text": "Đánh giá tình hình năm 2023", "part": "assessment",
                                "field": None, "role": "", "emphasis": "none",
                                "children": []})
    text = PdfReader(io.BytesIO(pdf.build_pdf(plan, "main"))).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    i = lines.index("Phần thứ nhất")
    assert lines[i + 1] == "ĐÁNH GIÁ TÌNH HÌNH NĂM 2023"


def test_a_footnote_on_the_last_page_before_a_wide_appendix() -> None:
    """The main text's last page cites a footnote and the first appendix is landscape:
    the footnote stays at the foot of that page, the appendix starts on a wide page."""
    plan = _with_wide_appendix("flag")
    last = [n for n in walk(plan["sections"]) if n["kind"] != "heading"][-1]
    last["text"] += "[^last]"
    plan["footnotes"] = [{"uid": "fn-last", "key": "last",
                          "text": "Chú thích ở trang cuối của phần chính."}]
    pages = build(plan, "all")
    main, appendix = parts(plan, pages, "all")
    assert "Chú thích ở trang cuối" in joined(main[-1:])
    assert "Chú thích ở trang cuối" not in joined(appendix)
    assert all(p.landscape for p in appendix) and not main[-1].landscape
