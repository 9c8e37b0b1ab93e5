"""Vietnamese number formatting and parsing.

Vietnamese documents print ``.`` between thousands and ``,`` before decimals
(9.949.000.000; 14,5).  Real documents are not consistent: a plan may print
"12,575" for twelve thousand five hundred and seventy-five people, or "7.1" for
seven point one percent.  :func:`parse_number` therefore reads both styles
wherever only one reading is possible, and refuses, with both readings, where
two are (a single separator followed by exactly three digits).  The caller may
then resolve the doubt with ``style``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation, localcontext
from typing import Literal

from .errors import AmbiguousNumberError, UnreadableValueError

Style = Literal["vi", "en"]

#: A number as written: digits, optionally grouped or with a decimal part.
# ASCII digits only: other scripts' digits are not how anyone here writes numbers.
NUMBER_PATTERN = r"[0-9]+(?:[.,][0-9]+)*"
_NUMBER_RE = re.compile(rf"^[+-]?{NUMBER_PATTERN}$")
_SPACE_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_SEPARATOR = re.compile(r"[.,]")


def normalize_text(text: str) -> str:
    """NFC-normalise and collapse runs of white space (also no-break spaces)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _groups_ok(head: str, groups: list[str]) -> bool:
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


def parse_number(text: str, style: Style | None = None) -> Decimal:
    """Read one number written in Vietnamese or English style.

    Returns an exact :class:`~decimal.Decimal` that keeps the written decimal
    places ("18,0" → ``Decimal("18.0")``).  Leading zeros are allowed ("03").

    Raises :class:`AmbiguousNumberError` when a single ``.`` or ``,`` is followed
    by exactly three digits and preceded by a non-zero number ("12,575",
    "2.016"), unless ``style`` says which convention the writer used
    (``"vi"``: ``.`` groups thousands, ``,`` marks decimals; ``"en"`` the
    reverse).  ``style`` only settles such doubts; unambiguous input is read the
    same way whatever it is.  Raises :class:`UnreadableValueError` for anything
    that is not a number.
    """
    return read_number(normalize_text(text), style)


def read_number(raw: str, style: Style | None = None) -> Decimal:
    """:func:`parse_number` of text already normalised (by :func:`normalize_text`, or a
    piece of such text): what readers of whole values call, having normalised them."""
    # Spaces may only group thousands ("9 949 000"); "12 5" is not a number.
    if " " in raw and not _SPACE_GROUPED.match(raw):
        raise UnreadableValueError(text=raw)
    compact = raw.replace(" ", "")
    if not _NUMBER_RE.match(compact):
        raise UnreadableValueError(text=raw)
    sign = ""
    if compact[0] in "+-":
        sign, compact = ("-" if compact[0] == "-" else ""), compact[1:]
    if compact.isdigit():  # no separator (ASCII digits only: the pattern matched)
        return Decimal(sign + compact)
    seps = [c for c in compact if c in ".,"]
    digits_only = _SEPARATOR.split(compact)

    def build(integer: str, fraction: str = "") -> Decimal:
        literal = sign + integer + ("." + fraction if fraction else "")
        try:
            return Decimal(literal)
        except InvalidOperation as exc:  # pragma: no cover - the pattern rules this out
            raise UnreadableValueError(text=raw) from exc

    kinds = set(seps)
    if len(kinds) == 2:
        # Both separators: the last one marks the decimals, the other groups thousands.
        decimal_sep = compact[max(compact.rfind("."), compact.rfind(","))]
        group_sep = "," if decimal_sep == "." else "."
        if seps.count(decimal_sep) != 1 or seps[-1] != decimal_sep:
            raise UnreadableValueError(text=raw)
        integer, fraction = compact.split(decimal_sep)
        head, *groups = integer.split(group_sep)
        if not _groups_ok(head, groups):
            raise UnreadableValueError(text=raw)
        return build(head + "".join(groups), fraction)
    sep = seps[0]
    if len(seps) > 1:
        # The same separator several times can only group thousands: 9.949.000.000.
        head, *groups = digits_only
        if not _groups_ok(head, groups):
            raise UnreadableValueError(text=raw)
        return build("".join(digits_only))
    integer, fraction = digits_only
    if len(fraction) != 3 or int(integer) == 0 or len(integer) > 3:
        # "14,5", "7.1", "0,125", "1234.567": only a decimal reading is possible.
        return build(integer, fraction)
    if style is not None:
        thousands_sep = "." if style == "vi" else ","
        return build(integer + fraction) if sep == thousands_sep else build(integer, fraction)
    raise AmbiguousNumberError(
        text=raw,
        integer=sign + integer + fraction,
        integer_part=sign + integer,
        fraction_part=fraction,
    )


def format_number(value: Decimal | int, decimals: int | None = None, min_digits: int = 1) -> str:
    """Print a number the Vietnamese way: 9.949.000.000; 14,5; 0,02.

    ``decimals`` fixes the number of decimal places (rounding half up);
    without it the value's own places are kept ("18,0" stays "18,0").
    ``min_digits`` pads the integer part with leading zeros ("03 hộ").
    """
    d = Decimal(value)
    if decimals is not None:
        with localcontext() as ctx:
            # quantize() raises InvalidOperation when the result has more digits than the
            # context's precision (28 by default): widen it so any finite value prints.
            ctx.prec = max(ctx.prec, d.adjusted() + decimals + 2)
            d = d.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite numbers only
    text = "".join(map(str, digits))
    if exponent >= 0:
        integer, fraction = text + "0" * exponent, ""
    else:
        places = -exponent
        text = text.rjust(places + 1, "0")
        integer, fraction = text[:-places], text[-places:]
    integer = integer.lstrip("0") or "0"
    # Pad after grouping, not before: grouping the padding would print 1 with
    # min_digits=4 as "0.001", which reads back as one thousandth.
    padding = "0" * max(0, min_digits - len(integer))
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    out = padding + ".".join(groups) + ("," + fraction if fraction else "")
    is_zero = not any(digits)
    return ("-" if sign and not is_zero else "") + out


def format_percent(value: Decimal, decimals: int = 2) -> str:
    """A percentage as printed in reports: 268,43%; 100%; 82,7%.

    Trailing zeros of the decimal part are dropped (100,00 → 100).
    """
    text = format_number(value, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"
