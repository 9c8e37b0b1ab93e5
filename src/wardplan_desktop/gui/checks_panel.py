"""The live checks panel: what is missing or doubtful in the plan, updated after every edit.

The checks themselves are the core's (``core/checks.py``); this panel lists
them — errors first, each with its severity in words and an icon, not colour
alone — and asks the window to go to a check's place when it is activated
(click, Enter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListView, QStyle, QVBoxLayout, QWidget

from ..core.checks import Check, Location, Severity, run_checks

Index = QModelIndex | QPersistentModelIndex


class ChecksModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.checks: list[Check] = []

    def set_checks(self, checks: list[Check]) -> None:
        self.beginResetModel()
        self.checks = list(checks)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.checks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.checks):
            return None
        check = self.checks[index.row()]
        error = check.severity is Severity.ERROR
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            word = self.tr("Error") if error else self.tr("Check")
            return f"{word}: {check.render(QCoreApplication.translate)}"
        if role == Qt.ItemDataRole.DecorationRole:
            style = QCoreApplication.instance().style()  # type: ignore[union-attr]
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if error \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            return style.standardIcon(icon)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fde2e1" if error else "#fff4d6"))
        if role == Qt.ItemDataRole.UserRole:
            return check.location
        return None


class ChecksPanel(QWidget):
    """The list of checks; ``go_to(location)`` when one is activated."""

    go_to = Signal(Location)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecksModel()
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(False)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        checks = run_checks(plan) if plan is not None else []
        self.model.set_checks(checks)
        errors = sum(c.severity is Severity.ERROR for c in checks)
        if not checks:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(self.tr("{errors} to fix, {warnings} to check.").format(
                errors=errors, warnings=len(checks) - errors))

    def _activated(self, index: QModelIndex) -> None:
        location = index.data(Qt.ItemDataRole.UserRole)
        if location is not None:
            self.go_to.emit(location)
