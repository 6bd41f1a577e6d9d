"""Downloads follow the server's own count, which can go down (server/download.go, server/images.go):

the tracker shows what the server says, any change is movement for the stall watchdog, budgets refill
after progress, a digest mismatch downloads the layer again once and says so, and a resume whose kept
bytes Ollama pruned says so. Unit tests on `PullTracker`, then `run_pull` against the stand-in.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest

from runyard_desktop.core.downloads.progress_words import KEPT_NOTE, list_line, row_status
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.pull import REFETCH_WORDS, PullTracker
from runyard_desktop.core.ollama.pull_job import PullPolicy, run_pull
from runyard_desktop.core.ollama.types import PullPhase, PullState, PullStatus
from tests.support.fake_ollama import FakeOllama
from tests.support.fake_ollama_state import Blob

D1, D2 = "sha256:" + "a" * 64, "sha256:" + "b" * 64
SIZE = 4_000_000
# Short timings; no backoff wait. One stall reconnect in a row at most: a second one fails the pull.
TIGHT = PullPolicy(stall_timeout_s=0.3, max_stall_reconnects=1, backoff_s=0.0, watch_interval_s=0.05)


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


# -- PullTracker --------------------------------------------------------------------------------------------


def test_completed_going_down_is_shown_and_is_movement() -> None:
    clock = Clock()
    t = PullTracker("m", clock=clock)
    t.feed("pulling aaaaaaaaaaaa", D1, 1000, 0)
    assert not t.moved  # the first word on a layer is not movement
    clock.t = 1.0
    t.feed("pulling aaaaaaaaaaaa", D1, 1000, 800)
    assert t.moved
    clock.t = 5.0
    t.feed("pulling aaaaaaaaaaaa", D1, 1000, 600)  # a failed part's bytes taken back
    assert t.completed == 600 and t.stalled_for() == 0.0, "down is movement too"
    assert t.snapshot().message == REFETCH_WORDS and t.speed_bps() is None
    clock.t = 6.0
    t.feed("pulling aaaaaaaaaaaa", D1, 1000, 800)  # back where it was
    assert t.snapshot().message == "Downloading"


def test_a_re_downloaded_layer_after_a_mismatch_starts_from_its_new_count() -> None:
    first = PullTracker("m")
    first.feed("pulling aaaaaaaaaaaa", D1, 1000, 1000)
    first.feed("verifying sha256 digest", None, None, None)
    retry = PullTracker("m", prior=first)
    retry.feed("pulling manifest", None, None, None)
    retry.feed("pulling aaaaaaaaaaaa", D1, 1000, 0)
    assert retry.completed == 0 and retry.snapshot().message == REFETCH_WORDS
    assert row_status(retry.snapshot()).text.startswith(REFETCH_WORDS)


def test_kept_bytes_found_or_gone() -> None:
    found = PullTracker("m", kept_bytes=800)
    found.feed("pulling aaaaaaaaaaaa", D1, 2000, 800)
    assert found.lost_bytes == 0 and found.resumed_from_bytes == 800
    gone = PullTracker("m", kept_bytes=2_000_000_000)
    gone.feed("pulling bbbbbbbbbbbb", D2, 10, 10)  # a finished layer (a cache hit) says nothing yet
    assert gone.lost_bytes == 0
    gone.feed("pulling aaaaaaaaaaaa", D1, 3_000_000_000, 0)
    assert gone.lost_bytes == 2_000_000_000 - 10
    words = gone.snapshot().message
    assert words.startswith("Ollama no longer had 2.0 GB") and "restarted Ollama removes" in words
    assert list_line(gone.snapshot()).startswith("Ollama no longer had")
    assert PullTracker("m", prior=gone).snapshot().message == "Contacting the model library"  # phase first


def test_paused_words_say_how_long_ollama_keeps_the_bytes() -> None:
    paused = PullState("m", PullStatus.CANCELLED, PullPhase.DOWNLOADING, completed=2_100_000_000, total=6_600_000_000)
    line = list_line(paused)
    assert line.startswith("Paused — 2.1 GB of 6.6 GB kept") and KEPT_NOTE in line
    assert "while it runs" in KEPT_NOTE and "when it restarts it removes unfinished downloads" in KEPT_NOTE
    assert list_line(replace(paused, completed=0)) == "Cancelled"


# -- run_pull against the stand-in ---------------------------------------------------------------------------


class Sink:
    def __init__(self, on_state: Callable[[PullState], None] | None = None) -> None:
        self.states: list[PullState] = []
        self._on_state = on_state

    def push(self, state: PullState | Callable[[], PullState]) -> None:
        self.states.append(state() if callable(state) else state)
        if self._on_state is not None:
            self._on_state(self.states[-1])

    def flush(self) -> None:
        pass


def _pull(fake: FakeOllama, sink: Sink, policy: PullPolicy = TIGHT, *, kept_bytes: int = 0) -> PullState:
    async def go() -> PullState:
        pull = run_pull(OllamaClient(fake.url), "qwen3.5:4b", sink, policy, kept_bytes=kept_bytes)
        return await asyncio.wait_for(pull, 30)

    return asyncio.run(go())


def test_a_digest_mismatch_re_download_longer_than_the_stall_window_finishes(fake_ollama: FakeOllama) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.fail("pull", "digest_mismatch")

    def slow_network(state: PullState) -> None:  # the re-download takes 1.6 s: several stall windows
        if state.status is PullStatus.RETRYING:
            fake_ollama.tick_s, fake_ollama.bytes_per_tick = 0.02, 50_000

    sink = Sink(slow_network)
    done = _pull(fake_ollama, sink)
    assert done.status is PullStatus.DONE
    statuses = [s.status for s in sink.states]
    assert PullStatus.STALLED not in statuses, "bytes kept moving: never a stall"
    retrying = [s for s in sink.states if s.status is PullStatus.RETRYING]
    assert [s.message for s in retrying] == [REFETCH_WORDS]
    counts = [s.completed for s in sink.states if s.phase is PullPhase.DOWNLOADING and s.attempt == 2]
    assert counts and counts[0] < SIZE // 2, "the bar went back with the server's count"
    assert any(s.message == REFETCH_WORDS and s.status is PullStatus.RUNNING for s in sink.states)
    assert len(fake_ollama.bodies("/api/pull")) == 2  # one retry, no reconnects


def test_a_second_digest_mismatch_fails_with_its_message(fake_ollama: FakeOllama) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.fail("pull", "digest_mismatch", times=2)
    with pytest.raises(OllamaError) as failed:
        _pull(fake_ollama, Sink())
    assert failed.value.kind is ErrorKind.DIGEST_MISMATCH
    assert len(fake_ollama.bodies("/api/pull")) == 2


def test_a_failed_part_lowers_the_bar_without_a_stall(fake_ollama: FakeOllama) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.bytes_per_tick = 100_000
    fake_ollama.fail("pull", "part_failed")
    sink = Sink()
    assert _pull(fake_ollama, sink).status is PullStatus.DONE
    counts = [s.completed for s in sink.states if s.phase is PullPhase.DOWNLOADING]
    assert any(b < a for a, b in itertools.pairwise(counts)), "the bar followed the server down"
    assert any(s.message == REFETCH_WORDS for s in sink.states)
    assert len(fake_ollama.bodies("/api/pull")) == 1


def test_stall_budget_refills_after_progress(fake_ollama: FakeOllama) -> None:
    """Three separate stalls, each recovered by one reconnect, with a budget of one in a row."""
    fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.bytes_per_tick = 100_000
    stalls = iter((0.5, 0.75))
    fake_ollama.stall_pull("qwen3.5:4b", at_fraction=0.25)

    def network(state: PullState) -> None:  # the stall clears when the app reconnects; the next one comes later
        if state.status is PullStatus.STALLED and state.message == "Stalled — reconnecting":
            fake_ollama.clear_stall("qwen3.5:4b")
        elif state.status is PullStatus.RUNNING and not fake_ollama.state.stalls:
            fraction = next(stalls, None)
            if fraction is not None and state.completed < fraction * SIZE:
                fake_ollama.stall_pull("qwen3.5:4b", at_fraction=fraction)

    sink = Sink(network)
    assert _pull(fake_ollama, sink).status is PullStatus.DONE
    assert len(fake_ollama.bodies("/api/pull")) == 4, "three stalls, three reconnects"


def test_a_resume_whose_bytes_were_pruned_says_so(fake_ollama: FakeOllama) -> None:
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    with fake_ollama.state.lock:
        fake_ollama.state.blobs[model.blobs[0][0]] = Blob(SIZE, 1_500_000)  # a paused download's partial file
    assert fake_ollama.restart(idle_s=3601)  # Ollama restarted the next day: pruned
    sink = Sink()
    done = _pull(fake_ollama, sink, kept_bytes=1_500_000)
    assert done.status is PullStatus.DONE and done.resumed_from_bytes == 0
    assert any(s.message.startswith("Ollama no longer had 1.5 MB") for s in sink.states)


def test_a_resume_that_finds_its_bytes_says_resumed(fake_ollama: FakeOllama) -> None:
    fake_ollama.version = "0.31.0"  # a restart prunes only partials untouched for an hour (v0.21+)
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    with fake_ollama.state.lock:
        fake_ollama.state.blobs[model.blobs[0][0]] = Blob(SIZE, 1_500_000)
    assert fake_ollama.restart(idle_s=600) == []  # ten minutes: kept
    sink = Sink()
    done = _pull(fake_ollama, sink, kept_bytes=1_500_000)
    assert done.resumed_from_bytes == 1_500_000
    assert not any(s.message.startswith("Ollama no longer had") for s in sink.states)
