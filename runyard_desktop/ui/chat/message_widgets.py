"""One chat turn on screen: the user's bubble, or the assistant's thinking block, answer and footer.

Streaming methods (`append_thinking`, `append_content`, `finish`) only ever append; see rich_text.py.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.conversation import (
    KIND_IMAGE,
    STATUS_FAILED,
    STATUS_STOPPED,
    STATUS_STREAMING,
    Message,
    estimate_tokens,
)
from runyard_desktop.core.markdown_stream import MarkdownStream
from runyard_desktop.ui.chat.chat_style import ChatColors, tint
from runyard_desktop.ui.chat.rich_text import MessageBody

THINKING_MAX_HEIGHT = 220
USER_INDENT = 0.18  # share of the column left free beside the user's bubble
BODY_CHARS = 12_000  # a streaming reply continues in a new document after about this much text


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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
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

    def append(self, text: str, tokens: int | None = None) -> None:
        edit = self._ensure_text()
        cursor = QTextCursor(edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self._chars += len(text)
        self.tokens = tokens if tokens is not None else max(self.tokens, estimate_tokens("x" * self._chars))
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


class MessageWidget(QFrame):
    """One turn. Assistant turns stream; user turns show attachments and an Edit action when last.

    Signals:
        link_clicked(QUrl): a link in the message was clicked.
        regenerate_requested(): "Regenerate" on this (last) reply.
        edit_requested(int): "Edit" on this (last) user message; the message id.
    """

    link_clicked = Signal(QUrl)
    regenerate_requested = Signal()
    edit_requested = Signal(int)

    def __init__(self, message: Message, colors: ChatColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self._colors = colors
        self.role = message.role
        self.setObjectName("userMessage" if message.role == "user" else "assistantMessage")
        self.setProperty("role", message.role)
        self._stream: MarkdownStream | None = None
        self.thinking: ThinkingBlock | None = None
        # The body text is appended to; see _next_body. No text width is set here: a text view not
        # shown yet keeps its document unlaid-out, so it is laid out once, when shown at its width
        # (a width set now meant a layout per insertion and again at show).
        self.body = MessageBody(colors, self)
        self.body.link_clicked.connect(self.link_clicked)
        self.bodies = [self.body]
        # Made when first needed: most stored messages never show a status, and only the last
        # message of a conversation has Regenerate / Edit.
        self._status: QLabel | None = None
        self.regenerate_button: QToolButton | None = None
        self.edit_button: QToolButton | None = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(14, 10, 14, 8)
        self._outer.setSpacing(6)
        self._footer = QHBoxLayout()
        if message.role == "user":
            self._build_user(message)
        else:
            self._build_assistant(message)

    # ---- construction ----------------------------------------------------------------------

    def _build_user(self, message: Message) -> None:
        for att in message.attachments:
            chip = QLabel(("Image: " if att.kind == KIND_IMAGE else "Document: ") + f"{att.name} · ≈{att.tokens:,} tokens")
            chip.setObjectName("attachmentChip")
            tint(chip, self._colors.muted)
            self._outer.addWidget(chip, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.set_markdown(message.content)
        self._outer.addWidget(self.body)
        self._footer.addStretch(1)
        self.copy_button = self._tool("Copy", "copyMessageButton", self._on_copy_button_clicked)
        self._footer.addWidget(self.copy_button)
        self._outer.addLayout(self._footer)

    def _build_assistant(self, message: Message) -> None:
        if message.thinking:
            self._ensure_thinking()
            assert self.thinking is not None
            self.thinking.set_text(message.thinking, self._thinking_seconds(message))
            self.thinking.set_collapsed(True)
        self._outer.addWidget(self.body)
        if message.status == STATUS_STREAMING:
            self._stream = MarkdownStream()
            self.set_loading("Waiting for the model…")
        else:
            self.body.set_markdown(message.content)
        self._metrics = QLabel(self)
        self._metrics.setObjectName("messageMetrics")
        tint(self._metrics, self._colors.muted)
        small = self._metrics.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self._metrics.setFont(small)
        self._metrics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._footer.addWidget(self._metrics, 1)
        self.copy_button = self._tool("Copy", "copyMessageButton", self._on_copy_button_clicked)
        self._footer.addWidget(self.copy_button)
        self._outer.addLayout(self._footer)
        self._show_outcome(message)

    def _status_label(self) -> QLabel:
        if self._status is None:
            self._status = QLabel(self)
            self._status.setObjectName("messageStatus")
            self._status.setWordWrap(True)
            tint(self._status, self._colors.muted)
            self._outer.insertWidget(self._outer.indexOf(self.body) + 1, self._status)
        return self._status

    def _hide_status(self) -> None:
        if self._status is not None:
            self._status.hide()

    def _tool(self, text: str, name: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        tint(button, self._colors.muted)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def _ensure_thinking(self) -> None:
        if self.thinking is None:
            self.thinking = ThinkingBlock(self._colors)
            self._outer.insertWidget(0, self.thinking)

    @staticmethod
    def _thinking_seconds(message: Message) -> float | None:
        return None if message.metrics is None else message.metrics.thinking_s

    # ---- streaming ---------------------------------------------------------------------------

    def set_loading(self, text: str) -> None:
        if text:
            status = self._status_label()
            status.setText(text)
            status.show()
        else:
            self._hide_status()

    def append_thinking(self, text: str) -> None:
        self._ensure_thinking()
        assert self.thinking is not None
        if self._stream is not None:
            self._hide_status()
        self.thinking.append(text)

    def append_content(self, text: str) -> None:
        if self._stream is None:
            self._stream = MarkdownStream()
        self._hide_status()
        if self.thinking is not None and not self.thinking.collapsed and self.thinking._ended is None:
            self.thinking.end()
            self.thinking.set_collapsed(True)  # the answer has started
        for op in self._stream.feed(text):
            self.body.apply([op])
            if self.body.chars > BODY_CHARS and self.body.is_quiescent():
                self._next_body()

    def _next_body(self) -> None:
        """Continue a very long reply in a fresh document, so each update stays as cheap as the first
        (a QTextDocument's layout and paint walk more of it as it grows)."""
        body = MessageBody(self._colors, self)
        body.link_clicked.connect(self.link_clicked)
        self._outer.insertWidget(self._outer.indexOf(self.body) + 1, body)
        self.body = body
        self.bodies.append(body)

    def code_blocks(self) -> list[tuple[str, str]]:
        return [block for body in self.bodies for block in body.code_blocks()]

    def flush(self) -> None:
        self.body.flush()
        if self.thinking is not None:
            self.thinking.tick()

    def finish(self, message: Message) -> None:
        """The reply ended (complete, stopped or failed): render the rest and show the outcome."""
        if self._stream is not None:
            self.body.apply(self._stream.finish(), final=True)
            self._stream = None
        if self.thinking is not None:
            self.thinking.end()
            if message.content:
                self.thinking.set_collapsed(True)
        self.message = message
        if self.role != "user":
            self._show_outcome(message)

    def _show_outcome(self, message: Message) -> None:
        if message.metrics is not None:
            self._metrics.setText(message.metrics.summary())
        elif message.model and message.status != STATUS_STREAMING:
            self._metrics.setText(message.model)
        if message.status in (STATUS_STOPPED, STATUS_FAILED):
            stopped = message.status == STATUS_STOPPED
            status = self._status_label()
            if stopped:
                status.setText("Stopped — " + (message.error or "you stopped this reply; the text so far is kept."))
            else:
                status.setText("Failed: " + (message.error or "This reply failed."))
            status.setProperty("level", "warn" if stopped else "error")
            tint(status, self._colors.warn if stopped else self._colors.error)
            status.show()
        elif message.status != STATUS_STREAMING:
            self._hide_status()
        self.setProperty("status", message.status)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        if self.role == "user":  # the user's bubble sits to the right, narrower than the answer column
            indent = self._bubble_indent()
            self._outer.setContentsMargins(14 + indent, 10, 14, 8)
        super().resizeEvent(event)

    def _bubble_indent(self) -> int:
        return int(self.width() * USER_INDENT)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.role == "user":
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colors.user_bubble)
            painter.drawRoundedRect(self.rect().adjusted(self._bubble_indent(), 0, 0, 0), 14, 14)

    def set_last(self, last: bool) -> None:
        """Only the last reply can be regenerated and only the last user message edited."""
        if self.role == "user":
            if last and self.edit_button is None:
                self.edit_button = self._tool("Edit", "editMessageButton", self._on_edit_button_clicked)
                self._footer.insertWidget(self._footer.indexOf(self.copy_button), self.edit_button)
            if self.edit_button is not None:
                self.edit_button.setVisible(last)
        else:
            if last and self.regenerate_button is None:
                self.regenerate_button = self._tool("Regenerate", "regenerateButton", self.regenerate_requested.emit)
                self._footer.insertWidget(self._footer.indexOf(self.copy_button), self.regenerate_button)
            if self.regenerate_button is not None:
                self.regenerate_button.setVisible(last)

    def text(self) -> str:
        return "\n".join(body.plain_text() for body in self.bodies)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.message.content or self.text())

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        self.edit_requested.emit(self.message.id)
