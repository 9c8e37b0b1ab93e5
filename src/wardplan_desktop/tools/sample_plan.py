"""A large, realistic plan made from the sample plans' own text, for benchmarks and tests.

    python -m wardplan_desktop.tools.sample_plan OUT.json [--indicators 300] [--footnotes 50]

The words come from the three real ward plans shipped as demo data; numbers are
drawn from a seeded generator, so the same arguments always give the same plan.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path
from typing import Any

from ..paths import resource_path

FIELDS = ["economy", "culture_society", "defence_security", "government"]
GROUP_TITLES = ["KINH TẾ", "VĂN HÓA - XÃ HỘI", "QUỐC PHÒNG - AN NINH", "XÂY DỰNG CHÍNH QUYỀN"]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def _demo_plans() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8"))["plan"]
            for p in sorted(resource_path("demo").glob("*.json"))]


def _texts(nodes: list[dict[str, Any]]) -> list[str]:
    out = []
    for n in nodes:
        if n["kind"] != "heading" and len(n["text"]) > 40:
            out.append(n["text"])
        out += _texts(n["children"])
    return out


def _names(nodes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for n in nodes:
        out.append((n["name"], n["unit"]))
        out += _names(n["children"])
    return out


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def large_plan(indicators: int = 300, footnotes: int = 50, paragraphs: int = 160,
               seed: int = 2024) -> dict[str, Any]:
    """Plan-file data (the whole file) of a big plan: about 35 pages printed."""
    rng = random.Random(seed)
    demos = _demo_plans()
    base = json.loads(json.dumps(next(p for p in demos if p["unit"]["code"] == "P-MYPHU")))
    texts = [t for p in demos for t in _texts(p["sections"])]
    names = [x for p in demos for g in p["indicator_groups"] for x in _names(g["indicators"])]
    year = base["year"]

    sections = []
    keys = [f"n{i}" for i in range(1, footnotes + 1)]
    cite_at = set(rng.sample(range(paragraphs), footnotes)) if footnotes else set()
    k = 0
    for f, field in enumerate(FIELDS):
        children = []
        for i in range(paragraphs // len(FIELDS)):
            index = f * (paragraphs // len(FIELDS)) + i
            text = rng.choice(texts)
            if index in cite_at and k < len(keys):
                text = f"{text}[^{keys[k]}]"
                k += 1
            kind = "bullet" if i % 3 == 2 else "paragraph"
            children.append({"uid": _uid(rng), "kind": kind, "label": "", "text": text,
                             "part": "tasks", "field": field, "role": "", "emphasis": "none",
                             "children": []})
        sections.append({"uid": _uid(rng), "kind": "heading", "label": f"{f + 1}.",
                         "text": f"Về {GROUP_TITLES[f].lower()}", "part": "tasks",
                         "field": field, "role": "", "emphasis": "none", "children": children})
    base["sections"] = [{"uid": _uid(rng), "kind": "heading", "label": "I.",
                         "text": "NHIỆM VỤ VÀ GIẢI PHÁP", "part": "tasks", "field": None,
                         "role": "tasks_solutions", "emphasis": "none", "children": sections}]
    base["footnotes"] = [{"uid": _uid(rng), "key": key,
                          "text": f"Theo số liệu của {rng.choice(names)[0].lower()} ({i})."}
                         for i, key in enumerate(keys[:k], 1)]

    groups = []
    per_group = indicators // len(FIELDS)
    for f, field in enumerate(FIELDS):
        items = []
        for _ in range(per_group):
            name, unit = rng.choice(names)
            target = rng.randint(1, 5000) * (1000 if unit in ("", "đồng") else 1)
            estimate = int(target * rng.uniform(0.7, 1.3))
            values = [
                {"year": year - 1, "period": "target", "text": f"{target:,}".replace(",", "."),
                 "kind": "number", "value": str(target)},
                {"year": year - 1, "period": "estimate",
                 "text": f"{estimate:,}".replace(",", "."), "kind": "number",
                 "value": str(estimate)},
                {"year": year, "period": "target", "text": f"{target + 10:,}".replace(",", "."),
                 "kind": "number", "value": str(target + 10)},
            ]
            items.append({"uid": _uid(rng), "label": None, "name": name, "unit": unit,
                          "direction": "higher_better", "set_by": "ward", "catalogue_code": None,
                          "row_style": "item", "note": "", "values": values, "children": []})
        groups.append({"uid": _uid(rng), "field": field, "label": ROMAN[f],
                       "title": GROUP_TITLES[f], "indicators": items})
    base["indicator_groups"] = groups
    last = year - 1
    base["appendices"] = [{
        "uid": _uid(rng), "kind": "indicators", "label": "PHỤ LỤC",
        "title": f"CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}", "caption": "",
        "landscape": True,
        "columns": [
            {"source": "label", "header": "STT"}, {"source": "name", "header": "Nội dung"},
            {"source": "unit", "header": "ĐVT"},
            {"source": "value", "year": last, "period": "target", "header": f"Kế hoạch {last}"},
            {"source": "value", "year": last, "period": "estimate", "header": f"Ước TH {last}"},
            {"source": "percent_of_plan", "year": last, "period": "estimate",
             "header": "% so KH"},
            {"source": "status", "year": last, "period": "estimate", "header": "Đánh giá"},
            {"source": "value", "year": year, "period": "target", "header": f"Chỉ tiêu {year}"},
        ],
    }]
    base["uid"] = _uid(rng)
    return {"format": "wardplan-plan", "format_version": 1, "plan": base}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wardplan_desktop.tools.sample_plan")
    parser.add_argument("output", type=Path)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--footnotes", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=160)
    args = parser.parse_args(argv)
    data = large_plan(args.indicators, args.footnotes, args.paragraphs)
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
