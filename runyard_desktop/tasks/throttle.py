"""Loop-side coalescing: many values in, at most one `emit` per interval out.

Used on the TaskRunner loop thread so that a stream of progress lines or tokens becomes at most one
queued cross-thread signal per ~40 ms (docs/architecture.md: per-token signals left the GUI thread
draining a backlog for over half a second). Not thread-safe by design: call it from the loop only.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_INTERVAL_S = 0.04


def keep_latest(_old: T, new: T) -> T:
    return new


def _built(value: T | Callable[[], T]) -> T:
    """A pushed value as emitted: a lazy value is called now."""
    return value() if callable(value) else value


class Throttle(Generic[T]):
    """Coalesce values with `merge` and hand them to `emit` no more than once per `interval_s`.

    The first value after a quiet period goes out at once; later ones wait for a timer on the
    running loop. A callable value is lazy: it is called at emit time (so costly snapshots are
    built ≤ once per interval, not once per line); `merge` sees built values, so merging a lazy one
    stays lazy, and with `keep_latest` a replaced lazy value is never built. `flush()` sends what is
    pending now (call it before a final state), `close()` flushes and stops the timer.
    """

    def __init__(
        self,
        emit: Callable[[T], None],
        interval_s: float = DEFAULT_INTERVAL_S,
        merge: Callable[[T, T], T] = keep_latest,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._emit = emit
        self._interval = interval_s
        self._merge = merge
        self._clock = clock
        self._pending: tuple[T | Callable[[], T]] | None = None  # a box: a pushed value may itself be None
        self._last = float("-inf")
        self._timer: asyncio.TimerHandle | None = None

    def push(self, value: T | Callable[[], T]) -> None:
        if self._pending is not None and self._merge is not keep_latest:
            value = self._merged(self._pending[0], value)
        self._pending = (value,)
        wait = self._last + self._interval - self._clock()
        if wait <= 0:
            self.flush()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(wait, self.flush)

    def _merged(self, old: T | Callable[[], T], new: T | Callable[[], T]) -> T | Callable[[], T]:
        merge = self._merge
        if callable(old) or callable(new):
            return lambda: merge(_built(old), _built(new))
        return merge(old, new)

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._pending is None:
            return
        (value,), self._pending = self._pending, None
        self._last = self._clock()
        self._emit(_built(value))  # a lazy value: built only now, once per emit, not once per push

    def close(self) -> None:
        self.flush()
