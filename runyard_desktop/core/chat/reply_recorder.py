"""Writes a streaming reply to the history at a bounded rate (see `HistoryStore.update_reply`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from runyard_desktop.core.chat.conversation import Message, ReplyMetrics

if TYPE_CHECKING:
    from runyard_desktop.core.chat.history import HistoryStore


class ReplyRecorder:
    """Keeps a streaming reply on disk at a bounded write rate (at most one write per `interval_s`).

    `append()` adds text and writes when the last write is older than `interval_s`; `flush()` writes
    whatever is pending now; `finish()` writes the final state with its status and metrics.
    """

    def __init__(
        self,
        store: HistoryStore,
        message: Message,
        *,
        interval_s: float = 0.4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self.message = message
        self._interval = interval_s
        self._clock = clock
        self._content: list[str] = [message.content]
        self._thinking: list[str] = [message.thinking]
        self._dirty = False
        self._last_write = clock()
        self.writes = 0

    @property
    def content(self) -> str:
        return "".join(self._content)

    @property
    def thinking(self) -> str:
        return "".join(self._thinking)

    def append(self, content: str = "", thinking: str = "") -> None:
        if content:
            self._content.append(content)
        if thinking:
            self._thinking.append(thinking)
        if content or thinking:
            self._dirty = True
        self.flush_if_due()

    def flush_if_due(self) -> None:
        if self._dirty and self._clock() - self._last_write >= self._interval:
            self.flush()

    def flush(self) -> None:
        if not self._dirty:
            return
        content, thinking = self.content, self.thinking
        self._content, self._thinking = [content], [thinking]
        self._store.update_reply(self.message.id, content, thinking)
        self._dirty = False
        self._last_write = self._clock()
        self.writes += 1

    def finish(self, status: str, metrics: ReplyMetrics | None = None, error: str = "") -> Message:
        self.message = self._store.finish_reply(
            self.message.id, content=self.content, thinking=self.thinking, status=status, metrics=metrics, error=error
        )
        self._dirty = False
        return self.message
