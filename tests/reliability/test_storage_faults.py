"""Storage faults met through the main window, the way a clerk meets them.

A full disk, a read-only data folder and a database held by another program,
each while the clerk adds a section, types an indicator value and writes a
paragraph: every refused edit is explained in Vietnamese, changes nothing
stored and puts no step on the undo stack; what was saved before the fault
stays saved; once the fault is gone the same window saves the typing that
waited (on leaving its field, or on closing) and takes new edits.  Typing
refused while the clerk moves on (to another section, another plan) is neither
lost nor saved in the wrong place.

How each fault is made (the tests may run as root, where file permissions do
not stop a write):

- full disk: SQLite's own "database or disk is full" raised at the driver for
  every write of the program; and a real SQLITE_FULL, the database not allowed
  one more page (``PRAGMA max_page_count``), for a paragraph too long for the
  pages it has;
- read-only: every connection of the program made read-only with
  ``PRAGMA query_only``, a real SQLITE_READONLY;
- locked: another process holds SQLite's write lock (``BEGIN IMMEDIATE``, with a
  change it never commits); the program's busy timeout is shortened.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from qt_support import type_text
from support import SEED_000, SEED_003, state
from wardplan_desktop import i18n
from wardplan_desktop.core import reading, service
from wardplan_desktop.core.errors import (
    MSG_DB_FULL,
    MSG_DB_LOCKED,
    MSG_DB_READ_ONLY,
    StorageError,
)
from wardplan_desktop.core.storage import database
from wardplan_desktop.core.storage.database import Database, open_data_folder
from wardplan_desktop.gui.forms import FieldForm
from wardplan_desktop.gui.indicator_table import IndicatorEditModel
from wardplan_desktop.gui.main_window import MainWindow
from wardplan_desktop.gui.sections import SectionEditor
from wardplan_desktop.gui.value_editor import ValueLineEdit

ESTIMATE_LAST_YEAR = IndicatorEditModel.COL_VALUES[3]
SIGNER = "Phạm Thị Thu Hà"
VALUE = "10.150.000.000đ"
#: A paragraph as a clerk pastes it from last year's report: several pages of SQLite.
PARAGRAPH = " ".join(
    f"{n}. Tăng cường công tác quản lý thu ngân sách, chống thất thu; phối hợp các ngành "
    "rà soát, khai thác nguồn thu mới trên địa bàn phường, phấn đấu đạt và vượt dự toán."
    for n in range(1, 80))


# --------------------------------------------------------------------------- faults


@contextlib.contextmanager
def _disk_full(db: Database) -> Iterator[None]:
    """SQLite's "database or disk is full", raised at the driver for every write."""

    def refuse(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", refuse)


@contextlib.contextmanager
def _every_connection(db: Database, statement: str) -> Iterator[None]:
    """Run ``statement`` on every connection the program takes, then forget them."""

    def checkout(dbapi_conn: sqlite3.Connection, *_: Any) -> None:
        dbapi_conn.execute(statement)

    db.engine.dispose()
    event.listen(db.engine, "checkout", checkout)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", checkout)
        db.engine.dispose()  # the pragma stays with those connections: drop them


def _read_only(db: Database) -> contextlib.AbstractContextManager[None]:
    """A real SQLITE_READONLY: the program's connections may not write."""
    return _every_connection(db, "PRAGMA query_only = 1")


def _real_disk_full(db: Database) -> contextlib.AbstractContextManager[None]:
    """A real SQLITE_FULL: the database may not grow by a single page
    (max_page_count is clamped to the current size)."""
    return _every_connection(db, "PRAGMA max_page_count = 1")


#: Another program: holds the write lock, with a change of its own it never commits.
_LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE plan SET title = 'another program was here'")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


@contextlib.contextmanager
def _locked(db: Database) -> Iterator[None]:
    """Another process holds SQLite's write lock on the same file."""
    with subprocess.Popen([sys.executable, "-c", _LOCKER, str(db.path)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as other:
        assert other.stdout is not None and other.stdin is not None
        try:
            assert other.stdout.readline().strip() == "locked"
            yield
        finally:
            other.stdin.write("\n")
            other.stdin.flush()
            assert other.wait(timeout=60) == 0


#: name: (how to make it, the message the clerk must see, Vietnamese words in it).
FAULTS: dict[str, tuple[Callable[[Database], contextlib.AbstractContextManager[None]],
                        str, str]] = {
    "disk-full": (_disk_full, MSG_DB_FULL, "đã đầy"),
    "read-only": (_read_only, MSG_DB_READ_ONLY, "Không ghi được"),
    "locked": (_locked, MSG_DB_LOCKED, "đang được chương trình khác sử dụng"),
}


def _message(db: Database, template: str) -> str:
    """The message the window shows for a refusal, in the clerk's language."""
    path = db.path.parent if template == MSG_DB_READ_ONLY else db.path
    return StorageError(template, path=str(path)).render(QCoreApplication.translate)


# --------------------------------------------------------------------------- the window


@pytest.fixture
def db(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    # A shorter wait for another program's lock (read when a connection is made).
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    opened = open_data_folder(data_dir)
    service.import_plan_file(opened, SEED_003)
    yield opened
    opened.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warnings the window shows, in order (the message box answered at once)."""
    texts: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *_: Any) -> None:
        texts.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return texts


@pytest.fixture
def window(qtbot: QtBot, db: Database, shown: list[str]) -> MainWindow:
    i18n.install("vi")
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def _plan(db: Database) -> dict[str, Any]:
    return service.export_plan(db, "P-MYPHU", 2024)["plan"]


def _sections(db: Database) -> dict[str, str]:
    """Every section's text, by uid."""
    out: dict[str, str] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            out[node["uid"]] = node["text"]
            walk(node["children"])

    walk(_plan(db)["sections"])
    return out


def _economy(window: MainWindow) -> tuple[FieldForm, SectionEditor]:
    """The economy form, its text tab, its first paragraph chosen."""
    form = window.field_forms["economy"]
    window.nav.setCurrentRow(window.pages.index(form))
    form.tabs.setCurrentIndex(0)
    secs = form.sections
    secs.tree.setCurrentIndex(secs.model.index(0, 0, secs.model.index(0, 0)))
    return form, secs


def _type_value(qtbot: QtBot, form: FieldForm, uid: str, text: str) -> None:
    """Type ``text`` into the cell of last year's estimate of ``uid``; Enter."""
    form.tabs.setCurrentIndex(1)
    panel = form.indicators
    index = panel.model.index(panel.model.row_of(uid), ESTIMATE_LAST_YEAR)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    cell = panel.view.indexWidget(index)
    assert isinstance(cell, ValueLineEdit)
    qtbot.waitUntil(cell.hasFocus)
    type_text(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)


def _leave(qtbot: QtBot, field: QWidget, to: QWidget) -> None:
    """The clerk moves on from ``field`` (its focus-out saves it)."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    to.setFocus()
    qtbot.waitUntil(to.hasFocus)


def _integrity(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


# --------------------------------------------------------------------------- trials


@pytest.mark.parametrize("fault", list(FAULTS))
def test_edits_during_a_fault_are_refused_in_vietnamese_and_the_window_recovers(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    make, template, words = FAULTS[fault]
    expected = _message(db, template)
    assert words in expected and "nothing was changed" not in expected  # Vietnamese

    # Saved before the fault: the signer's name.
    signature = window.signature
    window.nav.setCurrentRow(window.pages.index(signature))
    type_text(signature.signer, SIGNER)
    signature.signer.flush()
    assert _plan(db)["signature"]["signer"] == SIGNER
    assert window.saved_label.text().startswith("Đã lưu")
    stack = window.editor.stack
    steps = stack.count()
    form, secs = _economy(window)
    section = secs.current_uid()
    assert section is not None
    indicator = _plan(db)["indicator_groups"][0]["indicators"][0]["uid"]
    before = state(db)
    saved_at = window.saved_label.text()
    rows = secs.model.rowCount(secs.model.index(0, 0))

    with make(db):
        # A tree edit: a new section after the chosen one.
        secs.add_after.click()
        assert shown == [expected]
        assert secs.model.rowCount(secs.model.index(0, 0)) == rows
        assert secs.current_uid() == section

        # A value typed into the indicator table.
        _type_value(qtbot, form, indicator, VALUE)
        assert shown == [expected] * 2
        panel = form.indicators
        cell = panel.model.index(panel.model.row_of(indicator), ESTIMATE_LAST_YEAR)
        assert cell.data() == ""  # the table shows what is stored

        # A paragraph typed into the section's text, then left: refused, kept on screen.
        form.tabs.setCurrentIndex(0)
        type_text(secs.text, PARAGRAPH)
        _leave(qtbot, secs.text, secs.tree)
        assert shown == [expected] * 3
        assert secs.text.toPlainText() == PARAGRAPH and secs.text.pending()

        # Closing the window tries the waiting typing again: refused, and said why.
        assert not window.close()
        assert window.isVisible()
        assert shown == [expected] * 4
        assert secs.text.toPlainText() == PARAGRAPH

        # Nothing stored changed; what was saved before is still there; no undo steps.
        assert state(db) == before
        assert _plan(db)["signature"]["signer"] == SIGNER
        assert stack.count() == steps
        assert window.saved_label.text() == saved_at  # no "saved at" for a refusal

    # The fault is gone. The refused value, typed again, is stored; the window shows
    # the saved plan again everywhere, and the paragraph that waited stays on screen…
    _type_value(qtbot, form, indicator, VALUE)
    assert service.indicator_values(db, indicator)[(2023, "estimate")].text == VALUE
    form.tabs.setCurrentIndex(0)
    assert secs.text.toPlainText() == PARAGRAPH and secs.text.pending()
    # …until leaving the field again saves it.
    _leave(qtbot, secs.text, secs.tree)
    assert _sections(db)[section] == PARAGRAPH
    assert not secs.text.pending()
    secs.add_after.click()
    assert secs.model.rowCount(secs.model.index(0, 0)) == rows + 1
    assert len(shown) == 4  # no further messages
    assert stack.count() == steps + 3
    assert _plan(db)["signature"]["signer"] == SIGNER
    # Undo works on the same stack: the new section goes again.
    window.undo_action.trigger()
    assert secs.model.rowCount(secs.model.index(0, 0)) == rows
    assert window.close()
    assert _integrity(db.path) == [("ok",)]


def test_a_real_full_disk_refuses_a_long_paragraph_and_keeps_it_for_later(
        window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    expected = _message(db, MSG_DB_FULL)
    _form, secs = _economy(window)
    section = secs.current_uid()
    assert section is not None
    with contextlib.closing(sqlite3.connect(db.path)) as conn:
        # No free pages to take: the paragraph needs new ones.
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
    before = state(db)
    steps = window.editor.stack.count()

    with _real_disk_full(db):
        type_text(secs.text, PARAGRAPH)
        _leave(qtbot, secs.text, secs.tree)
        assert shown == [expected]
        assert secs.text.toPlainText() == PARAGRAPH and secs.text.pending()
        assert state(db) == before
        assert window.editor.stack.count() == steps

    _leave(qtbot, secs.text, secs.tree)
    assert _sections(db)[section] == PARAGRAPH
    assert window.editor.stack.count() == steps + 1
    assert window.close()
    assert _integrity(db.path) == [("ok",)]


def test_typing_left_for_another_section_is_saved_there_and_the_field_moves_on(
        window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    """Without a fault: the field holding refused typing must not hold on to typing
    that is merely on its way to the section it was typed in."""
    _form, secs = _economy(window)
    typed_in = secs.current_uid()
    type_text(secs.text, "Đoạn mới cho mục này")
    secs.tree.setCurrentIndex(secs.model.index(1, 0))
    chosen = secs.current_uid()
    qtbot.waitUntil(lambda: _sections(db)[typed_in] == "Đoạn mới cho mục này")
    assert secs.text.toPlainText() == "Về xây dựng cơ bản" == _sections(db)[chosen]
    assert not secs.text.pending()
    _leave(qtbot, secs.text, secs.tree)
    assert _sections(db)[chosen] == "Về xây dựng cơ bản"
    assert shown == []


@pytest.mark.parametrize("fault", list(FAULTS))
def test_typing_left_for_another_section_during_a_fault_is_not_lost(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    make, template, _words = FAULTS[fault]
    _form, secs = _economy(window)
    typed_in = secs.current_uid()
    assert typed_in is not None
    before = state(db)
    steps = window.editor.stack.count()

    with make(db):
        type_text(secs.text, PARAGRAPH)
        secs.tree.setCurrentIndex(secs.model.index(1, 0))  # the clerk clicks another section
        chosen = secs.current_uid()
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert shown == [_message(db, template)]
        # Back at the section the typing belongs to, with the typing.
        assert secs.current_uid() == typed_in
        assert secs.text.toPlainText() == PARAGRAPH and secs.text.pending()
        assert state(db) == before
        assert window.editor.stack.count() == steps

    _leave(qtbot, secs.text, secs.tree)
    texts = _sections(db)
    assert texts[typed_in] == PARAGRAPH
    assert chosen is not None and texts[chosen] == "Về xây dựng cơ bản"
    assert window.editor.stack.count() == steps + 1
    assert len(shown) == 1
    assert _integrity(db.path) == [("ok",)]


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_line_entered_during_a_fault_is_saved_on_leaving_it_afterwards(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    make, template, _words = FAULTS[fault]
    signature = window.signature
    window.nav.setCurrentRow(window.pages.index(signature))
    with make(db):
        type_text(signature.signer, SIGNER)
        qtbot.keyClick(signature.signer, Qt.Key.Key_Return)
        assert shown == [_message(db, template)]
        assert signature.signer.text() == SIGNER
    assert _plan(db)["signature"]["signer"] == "Nguyễn Văn Kiền"
    _leave(qtbot, signature.signer, signature.position)
    assert _plan(db)["signature"]["signer"] == SIGNER
    assert len(shown) == 1


@pytest.mark.parametrize("fault", list(FAULTS))
def test_typing_refused_in_one_plan_is_never_saved_into_another(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    make, template, _words = FAULTS[fault]
    expected = _message(db, template)
    service.import_plan_file(db, SEED_000)
    window.refresh()
    assert window._plan is not None and window._plan["unit"]["code"] == "P-MYPHU"
    other = next(i for i, p in enumerate(window.plans.plans()) if p.unit == "P-LELOI")
    others_signer = service.export_plan(db, "P-LELOI", 2024)["plan"]["signature"]["signer"]
    assert others_signer != SIGNER
    signature = window.signature
    window.nav.setCurrentRow(window.pages.index(signature))

    with make(db):
        type_text(signature.signer, SIGNER)
        signature.signer.flush()
        assert shown == [expected]
        # Choosing the other plan tries the typing once more, then shows that plan.
        window.select_plan(other)
        assert shown == [expected] * 2
        assert window._plan["unit"]["code"] == "P-LELOI"
        assert signature.signer.text() == others_signer
        assert not signature.signer.pending()

    _leave(qtbot, signature.signer, signature.position)
    assert service.export_plan(db, "P-LELOI", 2024)["plan"]["signature"]["signer"] \
        == others_signer
    assert _plan(db)["signature"]["signer"] == "Nguyễn Văn Kiền"
    assert len(shown) == 2
    assert window.close()
    assert _integrity(db.path) == [("ok",)]


# --------------------------------------------------------------------------- held typing


@contextlib.contextmanager
def _full_for(db: Database, writes: int) -> Iterator[None]:
    """The disk is full for the next ``writes`` writes only (space freed meanwhile)."""
    left = [writes]

    def refuse(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"} \
                and left[0] > 0:
            left[0] -= 1
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", refuse)


def test_a_save_that_changes_nothing_holds_nothing(
        window: MainWindow, db: Database, shown: list[str]) -> None:
    """Enter at the end of the legal bases changes nothing stored (blank lines are
    dropped): the field is not "refused", so an undo shows and closing closes."""
    general = window.general
    window.nav.setCurrentRow(window.pages.index(general))
    type_text(general.legal_bases, "Luật A\nLuật B")
    general.legal_bases.flush()
    assert _plan(db)["legal_bases"] == ["Luật A", "Luật B"]
    type_text(general.legal_bases, "Luật A\nLuật B\n")
    general.legal_bases.flush()
    window.signature.signer.setFocus()
    window.undo_action.trigger()
    stored = _plan(db)["legal_bases"]
    assert stored != ["Luật A", "Luật B"]
    assert general.legal_bases.toPlainText() == "\n".join(stored)
    type_text(general.legal_bases, general.legal_bases.toPlainText() + "\n")
    general.legal_bases.flush()
    assert window.close() and shown == []


def test_an_undo_replaces_typing_refused_as_wrong(
        window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    unit = window.unit_form
    window.nav.setCurrentRow(window.pages.index(unit))
    name = unit.fields["name"]
    original = name.text()
    type_text(name, "Phường Mới")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert _plan(db)["unit"]["name"] == "Phường Mới"
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)  # refused: a unit needs a name
    assert len(shown) == 1 and name.text() == ""
    window.undo_action.trigger()  # what the clerk asks for last is what the field shows
    assert _plan(db)["unit"]["name"] == original == name.text()


def test_closing_with_typing_refused_as_wrong_says_why(
        window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    unit = window.unit_form
    window.nav.setCurrentRow(window.pages.index(unit))
    name = unit.fields["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert len(shown) == 1
    assert not window.close()
    assert len(shown) == 2 and shown[1] == shown[0]  # told again, not refused silently


def test_leaving_a_section_whose_typing_was_just_refused_tells_once(
        window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    _form, sections = _economy(window)
    first = sections.current_uid()
    with _disk_full(db):
        type_text(sections.text, "Đoạn mới")
        # A click on the tree: the text loses focus (refused), then the selection moves.
        sections.tree.setFocus()
        qtbot.waitUntil(sections.tree.hasFocus)
        sections.tree.setCurrentIndex(sections.model.index(1, 0))
        qtbot.wait(50)
        assert len(shown) == 1
        # The clerk is back at that section, the typing kept.
        assert sections.current_uid() == first and sections.text.toPlainText() == "Đoạn mới"
    sections.text.setFocus()
    _leave(qtbot, sections.text, sections.tree)
    assert _sections(db)[first] == "Đoạn mới"


@pytest.mark.parametrize("fault", ["once", "lasting", "wrong"])
def test_section_typing_refused_before_choosing_another_plan_stays_out_of_it(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot) -> None:
    service.import_plan_file(db, SEED_000)
    window.refresh()
    other = next(i for i, p in enumerate(window.plans.plans()) if p.unit == "P-LELOI")
    _form, sections = _economy(window)
    sections_typed_in = sections.current_uid()
    before = _sections(db)
    make = {"once": lambda: _full_for(db, 2), "lasting": lambda: _disk_full(db),
            "wrong": contextlib.nullcontext}[fault]
    with make():
        if fault == "wrong":  # a number longer than a section's number may be
            type_text(sections.label, "x" * 60)
            qtbot.keyClick(sections.label, Qt.Key.Key_Return)
        else:
            type_text(sections.text, "Đoạn gõ khi đĩa đầy")
            sections.text.flush()
        assert len(shown) == 1
        window.select_plan(other)
        qtbot.wait(50)
    assert window._plan is not None and window._plan["unit"]["code"] == "P-LELOI"
    assert len(shown) <= 2
    assert window.editor.stack.count() == 0  # nothing of the other plan on this stack
    after = _sections(db)
    typed_in = sections_typed_in
    # Saved in the plan it was typed in, when the disk had room again, or not at all.
    assert {k: v for k, v in after.items() if k != typed_in} == \
        {k: v for k, v in before.items() if k != typed_in}
    assert after[typed_in] in (before[typed_in], "Đoạn gõ khi đĩa đầy")
    assert window.close()


@contextlib.contextmanager
def _refusing_values(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every value refused as wrong (an input error, whatever the disk)."""
    from wardplan_desktop.core import editing
    from wardplan_desktop.core.editing import MSG_TOO_LONG
    from wardplan_desktop.core.errors import InputError

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise InputError(MSG_TOO_LONG, what="x", limit=1, length=2)

    with monkeypatch.context() as patch:
        patch.setattr(editing, "set_value", refuse)
        yield


@pytest.mark.parametrize("fault", ["full", "wrong"])
def test_a_refused_value_opens_its_cell_again_with_the_words_typed(
        fault: str, window: MainWindow, db: Database, shown: list[str], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    form, _editor = _economy(window)
    indicator = _plan(db)["indicator_groups"][0]["indicators"][0]["uid"]
    panel = form.indicators
    with _disk_full(db) if fault == "full" else _refusing_values(monkeypatch):
        _type_value(qtbot, form, indicator, VALUE)
        assert len(shown) == 1
        index = panel.model.index(panel.model.row_of(indicator), ESTIMATE_LAST_YEAR)
        qtbot.waitUntil(lambda: isinstance(panel.view.indexWidget(index), ValueLineEdit))
        cell = panel.view.indexWidget(index)
        assert cell.text() == VALUE  # the words are back, in their cell
        assert index.data() == ""  # nothing stored
    qtbot.waitUntil(cell.hasFocus)
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # the reason has passed: stored
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)
    assert service.indicator_values(db, indicator)[(2023, "estimate")].text == VALUE
    assert len(shown) == 1


def test_a_read_back_failing_after_a_save_holds_nothing(
        window: MainWindow, db: Database, shown: list[str], monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot) -> None:
    """The save works; reading the plan back fails for a moment: the field is not
    "refused" (it would be sent again for nothing)."""
    from wardplan_desktop.gui import fields

    signature = window.signature
    window.nav.setCurrentRow(window.pages.index(signature))
    real = reading.export_plan_by_uid  # how the window reads the plan

    def read(*args: Any, **kwargs: Any) -> Any:
        if fields._saving:
            raise StorageError(MSG_DB_LOCKED, path=str(db.path))
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "export_plan_by_uid", read)
    type_text(signature.signer, SIGNER)
    signature.signer.flush()
    assert len(shown) == 1
    assert _plan(db)["signature"]["signer"] == SIGNER
    assert not signature.signer.holds_refused()


def test_a_plan_that_cannot_be_opened_leaves_the_one_open_and_its_typing(
        window: MainWindow, db: Database, shown: list[str], monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot) -> None:
    service.import_plan_file(db, SEED_000)
    window.refresh()
    other = next(i for i, p in enumerate(window.plans.plans()) if p.unit == "P-LELOI")
    signature = window.signature
    window.nav.setCurrentRow(window.pages.index(signature))
    with _disk_full(db):
        type_text(signature.signer, SIGNER)
        signature.signer.flush()
        assert len(shown) == 1

        def unreadable(*_args: Any, **_kwargs: Any) -> Any:
            raise StorageError(MSG_DB_LOCKED, path=str(db.path))

        with monkeypatch.context() as patch:
            patch.setattr(reading, "export_plan_by_uid", unreadable)
            window.select_plan(other)
    assert window._plan is not None and window._plan["unit"]["code"] == "P-MYPHU"
    chosen = window.plans.plans()[window.plan_box.currentIndex()]
    assert chosen.unit == "P-MYPHU"  # the chooser shows the plan still open
    assert signature.signer.text() == SIGNER and signature.signer.holds_refused()
    _leave(qtbot, signature.signer, signature.position)  # the disk has room again
    assert _plan(db)["signature"]["signer"] == SIGNER
