"""The indicator catalogue: the checked built-in file, search, the user's own entries.

Normalisation of Vietnamese as clerks type it (composed or decomposed Unicode,
đ, old and new tone placement), the refusal of a damaged catalogue file, the
seed plans' indicators transcribed into it, search with and without diacritics
and its ranking, the field filter, entries added and removed by the user and
kept in the database, and the schema-2 database migrated with its data intact.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from support import FIXTURES, SEEDS, seed
from wardplan_desktop.core import catalogue
from wardplan_desktop.core.catalogue import (
    MSG_BAD_FIELD,
    MSG_CATALOGUE,
    MSG_EMPTY_NAME,
    MSG_NOT_OWN,
    MSG_OWN_EXISTS,
    MSG_OWN_NOT_FOUND,
    OWN,
    Catalogue,
    CatalogueError,
    Entry,
    add_entry,
    load_catalogue,
    normalise,
    own_entries,
    remove_entry,
    search,
)
from wardplan_desktop.core.enums import Direction, Field
from wardplan_desktop.core.errors import MSG_CANNOT_READ_FILE, InputError, NotFoundError
from wardplan_desktop.core.storage import database
from wardplan_desktop.core.storage.database import Database

NFD = "NFD"


def nfd(text: str) -> str:
    return unicodedata.normalize(NFD, text)


def names(entries: list[Entry]) -> list[str]:
    return [e.name for e in entries]


def entry(name: str, unit: str = "%", field: Field = Field.CULTURE_SOCIETY,
          direction: Direction = Direction.HIGHER_BETTER, **more: Any) -> Entry:
    return Entry(name, unit, field, direction, "test", **more)


def small(*entries: Entry) -> Catalogue:
    return Catalogue.of(Path("test.json"), {"test": "test entries"}, entries)


# --------------------------------------------------------------------------- normalisation


def test_normalise_ignores_composition_case_spacing_and_diacritics() -> None:
    typed = "Tỷ lệ hộ nghèo"
    assert normalise(typed) == "ty le ho ngheo"
    assert normalise(nfd(typed)) == "ty le ho ngheo"  # decomposed, as some programs paste
    assert normalise("  TỶ   LỆ\u00a0hộ\tnghèo\n") == "ty le ho ngheo"
    assert normalise("ty le ho ngheo") == "ty le ho ngheo"
    # Every vowel with every mark strips to its letter.
    assert normalise("ÀÁẢÃẠ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ "
                     "ùúủũụ ưừứửữự ỳýỷỹỵ") == (
        "aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy")


def test_normalise_turns_every_d_with_stroke_into_d() -> None:
    assert normalise("Đạt") == normalise("đạt") == normalise("ĐẠT") == "dat"
    assert normalise("Quỹ Đền ơn đáp nghĩa") == "quy den on dap nghia"
    # Đ has no decomposition: it must not survive NFD.  Ð (eth, from old encodings)
    # looks the same on screen and is read as the same letter.
    assert normalise(nfd("Đ")) == "d"
    assert normalise("\u00d0\u1ea0T") == "dat"


@pytest.mark.parametrize(("old", "new"), [
    ("hoà", "hòa"), ("Hoà giải", "Hòa giải"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"),
    ("hoá", "hóa"), ("toạ", "tọa"), ("luỹ kế", "lũy kế"),
])
def test_old_and_new_tone_placement_give_the_same_forms(old: str, new: str) -> None:
    assert normalise(old) == normalise(new)
    assert normalise(old, keep_marks=True) == normalise(new, keep_marks=True)
    assert normalise(nfd(old), keep_marks=True) == normalise(new, keep_marks=True)


def test_keep_marks_keeps_what_tells_words_apart() -> None:
    hộ, hồ, hô = (normalise(w, keep_marks=True) for w in ("hộ", "hồ", "hô"))
    assert len({hộ, hồ, hô}) == 3
    assert normalise("hộ") == normalise("hồ") == normalise("hô") == "ho"
    assert normalise("ĐẠT", keep_marks=True) == normalise("đạt", keep_marks=True)
    assert normalise("đạt", keep_marks=True) != normalise("dạt", keep_marks=True)
    # The marks of "ộ" in either order, precomposed or not; the deprecated
    # U+0341 acute tone mark is the acute accent.
    precomposed = normalise("hộ", keep_marks=True)
    assert normalise("ho\u0302\u0323", keep_marks=True) == precomposed
    assert normalise("ho\u0323\u0302", keep_marks=True) == precomposed
    assert normalise("sa\u0341ch", keep_marks=True) == normalise("sách", keep_marks=True)
    assert normalise("  Hộ \u00a0 NGHÈO ", keep_marks=True) == normalise(
        "hộ nghèo", keep_marks=True)


# --------------------------------------------------------------------------- the built-in file


def test_builtin_catalogue_loads_and_is_checked() -> None:
    cat = load_catalogue()
    assert cat.path == catalogue.default_path()
    assert set(cat.sources) == {"qd05_2023", "seed"}
    assert len(cat.entries) == 51
    assert {e.source for e in cat.entries} == {"seed"}
    # No official code is made up: there is none until the Decision's list is transcribed.
    assert all(e.catalogue_code is None for e in cat.entries)
    for e in cat.entries:
        assert isinstance(e.field, Field) and isinstance(e.direction, Direction)
        assert e.name == unicodedata.normalize("NFC", e.name).strip()
        assert e.reference
    by_name = {e.name: e for e in cat.entries}
    assert by_name["Tỷ lệ hộ nghèo"] == Entry(
        "Tỷ lệ hộ nghèo", "%", Field.CULTURE_SOCIETY, Direction.LOWER_BETTER, "seed",
        aliases=("Tỷ lệ hộ nghèo theo chuẩn mới (chuẩn tiếp cận đa chiều)",),
        reference="000 II.6; 003 II.5")
    assert by_name["Quỹ Vì người nghèo"].parent == "Thu ngân sách"
    assert by_name["Thu ngân sách"].unit == "đ"  # from the target, "9.949.000.000đ"
    assert by_name["Tỷ lệ hòa giải thành"].field is Field.GOVERNMENT
    assert by_name["Giao quân đạt chỉ tiêu trên giao"].field is Field.DEFENCE_SECURITY
    assert catalogue.builtin() is catalogue.builtin()  # read once


HEADINGS = {"Giáo dục và đào tạo", "Y tế", "Bảo hiểm xã hội", "Lao động - việc làm",
            "An sinh xã hội", "Văn hoá", "Môi trường", "An toàn thực phẩm"}


def _seed_rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    rows = []

    def walk(nodes: list[dict[str, Any]], field: str) -> None:
        for node in nodes:
            rows.append((field, node))
            walk(node.get("children", []), field)

    for group in seed(path)["plan"]["indicator_groups"]:
        walk(group["indicators"], group["field"])
    return rows


def test_every_indicator_of_the_seed_plans_is_in_the_catalogue() -> None:
    """Each row of the seeds' indicator tables is an entry (or another wording of one)."""
    cat = load_catalogue()
    found = 0
    for path in SEEDS:
        for field, row in _seed_rows(path):
            if row["name"] in HEADINGS or row["name"].startswith("Thực hiện đạt Bộ tiêu chí"):
                continue
            [best, *_] = search(None, row["name"], catalogue=cat)
            assert row["name"] in (best.name, *best.aliases) or (
                row["name"][0].lower() + row["name"][1:] == best.name[0].lower() + best.name[1:]
            ), row["name"]
            assert best.field == field
            if row["name"] == best.name:  # transcribed as given, not merged with another
                assert best.direction == row["direction"]
                assert best.unit == row["unit"] or not row["unit"]
            found += 1
    assert found == 58  # 51 entries; 7 rows are another wording of one of them
    assert sum(len(e.aliases) for e in cat.entries) == 8  # those 7 and one exact wording


def _copy(tmp_path: Path, change: Any = None, *, text: str | None = None) -> Path:
    path = tmp_path / "indicators.json"
    shutil.copyfile(catalogue.default_path(), path)
    if text is not None:
        path.write_text(text, encoding="utf-8")
    elif change is not None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(path: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert info.value.template == MSG_CATALOGUE
    assert info.value.params["path"] == str(path)
    return info.value


def test_a_copy_of_the_builtin_file_loads_the_same(tmp_path: Path) -> None:
    assert load_catalogue(_copy(tmp_path)).entries == load_catalogue().entries


def test_broken_json_is_refused_naming_the_place(tmp_path: Path) -> None:
    good = catalogue.default_path().read_text(encoding="utf-8")
    error = _refused(_copy(tmp_path, text=good.replace('"entries": [', '"entries": [,', 1)))
    message = str(error)
    assert message.startswith(f"The indicator catalogue {tmp_path / 'indicators.json'} "
                              "cannot be used: it is not JSON")
    assert "line 6, column" in message


def test_wrong_field_value_is_refused_naming_the_entry(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["entries"][3]["field"] = "kinh_te"

    message = str(_refused(_copy(tmp_path, change)))
    assert message == (
        f"The indicator catalogue {tmp_path / 'indicators.json'} cannot be used: "
        'entry 4 ("Dân số"): "field" is "kinh_te", which is not one of: economy, '
        "culture_society, defence_security, government.")


def _set(index: int, key: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["entries"][index][key] = value
    return change


def _drop(index: int, key: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        del data["entries"][index][key]
    return change


def _top(key: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        if value is _MISSING:
            del data[key]
        else:
            data[key] = value
    return change


_MISSING = object()


@pytest.mark.parametrize(("change", "words"), [
    (_set(0, "direction", "neutral"),
     '"direction" is "neutral", which is not one of: higher_better, lower_better, keep'),
    (_set(0, "source", "internet"), '"source" is "internet", which is not one of: '),
    (_set(0, "name", "  "), 'entry 1 ("  "): "name" is empty'),
    (_set(0, "name", 12), 'entry 1 (""): "name" must be text'),
    (_set(0, "unit", None), '"unit" must be text'),
    (_set(0, "aliases", "Tốc độ"), '"aliases" must be a list of texts'),
    (_set(0, "catalogue_code", 5), '"catalogue_code" must be text or null'),
    (_set(0, "colour", "red"), '"colour" is not a key of the catalogue format'),
    (_drop(2, "unit"), 'entry 3 ("Công nghiệp-XD"): "unit" is missing'),
    (lambda d: d["entries"][4].update(name="DÂN  SỐ", unit="người"),
     'entry 5 ("DÂN  SỐ"): it repeats entry 4 (the same name and unit)'),
    (_set(1, "parent", "Tốc độ tăng trưởng"),
     'entry 2 ("Dịch vụ"): its parent "Tốc độ tăng trưởng" is not the name of an entry'),
    (lambda d: d["entries"].__setitem__(0, ["Tốc độ"]), 'entry 1 (""): "entries[]" must be an'),
    (lambda d: [d["entries"][i].__setitem__("catalogue_code", "X01") for i in (0, 5)],
     'entry 6 ("Tỷ lệ phát triển dân số tự nhiên"): its catalogue code "X01" is already '
     "used by entry 1"),
    (_top("entries", {}), 'at the top level, "entries" must be a list'),
    (_top("sources", _MISSING), 'at the top level, "sources" is missing'),
    (_top("sources", {"own": "mine"}), '"own" cannot be the name of a source'),
    (_top("comment", "x"), 'at the top level, "comment" is not a key'),
    (_top("format", "wardplan-plan"), 'it is not an indicator catalogue (it has no "format": '
                                      '"wardplan-catalogue")'),
    (_top("format_version", 2), "it is in catalogue format 2, newer than this program"),
    (_top("format_version", 0), '"format_version" is "0", which is not one of: 1'),
], ids=lambda v: "" if callable(v) else v[:40])
def test_damaged_or_wrongly_edited_file_is_refused(
    tmp_path: Path, change: Any, words: str
) -> None:
    assert words in str(_refused(_copy(tmp_path, change)))


def test_non_utf8_and_missing_files_are_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.write_bytes(path.read_bytes().replace("ộ".encode(), "ộ".encode("utf-16-le"), 1))
    assert "not text in UTF-8" in str(_refused(path))
    with pytest.raises(InputError) as info:
        load_catalogue(tmp_path / "nowhere.json")
    assert info.value.template == MSG_CANNOT_READ_FILE


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize("query", [
    "ty le ho ngheo", "Tỷ lệ hộ nghèo", "TỶ LỆ HỘ NGHÈO", "  ty   le ho  ngheo ",
    nfd("Tỷ lệ hộ nghèo"), "tỉ lệ hộ nghèo", "ti le ho ngheo", "tylehongheo", "tỷ lệ hộ nghèo",
])
def test_search_finds_an_indicator_typed_any_way(query: str) -> None:
    assert names(search(None, query))[0] == "Tỷ lệ hộ nghèo"


def test_search_matches_the_beginnings_of_words() -> None:
    found = names(search(None, "ho ngh"))
    assert found == ["Tỷ lệ hộ nghèo", "Số hộ nghèo giảm"]
    assert names(search(None, "ngh ho")) == found  # any order
    assert "Quỹ Đền ơn đáp nghĩa" in names(search(None, "den on"))  # d finds đ
    assert "Quỹ Đền ơn đáp nghĩa" in names(search(None, "d"))
    assert names(search(None, "hoà giải")) == ["Tỷ lệ hòa giải thành"]
    assert names(search(None, "giai thanh hoa")) == ["Tỷ lệ hòa giải thành"]
    assert search(None, "ngheo ho xyz") == []
    assert search(None, "gheo") == []  # inside a word is not the beginning of one


def test_search_finds_other_wordings_of_an_entry() -> None:
    [best, *_] = search(None, "so ho dat gdvh")
    assert best.name == "Tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hoá"
    assert search(None, "giới thiệu lao động đi làm ở nước ngoài")[0].name == "Xuất khẩu lao động"


def test_ranking_exact_then_prefix_then_inside_then_any_order() -> None:
    cat = small(entry("Tỷ lệ dân số tham gia bảo hiểm y tế"), entry("Số dân"),
                entry("Dân số trung bình"), entry("Dân số"), entry("Mật độ dân cư"))
    assert names(search(None, "dan so", catalogue=cat)) == [
        "Dân số",  # exactly the name
        "Dân số trung bình",  # starts with the query
        "Tỷ lệ dân số tham gia bảo hiểm y tế",  # the words in order inside
        "Số dân",  # the words in another order
    ]
    # Typed without the space: the letters run on from the beginning of a word.
    assert names(search(None, "danso", catalogue=cat)) == [
        "Dân số", "Dân số trung bình", "Tỷ lệ dân số tham gia bảo hiểm y tế"]


def test_ranking_prefers_the_diacritics_typed_and_whole_words() -> None:
    cat = small(entry("Hồ sơ giải quyết đúng hạn"), entry("Số hội viên"),
                entry("Tỷ lệ hộ nghèo"), entry("Hộ nghèo"))
    assert names(search(None, "hộ", catalogue=cat)) == [
        "Hộ nghèo", "Tỷ lệ hộ nghèo",  # "hộ" as typed
        "Số hội viên",  # "hộ" begins "hội"
        "Hồ sơ giải quyết đúng hạn",  # only without diacritics
    ]
    # Without diacritics every "ho" counts alike: whole words, then shorter names first.
    assert names(search(None, "ho", catalogue=cat)) == [
        "Hộ nghèo", "Hồ sơ giải quyết đúng hạn", "Tỷ lệ hộ nghèo", "Số hội viên"]
    # On the way to "hộ" ("hô", no tone yet) the tone is not held against any entry.
    assert names(search(None, "hô", catalogue=cat))[:2] == ["Hộ nghèo", "Hồ sơ giải quyết đúng hạn"]


def test_ranking_reads_old_and_new_tone_placement_alike() -> None:
    cat = small(entry("Hóa giải mâu thuẫn"), entry("Tỷ lệ hòa giải thành"))
    for query in ("hoà giải", "hòa giải", nfd("hoà giải")):
        assert names(search(None, query, catalogue=cat)) == [
            "Tỷ lệ hòa giải thành", "Hóa giải mâu thuẫn"]
    assert names(search(None, "hóa giải", catalogue=cat)) == [
        "Hóa giải mâu thuẫn", "Tỷ lệ hòa giải thành"]


def test_ranking_name_before_other_wording_and_code_first() -> None:
    cat = small(entry("BHYT", aliases=("Bảo hiểm y tế của người dân",)),
                entry("Bảo hiểm y tế toàn dân cư trên địa bàn", catalogue_code="X17"))
    assert names(search(None, "bao hiem y te", catalogue=cat)) == [
        "Bảo hiểm y tế toàn dân cư trên địa bàn", "BHYT"]
    # An exact other wording still comes before a name that only starts with the query.
    cat = small(entry("Bảo hiểm y tế toàn dân"), entry("BHYT", aliases=("Bảo hiểm y tế",)))
    assert names(search(None, "bảo hiểm y tế", catalogue=cat)) == [
        "BHYT", "Bảo hiểm y tế toàn dân"]
    cat = small(entry("Tỷ lệ hộ nghèo", catalogue_code="X17"), entry("X17 trạm"))
    assert names(search(None, "x17", catalogue=cat)) == ["Tỷ lệ hộ nghèo", "X17 trạm"]


def test_field_filter_and_limit() -> None:
    everything = search(None, "")
    assert everything == list(load_catalogue().entries[:50])  # catalogue order, 50 at most
    assert len(search(None, "", limit=1000)) == 51
    assert search(None, "   ", limit=3) == everything[:3]
    government = search(None, "", field=Field.GOVERNMENT)
    assert names(government) == ["Tỷ lệ hòa giải thành"]
    assert names(search(None, "ty le", field="government")) == ["Tỷ lệ hòa giải thành"]
    economy = search(None, "thu", field=Field.ECONOMY)
    assert economy and {e.field for e in economy} == {Field.ECONOMY}
    assert names(economy)[0] == "Thu ngân sách"
    assert "Tỷ lệ chất thải rắn được thu gom" in names(search(None, "thu"))
    assert "Tỷ lệ chất thải rắn được thu gom" not in names(economy)
    assert len(search(None, "ty le", limit=2)) == 2
    with pytest.raises(InputError) as info:
        search(None, "ty le", field="kinh_te")
    assert info.value.template == MSG_BAD_FIELD


# --------------------------------------------------------------------------- the user's own entries


def test_own_entries_are_added_found_and_removed(db: Database) -> None:
    assert own_entries(db) == []
    added = add_entry(db, "  Số  camera an ninh\u00a0được lắp đặt ", "cái", Field.DEFENCE_SECURITY,
                      Direction.HIGHER_BETTER)
    assert added == Entry("Số camera an ninh được lắp đặt", "cái", Field.DEFENCE_SECURITY,
                          Direction.HIGHER_BETTER, OWN, own_id=added.own_id)
    assert added.own and added.own_id is not None
    second = add_entry(db, "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "government", "higher_better")
    assert own_entries(db) == [added, second]

    assert search(db, "camera")[0] == added
    assert search(db, "so camera an ninh") == [added]
    assert search(db, "ho so dung han", field=Field.GOVERNMENT) == [second]
    assert search(db, "camera", field=Field.ECONOMY) == []
    assert search(None, "camera") == []  # without the database: built-in entries only
    assert search(db, "", limit=1000)[-2:] == [added, second]  # after the built-in ones

    remove_entry(db, added)
    assert own_entries(db) == [second]
    assert search(db, "camera") == []
    with pytest.raises(NotFoundError) as info:
        remove_entry(db, added)
    assert info.value.template == MSG_OWN_NOT_FOUND
    remove_entry(db, second.own_id)
    assert own_entries(db) == []


def test_own_entries_are_kept_in_the_database(data_dir: Path) -> None:
    with database.open_data_folder(data_dir) as db:
        added = add_entry(db, "Số điểm phát wifi công cộng", "điểm", Field.ECONOMY,
                          Direction.HIGHER_BETTER)
    with database.open_data_folder(data_dir) as again:
        assert own_entries(again) == [added]
        assert search(again, "diem phat wifi") == [added]


@pytest.mark.parametrize("same", [
    "Số điểm phát wifi công cộng", "SỐ ĐIỂM PHÁT WIFI CÔNG CỘNG", "so diem phat wifi cong cong",
    "  Số  điểm phát wifi\tcông cộng ", nfd("Số điểm phát wifi công cộng"),
])
def test_the_same_own_entry_is_refused_however_typed(db: Database, same: str) -> None:
    first = add_entry(db, "Số điểm phát wifi công cộng", "Điểm", Field.ECONOMY, "higher_better")
    with pytest.raises(InputError) as info:
        add_entry(db, same, "điểm", Field.GOVERNMENT, "keep")
    assert info.value.template == MSG_OWN_EXISTS
    assert str(info.value) == ('The catalogue already has the indicator "Số điểm phát wifi công '
                               'cộng" with the unit "Điểm"; it was not added again.')
    assert own_entries(db) == [first]
    # The same name with another unit is another indicator.
    add_entry(db, same, "%", Field.ECONOMY, "higher_better")
    assert len(own_entries(db)) == 2


def test_own_entry_repeating_a_builtin_one_is_refused(db: Database) -> None:
    with pytest.raises(InputError) as info:
        add_entry(db, "ty le ho ngheo", "%", Field.CULTURE_SOCIETY, Direction.LOWER_BETTER)
    assert info.value.template == MSG_OWN_EXISTS
    assert info.value.params == {"name": "Tỷ lệ hộ nghèo", "unit": "%"}
    assert own_entries(db) == []


@pytest.mark.parametrize(("name", "field", "direction", "template"), [
    ("", Field.ECONOMY, Direction.KEEP, MSG_EMPTY_NAME),
    ("  \u00a0\t", Field.ECONOMY, Direction.KEEP, MSG_EMPTY_NAME),
    ("Số vụ cháy", "an_ninh", Direction.LOWER_BETTER, MSG_BAD_FIELD),
    ("Số vụ cháy", Field.DEFENCE_SECURITY, "neutral", catalogue.MSG_BAD_DIRECTION),
])
def test_own_entry_refusals_store_nothing(
    db: Database, name: str, field: str, direction: str, template: str
) -> None:
    with pytest.raises(InputError) as info:
        add_entry(db, name, "vụ", field, direction)
    assert info.value.template == template
    assert own_entries(db) == []


def test_builtin_entries_cannot_be_removed(db: Database) -> None:
    [builtin_entry, *_] = search(db, "ty le ho ngheo")
    with pytest.raises(InputError) as info:
        remove_entry(db, builtin_entry)
    assert info.value.template == MSG_NOT_OWN
    assert search(db, "ty le ho ngheo")[0] == builtin_entry


def test_error_messages_are_templates_for_the_translator(db: Database) -> None:
    with pytest.raises(InputError) as info:
        add_entry(db, " ", "", Field.ECONOMY, Direction.KEEP)
    assert info.value.render(lambda context, text: f"[{context}] {text}") == (
        "[Errors] The indicator has no name; nothing was added to the catalogue.")


# --------------------------------------------------------------------------- migration


SCHEMA_V2 = FIXTURES / "db" / "schema_v2.sqlite3"


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_schema_2_database_migrates_keeping_its_data(tmp_path: Path) -> None:
    """A database of the release with schema 2 (the upper level's, with sync data, as that
    release wrote it) opens in this one, and its catalogue (schema 3) works."""
    path = tmp_path / "old" / database.DB_FILENAME
    path.parent.mkdir()
    shutil.copyfile(SCHEMA_V2, path)
    assert _version(path) == 2
    original = _dump(path)

    with Database(path) as db:
        latest = database.SCHEMA_VERSION
        assert (db.migration.from_version, db.migration.to_version) == (2, latest)
        backup = db.migration.backup
        assert backup is not None and f"before-v{latest}" in backup.name
        assert _dump(backup) == original
        assert _version(path) == latest
        # Every row and table of schema 2 is still there, unchanged; what is new is the
        # catalogue table (schema 3), the tree indexes (schema 4), the receipts' column
        # of compressed plan files (schema 5) and the plans' link to the receipt their
        # text is read from (schema 6), each table's definition holding its new column.
        migrated = _dump(path)
        changed = {"CREATE TABLE sync_receipt": "payload TEXT NOT NULL, payload_deflated BLOB,",
                   'CREATE TABLE "plan"': "receipt_id INTEGER REFERENCES sync_receipt (id)"}
        definitions = {start: line for line in migrated for start in changed
                       if line.startswith(start)}
        assert set(definitions) == set(changed)
        for start, column in changed.items():
            assert column in definitions[start]
        # A row of those tables has its new column empty (NULL) after the others.
        rows = ('INSERT INTO "plan" ', 'INSERT INTO "sync_receipt" ')
        kept = {line[:-2] + ",NULL);" if line.startswith(rows) else line
                for line in original if not line.startswith(tuple(changed))}
        assert kept <= set(migrated)
        original = sorted(kept)
        indexes = ("ix_section_parent_id", "ix_indicator_group_id", "ix_indicator_parent_id",
                   "ix_plan_receipt_id")
        assert [line for line in migrated if line not in original] == [
            line for line in migrated
            if "catalogue_entry" in line or any(f" {ix} " in line for ix in indexes)
            or line in definitions.values()]
        # And the new table works.
        assert own_entries(db) == []
        added = add_entry(db, "Số hộ dùng điện mặt trời", "hộ", Field.ECONOMY,
                          Direction.HIGHER_BETTER)
        assert search(db, "dien mat troi") == [added]
