"""The database read as plain rows, through the driver: no ORM.

What the main window shows at start (the plans held, the folder's role, the plan
opened) is read here, so the program shows its window before loading SQLAlchemy,
which takes longer to import than the whole window takes to build.  Edits go
through the ORM (``editing.py``, ``service.py``); whole plans are written as rows
by ``codec.store_plan_rows``.

Also here: the conventions of the stored columns that the ORM's defaults share
(identifiers, time stamps).
"""

from __future__ import annotations

import sqlite3
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

#: The settings that say what a data folder is: a ward's, or an upper level's (and
#: which unit it is); unset until the folder is set up or receives its first file.
ROLE = "role"
OWN_UNIT = "own_unit"


def new_uid() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """Time stamps are ISO 8601 text in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PlanSummary:
    """A line of the plan list: what ``wardplan-cli list`` prints."""

    unit: str
    unit_name: str
    year: int
    kind: str
    revision: int
    status: str
    title: str
    uid: str
    updated_at: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "year": self.year, "kind": self.kind,
                "revision": self.revision, "status": self.status}


def plan_summaries(conn: sqlite3.Connection) -> list[PlanSummary]:
    """Every plan held, by unit code, year and kind (with its unit's, joined: an upper
    level holds thousands of plans)."""
    return [PlanSummary(*row) for row in conn.execute(
        "SELECT unit.code, unit.name, plan.year, plan.kind, plan.revision, plan.status, "
        "plan.title, plan.uid, plan.updated_at FROM plan JOIN unit ON unit.id = plan.unit_id "
        "ORDER BY unit.code, plan.year, plan.kind")]


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


#: The most a receipt's plan file inflates to (the sync file's own limit on a member).
MAX_PLAN_FILE_BYTES = 64 * 1024 * 1024


def plan_file_of(payload: str, deflated: bytes | None) -> bytes:
    """The received plan file of a receipt's two payload columns (see SyncReceipt).

    Raises ValueError when the compressed file is damaged (the database was changed
    by other means): cut short, followed by other bytes, or larger than any plan.
    """
    if deflated is None:
        return payload.encode("utf-8")
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflate.decompress(deflated, MAX_PLAN_FILE_BYTES + 1)
    except zlib.error as exc:
        raise ValueError(f"damaged receipt: {exc}") from exc
    if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail \
            or len(out) > MAX_PLAN_FILE_BYTES:
        raise ValueError("damaged receipt: incomplete, too large or followed by other data")
    return out
