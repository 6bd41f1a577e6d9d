"""The memory breakdown of one fit report as a stacked bar, drawn against what the machine has free:
a mark for free GPU memory and one for GPU + usable RAM (or usable RAM alone on CPU / unified memory).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from runyard_desktop.core.fit.engine import FitReport
from runyard_desktop.core.formatting import human_gib

# Segment colours chosen to stay apart for common colour-vision deficiencies and on dark themes.
SEGMENTS = (
    ("weights", "Weights", QColor("#4c78a8")),
    ("kv_cache", "KV cache", QColor("#f58518")),
    ("recurrent_state", "Recurrent state", QColor("#54a24b")),
    ("compute", "Compute", QColor("#b279a2")),
    ("gpu_reserve", "GPU reserve", QColor("#9d9d9d")),
)


class BreakdownBar(QWidget):
    """Paints `report.breakdown` to scale; the legend lists each part in GiB.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakdownBar")
        self._report: FitReport | None = None
        self._unified = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Memory breakdown")

    @property
    def report(self) -> FitReport | None:
        return self._report

    def set_report(self, report: FitReport | None, *, unified: bool = False) -> None:
        self._report = report
        self._unified = unified
        if report is not None:
            b = report.breakdown
            self.setAccessibleDescription(
                ", ".join(f"{label} {human_gib(getattr(b, key))}" for key, label, _ in SEGMENTS)
            )
        self.updateGeometry()
        self.update()

    def _marks(self) -> list[tuple[str, int]]:
        r = self._report
        if r is None:
            return []
        marks = []
        if r.gpu_free_bytes and not self._unified:
            marks.append(("GPU free", r.gpu_free_bytes))
            marks.append(("GPU + RAM", r.gpu_free_bytes + r.ram_usable_bytes))
        elif r.gpu_free_bytes:
            marks.append(("GPU window", r.gpu_free_bytes))
            marks.append(("RAM", r.ram_usable_bytes))
        else:
            marks.append(("RAM", r.ram_usable_bytes))
        return marks

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(360, 28 + 2 * line + 3 * (line + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        r = self._report
        if r is None:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Select a model to see its memory")
            return
        line = QFontMetrics(self.font()).height()
        marks = self._marks()
        scale_max = max([r.required_bytes] + [m for _, m in marks]) * 1.04
        width = self.width() - 2
        top = line + 4
        bar = QRectF(1, top, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(bar, 4, 4)
        x = bar.left()
        for key, _label, colour in SEGMENTS:
            value = getattr(r.breakdown, key)
            w = width * value / scale_max
            if w > 0:
                painter.setBrush(colour)
                painter.drawRect(QRectF(x, bar.top(), max(w, 1.5), bar.height()))
            x += w
        self._draw_marks(painter, marks, scale_max, bar, text_colour, line)
        self._draw_legend(painter, r, top + bar.height() + line + 8, text_colour, line)

    def _draw_marks(
        self, painter: QPainter, marks: list[tuple[str, int]], scale_max: float, bar: QRectF, colour: QColor, line: int
    ) -> None:
        for i, (label, value) in enumerate(marks):
            x = bar.left() + bar.width() * value / scale_max
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine if i else Qt.PenStyle.SolidLine))
            painter.drawLine(int(x), int(bar.top() - 3), int(x), int(bar.bottom() + 3))
            text = f"{label} {human_gib(value)}"
            metrics = QFontMetrics(self.font())
            tw = metrics.horizontalAdvance(text)
            tx = min(max(0, x - tw / 2), self.width() - tw)
            y = bar.top() - 4 if i == 0 else bar.bottom() + line
            painter.drawText(int(tx), int(y), text)

    def _draw_legend(self, painter: QPainter, r: FitReport, y: float, colour: QColor, line: int) -> None:
        x, row = 1.0, 0
        metrics = QFontMetrics(self.font())
        for key, label, swatch in SEGMENTS:
            value = getattr(r.breakdown, key)
            text = f"{label} {human_gib(value, precision=2)}"
            w = 16 + metrics.horizontalAdvance(text) + 14
            if x + w > self.width() and x > 1:
                x, row = 1.0, row + 1
            top = y + row * (line + 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(swatch)
            painter.drawRoundedRect(QRectF(x, top + 2, 11, 11), 2, 2)
            painter.setPen(colour)
            painter.drawText(int(x + 16), int(top + line - 2), text)
            x += w
