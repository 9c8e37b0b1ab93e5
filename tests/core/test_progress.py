"""Percent of plan and status per indicator, on the seeds and edited copies of them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from support import SEED_000, SEED_002, SEED_003, indicators, seed
from wardplan_desktop.core import service
from wardplan_desktop.core.enums import Field, Status
from wardplan_desktop.core.progress import (
    assessed_year,
    awaiting_results,
    default_year,
    plan_progress,
    summarise,
    target_years,
    total,
)
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.core.values import parse_value

#: Results for seed 003's 2024 targets: name prefix → [(period, words)].
RESULTS_2024 = {
    "Thu ngân sách": [("estimate", "10.945.000.000đ")],
    "Quỹ Đền ơn đáp nghĩa": [("estimate", "12.000.000đ"), ("final", "8.000.000đ")],
    "Khóm văn minh đô thị": [("estimate", "5/5 khóm")],
    "Số hộ đạt GDVH": [("estimate", "92%")],
    "Giảm tỷ lệ trẻ em dưới 5 tuổi": [("estimate", "10,5%")],
    "Tỷ lệ hộ nghèo theo chuẩn mới": [("estimate", "04 hộ")],
    "Giao quân đạt chỉ tiêu": [("six_months", "60%")],
    "Tỷ lệ hòa giải thành": [("estimate", "đạt")],
}


def with_results(plan: dict[str, Any], results: dict[str, list[tuple[str, str]]],
                 year: int = 2024) -> dict[str, Any]:
    """``plan`` with result entries added (words only, read like a hand-written file)."""
    for node in indicators(plan):
        for prefix, entries in results.items():
            if node["name"].startswith(prefix):
                node["values"] += [{"year": year, "period": p, "text": t} for p, t in entries]
    return plan


def by_name(rows: list[Any]) -> dict[str, Any]:
    return {r.name: r for r in rows}


def test_seeds_as_published_have_targets_but_no_results() -> None:
    lele = seed(SEED_000)["plan"]
    assert assessed_year(lele) == 2023 and target_years(lele) == [2023]
    assert plan_progress(lele) == []
    waiting = awaiting_results(lele)
    assert len(waiting) == 36
    assert waiting[0].name == "Tốc độ phát triển GTSX" and waiting[0].target == "14,5 – 16,5"
    assert {w.field for w in waiting} == {"economy", "culture_society"}

    myphu = seed(SEED_003)["plan"]
    assert plan_progress(myphu) == [] and awaiting_results(myphu) == []  # nothing for 2023
    assert target_years(myphu) == [2024] and default_year(myphu) == 2024
    assert len(awaiting_results(myphu, 2024)) == 21

    resolution = seed(SEED_002)["plan"]
    assert plan_progress(resolution) == [] and target_years(resolution) == []
    summary = summarise(plan_progress(resolution))
    assert list(summary) == [f.value for f in Field]
    assert all(s.total == 0 for s in summary.values())


def test_percent_and_status_of_every_kind_of_target() -> None:
    plan = with_results(seed(SEED_003)["plan"], RESULTS_2024)
    rows = plan_progress(plan, 2024)
    assert len(rows) == 8
    got = by_name(rows)
    revenue = got["Thu ngân sách"]
    assert (revenue.field, revenue.target, revenue.result, revenue.result_period) == (
        "economy", "9.949.000.000đ", "10.945.000.000đ", "estimate")
    assert revenue.percent == Decimal("110.01") and revenue.percent_text == "110,01%"
    assert revenue.status is Status.EXCEEDED
    # The final result wins over the estimate.
    fund = got["Quỹ Đền ơn đáp nghĩa"]
    assert (fund.result, fund.result_period, fund.percent_text, fund.status) == (
        "8.000.000đ", "final", "80%", Status.NOT_ACHIEVED)
    assert (got["Khóm văn minh đô thị"].percent_text,
            got["Khóm văn minh đô thị"].status) == ("100%", Status.ACHIEVED)
    assert (got["Số hộ đạt GDVH"].percent_text, got["Số hộ đạt GDVH"].status) == (
        "102,22%", Status.ACHIEVED)
    malnutrition = next(r for r in rows if r.name.startswith("Giảm tỷ lệ trẻ em"))
    assert malnutrition.status is Status.EXCEEDED  # lower is better: 10,5% beats 11,44%
    assert malnutrition.percent_text == "91,78%"
    recruits = got["Giao quân đạt chỉ tiêu trên giao"]
    assert (recruits.result_period, recruits.status) == ("six_months", Status.NOT_ACHIEVED)
    # Words against a percentage: listed, never given a made-up percent.
    mediation = got["Tỷ lệ hòa giải thành"]
    assert mediation.status is Status.NOT_COMPARABLE and not mediation.comparable
    assert mediation.percent is None and mediation.percent_text == ""
    assert (mediation.target, mediation.result) == ("90% trở lên", "đạt")
    # The plan's order is kept.
    assert [r.name for r in rows][:2] == ["Thu ngân sách", "Quỹ Đền ơn đáp nghĩa"]
    assert len(awaiting_results(plan, 2024)) == 21 - 8


def test_summary_per_field_and_for_the_whole_plan() -> None:
    plan = with_results(seed(SEED_003)["plan"], RESULTS_2024)
    summary = summarise(plan_progress(plan, 2024))
    counts = {f: (s.exceeded, s.achieved, s.not_achieved, s.not_comparable)
              for f, s in summary.items()}
    assert counts == {
        "economy": (1, 0, 1, 0),
        "culture_society": (1, 2, 1, 0),
        "defence_security": (0, 0, 1, 0),
        "government": (0, 0, 0, 1),
    }
    whole = total(summary)
    assert (whole.exceeded, whole.achieved, whole.not_achieved, whole.not_comparable,
            whole.total) == (2, 2, 3, 1, 8)


def test_ranges_caps_and_words_have_a_status_but_no_percent() -> None:
    results = {"Tốc độ phát triển GTSX": [("estimate", "15,2%")],
               "Dịch vụ": [("final", "17%")],
               "Công nghiệp-XD": [("estimate", "12%")],
               "Phổ cập mầm non": [("estimate", "đạt")],
               "Phổ cập giáo dục tiểu học": [("estimate", "chưa đạt")]}
    plan = with_results(seed(SEED_000)["plan"], results, 2023)
    got = by_name(plan_progress(plan))
    assert got["Tốc độ phát triển GTSX"].status is Status.ACHIEVED
    assert got["Dịch vụ"].status is Status.EXCEEDED
    assert got["Công nghiệp-XD"].status is Status.NOT_ACHIEVED
    assert all(got[n].percent is None for n in ("Tốc độ phát triển GTSX", "Dịch vụ",
                                                "Công nghiệp-XD"))
    assert got["Phổ cập mầm non cho trẻ 5 tuổi"].status is Status.ACHIEVED
    assert got["Phổ cập giáo dục tiểu học mức độ 3"].status is Status.NOT_ACHIEVED


def test_a_change_target_is_measured_from_the_named_years_result() -> None:
    plan = seed(SEED_003)["plan"]
    node = next(n for n in indicators(plan) if n["name"].startswith("Tỷ lệ hộ nghèo"))
    node["values"] = [
        {"year": 2023, "period": "final", "text": "20 hộ nghèo"},
        {"year": 2024, "period": "target", "text": "giảm 03 hộ nghèo so với năm 2023"},
        {"year": 2024, "period": "estimate", "text": "16 hộ nghèo"},
    ]
    row = by_name(plan_progress(plan, 2024))[node["name"]]
    assert row.status is Status.EXCEEDED  # 4 fewer, 3 asked
    assert row.percent_text == "133,33%"
    # Without the base year's figure there is nothing to measure the change from.
    node["values"] = node["values"][1:]
    assert by_name(plan_progress(plan, 2024))[node["name"]].status is Status.NOT_COMPARABLE


def test_unreadable_inconsistent_or_other_unit_results_are_not_compared() -> None:
    plan = seed(SEED_003)["plan"]
    node = next(indicators(plan))  # Thu ngân sách: 9.949.000.000đ
    for words in ("12,575", "10 tỷ đồng"):  # ambiguous; another unit than "đ"
        node["values"][1:] = [{"year": 2024, "period": "estimate", "text": words}]
        row = by_name(plan_progress(plan, 2024))[node["name"]]
        assert row.status is Status.NOT_COMPARABLE and row.percent is None, words
        assert row.result == words
    node["values"][-1] = {"year": 2024, "period": "estimate", "text": "x", "kind": "number",
                          "value": "not a number"}
    assert by_name(plan_progress(plan, 2024))[node["name"]].status is Status.NOT_COMPARABLE


def test_progress_of_a_plan_stored_and_edited_in_the_database(db: Database) -> None:
    summary = service.import_plan_file(db, SEED_003)
    plan = service.export_plan_by_uid(db, summary.uid)["plan"]
    revenue = next(n for n in indicators(plan) if n["name"] == "Thu ngân sách")
    service.set_value(db, revenue["uid"], 2024, "estimate", parse_value("9.000.000.000đ"))
    plan = service.export_plan_by_uid(db, summary.uid)["plan"]
    assert default_year(plan) == 2024
    (row,) = plan_progress(plan, 2024)
    assert (row.uid, row.percent_text, row.status) == (
        revenue["uid"], "90,46%", Status.NOT_ACHIEVED)
