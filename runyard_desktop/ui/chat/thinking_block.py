"""A reply's collapsible reasoning ("Thinking · 812 tokens · 14 s"): open while thinking, closed after."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from runyard_desktop.core.chat.conversation import estimate_tokens, tokens_for_length
from runyard_desktop.ui.chat.chat_style import ChatColors, tint

THINKING_MAX_HEIGHT = 220


class ThinkingBlock(QFrame):
    """Collapsible reasoning: "Thinking · 812 tokens · 14 s", open while thinking, closed after."""

    def __init__(self, colors: ChatColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thinkingBlock")
        self._colors = colors
        self.toggle = QToolButton()
        self.toggle.setObjectName("thinkingToggle")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        font = self.toggle.font()
        font.setItalic(True)
        self.toggle.setFont(font)
        tint(self.toggle, colors.muted)
        # The text widget is made when first needed: a stored, collapsed block costs just its toggle.
        self.text: QPlainTextEdit | None = None
        self._stored = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 2, 6, 4)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._chars = 0
        self._started = time.monotonic()
        self._ended: float | None = None
        self._known_seconds: float | None = 0.0
        self.tokens = 0
        self._update_label()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(0, 4, 3, self.height() - 8, self._colors.border)

    @property
    def collapsed(self) -> bool:
        return not self.toggle.isChecked()

    def set_collapsed(self, collapsed: bool) -> None:
        self.toggle.setChecked(not collapsed)

    def _ensure_text(self) -> QPlainTextEdit:
        if self.text is None:
            edit = QPlainTextEdit()
            edit.setObjectName("thinkingText")
            edit.setReadOnly(True)
            edit.setFrameShape(QFrame.Shape.NoFrame)
            edit.setMaximumHeight(THINKING_MAX_HEIGHT)
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
            edit.viewport().setAutoFillBackground(False)
            tint(edit, self._colors.muted)
            edit.setPlainText(self._stored)
            edit.setVisible(not self.collapsed)
            self._layout.addWidget(edit)
            self.text = edit
        return self.text

    def thinking_text(self) -> str:
        return self.text.toPlainText() if self.text is not None else self._stored

    def append(self, text: str) -> None:
        edit = self._ensure_text()
        cursor = QTextCursor(edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self._chars += len(text)
        self.tokens = max(self.tokens, tokens_for_length(self._chars))
        bar = edit.verticalScrollBar()
        bar.setValue(bar.maximum())
        self._update_label()

    def set_text(self, text: str, seconds: float | None = None) -> None:
        """Show stored thinking; `seconds` is how long it took, when that was recorded."""
        self._stored = text
        if self.text is not None:
            self.text.setPlainText(text)
        self._chars = len(text)
        self.tokens = estimate_tokens(text)
        self._ended = self._started
        self._known_seconds = seconds
        self._update_label(seconds)

    def end(self) -> None:
        if self._ended is None:
            self._ended = time.monotonic()
        self._update_label()

    def tick(self) -> None:
        if self._ended is None:
            self._update_label()

    def label_text(self) -> str:
        return self.toggle.text()

    def _update_label(self, seconds: float | None = None) -> None:
        verb = "Thinking" if self._ended is None else "Thought"
        if seconds is None and self._known_seconds is None and self._ended == self._started:
            self.toggle.setText(f"{verb} · {self.tokens:,} tokens")
            return
        if seconds is None:
            seconds = (self._ended or time.monotonic()) - self._started
        self.toggle.setText(f"{verb} · {self.tokens:,} tokens · {seconds:.0f} s")

    @Slot(bool)
    def _on_toggle_toggled(self, open_: bool) -> None:
        if open_:
            self._ensure_text().setVisible(True)
        elif self.text is not None:
            self.text.setVisible(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
