"""Vietnamese number reading and printing (core.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardplan_desktop.core.errors import (
    AmbiguousNumberError,
    InputError,
    UnreadableValueError,
    WardPlanError,
)
from wardplan_desktop.core.numbers import format_number, format_percent, parse_number

PROPERTY = settings(max_examples=250, deadline=None)


def same(actual: Decimal, expected: str) -> None:
    """Equal value *and* the same written scale ("18,0" is not "18")."""
    assert isinstance(actual, Decimal)
    assert actual == Decimal(expected)
    assert actual.as_tuple() == Decimal(expected).as_tuple()


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.949.000.000", "9949000000"),  # Vietnamese thousands
        ("14,5", "14.5"),  # Vietnamese decimals
        ("7.1", "7.1"),  # English decimals, as one seed prints it
        ("0,03", "0.03"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("03", "3"),  # leading zero of a count
        ("18,0", "18.0"),  # written places are kept
        ("0,125", "0.125"),  # a zero integer part can only be decimals
        ("1234.567", "1234.567"),  # four digits before: no thousands reading
        ("12,3456", "12.3456"),  # four digits after: no thousands reading
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1,234,567", "1234567"),
        ("100", "100"),
        ("0", "0"),
        ("-2,5", "-2.5"),
        ("+5", "5"),
        ("  14,5  ", "14.5"),
        ("\u00a09.949.000\u00a0", "9949000"),
    ],
)
def test_parse_number_reads_both_styles(text: str, expected: str) -> None:
    same(parse_number(text), expected)


@pytest.mark.parametrize("style", ["vi", "en"])
def test_unambiguous_numbers_ignore_style(style: str) -> None:
    # style only settles doubt; it never changes a number that has one reading.
    for text, expected in [
        ("9.949.000.000", "9949000000"),
        ("14,5", "14.5"),
        ("7.1", "7.1"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("0,125", "0.125"),
    ]:
        same(parse_number(text, style=style), expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "integer", "integer_part", "fraction_part", "vi", "en"),
    [
        ("12,575", "12575", "12", "575", "12.575", "12575"),
        ("12.575", "12575", "12", "575", "12575", "12.575"),
        ("2,016", "2016", "2", "016", "2.016", "2016"),
        ("2.016", "2016", "2", "016", "2016", "2.016"),
        ("-4.350", "-4350", "-4", "350", "-4350", "-4.350"),
    ],
)
def test_ambiguous_numbers_are_refused_with_both_readings(
    text: str, integer: str, integer_part: str, fraction_part: str, vi: str, en: str
) -> None:
    with pytest.raises(AmbiguousNumberError) as info:
        parse_number(text)
    error = info.value
    assert isinstance(error, InputError)
    assert error.params["text"] == text
    assert error.params["integer"] == integer
    assert error.params["integer_part"] == integer_part
    assert error.params["fraction_part"] == fraction_part
    # The message names both readings so the clerk can choose.
    message = error.render()
    assert integer in message and fraction_part in message
    # The caller resolves the doubt with style.
    same(parse_number(text, style="vi"), vi)
    same(parse_number(text, style="en"), en)


@pytest.mark.parametrize(
    "text",
    ["1.23.4", "12,34,5", "abc", "", "   ", "1..2", "1,,2", ".5", "5.", "1.234.56", "12a",
     "1.234,5.6", "1,234.567,8", "1.2,3", "--5", "5-", "1 2/3", "½", "12.345,6,7"],
)
def test_malformed_numbers_are_unreadable(text: str) -> None:
    with pytest.raises(UnreadableValueError) as info:
        parse_number(text)
    assert info.value.params["text"] == text.strip()


def test_mixed_separators_need_proper_groups() -> None:
    # "12.34,5": the thousands group is not three digits, so it is no number.
    with pytest.raises(UnreadableValueError):
        parse_number("12.34,5")
    with pytest.raises(UnreadableValueError):
        parse_number("1234.567,8")  # head longer than three digits


# --------------------------------------------------------------------------- printing


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (9949000000, {}, "9.949.000.000"),
        (Decimal("9949000000"), {}, "9.949.000.000"),
        (Decimal("14.5"), {}, "14,5"),
        (Decimal("18.0"), {}, "18,0"),
        (Decimal("0.02"), {}, "0,02"),
        (Decimal("1234567.891"), {}, "1.234.567,891"),
        (Decimal("-1234.5"), {}, "-1.234,5"),
        (-5, {}, "-5"),
        (0, {}, "0"),
        (Decimal("0.00"), {}, "0,00"),
        (Decimal("-0"), {}, "0"),
        (Decimal("-0.00"), {}, "0,00"),
        (Decimal("1E+3"), {}, "1.000"),
        (100, {}, "100"),
        (1000, {}, "1.000"),
        (999, {}, "999"),
        (Decimal("268.425"), {"decimals": 2}, "268,43"),  # half up, not half even
        (Decimal("0.125"), {"decimals": 2}, "0,13"),
        (Decimal("0.145"), {"decimals": 2}, "0,15"),
        (Decimal("-2.5"), {"decimals": 0}, "-3"),
        (Decimal("2.5"), {"decimals": 0}, "3"),
        (Decimal("1234.5"), {"decimals": 0}, "1.235"),
        (Decimal("14.5"), {"decimals": 3}, "14,500"),
        (7, {"decimals": 1}, "7,0"),
        (Decimal("-0.004"), {"decimals": 2}, "0,00"),
        (3, {"min_digits": 2}, "03"),
        (0, {"min_digits": 2}, "00"),
        (12, {"min_digits": 2}, "12"),
        (Decimal("3.5"), {"min_digits": 2}, "03,5"),
        (-3, {"min_digits": 2}, "-03"),
        (Decimal("0.5"), {}, "0,5"),
        # Padding zeros are not grouped as thousands: "0.001" would read as 0,001.
        (1, {"min_digits": 4}, "0001"),
        (1234, {"min_digits": 5}, "01.234"),
        (1234, {"min_digits": 4}, "1.234"),
    ],
)
def test_format_number(value: Decimal | int, kwargs: dict, expected: str) -> None:
    assert format_number(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("268.43"), 2, "268,43%"),
        (Decimal("100.00"), 2, "100%"),
        (Decimal("100"), 2, "100%"),
        (Decimal("82.70"), 2, "82,7%"),
        (Decimal("82.705"), 2, "82,71%"),
        (Decimal("0.004"), 2, "0%"),
        (Decimal("1000.5"), 2, "1.000,5%"),
        (Decimal("-12.50"), 2, "-12,5%"),
        (Decimal("33.3333"), 1, "33,3%"),
        (Decimal("99.96"), 1, "100%"),
        (Decimal("1000"), 2, "1.000%"),  # zeros of the integer part are kept
    ],
)
def test_format_percent_drops_trailing_zeros(value: Decimal, decimals: int, expected: str) -> None:
    assert format_percent(value, decimals) == expected


def test_format_number_of_a_huge_value_with_decimals() -> None:
    # More digits than the default 28-digit decimal context must still print.
    big = Decimal("1" * 40)
    assert format_number(big, decimals=2) == format_number(big) + ",00"
    assert format_percent(big) == format_number(big) + "%"


# --------------------------------------------------------------------------- properties


@st.composite
def decimals(draw: st.DrawFn, max_integer_digits: int = 15, max_places: int = 4) -> Decimal:
    places = draw(st.integers(0, max_places))
    bound = 10 ** (max_integer_digits + places) - 1
    return Decimal(draw(st.integers(-bound, bound))).scaleb(-places)


@PROPERTY
@given(decimals())
def test_format_then_parse_returns_the_same_value(value: Decimal) -> None:
    text = format_number(value)
    back = parse_number(text, style="vi")
    assert isinstance(back, Decimal)
    assert back == value
    # The written decimal places survive the trip as well.
    assert back.as_tuple().exponent == value.as_tuple().exponent or value == 0


@PROPERTY
@given(decimals(), st.integers(0, 4), st.integers(1, 6))
def test_format_with_decimals_rounds_half_up(value: Decimal, places: int, min_digits: int) -> None:
    text = format_number(value, decimals=places, min_digits=min_digits)
    back = parse_number(text, style="vi")
    expected = value.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    assert back == expected
    assert len(text.lstrip("-").split(",")[0].replace(".", "")) >= min_digits
    assert ("," in text) == (places > 0)
    if places:
        assert len(text.split(",")[1]) == places


@PROPERTY
@given(decimals())
def test_english_formatted_numbers_read_with_style_en(value: Decimal) -> None:
    text = f"{value:,f}"  # Python prints the English way: 1,234,567.5
    back = parse_number(text, style="en")
    assert isinstance(back, Decimal)
    assert back == value


@PROPERTY
@given(decimals())
def test_unambiguous_forms_read_the_same_without_style(value: Decimal) -> None:
    # A Vietnamese number with both separators, or none, never needs a style.
    text = format_number(value)
    if text.count(".") + text.count(",") != 1:
        assert parse_number(text) == value


_NUMBERISH = st.text(alphabet="0123456789.,+- \u00a0", max_size=20)


@PROPERTY
@given(st.one_of(st.text(max_size=30), _NUMBERISH))
def test_parse_number_never_raises_anything_else(text: str) -> None:
    for style in (None, "vi", "en"):
        try:
            result = parse_number(text, style=style)  # type: ignore[arg-type]
        except (AmbiguousNumberError, UnreadableValueError) as exc:
            assert isinstance(exc, WardPlanError)
            assert exc.render()  # the message fills in without error
        else:
            assert isinstance(result, Decimal)
            assert not isinstance(result, float)
            assert result.is_finite()


@pytest.mark.parametrize("text", ["12 5", "1 23", "٣", "１２"])
def test_spaces_only_group_thousands_and_digits_are_ascii(text: str) -> None:
    with pytest.raises(UnreadableValueError):
        parse_number(text)


def test_space_grouped_thousands() -> None:
    assert parse_number("9 949 000") == Decimal("9949000")
