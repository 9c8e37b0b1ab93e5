"""Choosing a backup of the data folder and restoring it.

The dialog only lists and confirms: restoring itself is the window's callback
``on_restore(backup_path)``, which closes the window's database, calls
:func:`core.storage.backups.restore` and opens the database again.  The callback
is called only after the clerk confirmed a warning that names what is replaced
(the plans and latest change of the current data, against the backup's).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import WardPlanError
from ..core.storage import backups
from ..core.storage.backups import BackupInfo, Summary
from ..core.storage.database import DB_FILENAME

Index = QModelIndex | QPersistentModelIndex


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else "—"


class BackupModel(QAbstractTableModel):
    """One row per backup, newest first: when, why, what it holds, its size."""

    def __init__(self, infos: list[BackupInfo] | None = None) -> None:
        super().__init__()
        self._rows: list[BackupInfo] = list(infos or [])

    def set_backups(self, infos: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(infos)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Made"), self.tr("Why"), self.tr("Plans held"), self.tr("Size")]
        return titles[section] if 0 <= section < len(titles) else None

    def reason_text(self, reason: str) -> str:
        return {
            "start": self.tr("When the program started"),
            "sync": self.tr("Before receiving files"),
            "migration": self.tr("Before upgrading the database"),
            "restore": self.tr("Before a restore"),
        }.get(reason, reason)

    def summary_text(self, summary: Summary | None) -> str:
        if summary is None:
            return self.tr("Cannot be read")
        years = ", ".join(str(y) for y in summary.years)
        text = self.tr("{plans} plans of {units} units").format(
            plans=summary.plans, units=summary.units)
        return f"{text} ({years})" if years else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return _when(info.when)
        if column == 1:
            return self.reason_text(info.reason)
        if column == 2:
            return self.summary_text(info.summary)
        return QLocale().formattedDataSize(info.size)


class RestoreDialog(QDialog):
    """The data folder's backups; Restore replaces the current data after a warning."""

    def __init__(self, folder: Path, parent: QWidget | None = None, *,
                 on_restore: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.on_restore = on_restore
        self.model = BackupModel()
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.notice.setText(self.tr(
            "Backups are made when the program starts (once a day), before files are "
            "received and before a restore. Restoring replaces all the data of this "
            "folder; the current data is backed up first, so a restore can be undone."))
        self.restore_button.setText(self.tr("&Restore…"))
        self.open_button.setText(self.tr("&Open folder"))
        self.close_button.setText(self.tr("&Close"))
        self.resize(760, 380)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_backups(backups.list_backups(self.folder))
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.summary is not None)
        self.open_button.setEnabled(backups.backups_folder(self.folder).is_dir())

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups.backups_folder(self.folder))))

    def _describe(self, summary: Summary | None) -> str:
        if summary is None:
            return self.tr("data that cannot be read")
        return self.tr("{plans} plans, last changed {when}").format(
            plans=summary.plans, when=_when(summary.latest_change))

    def confirm(self, info: BackupInfo) -> bool:
        """Warn, naming what is replaced by what; True on an explicit Restore."""
        current = backups.summarize(self.folder / DB_FILENAME)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"),
                          self.tr("Replace the current data with the backup made {when}?")
                          .format(when=_when(info.when)), parent=self)
        box.setInformativeText(self.tr(
            "The current data ({current}) will be replaced by the backup ({backup}). "
            "Changes made since the backup are no longer shown, but the current data is "
            "backed up first, so this restore can be undone.").format(
            current=self._describe(current), backup=self._describe(info.summary)))
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.warning = box
        box.exec()
        return box.clickedButton() is yes

    def restore_selected(self) -> bool:
        """Confirm, then hand the chosen backup to the window; True once restored."""
        info = self.selected()
        if info is None or self.on_restore is None or not self.confirm(info):
            return False
        try:
            self.on_restore(info.path)
        except WardPlanError as exc:
            QMessageBox.warning(self, self.tr("Restore a backup"),
                                exc.render(QCoreApplication.translate))
            self.refresh()
            return False
        self.refresh()
        return True
