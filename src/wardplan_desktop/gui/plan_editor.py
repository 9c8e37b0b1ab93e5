"""Every edit of the open plan goes through here: saved at once, undoable, announced.

:class:`PlanEditor` wraps the core's editing functions (``core/editing.py``) in
QUndoCommands on one QUndoStack for the whole plan, so Ctrl+Z undoes the last
change wherever it was made (another form, another field; inside a text
field that is typing, Ctrl+Z is the field's own undo of its typing).  Each command saves
in its own transaction when it is done, undone or redone; the core hands back
the previous state, which is what undo writes.  A refused edit (a wrong value,
a full disk, a locked database) is not put on the stack, leaves the data
unchanged, and is reported through :attr:`PlanEditor.failed` for the window to show.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.edits import Place, Saved
from ..core.errors import WardPlanError
from ..core.storage.database import Database
from ..core.values import Value

if TYPE_CHECKING:
    from ..core.service import Change

translate = QCoreApplication.translate
MERGE_ID = 1
#: Saves of the same field closer together than this are one undo step.
MERGE_SECONDS = 5.0


def _editing() -> ModuleType:
    """The core's editing functions, loaded with the first edit (they need the ORM,
    which the window does without until then)."""
    from ..core import editing

    return editing


class _Command(QUndoCommand):
    """One saved edit on the stack: ``redo`` saves it again, ``undo`` writes the old state.

    The edit itself is saved before the command is pushed (a refused edit never
    reaches the stack, so it cannot cut off the redo history).  When an undo or
    a redo is refused (a locked database…), the data stays as it was and the
    stack is moved back to match it, keeping the step for another try.
    """

    def __init__(self, editor: PlanEditor, text: str, do: Callable[[], Saved],
                 undo_action: Callable[[], Saved],
                 inverse: Callable[[Saved], Callable[[], Saved]],
                 target: tuple[str, str], merge_key: tuple[Any, ...] | None) -> None:
        super().__init__(text)
        self.editor, self.do, self.inverse, self.target = editor, do, inverse, target
        self.undo_action = undo_action
        #: Consecutive saves of one text field while typing merge into one undo step.
        self.merge_key = merge_key
        self.when = time.monotonic()
        self._skip = "redo"  # the push: the edit is already saved

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, _Command) or other.merge_key != self.merge_key \
                or other.when - self.when > MERGE_SECONDS:
            return False
        # Undo still returns to the value before the first save; redo gives the last.
        self.do, self.when = other.do, other.when
        return True

    def redo(self) -> None:
        if self._skip == "redo":
            self._skip = ""
            return
        saved = self.editor._run(self.do, self.target)
        if saved is None:
            self._skip = "undo"
            QTimer.singleShot(0, self.editor.stack.undo)  # back to where the data is
            return
        self.undo_action = self.inverse(saved)

    def undo(self) -> None:
        if self._skip == "undo":
            self._skip = ""
            return
        saved = self.editor._run(self.undo_action, self.target)
        if saved is None:
            self._skip = "redo"
            QTimer.singleShot(0, self.editor.stack.redo)  # the edit is still in the data


class PlanEditor(QObject):
    """The open plan's edits, on one undo stack."""

    #: (revision, saved at) after every change that reached the database.
    saved = Signal(int, str)
    #: (entity, uid) of the item a change touched, so views can refresh it.
    changed = Signal(str, str)
    #: A refused change, with the reason (a WardPlanError).
    failed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.stack = QUndoStack(self)
        self.plan_uid: str | None = None

    def open(self, plan_uid: str | None) -> None:
        """Edit another plan; undo does not reach across plans."""
        self.plan_uid = plan_uid
        self.stack.clear()

    def _run(self, action: Callable[[], Saved], target: tuple[str, str]) -> Saved | None:
        try:
            saved = action()
        except WardPlanError as exc:
            self.failed.emit(exc)
            return None
        if saved.changed:
            self.saved.emit(saved.revision, saved.at)
            self.changed.emit(*target)
        return saved

    def _push(self, text: str, do: Callable[[], Saved],
              inverse: Callable[[Saved], Callable[[], Saved]], target: tuple[str, str],
              merge_key: tuple[Any, ...] | None = None) -> bool:
        """Save the edit; when it changed something, put it on the stack."""
        saved = self._run(do, target)
        if saved is None:
            return False
        if saved.changed:
            self.stack.push(_Command(self, text, do, inverse(saved), inverse, target,
                                     merge_key))
        return True

    # ------------------------------------------------------------------ edits

    def set_field(self, entity: str, uid: str, name: str, value: Any, label: str = "") -> bool:
        db = self.db
        return self._push(
            translate("PlanEditor", "Edit {what}").format(what=label or name),
            lambda: _editing().set_field(db, entity, uid, name, value),
            lambda saved: lambda: _editing().set_field(db, entity, uid, name, saved.old),
            (entity, uid), ("field", entity, uid, name))

    def set_date(self, day: int | None, month: int | None, year: int) -> bool:
        db, uid = self.db, self.plan_uid
        assert uid is not None
        return self._push(translate("PlanEditor", "Edit the date"),
                          lambda: _editing().set_date(db, uid, day, month, year),
                          lambda saved: lambda: _editing().set_date(db, uid, *saved.old),
                          ("plan", uid))

    def set_list(self, which: str, items: list[Any], label: str = "") -> bool:
        db, uid = self.db, self.plan_uid
        assert uid is not None
        return self._push(translate("PlanEditor", "Edit {what}").format(what=label or which),
                          lambda: _editing().set_list(db, uid, which, items),
                          lambda saved: lambda: _editing().set_list(db, uid, which, saved.old),
                          ("plan", uid))

    def set_value(self, indicator_uid: str, year: int, period: str,
                  value: Value | str | None, label: str = "") -> bool:
        db = self.db
        return self._push(
            translate("PlanEditor", "Edit the value of {what}").format(what=label),
            lambda: _editing().set_value(db, indicator_uid, year, period, value),
            lambda saved: lambda: _editing().set_value(db, indicator_uid, year, period, saved.old),
            ("indicator", indicator_uid))

    def insert(self, entity: str, data: dict[str, Any], place: Place, label: str = "") -> str:
        """Add an item; returns its uid ("" when refused). Redo brings back the same item."""
        db, plan_uid = self.db, self.plan_uid
        assert plan_uid is not None
        state: dict[str, Any] = {"data": dict(data), "place": place}

        def do() -> Saved:
            saved = _editing().insert(db, plan_uid, entity, state["data"], state["place"])
            state["data"]["uid"] = saved.old  # a redo re-creates this very item
            return saved

        def inverse(saved: Saved) -> Callable[[], Saved]:
            def undo() -> Saved:
                removed = _editing().remove(db, entity, saved.old)
                state["data"], state["place"] = removed.old
                return removed
            return undo

        ok = self._push(translate("PlanEditor", "Add {what}").format(what=label or entity),
                        do, inverse, (entity, ""))
        return state["data"].get("uid", "") if ok else ""

    def remove(self, entity: str, uid: str, label: str = "") -> bool:
        db, plan_uid = self.db, self.plan_uid
        assert plan_uid is not None
        return self._push(
            translate("PlanEditor", "Remove {what}").format(what=label or entity),
            lambda: _editing().remove(db, entity, uid),
            lambda saved: lambda: _editing().insert(db, plan_uid, entity, *saved.old),
            (entity, uid))

    def move(self, entity: str, uid: str, place: Place, label: str = "") -> bool:
        db = self.db
        return self._push(translate("PlanEditor", "Move {what}").format(what=label or entity),
                          lambda: _editing().move(db, entity, uid, place),
                          lambda saved: lambda: _editing().move(db, entity, uid, saved.old),
                          (entity, uid))

    def restore(self, change: Change) -> bool:
        """Bring back the old value of a recorded change; itself an edit that undo reverts."""
        target = _editing().restore_target(change)
        if target is None:
            return False
        how, args = target
        if how == "field":
            return self.set_field(*args)
        if how == "value":
            return self.set_value(*args)
        part, old = args
        from ..core import service

        plan = service.export_plan_by_uid(self.db, self.plan_uid)["plan"] \
            if self.plan_uid else None
        if plan is None:
            return False
        date = {"date_day": plan["date"]["day"], "date_month": plan["date"]["month"],
                "date_year": plan["date"]["year"]}
        date[part] = old
        return self.set_date(date["date_day"], date["date_month"], date["date_year"])
