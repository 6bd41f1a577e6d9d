"""Writes a streaming reply to the history at a bounded rate (see `HistoryStore.update_reply`).

Each write rewrites the whole text so far, on the GUI thread (the store's one connection lives
there), so its cost grows with the reply: ~3 ms a MB here, more when the file grows. The next write
therefore waits for the longer of `interval_s` and the last write's cost divided by `WRITE_SHARE`:
the GUI thread never spends more than 5 % of its time writing a reply, whatever its length. A crash
loses at most that wait: 0.4 s of a normal reply, about 1-2 s at the 4 MB text limit
(`bounds.MAX_REPLY_CHARS`, which also bounds a single write). The outcome is always written at once.

A full disk never loses a reply: a write that fails with "database or disk is full" keeps the text in
memory (`unsaved` turns True), and the next flush, or `retry()`, writes it once space returns. Any
other error still raises. `save_unsaved_text` is the last resort when the app closes before that: a
plain text file next to the database (it may fail too on a full disk; the app then offers to copy it).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from runyard_desktop.core.chat.conversation import Message, ReplyMetrics
from runyard_desktop.core.chat.history_schema import is_full

WRITE_SHARE = 0.05  # the most of the GUI thread's time that rewriting a streaming reply may take

if TYPE_CHECKING:
    from runyard_desktop.core.chat.history import HistoryStore


def save_unsaved_text(folder: Path, text: str, *, clock: Callable[[], float] = time.time) -> Path | None:
    """Write `text` to a new `unsaved-replies-<time>.txt` in `folder`, readable by the user only;
    None when it cannot be written (the disk is still full, say)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    path = folder / f"unsaved-replies-{stamp}.txt"
    n = 1
    while path.exists():
        path = folder / f"unsaved-replies-{stamp}-{n}.txt"
        n += 1
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError:
        path.unlink(missing_ok=True)  # a partial file would look like the whole reply
        return None
    return path


class ReplyRecorder:
    """Keeps a streaming reply on disk at a bounded write rate: at most one write per `interval_s`, and
    after a slow write none before `write_share` of the time since it started went to it (see above).

    `append()` adds text and writes when the next write is due; `flush()` writes
    whatever is pending now; `finish()` writes the final state with its status and metrics. While the
    disk is full `unsaved` is True and the reply lives only here; `retry()` tries to save it again.
    """

    def __init__(
        self,
        store: HistoryStore,
        message: Message,
        *,
        interval_s: float = 0.4,
        write_share: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self.message = message
        self._interval = interval_s
        self._share = WRITE_SHARE if write_share is None else write_share
        self._gap = interval_s  # from the last write's start to the next one
        self._clock = clock
        self._content: list[str] = [message.content]
        self._thinking: list[str] = [message.thinking]
        self._dirty = False
        self._last_write = clock()
        self._final: tuple[str, ReplyMetrics | None, str] | None = None  # an outcome not written yet
        self.unsaved = False
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
        if self._dirty and self._clock() - self._last_write >= self._gap:
            self.flush()

    def flush(self) -> None:
        if not self._dirty:
            return
        content, thinking = self.content, self.thinking
        self._content, self._thinking = [content], [thinking]
        self._last_write = started = self._clock()
        saved = self._saved(lambda: self._store.update_reply(self.message.id, content, thinking))
        self._gap = max(self._interval, (self._clock() - started) / self._share)
        if saved:
            self._dirty = False
            self.writes += 1

    def finish(self, status: str, metrics: ReplyMetrics | None = None, error: str = "") -> Message:
        """Write the outcome; on a full disk the returned message is the one kept in memory."""
        self._final = (status, metrics, error)
        self._dirty = False
        self.retry()
        return self.message

    def retry(self) -> bool:
        """Save what is still unsaved (the outcome, or the text so far); True once nothing is pending."""
        if self._final is None:
            self.flush()
            return not self.unsaved
        status, metrics, error = self._final
        kept = replace(
            self.message, content=self.content, thinking=self.thinking, status=status, metrics=metrics, error=error
        )

        def write() -> None:
            self.message = self._store.finish_reply(
                kept.id, content=kept.content, thinking=kept.thinking, status=status, metrics=metrics, error=error
            )

        if self._saved(write):
            self._final = None
            return True
        self.message = kept
        return False

    def _saved(self, write: Callable[[], None]) -> bool:
        try:
            write()
        except sqlite3.OperationalError as exc:
            if not is_full(exc):
                raise
            self.unsaved = True
            return False
        self.unsaved = False
        return True
