"""The main window: the plan being edited, its forms, the live checks, print and sync.

Left, the parts of the document; centre, the form of the chosen part; right,
the checks panel.  Every edit is saved at once through the plan editor
(``plan_editor.py``), which keeps one undo stack for the whole plan; after each
change the window reads the plan back and refreshes every form, the checks and
the status bar's "saved at".

A part's form is made when it is first shown (or asked for, e.g. by a check that
points into it): a start makes only the form it shows, and the plan is shown in
the forms that have been made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)

from ..core import reading
from ..core.checks import Location, LocationKind
from ..core.documents.export import FORMATS
from ..core.enums import Field
from ..core.errors import (
    MSG_CANNOT_READ_FILE,
    PASSING_STORAGE_ERRORS,
    InputError,
    StorageError,
    WardPlanError,
    describe_os_error,
)
from ..core.interchange.codec import write_atomically
from ..core.storage.database import Database, open_data_folder
from ..core.sync.keys import Identity, has_identity, load_identity
from ..core.sync.package import seal_of
from .checks_panel import ChecksPanel
from .fields import drop_refused, flush_all, refused
from .forms import FieldForm, GeneralForm, SignatureForm, TextForm, UnitForm
from .models import IndicatorTableModel, PlanListModel, kind_text, local_time
from .plan_editor import PlanEditor
from .printing import (
    export_in_background,
    file_filter,
    render_in_background,
    run_in_background,
)

# The pages and dialogs not shown at start are imported when they are first made, and
# the core's functions that write (which need the ORM) when they are first used: the
# window shows the plan through ``core.reading``.
if TYPE_CHECKING:
    from ..core.sync.exchange import Outcome
    from .document_view import DocumentView
    from .history_view import HistoryPanel
    from .plan_chart import ProgressChart

TIME_PATTERN = "%H:%M:%S %d/%m/%Y"
FIELDS = [Field.ECONOMY, Field.CULTURE_SOCIETY, Field.DEFENCE_SECURITY, Field.GOVERNMENT]

# The parts of the document, in the order of the list on the left.
GENERAL, TEXT = 0, 1
FIELD_ROWS = {f.value: 2 + i for i, f in enumerate(FIELDS)}
SIGNATURE, UNIT, DOCUMENT, INDICATOR_TABLE, CHART, HISTORY = range(6, 12)
#: Parts that only show the plan: never disabled for a plan shown read-only.
VIEWS = (DOCUMENT, INDICATOR_TABLE, CHART, HISTORY)


class FieldForms(Mapping[str, FieldForm]):
    """The window's form of each field, by field; a form is made when first asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, field: str) -> FieldForm:
        return self._window.page(FIELD_ROWS[field])

    def __contains__(self, field: object) -> bool:  # without making the form
        return field in FIELD_ROWS

    def __iter__(self) -> Iterator[str]:
        return iter(FIELD_ROWS)

    def __len__(self) -> int:
        return len(FIELD_ROWS)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.editor = PlanEditor(db, self)
        self.plans = PlanListModel()
        self.indicators = IndicatorTableModel()
        self._plan: dict[str, Any] | None = None
        self._seal: dict[str, str] | None = None
        self._data: dict[str, Any] | None = None
        self._keys: Identity | None = None
        self.read_only = False

        # The plan being edited, chosen from the plans held.
        self.plan_box = QComboBox(self)
        self.plan_box.setModel(self.plans)
        self.plan_box.setModelColumn(PlanListModel.LABEL_COLUMN)
        self.plan_box.setMinimumContentsLength(58)
        self.plan_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_box.currentIndexChanged.connect(self._on_plan_chosen)
        self.plan_label = QLabel(self)
        self.plan_label.setBuddy(self.plan_box)

        # The parts of the document, and a form for each, made when first shown
        # (:meth:`page`); until then an empty page holds its place in the stack.
        self._makers: list[Callable[[], QWidget]] = [
            lambda: GeneralForm(self.editor), lambda: TextForm(self.editor),
            *(self._field_form_maker(f.value) for f in FIELDS),
            lambda: SignatureForm(self.editor), lambda: UnitForm(self.editor),
            self._make_document_view, self._make_indicator_view, self._make_chart,
            self._make_history]
        self.pages: list[QWidget] = [QWidget() for _ in self._makers]
        self._made: set[int] = set()
        self.field_forms = FieldForms(self)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        # The page shown at start is made now, before the list: first in the focus
        # chain, it has the focus when the window opens.  A page made later joins the
        # end of the chain, which (hidden pages being skipped) keeps the Tab order.
        self.page(GENERAL)
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(200)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for _ in self.pages:
            self.nav.addItem("")
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 0, 4)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.checks = ChecksPanel(self)
        self.checks.go_to.connect(self.go_to)
        self.checks_dock = QDockWidget(self)
        self.checks_dock.setObjectName("checks")
        self.checks_dock.setWidget(self.checks)
        self.checks_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_dock)
        self.resizeDocks([self.checks_dock], [260], Qt.Orientation.Horizontal)

        self.status_label = QLabel()
        self.saved_label = QLabel()
        self.seal_label = QLabel()
        self.seal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.saved_label)
        self.statusBar().addWidget(self.seal_label)
        self.statusBar().addPermanentWidget(self.status_label)

        self._make_actions()
        self.editor.changed.connect(self._after_change)
        self.editor.saved.connect(self._show_saved)
        self.editor.failed.connect(self._edit_refused)

        self.retranslate_ui()
        self.nav.setCurrentRow(0)
        self.resize(1280, 720)
        self.refresh()
        self._update_role()

    # ------------------------------------------------------------------ pages

    def _field_form_maker(self, field: str) -> Callable[[], QWidget]:
        def make() -> QWidget:
            from .indicator_table import IndicatorPanel

            return FieldForm(self.editor, field, IndicatorPanel(self.editor, field))
        return make

    @staticmethod
    def _make_document_view() -> QWidget:
        from .document_view import DocumentView

        return DocumentView()

    def _make_indicator_view(self) -> QWidget:
        view = QTableView()
        view.setModel(self.indicators)
        view.verticalHeader().hide()
        view.setWordWrap(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    @staticmethod
    def _make_chart() -> QWidget:
        from .plan_chart import ProgressChart

        return ProgressChart()

    def _make_history(self) -> QWidget:
        from .history_view import HistoryPanel

        return HistoryPanel(self.editor)

    def page(self, row: int) -> Any:
        """The part of the document at ``row`` of the list, made if it was not yet."""
        if row in self._made:
            return self.pages[row]
        page = self._makers[row]()
        self._made.add(row)
        holder, self.pages[row] = self.pages[row], page
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        if row not in VIEWS:
            page.setEnabled(not self.read_only)
        if self._plan is not None and row not in (DOCUMENT, INDICATOR_TABLE):
            page.show_plan(self._plan)  # those two are composed in _show_page
        return page

    @property
    def general(self) -> GeneralForm:
        return self.page(GENERAL)

    @property
    def text_form(self) -> TextForm:
        return self.page(TEXT)

    @property
    def signature(self) -> SignatureForm:
        return self.page(SIGNATURE)

    @property
    def unit_form(self) -> UnitForm:
        return self.page(UNIT)

    @property
    def document(self) -> DocumentView:
        return self.page(DOCUMENT)

    @property
    def indicator_view(self) -> QTableView:
        return self.page(INDICATOR_TABLE)

    @property
    def chart(self) -> ProgressChart:
        return self.page(CHART)

    @property
    def history(self) -> HistoryPanel:
        return self.page(HISTORY)

    # ------------------------------------------------------------------ set-up

    def _action(self, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        # Undo and redo first save what is being typed, so the typing cannot come
        # back over the undone change a moment later.
        stack = self.editor.stack
        self.undo_action = self._action(lambda: (flush_all(self), stack.undo()),
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(lambda: (flush_all(self), stack.redo()))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(text))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(text))
        self.new_action = self._action(self.new_plan, QKeySequence.StandardKey.New)
        self.rollover_action = self._action(self.rollover)
        self.import_action = self._action(self.import_file, QKeySequence.StandardKey.Open)
        self.restore_action = self._action(self.restore_backup)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.preview_action = self._action(self.preview, QKeySequence.StandardKey.Print)
        self.export_actions = {fmt: self._action(lambda _=False, f=fmt: self.export(f))
                               for fmt in FORMATS}
        self.send_action = self._action(self.send_up)
        self.receive_action = self._action(self.receive)
        self.consolidate_action = self._action(self.consolidate)
        self.checks_action = self._action(lambda: (self.checks_dock.show(),
                                                   self.checks.view.setFocus()), "F8")

        self.file_menu = self.menuBar().addMenu("")
        for action in (self.new_action, self.rollover_action, self.import_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.checks_action)
        self.document_menu = self.menuBar().addMenu("")
        self.document_menu.addAction(self.preview_action)
        self.document_menu.addSeparator()
        for action in self.export_actions.values():
            self.document_menu.addAction(action)
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_menu.addAction(self.send_action)
        self.sync_menu.addAction(self.receive_action)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.consolidate_action)
        self.guide_action = self._action(self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.show_about)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.plan_label)
        self.toolbar.addWidget(self.plan_box)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.preview_action)
        self.addToolBar(self.toolbar)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("WardPlan Desktop"))
        self.plan_label.setText(self.tr("&Plan:") + " ")
        titles = [self.tr("Number, date, legal bases"),
                  self.tr("Objectives, evaluation, organisation"),
                  self.tr("Economy"), self.tr("Culture and society"),
                  self.tr("Defence and security"), self.tr("Government"),
                  self.tr("Recipients and signature"), self.tr("Unit"),
                  self.tr("Whole document"), self.tr("Indicator table"),
                  self.tr("Chart of results"), self.tr("History of changes")]
        for row, title in enumerate(titles):
            self.nav.item(row).setText(title)
        self.checks_dock.setWindowTitle(self.tr("Checks"))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New plan…"))
        self.rollover_action.setText(self.tr("&Roll over to next year…"))
        self.import_action.setText(self.tr("&Import plan file…"))
        self.restore_action.setText(self.tr("Restore from a &backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.checks_action.setText(self.tr("Go to the &checks"))
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
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&User guide"))
        self.about_action.setText(self.tr("&About WardPlan Desktop"))

    # ------------------------------------------------------------------ plans

    def refresh(self, select_uid: str | None = None) -> None:
        """Re-read the plans held and open ``select_uid`` (else the one open, else the
        most recently changed)."""
        plans = reading.list_plans(self._db)
        uid = select_uid or (self._plan["uid"] if self._plan else None)
        self.plan_box.blockSignals(True)
        self.plans.set_plans(plans)
        row = next((i for i, p in enumerate(plans) if p.uid == uid), None)
        if row is None and plans:
            row = max(range(len(plans)), key=lambda i: plans[i].updated_at)
        self.plan_box.setCurrentIndex(-1 if row is None else row)
        self.plan_box.blockSignals(False)
        if row is None:
            self._open(None)
        elif select_uid or self._plan is None or plans[row].uid != self._plan["uid"]:
            self._open(plans[row].uid)

    def _show_chosen(self) -> None:
        """The plan chooser on the plan open (after another could not be opened)."""
        uid = self._plan["uid"] if self._plan else None
        row = next((i for i, p in enumerate(self.plans.plans()) if p.uid == uid), -1)
        self.plan_box.blockSignals(True)
        self.plan_box.setCurrentIndex(row)
        self.plan_box.blockSignals(False)

    def select_plan(self, row: int) -> None:
        self.plan_box.setCurrentIndex(row)

    def _on_plan_chosen(self, row: int) -> None:
        if 0 <= row < self.plans.rowCount():
            self._open(self.plans.plan_at(row).uid)  # which saves the typing first

    def _open(self, uid: str | None) -> None:
        flush_all(self)  # typing belongs to the plan it was typed in
        if uid is None:
            drop_refused(self)
            self._seal = None
            self._show(None)
            return
        try:  # a large plan takes a moment: read off the GUI thread
            data = run_in_background(self, lambda: reading.export_plan_by_uid(self._db, uid),
                                     self.tr("Opening the plan…"))
        except WardPlanError as exc:
            self._error(exc)
            self._show_chosen()  # the plan still open, with any typing still held
            return
        drop_refused(self)  # typing refused in the last plan is never saved into this one
        self._seal = None
        self._data = data
        # At the upper level, the plans wards sent are theirs: shown, never edited here.
        role, own = reading.folder_role(self._db)
        self.read_only = role == "upper" and data["plan"]["unit"]["code"] != own
        self.editor.open(None if self.read_only else uid)
        for row in self._made:  # the others are set when they are made
            if row not in VIEWS:
                self.pages[row].setEnabled(not self.read_only)
        # Showing a plan never creates keys (a first look writes nothing); printing,
        # exporting and sending do, so the paper and the file carry the same seal.
        if has_identity(self._db.path.parent):
            self._seal = seal_of(data, self._identity())
        self._show(data["plan"])
        summary = next((p for p in self.plans.plans() if p.uid == uid), None)
        if self.read_only:
            self.saved_label.setText(self.tr("Sent by {unit}: read only").format(
                unit=data["plan"]["unit"]["name"]))
        else:
            stamp = summary.updated_at if summary else ""
            self.saved_label.setText(self.tr("Last saved {time}").format(
                time=local_time(stamp, TIME_PATTERN)) if stamp else "")

    def _after_change(self, _entity: str = "", _uid: str = "") -> None:
        """A change was saved: read the plan back and show it everywhere."""
        if self._plan is None:
            return
        try:
            data = reading.export_plan_by_uid(self._db, self._plan["uid"])
        except WardPlanError as exc:
            self._error(exc)
            return
        self._data = data
        self._seal = seal_of(data, self._identity()) \
            if has_identity(self._db.path.parent) else None
        self._show(data["plan"])
        row = self.plan_box.currentIndex()
        plans = reading.list_plans(self._db)
        self.plan_box.blockSignals(True)
        self.plans.set_plans(plans)
        self.plan_box.setCurrentIndex(row)
        self.plan_box.blockSignals(False)

    def _show(self, plan: dict[str, Any] | None) -> None:
        self._plan = plan
        if plan is None:
            self._seal = self._data = None
        self._show_seal()
        has_plan = plan is not None
        for action in (self.preview_action, self.send_action, self.rollover_action,
                       *self.export_actions.values()):
            action.setEnabled(has_plan)
        self.rollover_action.setEnabled(has_plan and not self.read_only)
        self.send_action.setEnabled(has_plan and not self.read_only)
        self.stack.setEnabled(has_plan)
        if plan is None:
            self.editor.open(None)
        self.checks.show_plan(self._data)
        if plan is None:
            if DOCUMENT in self._made:
                self.document.show_plan(None)
            self.indicators.set_plan(None)
            return
        for row in sorted(self._made):  # a part made later is shown the plan then
            if row not in (DOCUMENT, INDICATOR_TABLE):  # composed when looked at
                self.pages[row].show_plan(plan)
        self._show_page(self.stack.currentIndex())

    def _show_page(self, row: int) -> None:
        """Show a part (made when first shown); the whole-document and table views are
        composed when looked at."""
        if row < 0:
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        if row == DOCUMENT:
            page.show_plan(self._plan)
        elif row == INDICATOR_TABLE:
            self.indicators.set_plan(self._plan)
            page.resizeColumnsToContents()
            page.setColumnWidth(1, 420)
            page.resizeRowsToContents()

    def _show_saved(self, _revision: int, at: str) -> None:
        self.saved_label.setText(
            self.tr("Saved at {time}").format(time=local_time(at, TIME_PATTERN)))

    def go_to(self, location: Location) -> None:
        """Show the place a check points at."""
        kind = location.kind
        if kind == LocationKind.HEADER:
            key = location.key
            if key in ("closing",):
                self._go(self.signature, key)
            else:
                self._go(self.general, key)
        elif kind in (LocationKind.SIGNATURE, LocationKind.RECIPIENTS):
            self._go(self.signature, {"authority": "sign_authority",
                                      "authority_body": "sign_authority_body",
                                      "position": "sign_position"}.get(location.key,
                                                                      location.key or
                                                                      "recipients"))
        elif kind == LocationKind.UNIT:
            self._go(self.unit_form, location.key)
        elif kind == LocationKind.FIELD and location.key in self.field_forms:
            self._go(self.field_forms[location.key], None)
        elif kind == LocationKind.SECTION:
            for form in self._forms_to_search((*FIELD_ROWS.values(), TEXT)):
                if form.sections.select(location.key):
                    self._go(form, None)
                    if isinstance(form, FieldForm):
                        form.tabs.setCurrentIndex(0)
                    form.sections.text.setFocus()
                    return
        elif kind == LocationKind.INDICATOR:
            for form in self._forms_to_search(FIELD_ROWS.values()):
                panel = form.indicators
                if panel.select_indicator(location.key, location.year, location.period):
                    self._go(form, None)
                    form.tabs.setCurrentIndex(1)
                    return

    def _forms_to_search(self, rows: Iterable[int]) -> Iterator[Any]:
        """The forms of ``rows``: those already made first, then each other one as it is
        made, so a search that ends early makes no more forms than it needs."""
        rows = list(rows)
        yield from (self.pages[r] for r in rows if r in self._made)
        yield from (self.page(r) for r in rows if r not in self._made)

    def _go(self, page: QWidget, key: str | None) -> None:
        self.nav.setCurrentRow(self.pages.index(page))
        if key is not None and hasattr(page, "focus_field"):
            page.focus_field(key)

    # ------------------------------------------------------------------ new, rollover

    def new_plan(self) -> None:
        units = sorted({(p.unit, p.unit_name) for p in self.plans.plans()})
        if not units:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Import a plan of the unit first (File > Import plan file); a new plan takes "
                "the unit's details from it."))
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("New plan"))
        unit = QComboBox(dialog)
        for code, name in units:
            unit.addItem(f"{name} ({code})", code)
        year = QSpinBox(dialog)
        year.setRange(2000, 2100)
        year.setValue(dt.date.today().year + 1)
        form = QFormLayout(dialog)
        form.addRow(self.tr("&Unit:"), unit)
        form.addRow(self.tr("&Year:"), year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.new_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from ..core import skeleton

        try:
            summary = skeleton.new_plan(self._db, unit.currentData(), year.value())
        except WardPlanError as exc:
            self._error(exc)
            return
        self.refresh(summary.uid)

    def rollover(self) -> None:
        if self._plan is None:
            return
        plan = self._plan
        answer = QMessageBox.question(self, self.tr("Roll over to next year"), self.tr(
            "Start the {kind} of {year} from this one? The header, recipients, signature, "
            "indicators and this year's values are carried over; the text is written "
            "afresh.").format(kind=kind_text(plan["kind"]), year=plan["year"] + 1))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from ..core import service

        try:
            summary = service.rollover(self._db, plan["unit"]["code"], plan["year"],
                                       plan["kind"])
        except WardPlanError as exc:
            self._error(exc)
            return
        self.refresh(summary.uid)

    # ------------------------------------------------------------------ files

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import plan file"), "", self.tr("Plan files (*.json)"))
        if not path:
            return
        flush_all(self)
        from ..core import service

        try:
            summary = run_in_background(self, lambda: service.import_plan_file(self._db,
                                                                               Path(path)),
                                        self.tr("Importing {path}…").format(path=path))
        except WardPlanError as exc:
            self._error(exc)
            return
        self.refresh(summary.uid)

    def _sealed(self) -> dict[str, str] | None:
        """The seal to print, making this installation's keys if it has none yet."""
        if self._data is not None and self._seal is None:
            self._seal = seal_of(self._data, self._identity())
            self._show_seal()
        return self._seal

    def _show_seal(self) -> None:
        self.seal_label.setText(self.tr("Key {key} · content {hash}").format(**self._seal)
                                if self._seal else "")

    def _identity(self) -> Identity:
        if self._keys is None:
            self._keys = load_identity(self._db.path.parent)
        return self._keys

    def _file_stem(self) -> str:
        assert self._plan is not None
        return f"{self._plan['unit']['code']}-{self._plan['year']}-{self._plan['kind']}"

    def preview(self) -> None:
        if self._plan is None:
            return
        flush_all(self)
        try:
            pdf = render_in_background(self, self._plan, "pdf", "all", self._sealed())
        except WardPlanError as exc:
            self._error(exc)
            return
        from .printing import PreviewDialog

        self.preview_dialog = PreviewDialog(pdf, self._file_stem() + ".pdf", self)
        self.preview_dialog.open()

    def export(self, fmt: str) -> None:
        if self._plan is None:
            return
        flush_all(self)
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
        """Write the signed sync file of the open plan, to e-mail or copy to a stick."""
        if self._plan is None:
            return
        flush_all(self)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Send to the upper level"), f"{self._file_stem()}.wpsync",
            self.tr("Sync files (*.wpsync)"))
        if not path:
            return
        plan = self._plan
        from ..core.sync import exchange

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
        from ..core.sync import exchange
        from .sync_dialogs import ReceiveDialog

        identity = self._identity()
        dialog: ReceiveDialog | None = None

        def check(apply: bool = False) -> list[Outcome]:
            # Off the GUI thread: checking a whole country's files takes a while.
            accept_new = dialog is not None and dialog.accept_new.isChecked()
            repin = dialog.repin if dialog is not None else {}
            return run_in_background(self, lambda: exchange.receive_files(
                self._db, identity, files, accept_new=accept_new, repin=repin, apply=apply),
                self.tr("Checking {count} files…").format(count=len(files)))

        try:
            outcomes = check()
        except WardPlanError as exc:  # the database cannot be read (locked, damaged…)
            self._error(exc)
            return
        dialog = ReceiveDialog(outcomes, self)

        def check_again() -> None:
            assert dialog is not None
            try:
                dialog.show_outcomes(check())
            except WardPlanError as exc:
                self._error(exc)

        dialog.accept_new.toggled.connect(lambda _on: check_again())
        dialog.repin_changed.connect(lambda _codes: check_again())
        self.receive_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            done = check(apply=True)
        except WardPlanError as exc:
            self._error(exc)
            return
        imported = sum(o.status == "imported" for o in done)
        self._update_role()
        # A received file may have replaced the plan on screen: show it afresh.
        self.refresh(self._plan["uid"] if self._plan else None)
        self.statusBar().showMessage(self.tr("Imported {count} files").format(count=imported),
                                     15000)

    @property
    def db(self) -> Database:
        """The open database (a restore replaces it)."""
        return self._db

    def restore_backup(self) -> None:
        """Choose a backup; after a confirmation naming what is replaced, bring it back."""
        from .backup_dialog import RestoreDialog

        flush_all(self)
        folder = self._db.path.parent
        self.restore_dialog = RestoreDialog(folder, self, on_restore=self._restore_from)
        self.restore_dialog.exec()

    def _restore_from(self, backup: Path) -> None:
        from ..core.storage import backups

        folder = self._db.path.parent
        self._db.close()
        try:
            backups.restore(folder, backup)
        finally:
            # Open again whatever happened: the restore changes all or nothing.
            self._db = open_data_folder(folder)
            self.editor.db = self._db
            self._plan = None
            self.refresh()
            self._update_role()
        self.statusBar().showMessage(self.tr("Restored the data of {when}").format(
            when=backup.name), 15000)

    def show_guide(self) -> None:
        from .help import GuideDialog

        self.guide = GuideDialog(self)
        self.guide.show()

    def show_about(self) -> None:
        from .help import AboutDialog

        self.about = AboutDialog(self._db.path.parent, self)
        self.about.open()

    def _update_role(self) -> None:
        role, _own = reading.folder_role(self._db)
        self.consolidate_action.setEnabled(role == "upper")

    def consolidate(self) -> None:
        """The upper level's view of its units' plans for the latest year they sent."""
        from ..core import consolidate
        from .consolidation import ConsolidationWindow

        year = consolidate.latest_year(self._db)
        if year is None:  # nothing received yet: the year the folder plans most recently
            years = [p.year for p in self.plans.plans() if p.kind == "plan"]
            year = max(years) if years else dt.date.today().year + 1

        self.consolidation = ConsolidationWindow(self._db, year, self)
        self.consolidation.setWindowFlag(Qt.WindowType.Window)
        self.consolidation.show()

    def _error(self, exc: WardPlanError) -> None:
        QMessageBox.warning(self, self.tr("WardPlan Desktop"),
                            exc.render(QCoreApplication.translate))

    def _edit_refused(self, exc: WardPlanError) -> None:
        """An edit was refused (the plan editor's own failures, not a later read)."""
        self._error(exc)
        # Typing whose save this refuses stays in its field.  Once the disk has room or
        # the other program lets go, the same typing can be saved: leaving its field
        # or closing the window tries again.
        refused(isinstance(exc, StorageError) and exc.template in PASSING_STORAGE_ERRORS)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing mid-edit loses nothing: what is being typed is saved first, and a
        window whose typing could not be saved (the message says why) stays open."""
        if not flush_all(self, tell_again=True):
            event.ignore()
            return
        super().closeEvent(event)
