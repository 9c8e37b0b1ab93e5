"""The main window: the plans held, and the selected plan's text and indicators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from ..core import service
from ..core.documents.export import FORMATS
from ..core.errors import MSG_CANNOT_READ_FILE, InputError, WardPlanError, describe_os_error
from ..core.interchange.codec import write_atomically
from ..core.storage.database import Database
from ..core.sync import exchange
from ..core.sync.keys import Identity, has_identity, load_identity
from .consolidation import ConsolidationWindow
from .document_view import DocumentView
from .models import IndicatorTableModel, PlanListModel
from .printing import (
    PreviewDialog,
    export_in_background,
    file_filter,
    render_in_background,
    run_in_background,
)
from .sync_dialogs import ReceiveDialog


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.plans = PlanListModel()
        self.indicators = IndicatorTableModel()

        self.plan_view = QTableView()
        self.plan_view.setModel(self.plans)
        self.plan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_view.verticalHeader().hide()
        self.plan_view.horizontalHeader().setStretchLastSection(True)
        self.plan_view.selectionModel().selectionChanged.connect(self._on_selection)

        self.document = DocumentView()
        self.indicator_view = QTableView()
        self.indicator_view.setModel(self.indicators)
        self.indicator_view.verticalHeader().hide()
        self.indicator_view.setWordWrap(True)
        header = self.indicator_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.document, "")
        self.tabs.addTab(self.indicator_view, "")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plan_view)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        self.setCentralWidget(splitter)
        self.status_label = QLabel()
        self.seal_label = QLabel()
        self.seal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.seal_label)
        self.statusBar().addPermanentWidget(self.status_label)

        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.import_file)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.preview_action = QAction(self)
        self.preview_action.setShortcut(QKeySequence.StandardKey.Print)
        self.preview_action.triggered.connect(self.preview)
        self.export_actions = {}
        for fmt in FORMATS:
            action = QAction(self)
            action.triggered.connect(lambda _=False, f=fmt: self.export(f))
            self.export_actions[fmt] = action
        self.document_menu = self.menuBar().addMenu("")
        self.document_menu.addAction(self.preview_action)
        self.document_menu.addSeparator()
        for action in self.export_actions.values():
            self.document_menu.addAction(action)
        self.send_action = QAction(self)
        self.send_action.triggered.connect(self.send_up)
        self.receive_action = QAction(self)
        self.receive_action.triggered.connect(self.receive)
        self.consolidate_action = QAction(self)
        self.consolidate_action.triggered.connect(self.consolidate)
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_menu.addAction(self.send_action)
        self.sync_menu.addAction(self.receive_action)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.consolidate_action)
        self._plan: dict[str, Any] | None = None
        self._seal: dict[str, str] | None = None
        self._data: dict[str, Any] | None = None
        self._keys: Identity | None = None

        self.retranslate_ui()
        self.resize(1280, 720)
        self.refresh()
        self._update_role()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("WardPlan Desktop"))
        self.tabs.setTabText(0, self.tr("Document"))
        self.tabs.setTabText(1, self.tr("Indicators"))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import plan file…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.document_menu.setTitle(self.tr("&Documents"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.send_action.setText(self.tr("&Send this plan to the upper level…"))
        self.receive_action.setText(self.tr("&Receive files from wards…"))
        self.consolidate_action.setText(self.tr("&Consolidation of the wards' plans…"))
        self.preview_action.setText(self.tr("Print pre&view and print…"))
        self.export_actions["pdf"].setText(self.tr("Export as &PDF…"))
        self.export_actions["docx"].setText(self.tr("Export as &Word…"))
        self.export_actions["xlsx"].setText(self.tr("Export appendices as &Excel…"))
        self.status_label.setText(self.tr("Data: {path}").format(path=self._db.path))

    def refresh(self, select_uid: str | None = None) -> None:
        plans = service.list_plans(self._db)
        self.plans.set_plans(plans)
        self.plan_view.resizeColumnsToContents()
        if plans:
            row = next((i for i, p in enumerate(plans) if p.uid == select_uid), 0)
            self.plan_view.selectRow(row)
        else:
            self._show(None)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        if not rows:
            return
        summary = self.plans.plan_at(min(rows))
        try:
            plan = service.export_plan(self._db, summary.unit, summary.year, summary.kind)
        except WardPlanError as exc:
            self._error(exc)
            return
        self._data = plan
        # Showing a plan never creates keys (a first look writes nothing); printing,
        # exporting and sending do, so the paper and the file carry the same seal.
        folder = self._db.path.parent
        self._seal = exchange.seal_of(plan, self._identity()) if has_identity(folder) else None
        self._show(plan["plan"])

    def _sealed(self) -> dict[str, str] | None:
        """The seal to print, making this installation's keys if it has none yet."""
        if self._data is not None and self._seal is None:
            self._seal = exchange.seal_of(self._data, self._identity())
            self._show_seal()
        return self._seal

    def _show_seal(self) -> None:
        self.seal_label.setText(self.tr("Key {key} · content {hash}").format(**self._seal)
                                if self._seal else "")

    def _identity(self) -> Identity:
        if self._keys is None:
            self._keys = load_identity(self._db.path.parent)
        return self._keys

    def _show(self, plan: dict[str, Any] | None) -> None:
        self._plan = plan
        if plan is None:
            self._seal = self._data = None
        self._show_seal()
        self.preview_action.setEnabled(plan is not None)
        self.send_action.setEnabled(plan is not None)
        for action in self.export_actions.values():
            action.setEnabled(plan is not None)
        self.document.show_plan(plan)
        self.indicators.set_plan(plan)
        self.indicator_view.resizeColumnsToContents()
        self.indicator_view.setColumnWidth(1, 420)
        self.indicator_view.resizeRowsToContents()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import plan file"), "", self.tr("Plan files (*.json)"))
        if not path:
            return
        try:
            summary = service.import_plan_file(self._db, path)
        except WardPlanError as exc:
            self._error(exc)
            return
        self.refresh(summary.uid)

    def _file_stem(self) -> str:
        assert self._plan is not None
        return f"{self._plan['unit']['code']}-{self._plan['year']}-{self._plan['kind']}"

    def preview(self) -> None:
        if self._plan is None:
            return
        try:
            pdf = render_in_background(self, self._plan, "pdf", "all", self._sealed())
        except WardPlanError as exc:
            self._error(exc)
            return
        self.preview_dialog = PreviewDialog(pdf, self._file_stem() + ".pdf", self)
        self.preview_dialog.open()

    def export(self, fmt: str) -> None:
        if self._plan is None:
            return
        document = "appendices" if fmt == "xlsx" else "all"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"{self._file_stem()}.{fmt}", file_filter(fmt))
        if not path:
            return
        try:
            export_in_background(self, self._plan, fmt, document, Path(path), self._sealed())
        except WardPlanError as exc:
            self._error(exc)
            return
        self.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 10000)

    def send_up(self) -> None:
        """Write the signed sync file of the selected plan, to e-mail or copy to a stick."""
        if self._plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Send to the upper level"), f"{self._file_stem()}.wpsync",
            self.tr("Sync files (*.wpsync)"))
        if not path:
            return
        plan = self._plan
        try:
            sent = exchange.export_package(self._db, self._identity(), plan["unit"]["code"],
                                           plan["year"], plan["kind"])
            write_atomically(Path(path), sent.data)
        except WardPlanError as exc:
            self._error(exc)
            return
        self.statusBar().showMessage(self.tr("Wrote {path} (key {key}, content {hash})").format(
            path=path, key=sent.key_fingerprint, hash=sent.short_hash), 15000)

    def receive(self) -> None:
        """Receive wards' files: show what would happen, import only when confirmed."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Receive files"), "", self.tr("Sync files (*.wpsync)"))
        if not paths:
            return
        files = []
        for path in paths:
            try:
                files.append((path, Path(path).read_bytes()))
            except OSError as exc:
                self._error(InputError(MSG_CANNOT_READ_FILE, path=path,
                                       detail=describe_os_error(exc)))
                return
        identity = self._identity()

        def check(apply: bool = False) -> list[exchange.Outcome]:
            return run_in_background(self, lambda: exchange.receive_files(
                self._db, identity, files, accept_new=dialog.accept_new.isChecked(),
                repin=dialog.repin, apply=apply), self.tr("Checking {count} files…").format(
                    count=len(files)))

        outcomes = exchange.receive_files(self._db, identity, files, apply=False)
        dialog = ReceiveDialog(outcomes, self)
        dialog.accept_new.toggled.connect(lambda _on: dialog.show_outcomes(check()))
        dialog.repin_changed.connect(lambda _codes: dialog.show_outcomes(check()))
        self.receive_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            done = check(apply=True)
        except WardPlanError as exc:
            self._error(exc)
            return
        imported = sum(o.status == "imported" for o in done)
        self.refresh()
        self._update_role()
        self.statusBar().showMessage(self.tr("Imported {count} files").format(count=imported),
                                     15000)

    def _update_role(self) -> None:
        role, _own = exchange.folder_role(self._db)
        self.consolidate_action.setEnabled(role == "upper")

    def consolidate(self) -> None:
        """The upper level's view of its units' plans for the year they plan most recently."""
        years = [p.year for p in self.plans.plans() if p.kind == "plan"]
        year = max(years) if years else dt.date.today().year + 1
        self.consolidation = ConsolidationWindow(self._db, year, self)
        self.consolidation.setWindowFlag(Qt.WindowType.Window)
        self.consolidation.show()

    def _error(self, exc: WardPlanError) -> None:
        QMessageBox.warning(self, self.tr("WardPlan Desktop"),
                            exc.render(QCoreApplication.translate))
