"""The seed fixtures hold every word of the real documents they were made from.

Each ``tests/fixtures/seeds/*.json`` is a plan file made by hand from the text of
a real ward document (the ``.txt`` beside it).  These tests check that no text
was lost on the way: every fragment of the source text is found in the strings
of the plan file, except the fragments the program composes itself from
structured data (header number and date lines, "Nơi nhận", recipient lines,
appendix headings…).  Those are listed per seed with the reason, and each is
checked to be what composing the structured data gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from support import SEED_000, SEED_002, SEED_003, all_strings, indicators, seed, walk
from wardplan_desktop.core import service
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database

# --------------------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """NFC, runs of white space as one space, case folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def compact(text: str) -> str:
    """``norm`` without any white space: for lines whose spacing the program sets."""
    return re.sub(r"\s+", "", norm(text))


_MARKUP = re.compile(r"</?(?:p|b|i)>|\*+|^#+\s*")


def fragments(source: str) -> list[str]:
    """The non-empty text fragments of a seed's source text.

    Markdown (``**``, ``*``, ``###``) and ``<p> <b> <i>`` tags are dropped, table
    rows are split on tabs and ``|``, and the bullet and list punctuation around
    a fragment is trimmed.
    """
    found = []
    for line in source.splitlines():
        line = _MARKUP.sub("", line)
        for cell in re.split(r"\t|\|", line):
            cell = cell.strip(" *-+:;.|").strip()
            if len(cell) < 2 or set(cell) <= set("-| "):
                continue
            found.append(cell)
    return found


def sections(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from walk(plan["sections"])


# What the program composes from structured data (each returns the candidate lines).

Composer = Callable[[dict[str, Any]], list[str]]


def number_line(p: dict[str, Any]) -> list[str]:
    return [f"Số: {p['number']}/{p['symbol']}"]


def date_line(p: dict[str, Any]) -> list[str]:
    d = p["date"]
    return [f"{p['place']}, ngày {d['day'] or ''} tháng {d['month'] or ''} năm {d['year']}"]


def recipients_heading(p: dict[str, Any]) -> list[str]:
    return ["Nơi nhận"] if p["recipients"] else []


def recipient_lines(p: dict[str, Any]) -> list[str]:
    return [f"{r['name']} ({r['purpose']})" if r["purpose"] else r["name"]
            for r in p["recipients"]]


def appendix_headings(p: dict[str, Any]) -> list[str]:
    return [f"{a['label']}: {a['title']}" for a in p["appendices"]]


def breakdown_rows(p: dict[str, Any]) -> list[str]:
    return [f"Trong đó: {i['name']}" for i in indicators(p) if i["row_style"] == "breakdown"]


def article_lines(p: dict[str, Any]) -> list[str]:
    """"Điều 1. …" printed with the bold run that the fixture keeps as its first child."""
    return [" ".join([s["label"], s["text"], *[c["text"] for c in s["children"][:1]]])
            for s in sections(p) if s["label"].startswith("Điều")]


def indicator_names(p: dict[str, Any]) -> list[str]:
    return [i["name"] for i in indicators(p)]


# fragment of the source text -> (why it is not in the file as such, how it is composed)
COMPOSED: dict[str, dict[str, tuple[str, Composer]]] = {
    "000": {
        "Số: /KH-UBND": ("header number line, from number and symbol", number_line),
        "Phường Lê Lợi, ngày tháng năm 2023": (
            "date line, from place and date (day and month left blank)", date_line),
        "Nơi nhận": ("label the program prints above the recipients", recipients_heading),
        "UBND TP Bắc Giang (B/c)": ("recipient line, from name and purpose", recipient_lines),
        "Phòng TC - KH thành phố (B/c)": (
            "recipient line, from name and purpose", recipient_lines),
        "TT Đảng ủy, HĐND (B/c)": ("recipient line, from name and purpose", recipient_lines),
        "Biểu số 01: Kết quả thực hiện nhiệm vụ trọng tâm năm 2023 do Chủ tịch UBND "
        "thành phố giao": ("appendix heading, from label and title", appendix_headings),
        "Biểu số 02: Danh mục chỉ tiêu phát triển KTXH năm 2023": (
            "appendix heading, from label and title", appendix_headings),
        "Trong đó: Xuất khẩu lao động": (
            "\"Trong đó:\" is printed for a breakdown row", breakdown_rows),
    },
    "002": {
        "Số: 34 /NQ-HĐND": ("header number line, from number and symbol", number_line),
        "Lái Thiêu, ngày 28 tháng 12 năm 2023": (
            "date line, from place and date", date_line),
        "Điều 1. Hội đồng nhân dân phường tán thành nội dung đánh giá tình hình thực hiện "
        "các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023; phương hướng, nhiệm vụ "
        "và các chỉ tiêu, giải pháp chủ yếu năm 2024 nêu trong báo cáo của Ủy ban nhân dân "
        "phường, đồng thời quyết nghị: Kế hoạch phát triển kinh tế - xã hội năm 2024": (
            "one printed line split into the article's label, its text and its bold first "
            "child", article_lines),
        "Nơi nhận": ("label the program prints above the recipients", recipients_heading),
    },
    "003": {
        "Nơi nhận": ("label the program prints above the recipients", recipients_heading),
        "Tỷ lệ hộ nghèo theo chuẩn mới ( chuẩn tiếp cận đa chiều )": (
            "the fixture drops the stray spaces inside the parentheses", indicator_names),
    },
}
SEED_PATHS = {"000": SEED_000, "002": SEED_002, "003": SEED_003}


# --------------------------------------------------------------------------- every word kept


@pytest.mark.parametrize("key", sorted(SEED_PATHS))
def test_every_source_fragment_is_in_the_fixture(key: str) -> None:
    path = SEED_PATHS[key]
    data = seed(path)
    blob = norm(" ".join(all_strings(data)))
    source = fragments(path.with_suffix(".txt").read_text(encoding="utf-8"))
    assert len(source) > 50  # the source text was read at all

    exceptions = COMPOSED[key]
    missing = [f for f in source if norm(f) not in blob and f not in exceptions]
    assert missing == []


@pytest.mark.parametrize("key", sorted(SEED_PATHS))
def test_composed_fragments_come_from_structured_data(key: str) -> None:
    path = SEED_PATHS[key]
    plan = seed(path)["plan"]
    blob = norm(" ".join(all_strings(plan)))
    source = fragments(path.with_suffix(".txt").read_text(encoding="utf-8"))
    for fragment, (reason, compose) in COMPOSED[key].items():
        assert reason
        # Every exception is really in the source and really missing as such:
        # the list cannot go stale.
        assert fragment in source, fragment
        assert norm(fragment) not in blob, fragment
        composed = [compact(c) for c in compose(plan)]
        assert any(compact(fragment) in c for c in composed), (fragment, composed)


# --------------------------------------------------------------------------- counts


def test_seed_000_key_tasks_recipients_signer() -> None:
    plan = seed(SEED_000)["plan"]
    assert (plan["unit"]["code"], plan["kind"], plan["year"]) == ("P-LELOI", "plan", 2024)
    assert len(plan["key_tasks"]) == 2
    assert [t["label"] for t in plan["key_tasks"]] == ["1", "2"]
    assert len(plan["recipients"]) == 7
    assert plan["signature"] == {
        "authority": "TM.", "authority_body": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
        "signer": "Lê Xuân Trường",
    }
    # The number and the day and month are left blank, to be filled by hand.
    assert plan["number"] == ""
    assert plan["date"] == {"day": None, "month": None, "year": 2023}


def _value(plan: dict[str, Any], text: str) -> dict[str, Any]:
    found = [v for i in indicators(plan) for v in i["values"] if v["text"] == text]
    assert len(found) >= 1, text
    return found[0]


def test_seed_003_values(db: Database) -> None:
    plan = seed(SEED_003)["plan"]
    money = _value(plan, "9.949.000.000đ")
    assert (money["kind"], money["value"], money["year"], money["period"]) == (
        "number", "9949000000", 2024, "target")
    ratio = _value(plan, "5/5 khóm")
    assert (ratio["kind"], ratio["numerator"], ratio["denominator"]) == ("ratio", "5", "5")

    # The program reads the same meaning from the words, and stores it exactly.
    assert codec.value_from_entry({"year": 2024, "period": "target",
                                   "text": "9.949.000.000đ"}).value == Decimal("9949000000")
    parsed = codec.value_from_entry({"year": 2024, "period": "target", "text": "5/5 khóm"})
    assert (parsed.kind, parsed.numerator, parsed.denominator) == (
        "ratio", Decimal(5), Decimal(5))
    summary = service.import_plan_file(db, SEED_003)
    stored = service.export_plan(db, summary.unit, summary.year, summary.kind)["plan"]
    assert _value(stored, "9.949.000.000đ")["value"] == "9949000000"
    assert _value(stored, "5/5 khóm")["kind"] == "ratio"
    by_uid = {i["uid"]: i for i in indicators(plan)}
    money_uid = next(i["uid"] for i in indicators(plan)
                     if any(v["text"] == "9.949.000.000đ" for v in i["values"]))
    assert service.indicator_values(db, money_uid)[(2024, "target")].value == Decimal(
        "9949000000")
    assert by_uid[money_uid]["name"] == "Thu ngân sách"


def test_seed_002_is_resolution_34_of_28_december_2023() -> None:
    plan = seed(SEED_002)["plan"]
    assert plan["kind"] == "resolution"
    assert (plan["number"], plan["symbol"]) == ("34", "NQ-HĐND")
    assert plan["date"] == {"day": 28, "month": 12, "year": 2023}
    assert plan["year"] == 2024
    assert plan["heading_lines"] == ["HỘI ĐỒNG NHÂN DÂN PHƯỜNG LÁI THIÊU",
                                     "KHÓA XII - KỲ HỌP THỨ 8"]
    assert [s["label"] for s in sections(plan) if s["label"].startswith("Điều")][:2] == [
        "Điều 1.", "Điều 2."]


def test_fragment_splitting() -> None:
    """The splitter the checks rely on: markup dropped, cells split, bullets trimmed."""
    text = ("**I. MỤC TIÊU**\n### Phần một\n<p><b>Trong đó:</b> <i>x</i></p>\n"
            "| 1 | Thu ngân sách | 9.949.000.000đ |\nSTT\tNội dung\tĐVT\n- Lưu: VT.\n|---|---|\n")
    assert fragments(text) == ["I. MỤC TIÊU", "Phần một", "Trong đó: x", "Thu ngân sách",
                               "9.949.000.000đ", "STT", "Nội dung", "ĐVT", "Lưu: VT"]
