"""GUI-thread orchestration of the chat: the history store on one side, `ChatController` on the other.

Order of events for one turn, chosen so that nothing typed or received is ever lost:
1. the user's message is written to the store (committed) *before* the request is sent;
2. an empty `streaming` reply row is written, then rewritten as text arrives through a
   `ReplyRecorder` (at most one write per `flush_interval_s`, plus a timer for quiet spells);
3. the outcome (complete + metrics, stopped, failed + plain message) is written last.

This module holds the conversation side (open, create, rename, delete, send, regenerate, edit) and
builds each request; steps 2 and 3 are `ReplyStreamingMixin`'s (reply_streaming.py), its base class.
The store lives on the GUI thread: each write is one committed row (well under 1 ms in WAL); the
reply's rewrites, which grow with it, are paced by `ReplyRecorder` to at most 5 % of that thread.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from runyard_desktop.core.appdata.settings import Settings
from runyard_desktop.core.chat.conversation import (
    CHARS_PER_TOKEN,
    DEFAULT_CONTEXT,
    KIND_IMAGE,
    Attachment,
    ContextUsage,
    Conversation,
    Message,
    build_chat_messages,
    context_usage,
    edit_cut,
    regenerate_cut,
    summarize_prompt,
    title_from_text,
)
from runyard_desktop.core.chat.history import HistoryStore, ReplyRecorder
from runyard_desktop.core.chat.history_schema import full_disk_as, is_full
from runyard_desktop.core.ollama.types import CPU_ONLY_OPTIONS, ChatMessage, ChatRequest, ModelInfo
from runyard_desktop.tasks.attachment_reader import AttachmentReader
from runyard_desktop.tasks.chat_controller import ChatController
from runyard_desktop.tasks.reply_streaming import ReplyStreamingMixin

log = logging.getLogger(__name__)

OPEN_TAIL = 16  # enough for a screenful and the last measured reply; older ones load on scroll
CLOSED_NOTE = "Stopped because Runyard was closed; the text so far is kept."
SEND_DISK_FULL_NOTE = (
    "The disk is full: your message was not saved or sent, and it is still in the box below. "
    "Free some space, then press Send again."
)
EDIT_DISK_FULL_NOTE = "The disk is full: nothing was changed or saved. Free some space, then try again."


class ConversationController(ReplyStreamingMixin):
    """The open conversation and its history.

    Signals:
        conversations_changed(): the list of conversations changed (new, renamed, deleted, reordered).
        conversation_opened(object): a Conversation became current; its messages follow in `messages`.
        conversation_updated(object): the current Conversation's title, model or parameters changed.
        message_added(object): a stored Message was appended (the user's turn, or a reply starting).
        messages_removed(object): tuple of message ids removed (regenerate / edit).
        reply_loading(int): the reply with this message id is waiting for the model to load.
        thinking_appended(int, str): reasoning text for the streaming reply (message id).
        content_appended(int, str): answer text for the streaming reply (message id).
        reply_ended(object): the final stored Message (complete, stopped or failed).
        busy_changed(bool): a reply started (True) or ended (False).
        notice(str): a plain sentence for the user (recovered database, a refused send…).
        attachment_read(int, object): a `read_attachment_later` request ended: its id, then the
            Attachment, or the plain sentence saying why the file was refused (str).
        unsaved_at_close(str, object): `shutdown` found replies a full disk still kept from the
            history: their text, then the text file they were written to (Path), or None.

    A full disk never loses what the user typed: `send`, `regenerate`, `edit_last` and
    `new_conversation_or_notice` return False with a notice and leave the composer's text alone.
    """

    conversations_changed = Signal()
    conversation_opened = Signal(object)
    conversation_updated = Signal(object)
    message_added = Signal(object)
    messages_removed = Signal(object)
    reply_loading = Signal(int)
    thinking_appended = Signal(int, str)
    content_appended = Signal(int, str)
    reply_ended = Signal(object)
    busy_changed = Signal(bool)
    notice = Signal(str)
    attachment_read = Signal(int, object)
    unsaved_at_close = Signal(str, object)

    def __init__(
        self,
        store: HistoryStore,
        chat: ChatController,
        *,
        settings: Settings | None = None,
        model_info: Callable[[str], ModelInfo | None] = lambda _name: None,
        flush_interval_s: float = 0.4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._closed = False
        self._chat = chat
        self._settings = settings or Settings()
        self._model_info = model_info
        self._flush_interval = flush_interval_s
        self.current: Conversation | None = None
        self.messages: list[Message] = []  # the loaded tail of the open conversation (all, after load_all)
        self.older_count = 0  # messages older than `messages` not loaded yet
        self.default_model = ""  # for new conversations when none is open (the pane sets it)
        self._reply_id: int | None = None
        self._recorder: ReplyRecorder | None = None
        self._unsaved: list[ReplyRecorder] = []
        self._told_full = False
        self._first_thinking: float | None = None
        self._first_content: float | None = None
        self._num_ctx: int | None = None
        self._cpu_only = False
        self._reader = AttachmentReader(chat.runner, self)
        self._reader.read.connect(self.attachment_read)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(int(flush_interval_s * 1000))
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        chat.loading.connect(self._on_chat_loading)
        chat.thinking_appended.connect(self._on_chat_thinking_appended)
        chat.content_appended.connect(self._on_chat_content_appended)
        chat.notice.connect(self._on_chat_notice)
        chat.reply_finished.connect(self._on_chat_reply_finished)
        chat.reply_stopped.connect(self._on_chat_reply_stopped)
        chat.reply_failed.connect(self._on_chat_reply_failed)

    # ---- conversations -------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return self._recorder is not None

    @property
    def chat(self) -> ChatController:
        """The reply generator (its runner and Ollama client serve the batch summaries too)."""
        return self._chat

    def conversations(self) -> list[Conversation]:
        """Newest first; none once shut down (a listing that lands while the window closes asks too)."""
        return [] if self._closed else self.store.conversations()

    def new_conversation(self, model: str | None = None) -> Conversation:
        s = self._settings
        conversation = self.store.create_conversation(
            model=model if model is not None else (self.current.model if self.current else self.default_model),
            system_prompt=s.default_system_prompt,
            temperature=s.default_temperature,
            num_ctx=s.default_context,
            think=s.think_by_default,
        )
        self.conversations_changed.emit()
        self.open(conversation.id)
        return conversation

    def new_conversation_or_notice(self) -> bool:
        """`new_conversation` for the New button: False with a notice when the disk is full."""
        with full_disk_as(self.notice.emit, EDIT_DISK_FULL_NOTE):
            self.new_conversation()
            return True
        return False

    def open(self, conversation_id: int) -> None:
        if self.current is not None and self.current.id == conversation_id:
            return
        self._stop_now()
        self.current = self.store.conversation(conversation_id)
        # Only the tail is read now, so a 1,000-message conversation opens as fast as a short one.
        self.messages, self.older_count = self.store.messages_tail(conversation_id, OPEN_TAIL)
        self.conversation_opened.emit(self.current)

    def load_all(self) -> list[Message]:
        """Read the open conversation's older messages too (to send it, or to scroll back)."""
        if self.current is not None and self.older_count:
            loaded = {m.id for m in self.messages}
            older = [m for m in self.store.messages(self.current.id) if m.id not in loaded]
            self.messages = older + self.messages
            self.older_count = 0
        return self.messages

    def open_with_model(self, tag: str) -> Conversation:
        """Use `tag` in the open conversation if it is still empty, else in a new conversation."""
        if self.current is not None and not self.messages:
            return self.update_current(model=tag)
        return self.new_conversation(model=tag)

    def update_current(self, **changes: object) -> Conversation:
        """Change the open conversation's title, model, system_prompt, temperature, num_ctx, think or cpu_only."""
        if self.current is None:
            return self.new_conversation(model=str(changes.get("model", "")))
        self.current = self.store.update_conversation(replace(self.current, **changes))  # type: ignore[arg-type]  # **changes: object; replace() takes them as given
        self.conversation_updated.emit(self.current)
        if "title" in changes:
            self.conversations_changed.emit()
        return self.current

    def rename(self, conversation_id: int, title: str) -> None:
        conversation = self.store.update_conversation(replace(self.store.conversation(conversation_id), title=title))
        if self.current is not None and self.current.id == conversation_id:
            self.current = conversation
            self.conversation_updated.emit(conversation)
        self.conversations_changed.emit()

    def delete(self, conversation_id: int) -> None:
        """Hide the conversation; `undo_delete` brings it back until the app closes."""
        if self.current is not None and self.current.id == conversation_id:
            self._stop_now()
            self.current, self.messages, self.older_count = None, [], 0
        self.store.delete_conversation(conversation_id)
        self.conversations_changed.emit()

    def undo_delete(self, conversation_id: int) -> None:
        self.store.restore_conversation(conversation_id)
        self.conversations_changed.emit()

    # ---- turns -------------------------------------------------------------------------------

    def read_attachment_later(self, path: str) -> int:
        """Read one file off the GUI thread (a FIFO, a device or a huge file must never freeze the
        window); returns the request id that `attachment_read` carries when the read ends."""
        return self._reader.read_later(path, vision=self.can_use_images())

    def can_use_images(self, model: str | None = None) -> bool:
        info = self._model_info(model or (self.current.model if self.current else ""))
        return info is not None and info.has_vision

    def can_think(self, model: str | None = None) -> bool:
        info = self._model_info(model or (self.current.model if self.current else ""))
        return info is not None and info.can_think

    def send(self, text: str, attachments: Sequence[Attachment] = ()) -> bool:
        """Store the user's message, then ask for a reply. False (with a notice) when it cannot be sent:
        on a full disk nothing is kept half-done (a message stored without its reply is taken back)."""
        text = text.strip()
        if not text and not attachments:
            return False
        with full_disk_as(self.notice.emit, SEND_DISK_FULL_NOTE):
            return self._send(text, attachments)
        return False

    def _send(self, text: str, attachments: Sequence[Attachment]) -> bool:
        if self.current is None:
            self.new_conversation()
        assert self.current is not None
        if not self.current.model:
            self.notice.emit("Pick a model first: the list shows the models installed in Ollama.")
            return False
        if any(a.kind == KIND_IMAGE for a in attachments) and not self.can_use_images():
            self.notice.emit(f"{self.current.model} cannot see images. Remove the image or pick a vision model.")
            return False
        self._stop_now()
        message = self.store.add_message(self.current.id, "user", text, attachments=attachments)
        try:
            if not self.current.title:
                self.current = self.store.update_conversation(
                    replace(self.current, title=title_from_text(text or attachments[0].name))
                )
                self.conversation_updated.emit(self.current)
            self.messages.append(message)
            self.message_added.emit(message)
            self.conversations_changed.emit()
            self._start_reply()
        except sqlite3.OperationalError as exc:
            if is_full(exc):
                self._take_back(message)
            raise
        return True

    def _take_back(self, message: Message) -> None:
        """The reply could not start: remove the stored message so Send again does not store it twice."""
        try:
            self.store.delete_messages((message.id,))
        except sqlite3.OperationalError as exc:
            if not is_full(exc):
                raise
            log.warning("disk full: a message without its reply stays in the history")
            return
        if any(m.id == message.id for m in self.messages):
            self.messages = [m for m in self.messages if m.id != message.id]
            self.messages_removed.emit((message.id,))

    def summarize(self, attachments: Sequence[Attachment]) -> bool:
        """Send the "Summarize document" request with these documents attached."""
        return self.send(summarize_prompt([a.name for a in attachments]), attachments)

    def regenerate(self) -> bool:
        with full_disk_as(self.notice.emit, EDIT_DISK_FULL_NOTE):
            return self._regenerate()
        return False

    def _regenerate(self) -> bool:
        if self.current is None or not self.messages:
            return False
        self._stop_now()
        self._drop(regenerate_cut(self.messages))
        if not self.messages or self.messages[-1].role != "user":
            return False
        self._start_reply()
        return True

    def edit_last(self, new_text: str) -> bool:
        """Replace the last user message's text, drop the replies after it, and ask again."""
        with full_disk_as(self.notice.emit, EDIT_DISK_FULL_NOTE):
            return self._edit_last(new_text)
        return False

    def _edit_last(self, new_text: str) -> bool:
        new_text = new_text.strip()
        last, drop = edit_cut(self.messages)
        if last is None or not new_text:
            return False
        self._stop_now()
        self._drop(drop)
        # The user's row is kept (same id) with the new text; the view re-adds it at the end.
        self.messages = [m for m in self.messages if m.id != last.id]
        self.messages_removed.emit((last.id,))
        updated = self.store.update_message_content(last.id, new_text)
        self.messages.append(updated)
        self.message_added.emit(updated)
        self._start_reply()
        return True

    def stop(self) -> None:
        """Stop the reply; the text received so far is delivered, then stored as `stopped`."""
        if self.is_busy:
            self._chat.stop()

    def context_usage(self, pending_text: str = "", pending: Sequence[Attachment] = ()) -> ContextUsage:
        if self.current is None:
            return context_usage(Conversation(id=0), [], pending_text=pending_text, pending=pending)
        usage = context_usage(
            self.current, self.messages, pending_text=pending_text, pending=pending, limit=self.effective_context()
        )
        if usage.estimated and self.older_count and self.messages:
            # No measured reply in the loaded tail: estimate the older text without loading it.
            older = self.store.content_chars(self.current.id, self.messages[0].id)
            usage = replace(usage, used=usage.used + int(older / CHARS_PER_TOKEN))
        return usage

    def apply_settings(self, settings: Settings) -> None:
        """Settings changed (the dialog): new conversations and the default context follow at once."""
        self._settings = settings

    def effective_context(self) -> int:
        """The num_ctx that will be sent: the conversation's, else the settings default, else 4096."""
        if self.current is not None and self.current.num_ctx:
            return self.current.num_ctx
        return self._settings.default_context or DEFAULT_CONTEXT

    def shutdown(self) -> None:
        """The window is closing: keep the partial reply (marked stopped), write what a full disk kept
        in memory to a text file (see `_end_replies_at_close`), and close the store."""
        self._end_replies_at_close(CLOSED_NOTE)
        self._closed = True
        self.store.close()

    # ---- internals ---------------------------------------------------------------------------

    def _drop(self, messages: Sequence[Message]) -> None:
        ids = tuple(m.id for m in messages)
        if not ids:
            return
        self.store.delete_messages(ids)
        self.messages = [m for m in self.messages if m.id not in ids]
        self.messages_removed.emit(ids)

    def _start_reply(self) -> None:
        assert self.current is not None
        conversation = self.current
        self.load_all()
        info = self._model_info(conversation.model)
        think: bool | None = conversation.think if (info is None or info.can_think) else None
        request = ChatRequest(
            model=conversation.model,
            messages=tuple(
                ChatMessage(role=m["role"], content=m["content"], images=tuple(m.get("images", ())))
                for m in build_chat_messages(conversation, self.messages)
            ),
            think=think,
            num_ctx=self.effective_context(),
            temperature=conversation.temperature,
            extra_options=CPU_ONLY_OPTIONS if conversation.cpu_only else (),
        )
        self._stream_reply(conversation, request)
