"""Painting for the Models table: verdict badges (colour AND words) and the Status column's
progress bar. Badge colours carry their own white text, so they read the same on light and dark
palettes; the words alone carry the meaning for colour-blind users and screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar, QStyleOptionViewItem

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.engine import FitReport
from runyard_desktop.models.catalogue_model import CatalogueModel

_Index = QModelIndex | QPersistentModelIndex

# Saturated mid-tones: white text on them passes WCAG AA (≥ 4.5:1), and they stand out on both
# a white and a near-black window background.
VERDICT_COLOURS = {
    "gpu": QColor("#1b7a3a"),
    "partial": QColor("#9a5b00"),
    "cpu": QColor("#2457a6"),
    "no_fit": QColor("#a32020"),
}
ERROR_COLOUR = QColor("#d93b3b")
INSTALLED_COLOUR = QColor("#2e9d57")


def verdict_colour(verdict: str) -> QColor:
    return VERDICT_COLOURS.get(verdict, QColor("#666666"))


class VerdictBadgeDelegate(QStyledItemDelegate):
    """Draws the Verdict cell as a rounded badge with the verdict's words on it.

    Signals: none of its own.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        report: FitReport | None = index.data(CatalogueModel.ReportRole)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        style = option.widget.style() if option.widget is not None else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        if report is None:
            painter.drawText(option.rect.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
            return
        metrics = QFontMetrics(option.font)
        width = min(option.rect.width() - 8, metrics.horizontalAdvance(text) + 16)
        height = min(option.rect.height() - 6, metrics.height() + 6)
        badge = QRectF(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(verdict_colour(report.verdict.value))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(
            badge, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 12)
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 24, max(hint.height(), QFontMetrics(option.font).height() + 12))


class StatusDelegate(QStyledItemDelegate):
    """Status cell: a progress bar with the text on it while `progress` is set; else coloured text.

    Signals: none of its own.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        status: RowStatus | None = index.data(CatalogueModel.StatusRole)
        if status is None or status.progress is None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            if status is not None and (status.error or status.installed):
                colour = ERROR_COLOUR if status.error else INSTALLED_COLOUR
                opt.palette.setColor(QPalette.ColorRole.Text, colour)
                opt.palette.setColor(QPalette.ColorRole.HighlightedText, colour.lighter(160))
                opt.font.setBold(True)
            style = option.widget.style() if option.widget is not None else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = round(status.progress * 1000)
        bar.text = option.fontMetrics.elidedText(status.text, Qt.TextElideMode.ElideRight, bar.rect.width() - 8)
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
