"""The Chat page's icon: a speech bubble drawn in the palette's text colour.

Qt's standard icons have no speech bubble (the page list showed the information "i" for Chat), and the
page-list icons load no SVG library, so the bubble is painted with QPainter like the style's own icons.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


def chat_bubble_icon(color: QColor, selected: QColor | None = None, size: int = 32) -> QIcon:
    """A rounded speech bubble with a tail at the lower left and three dots, in `color`; in `selected` when
    its row is selected (the highlighted text's colour, so it stays as readable as the row's text)."""
    icon = QIcon(_bubble(color, size))
    if selected is not None:
        icon.addPixmap(_bubble(selected, size), QIcon.Mode.Selected)
    return icon


def _bubble(color: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = size / 32
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.2 * s))
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(3 * s, 5 * s, 26 * s, 17 * s), 5 * s, 5 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(9 * s, 21 * s))
    tail.lineTo(QPointF(7 * s, 28 * s))
    tail.lineTo(QPointF(15 * s, 21 * s))
    tail.closeSubpath()
    painter.drawPath(bubble.united(tail))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for x in (10, 16, 22):
        painter.drawEllipse(QPointF(x * s, 13.5 * s), 1.8 * s, 1.8 * s)
    painter.end()
    return pixmap
