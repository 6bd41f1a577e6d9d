"""A one-line plain label that shrinks with its row and draws "…" where its text does not fit.

`text()` (and what a screen reader reads) stays the whole text. The chat header's title and the Ollama
status line use it. While the text fits, it paints like any QLabel and builds no `QtCore.Qt` enum, so
the status line can be part of the first paint (which leaves `Qt` for later).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

from runyard_desktop.ui.widgets.plain_text import make_plain

if TYPE_CHECKING:  # the status line is built before the first paint: each Qt class costs on first use
    from PySide6.QtGui import QPaintEvent


class ElidedLabel(QLabel):
    """A QLabel that elides at the right instead of being cut off or widening its row."""

    def __init__(self, text: str = "", description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_plain(self)
        self.setText(text)
        self.setAccessibleDescription(description)  # drawn by the app: a screen reader gets a description

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 6, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= rect.width():
            super().paintEvent(event)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter

        elided = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
