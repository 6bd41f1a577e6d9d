"""One chat turn on screen: the user's bubble, or the assistant's thinking block, answer and footer.

Streaming methods (`append_thinking`, `append_content`, `finish`) only ever append; see rich_text.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QEnterEvent, QGuiApplication, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from runyard_desktop.core.chat.conversation import (
    KIND_IMAGE,
    STATUS_FAILED,
    STATUS_STOPPED,
    STATUS_STREAMING,
    Message,
)
from runyard_desktop.core.chat.markdown_stream import MarkdownStream
from runyard_desktop.core.chat.render_budget import RenderBudget, over_budget
from runyard_desktop.ui.chat.chat_style import ChatColors, tint
from runyard_desktop.ui.chat.rich_text import MessageBody
from runyard_desktop.ui.chat.thinking_block import ThinkingBlock
from runyard_desktop.ui.widgets.elided_label import ElidedLabel
from runyard_desktop.ui.widgets.plain_text import plain_label

USER_INDENT = 0.18  # share of the column left free beside the user's bubble
BODY_CHARS = 12_000  # a streaming reply continues in a new document after about this much text
PLAIN_BODY_CHARS = 200_000  # the same for text shown plain (too large to format)
PLAIN_OPEN_CHARS = 1_000_000  # a stored text shows at most this much (~0.3 s); Copy copies all of it


ACCESSIBLE_TEXT_CHARS = 2000  # of a message's text, as its accessible description


class MetricsLabel(QLabel):
    """The reply's figures, selectable with the mouse.

    Selection is switched on when the pointer first reaches the label: a selectable QLabel lays out
    and paints through a text document, about three times the cost of a plain one, and every shown
    reply has this label. Its text names the model (outside text), so it is plain.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # wraps in a narrow column (a side panel open) instead of widening the reply past the view's edge,
        # where the message list (no sideways scroll bar) cut it off
        self.setWordWrap(True)

    def enterEvent(self, event: QEnterEvent) -> None:
        selectable = Qt.TextInteractionFlag.TextSelectableByMouse
        if not self.textInteractionFlags() & selectable:
            self.setTextInteractionFlags(selectable)
        super().enterEvent(event)


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
        self.setAccessibleName("Your message" if message.role == "user" else "Reply")
        self._describe(message)
        self._stream: MarkdownStream | None = None
        self._budget = RenderBudget()  # of the streaming text; when over, the rest is shown plain
        self.plain = False  # the text (or its rest) is shown as plain text: too large to format
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
            text = ("Image: " if att.kind == KIND_IMAGE else "Document: ") + f"{att.name} · ≈{att.tokens:,} tokens"
            # elided, not as wide as the file's name: a long name held the bubble wider than a narrow column
            chip = ElidedLabel(text, "The attached file")
            chip.setToolTip(text)
            chip.setObjectName("attachmentChip")
            tint(chip, self._colors.muted)
            self._outer.addWidget(chip, 0, Qt.AlignmentFlag.AlignLeft)
        self._outer.addWidget(self.body)
        self._show_text(message.content)
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
            self._show_text(message.content)
        self._metrics = MetricsLabel(self)
        self._metrics.setObjectName("messageMetrics")
        tint(self._metrics, self._colors.muted)
        small = self._metrics.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self._metrics.setFont(small)
        self._footer.addWidget(self._metrics, 1)
        self.copy_button = self._tool("Copy", "copyMessageButton", self._on_copy_button_clicked)
        self._footer.addWidget(self.copy_button)
        self._outer.addLayout(self._footer)
        self._show_outcome(message)

    def _show_text(self, text: str) -> None:
        """A stored text: formatted in one pass, or, beyond the rendering budget, plain in chunks."""
        if not over_budget(text):
            self.body.set_markdown(text)
            return
        self.plain = True
        self.body.show_plain_note()
        if len(text) > PLAIN_OPEN_CHARS:
            self.body.append_plain_chunked(
                f"The first {PLAIN_OPEN_CHARS:,} of {len(text):,} characters are shown; Copy copies all of them.\n"
            )
            text = text[:PLAIN_OPEN_CHARS]
        for start in range(0, len(text), PLAIN_BODY_CHARS):
            if start:
                self._next_body()
            self.body.append_plain_chunked(text[start : start + PLAIN_BODY_CHARS])

    def _status_label(self) -> QLabel:
        if self._status is None:
            self._status = plain_label(parent=self)
            self._status.setObjectName("messageStatus")
            self._status.setWordWrap(True)
            tint(self._status, self._colors.muted)
            self._outer.insertWidget(self._outer.indexOf(self.body) + 1, self._status)
        return self._status

    def _hide_status(self) -> None:
        if self._status is not None:
            self._status.hide()

    def _tool(self, text: str, name: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        tint(button, self._colors.muted)
        button.clicked.connect(slot)
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
        if self._stream is None and not self.plain:
            self._stream = MarkdownStream()
        self._hide_status()
        if self.thinking is not None and not self.thinking.collapsed and self.thinking._ended is None:
            self.thinking.end()
            self.thinking.set_collapsed(True)  # the answer has started
        if self.plain or self._budget.feed(text):
            self._append_plain(text)
            return
        assert self._stream is not None
        # One edit block per document for the whole update: laid out once, not after each operation (a
        # streamed chunk carrying hundreds of code blocks cost ~1 ms per block, and grew with their number).
        edit = QTextCursor(self.body.document())
        edit.beginEditBlock()
        try:
            for op in self._stream.feed(text):
                self.body.apply([op])
                if self.body.chars > BODY_CHARS and self.body.is_quiescent():
                    edit.endEditBlock()
                    self._next_body()
                    edit = QTextCursor(self.body.document())
                    edit.beginEditBlock()
        finally:
            edit.endEditBlock()

    def _append_plain(self, text: str) -> None:
        """Beyond the budget: what was formatted stays; the rest goes in plain, in chunked documents."""
        if not self.plain:
            self.plain = True
            if self._stream is not None:
                self.body.apply(self._stream.finish(), final=True)
                self._stream = None
            self._next_body()
            self.body.show_plain_note()
        if self.body.chars > PLAIN_BODY_CHARS:
            self._next_body()
        self.body.append_plain_chunked(text)

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
        self._describe(message)
        if self.role != "user":
            self._show_outcome(message)

    def _describe(self, message: Message) -> None:
        """What a screen reader says for the bubble: its text (the start of it), set when it is complete;
        while a reply streams the reader reads the body itself."""
        text = message.content.strip()
        cut = text[:ACCESSIBLE_TEXT_CHARS] + ("…" if len(text) > ACCESSIBLE_TEXT_CHARS else "")
        self.setAccessibleDescription(cut or ("Waiting for the reply" if message.role != "user" else "Empty message"))

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.role == "user":  # the user's bubble sits to the right, narrower than the answer column
            indent = self._bubble_indent()
            self._outer.setContentsMargins(14 + indent, 10, 14, 8)
        super().resizeEvent(event)

    def _bubble_indent(self) -> int:
        return int(self.width() * USER_INDENT)

    def paintEvent(self, event: QPaintEvent) -> None:
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
