"""The sync file between a ward and its upper level (core.sync), over real data folders.

Every test uses real installations: a ward's data folder holding a plan imported
from a seed file and the keys it made on first use, and an upper level's data
folder with its own keys.  Broken files are built by hand with zipfile, signed
with a real key where the case needs a valid signature.  "Nothing changed" is
proved with :func:`support.state` (what a user could see) and a dump of every
table (settings, pinned keys, receipts, audit trail included).
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from support import FULL, SEED_000, SEED_003, seed, state, strip_uids
from wardplan_desktop.core import editing, reading, service
from wardplan_desktop.core.edits import Place
from wardplan_desktop.core.errors import (
    MSG_DB_FULL,
    InputError,
    InterchangeError,
    StorageError,
    WardPlanError,
)
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.core.storage.schema import (
    AuditEntry,
    Base,
    PinnedKey,
    SyncReceipt,
    Unit,
    new_uid,
)
from wardplan_desktop.core.sync import exchange, package, reader
from wardplan_desktop.core.sync.keys import (
    KEY_FOLDER,
    Identity,
    b64,
    fingerprint,
    has_identity,
    load_identity,
)
from wardplan_desktop.core.values import parse_value

WARD = "P-MYPHU"  # seed 003, sends to TP-CAOLANH
UPPER = "TP-CAOLANH"
UPPER_NAME = "Thành phố Cao Lãnh"
YEAR = 2024
LABEL = "P-MYPHU-2024.wpsync"
MONEY = "Thu ngân sách"  # seed 003: 9.949.000.000đ target for 2024

#: Mutated sync files per run: 10,000 in the full run (support.FULL), 300 otherwise;
#: WARDPLAN_FUZZ_EXAMPLES overrides both.
FUZZ_EXAMPLES = int(os.environ.get("WARDPLAN_FUZZ_EXAMPLES", "10000" if FULL else "300"))


# --------------------------------------------------------------------------- installations


@dataclass
class Office:
    """One installation: a data folder, its database and its keys."""

    folder: Path
    db: Database
    identity: Identity


def make_office(folder: Path, *plans: Path | dict[str, Any]) -> Office:
    db = open_data_folder(folder)
    for plan in plans:
        if isinstance(plan, Path):
            service.import_plan_file(db, plan)
        else:
            service.import_plan_data(db, plan, "hand-made.json")
    return Office(folder, db, load_identity(folder))


class Templates:
    """Data folders made once per module and copied into each test (it is much faster)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: dict[str, Path] = {}

    def folder(self, *plans: Path | dict[str, Any]) -> Path:
        key = json.dumps([str(p) if isinstance(p, Path) else p for p in plans],
                         ensure_ascii=False, sort_keys=True)
        if key not in self.made:
            folder = self.root / f"template-{len(self.made)}"
            make_office(folder, *plans).db.close()
            self.made[key] = folder
        return self.made[key]


@dataclass
class Prepared:
    ward: Path  # P-MYPHU's plan, revision 1
    upper: Path  # an upper level's folder before its first file
    holding: Path  # the same upper level after it received the ward's file
    sent: bytes  # the ward's file


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    root = tmp_path_factory.mktemp("prepared")
    ward, upper = make_office(root / "ward", SEED_003), make_office(root / "upper")
    sent = export(ward)
    ward.db.close()
    upper.db.close()
    shutil.copytree(root / "upper", root / "holding")  # the same keys
    holding = make_office(root / "holding")
    [out] = exchange.receive_files(holding.db, holding.identity, [(LABEL, sent)])
    assert out.status == "imported", out.message
    holding.db.close()
    return Prepared(root / "ward", root / "upper", root / "holding", sent)


@pytest.fixture
def office(tmp_path: Path, templates: Templates) -> Iterator[Callable[..., Office]]:
    """Make installations in ``tmp_path``; all closed at the end of the test.

    ``office(name, *plans)`` holds those plans and has keys of its own;
    ``office(name, like=folder)`` is a copy of ``folder``, keys included.
    """
    opened: list[Office] = []

    def make(name: str, *plans: Path | dict[str, Any], like: Path | None = None) -> Office:
        folder = tmp_path / name
        shutil.copytree(like or templates.folder(*plans), folder,
                        ignore=None if like else shutil.ignore_patterns(KEY_FOLDER))
        made = Office(folder, open_data_folder(folder), load_identity(folder))
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.db.close()


@pytest.fixture
def ward(office: Callable[..., Office], prepared: Prepared) -> Office:
    return office("ward", like=prepared.ward)


@pytest.fixture
def upper(office: Callable[..., Office], prepared: Prepared) -> Office:
    """An upper level's folder before its first file: it holds nothing yet."""
    return office("upper", like=prepared.upper)


@pytest.fixture
def sent(prepared: Prepared) -> bytes:
    return prepared.sent


@pytest.fixture
def holding(office: Callable[..., Office], prepared: Prepared) -> Office:
    """The upper level after it received the ward's revision 1."""
    return office("holding", like=prepared.holding)


def export(ward: Office, unit: str = WARD) -> bytes:
    return exchange.export_package(ward.db, ward.identity, unit, YEAR).data


def money_uid(db: Database) -> str:
    plan = service.export_plan(db, WARD, YEAR)["plan"]
    return next(i["uid"] for g in plan["indicator_groups"] for i in _walk(g["indicators"])
                if i["name"] == MONEY)


def _walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))


def new_revision(ward: Office, text: str = "10.000.000.000đ") -> int:
    return service.set_value(ward.db, money_uid(ward.db), YEAR, "target", parse_value(text))


def other_unit(code: str = "P-HOATHUAN", name: str = "Phường Hòa Thuận") -> dict[str, Any]:
    """Seed 003 as another ward of the same upper level (a hand-written file: no uids)."""
    data = strip_uids(seed(SEED_003))
    data["plan"]["unit"].update(code=code, name=name, place_name=name,
                                issuing_body=["ỦY BAN NHÂN DÂN", name.upper()])
    return data


# --------------------------------------------------------------------------- observations


def tables(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: settings, keys, receipts and audit trail included."""
    with db.session(write=False) as session:
        return {t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}


def everything(db: Database) -> tuple[Any, ...]:
    return state(db), tables(db)


def receipts(db: Database) -> list[SyncReceipt]:
    with db.session(write=False) as session:
        return list(session.scalars(select(SyncReceipt).order_by(SyncReceipt.id)))


def pinned(db: Database) -> dict[str, str]:
    with db.session(write=False) as session:
        return {p.unit.code: p.public_key for p in session.scalars(select(PinnedKey))}


def audit(db: Database) -> list[AuditEntry]:
    with db.session(write=False) as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def plan_of(db: Database, unit: str = WARD) -> dict[str, Any]:
    return service.export_plan(db, unit, YEAR)


def assert_refused(out: exchange.Outcome, template: str, label: str = LABEL,
                   detail: str | None = None, named: bool = True) -> str:
    """``out`` is a refusal with ``template``, naming the file; the rendered message."""
    assert out.status == "refused", out
    assert isinstance(out.message, WardPlanError)
    assert out.message.template == template, out.message.render()
    if detail is not None:
        inner = out.message.params["detail"]
        assert isinstance(inner, WardPlanError) and inner.template == detail, inner
    text = out.message.render()
    assert text and "{" not in text
    if named:
        assert label in text
    return text


def receive_refused(upper: Office, raw: bytes, template: str, detail: str | None = None,
                    label: str = LABEL, named: bool = True, **options: Any) -> str:
    """``raw`` is refused with ``template`` and the upper level's data stays as it was."""
    before = everything(upper.db)
    count = len(receipts(upper.db))
    [out] = exchange.receive_files(upper.db, upper.identity, [(label, raw)], **options)
    text = assert_refused(out, template, label, detail, named)
    # The preview says the same and, like the import, changes nothing.
    [seen] = exchange.receive_files(upper.db, upper.identity, [(label, raw)], apply=False,
                                    **options)
    assert seen.status == "refused" and seen.message is not None
    assert seen.message.render() == text
    assert everything(upper.db) == before
    assert len(receipts(upper.db)) == count
    return text


# --------------------------------------------------------------------------- hand-made zips


def members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build(entries: list[tuple[str, bytes]] | dict[str, bytes]) -> bytes:
    """A zip of ``entries`` written like the program writes its files."""
    items = list(entries.items()) if isinstance(entries, dict) else entries
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names, on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in items:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return buffer.getvalue()


def manifest_of(raw: bytes) -> dict[str, Any]:
    return json.loads(members(raw)[package.MANIFEST])


def dump_manifest(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def signed(identity: Identity, manifest: dict[str, Any] | bytes, payload: bytes,
           payload_name: str = package.PAYLOAD) -> bytes:
    """A package with exactly the given manifest, validly signed by ``identity``."""
    text = manifest if isinstance(manifest, bytes) else dump_manifest(manifest)
    return build([(package.MANIFEST, text), (payload_name, payload),
                  (package.SIGNATURE, identity.sign(text))])


def with_manifest(raw: bytes, identity: Identity, **changes: Any) -> bytes:
    """``raw`` with manifest fields changed and signed again (a valid signature)."""
    parts = members(raw)
    manifest = {**manifest_of(raw), **changes}
    return signed(identity, manifest, parts[package.PAYLOAD])


def stranger(tmp_path: Path) -> Identity:
    return load_identity(tmp_path / "stranger")


# --------------------------------------------------------------------------- round trip


def test_an_empty_folder_given_a_wards_file_becomes_its_upper_level(
        ward: Office, upper: Office) -> None:
    sent = exchange.export_package(ward.db, ward.identity, WARD, YEAR)
    payload = codec.dump_plan(plan_of(ward.db))
    assert not sent.encrypted
    assert sent.content_hash == package.content_hash(payload)
    assert sent.key_fingerprint == ward.identity.fingerprint == fingerprint(
        ward.identity.public_key)
    assert len(sent.short_hash) == 19
    assert len(sent.data) < 64 * 1024  # small enough for e-mail
    assert list(members(sent.data)) == [package.MANIFEST, package.PAYLOAD, package.SIGNATURE]
    assert members(sent.data)[package.PAYLOAD] == payload
    manifest = manifest_of(sent.data)
    assert manifest["sender"] == {"code": WARD, "name": "Phường Mỹ Phú", "level": "ward"}
    assert manifest["receiver"]["code"] == UPPER
    assert (manifest["year"], manifest["kind"], manifest["revision"]) == (YEAR, "plan", 1)
    assert manifest["sender_key"] == b64(ward.identity.public_key)
    assert exchange.folder_role(upper.db) == (None, None)

    [out] = exchange.receive_files(upper.db, upper.identity, [(LABEL, sent.data)])

    assert (out.status, out.code, out.year, out.kind, out.revision) == (
        "imported", WARD, YEAR, "plan", 1)
    assert out.becomes_upper == {"code": UPPER, "name": UPPER_NAME, "level": "city"}
    assert out.new_unit and not out.repinned and out.message is None
    assert exchange.folder_role(upper.db) == ("upper", UPPER)
    assert plan_of(upper.db) == plan_of(ward.db)
    [receipt] = receipts(upper.db)
    assert (receipt.year, receipt.kind, receipt.revision) == (YEAR, "plan", 1)
    assert receipt.content_hash == sent.content_hash
    assert receipt.key_fingerprint == ward.identity.fingerprint
    assert receipt.file_name == LABEL
    assert receipt.plan_file() == payload
    # Kept compressed, as the sync file held it: a fraction of the text's size.
    assert receipt.payload == "" and receipt.payload_deflated is not None
    assert len(receipt.payload_deflated) < len(payload) / 3
    with upper.db.session(write=False) as session:
        assert session.connection().exec_driver_sql(
            "SELECT typeof(payload_deflated) FROM sync_receipt").scalar() == "blob"
        # The larger page cache of receiving was given back with the connection.
        assert session.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -2000
    assert pinned(upper.db) == {WARD: b64(ward.identity.public_key)}
    assert audit(upper.db) == []


def _rows_of_plan(db: Database, unit: str = WARD) -> dict[str, int]:
    """How many rows of each of the plan's tables the plan of ``unit`` has."""
    with db.session(write=False) as session:
        run = session.connection().exec_driver_sql
        [plan_id] = run("SELECT plan.id FROM plan JOIN unit ON unit.id = plan.unit_id "
                        "WHERE unit.code = ?", (unit,)).one()
        counts = {table: run(f"SELECT count(*) FROM {table} WHERE plan_id = ?",
                             (plan_id,)).scalar() for table in (*codec.TEXT_TABLES,
                                                                 "indicator_group", "indicator")}
        counts["indicator_value"] = run(
            "SELECT count(*) FROM indicator_value JOIN indicator ON indicator.id = "
            "indicator_value.indicator_id WHERE indicator.plan_id = ?", (plan_id,)).scalar()
    return counts


def test_a_received_plan_is_held_as_received(ward: Office, holding: Office) -> None:
    """Its text stays in the receipt, which keeps the plan file anyway: only the rows the
    upper level adds up are stored, and the plan reads back whole, text and all."""
    held, own = _rows_of_plan(holding.db), _rows_of_plan(ward.db)
    assert all(held[table] == 0 for table in codec.TEXT_TABLES)
    assert own["section"] > 0 and own["recipient"] > 0 and own["legal_basis"] > 0
    for table in ("indicator_group", "indicator", "indicator_value"):
        assert held[table] == own[table] > 0
    [receipt] = receipts(holding.db)
    with holding.db.session(write=False) as session:
        assert session.connection().exec_driver_sql(
            "SELECT receipt_id FROM plan").scalars().all() == [receipt.id]
    assert plan_of(holding.db) == plan_of(ward.db)
    data = plan_of(holding.db)
    assert reading.export_plan_by_uid(holding.db, data["plan"]["uid"]) == data


def test_a_plan_held_as_received_is_not_edited(ward: Office, holding: Office) -> None:
    """Edits would change rows its text is not read from: every edit is refused, nothing
    written; a new revision from the unit is how it changes."""
    plan = plan_of(holding.db)["plan"]
    section = plan["sections"][0]["uid"]
    indicator = plan["indicator_groups"][0]["indicators"][0]["uid"]
    before = everything(holding.db)
    edits: list[Callable[[], Any]] = [
        lambda: editing.set_field(holding.db, "plan", plan["uid"], "title", "Khác"),
        lambda: editing.set_field(holding.db, "indicator", indicator, "name", "Khác"),
        lambda: editing.set_value(holding.db, indicator, YEAR, "target", "5"),
        lambda: editing.set_date(holding.db, plan["uid"], 1, 1, YEAR),
        lambda: editing.set_list(holding.db, plan["uid"], "legal_bases", ["Khác"]),
        lambda: editing.insert(holding.db, plan["uid"], "section",
                               {"kind": "paragraph", "text": "Khác"}, Place(None, 0)),
        lambda: service.rollover(holding.db, WARD, YEAR),
        lambda: service.set_value(holding.db, indicator, YEAR, "target", parse_value("5")),
    ]
    for edit in edits:
        with pytest.raises(InputError) as caught:
            edit()
        assert caught.value.template == editing.MSG_RECEIVED_READ_ONLY
        assert f"{YEAR} document of {WARD}" in caught.value.render()
    with pytest.raises(WardPlanError):  # its sections are no rows: not found at all
        editing.set_field(holding.db, "section", section, "text", "Khác")
    assert everything(holding.db) == before
    # This office's record of the unit may change; the plan as sent keeps its revision.
    editing.set_field(holding.db, "unit", WARD, "name", "Phường Mỹ Phú (mới)")
    assert plan_of(holding.db)["plan"]["revision"] == plan["revision"]


def _sent_with(ward: Office, sent: bytes, data: dict[str, Any]) -> bytes:
    """The ward's file with ``data`` as its plan, signed by the ward."""
    payload = codec.dump_plan(data)
    manifest = {**manifest_of(sent), "content_hash": package.content_hash(payload)}
    return signed(ward.identity, manifest, payload)


def test_a_footnote_mark_is_found_as_the_text_reads_normalised(
        ward: Office, holding: Office, sent: bytes) -> None:
    """A Kelvin sign normalises to the letter K: "[^K]" cites a footnote the file does
    not have, which is said on arrival (the text is read normalised later)."""
    data = plan_of(ward.db)
    data["plan"]["revision"] = 2
    data["plan"]["sections"][0]["text"] += " [^\u212a]"
    raw = with_manifest(_sent_with(ward, sent, data), ward.identity, revision=2)
    text = receive_refused(holding, raw, codec.MSG_INCONSISTENT)
    assert "footnote K" in text


def test_items_without_identifiers_keep_the_same_ones_at_every_reading(
        ward: Office, upper: Office, sent: bytes) -> None:
    """A hand-made file may leave its text's identifiers out: read from the receipt, the
    items get the same ones each time (made of the file's hash), never new ones."""
    data = plan_of(ward.db)
    for node in _walk(data["plan"]["sections"]):
        del node["uid"]
    [out] = exchange.receive_files(upper.db, upper.identity,
                                   [(LABEL, _sent_with(ward, sent, data))])
    assert out.status == "imported", out.message
    first, again = plan_of(upper.db), plan_of(upper.db)
    assert first == again
    uids = [node["uid"] for node in _walk(first["plan"]["sections"])]
    assert len(set(uids)) == len(uids) == len(list(_walk(data["plan"]["sections"])))
    assert strip_uids(first) == strip_uids(plan_of(ward.db))


def test_a_received_plan_reads_back_normalised_text_and_all(ward: Office, upper: Office,
                                                            sent: bytes) -> None:
    """A file whose words are not in the usual form (letters and marks apart, doubled
    spaces): the rows stored and the text read from the receipt are both normalised."""
    import unicodedata

    data = plan_of(ward.db)
    plan = data["plan"]
    plan["sections"][0]["text"] = "  " + unicodedata.normalize("NFD", plan["sections"][0]["text"])
    first = plan["indicator_groups"][0]["indicators"][0]
    first["name"] = unicodedata.normalize("NFD", first["name"]) + "\u00a0 "
    payload = codec.dump_plan(data)
    manifest = {**manifest_of(sent), "content_hash": package.content_hash(payload)}
    [out] = exchange.receive_files(upper.db, upper.identity,
                                   [(LABEL, signed(ward.identity, manifest, payload))])
    assert out.status == "imported", out.message
    assert plan_of(upper.db) == plan_of(ward.db)  # the ward's own, as it stores them
    with upper.db.session(write=False) as session:
        names = session.connection().exec_driver_sql("SELECT name FROM indicator").scalars()
        assert all(unicodedata.is_normalized("NFC", n) and n == n.strip() for n in names)


def test_a_damaged_receipt_is_said_so_never_shown(holding: Office) -> None:
    """The plan file is checked again when the plan is read: one changed by other means
    since it came (here, a byte of it) is refused with a message, not shown."""
    uid = plan_of(holding.db)["plan"]["uid"]
    with holding.db.session() as session:
        run = session.connection().exec_driver_sql
        deflated = run("SELECT payload_deflated FROM sync_receipt").scalar()
        text = zlib.decompress(deflated, -zlib.MAX_WBITS).replace(b"Ph\xc6\xb0\xe1\xbb\x9dng",
                                                                   b"Xa\xcc\x83 ", 1)
        squeeze = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        run("UPDATE sync_receipt SET payload_deflated = ?",
            (squeeze.compress(text) + squeeze.flush(),))
    for read in (lambda: plan_of(holding.db),
                 lambda: reading.export_plan_by_uid(holding.db, uid)):
        with pytest.raises(InterchangeError) as caught:
            read()
        assert caught.value.template == codec.MSG_RECEIVED_DAMAGED
        assert f"revision 1 of {WARD}'s plan for {YEAR}" in caught.value.render()


def test_the_same_revision_gives_the_same_bytes_a_new_one_replaces_it(
        ward: Office, holding: Office, sent: bytes) -> None:
    assert export(ward) == sent
    # Another session of the program, keys read back from the folder: still the same.
    ward.db.close()
    ward.db = open_data_folder(ward.folder)
    ward.identity = load_identity(ward.folder)
    assert export(ward) == sent

    assert new_revision(ward) == 2
    second = export(ward)
    assert second != sent
    assert manifest_of(second)["revision"] == 2
    assert export(ward) == second

    [out] = exchange.receive_files(holding.db, holding.identity, [("rev2.wpsync", second)])
    assert (out.status, out.revision, out.previous_revision) == ("imported", 2, 1)
    assert not out.new_unit and out.becomes_upper is None
    assert plan_of(holding.db) == plan_of(ward.db)
    assert [r.revision for r in receipts(holding.db)] == [1, 2]

    # The older file, arriving late, never overwrites the newer revision.
    text = receive_refused(holding, sent, exchange.MSG_OLDER)
    assert "revision 1 of P-MYPHU" in text and "revision 2 already" in text
    assert plan_of(holding.db) == plan_of(ward.db)


def test_the_same_file_twice_changes_nothing(holding: Office, sent: bytes) -> None:
    before = everything(holding.db)
    for apply in (True, False):
        [out] = exchange.receive_files(holding.db, holding.identity, [(LABEL, sent)],
                                       apply=apply)
        assert (out.status, out.revision, out.previous_revision) == ("unchanged", 1, 1)
        assert out.message is not None and out.message.template == exchange.NOTE_DUPLICATE
    # Several copies in one batch (the same attachment saved twice).
    outs = exchange.receive_files(holding.db, holding.identity,
                                  [(LABEL, sent), ("copy.wpsync", sent)])
    assert [o.status for o in outs] == ["unchanged", "unchanged"]
    assert everything(holding.db) == before
    assert len(receipts(holding.db)) == 1


def test_a_batch_imports_each_file_on_its_own(
        office: Callable[..., Office], ward: Office, upper: Office, sent: bytes) -> None:
    """The first file makes the folder the upper level; a bad file stops nothing else."""
    second = office("ward2", other_unit())
    outs = exchange.receive_files(
        upper.db, upper.identity,
        [(LABEL, sent), ("damaged.wpsync", sent[:-40]), ("other.wpsync", export(
            second, "P-HOATHUAN")), ("again.wpsync", sent)], accept_new=True)
    assert [o.status for o in outs] == ["imported", "refused", "imported", "unchanged"]
    assert outs[0].becomes_upper and not outs[2].becomes_upper and outs[2].new_unit
    assert_refused(outs[1], package.MSG_DAMAGED, "damaged.wpsync")
    assert [p.unit for p in service.list_plans(upper.db)] == ["P-HOATHUAN", WARD]
    assert len(receipts(upper.db)) == 2


def test_preview_says_what_would_happen_and_writes_nothing(
        ward: Office, upper: Office, sent: bytes) -> None:
    before = everything(upper.db)
    [seen] = exchange.receive_files(upper.db, upper.identity, [(LABEL, sent)], apply=False)
    assert (seen.status, seen.revision, seen.new_unit) == ("imported", 1, True)
    assert seen.becomes_upper == {"code": UPPER, "name": UPPER_NAME, "level": "city"}
    assert everything(upper.db) == before
    assert exchange.folder_role(upper.db) == (None, None)  # settings not written
    assert receipts(upper.db) == [] and pinned(upper.db) == {}

    [done] = exchange.receive_files(upper.db, upper.identity, [(LABEL, sent)])
    assert (done.status, done.revision, done.becomes_upper) == (
        seen.status, seen.revision, seen.becomes_upper)

    assert new_revision(ward) == 2
    second = export(ward)
    before = everything(upper.db)
    outs = exchange.receive_files(upper.db, upper.identity,
                                  [(LABEL, sent), ("rev2.wpsync", second)], apply=False)
    assert [(o.status, o.revision, o.previous_revision) for o in outs] == [
        ("unchanged", 1, 1), ("imported", 2, 1)]
    assert outs[1].becomes_upper is None and not outs[1].new_unit
    assert everything(upper.db) == before
    applied = exchange.receive_files(upper.db, upper.identity,
                                     [(LABEL, sent), ("rev2.wpsync", second)])
    assert [(o.status, o.revision, o.previous_revision) for o in applied] == [
        (o.status, o.revision, o.previous_revision) for o in outs]
    assert plan_of(upper.db) == plan_of(ward.db)


def test_a_batch_preview_sees_each_file_after_the_ones_before(
        office: Callable[..., Office], upper: Office, sent: bytes) -> None:
    """The preview of a batch says what importing that batch would do, file by file."""
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    leloi = export(office("leloi", SEED_000), "P-LELOI")  # for TP-BACGIANG
    batch = [(LABEL, sent), ("hoathuan.wpsync", hoathuan), ("leloi.wpsync", leloi),
             ("copy.wpsync", sent)]
    before = everything(upper.db)
    seen = exchange.receive_files(upper.db, upper.identity, batch, apply=False)
    assert everything(upper.db) == before
    assert exchange.folder_role(upper.db) == (None, None)
    done = exchange.receive_files(upper.db, upper.identity, batch)

    def summary(outs: list[exchange.Outcome]) -> list[tuple[Any, ...]]:
        return [(o.status, o.code, o.revision, o.becomes_upper, o.new_unit,
                 o.message.template if o.message else None) for o in outs]

    assert summary(seen) == summary(done)
    assert [o.status for o in done] == ["imported", "refused", "refused", "unchanged"]
    assert_refused(done[1], exchange.MSG_UNKNOWN_UNIT, "hoathuan.wpsync")
    assert_refused(done[2], exchange.MSG_NOT_FOR_US, "leloi.wpsync")
    assert [p.unit for p in service.list_plans(upper.db)] == [WARD]


# --------------------------------------------------------------------------- batches


def stored(db: Database) -> dict[str, Any]:
    """What the upper level holds, per unit: plan revision, receipts, pinned key."""
    plans = {p.unit: p.revision for p in service.list_plans(db)}
    held: dict[str, list[int]] = {}
    with db.session(write=False) as session:
        for r in session.scalars(select(SyncReceipt).order_by(SyncReceipt.id)):
            held.setdefault(r.unit.code, []).append(r.revision)
    return {"plans": plans, "receipts": held, "pinned": sorted(pinned(db)),
            "role": exchange.folder_role(db)}


@pytest.mark.parametrize("per_transaction", [1, 2, 100])
def test_a_refused_file_in_the_middle_of_a_batch_stops_nothing(
        office: Callable[..., Office], upper: Office, sent: bytes,
        monkeypatch: pytest.MonkeyPatch, per_transaction: int) -> None:
    """Refused before storing (another office's file) or while storing: the rest goes in."""
    monkeypatch.setattr(exchange, "BATCH_FILES", per_transaction)
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    leloi = export(office("leloi", SEED_000), "P-LELOI")  # for TP-BACGIANG
    outs = exchange.receive_files(upper.db, upper.identity, [
        (LABEL, sent), ("leloi.wpsync", leloi), ("cut.wpsync", hoathuan[:-9]),
        ("hoathuan.wpsync", hoathuan)], accept_new=True)
    assert [o.status for o in outs] == ["imported", "refused", "refused", "imported"]
    assert_refused(outs[1], exchange.MSG_NOT_FOR_US, "leloi.wpsync")
    assert_refused(outs[2], package.MSG_DAMAGED, "cut.wpsync")
    assert stored(upper.db) == {
        "plans": {WARD: 1, "P-HOATHUAN": 1}, "receipts": {WARD: [1], "P-HOATHUAN": [1]},
        "pinned": ["P-HOATHUAN", WARD], "role": ("upper", UPPER)}
    with upper.db.session(write=False) as session:  # no trace of the refused file
        assert session.scalar(select(Unit).where(Unit.code == "P-LELOI")) is None


def test_the_same_file_twice_in_one_batch_is_stored_once(upper: Office, sent: bytes) -> None:
    outs = exchange.receive_files(upper.db, upper.identity,
                                  [(LABEL, sent), ("again.wpsync", sent), ("3.wpsync", sent)])
    assert [(o.status, o.previous_revision) for o in outs] == [
        ("imported", None), ("unchanged", 1), ("unchanged", 1)]
    assert all(o.message.template == exchange.NOTE_DUPLICATE for o in outs[1:])
    assert stored(upper.db)["receipts"] == {WARD: [1]}


def test_an_older_revision_after_a_newer_one_in_one_batch_is_refused(
        ward: Office, upper: Office, sent: bytes) -> None:
    assert new_revision(ward) == 2
    second = export(ward)
    outs = exchange.receive_files(upper.db, upper.identity,
                                  [("rev2.wpsync", second), (LABEL, sent)])
    # A refused file is reported with what it says it is (the revision it holds).
    assert [(o.status, o.revision) for o in outs] == [("imported", 2), ("refused", 1)]
    assert_refused(outs[1], exchange.MSG_OLDER)
    assert plan_of(upper.db) == plan_of(ward.db)
    assert stored(upper.db)["receipts"] == {WARD: [2]}
    # In order, each replaces the one before.
    third = new_revision(ward, "12.000.000.000đ")
    outs = exchange.receive_files(upper.db, upper.identity, [
        (LABEL, sent), ("rev2.wpsync", second), ("3.wpsync", export(ward))])
    assert [(o.status, o.revision, o.previous_revision) for o in outs] == [
        ("refused", 1, None), ("unchanged", 2, 2), ("imported", third, 2)]
    assert plan_of(upper.db) == plan_of(ward.db)


def test_the_first_file_of_a_batch_makes_the_folder_the_upper_level(
        office: Callable[..., Office], upper: Office, sent: bytes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the files after it are stored in another transaction."""
    monkeypatch.setattr(exchange, "BATCH_FILES", 2)
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    outs = exchange.receive_files(upper.db, upper.identity, [
        ("cut.wpsync", sent[:100]), (LABEL, sent), ("hoathuan.wpsync", hoathuan),
        ("again.wpsync", sent)])
    assert [(o.status, bool(o.becomes_upper)) for o in outs] == [
        ("refused", False), ("imported", True), ("refused", False), ("unchanged", False)]
    # Registered by its first file, the ward needs no acceptance; the other unit does.
    assert_refused(outs[2], exchange.MSG_UNKNOWN_UNIT, "hoathuan.wpsync")
    assert exchange.folder_role(upper.db) == ("upper", UPPER)


def _failing_store(monkeypatch: pytest.MonkeyPatch, error: Exception, on_call: int) -> None:
    """Make the ``on_call``-th plan stored fail with ``error`` after its rows are written."""
    real = codec.insert_children
    calls = []

    def failing(*args: Any) -> None:
        real(*args)
        calls.append(1)
        if len(calls) == on_call:
            raise error

    monkeypatch.setattr(codec, "insert_children", failing)


def test_a_file_failing_while_it_is_stored_leaves_no_trace(
        office: Callable[..., Office], upper: Office, sent: bytes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure comes after the plan's rows are written: they all go again."""
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    anbinh = export(office("anbinh", other_unit("P-ANBINH", "Phường An Bình")), "P-ANBINH")
    reference = office("reference", like=upper.folder)
    exchange.receive_files(reference.db, reference.identity,
                           [(LABEL, sent), ("anbinh.wpsync", anbinh)], accept_new=True)
    refusal = InterchangeError(codec.MSG_INCONSISTENT, path="hoathuan.wpsync",
                               detail=WardPlanError(codec.MSG_UID_TAKEN, uid="x"))
    _failing_store(monkeypatch, refusal, on_call=2)
    outs = exchange.receive_files(upper.db, upper.identity, [
        (LABEL, sent), ("hoathuan.wpsync", hoathuan), ("anbinh.wpsync", anbinh)],
        accept_new=True)
    assert [o.status for o in outs] == ["imported", "refused", "imported"]
    assert outs[1].message is not None and outs[1].message.render() == refusal.render()
    assert stored(upper.db) == {
        "plans": {WARD: 1, "P-ANBINH": 1}, "receipts": {WARD: [1], "P-ANBINH": [1]},
        "pinned": ["P-ANBINH", WARD], "role": ("upper", UPPER)}
    with upper.db.session(write=False) as session:
        assert session.scalar(select(Unit).where(Unit.code == "P-HOATHUAN")) is None
    # Every row of the rolled-back plan is gone, not only the plan.
    assert {name: len(rows) for name, rows in tables(upper.db).items()} == {
        name: len(rows) for name, rows in tables(reference.db).items()}
    for unit in (WARD, "P-ANBINH"):
        assert plan_of(upper.db, unit) == plan_of(reference.db, unit)
    # The refused file goes in once the fault is gone, and nothing else changes.
    monkeypatch.undo()
    [again] = exchange.receive_files(upper.db, upper.identity, [("h.wpsync", hoathuan)],
                                     accept_new=True)
    assert again.status == "imported"
    assert plan_of(upper.db, "P-HOATHUAN")["plan"]["unit"]["code"] == "P-HOATHUAN"


def test_a_first_file_failing_while_stored_does_not_make_the_folder_upper(
        office: Callable[..., Office], upper: Office, sent: bytes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    _failing_store(monkeypatch, InterchangeError(codec.MSG_INCONSISTENT, path=LABEL,
                                                 detail="x"), on_call=1)
    outs = exchange.receive_files(upper.db, upper.identity,
                                  [(LABEL, sent), ("hoathuan.wpsync", hoathuan)])
    assert [(o.status, bool(o.becomes_upper)) for o in outs] == [
        ("refused", False), ("imported", True)]
    assert stored(upper.db) == {"plans": {"P-HOATHUAN": 1}, "receipts": {"P-HOATHUAN": [1]},
                                "pinned": ["P-HOATHUAN"], "role": ("upper", UPPER)}


def test_an_unexpected_error_ends_the_import_storing_nothing_of_its_transaction(
        office: Callable[..., Office], holding: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (not a refusal) is not hidden; the open transaction is rolled back whole."""
    files = [(f"{code}.wpsync", export(office(code, other_unit(code, f"Phường {code}")), code))
             for code in ("P-A", "P-B", "P-C")]
    before = everything(holding.db)
    _failing_store(monkeypatch, RuntimeError("a bug"), on_call=2)
    with pytest.raises(RuntimeError, match="a bug"):
        exchange.receive_files(holding.db, holding.identity, files, accept_new=True)
    assert everything(holding.db) == before
    # With one file per transaction, the files before it stay stored.
    monkeypatch.undo()
    monkeypatch.setattr(exchange, "BATCH_FILES", 1)
    _failing_store(monkeypatch, RuntimeError("a bug"), on_call=2)
    with pytest.raises(RuntimeError, match="a bug"):
        exchange.receive_files(holding.db, holding.identity, files, accept_new=True)
    assert stored(holding.db)["plans"] == {WARD: 1, "P-A": 1}


def test_a_file_copied_from_another_stored_plan_is_refused_in_a_batch(
        office: Callable[..., Office], upper: Office, sent: bytes) -> None:
    """The database's own uniqueness finds the copied identifiers; the file names one."""
    copy = seed(SEED_003)
    copy["plan"]["unit"].update(code="P-COPY", name="Phường Chép")
    raw = export(office("copy", copy), "P-COPY")
    outs = exchange.receive_files(upper.db, upper.identity,
                                  [(LABEL, sent), ("copy.wpsync", raw), ("again.wpsync", sent)],
                                  accept_new=True)
    assert [o.status for o in outs] == ["imported", "refused", "unchanged"]
    assert_refused(outs[1], codec.MSG_INCONSISTENT, "copy.wpsync")
    assert outs[1].message.params["detail"].template == codec.MSG_UID_TAKEN
    assert stored(upper.db)["plans"] == {WARD: 1}


def test_a_copied_file_of_a_new_unit_leaves_every_table_as_it_was(
        office: Callable[..., Office], holding: Office) -> None:
    """A file that adds a unit is stored without a savepoint: its refusal takes back
    the unit and every row of the plan written before the clash, and nothing else."""
    copy = seed(SEED_003)
    copy["plan"]["unit"].update(code="P-COPY", name="Phường Chép")
    # Its own plan and sections: the clash comes halfway, once those rows are written.
    copy["plan"]["uid"] = new_uid()
    copy["plan"]["sections"] = codec.with_new_uids(copy["plan"]["sections"])
    raw = export(office("copy", copy), "P-COPY")
    reference = office("reference", like=holding.folder)
    before = everything(holding.db)
    [out] = exchange.receive_files(holding.db, holding.identity, [("copy.wpsync", raw)],
                                   accept_new=True)
    assert out.status == "refused"
    assert out.message is not None and out.message.params["detail"].template == codec.MSG_UID_TAKEN
    assert everything(holding.db) == before == everything(reference.db)


def test_a_copied_plan_of_another_year_leaves_its_unit_as_it_was(
        ward: Office, holding: Office) -> None:
    """A known unit's file for a year it has no plan of (nothing to replace, so no
    savepoint) that reuses the identifiers of its stored plan: refused, and the unit's
    details the file brings are not written either."""
    data = service.export_plan(ward.db, WARD, YEAR)
    plan = data["plan"]
    plan["year"] += 1
    plan["unit"]["name"] = "Phường Mỹ Phú Mới"
    plan["uid"] = new_uid()
    plan["sections"] = codec.with_new_uids(plan["sections"])
    upper = plan["unit"]["upper"]
    manifest = {"type": "plan", "sender": {"code": WARD, "name": plan["unit"]["name"],
                                           "level": plan["unit"]["level"]},
                "receiver": {"code": upper["code"], "name": upper["name"],
                             "level": upper.get("level", "")},
                "year": plan["year"], "kind": plan["kind"], "revision": plan["revision"],
                "created": "2024-11-01T00:00:00+00:00", "program_version": "test"}
    raw = package.write_package(ward.identity, manifest, codec.dump_plan(data))
    before = everything(holding.db)
    [out] = exchange.receive_files(holding.db, holding.identity, [("next.wpsync", raw)])
    assert out.status == "refused"
    assert out.message is not None and out.message.params["detail"].template == codec.MSG_UID_TAKEN
    assert everything(holding.db) == before


def _with_payload_stream(raw: bytes, stream: bytes) -> bytes:
    """``raw`` with its plan.json member's compressed bytes replaced by ``stream`` (the
    member's stated size and CRC kept): a change on the way that no signature covers."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    out, directory = io.BytesIO(), b""
    for info, data in entries:
        name = info.filename.encode()
        if info.filename == package.PAYLOAD:
            compressed = stream
        else:
            squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
            compressed = squeeze.compress(data) + squeeze.flush()
        fields = (zipfile.ZIP_DEFLATED, 0, 0x21, zlib.crc32(data), len(compressed), len(data),
                  len(name))
        offset = out.tell()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, *fields, 0) + name
                  + compressed)
        directory += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, *fields, 0,
                                 0, 0, 0, 0, offset) + name
    start = out.tell()
    out.write(directory + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries),
                                      len(entries), len(directory), start, 0))
    return out.getvalue()


@pytest.mark.parametrize("tail", ["padded", "unfinished"])
def test_a_payload_stream_changed_on_the_way_is_kept_as_the_plan_it_holds(
        upper: Office, sent: bytes, tail: str) -> None:
    """The zip reader stops at the member's stated size, and takes a stream cut short:
    such bytes are never kept for the receipt (they could inflate to a bomb, or to
    nothing), the plan file is compressed again instead."""
    payload = members(sent)[package.PAYLOAD]
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    if tail == "padded":  # the plan, then 50 MB of spaces inside the same stream
        stream = squeeze.compress(payload) + b"".join(
            squeeze.compress(b" " * (1 << 20)) for _ in range(50)) + squeeze.flush()
    else:  # no final block
        stream = squeeze.compress(payload) + squeeze.flush(zlib.Z_SYNC_FLUSH)
    raw = _with_payload_stream(sent, stream)
    assert members(raw)[package.PAYLOAD] == payload  # the zip reader sees the plan alone
    [out] = exchange.receive_files(upper.db, upper.identity, [(LABEL, raw)])
    assert out.status == "imported", out.message
    [receipt] = receipts(upper.db)
    assert receipt.plan_file() == payload
    assert receipt.payload_deflated is not None and receipt.payload_deflated != stream
    assert len(receipt.payload_deflated) < len(payload) / 3


def test_a_failure_that_ends_the_transaction_is_reported_as_itself(
        holding: Office, ward: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file stored in a savepoint (it replaces a plan) whose writing fails in a way
    that makes SQLite end the whole transaction (a full disk): the officer is told the
    disk is full, not that a savepoint has gone missing."""
    new_revision(ward)
    second = export(ward)

    def full(self: Any, out: exchange.Outcome) -> None:
        self.cursor.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(exchange._Folder, "settle", full)
    before = everything(holding.db)
    with pytest.raises(StorageError) as caught:
        exchange.receive_files(holding.db, holding.identity, [("r2.wpsync", second)])
    assert caught.value.template == MSG_DB_FULL
    assert everything(holding.db) == before


def test_many_files_read_by_worker_processes_give_the_same_outcomes(
        office: Callable[..., Office], upper: Office, holding: Office, sent: bytes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusals (with their details) cross between processes; storing stays in order."""
    hoathuan = export(office("hoathuan", other_unit()), "P-HOATHUAN")
    leloi = export(office("leloi", SEED_000), "P-LELOI")
    parts = members(sent)
    batch = [(LABEL, sent), ("leloi.wpsync", leloi), ("cut.wpsync", sent[:-30]),
             ("bad-name.wpsync", build({**parts, "../x": b"x"})),
             ("hoathuan.wpsync", hoathuan), ("again.wpsync", sent)] * 7
    alone = exchange.receive_files(holding.db, holding.identity, batch, apply=False)
    monkeypatch.setattr(exchange, "PARALLEL_FILES", 2)
    monkeypatch.setattr(exchange, "_CHUNK", 3)
    if exchange._workers(len(batch)) < 2:
        pytest.skip("one processor: files are read in this process only")
    real_pool, read_here = exchange._pool, []

    def started(identity: Identity, count: int) -> ProcessPoolExecutor | None:
        pool = real_pool(identity, count)
        assert pool is not None
        pool.submit(os.getpid).result()  # up before the files come, so that it gets some
        return pool

    def counted(*args: Any) -> Any:
        read_here.append(args[0])
        return real_read(*args)

    real_read = reader.read_file
    monkeypatch.setattr(exchange, "_pool", started)
    monkeypatch.setattr(reader, "read_file", counted)  # in this process only

    def summary(outs: list[exchange.Outcome]) -> list[tuple[Any, ...]]:
        return [(o.label, o.status, o.code, o.revision, o.new_unit,
                 o.message.render() if o.message else None,
                 o.message.params.get("detail").template
                 if o.message and isinstance(o.message.params.get("detail"), WardPlanError)
                 else None) for o in outs]

    assert summary(exchange.receive_files(holding.db, holding.identity, batch,
                                          apply=False)) == summary(alone)
    assert len(read_here) < len(batch)  # the workers read the others
    done = exchange.receive_files(upper.db, upper.identity, batch)
    assert [o.status for o in done[:6]] == [
        "imported", "refused", "refused", "refused", "refused", "unchanged"]
    assert {o.status for o in done[6:]} == {"unchanged", "refused"}
    assert stored(upper.db)["receipts"] == {WARD: [1]}


def test_reading_goes_on_here_when_the_worker_processes_fail(
        holding: Office, sent: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers that cannot start (say, a frozen program without freeze_support)."""
    batch = [(f"{i}.wpsync", sent) for i in range(12)] + [("cut.wpsync", sent[:50])]

    def broken(identity: Identity, count: int) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=sys.exit, initargs=(3,))
        with pytest.raises(BrokenProcessPool):
            pool.submit(os.getpid).result()
        return pool

    monkeypatch.setattr(exchange, "_pool", broken)
    monkeypatch.setattr(exchange, "_CHUNK", 2)
    outs = exchange.receive_files(holding.db, holding.identity, batch)
    assert [o.status for o in outs] == ["unchanged"] * 12 + ["refused"]


# --------------------------------------------------------------------------- encryption



def knows_upper(ward: Office, upper: Office, code: str = UPPER) -> None:
    with ward.db.session() as session:
        exchange.set_setting(session, exchange.UPPER_BOX_KEY,
                             b64(upper.identity.receiving_public_key))
        exchange.set_setting(session, exchange.UPPER_CODE, code)


def test_a_file_for_a_known_upper_level_is_encrypted_to_it(
        office: Callable[..., Office], ward: Office, upper: Office) -> None:
    plain = members(export(ward))[package.PAYLOAD]
    assert "Phường Mỹ Phú".encode() in plain  # what must not be readable on the way
    knows_upper(ward, upper)
    sent = exchange.export_package(ward.db, ward.identity, WARD, YEAR)
    assert sent.encrypted
    assert sent.data == export(ward)  # still reproducible
    parts = members(sent.data)
    assert list(parts) == [package.MANIFEST, package.PAYLOAD_ENCRYPTED, package.SIGNATURE]
    sealed = parts[package.PAYLOAD_ENCRYPTED]
    assert len(sealed) == len(plain) + 16  # AES-GCM tag
    for raw in (sealed, sent.data):
        assert plain not in raw
        assert "Phường Mỹ Phú".encode() not in raw
        assert b'"indicator_groups"' not in raw
    manifest = manifest_of(sent.data)
    assert manifest["payload"] == package.PAYLOAD_ENCRYPTED
    assert manifest["encryption"]["recipient_key"] == b64(upper.identity.receiving_public_key)
    assert manifest["content_hash"] == package.content_hash(plain)

    [out] = exchange.receive_files(upper.db, upper.identity, [(LABEL, sent.data)])
    assert out.status == "imported", out.message
    assert plan_of(upper.db) == plan_of(ward.db)
    # Encrypted, the plan file came uncompressed: it was compressed for the receipt.
    [receipt] = receipts(upper.db)
    assert receipt.plan_file() == plain and len(receipt.payload_deflated or b"") < len(plain) / 3

    third = office("third")
    text = receive_refused(third, sent.data, package.MSG_NOT_OURS_KEY)
    assert fingerprint(upper.identity.receiving_public_key) in text
    assert exchange.folder_role(third.db) == (None, None)
    with pytest.raises(package.SyncError) as caught:
        package.read_package(sent.data, LABEL)  # no keys at all
    assert caught.value.template == package.MSG_NOT_OURS_KEY

    # The sealed plan changed on the way: the cipher's tag says so.
    broken = bytearray(sealed)
    broken[len(broken) // 2] ^= 0x40
    tampered = build([(package.MANIFEST, parts[package.MANIFEST]),
                      (package.PAYLOAD_ENCRYPTED, bytes(broken)),
                      (package.SIGNATURE, parts[package.SIGNATURE])])
    receive_refused(upper, tampered, package.MSG_ALTERED)


def test_a_key_meant_for_another_upper_level_is_not_used(ward: Office, upper: Office) -> None:
    knows_upper(ward, upper, code="TP-KHAC")
    sent = exchange.export_package(ward.db, ward.identity, WARD, YEAR)
    assert not sent.encrypted
    assert package.PAYLOAD in members(sent.data)


# --------------------------------------------------------------------------- bad input


def pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def test_an_empty_file_is_refused(holding: Office) -> None:
    receive_refused(holding, b"", package.MSG_EMPTY)


@pytest.mark.parametrize("content", [
    pytest.param(lambda: pdf(), id="pdf"),
    pytest.param(lambda: random.Random(5).randbytes(5000), id="random"),
    pytest.param(lambda: SEED_003.read_bytes(), id="plan-json"),
    pytest.param(lambda: b"\xef\xbb\xbfPK not really", id="text"),
])
def test_a_file_that_is_not_a_zip_is_refused(holding: Office,
                                             content: Callable[[], bytes]) -> None:
    raw = content()
    assert not raw.startswith(b"PK")
    text = receive_refused(holding, raw, package.MSG_NOT_PACKAGE)
    assert "right file" in text


def test_a_zip_that_is_not_a_sync_file_is_refused(holding: Office) -> None:
    docx = build({"[Content_Types].xml": b"<Types/>", "document.xml": b"<w:document/>"})
    receive_refused(holding, docx, package.MSG_BAD_MEMBERS, package.DETAIL_MEMBERS)
    receive_refused(holding, b"PK\x03\x04" + bytes(200), package.MSG_DAMAGED)
    receive_refused(holding, build({}), package.MSG_BAD_MEMBERS, package.DETAIL_MEMBERS)


def test_a_cut_file_is_refused_wherever_it_was_cut(holding: Office, sent: bytes) -> None:
    before = everything(holding.db)
    n = len(sent)
    for cut in sorted({1, 2, 3, 4, 10, 30, 100, n // 4, n // 3, n // 2, 2 * n // 3, n - 300,
                       n - 100, n - 23, n - 22, n - 10, n - 1}):
        [out] = exchange.receive_files(holding.db, holding.identity, [(LABEL, sent[:cut])])
        expected = package.MSG_NOT_PACKAGE if cut < 2 else package.MSG_DAMAGED
        assert_refused(out, expected)
    assert everything(holding.db) == before


def test_a_flipped_byte_anywhere_is_refused_or_harmless(holding: Office, sent: bytes) -> None:
    """Zip ignores some header bytes (times, attributes); anywhere else the file is refused."""
    before = everything(holding.db)
    n = len(sent)
    with zipfile.ZipFile(io.BytesIO(sent)) as archive:  # where each member's data lies
        # but its last bytes: zipfile stops inflating once it has the member's size,
        # so the end-of-stream code and its padding are never read.
        data = [range(start := i.header_offset + 30 + len(i.filename) + len(i.extra),
                      start + i.compress_size - 4) for i in archive.infolist()]

    # The local headers and the central directory densely, the rest sampled evenly.
    positions = sorted(set(range(0, 64)) | set(range(0, n, 41)) | set(range(n - 230, n)))
    outcomes: dict[str, int] = {}
    for i, position in enumerate(positions):
        raw = bytearray(sent)
        raw[position] ^= (0x01, 0x80, 0xFF, 0x10)[i % 4]
        [out] = exchange.receive_files(holding.db, holding.identity, [(LABEL, bytes(raw))])
        outcomes[out.status] = outcomes.get(out.status, 0) + 1
        if out.status == "refused":
            assert out.message is not None
            assert_refused(out, out.message.template)
        else:
            # Harmless: the signature and the content hash still hold, so this is the
            # very revision already received; never in a member's data.
            assert out.status == "unchanged", (position, out)
            assert not any(position in r for r in data), position
    assert outcomes["refused"] > len(positions) / 2, outcomes
    assert everything(holding.db) == before
    assert len(receipts(holding.db)) == 1


@pytest.mark.parametrize("name", ["../evil", "../plan.json", "/abs", "dir/x",
                                  "..\\evil", "C:evil", "a/../../b"])
def test_a_member_with_a_path_is_refused(holding: Office, sent: bytes, name: str) -> None:
    parts = members(sent)
    text = receive_refused(holding, build({**parts, name: b"x"}), package.MSG_BAD_MEMBERS,
                           package.DETAIL_UNSAFE_NAME)
    assert name in text
    # Even in place of a member that belongs there.
    del parts[package.PAYLOAD]
    receive_refused(holding, build({**parts, name: b"x"}), package.MSG_BAD_MEMBERS,
                    package.DETAIL_UNSAFE_NAME)


def bomb(sent: bytes, size: int) -> bytes:
    """The ward's file with a plan.json of ``size`` zero bytes, deflated to almost nothing."""
    parts = members(sent)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(package.MANIFEST, parts[package.MANIFEST])
        with archive.open(package.PAYLOAD, "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
        archive.writestr(package.SIGNATURE, parts[package.SIGNATURE])
    return buffer.getvalue()


def test_a_member_that_expands_beyond_the_limit_is_refused(
        holding: Office, sent: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = bomb(sent, 70 << 20)  # 70 MB of zeros, beyond the real 64 MB limit
    assert len(raw) < 200 * 1024
    start = time.perf_counter()
    receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_BOMB)
    assert time.perf_counter() - start < 10

    # It stops at the limit instead of expanding the member: count what is read.
    monkeypatch.setattr(package, "MAX_MEMBER_BYTES", 1 << 20)
    read: list[int] = []
    original = zipfile.ZipExtFile.read

    def counting(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = original(self, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    start = time.perf_counter()
    [out] = exchange.receive_files(holding.db, holding.identity, [(LABEL, raw)])
    assert_refused(out, package.MSG_BAD_MEMBERS, detail=package.DETAIL_BOMB)
    assert sum(read) <= (1 << 20) + 2 * package.MAX_MANIFEST_BYTES
    assert time.perf_counter() - start < 2


def test_an_oversized_description_or_file_is_refused(
        holding: Office, sent: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = members(sent)
    receive_refused(holding, build({**parts, package.MANIFEST: b" " * (1 << 20)}),
                    package.MSG_BAD_MEMBERS, package.DETAIL_BOMB)
    receive_refused(holding, build({**parts, package.SIGNATURE: bytes(5000)}),
                    package.MSG_BAD_MEMBERS, package.DETAIL_BOMB)
    monkeypatch.setattr(package, "MAX_FILE_BYTES", len(sent) - 1)
    receive_refused(holding, sent, package.MSG_TOO_LARGE)


@pytest.mark.parametrize("missing", [package.MANIFEST, package.PAYLOAD, package.SIGNATURE])
def test_a_missing_member_is_refused(holding: Office, sent: bytes, missing: str) -> None:
    parts = members(sent)
    del parts[missing]
    text = receive_refused(holding, build(parts), package.MSG_BAD_MEMBERS,
                           package.DETAIL_MEMBERS)
    assert missing in text


@pytest.mark.parametrize("extra", ["notes.txt", package.PAYLOAD_ENCRYPTED, "manifest.json.bak"])
def test_an_extra_member_is_refused(holding: Office, sent: bytes, extra: str) -> None:
    parts = members(sent)
    text = receive_refused(holding, build({**parts, extra: b"{}"}), package.MSG_BAD_MEMBERS,
                           package.DETAIL_MEMBERS)
    assert extra in text


def test_a_member_twice_is_refused(holding: Office, sent: bytes) -> None:
    parts = members(sent)
    entries = [*parts.items(), (package.PAYLOAD, SEED_000.read_bytes())]
    receive_refused(holding, build(entries), package.MSG_BAD_MEMBERS, package.DETAIL_MEMBERS)


@pytest.mark.parametrize("text", [b"{not json", b"", b"\xff\xfe{}", b"[" * 50_000,
                                  b'{"format": "wardplan-sync", "year": ' + b"9" * 5000 + b"}"])
def test_an_unreadable_description_is_refused(holding: Office, ward: Office, sent: bytes,
                                              text: bytes) -> None:
    parts = members(sent)
    # Validly signed, so that only the JSON is at fault.
    raw = signed(ward.identity, text, parts[package.PAYLOAD])
    receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_MANIFEST)


def test_a_description_of_something_else_is_refused(holding: Office, ward: Office,
                                                    sent: bytes) -> None:
    payload = members(sent)[package.PAYLOAD]
    for other in ([], {"format": "wardplan-plan"}, "text", 12):
        raw = signed(ward.identity, json.dumps(other).encode(), payload)
        receive_refused(holding, raw, package.MSG_NOT_PACKAGE)


@pytest.mark.parametrize(("changes", "where"), [
    ({"revision": 0}, "revision"),
    ({"revision": "2"}, "revision"),
    ({"year": 1900}, "year"),
    ({"kind": "budget"}, "kind"),
    ({"type": "letter"}, "type"),
    ({"sender": {"code": "", "name": "x"}}, "sender/code"),
    ({"receiver": {"code": UPPER}}, "receiver"),
    ({"content_hash": "md5:00"}, "content_hash"),
    ({"sender_key": "not a key"}, "sender_key"),
    ({"encryption": {"scheme": "rot13"}}, "encryption"),
    ({"format_version": 0}, "format_version"),
    ({"payload": "plan.xml"}, "payload"),
    ({"payload": package.PAYLOAD_ENCRYPTED}, "payload"),  # names a member it does not have
    ({"comment": "hello"}, ""),
    ({"created": "x" * 100}, "created"),
])
def test_a_description_that_breaks_the_schema_is_refused(
        holding: Office, ward: Office, sent: bytes, changes: dict[str, Any],
        where: str) -> None:
    raw = with_manifest(sent, ward.identity, **changes)
    text = receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_MANIFEST)
    assert where in text


def test_a_required_field_missing_is_refused(holding: Office, ward: Office,
                                             sent: bytes) -> None:
    for field_name in ("content_hash", "sender_key", "receiver", "revision", "encryption"):
        manifest = manifest_of(sent)
        del manifest[field_name]
        raw = signed(ward.identity, manifest, members(sent)[package.PAYLOAD])
        receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_MANIFEST)


def test_a_key_with_a_trailing_newline_is_refused(holding: Office, ward: Office,
                                                  sent: bytes) -> None:
    """JSON Schema's "$" lets "…=\\n" through; the key must still be read strictly."""
    key = manifest_of(sent)["sender_key"]
    raw = with_manifest(sent, ward.identity, sender_key=key + "\n")
    text = receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_MANIFEST)
    assert "sender_key" in text
    receiving = b64(holding.identity.receiving_public_key)
    for name in ("recipient_key", "ephemeral_key"):
        box = {"scheme": package.SCHEME, "recipient_key": receiving, "ephemeral_key": key}
        box[name] += "\n"
        raw = with_manifest(sent, ward.identity, encryption=box)

        text = receive_refused(holding, raw, package.MSG_BAD_MEMBERS, package.DETAIL_MANIFEST)
        assert name in text



def test_a_newer_format_version_asks_to_update(holding: Office, ward: Office,
                                               sent: bytes) -> None:
    for newer in (2, 17):
        # A newer program may have changed anything else too.
        raw = with_manifest(sent, ward.identity, format_version=newer, novelty=True)
        text = receive_refused(holding, raw, package.MSG_NEWER)
        assert f"sync format {newer}" in text and "Update the program" in text


def test_a_bad_signature_is_refused(tmp_path: Path, holding: Office, sent: bytes) -> None:
    parts = members(sent)
    manifest = parts[package.MANIFEST]
    other = stranger(tmp_path)
    # Signed by someone else, still claiming to be the ward's key.
    receive_refused(holding, build({**parts, package.SIGNATURE: other.sign(manifest)}),
                    package.MSG_BAD_SIGNATURE)
    # The description altered after signing: a later revision, another receiver.
    for changes in ({"revision": 9}, {"year": 2025}, {"created": "2030-01-01T00:00:00+00:00"}):
        altered = dump_manifest({**manifest_of(sent), **changes})
        receive_refused(holding, build({**parts, package.MANIFEST: altered}),
                        package.MSG_BAD_SIGNATURE)
    # Same meaning, other bytes (spaces): the signature is over the bytes.
    spaced = json.dumps(manifest_of(sent), ensure_ascii=False).encode("utf-8")
    receive_refused(holding, build({**parts, package.MANIFEST: spaced}),
                    package.MSG_BAD_SIGNATURE)
    for signature in (b"", bytes(64), parts[package.SIGNATURE][:63], b"x" * 65):
        receive_refused(holding, build({**parts, package.SIGNATURE: signature}),
                        package.MSG_BAD_SIGNATURE)


def test_content_altered_after_signing_is_refused(holding: Office, ward: Office,
                                                  sent: bytes) -> None:
    parts = members(sent)
    other = codec.dump_plan(seed(SEED_000))
    receive_refused(holding, build({**parts, package.PAYLOAD: other}), package.MSG_ALTERED)
    # One value changed inside the signed plan.
    changed = parts[package.PAYLOAD].replace("9.949.000.000đ".encode(),
                                             "9.999.000.000đ".encode())
    assert changed != parts[package.PAYLOAD]
    receive_refused(holding, build({**parts, package.PAYLOAD: changed}), package.MSG_ALTERED)
    receive_refused(holding, build({**parts, package.PAYLOAD: b""}), package.MSG_ALTERED)


def test_a_description_that_does_not_match_the_plan_inside_is_refused(
        holding: Office, ward: Office, sent: bytes) -> None:
    """Signed by the ward's own key, yet the manifest and the plan disagree."""
    for changes, what in (({"revision": 5}, "revision"), ({"year": 2025}, "year"),
                          ({"kind": "resolution"}, "kind")):
        raw = with_manifest(sent, ward.identity, **changes)
        text = receive_refused(holding, raw, exchange.MSG_MISMATCH)
        assert what in text


def test_a_signed_payload_that_is_not_a_plan_is_refused(holding: Office, ward: Office,
                                                        sent: bytes) -> None:
    for payload in (b"{}", b"not json", b"[]"):
        manifest = {**manifest_of(sent), "content_hash": package.content_hash(payload)}
        receive_refused(holding, signed(ward.identity, manifest, payload),
                        codec.MSG_NOT_A_PLAN_FILE if payload != b"not json"
                        else codec.MSG_NOT_JSON)


@pytest.mark.parametrize("payload", [b"[" * 50_000, b'{"format": ' + b"1" * 5000 + b"}"],
                         ids=["deep", "long-number"])
def test_a_signed_payload_that_breaks_the_json_reader_is_refused(
        holding: Office, ward: Office, sent: bytes, payload: bytes) -> None:
    manifest = {**manifest_of(sent), "content_hash": package.content_hash(payload)}
    receive_refused(holding, signed(ward.identity, manifest, payload), codec.MSG_BEYOND_LIMITS)



def test_a_file_for_another_upper_level_is_refused(office: Callable[..., Office],
                                                   holding: Office) -> None:
    leloi = office("leloi", SEED_000)  # sends to TP-BACGIANG
    text = receive_refused(holding, export(leloi, "P-LELOI"), exchange.MSG_NOT_FOR_US,
                           accept_new=True)
    assert "TP-BACGIANG" in text and UPPER in text
    assert [p.unit for p in service.list_plans(holding.db)] == [WARD]


def test_an_unknown_unit_is_refused_unless_accepted(office: Callable[..., Office],
                                                    holding: Office) -> None:
    other = office("hoathuan", other_unit())
    raw = export(other, "P-HOATHUAN")
    text = receive_refused(holding, raw, exchange.MSG_UNKNOWN_UNIT, label="hoathuan.wpsync")
    assert "P-HOATHUAN" in text and "Phường Hòa Thuận" in text

    [out] = exchange.receive_files(holding.db, holding.identity, [("hoathuan.wpsync", raw)],
                                   accept_new=True)
    assert (out.status, out.new_unit, out.becomes_upper) == ("imported", True, None)
    assert plan_of(holding.db, "P-HOATHUAN")["plan"]["unit"]["upper"]["code"] == UPPER
    assert pinned(holding.db)["P-HOATHUAN"] == b64(other.identity.public_key)
    # Registered now: its next file needs no acceptance.
    [again] = exchange.receive_files(holding.db, holding.identity, [("h.wpsync", raw)])
    assert again.status == "unchanged"


def test_a_file_signed_with_another_key_is_refused_unless_repinned(
        tmp_path: Path, office: Callable[..., Office], ward: Office, holding: Office,
        sent: bytes) -> None:
    impostor = office("new-computer", SEED_003)  # the same unit, another installation
    assert new_revision(impostor) == 2
    raw = export(impostor)
    label = "from-new-computer.wpsync"
    text = receive_refused(holding, raw, exchange.MSG_KEY_CHANGED, label=label)
    assert impostor.identity.fingerprint in text and ward.identity.fingerprint in text
    receive_refused(holding, raw, exchange.MSG_KEY_CHANGED, label=label,
                    repin=frozenset({"P-OTHER"}), accept_new=True)
    # Someone else's key pretending to be the ward's, validly signed by itself.
    forged = with_manifest(sent, stranger(tmp_path),
                           sender_key=b64(stranger(tmp_path).public_key))
    receive_refused(holding, forged, exchange.MSG_KEY_CHANGED)

    before = everything(holding.db)
    [seen] = exchange.receive_files(holding.db, holding.identity, [(label, raw)],
                                    repin=frozenset({WARD}), apply=False)
    assert (seen.status, seen.repinned) == ("imported", True)
    assert everything(holding.db) == before

    [out] = exchange.receive_files(holding.db, holding.identity, [(label, raw)],
                                   repin=frozenset({WARD}))
    assert (out.status, out.repinned, out.revision) == ("imported", True, 2)
    assert pinned(holding.db) == {WARD: b64(impostor.identity.public_key)}
    [entry] = audit(holding.db)
    assert (entry.action, entry.unit_code) == ("repin", WARD)
    assert ward.identity.fingerprint in entry.detail
    assert impostor.identity.fingerprint in entry.detail and label in entry.detail
    assert entry.actor and entry.at
    assert plan_of(holding.db) == plan_of(impostor.db)
    # The old computer's key is the stranger now.
    assert new_revision(ward, "11.000.000.000đ") == 2
    receive_refused(holding, export(ward), exchange.MSG_KEY_CHANGED)


def test_a_confirmed_new_key_on_an_already_received_revision_is_pinned_and_audited(
        office: Callable[..., Office], holding: Office) -> None:
    """The ward moved to a new computer and sent the same revision again."""
    moved = office("moved", SEED_003)  # the same plan, revision 1, another installation
    raw = export(moved)
    [out] = exchange.receive_files(holding.db, holding.identity, [("again.wpsync", raw)],
                                   repin=frozenset({WARD}))
    assert (out.status, out.repinned) == ("unchanged", True)
    assert pinned(holding.db) == {WARD: b64(moved.identity.public_key)}
    [entry] = audit(holding.db)
    assert entry.action == "repin" and "again.wpsync" in entry.detail


def test_the_same_revision_with_other_content_is_refused(
        office: Callable[..., Office], ward: Office, holding: Office) -> None:
    """The ward restored an old copy and edited it: revision 1 again, but not the same."""
    changed = seed(SEED_003)
    text = json.dumps(changed, ensure_ascii=False).replace(
        "9.949.000.000đ", "9.950.000.000đ").replace('"9949000000"', '"9950000000"')
    restored = office("restored", json.loads(text))
    shutil.copytree(ward.folder / KEY_FOLDER, restored.folder / KEY_FOLDER, dirs_exist_ok=True)
    restored.identity = load_identity(restored.folder)
    assert restored.identity.public_key == ward.identity.public_key
    raw = export(restored)
    assert manifest_of(raw)["revision"] == 1
    text = receive_refused(holding, raw, exchange.MSG_CONFLICT)
    assert WARD in text and "revision 1" in text


def test_a_template_is_refused_by_the_upper_level(holding: Office, ward: Office,
                                                  sent: bytes) -> None:
    manifest = {k: v for k, v in manifest_of(sent).items()
                if k in ("sender", "receiver", "year", "kind", "revision", "created",
                         "program_version")}
    raw = package.write_package(ward.identity, {**manifest, "type": "template"},
                                members(sent)[package.PAYLOAD])
    receive_refused(holding, raw, exchange.MSG_NOT_A_PLAN)


def test_an_upper_level_cannot_send_on_a_plan_it_received(holding: Office) -> None:
    """Signed with the upper level's key, a ward's plan would pass for the ward's own file
    at the next office (which pins the first key it meets): refused, nothing written."""
    before = state(holding.db)
    with pytest.raises(InputError) as caught:
        exchange.export_package(holding.db, holding.identity, WARD, YEAR)
    assert caught.value.template == exchange.MSG_NOT_OUR_PLAN
    assert f"({UPPER}) cannot send the plan of {WARD}" in caught.value.render()
    assert state(holding.db) == before
    with pytest.raises(WardPlanError) as caught:  # a code that is not there: said so
        exchange.export_package(holding.db, holding.identity, "P-TYPO", YEAR)
    assert "P-TYPO" in str(caught.value) and caught.value.template != exchange.MSG_NOT_OUR_PLAN


def test_a_ward_cannot_send_another_units_plan(ward: Office) -> None:
    """A ward's folder that imported another unit's plan file (to read it) does not sign
    it as that unit's."""
    with ward.db.session() as session:  # set up as the ward (as the first-start wizard does)
        exchange.set_setting(session, exchange.ROLE, "ward")
        exchange.set_setting(session, exchange.OWN_UNIT, WARD)
    service.import_plan_file(ward.db, SEED_000)
    exchange.export_package(ward.db, ward.identity, WARD, YEAR)  # its own: sent
    with pytest.raises(InputError) as caught:
        exchange.export_package(ward.db, ward.identity, "P-LELOI", YEAR)
    assert caught.value.template == exchange.MSG_NOT_OUR_PLAN


def test_a_wards_folder_refuses_a_wards_file(office: Callable[..., Office], ward: Office,
                                             sent: bytes) -> None:
    leloi = office("leloi", SEED_000)
    for raw in (export(leloi, "P-LELOI"), sent):
        # The message names the folder's ward, not the file: every file would be refused.
        text = receive_refused(ward, raw, exchange.MSG_WARD_FOLDER, named=False,
                               accept_new=True)

        assert WARD in text
    assert exchange.folder_role(ward.db) == (None, None)


# --------------------------------------------------------------------------- fuzz


@dataclass(repr=False)
class FuzzWorld:
    ward: Office
    upper: Office
    original: bytes  # revision 2, not yet received: a harmless mutation imports it
    expected: dict[str, Any]  # the plan it holds
    baseline: dict[str, list[tuple[Any, ...]]]
    snapshot: Path
    dump: list[str]  # the whole database file as SQL, read by SQLite itself

    # Short: Hypothesis prints the arguments of a failing example, and a repr of more
    # than 30,000 characters makes it warn (an error here), hiding the example.
    def __repr__(self) -> str:
        return f"FuzzWorld({self.upper.folder})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzWorld]:
    root = tmp_path_factory.mktemp("fuzz")
    ward = make_office(root / "ward", SEED_003)
    upper = make_office(root / "upper")
    [out] = exchange.receive_files(upper.db, upper.identity, [(LABEL, export(ward))])
    assert out.status == "imported"
    assert new_revision(ward) == 2
    snapshot = root / "upper-snapshot.db"
    with sqlite3.connect(upper.db.path) as source, sqlite3.connect(snapshot) as target:
        source.backup(target)
    conn = sqlite3.connect(snapshot)
    try:
        dump = list(conn.iterdump())
    finally:
        conn.close()
    yield FuzzWorld(ward, upper, export(ward), plan_of(ward.db), tables(upper.db), snapshot,
                    dump)
    ward.db.close()
    upper.db.close()


def restore(world: FuzzWorld) -> None:
    source, target = sqlite3.connect(world.snapshot), sqlite3.connect(world.upper.db.path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _rezip(raw: bytes, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> bytes:
    try:
        parts = members(raw)
    except Exception:  # noqa: BLE001 - the bytes are no zip any more: leave them
        return raw
    return build(change(parts))


@st.composite
def byte_edit(draw: st.DrawFn, size: int) -> Callable[[bytes], bytes]:
    """One change to a byte string of about ``size`` bytes."""
    kind = draw(st.sampled_from(["flip", "cut", "drop", "insert", "overwrite", "zero"]))
    at = draw(st.integers(0, max(size - 1, 0)))
    length = draw(st.integers(1, 64))
    if kind == "flip":
        mask = draw(st.integers(1, 255))
        return lambda b: b[:at] + bytes([b[at] ^ mask]) + b[at + 1:] if at < len(b) else b
    if kind == "cut":
        return lambda b: b[:at]
    if kind == "drop":
        return lambda b: b[:at] + b[at + length:]
    if kind == "insert":
        extra = draw(st.binary(min_size=1, max_size=32))
        return lambda b: b[:at] + extra + b[at:]
    filler = bytes(length) if kind == "zero" else draw(st.binary(min_size=length,
                                                                 max_size=length))
    return lambda b: b[:at] + filler + b[at + len(filler):]


JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**6), st.text(max_size=20),
                        st.floats(allow_nan=False), st.lists(st.integers(), max_size=2))
MANIFEST_FIELDS = ["format", "format_version", "type", "sender", "receiver", "year", "kind",
                   "revision", "created", "program_version", "content_hash", "payload",
                   "sender_key", "encryption", "extra"]


@st.composite
def mutation(draw: st.DrawFn, original: bytes) -> Callable[[bytes], bytes]:
    parts = members(original)
    kind = draw(st.sampled_from(["bytes", "manifest-bytes", "manifest-field", "payload",
                                 "signature", "names"]))
    if kind == "bytes":
        return draw(byte_edit(len(original)))
    if kind == "manifest-bytes":
        edit = draw(byte_edit(len(parts[package.MANIFEST])))
        return lambda raw: _rezip(raw, lambda p: {
            **p, package.MANIFEST: edit(p.get(package.MANIFEST, b""))})
    if kind == "manifest-field":
        name, value = draw(st.sampled_from(MANIFEST_FIELDS)), draw(JSON_VALUES)

        def field(p: dict[str, bytes]) -> dict[str, bytes]:
            try:
                manifest = json.loads(p[package.MANIFEST])
            except (KeyError, ValueError):
                return p
            manifest[name] = value  # then rezipped with the original signature
            return {**p, package.MANIFEST: dump_manifest(manifest)}

        return lambda raw: _rezip(raw, field)
    if kind == "payload":
        edit = draw(byte_edit(len(parts[package.PAYLOAD])))
        return lambda raw: _rezip(raw, lambda p: {
            **p, package.PAYLOAD: edit(p.get(package.PAYLOAD, b""))})
    if kind == "signature":
        edit = draw(byte_edit(64))
        return lambda raw: _rezip(raw, lambda p: {
            **p, package.SIGNATURE: edit(p.get(package.SIGNATURE, b""))})
    new_name = draw(st.sampled_from(["../plan.json", "/plan.json", "x/plan.json",
                                     package.PAYLOAD_ENCRYPTED, "PLAN.JSON", "", "plan.json "]))
    old_name = draw(st.sampled_from(list(parts)))
    return lambda raw: _rezip(raw, lambda p: {
        (new_name if k == old_name else k): v for k, v in p.items()})


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` after one to three mutations, each applied to the last one's result."""
    raw = original
    for change in draw(st.lists(mutation(original), min_size=1, max_size=3)):
        raw = change(raw)
    return raw


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_never_crash_nor_change_the_database(fuzz_world: FuzzWorld,
                                                           data: st.DataObject) -> None:
    world = fuzz_world
    raw = data.draw(mutated(world.original), label="file")
    outs = exchange.receive_files(world.upper.db, world.upper.identity, [("fuzz.wpsync", raw)])
    assert len(outs) == 1
    out = outs[0]
    assert out.status in ("refused", "unchanged", "imported")
    event(out.status if out.message is None else out.message.template[:40])
    if out.status == "refused":
        assert isinstance(out.message, WardPlanError)
        text = out.message.render()
        assert text.strip(), out.message.template
        assert "fuzz.wpsync" in text
    if out.status == "imported":
        # Only a harmless change (a byte zip ignores, the same members rezipped) can
        # get here: then it is exactly the signed revision 2, nothing else.
        try:
            assert out.revision == 2
            assert plan_of(world.upper.db) == world.expected
            assert receipts(world.upper.db)[-1].content_hash == \
                manifest_of(world.original)["content_hash"]
        finally:
            restore(world)
    assert tables(world.upper.db) == world.baseline
    # Not one row changed in the file, table by table as SQLite dumps it, through a
    # connection of its own (tables the models do not name and the schema included).
    conn = sqlite3.connect(world.upper.db.path)
    try:
        assert list(conn.iterdump()) == world.dump
    finally:
        conn.close()


def test_the_same_members_zipped_again_are_accepted(fuzz_world: FuzzWorld) -> None:
    """What the fuzz test lets in: other zip bytes around the very same signed members."""
    world = fuzz_world
    rezipped = build(members(world.original))
    assert rezipped != world.original
    [out] = exchange.receive_files(world.upper.db, world.upper.identity,
                                   [("r.wpsync", rezipped)], apply=False)
    assert (out.status, out.revision) == ("imported", 2)
    assert tables(world.upper.db) == world.baseline


# --------------------------------------------------------------------------- command line


def cli(*args: str, data_dir: Path, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WARDPLAN_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "wardplan_desktop.cli", "--data-dir", str(data_dir),
         "--lang", lang, *args], capture_output=True, text=True, env=env, timeout=120)


def test_cli_export_then_import_into_an_empty_folder(tmp_path: Path) -> None:
    ward_dir, inbox = tmp_path / "ward", tmp_path / "inbox"
    inbox.mkdir()
    with open_data_folder(ward_dir) as db:
        service.import_plan_file(db, SEED_003)
    out_file = inbox / "P-MYPHU-2024.wpsync"
    r = cli("sync", "export", "--unit", WARD, "--year", str(YEAR), "-o", str(out_file),
            data_dir=ward_dir)
    assert r.returncode == 0, r.stderr
    key = load_identity(ward_dir).fingerprint
    assert key in r.stdout
    r = cli("sync", "key", data_dir=ward_dir)
    assert (r.returncode, r.stdout.strip()) == (0, key)

    upper_dir = tmp_path / "upper"
    # A preview writes nothing that stays: no role, no plan, not even keys.
    r = cli("sync", "import", str(inbox), "--preview", data_dir=upper_dir)
    assert r.returncode == 0, r.stderr
    assert not has_identity(upper_dir)
    with open_data_folder(upper_dir) as db:
        assert exchange.folder_role(db) == (None, None) and service.list_plans(db) == []
    r = cli("sync", "import", str(inbox), data_dir=upper_dir)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert f"{UPPER_NAME} ({UPPER})" in r.stderr
    assert ("nay là của cấp trên" in r.stderr) or ("is now the upper level" in r.stderr)
    with open_data_folder(upper_dir) as db:
        assert exchange.folder_role(db) == ("upper", UPPER)
        assert [p.unit for p in service.list_plans(db)] == [WARD]

    # In English; one good file and one bad one in the folder.
    (inbox / "0-damaged.wpsync").write_bytes(out_file.read_bytes()[:-50])
    upper_en = tmp_path / "upper-en"
    r = cli("sync", "import", str(inbox), data_dir=upper_en, lang="en")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert f"This data folder is now the upper level {UPPER_NAME} ({UPPER})." in r.stderr
    assert "0-damaged.wpsync is damaged" in r.stderr
    assert "Imported" in r.stdout and WARD in r.stdout
    with open_data_folder(upper_en) as db:
        assert [p.unit for p in service.list_plans(db)] == [WARD]
        assert len(receipts(db)) == 1
    # Who has sent, for the latest year sent unless a year is given.
    r = cli("sync", "status", data_dir=upper_en, lang="en")
    assert r.returncode == 0, r.stderr
    lines = [line.split() for line in r.stdout.splitlines()]
    assert lines[:2] == [["Year", str(YEAR)], ["Code", "Status", "Revision", "Received", "on",
                                               "Name"]]
    assert lines[2][:3] == [WARD, "received", "1"] and len(lines) == 3
    r = cli("sync", "status", "--year", str(YEAR + 1), data_dir=upper_en)
    assert r.stdout.splitlines()[0] == f"Năm {YEAR + 1}"
    assert r.stdout.splitlines()[2].split()[:4] == [WARD, "chưa", "gửi", "-"]


def test_a_confirmed_new_key_lets_in_that_key_only(tmp_path: Path) -> None:
    """Confirming a unit's new key does not let in a file of the same unit with a third key."""
    from wardplan_desktop.core.sync.exchange import RepinPolicy

    policy = RepinPolicy({"P-A": "K2"})
    assert policy.allows("P-A", "K2") and not policy.allows("P-A", "K3")
    assert not policy.allows("P-B", "K2")
    by_code = RepinPolicy(["P-A"])
    assert by_code.allows("P-A", "K2") and by_code.allows("P-A", "K2")
    assert not by_code.allows("P-A", "K3")

    ward_dir = tmp_path / "ward"
    ward = open_data_folder(ward_dir)
    service.import_plan_file(ward, SEED_003)
    files = [("k1.wpsync", exchange.export_package(ward, load_identity(ward_dir), "P-MYPHU",
                                                   2024).data)]
    plan = service.export_plan(ward, "P-MYPHU", 2024)["plan"]
    for label, title in (("k2.wpsync", "Lần hai"), ("k3.wpsync", "Lần ba")):
        shutil.rmtree(ward_dir / "keys")
        service_set_title(ward, plan["uid"], title)
        files.append((label, exchange.export_package(ward, load_identity(ward_dir), "P-MYPHU",
                                                     2024).data))
    ward.close()
    upper_dir = tmp_path / "upper"
    upper = open_data_folder(upper_dir)
    identity = load_identity(upper_dir)
    assert exchange.receive_files(upper, identity, files[:1])[0].status == "imported"
    outcomes = exchange.receive_files(upper, identity, files[1:], repin=frozenset({"P-MYPHU"}))
    assert [o.status for o in outcomes] == ["imported", "refused"]
    assert service.export_plan(upper, "P-MYPHU", 2024)["plan"]["title"] == "Lần hai"
    upper.close()


def service_set_title(db: Database, plan_uid: str, title: str) -> None:
    from wardplan_desktop.core import editing

    editing.set_field(db, "plan", plan_uid, "title", title)
