"""The open plan's change history: who changed what, when, from what to what.

:class:`HistoryModel` is a thin table over the lines the core describes
(``core/history_text.py``), newest first; it reads the whole history once per
refresh (one query) and renders each line's words once, so scrolling, filtering
and selecting never touch the database, even for ten thousand records.
:class:`HistoryPanel` adds a search box (accents optional: "thu ngan sach" finds
"Thu ngân sách") and "Restore this value", which brings back a record's old
value through the plan editor — an ordinary edit that Ctrl+Z reverts, and that
appears in the history as a change of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import service
from ..core.errors import WardPlanError
from ..core.history_text import HistoryLine, PlanIndex, describe
from ..core.storage.database import Database
from .plan_editor import PlanEditor

Index = QModelIndex | QPersistentModelIndex
LineRole = Qt.ItemDataRole.UserRole + 1
RestorableRole = Qt.ItemDataRole.UserRole + 2

#: How many lines are put into words per idle moment (a few milliseconds' work).
WARM_STEP = 200
#: Longest text shown in a cell; the tooltip has all of it.
CELL_LIMIT = 160


#: The combining marks NFD splits Vietnamese letters into (tones, hat, horn, breve).
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Text for searching: lower case, without Vietnamese accents ("Đạt" → "dat")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).casefold()


@functools.lru_cache(maxsize=4096)
def local_time(at: str) -> str:
    """A UTC ISO time stamp as the clerk's local "dd/mm/yyyy HH:MM"."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


class _Row:
    """A line with its words rendered once; the one-line cells only when first shown."""

    __slots__ = ("_cells", "full", "key", "line")

    def __init__(self, line: HistoryLine, translate: Any) -> None:
        change = line.change
        action, what, old, new = line.texts(translate)
        self.line = line
        self.full = (local_time(change.at), change.actor, str(change.revision), action, what,
                     old, new)
        self.key = fold("\n".join(self.full))
        self._cells: tuple[str, ...] | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        if self._cells is None:
            self._cells = tuple(_one_line(t) for t in self.full)
        return self._cells


class HistoryModel(QAbstractTableModel):
    """A plan's history, newest first, optionally filtered.

    The records are read once per refresh; each is put into words only when a
    view shows it or a search needs its words, and then kept.
    """

    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[service.Change] = []  # newest first
        self._described: list[_Row | None] = []
        self._index = PlanIndex()
        self._rows: list[int] = []  # positions in _changes of the lines shown
        self._busy: set[int] = set()  # revisions with changes other than positions
        self._filter = ""
        self._show_reorder = False
        self._memo: dict[tuple[str, str], str] = {}
        # Words for searching are prepared in small steps while the clerk reads, so the
        # first search of a long history does not wait for all of them.
        self._warm_next = 0
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_some)

    # ------------------------------------------------------------------ content

    def set_history(self, changes: list[service.Change], plan: dict[str, Any] | None) -> None:
        """Show ``changes`` (oldest first, as the core lists them) of ``plan`` (as it is
        now, to name the items), newest at the top."""
        self.beginResetModel()
        self._index = PlanIndex.of(plan)
        self._index.learn(changes)
        self._changes = changes[::-1]
        # Positions that shifted because of another change in the same revision (an
        # item added, removed or moved elsewhere) are renumbering; a revision that only
        # changes positions is a reordering the clerk made, and always listed.
        self._busy = {c.revision for c in changes if c.attribute != "position"}
        self._described = [None] * len(self._changes)
        self._memo = {}
        self._rows = self._visible()
        self.endResetModel()
        self._warm_next = 0
        self._warm_timer.start()

    def _warm_some(self) -> None:
        end = min(self._warm_next + WARM_STEP, len(self._changes))
        for position in range(self._warm_next, end):
            self._row(position)
        self._warm_next = end
        if end >= len(self._changes):
            self._warm_timer.stop()

    def _translate(self, context: str, text: str) -> str:
        # The same few templates over and over: ask the translator once each.
        key = (context, text)
        if key not in self._memo:
            self._memo[key] = QCoreApplication.translate(context, text)
        return self._memo[key]

    def _row(self, position: int) -> _Row:
        row = self._described[position]
        if row is None:
            line = describe(self._changes[position], self._index)
            row = self._described[position] = _Row(line, self._translate)
        return row

    def set_filter(self, text: str) -> None:
        """Keep the lines whose words contain every word of ``text`` (accents optional)."""
        self._filter = fold(text).strip()
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def set_show_reorder(self, show: bool) -> None:
        """Show or hide renumbering (positions shifted by another change)."""
        self._show_reorder = show
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[int]:
        words = self._filter.split()
        shown = [i for i, c in enumerate(self._changes)
                 if self._show_reorder or c.attribute != "position"
                 or c.revision not in self._busy]
        if words:
            shown = [i for i in shown if all(w in self._row(i).key for w in words)]
        return shown

    def line_at(self, row: int) -> HistoryLine | None:
        return self._row(self._rows[row]).line if 0 <= row < len(self._rows) else None

    def total(self) -> int:
        return len(self._changes)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("When"), self.tr("Who"), self.tr("Revision"), self.tr("Change"),
                   self.tr("What"), self.tr("Old value"), self.tr("New value"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < self.COLUMNS:
            return None
        row, col = self._row(self._rows[index.row()]), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.full[col]
            return text if text != row.cells[col] else None
        if role == LineRole:
            return row.line
        if role == RestorableRole:
            return row.line.restorable
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.line.removed and col == 4:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class HistoryPanel(QWidget):
    """The history of the plan shown, with search and restore.

    The window calls :meth:`show_plan` whenever the plan changes; while the panel
    is hidden the history is read only when it is next shown, so a long history
    does not slow down every edit made elsewhere.  Restoring goes through
    ``editor``, which must be editing the plan shown.
    """

    @property
    def _db(self) -> Database:
        """The editor's database (the window may reopen it, e.g. after a restore)."""
        return self._editor.db

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._plan: dict[str, Any] | None = None
        self._stale = False  # a plan was given while hidden: read it when shown
        self._generation = 0  # counts show_plan calls, to avoid refreshing twice

        self.model = HistoryModel(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.show_reorder = QCheckBox()
        self.count_label = QLabel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Uniform rows and fixed column widths: no measuring of ten thousand rows.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((115, 70, 65, 75, 300, 200)):
            header.resizeSection(column, width)
        self.restore_button = QPushButton()
        self.restore_button.setEnabled(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_reorder)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._on_filter)
        self.show_reorder.toggled.connect(self._on_reorder)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the history (accents optional)…"))
        self.show_reorder.setText(self.tr("Show renumbering"))
        self.show_reorder.setToolTip(self.tr(
            "Also list the items whose position shifted because another item was added, "
            "removed or moved. A change of order on its own is always listed."))
        self.restore_button.setText(self.tr("&Restore this value"))
        self.restore_button.setToolTip(self.tr(
            "Put back the old value of the selected change. This is itself a change: "
            "Undo (Ctrl+Z) reverts it."))
        if self._plan is not None:
            self.show_plan(self._plan)  # the lines again, in the new language
        self._update_actions()

    # ------------------------------------------------------------------ content

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        """Show the history of ``plan`` (its data as exported, or None for nothing)."""
        if plan is not None and "format" in plan and isinstance(plan.get("plan"), dict):
            plan = plan["plan"]
        self._generation += 1
        self._plan = plan
        if self.isVisible():
            self._load()
        else:
            self._stale = True

    def _load(self) -> None:
        self._stale = False
        plan = self._plan
        changes = service.plan_history(self._db, plan["uid"]) if plan is not None else []
        self.model.set_history(changes, plan)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:
            self._load()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the plan shown and its history again from the database, now."""
        if self._plan is None:
            return
        try:
            plan = service.export_plan_by_uid(self._db, self._plan["uid"])["plan"]
        except WardPlanError:
            plan = None  # the plan was removed meanwhile
        self.show_plan(plan)
        if self._stale:
            self._load()

    def selected_line(self) -> HistoryLine | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()) if rows else None

    # ------------------------------------------------------------------ actions

    def _can_restore(self, line: HistoryLine | None) -> bool:
        return (line is not None and line.restorable and self._plan is not None
                and self._editor.plan_uid == self._plan.get("uid"))

    def restore_selected(self) -> bool:
        """Bring back the selected change's old value; True when it was saved."""
        line = self.selected_line()
        if not self._can_restore(line):
            return False
        assert line is not None
        generation = self._generation
        ok = self._editor.restore(line.change)
        if ok and self._generation == generation:
            self.refresh()  # unless the window already did, in answer to the edit
        if ok and self.model.rowCount():
            self.view.selectRow(0)  # the restore itself, now the newest line
        return ok

    def _on_filter(self, text: str) -> None:
        self.model.set_filter(text)

    def _on_reorder(self, show: bool) -> None:
        self.model.set_show_reorder(show)

    def _update_actions(self, *_: Any) -> None:
        line = self.selected_line()
        self.restore_button.setEnabled(self._can_restore(line))
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(self.tr("%n change(s)", "", total) if shown == total
                                 else self.tr("{shown} of {total} changes").format(
                                     shown=shown, total=total))
        if line is None:
            self.hint.setText(self.tr("Select a change to restore its old value."))
        elif self._can_restore(line):
            self.hint.setText(self.tr("It was empty before: restoring it empties it again.")
                              if line.old == "" else "")
        elif line.restorable:
            self.hint.setText(self.tr("Open this plan for editing to restore its values."))
        elif line.removed:
            self.hint.setText(self.tr("This item no longer exists; Undo (Ctrl+Z) can bring "
                                      "back a removal made in this session."))
        else:
            self.hint.setText(self.tr("Only changed words and values can be restored here; "
                                      "additions, removals, moves and imports are undone with "
                                      "Undo (Ctrl+Z)."))
