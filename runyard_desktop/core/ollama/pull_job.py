"""One model download with recovery, as plain async code shared by the GUI's DownloadQueue and the CLI.

`run_pull()` pulls until `success` and a listing shows the model. It reconnects when no bytes move
for longer than Ollama's own 30 s stalled-part retry (server/download.go; the reconnect resumes),
retries transient failures with backoff, downloads again once after a digest mismatch, and refills
both budgets whenever bytes moved since. It checks free disk first and reports `PullState`s to a sink
(`push` for progress, which the sink may coalesce; `flush` before status changes). Cancelling the task
closes the connection at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError, from_server_text
from runyard_desktop.core.ollama.pull import REFETCH_WORDS, PullTracker, normalize_tag
from runyard_desktop.core.ollama.types import PullState, PullStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PullPolicy:
    """Timing knobs; tests shrink them."""

    # No byte moved while downloading for this long -> reconnect. Above Ollama's own 30 s retry of a
    # stalled part (server/download.go), which moves bytes again without us.
    stall_timeout_s: float = 45.0
    max_stall_reconnects: int = 5  # in a row: refilled once bytes move again
    max_retries: int = 3  # transient failures (connection lost, max retries exceeded, 503, …), refilled likewise
    max_refetches: int = 1  # digest mismatch: Ollama deleted the layer; download it again this often
    backoff_s: float = 2.0  # 2, 4, 8 s …
    watch_interval_s: float = 0.25
    emit_interval_s: float = 0.04
    max_concurrent: int = 1


class StateSink(Protocol):
    """Receives states; a pushed callable is a lazy state (call it when you actually emit)."""

    def push(self, state: PullState | Callable[[], PullState]) -> None: ...

    def flush(self) -> None: ...


async def check_disk(tag: str, size_hint: int | None, free_disk: Callable[[], int | None] | None) -> None:
    if free_disk is None or not size_hint:
        return
    free = await asyncio.get_running_loop().run_in_executor(None, free_disk)
    if free is not None and free < size_hint:
        raise OllamaError(
            ErrorKind.NO_SPACE_PRECHECK,
            f"{tag} needs {human_bytes(size_hint)} but only {human_bytes(free)} is free on the models disk.",
            "Free some space or delete a model you no longer use, then try again.",
        )


async def run_pull(
    client: OllamaClient,
    tag: str,
    sink: StateSink,
    policy: PullPolicy = PullPolicy(),
    *,
    size_hint: int | None = None,
    free_disk: Callable[[], int | None] | None = None,
    kept_bytes: int = 0,
) -> PullState:
    """Pull `tag` to the end; returns the DONE state or raises OllamaError (CancelledError on cancel).

    `kept_bytes`: what an earlier, stopped pull of `tag` left with Ollama (a resume says if they are gone).
    """
    tag = normalize_tag(tag)
    await check_disk(tag, size_hint, free_disk)
    tracker: PullTracker | None = None
    attempt = retries = stalls = refetches = 0
    while True:
        attempt += 1
        tracker = PullTracker(tag, size_hint=size_hint, prior=tracker, kept_bytes=kept_bytes)
        reconnecting = stalls > 0
        sink.push(_label(tracker, attempt, reconnecting))
        try:
            late_disk_check = free_disk if (attempt == 1 and not size_hint) else None
            if await _attempt(client, tag, tracker, sink, policy, attempt, reconnecting, late_disk_check):
                break
        except OllamaError as err:
            if tracker.moved:
                retries = stalls = 0
            if err.kind is ErrorKind.DIGEST_MISMATCH and refetches < policy.max_refetches:
                refetches += 1  # Ollama deleted the bad layer; the next attempt downloads it from 0
                log.info("pull %s: digest mismatch; downloading the layer again", tag)
                sink.push(tracker.snapshot(PullStatus.RETRYING, attempt=attempt, message=REFETCH_WORDS))
                sink.flush()
                continue
            if not err.transient or err.kind is ErrorKind.DIGEST_MISMATCH or retries >= policy.max_retries:
                sink.flush()
                raise await _with_version(client, err, tag) from err
            retries += 1
            delay = policy.backoff_s * 2 ** (retries - 1)
            log.info("pull %s: %s; retry %d in %.1f s", tag, err.kind.value, retries, delay)
            sink.push(
                tracker.snapshot(
                    PullStatus.RETRYING, attempt=attempt, message=f"{err.message} Retrying in {delay:.0f} s…"
                )
            )
            sink.flush()
            await asyncio.sleep(delay)
            continue
        if tracker.moved:
            retries = stalls = 0
        stalls += 1
        if stalls > policy.max_stall_reconnects:
            sink.flush()
            raise OllamaError(
                ErrorKind.STALLED,
                "The download stopped making progress.",
                "Check your internet connection and download again; it resumes.",
            )
        sink.push(tracker.snapshot(PullStatus.STALLED, attempt=attempt, message="Stalled — reconnecting"))
        sink.flush()
    sink.push(tracker.snapshot(attempt=attempt, message="Checking the installed models"))
    sink.flush()
    await confirm_listed(client, tag)
    return tracker.snapshot(PullStatus.DONE, attempt=attempt)


def _label(tracker: PullTracker, attempt: int, reconnecting: bool) -> PullState:
    if reconnecting:  # until bytes flow again after a stall, keep saying so
        return tracker.snapshot(PullStatus.STALLED, attempt=attempt, message="Stalled — reconnecting")
    return tracker.snapshot(attempt=attempt)


async def _attempt(
    client: OllamaClient,
    tag: str,
    tracker: PullTracker,
    sink: StateSink,
    policy: PullPolicy,
    attempt: int,
    reconnecting: bool,
    free_disk: Callable[[], int | None] | None = None,
) -> bool:
    """One connection. True on success, False when stalled (the stream is closed); raises on errors.

    `free_disk` (no size known beforehand): checked once, when the first layer's size is known.
    """
    # Built only when the sink emits (≤ 25/s), not per line.
    snapshot = functools.partial(_label, tracker, attempt, reconnecting)

    async def consume() -> None:
        nonlocal snapshot, reconnecting, free_disk
        async for status, digest, total, completed in client.pull(tag):
            before = tracker.completed
            tracker.feed(status, digest, total, completed)
            if reconnecting and (tracker.completed != before or tracker.succeeded):
                reconnecting = False
                snapshot = functools.partial(_label, tracker, attempt, False)
            sink.push(snapshot)
            if free_disk is not None and tracker.total > tracker.completed:
                await check_disk(tag, tracker.total - tracker.completed, free_disk)
                free_disk = None
        if not tracker.succeeded:
            raise OllamaError(
                ErrorKind.CONNECTION_LOST,
                "The download connection closed before it finished.",
                "Download again; it resumes.",
            )

    consumer = asyncio.ensure_future(consume())
    try:
        while True:
            done, _ = await asyncio.wait({consumer}, timeout=policy.watch_interval_s)
            if done:
                consumer.result()
                return True
            if tracker.stalled_for() > policy.stall_timeout_s:
                log.info("pull %s stalled for %.1f s; reconnecting", tag, tracker.stalled_for())
                return False
    finally:
        if not consumer.done():
            consumer.cancel()
            with contextlib.suppress(asyncio.CancelledError, OllamaError):
                await consumer


async def _with_version(client: OllamaClient, err: OllamaError, tag: str) -> OllamaError:
    """A "needs a newer Ollama" error says which version is installed; ask the server if we do not know."""
    if err.kind is not ErrorKind.NEEDS_NEWER_OLLAMA or client.server_version:
        return err
    await client.probe()
    return from_server_text(err.detail, err.status_code, model=tag, installed_version=client.server_version)


async def confirm_listed(client: OllamaClient, tag: str) -> None:
    names = {normalize_tag(m.name) for m in await client.list_models()}
    if tag not in names:
        raise OllamaError(
            ErrorKind.SERVER_ERROR,
            f"Ollama said {tag} finished downloading but does not list it.",
            "Download it again.",
        )
