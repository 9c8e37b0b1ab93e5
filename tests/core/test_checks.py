"""The plan's live checks (core.checks): what each finds, where, and in what order."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import SEED_000, SEED_002, SEED_003, indicators, seed, walk
from wardplan_desktop.core.checks import (
    Check,
    Code,
    Location,
    LocationKind,
    Severity,
    run_checks,
)
from wardplan_desktop.core.documents import layout

YEAR = 2024  # the year of seed 003's plan
E, W = Severity.ERROR, Severity.WARNING


# --------------------------------------------------------------------------- helpers


def value(year: int, period: str, text: str, **meaning: Any) -> dict[str, Any]:
    """A value entry; without ``meaning`` the program reads it from the words."""
    return {"year": year, "period": period, "text": text, **meaning}


def row(name: str, *values: dict[str, Any], unit: str = "", uid: str | None = None,
        children: list[dict[str, Any]] | None = None, direction: str = "higher_better",
        set_by: str = "ward") -> dict[str, Any]:
    return {"uid": uid or f"uid-{name}", "label": None, "name": name, "unit": unit,
            "direction": direction, "set_by": set_by, "catalogue_code": None,
            "row_style": "item", "note": "", "values": list(values),
            "children": children or []}


def plan_with(*rows: dict[str, Any]) -> dict[str, Any]:
    """Seed 003 (which has no problems) with one indicator table made of ``rows``."""
    data = seed(SEED_003)
    data["plan"]["indicator_groups"] = [
        {"field": "economy", "label": "I", "title": "KINH TẾ", "indicators": list(rows)}]
    return data


def found(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(code, severity, key of the location) of every check."""
    return [(c.code.value, c.severity.value, c.location.key) for c in run_checks(data)]


def only(data: dict[str, Any], code: Code) -> list[Check]:
    return [c for c in run_checks(data) if c.code is code]


def target(text: str, **meaning: Any) -> dict[str, Any]:
    return value(YEAR, "target", text, **meaning)


# --------------------------------------------------------------------------- the seeds


def test_seed_003_has_no_problems() -> None:
    assert run_checks(seed(SEED_003)) == []


def test_seed_002_resolution_has_no_problems() -> None:
    assert run_checks(seed(SEED_002)) == []


def test_seed_000_lacks_next_years_targets_and_prints_two_numbers_the_english_way() -> None:
    data = seed(SEED_000)
    plan = data["plan"]
    checks = run_checks(data)
    # Its indicator table (Biểu số 02) holds the 2023 targets: every indicator of this
    # 2024 plan, all assigned by the upper level, lacks its 2024 target.  Rows that only
    # group others ("2. Giáo dục và đào tạo") are not indicators.
    rows = [i for i in indicators(plan) if not (i["children"] and not i["values"])]
    assert len(rows) == 36
    errors = [c for c in checks if c.severity is E]
    assert [(c.code, c.location.key, c.location.year, c.location.period) for c in errors] == [
        (Code.MISSING_TARGET, i["uid"], 2024, "target") for i in rows]
    assert "Giáo dục và đào tạo" not in " ".join(c.render() for c in checks)
    warnings = [(c.code, c.location) for c in checks if c.severity is W]
    by_name = {i["name"]: i for i in indicators(plan)}
    population, pupils = by_name["Dân số"], by_name["Số học sinh có mặt đầu năm học"]
    assert warnings == [
        (Code.MISSING_NUMBER, Location(LocationKind.HEADER, "number")),
        (Code.MISSING_DAY_MONTH, Location(LocationKind.HEADER, "date")),
        (Code.NO_LEGAL_BASIS, Location(LocationKind.HEADER, "legal_bases")),
        (Code.AMBIGUOUS_NUMBER_PRINTED,
         Location(LocationKind.INDICATOR, population["uid"], (1, 0), 2023, "target")),
        (Code.AMBIGUOUS_NUMBER_PRINTED,
         Location(LocationKind.INDICATOR, pupils["uid"], (1, 1, 2), 2023, "target")),
    ]
    text = checks[-2].render()
    assert '"12,575"' in text and "12575" in text and "12 point 575" in text
    assert '"12.575"' in text


def test_every_message_renders_and_is_translatable() -> None:
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append(context)
        return text

    for data in (seed(SEED_000), seed(SEED_002), seed(SEED_003)):
        for check in run_checks(data):
            assert check.render(translate) == check.message.render()
            assert "{" not in check.render()
    assert "Checks" in seen


# --------------------------------------------------------------------------- order


def test_errors_come_first_then_warnings_each_in_document_order() -> None:
    data = plan_with(
        row("A", target("12,575 người")),  # ambiguous: error
        row("B", target("khoảng 5 hoặc 7 vụ")),  # unreadable: warning
        row("C", set_by="upper"),  # missing target: error
    )
    data["plan"]["number"] = ""  # warning, before the indicators
    data["plan"]["recipients"] = []  # error, before the indicators
    assert found(data) == [
        ("no_recipients", "error", ""),
        ("ambiguous_number", "error", "uid-A"),
        ("missing_target", "error", "uid-C"),
        ("missing_number", "warning", "number"),
        ("unreadable_value", "warning", "uid-B"),
    ]


def test_checks_compare_by_what_and_where_not_by_message_object() -> None:
    data = plan_with(row("A"))
    assert run_checks(data) == run_checks(copy.deepcopy(data))


def test_a_plan_without_the_envelope_is_checked_the_same() -> None:
    data = seed(SEED_000)
    assert run_checks(data["plan"]) == run_checks(data)


# --------------------------------------------------------------------------- 1. targets


def test_missing_target_of_the_wards_own_indicator_is_a_warning() -> None:
    data = seed(SEED_003)
    mediation = data["plan"]["indicator_groups"][3]["indicators"][0]
    mediation["values"] = []
    [check] = run_checks(data)
    assert (check.code, check.severity) == (Code.MISSING_TARGET, W)
    assert check.location == Location(LocationKind.INDICATOR, mediation["uid"], (3, 0), YEAR,
                                      "target")
    assert check.render() == 'The indicator "Tỷ lệ hòa giải thành" has no target for 2024.'


def test_missing_target_assigned_by_the_upper_level_is_an_error() -> None:
    data = seed(SEED_003)
    revenue = data["plan"]["indicator_groups"][0]["indicators"][0]
    revenue["set_by"] = "upper"
    revenue["values"] = [value(YEAR - 1, "estimate", "9.000.000.000đ")]  # last year's only
    [check] = run_checks(data)
    assert (check.code, check.severity) == (Code.MISSING_TARGET, E)
    assert "assigned by the upper level" in check.render()


def test_a_target_of_another_year_or_period_or_blank_words_is_no_target() -> None:
    data = plan_with(
        row("last year", value(YEAR - 1, "target", "5")),
        row("estimate", value(YEAR, "estimate", "5")),
        row("blank", target("   ")),
        row("fine", target("5")),
    )
    assert found(data) == [("missing_target", "warning", f"uid-{n}")
                           for n in ("last year", "estimate", "blank")]


def test_rows_that_only_group_others_need_no_target() -> None:
    heading = row("Y tế", children=[row("a", target("5")), row("b", target("6"))])
    empty_leaf = row("new indicator")
    assert found(plan_with(heading, empty_leaf)) == [
        ("missing_target", "warning", "uid-new indicator")]
    # A parent with values of its own is an indicator: it needs this year's target.
    heading["values"] = [value(YEAR - 1, "target", "10")]
    assert found(plan_with(heading)) == [("missing_target", "warning", "uid-Y tế")]


def test_breakdown_rows_are_indicators_too() -> None:
    data = seed(SEED_003)
    jobs = data["plan"]["indicator_groups"][1]["indicators"][1]
    jobs["children"][0]["row_style"] = "breakdown"
    jobs["children"][0]["values"] = []
    assert found(data) == [("missing_target", "warning", jobs["children"][0]["uid"])]


# --------------------------------------------------------------------------- 2. structure


def structure(*shares: str, period: str = "target", year: int = YEAR,
              unit: str = "%") -> dict[str, Any]:
    names = ["Nông nghiệp", "Công nghiệp - xây dựng", "Thương mại - dịch vụ", "Khác"]
    return row("Cơ cấu kinh tế", target("100%"), children=[
        row(names[i], value(year, period, s), unit=unit) for i, s in enumerate(shares)])


@pytest.mark.parametrize("shares", [
    ("20", "30", "50"),
    ("20%", "30%", "50%"),
    ("33,3", "33,3", "33,3"),  # 99,9: rounding
    ("33,37", "33,37", "33,36"),  # 100,1: rounding
    ("18 - 20", "30 - 32", "50 - 52"),  # ranges that can make 100
])
def test_structure_shares_adding_up_to_100_pass(shares: tuple[str, ...]) -> None:
    assert only(plan_with(structure(*shares)), Code.STRUCTURE_NOT_100) == []


@pytest.mark.parametrize(("shares", "words"), [
    (("20", "30", "45"), "add up to 95%, not 100%"),
    (("33", "33", "33"), "add up to 99%, not 100%"),
    (("20,5", "30", "50"), "add up to 100,5%, not 100%"),
    (("10 - 12", "20 - 22", "30 - 32"), "add up to between 60% and 66%, which cannot make 100%"),
])
def test_structure_shares_not_adding_up_to_100_are_an_error(shares: tuple[str, ...],
                                                             words: str) -> None:
    [check] = only(plan_with(structure(*shares)), Code.STRUCTURE_NOT_100)
    assert check.severity is E
    assert check.location == Location(LocationKind.INDICATOR, "uid-Cơ cấu kinh tế", (0, 0),
                                      YEAR, "target")
    assert check.render() == f'The shares of "Cơ cấu kinh tế" (target {YEAR}) {words}.'


def test_structure_is_checked_for_every_period_where_all_parts_have_a_value() -> None:
    parent = structure("20", "30", "50")
    a, b, c = parent["children"]
    a["values"] += [value(YEAR - 1, "estimate", "22"), value(YEAR - 1, "six_months", "25")]
    b["values"] += [value(YEAR - 1, "estimate", "30"), value(YEAR - 1, "six_months", "25")]
    c["values"] += [value(YEAR - 1, "estimate", "50")]  # no six-month share: not checked
    [check] = only(plan_with(parent), Code.STRUCTURE_NOT_100)
    assert (check.location.year, check.location.period) == (YEAR - 1, "estimate")
    assert "estimate for the year 2023" in check.render()
    assert "102%" in check.render()


def test_structure_parts_with_the_unit_on_the_value_count_as_shares() -> None:
    parent = structure("20%", "30%", "40%", unit="")
    assert len(only(plan_with(parent), Code.STRUCTURE_NOT_100)) == 1


def test_structure_is_not_guessed_across_units_or_kinds() -> None:
    in_money = structure("20", "30", "40", unit="tỷ đồng")
    bounds = structure("20% trở lên", "30%", "40%")
    one_part = structure("40")
    assert only(plan_with(in_money, bounds, one_part), Code.STRUCTURE_NOT_100) == []


def test_structure_written_in_one_value_is_read_from_its_words() -> None:
    good = row("Cơ cấu kinh tế", target("Nông nghiệp 20% - CN-XD 30% - TM-DV 50%"))
    # Read from the words, the value is understood: no "cannot read" warning either.
    assert run_checks(plan_with(good)) == []
    bad = row("Cơ cấu giá trị sản xuất", target("Nông nghiệp 20% - CN-XD 30% - TM-DV 40%"))
    [check] = run_checks(plan_with(bad))
    assert (check.code, check.location.key) == (Code.STRUCTURE_NOT_100, bad["uid"])
    assert "90%" in check.render()


def test_structure_words_that_cannot_be_read_are_only_reported_unreadable() -> None:
    # "20,125%" can be read two ways: the shares cannot be added up, the words are flagged.
    doubtful = row("Cơ cấu kinh tế", target("Nông nghiệp 20,125% - CN-XD 30% - TM-DV 50%"))
    assert [c.code for c in run_checks(plan_with(doubtful))] == [Code.UNREADABLE_VALUE]
    # The same words on an indicator that is not a structure are not added up.
    other = row("Tăng trưởng", target("Nông nghiệp 20% - CN-XD 30% - TM-DV 40%"))
    [check] = run_checks(plan_with(other))
    assert check.code is Code.UNREADABLE_VALUE
    assert "several figures (20, 30, 40)" in check.render()


# --------------------------------------------------------------------------- 3. trend


def trend(tgt: str, *results: tuple[str, str], direction: str = "higher_better",
          unit: str = "", **meaning: Any) -> dict[str, Any]:
    values = [value(YEAR - 1, period, text) for period, text in results]
    return row("Chỉ tiêu", *values, target(tgt, **meaning), unit=unit, direction=direction)


WORSE = Code.TARGET_WORSE_THAN_LAST_YEAR


@pytest.mark.parametrize(("tgt", "result", "direction"), [
    ("90%", "95%", "higher_better"),
    ("90% trở lên", "95%", "higher_better"),
    ("trên 90%", "95%", "higher_better"),
    ("14,5 – 16,5%", "17%", "higher_better"),  # the whole range below
    ("5/5 khóm", "5/5 khóm", "keep"),  # never for "keep" ...
    ("11,44%", "10%", "lower_better"),
    ("dưới 0,15%", "0,1%", "lower_better"),
    ("giảm còn 2,57%", "2%", "lower_better"),
    ("4/5 khóm", "5/5 khóm", "higher_better"),
])
def test_a_target_asking_less_than_last_year_reached_is_a_warning(
        tgt: str, result: str, direction: str) -> None:
    checks = only(plan_with(trend(tgt, ("estimate", result), direction=direction)), WORSE)
    if direction == "keep":
        assert checks == []
        return
    [check] = checks
    assert check.severity is W
    assert check.location == Location(LocationKind.INDICATOR, "uid-Chỉ tiêu", (0, 0), YEAR,
                                      "target")
    word = "below" if direction == "higher_better" else "above"
    assert check.render().startswith(
        f'The 2024 target of "Chỉ tiêu" ("{tgt}") is {word} the estimate for the year for '
        f'2023 ("{result}").')


@pytest.mark.parametrize(("tgt", "result", "direction"), [
    ("96%", "95%", "higher_better"),
    ("95%", "95%", "higher_better"),
    ("95% trở lên", "95%", "higher_better"),
    ("14,5 – 16,5%", "15%", "higher_better"),  # last year's figure within the range
    ("dưới 0,15%", "0,2%", "lower_better"),
    ("0,1%", "0,1%", "lower_better"),
    ("dưới 0,15%", "0,15%", "lower_better"),
    ("90% trở lên", "80%", "lower_better"),  # a floor on a lower-is-better figure: no level
    ("giảm 03 hộ so với năm 2023", "5 hộ", "lower_better"),  # against its own base
    ("đạt", "đạt", "higher_better"),
    ("266 người", "300 hộ", "higher_better"),  # different units: never compared
    ("88%", "90", "higher_better"),  # a unit against none: not guessed
    ("90%", "16/16 đơn (100%)", "higher_better"),  # "đơn" against "%": nor does achievement
])
def test_a_target_at_or_beyond_last_year_or_not_comparable_passes(
        tgt: str, result: str, direction: str) -> None:
    assert only(plan_with(trend(tgt, ("estimate", result), direction=direction)), WORSE) == []


def test_the_latest_result_of_last_year_is_the_one_compared() -> None:
    later_better = trend("100", ("six_months", "120"), ("estimate", "90"))
    assert only(plan_with(later_better), WORSE) == []
    final_worse = trend("100", ("estimate", "90"), ("final", "120"))
    [check] = only(plan_with(final_worse), WORSE)
    assert "result for the year for 2023" in check.render()


def test_the_indicator_unit_counts_for_values_written_without_one() -> None:
    assert len(only(plan_with(trend("90", ("estimate", "95%"), unit="%")), WORSE)) == 1
    # A part of a whole against a target in % is compared as a share: 16/16 is 100%.
    assert len(only(plan_with(trend("90", ("estimate", "16/16"), unit="%")), WORSE)) == 1
    assert only(plan_with(trend("100", ("estimate", "16/16"), unit="%")), WORSE) == []


def test_part_year_counts_are_no_ceiling_for_lower_is_better_targets() -> None:
    # 4 crimes in six months is not a level a yearly "at most 6" must stay under ...
    crimes = trend("6", ("six_months", "4"), direction="lower_better", unit="vụ")
    assert only(plan_with(crimes), WORSE) == []
    # ... but a rate is, and a count already passed in nine months is a low target.
    rate = trend("0,8%", ("six_months", "0,5%"), direction="lower_better")
    jobs = trend("200", ("nine_months", "230"), unit="người")
    assert len(only(plan_with(rate), WORSE)) == 1
    assert len(only(plan_with(jobs), WORSE)) == 1


# --------------------------------------------------------------------------- 4. words


def test_words_read_two_ways_without_a_meaning_are_an_error() -> None:
    [check] = run_checks(plan_with(row("Dân số", target("12,575 người"))))
    assert (check.code, check.severity) == (Code.AMBIGUOUS_NUMBER, E)
    assert check.location == Location(LocationKind.INDICATOR, "uid-Dân số", (0, 0), YEAR,
                                      "target")
    text = check.render()
    assert '"12,575 người"' in text and "12575 (with a thousands separator)" in text
    assert "12 point 575 (with a decimal separator)" in text


def test_a_meaning_the_vietnamese_reader_shares_is_fine() -> None:
    data = plan_with(
        row("a", target("2.016 học sinh", kind="number", value="2016", unit="học sinh")),
        row("b", target("12,575", kind="number", value="12.575")),
        row("c", target("0,125", kind="number", value="0.125")),
        row("d", target("9.949.000.000đ", kind="number", value="9949000000", unit="đ")),
    )
    assert run_checks(data) == []


def test_a_meaning_the_printed_words_contradict_is_a_warning() -> None:
    data = plan_with(
        row("a", target("12,575", kind="number", value="12575")),
        row("b", target("2.016 ha", kind="number", value="2.016", unit="ha")),
        row("c", target("1,500 - 2,000 ha", kind="range", low="1500", high="2000", unit="ha")),
    )
    checks = run_checks(data)
    assert [(c.code, c.severity) for c in checks] == [(Code.AMBIGUOUS_NUMBER_PRINTED, W)] * 3
    a, b, c = (x.render() for x in checks)
    assert "taken to mean 12575" in a and "reads it as 12 point 575" in a
    assert a.endswith('Write it "12.575".')
    assert "taken to mean 2 point 016" in b and "reads it as 2016" in b
    assert b.endswith('Write it "2,016 ha".')
    assert c.endswith('Write it "1.500 - 2.000 ha".')


@pytest.mark.parametrize(("text", "reason"), [
    ("9.94.000đ", '"9.94.000" is not a number written in a usual way'),
    ("khoảng 5 hoặc 7 vụ", "several figures (5, 7)"),
    ("tăng cường 5 lần", "the words around the figure are not a form"),
    ("20 - 15%", "several figures (20, 15)"),
])
def test_words_that_cannot_be_read_are_a_warning_saying_why(text: str, reason: str) -> None:
    [check] = run_checks(plan_with(row("Số vụ", target(text))))
    assert (check.code, check.severity) == (Code.UNREADABLE_VALUE, W)
    assert f'"Số vụ" (target 2024) is written "{text}"' in check.render()
    assert reason in check.render()


def test_words_kept_as_unreadable_in_the_file_are_flagged() -> None:
    data = plan_with(row("a", value(YEAR - 1, "estimate", "chưa có số liệu",
                                    kind="unreadable"), target("5")))
    [check] = run_checks(data)
    assert check.code is Code.UNREADABLE_VALUE
    assert check.location.period == "estimate"
    assert "kept as words to be corrected" in check.render()


def test_qualitative_targets_are_not_flagged() -> None:
    assert run_checks(plan_with(row("a", target("Đạt chuẩn")),
                                row("b", target("hoàn thành", kind="qualitative")))) == []


# --------------------------------------------------------------------------- 5. document


def test_the_printable_rules_are_those_of_layout() -> None:
    data = seed(SEED_003)
    plan = data["plan"]
    for key in ("title", "symbol", "place"):
        plan[key] = ""
    plan["issuing_body"] = ["", " "]
    plan["signature"]["position"] = ""
    plan["signature"]["signer"] = ""
    with pytest.raises(layout.DocumentIncomplete) as refused:
        layout.check_printable(plan)
    checks = only(data, Code.MISSING_FIELD)
    assert [(c.location.kind, c.location.key) for c in checks] == [
        (LocationKind.HEADER, "issuing_body"), (LocationKind.HEADER, "symbol"),
        (LocationKind.HEADER, "place"), (LocationKind.HEADER, "title"),
        (LocationKind.SIGNATURE, "position"), (LocationKind.SIGNATURE, "signer")]
    assert all(c.severity is E for c in checks)
    # The parts are named as the refusal to print names them.
    named = {m.render() for m in refused.value.params["missing"]}
    assert {c.message.params["part"].render() for c in checks} == named
    assert checks[0].render() == ("The document has no issuing body; it cannot be printed "
                                  "without it.")


def test_a_date_without_year_is_an_error_without_day_or_month_a_warning() -> None:
    data = seed(SEED_003)
    data["plan"]["date"]["day"] = None
    assert found(data) == [("missing_day_month", "warning", "date")]
    data["plan"]["date"]["year"] = None
    assert found(data) == [("missing_field", "error", "date")]


def test_a_blank_number_is_a_warning() -> None:
    data = seed(SEED_003)
    data["plan"]["number"] = ""
    [check] = run_checks(data)
    assert (check.code, check.severity) == (Code.MISSING_NUMBER, W)
    assert '"Số: …/KH-UBND"' in check.render()


def test_no_legal_basis_is_a_warning() -> None:
    data = seed(SEED_003)
    data["plan"]["legal_bases"] = []
    assert found(data) == [("no_legal_basis", "warning", "legal_bases")]


def test_recipients_none_is_an_error_without_the_archive_copy_a_warning() -> None:
    data = seed(SEED_003)
    data["plan"]["recipients"] = data["plan"]["recipients"][:-1]  # drop "Lưu: VT"
    assert [(c.code, c.severity, c.location) for c in run_checks(data)] == [
        (Code.NO_ARCHIVE_COPY, W, Location(LocationKind.RECIPIENTS))]
    data["plan"]["recipients"] = [{"name": " ", "purpose": ""}]
    assert [(c.code, c.severity) for c in run_checks(data)] == [(Code.NO_RECIPIENTS, E)]


def test_a_signature_on_behalf_of_nobody_is_an_error() -> None:
    data = seed(SEED_003)
    data["plan"]["signature"]["authority_body"] = ""
    [check] = run_checks(data)
    assert (check.code, check.location) == (
        Code.MISSING_FIELD, Location(LocationKind.SIGNATURE, "authority_body"))
    assert 'the line after "TM."' in check.render()
    data["plan"]["signature"]["authority"] = ""  # the head signs in their own name
    assert run_checks(data) == []


def test_a_unit_without_name_is_an_error() -> None:
    data = seed(SEED_003)
    data["plan"]["unit"]["name"] = ""
    assert found(data) == [("missing_field", "error", "name")]
    assert run_checks(data)[0].location.kind is LocationKind.UNIT


def test_an_empty_section_is_a_warning_pointing_at_it() -> None:
    data = seed(SEED_003)
    sections = data["plan"]["sections"]
    sections[1]["children"][0]["text"] = ""  # "1. Về kinh tế"
    sections[0]["children"][1]["text"] = " "
    checks = run_checks(data)
    assert [(c.code, c.location) for c in checks] == [
        (Code.EMPTY_SECTION, Location(LocationKind.SECTION, sections[0]["children"][1]["uid"],
                                      (0, 1))),
        (Code.EMPTY_SECTION, Location(LocationKind.SECTION, sections[1]["children"][0]["uid"],
                                      (1, 0))),
    ]
    assert checks[0].render().startswith("A heading or paragraph of the body has no text")
    assert checks[1].render() == "Section 1. has no text; it would print empty."


def test_a_field_with_neither_text_nor_indicators_is_a_warning() -> None:
    data = seed(SEED_003)
    plan = data["plan"]
    for node in walk(plan["sections"]):
        if node["field"] == "defence_security":
            node["field"] = None
    assert found(data) == []  # its indicators still cover it
    plan["indicator_groups"] = [g for g in plan["indicator_groups"]
                                if g["field"] != "defence_security"]
    [check] = run_checks(data)
    assert (check.code, check.severity, check.location) == (
        Code.EMPTY_FIELD, W, Location(LocationKind.FIELD, "defence_security"))
    assert "Nothing in the plan is about defence and security" in check.render()


def test_a_section_inherits_the_field_of_the_heading_above_it() -> None:
    data = seed(SEED_003)
    plan = data["plan"]
    plan["indicator_groups"] = []
    for node in walk(plan["sections"]):
        if node["field"] == "government" and node["kind"] != "heading":
            node["field"] = None  # the paragraphs under "4. Về xây dựng chính quyền"
    assert found(data) == []
    for node in walk(plan["sections"]):
        if node["field"] == "government":
            node["field"] = None  # now nothing says those paragraphs are about government
    assert found(data) == [("empty_field", "warning", "government")]


# --------------------------------------------------------------------------- never raises


_TEXTS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.,-–/% trởlêndướigiảmtăngsovớinăm", max_size=30),
    st.sampled_from(["12,575", "1,500 - 2,000 ha", "Nông nghiệp 20% - CN 30% - DV 50%",
                     "9.94.000", "0", "0/0", "giảm 0 hộ", "dưới 0%", "1e9", "NaN"]),
)
_KINDS = st.sampled_from([None, "number", "range", "at_least", "at_most", "ratio", "change",
                          "qualitative", "unreadable"])
_NUMBERS = st.one_of(st.none(), st.sampled_from(["0", "100", "-3", "12575", "0.1", "1e3",
                                                 "NaN", "abc"]))


@st.composite
def _entries(draw: st.DrawFn) -> dict[str, Any]:
    entry = {"year": draw(st.sampled_from([YEAR - 1, YEAR])),
             "period": draw(st.sampled_from(["target", "six_months", "nine_months",
                                             "estimate", "final"])),
             "text": draw(_TEXTS)}
    kind = draw(_KINDS)
    if kind is not None:
        entry["kind"] = kind
        for key in ("value", "low", "high", "numerator", "denominator"):
            number = draw(_NUMBERS)
            if number is not None:
                entry[key] = number
        entry["unit"] = draw(st.sampled_from(["", "%", "hộ", "đ"]))
    return entry


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_entries(), max_size=4), min_size=6, max_size=6),
       st.sampled_from(["higher_better", "lower_better", "keep"]))
def test_run_checks_never_raises_on_any_value_words(
        values: list[list[dict[str, Any]]], direction: str) -> None:
    parts = [row(f"part {i}", *values[i], unit="%", direction=direction) for i in range(3)]
    data = plan_with(
        row("Cơ cấu kinh tế", *values[3], children=parts, direction=direction),
        row("Thu ngân sách", *values[4], unit="đ", direction=direction),
        row("Tỷ lệ hộ nghèo", *values[5], direction=direction, set_by="upper"),
    )
    checks = run_checks(data)
    for check in checks:
        assert isinstance(check, Check)
        assert check.severity in (E, W)
        assert isinstance(check.render(), str)
    assert [c.severity for c in checks] == sorted((c.severity for c in checks),
                                                  key=lambda s: s is not E)
