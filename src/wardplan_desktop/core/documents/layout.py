"""What the printed documents say, independent of the file format.

The PDF, Word and Excel writers (and the on-screen preview) all compose the
fixed parts of an administrative document here — the number and date lines,
recipients, signature, appendix captions, footnote numbers, the rows of the
indicator tables with their computed columns — so the three formats can never
disagree.  The words are the official Vietnamese ones of Decree 30/2020: a
document is Vietnamese whatever language the program's menus speak.

Input is plan-file data (``codec.plan_data(...)["plan"]``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..achievement import evaluate
from ..enums import Direction, Period, RowStyle, Status, ValueKind
from ..errors import QT_TRANSLATE_NOOP, WardPlanError
from ..interchange.codec import value_from_entry
from ..values import Value

FOOTNOTE_MARK = re.compile(r"\[\^([A-Za-z0-9_-]{1,32})\]")
BLANK = "\u00a0" * 6  # room to fill in by hand

TYPE_LABELS = {"plan": "KẾ HOẠCH", "emulation": "KẾ HOẠCH", "resolution": "NGHỊ QUYẾT"}
TYPE_NAMES = {"plan": "Kế hoạch", "emulation": "Kế hoạch", "resolution": "Nghị quyết"}
STATUS_WORDS = {
    Status.EXCEEDED: "Vượt",
    Status.ACHIEVED: "Đạt",
    Status.NOT_ACHIEVED: "Không đạt",
    Status.NOT_COMPARABLE: "",
}
_BODY_ABBREVIATIONS = {"ỦY BAN NHÂN DÂN": "UBND", "HỘI ĐỒNG NHÂN DÂN": "HĐND"}

MSG_INCOMPLETE = QT_TRANSLATE_NOOP(
    "Errors", "The document cannot be printed yet: it has no {missing}. Fill it in and try again."
)
PART_NAMES = {
    "title": QT_TRANSLATE_NOOP("Errors", "title (trích yếu)"),
    "issuing_body": QT_TRANSLATE_NOOP("Errors", "issuing body"),
    "symbol": QT_TRANSLATE_NOOP("Errors", "document symbol (e.g. KH-UBND)"),
    "place": QT_TRANSLATE_NOOP("Errors", "place name for the date line"),
    "position": QT_TRANSLATE_NOOP("Errors", "signer's position"),
    "signer": QT_TRANSLATE_NOOP("Errors", "signer's name"),
    "year": QT_TRANSLATE_NOOP("Errors", "year"),
}


class DocumentIncomplete(WardPlanError):
    template = MSG_INCOMPLETE


def nfc(text: str) -> str:
    """Every string that reaches a document is NFC: PDF tools drop decomposed marks."""
    return unicodedata.normalize("NFC", text)


def check_printable(plan: dict[str, Any]) -> None:
    """Refuse, naming every missing part, a document that would print incomplete."""
    sig = plan.get("signature", {})
    present = {
        "title": plan.get("title"),
        "issuing_body": any(line.strip() for line in plan.get("issuing_body", [])),
        "symbol": plan.get("symbol"),
        "place": plan.get("place"),
        "position": sig.get("position"),
        "signer": sig.get("signer"),
        "year": plan.get("year") and plan.get("date", {}).get("year"),
    }
    missing = [WardPlanError(PART_NAMES[k]) for k, v in present.items() if not v]
    if missing:
        raise DocumentIncomplete(missing=missing)


# --------------------------------------------------------------------------- header


def type_label(plan: dict[str, Any]) -> str:
    return TYPE_LABELS.get(plan["kind"], "KẾ HOẠCH")


def number_line(plan: dict[str, Any]) -> str:
    """ "Số: 05/KH-UBND"; numbers below 10 get a leading zero; blank to fill by hand."""
    number = plan.get("number", "")
    shown = number.zfill(2) if number else BLANK
    return f"Số: {shown}/{plan.get('symbol', '')}"


def date_line(plan: dict[str, Any]) -> str:
    """ "Phường Lê Lợi, ngày 05 tháng 01 năm 2024"; day and month may be blank.

    Days below 10 and the months January and February take a leading zero.
    """
    d = plan["date"]
    day = f"{d['day']:02d}" if d.get("day") else BLANK
    month_value = d.get("month")
    if not month_value:
        month = BLANK
    else:
        month = f"{month_value:02d}" if month_value <= 2 else str(month_value)
    return f"{plan.get('place', '')}, ngày {day} tháng {month} năm {d['year']}"


def long_date(plan: dict[str, Any]) -> str:
    """ "ngày 29 tháng 11 năm 2023", as captions write the date (blanks as "…")."""
    d = plan["date"]
    day = f"{d['day']:02d}" if d.get("day") else "…"
    month_value = d.get("month")
    month = ("…" if not month_value
             else f"{month_value:02d}" if month_value <= 2 else str(month_value))
    return f"ngày {day} tháng {month} năm {d['year']}"


def issuer_short(plan: dict[str, Any]) -> str:
    """ "UBND phường Mỹ Phú": the issuing body as captions name it."""
    lines = [nfc(line).strip() for line in plan.get("issuing_body", []) if line.strip()]
    body = _BODY_ABBREVIATIONS.get(lines[0].upper(), lines[0]) if lines else ""
    name = nfc(plan["unit"]["name"])
    name = name[:1].lower() + name[1:]
    return f"{body} {name}".strip()


def document_reference(plan: dict[str, Any]) -> str:
    """ "Kế hoạch số 843/KH-UBND ngày 29 tháng 11 năm 2023 của UBND phường Mỹ Phú"."""
    number = plan.get("number") or "…"
    return (f"{TYPE_NAMES.get(plan['kind'], 'Kế hoạch')} số {number}/{plan.get('symbol', '')} "
            f"{long_date(plan)} của {issuer_short(plan)}")


# --------------------------------------------------------------------------- body


@dataclass(frozen=True)
class FootnoteRef:
    number: int
    text: str


def footnote_numbers(plan: dict[str, Any]) -> dict[str, int]:
    """Footnotes are numbered through the document in the order they are cited."""
    numbers: dict[str, int] = {}
    for node in walk_sections(plan["sections"]):
        for key in FOOTNOTE_MARK.findall(node["text"]):
            numbers.setdefault(key, len(numbers) + 1)
    return numbers


def split_footnotes(text: str, plan: dict[str, Any],
                    numbers: dict[str, int]) -> list[str | FootnoteRef]:
    """Text with its footnote marks replaced by numbered references."""
    notes = {f["key"]: f["text"] for f in plan.get("footnotes", [])}
    out: list[str | FootnoteRef] = []
    pos = 0
    for m in FOOTNOTE_MARK.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        key = m.group(1)
        out.append(FootnoteRef(numbers.get(key, 0), notes.get(key, "")))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def walk_sections(nodes: list[dict[str, Any]], depth: int = 0) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from walk_sections(node.get("children", []), depth + 1)


def walk_with_depth(nodes: list[dict[str, Any]],
                    depth: int = 0) -> Iterator[tuple[int, dict[str, Any]]]:
    for node in nodes:
        yield depth, node
        yield from walk_with_depth(node.get("children", []), depth + 1)


def is_part_heading(node: dict[str, Any]) -> bool:
    """ "Phần thứ nhất": a part heading, printed on its own line above the part's title."""
    return node["kind"] == "heading" and node.get("label", "").lower().startswith("phần")


def heading_centred(node: dict[str, Any]) -> bool:
    """Part headings ("Phần thứ nhất") and unnumbered headings ("QUYẾT NGHỊ:") are centred."""
    return node["kind"] == "heading" and (
        not node.get("label") or node["label"].lower().startswith("phần"))


def label_is_bold(node: dict[str, Any]) -> bool:
    """Article labels of a resolution ("Điều 1.") print bold even on plain paragraphs."""
    return node["kind"] == "heading" or node.get("label", "").startswith("Điều")


# --------------------------------------------------------------------------- closing


def recipient_lines(plan: dict[str, Any]) -> list[str]:
    """ "- UBND thành phố (b/c);" … the last line ends with "."."""
    recipients = plan.get("recipients", [])
    lines = []
    for i, r in enumerate(recipients):
        purpose = f" ({r['purpose']})" if r.get("purpose") else ""
        end = "." if i == len(recipients) - 1 else ";"
        name = r["name"].rstrip(";.")
        lines.append(f"- {name}{purpose}{end}")
    return lines


def signature_lines(plan: dict[str, Any]) -> tuple[list[str], str]:
    """The upper-case authority lines and the signer's name.

    "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "CHỦ TỊCH".
    """
    sig = plan.get("signature", {})
    lines = []
    first = " ".join(x for x in (sig.get("authority", ""), sig.get("authority_body", "")) if x)
    if first:
        lines.append(first.upper())
    if sig.get("position"):
        lines.append(sig["position"].upper())
    return lines, sig.get("signer", "")


# --------------------------------------------------------------------------- appendices


def appendix_caption(plan: dict[str, Any], appendix: dict[str, Any]) -> str:
    if appendix.get("caption"):
        return appendix["caption"]
    return f"(Kèm theo {document_reference(plan)})"


SEAL = "seal"  # print-time annotation of plan data: {"key": fingerprint, "hash": short hash}


def seal_text(plan: dict[str, Any]) -> str:
    """ "Khóa C0F0-… · Mã nội dung 3D01-AFC4-60B0-BBAC": what ties the paper to the sync file."""
    seal = plan.get(SEAL)
    if not seal:
        return ""
    return f"Khóa {seal['key']} · Mã nội dung {seal['hash']}"


def seal_qr_data(plan: dict[str, Any]) -> str:
    """The QR code's text: enough for the upper level to match paper and file."""
    seal = plan[SEAL]
    return (f"WARDPLAN|{plan['unit']['code']}|{plan['year']}|{plan['kind']}|"
            f"{plan['revision']}|{seal['hash']}|{seal['key']}")


def appendix_identification(plan: dict[str, Any], appendix: dict[str, Any]) -> str:
    """One line that identifies a separately signed appendix on every page.

    When the plan carries its seal (the signing key's fingerprint and the content
    hash of this revision), the line ends with it, so the upper level can check
    the paper against the sync file.
    """
    label = appendix.get("label") or "Phụ lục"
    line = f"{label} - {document_reference(plan)} - năm {plan['year']}"
    seal = seal_text(plan)
    return f"{line} - {seal}" if seal else line


def wants_landscape(appendix: dict[str, Any]) -> bool:
    return bool(appendix.get("landscape")) or len(appendix["columns"]) > 5


@dataclass
class Cell:
    """One printed cell: its text and, where it is a figure, its meaning."""

    text: str = ""
    value: Value | None = None
    numeric: bool = False  # right-aligned
    percent: Decimal | None = None


@dataclass
class TableRow:
    kind: str  # "group" | "item"
    cells: list[Cell]
    bold: bool = False
    italic: bool = False
    depth: int = 0
    indicator: dict[str, Any] | None = field(default=None, repr=False)


_RESULT_PERIODS = {p.value for p in Period} - {Period.TARGET.value}


def _values(node: dict[str, Any]) -> dict[tuple[int, str], Value]:
    return {(v["year"], v["period"]): value_from_entry(v) for v in node.get("values", [])}


def row_label(node: dict[str, Any], depth: int, counter: int) -> tuple[str, int]:
    """The number an indicator row prints, and the item counter after it: the row's own
    label when it has one, else the next number for a top-level item, "-" for a
    sub-item and nothing for a "Trong đó" row."""
    label = node.get("label")
    if label is not None:
        return label, counter
    style = node.get("row_style", RowStyle.ITEM)
    if depth == 0 and style == RowStyle.ITEM:
        return str(counter + 1), counter + 1
    return ("-" if style == RowStyle.SUB_ITEM else ""), counter


def indicator_rows(plan: dict[str, Any], appendix: dict[str, Any]) -> list[TableRow]:
    """The rows of an indicator appendix, in order, with every column's cell."""
    columns = appendix["columns"]
    has_label_column = any(c["source"] == "label" for c in columns)
    rows: list[TableRow] = []
    counter = 0

    def name_text(label: str, name: str) -> str:
        if has_label_column or not label:
            return name
        return f"{label} {name}"

    for group in plan["indicator_groups"]:
        cells = []
        for c in columns:
            if c["source"] == "label":
                cells.append(Cell(group.get("label", "")))
            elif c["source"] == "name":
                cells.append(Cell(name_text(group.get("label", ""), group["title"])))
            else:
                cells.append(Cell())
        rows.append(TableRow("group", cells, bold=True))

        def visit(nodes: list[dict[str, Any]], depth: int) -> None:
            nonlocal counter
            for node in nodes:
                style = node.get("row_style", RowStyle.ITEM)
                label, counter = row_label(node, depth, counter)
                name = node["name"]
                if style == RowStyle.BREAKDOWN:
                    name = f"Trong đó: {name}"
                values = _values(node)
                direction = Direction(node.get("direction", Direction.HIGHER_BETTER))
                cells = [_cell(c, label, name_text(label, name), node, values, direction)
                         for c in columns]
                rows.append(TableRow("item", cells, italic=style == RowStyle.BREAKDOWN,
                                     depth=depth, indicator=node))
                visit(node.get("children", []), depth + 1)

        visit(group.get("indicators", []), 0)
    return rows


def _cell(column: dict[str, Any], label: str, name: str, node: dict[str, Any],
          values: dict[tuple[int, str], Value], direction: Direction) -> Cell:
    source = column["source"]
    if source == "label":
        return Cell(label)
    if source == "name":
        return Cell(name)
    if source == "unit":
        return Cell(node.get("unit", ""))
    if source == "note":
        return Cell(node.get("note", ""))
    year, period = column.get("year"), column.get("period")
    value = values.get((year, period))
    if source == "value":
        return Cell(value.display() if value else "", value=value, numeric=True)
    target = values.get((year, Period.TARGET.value))
    result = value if period in _RESULT_PERIODS else None
    achievement = evaluate(target, result, direction)
    if source == "percent_of_plan":
        return Cell(achievement.percent_text(), numeric=True, percent=achievement.percent)
    if source == "status":
        if target is None or result is None:
            return Cell("")
        return Cell(STATUS_WORDS[achievement.status])
    return Cell("")


def key_task_rows(plan: dict[str, Any], appendix: dict[str, Any]) -> list[TableRow]:
    rows = []
    for i, task in enumerate(plan.get("key_tasks", []), start=1):
        cells = []
        for c in appendix["columns"]:
            text = {"label": task.get("label") or str(i), "task": task["task"],
                    "result": task.get("result", "")}.get(c["source"], "")
            cells.append(Cell(text))
        rows.append(TableRow("item", cells))
    return rows


def table_rows(plan: dict[str, Any], appendix: dict[str, Any]) -> list[TableRow]:
    if appendix["kind"] == "key_tasks":
        return key_task_rows(plan, appendix)
    return indicator_rows(plan, appendix)


def is_plain_number(value: Value | None) -> bool:
    """A value a spreadsheet can hold as a number (and compute with)."""
    return value is not None and value.kind is ValueKind.NUMBER


# --------------------------------------------------------------------------- default appendix

#: Column titles of result periods, followed by the year ("Ước TH 2024").
PERIOD_HEADERS = {
    Period.SIX_MONTHS.value: "TH 6 tháng",
    Period.NINE_MONTHS.value: "TH 9 tháng",
    Period.ESTIMATE.value: "Ước TH",
    Period.FINAL.value: "TH cả năm",
}
_PERIOD_ORDER = [p.value for p in Period]  # target, six months, nine months, estimate, final


def value_header(plan: dict[str, Any], year: int, period: str) -> str:
    """ "Kế hoạch 2023" (an earlier year's target), "Chỉ tiêu 2024", "Ước TH 2023"."""
    if period == Period.TARGET.value:
        return f"Chỉ tiêu {year}" if year >= plan["year"] else f"Kế hoạch {year}"
    return f"{PERIOD_HEADERS.get(period, period)} {year}"


def default_indicator_appendix(plan: dict[str, Any]) -> dict[str, Any]:
    """The usual indicator table, for a plan that has indicators but no appendix to print them.

    The layout of a new plan's appendix (``service.default_indicator_appendix``): STT,
    Nội dung, ĐVT, one value column per (year, period) the indicators have, oldest
    first; after the assessed year's columns (the plan's year - 1), when that year has
    a target and a result, percent of plan and status against its latest result
    period; then Ghi chú.
    """
    present: set[tuple[int, str]] = set()

    def collect(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            present.update((v["year"], v["period"]) for v in node.get("values", []))
            collect(node.get("children", []))

    for group in plan.get("indicator_groups", []):
        collect(group.get("indicators", []))
    ordered = sorted(present, key=lambda yp: (yp[0], _PERIOD_ORDER.index(yp[1])))
    assessed = plan["year"] - 1
    results = [p for y, p in ordered if y == assessed and p != Period.TARGET.value]
    compared = results[-1] if results and (assessed, Period.TARGET.value) in present else None

    columns: list[dict[str, Any]] = [
        {"source": "label", "header": "STT"},
        {"source": "name", "header": "Nội dung"},
        {"source": "unit", "header": "ĐVT"},
    ]
    for i, (year, period) in enumerate(ordered):
        columns.append({"source": "value", "year": year, "period": period,
                        "header": value_header(plan, year, period)})
        last_of_year = i + 1 == len(ordered) or ordered[i + 1][0] != year
        if compared and year == assessed and last_of_year:
            columns.append({"source": "percent_of_plan", "year": year, "period": compared,
                            "header": "% so KH"})
            columns.append({"source": "status", "year": year, "period": compared,
                            "header": "Đánh giá"})
    columns.append({"source": "note", "header": "Ghi chú"})
    return {"uid": "", "kind": "indicators", "label": "PHỤ LỤC",
            "title": f"CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {plan['year']}",
            "caption": "", "landscape": True, "columns": columns}


def printed_appendices(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The tables a document prints: its own appendices, plus the default indicator
    table when it has indicator groups but no indicator appendix."""
    appendices = list(plan.get("appendices", []))
    if plan.get("indicator_groups") and not any(a["kind"] == "indicators" for a in appendices):
        appendices.append(default_indicator_appendix(plan))
    return appendices
