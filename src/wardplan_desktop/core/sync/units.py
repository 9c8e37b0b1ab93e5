"""The units an upper level receives plans from, registered from a list (CSV or Excel).

An upper level usually knows its wards, communes and townships before any of
them sends a file: the province's or city's list of administrative units.
:func:`import_unit_list` reads such a list — a CSV file (UTF-8, with or without
a byte order mark, comma or semicolon separated as Excel writes it) or the
first sheet of an Excel workbook — whose first row names the columns: code
(Mã đơn vị), name (Tên đơn vị) and level (Cấp: phường, xã, thị trấn, đặc khu),
in Vietnamese or English, with or without diacritics.  Other columns (STT,
Ghi chú…) are ignored.

The list is taken whole or not at all: every row is checked first and any
problem refuses the file, naming the rows, with nothing stored changed.
Units already registered here get the list's name and level; new ones are
registered under this office.  A unit is never removed because the list
leaves it out (it may have sent files already); the result names such units.
Every change is recorded in the audit trail (action ``register``).

A data folder that is not set up yet becomes this upper level with its first
list, but only when the office's own code, name and level are given: guessing
them from a list of wards would be guessing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..enums import UnitLevel
from ..errors import (
    MSG_CANNOT_READ_FILE,
    QT_TRANSLATE_NOOP,
    InputError,
    Message,
    WardPlanError,
    describe_os_error,
)
from ..storage import history
from ..storage.database import Database
from ..storage.schema import AuditEntry, PinnedKey, Plan, Unit
from .exchange import MSG_WARD_FOLDER, OWN_UNIT, ROLE, get_setting, set_setting

MAX_BYTES = 20 * 1024 * 1024  # a national list of 3,321 units is about 200 kB
MAX_UNPACKED = 200 * 1024 * 1024  # what a workbook may expand to (no archive bombs)
MAX_ROWS = 20_000
LIMIT_ROWS = QT_TRANSLATE_NOOP("Errors", "{count} rows")
MAX_PROBLEMS = 10  # rows named in one message; the rest are counted
CODE_LENGTH, NAME_LENGTH = 64, 200  # the columns of the unit table

#: The levels of the units a list registers, as the data model stores them.
MEMBER_LEVELS = (UnitLevel.WARD, UnitLevel.COMMUNE, UnitLevel.TOWNSHIP, UnitLevel.SPECIAL_ZONE)
#: The levels an upper level itself may have.
UPPER_LEVELS = (UnitLevel.PROVINCE, UnitLevel.CITY, UnitLevel.DISTRICT)
#: The Vietnamese word of each level, as lists and people write it.
LEVEL_WORDS = {
    UnitLevel.WARD: "phường", UnitLevel.COMMUNE: "xã", UnitLevel.TOWNSHIP: "thị trấn",
    UnitLevel.SPECIAL_ZONE: "đặc khu", UnitLevel.DISTRICT: "quận/huyện/thị xã",
    UnitLevel.CITY: "thành phố", UnitLevel.PROVINCE: "tỉnh",
}

# Header names and level words, as :func:`fold` leaves them (no diacritics, lower case).
_COLUMNS = {
    "code": {"ma", "ma don vi", "ma dvhc", "ma don vi hanh chinh", "ma so", "ma xa",
             "ma phuong", "code", "unit code"},
    "name": {"ten", "ten don vi", "ten dvhc", "ten don vi hanh chinh", "don vi", "name",
             "unit name", "unit"},
    "level": {"cap", "cap don vi", "cap hanh chinh", "loai", "loai don vi", "level",
              "unit level", "type"},
}
_MEMBER_WORDS = {
    "phuong": UnitLevel.WARD, "ward": UnitLevel.WARD,
    "xa": UnitLevel.COMMUNE, "commune": UnitLevel.COMMUNE,
    "thi tran": UnitLevel.TOWNSHIP, "township": UnitLevel.TOWNSHIP,
    "dac khu": UnitLevel.SPECIAL_ZONE, "special zone": UnitLevel.SPECIAL_ZONE,
}
_UPPER_WORDS = {
    "tinh": UnitLevel.PROVINCE, "province": UnitLevel.PROVINCE,
    "thanh pho": UnitLevel.CITY, "thanh pho truc thuoc trung uong": UnitLevel.CITY,
    "city": UnitLevel.CITY,
    "quan": UnitLevel.DISTRICT, "huyen": UnitLevel.DISTRICT, "thi xa": UnitLevel.DISTRICT,
    "thanh pho thuoc tinh": UnitLevel.DISTRICT, "district": UnitLevel.DISTRICT,
}
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)

MSG_LIST_FORMAT = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a unit list the program can read: use a CSV file (.csv) "
    "or an Excel workbook (.xlsx).")
MSG_LIST_OLD_EXCEL = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is in the old Excel format (.xls). Open it in Excel, save it as "
    "an Excel workbook (.xlsx) or as CSV UTF-8, and import that file.")
MSG_LIST_BAD_XLSX = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a valid Excel workbook (.xlsx); it may be damaged or "
    "only named like one. Open it in Excel and save it again, or save it as CSV UTF-8.")
MSG_LIST_XLSX_AS_CSV = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is an Excel workbook named as a CSV file. Rename it to end in "
    ".xlsx, or save it from Excel as CSV UTF-8.")
MSG_LIST_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not text in UTF-8. In Excel choose Save As, type \"CSV UTF-8 "
    "(Comma delimited)\", and import that file.")
MSG_LIST_EMPTY = QT_TRANSLATE_NOOP("Errors", "The file {path} is empty; no unit was registered.")
MSG_LIST_NO_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} has a header row but no units under it; no unit was registered.")
MSG_LIST_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is too large for a list of units (at most {limit}).")
MSG_LIST_HEADER = QT_TRANSLATE_NOOP(
    "Errors", "The first row of {path} must name the columns, and it has none for: {missing}. "
    "The columns are the code (\"Mã đơn vị\" or \"code\"), the name (\"Tên đơn vị\" or "
    "\"name\") and the level (\"Cấp\" or \"level\").")
MSG_LIST_HEADER_TWICE = QT_TRANSLATE_NOOP(
    "Errors", "The first row of {path} names the {column} twice (columns {first} and "
    "{second}); keep one of them.")
MSG_LIST_REFUSED = QT_TRANSLATE_NOOP(
    "Errors", "The unit list {path} was not imported and nothing was changed: {problems}.")
MSG_ROW_NO_CODE = QT_TRANSLATE_NOOP("Errors", "row {row}: the code is missing")
MSG_ROW_NO_NAME = QT_TRANSLATE_NOOP("Errors", "row {row}: the name is missing")
MSG_ROW_NO_LEVEL = QT_TRANSLATE_NOOP("Errors", "row {row}: the level is missing")
MSG_ROW_BAD_LEVEL = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: \"{level}\" is not a level of a unit (phường, xã, thị trấn or đặc khu)")
MSG_ROW_TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: the {column} is longer than {limit} characters")
MSG_ROW_DUPLICATE = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: the code {code} is already in row {first}")
MSG_ROW_OTHER_UPPER = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: the code {code} belongs to a unit of another upper level ({upper})")
MSG_ROW_OWN = QT_TRANSLATE_NOOP("Errors", "row {row}: the code {code} is this office's own code")
MSG_ROW_OWN_UPPER = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: the code {code} is the upper level of this office")
MSG_ROW_CASE = QT_TRANSLATE_NOOP(
    "Errors", "row {row}: the code {code} is held here as {stored}; write it the same way")
MSG_MORE_ROWS = QT_TRANSLATE_NOOP("Errors", "and {count} more rows with problems")
MSG_COLUMN_CODE = QT_TRANSLATE_NOOP("Errors", "code")
MSG_COLUMN_NAME = QT_TRANSLATE_NOOP("Errors", "name")
MSG_COLUMN_LEVEL = QT_TRANSLATE_NOOP("Errors", "level")
MSG_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is not set up as an upper level yet. Give this office's own "
    "code, name and level with the first unit list (on the command line: --own-code, "
    "--own-name, --own-level).")
MSG_OTHER_OWN = QT_TRANSLATE_NOOP(
    "Errors", "This data folder is the upper level {own}; it cannot become {code}. Nothing was "
    "changed.")
MSG_OWN_INCOMPLETE = QT_TRANSLATE_NOOP(
    "Errors", "This office's code, name and level must all be given.")
MSG_OWN_LEVEL = QT_TRANSLATE_NOOP(
    "Errors", "\"{level}\" is not the level of an upper level (tỉnh, thành phố, quận, huyện or "
    "thị xã).")

_COLUMN_WORDS = {"code": MSG_COLUMN_CODE, "name": MSG_COLUMN_NAME, "level": MSG_COLUMN_LEVEL}


@dataclass(frozen=True)
class OwnUnit:
    """This office, for a data folder that becomes an upper level with its first list."""

    code: str
    name: str
    level: str  # a level word (tỉnh, thành phố, quận…) or a UnitLevel value


@dataclass(frozen=True)
class UnitListResult:
    """What importing a list did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    not_listed: tuple[str, ...] = ()  # registered here before, absent from the list (kept)
    set_up_as: str | None = None  # this office's code, when the list made the folder its own


@dataclass(frozen=True)
class RegisteredUnit:
    code: str
    name: str
    level: str
    key_fingerprint: str = ""  # pinned on the unit's first file; "" before it


@dataclass
class ListRow:
    """One data row of a unit list, with what is wrong with it on its own."""

    number: int  # the row of the file, as a spreadsheet numbers it (the header is 1)
    code: str
    name: str
    level: UnitLevel | None
    problem: WardPlanError | None = None


_Table = list[tuple[int, list[str]]]  # (row number, cells) of every row of a file


# --------------------------------------------------------------------------- words


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: how header names and levels are compared."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def member_level(text: str) -> UnitLevel | None:
    """The level of a listed unit: "phường", "Xã", "thi tran", "commune", "special_zone"…"""
    return _MEMBER_WORDS.get(fold(text))


def upper_level(text: str) -> UnitLevel | None:
    """The level of an upper level: "tỉnh", "thành phố", "huyện", "district"…"""
    return _UPPER_WORDS.get(fold(text))


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number: 26734.0 is 26734
    return _clean(str(value))


# --------------------------------------------------------------------------- reading


def _read_source(source: Path | str | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, name
    path = Path(source)
    label = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(MSG_LIST_TOO_LARGE, path=label, limit="20 MB")
        return path.read_bytes(), label
    except OSError as exc:
        raise InputError(MSG_CANNOT_READ_FILE, path=label, detail=describe_os_error(exc)) \
            from exc


def _read_csv(raw: bytes, label: str) -> _Table:
    if raw.startswith(_ZIP_MAGIC):
        raise InputError(MSG_LIST_XLSX_AS_CSV, path=label)
    if raw.startswith(_OLE_MAGIC):
        raise InputError(MSG_LIST_OLD_EXCEL, path=label)
    if b"\x00" in raw:  # UTF-16 ("Unicode text") or not text at all
        raise InputError(MSG_LIST_NOT_UTF8, path=label)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(MSG_LIST_NOT_UTF8, path=label) from exc
    text = text.removeprefix("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")

    def recognised(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        names = {fold(c) for c in cells}
        return sum(bool(names & aliases) for aliases in _COLUMNS.values()), len(cells)

    # Excel writes ";" where the decimal separator is "," (as in Vietnamese settings):
    # the delimiter is the one under which the first row names the columns.
    delimiter = max(_DELIMITERS, key=recognised)
    table: _Table = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                raise InputError(MSG_LIST_TOO_LARGE, path=label,
                                 limit=Message("Errors", LIMIT_ROWS, count=MAX_ROWS))
            table.append((number, [_clean(c) for c in cells]))
    except csv.Error as exc:
        raise InputError(MSG_LIST_FORMAT, path=label) from exc
    return table


def _read_xlsx(raw: bytes, label: str) -> _Table:
    if raw.startswith(_OLE_MAGIC):
        raise InputError(MSG_LIST_OLD_EXCEL, path=label)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(MSG_LIST_BAD_XLSX, path=label) from exc
    if unpacked > MAX_UNPACKED:
        raise InputError(MSG_LIST_TOO_LARGE, path=label, limit="200 MB")
    from openpyxl import load_workbook

    table: _Table = []
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, default styles…);
            # only the cells' values matter here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if number > MAX_ROWS + 1:
                        raise InputError(MSG_LIST_TOO_LARGE, path=label,
                                         limit=Message("Errors", LIMIT_ROWS, count=MAX_ROWS))
                    table.append((number, [_cell_text(v) for v in values]))
            finally:
                workbook.close()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse a foreign file is a refusal
        raise InputError(MSG_LIST_BAD_XLSX, path=label) from exc
    return table


def _header(cells: list[str], label: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = fold(cell)
        for column, aliases in _COLUMNS.items():
            if name in aliases:
                if column in columns:
                    raise InputError(MSG_LIST_HEADER_TWICE, path=label,
                                     column=WardPlanError(_COLUMN_WORDS[column]),
                                     first=columns[column] + 1, second=index + 1)
                columns[column] = index
    missing = [WardPlanError(_COLUMN_WORDS[c]) for c in _COLUMNS if c not in columns]
    if missing:
        raise InputError(MSG_LIST_HEADER, path=label, missing=missing)
    return columns


def read_unit_list(source: Path | str | bytes, name: str = "") -> list[ListRow]:
    """Every data row of a list, each checked on its own (not against the database).

    ``name`` is the file's name when ``source`` is its bytes (its extension says
    the format).  Problems of the whole file are raised; a row's own problem is
    set on the row.
    """
    raw, label = _read_source(source, name)
    suffix = Path(label).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        if suffix == ".xls":
            raise InputError(MSG_LIST_OLD_EXCEL, path=label)
        raise InputError(MSG_LIST_FORMAT, path=label)
    if not raw.strip():
        raise InputError(MSG_LIST_EMPTY, path=label)
    if len(raw) > MAX_BYTES:
        raise InputError(MSG_LIST_TOO_LARGE, path=label, limit="20 MB")
    table = _read_csv(raw, label) if suffix == ".csv" else _read_xlsx(raw, label)
    rows = [(n, cells) for n, cells in table if any(cells)]
    if not rows:
        raise InputError(MSG_LIST_EMPTY, path=label)
    (_, header), data = rows[0], rows[1:]
    columns = _header(header, label)
    if not data:
        raise InputError(MSG_LIST_NO_ROWS, path=label)
    out: list[ListRow] = []
    for number, cells in data:
        code, name_, level_text = (cells[columns[c]] if columns[c] < len(cells) else ""
                                   for c in ("code", "name", "level"))
        level = member_level(level_text)
        problem: WardPlanError | None = None
        if not code:
            problem = WardPlanError(MSG_ROW_NO_CODE, row=number)
        elif not name_:
            problem = WardPlanError(MSG_ROW_NO_NAME, row=number)
        elif not level_text:
            problem = WardPlanError(MSG_ROW_NO_LEVEL, row=number)
        elif level is None:
            problem = WardPlanError(MSG_ROW_BAD_LEVEL, row=number, level=level_text)
        elif len(code) > CODE_LENGTH:
            problem = WardPlanError(MSG_ROW_TOO_LONG, row=number,
                                    column=WardPlanError(MSG_COLUMN_CODE), limit=CODE_LENGTH)
        elif len(name_) > NAME_LENGTH:
            problem = WardPlanError(MSG_ROW_TOO_LONG, row=number,
                                    column=WardPlanError(MSG_COLUMN_NAME), limit=NAME_LENGTH)
        out.append(ListRow(number, code, name_, level, problem))
    return out


# --------------------------------------------------------------------------- storing


def _own_unit(session: Session, own: OwnUnit | None) -> tuple[Unit, bool]:
    """This office's unit, setting the folder up as the upper level ``own`` if it is not yet."""
    role, own_code = get_setting(session, ROLE), get_setting(session, OWN_UNIT)
    if own is not None:
        code, name = _clean(own.code), _clean(own.name)
        if not (code and name and own.level.strip()):
            raise InputError(MSG_OWN_INCOMPLETE)
        level = upper_level(own.level) or (UnitLevel(own.level) if own.level in
                                            {lv.value for lv in UPPER_LEVELS} else None)
        if level is None:
            raise InputError(MSG_OWN_LEVEL, level=own.level)
    if role == "upper" and own_code:
        if own is not None and code != own_code:
            raise InputError(MSG_OTHER_OWN, own=own_code, code=code)
        unit = session.scalar(select(Unit).where(Unit.code == own_code))
        assert unit is not None, "an upper level's folder holds its own unit"
        return unit, False
    if role is not None:  # a ward's folder
        raise InputError(MSG_WARD_FOLDER, own=own_code or "—")
    held = session.scalars(select(Unit.code).join(Plan, Plan.unit_id == Unit.id)
                           .distinct().order_by(Unit.code)).all()
    if held:  # plans but no role: a ward's folder that has not sent anything yet
        raise InputError(MSG_WARD_FOLDER, own=", ".join(held))
    if own is None:
        raise InputError(MSG_NOT_SET_UP)
    unit = session.scalar(select(Unit).where(Unit.code == code))
    if unit is None:
        unit = Unit(code=code, name=name, level=level.value)
        session.add(unit)
    set_setting(session, ROLE, "upper")
    set_setting(session, OWN_UNIT, code)
    session.flush()
    return unit, True


def import_unit_list(db: Database, source: Path | str | bytes, *, name: str = "",
                     own: OwnUnit | None = None) -> UnitListResult:
    """Register the units of a list (CSV or XLSX) under this upper level, all or nothing.

    ``source`` is a path, or the file's bytes with its ``name`` (whose extension
    says the format).  ``own`` sets up a data folder that is not an upper level
    yet; for a folder that is one already it must name the same office.
    Raises :class:`InputError` naming the rows at fault; nothing is stored then.
    """
    label = name or (str(source) if not isinstance(source, bytes) else "")
    rows = read_unit_list(source, name)
    file_name = Path(label).name
    with db.session() as session:
        office, set_up = _own_unit(session, own)
        problems = [r.problem for r in rows if r.problem is not None]
        ancestors: dict[str, Unit] = {}
        upper = office.upper
        while upper is not None and upper.code not in ancestors:
            ancestors[upper.code] = upper
            upper = upper.upper
        units = {u.code.casefold(): u for u in session.scalars(select(Unit))}
        seen: dict[str, int] = {}
        checked: list[tuple[ListRow, Unit | None]] = []
        for row in rows:
            if not row.code:
                continue
            key = row.code.casefold()
            unit = units.get(key)
            problem: WardPlanError | None = None
            if key in seen:
                problem = WardPlanError(MSG_ROW_DUPLICATE, row=row.number, code=row.code,
                                        first=seen[key])
            elif key == office.code.casefold():
                problem = WardPlanError(MSG_ROW_OWN, row=row.number, code=row.code)
            elif unit is not None and unit.code in ancestors:
                problem = WardPlanError(MSG_ROW_OWN_UPPER, row=row.number, code=row.code)
            elif unit is not None and unit.code != row.code:
                problem = WardPlanError(MSG_ROW_CASE, row=row.number, code=row.code,
                                        stored=unit.code)
            elif unit is not None and unit.upper is not None and unit.upper is not office:
                problem = WardPlanError(MSG_ROW_OTHER_UPPER, row=row.number, code=row.code,
                                        upper=f"{unit.upper.name} ({unit.upper.code})")
            seen.setdefault(key, row.number)
            if problem is not None:
                problems.append(problem)
            elif row.problem is None:
                checked.append((row, unit))
        if problems:
            problems.sort(key=lambda p: p.params["row"])
            shown: list[WardPlanError] = problems[:MAX_PROBLEMS]
            if len(problems) > MAX_PROBLEMS:
                shown.append(WardPlanError(MSG_MORE_ROWS, count=len(problems) - MAX_PROBLEMS))
            # Raising ends the unit of work: a folder being set up stays unset too.
            raise InputError(MSG_LIST_REFUSED, path=label, problems=shown)
        actor = session.info.get(history.ACTOR) or history.default_actor()
        if set_up:
            session.add(AuditEntry(actor=actor, action="register", unit_code=office.code,
                                   detail=f"this office: {office.name} ({office.level}) "
                                          f"— {file_name}"))
        added = updated = unchanged = 0
        listed = set()
        for row, unit in checked:
            listed.add(row.code)
            if unit is None or unit.upper is None:
                if unit is None:
                    unit = Unit(code=row.code, name=row.name, level=row.level.value)
                    session.add(unit)
                    detail = f"added: {row.name} ({row.level.value})"
                else:  # known here (from a file or a template) but under no upper level
                    detail = (f"registered: {unit.name} ({unit.level}) → {row.name} "
                              f"({row.level.value})")
                    unit.name, unit.level = row.name, row.level.value
                unit.upper = office
                added += 1
            elif (unit.name, unit.level) != (row.name, row.level.value):
                changes = [f"{what}: {old} → {new}" for what, old, new in (
                    ("name", unit.name, row.name), ("level", unit.level, row.level.value))
                    if old != new]
                detail = "updated: " + "; ".join(changes)
                unit.name, unit.level = row.name, row.level.value
                updated += 1
            else:
                unchanged += 1
                continue
            session.add(AuditEntry(actor=actor, action="register", unit_code=row.code,
                                   detail=f"{detail} — {file_name}"))
        not_listed = tuple(sorted(
            u.code for u in units.values()
            if u.upper is office and u.code not in listed))
        return UnitListResult(added, updated, unchanged, not_listed,
                              office.code if set_up else None)


def list_units(db: Database) -> list[RegisteredUnit]:
    """The units registered under this upper level, by code; [] in a folder that is not one."""
    upper = aliased(Unit)
    with db.session(write=False) as session:
        if get_setting(session, ROLE) != "upper":
            return []
        rows = session.execute(
            select(Unit.code, Unit.name, Unit.level, PinnedKey.fingerprint)
            .join(upper, Unit.upper_id == upper.id)
            .outerjoin(PinnedKey, PinnedKey.unit_id == Unit.id)
            .where(upper.code == get_setting(session, OWN_UNIT)).order_by(Unit.code)).all()
    return [RegisteredUnit(code, name, level, fp or "") for code, name, level, fp in rows]
