"""Input widgets that save by themselves: after a short pause in typing, or on leaving.

There is no Save button to forget.  A widget emits ``commit(text)`` once the
clerk stops typing for :data:`IDLE_MS` or leaves the field (or the window
closes, see :func:`flush_all`), only if the text differs from what is stored;
``show_text`` puts stored text in without emitting and never overwrites what
the clerk is in the middle of typing, nor typing whose save was refused.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

IDLE_MS = 800

#: The fields whose typing is being saved right now (the innermost last).
_saving: list[_AutoSave] = []
#: Whether the last refusal (see :func:`refused`) was for a reason that may pass.
_last_refusal_passes = False


def tidy(text: str) -> str:
    """Text as the core stores it: each line NFC with runs of spaces folded."""
    return "\n".join(" ".join(unicodedata.normalize("NFC", line).split())
                     for line in text.split("\n"))


class _AutoSave:
    """The shared behaviour; mixed into a text widget."""

    commit: Signal
    #: The text in the widget, and putting text in it (each widget class defines them).
    current: Callable[[], str]
    _set: Callable[[str], None]

    def _setup(self) -> None:
        self._stored = ""
        self._sent: str | None = None  # committed, not yet confirmed by show_text
        self._held: str | None = None  # typing whose save was refused, kept on screen
        self._retry = False  # and the reason may pass: send it again on leaving
        self._timer = QTimer(self)  # type: ignore[arg-type]
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.flush)

    def pending(self) -> bool:
        return tidy(self.current()) != tidy(self._stored)

    def show_text(self, text: str) -> None:
        """Stored text; what the clerk is typing right now is not replaced.

        While the clerk types, the stored text is often the tidied form of what
        the field holds ("Trần " is stored as "Trần"): the field keeps its own
        text, cursor and undo then.  A stored text that really differs (an undo,
        a restore) replaces it, unless typing is waiting to be saved: typed
        since the last save, or refused (a refresh after another edit must not
        wipe it).
        """
        before, self._stored = self._stored, text
        # Refused typing stays, unless the stored text itself changed (an undo, a
        # restore): what the clerk asked for last is what the field shows.
        if self._timer.isActive() or (self.holds_refused() and text == before):
            return
        self._held, self._retry, self._sent = None, False, None
        if tidy(self.current()) != tidy(text):
            self._set(text)

    def holds_refused(self) -> bool:
        """The field holds typing whose save was refused, unchanged since."""
        return self._held is not None and self.current() == self._held

    def flush(self) -> None:
        """Commit what was typed, if it differs from what is stored.

        The stored text changes only when the window shows the saved plan again
        (``show_text``): a refused save leaves the field pending, with the typed
        text still in it, so nothing typed is lost.  The same text is not sent
        again (one refusal, one message) unless the reason may have passed
        (:func:`refused`: a full disk, a locked database): then leaving the
        field, or closing the window, tries again.
        """
        self._timer.stop()
        text = self.current()
        if self.pending() and (text != self._sent or self._retry):
            self._sent, self._retry, self._held = text, False, None
            _saving.append(self)
            try:
                self.commit.emit(text)
            finally:
                _saving.pop()

    def hold(self, text: str, passes: bool) -> None:
        """Put back typing whose save was refused after the field had moved on (to
        another section): it stays on screen, still to be saved; leaving the field
        sends it again when the reason of the refusal ``passes``."""
        self._timer.stop()
        self._set(text)
        self._sent = self._held = text
        self._retry = passes

    def _typed(self) -> None:
        self._sent = None
        self._timer.start()


class AutoSaveLine(QLineEdit, _AutoSave):
    commit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
        self.textEdited.connect(self._typed)
        # Enter saves, and so does every leaving of the line: editingFinished is not
        # emitted on leaving a line whose text was entered already, and a save
        # refused on Enter is tried again when the clerk moves on.
        self.returnPressed.connect(self.flush)

    def current(self) -> str:
        return self.text()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not for a context menu
            self.flush()
        super().focusOutEvent(event)

    def _set(self, text: str) -> None:
        position = self.cursorPosition()
        self.setText(text)
        self.setCursorPosition(min(position, len(text)))


class AutoSaveText(QPlainTextEdit, _AutoSave):
    commit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
        self.setTabChangesFocus(True)
        self._setting = False
        self.textChanged.connect(self._on_change)

    def _on_change(self) -> None:
        if not self._setting:
            self._typed()

    def current(self) -> str:
        return self.toPlainText()

    def _set(self, text: str) -> None:
        self._setting = True
        position = self.textCursor().position()
        try:
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._setting = False

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)


def last_refusal_passes() -> bool:
    """Whether the reason of the last refusal (:func:`refused`) may pass."""
    return _last_refusal_passes


def refused(passes: bool) -> None:
    """The save being made for a field was refused: its typing stays on screen, and no
    refresh replaces it.  When the reason ``passes`` (a full disk, a database held by
    another program), the field sends the same text again the next time it is left or
    flushed, not only once the clerk types more."""
    global _last_refusal_passes
    _last_refusal_passes = passes
    if _saving:
        field = _saving[-1]
        field._held, field._retry = field.current(), passes


def drop_refused(root: QWidget) -> None:
    """A plan is shown afresh: typing whose save was refused (the clerk was told so)
    stops being held, so the fields show what is stored instead of carrying it over."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, _AutoSave):
            widget._sent, widget._held, widget._retry = None, None, False


def flush_all(root: QWidget | None = None, tell_again: bool = False) -> bool:
    """Commit every field with pending typing (before closing, switching plans…).

    Typing whose save was refused is sent again when the reason may have passed, and
    with ``tell_again`` (closing) in any case, so that the clerk is told once more why
    it cannot be saved.  Returns False when a field still holds typing that could not
    be saved.
    """
    widgets = root.findChildren(QWidget) if root is not None else QApplication.allWidgets()
    fields = [w for w in widgets if isinstance(w, _AutoSave)]
    for widget in fields:
        if tell_again and widget.holds_refused():
            widget._retry = True
        widget.flush()
    return not any(w.pending() and w.holds_refused() for w in fields)
