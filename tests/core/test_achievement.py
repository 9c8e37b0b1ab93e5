"""Percent of plan, status and year-on-year comparison (core.achievement)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardplan_desktop.core.achievement import (
    NOT_COMPARABLE,
    Achievement,
    Comparison,
    compare,
    evaluate,
)
from wardplan_desktop.core.enums import Direction, Status, ValueKind
from wardplan_desktop.core.errors import WardPlanError
from wardplan_desktop.core.numbers import format_number
from wardplan_desktop.core.values import Value, parse_value, unreadable

PROPERTY = settings(max_examples=250, deadline=None)

D = Decimal
UP, DOWN, KEEP = Direction.HIGHER_BETTER, Direction.LOWER_BETTER, Direction.KEEP
EXC, ACH, NOT, NC = Status.EXCEEDED, Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NOT_COMPARABLE


def v(text: str) -> Value:
    return parse_value(text, style="vi")


def check(target: str, result: str, direction: Direction, status: Status,
          percent: str | None, base: Decimal | None = None) -> Achievement:
    a = evaluate(v(target), v(result), direction, base=base)
    assert a.status is status, (target, result, direction)
    if percent is None:
        assert a.percent is None
        assert a.percent_text() == ""
    else:
        assert a.percent == D(percent)
        assert a.percent.as_tuple().exponent == -2  # always two places
    return a


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("target", "result", "direction", "status", "percent"),
    [
        ("100 hộ", "120 hộ", UP, EXC, "120.00"),
        ("100 hộ", "100 hộ", UP, ACH, "100.00"),
        ("100 hộ", "80 hộ", UP, NOT, "80.00"),
        ("10 vụ", "8 vụ", DOWN, EXC, "80.00"),
        ("10 vụ", "10 vụ", DOWN, ACH, "100.00"),
        ("10 vụ", "12 vụ", DOWN, NOT, "120.00"),
        ("98%", "98%", KEEP, ACH, "100.00"),
        ("98%", "99%", KEEP, NOT, "101.02"),
        ("98%", "97%", KEEP, NOT, "98.98"),
        ("3", "2", UP, NOT, "66.67"),  # rounded half up to two places
        ("3", "1", UP, NOT, "33.33"),
        ("8", "1", UP, NOT, "12.50"),
        ("18,0", "18", UP, ACH, "100.00"),  # 18,0 and 18 are the same figure
        ("58 tạ/ha", "60,5 tạ/ha", UP, EXC, "104.31"),
        ("100 hộ", "120", UP, EXC, "120.00"),  # a result without unit is taken as is
        ("100", "120 hộ", UP, EXC, "120.00"),
    ],
)
def test_number_targets(target: str, result: str, direction: Direction, status: Status,
                        percent: str) -> None:
    check(target, result, direction, status, percent)


def test_revenue_percent_of_plan_as_printed() -> None:
    a = check("9.949.000.000đ", "26.706.000.000 đồng", UP, EXC, "268.43")
    assert a.percent_text() == "268,43%"
    a = check("9.949.000.000đ", "9.949.000.000đ", UP, ACH, "100.00")
    assert a.percent_text() == "100%"


def test_percent_rounds_half_up() -> None:
    # 1/8 = 12,5 %; 1/800 = 0,125 % which rounds up to 0,13 %.
    assert evaluate(v("800"), v("1")).percent == D("0.13")
    assert evaluate(v("8"), v("1")).percent_text() == "12,5%"


@pytest.mark.parametrize("direction", [UP, DOWN, KEEP])
def test_zero_target_has_no_percent(direction: Direction) -> None:
    a = evaluate(v("0 vụ"), v("0 vụ"), direction)
    assert a == Achievement(ACH, None)
    a = evaluate(v("0 vụ"), v("2 vụ"), direction)
    assert a.percent is None and a.percent_text() == ""
    assert a.status is {UP: EXC, DOWN: NOT, KEEP: NOT}[direction]


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("result", "direction", "status"),
    [
        ("15%", UP, ACH), ("15%", DOWN, ACH), ("15%", KEEP, ACH),
        ("14,5%", UP, ACH), ("16,5%", DOWN, ACH),  # both ends belong to the range
        ("17%", UP, EXC), ("17%", DOWN, NOT), ("17%", KEEP, NOT),
        ("14%", UP, NOT), ("14%", DOWN, EXC), ("14%", KEEP, NOT),
    ],
)
def test_range_targets(result: str, direction: Direction, status: Status) -> None:
    check("14,5 – 16,5 %", result, direction, status, None)


def test_range_against_a_part_of_a_whole_counts_its_share() -> None:
    # 19/20 = 95 % lies inside "85% đến 100%".
    check("85% đến 100%", "19/20", UP, ACH, None)
    check("85% đến 100%", "16/20", UP, NOT, None)


# --------------------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    ("target", "result", "status", "percent"),
    [
        ("90% trở lên", "95%", ACH, "105.56"),
        ("90% trở lên", "90%", ACH, "100.00"),
        ("90% trở lên", "89,9%", NOT, "99.89"),
        ("trên 90% trở lên", "90%", ACH, "100.00"),  # read as at least 90
        ("trên 96%", "96,5%", ACH, "100.52"),
        ("trên 96%", "96%", NOT, "100.00"),  # the bound itself is not above it
        ("trên 96%", "95%", NOT, "98.96"),
        ("từ 99,63% trở lên", "100%", ACH, "100.37"),
        ("giảm còn 2,57%", "2,57%", ACH, None),
        ("giảm còn 2,57%", "2,5%", ACH, None),
        ("giảm còn 2,57%", "2,6%", NOT, None),
        ("dưới 0,15%", "0,1%", ACH, None),
        ("dưới 0,15%", "0,15%", NOT, None),  # the bound itself is not below it
        ("dưới 11,44%", "12%", NOT, None),
    ],
)
@pytest.mark.parametrize("direction", [UP, DOWN, KEEP])
def test_bound_targets(target: str, result: str, status: Status, percent: str | None,
                       direction: Direction) -> None:
    # A bound is met or not whatever the indicator's direction; it is never "exceeded".
    check(target, result, direction, status, percent)


def test_bound_against_a_part_of_a_whole_in_percent() -> None:
    check("90% trở lên", "19/20", UP, ACH, "105.56")  # 95 %
    check("90% trở lên", "17/20", UP, NOT, "94.44")  # 85 %


# --------------------------------------------------------------------------- parts of a whole


@pytest.mark.parametrize(
    ("target", "result", "direction", "status", "percent"),
    [
        ("5/5 khóm", "5/5 khóm", UP, ACH, "100.00"),
        ("5/5 khóm", "4/5 khóm", UP, NOT, "80.00"),
        ("5/5 khóm", "4 khóm", UP, NOT, "80.00"),  # a count of the same whole
        ("5/5 khóm", "4", UP, NOT, "80.00"),
        ("5/5 khóm", "5", UP, ACH, "100.00"),
        ("16/16 đơn (100%)", "15/16 đơn", UP, NOT, "93.75"),
        ("16/16 đơn (100%)", "16/16 đơn", UP, ACH, "100.00"),
        ("4/5 khóm", "5/5 khóm", UP, EXC, "125.00"),
        ("4/5 khóm", "8/10 khóm", UP, ACH, "100.00"),  # the same share of a whole
        ("2/10 trường", "1/10 trường", DOWN, EXC, "50.00"),
        ("2/10 trường", "3/10 trường", DOWN, NOT, "150.00"),
        ("4/5 khóm", "5/5 khóm", KEEP, NOT, "125.00"),
        ("0/5 khóm", "0/5 khóm", DOWN, ACH, None),
    ],
)
def test_ratio_targets(target: str, result: str, direction: Direction, status: Status,
                       percent: str | None) -> None:
    check(target, result, direction, status, percent)


@pytest.mark.parametrize(
    ("target", "result"),
    [("5/0 khóm", "5/5 khóm"), ("5/5 khóm", "5/0 khóm"), ("5/5 khóm", "4 - 5 khóm"),
     ("5/5 khóm", "trên 4 khóm")],
)
def test_ratio_with_an_empty_whole_or_no_figure_is_not_comparable(target: str,
                                                                   result: str) -> None:
    check(target, result, UP, NC, None)


# --------------------------------------------------------------------------- changes


@pytest.mark.parametrize(
    ("target", "result", "base", "status", "percent"),
    [
        ("giảm 03 hộ", "giảm 4 hộ", None, EXC, "133.33"),
        ("giảm 03 hộ", "giảm 3 hộ", None, ACH, "100.00"),
        ("giảm 03 hộ", "giảm 2 hộ", None, NOT, "66.67"),
        ("giảm 03 hộ", "tăng 1 hộ", None, NOT, "-33.33"),
        ("giảm 03 hộ nghèo so với năm 2023", "giảm 4 hộ nghèo", None, EXC, "133.33"),
        # an absolute result, measured from the base year's figure
        ("giảm 03 hộ", "46 hộ", D(50), EXC, "133.33"),
        ("giảm 03 hộ", "47 hộ", D(50), ACH, "100.00"),
        ("giảm 03 hộ", "49 hộ", D(50), NOT, "33.33"),
        ("tăng 0,5% so với năm 2022", "tăng 0,7%", None, EXC, "140.00"),
        ("tăng 0,5% so với năm 2022", "tăng 0,5%", None, ACH, "100.00"),
        ("tăng 0,5% so với năm 2022", "giảm 0,5%", None, NOT, "-100.00"),
        ("tăng 0,5% so với năm 2022", "12,3%", D("12"), NOT, "60.00"),
        ("tăng 0 hộ", "tăng 0 hộ", None, ACH, None),
        ("tăng 0 hộ", "giảm 1 hộ", None, NOT, None),
    ],
)
@pytest.mark.parametrize("direction", [UP, DOWN, KEEP])
def test_change_targets(target: str, result: str, base: Decimal | None, status: Status,
                        percent: str | None, direction: Direction) -> None:
    # The sign of the change says which way is good, whatever the indicator's direction.
    check(target, result, direction, status, percent, base=base)


@pytest.mark.parametrize("result", ["46 hộ", "46", "4/5 hộ", "2 - 3 hộ"])
def test_change_against_an_absolute_result_needs_the_base(result: str) -> None:
    check("giảm 03 hộ nghèo so với năm 2023", result, UP, NC, None)


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("target", "result", "status"),
    [
        ("đạt", "đạt", ACH),
        ("Đạt chuẩn", "đạt chuẩn", ACH),
        ("Đạt chuẩn", "Đạt", ACH),
        ("hoàn thành", "Hoàn thành.", ACH),
        ("duy trì", "duy trì", ACH),
        ("duy trì", "giữ vững", ACH),
        ("hoàn thành", "vượt kế hoạch", ACH),
        ("đạt", "chưa đạt", NOT),
        ("đạt", "không đạt", NOT),
        ("Đạt chuẩn", "Chưa đạt chuẩn", NOT),
        ("hoàn thành", "không hoàn thành", NOT),
        ("đạt", "xem xét sau", NC),
        ("hoàn thành", "đang triển khai", NC),
    ],
)
@pytest.mark.parametrize("direction", [UP, DOWN, KEEP])
def test_qualitative_targets(target: str, result: str, status: Status,
                             direction: Direction) -> None:
    check(target, result, direction, status, None)


# --------------------------------------------------------------------------- not comparable


@pytest.mark.parametrize(
    ("target", "result"),
    [
        ("đạt", "100%"),  # words against a number
        ("100%", "đạt"),  # a number against words
        ("90% trở lên", "đạt"),
        ("14,5 – 16,5 %", "hoàn thành"),
        ("100 người", "100 hộ"),  # different units
        ("9.949.000.000đ", "9,9 tỷ đồng"),
        ("5/5 khóm", "5/5 tổ dân phố"),
        ("giảm 03 hộ", "giảm 4 người"),
        ("90% trở lên", "95 người"),
        ("100 người", "90 - 110 người"),  # a range is not a result
        ("100 người", "trên 90 người"),  # nor is a bound
        ("14,5 – 16,5 %", "dưới 15%"),
    ],
)
@pytest.mark.parametrize("direction", [UP, DOWN, KEEP])
def test_pairs_that_cannot_be_compared(target: str, result: str, direction: Direction) -> None:
    check(target, result, direction, NC, None)


def test_unit_aliases_compare() -> None:
    check("9.949.000.000đ", "10.000.000.000 đồng", UP, EXC, "100.51")
    check("2.016 học sinh", "2.016 hs", UP, ACH, "100.00")
    check("100 Hộ", "100 hộ", UP, ACH, "100.00")  # units compare without case


@pytest.mark.parametrize("target", ["100 hộ", "đạt", "5/5 khóm", "giảm 03 hộ", "90% trở lên"])
def test_missing_or_unreadable_values_are_not_comparable(target: str) -> None:
    t = v(target)
    assert evaluate(t, None) == NOT_COMPARABLE
    assert evaluate(None, t) == NOT_COMPARABLE
    assert evaluate(None, None) == NOT_COMPARABLE
    assert evaluate(t, unreadable("khoảng 3 hoặc 4 hộ")) == NOT_COMPARABLE
    assert evaluate(unreadable("khoảng 3 hoặc 4 hộ"), t) == NOT_COMPARABLE
    assert NOT_COMPARABLE.status is NC and NOT_COMPARABLE.percent_text() == ""


def test_huge_figures_do_not_break_the_percent() -> None:
    # A typing slip of thirty digits must give a figure, not an exception.
    a = evaluate(v("0,0001"), v("1" * 30))
    assert a.status is EXC
    assert a.percent is not None and a.percent > D(10) ** 30
    assert a.percent_text().endswith("%")
    c = compare(v("1" * 30), v("0,0001"))
    assert c is not None and c.as_percent().startswith("bằng ")


# --------------------------------------------------------------------------- properties


@st.composite
def decimals(draw: st.DrawFn, max_integer_digits: int = 15) -> Decimal:
    places = draw(st.integers(0, 4))
    bound = 10 ** (max_integer_digits + places) - 1
    return Decimal(draw(st.integers(-bound, bound))).scaleb(-places)


def number(value: Decimal, unit: str = "hộ") -> Value:
    return Value(ValueKind.NUMBER, "", value=value, unit=unit)


@PROPERTY
@given(decimals(), decimals())
def test_number_status_follows_the_figures(t: Decimal, r: Decimal) -> None:
    up = evaluate(number(t), number(r), UP)
    assert (up.status is EXC) == (r > t)
    assert (up.status is ACH) == (r == t)
    assert (up.status is NOT) == (r < t)
    assert (up.percent is None) == (t == 0)
    if t != 0:
        error = abs(up.percent - r / t * 100)
        # Rounded to 2 places, except that a figure short of (or past) the target never
        # shows as 100,00%: it shows 99,99% (100,01%), up to 0,01 from the exact ratio.
        near_100 = up.percent in (D("99.99"), D("100.01"))
        assert error <= (D("0.01") if near_100 else D("0.005"))
    down = evaluate(number(t), number(r), DOWN)
    swap = {EXC: NOT, NOT: EXC, ACH: ACH}
    assert down.status is swap[up.status]
    assert down.percent == up.percent
    keep = evaluate(number(t), number(r), KEEP)
    assert keep.status is (ACH if r == t else NOT)


@PROPERTY
@given(decimals())
def test_number_target_met_exactly_is_a_hundred_percent(t: Decimal) -> None:
    a = evaluate(number(t), number(t))
    assert a.status is ACH
    assert a.percent == (None if t == 0 else D("100.00"))


@PROPERTY
@given(decimals(), decimals(), decimals())
def test_range_status(a: Decimal, b: Decimal, r: Decimal) -> None:
    low, high = min(a, b), max(a, b)
    target = Value(ValueKind.RANGE, "", low=low, high=high, unit="%")
    result = number(r, "%")
    for direction in (UP, DOWN, KEEP):
        got = evaluate(target, result, direction)
        assert got.percent is None
        if low <= r <= high:
            assert got.status is ACH
        elif (direction is UP and r > high) or (direction is DOWN and r < low):
            assert got.status is EXC
        else:
            assert got.status is NOT


UNITS = ["", "%", "hộ", "người", "khóm", "đ", "đồng", "tỷ đồng", "vụ"]


def _texts() -> st.SearchStrategy[str]:
    n = decimals(32).map(lambda d: format_number(abs(d)))
    unit = st.sampled_from(UNITS)
    joined = st.sampled_from(UNITS).map(lambda u: u if u in ("", "%", "đ") else " " + u)
    words = st.sampled_from(["đạt", "chưa đạt", "không đạt", "hoàn thành", "Đạt chuẩn",
                             "duy trì", "xem xét", "có", "tốt"])
    return st.one_of(
        st.tuples(n, joined).map("".join),
        st.tuples(n, n, joined).map(lambda x: f"{x[0]} - {x[1]}{x[2]}"),
        st.tuples(n, joined).map(lambda x: f"{x[0]}{x[1]} trở lên"),
        st.tuples(st.sampled_from(["trên", "dưới", "giảm còn", "tối đa"]), n, joined)
        .map(lambda x: f"{x[0]} {x[1]}{x[2]}"),
        st.tuples(n, n, unit).map(lambda x: f"{x[0]}/{x[1]} {x[2]}".strip()),
        st.tuples(st.sampled_from(["tăng", "giảm"]), n, unit,
                  st.sampled_from(["", " so với năm 2023"]))
        .map(lambda x: f"{x[0]} {x[1]} {x[2]}".strip() + x[3]),
        words,
        st.text(max_size=20),
    )


def _parsed(text: str) -> Value:
    try:
        return parse_value(text, style="vi")
    except WardPlanError:
        return unreadable(text)


@PROPERTY
@given(_texts().map(_parsed), _texts().map(_parsed), st.sampled_from(list(Direction)),
       st.one_of(st.none(), decimals(20)))
def test_evaluate_never_raises(target: Value, result: Value, direction: Direction,
                               base: Decimal | None) -> None:
    a = evaluate(target, result, direction, base=base)
    assert isinstance(a.status, Status)
    assert a.percent is None or a.percent.as_tuple().exponent == -2
    a.percent_text()
    if target.kind in (ValueKind.AT_MOST, ValueKind.LESS_THAN, ValueKind.RANGE,
                       ValueKind.QUALITATIVE):
        assert a.percent is None
    if result.kind is ValueKind.UNREADABLE or target.kind is ValueKind.UNREADABLE:
        assert a == NOT_COMPARABLE
    c = compare(target, result)
    if c is not None:
        c.as_percent("năm 2022")
        c.as_delta("hộ", "năm 2022")


# --------------------------------------------------------------------------- year on year


def test_compare_as_percent_with_the_same_period_last_year() -> None:
    c = compare(v("8.271 vụ"), v("10.000 vụ"))
    assert c == Comparison(D("82.71"), D(-1729))
    assert c.as_percent("năm 2022") == "bằng 82,71% so với năm 2022"
    assert c.as_percent() == "bằng 82,71%"
    assert c.as_delta("vụ", "năm 2022") == "giảm 1.729 vụ so với năm 2022"


def test_compare_as_delta_for_counts() -> None:
    c = compare(v("5 vụ"), v("4 vụ"))
    assert c is not None
    assert c.delta == 1
    assert c.as_delta("vụ", "năm 2022") == "tăng 01 vụ so với năm 2022"
    assert c.as_delta() == "tăng 01"
    assert c.as_percent("năm 2022") == "bằng 125% so với năm 2022"
    assert compare(v("3 hộ"), v("5 hộ")).as_delta("hộ") == "giảm 02 hộ"
    assert compare(v("25 hộ"), v("13 hộ")).as_delta("hộ") == "tăng 12 hộ"
    same = compare(v("4 hộ"), v("4 hộ")).as_delta("hộ", "năm 2022")
    assert same == "không thay đổi so với năm 2022"
    assert "tăng" not in same and "giảm" not in same
    assert compare(v("4 hộ"), v("4 hộ")).as_percent() == "bằng 100%"


def test_compare_as_delta_for_amounts_has_no_leading_zero() -> None:
    assert compare(v("14,5 tỷ đồng"), v("13 tỷ đồng")).as_delta("tỷ đồng") == "tăng 1,5 tỷ đồng"
    assert compare(v("12,5"), v("13")).as_delta() == "giảm 0,5"
    # A whole difference written with decimals is not a count: no "01,0".
    assert compare(v("18,0"), v("17,0")).as_delta() == "tăng 1,0"


def test_compare_against_zero_has_no_percent() -> None:
    c = compare(v("3 vụ"), v("0 vụ"))
    assert c is not None and c.percent is None
    assert c.as_percent("năm 2022") == ""
    assert c.as_delta("vụ", "năm 2022") == "tăng 03 vụ so với năm 2022"


@pytest.mark.parametrize(
    ("current", "previous"),
    [("5 vụ", "4 hộ"), ("5 vụ", "đạt"), ("4 - 5 vụ", "4 vụ"), ("5/5 khóm", "4/5 khóm"),
     ("trên 5 vụ", "4 vụ")],
)
def test_compare_only_numbers_of_the_same_unit(current: str, previous: str) -> None:
    assert compare(v(current), v(previous)) is None
    assert compare(v(previous), v(current)) is None


def test_compare_with_a_missing_figure() -> None:
    assert compare(None, v("4 vụ")) is None
    assert compare(v("4 vụ"), None) is None


@PROPERTY
@given(decimals(), decimals())
def test_compare_property(current: Decimal, previous: Decimal) -> None:
    c = compare(number(current), number(previous))
    assert c is not None
    assert c.delta == current - previous
    assert (c.percent is None) == (previous == 0)
    words = c.as_delta("hộ", "năm 2022")
    assert words.endswith(" so với năm 2022")
    expected_word = (
        "tăng" if current > previous else "giảm" if current < previous else "không thay đổi"
    )
    assert words.startswith(expected_word)


def test_just_short_of_the_plan_never_prints_100_percent() -> None:
    target, result = v("9.949.000.000đ"), v("9.948.960.000đ")
    outcome = evaluate(target, result, Direction.HIGHER_BETTER)
    assert outcome.status is Status.NOT_ACHIEVED
    assert outcome.percent == Decimal("99.99")
    past = evaluate(v("9.949.000.000đ"), v("9.949.040.000đ"), Direction.HIGHER_BETTER)
    assert past.status is Status.EXCEEDED and past.percent == Decimal("100.01")


@pytest.mark.parametrize("words", ["Đạt một phần", "cơ bản hoàn thành", "Hoàn thành một phần"])
def test_partly_done_is_not_achieved(words: str) -> None:
    assert evaluate(v("hoàn thành"), v(words)).status is Status.NOT_ACHIEVED
