"""The clerk's forms: Vietnamese typed as an input method delivers it, saved at once,
undone and redone across forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from qt_support import type_text
from support import SEED_003
from wardplan_desktop import i18n
from wardplan_desktop.core import service
from wardplan_desktop.core.storage.database import Database
from wardplan_desktop.gui.fields import flush_all
from wardplan_desktop.gui.forms import (
    FieldForm,
    GeneralForm,
    SignatureForm,
    recipients_from_text,
    recipients_text,
)
from wardplan_desktop.gui.plan_editor import PlanEditor


@pytest.fixture
def editor(qapp: object, db: Database) -> PlanEditor:
    i18n.install("vi")
    summary = service.import_plan_file(db, SEED_003)
    editor = PlanEditor(db)
    editor.open(summary.uid)
    return editor


def _plan(db: Database) -> dict:
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


def _reload(forms: list, db: Database) -> None:
    plan = _plan(db)
    for form in forms:
        form.show_plan(plan)


def test_typed_vietnamese_is_saved_and_undone_across_forms(
        qtbot: QtBot, editor: PlanEditor, db: Database) -> None:
    general, signature = GeneralForm(editor), SignatureForm(editor)
    for form in (general, signature):
        qtbot.addWidget(form)
        form.show()
    editor.changed.connect(lambda *_: _reload([general, signature], db))
    _reload([general, signature], db)
    before = _plan(db)

    type_text(general.title, "Kế hoạch phát triển kinh tế - xã hội năm 2024 của phường")
    type_text(signature.signer, "Lê Thị Hồng Nhung")  # leaving the title saves it
    qtbot.waitUntil(lambda: _plan(db)["signature"]["signer"] == "Lê Thị Hồng Nhung",
                    timeout=3000)  # saved after a pause in typing, no Save button
    plan = _plan(db)
    assert plan["title"] == "Kế hoạch phát triển kinh tế - xã hội năm 2024 của phường"
    assert plan["revision"] == before["revision"] + 2

    editor.stack.undo()  # the signer, though the focus is elsewhere
    assert _plan(db)["signature"]["signer"] == before["signature"]["signer"]
    assert signature.signer.text() == before["signature"]["signer"]
    editor.stack.undo()
    assert _plan(db)["title"] == before["title"]
    editor.stack.redo()
    editor.stack.redo()
    assert _plan(db)["signature"]["signer"] == "Lê Thị Hồng Nhung"


def test_a_burst_of_typing_in_one_field_is_one_undo_step(
        qtbot: QtBot, editor: PlanEditor, db: Database) -> None:
    general = GeneralForm(editor)
    qtbot.addWidget(general)
    general.show()
    _reload([general], db)
    original = _plan(db)["place"]
    for text in ("Mỹ", "Mỹ Phú", "Mỹ Phú, Cao Lãnh"):
        type_text(general.place, text)
        general.place.flush()
    assert _plan(db)["place"] == "Mỹ Phú, Cao Lãnh"
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert _plan(db)["place"] == original


def test_a_wrong_date_is_refused_with_a_message_and_changes_nothing(
        qtbot: QtBot, editor: PlanEditor, db: Database) -> None:
    general = GeneralForm(editor)
    qtbot.addWidget(general)
    _reload([general], db)
    errors: list[str] = []
    editor.failed.connect(lambda exc: errors.append(exc.render(
        QApplication.translate)))
    general.date.day.setValue(31)
    general.date.month.setValue(2)
    general._save_date()
    assert errors and "31/2/2023" in errors[0]
    assert _plan(db)["date"] == {"day": 29, "month": 11, "year": 2023}
    assert editor.stack.count() == 0
    general.date.day.setValue(0)
    general.date.month.setValue(0)
    general._save_date()  # day and month may wait until signing
    assert _plan(db)["date"] == {"day": None, "month": None, "year": 2023}


def test_recipients_are_lines_with_their_purpose_in_brackets() -> None:
    pairs = recipients_from_text("UBND thành phố (để b/c);\n\nLưu: VT\n(chỉ ngoặc)")
    assert pairs == [("UBND thành phố", "(để b/c)"), ("Lưu: VT", ""), ("(chỉ ngoặc)", "")]
    assert recipients_text([{"name": "Như trên", "purpose": ""},
                            {"name": "UBND TP", "purpose": "(để b/c)"}]) == \
        "Như trên\nUBND TP (để b/c)"


def test_field_form_edits_sections_and_key_tasks(
        qtbot: QtBot, editor: PlanEditor, db: Database, qtmodeltester: ModelTester) -> None:
    form = FieldForm(editor, "economy", QWidget())
    qtbot.addWidget(form)
    form.show()
    editor.changed.connect(lambda *_: _reload([form], db))
    _reload([form], db)
    sections = form.sections
    qtmodeltester.check(sections.model)
    roots = [sections.model.index(r, 0).data() for r in range(sections.model.rowCount())]
    assert any("Về kinh tế" in r for r in roots) and any("Về phát triển kinh tế" in r
                                                        for r in roots)
    # Add a paragraph after the first economy heading's first child and type into it.
    first = sections.model.index(0, 0)
    sections.tree.setCurrentIndex(sections.model.index(0, 0, first))
    count = len(sections.current().parent.children)
    sections.add(child=False)
    assert len(sections.current().parent.children) == count + 1
    new_uid = sections.current().uid
    type_text(sections.text, "Phát triển thương mại, dịch vụ gắn với chuyển đổi số.")
    sections.text.flush()
    texts = [s["text"] for s in _walk(_plan(db)["sections"])]
    assert "Phát triển thương mại, dịch vụ gắn với chuyển đổi số." in texts
    sections.indent()
    assert sections.current().uid == new_uid and sections.current().parent is not None
    sections.remove()
    assert new_uid not in {s["uid"] for s in _walk(_plan(db)["sections"])}
    editor.stack.undo()  # back, with its text
    assert new_uid in {s["uid"] for s in _walk(_plan(db)["sections"])}

    qtmodeltester.check(form.tasks)
    form._add_task()
    assert [t["field"] for t in _plan(db)["key_tasks"]] == ["economy"]
    assert form.tasks.setData(form.tasks.index(0, 2), "Đạt 100%")
    assert _plan(db)["key_tasks"][0]["result"] == "Đạt 100%"


def test_flush_all_saves_what_is_being_typed(qtbot: QtBot, editor: PlanEditor,
                                             db: Database) -> None:
    general = GeneralForm(editor)
    qtbot.addWidget(general)
    _reload([general], db)
    type_text(general.symbol, "KH-UBND-2")
    assert _plan(db)["symbol"] == "KH-UBND"  # still typing: not yet saved
    flush_all(general)
    assert _plan(db)["symbol"] == "KH-UBND-2"


def _walk(nodes: list[dict]) -> list[dict]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node["children"]))
    return out


def test_the_first_text_of_an_empty_field_goes_under_tasks_and_solutions(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    import json

    from support import seed

    i18n.install("vi")
    data = seed(SEED_003)

    def drop(nodes: list[dict]) -> list[dict]:
        return [dict(n, children=drop(n["children"])) for n in nodes
                if n.get("field") != "government"]

    data["plan"]["sections"] = drop(data["plan"]["sections"])
    path = tmp_path / "no-government-text.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summary = service.import_plan_file(db, path)
    editor = PlanEditor(db)
    editor.open(summary.uid)
    form = FieldForm(editor, "government", QWidget())
    qtbot.addWidget(form)
    form.show_plan(_plan(db))
    assert form.sections.model.rowCount() == 0
    form.sections.add(child=False)
    plan = _plan(db)
    tasks = next(s for s in _walk(plan["sections"]) if s["part"] == "tasks")
    added = [c for c in _walk(plan["sections"]) if c.get("field") == "government"]
    assert len(added) == 1 and added[0]["part"] == "tasks"
    assert added[0]["uid"] in {c["uid"] for c in tasks["children"]}
