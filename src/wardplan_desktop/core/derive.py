"""The council resolution and the emulation plan, drafted from the plan's own data.

In December the ward council adopts a resolution with the plan's targets
(seed 002); in January the committee launches an emulation movement that takes
the same targets as emulation goals.  Both repeat what the plan already holds:
its general objective, its indicators and targets for the year, its tasks and
solutions.  These functions draft them from plan-file data, with the official
structure of each kind (the council's "QUYẾT NGHỊ:" and articles, the
emulation plan's purposes, goals, contents, rewards and organisation), leaving
what only people can know — the council's term and session, the signer of the
resolution, the numbers and dates — blank to be filled in.

The words are Vietnamese by nature: they are the document.
"""

from __future__ import annotations

import copy
from typing import Any

from .documents.layout import document_reference, nfc
from .interchange.codec import with_new_uids
from .storage.schema import new_uid

ROLE_OBJECTIVE = "general_objective"
ROLE_TASKS = "tasks_solutions"
ROLE_ORGANISATION = "organisation"


def _section(kind: str, text: str, *, label: str = "", part: str = "other", role: str = "",
             emphasis: str = "none", children: list[dict[str, Any]] | None = None,
             field: str | None = None) -> dict[str, Any]:
    return {"uid": new_uid(), "kind": kind, "label": label, "text": text, "part": part,
            "field": field, "role": role, "emphasis": emphasis, "children": children or []}


def _find_role(nodes: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    for node in nodes:
        if node.get("role") == role:
            return node
        found = _find_role(node.get("children", []), role)
        if found:
            return found
    return None


def _children_of(plan: dict[str, Any], role: str, part: str) -> list[dict[str, Any]]:
    node = _find_role(plan["sections"], role)
    children = with_new_uids(node["children"]) if node else []
    for child in children:
        child["part"] = part
    return children


def _place_words(plan: dict[str, Any]) -> str:
    """ "phường Mỹ Phú": the unit's name as it reads inside a sentence."""
    name = nfc(plan["unit"]["name"])
    return name[:1].lower() + name[1:]


def target_bullets(plan: dict[str, Any], part: str) -> list[dict[str, Any]]:
    """One "-" line per indicator with a target for the plan's year, grouped by field."""
    year = plan["year"]
    groups = []
    for group in plan.get("indicator_groups", []):
        lines: list[dict[str, Any]] = []

        def visit(nodes: list[dict[str, Any]], group: dict[str, Any] = group,
                  lines: list[dict[str, Any]] = lines) -> None:
            for node in nodes:
                target = next((v for v in node.get("values", [])
                               if v["year"] == year and v["period"] == "target"), None)
                if target is not None:
                    unit = node.get("unit", "")
                    words = target["text"]
                    if unit and unit not in words:
                        words = f"{words} {unit}"
                    lines.append(_section("bullet", f"{node['name']}: {words}", part=part,
                                          field=group["field"]))
                visit(node.get("children", []))

        visit(group.get("indicators", []))
        if lines:
            groups.append(_section("paragraph", f"Về {nfc(group['title']).lower()}:",
                                   part=part, field=group["field"], emphasis="italic",
                                   children=lines))
    return groups


def _carry_indicators(plan: dict[str, Any], draft: dict[str, Any]) -> None:
    draft["indicator_groups"] = with_new_uids(plan.get("indicator_groups", []))
    year = plan["year"]
    if draft["indicator_groups"]:
        draft["appendices"] = [{
            "uid": new_uid(), "kind": "indicators", "label": "PHỤ LỤC",
            "title": f"CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}", "caption": "",
            "landscape": False,
            "columns": [
                {"source": "label", "header": "STT"},
                {"source": "name", "header": "Nội dung"},
                {"source": "unit", "header": "ĐVT"},
                {"source": "value", "year": year, "period": "target",
                 "header": f"Chỉ tiêu năm {year}"},
                {"source": "note", "header": "Ghi chú"},
            ],
        }]


def _base(plan: dict[str, Any], kind: str) -> dict[str, Any]:
    draft = copy.deepcopy(plan)
    draft.update({
        "uid": new_uid(), "kind": kind, "revision": 1, "status": "draft", "number": "",
        "date": {"day": None, "month": None, "year": plan["date"]["year"]},
        "heading_lines": [], "legal_bases": [], "preamble": [], "sections": [],
        "closing": [], "footnotes": [], "key_tasks": [], "indicator_groups": [],
        "appendices": [],
    })
    return draft


def resolution_from_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """The ward council's resolution adopting the plan (Nghị quyết của HĐND)."""
    year = plan["year"]
    place = _place_words(plan)
    unit_upper = nfc(plan["unit"]["name"]).upper()
    body_line = plan["issuing_body"][-1] if plan.get("issuing_body") else unit_upper
    draft = _base(plan, "resolution")
    draft.update({
        "issuing_body": ["HỘI ĐỒNG NHÂN DÂN", body_line],
        "parent_body": "",
        "symbol": "NQ-HĐND",
        "title": f"Kế hoạch phát triển kinh tế - xã hội năm {year}",
        "heading_lines": [f"HỘI ĐỒNG NHÂN DÂN {unit_upper}", "KHÓA … - KỲ HỌP THỨ …"],
        "legal_bases": [
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            f"Xét {document_reference(plan)} về {nfc(plan['title'])[:1].lower()}"
            f"{nfc(plan['title'])[1:]}; ý kiến thảo luận của đại biểu Hội đồng nhân dân "
            f"{place} tại kỳ họp.",
        ],
        "signature": {"authority": "TM.", "authority_body": "HỘI ĐỒNG NHÂN DÂN",
                      "position": "CHỦ TỊCH", "signer": ""},
        "recipients": [
            {"name": f"Thường trực HĐND, UBND {plan['unit']['upper']['name']}"
             if plan["unit"].get("upper") else "Thường trực HĐND, UBND cấp trên",
             "purpose": "b/c"},
            {"name": f"Thường trực Đảng ủy {place}", "purpose": ""},
            {"name": f"UBND {place}", "purpose": ""},
            {"name": f"Đại biểu HĐND {place}", "purpose": ""},
            {"name": "Lưu: VT", "purpose": ""},
        ],
        "closing": [
            f"Nghị quyết này đã được Hội đồng nhân dân {place} khóa …, kỳ họp thứ … "
            f"thông qua ngày … tháng … năm {plan['date']['year']} và có hiệu lực kể từ "
            "ngày thông qua./.",
        ],
    })
    article_one = [
        _section("heading", "Mục tiêu tổng quát", label="1.", part="plan",
                 role=ROLE_OBJECTIVE, children=_children_of(plan, ROLE_OBJECTIVE, "plan")),
        _section("heading", f"Các chỉ tiêu chủ yếu năm {year}", label="2.", part="plan",
                 role="key_indicators", children=target_bullets(plan, "plan")),
        _section("heading", "Nhiệm vụ và giải pháp chủ yếu", label="3.", part="tasks",
                 role=ROLE_TASKS, children=_children_of(plan, ROLE_TASKS, "tasks")),
    ]
    draft["sections"] = [
        _section("heading", "QUYẾT NGHỊ:"),
        _section("paragraph", f"Thông qua Kế hoạch phát triển kinh tế - xã hội năm {year} "
                 f"của {place} với các nội dung chủ yếu sau:", label="Điều 1.",
                 children=[c for c in article_one if c["children"]]),
        _section("paragraph", f"Giao Ủy ban nhân dân {place} tổ chức triển khai thực hiện "
                 "Nghị quyết này.", label="Điều 2.", part="organisation",
                 role=ROLE_ORGANISATION),
        _section("paragraph", "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, "
                 f"các Tổ đại biểu và đại biểu Hội đồng nhân dân {place} giám sát việc thực "
                 "hiện Nghị quyết này.", label="Điều 3.", part="organisation"),
    ]
    _carry_indicators(plan, draft)
    return draft


def emulation_from_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """The emulation plan that takes the plan's targets as emulation goals."""
    year = plan["year"]
    place = _place_words(plan)
    draft = _base(plan, "emulation")
    # Launched in January of the plan's own year, unlike the plan (written the year before).
    draft["date"] = {"day": None, "month": None, "year": year}
    draft.update({
        "title": "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển "
                 f"kinh tế - xã hội năm {year}",
        "legal_bases": [
            "Căn cứ Luật Thi đua, khen thưởng;",
            f"Căn cứ {document_reference(plan)} về {nfc(plan['title'])[:1].lower()}"
            f"{nfc(plan['title'])[1:]}.",
        ],
        "preamble": [f"Ủy ban nhân dân {place} ban hành Kế hoạch phát động phong trào thi "
                     f"đua năm {year} như sau:"],
        "closing": [f"Trên đây là Kế hoạch phát động phong trào thi đua năm {year} của Ủy ban "
                    f"nhân dân {place}./."],
    })
    organisation = _children_of(plan, ROLE_ORGANISATION, "organisation") or [
        _section("paragraph", "Các ngành, đoàn thể, khu dân cư căn cứ Kế hoạch này tổ chức "
                 "phát động, đăng ký thi đua và báo cáo kết quả về Ủy ban nhân dân.",
                 part="organisation")]
    draft["sections"] = [
        _section("heading", "MỤC ĐÍCH, YÊU CẦU", label="I.", part="plan", children=[
            _section("paragraph", "Phát động phong trào thi đua sâu rộng trong cán bộ, công "
                     "chức và Nhân dân nhằm hoàn thành và hoàn thành vượt mức các chỉ tiêu "
                     f"phát triển kinh tế - xã hội năm {year} của {place}.", part="plan"),
        ]),
        _section("heading", "CHỈ TIÊU THI ĐUA", label="II.", part="plan",
                 role="key_indicators", children=target_bullets(plan, "plan")),
        _section("heading", "NỘI DUNG THI ĐUA", label="III.", part="tasks", role=ROLE_TASKS,
                 children=_children_of(plan, ROLE_TASKS, "tasks")),
        _section("heading", "KHEN THƯỞNG", label="IV.", part="organisation", children=[
            _section("paragraph", f"Cuối năm, Ủy ban nhân dân {place} tổng kết, đánh giá và "
                     "khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào "
                     "thi đua theo quy định.", part="organisation"),
        ]),
        _section("heading", "TỔ CHỨC THỰC HIỆN", label="V.", part="organisation",
                 role=ROLE_ORGANISATION, children=organisation),
    ]
    draft["sections"] = [s for s in draft["sections"] if s["children"]]
    _carry_indicators(plan, draft)
    return draft


DERIVERS = {"resolution": resolution_from_plan, "emulation": emulation_from_plan}
