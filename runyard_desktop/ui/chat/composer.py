"""The composer: `chatInput` (multi-line), attachment chips, Attach / Summarize / Send / Stop, and the
context meter. Enter sends and Shift+Enter adds a line (swapped when `enter_sends` is off);
Esc (stop / leave edit mode) is the chat pane's shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.chat.conversation import KIND_IMAGE, KIND_TEXT, Attachment, ContextUsage
from runyard_desktop.models.tooltip_text import plain_tooltip
from runyard_desktop.ui.theme import BAR_MARGINS, SPACE_M, SPACE_S, SPACE_XXS, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label


class ChatInput(QPlainTextEdit):
    """Multi-line input; Enter/Shift+Enter as configured (Esc is the chat pane's shortcut).

    Signals:
        submitted(): the user pressed the "send" key combination.
    """

    submitted = Signal()

    def __init__(self, enter_sends: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatInput")
        self.setAccessibleName("Message")
        self.enter_sends = enter_sends
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Message the model…  (Enter sends, Shift+Enter adds a line)")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._on_layout_size_changed)
        self._on_layout_size_changed()

    def set_enter_sends(self, enter_sends: bool) -> None:
        self.enter_sends = enter_sends
        keys = "Enter sends, Shift+Enter adds a line" if enter_sends else "Ctrl+Enter sends, Enter adds a line"
        self.setPlaceholderText(f"Message the model…  ({keys})")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers()
            shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            if (self.enter_sends and not shift) or (not self.enter_sends and ctrl):
                self.submitted.emit()
                event.accept()
                return
            if self.enter_sends and shift:
                self.textCursor().insertText("\n")
                event.accept()
                return
        super().keyPressEvent(event)

    @Slot()
    def _on_layout_size_changed(self) -> None:
        lines = max(1, min(8, self.document().lineCount() or 1))
        height = lines * self.fontMetrics().lineSpacing() + 18
        self.setFixedHeight(max(height, 44))


class AttachmentChip(QFrame):
    """One pending attachment: name, token estimate, notice, remove button.

    Signals:
        remove_requested(object): the Attachment to drop.
    """

    remove_requested = Signal(object)

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChip")
        self.attachment = attachment
        layout = QHBoxLayout(self)
        spaced(layout, (SPACE_S, SPACE_XXS, SPACE_XXS, SPACE_XXS))
        icon = "Image:" if attachment.kind == KIND_IMAGE else "Document:"
        label = plain_label(f"{icon} {attachment.name} · ≈{attachment.tokens:,} tokens")
        if attachment.notice:
            label.setText(label.text() + " (!)")
            self.setToolTip(plain_tooltip(attachment.notice))
        layout.addWidget(label)
        remove = QToolButton()
        remove.setObjectName("removeAttachmentButton")
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip("Remove this attachment")
        remove.clicked.connect(self._on_remove_clicked)
        layout.addWidget(remove)

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self.attachment)


class Composer(QFrame):
    """Input, attachments and actions under the transcript.

    Signals:
        send_requested(str): the text to send (attachments: `attachments()`).
        stop_requested(): the Stop button while a reply streams (Esc is the chat pane's shortcut).
        attach_requested(): the Attach button.
        summarize_requested(): "Summarize document" with the attached documents.
        attachments_changed(): an attachment was added or removed.
        raise_context_requested(): the user accepted the offer to raise the context.
    """

    send_requested = Signal(str)
    stop_requested = Signal()
    attach_requested = Signal()
    summarize_requested = Signal()
    attachments_changed = Signal()
    raise_context_requested = Signal()

    def __init__(self, enter_sends: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._attachments: list[Attachment] = []
        self._reading: list[QWidget] = []  # chips of files being read
        self.editing_message_id: int | None = None

        self.edit_banner = plain_label()
        self.edit_banner.setObjectName("editBanner")
        self.edit_banner.hide()
        self.destination = plain_label()  # where messages go, when that is another computer
        self.destination.setObjectName("chatDestination")
        self.destination.setWordWrap(True)
        self.destination.hide()
        self.notice = plain_label()
        self.notice.setObjectName("composerNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.offer = plain_label()
        self.offer.setObjectName("contextOffer")
        self.offer.setWordWrap(True)
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("raiseContextButton")
        self.offer_button.clicked.connect(self.raise_context_requested)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer, 1)
        offer_row.addWidget(self.offer_button)
        self.offer.hide()
        self.offer_button.hide()
        self._chips = QHBoxLayout()
        self._chips.setContentsMargins(0, 0, 0, 0)
        self._chips.addStretch(1)
        self.input = ChatInput(enter_sends)
        self.input.submitted.connect(self._on_input_submitted)

        self.attach_button = self._button("Attach…", "attachButton", self.attach_requested.emit)
        self.attach_button.setToolTip("Attach text files (txt, md, csv, code) or, for vision models, images")
        self.summarize_button = self._button("Summarize document", "summarizeButton", self.summarize_requested.emit)
        self.summarize_button.hide()
        self.context_label = plain_label()
        self.context_label.setObjectName("contextMeter")
        self.send_button = self._button("Send", "sendButton", self._on_input_submitted)
        self.send_button.setDefault(True)
        self.stop_button = self._button("Stop", "stopButton", self.stop_requested.emit)
        self.stop_button.setToolTip("Stop the reply (Esc); the text so far is kept")
        self.stop_button.setEnabled(False)

        actions = QHBoxLayout()
        actions.addWidget(self.attach_button)
        actions.addWidget(self.summarize_button)
        actions.addStretch(1)
        actions.addWidget(self.context_label)
        actions.addSpacing(SPACE_M)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        spaced(layout, BAR_MARGINS, SPACE_S)
        layout.addWidget(self.destination)
        layout.addWidget(self.notice)
        layout.addWidget(self.edit_banner)
        layout.addLayout(offer_row)
        layout.addLayout(self._chips)
        layout.addWidget(self.input)
        layout.addLayout(actions)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ---- state -------------------------------------------------------------------------------

    def set_waiting(self, text: str) -> None:
        """With `text`, the Send button says what a pressed Send waits for (and cannot be pressed again);
        with "", it is the Send button again."""
        self.send_button.setText(text or "Send")
        self.send_button.setEnabled(not text)

    def set_busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.stop_button.setVisible(True)

    def show_notice(self, text: str, level: str = "info") -> None:
        self.notice.setText(text)
        self.notice.setProperty("level", level)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.setVisible(bool(text))

    def set_destination(self, text: str) -> None:
        """Say where messages go when that is another computer ("" hides it)."""
        self.destination.setText(text)
        self.destination.setVisible(bool(text))

    def set_offer(self, text: str, button_text: str = "") -> None:
        """Explain that the attachments overflow the context; with `button_text`, offer to raise it."""
        self.offer.setText(text)
        self.offer.setVisible(bool(text))
        self.offer_button.setText(button_text)
        self.offer_button.setVisible(bool(text and button_text))

    def set_context(self, usage: ContextUsage) -> None:
        self.context_label.setText(usage.text())
        self.context_label.setProperty("level", usage.level)
        self.context_label.style().unpolish(self.context_label)
        self.context_label.style().polish(self.context_label)
        tips = {
            "ok": "Tokens the conversation uses of the context the model is given.",
            "warn": "The conversation is close to the context length: older turns will soon be cut off. "
            "Raise the context (Parameters) or start a new conversation.",
            "over": "The conversation is longer than the context: Ollama will silently drop the oldest text. "
            "Raise the context (Parameters) or start a new conversation.",
        }
        self.context_label.setToolTip(tips[usage.level])

    def start_edit(self, message_id: int, text: str) -> None:
        self.editing_message_id = message_id
        self.input.setPlainText(text)
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)
        self.edit_banner.setText("Editing your last message — Send resends it, Esc cancels.")
        self.edit_banner.show()
        self.input.setFocus()

    def end_edit(self) -> None:
        self.editing_message_id = None
        self.edit_banner.hide()

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def documents(self) -> list[Attachment]:
        return [a for a in self._attachments if a.kind == KIND_TEXT]

    def add_attachment(self, attachment: Attachment) -> None:
        self._attachments.append(attachment)
        chip = AttachmentChip(attachment)
        chip.remove_requested.connect(self._on_chip_remove_requested)
        self._chips.insertWidget(self._chips.count() - 1, chip)
        self._after_attachments_change()

    def add_reading(self, name: str) -> QWidget:
        """A chip saying `name` is being read (the read runs off the GUI thread); `remove_reading` drops it."""
        chip = QFrame()
        chip.setObjectName("readingChip")
        layout = QHBoxLayout(chip)
        spaced(layout, (SPACE_S, SPACE_XXS, SPACE_S, SPACE_XXS))
        label = plain_label(f"{name} · reading…")  # a file name is outside text
        layout.addWidget(label)
        self._chips.insertWidget(self._chips.count() - 1, chip)
        self._reading.append(chip)
        return chip

    def remove_reading(self, chip: QWidget) -> None:
        if chip in self._reading:
            self._reading.remove(chip)
            self._chips.removeWidget(chip)
            chip.deleteLater()

    def is_reading(self) -> bool:
        """Whether a file is still being read."""
        return bool(self._reading)

    def clear_attachments(self) -> None:
        self._attachments.clear()
        for chip in self.findChildren(AttachmentChip):  # files still being read keep their chips
            self._chips.removeWidget(chip)
            chip.deleteLater()
        self._after_attachments_change()

    def take_text(self) -> str:
        text = self.input.toPlainText()
        self.input.clear()
        return text

    def _after_attachments_change(self) -> None:
        self.summarize_button.setVisible(bool(self.documents()))
        self.attachments_changed.emit()

    def submit(self) -> None:
        """Send the text and attachments in the box, as the Send button does."""
        self._on_input_submitted()

    # ---- slots -------------------------------------------------------------------------------

    @Slot()
    def _on_input_submitted(self) -> None:
        text = self.input.toPlainText()
        if not text.strip() and not self._attachments:
            return
        self.send_requested.emit(text)

    @Slot(object)
    def _on_chip_remove_requested(self, attachment: Attachment) -> None:
        chip = self.sender()
        if attachment in self._attachments:
            self._attachments.remove(attachment)
        if isinstance(chip, QWidget):
            self._chips.removeWidget(chip)
            chip.deleteLater()
        self._after_attachments_change()
