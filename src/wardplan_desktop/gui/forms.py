"""The clerk's forms: the document's header, one form per field, signature, unit profile.

Every input saves itself (``fields.py``) through the plan editor, so each change
is in the database at once and on the undo stack; :meth:`show_plan` refreshes a
form from the stored plan after any change without disturbing what is being
typed.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.edits import Place
from ..core.enums import Authority
from .fields import AutoSaveLine, AutoSaveText
from .plan_editor import PlanEditor
from .sections import SectionEditor

Index = QModelIndex | QPersistentModelIndex
_PURPOSE = re.compile(r"^(.*?)\s*(\([^()]*\))\s*[;.]?$")


def recipients_text(recipients: list[dict[str, str]]) -> str:
    """One recipient per line; its purpose, if any, in brackets after the name."""
    return "\n".join(f"{r['name']} {r['purpose']}".strip() for r in recipients)


def recipients_from_text(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _PURPOSE.match(line)
        if m and m.group(1):
            out.append((m.group(1).strip(), m.group(2)))
        else:
            out.append((line, ""))
    return out


class _Form(QWidget):
    """A scrolling form of labelled rows."""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.plan: dict[str, Any] | None = None
        inner = QWidget(self)
        outer = QVBoxLayout(inner)
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.rows)
        outer.addStretch(1)  # rows stay together at the top of a tall window
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def _row(self, key: str, widget: QWidget) -> None:
        label = QLabel(self)
        label.setBuddy(widget)
        self.labels[key] = label
        self.inputs[key] = widget
        self.rows.addRow(label, widget)

    def _plan_field(self, key: str, multiline: bool = False,
                    height: int = 0) -> AutoSaveLine | AutoSaveText:
        widget: AutoSaveLine | AutoSaveText = AutoSaveText(self) if multiline \
            else AutoSaveLine(self)
        if isinstance(widget, AutoSaveText) and height:
            widget.setFixedHeight(height)
        widget.commit.connect(lambda text: self._save_plan(key, text))
        self._row(key, widget)
        return widget

    def _label(self, key: str) -> str:
        """A row's label as words for the undo text: no mnemonic, no colon."""
        return self.labels[key].text().replace("&", "").rstrip(": ")

    def _save_plan(self, key: str, text: str) -> None:
        if self.plan is not None:
            self.editor.set_field("plan", self.plan["uid"], key, text, self._label(key))

    def focus_field(self, key: str) -> bool:
        widget = self.inputs.get(key)
        if widget is None:
            return False
        widget.setFocus()
        return True


class _DateRow(QWidget):
    """Day and month may stay blank (filled in at signing); the year may not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day, self.month, self.year = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.day.setRange(0, 31)
        self.month.setRange(0, 12)
        self.year.setRange(1900, 2200)
        for box in (self.day, self.month):
            box.setSpecialValueText("…")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.day_label, self.month_label, self.year_label = QLabel(self), QLabel(self), \
            QLabel(self)
        for label, box in ((self.day_label, self.day), (self.month_label, self.month),
                           (self.year_label, self.year)):
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)


class GeneralForm(_Form):
    """Number, date, place, title, issuing body, legal bases, preamble."""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.number = self._plan_field("number")
        self.symbol = self._plan_field("symbol")
        self.date = _DateRow(self)
        self._row("date", self.date)
        self.place = self._plan_field("place")
        self.title = self._plan_field("title", multiline=True, height=60)
        self.issuing_body = self._plan_field("issuing_body", multiline=True, height=60)
        self.parent_body = self._plan_field("parent_body")
        self.heading_lines = self._plan_field("heading_lines", multiline=True, height=50)
        self.legal_bases = AutoSaveText(self)
        self.legal_bases.setFixedHeight(140)
        self.legal_bases.commit.connect(
            lambda text: self.plan and self.editor.set_list(
                "legal_bases", text.splitlines(), self._label("legal_bases")))
        self._row("legal_bases", self.legal_bases)
        self.preamble = self._plan_field("preamble", multiline=True, height=80)
        for box in (self.date.day, self.date.month, self.date.year):
            box.editingFinished.connect(self._save_date)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {"number": self.tr("&Number:"), "symbol": self.tr("S&ymbol:"),
                 "date": self.tr("&Date:"), "place": self.tr("&Place:"),
                 "title": self.tr("&Title:"), "issuing_body": self.tr("&Issuing body:"),
                 "parent_body": self.tr("Pa&rent body:"),
                 "heading_lines": self.tr("Lines under the &title:"),
                 "legal_bases": self.tr("&Legal bases (one per line):"),
                 "preamble": self.tr("Pr&eamble:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.date.day_label.setText(self.tr("day"))
        self.date.month_label.setText(self.tr("month"))
        self.date.year_label.setText(self.tr("year"))
        self.number.setPlaceholderText(self.tr("blank until the document is numbered"))

    def show_plan(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.number.show_text(plan["number"])
        self.symbol.show_text(plan["symbol"])
        self.place.show_text(plan["place"])
        self.title.show_text(plan["title"])
        self.issuing_body.show_text("\n".join(plan["issuing_body"]))
        self.parent_body.show_text(plan["parent_body"])
        self.heading_lines.show_text("\n".join(plan["heading_lines"]))
        self.legal_bases.show_text("\n".join(plan["legal_bases"]))
        self.preamble.show_text("\n".join(plan["preamble"]))
        date = plan["date"]
        for box, value in ((self.date.day, date["day"]), (self.date.month, date["month"]),
                           (self.date.year, date["year"])):
            if box.value() != (value or 0):  # an undo reaches a focused box too
                box.blockSignals(True)
                box.setValue(value or 0)
                box.blockSignals(False)

    def _save_date(self) -> None:
        if self.plan is None:
            return
        day, month, year = (self.date.day.value() or None, self.date.month.value() or None,
                            self.date.year.value())
        stored = self.plan["date"]
        if (day, month, year) != (stored["day"], stored["month"], stored["year"]):
            self.editor.set_date(day, month, year)


class SignatureForm(_Form):
    """Closing, recipients and the signature block."""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.closing = self._plan_field("closing", multiline=True, height=70)
        self.recipients = AutoSaveText(self)
        self.recipients.setFixedHeight(130)
        self.recipients.commit.connect(
            lambda text: self.plan and self.editor.set_list(
                "recipients", recipients_from_text(text), self._label("recipients")))
        self._row("recipients", self.recipients)
        self.authority = QComboBox(self)
        for value in Authority:
            self.authority.addItem(value.value or "—", value.value)
        self.authority.activated.connect(
            lambda _i: self._save_plan("sign_authority", self.authority.currentData()))
        self._row("sign_authority", self.authority)
        self.authority_body = self._plan_field("sign_authority_body")
        self.position = self._plan_field("sign_position")
        self.signer = self._plan_field("signer")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {"closing": self.tr("&Closing text:"),
                 "recipients": self.tr("&Recipients (one per line, purpose in brackets):"),
                 "sign_authority": self.tr("Signing &authority:"),
                 "sign_authority_body": self.tr("On &behalf of:"),
                 "sign_position": self.tr("&Position:"), "signer": self.tr("&Signer:")}
        for key, text in texts.items():
            self.labels[key].setText(text)

    def show_plan(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.closing.show_text("\n".join(plan["closing"]))
        self.recipients.show_text(recipients_text(plan["recipients"]))
        sig = plan["signature"]
        self.authority.setCurrentIndex(max(self.authority.findData(sig["authority"]), 0))
        self.authority_body.show_text(sig["authority_body"])
        self.position.show_text(sig["position"])
        self.signer.show_text(sig["signer"])


class UnitForm(_Form):
    """The unit's own details, printed in every document's header."""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.code = QLabel(self)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row("code", self.code)
        self.fields: dict[str, AutoSaveLine | AutoSaveText] = {}
        for key, multiline in (("name", False), ("place_name", False), ("issuing_body", True),
                               ("parent_body", False)):
            widget: AutoSaveLine | AutoSaveText = AutoSaveText(self) if multiline \
                else AutoSaveLine(self)
            if isinstance(widget, AutoSaveText):
                widget.setFixedHeight(60)
            widget.commit.connect(lambda text, k=key: self._save_unit(k, text))
            self.fields[key] = widget
            self._row(key, widget)
        self.upper = QLabel(self)
        self.upper.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row("upper", self.upper)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {"code": self.tr("Code:"), "name": self.tr("&Name:"),
                 "place_name": self.tr("&Place name:"),
                 "issuing_body": self.tr("&Issuing body (header lines):"),
                 "parent_body": self.tr("Pa&rent body:"), "upper": self.tr("Upper level:")}
        for key, text in texts.items():
            self.labels[key].setText(text)

    def _save_unit(self, key: str, text: str) -> None:
        if self.plan is not None:
            self.editor.set_field("unit", self.plan["unit"]["code"], key, text,
                                  self._label(key))

    def show_plan(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        unit = plan["unit"]
        self.code.setText(unit["code"])
        for key, widget in self.fields.items():
            value = unit.get(key, "")
            widget.show_text("\n".join(value) if isinstance(value, list) else value)
        upper = unit.get("upper")
        self.upper.setText(f"{upper['name']} ({upper['code']})" if upper else "—")


class KeyTaskModel(QAbstractTableModel):
    """The key tasks of one field: number, task, result — each editable, saved at once."""

    def __init__(self, editor: PlanEditor, field: str) -> None:
        super().__init__()
        self.editor, self.field = editor, field
        self.rows: list[dict[str, Any]] = []

    def set_tasks(self, tasks: list[dict[str, Any]]) -> None:
        rows = [t for t in tasks if t.get("field") == self.field]
        if [r["uid"] for r in rows] == [r["uid"] for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 2))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = [self.tr("No."), self.tr("Key task"), self.tr("Result")]
            return titles[section] if 0 <= section < 3 else None
        return None

    _KEYS = ("label", "task", "result")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()].get(self._KEYS[index.column()], "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        key = self._KEYS[index.column()]
        if str(value) == row.get(key, ""):
            return False
        return self.editor.set_field("key_task", row["uid"], key, str(value),
                                     self.headerData(index.column(),
                                                     Qt.Orientation.Horizontal))


class FieldForm(QWidget):
    """One field (economy, culture-society, defence-security, government): its text,
    its indicator table and its key tasks."""

    def __init__(self, editor: PlanEditor, field: str, indicators: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.field = editor, field
        self.sections = SectionEditor(editor, field, self)
        self.indicators = indicators
        self.tasks = KeyTaskModel(editor, field)
        self.task_view = QTableView(self)
        self.task_view.setModel(self.tasks)
        self.task_view.setWordWrap(True)
        self.task_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.task_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.task_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_task, self.remove_task = QPushButton(self), QPushButton(self)
        self.add_task.clicked.connect(self._add_task)
        self.remove_task.clicked.connect(self._remove_task)
        tasks_page = QWidget(self)
        box = QVBoxLayout(tasks_page)
        box.addWidget(self.task_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_task)
        row.addWidget(self.remove_task)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.sections, "")
        self.tabs.addTab(indicators, "")
        self.tabs.addTab(tasks_page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.plan: dict[str, Any] | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("&Text"))
        self.tabs.setTabText(1, self.tr("I&ndicators"))
        self.tabs.setTabText(2, self.tr("&Key tasks"))
        self.add_task.setText(self.tr("Add key task"))
        self.remove_task.setText(self.tr("Remove key task"))

    def show_plan(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.sections.show_plan(plan)
        show = getattr(self.indicators, "show_plan", None)
        if show is not None:
            show(plan)
        self.tasks.set_tasks(plan["key_tasks"])
        self.task_view.resizeRowsToContents()

    def _add_task(self) -> None:
        if self.plan is None:
            return
        count = len(self.plan["key_tasks"])
        self.editor.insert("key_task", {"label": str(len(self.tasks.rows) + 1),
                                        "field": self.field, "task": self.tr("New key task")},
                           Place(None, count), self.tr("a key task"))

    def _remove_task(self) -> None:
        rows = self.task_view.selectionModel().selectedRows()
        if rows:
            task = self.tasks.rows[rows[0].row()]
            self.editor.remove("key_task", task["uid"], self.tr("a key task"))


class TextForm(QWidget):
    """The text that belongs to no field: objectives, evaluation, organisation…"""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = SectionEditor(editor, None, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)

    def show_plan(self, plan: dict[str, Any]) -> None:
        self.sections.show_plan(plan)
