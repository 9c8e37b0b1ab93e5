"""Typing as a Vietnamese clerk types, for the GUI tests.

Unikey and ibus deliver composed text to a widget as an input-method commit;
so do these helpers (QTest.keyClicks aborts the process on any non-ASCII
character).
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str, replace: bool = True) -> None:
    """Focus ``widget`` and commit ``text`` into it, over what it holds unless not ``replace``."""
    widget.setFocus()
    if replace and hasattr(widget, "selectAll"):
        widget.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
