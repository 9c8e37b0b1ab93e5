"""Typing a target or a result, and seeing at once how the program understands it.

Two ways to enter a value, both showing the meaning in the printed words and its
kind ("Số: 12.575 người", "Khoảng 14,5 - 16,5%", "Chưa đọc được: … (why)"):

- :class:`ValueLineEdit`, the in-cell editor of the indicator table: a line for
  the words, with a live line beside it.  When a number can be read two ways
  ("12,575") the live line offers both readings; the clerk picks one and the
  words are stored as typed, with the chosen meaning.  Left alone, the words are
  kept as *unreadable* and the checks point at them: the program never guesses.
- :class:`ValueEditorDialog`, for a value built from its parts: a kind (number,
  range, at least, …), the number(s) written the Vietnamese way, a unit and a
  base; the printed words are composed from them by the core, and may be typed
  instead.

Everything about values (reading, wording, kinds) is the core's
(``core/values.py``); this module only shows it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.enums import ValueKind
from ..core.errors import AmbiguousNumberError, UnreadableValueError, WardPlanError
from ..core.numbers import Style, format_number, normalize_text, parse_number
from ..core.values import Value, canonical_text, parse_value, unreadable

translate = QCoreApplication.translate

#: Shown before the words of a value the program could not read.
UNREADABLE_MARK = "\u26a0 "

_YEAR = re.compile(r"\b(19\d\d|20\d\d|21\d\d)\b")


# --------------------------------------------------------------------------- reading


def read_typed(text: str, style: Style | None = None) -> tuple[Value | None,
                                                                 WardPlanError | None]:
    """What typed words mean: ``(value, None)``, or ``(unreadable value, why)``.

    Empty words give ``(None, None)``: storing them clears the value.
    """
    text = normalize_text(text)
    if not text:
        return None, None
    try:
        return parse_value(text, style), None
    except (AmbiguousNumberError, UnreadableValueError) as exc:
        return unreadable(text), exc


def why_unreadable(text: str) -> str:
    """The core's explanation of why ``text`` cannot be read ("" when it can)."""
    error = read_typed(text)[1]
    return error.render(translate) if error is not None else ""


def readings(text: str) -> list[tuple[Style, str]]:
    """The two readings of words holding a number that can be read two ways.

    Each is ``(style, caption)``: the style that reads the words that way (for
    :func:`parse_value`) and the reading in words that cannot be misread
    ("12575, the separator groups thousands" / "12 point 575, a decimal").
    Empty when the words are not ambiguous, or either reading leaves them unreadable.
    """
    error = read_typed(text)[1]
    if not isinstance(error, AmbiguousNumberError):
        return []
    p = error.params
    raw, head = str(p["text"]), str(p["integer_part"])
    separator = raw[len(head)] if len(raw) > len(head) else "."
    grouping: Style = "vi" if separator == "." else "en"
    decimal: Style = "en" if grouping == "vi" else "vi"
    if any(read_typed(text, style)[1] is not None for style in (grouping, decimal)):
        return []
    return [
        (grouping, translate("ValueEditor", "Meant {integer}: the separator groups thousands")
         .format(integer=p["integer"])),
        (decimal, translate("ValueEditor", "Meant {integer_part} point {fraction_part}: a "
                            "decimal").format(integer_part=head,
                                              fraction_part=p["fraction_part"])),
    ]


def meaning_words(value: Value) -> str:
    """The meaning of a value in the usual printed words ("03 hộ" reads "3 hộ")."""
    if value.kind in (ValueKind.QUALITATIVE, ValueKind.UNREADABLE):
        return value.text
    return canonical_text(value)


def describe(value: Value | None, reason: str = "") -> str:
    """One line saying how a value is understood: its kind and its meaning in words."""
    if value is None:
        return translate("ValueEditor", "Empty: the value will be cleared.")
    words = meaning_words(value)
    if value.kind is ValueKind.UNREADABLE:
        reason = reason or why_unreadable(value.text)
        return translate("ValueEditor", "Not readable: {words} ({reason})").format(
            words=words, reason=reason)
    template = {
        ValueKind.NUMBER: translate("ValueEditor", "Number: {words}"),
        ValueKind.RANGE: translate("ValueEditor", "Range: {words}"),
        ValueKind.AT_LEAST: translate("ValueEditor", "At least: {words}"),
        ValueKind.MORE_THAN: translate("ValueEditor", "More than: {words}"),
        ValueKind.AT_MOST: translate("ValueEditor", "At most: {words}"),
        ValueKind.LESS_THAN: translate("ValueEditor", "Less than: {words}"),
        ValueKind.RATIO: translate("ValueEditor", "Part of a whole: {words}"),
        ValueKind.CHANGE: translate("ValueEditor", "Change: {words}"),
        ValueKind.QUALITATIVE: translate("ValueEditor", "In words: {words}"),
    }[value.kind]
    return template.format(words=words)


def kind_name(kind: ValueKind) -> str:
    return {
        ValueKind.NUMBER: translate("ValueEditor", "Number"),
        ValueKind.RANGE: translate("ValueEditor", "Range"),
        ValueKind.AT_LEAST: translate("ValueEditor", "At least"),
        ValueKind.MORE_THAN: translate("ValueEditor", "More than"),
        ValueKind.AT_MOST: translate("ValueEditor", "At most"),
        ValueKind.LESS_THAN: translate("ValueEditor", "Less than"),
        ValueKind.RATIO: translate("ValueEditor", "Part of a whole"),
        ValueKind.CHANGE: translate("ValueEditor", "Change against a base"),
        ValueKind.QUALITATIVE: translate("ValueEditor", "Words"),
        ValueKind.UNREADABLE: translate("ValueEditor", "Not readable"),
    }[kind]


def dots_icon() -> QIcon:
    """A small "…" icon for the button that opens the value dialog."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#404040"))
    for x in (3.0, 8.0, 13.0):
        painter.drawEllipse(QPointF(x, 11.0), 1.6, 1.6)
    painter.end()
    return QIcon(pixmap)


# --------------------------------------------------------------------------- in the cell


class ValuePreview(QFrame):
    """The live line under a value being typed, with a choice when a number is ambiguous.

    It lives beside the editor (in the view's viewport), not inside it, so it can
    be wider than the cell; its buttons never take the focus, so choosing a
    reading does not end the editing.
    """

    chosen = Signal(str)  # the style ("vi" / "en") of the reading picked

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: list[QToolButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        self._layout = layout

    def preferred_height(self, width: int) -> int:
        """The height the frame needs at ``width``: the wrapped line and the buttons."""
        margins = self._layout.contentsMargins()
        frame = 2 * self.frameWidth()
        inner = width - margins.left() - margins.right() - frame
        height = self.label.heightForWidth(inner)
        for button in self.buttons:
            height += self._layout.spacing() + button.sizeHint().height()
        return height + margins.top() + margins.bottom() + frame

    def show_text(self, text: str, choices: list[tuple[Style, str]] = ()) -> None:
        self.label.setText(text)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for style, caption in choices:
            button = QToolButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setText(caption)
            button.clicked.connect(lambda _=False, s=style: self.chosen.emit(s))
            self._layout.addWidget(button)
            self.buttons.append(button)


class ValueLineEdit(QLineEdit):
    """The in-cell editor of a value: words, their meaning live, and a "…" to the dialog.

    :meth:`result` is what to store: ``None`` (clear), the typed words (the core
    reads them; unreadable words are kept as such), or a :class:`Value` when the
    clerk chose the reading of an ambiguous number.
    """

    #: The clerk asked for the full value dialog ("…" button or Ctrl+F2).
    dialog_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.style_choice: Style | None = None
        self.preview = ValuePreview(parent)
        self.preview.hide()
        self.preview.chosen.connect(self.choose)
        self.dialog_action = QAction(dots_icon(), "", self)
        self.dialog_action.setToolTip(translate("ValueEditor", "Edit the value in parts… "
                                                "(Ctrl+F2)"))
        self.dialog_action.triggered.connect(self.dialog_requested)
        self.addAction(self.dialog_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(self.refresh)
        self.refresh()

    def choose(self, style: str) -> None:
        """Read the ambiguous number(s) the way picked ("vi": 12.575 is twelve thousand…)."""
        self.style_choice = "en" if style == "en" else "vi"
        self.refresh()

    def understood(self) -> tuple[Value | None, WardPlanError | None]:
        return read_typed(self.text(), self.style_choice)

    def result(self) -> Value | str | None:
        value, error = self.understood()
        if value is None:
            return None
        if self.style_choice is not None and error is None:
            return value  # the meaning the clerk chose, with the words as typed
        return self.text()

    def refresh(self) -> None:
        value, error = self.understood()
        reason = error.render(translate) if error is not None else ""
        self.preview.show_text(describe(value, reason), readings(self.text())
                               if isinstance(error, AmbiguousNumberError) else [])
        self.place_preview()

    def place_preview(self) -> None:
        """Put the live line under the cell (above it near the bottom), as wide as it needs."""
        parent = self.parentWidget()
        if parent is None:
            return
        geometry = self.geometry()
        width = min(max(geometry.width(), 360), max(parent.width(), 1))
        x = max(0, min(geometry.x(), parent.width() - width))
        self.preview.setFixedWidth(width)
        height = self.preview.preferred_height(width)
        y = geometry.bottom() + 1
        if y + height > parent.height() and geometry.top() - height >= 0:
            y = geometry.top() - height
        self.preview.setGeometry(x, y, width, height)
        self.preview.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F2 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            self.dialog_requested.emit()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_F2 \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()  # ours, not the table's Ctrl+F2 (which cannot see the typing)
            return True
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.place_preview()
        elif event.type() == QEvent.Type.Show:
            self.place_preview()
            self.preview.show()
        elif event.type() == QEvent.Type.Hide:
            self.preview.hide()
        return super().event(event)

    def dispose(self) -> None:
        """The editor is going away: so is its live line."""
        self.preview.hide()
        self.preview.deleteLater()


# --------------------------------------------------------------------------- the dialog


class ValueEditorDialog(QDialog):
    """A value built from its parts, or typed as words; OK stores it, Cancel nothing.

    The numbers are read the Vietnamese way ("12.575" is twelve thousand five
    hundred and seventy-five, "14,5" fourteen and a half): these fields say so,
    which settles what free words could not.  Editing the parts rewrites the
    printed words (the core's usual wording); typing the words fills the parts
    when the program can read them.  :meth:`value` is what to store.
    """

    KINDS = (ValueKind.NUMBER, ValueKind.RANGE, ValueKind.AT_LEAST, ValueKind.MORE_THAN,
             ValueKind.AT_MOST, ValueKind.LESS_THAN, ValueKind.RATIO, ValueKind.CHANGE,
             ValueKind.QUALITATIVE)

    def __init__(self, text: str = "", value: Value | None = None, unit: str = "",
                 what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._initial_text = normalize_text(text)
        self._initial_value = value
        self._source = "text"  # which was edited last: "text" or "fields"
        self._filling = False

        self.caption = QLabel(what, self)
        self.caption.setWordWrap(True)
        self.caption.setVisible(bool(what))
        self.kind_combo = QComboBox(self)
        for kind in self.KINDS:
            self.kind_combo.addItem("", kind.value)
        self.sign_combo = QComboBox(self)
        self.sign_combo.addItem("", "tăng")
        self.sign_combo.addItem("", "giảm")
        self.first_edit = QLineEdit(self)
        self.second_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(unit, self)
        self.base_edit = QLineEdit(self)
        self.text_edit = QLineEdit(self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.kind_label = QLabel(self)
        self.sign_label = QLabel(self)
        self.first_label = QLabel(self)
        self.second_label = QLabel(self)
        self.unit_label = QLabel(self)
        self.base_label = QLabel(self)
        self.text_label = QLabel(self)
        for label, widget in ((self.kind_label, self.kind_combo),
                              (self.sign_label, self.sign_combo),
                              (self.first_label, self.first_edit),
                              (self.second_label, self.second_edit),
                              (self.unit_label, self.unit_edit),
                              (self.base_label, self.base_edit),
                              (self.text_label, self.text_edit)):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.sign_combo.currentIndexChanged.connect(self._fields_edited)
        for edit in (self.first_edit, self.second_edit, self.unit_edit, self.base_edit):
            edit.textEdited.connect(self._fields_edited)
        self.text_edit.textEdited.connect(self._text_edited)

        self.retranslate_ui()
        self.setMinimumWidth(440)
        self.text_edit.setText(self._initial_text)
        if value is not None and value.kind not in (ValueKind.UNREADABLE,):
            self._fill(value)
        else:
            self._text_edited(self._initial_text, initial=True)
        self._show_rows()
        self._update_preview()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit value"))
        for i, kind in enumerate(self.KINDS):
            self.kind_combo.setItemText(i, kind_name(kind))
        self.sign_combo.setItemText(0, self.tr("Increase (tăng)"))
        self.sign_combo.setItemText(1, self.tr("Decrease (giảm)"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.sign_label.setText(self.tr("C&hange:"))
        self.unit_label.setText(self.tr("&Unit:"))
        self.base_label.setText(self.tr("Compared &with:"))
        self.text_label.setText(self.tr("&Printed words:"))
        self.base_edit.setPlaceholderText(self.tr("e.g. năm 2023"))
        hint = self.tr("Vietnamese style: 12.575 or 14,5")
        self.first_edit.setPlaceholderText(hint)
        self.second_edit.setPlaceholderText(hint)
        self._show_rows()
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state

    def kind(self) -> ValueKind:
        return ValueKind(self.kind_combo.currentData())

    def set_kind(self, kind: ValueKind | str) -> None:
        self.kind_combo.setCurrentIndex(self.KINDS.index(ValueKind(kind)))

    def text(self) -> str:
        return normalize_text(self.text_edit.text())

    def value(self) -> Value | str | None:
        """What OK stores: a value built from the parts, the words as typed, or None."""
        if self._source == "fields":
            value, _ = self.composed()
            if value is not None:
                return value.with_text(self.text_edit.text())
        text = self.text()
        if not text:
            return None
        if self._initial_value is not None and text == self._initial_text:
            return self._initial_value  # unchanged: keep its meaning as it was set
        return text

    def composed(self) -> tuple[Value | None, str]:
        """The value the parts describe, or ``(None, why not)``; ``(None, "")`` when empty."""
        kind = self.kind()
        if kind is ValueKind.QUALITATIVE:
            return None, ""
        unit = normalize_text(self.unit_edit.text())
        first, second = self.first_edit.text(), self.second_edit.text()
        two = kind in (ValueKind.RANGE, ValueKind.RATIO)
        if not normalize_text(first) and not (two and normalize_text(second)):
            return None, ""
        try:
            a = self._number(first)
            b = self._number(second) if two else None
        except WardPlanError as exc:
            return None, exc.render(translate)
        if kind is ValueKind.RANGE:
            assert b is not None
            if a > b:
                return None, self.tr("The lower end of the range is above its upper end.")
            return Value(kind, "", low=a, high=b, unit=unit), ""
        if kind is ValueKind.RATIO:
            assert b is not None
            return Value(kind, "", numerator=a, denominator=b, unit=unit), ""
        if kind is ValueKind.CHANGE:
            base = normalize_text(self.base_edit.text())
            year = _YEAR.search(base)
            signed = -abs(a) if self.sign_combo.currentData() == "giảm" else abs(a)
            return Value(kind, "", value=signed, unit=unit, base=base,
                         base_year=int(year.group(1)) if year else None), ""
        return Value(kind, "", value=a, unit=unit), ""

    def _number(self, text: str) -> Decimal:
        text = normalize_text(text)
        if not text:
            raise WardPlanError(self.tr("A number is missing."))
        return parse_number(text, "vi")

    # ------------------------------------------------------------------ reactions

    def _show_rows(self) -> None:
        kind = self.kind()
        numeric = kind is not ValueKind.QUALITATIVE
        two = kind in (ValueKind.RANGE, ValueKind.RATIO)
        first = {ValueKind.RANGE: self.tr("&From:"), ValueKind.RATIO: self.tr("P&art:"),
                 ValueKind.CHANGE: self.tr("&Amount:")}.get(kind, self.tr("&Number:"))
        second = self.tr("&To:") if kind is ValueKind.RANGE else self.tr("W&hole:")
        self.first_label.setText(first)
        self.second_label.setText(second)
        self.form.setRowVisible(self.sign_combo, kind is ValueKind.CHANGE)
        self.form.setRowVisible(self.first_edit, numeric)
        self.form.setRowVisible(self.second_edit, two)
        self.form.setRowVisible(self.unit_edit, numeric)
        self.form.setRowVisible(self.base_edit, kind is ValueKind.CHANGE)
        self.text_label.setText(self.tr("&Printed words:") if numeric else self.tr("&Words:"))

    def _kind_changed(self) -> None:
        self._show_rows()
        if self._filling:
            return
        if self.kind() is ValueKind.QUALITATIVE:
            self._source = "text"
            self._update_preview()
        else:
            self._fields_edited()

    def _fields_edited(self) -> None:
        if self._filling:
            return
        value, _ = self.composed()
        self._source = "fields"
        if value is not None:
            self.text_edit.setText(canonical_text(value))
        self._update_preview()

    def _text_edited(self, text: str, initial: bool = False) -> None:
        self._source = "text"
        value, error = read_typed(text)
        if error is None and value is not None:
            self._fill(value)
        if not initial:
            self._update_preview()

    def _fill(self, value: Value) -> None:
        """Show a value's meaning in the parts, without composing the words again."""
        self._filling = True
        try:
            self.set_kind(value.kind)
            f = format_number
            first = second = ""
            if value.kind is ValueKind.RANGE:
                first, second = f(value.low), f(value.high)  # type: ignore[arg-type]
            elif value.kind is ValueKind.RATIO:
                first, second = f(value.numerator), f(value.denominator)  # type: ignore[arg-type]
            elif value.value is not None:
                first = f(abs(value.value) if value.kind is ValueKind.CHANGE else value.value)
            if value.kind is ValueKind.CHANGE:
                self.sign_combo.setCurrentIndex(1 if (value.value or 0) < 0 else 0)
                self.base_edit.setText(value.base)
            self.first_edit.setText(first)
            self.second_edit.setText(second)
            if value.kind is not ValueKind.QUALITATIVE:
                self.unit_edit.setText(value.unit)
        finally:
            self._filling = False
        self._show_rows()

    def _update_preview(self) -> None:
        ok = True
        if self._source == "fields" and self.kind() is not ValueKind.QUALITATIVE:
            value, why = self.composed()
            if value is not None:
                text = describe(value.with_text(self.text_edit.text()))
            elif why:
                text, ok = why, False
            else:
                text = describe(None)
        else:
            text_value, error = read_typed(self.text_edit.text())
            if (self._initial_value is not None and self.text() == self._initial_text):
                text_value, error = self._initial_value, None
            text = describe(text_value, error.render(translate) if error else "")
        self.preview.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

