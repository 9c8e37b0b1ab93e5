"""Thin Qt models over plan data taken from the core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.achievement import evaluate
from ..core.enums import Direction, Period, RowStyle, Status
from ..core.interchange.codec import value_from_entry
from ..core.storage.rows import PlanSummary
from ..core.values import Value

Index = QModelIndex | QPersistentModelIndex
SummaryRole = Qt.ItemDataRole.UserRole + 1


class PlanListModel(QAbstractTableModel):
    """The plans held, one row each."""

    COLUMNS = ("unit", "year", "kind", "revision", "status", "title", "label")
    #: One line naming the plan, for the plan chooser.
    LABEL_COLUMN = 6

    def __init__(self, plans: list[PlanSummary] | None = None) -> None:
        super().__init__()
        self._plans: list[PlanSummary] = list(plans or [])

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()

    def plan_at(self, row: int) -> PlanSummary:
        return self._plans[row]

    def plans(self) -> list[PlanSummary]:
        return list(self._plans)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "unit": self.tr("Unit"), "year": self.tr("Year"), "kind": self.tr("Document"),
            "revision": self.tr("Revision"), "status": self.tr("Status"),
            "title": self.tr("Title"), "label": self.tr("Plan"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SummaryRole:
            return plan
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "unit":
                return f"{plan.unit_name} ({plan.unit})"
            if column == "kind":
                return kind_text(plan.kind)
            if column == "status":
                return self.tr("Final") if plan.status == "final" else self.tr("Draft")
            if column == "label":
                return self.tr("{kind} {year} — {unit} ({code}), revision {revision}").format(
                    kind=kind_text(plan.kind), year=plan.year, unit=plan.unit_name,
                    code=plan.unit, revision=plan.revision)
            return str(getattr(plan, column))
        return None


translate = QCoreApplication.translate


def local_time(stamp: str, pattern: str = "%d/%m/%Y %H:%M") -> str:
    """A stored UTC time stamp as the clerk reads it, in local time ("" stays "")."""
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime(pattern)


def kind_text(kind: str) -> str:
    return {
        "plan": translate("PlanListModel", "Plan"),
        "resolution": translate("PlanListModel", "Council resolution"),
        "emulation": translate("PlanListModel", "Emulation plan"),
    }.get(kind, kind)


def period_text(period: str, year: int) -> str:
    words = {
        Period.TARGET: translate("IndicatorTableModel", "Target {year}"),
        Period.SIX_MONTHS: translate("IndicatorTableModel", "6 months {year}"),
        Period.NINE_MONTHS: translate("IndicatorTableModel", "9 months {year}"),
        Period.ESTIMATE: translate("IndicatorTableModel", "Estimate {year}"),
        Period.FINAL: translate("IndicatorTableModel", "Result {year}"),
    }[Period(period)]
    return words.format(year=year)


def status_text(status: Status) -> str:
    return {
        Status.EXCEEDED: translate("IndicatorTableModel", "Exceeded"),
        Status.ACHIEVED: translate("IndicatorTableModel", "Achieved"),
        Status.NOT_ACHIEVED: translate("IndicatorTableModel", "Not achieved"),
        Status.NOT_COMPARABLE: translate("IndicatorTableModel", "Not comparable"),
    }[status]


_STATUS_COLOURS = {
    Status.EXCEEDED: QColor("#d7f0d8"),
    Status.ACHIEVED: QColor("#e8f5e9"),
    Status.NOT_ACHIEVED: QColor("#fde2e1"),
}
_RESULT_ORDER = (Period.FINAL, Period.ESTIMATE, Period.NINE_MONTHS, Period.SIX_MONTHS)


@dataclass
class _Row:
    depth: int
    is_group: bool
    label: str
    name: str
    unit: str = ""
    row_style: str = RowStyle.ITEM
    direction: str = Direction.HIGHER_BETTER
    note: str = ""
    values: dict[tuple[int, str], Value] | None = None


class IndicatorTableModel(QAbstractTableModel):
    """A plan's indicators as its appendix table shows them, with computed columns.

    Value columns are every (year, period) the plan holds; the last two columns
    compare the result of the assessed year (the latest of final, estimate,
    9 and 6 months) with its target.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._slots: list[tuple[int, str]] = []
        self._assessed_year: int | None = None

    def set_plan(self, plan: dict[str, Any] | None) -> None:
        self.beginResetModel()
        self._rows, self._slots = [], []
        if plan is not None:
            slots: set[tuple[int, str]] = set()

            def walk(nodes: list[dict[str, Any]], depth: int) -> None:
                for n in nodes:
                    values = {(v["year"], v["period"]): value_from_entry(v) for v in n["values"]}
                    slots.update(values)
                    self._rows.append(_Row(depth, False, n["label"] or "", n["name"], n["unit"],
                                           n["row_style"], n["direction"], n["note"], values))
                    walk(n["children"], depth + 1)

            for group in plan["indicator_groups"]:
                self._rows.append(_Row(0, True, group["label"], group["title"]))
                walk(group["indicators"], 1)
            order = {p.value: i for i, p in enumerate(Period)}
            self._slots = sorted(slots, key=lambda s: (s[0], order[s[1]]))
            self._assessed_year = plan["year"] - 1
        self.endResetModel()

    def _fixed(self) -> list[str]:
        return [self.tr("No."), self.tr("Indicator"), self.tr("Unit")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3 + len(self._slots) + 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        n = len(self._slots)
        if 0 <= section < 3:
            return self._fixed()[section]
        if 3 <= section < 3 + n:
            year, period = self._slots[section - 3]
            return period_text(period, year)
        extra = [self.tr("% of plan"), self.tr("Assessment"), self.tr("Note")]
        if 3 + n <= section < 6 + n:
            return extra[section - 3 - n]
        return None

    def _assessment(self, row: _Row) -> tuple[str, Status | None]:
        if row.values is None or self._assessed_year is None:
            return "", None
        year = self._assessed_year
        target = row.values.get((year, Period.TARGET.value))
        if target is None:
            return "", None
        result = next((row.values[(year, p.value)] for p in _RESULT_ORDER
                       if (year, p.value) in row.values), None)
        achievement = evaluate(target, result, Direction(row.direction))
        return achievement.percent_text(), achievement.status

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col, n = index.column(), len(self._slots)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(row.is_group)
            font.setItalic(row.row_style == RowStyle.BREAKDOWN)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == 4 + n:
            status = self._assessment(row)[1]
            colour = _STATUS_COLOURS.get(status) if status else None
            return QBrush(colour) if colour else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return row.label
        if col == 1:
            indent = "    " * max(row.depth - 1, 0)
            prefix = self.tr("Of which: ") if row.row_style == RowStyle.BREAKDOWN else ""
            return indent + prefix + row.name
        if col == 2:
            return row.unit
        if 3 <= col < 3 + n and row.values is not None:
            value = row.values.get(self._slots[col - 3])
            return value.display() if value else ""
        if col == 3 + n:
            return self._assessment(row)[0]
        if col == 4 + n:
            status = self._assessment(row)[1]
            return status_text(status) if status else ""
        if col == 5 + n:
            return row.note
        return None
