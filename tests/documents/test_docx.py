"""The Word writer: real Word structure, read back with python-docx, and rendered by LibreOffice.

The structure tests read the file as Word would (styles, tables, sections, the
numbering and footnotes parts); the LibreOffice tests convert it to PDF and look
for every word of the seed in the printed text, as a clerk would check a printout.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from support import SEED_000, SEED_002, SEED_003, seed, walk
from wardplan_desktop.core.documents import layout
from wardplan_desktop.core.documents.docx_writer import build_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTE = re.compile(r"\[\^[A-Za-z0-9_-]+\]")
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


# --------------------------------------------------------------------------- helpers


def mm(length: int | None) -> float:
    """A length in millimetres, to a tenth (Word stores twentieths of a point)."""
    return round((length or 0) / 36000, 1)


def plan_of(path: Path) -> dict[str, Any]:
    return seed(path)["plan"]


def read(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def build(plan: dict[str, Any], document: str = "all") -> DocxDocument:
    return read(build_docx(plan, document))


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def body_paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """The paragraphs of the body outside tables, in order."""
    return [item for item in doc.iter_inner_content() if isinstance(item, Paragraph)]


def body_tables(doc: DocxDocument) -> list[Table]:
    return [item for item in doc.iter_inner_content() if isinstance(item, Table)]


def cell_texts(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs]


def section_text(node: dict[str, Any]) -> str:
    """What a section node prints (footnote marks become footnotes, not text)."""
    text = FOOTNOTE.sub("", node["text"])
    if node["label"] and node["kind"] not in ("bullet", "sub_bullet"):
        return f"{node['label']} {text}"
    return text


def expected_main_texts(plan: dict[str, Any]) -> list[str]:
    """Every paragraph of the document body (outside tables), in print order."""
    texts = [layout.type_label(plan), plan["title"], *plan["heading_lines"],
             *plan["legal_bases"], *plan["preamble"]]
    texts += [section_text(node) for _, node in layout.walk_with_depth(plan["sections"])]
    texts += plan["closing"]
    return texts


def is_subsequence(expected: list[str], actual: list[str]) -> bool:
    it = iter(actual)
    return all(any(e == a for a in it) for e in expected)


def num_pr(paragraph: Paragraph) -> tuple[int, int] | None:
    pr = paragraph._p.pPr
    numpr = pr.find(qn("w:numPr")) if pr is not None else None
    if numpr is None:
        return None
    return (int(numpr.find(qn("w:ilvl")).get(qn("w:val"))),
            int(numpr.find(qn("w:numId")).get(qn("w:val"))))


def bottom_border(paragraph: Paragraph) -> bool:
    """The paragraph draws a rule: a bottom border, from its style or its own properties."""
    for pr in (paragraph._p.pPr, paragraph.style.element.pPr):
        if pr is not None and pr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None:
            return True
    return False


def rule_width(paragraph: Paragraph, available: int) -> int:
    pf = paragraph.paragraph_format
    return available - (pf.left_indent or 0) - (pf.right_indent or 0)


def footnotes_part(doc: DocxDocument) -> Any:
    parts = [rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FOOTNOTES]
    assert len(parts) == 1
    return parts[0]


def effective(paragraph: Paragraph, attr: str) -> Any:
    """A paragraph-format value, from the paragraph or its style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attr)
        style = style.base_style
    return value


def with_footnotes() -> dict[str, Any]:
    """Seed 003 with two footnotes, the second key cited first."""
    plan = plan_of(SEED_003)
    nodes = list(walk(plan["sections"]))
    first = next(n for n in nodes if n["kind"] == "paragraph")
    later = [n for n in nodes if n["kind"] == "bullet"][-1]
    first["text"] += "[^k2]"
    later["text"] = later["text"][:20] + "[^k1]" + later["text"][20:]
    plan["footnotes"] = [
        {"key": "k1", "text": "Theo Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế."},
        {"key": "k2", "text": "Số liệu ước thực hiện đến ngày 31/12/2023."},
    ]
    return plan


WIDE_COLUMNS = [
    {"source": "label", "header": "STT"},
    {"source": "name", "header": "Chỉ tiêu"},
    {"source": "unit", "header": "ĐVT"},
    {"source": "value", "year": 2024, "period": "target", "header": "Kế hoạch 2024"},
    {"source": "value", "year": 2024, "period": "estimate", "header": "Ước TH 2024"},
    {"source": "percent_of_plan", "year": 2024, "period": "estimate", "header": "% so KH"},
    {"source": "status", "year": 2024, "period": "estimate", "header": "Đánh giá"},
    {"source": "note", "header": "Ghi chú"},
]


def with_wide_appendix() -> dict[str, Any]:
    """Seed 003 with an eight-column appendix and an estimate to compare with the plan."""
    plan = with_footnotes()
    budget = plan["indicator_groups"][0]["indicators"][0]
    budget["values"].append({"year": 2024, "period": "estimate", "text": "10.447.000.000đ",
                             "kind": "number", "value": "10447000000", "unit": "đ"})
    wide = copy.deepcopy(plan["appendices"][0])
    wide.update(label="Biểu số 02", title="Kết quả thực hiện chỉ tiêu năm 2024", caption="",
                landscape=False, columns=WIDE_COLUMNS)
    del wide["uid"]
    plan["appendices"].append(wide)
    return plan


# --------------------------------------------------------------------------- page and styles


def test_page_is_a4_portrait_with_the_official_margins(seed_file: Path) -> None:
    doc = build(plan_of(seed_file))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)


def test_normal_style_is_times_new_roman_14_black_for_every_script() -> None:
    doc = build(plan_of(SEED_003))
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(qn(f"w:{attr}")) == "Times New Roman"
    assert not [k for k in fonts.attrib if k.endswith("Theme")]
    assert normal.font.size == Pt(14)
    assert str(normal.font.color.rgb) == "000000"
    # No theme font left in the document defaults either (Word would fall back to Calibri).
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert not [k for k in default_fonts.attrib if k.endswith("Theme")]
    assert default_fonts.get(qn("w:ascii")) == "Times New Roman"


def test_headings_and_body_styles_are_restyled() -> None:
    doc = build(plan_of(SEED_003))
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        rpr = style.element.rPr
        assert style.font.bold is True
        assert style.font.size == Pt(14)
        assert rpr.find(qn("w:color")) is None  # black from Normal, no theme colour
        assert rpr.find(qn("w:rFonts")) is None  # Times New Roman from Normal
        assert style.paragraph_format.keep_with_next is True
    body = doc.styles["Body Text"].paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert mm(body.first_line_indent) == 10
    assert body.space_after == Pt(6)
    assert body.line_spacing == pytest.approx(1.15, abs=0.01)
    assert doc.styles["Legal Basis"].font.italic is True
    assert doc.styles["footnote text"].font.size == Pt(10)


# --------------------------------------------------------------------------- header


def test_header_is_a_borderless_two_column_table(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    doc = build(plan)
    first = body_tables(doc)[0]
    # Only a hairline paragraph may come before it.
    before = []
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            break
        before.append(item.text)
    assert before in ([], [""])
    table = first
    assert len(table.columns) == 2 and len(table.rows) == 2
    widths = [c.width for c in table.columns]
    assert abs(widths[0] - Cm(6.75)) < Cm(0.05)
    assert abs(widths[1] - Cm(9.75)) < Cm(0.05)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} <= {"nil", "none"}

    left, right = table.rows[0].cells
    issuing = [line.upper() for line in plan["issuing_body"] if line.strip()]
    left_texts = cell_texts(left)
    parent = [plan["parent_body"].upper()] if plan["parent_body"] else []
    assert left_texts == [*parent, *issuing, ""]
    assert [p.style.name for p in left.paragraphs[len(parent):-1]] == ["Issuing Body"] * len(
        issuing)
    assert doc.styles["Issuing Body"].font.bold is True
    assert doc.styles["Issuing Body"].font.size == Pt(13)
    assert cell_texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Độc lập - Tự do - Hạnh phúc", ""]
    # Number and date share the second row.
    number, date = table.rows[1].cells
    assert cell_texts(number) == [layout.number_line(plan)]
    assert cell_texts(date) == [layout.nfc(layout.date_line(plan))]
    assert doc.styles["Place and Date"].font.italic is True
    assert doc.styles["Document Number"].font.size == Pt(13)


def test_header_rules_have_official_lengths() -> None:
    doc = build(plan_of(SEED_003))
    table = body_tables(doc)[0]
    left, right = table.rows[0].cells
    issuing_rule, motto_rule = left.paragraphs[-1], right.paragraphs[-1]
    assert bottom_border(issuing_rule) and bottom_border(motto_rule)
    # Issuing body: a third to a half of "ỦY BAN NHÂN DÂN" (about 4.3 cm at 13 pt bold).
    width = rule_width(issuing_rule, Cm(6.75))
    assert Cm(4.3) / 3 <= width <= Cm(4.3) / 2
    # Motto: as long as the text (about 5.6 cm at 13 pt bold).
    assert Cm(5) <= rule_width(motto_rule, Cm(9.75)) <= Cm(6.2)


def test_type_title_and_rule_follow_the_header(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    paragraphs = [p for p in body_paragraphs(build(plan)) if p.text or bottom_border(p)]
    kind, title, rule = paragraphs[:3]
    assert (kind.text, kind.style.name) == (layout.type_label(plan), "Document Type")
    assert (title.text, title.style.name) == (plan["title"], "Title")
    for p in (kind, title):
        assert p.style.font.bold is True
        assert effective(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert rule.text == "" and bottom_border(rule)
    assert Cm(1.5) <= rule_width(rule, Cm(16.5)) <= Cm(8.25)
    lines = paragraphs[3:3 + len(plan["heading_lines"])]
    assert [p.text for p in lines] == plan["heading_lines"]
    assert all(p.style.name == "Heading Line" for p in lines)


# --------------------------------------------------------------------------- body


def test_every_paragraph_of_the_seed_is_printed_in_order(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    texts = [p.text for p in body_paragraphs(build(plan, "main"))]
    expected = [layout.nfc(t) for t in expected_main_texts(plan)]
    assert is_subsequence(expected, texts), [t for t in expected if t not in texts][:3]


def test_sections_use_heading_body_and_list_styles(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    doc = build(plan, "main")
    by_text = {p.text: p for p in body_paragraphs(doc)}
    numbering = doc.part.numbering_part.element
    for depth, node in layout.walk_with_depth(plan["sections"]):
        p = by_text[section_text(node)]
        if node["kind"] == "heading":
            assert p.style.name == f"Heading {min(depth, 3) + 1}"
            centred = layout.heading_centred(node)
            assert (p.alignment == WD_ALIGN_PARAGRAPH.CENTER) == centred
        elif node["kind"] in ("bullet", "sub_bullet"):
            level = 0 if node["kind"] == "bullet" else 1
            assert p.style.name == ("List Bullet", "List Bullet 2")[level]
            ilvl, num_id = num_pr(p)
            assert ilvl == level
            num = next(n for n in numbering.findall(qn("w:num"))
                       if n.get(qn("w:numId")) == str(num_id))
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                            if a.get(qn("w:abstractNumId")) == abstract_id)
            lvl = next(lv for lv in abstract.findall(qn("w:lvl"))
                       if lv.get(qn("w:ilvl")) == str(level))
            assert lvl.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
            assert lvl.find(qn("w:lvlText")).get(qn("w:val")) == "-+"[level]
            assert not p.text.startswith(("-", "+"))  # the list draws the mark
        else:
            assert p.style.name == "Body Text"


def test_list_styles_carry_the_dash_numbering() -> None:
    doc = build(plan_of(SEED_002))
    for name, level in (("List Bullet", 0), ("List Bullet 2", 1)):
        numpr = doc.styles[name].element.pPr.find(qn("w:numPr"))
        assert numpr.find(qn("w:ilvl")).get(qn("w:val")) == str(level)


def test_labels_and_emphasis() -> None:
    plan = plan_of(SEED_002)
    doc = build(plan, "main")
    article = next(p for p in body_paragraphs(doc) if p.text.startswith("Điều 1."))
    assert article.runs[0].text == "Điều 1. " and article.runs[0].bold is True
    assert article.style.name == "Body Text"
    assert not any(r.bold for r in article.runs[1:])
    bold_node = next(n for n in walk(plan["sections"]) if n["emphasis"] == "bold")
    bold = next(p for p in body_paragraphs(doc) if p.text == bold_node["text"])
    assert all(r.bold for r in bold.runs)
    basis = next(p for p in body_paragraphs(doc) if p.text == plan["legal_bases"][0])
    assert basis.style.name == "Legal Basis"


def test_text_is_normalised_to_nfc() -> None:
    plan = plan_of(SEED_003)
    plan["title"] = unicodedata.normalize("NFD", plan["title"])
    plan["sections"][0]["text"] = unicodedata.normalize("NFD", plan["sections"][0]["text"])
    data = build_docx(plan)
    doc = read(data)
    for p in body_paragraphs(doc):
        assert p.text == unicodedata.normalize("NFC", p.text)
    assert any(p.text == unicodedata.normalize("NFC", plan["title"]) for p in doc.paragraphs)


# --------------------------------------------------------------------------- closing


def test_recipients_and_signature_side_by_side(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    doc = build(plan, "main")
    table = body_tables(doc)[-1]
    assert len(table.rows) == 1 and len(table.columns) == 2
    row = table.rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = row.cells
    assert cell_texts(left) == ["Nơi nhận:", *layout.recipient_lines(plan)]
    heading = left.paragraphs[0]
    assert heading.style.font.bold and heading.style.font.italic
    assert heading.style.font.size == Pt(12)
    assert left.paragraphs[1].style.font.size == Pt(11)
    authority, signer = layout.signature_lines(plan)
    assert cell_texts(right) == [*authority, signer]
    for p in right.paragraphs:
        assert p.style.font.bold is True and p.style.font.size == Pt(14)
        assert effective(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert right.paragraphs[-1].paragraph_format.space_before >= Cm(2.5)
    closing = next(p for p in body_paragraphs(doc) if p.text == plan["closing"][-1])
    assert closing.paragraph_format.keep_with_next is True


# --------------------------------------------------------------------------- pages


def field_codes(part_element: Any) -> list[str]:
    return [t.text.strip() for t in part_element.iter(qn("w:instrText"))]


def test_page_numbers_from_the_second_page(seed_file: Path) -> None:
    doc = build(plan_of(seed_file))
    for section in doc.sections:
        assert section.different_first_page_header_footer is True
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert field_codes(section.header._element) == ["PAGE"]
        assert field_codes(section.first_page_header._element) == []
        number = section.header.paragraphs[0]
        assert number.style.font.size == Pt(13)
        assert effective(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_each_appendix_is_a_section_of_its_own(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    doc = build(plan)
    appendices = plan["appendices"]
    assert len(doc.sections) == 1 + len(appendices)
    for section, appendix in zip(doc.sections[1:], appendices, strict=True):
        ident = layout.nfc(layout.appendix_identification(plan, appendix))
        assert section.header.is_linked_to_previous is False
        assert ident in [p.text for p in section.header.paragraphs]
        assert ident in [p.text for p in section.first_page_header.paragraphs]
    texts = [p.text for p in body_paragraphs(doc)]
    for appendix in appendices:
        expected = [appendix["label"], appendix["title"].upper(),
                    layout.appendix_caption(plan, appendix)]
        assert is_subsequence([layout.nfc(t) for t in expected if t], texts)


def test_appendix_tables_hold_every_row_and_computed_value(seed_file: Path) -> None:
    plan = plan_of(seed_file)
    doc = build(plan, "appendices")
    tables = body_tables(doc)
    assert len(tables) == len(plan["appendices"])
    for table, appendix in zip(tables, plan["appendices"], strict=True):
        rows = layout.table_rows(plan, appendix)
        header = table.rows[0]
        assert [c.text for c in header.cells] == [c["header"] for c in appendix["columns"]]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert len(table.rows) == len(rows) + 1
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"single"}
        for tr in table.rows:
            assert tr._tr.trPr.find(qn("w:cantSplit")) is not None
        for tr, row in zip(table.rows[1:], rows, strict=True):
            assert [c.text for c in tr.cells] == [layout.nfc(c.text) for c in row.cells]
            for cell, data in zip(tr.cells, row.cells, strict=True):
                p = cell.paragraphs[0]
                if data.numeric and data.text:
                    assert p.alignment == WD_ALIGN_PARAGRAPH.RIGHT
                for run in p.runs:
                    assert bool(run.bold) == row.bold
                    assert bool(run.italic) == row.italic
    assert any(r.italic for a in plan["appendices"] for r in layout.table_rows(plan, a)) == (
        seed_file == SEED_000)


def test_wide_appendix_is_landscape_with_computed_columns() -> None:
    plan = with_wide_appendix()
    doc = build(plan)
    wide = doc.sections[-1]
    assert wide.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(wide.page_width), mm(wide.page_height)) == (297, 210)
    # Bound along the top: the wide margin is there; none is below 20 mm.
    assert (mm(wide.top_margin), mm(wide.bottom_margin)) == (30, 20)
    assert (mm(wide.left_margin), mm(wide.right_margin)) == (20, 20)
    assert doc.sections[-2].orientation == WD_ORIENT.PORTRAIT
    table = body_tables(doc)[-1]
    assert len(table.columns) == 8
    total = sum(c.width for c in table.columns)
    assert abs(total - (wide.page_width - wide.left_margin - wide.right_margin)) < Mm(1)
    rows = layout.table_rows(plan, plan["appendices"][-1])
    budget = next(i for i, r in enumerate(rows) if r.cells[1].text == "Thu ngân sách")
    percent, status = rows[budget].cells[5].text, rows[budget].cells[6].text
    assert percent and status
    cells = table.rows[budget + 1].cells
    assert (cells[5].text, cells[6].text) == (percent, status)
    assert cells[4].text == "10.447.000.000đ"


# --------------------------------------------------------------------------- footnotes


def test_footnotes_are_real_word_footnotes_numbered_through_the_document() -> None:
    plan = with_footnotes()
    data = build_docx(plan)
    doc = read(data)
    part = footnotes_part(doc)
    assert part.content_type == CT.WML_FOOTNOTES
    assert str(part.partname) == "/word/footnotes.xml"
    notes = parse_xml(part.blob)
    kinds = [(n.get(f"{W}type"), n.get(f"{W}id")) for n in notes.findall(f"{W}footnote")]
    assert kinds[:2] == [("separator", "-1"), ("continuationSeparator", "0")]
    texts = {n.get(f"{W}id"): "".join(t.text for t in n.iter(f"{W}t")).strip()
             for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None}
    refs = [r.get(qn("w:id")) for r in doc.element.body.iter(qn("w:footnoteReference"))]
    assert sorted(refs) == sorted(texts) and len(refs) == 2
    numbers = layout.footnote_numbers(plan)
    by_key = {f["key"]: f["text"] for f in plan["footnotes"]}
    in_order = [by_key[k] for k in sorted(numbers, key=numbers.get)]
    assert [texts[r] for r in refs] == in_order  # Word numbers them in this order
    assert in_order[0].startswith("Số liệu")  # k2 is cited first
    for note in notes.findall(f"{W}footnote"):
        if note.get(f"{W}type") is None:
            assert note.find(f".//{W}footnoteRef") is not None
            assert note.find(f".//{W}pStyle").get(f"{W}val") == "FootnoteText"
    ref_run = next(doc.element.body.iter(qn("w:footnoteReference"))).getparent()
    assert ref_run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    assert doc.settings.element.find(qn("w:footnotePr")) is not None
    # The citing paragraphs keep their words on both sides of the mark.
    cited = next(n for n in walk(plan["sections"]) if "[^k1]" in n["text"])
    assert section_text(cited) in [p.text for p in body_paragraphs(doc)]


def test_no_footnotes_part_without_footnotes() -> None:
    doc = build(plan_of(SEED_003))
    assert not [r for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES]


# --------------------------------------------------------------------------- documents


def test_main_appendices_and_all() -> None:
    plan = plan_of(SEED_000)
    main, appendices, both = (build(plan, d) for d in ("main", "appendices", "all"))
    assert len(main.sections) == 1
    assert len(appendices.sections) == len(plan["appendices"]) == 2
    assert len(both.sections) == 3
    main_texts = [p.text for p in main.paragraphs]
    app_texts = [p.text for p in appendices.paragraphs]
    assert "Nơi nhận:" not in app_texts and plan["title"] in main_texts
    assert not any(a["title"].upper() in main_texts for a in plan["appendices"])
    assert all(a["title"].upper() in app_texts for a in plan["appendices"])
    assert all(t in appendices.sections[0].header.paragraphs[-1].text
               for t in ("Biểu số 01", "năm 2024"))
    with pytest.raises(ValueError):
        build_docx(plan, "everything")


def test_appendices_of_a_plan_without_any_is_an_empty_document() -> None:
    doc = build(plan_of(SEED_002), "appendices")  # a resolution with no indicators
    assert len(doc.sections) == 1 and not body_tables(doc)
    assert all(not p.text for p in doc.paragraphs)


def test_a_plan_with_indicators_but_no_appendix_prints_the_default_table() -> None:
    plan = plan_of(SEED_003)
    plan["appendices"] = []
    doc = build(plan, "appendices")
    [table] = body_tables(doc)
    text = " ".join(cell.text for row in table.rows for cell in row.cells)
    assert "Thu ngân sách" in text and "9.949.000.000đ" in text


def test_core_properties_name_the_document() -> None:
    plan = plan_of(SEED_003)
    props = build(plan).core_properties
    assert props.title == f"KẾ HOẠCH {plan['title']}"
    assert props.language == "vi-VN"
    assert "843/KH-UBND" in props.subject


# --------------------------------------------------------------------------- LibreOffice


def convert_to_pdf(data: bytes, work: Path) -> Path:
    """The document as LibreOffice prints it (its own profile, so runs never clash)."""
    work.mkdir(parents=True, exist_ok=True)
    source = work / "document.docx"
    source.write_bytes(data)
    # Times New Roman is a Windows font: let LibreOffice find the metric-compatible
    # Liberation Serif 2 the program ships (it substitutes it by name).
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{work / 'fontcache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    out = work / "pdf"
    result = subprocess.run(
        [shutil.which("soffice") or "soffice",
         f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
         "--headless", "--convert-to", "pdf", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    pdf = out / "document.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.is_file(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in the order LibreOffice drew it."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [subprocess.run(["pdftotext", "-raw", "-f", str(i), "-l", str(i), str(pdf), "-"],
                           capture_output=True, text=True, check=True, timeout=60).stdout
            for i in range(1, count + 1)]


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return [(float(w), float(h))
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def running_text(pages: list[str], running: list[str]) -> str:
    """All pages as one text, without the page headers (numbers and identification)."""
    out = []
    for page in pages:
        lines = page.splitlines()
        while lines and (not norm(lines[0]) or re.fullmatch(r"\d+", norm(lines[0]))
                         or norm(lines[0]) in running):
            lines.pop(0)
        out.append("\n".join(lines))
    return norm("\n".join(out))


def test_libreoffice_prints_the_whole_seed(seed_file: Path, tmp_path: Path) -> None:
    plan = plan_of(seed_file)
    pdf = convert_to_pdf(build_docx(plan), tmp_path)
    pages = pdf_pages(pdf)
    idents = [norm(layout.appendix_identification(plan, a)) for a in plan["appendices"]]
    text = running_text(pages, idents)
    expected = [layout.number_line(plan), layout.date_line(plan),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                *plan["issuing_body"], *expected_main_texts(plan),
                *layout.recipient_lines(plan), *layout.signature_lines(plan)[0],
                layout.signature_lines(plan)[1]]
    for appendix in plan["appendices"]:
        expected += [appendix["title"].upper(), layout.appendix_caption(plan, appendix)]
        expected += [c["header"] for c in appendix["columns"]]
        for row in layout.table_rows(plan, appendix):
            expected += [c.text for c in row.cells if c.text]
    missing = [e for e in expected if norm(e) not in text]
    assert missing == []
    # No number on the first page; numbered from the second.
    assert not re.match(r"\s*\d+\s*\n", pages[0])
    if len(pages) > 1:
        assert norm(pages[1].splitlines()[0]) == "2"
    # Every appendix page says which document it belongs to.
    for appendix, ident in zip(plan["appendices"], idents, strict=True):
        own = [p for p in pages if ident in norm(p)]
        assert own and norm(appendix["title"].upper()) in norm(own[0])
    assert all(size == pytest.approx((595.3, 841.9), abs=1) for size in page_sizes(pdf))


def test_libreoffice_keeps_footnotes_and_landscape_pages(tmp_path: Path) -> None:
    plan = with_wide_appendix()
    pdf = convert_to_pdf(build_docx(plan), tmp_path)
    pages = [norm(p) for p in pdf_pages(pdf)]
    cited = next(n for n in walk(plan["sections"]) if "[^k2]" in n["text"])
    words = FOOTNOTE.sub("", cited["text"]).split()
    # Each footnote sits at the foot of the page that cites it.
    for key, marker in (("k2", " ".join(words[-4:])), ("k1", None)):
        note = next(f["text"] for f in plan["footnotes"] if f["key"] == key)
        holders = [p for p in pages if norm(note) in p]
        assert len(holders) == 1
        if marker:
            assert norm(marker) in holders[0]
    sizes = page_sizes(pdf)
    assert sizes[-1] == pytest.approx((841.9, 595.3), abs=1)  # the wide appendix
    assert sizes[0] == pytest.approx((595.3, 841.9), abs=1)
    wide = plan["appendices"][-1]
    rows = layout.table_rows(plan, wide)
    budget = next(r for r in rows if r.cells[1].text == "Thu ngân sách")
    text = " ".join(pages)
    assert all(norm(c.text) in text for c in budget.cells if c.text)
