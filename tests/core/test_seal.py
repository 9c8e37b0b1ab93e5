"""The paper and the file: the printed appendices carry the sync file's key and content hash."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from support import SEED_003
from wardplan_desktop.core import service
from wardplan_desktop.core.documents import layout
from wardplan_desktop.core.documents.export import render
from wardplan_desktop.core.storage.database import open_data_folder
from wardplan_desktop.core.sync import exchange
from wardplan_desktop.core.sync.keys import load_identity
from wardplan_desktop.core.sync.package import read_package, short_hash


def test_printed_seal_matches_the_sync_file(tmp_path: Path) -> None:
    db = open_data_folder(tmp_path)
    service.import_plan_file(db, SEED_003)
    identity = load_identity(tmp_path)
    data = service.export_plan(db, "P-MYPHU", 2024)
    seal = exchange.seal_of(data, identity)
    sent = exchange.export_package(db, identity, "P-MYPHU", 2024)
    package = read_package(sent.data, "x")
    assert seal == {"key": identity.fingerprint,
                    "hash": short_hash(package.manifest["content_hash"])}

    pdf = render(data["plan"], "pdf", "appendices", seal)
    pages = PdfReader(io.BytesIO(pdf)).pages
    for page in pages:
        text = " ".join(page.extract_text().split())
        assert seal["hash"] in text and seal["key"] in text
    # The QR code is drawn on the page, and nothing of it shows without a seal.
    plain = render(data["plan"], "pdf", "appendices")
    assert seal["hash"] not in " ".join(PdfReader(io.BytesIO(plain)).pages[0].extract_text()
                                        .split())
    assert len(pdf) > len(plain)
    sealed_plan = {**data["plan"], layout.SEAL: seal}
    assert layout.seal_qr_data(sealed_plan).endswith(f"|{seal['hash']}|{seal['key']}")
    for fmt in ("docx", "xlsx"):
        assert render(data["plan"], fmt, "appendices", seal)  # identification line carries it
    db.close()
