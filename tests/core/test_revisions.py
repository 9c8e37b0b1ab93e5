"""What changed between two received revisions of a unit's plan."""

from __future__ import annotations

import copy
import hashlib
import json
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select

from support import SEED_003, seed
from wardplan_desktop.core import revisions, service
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.core.storage.rows import MAX_PLAN_FILE_BYTES
from wardplan_desktop.core.storage.schema import Section, SyncReceipt
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.values import parse_value


def _rendered(changes: list[revisions.Change]) -> list[tuple[str, str, str]]:
    return [(c.where.render(), c.old, c.new) for c in changes]


def test_identical_plans_have_no_changes() -> None:
    data = seed(SEED_003)
    assert revisions.compare(data, copy.deepcopy(data)) == []


def test_compare_names_each_difference_in_document_order() -> None:
    old = seed(SEED_003)
    new = copy.deepcopy(old)
    plan = new["plan"]
    plan["number"] = "901"
    plan["date"]["day"] = 30
    first = plan["sections"][0]["children"][0]
    first["text"] = first["text"].replace("2024", "2024 và các năm sau")
    revenue = plan["indicator_groups"][0]["indicators"][0]
    revenue["values"][0]["text"] = "10.500.000.000đ"
    removed = revenue["children"].pop(0)
    plan["recipients"].append({"name": "Lưu: VT", "purpose": ""})
    rows = _rendered(revisions.compare(old, new))
    where = [w for w, _, _ in rows]
    assert where[:2] == ["Document number", "Date"]
    assert ("Document number", "843", "901") in rows
    assert ("Date", "29/11/2023", "30/11/2023") in rows
    assert any(w.startswith("Section") and "các năm sau" in n for w, _, n in rows)
    assert ("Indicator «Thu ngân sách»: target 2024", "9.949.000.000đ",
            "10.500.000.000đ") in rows
    # A removed indicator is reported once with its name, plus its values, all "removed".
    gone = [(w, o, n) for w, o, n in rows if removed["name"] in w]
    assert gone and all(n == "" for _, _, n in gone)
    assert rows[where.index("Recipients")][2].endswith("Lưu: VT")
    kinds = {c.change for c in revisions.compare(old, new)}
    assert kinds == {"changed", "removed"}


def test_moved_section_is_not_a_change_but_an_added_one_is() -> None:
    old = seed(SEED_003)
    new = copy.deepcopy(old)
    sections = new["plan"]["sections"]
    sections[0], sections[1] = sections[1], sections[0]
    assert revisions.compare(old, new) == []
    sections[0]["children"].append({"kind": "paragraph", "text": "Nội dung mới."})
    (change,) = revisions.compare(old, new)
    assert change.change == "added" and change.new == "Nội dung mới."


def test_received_revisions_compare_from_the_database(tmp_path: Path) -> None:
    ward_dir, upper_dir = tmp_path / "ward", tmp_path / "upper"
    ward = open_data_folder(ward_dir)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(seed(SEED_003), ensure_ascii=False), encoding="utf-8")
    summary = service.import_plan_file(ward, path)
    identity = load_identity(ward_dir)
    first = exchange.export_package(ward, identity, summary.unit, 2024).data
    data = service.export_plan(ward, summary.unit, 2024)
    revenue = data["plan"]["indicator_groups"][0]["indicators"][0]
    service.set_value(ward, revenue["uid"], 2024, "target", parse_value("12 tỷ đồng"))
    with ward.session() as session:
        section = session.scalar(select(Section).where(Section.text == "MỤC TIÊU"))
        section.text = "MỤC TIÊU CHUNG"
    second = exchange.export_package(ward, identity, summary.unit, 2024).data
    ward.close()

    upper = open_data_folder(upper_dir)
    outcomes = exchange.receive_files(upper, load_identity(upper_dir),
                                      [("r1.wpsync", first), ("r2.wpsync", second)])
    assert [o.status for o in outcomes] == ["imported", "imported"]
    received = revisions.received_revisions(upper, summary.unit, 2024)
    assert len(received) == 2 and received[0].revision == 1
    last = received[1].revision
    assert last > 1 and received[1].file_name == "r2.wpsync"
    rows = _rendered(revisions.revision_changes(upper, summary.unit, 2024, 1, last))
    assert ("Indicator «Thu ngân sách»: target 2024", "9.949.000.000đ", "12 tỷ đồng") in rows
    assert ("Section I. «MỤC TIÊU CHUNG»", "MỤC TIÊU", "MỤC TIÊU CHUNG") in rows
    assert revisions.revision_changes(upper, summary.unit, 2024, last, last) == []
    with pytest.raises(InputError, match="Revision 99 of P-MYPHU"):
        revisions.revision_changes(upper, summary.unit, 2024, 1, 99)

    # A kept file damaged by other means (cut short, or a bomb) is named, never inflated
    # without bound.
    with upper.session() as session:
        receipt = session.scalar(select(SyncReceipt).where(SyncReceipt.revision == 1))
        assert receipt is not None and receipt.payload_deflated is not None
        receipt.payload_deflated = receipt.payload_deflated[:-20]
        later = session.scalar(select(SyncReceipt).where(SyncReceipt.revision == last))
        assert later is not None
        squeeze = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        later.payload_deflated = b"".join(
            [squeeze.compress(bytes(1 << 20)) for _ in range(MAX_PLAN_FILE_BYTES // (1 << 20))]
            + [squeeze.compress(b"x"), squeeze.flush()])
    for revision in (1, last):
        with pytest.raises(InputError, match=f"revision {revision} of P-MYPHU's plan for 2024 "
                                             "kept in this data folder is damaged"):
            revisions.received_plan(upper, summary.unit, 2024, "plan", revision)
    # So is one kept as text (received before schema 5) that no longer reads as a plan.
    with upper.session() as session:
        receipt = session.scalar(select(SyncReceipt).where(SyncReceipt.revision == 1))
        assert receipt is not None
        receipt.payload, receipt.payload_deflated = '{"format": "wardplan-plan", "pl', None
    with pytest.raises(InputError, match="revision 1 of P-MYPHU's plan for 2024 kept in this "
                                         "data folder is damaged, so it cannot be compared"):
        revisions.received_plan(upper, summary.unit, 2024, "plan", 1)
    # One intact (its hash is the receipt's) that this program refuses, made by a newer
    # one, is refused for that, not called damaged: a backup would not help.
    newer = json.dumps({**seed(SEED_003), "format_version": 2}).encode("utf-8")
    with upper.session() as session:
        receipt = session.scalar(select(SyncReceipt).where(SyncReceipt.revision == 1))
        assert receipt is not None
        receipt.payload, receipt.payload_deflated = newer.decode("utf-8"), None
        receipt.content_hash = "sha256:" + hashlib.sha256(newer).hexdigest()
    with pytest.raises(InputError, match="Update WardPlan Desktop to read it") as refused:
        revisions.received_plan(upper, summary.unit, 2024, "plan", 1)
    assert refused.value.template == codec.MSG_NEWER_FORMAT
    upper.close()
