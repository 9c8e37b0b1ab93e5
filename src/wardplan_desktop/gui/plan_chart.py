"""Percent of plan per indicator, as a chart a clerk can paste into a report.

:class:`ProgressChart` shows, for the whole plan or one field, one bar per
indicator with a target and a result (``core/progress.py``): its length is the
result as a percentage of the plan, a dashed line marks 100 %, and every bar
says its percent and its status in words, so nothing depends on colour.
Indicators whose result cannot honestly be compared with the target are listed
below the chart instead of being given a bar, and so are those still waiting
for a result.  "Save as image…" writes the chart as a PNG file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.enums import Field, Status
from ..core.errors import WardPlanError
from ..core.interchange.codec import write_atomically
from ..core.progress import (
    Progress,
    awaiting_results,
    default_year,
    plan_progress,
    summarise,
    target_years,
    total,
)
from .charts import Bar, BarChart
from .models import status_text

#: Strong enough to read as bars (the table's pale cell colours are not).
STATUS_BAR_COLOURS = {
    Status.EXCEEDED: "#1e7b34",
    Status.ACHIEVED: "#5aac5e",
    Status.NOT_ACHIEVED: "#c0392b",
    Status.NOT_COMPARABLE: "#9e9e9e",
}
#: Bars stop here so that one result of 2 000 % does not flatten all others;
#: the words beside the bar keep the exact figure.
BAR_CAP = 300.0
#: How many names the lines under the chart list before "and N more".
NAMES_LISTED = 12
IMAGE_WIDTH = 1200


def bars_for(progress: list[Progress]) -> list[Bar]:
    """One bar per comparable indicator: % of plan, with percent and status in words."""
    bars = []
    for row in progress:
        if not row.comparable:
            continue
        status = status_text(row.status)
        # "—": this kind of target (a range, a cap, words) has no percent of plan.
        text = f"{row.percent_text or '—'} · {status}"
        value = min(float(row.percent), BAR_CAP) if row.percent is not None else 0.0
        bars.append(Bar(row.name, value, text, STATUS_BAR_COLOURS[row.status]))
    return bars


class ProgressChart(QWidget):
    """Percent of plan of a plan's indicators, for the whole plan or one field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: dict[str, Any] | None = None
        self._progress: list[Progress] = []

        self.field_label = QLabel()
        self.field = QComboBox()
        self.year_label = QLabel()
        self.year = QComboBox()
        self.save_button = QPushButton()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = BarChart()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.chart)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Base)  # one white panel
        self.not_comparable = QLabel()
        self.not_comparable.setWordWrap(True)
        self.awaiting = QLabel()
        self.awaiting.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.field_label)
        top.addWidget(self.field)
        top.addSpacing(12)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.not_comparable)
        layout.addWidget(self.awaiting)

        self.field_label.setBuddy(self.field)
        self.year_label.setBuddy(self.year)
        self.field.currentIndexChanged.connect(lambda _i: self._redraw())
        self.year.currentIndexChanged.connect(lambda _i: self._on_year())
        self.save_button.clicked.connect(self.save_image)
        self.retranslate_ui()

    # ------------------------------------------------------------------ texts

    def _field_names(self) -> dict[str, str]:
        return {
            Field.ECONOMY.value: self.tr("Economy"),
            Field.CULTURE_SOCIETY.value: self.tr("Culture and society"),
            Field.DEFENCE_SECURITY.value: self.tr("Defence and security"),
            Field.GOVERNMENT.value: self.tr("Government"),
        }

    def retranslate_ui(self) -> None:
        self.field_label.setText(self.tr("&Field:"))
        self.year_label.setText(self.tr("&Year:"))
        self.save_button.setText(self.tr("&Save as image…"))
        current = self.field.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem(self.tr("Whole plan"), None)
        for code, name in self._field_names().items():
            self.field.addItem(name, code)
        self.field.setCurrentIndex(max(self.field.findData(current), 0))
        self.field.blockSignals(False)
        self._redraw()

    # ------------------------------------------------------------------ content

    def show_plan(self, plan: dict[str, Any] | None) -> None:
        """Show ``plan`` (its data as exported, or None); keeps the chosen field and year."""
        if plan is not None and "format" in plan and isinstance(plan.get("plan"), dict):
            plan = plan["plan"]
        previous = self.year.currentData() if self._plan is not None and plan is not None \
            and self._plan.get("uid") == plan.get("uid") else None
        self._plan = plan
        self.year.blockSignals(True)
        self.year.clear()
        if plan is not None:
            years = target_years(plan)
            chosen = previous if previous in years else default_year(plan)
            for y in sorted(set(years) | {chosen}, reverse=True):
                self.year.addItem(str(y), y)
            self.year.setCurrentIndex(self.year.findData(chosen))
        self.year.blockSignals(False)
        self._on_year()

    def selected_year(self) -> int | None:
        return self.year.currentData()

    def selected_field(self) -> str | None:
        return self.field.currentData()

    def progress(self) -> list[Progress]:
        """The rows shown: the selected field's (or the whole plan's) indicators."""
        code = self.selected_field()
        return [p for p in self._progress if code is None or p.field == code]

    def _on_year(self) -> None:
        year = self.selected_year()
        self._progress = plan_progress(self._plan, year) \
            if self._plan is not None and year is not None else []
        self._redraw()

    def _redraw(self) -> None:
        plan, year, code = self._plan, self.selected_year(), self.selected_field()
        where = self._field_names().get(code, "") if code else self.tr("Whole plan")
        self.save_button.setEnabled(plan is not None)
        if plan is None or year is None:
            self.chart.set_bars("", [])
            for label in (self.summary, self.not_comparable, self.awaiting):
                label.setText("")
            self.not_comparable.hide()
            self.awaiting.hide()
            return
        rows = self.progress()
        unit = (plan.get("unit") or {}).get("name", "")
        title = self.tr("Percent of plan {year} — {where}").format(year=year, where=where)
        title = f"{unit} · {title}" if unit else title
        bars = bars_for(rows)
        self.chart.set_bars(title, bars, reference=100.0)
        self.summary.setText(self._summary_text(rows, code))
        self.not_comparable.setText(self._not_comparable_text(rows))
        self.awaiting.setText(self._awaiting_text(plan, year, code))
        for label in (self.not_comparable, self.awaiting):
            label.setVisible(bool(label.text()))
        self.chart.setToolTip("" if bars else self.tr(
            "No indicator here has both a target and a result for {year}.").format(year=year))

    def _counts(self, counts: dict[Status, int]) -> str:
        return " · ".join(f"{status_text(s)}: {counts[s]}" for s in Status)

    def _summary_text(self, rows: list[Progress], code: str | None) -> str:
        summary = summarise(rows)
        whole = total(summary)
        if not whole.total:
            return self.tr("No indicator has both a target and a result for this year yet.")
        lines = [self.tr("{count} indicator(s) with a target and a result — {counts}").format(
            count=whole.total, counts=self._counts(whole.counts))]
        if code is None:
            names = self._field_names()
            lines += [f"{names.get(f, f)}: {self._counts(s.counts)}"
                      for f, s in summary.items() if s.total]
        return "\n".join(lines)

    def _names(self, names: list[str]) -> str:
        listed = "; ".join(names[:NAMES_LISTED])
        rest = len(names) - NAMES_LISTED
        return listed + (self.tr("; and {count} more").format(count=rest) if rest > 0 else "")

    def _not_comparable_text(self, rows: list[Progress]) -> str:
        cannot = [self.tr("{name} (target {target}, result {result})").format(
            name=p.name, target=p.target, result=p.result)
            for p in rows if not p.comparable]
        if not cannot:
            return ""
        return self.tr("Cannot be compared with the target ({count}): {names}").format(
            count=len(cannot), names=self._names(cannot))

    def _awaiting_text(self, plan: dict[str, Any], year: int, code: str | None) -> str:
        waiting = [a.name for a in awaiting_results(plan, year)
                   if code is None or a.field == code]
        if not waiting:
            return ""
        return self.tr("Targets for {year} still without a result ({count}): {names}").format(
            year=year, count=len(waiting), names=self._names(waiting))

    # ------------------------------------------------------------------ saving

    def image_bytes(self, width: int = IMAGE_WIDTH) -> bytes:
        """The chart as PNG data."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.chart.image(width).save(buffer, "PNG")
        buffer.close()
        return bytes(QByteArray(buffer.data()).data())

    def save_image(self) -> bool:
        """Ask where, and write the chart there as a PNG image; True when written."""
        plan = self._plan or {}
        unit = (plan.get("unit") or {}).get("code", "")
        suggested = "-".join(x for x in ("ti-le-dat-ke-hoach", unit,
                                         str(self.selected_year() or "")) if x) + ".png"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as image"), suggested,
                                              self.tr("PNG images (*.png)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        try:
            write_atomically(target, self.image_bytes())
        except WardPlanError as exc:
            QMessageBox.warning(self, self.tr("Save chart as image"),
                                exc.render(QCoreApplication.translate))
            return False
        return True
