"""The reply half of `ConversationController`: one streaming reply, from its empty row to its outcome.

`ReplyStreamingMixin` starts a reply on `ChatController`, relays its text as the controller's
signals, rewrites the stored row as the text arrives (a `ReplyRecorder`: at most one write per flush
interval, plus a timer for quiet spells) and writes the outcome last: complete with its metrics,
stopped, or failed with a plain message. When the disk is full the reply stays in memory: the user is
told once, the flush timer keeps trying, and a second notice says when it was saved. The conversation side (opening, sending, editing) lives in
`conversation_controller.py`, which builds the request this half streams.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from runyard_desktop.core.chat.conversation import (
    STATUS_COMPLETE,
    STATUS_FAILED,
    STATUS_STOPPED,
    Conversation,
    Message,
    ReplyMetrics,
)
from runyard_desktop.core.chat.history import HistoryStore, ReplyRecorder
from runyard_desktop.core.chat.history_schema import is_full
from runyard_desktop.core.chat.reply_recorder import save_unsaved_text
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama.types import ChatMetrics, ChatRequest
from runyard_desktop.tasks.chat_controller import ChatController

log = logging.getLogger(__name__)

STOPPED_NOTE = "You stopped this reply; the text so far is kept."
DISK_FULL_NOTE = (
    "The disk is full: this reply is kept in memory but not saved yet. Free some space and Runyard "
    "saves it at once; if you close Runyard before that, copy the reply first."
)
SAVED_NOTE = "There is space on the disk again: the reply has been saved."


class ReplyStreamingMixin(QObject):
    """Streams and records the reply of `ConversationController` (its only subclass).

    Signals: none of its own. It emits these of `ConversationController`'s, declared there:
    message_added (the reply's row), reply_loading, thinking_appended, content_appended, notice,
    reply_ended, busy_changed and unsaved_at_close. The attributes below are set by
    `ConversationController.__init__`.
    """

    store: HistoryStore
    messages: list[Message]
    _chat: ChatController
    _flush_interval: float
    _flush_timer: QTimer
    _reply_id: int | None  # ChatController's id of the reply streaming now
    _recorder: ReplyRecorder | None  # the reply's row while it streams; None when idle
    _unsaved: list[ReplyRecorder]  # ended replies a full disk kept from being saved; retried by the timer
    _told_full: bool  # the disk-full notice is showing
    _first_thinking: float | None
    _first_content: float | None
    _num_ctx: int | None
    _cpu_only: bool  # the streaming reply's request asked for the CPU only (shown in its metrics)
    # Set by the composition root: adds what fits instead to a memory error (ChatFitAdvisor.memory_advice).
    advise_error: Callable[[OllamaError, str, int | None], OllamaError] | None = None

    message_added: Signal
    reply_loading: Signal
    thinking_appended: Signal
    content_appended: Signal
    notice: Signal
    reply_ended: Signal
    busy_changed: Signal
    unsaved_at_close: Signal

    def _stream_reply(self, conversation: Conversation, request: ChatRequest) -> None:
        """Store an empty `streaming` reply, then ask `ChatController` for it."""
        self._num_ctx = request.num_ctx
        self._cpu_only = request.cpu_only
        reply = self.store.begin_reply(conversation.id, conversation.model)
        self.messages.append(reply)
        self._recorder = ReplyRecorder(self.store, reply, interval_s=self._flush_interval)
        self._first_thinking = self._first_content = None
        self.message_added.emit(reply)
        self.busy_changed.emit(True)
        self._flush_timer.start()
        self._reply_id = self._chat.start(request)

    def _stop_now(self, note: str = STOPPED_NOTE) -> None:
        """Stop and record the reply at once, with `note` (before starting something else, or closing)."""
        if self._recorder is not None:
            self._chat.stop()
            self._end(STATUS_STOPPED, error=note)

    def _is_ours(self, reply_id: int) -> bool:
        return self._recorder is not None and reply_id == self._reply_id

    def _end(self, status: str, metrics: ReplyMetrics | None = None, error: str = "") -> None:
        recorder = self._recorder
        assert recorder is not None
        final = recorder.finish(status, metrics, error)
        self._recorder, self._reply_id = None, None
        if recorder.unsaved:
            self._unsaved.append(recorder)  # the flush timer keeps trying
        self._report_saving()
        self.messages = [final if m.id == final.id else m for m in self.messages]
        try:
            self.store.touch(final.conversation_id)
        except sqlite3.OperationalError as exc:
            if not is_full(exc):
                raise  # only the order of the list is lost on a full disk
        self.reply_ended.emit(final)
        self.busy_changed.emit(False)

    def _report_saving(self) -> None:
        """Say once that a reply is only in memory, and again when it was saved; keep the timer for retries."""
        unsaved = bool(self._unsaved) or (self._recorder is not None and self._recorder.unsaved)
        if unsaved and not self._told_full:
            log.warning("history disk full: a reply is kept in memory until it can be saved")
            self.notice.emit(DISK_FULL_NOTE)
        elif self._told_full and not unsaved:
            log.info("history disk has space again: the kept reply was saved")
            self.notice.emit(SAVED_NOTE)
        self._told_full = unsaved
        if self._recorder is None and not self._unsaved:
            self._flush_timer.stop()

    def _end_replies_at_close(self, note: str) -> None:
        """Stop the streaming reply with `note`, try once more to save what a full disk kept in memory,
        and put what is still unsaved in a text file next to the database and in `unsaved_at_close`."""
        self._stop_now(note)
        self._retry_unsaved()
        self._flush_timer.stop()  # it kept retrying those; a timer left running outlives the window
        if self._unsaved:
            text = "\n\n".join(r.content for r in self._unsaved)
            saved_to = save_unsaved_text(self.store.path.parent, text)
            log.error(
                "closing with %d reply(s) not saved: the disk is still full; text file: %s",
                len(self._unsaved),
                saved_to,
            )
            self.unsaved_at_close.emit(text, saved_to)

    def _retry_unsaved(self) -> None:
        self._unsaved = [r for r in self._unsaved if not r.retry()]

    def _metrics(self, metrics: ChatMetrics) -> ReplyMetrics:
        thinking_s = None
        if self._first_thinking is not None:
            thinking_s = (self._first_content or time.monotonic()) - self._first_thinking
        model = self._recorder.message.model if self._recorder else ""
        return ReplyMetrics.from_chat(
            metrics, model=model, num_ctx=self._num_ctx, cpu_only=self._cpu_only, thinking_s=thinking_s
        )

    @Slot(int)
    def _on_chat_loading(self, reply_id: int) -> None:
        if self._is_ours(reply_id) and self._recorder is not None:
            self.reply_loading.emit(self._recorder.message.id)

    @Slot(int, str)
    def _on_chat_thinking_appended(self, reply_id: int, text: str) -> None:
        if self._is_ours(reply_id) and self._recorder is not None:
            if self._first_thinking is None:
                self._first_thinking = time.monotonic()
            self._recorder.append(thinking=text)
            self._report_saving()
            self.thinking_appended.emit(self._recorder.message.id, text)

    @Slot(int, str)
    def _on_chat_content_appended(self, reply_id: int, text: str) -> None:
        if self._is_ours(reply_id) and self._recorder is not None:
            if self._first_content is None:
                self._first_content = time.monotonic()
            self._recorder.append(content=text)
            self._report_saving()
            self.content_appended.emit(self._recorder.message.id, text)

    @Slot(int, str)
    def _on_chat_notice(self, reply_id: int, text: str) -> None:
        if self._is_ours(reply_id):
            self.notice.emit(text)

    @Slot(int, object)
    def _on_chat_reply_finished(self, reply_id: int, metrics: ChatMetrics) -> None:
        if self._is_ours(reply_id):
            self._end(STATUS_COMPLETE, self._metrics(metrics))

    @Slot(int)
    def _on_chat_reply_stopped(self, reply_id: int) -> None:
        if self._is_ours(reply_id):
            self._end(STATUS_STOPPED, error=STOPPED_NOTE)

    @Slot(int, object)
    def _on_chat_reply_failed(self, reply_id: int, error: object) -> None:
        if self._is_ours(reply_id) and self._recorder is not None:
            if isinstance(error, OllamaError) and self.advise_error is not None:
                error = self.advise_error(error, self._recorder.message.model, self._num_ctx)
            plain = error.plain() if hasattr(error, "plain") else str(error)
            log.info("reply failed: %s", getattr(error, "detail", "") or plain)
            self._end(STATUS_FAILED, error=plain)

    @Slot()
    def _on_flush_timer_timeout(self) -> None:
        if self._recorder is not None:
            self._recorder.flush_if_due()
        self._retry_unsaved()
        self._report_saving()
