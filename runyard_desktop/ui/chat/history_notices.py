"""What the Chat page shows when the conversation history cannot be used right now.

`HistoryUnavailablePage` stands in for the chat pane while the history database is locked by another
program (or cannot be opened for another passing reason): a plain sentence saying what holds it, and
a **Try again** button. `ui/chat/chat_opening.ChatOpening` retries the open off the GUI thread and
swaps in the chat pane once it opens; this module builds no store.

`offer_to_copy_unsaved` is `ChatOpening`'s default for a reply a full disk kept from being saved when the
window closes: it says where the text was written (if anywhere) and offers to copy it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.ui.theme import page_layout
from runyard_desktop.ui.widgets.plain_text import plain_label

WAITING_TEXT = "Opening the conversation history… another program has it open; waiting a few seconds."


class HistoryUnavailablePage(QWidget):
    """The Chat page while the history cannot be opened: a plain message and Try again.

    Signals:
        retry_requested(): the user pressed Try again.
    """

    retry_requested = Signal()

    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyUnavailable")
        self.pending_model: str | None = None  # a model asked for before the chat could open
        self.problem_label = plain_label(problem, self)
        self.problem_label.setObjectName("historyProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton("Try again", self)
        self.retry_button.setObjectName("historyRetry")
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        # A readable column (~70 characters) in the middle of the page, not one line across the window.
        # (a row with stretches, not an alignment flag: an aligned label loses its height-for-width).
        self.problem_label.setMaximumWidth(self.problem_label.fontMetrics().averageCharWidth() * 70)
        column = QHBoxLayout()
        column.addStretch(1)
        column.addWidget(self.problem_label, 4)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        page_layout(layout)
        layout.addStretch(1)
        layout.addLayout(column)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_waiting(self) -> None:
        self.problem_label.setText(WAITING_TEXT)
        self.retry_button.setEnabled(False)

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.retry_button.setEnabled(True)

    def open_with_model(self, tag: str) -> None:
        """Remember `tag`: the chat opens with it once the history opens (Models → Chat)."""
        self.pending_model = tag

    @Slot()
    def _on_retry_button_clicked(self) -> None:
        self.retry_requested.emit()


def unsaved_reply_text(saved_to: Path | None) -> str:
    """The sentence shown when Runyard closes with a reply a full disk kept from being saved."""
    where = (
        f"It was written to {saved_to}."
        if saved_to is not None
        else "It could not be written to a file either, because the disk is full."
    )
    return f"A reply could not be saved in the conversation history because the disk is full. {where} Copy it now?"


def offer_to_copy_unsaved(parent: QWidget | None, text: str, saved_to: Path | None) -> None:
    """Ask whether to copy the unsaved reply to the clipboard (a modal dialog; tests replace it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Reply not saved", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(unsaved_reply_text(saved_to))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("Copy reply")
    box.button(QMessageBox.StandardButton.No).setText("Close without copying")
    if box.exec() == QMessageBox.StandardButton.Yes:
        QGuiApplication.clipboard().setText(text)
