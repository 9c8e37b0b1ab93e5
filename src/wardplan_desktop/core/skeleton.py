"""A new plan for a unit and year: the usual outline of a ward's annual plan, ready to fill.

The outline follows the plans wards actually write (see the seeds): the
assessment of this year per field with a general evaluation, the objectives and
main targets of next year, tasks and solutions per field, and the organisation
of implementation; the four indicator groups; the header, recipients and
signature of the unit's latest plan when it has one.  Headings are document
text, in Vietnamese like the document itself.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from .enums import DocumentKind
from .errors import InputError, NotFoundError
from .interchange import codec
from .service import (
    MSG_PLAN_EXISTS,
    MSG_UNIT_NOT_FOUND,
    PlanSummary,
    default_indicator_appendix,
    import_plan_data,
)
from .storage.database import Database
from .storage.schema import Plan, Unit

FIELDS = [("economy", "kinh tế", "KINH TẾ"), ("culture_society", "văn hóa - xã hội",
                                              "VĂN HÓA - XÃ HỘI"),
          ("defence_security", "quốc phòng - an ninh", "QUỐC PHÒNG - AN NINH"),
          ("government", "xây dựng chính quyền", "XÂY DỰNG CHÍNH QUYỀN")]
ROMAN = ["I", "II", "III", "IV"]


def _heading(label: str, text: str, part: str, role: str = "", field: str | None = None,
             children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"kind": "heading", "label": label, "text": text, "part": part, "field": field,
            "role": role, "emphasis": "none", "children": children or []}


def outline(year: int) -> list[dict[str, Any]]:
    """The sections of a new plan for ``year``, assessing ``year - 1``."""
    last = year - 1
    per_field = [
        _heading(f"{i}.", f"Về {words}", part, field=field)
        for part in ("assessment", "tasks")
        for i, (field, words, _) in enumerate(FIELDS, start=1)
    ]
    assessment, tasks = per_field[:4], per_field[4:]
    evaluation = _heading("5.", "Đánh giá chung", "assessment", "evaluation", children=[
        _heading("a)", "Ưu điểm", "assessment", "strengths"),
        _heading("b)", "Hạn chế", "assessment", "limitations"),
        _heading("c)", "Nguyên nhân", "assessment", "causes")])
    return [
        _heading("I.", f"ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI "
                 f"NĂM {last}", "assessment", "results", children=[*assessment, evaluation]),
        _heading("II.", f"MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM {year}", "plan", children=[
            _heading("1.", "Mục tiêu tổng quát", "plan", "general_objective"),
            _heading("2.", "Các chỉ tiêu chủ yếu", "plan", "key_indicators")]),
        _heading("III.", "NHIỆM VỤ VÀ GIẢI PHÁP", "tasks", "tasks_solutions", children=tasks),
        _heading("IV.", "TỔ CHỨC THỰC HIỆN", "organisation", "organisation"),
    ]


def new_plan(db: Database, unit_code: str, year: int) -> PlanSummary:
    """Create the unit's plan for ``year`` from the outline; refused if it exists."""
    kind = DocumentKind.PLAN.value
    with db.session(write=False) as session:
        unit = session.scalar(select(Unit).where(Unit.code == unit_code))
        if unit is None:
            raise NotFoundError(MSG_UNIT_NOT_FOUND, unit=unit_code)
        exists = session.scalar(select(Plan.id).where(Plan.unit_id == unit.id,
                                                      Plan.year == year, Plan.kind == kind))
        if exists is not None:
            raise InputError(MSG_PLAN_EXISTS, unit=unit_code, year=year, kind=kind)
        latest = session.scalar(select(Plan).where(Plan.unit_id == unit.id,
                                                   Plan.kind == kind)
                                .order_by(Plan.year.desc()).limit(1))
        cursor = codec.driver_cursor(session)
        base = codec.plan_data(cursor, plan_id=latest.id)["plan"] \
            if latest is not None else None  # type: ignore[index]
        unit_data = codec.unit_data(cursor, unit_code)
        assert unit_data is not None  # found above
    plan: dict[str, Any] = {
        "kind": kind, "year": year, "revision": 1, "status": "draft", "unit": unit_data,
        "issuing_body": base["issuing_body"] if base else unit_data.get("issuing_body", []),
        "parent_body": base["parent_body"] if base else unit_data.get("parent_body", ""),
        "number": "", "symbol": base["symbol"] if base else "KH-UBND",
        "place": base["place"] if base else unit_data.get("place_name", ""),
        "date": {"day": None, "month": None, "year": year - 1},
        "title": f"Phát triển kinh tế - xã hội năm {year}",
        "sections": outline(year),
        "recipients": base["recipients"] if base else [],
        "signature": base["signature"] if base else {
            "authority": "TM.", "authority_body": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
            "signer": ""},
        "indicator_groups": [{"field": field, "label": ROMAN[i], "title": title,
                              "indicators": []}
                             for i, (field, _, title) in enumerate(FIELDS)],
    }
    appendix = default_indicator_appendix(year)
    plan["appendices"] = [{"kind": appendix.kind, "label": appendix.label,
                           "title": appendix.title, "caption": appendix.caption,
                           "landscape": bool(appendix.landscape),
                           "columns": json.loads(appendix.columns)}]
    data = {"format": codec.FORMAT, "format_version": codec.FORMAT_VERSION, "plan": plan}
    checked = codec.parse_plan_bytes(codec.dump_plan(data), f"{unit_code}-{year}")
    return import_plan_data(db, checked, f"{unit_code}-{year}")
