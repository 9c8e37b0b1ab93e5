"""The indicators of one field, edited in place: names, units, targets and results.

One :class:`IndicatorPanel` per field form.  Its table (:class:`IndicatorEditModel`)
shows the field's indicators of the open plan for year Y as the assessment and
plan tables of a ward plan do: the target, 6 and 9 months and estimate of Y-1,
the target of Y, and the percent of plan and status of Y-1 computed by the core.
Every edit goes through the :class:`~.plan_editor.PlanEditor` (saved at once,
undoable); the window reads the plan back after each change and calls
:meth:`IndicatorPanel.show_plan`, which keeps the clerk's place and never
interrupts what is being typed.

Keys: Enter or F2 edits the current cell, Ctrl+F2 opens the value dialog,
Delete clears the selected values, Ctrl+Delete removes the indicator, Ctrl+Up /
Ctrl+Down move it among its siblings, Insert adds an indicator and Ctrl+Insert a
"Trong đó" row.  Delete empties cells as in a spreadsheet (what a clerk used to
Excel expects); removing a whole row with its sub-rows and values has its own
key, and like every edit it is one Ctrl+Z away, so it asks no confirmation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import catalogue
from ..core.achievement import evaluate
from ..core.documents import layout
from ..core.editing import new_indicator
from ..core.edits import Place
from ..core.enums import Direction, Period, RowStyle, SetBy, Status
from ..core.errors import WardPlanError
from ..core.interchange.codec import value_from_entry
from ..core.values import Value, unreadable
from .models import _STATUS_COLOURS, period_text, status_text
from .plan_editor import PlanEditor
from .value_editor import (
    UNREADABLE_MARK,
    ValueEditorDialog,
    ValueLineEdit,
    describe,
    why_unreadable,
)

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

MIME_TYPE = "application/x-wardplan-indicator-uids"

#: Custom roles: the row's uid, what the row is, its depth, the (year, period) of a
#: value column and the Value shown in it.
UidRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
DepthRole = Qt.ItemDataRole.UserRole + 3
SlotRole = Qt.ItemDataRole.UserRole + 4
ValueRole = Qt.ItemDataRole.UserRole + 5

#: The results of a year, best first, that are compared with its target.
RESULT_ORDER = (Period.FINAL, Period.ESTIMATE, Period.NINE_MONTHS, Period.SIX_MONTHS)
#: The units real plans use, offered when adding an indicator (data, not UI text).
COMMON_UNITS = ("%", "‰", "người", "hộ", "lao động", "trường", "lớp", "học sinh", "đồng",
                "triệu đồng", "tỷ đồng", "ha", "m²", "tấn", "tạ/ha", "con", "khóm",
                "tổ dân phố", "vụ", "đơn", "hồ sơ", "buổi")
_UPPER_BACKGROUND = QColor("#eeeeee")
_UNREADABLE_TEXT = QColor("#9c1c1c")
_INDENT = 14  # pixels per level of a sub-row's name


def _short(name: str, limit: int = 60) -> str:
    """A name short enough for an undo text or a dialog title."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def direction_text(direction: str) -> str:
    return {
        Direction.HIGHER_BETTER: translate("IndicatorEditModel", "Higher is better"),
        Direction.LOWER_BETTER: translate("IndicatorEditModel", "Lower is better"),
        Direction.KEEP: translate("IndicatorEditModel", "Keep a level"),
    }[Direction(direction)]


_upper_icon: QIcon | None = None


def upper_icon() -> QIcon:
    """A small padlock: a target assigned by the upper level, not the ward's to change."""
    global _upper_icon
    if _upper_icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#555555"), 1.4))
        painter.drawArc(QRect(3, 1, 6, 7), 0, 180 * 16)
        painter.drawLine(3, 4, 3, 6)
        painter.drawLine(9, 4, 9, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#555555"))
        painter.drawRect(QRect(1, 6, 10, 6))
        painter.end()
        _upper_icon = QIcon(pixmap)
    return _upper_icon


# --------------------------------------------------------------------------- the model


@dataclass
class _Row:
    kind: str  # "group" or "indicator"
    uid: str
    group_uid: str
    label: str
    name: str
    parent_uid: str | None = None
    depth: int = 0  # 0 for a group and for a table's top indicators, +1 per sub-row level
    unit: str = ""
    direction: str = Direction.HIGHER_BETTER
    set_by: str = SetBy.WARD
    row_style: str = RowStyle.ITEM
    note: str = ""
    position: int = 0  # among its siblings
    siblings: int = 1
    values: dict[tuple[int, str], Value] = dataclass_field(default_factory=dict)

    def key(self) -> tuple[Any, ...]:
        return (self.kind, self.uid, self.parent_uid, self.group_uid, self.depth)

    @property
    def is_indicator(self) -> bool:
        return self.kind == "indicator"

    @property
    def upper(self) -> bool:
        return self.set_by == SetBy.UPPER


def _values(node: dict[str, Any]) -> dict[tuple[int, str], Value]:
    out = {}
    for entry in node.get("values", []):
        try:
            value = value_from_entry(entry)
        except WardPlanError:
            value = unreadable(entry.get("text", ""))
        out[(entry["year"], entry["period"])] = value
    return out


class IndicatorEditModel(QAbstractTableModel):
    """The indicators of one field of a plan for year Y, editable where the ward may edit.

    Rows: each indicator table (group) of the field, then its indicators and their
    sub-rows in order.  Columns: No., indicator, unit, target / 6 months / 9
    months / estimate of Y-1, target of Y, % of plan and status of Y-1 (the
    latest result of Y-1 against its target, computed by the core).  Names,
    units and values are edited through the plan editor; targets assigned by
    the upper level are read-only.  Rows move by drag and drop within their
    parent.
    """

    COL_LABEL, COL_NAME, COL_UNIT = 0, 1, 2
    COL_VALUES = (3, 4, 5, 6, 7)
    COL_PERCENT, COL_STATUS = 8, 9
    COLUMNS = 10
    #: The periods of the value columns, with the year offset from the plan's year.
    SLOTS = ((-1, Period.TARGET), (-1, Period.SIX_MONTHS), (-1, Period.NINE_MONTHS),
             (-1, Period.ESTIMATE), (0, Period.TARGET))

    #: Emitted when set_plan changed which rows there are (after the reset).
    rows_replaced = Signal()

    def __init__(self, editor: PlanEditor, field: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = field
        self.year: int | None = None
        self._rows: list[_Row] = []
        self._groups: list[str] = []

    # ------------------------------------------------------------------ content

    def set_plan(self, plan: dict[str, Any] | None) -> None:
        """Show ``plan`` (its plan-file form); in place when the rows are the same ones."""
        rows, groups = self._rows_of(plan)
        year = plan["year"] if plan is not None else None
        if year == self.year and [r.key() for r in rows] == [r.key() for r in self._rows]:
            old, self._rows, self._groups = self._rows, rows, groups
            changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
            # One signal per run of changed rows: an open editor elsewhere is not touched.
            start = None
            for i in [*changed, None]:
                if start is None:
                    start = end = i
                elif i is not None and i == end + 1:
                    end = i
                else:
                    self.dataChanged.emit(self.index(start, 0),
                                          self.index(end, self.COLUMNS - 1))
                    start = end = i
            return
        self.beginResetModel()
        self._rows, self._groups, self.year = rows, groups, year
        self.endResetModel()
        self.rows_replaced.emit()

    def _rows_of(self, plan: dict[str, Any] | None) -> tuple[list[_Row], list[str]]:
        if plan is None:
            return [], []
        rows: list[_Row] = []
        groups: list[str] = []
        counter = 0  # items are numbered through the whole table, as printed

        def walk(nodes: list[dict[str, Any]], group: dict[str, Any], parent: str | None,
                 depth: int, mine: bool) -> None:
            nonlocal counter
            for position, node in enumerate(nodes):
                style = node.get("row_style", RowStyle.ITEM)
                label, counter = layout.row_label(node, depth, counter)
                if mine:
                    rows.append(_Row(
                        "indicator", node["uid"], group["uid"], label, node["name"], parent,
                        depth, node.get("unit", ""), node.get("direction", "higher_better"),
                        node.get("set_by", SetBy.WARD), style, node.get("note", ""),
                        position, len(nodes), _values(node)))
                walk(node.get("children", []), group, node["uid"], depth + 1, mine)

        for group in plan.get("indicator_groups", []):
            mine = group.get("field") == self.field
            if mine:
                groups.append(group["uid"])
                rows.append(_Row("group", group["uid"], group["uid"], group.get("label", ""),
                                 group.get("title", "")))
            walk(group.get("indicators", []), group, None, 0, mine)
        return rows, groups

    def groups(self) -> list[str]:
        """The uids of the field's indicator tables, in order."""
        return list(self._groups)

    def row_of(self, uid: str) -> int:
        """The row showing ``uid`` (an indicator or a table), or -1."""
        return next((i for i, r in enumerate(self._rows) if r.uid == uid), -1)

    def row_data(self, row: int) -> _Row:
        return self._rows[row]

    def uid_at(self, row: int) -> str:
        return self._rows[row].uid if 0 <= row < len(self._rows) else ""

    def slot(self, column: int) -> tuple[int, str] | None:
        """The (year, period) a value column shows, or None for other columns."""
        if self.year is None or column not in self.COL_VALUES:
            return None
        offset, period = self.SLOTS[column - self.COL_VALUES[0]]
        return self.year + offset, period.value

    def column_of(self, year: int | None, period: str | None) -> int:
        """The column of a value, or -1 when the table does not show it."""
        for column in self.COL_VALUES:
            if self.slot(column) == (year, period):
                return column
        return -1

    def subtree_end(self, row: int) -> int:
        """The row after ``row`` and all its sub-rows."""
        depth = self._rows[row].depth
        end = row + 1
        while end < len(self._rows) and self._rows[end].is_indicator \
                and self._rows[end].depth > depth:
            end += 1
        return end

    # ------------------------------------------------------------------ computed

    def assessment(self, row: _Row) -> tuple[str, Status | None, str]:
        """(percent of plan, status, what was compared) of Y-1, or blanks."""
        if self.year is None or not row.is_indicator:
            return "", None, ""
        year = self.year - 1
        target = row.values.get((year, Period.TARGET.value))
        period = next((p for p in RESULT_ORDER if (year, p.value) in row.values), None)
        if target is None or period is None:
            return "", None, ""
        achievement = evaluate(target, row.values[(year, period.value)], Direction(row.direction))
        what = self.tr("{result} against {target}").format(
            result=period_text(period.value, year), target=period_text(Period.TARGET, year))
        return achievement.percent_text(), achievement.status, what

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section in self.COL_VALUES:
            slot = self.slot(section)
            return period_text(slot[1], slot[0]) if slot is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and section == self.COL_PERCENT:
            return self.tr("The latest result of last year (result, estimate, 9 or 6 months) "
                           "as a percentage of last year's target")
        return {
            self.COL_LABEL: self.tr("No."), self.COL_NAME: self.tr("Indicator"),
            self.COL_UNIT: self.tr("Unit"), self.COL_PERCENT: self.tr("% of plan"),
            self.COL_STATUS: self.tr("Status"),
        }[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        if not row.is_indicator:
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if self.is_editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def is_editable(self, row: int, column: int) -> bool:
        r = self._rows[row]
        if not r.is_indicator:
            return False
        if column in (self.COL_NAME, self.COL_UNIT):
            return True
        slot = self.slot(column)
        return slot is not None and not (r.upper and slot[1] == Period.TARGET)

    def value_at(self, row: int, column: int) -> Value | None:
        slot = self.slot(column)
        return self._rows[row].values.get(slot) if slot is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == UidRole:
            return row.uid
        if role == KindRole:
            return row.kind
        if role == DepthRole:
            return row.depth
        if role == SlotRole:
            return self.slot(col)
        if role == ValueRole:
            return self.value_at(index.row(), col) if row.is_indicator else None
        if not row.is_indicator:
            return self._group_data(row, col, role)
        value = self.value_at(index.row(), col)
        upper_target = row.upper and col in self.COL_VALUES \
            and self.slot(col)[1] == Period.TARGET  # type: ignore[index]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, value)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.COL_NAME:
                return row.name
            if col == self.COL_UNIT:
                return row.unit
            if col in self.COL_VALUES:
                return value.text if value is not None else ""
            return self._display(row, col, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col, value, upper_target)
        if role == Qt.ItemDataRole.FontRole:
            if row.row_style == RowStyle.BREAKDOWN:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (*self.COL_VALUES, self.COL_PERCENT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col in (self.COL_LABEL, self.COL_UNIT, self.COL_STATUS):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == self.COL_STATUS:
                status = self.assessment(row)[1]
                colour = _STATUS_COLOURS.get(status) if status else None
                return QBrush(colour) if colour else None
            if upper_target:
                return QBrush(_UPPER_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if value is not None and value.kind == "unreadable":
                return QBrush(_UNREADABLE_TEXT)
            return None
        if role == Qt.ItemDataRole.DecorationRole and upper_target:
            return upper_icon()
        return None

    def _group_data(self, row: _Row, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.EditRole):
            return {self.COL_LABEL: row.label, self.COL_NAME: row.name}.get(col, "")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_LABEL:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: _Row, col: int, value: Value | None) -> str:
        if col == self.COL_LABEL:
            return row.label
        if col == self.COL_NAME:
            prefix = self.tr("Of which: ") if row.row_style == RowStyle.BREAKDOWN else ""
            return prefix + row.name
        if col == self.COL_UNIT:
            return row.unit
        if col in self.COL_VALUES:
            if value is None:
                return ""
            words = value.display()
            return UNREADABLE_MARK + words if value.kind == "unreadable" else words
        if col == self.COL_PERCENT:
            return self.assessment(row)[0]
        if col == self.COL_STATUS:
            status = self.assessment(row)[1]
            return status_text(status) if status else ""
        return ""

    def _tooltip(self, row: _Row, col: int, value: Value | None, upper_target: bool) -> str:
        lines: list[str] = []
        if col == self.COL_NAME:
            lines.append(self._display(row, col, value))
            lines.append(self.tr("Direction: {direction}").format(
                direction=direction_text(row.direction)))
            if row.upper:
                lines.append(self.tr("Assigned by the upper level."))
            if row.note:
                lines.append(self.tr("Note: {note}").format(note=row.note))
        elif col in self.COL_VALUES:
            if value is not None:
                reason = why_unreadable(value.text) if value.kind == "unreadable" else ""
                lines.append(describe(value, reason))
            if upper_target:
                lines.append(self.tr("Target assigned by the upper level: the ward cannot "
                                     "change it."))
        elif col in (self.COL_PERCENT, self.COL_STATUS):
            percent, status, what = self.assessment(row)
            if status is not None:
                lines.append(" · ".join(x for x in (percent, status_text(status)) if x))
                lines.append(what)
        else:
            return self._display(row, col, value)
        return "\n".join(lines)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edit through the plan editor (the view is refreshed by show_plan)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not self.is_editable(index.row(), index.column()):
            return False
        row, col = self._rows[index.row()], index.column()
        editor = self.editor
        if col in (self.COL_NAME, self.COL_UNIT):
            name = "name" if col == self.COL_NAME else "unit"
            text = str(value or "")
            if text == getattr(row, name):
                return True
            what = self.tr("the name of “{indicator}”") if name == "name" \
                else self.tr("the unit of “{indicator}”")
            return editor.set_field("indicator", row.uid, name, text,
                                    what.format(indicator=_short(row.name)))
        year, period = self.slot(col)  # type: ignore[misc]
        old = row.values.get((year, period))
        if isinstance(value, str) and old is not None and value == old.text:
            return True  # the same words (and meaning): no empty undo step
        if old is None and (value is None or isinstance(value, str) and not value.strip()):
            return True
        if isinstance(value, Value) and old is not None and value == old \
                and value.text == old.text:
            return True
        return editor.set_value(row.uid, year, period, value if value != "" else None,
                                _short(row.name))

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802
        uids: list[str] = []
        for index in indexes:
            if index.isValid() and self._rows[index.row()].is_indicator:
                uid = self._rows[index.row()].uid
                if uid not in uids:
                    uids.append(uid)
        if not uids:
            return None
        data = QMimeData()
        data.setData(MIME_TYPE, json.dumps(uids).encode("utf-8"))
        return data

    def _dropped_uid(self, data: QMimeData | None) -> str | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            uids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        # One row moves at a time: several could have different parents.
        if not isinstance(uids, list) or len(uids) != 1 or not isinstance(uids[0], str):
            return None
        return uids[0]

    def drop_place(self, uid: str, row: int, parent: Index) -> Place | None:
        """Where a row dropped before ``row`` (or on ``parent``) goes, within its parent.

        None when the drop is not before one of its siblings (or after the last one)
        or changes nothing.
        """
        moving = self.row_of(uid)
        if moving < 0 or not self._rows[moving].is_indicator:
            return None
        r = self._rows[moving]
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._rows))
        siblings = [i for i, x in enumerate(self._rows) if x.is_indicator
                    and x.parent_uid == r.parent_uid and x.group_uid == r.group_uid]
        first, end = siblings[0], self.subtree_end(siblings[-1])
        if r.parent_uid is None and target == first - 1:
            target = first  # dropped on the table's own row: to the top of the table
        # Before a sibling, or after the last one's sub-rows; never among another's sub-rows.
        if target not in siblings and target != end:
            return None
        position = sum(1 for i in siblings if i != moving and i < target)
        if position == r.position:
            return None
        return Place(r.parent_uid, position, r.group_uid)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        uid = self._dropped_uid(data)
        return uid is not None and self.drop_place(uid, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        uid = self._dropped_uid(data)
        assert uid is not None
        place = self.drop_place(uid, row, parent)
        assert place is not None
        name = self._rows[self.row_of(uid)].name
        return self.editor.move("indicator", uid, place, _short(name))


# --------------------------------------------------------------------------- the delegate


class IndicatorDelegate(QStyledItemDelegate):
    """Editors for the table: a :class:`ValueLineEdit` for values, a line for words.

    An editor is filled once, when it opens: a refresh of the table while the
    clerk types (another field saved, an undo elsewhere) never replaces the typing.
    Words whose save was refused (a wrong value, a full disk, a database held by
    another program) are not lost: the cell opens again with them, to be corrected
    or tried again (Esc gives them up).
    """

    #: The clerk asked for the value dialog from an open cell editor:
    #: (the indicator's uid, the column, the words typed so far).
    dialog_requested = Signal(str, int, str)

    _LOADED = "wardplan_loaded"

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        #: Words whose save was refused, by (indicator uid, column), until the cell
        #: opens again with them.
        self._refused: dict[tuple[str, int], str] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        if index.data(SlotRole) is None:
            editor = super().createEditor(parent, option, index)
            return editor
        editor = ValueLineEdit(parent)
        uid, column = str(index.data(UidRole)), index.column()

        def to_dialog() -> None:
            text = editor.text()
            # Close without storing: the dialog shows the typed words and OK stores them.
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.dialog_requested.emit(uid, column, text)

        editor.dialog_requested.connect(to_dialog)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if editor.property(self._LOADED):
            return
        editor.setProperty(self._LOADED, True)
        if isinstance(editor, QLineEdit):
            refused = self._refused.pop((str(index.data(UidRole)), index.column()), None)
            editor.setText(refused if refused is not None
                           else str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, ValueLineEdit):
            words = editor.text()
            if not model.setData(index, editor.result(), Qt.ItemDataRole.EditRole):
                self._open_again(str(index.data(UidRole)), index.column(), words)
            return
        super().setModelData(editor, model, index)

    def _open_again(self, uid: str, column: int, words: str) -> None:
        """Open the cell again with the words whose save was refused, once the editor
        that held them has closed."""
        self._refused[(uid, column)] = words

        def reopen() -> None:
            model = self._view.model()
            row = model.row_of(uid) if isinstance(model, IndicatorEditModel) else -1
            if row < 0 or (uid, column) not in self._refused:
                self._refused.pop((uid, column), None)  # the row is gone (an undo)
                return
            index = model.index(row, column)
            self._view.setCurrentIndex(index)
            self._view.edit(index)

        QTimer.singleShot(0, reopen)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        # Wider than a narrow cell, so the words being typed can be seen; one line high
        # at the top of a tall row (the live line goes under it).
        rect = QRect(option.rect)
        if not isinstance(editor, ValueLineEdit):
            editor.setGeometry(rect)  # a name or unit: the cell itself
            return
        room = editor.parentWidget().width() if editor.parentWidget() else rect.width()
        width = min(max(rect.width(), 200), max(room, 1))
        x = max(0, min(rect.x(), room - width))
        editor.setGeometry(QRect(x, rect.y(), width, editor.sizeHint().height()))

    def destroyEditor(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, ValueLineEdit):
            editor.dispose()
        super().destroyEditor(editor, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == IndicatorEditModel.COL_NAME:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        depth = index.data(DepthRole) or 0
        if index.column() == IndicatorEditModel.COL_NAME and depth:
            # Sub-rows are indented as a block, so wrapped lines stay indented too.
            option = QStyleOptionViewItem(option)
            option.rect.adjust(_INDENT * depth, 0, 0, 0)
        super().paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        depth = index.data(DepthRole) or 0
        if index.column() == IndicatorEditModel.COL_NAME and depth:
            option = QStyleOptionViewItem(option)
            option.rect.adjust(_INDENT * depth, 0, 0, 0)
        size = super().sizeHint(option, index)
        if index.column() == IndicatorEditModel.COL_NAME:
            size.setWidth(size.width() + _INDENT * depth)
        return size


# --------------------------------------------------------------------------- the view


class IndicatorView(QTableView):
    """The table; Enter edits the current cell (F2 and typing do too).

    The indicator column takes the width the others leave, down to
    :data:`MIN_NAME_WIDTH`; below that the table scrolls sideways.
    """

    MIN_NAME_WIDTH = 180

    def fit_name_column(self) -> None:
        model = self.model()
        if model is None:
            return
        name = IndicatorEditModel.COL_NAME
        others = sum(self.columnWidth(c) for c in range(model.columnCount())
                     if c != name and not self.isColumnHidden(c))
        width = max(self.MIN_NAME_WIDTH, self.viewport().width() - others)
        if width != self.columnWidth(name):
            self.setColumnWidth(name, width)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_name_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier) \
                and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                event.accept()
                return
        super().keyPressEvent(event)


# --------------------------------------------------------------------------- adding


class AddIndicatorDialog(QDialog):
    """Pick an indicator from the catalogue, or write your own name, unit and direction.

    The catalogue (``core/catalogue.py``: built-in entries and the user's own)
    is searched as the clerk types, in the field of the form unless "every
    field" is ticked; picking an entry fills the fields below, which stay
    editable.  :meth:`indicator` is the new indicator in plan-file form.
    """

    def __init__(self, editor: PlanEditor, field: str, under: str = "",
                 breakdown: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.field, self.breakdown, self.under_name = editor, field, breakdown, under
        self._entry: catalogue.Entry | None = None

        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.every_field = QCheckBox(self)
        self.results = QListWidget(self)
        self.results.setMinimumHeight(160)
        self.results.setWordWrap(True)
        self.own_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(["", *COMMON_UNITS])
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.direction_combo = QComboBox(self)
        for d in Direction:
            self.direction_combo.addItem("", d.value)
        self.under_check = QCheckBox(self)
        self.under_check.setVisible(bool(under) and not breakdown)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.name_label, self.unit_label, self.direction_label = (QLabel(self) for _ in range(3))
        self.name_label.setBuddy(self.name_edit)
        self.unit_label.setBuddy(self.unit_combo)
        self.direction_label.setBuddy(self.direction_combo)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.unit_label, self.unit_combo)
        self.form.addRow(self.direction_label, self.direction_combo)
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.every_field)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.own_label)
        layout.addLayout(self.form)
        layout.addWidget(self.under_check)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self.search)
        self.every_field.toggled.connect(self.search)
        self.results.currentItemChanged.connect(self._picked)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.name_edit.textChanged.connect(self._update_ok)
        self.resize(620, 520)
        self.retranslate_ui()
        self._update_ok()
        self.search()
        self.search_edit.setFocus()

    def retranslate_ui(self) -> None:
        if self.breakdown:
            self.setWindowTitle(self.tr("Add a “Trong đó” row under “{name}”").format(
                name=_short(self.under_name)))
        else:
            self.setWindowTitle(self.tr("Add an indicator"))
        self.search_label.setText(self.tr("&Search the catalogue:"))
        self.search_edit.setPlaceholderText(self.tr("words of the name, with or without "
                                                    "accents, or a code"))
        self.every_field.setText(self.tr("Every &field"))
        self.own_label.setText(self.tr("The indicator (pick one above, or write your own):"))
        self.name_label.setText(self.tr("&Name:"))
        self.unit_label.setText(self.tr("&Unit:"))
        self.direction_label.setText(self.tr("&Direction:"))
        for i, d in enumerate(Direction):
            self.direction_combo.setItemText(i, direction_text(d))
        self.under_check.setText(self.tr("As a “-” sub-row under “{name}”").format(
            name=_short(self.under_name)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def search(self) -> None:
        """List the catalogue entries matching the search words."""
        self.results.clear()
        try:
            entries = catalogue.search(self.editor.db, self.search_edit.text(),
                                       None if self.every_field.isChecked() else self.field)
        except WardPlanError as exc:
            item = QListWidgetItem(exc.render(translate))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
            return
        for entry in entries:
            text = f"{entry.name} ({entry.unit})" if entry.unit else entry.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            tip = [text, direction_text(entry.direction)]
            if entry.catalogue_code:
                tip.append(self.tr("Code: {code}").format(code=entry.catalogue_code))
            if entry.reference:
                tip.append(entry.reference)
            if entry.own:
                tip.append(self.tr("Added by you"))
            item.setToolTip("\n".join(tip))
            self.results.addItem(item)
        if not entries:
            item = QListWidgetItem(self.tr("Nothing in the catalogue matches; write the "
                                           "indicator below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _picked(self, item: QListWidgetItem | None) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(entry, catalogue.Entry):
            return
        self._entry = entry
        self.name_edit.setText(entry.name)
        self.unit_combo.setEditText(entry.unit)
        self.direction_combo.setCurrentIndex(list(Direction).index(Direction(entry.direction)))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name_edit.text().strip()))

    def under(self) -> bool:
        """Whether the new indicator goes under the selected one as a "-" row."""
        return not self.breakdown and bool(self.under_name) and self.under_check.isChecked()

    def indicator(self) -> dict[str, Any]:
        name = " ".join(self.name_edit.text().split())
        unit = " ".join(self.unit_combo.currentText().split())
        entry = self._entry
        code = entry.catalogue_code if entry is not None and entry.name == name \
            and entry.unit == unit else None
        style = RowStyle.BREAKDOWN if self.breakdown else (
            RowStyle.SUB_ITEM if self.under() else RowStyle.ITEM)
        return new_indicator(name, unit, self.direction_combo.currentData(), code, style.value)


# --------------------------------------------------------------------------- the panel


class IndicatorPanel(QWidget):
    """The indicators of one field: the table and what can be done to its rows."""

    #: The current indicator changed ("" when none).
    current_changed = Signal(str)

    def __init__(self, editor: PlanEditor, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = field
        self._pending_uid = ""  # an indicator just added, to select once it is shown
        self._saved: tuple[str, int, list[tuple[str, int]], int] | None = None
        self._resized_by_hand: set[int] = set()  # value columns the clerk sized
        self._sizing = False

        self.model = IndicatorEditModel(editor, field, self)
        self.view = IndicatorView(self)
        self.view.setModel(self.model)
        self.delegate = IndicatorDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(30)
        header.setHighlightSections(False)
        # Period headers wrap onto two lines ("TH 6 tháng / 2023") in narrow columns.
        header.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 2 + 8)
        self._size_columns()
        header.sectionResized.connect(self._section_resized)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.setFocusProxy(self.view)

        def action(shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                   slot: Any) -> QAction:
            a = QAction(self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.add_action = action("Ins", self.add_indicator)
        self.add_breakdown_action = action("Ctrl+Ins", self.add_breakdown)
        self.edit_value_action = action("Ctrl+F2", lambda: self.edit_value())
        self.clear_action = action("Del", self.clear_selected_values)
        self.move_up_action = action("Ctrl+Up", lambda: self.move_current(-1))
        self.move_down_action = action("Ctrl+Down", lambda: self.move_current(1))
        self.remove_action = action("Ctrl+Del", self.remove_current)

        self.buttons: list[QToolButton] = []
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for a in (self.add_action, self.add_breakdown_action, self.edit_value_action,
                  self.move_up_action, self.move_down_action, self.remove_action):
            button = QToolButton(self)
            button.setDefaultAction(a)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
            self.buttons.append(button)
        bar.addStretch(1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(False)
        bar.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        # The table first, then the buttons left to right.
        previous: QWidget = self.view
        for button in self.buttons:
            QWidget.setTabOrder(previous, button)
            previous = button

        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.rows_replaced.connect(self._restore)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.delegate.dialog_requested.connect(self._dialog_from_editor)
        self.retranslate_ui()
        self._update_actions()

    def retranslate_ui(self) -> None:
        self.add_action.setText(self.tr("Add indicator…"))
        self.add_action.setToolTip(self.tr("Add an indicator from the catalogue or your own "
                                           "(Insert)"))
        self.add_breakdown_action.setText(self.tr("Add “Trong đó” row…"))
        self.add_breakdown_action.setToolTip(self.tr("Add a “Trong đó” (of which) row under "
                                                     "the selected indicator (Ctrl+Insert)"))
        self.edit_value_action.setText(self.tr("Edit value…"))
        self.edit_value_action.setToolTip(self.tr("Edit the selected value in parts: kind, "
                                                  "numbers, unit (Ctrl+F2)"))
        self.clear_action.setText(self.tr("Clear value"))
        self.clear_action.setToolTip(self.tr("Empty the selected value cells (Delete)"))
        self.move_up_action.setText(self.tr("Move up"))
        self.move_up_action.setToolTip(self.tr("Move the indicator up among its rows "
                                               "(Ctrl+Up)"))
        self.move_down_action.setText(self.tr("Move down"))
        self.move_down_action.setToolTip(self.tr("Move the indicator down among its rows "
                                                 "(Ctrl+Down)"))
        self.remove_action.setText(self.tr("Remove"))
        self.remove_action.setToolTip(self.tr("Remove the indicator with its sub-rows and "
                                              "values; Ctrl+Z brings it back (Ctrl+Delete)"))
        self.view.setAccessibleName(self.tr("Indicators"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          IndicatorEditModel.COLUMNS - 1)
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _size_columns(self) -> None:
        """Widths that fit a 1366-pixel screen beside a navigation list: the name stretches."""
        fm = self.view.fontMetrics()
        pad = 10
        widths = {
            IndicatorEditModel.COL_LABEL: fm.horizontalAdvance("STT") + pad,
            IndicatorEditModel.COL_UNIT: fm.horizontalAdvance("học sinh") + pad,
            IndicatorEditModel.COL_PERCENT: fm.horizontalAdvance("268,43%") + pad,
            IndicatorEditModel.COL_STATUS: fm.horizontalAdvance("Không đạt") + 2 * pad,
        }
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
        self._size_value_columns()

    def _size_value_columns(self) -> None:
        """Each value column as wide as its longest word, or half its longest words (so
        "giảm 03 hộ nghèo so với năm 2022" takes two or three lines, not five), within
        bounds: a budget in đồng ("10.945.000.000đ") fits, an empty column stays narrow."""
        fm = self.view.fontMetrics()
        pad = 12
        low = fm.horizontalAdvance("TH 9 tháng") + pad
        high = fm.horizontalAdvance("10.945.000.000đ") + pad
        header = self.view.horizontalHeader()
        for column in IndicatorEditModel.COL_VALUES:
            if column in self._resized_by_hand:
                continue
            longest = 0
            for row in range(self.model.rowCount()):
                text = str(self.model.index(row, column).data() or "")
                longest = max([longest, fm.horizontalAdvance(text) // 2,
                               *(fm.horizontalAdvance(w) for w in text.split())])
            width = max(low, min(high, longest + pad))
            if width != self.view.columnWidth(column):
                self._sizing = True
                try:
                    header.resizeSection(column, width)
                finally:
                    self._sizing = False

    def _header_menu(self, pos: Any) -> None:
        """Hide or show columns: on a small screen the clerk may drop those not in use."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in range(IndicatorEditModel.COLUMNS):
            if column in (IndicatorEditModel.COL_LABEL, IndicatorEditModel.COL_NAME):
                continue
            a = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            a.setCheckable(True)
            a.setChecked(not self.view.isColumnHidden(column))
            a.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def show_column(self, column: int, shown: bool = True) -> None:
        self.view.setColumnHidden(column, not shown)
        self.view.fit_name_column()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == IndicatorEditModel.COL_NAME:
            return
        if not self._sizing and column in IndicatorEditModel.COL_VALUES:
            self._resized_by_hand.add(column)
        self.view.fit_name_column()

    # ------------------------------------------------------------------ showing

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        """Show the plan (its plan-file form, or an export with a "plan" key) as it now is."""
        if plan is not None and "indicator_groups" not in plan and "plan" in plan:
            plan = plan["plan"]
        self.model.set_plan(plan)
        self._size_value_columns()
        if self._pending_uid and self.model.row_of(self._pending_uid) >= 0:
            self.select_indicator(self._pending_uid)
            self._pending_uid = ""
        self._update_actions()

    def _remember(self) -> None:
        current = self.view.currentIndex()
        selected = [(self.model.uid_at(i.row()), i.column())
                    for i in self.view.selectionModel().selectedIndexes()]
        self._saved = (self.model.uid_at(current.row()) if current.isValid() else "",
                       current.column() if current.isValid() else -1, selected,
                       current.row() if current.isValid() else -1)

    def _restore(self) -> None:
        """After the rows changed: the spans of the table rows, the clerk's place by uid."""
        self.view.clearSpans()
        for row in range(self.model.rowCount()):
            if not self.model.row_data(row).is_indicator:
                self.view.setSpan(row, IndicatorEditModel.COL_NAME, 1,
                                  IndicatorEditModel.COLUMNS - IndicatorEditModel.COL_NAME)
        saved, self._saved = self._saved, None
        if saved is None or self.model.rowCount() == 0:
            return
        uid, column, selected, old_row = saved
        selection = QItemSelection()
        for sel_uid, sel_column in selected:
            r = self.model.row_of(sel_uid)
            if r >= 0:
                index = self.model.index(r, sel_column)
                selection.select(index, index)
        model_selection = self.view.selectionModel()
        model_selection.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        row = self.model.row_of(uid) if uid else -1
        if row < 0 and old_row >= 0:
            row = min(old_row, self.model.rowCount() - 1)
        if row >= 0:
            index = self.model.index(row, max(column, 0))
            flag = QItemSelectionModel.SelectionFlag.NoUpdate if selection.indexes() \
                else QItemSelectionModel.SelectionFlag.ClearAndSelect
            model_selection.setCurrentIndex(index, flag)
            self.view.scrollTo(index)

    def select_indicator(self, uid: str, year: int | None = None,
                         period: str | None = None) -> bool:
        """Make an indicator (and its value of ``year``/``period``, if shown) current."""
        row = self.model.row_of(uid)
        if row < 0 or not self.model.row_data(row).is_indicator:
            return False
        column = self.model.column_of(year, period) if year is not None else -1
        index = self.model.index(row, column if column >= 0 else IndicatorEditModel.COL_NAME)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def current_indicator(self) -> str:
        """The uid of the indicator of the current row ("" when none)."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.model.row_data(index.row()).is_indicator:
            return ""
        return self.model.uid_at(index.row())

    def _current_changed(self, *_: Any) -> None:
        self._update_actions()
        self.current_changed.emit(self.current_indicator())

    def _update_actions(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_data(index.row()) if index.isValid() else None
        is_indicator = row is not None and row.is_indicator
        self.add_action.setEnabled(bool(self.model.groups()))
        self.add_breakdown_action.setEnabled(is_indicator)
        self.remove_action.setEnabled(is_indicator)
        self.move_up_action.setEnabled(is_indicator and row.position > 0)  # type: ignore[union-attr]
        self.move_down_action.setEnabled(
            is_indicator and row.position < row.siblings - 1)  # type: ignore[union-attr]
        self.edit_value_action.setEnabled(
            index.isValid() and index.column() in IndicatorEditModel.COL_VALUES
            and self.model.is_editable(index.row(), index.column()))
        self.clear_action.setEnabled(bool(self._clearable()))
        if not self.model.groups() and self.model.year is not None:
            self.hint.setText(self.tr("This plan has no indicator table for this field."))
        else:
            self.hint.setText("")

    def _editing(self) -> bool:
        return self.view.state() == QAbstractItemView.State.EditingState

    # ------------------------------------------------------------------ actions

    def _context_menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and index != self.view.currentIndex():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for a in (self.edit_value_action, self.clear_action, None, self.add_action,
                  self.add_breakdown_action, None, self.move_up_action, self.move_down_action,
                  None, self.remove_action):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _place_for_new(self) -> Place | None:
        """After the current row's top indicator, or at the end of the (current) table."""
        index = self.view.currentIndex()
        groups = self.model.groups()
        if not groups:
            return None
        if index.isValid():
            row = index.row()
            while self.model.row_data(row).is_indicator and self.model.row_data(row).depth > 0:
                row -= 1
            r = self.model.row_data(row)
            if r.is_indicator:
                return Place(None, r.position + 1, r.group_uid)
            return Place(None, 1 << 30, r.uid)  # a table row: at its end
        return Place(None, 1 << 30, groups[-1])

    def add_indicator(self) -> AddIndicatorDialog | None:
        """Open the dialog to add an indicator; it is added when the dialog is accepted."""
        if self._editing() or not self.model.groups():
            return None
        uid = self.current_indicator()
        under = self.model.row_data(self.model.row_of(uid)).name if uid else ""
        dialog = AddIndicatorDialog(self.editor, self.field, under, False, self)
        dialog.accepted.connect(lambda: self._add_from(dialog, uid))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def add_breakdown(self) -> AddIndicatorDialog | None:
        """Open the dialog to add a "Trong đó" row under the current indicator."""
        uid = self.current_indicator()
        if self._editing() or not uid:
            return None
        r = self.model.row_data(self.model.row_of(uid))
        dialog = AddIndicatorDialog(self.editor, self.field, r.name, True, self)
        dialog.unit_combo.setEditText(r.unit)
        dialog.direction_combo.setCurrentIndex(list(Direction).index(Direction(r.direction)))
        dialog.accepted.connect(lambda: self._add_from(dialog, uid))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _add_from(self, dialog: AddIndicatorDialog, current: str) -> None:
        data = dialog.indicator()
        under = current if (dialog.breakdown or dialog.under()) else None
        self.insert_indicator(data, under)

    def insert_indicator(self, data: dict[str, Any], under: str | None = None) -> str:
        """Add an indicator (plan-file form): under ``under`` at the end of its sub-rows,
        else after the current top-level row.  Returns its uid ("" when refused)."""
        if under:
            place = Place(under, 1 << 30)
        else:
            place = self._place_for_new()  # type: ignore[assignment]
            if place is None:
                return ""
        self._pending_uid = ""
        uid = self.editor.insert("indicator", data, place, _short(data.get("name", "")))
        if uid and not self.select_indicator(uid):
            self._pending_uid = uid  # the window shows it later: select it then
        return uid

    def remove_current(self) -> bool:
        uid = self.current_indicator()
        if self._editing() or not uid:
            return False
        name = self.model.row_data(self.model.row_of(uid)).name
        return self.editor.remove("indicator", uid, _short(name))

    def move_current(self, step: int) -> bool:
        """Move the current indicator ``step`` places among its siblings."""
        uid = self.current_indicator()
        if self._editing() or not uid:
            return False
        r = self.model.row_data(self.model.row_of(uid))
        position = r.position + step
        if not 0 <= position < r.siblings:
            return False
        return self.editor.move("indicator", uid, Place(r.parent_uid, position, r.group_uid),
                                _short(r.name))

    def _dialog_from_editor(self, uid: str, column: int, text: str) -> None:
        def open_dialog() -> None:
            row = self.model.row_of(uid)
            if row >= 0:
                self.edit_value(self.model.index(row, column), text)
        QTimer.singleShot(0, open_dialog)  # once the cell editor has closed

    def _clearable(self) -> list[QModelIndex]:
        return [i for i in self.view.selectionModel().selectedIndexes()
                if i.column() in IndicatorEditModel.COL_VALUES
                and self.model.is_editable(i.row(), i.column())
                and self.model.value_at(i.row(), i.column()) is not None]

    def clear_selected_values(self) -> int:
        """Empty the selected value cells, as one undo step; returns how many."""
        if self._editing():
            return 0
        cells = [(self.model.uid_at(i.row()), self.model.slot(i.column()),
                  self.model.row_data(i.row()).name) for i in self._clearable()]
        if not cells:
            return 0
        stack = self.editor.stack
        if len(cells) > 1:
            stack.beginMacro(self.tr("Clear {count} values").format(count=len(cells)))
        try:
            for uid, (year, period), name in cells:  # type: ignore[misc]
                self.editor.set_value(uid, year, period, None, _short(name))
        finally:
            if len(cells) > 1:
                stack.endMacro()
        return len(cells)

    def edit_value(self, index: QModelIndex | None = None,
                   text: str | None = None) -> ValueEditorDialog | None:
        """Open the value dialog for a value cell (the current one unless told)."""
        index = index if index is not None else self.view.currentIndex()
        if not index.isValid() or index.column() not in IndicatorEditModel.COL_VALUES \
                or not self.model.is_editable(index.row(), index.column()):
            return None
        if self._editing() and text is None:
            return None
        row = self.model.row_data(index.row())
        value = self.model.value_at(index.row(), index.column())
        stored = value.text if value is not None else ""
        year, period = self.model.slot(index.column())  # type: ignore[misc]
        what = f"{row.name} — {period_text(period, year)}"
        dialog = ValueEditorDialog(stored if text is None else text,
                                   value if text is None or text == stored else None,
                                   row.unit, what, self)
        uid, column = row.uid, index.column()

        def store() -> None:
            r = self.model.row_of(uid)  # found again: the rows may have changed meanwhile
            if r >= 0:
                self.model.setData(self.model.index(r, column), dialog.value())

        dialog.accepted.connect(store)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
