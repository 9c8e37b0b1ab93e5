"""Setting up a new data folder: a ward's (with its first plan) or an upper level's.

Everything chosen here can be changed later (the unit form, the upper level's
unit list); the set-up only spares the clerk an empty window on the first day.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import select

from .editing import set_field
from .errors import QT_TRANSLATE_NOOP, InputError
from .service import PlanSummary
from .skeleton import new_plan
from .storage.database import Database
from .storage.schema import Plan, Unit
from .sync.exchange import OWN_UNIT, ROLE, get_setting, set_setting
from .sync.units import OwnUnit, _own_unit, member_level, upper_level

MSG_ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is already in use; it is set up only while it is empty.")
MSG_MISSING = QT_TRANSLATE_NOOP("Errors", "Fill in: {missing}.")
MSG_LEVEL = QT_TRANSLATE_NOOP("Errors", "\"{level}\" is not a level the program knows.")
WHAT = {
    "code": QT_TRANSLATE_NOOP("Errors", "the unit's code"),
    "name": QT_TRANSLATE_NOOP("Errors", "the unit's name"),
    "upper_code": QT_TRANSLATE_NOOP("Errors", "the upper level's code"),
    "upper_name": QT_TRANSLATE_NOOP("Errors", "the upper level's name"),
}
_LEVEL_WORDS = ("phường", "xã", "thị trấn", "đặc khu")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def place_of(name: str) -> str:
    """The place name documents are dated at: "Phường Mỹ Phú" → "Mỹ Phú"."""
    name = _clean(name)
    for word in _LEVEL_WORDS:
        if name.casefold().startswith(word + " "):
            return name[len(word) + 1:]
    return name


def _empty(db: Database) -> None:
    with db.session(write=False) as session:
        if get_setting(session, ROLE) or session.scalar(select(Plan.id).limit(1)):
            raise InputError(MSG_ALREADY_SET_UP)


def set_up_upper(db: Database, code: str, name: str, level: str) -> None:
    """Make an empty data folder the upper level ``code`` (a city, district or province)."""
    _empty(db)
    with db.session() as session:
        _own_unit(session, OwnUnit(code, name, level))


def set_up_ward(db: Database, *, code: str, name: str, level: str, place: str,
                upper_code: str, upper_name: str, upper_level_word: str, signer: str,
                position: str, year: int) -> PlanSummary:
    """Make an empty data folder the ward ``code`` and start its plan for ``year``."""
    values = {"code": _clean(code), "name": _clean(name), "upper_code": _clean(upper_code),
              "upper_name": _clean(upper_name)}
    missing = [WHAT[k] for k, v in values.items() if not v]
    if missing:
        from .errors import Message

        raise InputError(MSG_MISSING, missing=[Message("Errors", m) for m in missing])
    ward_level = member_level(level)
    if ward_level is None:
        raise InputError(MSG_LEVEL, level=level)
    upper = upper_level(upper_level_word)
    if upper is None:
        raise InputError(MSG_LEVEL, level=upper_level_word)
    _empty(db)
    with db.session() as session:
        upper_unit = session.scalar(select(Unit).where(Unit.code == values["upper_code"]))
        if upper_unit is None:
            upper_unit = Unit(code=values["upper_code"], name=values["upper_name"],
                              level=upper.value)
            session.add(upper_unit)
        unit = session.scalar(select(Unit).where(Unit.code == values["code"]))
        if unit is None:
            unit = Unit(code=values["code"], name=values["name"], level=ward_level.value)
            session.add(unit)
        unit.upper = upper_unit
        unit.place_name = _clean(place) or place_of(values["name"])
        unit.issuing_body = f"ỦY BAN NHÂN DÂN\n{values['name'].upper()}"
        set_setting(session, ROLE, "ward")
        set_setting(session, OWN_UNIT, values["code"])
    summary = new_plan(db, values["code"], year)
    for key, value in (("signer", signer), ("sign_position", position)):
        if _clean(value):
            set_field(db, "plan", summary.uid, key, value)
    with db.session(write=False) as session:
        assert get_setting(session, OWN_UNIT) == values["code"]
    return summary
