"""The Chat page (`chatPane`): conversations, transcript, composer, model picker and parameters.

The pane renders and forwards intent; `ConversationController` decides and stores. Public API:
- `open_with_model(tag)`: select a conversation with that model (the open one if it is still empty,
  else a new one) and focus the input. The downloads page calls it after a pull, after
  `window.show_page("chat")`.
- `set_installed_models(models)`, `set_model_info(info)`, `set_ollama_status(status)`,
  `listing_failed(op, error)`: fed from `services.ollama`.
- `add_files(paths)`: attach files as if dropped.
- `summarize_button` / `summarize_panel`: *Summarize documents…* (summarize_panel.py), a batch of files.

This module lays the pane out and holds the conversation and transcript side; three mixins hold the
rest: `AttachmentsMixin` (pane_attachments.py: files, drops, the context meter),
`ModelPickerMixin` (pane_model_picker.py: the header's picker, Think toggle and parameters) and
`SendWaitMixin` (pane_send_wait.py: a Send pressed before the model list arrived waits for it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QSplitter, QVBoxLayout, QWidget

from runyard_desktop.core.chat.conversation import Conversation, Message
from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.core.links import LinkAction, decide
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.ui.chat.chat_style import ChatColors, chat_stylesheet
from runyard_desktop.ui.chat.composer import Composer
from runyard_desktop.ui.chat.conversation_sidebar import ConversationSidebar
from runyard_desktop.ui.chat.message_view import MessageView
from runyard_desktop.ui.chat.message_widgets import MessageWidget
from runyard_desktop.ui.chat.pane_attachments import AttachmentsMixin
from runyard_desktop.ui.chat.pane_model_picker import ModelPickerMixin
from runyard_desktop.ui.chat.pane_send_wait import SendWaitMixin
from runyard_desktop.ui.chat.parameters_panel import ParametersPanel
from runyard_desktop.ui.chat.summarize_panel import add_summarize_panel
from runyard_desktop.ui.widgets.open_external import open_url

RENDER_TICK_MS = 250  # settled Markdown waiting for its render interval is rendered this often
EMPTY_HINT = "Ask anything, or attach a document to summarise it.\nEverything stays on this machine."


class ChatPane(SendWaitMixin, ModelPickerMixin, AttachmentsMixin, QWidget):
    """The chat page.

    A clicked link goes through `core.links.decide`: web links open with `open_link(QUrl)`, a mailto
    opens (address only) after `confirm_link(parent, target) -> bool` agreed; both are replaceable.

    Signals:
        model_info_needed(str): the pane needs capabilities for this model (→ `services.ollama.show`).
    """

    model_info_needed = Signal(str)

    def __init__(
        self,
        controller: ConversationController,
        fit: ChatFitAdvisor,
        *,
        enter_sends: bool = True,
        default_temperature: float = 0.7,
        pick_files: Callable[[QWidget], Sequence[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self.setAcceptDrops(True)
        self.controller = controller
        self._fit = fit
        self._default_temperature = default_temperature
        self._pick_files = pick_files or _ask_for_files
        self.open_link: Callable[[QUrl], object] = open_url
        self.confirm_link: Callable[[QWidget, str], bool] = _ask_to_open_link
        self._installed: list[str] = []
        self._offer_context: int | None = None
        self._reading: dict[int, QWidget] = {}  # read request id → its "reading…" chip
        self._read_notices: list[tuple[str, str]] = []  # (level, text) of the reads in progress

        self.sidebar = ConversationSidebar()
        self.view = MessageView()
        self.composer = Composer(enter_sends)
        self.parameters = ParametersPanel()
        self.parameters.fit_note = self._context_note
        self.parameters.hide()
        self._build_header()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(self.header)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.composer)
        splitter = QSplitter()
        splitter.setObjectName("chatSplitter")  # its position is remembered (ui/window_memory.py)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(center)
        splitter.addWidget(self.parameters)
        self.summarize_button, self.summarize_panel = add_summarize_panel(
            controller, fit, self.header.panel_buttons_row, splitter
        )
        parameters_button = self.header.findChild(QWidget, "parametersButton")
        if parameters_button is not None:  # Tab reaches it with the header's other controls, not after Send
            QWidget.setTabOrder(parameters_button, self.summarize_button)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 800, 280])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._render_timer = QTimer(self)
        self._render_timer.setInterval(RENDER_TICK_MS)
        self._render_timer.timeout.connect(self._on_render_timer_timeout)
        self._esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._esc.activated.connect(self._on_esc_activated)
        self._connect()
        self._init_send_wait()
        self._apply_colors()
        self.view.set_empty_hint(EMPTY_HINT)
        self._reload_conversations()
        store = controller.store
        if store.recovered_from is not None:
            self.composer.show_notice(
                "The conversation history was damaged and could not be read. It was moved aside to "
                f"{store.recovered_from} and a fresh history was started.",
                "error",
            )
        conversations = controller.conversations()
        if conversations:
            controller.open(conversations[0].id)
        self.composer.set_context(controller.context_usage())

    def _connect(self) -> None:
        c = self.controller
        c.conversations_changed.connect(self._on_controller_conversations_changed)
        c.conversation_opened.connect(self._on_controller_conversation_opened)
        c.conversation_updated.connect(self._on_controller_conversation_updated)
        c.message_added.connect(self._on_controller_message_added)
        c.messages_removed.connect(self._on_controller_messages_removed)
        c.reply_loading.connect(self._on_controller_reply_loading)
        c.thinking_appended.connect(self._on_controller_thinking_appended)
        c.content_appended.connect(self._on_controller_content_appended)
        c.reply_ended.connect(self._on_controller_reply_ended)
        c.busy_changed.connect(self._on_controller_busy_changed)
        c.notice.connect(self._on_controller_notice)
        c.attachment_read.connect(self._on_controller_attachment_read)
        s = self.sidebar
        s.new_requested.connect(self._on_sidebar_new_requested)
        s.open_requested.connect(c.open)
        s.rename_requested.connect(c.rename)
        s.delete_requested.connect(c.delete)
        s.undo_delete_requested.connect(c.undo_delete)
        s.search_changed.connect(self._on_sidebar_search_changed)
        m = self.composer
        m.send_requested.connect(self._on_composer_send_requested)
        m.stop_requested.connect(c.stop)
        m.attach_requested.connect(self._on_composer_attach_requested)
        m.summarize_requested.connect(self._on_composer_summarize_requested)
        m.attachments_changed.connect(self._on_composer_attachments_changed)
        m.input.textChanged.connect(self._update_context_meter)
        m.raise_context_requested.connect(self._on_composer_raise_context_requested)
        self.view.link_clicked.connect(self._on_view_link_clicked)
        self.view.regenerate_requested.connect(c.regenerate)
        self.view.edit_requested.connect(self._on_view_edit_requested)
        self.parameters.parameters_changed.connect(self._on_parameters_changed)

    # ---- public ------------------------------------------------------------------------------

    def open_with_model(self, tag: str) -> None:
        """Select a conversation using `tag` (the open one if empty, else a new one); focus the input."""
        self.controller.open_with_model(tag)
        self.composer.input.setFocus()

    def set_installed_models(self, models: Sequence[object]) -> None:
        """Installed models (objects with `.name`, e.g. InstalledModel) fill the model picker; a
        conversation without a model gets the last-used one, and a Send that waited for this goes out."""
        self._installed = [str(getattr(m, "name", m)) for m in models]
        preferred = self._preferred_model()
        if preferred:
            self.controller.default_model = preferred
        current = self.controller.current
        if current is not None and not current.model and preferred:
            self.controller.update_current(model=preferred)
        self.request_model_info()
        self._refill_picker()
        self._release_send()

    def request_model_info(self) -> None:
        """Ask for the open conversation's model capabilities (Think toggle, images) if unknown."""
        current = self.controller.current
        model = current.model if current else self.controller.default_model
        if model and not self.controller.can_think(model) and not self.controller.can_use_images(model):
            self.model_info_needed.emit(model)

    def set_model_info(self, _info: object = None) -> None:
        """Capabilities (or the hardware profile) changed: refresh badges and the Think toggle."""
        self._refill_picker()

    def shutdown(self) -> None:
        """The window is closing: keep any partial reply and close the history."""
        self._render_timer.stop()
        self.summarize_panel.batch.cancel()
        self.controller.shutdown()

    # ---- helpers -----------------------------------------------------------------------------

    def _reload_conversations(self) -> None:
        current = self.controller.current
        self.sidebar.set_conversations(self.controller.conversations(), current.id if current else None)

    # ---- controller slots --------------------------------------------------------------------

    @Slot()
    def _on_controller_conversations_changed(self) -> None:
        if self.controller.current is None:  # the open conversation was deleted: show the next one
            remaining = self.controller.conversations()
            if remaining:
                self.sidebar.set_conversations(remaining, None)
                self.controller.open(remaining[0].id)
                return
            self.view.clear()
            self.title.setText("New conversation")
            self.parameters.set_conversation(None, self._default_temperature)
        self._reload_conversations()

    @Slot(object)
    def _on_controller_conversation_opened(self, conversation: Conversation) -> None:
        self._cancel_send_wait()
        self.view.set_messages(self.controller.messages, self.controller.older_count, self.controller.load_all)
        self._on_controller_conversation_updated(conversation)
        self.parameters.set_conversation(conversation, self._default_temperature)
        self.composer.end_edit()
        self.sidebar.select(conversation.id)
        # Title, context meter and parameters changed size: lay them out now too, so the next paint
        # shows the opened conversation whole instead of being followed by a second one.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    @Slot(object)
    def _on_controller_conversation_updated(self, conversation: Conversation) -> None:
        self.title.setText(conversation.display_title)
        self.request_model_info()
        self._refill_picker()
        self._update_context_meter()

    @Slot(object)
    def _on_controller_message_added(self, message: Message) -> None:
        self.view.add_message(message)
        self._update_context_meter()

    @Slot(object)
    def _on_controller_messages_removed(self, ids: tuple[int, ...]) -> None:
        self.view.remove_messages(ids)

    def _live(self, message_id: int) -> MessageWidget | None:
        widget = self.view.last_widget()
        return widget if widget is not None and widget.message.id == message_id else None

    @Slot(int)
    def _on_controller_reply_loading(self, message_id: int) -> None:
        widget = self._live(message_id)
        if widget is not None:
            widget.set_loading("Loading the model… the first reply after a start can take a while.")

    @Slot(int, str)
    def _on_controller_thinking_appended(self, message_id: int, text: str) -> None:
        self.view.queue_text(message_id, text, thinking=True)

    @Slot(int, str)
    def _on_controller_content_appended(self, message_id: int, text: str) -> None:
        self.view.queue_text(message_id, text, thinking=False)

    @Slot(object)
    def _on_controller_reply_ended(self, message: Message) -> None:
        self.view.apply_queued()
        self.view.replace_message(message)
        self.view.follow()
        self._update_context_meter()

    @Slot(bool)
    def _on_controller_busy_changed(self, busy: bool) -> None:
        self.composer.set_busy(busy)
        if busy:
            self._render_timer.start()
        else:
            self._render_timer.stop()

    @Slot(str)
    def _on_controller_notice(self, text: str) -> None:
        self.composer.show_notice(text, "warn")

    # ---- widget slots ------------------------------------------------------------------------

    @Slot()
    def _on_render_timer_timeout(self) -> None:
        widget = self.view.last_widget()
        if widget is not None:
            widget.flush()

    @Slot()
    def _on_sidebar_new_requested(self) -> None:
        if self.controller.new_conversation_or_notice():
            self.composer.input.setFocus()

    @Slot(str)
    def _on_sidebar_search_changed(self, text: str) -> None:
        self.sidebar.set_search_matches(text, self.controller.store.search(text) if text.strip() else set())
        current = self.controller.current
        self.sidebar.select(current.id if current else None)

    @Slot(str)
    def _on_composer_send_requested(self, text: str) -> None:
        if self._hold_send(text):
            return
        attachments = self.composer.attachments()
        if self.composer.editing_message_id is not None:
            ok = self.controller.edit_last(text)
            if ok:
                self.composer.end_edit()
        else:
            ok = self.controller.send(text, attachments)
        if ok:
            self.composer.take_text()
            self.composer.clear_attachments()
            self.composer.show_notice("")

    @Slot()
    def _on_composer_attach_requested(self) -> None:
        paths = self._pick_files(self)
        if paths:
            self.add_files(paths)

    @Slot(QUrl)
    def _on_view_link_clicked(self, url: QUrl) -> None:
        decision = decide(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        if decision.action is LinkAction.REFUSE:
            return
        if decision.action is LinkAction.ASK and not self.confirm_link(self, decision.target):
            return
        self.open_link(QUrl(decision.target))

    @Slot(int)
    def _on_view_edit_requested(self, message_id: int) -> None:
        message = next((m for m in self.controller.messages if m.id == message_id), None)
        if message is not None:
            self.composer.start_edit(message_id, message.content)

    @Slot()
    def _on_esc_activated(self) -> None:
        if self.controller.is_busy:
            self.controller.stop()
        elif self.composer.editing_message_id is not None:
            self.composer.end_edit()
            self.composer.input.clear()

    # ---- events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # The application palette (light/dark) changed: rebuild the colours. Compare first, since
        # setting a style sheet itself sends change events. QApplication.setPalette (Settings → Theme)
        # reaches a widget as PaletteChange, not ApplicationPaletteChange.
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._apply_colors()
        super().changeEvent(event)

    def _apply_colors(self) -> None:
        colors = ChatColors.from_palette(QGuiApplication.palette())
        sheet = chat_stylesheet(colors)
        for chrome in (self.sidebar, self.header, self.composer, self.parameters):
            if chrome.styleSheet() != sheet:
                chrome.setStyleSheet(sheet)
        if colors != self.view.colors:
            self.view.set_colors(colors)


def _ask_for_files(parent: QWidget) -> Sequence[str]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent,
        "Attach files",
        "",
        "Documents and images (*.txt *.md *.csv *.tsv *.json *.yaml *.yml *.log *.py *.js *.ts *.java *.c *.cpp "
        "*.h *.go *.rs *.rb *.sh *.sql *.html *.css *.xml *.png *.jpg *.jpeg);;All files (*)",
    )
    return paths


def _ask_to_open_link(parent: QWidget, target: str) -> bool:
    """Show where a link goes, as plain text, and ask before it is handed to another program."""
    box = QMessageBox(QMessageBox.Icon.Question, "Open link?", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"This link opens another program on this computer:\n\n{target}\n\nOpen it?")
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open
