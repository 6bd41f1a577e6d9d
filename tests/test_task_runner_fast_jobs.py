"""A job that finishes before `submit()` returns must still deliver its outcome to slots connected afterwards.

Callers (HardwareService, the Ollama services) connect `finished`/`done` after `run_blocking()`/`submit()`
return. When the loop thread finished the job before `add_done_callback` was registered, the callback
ran in the GUI thread and the outcome used to be emitted synchronously, before anyone connected: the
hardware panel then said "Detecting…" forever with Refresh disabled (warm detection takes ~1 ms).
"""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest

from runyard_desktop.tasks.runner import TaskRunner


def test_outcome_of_an_already_finished_job_reaches_late_connections(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real = asyncio.run_coroutine_threadsafe

    def finish_first(coro, loop):  # type: ignore[no-untyped-def]
        future: concurrent.futures.Future[object] = real(coro, loop)
        concurrent.futures.wait([future])  # the loop thread wins the race, deterministically
        return future

    monkeypatch.setattr(asyncio, "run_coroutine_threadsafe", finish_first)
    runner = TaskRunner()
    try:
        handle = runner.run_blocking(lambda: 42, name="instant")
        results: list[object] = []
        handle.finished.connect(results.append)
        with qtbot.waitSignal(handle.done, timeout=2000):
            pass
        assert results == [42]
    finally:
        runner.shutdown()


def test_runner_starts_its_thread_on_first_use_and_shuts_down_unused(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    assert runner._thread is None  # nothing started before the first job: start-up stays light
    runner.shutdown()
    assert runner._thread is None


def test_a_job_submitted_after_shutdown_is_cancelled_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    runner.run_blocking(lambda: 1, name="first")
    runner.shutdown()
    late = runner.run_blocking(lambda: 2, name="late")  # e.g. a periodic re-check firing while closing
    finished: list[object] = []
    late.finished.connect(finished.append)
    with qtbot.waitSignal(late.cancelled, timeout=2000):
        pass
    assert finished == [] and late.is_done
