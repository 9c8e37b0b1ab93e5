"""The document's text as a tree of headings, paragraphs and bullets, edited in place.

:class:`SectionTreeModel` shows part of the plan's section tree: a field form
shows the sections of its field (e.g. "1. Về kinh tế" under the tasks part),
the general text form shows everything that belongs to no field.  The
:class:`SectionEditor` edits the selected section (kind, label, emphasis, field,
text) and adds, removes, moves, indents and outdents sections, all through the
plan editor, so every change is saved at once and can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.edits import Place
from ..core.enums import Emphasis, Field, Part, SectionKind
from .fields import AutoSaveLine, AutoSaveText, last_refusal_passes
from .plan_editor import PlanEditor

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def kind_texts() -> dict[str, str]:
    return {
        SectionKind.HEADING: translate("SectionEditor", "Heading"),
        SectionKind.PARAGRAPH: translate("SectionEditor", "Paragraph"),
        SectionKind.BULLET: translate("SectionEditor", "Bullet (-)"),
        SectionKind.SUB_BULLET: translate("SectionEditor", "Sub-bullet (+)"),
    }


def field_texts() -> dict[str | None, str]:
    return {
        None: translate("SectionEditor", "— (general)"),
        Field.ECONOMY: translate("SectionEditor", "Economy"),
        Field.CULTURE_SOCIETY: translate("SectionEditor", "Culture and society"),
        Field.DEFENCE_SECURITY: translate("SectionEditor", "Defence and security"),
        Field.GOVERNMENT: translate("SectionEditor", "Government"),
    }


def part_texts() -> dict[str, str]:
    return {
        Part.ASSESSMENT: translate("SectionEditor", "Assessment of this year"),
        Part.PLAN: translate("SectionEditor", "Objectives and targets"),
        Part.TASKS: translate("SectionEditor", "Tasks and solutions"),
        Part.ORGANISATION: translate("SectionEditor", "Organisation of implementation"),
        Part.OTHER: translate("SectionEditor", "Other"),
    }


@dataclass
class Node:
    data: dict[str, Any]
    parent: Node | None
    children: list[Node] = field(default_factory=list)

    @property
    def uid(self) -> str:
        return str(self.data["uid"])


def _walk(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every section of a tree, in document order."""
    out = []
    for section in sections:
        out.append(section)
        out.extend(_walk(section.get("children", [])))
    return out


class SectionTreeModel(QAbstractItemModel):
    """The sections a form shows: those of one field, or those of no field."""

    def __init__(self, field: str | None) -> None:
        super().__init__()
        self.field = field
        self.roots: list[Node] = []
        self._by_uid: dict[str, Node] = {}

    def _shown(self, section: dict[str, Any], inherited: str | None) -> bool:
        return (section.get("field") or inherited) == self.field

    def set_sections(self, sections: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.roots, self._by_uid = [], {}

        def build(items: list[dict[str, Any]], parent: Node | None, inherited: str | None,
                  out: list[Node]) -> None:
            for item in items:
                own = item.get("field") or inherited
                if self.field is None and own is not None:
                    continue  # a field's text is edited in that field's form
                if self.field is not None and own != self.field:
                    # Not this field: look further down for its sections.
                    build(item.get("children", []), parent, own, out)
                    continue
                node = Node(item, parent)
                self._by_uid[node.uid] = node
                out.append(node)
                build(item.get("children", []), node, own, node.children)

        build(sections, None, None, self.roots)
        self.endResetModel()

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[return-value]

    def _siblings(self, node: Node) -> list[Node]:
        return node.parent.children if node.parent is not None else self.roots

    def index_of(self, uid: str) -> QModelIndex:
        node = self._by_uid.get(uid)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._siblings(node).index(node), 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self.node(parent).children if parent.isValid() else self.roots  # type: ignore[union-attr]
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(self._siblings(node.parent).index(node.parent), 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children) if parent.isValid() else len(self.roots)  # type: ignore[union-attr]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        item = node.data
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(item.get("text", "").split())
            if len(text) > 90:
                text = text[:89] + "…"
            label = item.get("label", "")
            prefix = {"bullet": "- ", "sub_bullet": "+ "}.get(item["kind"], "")
            shown = f"{prefix}{label} {text}".strip()
            return shown or translate("SectionEditor", "(empty)")
        if role == Qt.ItemDataRole.ToolTipRole:
            part = part_texts().get(item.get("part", ""), "")
            return f"{part}\n{item.get('text', '')}" if part else item.get("text", "")
        if role == Qt.ItemDataRole.FontRole and item["kind"] == SectionKind.HEADING:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section == 0:
            return translate("SectionEditor", "Text")
        return None


class SectionEditor(QWidget):
    """The tree on the left, the selected section's details and text on the right."""

    def __init__(self, editor: PlanEditor, field: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.model = SectionTreeModel(field)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())

        self.kind = QComboBox(self)
        for value, text in kind_texts().items():
            self.kind.addItem(text, str(value))
        self.label = AutoSaveLine(self)
        self.label.setMaximumWidth(120)
        self.emphasis = QComboBox(self)
        self.field = QComboBox(self)
        for value, text in field_texts().items():
            self.field.addItem(text, None if value is None else str(value))
        self.text = AutoSaveText(self)
        self.text.setMinimumHeight(120)

        self.add_after = QPushButton(self)
        self.add_child = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.indent_button, self.outdent_button = QPushButton(self), QPushButton(self)

        self.form = QFormLayout()
        self.kind_label, self.label_label = QLabel(self), QLabel(self)
        self.emphasis_label, self.field_label, self.text_label = QLabel(self), QLabel(self), \
            QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.label_label)
        row.addWidget(self.label)
        row.addWidget(self.emphasis_label)
        row.addWidget(self.emphasis, 1)
        self.form.addRow(self.kind_label, row)
        self.form.addRow(self.field_label, self.field)
        self.form.addRow(self.text_label, self.text)
        for label, buddy in ((self.kind_label, self.kind), (self.label_label, self.label),
                             (self.emphasis_label, self.emphasis), (self.field_label, self.field),
                             (self.text_label, self.text)):
            label.setBuddy(buddy)
        buttons = QHBoxLayout()
        for button in (self.add_after, self.add_child, self.remove_button, self.up_button,
                       self.down_button, self.outdent_button, self.indent_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        details = QWidget(self)
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.form, 1)
        box.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.tree.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.empty_note = QLabel(self)
        self.empty_note.setWordWrap(True)
        layout.addWidget(self.empty_note)

        self.text.commit.connect(lambda text: self._set("text", text))
        self.label.commit.connect(lambda text: self._set("label", text))
        self.kind.activated.connect(lambda _i: self._set("kind", self.kind.currentData()))
        self.emphasis.activated.connect(
            lambda _i: self._set("emphasis", self.emphasis.currentData()))
        self.field.activated.connect(lambda _i: self._set("field", self.field.currentData()))
        self.add_after.clicked.connect(lambda: self.add(child=False))
        self.add_child.clicked.connect(lambda: self.add(child=True))
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button.clicked.connect(lambda: self.shift(1))
        self.indent_button.clicked.connect(self.indent)
        self.outdent_button.clicked.connect(self.outdent)
        self._sections: list[dict[str, Any]] = []
        self._shown_uid: str | None = None
        self._plan_uid: str | None = None  # the plan whose sections are shown
        self._refreshing = False
        self.retranslate_ui()
        self._show_current()

    def retranslate_ui(self) -> None:
        self.kind_label.setText(self.tr("&Kind:"))
        self.label_label.setText(self.tr("&Number:"))
        self.emphasis_label.setText(self.tr("&Style:"))
        self.field_label.setText(self.tr("&Field:"))
        self.text_label.setText(self.tr("&Text:"))
        self.emphasis.clear()
        for value, text in ((Emphasis.NONE, self.tr("Normal")), (Emphasis.BOLD, self.tr("Bold")),
                            (Emphasis.ITALIC, self.tr("Italic")),
                            (Emphasis.BOLD_ITALIC, self.tr("Bold italic"))):
            self.emphasis.addItem(text, str(value))
        self.add_after.setText(self.tr("&Add after"))
        self.add_after.setToolTip(self.tr("Add a section after this one (Ctrl+Enter)"))
        self.add_child.setText(self.tr("Add &inside"))
        self.remove_button.setText(self.tr("&Remove"))
        self.up_button.setText(self.tr("Up"))
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button.setText(self.tr("Down"))
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        self.indent_button.setText(self.tr("Indent"))
        self.indent_button.setToolTip(self.tr("Put under the section above (Alt+Right)"))
        self.outdent_button.setText(self.tr("Outdent"))
        self.outdent_button.setToolTip(self.tr("Move out one level (Alt+Left)"))
        # setText() gives a button its mnemonic as shortcut: the keys come after it.
        for button, keys in ((self.up_button, "Alt+Up"), (self.down_button, "Alt+Down"),
                             (self.indent_button, "Alt+Right"),
                             (self.outdent_button, "Alt+Left"),
                             (self.add_after, "Ctrl+Return")):
            button.setShortcut(QKeySequence(keys))
        self.empty_note.setText(self.tr(
            "No text of this field yet. Choose the field of a section in the general text "
            "form, or add a section here."))

    # ------------------------------------------------------------------ showing

    def show_plan(self, plan: dict[str, Any]) -> None:
        """Show the plan's sections, keeping the selected one (and any typing in it)."""
        if plan.get("uid") != self._plan_uid:
            # Another plan: what was typed in the last one was saved (or dropped) by
            # the window before it switched; none of it is saved into this one.
            self._plan_uid, self._shown_uid = plan.get("uid"), None
        current = self._shown_uid
        self._refreshing = True
        try:
            self._sections = plan["sections"]
            self.model.set_sections(plan["sections"])
            self.tree.expandAll()
            self.empty_note.setVisible(self.model.rowCount() == 0)
            if not (current is not None and self.select(current)) and self.model.rowCount():
                self.tree.setCurrentIndex(self.model.index(0, 0))
        finally:
            self._refreshing = False
        self._show_current()

    def select(self, uid: str) -> bool:
        index = self.model.index_of(uid)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        return True

    def current(self) -> Node | None:
        return self.model.node(self.tree.currentIndex())

    def current_uid(self) -> str | None:
        node = self.current()
        return node.uid if node is not None else None

    def _show_current(self) -> None:
        # Typing waiting to be saved belongs to the section it was typed in.
        if self._refreshing:
            return
        if self._shown_uid is not None and self.current_uid() != self._shown_uid:
            # Saved once the selection has settled (saving refreshes the tree,
            # which must not happen while the tree is changing its selection);
            # the field makes way for the section now chosen.
            for widget, name in ((self.text, "text"), (self.label, "label")):
                if widget.pending():
                    typed, uid = widget.current(), self._shown_uid
                    # Typing refused a moment ago (as the field lost focus) is not sent
                    # again at once: one refusal, one message.
                    again = not widget.holds_refused()
                    passes = widget._retry  # of that refusal, when there was one
                    widget._timer.stop()
                    widget._sent = widget._held = None
                    QTimer.singleShot(0, lambda u=uid, n=name, t=typed, p=self._plan_uid,
                                      a=again, r=passes: self._save_left(p, u, n, t, a, r))
        node = self.current()
        self._shown_uid = node.uid if node is not None else None
        enabled = node is not None
        for widget in (self.kind, self.label, self.emphasis, self.field, self.text,
                       self.add_child, self.remove_button, self.up_button, self.down_button,
                       self.indent_button, self.outdent_button):
            widget.setEnabled(enabled)
        if node is None:
            self.text.show_text("")
            self.label.show_text("")
            return
        item = node.data
        self.kind.setCurrentIndex(max(self.kind.findData(item["kind"]), 0))
        self.emphasis.setCurrentIndex(max(self.emphasis.findData(item.get("emphasis", "none")),
                                          0))
        self.field.setCurrentIndex(max(self.field.findData(item.get("field")), 0))
        self.label.show_text(item.get("label", ""))
        self.text.show_text(item.get("text", ""))

    # ------------------------------------------------------------------ editing

    def _set(self, name: str, value: Any) -> None:
        uid = self._shown_uid  # the section whose details are in the form
        if uid is not None:
            self._save(uid, name, value)

    def _save(self, uid: str, name: str, value: Any) -> bool:
        labels = {"text": self.tr("text"), "label": self.tr("number"), "kind": self.tr("kind"),
                  "emphasis": self.tr("style"), "field": self.tr("field")}
        return self.editor.set_field("section", uid, name, value, labels[name])

    def _save_left(self, plan_uid: str | None, uid: str, name: str, typed: str,
                   save: bool = True, passes: bool = False) -> None:
        """Save the typing of a section the clerk has left.  When the save is refused
        (a full disk, a locked database…), or was just before (``save`` False), the
        clerk is taken back to that section with the typing in its field, still to be
        saved: nothing typed is lost."""
        if plan_uid != self._plan_uid:  # the window has gone to another plan meanwhile
            return
        if (save and self._save(uid, name, typed)) or not self.select(uid):
            return
        # Refused just now (the save above), or as the field lost focus (``passes``).
        (self.text if name == "text" else self.label).hold(
            typed, last_refusal_passes() if save else passes)

    def _flush(self) -> None:
        """Save the typing of the section shown before the tree changes."""
        self.text.flush()
        self.label.flush()

    def _place_of(self, node: Node) -> Place:
        parent = node.parent.uid if node.parent is not None else self._real_parent(node)
        return Place(parent, self._real_position(node))

    def _real_parent(self, node: Node) -> str | None:
        """The parent a top-level node of this form has in the whole document."""
        def find(items: list[dict[str, Any]], parent: str | None) -> str | None | bool:
            for item in items:
                if item["uid"] == node.uid:
                    return parent
                found = find(item.get("children", []), item["uid"])
                if found is not False:
                    return found
            return False

        found = find(self._sections, None)
        return None if found is False else found  # type: ignore[return-value]

    def _real_position(self, node: Node) -> int:
        def find(items: list[dict[str, Any]]) -> int | None:
            for i, item in enumerate(items):
                if item["uid"] == node.uid:
                    return i
                found = find(item.get("children", []))
                if found is not None:
                    return found
            return None

        return find(self._sections) or 0

    def _new_section(self, like: dict[str, Any] | None) -> dict[str, Any]:
        kind = like["kind"] if like and like["kind"] != SectionKind.HEADING else \
            SectionKind.PARAGRAPH
        data: dict[str, Any] = {"kind": str(kind), "text": ""}
        if like is not None:
            data["part"] = like.get("part", "other")
            data["field"] = like.get("field") or self.model.field
        else:
            data["field"] = self.model.field
        return data

    def add(self, child: bool) -> None:
        self._flush()
        node = self.current()
        if child and node is not None:
            place = Place(node.uid, len(node.children))
            like = node.children[-1].data if node.children else {**node.data,
                                                                 "kind": "paragraph"}
        elif node is not None:
            here = self._place_of(node)
            place = Place(here.parent_uid, here.position + 1)
            like = node.data
        else:
            place, like = self._first_place()
        uid = self.editor.insert("section", self._new_section(like), place,
                                 self.tr("a section"))
        if uid:
            self.select(uid)
            self.text.setFocus()

    def _first_place(self) -> tuple[Place, dict[str, Any] | None]:
        """Where the first section of an empty form goes: a field's text under the
        document's tasks and solutions (its part "tasks"), else at the end."""
        if self.model.field is not None:
            tasks = next((s for s in _walk(self._sections) if s.get("part") == "tasks"),
                         None)
            if tasks is not None:
                return (Place(tasks["uid"], len(tasks.get("children", []))),
                        {"kind": "paragraph", "part": "tasks", "field": self.model.field})
        return Place(None, len(self._sections)), None

    def remove(self) -> None:
        self._flush()
        node = self.current()
        if node is not None:
            self.editor.remove("section", node.uid, self._describe(node))

    def _describe(self, node: Node) -> str:
        text = " ".join(node.data.get("text", "").split())
        return f"«{text[:30]}…»" if len(text) > 30 else f"«{text}»"

    def shift(self, step: int) -> None:
        self._flush()
        node = self.current()
        if node is None:
            return
        here = self._place_of(node)
        position = here.position + step
        if position < 0:
            return
        self.editor.move("section", node.uid, Place(here.parent_uid, position),
                         self._describe(node))

    def indent(self) -> None:
        """Put the section under the one above it, as its last child."""
        self._flush()
        node = self.current()
        if node is None:
            return
        siblings = self.model._siblings(node)
        i = siblings.index(node)
        if i == 0:
            return
        above = siblings[i - 1]
        self.editor.move("section", node.uid, Place(above.uid, len(above.children)),
                         self._describe(node))

    def outdent(self) -> None:
        """Move the section out of its parent, right after it."""
        self._flush()
        node = self.current()
        if node is None or node.parent is None:
            return
        parent_place = self._place_of(node.parent)
        self.editor.move("section", node.uid,
                         Place(parent_place.parent_uid, parent_place.position + 1),
                         self._describe(node))

