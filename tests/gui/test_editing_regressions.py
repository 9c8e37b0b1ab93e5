"""Editing mistakes that once lost or misplaced a clerk's words, each kept as a test."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from qt_support import type_text
from support import SEED_003
from wardplan_desktop import i18n
from wardplan_desktop.core import editing, service
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.values import Value, ValueKind
from wardplan_desktop.gui.main_window import MainWindow


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n["children"])


def P(db):
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


@pytest.fixture
def window(qtbot, db):
    i18n.install("vi")
    service.import_plan_file(db, SEED_003)
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def _economy(window):
    form = window.field_forms["economy"]
    window.nav.setCurrentRow(window.pages.index(form))
    secs = form.sections
    secs.tree.setCurrentIndex(secs.model.index(0, 0, secs.model.index(0, 0)))
    return secs


def test_1_pause_after_a_space_moves_the_cursor_to_the_start(window, db, qtbot):
    secs = _economy(window)
    uid = secs.current().uid
    type_text(secs.text, "Tăng thu ")
    qtbot.wait(1200)                       # the clerk pauses: autosave + refresh
    type_text(secs.text, "ngân sách", replace=False)
    secs.text.flush()
    assert {n["uid"]: n["text"] for n in _walk(P(db)["sections"])}[uid] == "Tăng thu ngân sách"


def test_1b_pause_after_a_space_glues_words_in_a_line(window, db, qtbot):
    sig = window.signature
    window.nav.setCurrentRow(window.pages.index(sig))
    type_text(sig.signer, "Trần ")
    qtbot.wait(1200)
    type_text(sig.signer, "Văn Bình", replace=False)
    sig.signer.flush()
    assert P(db)["signature"]["signer"] == "Trần Văn Bình"


def test_2_add_inside_by_its_mnemonic_while_typing_saves_into_the_new_section(
        window, db, qtbot):
    secs = _economy(window)
    a_uid, a_text = secs.current().uid, secs.current().data["text"]
    type_text(secs.text, "Câu mới gõ cho mục A")
    qtbot.keyClick(secs.text, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # "Thêm vào t&rong"
    qtbot.wait(1200)
    b_uid = secs.current().uid
    texts = {n["uid"]: n["text"] for n in _walk(P(db)["sections"])}
    assert b_uid != a_uid
    assert texts[a_uid] == "Câu mới gõ cho mục A", f"A still {a_text!r}"
    assert texts[b_uid] == ""


def test_3_advertised_section_shortcuts_exist(window):
    secs = window.field_forms["economy"].sections
    assert secs.add_after.shortcut().toString() == "Ctrl+Return"
    assert secs.up_button.shortcut().toString() == "Alt+Up"


def test_4_toolbar_undo_while_typing_is_silently_overridden(window, db, qtbot):
    sig = window.signature
    window.nav.setCurrentRow(window.pages.index(sig))
    before = P(db)["signature"]["signer"]
    type_text(sig.signer, "Lê Văn A")
    sig.signer.flush()
    type_text(sig.signer, "Lê Văn AB")
    window.undo_action.trigger()           # toolbar button: focus stays in the field
    qtbot.wait(1200)
    assert P(db)["signature"]["signer"] == before


def test_5_refused_text_stays_on_screen_as_if_saved(window, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    g = window.general
    window.nav.setCurrentRow(0)
    type_text(g.number, "843/KH-UBND-phường-Mỹ-Phú")   # 25 > 20 characters: refused
    g.number.flush()
    assert g.number.text() == P(db)["number"] or g.number.pending()


def test_6_new_plan_while_typing_without_focus_change(window, db, qtbot, monkeypatch):
    sig = window.signature
    window.nav.setCurrentRow(window.pages.index(sig))
    type_text(sig.signer, "Người ký mới")
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.new_action.trigger()
    qtbot.wait(1200)
    assert window._plan["signature"]["signer"] != "Người ký mới"


def test_7_a_value_whose_meaning_contradicts_its_words_is_refused(window, db, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    ind = P(db)["indicator_groups"][1]["indicators"][0]
    v = Value(ValueKind.AT_LEAST, "90%", value=Decimal(90), unit="%")  # "90%" is not "at least"
    assert not window.editor.set_value(ind["uid"], 2024, "target", v)
    assert shown and window.editor.stack.count() == 0
    codec.parse_plan_bytes(codec.dump_plan(service.export_plan(db, "P-MYPHU", 2024)), "f")


def test_8_a_failed_undo_keeps_the_step_for_another_try(window, db, monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    sec = P(db)["sections"][1]
    ed = window.editor
    assert ed.remove("section", sec["uid"])
    real = editing.insert
    monkeypatch.setattr(editing, "insert", lambda *a, **k: (_ for _ in ()).throw(
        editing.InputError("database is locked")))
    ed.stack.undo()                         # e.g. the database is locked for a moment
    qtbot.wait(20)
    assert ed.stack.index() == 1 and ed.stack.canUndo()
    monkeypatch.setattr(editing, "insert", real)
    ed.stack.undo()                         # the clerk tries again
    assert sec["uid"] in {s["uid"] for s in _walk(P(db)["sections"])}


def test_9_noop_edits_make_undo_steps(window, db):
    secs = window.text_form.sections
    window.nav.setCurrentRow(window.pages.index(window.text_form))
    secs.tree.setCurrentIndex(secs.model.index(secs.model.rowCount() - 1, 0))
    secs.shift(1)                           # already last
    secs.kind.activated.emit(secs.kind.currentIndex())  # same kind chosen again
    assert window.editor.stack.count() == 0


def test_10_date_box_with_focus_reverts_an_undo(window, db):
    g = window.general
    window.nav.setCurrentRow(0)
    g.date.day.setFocus()
    g.date.day.setValue(15)
    g.date.day.editingFinished.emit()       # Enter: saved, focus stays
    window.undo_action.trigger()            # toolbar
    g.date.day.editingFinished.emit()       # the clerk leaves the box
    assert P(db)["date"]["day"] == 29
