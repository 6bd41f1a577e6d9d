"""DownloadQueue against the stand-in: progress, cancel at ~40 % then resume, stall recovery, retry, failures."""

from __future__ import annotations

import itertools
import time

from runyard_desktop.core.ollama.errors import ErrorKind
from runyard_desktop.core.ollama.types import PullPhase, PullState, PullStatus
from runyard_desktop.tasks.download_queue import DownloadQueue, PullPolicy

FAST = PullPolicy(stall_timeout_s=0.3, backoff_s=0.05, watch_interval_s=0.05)
SIZE = 20_000_000


def _manager(runner, fake, **kw):
    fake.add_remote("qwen3.5:4b", (SIZE, 1429, 7711, 561))
    return DownloadQueue(runner, fake.url, policy=kw.pop("policy", FAST), **kw)


def test_pull_reports_batched_progress_and_finishes_when_listed(runner, fake_ollama, qtbot) -> None:
    queue = _manager(runner, fake_ollama)
    states: list[PullState] = []
    queue.download_changed.connect(states.append)
    with qtbot.waitSignal(queue.download_finished, timeout=10_000) as done:
        assert queue.start("qwen3.5:4b")
        assert not queue.start("qwen3.5:4b")  # one pull per model
    assert done.args == ["qwen3.5:4b"]
    final = queue.state("qwen3.5:4b")
    assert final.status is PullStatus.DONE and final.phase is PullPhase.DONE and final.fraction == 1.0
    assert final.total == SIZE + 1429 + 7711 + 561
    running = [s for s in states if s.status is PullStatus.RUNNING and s.phase is PullPhase.DOWNLOADING]
    assert running and all(b.completed >= a.completed for a, b in itertools.pairwise(running))
    assert any(s.speed_bps for s in running)


def test_cancel_at_40_percent_then_resume(runner, fake_ollama, qtbot) -> None:
    fake_ollama.bytes_per_tick = 400_000
    queue = _manager(runner, fake_ollama)
    queue.start("qwen3.5:4b")
    qtbot.waitUntil(lambda: (queue.state("qwen3.5:4b").fraction or 0) >= 0.4, timeout=10_000)
    with qtbot.waitSignal(queue.download_cancelled, timeout=2000):
        cancelled_at = time.monotonic()
        queue.cancel("qwen3.5:4b")
    gone = fake_ollama.wait_disconnect("pull", timeout=1.0)
    assert gone - cancelled_at < 0.1, f"server saw the disconnect after {(gone - cancelled_at) * 1000:.0f} ms"
    state = queue.state("qwen3.5:4b")
    assert state.status is PullStatus.CANCELLED and "resume" in state.message
    fake_ollama.wait_download_stopped("qwen3.5:4b", timeout=2.0)  # it stops server-side once nobody is attached
    kept = fake_ollama.partial("qwen3.5:4b")
    assert 0.35 * SIZE < kept < SIZE
    first: list[PullState] = []
    queue.download_changed.connect(lambda s: first.append(s) if s.completed and not first else None)
    with qtbot.waitSignal(queue.download_finished, timeout=10_000):
        queue.start("qwen3.5:4b")
    assert first[0].completed >= kept * 0.9, "the first progress of the second pull already has the kept bytes"
    assert queue.state("qwen3.5:4b").resumed_from_bytes > 0


def test_stall_is_detected_and_recovered(runner, fake_ollama, qtbot) -> None:
    fake_ollama.bytes_per_tick = 400_000
    queue = _manager(runner, fake_ollama)
    fake_ollama.stall_pull("qwen3.5:4b", at_fraction=0.5, for_s=0.8)  # the network's: reconnects do not clear it
    fake_ollama.registry_pause_s = 0.1  # the reconnect takes a moment before bytes flow
    states: list[PullState] = []
    queue.download_changed.connect(states.append)
    with qtbot.waitSignal(queue.download_finished, timeout=10_000):
        queue.start("qwen3.5:4b")
    assert PullStatus.STALLED in [s.status for s in states]
    stalled = [s for s in states if s.status is PullStatus.STALLED]
    assert stalled[0].message == "Stalled — reconnecting" and len(stalled) >= 2  # until bytes flow again
    assert queue.state("qwen3.5:4b").status is PullStatus.DONE


def test_transient_failure_is_retried(runner, fake_ollama, qtbot) -> None:
    queue = _manager(runner, fake_ollama)
    fake_ollama.fail("pull", "max_retries")
    seen = []
    queue.download_changed.connect(lambda s: seen.append(s.status))
    with qtbot.waitSignal(queue.download_finished, timeout=10_000):
        queue.start("qwen3.5:4b")
    assert PullStatus.RETRYING in seen


def test_permanent_failure_and_disk_precheck(runner, fake_ollama, qtbot) -> None:
    queue = _manager(runner, fake_ollama, free_disk=lambda: 1000)
    with qtbot.waitSignal(queue.download_failed, timeout=10_000) as failed:
        queue.start("nope:1b")
    assert failed.args[1].kind is ErrorKind.UNKNOWN_MODEL
    assert queue.state("nope:1b").status is PullStatus.FAILED
    with qtbot.waitSignal(queue.download_failed, timeout=10_000) as failed:
        queue.start("qwen3.5:4b", size_hint=SIZE)
    assert failed.args[1].kind is ErrorKind.NO_SPACE_PRECHECK
    assert not [b for b in fake_ollama.bodies("/api/pull") if b["model"] == "qwen3.5:4b"]


def test_queue_runs_one_at_a_time_and_cancel_queued(runner, fake_ollama, qtbot) -> None:
    queue = _manager(runner, fake_ollama)
    fake_ollama.add_remote("qwen3.5:2b", (2_000_000, 561))
    fake_ollama.add_remote("qwen3.5:9b", (2_000_000, 562))
    finished: list[str] = []
    queue.download_finished.connect(finished.append)
    queue.start("qwen3.5:4b")
    queue.start("qwen3.5:2b")
    queue.start("qwen3.5:9b")
    assert queue.state("qwen3.5:2b").status is PullStatus.QUEUED
    queue.cancel("qwen3.5:9b")
    assert queue.state("qwen3.5:9b").status is PullStatus.CANCELLED
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=10_000)
    assert finished == ["qwen3.5:4b", "qwen3.5:2b"]


def test_success_without_a_listing_is_not_installed(runner, fake_ollama, qtbot) -> None:
    queue = _manager(runner, fake_ollama)
    fake_ollama.fail("tags", "status", status=200, body={"models": []})
    with qtbot.waitSignal(queue.download_failed, timeout=10_000) as failed:
        queue.start("qwen3.5:4b")
    assert "does not list it" in failed.args[1].message


def test_finished_pull_refreshes_the_installed_listing(runner, fake_ollama, qtbot) -> None:
    from runyard_desktop.tasks.ollama_service import OllamaService

    service = OllamaService(runner, fake_ollama.url, find_installation=lambda: None, recheck_interval_s=None)
    queue = _manager(runner, fake_ollama, on_installed=service.refresh_installed)
    with qtbot.waitSignal(service.installed_models_changed, timeout=10_000) as listed:
        queue.start("qwen3.5:4b")
    assert [m.name for m in listed.args[0]] == ["qwen3.5:4b"]


def test_disk_checked_when_the_first_layer_size_is_known(runner, fake_ollama, qtbot) -> None:
    fake_ollama.bytes_per_tick = 100_000
    queue = _manager(runner, fake_ollama, free_disk=lambda: 5_000_000)
    with qtbot.waitSignal(queue.download_failed, timeout=10_000) as failed:
        queue.start("qwen3.5:4b")  # no size hint: the first progress line tells the size
    assert failed.args[1].kind is ErrorKind.NO_SPACE_PRECHECK and "5.0 MB" in failed.args[1].message
    fake_ollama.wait_disconnect("pull", timeout=1.0)
    assert fake_ollama.partial("qwen3.5:4b") < SIZE // 2


def test_resume_after_ollama_pruned_the_kept_bytes_says_so(runner, fake_ollama, qtbot) -> None:
    fake_ollama.bytes_per_tick = 400_000
    queue = _manager(runner, fake_ollama)
    queue.start("qwen3.5:4b")
    qtbot.waitUntil(lambda: (queue.state("qwen3.5:4b").fraction or 0) >= 0.3, timeout=10_000)
    with qtbot.waitSignal(queue.download_cancelled, timeout=2000):
        queue.cancel("qwen3.5:4b")
    assert "Ollama keeps" in queue.state("qwen3.5:4b").message and "while it runs" in queue.state("qwen3.5:4b").message
    fake_ollama.wait_download_stopped("qwen3.5:4b", timeout=2.0)
    assert fake_ollama.restart(idle_s=3601), "a restart the next day prunes the partial file"
    states: list[PullState] = []
    queue.download_changed.connect(states.append)
    with qtbot.waitSignal(queue.download_finished, timeout=10_000):
        queue.start("qwen3.5:4b")
    assert any(s.message.startswith("Ollama no longer had") for s in states), [s.message for s in states]
    assert queue.state("qwen3.5:4b").resumed_from_bytes == 0
