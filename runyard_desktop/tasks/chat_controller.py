"""Streaming chat replies: one at a time, thinking and content separately, batched, stoppable at once.

`start(ChatRequest)` returns a reply id; everything about that reply arrives as signals carrying the
id. `stop()` cancels the asyncio task that reads the stream, which closes the socket at once — also
while Ollama is still loading the model and has sent nothing.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from runyard_desktop.core.ollama.chat import stream_reply
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.types import ChatMetrics, ChatRequest, ModelInfo
from runyard_desktop.tasks.runner import TaskHandle, TaskRunner
from runyard_desktop.tasks.throttle import DEFAULT_INTERVAL_S, Throttle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Text:
    """Batched text (loop → GUI)."""

    thinking: str = ""
    content: str = ""


@dataclass(frozen=True)
class _Event:
    name: str  # "streaming" | "notice"
    text: str = ""


def _merge(old: _Text, new: _Text) -> _Text:
    return _Text(old.thinking + new.thinking, old.content + new.content)


class ChatController(QObject):
    """Generates one reply at a time.

    Signals (the int is the reply id from `start`):
        loading(int): the request is sent; Ollama may be loading the model (no bytes yet).
        streaming_started(int): the first chunk arrived (the model is loaded).
        thinking_appended(int, str): more reasoning text (batched, ≤ one per ~40 ms).
        content_appended(int, str): more answer text (batched, ≤ one per ~40 ms).
        notice(int, str): a plain note for the user, e.g. thinking was turned off for this model.
        reply_finished(int, ChatMetrics): the reply is complete.
        reply_stopped(int): `stop()` ended it; the text received so far is the partial reply.
        reply_failed(int, OllamaError): it failed; text received so far may be kept by the caller.
    Exactly one of reply_finished / reply_stopped / reply_failed ends each reply.
    """

    loading = Signal(int)
    streaming_started = Signal(int)
    thinking_appended = Signal(int, str)
    content_appended = Signal(int, str)
    notice = Signal(int, str)
    reply_finished = Signal(int, object)
    reply_stopped = Signal(int)
    reply_failed = Signal(int, object)

    def __init__(
        self,
        runner: TaskRunner,
        host: str,
        *,
        model_info: Callable[[str], ModelInfo | None] | None = None,
        emit_interval_s: float = DEFAULT_INTERVAL_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client = OllamaClient(host)
        self._model_info = model_info
        self._emit_interval = emit_interval_s
        self._ids = itertools.count(1)
        self._current: tuple[int, TaskHandle] | None = None

    # -- public API -------------------------------------------------------------------------------

    @property
    def runner(self) -> TaskRunner:
        """The runner replies run on; the conversation controller reads attachments on it too."""
        return self._runner

    @property
    def is_busy(self) -> bool:
        return self._current is not None

    def start(self, request: ChatRequest) -> int:
        """Start a reply (stopping one in progress first). Returns its id; `loading(id)` is emitted at once."""
        self.stop()
        reply_id = next(self._ids)
        known = self._model_info(request.model) if self._model_info else None
        handle = self._runner.submit(lambda report: self._reply(request, known, report), f"chat-{reply_id}")
        handle.setProperty("reply_id", reply_id)
        handle.reported.connect(self._on_job_reported)
        handle.finished.connect(self._on_job_finished)
        handle.failed.connect(self._on_job_failed)
        handle.cancelled.connect(self._on_job_cancelled)
        handle.done.connect(self._on_job_done)
        self._current = (reply_id, handle)
        self.loading.emit(reply_id)
        return reply_id

    def stop(self) -> None:
        """Stop the reply in progress now (socket closed at once). reply_stopped follows."""
        if self._current is not None:
            self._current[1].cancel()  # the job flushes its partial text, then the handle reports cancelled

    def set_host(self, host: str) -> None:
        """Send replies to `host` from now on; a reply already streaming ends where it started."""
        self.client = OllamaClient(host)

    def shutdown(self) -> None:
        self.stop()

    # -- loop thread ----------------------------------------------------------------------------------

    async def _reply(
        self, request: ChatRequest, known: ModelInfo | None, report: Callable[[object], None]
    ) -> ChatMetrics:
        throttle: Throttle[_Text] = Throttle(report, self._emit_interval, _merge)

        def on_event(name: str, text: str) -> None:
            throttle.flush()  # the text so far goes out before the event
            report(_Event(name, text))

        try:
            return await stream_reply(
                self.client,
                request,
                known,
                on_text=lambda thinking, content: throttle.push(_Text(thinking, content)),
                on_event=on_event,
            )
        finally:
            throttle.close()  # the partial text reaches the GUI before the outcome does

    # -- GUI thread ------------------------------------------------------------------------------------

    def _reply_of(self, handle: object) -> int:
        return int(handle.property("reply_id")) if isinstance(handle, QObject) else 0

    @Slot(object)
    def _on_job_reported(self, value: object) -> None:
        reply_id = self._reply_of(self.sender())
        if isinstance(value, _Text):
            if value.thinking:
                self.thinking_appended.emit(reply_id, value.thinking)
            if value.content:
                self.content_appended.emit(reply_id, value.content)
        elif isinstance(value, _Event) and value.name == "streaming":
            self.streaming_started.emit(reply_id)
        elif isinstance(value, _Event):
            self.notice.emit(reply_id, value.text)

    @Slot(object)
    def _on_job_finished(self, metrics: ChatMetrics) -> None:
        self.reply_finished.emit(self._reply_of(self.sender()), metrics)

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        if not isinstance(exc, OllamaError):
            exc = OllamaError(ErrorKind.SERVER_ERROR, f"The reply failed: {exc}", "Try again.", detail=repr(exc))
        self.reply_failed.emit(self._reply_of(self.sender()), exc)

    @Slot()
    def _on_job_cancelled(self) -> None:
        self.reply_stopped.emit(self._reply_of(self.sender()))

    @Slot()
    def _on_job_done(self) -> None:
        handle = self.sender()
        if self._current is not None and self._current[1] is handle:
            self._current = None
