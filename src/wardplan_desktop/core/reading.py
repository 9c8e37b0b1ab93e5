"""What the main window reads to show a plan, without the ORM.

The window starts on these (the plans held, the folder's role, the plan opened), so
it is painted before SQLAlchemy is loaded; the ORM comes with the first edit, or
in the first idle moment after the window shows (``app.py``).  ``service`` and
``sync.exchange`` offer the same functions, for every other caller.
"""

from __future__ import annotations

from typing import Any

from .errors import NotFoundError
from .interchange import codec
from .storage.database import Database
from .storage.rows import OWN_UNIT, ROLE, PlanSummary, plan_summaries, setting


def list_plans(db: Database) -> list[PlanSummary]:
    with db.reading() as conn:
        return plan_summaries(conn)


def export_plan_by_uid(db: Database, plan_uid: str) -> dict[str, Any]:
    """A plan's data by its identifier (the plan being edited)."""
    with db.reading() as conn:
        data = codec.plan_data(conn, uid=plan_uid)
    if data is None:
        raise NotFoundError()
    return data


def folder_role(db: Database) -> tuple[str | None, str | None]:
    """(role, own unit code) of a data folder; (None, None) while it is unset."""
    with db.reading() as conn:
        return setting(conn, ROLE), setting(conn, OWN_UNIT)
