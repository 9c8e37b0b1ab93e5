"""The upper level's consolidation window: who has sent, the values side by side,
a chart comparing units, and what changed between two revisions of a unit's file.

Everything shown comes from the core (``consolidate``, ``revisions``); this
module only lays it out.  Nothing here changes stored data: a unit's plan opens
read-only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import consolidate, revisions, service
from ..core.consolidate import Line, UnitStatus
from ..core.enums import DocumentKind, Period
from ..core.errors import WardPlanError
from ..core.interchange.codec import write_atomically
from ..core.numbers import format_number
from ..core.storage.database import Database
from .charts import Bar, BarChart
from .document_view import DocumentView
from .models import IndicatorTableModel, kind_text, local_time, period_text
from .printing import run_in_background

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
STATUS_COLOURS = {"received": "#e8f5e9", "late": "#fff4d6", "missing": "#fde2e1"}
#: Up to this many units, Qt sizes the values' columns itself (see _size_value_columns).
SIZED_UNITS = 100


def _status_text(status: str) -> str:
    return {
        "received": QCoreApplication.translate("Consolidation", "Received"),
        "late": QCoreApplication.translate("Consolidation", "Late"),
        "missing": QCoreApplication.translate("Consolidation", "Missing"),
    }[status]


class _Table(QAbstractTableModel):
    """A read-only table of rows; subclasses say the headers and each cell."""

    #: The column titles, in the user's language (each subclass defines it).
    headers: Callable[[], list[str]]
    #: The words of one cell (each subclass defines it).
    cell: Callable[[Any, int], str]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.column_count()

    def column_count(self) -> int:
        return len(self.headers())

    def header(self, section: int) -> str | None:
        """The title of one column (a view asks for them one by one, very often)."""
        titles = self.headers()
        return titles[section] if 0 <= section < len(titles) else None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.header(section)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self.rows[index.row()], index.column())
        return self.style(self.rows[index.row()], index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None


class CompletenessModel(_Table):
    """One row per unit reporting here: sent on time, late or not at all."""

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Unit"), self.tr("State"), self.tr("Revision"),
                self.tr("Made by the unit"), self.tr("Received"), self.tr("Signing key"),
                self.tr("Files")]

    def cell(self, row: UnitStatus, column: int) -> str:
        # Only the cell asked for: a view asks thousands of times when it sizes its columns.
        if column == 0:
            return row.code
        if column == 1:
            return row.name
        if column == 2:
            return _status_text(row.status)
        if column == 3:
            return str(row.revision or "")
        if column == 4:
            return local_time(row.created)
        if column == 5:
            return local_time(row.received_at)
        if column == 6:
            return row.key_fingerprint or ""
        return str(row.receipts or "")

    def style(self, row: UnitStatus, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == 2:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        return None


class SideBySideModel(_Table):
    """One row per indicator, one column per unit, and a total where adding makes sense."""

    FIXED = 4

    def __init__(self) -> None:
        super().__init__()
        self.units: list[tuple[str, str]] = []
        self._summaries: dict[int, tuple[str, str]] = {}

    def set_lines(self, units: list[tuple[str, str]], lines: list[Line]) -> None:
        self.beginResetModel()
        self.units, self.rows = list(units), list(lines)
        # Each line's unit and total are worked out once: each looks at every unit's value,
        # and a view asks for them at every repaint.
        self._summaries = {id(line): self._summary(line) for line in self.rows}
        self.endResetModel()

    @staticmethod
    def _summary(line: Line) -> tuple[str, str]:
        total = line.total()
        return consolidate.column_unit(line), format_number(total) if total is not None else "—"

    def headers(self) -> list[str]:
        return [*self._fixed_headers(), *(f"{name}\n{code}" for code, name in self.units)]

    def _fixed_headers(self) -> list[str]:
        return [self.tr("Field"), self.tr("Indicator"), self.tr("Unit of measure"),
                self.tr("Total")]

    # A province has thousands of units, so a column count or one column's title is
    # worked out alone, never by making every title (a view asks for them very often).
    def column_count(self) -> int:
        return self.FIXED + len(self.units)

    def header(self, section: int) -> str | None:
        if 0 <= section < self.FIXED:
            return self._fixed_headers()[section]
        if 0 <= section - self.FIXED < len(self.units):
            code, name = self.units[section - self.FIXED]
            return f"{name}\n{code}"
        return None

    def cell(self, row: Line, column: int) -> str:
        if column == 0:
            return field_text(row.field)
        if column == 1:
            return row.name
        if column in (2, 3):
            summary = self._summaries.get(id(row)) or self._summary(row)
            return summary[column - 2]
        value = row.values.get(self.units[column - self.FIXED][0])
        return value.text if value is not None else ""

    def style(self, row: Line, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def unit_at(self, column: int) -> str | None:
        i = column - self.FIXED
        return self.units[i][0] if 0 <= i < len(self.units) else None

    def column_texts(self, column: int) -> list[str]:
        """The words of one column's cells, top to bottom."""
        return [self.cell(row, column) for row in self.rows]


class ChangesModel(_Table):
    """What changed between two revisions: where, how, the old and the new words."""

    def headers(self) -> list[str]:
        return [self.tr("Where"), self.tr("Change"), self.tr("Before"), self.tr("After")]

    def cell(self, row: revisions.Change, column: int) -> str:
        if column == 0:
            return row.where.render(QCoreApplication.translate)
        if column == 1:
            return {"added": self.tr("Added"), "removed": self.tr("Removed"),
                    "changed": self.tr("Changed")}[row.change]
        return row.old if column == 2 else row.new


def field_text(field: str) -> str:
    return {
        "economy": QCoreApplication.translate("Consolidation", "Economy"),
        "culture_society": QCoreApplication.translate("Consolidation", "Culture and society"),
        "defence_security": QCoreApplication.translate("Consolidation",
                                                       "Defence and security"),
        "government": QCoreApplication.translate("Consolidation", "Government"),
    }.get(field, field)


class PlanViewDialog(QDialog):
    """A unit's plan, read-only: the document and its indicators."""

    def __init__(self, plan: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = DocumentView(self)
        self.document.show_plan(plan)
        self.indicators = IndicatorTableModel()
        self.indicators.set_plan(plan)
        table = QTableView(self)
        table.setModel(self.indicators)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        table.setColumnWidth(1, 380)
        tabs = QTabWidget(self)
        tabs.addTab(self.document, self.tr("Document"))
        tabs.addTab(table, self.tr("Indicators"))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("{unit} — {kind} {year} (revision {revision}, read-only)")
                            .format(unit=plan["unit"]["name"], kind=kind_text(plan["kind"]),
                                    year=plan["year"], revision=plan["revision"]))
        self.resize(1100, 680)


@dataclass(frozen=True)
class _Choice:
    """One period a plan holds values for, e.g. this year's estimate in next year's plan."""

    period: str
    year: int


class ConsolidationWindow(QMainWindow):
    """The upper level's view of every unit reporting to it for one year."""

    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.kind = QComboBox(self)
        for kind in DocumentKind:
            self.kind.addItem(kind_text(kind.value), kind.value)
        self.period = QComboBox(self)
        self.excel_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.year_label, self.kind_label, self.period_label = QLabel(self), QLabel(self), \
            QLabel(self)
        self.year_label.setBuddy(self.year)
        self.kind_label.setBuddy(self.kind)
        self.period_label.setBuddy(self.period)
        bar = QHBoxLayout()
        for widget in (self.year_label, self.year, self.kind_label, self.kind,
                       self.period_label, self.period):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.pdf_button)

        self.completeness = CompletenessModel()
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_view = self._table(self.completeness)
        self.status_view.doubleClicked.connect(
            lambda index: self.open_unit(self.completeness.rows[index.row()].code))
        status_page = QWidget(self)
        box = QVBoxLayout(status_page)
        box.addWidget(self.summary)
        box.addWidget(self.status_view)

        self.values = SideBySideModel()
        self.values_view = self._table(self.values)
        self.values_view.horizontalHeader().sectionDoubleClicked.connect(self._open_column)
        self.values_view.doubleClicked.connect(lambda index: self._open_column(index.column()))

        self.indicator = QComboBox(self)
        # As wide as the window allows, not as the longest indicator's name (the window
        # must fit a small screen).
        self.indicator.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator.setMinimumContentsLength(30)
        self.indicator_label = QLabel(self)
        self.indicator_label.setBuddy(self.indicator)
        self.chart = BarChart(self)
        self.chart_note = QLabel(self)
        self.chart_note.setWordWrap(True)
        self.save_chart_button = QPushButton(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        chart_page = QWidget(self)
        box = QVBoxLayout(chart_page)
        row = QHBoxLayout()
        row.addWidget(self.indicator_label)
        row.addWidget(self.indicator, 1)
        row.addWidget(self.save_chart_button)
        box.addLayout(row)
        box.addWidget(scroll, 1)
        box.addWidget(self.chart_note)

        self.change_unit = QComboBox(self)
        self.change_from = QComboBox(self)
        self.change_to = QComboBox(self)
        self.change_labels = [QLabel(self) for _ in range(3)]
        for label, combo in zip(self.change_labels,
                                (self.change_unit, self.change_from, self.change_to),
                                strict=True):
            label.setBuddy(combo)
        self.changes = ChangesModel()
        self.changes_view = self._table(self.changes)
        self.changes_view.setWordWrap(True)
        self.changes_note = QLabel(self)
        self.changes_note.setWordWrap(True)
        changes_page = QWidget(self)
        box = QVBoxLayout(changes_page)
        row = QHBoxLayout()
        for label, combo in zip(self.change_labels,
                                (self.change_unit, self.change_from, self.change_to),
                                strict=True):
            row.addWidget(label)
            row.addWidget(combo, 1 if combo is self.change_unit else 0)
        box.addLayout(row)
        box.addWidget(self.changes_note)
        box.addWidget(self.changes_view, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(status_page, "")
        self.tabs.addTab(self.values_view, "")
        self.tabs.addTab(chart_page, "")
        self.tabs.addTab(changes_page, "")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        close = self.addAction("")
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.year.valueChanged.connect(self._on_year)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(lambda _i: self._load_values())
        self.indicator.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.save_chart_button.clicked.connect(self.save_chart)
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.change_unit.currentIndexChanged.connect(lambda _i: self._load_revisions())
        self.change_from.currentIndexChanged.connect(lambda _i: self._show_changes())
        self.change_to.currentIndexChanged.connect(lambda _i: self._show_changes())
        self.retranslate_ui()
        self._fill_periods()
        self.resize(1280, 720)
        self.reload()

    @staticmethod
    def _table(model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Consolidation"))
        self.year_label.setText(self.tr("&Year:"))
        self.kind_label.setText(self.tr("&Document:"))
        self.period_label.setText(self.tr("&Values:"))
        self.excel_button.setText(self.tr("Export &Excel…"))
        self.pdf_button.setText(self.tr("Export &PDF…"))
        self.tabs.setTabText(0, self.tr("Who has sent"))
        self.tabs.setTabText(1, self.tr("Values side by side"))
        self.tabs.setTabText(2, self.tr("Chart"))
        self.tabs.setTabText(3, self.tr("Changes between revisions"))
        self.indicator_label.setText(self.tr("&Indicator:"))
        self.save_chart_button.setText(self.tr("&Save as image…"))
        for label, text in zip(self.change_labels, (self.tr("U&nit:"), self.tr("&From revision:"),
                                                    self.tr("&To revision:")), strict=True):
            label.setText(text)

    # ------------------------------------------------------------------ loading

    def _on_year(self) -> None:
        self._fill_periods()
        self.reload()

    def _fill_periods(self) -> None:
        """The values a plan for the year holds: its targets, and the year before's results."""
        year = self.year.value()
        choices = [_Choice(Period.TARGET, year), _Choice(Period.ESTIMATE, year - 1),
                   _Choice(Period.NINE_MONTHS, year - 1), _Choice(Period.SIX_MONTHS, year - 1),
                   _Choice(Period.FINAL, year - 1), _Choice(Period.TARGET, year - 1)]
        self.period.blockSignals(True)
        self.period.clear()
        for choice in choices:
            self.period.addItem(period_text(choice.period, choice.year), choice)
        self.period.blockSignals(False)

    def reload(self) -> None:
        year, kind = self.year.value(), self.kind.currentData()
        try:
            rows = run_in_background(self, lambda: consolidate.completeness(self._db, year, kind),
                                     self.tr("Reading the units' files…"))
        except WardPlanError as exc:
            self._error(exc)
            return
        self.completeness.set_rows(rows)
        self.status_view.resizeColumnsToContents()
        counts = {s: sum(r.status == s for r in rows) for s in STATUS_COLOURS}
        deadline = consolidate.deadline_of(self._db, year)
        text = self.tr("Units: {total}; received on time: {received}, late: {late}, "
                       "missing: {missing}.").format(total=len(rows), **counts)
        if deadline:
            text += " " + self.tr("Deadline: {date}.").format(date=deadline.strftime("%d/%m/%Y"))
        self.summary.setText(text)
        self.change_unit.blockSignals(True)
        self.change_unit.clear()
        for r in rows:
            if r.receipts:
                self.change_unit.addItem(f"{r.name} ({r.code})", r.code)
        self.change_unit.blockSignals(False)
        self._load_revisions()
        self._load_values()

    def _load_values(self) -> None:
        choice: _Choice | None = self.period.currentData()
        if choice is None:
            return
        year, kind = self.year.value(), self.kind.currentData()
        try:
            units, lines = run_in_background(
                self, lambda: consolidate.side_by_side(self._db, year, kind, choice.period,
                                                       choice.year),
                self.tr("Reading the units' files…"))
        except WardPlanError as exc:
            self._error(exc)
            return
        self.values.set_lines(units, lines)
        self._size_value_columns()
        current = self.indicator.currentText()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for i, line in enumerate(lines):
            unit = self.values.cell(line, 2)
            self.indicator.addItem(f"{line.name} ({unit})" if unit else line.name, i)
        self.indicator.blockSignals(False)
        found = self.indicator.findText(current)
        self.indicator.setCurrentIndex(max(found, 0))
        self._show_chart()

    def _size_value_columns(self) -> None:
        """Every column as wide as its contents, as resizeColumnsToContents makes it.

        That asks the model for every role of every cell: seconds for the country's
        3,321 units.  Beyond SIZED_UNITS units, the units' columns are sized here
        instead: their titles by the header, their cells' words measured with the
        view's font plus the margins Qt adds to them (found on the first columns).
        """
        view, header, model = self.values_view, self.values_view.horizontalHeader(), self.values
        if len(model.units) <= SIZED_UNITS:
            view.resizeColumnsToContents()
        else:
            for column in range(model.FIXED):
                view.resizeColumnToContents(column)
            metrics = QFontMetricsF(view.font())
            measured: dict[str, int] = {}  # the same words come back in many cells

            def widest(texts: list[str]) -> int:
                most = 0
                for text in texts:
                    width = measured.get(text)
                    if width is None:
                        # Qt shows a cell's lines one under the other.
                        width = measured[text] = max(
                            math.ceil(metrics.horizontalAdvance(line))
                            for line in text.split("\n"))
                    most = max(most, width)
                return most

            units = range(model.FIXED, model.columnCount())
            margin = max(view.sizeHintForColumn(column) - widest(model.column_texts(column))
                         for column in units[:3])
            # A header showing its changes works out where every section starts at each
            # one: thousands of times thousands of sections.
            header.setUpdatesEnabled(False)
            try:
                for column in units:
                    view.setColumnWidth(column, max(widest(model.column_texts(column)) + margin,
                                                    header.sectionSizeHint(column)))
            finally:
                header.setUpdatesEnabled(True)
        view.setColumnWidth(1, min(view.columnWidth(1), 360))

    def _show_chart(self) -> None:
        i = self.indicator.currentData()
        if i is None or not 0 <= i < len(self.values.rows):
            self.chart.set_bars("", [])
            self.chart_note.clear()
            return
        line: Line = self.values.rows[i]
        names = dict(self.values.units)
        bars, words = [], []
        # Bars compare numbers in one unit only: the unit most units wrote.
        numbers = {c: v for c, v in line.values.items()
                   if v.value is not None and v.kind == "number"}
        units = Counter(consolidate.unit_key(v.unit) for v in numbers.values())
        common = units.most_common(1)[0][0] if units else None
        for code, value in line.values.items():
            if code in numbers and consolidate.unit_key(value.unit) == common:
                bars.append(Bar(names.get(code, code), float(value.value), value.text))
            else:
                words.append(f"{names.get(code, code)}: {value.text}")
        bars.sort(key=lambda b: -b.value)
        missing = [names[c] for c, _ in self.values.units if c not in line.values]
        self.chart.set_bars(f"{line.name} — {self.period.currentText()}", bars)
        notes = []
        if words:
            notes.append(self.tr("Not a single number in the same unit, so not drawn: {list}")
                         .format(list="; ".join(words)))
        if missing:
            notes.append(self.tr("No value: {list}").format(list=", ".join(missing)))
        self.chart_note.setText("\n".join(notes))

    def _load_revisions(self) -> None:
        code = self.change_unit.currentData()
        received = (revisions.received_revisions(self._db, code, self.year.value(),
                                                 self.kind.currentData()) if code else [])
        for combo, index in ((self.change_from, max(len(received) - 2, 0)),
                             (self.change_to, len(received) - 1)):
            # Filled and set without signals: the comparison is made once, below.
            combo.blockSignals(True)
            combo.clear()
            for r in received:
                combo.addItem(self.tr("{revision} (made {made})").format(
                    revision=r.revision, made=local_time(r.created)), r.revision)
            if received:
                combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._show_changes()

    def _show_changes(self) -> None:
        """Compare the chosen revisions; what cannot be compared is said in the note over
        the table (no message box: the comparison is made unasked, as the window opens
        and whenever a unit or revision is chosen), and no earlier result stays."""
        code = self.change_unit.currentData()
        old, new = self.change_from.currentData(), self.change_to.currentData()
        self.changes.set_rows([])
        if code is None or old is None or new is None:
            self.changes_note.setText(self.tr("No unit has sent a file yet."))
            return
        if self.change_from.count() == 1:
            self.changes_note.setText(
                self.tr("Only one revision received: nothing to compare yet."))
            return
        try:
            rows = revisions.revision_changes(self._db, code, self.year.value(), old, new,
                                              self.kind.currentData())
        except WardPlanError as exc:
            self.changes_note.setText(exc.render(QCoreApplication.translate))
            return
        self.changes.set_rows(rows)
        self.changes_view.resizeColumnsToContents()
        for column in (2, 3):
            self.changes_view.setColumnWidth(column, 380)
        self.changes_view.resizeRowsToContents()
        self.changes_note.setText(self.tr("Changes from revision {old} to {new}: {count}.")
                                  .format(count=len(rows), old=old, new=new))

    # ------------------------------------------------------------------ actions

    def _open_column(self, column: int) -> None:
        code = self.values.unit_at(column)
        if code:
            self.open_unit(code)

    def open_unit(self, code: str) -> None:
        """Open the unit's plan read-only, as received."""
        if not any(r.code == code and r.receipts for r in self.completeness.rows):
            self.statusBar().showMessage(self.tr("{code} has sent nothing for this year yet.")
                                         .format(code=code), 10000)
            return
        try:
            data = service.export_plan(self._db, code, self.year.value(), self.kind.currentData())
        except WardPlanError as exc:
            self._error(exc)
            return
        self.plan_dialog = PlanViewDialog(data["plan"], self)
        self.plan_dialog.show()

    def save_chart(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), "chart.png",
                                              self.tr("PNG images (*.png)"))
        if not path:
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.chart.image().save(buffer, "PNG")
        try:
            write_atomically(Path(path), bytes(QByteArray(buffer.data()).data()))
        except WardPlanError as exc:
            self._error(exc)
            return
        self.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 10000)

    def export(self, fmt: str) -> None:
        year, kind = self.year.value(), self.kind.currentData()
        choice: _Choice = self.period.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"tong-hop-{year}.{fmt}",
            self.tr("Excel workbooks (*.xlsx)") if fmt == "xlsx" else self.tr("PDF files (*.pdf)"))
        if not path:
            return

        def work() -> None:
            # The writers are imported when first used: openpyxl alone takes a tenth
            # of a second to import, which every start of the program would pay.
            if fmt == "xlsx":
                from ..core.documents.consolidated_xlsx import build_consolidated_xlsx

                data = build_consolidated_xlsx(self._db, year, kind, choice.period, choice.year)
            else:
                from ..core.documents.consolidated_pdf import build_consolidated_pdf

                data = build_consolidated_pdf(self._db, year, kind, choice.period, choice.year)
            write_atomically(Path(path), data)

        try:
            run_in_background(self, work, self.tr("Writing {path}…").format(path=path))
        except WardPlanError as exc:
            self._error(exc)
            return
        self.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 10000)

    def _error(self, exc: WardPlanError) -> None:
        QMessageBox.warning(self, self.windowTitle(), exc.render(QCoreApplication.translate))
