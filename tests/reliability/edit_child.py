"""The clerk of the kill-during-edits trial: edits a plan, endlessly, until it is killed.

Usage: ``python edit_child.py DATA_FOLDER SEED STALL_AT``

Opens the data folder with the program's own code, then makes a seeded-random
stream of edits to the plan of P-MYPHU 2024 through ``core/editing.py``, the
functions the clerk's window calls: text fields, the date, the lists, indicator
values typed as a clerk types them, items added, removed and moved, and undo
(the inverse the window would run, from what each edit returned).

Each edit is announced before it starts and acknowledged once the call has
returned, i.e. once its transaction is committed; one JSON line each on stdout,
flushed at once (the op format is in ``edit_model``):

- ``{"ready": seed, "digest": ..., "revision": n}``: the plan as found, opened;
- ``{"begin": seq, "edit": op}``: the edit about to be made;
- ``{"ack": seq, "edit": op, "item": key, "state": ..., "revision": n, "changed": b}``:
  the edit is saved; ``state`` is what the edited item must hold now;
- ``{"refused": seq, "edit": op, "error": text}``: the program refused it (nothing saved);
- ``{"stall": seq}``: with ``STALL_AT`` > 0, edit ``STALL_AT`` (or the first after it
  that reaches a commit) stops inside its transaction, every statement run and the
  commit not yet issued, and waits there to be killed.
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import edit_model as em
from sqlalchemy import event

from wardplan_desktop.core import editing, service
from wardplan_desktop.core.editing import Place
from wardplan_desktop.core.errors import InputError
from wardplan_desktop.core.storage import history
from wardplan_desktop.core.storage.database import Database, open_data_folder

UNIT, YEAR = "P-MYPHU", 2024
STALL_SECONDS = 120  # far longer than the test takes to kill a stalled child

# Words of real plans, to type sentences from.
SOURCE = (
    "phát triển kinh tế xã hội năm kế hoạch thực hiện nhiệm vụ giải pháp chỉ tiêu phường "
    "khóm hộ nghèo lao động việc làm an ninh trật tự quốc phòng văn hóa giáo dục y tế môi "
    "trường đô thị cải cách hành chính ngân sách thu chi đầu tư xây dựng cơ bản công trình "
    "tuyên truyền vận động nhân dân chính quyền đoàn thể Mặt trận Tổ quốc bảo hiểm chuyển "
    "đổi số thanh niên phụ nữ cựu chiến binh nông dân tăng cường nâng cao chất lượng hiệu quả "
    "đảm bảo duy trì tiếp tục đẩy mạnh triển khai tổ chức kiểm tra giám sát đánh giá"
)
WORDS = SOURCE.split()
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Võ Minh Đức",
         "Huỳnh Thanh Hà")
POSITIONS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH")
UNITS = ("hộ", "%", "người", "lao động", "khóm", "tỷ đồng", "triệu đồng", "ha", "")
LABELS = ("1.", "2.", "3.", "a)", "b)", "1.1.", "2.3.", "")
EMPHASES = ("none", "bold", "italic", "bold_italic")
PERIODS = ("target", "six_months", "nine_months", "estimate", "final")
YEARS = (2023, 2024, 2025)
BASES = ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;",
         "Căn cứ Nghị quyết số 07/2020/NQ-HĐND ngày 30 tháng 12 năm 2020;",
         "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15 tháng 11 năm 2023;",
         "Thực hiện Chỉ thị số 05-CT/TU ngày 20 tháng 10 năm 2023;")
RECIPIENTS = (("UBND TPCL", "(để b/c)"), ("TT.ĐU; TT.HĐND Phường", ""), ("TV.UB phường", ""),
              ("Các ngành, đoàn thể phường", "(để thực hiện)"), ("Lưu: VT", ""))


def emit(line: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- what is typed


class Typist:
    """Text as a clerk types it, already tidy (single spaces, NFC), within each limit."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, low: int, high: int) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))
        return text[:1].upper() + text[1:]

    def sentence(self) -> str:
        if self.rng.random() < 0.06:  # now and then a long paragraph: several pages of text
            return self.words(400, 1200) + "."
        return self.words(4, 40) + self.rng.choice((".", ";", ":"))

    def lines(self) -> str:
        return "\n".join(self.sentence() for _ in range(self.rng.randint(0, 3)))

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def value(self) -> str:
        r, n = self.rng, self.rng.randint(1, 999)
        return r.choice((
            f"{n}%", f"{n}% trở lên", f"{n} - {n + r.randint(1, 50)} tỷ đồng",
            f"{r.randint(1, 9)}/{r.randint(9, 12)} khóm", "Đạt", "Hoàn thành kế hoạch",
            f"giảm {n}% so với năm 2023", f"≥ {n}%", f"{n:02d} hộ",
            f"{n}.{r.randint(100, 999)}.000.000đ", f"dưới {n},{r.randint(1, 9)}%",
            f"{n},{r.randint(0, 9)} lần", f"{n},{r.randint(100, 999)}", f"tăng {n} lao động",
        ))


# --------------------------------------------------------------------------- the edits


def _place(place: list[Any]) -> Place:
    return Place(place[0], place[1], place[2])


def call_for(op: list[Any], plan_uid: str) -> Callable[[Database], editing.Saved]:
    """How the clerk's window makes the edit an op describes."""
    kind = op[0]
    if kind == "field":
        return lambda db: editing.set_field(db, op[1], op[2], op[3], op[4])
    if kind == "date":
        return lambda db: editing.set_date(db, op[1], op[2], op[3], op[4])
    if kind == "list":
        items = [tuple(x) for x in op[3]] if op[2] == "recipients" else list(op[3])
        return lambda db: editing.set_list(db, op[1], op[2], items)
    if kind == "value":
        given = op[4]
        value = None if given is None else given["typed"] if "typed" in given \
            else editing.value_from_snapshot(given["snapshot"])
        return lambda db: editing.set_value(db, op[1], op[2], op[3], value)
    if kind == "insert":
        data = json.loads(json.dumps(op[2]))  # the window hands over its own copy
        return lambda db: editing.insert(db, plan_uid, op[1], data, _place(op[3]))
    if kind == "remove":
        return lambda db: editing.remove(db, op[1], op[2])
    if kind == "move":
        return lambda db: editing.move(db, op[1], op[2], _place(op[3]))
    raise ValueError(kind)


def inverse(op: list[Any], saved: editing.Saved) -> list[Any]:
    """The op undo runs, built from what the edit returned (as the window does)."""
    kind, old = op[0], saved.old
    if kind == "field":
        return ["field", op[1], op[2], op[3], old]
    if kind == "date":
        return ["date", op[1], *old]
    if kind == "list":
        return ["list", op[1], op[2], [list(x) for x in old] if op[2] == "recipients" else old]
    if kind == "value":
        if old is None:
            return ["value", op[1], op[2], op[3], None, None]
        return ["value", op[1], op[2], op[3], {"snapshot": history.value_snapshot(old)},
                [old.text, old.kind.value]]
    if kind == "insert":
        return ["remove", op[1], old]
    if kind == "remove":
        data, place = old
        return ["insert", op[1], data, [place.parent_uid, place.position, place.group_uid]]
    return ["move", op[1], op[2], [old.parent_uid, old.position, old.group_uid]]


def _depths(nodes: list[dict[str, Any]], depth: int = 0) -> list[tuple[dict[str, Any], int]]:
    out = []
    for n in nodes:
        out.append((n, depth))
        out.extend(_depths(n["children"], depth + 1))
    return out


class Clerk:
    """Chooses the next edit from the plan as the model says it is."""

    def __init__(self, rng: random.Random, model: dict[str, Any], plan_uid: str) -> None:
        self.rng, self.model, self.plan_uid = rng, model, plan_uid
        self.type = Typist(rng)
        self.undo: list[list[Any]] = []
        self.choices: list[tuple[Callable[[], list[Any] | None], int]] = [
            (self.plan_field, 8), (self.section_field, 14), (self.indicator_field, 8),
            (self.small_item_field, 3), (self.unit_field, 1), (self.value, 24),
            (self.date, 3), (self.list, 4), (self.insert_section, 5),
            (self.insert_indicator, 4), (self.insert_small_item, 3), (self.remove, 6),
            (self.move, 8), (self.undo_last, 7),
        ]

    def next(self) -> list[Any]:
        kinds, weights = zip(*self.choices, strict=True)
        while True:
            op = self.rng.choices(kinds, weights)[0]()
            if op is not None:
                return op

    # ------------------------------------------------------------------ fields

    def plan_field(self) -> list[Any]:
        t, r = self.type, self.rng
        name = r.choice(em.PLAN_FIELDS)
        value = {"number": str(r.randint(1, 9999)),
                 "symbol": r.choice(("KH-UBND", "KH-UBND-VP", "NQ-HĐND")),
                 "place": r.choice(("Mỹ Phú", "Cao Lãnh", "Mỹ Phú, Cao Lãnh")),
                 "signer": r.choice(NAMES), "sign_position": r.choice(POSITIONS),
                 "sign_authority_body": r.choice(("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")),
                 }.get(name) or (t.lines() if name in em.LINES else t.words(3, 20))
        return ["field", "plan", self.plan_uid, name, value]

    def section_field(self) -> list[Any] | None:
        sections = em.items(self.model, "section")
        if not sections:
            return None
        uid = self.rng.choice(sections)["uid"]
        name = self.rng.choice(("text", "text", "text", "label", "emphasis"))
        value = {"label": self.rng.choice(LABELS),
                 "emphasis": self.rng.choice(EMPHASES)}.get(name) or self.type.sentence()
        return ["field", "section", uid, name, value]

    def indicator_field(self) -> list[Any] | None:
        indicators = em.items(self.model, "indicator")
        if not indicators:
            return None
        uid = self.rng.choice(indicators)["uid"]
        name = self.rng.choice(("name", "name", "unit", "note", "label"))
        value = {"name": self.type.words(2, 14), "unit": self.rng.choice(UNITS),
                 "note": self.type.words(0, 10), "label": str(self.rng.randint(1, 20))}[name]
        return ["field", "indicator", uid, name, value]

    def small_item_field(self) -> list[Any] | None:
        entity = self.rng.choice(("key_task", "footnote"))
        present = em.items(self.model, entity)
        if not present:
            return None
        name = self.rng.choice(("task", "result", "label")) if entity == "key_task" else "text"
        value = str(self.rng.randint(1, 30)) if name == "label" else self.type.sentence()
        return ["field", entity, self.rng.choice(present)["uid"], name, value]

    def unit_field(self) -> list[Any]:
        return ["field", "unit", UNIT, "name", self.rng.choice(("Phường Mỹ Phú",
                                                                 "Phường Mỹ Phú (mới)"))]

    def value(self) -> list[Any] | None:
        indicators = em.items(self.model, "indicator")
        if not indicators:
            return None
        uid = self.rng.choice(indicators)["uid"]
        year, period = self.rng.choice(YEARS), self.rng.choice(PERIODS)
        if self.rng.random() < 0.12:
            return ["value", uid, year, period, None, None]
        typed = self.type.value()
        read = editing.read_value(typed)
        return ["value", uid, year, period, {"typed": typed}, [read.text, read.kind.value]]

    def date(self) -> list[Any]:
        r = self.rng
        day, month = (None, None) if r.random() < 0.2 else (r.randint(1, 28), r.randint(1, 12))
        return ["date", self.plan_uid, day, month, r.choice((2023, 2024))]

    def list(self) -> list[Any]:
        if self.rng.random() < 0.5:
            return ["list", self.plan_uid, "legal_bases",
                    self.rng.sample(BASES, self.rng.randint(0, len(BASES)))]
        return ["list", self.plan_uid, "recipients",
                [list(x) for x in self.rng.sample(RECIPIENTS, self.rng.randint(1, 5))]]

    # ------------------------------------------------------------------ items

    def insert_section(self) -> list[Any]:
        r, t = self.rng, self.type
        parents = [n for n, depth in _depths(self.model["sections"]) if depth < 3]
        if r.random() < 0.15 or not parents:
            parent, data = None, {"kind": "heading", "label": r.choice(("V.", "VI.", "")),
                                  "text": t.words(2, 8).upper()}
        else:
            parent = r.choice(parents)
            data = {"kind": r.choice(("paragraph", "paragraph", "bullet", "sub_bullet")),
                    "label": r.choice(LABELS), "text": t.sentence(),
                    "emphasis": r.choice(EMPHASES)}
        siblings = parent["children"] if parent else self.model["sections"]
        return ["insert", "section", {"uid": t.uid(), **data},
                [parent["uid"] if parent else None, r.randint(0, len(siblings) + 1), None]]

    def insert_indicator(self) -> list[Any]:
        r, t = self.rng, self.type
        data = editing.new_indicator(t.words(2, 12), r.choice(UNITS))
        data["uid"] = t.uid()
        tops = [i for g in self.model["groups"] for i in g["indicators"]]
        if tops and r.random() < 0.4:
            parent = r.choice(tops)
            data["row_style"] = r.choice(("sub_item", "breakdown"))
            place = [parent["uid"], r.randint(0, len(parent["children"]) + 1), None]
        else:
            group = r.choice(self.model["groups"])
            place = [None, r.randint(0, len(group["indicators"]) + 1), group["uid"]]
        return ["insert", "indicator", data, place]

    def insert_small_item(self) -> list[Any]:
        r, t = self.rng, self.type
        uid = t.uid()
        if r.random() < 0.5:
            entity, data = "key_task", {"uid": uid, "label": str(r.randint(1, 30)),
                                        "field": r.choice(("economy", "society", None)),
                                        "task": t.sentence(), "result": ""}
        else:
            entity, data = "footnote", {"uid": uid, "key": "n" + uid[:8], "text": t.sentence()}
        siblings = self.model[entity + "s"]
        return ["insert", entity, data, [None, r.randint(0, len(siblings) + 1), None]]

    def remove(self) -> list[Any] | None:
        # Keep the plan about its size: removals only where there is plenty.
        entity = self.rng.choice(("section", "section", "indicator", "key_task", "footnote"))
        present = em.items(self.model, entity)
        if len(present) <= {"section": 25, "indicator": 12}.get(entity, 0):
            return None
        return ["remove", entity, self.rng.choice(present)["uid"]]

    def move(self) -> list[Any] | None:
        r = self.rng
        entity = r.choice(("section", "section", "indicator", "key_task", "footnote"))
        present = em.items(self.model, entity)
        if not present:
            return None
        item = r.choice(present)
        if entity == "section":
            inside = em.subtree_uids(item)
            parents = [n for n, depth in _depths(self.model["sections"])
                       if depth < 3 and n["uid"] not in inside]
            parent = r.choice(parents) if parents and r.random() < 0.8 else None
            siblings = parent["children"] if parent else self.model["sections"]
            place = [parent["uid"] if parent else None, r.randint(0, len(siblings)), None]
        elif entity == "indicator":
            tops = [i for g in self.model["groups"] for i in g["indicators"]
                    if i["uid"] != item["uid"]]
            if item["children"] or not tops or r.random() < 0.5:  # "Trong đó" rows: one level
                group = r.choice(self.model["groups"])
                place = [None, r.randint(0, len(group["indicators"])), group["uid"]]
            else:
                parent = r.choice(tops)
                place = [parent["uid"], r.randint(0, len(parent["children"])), None]
        else:
            place = [None, r.randint(0, len(present)), None]
        return ["move", entity, item["uid"], place]

    def undo_last(self) -> list[Any] | None:
        return self.undo.pop() if self.undo else None


# --------------------------------------------------------------------------- the loop


def main(argv: list[str]) -> int:
    folder, seed, stall_at = Path(argv[1]), int(argv[2]), int(argv[3])
    rng = random.Random(seed)
    db = open_data_folder(folder)
    plan = service.export_plan(db, UNIT, YEAR)["plan"]
    model = em.project(plan)
    clerk = Clerk(rng, model, plan["uid"])
    seq = 0
    armed = False

    def on_commit(_conn: Any) -> None:
        nonlocal armed
        if armed:
            armed = False
            emit({"stall": seq})
            time.sleep(STALL_SECONDS)

    # The engine's commit event fires after the unit of work has run all its
    # statements and before the commit is sent to SQLite.
    event.listen(db.engine, "commit", on_commit)
    emit({"ready": seed, "digest": em.digest(model), "revision": plan["revision"]})
    while True:
        seq += 1
        op = clerk.next()
        emit({"begin": seq, "edit": op})
        armed = armed or seq == stall_at
        try:
            saved = call_for(op, plan["uid"])(db)
        except InputError as exc:
            emit({"refused": seq, "edit": op, "error": str(exc)})
            continue
        em.apply(model, op)
        if saved.changed:
            clerk.undo.append(inverse(op, saved))
        key = em.touched(op)
        emit({"ack": seq, "edit": op, "item": key, "state": em.state_of(model, key),
              "revision": saved.revision, "changed": saved.changed})


if __name__ == "__main__":
    sys.exit(main(sys.argv))
