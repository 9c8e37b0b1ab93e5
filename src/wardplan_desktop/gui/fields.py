"""Input widgets that save by themselves: after a short pause in typing, or on leaving.

There is no Save button to forget.  A widget emits ``commit(text)`` once the
clerk stops typing for :data:`IDLE_MS` or leaves the field (or the window
closes, see :func:`flush_all`), only if the text differs from what is stored;
``show_text`` puts stored text in without emitting and never overwrites what
the clerk is in the middle of typing.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

IDLE_MS = 800


class _AutoSave:
    """The shared behaviour; mixed into a text widget."""

    commit: Signal

    def _setup(self) -> None:
        self._stored = ""
        self._timer = QTimer(self)  # type: ignore[arg-type]
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.flush)

    def current(self) -> str:
        raise NotImplementedError

    def _set(self, text: str) -> None:
        raise NotImplementedError

    def pending(self) -> bool:
        return self.current() != self._stored

    def show_text(self, text: str) -> None:
        """Stored text; what the clerk is typing right now is not replaced."""
        self._stored = text
        if self._timer.isActive():
            return
        if self.current() != text:
            self._set(text)

    def flush(self) -> None:
        """Commit what was typed, if anything changed."""
        self._timer.stop()
        if self.pending():
            text = self.current()
            self._stored = text
            self.commit.emit(text)

    def _typed(self) -> None:
        self._timer.start()


class AutoSaveLine(QLineEdit, _AutoSave):
    commit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.flush)

    def current(self) -> str:
        return self.text()

    def _set(self, text: str) -> None:
        self.setText(text)


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
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)


def flush_all(root: QWidget | None = None) -> None:
    """Commit every field with pending typing (before closing, switching plans…)."""
    widgets = root.findChildren(QWidget) if root is not None else QApplication.allWidgets()
    for widget in widgets:
        if isinstance(widget, _AutoSave):
            widget.flush()
