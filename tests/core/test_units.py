"""The upper level's list of units (core.sync.units), over real data folders and real files.

Lists are written as a clerk's Excel writes them: CSV with commas, CSV with
semicolons and a byte order mark ("CSV UTF-8" in Vietnamese regional settings),
and workbooks made with openpyxl.  "Nothing changed" is proved with a dump of
the unit, setting and audit tables taken before and after.
"""

from __future__ import annotations

import io
import sqlite3
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from support import SEED_003
from wardplan_desktop.core import consolidate, service
from wardplan_desktop.core.enums import UnitLevel
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.storage.schema import AuditEntry, Unit
from wardplan_desktop.core.sync import exchange, units
from wardplan_desktop.core.sync.keys import load_identity

OWN = units.OwnUnit("TP-CAOLANH", "Thành phố Cao Lãnh", "thành phố")
LIST = [("P-MYPHU", "Phường Mỹ Phú", "Phường"), ("X-MYTAN", "Xã Mỹ Tân", "Xã"),
        ("TT-MYTHO", "Thị trấn Mỹ Thọ", "Thị trấn")]


def csv_bytes(rows: list[tuple[str, ...]], header: tuple[str, ...] = ("code", "name", "level"),
              delimiter: str = ",", bom: bool = False) -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(r) for r in rows)]
    return (("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n").encode("utf-8")


def xlsx_bytes(rows: list[tuple[Any, ...]], header: tuple[str, ...] = ("Mã đơn vị",
               "Tên đơn vị", "Cấp")) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    other = wb.create_sheet("Khác")  # only the first sheet is read
    other.append(["code", "name", "level"])
    other.append(["NOT-READ", "Không đọc", "xã"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The unit, setting and audit tables as they are on disk."""
    conn = sqlite3.connect(db.path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("unit", "setting", "audit_entry")}
    finally:
        conn.close()


def audit(db: Database) -> list[tuple[str, str, str]]:
    with db.session(write=False) as session:
        return [(a.action, a.unit_code, a.detail)
                for a in session.query(AuditEntry).order_by(AuditEntry.id)]


@pytest.fixture
def upper(db: Database) -> Database:
    """An upper level's folder with the three units of LIST registered."""
    units.import_unit_list(db, csv_bytes(LIST), name="units.csv", own=OWN)
    return db


# --------------------------------------------------------------------------- accepted


def test_a_csv_list_sets_up_the_folder_and_registers_the_units(db: Database) -> None:
    result = units.import_unit_list(db, csv_bytes(LIST), name="units.csv", own=OWN)
    assert result == units.UnitListResult(added=3, set_up_as="TP-CAOLANH")
    assert exchange.folder_role(db) == ("upper", "TP-CAOLANH")
    assert units.list_units(db) == [
        units.RegisteredUnit("P-MYPHU", "Phường Mỹ Phú", "ward"),
        units.RegisteredUnit("TT-MYTHO", "Thị trấn Mỹ Thọ", "township"),
        units.RegisteredUnit("X-MYTAN", "Xã Mỹ Tân", "commune"),
    ]
    entries = audit(db)
    assert [(a, c) for a, c, _ in entries] == [
        ("register", "TP-CAOLANH"), ("register", "P-MYPHU"), ("register", "X-MYTAN"),
        ("register", "TT-MYTHO")]
    assert all(d.endswith("— units.csv") for _, _, d in entries)
    with db.session(write=False) as session:
        own = session.query(Unit).filter_by(code="TP-CAOLANH").one()
        assert (own.name, own.level, own.upper) == ("Thành phố Cao Lãnh", "city", None)


def test_a_semicolon_list_with_a_byte_order_mark_and_vietnamese_headers(
        tmp_path: Path, db: Database) -> None:
    # As Excel saves "CSV UTF-8" where the decimal separator is a comma; the header
    # in capitals without diacritics, an extra STT column, a blank line, text typed
    # with decomposed diacritics.
    rows = [("1", "P-A", unicodedata.normalize("NFD", "Phường  An Hòa"), "PHƯỜNG"),
            ("", "", "", ""),
            ("2", "X-B", "Xã Bình", "xa"), ("3", "DK-C", "Đặc khu Cồn Cỏ", "đặc khu")]
    path = tmp_path / "danh-sach.csv"
    path.write_bytes(csv_bytes(rows, ("STT", "MA DON VI", "Tên Đơn Vị", "cấp"), ";", bom=True))
    result = units.import_unit_list(db, path, own=OWN)
    assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
    registered = {u.code: u for u in units.list_units(db)}
    assert registered["P-A"].name == "Phường An Hòa"  # NFC, single spaces
    assert unicodedata.is_normalized("NFC", registered["P-A"].name)
    assert {c: u.level for c, u in registered.items()} == {
        "P-A": "ward", "X-B": "commune", "DK-C": "special_zone"}


def test_a_workbook_list_reads_its_first_sheet(db: Database) -> None:
    rows = [(26734, "Phường Một", "phường"), (None, None, None),
            ("X-02", "Xã Hai", "commune"), (26736.0, "Thị trấn Ba", "Township")]
    result = units.import_unit_list(db, xlsx_bytes(rows), name="ds.xlsx", own=OWN)
    assert result.added == 3
    assert [u.code for u in units.list_units(db)] == ["26734", "26736", "X-02"]


def test_english_headers_in_a_workbook(db: Database) -> None:
    data = xlsx_bytes([("P-A", "Ward A", "ward")], header=("Unit code", "Unit name", "Level"))
    assert units.import_unit_list(db, data, name="u.xlsx", own=OWN).added == 1


def test_importing_again_updates_names_and_levels_and_reports_the_rest(upper: Database) -> None:
    before = audit(upper)
    again = [("P-MYPHU", "Phường Mỹ Phú", "phường"), ("X-MYTAN", "Phường Mỹ Tân", "phường"),
             ("P-NEW", "Phường Mới", "phường")]
    result = units.import_unit_list(upper, csv_bytes(again), name="v2.csv")
    assert result == units.UnitListResult(added=1, updated=1, unchanged=1,
                                          not_listed=("TT-MYTHO",))
    registered = {u.code: u for u in units.list_units(upper)}
    assert registered["X-MYTAN"] == units.RegisteredUnit("X-MYTAN", "Phường Mỹ Tân", "ward")
    assert "TT-MYTHO" in registered  # kept: it may have sent files
    new = audit(upper)[len(before):]
    assert new == [
        ("register", "X-MYTAN", "updated: name: Xã Mỹ Tân → Phường Mỹ Tân; level: commune → "
                                "ward — v2.csv"),
        ("register", "P-NEW", "added: Phường Mới (ward) — v2.csv")]
    # The same list once more changes nothing at all.
    state = dump(upper)
    assert units.import_unit_list(upper, csv_bytes(again), name="v2.csv") == \
        units.UnitListResult(unchanged=3, not_listed=("TT-MYTHO",))
    assert dump(upper) == state


def test_the_own_unit_may_be_given_again_in_its_own_folder(upper: Database) -> None:
    result = units.import_unit_list(upper, csv_bytes(LIST), name="u.csv", own=OWN)
    assert result.set_up_as is None and result.unchanged == 3


@pytest.mark.parametrize(("text", "level"), [
    ("Phường", UnitLevel.WARD), ("PHUONG", UnitLevel.WARD), ("ward", UnitLevel.WARD),
    ("xã", UnitLevel.COMMUNE), ("Commune", UnitLevel.COMMUNE),
    ("thi tran", UnitLevel.TOWNSHIP), (" Thị  trấn ", UnitLevel.TOWNSHIP),
    ("special_zone", UnitLevel.SPECIAL_ZONE), ("Đặc khu", UnitLevel.SPECIAL_ZONE),
    ("quận", None), ("tỉnh", None), ("", None), ("phường xã", None),
])
def test_level_words(text: str, level: UnitLevel | None) -> None:
    assert units.member_level(text) == level


# --------------------------------------------------------------------------- registration


def test_registered_units_without_a_file_are_missing_until_they_send(
        tmp_path: Path, db: Database) -> None:
    units.import_unit_list(db, csv_bytes(LIST), name="u.csv", own=OWN)
    assert {r.code: r.status for r in consolidate.completeness(db, 2024)} == {
        "P-MYPHU": "missing", "TT-MYTHO": "missing", "X-MYTAN": "missing"}
    # The ward's file is accepted without --accept-new: the unit is registered.
    ward = open_data_folder(tmp_path / "ward")
    service.import_plan_file(ward, SEED_003)
    sent = exchange.export_package(ward, load_identity(tmp_path / "ward"), "P-MYPHU", 2024)
    ward.close()
    out, = exchange.receive_files(db, load_identity(db.path.parent), [("f.wpsync", sent.data)])
    assert out.status == "imported" and not out.new_unit
    rows = {r.code: r.status for r in consolidate.completeness(db, 2024)}
    assert rows == {"P-MYPHU": "received", "TT-MYTHO": "missing", "X-MYTAN": "missing"}
    listed = {u.code: u for u in units.list_units(db)}
    assert listed["P-MYPHU"].key_fingerprint == sent.key_fingerprint
    assert listed["X-MYTAN"].key_fingerprint == ""


def test_a_unit_known_here_under_no_upper_level_is_registered(upper: Database) -> None:
    with upper.session() as session:
        session.add(Unit(code="P-LOOSE", name="Phường Lẻ", level="ward"))
    result = units.import_unit_list(upper, csv_bytes([("P-LOOSE", "Phường Lẻ", "phường")]),
                                     name="u.csv")
    assert result.added == 1
    assert "P-LOOSE" in {u.code for u in units.list_units(upper)}


# --------------------------------------------------------------------------- refused rows


@pytest.fixture
def crowded(upper: Database) -> Database:
    """The upper level also knows a unit of another upper level and its own province."""
    with upper.session() as session:
        other = Unit(code="TP-SADEC", name="Thành phố Sa Đéc", level="city")
        province = Unit(code="T-DONGTHAP", name="Tỉnh Đồng Tháp", level="province")
        session.add_all([other, province,
                         Unit(code="P-SADEC1", name="Phường 1", level="ward", upper=other)])
        session.flush()
        session.query(Unit).filter_by(code="TP-CAOLANH").one().upper = province
    return upper


@pytest.mark.parametrize(("rows", "expected"), [
    ([("P-A", "Phường A", "phường"), ("", "Phường B", "phường")],
     "row 3: the code is missing"),
    ([("P-A", "", "phường")], "row 2: the name is missing"),
    ([("P-A", "Phường A", "")], "row 2: the level is missing"),
    ([("P-A", "Phường A", "phường"), ("Q-1", "Quận 1", "quận")],
     'row 3: "quận" is not a level of a unit'),
    ([("P-A", "Phường A", "phường"), ("P-B", "Phường B", "xã"), ("P-A", "Phường A2", "xã")],
     "row 4: the code P-A is already in row 2"),
    ([("P-A", "Phường A", "phường"), ("p-a", "Phường A", "phường")],
     "row 3: the code p-a is already in row 2"),
    ([("P-SADEC1", "Phường 1", "phường")],
     "row 2: the code P-SADEC1 belongs to a unit of another upper level "
     "(Thành phố Sa Đéc (TP-SADEC))"),
    ([("TP-CAOLANH", "Thành phố Cao Lãnh", "phường")],
     "row 2: the code TP-CAOLANH is this office's own code"),
    ([("T-DONGTHAP", "Tỉnh Đồng Tháp", "xã")],
     "row 2: the code T-DONGTHAP is the upper level of this office"),
    ([("p-myphu", "Phường Mỹ Phú", "phường")],
     "row 2: the code p-myphu is held here as P-MYPHU"),
    ([("P-" + "X" * 70, "Phường X", "phường")], "row 2: the code is longer than 64"),
])
def test_a_bad_row_refuses_the_whole_list(crowded: Database, rows: list[tuple[str, ...]],
                                          expected: str) -> None:
    before = dump(crowded)
    # A new unit and a change to a registered one after the bad rows: neither is stored.
    data = csv_bytes([*rows, ("P-GOOD", "Phường Tốt", "phường"),
                      ("X-MYTAN", "Xã Đổi Tên", "xã")])
    with pytest.raises(InputError) as info:
        units.import_unit_list(crowded, data, name="bad.csv")
    message = str(info.value)
    assert message.startswith("The unit list bad.csv was not imported and nothing was changed")
    assert expected in message
    assert dump(crowded) == before


def test_every_bad_row_is_named_up_to_a_limit(upper: Database) -> None:
    rows = [(f"P-{i}", "", "phường") for i in range(15)]
    with pytest.raises(InputError) as info:
        units.import_unit_list(upper, csv_bytes(rows), name="bad.csv")
    message = str(info.value)
    assert "row 2: the name is missing" in message and "row 11:" in message
    assert "row 12:" not in message and "and 5 more rows with problems" in message


# --------------------------------------------------------------------------- refused files


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b" \r\n;;\r\n", "is empty"),
    ("empty.xlsx", xlsx_bytes([], header=()), "is empty"),
    ("header.csv", csv_bytes([]), "has a header row but no units"),
    ("header.xlsx", xlsx_bytes([]), "has a header row but no units"),
    ("units.txt", csv_bytes(LIST), "use a CSV file (.csv) or an Excel workbook (.xlsx)"),
    ("units", csv_bytes(LIST), "use a CSV file (.csv) or an Excel workbook (.xlsx)"),
    ("units.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old Excel format (.xls)"),
    ("units.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old Excel format (.xls)"),
    # Windows-1258 (the old Vietnamese code page) writes tones as combining marks.
    ("units.csv", unicodedata.normalize("NFD", "code,name,level\nX-A,Xã Mỹ An,xã\n")
     .encode("cp1258"), "is not text in UTF-8"),
    ("units.csv", "code,name,level\nP-A,Phường A,phường\n".encode("utf-16"),
     "is not text in UTF-8"),
    ("units.csv", xlsx_bytes([("P-A", "Phường A", "phường")]),
     "is an Excel workbook named as a CSV file"),
    ("units.xlsx", csv_bytes(LIST), "is not a valid Excel workbook"),
    ("units.xlsx", _zip({"hello.txt": b"hi"}), "is not a valid Excel workbook"),
    ("units.xlsx", xlsx_bytes([("P-A", "Phường A", "phường")])[:-200],
     "is not a valid Excel workbook"),
    ("units.csv", csv_bytes(LIST, ("code", "name", "note")), "has none for: level"),
    ("units.csv", csv_bytes(LIST, ("STT", "Họ tên", "Ghi chú")),
     "has none for: code, name, level"),
    ("units.csv", csv_bytes([("P-A", "A", "phường", "x")], ("code", "name", "level", "Mã")),
     "names the code twice (columns 1 and 4)"),
])
def test_a_file_that_is_not_a_usable_list_is_refused(upper: Database, name: str, data: bytes,
                                                    expected: str) -> None:
    before = dump(upper)
    with pytest.raises(InputError) as info:
        units.import_unit_list(upper, data, name=name)
    assert expected in str(info.value)
    assert name in str(info.value)
    assert dump(upper) == before


def test_a_file_that_cannot_be_read_is_refused(tmp_path: Path, upper: Database) -> None:
    with pytest.raises(InputError) as info:
        units.import_unit_list(upper, tmp_path / "nowhere.csv")
    assert "cannot be read" in str(info.value)


# --------------------------------------------------------------------------- the folder


def test_an_unset_folder_needs_the_office_given(db: Database) -> None:
    before = dump(db)
    with pytest.raises(InputError) as info:
        units.import_unit_list(db, csv_bytes(LIST), name="u.csv")
    assert "not set up as an upper level yet" in str(info.value)
    assert dump(db) == before
    assert exchange.folder_role(db) == (None, None)


def test_a_bad_list_leaves_an_unset_folder_unset(db: Database) -> None:
    before = dump(db)
    with pytest.raises(InputError):
        units.import_unit_list(db, csv_bytes([("P-A", "", "phường")]), name="u.csv", own=OWN)
    assert dump(db) == before


@pytest.mark.parametrize(("own", "expected"), [
    (units.OwnUnit("TP-X", "Thành phố X", "phường"), '"phường" is not the level of an upper'),
    (units.OwnUnit("TP-X", "", "thành phố"), "must all be given"),
    (units.OwnUnit(" ", "Thành phố X", "thành phố"), "must all be given"),
])
def test_the_office_given_must_be_an_upper_level(db: Database, own: units.OwnUnit,
                                                 expected: str) -> None:
    with pytest.raises(InputError) as info:
        units.import_unit_list(db, csv_bytes(LIST), name="u.csv", own=own)
    assert expected in str(info.value)
    assert exchange.folder_role(db) == (None, None)


@pytest.mark.parametrize(("text", "level"), [
    ("Tỉnh", "province"), ("huyện", "district"), ("Thị xã", "district"),
    ("thành phố thuộc tỉnh", "district"), ("city", "city"), ("province", "province")])
def test_the_office_level_words(db: Database, text: str, level: str) -> None:
    units.import_unit_list(db, csv_bytes(LIST), name="u.csv",
                           own=units.OwnUnit("UP", "Cấp trên", text))
    with db.session(write=False) as session:
        assert session.query(Unit).filter_by(code="UP").one().level == level


def test_an_upper_level_folder_does_not_become_another(upper: Database) -> None:
    before = dump(upper)
    with pytest.raises(InputError) as info:
        units.import_unit_list(upper, csv_bytes(LIST), name="u.csv",
                               own=units.OwnUnit("TP-SADEC", "Thành phố Sa Đéc", "thành phố"))
    assert "is the upper level TP-CAOLANH; it cannot become TP-SADEC" in str(info.value)
    assert dump(upper) == before


def test_a_wards_folder_is_refused(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    before = dump(db)
    with pytest.raises(InputError) as info:
        units.import_unit_list(db, csv_bytes(LIST), name="u.csv", own=OWN)
    assert "belongs to ward P-MYPHU" in str(info.value)
    assert dump(db) == before


def test_listing_in_a_folder_that_is_not_an_upper_level(db: Database) -> None:
    assert units.list_units(db) == []
