"""A horizontal bar chart that reads like a table: one labelled bar per row, value in words.

Bars are drawn with QPainter (no chart module to ship): each row has its label,
its bar scaled to the largest value, and the value's own words, so the chart
says what it shows without relying on colour.  It grows downward with the
number of rows, lives in a scroll area, and saves itself as a PNG image.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 22
MARGIN = 8
DEFAULT_COLOUR = "#3f7fbf"
#: The largest image a chart is saved as; taller charts are cut with a note.
MAX_IMAGE_HEIGHT = 16000


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    colour: str = DEFAULT_COLOUR


class BarChart(QWidget):
    """Rows of labelled bars; ``reference`` draws a dashed line (e.g. 100 % of plan)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[Bar] = []
        self.reference: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_bars(self, title: str, bars: list[Bar], reference: float | None = None) -> None:
        self.title, self.bars, self.reference = title, list(bars), reference
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, MARGIN * 3 + ROW_HEIGHT * (len(self.bars) + 1))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        self.draw(painter, self.width(), event.rect())
        painter.end()

    def draw(self, painter: QPainter, width: int, clip: QRect | None = None) -> None:
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_colour = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text_colour)
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(QRect(MARGIN, MARGIN, width - 2 * MARGIN, ROW_HEIGHT),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self.bars:
            return
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + MARGIN,
                      width // 3)
        text_w = min(max(metrics.horizontalAdvance(b.text) for b in self.bars) + MARGIN,
                     width // 4)
        left = MARGIN + label_w
        span = max(width - left - text_w - 2 * MARGIN, 20)
        values = [b.value for b in self.bars] + ([self.reference] if self.reference else [])
        top_value = max(max(values), 0.0) or 1.0
        top = MARGIN * 2 + ROW_HEIGHT
        if self.reference:  # under the bars and their words, so it never hides a figure
            x = left + int(span * self.reference / top_value)
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(palette.color(QPalette.ColorRole.Mid))
            painter.setPen(pen)
            painter.drawLine(x, top, x, top + ROW_HEIGHT * len(self.bars))
        first = 0 if clip is None else max((clip.top() - top) // ROW_HEIGHT, 0)
        last = len(self.bars) if clip is None else min(
            (clip.bottom() - top) // ROW_HEIGHT + 1, len(self.bars))
        for i in range(first, last):
            bar = self.bars[i]
            y = top + i * ROW_HEIGHT
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - MARGIN)
            painter.drawText(QRect(MARGIN, y, label_w - MARGIN, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = int(span * max(bar.value, 0.0) / top_value)
            painter.fillRect(QRect(left, y + 4, length, ROW_HEIGHT - 8), QColor(bar.colour))
            painter.drawText(QRect(left + length + MARGIN // 2, y, text_w, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(bar.text, Qt.TextElideMode.ElideRight, text_w))

    def image(self, width: int = 1000) -> QImage:
        """The whole chart, every row, as an image ``width`` pixels wide."""
        height = min(self.sizeHint().height(), MAX_IMAGE_HEIGHT)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        painter.setFont(self.font())
        self.draw(painter, width, QRect(0, 0, width, height))
        painter.end()
        return image

    def save_png(self, path: Path, width: int = 1000) -> bool:
        return self.image(width).save(str(path), "PNG")
