"""The plan file (docs/interchange-format.md): reading, checking, storing, writing.

Every wrong file is refused with an :class:`InterchangeError` whose message a
clerk can act on, and the database is left exactly as it was.  Good files
round-trip: export → import → export gives the same data, and the seed
fixtures are themselves canonical exports.
"""

from __future__ import annotations

import copy
import json
import os
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from support import SEED_000, SEED_003, all_strings, indicators, seed, state, strip_uids, write
from wardplan_desktop.core import service
from wardplan_desktop.core.errors import (
    MSG_BAD_VALUE_IN_FILE,
    MSG_CANNOT_READ_FILE,
    MSG_CANNOT_WRITE_FILE,
    MSG_INCONSISTENT,
    MSG_NEWER_FORMAT,
    MSG_NOT_A_PLAN_FILE,
    MSG_NOT_JSON,
    MSG_NOT_UTF8,
    MSG_SCHEMA,
    InterchangeError,
)
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database

# --------------------------------------------------------------------------- helpers


@pytest.fixture
def stored(db: Database) -> Database:
    """A database that already holds a plan (seed 003), which must never change."""
    service.import_plan_file(db, SEED_003)
    return db


# --------------------------------------------------------------------------- refusals


def _json(edit: Callable[[dict[str, Any]], Any]) -> Callable[[], bytes]:
    """File bytes: seed 003, changed in place by ``edit`` (its result is ignored)."""

    def make() -> bytes:
        data = seed()
        edit(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    return make


def _first_indicator(data: dict[str, Any]) -> dict[str, Any]:
    return data["plan"]["indicator_groups"][0]["indicators"][0]


def _set_value_entry(entry: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        _first_indicator(data)["values"] = [entry]

    return edit


def _duplicate_uid(data: dict[str, Any]) -> None:
    sections = data["plan"]["sections"]
    sections[1]["uid"] = sections[0]["uid"]


def _duplicate_value(data: dict[str, Any]) -> None:
    values = _first_indicator(data)["values"]
    values.append(dict(values[0], text="10.000.000.000đ", value="10000000000"))


def _footnote_missing(data: dict[str, Any]) -> None:
    data["plan"]["sections"][0]["text"] += "[^nguon]"


def _footnote_unused(data: dict[str, Any]) -> None:
    data["plan"]["footnotes"] = [{"key": "nguon", "text": "Số liệu của Chi cục Thống kê."}]


def _footnote_twice(data: dict[str, Any]) -> None:
    data["plan"]["sections"][0]["text"] += "[^nguon]"
    data["plan"]["footnotes"] = [{"key": "nguon", "text": "Chi cục Thống kê."},
                                 {"key": "nguon", "text": "Phòng TC-KH."}]


AMBIGUOUS = {"year": 2024, "period": "target", "text": "12,575"}

REFUSALS: dict[str, tuple[Callable[[], bytes], str, list[str]]] = {
    # name: (file bytes, message template, words the message must contain)
    "empty file": (lambda: b"", MSG_NOT_JSON, ["not JSON"]),
    "white space only": (lambda: b"  \r\n", MSG_NOT_JSON, ["not JSON"]),
    "not JSON": (lambda: b"{\"format\": \"wardplan-plan\",", MSG_NOT_JSON,
                 ["not JSON", "line 1, column 28"]),
    "a spreadsheet": (lambda: b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
                      MSG_NOT_UTF8, ["not text"]),
    "JSON list": (lambda: b"[1, 2, 3]", MSG_NOT_A_PLAN_FILE, ["not a WardPlan plan file"]),
    "JSON string": (lambda: b"\"wardplan-plan\"", MSG_NOT_A_PLAN_FILE,
                    ["not a WardPlan plan file"]),
    "JSON null": (lambda: b"null", MSG_NOT_A_PLAN_FILE, ["not a WardPlan plan file"]),
    "other format": (_json(lambda d: d.update(format="wardplan-sync")), MSG_NOT_A_PLAN_FILE,
                     ["not a WardPlan plan file", "wardplan-plan"]),
    "no format": (_json(lambda d: d.pop("format")), MSG_NOT_A_PLAN_FILE,
                  ["not a WardPlan plan file"]),
    "format version 2": (_json(lambda d: d.update(format_version=2, future={"x": 1})),
                         MSG_NEWER_FORMAT, ["format 2", "Update WardPlan Desktop"]),
    "format version 0": (_json(lambda d: d.update(format_version=0)), MSG_SCHEMA,
                         ["format_version"]),
    "format version as text": (_json(lambda d: d.update(format_version="1")), MSG_SCHEMA,
                               ["format_version"]),
    "missing title": (_json(lambda d: d["plan"].pop("title")), MSG_SCHEMA,
                      ["'title' is a required property"]),
    "unknown key": (_json(lambda d: d["plan"].update(colour="red")), MSG_SCHEMA,
                    ["'colour' was unexpected"]),
    "unknown key in a value": (
        _json(lambda d: _first_indicator(d)["values"][0].update(percent="101")), MSG_SCHEMA,
        ["'percent' was unexpected"]),
    "wrong kind": (_json(lambda d: d["plan"].update(kind="report")), MSG_SCHEMA,
                   ["plan/kind", "'report'"]),
    "wrong period": (
        _json(lambda d: _first_indicator(d)["values"][0].update(period="quarter")), MSG_SCHEMA,
        ["period", "'quarter'"]),
    "wrong field": (
        _json(lambda d: d["plan"]["indicator_groups"][0].update(field="economics")),
        MSG_SCHEMA, ["indicator_groups/0/field", "'economics'"]),
    "bad uid": (_json(lambda d: d["plan"]["sections"][0].update(uid="section-1")), MSG_SCHEMA,
                ["plan/sections/0/uid", "'section-1'"]),
    "upper-case uid": (_json(lambda d: d["plan"].update(uid=d["plan"]["uid"].upper())),
                       MSG_SCHEMA, ["plan/uid"]),
    "number with letters": (_json(lambda d: d["plan"].update(number="843a")), MSG_SCHEMA,
                            ["plan/number"]),
    "decimal as a JSON number": (
        _json(lambda d: _first_indicator(d)["values"][0].update(value=9949000000)),
        MSG_SCHEMA, ["value"]),
    "line break in a line": (_json(lambda d: d["plan"].update(title="Kế hoạch\nnăm 2024")),
                             MSG_SCHEMA, ["plan/title"]),
    "ambiguous number": (_json(_set_value_entry(AMBIGUOUS)), MSG_BAD_VALUE_IN_FILE,
                         ["Thu ngân sách", "12,575", "two ways", "target 2024"]),
    "meaning contradicts the words": (
        _json(_set_value_entry(dict(AMBIGUOUS, kind="number", value="13000"))),
        MSG_BAD_VALUE_IN_FILE, ["Thu ngân sách", "12,575", "not what the words say"]),
    "ratio given as a number": (
        _json(_set_value_entry({"year": 2024, "period": "target", "text": "5/5 khóm",
                                "kind": "number", "value": "5"})),
        MSG_BAD_VALUE_IN_FILE, ["Thu ngân sách", "5/5 khóm", "not what the words say"]),
    "meaning without its number": (
        _json(_set_value_entry({"year": 2024, "period": "target", "text": "90% trở lên",
                                "kind": "at_least"})),
        MSG_BAD_VALUE_IN_FILE, ["Thu ngân sách", "lacks value"]),
    "duplicate uid": (_json(_duplicate_uid), MSG_INCONSISTENT, ["used twice"]),
    "duplicate value": (_json(_duplicate_value), MSG_INCONSISTENT,
                        ["Thu ngân sách", "two values for target 2024"]),
    "footnote cited but missing": (_json(_footnote_missing), MSG_INCONSISTENT,
                                   ["[^nguon]", "no footnote nguon"]),
    "footnote never cited": (_json(_footnote_unused), MSG_INCONSISTENT,
                             ["footnote nguon", "never cited"]),
    "two footnotes with one key": (_json(_footnote_twice), MSG_INCONSISTENT,
                                   ["two footnotes have the key nguon"]),
    "UTF-16": (lambda: json.dumps(seed(), ensure_ascii=False).encode("utf-16"), MSG_NOT_UTF8,
               ["UTF-8"]),
    "Windows-1258": (lambda: json.dumps(seed(), ensure_ascii=False).encode("cp1258", "replace"),
                     MSG_NOT_UTF8, ["UTF-8"]),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_bad_file_is_refused_and_nothing_changes(
    stored: Database, tmp_path: Path, case: str
) -> None:
    make, template, words = REFUSALS[case]
    path = tmp_path / "ke-hoach.json"
    path.write_bytes(make())
    before = state(stored)

    with pytest.raises(InterchangeError) as info:
        service.import_plan_file(stored, path)
    assert info.value.template == template
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message, (word, message)
    assert state(stored) == before


def test_refusals_name_the_problem_not_python() -> None:
    """Messages are sentences for a clerk, not tracebacks (no class names)."""
    for make, _template, _words in REFUSALS.values():
        with pytest.raises(InterchangeError) as info:
            codec.parse_plan_bytes(make(), "ke-hoach.json")
        message = str(info.value)
        assert message.startswith("The file ke-hoach.json ")
        assert "Error" not in message and "Traceback" not in message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as info:
        codec.read_plan_file(tmp_path / "khong-co.json")
    assert info.value.template == MSG_CANNOT_READ_FILE
    assert "cannot be read" in str(info.value)


def test_ambiguous_number_is_accepted_once_its_meaning_is_given(
    db: Database, tmp_path: Path
) -> None:
    data = seed()
    _first_indicator(data)["values"] = [dict(AMBIGUOUS, kind="number", value="12575",
                                             unit="")]
    path = write(tmp_path, data, "ke-hoach.json")
    service.import_plan_file(db, path)
    [entry] = _first_indicator(service.export_plan(db, "P-MYPHU", 2024))["values"]
    assert entry == {"year": 2024, "period": "target", "text": "12,575", "kind": "number",
                     "value": "12575"}


def test_plan_uids_already_used_by_another_plan_are_refused(
    stored: Database, tmp_path: Path
) -> None:
    """A file copied from another plan (same identifiers, another year)."""
    data = seed()
    data["plan"]["year"] = 2025
    path = write(tmp_path, data, "copy.json")
    before = state(stored)
    with pytest.raises(InterchangeError) as info:
        service.import_plan_file(stored, path)
    assert info.value.template == MSG_INCONSISTENT
    assert str(info.value) == (
        f"The file {path} cannot be imported: it is a copy of another plan already stored "
        f"(the identifier {data['plan']['uid']} is taken); start next year's plan with "
        "rollover instead of copying a file.")
    assert state(stored) == before

    # Only one indicator copied over from the stored plan is enough.
    data = strip_uids(seed())
    data["plan"]["year"] = 2025
    _first_indicator(data)["uid"] = _first_indicator(seed())["uid"]
    path.write_bytes(codec.dump_plan(data))
    with pytest.raises(InterchangeError) as info:
        service.import_plan_file(stored, path)
    assert _first_indicator(seed())["uid"] in str(info.value)
    assert state(stored) == before

    # Without its identifiers the copy is a new plan.
    path.write_bytes(codec.dump_plan(strip_uids(data)))
    service.import_plan_file(stored, path)
    assert [(p.unit, p.year) for p in service.list_plans(stored)] == [
        ("P-MYPHU", 2024), ("P-MYPHU", 2025)]
    assert service.export_plan(stored, "P-MYPHU", 2024) == before[1][0]


# --------------------------------------------------------------------------- normalisation


def test_decomposed_text_is_stored_as_nfc(db: Database, tmp_path: Path) -> None:
    data = seed()
    nfd = unicodedata.normalize("NFD", json.dumps(data, ensure_ascii=False))
    assert nfd != json.dumps(data, ensure_ascii=False)  # Vietnamese really decomposes
    path = tmp_path / "nfd.json"
    path.write_bytes(nfd.encode("utf-8"))

    service.import_plan_file(db, path)
    exported = service.export_plan(db, "P-MYPHU", 2024)
    assert exported == data
    assert all(unicodedata.is_normalized("NFC", s) for s in all_strings(exported))
    assert exported["plan"]["unit"]["name"] == "Phường Mỹ Phú"


def test_stray_white_space_is_trimmed(db: Database, tmp_path: Path) -> None:
    data = seed()
    data["plan"]["title"] = "  Thực hiện nhiệm vụ\u00a0phát triển   kinh tế - xã hội năm 2024 "
    path = write(tmp_path, data, "spaces.json")
    service.import_plan_file(db, path)
    assert service.export_plan(db, "P-MYPHU", 2024)["plan"]["title"] == (
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024")


def test_byte_order_mark_is_accepted() -> None:
    raw = b"\xef\xbb\xbf" + SEED_003.read_bytes()
    assert codec.parse_plan_bytes(raw, "bom.json") == seed()


# --------------------------------------------------------------------------- round trip


def test_seed_fixture_is_a_canonical_export(db: Database, seed_file: Path) -> None:
    summary = service.import_plan_file(db, seed_file)
    exported = service.export_plan(db, summary.unit, summary.year, summary.kind)
    assert exported == seed(seed_file)
    assert codec.dump_plan(exported) == seed_file.read_bytes()


def test_export_import_export_is_identical(
    db: Database, seed_file: Path, tmp_path: Path
) -> None:
    summary = service.import_plan_file(db, seed_file)
    first = service.export_plan(db, summary.unit, summary.year, summary.kind)
    path = tmp_path / "exported.json"
    codec.write_atomically(path, codec.dump_plan(first))

    service.import_plan_file(db, path)  # replaces the plan with itself
    assert service.export_plan(db, summary.unit, summary.year, summary.kind) == first

    with Database(tmp_path / "other.sqlite3") as other:  # and into another database
        service.import_plan_file(other, path)
        assert service.export_plan(other, summary.unit, summary.year, summary.kind) == first


def test_hand_written_file_gets_identifiers_and_then_round_trips(
    db: Database, seed_file: Path, tmp_path: Path
) -> None:
    original = seed(seed_file)
    path = write(tmp_path, strip_uids(original), "hand.json")
    summary = service.import_plan_file(db, path)
    exported = service.export_plan(db, summary.unit, summary.year, summary.kind)
    assert strip_uids(exported) == strip_uids(original)
    uids = [v for k, v in _pairs(exported) if k == "uid"]
    assert len(uids) == len(set(uids)) > 1
    assert all(str(uuid.UUID(u)) == u for u in uids)

    path.write_bytes(codec.dump_plan(exported))
    service.import_plan_file(db, path)
    assert service.export_plan(db, summary.unit, summary.year, summary.kind) == exported


def _pairs(obj: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k, v
            yield from _pairs(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _pairs(v)


def test_values_given_as_words_only_are_read(db: Database, tmp_path: Path) -> None:
    data = seed()
    for ind in indicators(data["plan"]):
        ind["values"] = [{k: v[k] for k in ("year", "period", "text")} for v in ind["values"]]
    path = write(tmp_path, data, "words.json")
    service.import_plan_file(db, path)
    assert service.export_plan(db, "P-MYPHU", 2024) == seed()


def test_exported_decimals_are_strings(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    exported = service.export_plan(db, "P-MYPHU", 2024)
    for ind in indicators(exported["plan"]):
        for value in ind["values"]:
            for key in ("value", "low", "high", "numerator", "denominator"):
                assert key not in value or isinstance(value[key], str)


# --------------------------------------------------------------------------- writing files


def test_write_atomically_replaces_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ke-hoach.json"
    target.write_bytes(b"old content")
    payload = SEED_003.read_bytes()
    seen: list[tuple[bytes, bytes]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        # At the moment of the move the new content is complete beside the target,
        # and the target still holds the old content.
        assert Path(src).parent == tmp_path and Path(dst) == target
        seen.append((Path(src).read_bytes(), target.read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(codec.os, "replace", replace)
    codec.write_atomically(target, payload)
    assert seen == [(payload, b"old content")]
    assert target.read_bytes() == payload
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.json"]


def test_write_atomically_into_a_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "USB" / "ke-hoach.json"
    with pytest.raises(InterchangeError) as info:
        codec.write_atomically(target, b"{}")
    assert info.value.template == MSG_CANNOT_WRITE_FILE
    assert str(target) in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_write_atomically_failing_midway_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "ke-hoach.json"
    target.write_bytes(b"old content")

    def fail(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(codec.os, step, fail)
    with pytest.raises(InterchangeError) as info:
        codec.write_atomically(target, SEED_003.read_bytes())
    assert "the disk is full" in str(info.value)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.json"]  # no partial file


def test_dump_plan_is_utf8_with_vietnamese_letters(db: Database) -> None:
    service.import_plan_file(db, SEED_003)
    raw = codec.dump_plan(service.export_plan(db, "P-MYPHU", 2024))
    assert raw.endswith(b"}\n")
    assert "Phường Mỹ Phú".encode() in raw  # not \u escapes
    assert json.loads(raw) == seed()


def test_store_plan_keeps_a_given_revision_and_status(db: Database, tmp_path: Path) -> None:
    data = copy.deepcopy(seed(SEED_000))
    data["plan"]["revision"] = 12
    data["plan"]["status"] = "draft"
    path = write(tmp_path, data, "r12.json")
    summary = service.import_plan_file(db, path)
    assert (summary.revision, summary.status) == (12, "draft")
    assert service.export_plan(db, "P-LELOI", 2024) == data


def test_write_atomically_never_replaces_a_device_or_a_link(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as info:
        codec.write_atomically(Path("/dev/null"), b"x")
    assert "not an ordinary file" in str(info.value)
    target = tmp_path / "real.pdf"
    target.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    with pytest.raises(InterchangeError):
        codec.write_atomically(link, b"new")
    assert target.read_bytes() == b"old" and link.is_symlink()


def test_exported_files_are_ordinary_readable_files(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    codec.write_atomically(target, b"{}")
    assert target.stat().st_mode & 0o777 == 0o644
