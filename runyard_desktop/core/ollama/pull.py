"""Pull progress as pure code: layers summed, phases, resume detection, smoothed speed and ETA.

Feed every NDJSON line of `/api/pull` to `PullTracker.feed()`; ask `snapshot()` for a `PullState`.
Rules from the real server (docs/ollama-behaviour.md#pull): every line with a `digest` is that layer's progress; a
missing `completed` is 0; layers arrive one after another so the total grows; duplicates are normal;
no final 100 % tick is guaranteed; a line without a digest is a phase label; `success` is done.
`completed` is the server's own count and may go DOWN (server/download.go takes a failed part's bytes
back; after a digest mismatch the layer downloads again from 0): the tracker shows what the server says,
and any change, up or down, is movement for the stall watchdog.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from runyard_desktop.core.ollama.types import PullPhase, PullState, PullStatus

REFETCH_WORDS = "Verifying failed — downloading that part again"
SPEED_WINDOW_S = 3.0
SAMPLE_EVERY_S = 0.1
_PHASES = (
    ("pulling manifest", PullPhase.MANIFEST),
    ("verifying", PullPhase.VERIFYING),
    ("writing manifest", PullPhase.WRITING),
    ("removing", PullPhase.WRITING),
    ("couldn't remove", PullPhase.WRITING),
    ("success", PullPhase.DONE),
)


def phase_of(status: str, digest: str | None) -> PullPhase | None:
    if digest:
        return PullPhase.DOWNLOADING
    for prefix, phase in _PHASES:
        if status.startswith(prefix):
            return phase
    if status.startswith("pulling"):
        return PullPhase.DOWNLOADING
    return None


def normalize_tag(tag: str) -> str:
    """'qwen3.5' -> 'qwen3.5:latest'; how /api/tags names a model."""
    name = tag.strip()
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


class PullTracker:
    """Accumulates one pull attempt's lines. `clock` is injectable for tests.

    `prior`: the previous attempt's tracker (a reconnect starts from what it knew). `kept_bytes`: what an
    earlier, stopped pull left with Ollama; a resume that finds fewer bytes says so (`lost_bytes`).
    """

    def __init__(
        self,
        tag: str,
        *,
        size_hint: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        prior: PullTracker | None = None,
        kept_bytes: int = 0,
    ) -> None:
        self.tag = tag
        self.size_hint = size_hint or 0
        self._clock = clock
        self.layers: dict[str, tuple[int, int]] = {}  # digest -> (completed, total), the server's latest word
        self.phase = PullPhase.MANIFEST
        self.succeeded = False
        self.resumed_from_bytes = 0
        self.kept_bytes = kept_bytes
        self.lost_bytes = 0  # kept bytes the resume found gone (Ollama pruned the partial file)
        self.moved = False  # bytes moved on a layer after its first line in this attempt (refills budgets)
        self.refetch: tuple[str, int] | None = None  # (digest, its count before it went down) while re-downloading
        self.lines = 0
        now = clock()
        self.last_progress_at = now
        self._seen: set[str] = set()  # layers this attempt has had a line for
        self._kept_checked = not kept_bytes
        self._samples: deque[tuple[float, int]] = deque(maxlen=64)
        self._completed = 0
        self._total = 0
        if prior is not None:  # a reconnect keeps the bytes we already know about
            self.layers = dict(prior.layers)
            self.resumed_from_bytes = prior.resumed_from_bytes
            self.kept_bytes, self.lost_bytes, self._kept_checked = prior.kept_bytes, prior.lost_bytes, True
            self.refetch = prior.refetch
            self._recount()

    @property
    def completed(self) -> int:
        return self._completed

    @property
    def total(self) -> int:
        return max(self._total, self.size_hint)

    def feed(self, status: str, digest: str | None, total: int | None, completed: int | None) -> None:
        self.lines += 1
        phase = phase_of(status, digest)
        if phase is not None:
            self.phase = phase
        if status == "success":
            self.succeeded = True
        if not digest:
            return
        done = int(completed or 0)
        size = int(total or 0)
        previous = self.layers.get(digest)
        followed = digest in self._seen  # a later line of this attempt, not its first word on the layer
        self._seen.add(digest)
        if previous is None and 0 < done < size:
            self.resumed_from_bytes += done
        if previous is not None and previous == (done, size):
            return  # duplicate tick: nothing changed
        self.layers[digest] = (done, size)
        self._recount()
        self._note_direction(digest, previous[0] if previous else None, done)
        if not self._kept_checked and done < size:
            self._check_kept()
        now = self._clock()
        self.moved = self.moved or followed
        self.last_progress_at = now  # any change, up or down, is movement
        if not self._samples or now - self._samples[-1][0] >= SAMPLE_EVERY_S:
            self._samples.append((now, self._completed))
        else:  # a fast stream: keep the window ~3 s long with few samples, refresh the newest one
            self._samples[-1] = (self._samples[-1][0], self._completed)

    def _note_direction(self, digest: str, before: int | None, done: int) -> None:
        if before is not None and done < before:  # bytes taken back or the layer downloads again
            high = max(before, self.refetch[1]) if self.refetch and self.refetch[0] == digest else before
            self.refetch = (digest, high)
            self._samples.clear()  # a speed across the drop would be negative
        elif self.refetch is not None and (self.refetch[0] != digest or done >= self.refetch[1]):
            self.refetch = None  # back where it was (or on to the next layer)

    def _check_kept(self) -> None:
        """At the first unfinished layer of a resume: fewer bytes than were kept means Ollama lost them."""
        self._kept_checked = True
        if self._completed < self.kept_bytes:
            self.lost_bytes = self.kept_bytes - self._completed

    def _recount(self) -> None:
        self._completed = sum(c for c, _ in self.layers.values())
        self._total = sum(t for _, t in self.layers.values())

    def speed_bps(self) -> float | None:
        """Bytes per second over the last few seconds; None until two samples 0.2 s apart exist."""
        if len(self._samples) < 2:
            return None
        now, latest = self._samples[-1]
        for t, c in self._samples:
            if now - t <= SPEED_WINDOW_S:
                span = now - t
                if span >= 0.2:
                    return max(0.0, (latest - c) / span)
                break
        return None

    def stalled_for(self) -> float:
        """Seconds without byte progress while downloading (0 outside the download phase)."""
        if self.phase is not PullPhase.DOWNLOADING:
            return 0.0
        return self._clock() - self.last_progress_at

    def touch(self) -> None:
        """Reset the stall clock (after a reconnect)."""
        self.last_progress_at = self._clock()

    def snapshot(self, status: PullStatus = PullStatus.RUNNING, *, message: str = "", attempt: int = 1) -> PullState:
        speed = self.speed_bps()
        total = self.total
        eta = (total - self._completed) / speed if speed and speed > 0 and total > self._completed else None
        phase = PullPhase.DONE if self.succeeded else self.phase
        if not message and status is PullStatus.DONE:
            message = "Downloaded"
        return PullState(
            tag=self.tag,
            status=status,
            phase=phase,
            completed=total if self.succeeded and total else self._completed,
            total=total,
            speed_bps=speed,
            eta_s=eta,
            resumed_from_bytes=self.resumed_from_bytes,
            attempt=attempt,
            message=message or self._words(phase),
        )

    def _words(self, phase: PullPhase) -> str:
        if phase is PullPhase.DOWNLOADING and self.refetch is not None:
            return REFETCH_WORDS
        if phase is PullPhase.DOWNLOADING and self.lost_bytes:
            return lost_words(self.lost_bytes)
        return phase_message(phase, self.resumed_from_bytes)


def lost_words(lost: int) -> str:
    from runyard_desktop.core.formatting import human_bytes

    return (
        f"Ollama no longer had {human_bytes(lost)} of the kept download — downloading it again "
        "(a restarted Ollama removes unfinished downloads untouched for an hour, older versions all of them)"
    )


def phase_message(phase: PullPhase, resumed_from: int = 0) -> str:
    from runyard_desktop.core.formatting import human_bytes

    if phase is PullPhase.DOWNLOADING and resumed_from:
        return f"Downloading (resumed from {human_bytes(resumed_from)})"
    return {
        PullPhase.QUEUED: "Waiting",
        PullPhase.MANIFEST: "Contacting the model library",
        PullPhase.DOWNLOADING: "Downloading",
        PullPhase.VERIFYING: "Verifying",
        PullPhase.WRITING: "Finishing",
        PullPhase.DONE: "Finishing",
    }[phase]
