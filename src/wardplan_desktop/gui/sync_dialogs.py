"""Sending the plan up and receiving wards' files, from the main window.

Receiving always shows first what would happen to each file (the core's
preview, which writes nothing), including the moment an empty data folder
would become an upper level; only the officer's confirmation imports.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from ..core.sync.exchange import MSG_KEY_CHANGED, Outcome

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class OutcomeModel(QAbstractTableModel):
    """One row per received file: the file, the unit, the revision, what happens."""

    def __init__(self, outcomes: list[Outcome] | None = None) -> None:
        super().__init__()
        self._rows: list[Outcome] = list(outcomes or [])

    def set_outcomes(self, outcomes: list[Outcome]) -> None:
        self.beginResetModel()
        self._rows = list(outcomes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("File"), self.tr("Unit"), self.tr("Revision"), self.tr("Result")]
        return titles[section] if 0 <= section < len(titles) else None

    def outcome_at(self, row: int) -> Outcome | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def status_text(self, out: Outcome, whole: bool = False) -> str:
        """The result column's text; the file named by its name alone (the first column
        has it), unless ``whole`` (the tool tip), with its folder."""
        if out.status == "refused" or out.status == "unchanged":
            message = out.message
            assert message is not None
            if not whole and isinstance(message.params.get("path"), str):
                message = type(message)(message.template, **{
                    **message.params, "path": file_name(message.params["path"])})
            return message.render(QCoreApplication.translate)
        text = self.tr("Will be imported")
        if out.previous_revision:
            text += " " + self.tr("(replaces revision {revision})").format(
                revision=out.previous_revision)
        if out.new_unit:
            text += " " + self.tr("— a unit not registered before")
        if out.repinned:
            text += " " + self.tr("— WITH A NEW KEY")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        out = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3:
            colour = "#ffd8a8" if out.repinned else {"refused": "#fde2e1",
                                                       "imported": "#e8f5e9"}.get(out.status)
            return QBrush(QColor(colour)) if colour else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return file_name(out.label)
        if column == 1:
            if out.code:
                return f"{out.name} ({out.code})"
            return str(key_change(out) or "")
        if column == 2:
            return str(out.revision) if out.revision else ""
        return self.status_text(out, whole=role == Qt.ItemDataRole.ToolTipRole)


def file_name(label: str) -> str:
    return label.replace("\\", "/").rsplit("/", 1)[-1]


def key_change(out: Outcome) -> str | None:
    """The unit code of a file refused because it is signed with a new key, else None."""
    if out.status == "refused" and out.message is not None \
            and out.message.template == MSG_KEY_CHANGED:
        return str(out.message.params["code"])
    return None


class ReceiveDialog(QDialog):
    """What the chosen files would do; Import applies exactly that.

    A file refused because its unit's key changed can be let in only by an
    explicit confirmation per unit, after a warning naming both keys; the
    preview then shows the file as imported WITH A NEW KEY, and the core records
    the change in the audit log when it is applied.
    """

    #: {unit code: fingerprint} of the new keys the officer has confirmed.
    repin_changed = Signal(object)

    def __init__(self, outcomes: list[Outcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repin: dict[str, str] = {}
        self.model = OutcomeModel(outcomes)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(self._update_repin_button)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped result, at the width the window gives it: once
        # the result column has settled (measuring thousands of rows takes a while).
        self._fit_rows = QTimer(self, singleShot=True, interval=150)
        self._fit_rows.timeout.connect(self.view.resizeRowsToContents)
        self.view.horizontalHeader().sectionResized.connect(
            lambda column, *_: column == 3 and self._fit_rows.start())
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.accept_new = QCheckBox(self)
        self.repin_button = QPushButton(self)
        self.repin_button.clicked.connect(self.confirm_new_key)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.view)
        layout.addWidget(self.accept_new)
        layout.addWidget(self.repin_button)
        layout.addWidget(buttons)
        self.resize(1000, 420)
        self.show_outcomes(outcomes)

    def show_outcomes(self, outcomes: list[Outcome]) -> None:
        self.model.set_outcomes(outcomes)
        self.view.resizeColumnsToContents()
        self.view.resizeRowsToContents()
        self._fit_rows.stop()  # done just now
        upper = next((o.becomes_upper for o in outcomes if o.becomes_upper), None)
        importing = sum(o.status == "imported" for o in outcomes)
        self.setWindowTitle(self.tr("Receive files"))
        self.import_button.setText(self.tr("&Import {count} files").format(count=importing))
        self.import_button.setEnabled(importing > 0)
        self.cancel_button.setText(self.tr("&Cancel"))
        self.accept_new.setText(self.tr("Accept units not registered yet (their keys are "
                                        "recorded)"))
        self.repin_button.setText(self.tr("Accept the &new key of the selected unit…"))
        self._update_repin_button()
        text = self.tr("Nothing is changed until you press Import.")
        if upper:
            text = self.tr("This data folder holds nothing yet. Importing makes it the data "
                           "folder of the upper level {name} ({code}).").format(**upper) + " " \
                + text
        self.notice.setText(text)

    def _selected(self) -> Outcome | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.outcome_at(rows[0].row()) if rows else None

    def _update_repin_button(self, *_args: object) -> None:
        out = self._selected()
        self.repin_button.setEnabled(out is not None and key_change(out) is not None)

    def confirm_new_key(self) -> bool:
        """Warn, naming both keys; on an explicit Yes, let the unit's new key in."""
        out = self._selected()
        code = key_change(out) if out is not None else None
        if out is None or code is None or out.message is None:
            return False
        params = out.message.params
        text = self.tr("The file {file} claims to come from {code}, but it is signed with key "
                       "{found}, while {code} has always signed with key {pinned}.").format(
            file=file_name(out.label), code=code, found=params["found"],
            pinned=params["pinned"])
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("A different signing key"), text,
                          parent=self)
        box.setInformativeText(self.tr(
            "Accept it only if you have confirmed with {code} by telephone or in person that "
            "they now send from another computer and that their new key is {found}. The change "
            "is recorded in the audit log.").format(code=code, found=params["found"]))
        yes = box.addButton(self.tr("Accept the new key of {code}").format(code=code),
                            QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Do not accept"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.key_warning = box
        box.exec()
        if box.clickedButton() is not yes:
            return False
        # This key only: a file of the same unit with yet another key stays refused.
        self.repin = {**self.repin, code: str(params["found"])}
        self.repin_changed.emit(self.repin)
        return True
