"""The Chat page's *Summarize documents…* panel: pick files or a folder, watch a progress list, Cancel.

The panel shows and forwards; `tasks.summary_batch.SummaryBatch` runs the files one after another
on the model chosen in the chat header, with the open conversation's context and CPU-only switch.
Each summary is saved as a conversation in the history, or as a Markdown file beside its document
(the user's choice; a free name, never over a file). File and folder pickers are replaceable
callables (`pick_files`, `pick_folder`) so tests never open a modal dialog.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.chat.batch_summary import FileProgress
from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.tasks.summary_batch import SAVE_CONVERSATION, SAVE_MARKDOWN, BatchOptions, SummaryBatch
from runyard_desktop.ui.theme import PANEL_MARGINS, PANEL_SPACING, section_font, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label

PANEL_WIDTH = 340
HINT = "Each document is summarized on its own with the model chosen above, one after another."


def _ask_for_files(parent: QWidget) -> Sequence[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Documents to summarize")
    return files


def _ask_for_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(parent, "Folder of documents to summarize")


class SummarizePanel(QFrame):
    """Drives a `SummaryBatch`.

    `options_for_batch() -> BatchOptions | str`: what the batch runs with (the pane fills in the model,
    context and CPU switch), or a sentence saying why it cannot start (no model picked).

    Signals: none of its own; its slots receive the batch's and its buttons'.
    """

    def __init__(self, batch: SummaryBatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summarizePanel")
        self.setMinimumWidth(280)
        self.batch = batch
        self.pick_files: Callable[[QWidget], Sequence[str]] = _ask_for_files
        self.pick_folder: Callable[[QWidget], str] = _ask_for_folder
        self.options_for_batch: Callable[[], BatchOptions | str] = lambda: "Pick a model first."
        self.paths: list[Path] = []
        title = plain_label("Summarize documents")
        title.setObjectName("panelTitle")
        title.setFont(section_font(title.font()))
        hint = plain_label(HINT)
        hint.setWordWrap(True)
        self.add_files_button = self._button("Add files…", "summarizeAddFilesButton", self._on_add_files_clicked)
        self.add_folder_button = self._button("Add folder…", "summarizeAddFolderButton", self._on_add_folder_clicked)
        self.clear_button = self._button("Clear", "summarizeClearButton", self._on_clear_clicked)
        self.progress = QListWidget()
        self.progress.setObjectName("summaryProgressList")
        self.progress.setAccessibleName("Documents and their progress")
        self.progress.setWordWrap(True)
        self.progress.setAlternatingRowColors(True)
        self.save_conversation = QRadioButton("Save as conversations")
        self.save_conversation.setObjectName("summarySaveConversation")
        self.save_conversation.setChecked(True)
        self.save_markdown = QRadioButton("Save as Markdown beside each file")
        self.save_markdown.setObjectName("summarySaveMarkdown")
        self.raise_context = QCheckBox("Raise the context if a file needs it")
        self.raise_context.setObjectName("summaryRaiseContext")
        self.raise_context.setToolTip(
            "Up to what this machine holds for the model; beyond that the start of a long document is cut "
            "off, and its row says so."
        )
        self.raise_context.setChecked(True)
        for w in (self.save_conversation, self.save_markdown, self.raise_context):
            w.setAccessibleName(w.text())
        self.start_button = self._button("Summarize", "summaryStartButton", self._on_start_clicked)
        self.cancel_button = self._button("Cancel", "summaryCancelButton", self.batch.cancel)
        self.cancel_button.setEnabled(False)
        self.status = plain_label()
        self.status.setObjectName("summaryStatus")
        self.status.setWordWrap(True)
        self._layout(title, hint)
        batch.files_listed.connect(self._on_batch_files_listed)
        batch.file_changed.connect(self._on_batch_file_changed)
        batch.batch_finished.connect(self._on_batch_finished)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _layout(self, title: QWidget, hint: QWidget) -> None:
        pick_row = QHBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.clear_button):
            pick_row.addWidget(b)
        run_row = QHBoxLayout()
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        spaced(layout, PANEL_MARGINS, PANEL_SPACING)
        for part in (title, hint, pick_row, self.progress, self.save_conversation, self.save_markdown):
            layout.addLayout(part) if isinstance(part, QHBoxLayout) else layout.addWidget(part)
        layout.addWidget(self.raise_context)
        layout.addLayout(run_row)
        layout.addWidget(self.status)

    # ---- choosing --------------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str]) -> None:
        """Queue files or folders (shown until the batch lists what they hold)."""
        if self.batch.is_running:
            return
        for text in paths:
            path = Path(text)
            if text and path not in self.paths:
                self.paths.append(path)
                self._add_row(f"{path.name or path}{' (folder)' if path.is_dir() else ''} — waiting")
        self._refresh_buttons()

    def _add_row(self, text: str) -> None:
        self.progress.addItem(QListWidgetItem(text))  # item text is never read as HTML

    @Slot()
    def _on_add_files_clicked(self) -> None:
        self.add_paths(list(self.pick_files(self)))

    @Slot()
    def _on_add_folder_clicked(self) -> None:
        folder = self.pick_folder(self)
        if folder:
            self.add_paths([folder])

    @Slot()
    def _on_clear_clicked(self) -> None:
        if not self.batch.is_running:
            self.paths = []
            self.progress.clear()
            self.status.setText("")
            self._refresh_buttons()

    @Slot()
    def _on_start_clicked(self) -> None:
        options = self.options_for_batch()
        if isinstance(options, str):
            self.status.setText(options)
            return
        save_as = SAVE_MARKDOWN if self.save_markdown.isChecked() else SAVE_CONVERSATION
        options = replace(options, save_as=save_as, raise_context=self.raise_context.isChecked())
        if self.batch.start(list(self.paths), options):
            self.status.setText(f"Listing the documents for {options.model}…")
            self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        running = self.batch.is_running
        self.start_button.setEnabled(bool(self.paths) and not running)
        self.cancel_button.setEnabled(running)
        choices: tuple[QWidget, ...] = (self.add_files_button, self.add_folder_button, self.clear_button)
        for w in (*choices, self.save_conversation, self.save_markdown, self.raise_context):
            w.setEnabled(not running)

    # ---- progress ---------------------------------------------------------------------------------

    @Slot(object, object)
    def _on_batch_files_listed(self, rows: object, notes: object) -> None:
        self.progress.clear()
        for row in rows if isinstance(rows, tuple) else ():
            self._add_row(row.text())
        note = " ".join(str(n) for n in notes) if isinstance(notes, tuple) else ""
        self.status.setText(f"Summarizing {self.progress.count()} document(s). {note}".strip())

    @Slot(int, object)
    def _on_batch_file_changed(self, index: int, row: object) -> None:
        item = self.progress.item(index)
        if item is not None and isinstance(row, FileProgress):
            item.setText(row.text())

    @Slot(str)
    def _on_batch_finished(self, text: str) -> None:
        self.status.setText(text)
        self.paths = []
        self._refresh_buttons()


def _show_panel(splitter: QSplitter, panel: SummarizePanel, visible: bool) -> None:
    """Show or hide the panel; shown, it takes its width from the transcript (a splitter gives a
    widget added hidden no room of its own)."""
    panel.setVisible(visible)
    index = splitter.indexOf(panel)
    sizes = splitter.sizes()
    if visible and sizes[index] < panel.minimumWidth():
        want = max(panel.minimumWidth(), PANEL_WIDTH)
        sizes[1] = max(0, sizes[1] - want)  # 1: the transcript column
        sizes[index] = want
        splitter.setSizes(sizes)


def add_summarize_panel(
    controller: ConversationController, fit: ChatFitAdvisor, header_row: QHBoxLayout, splitter: QSplitter
) -> tuple[QToolButton, SummarizePanel]:
    """Build the panel beside the transcript and its header button (`summarizeDocumentsButton`, which
    shows and hides it); the batch runs on the chat's runner, Ollama client and history."""
    chat = controller.chat
    panel = SummarizePanel(SummaryBatch(chat.runner, lambda: chat.client, controller.store, splitter))
    panel.hide()
    splitter.addWidget(panel)
    button = QToolButton()
    button.setObjectName("summarizeDocumentsButton")
    button.setText("Summarize…")  # short: the header also holds the title and the model picker
    button.setAccessibleName("Summarize documents")
    button.setToolTip("Summarize several files or a folder, one after another, with the chosen model")
    button.setCheckable(True)
    button.toggled.connect(functools.partial(_show_panel, splitter, panel))
    header_row.addWidget(button)

    def options() -> BatchOptions | str:
        current = controller.current
        model = current.model if current and current.model else controller.default_model
        if not model:
            return "Pick a model in the list above first: the summaries run on it."
        return BatchOptions(
            model=model,
            num_ctx=controller.effective_context(),
            largest_context=fit.largest_context(model),
            cpu_only=bool(current and current.cpu_only),
        )

    panel.options_for_batch = options
    panel.batch.conversation_saved.connect(lambda _id: controller.conversations_changed.emit())
    return button, panel
