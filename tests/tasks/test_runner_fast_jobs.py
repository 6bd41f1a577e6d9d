"""A job that finishes before `submit()` returns must still deliver its outcome to slots connected afterwards.

Callers (HardwareService, the Ollama services) connect `finished`/`done` after `run_blocking()`/`submit()`
return. When the loop thread finished the job before `add_done_callback` was registered, the callback
ran in the GUI thread and the outcome used to be emitted synchronously, before anyone connected: the
hardware panel then said "Detecting…" forever with Refresh disabled (warm detection takes ~1 ms).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import logging
import threading
from collections.abc import Coroutine

import pytest
from PySide6.QtCore import QObject

from runyard_desktop.tasks.runner import TaskRunner


def test_outcome_of_an_already_finished_job_reaches_late_connections(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    real = asyncio.run_coroutine_threadsafe

    def finish_first(
        coro: Coroutine[object, object, object], loop: asyncio.AbstractEventLoop
    ) -> concurrent.futures.Future[object]:
        future = real(coro, loop)
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


def test_runner_starts_its_thread_on_first_use_and_shuts_down_unused(qtbot) -> None:
    runner = TaskRunner()
    assert runner._thread is None  # nothing started before the first job: start-up stays light
    runner.shutdown()
    assert runner._thread is None


def test_a_job_submitted_after_shutdown_is_cancelled_not_raised(qtbot) -> None:
    runner = TaskRunner()
    runner.run_blocking(lambda: 1, name="first")
    runner.shutdown()
    late = runner.run_blocking(lambda: 2, name="late")  # e.g. a periodic re-check firing while closing
    finished: list[object] = []
    late.finished.connect(finished.append)
    with qtbot.waitSignal(late.cancelled, timeout=2000):
        pass
    assert finished == [] and late.is_done


def test_a_job_that_fails_as_it_is_cancelled_leaves_no_unretrieved_exception(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    """asyncio logged "Task exception was never retrieved" at garbage collection, from any thread.

    Seen in CI: closing the window cancelled a /api/ps listing just as the stand-in reset the
    connection, so the job raised OllamaError instead of stopping. The log line was formatted on
    the loop thread while the main thread parsed Python source, and 3.11's AST recursion counter
    (shared between threads) failed an unrelated test with SystemError.
    """
    running = threading.Event()

    async def fails_when_cancelled(_report: object) -> None:
        running.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            raise RuntimeError("the error that was already on its way") from None

    runner = TaskRunner()
    try:
        handle = runner.submit(fails_when_cancelled, name="fails-when-cancelled")
        assert running.wait(5)
        with qtbot.waitSignal(handle.cancelled, timeout=2000):
            handle.cancel()
        with qtbot.waitSignal(runner.run_blocking(lambda: None, name="after").done, timeout=2000):
            pass  # the loop has run the failed task's done-callbacks and let go of it
    finally:
        runner.shutdown()
    del handle, runner  # nothing of ours holds the failed task any more
    caplog.set_level(logging.ERROR, logger="asyncio")
    gc.collect()
    assert not [r.getMessage() for r in caplog.records if r.name == "asyncio"]


def test_cancel_lets_the_job_report_from_its_finally_before_cancelled(qtbot) -> None:
    """A stopped reply or download flushes its last batch in `finally`; that batch must not be dropped."""
    running = threading.Event()

    async def flushes_when_cancelled(report) -> None:
        running.set()
        try:
            await asyncio.sleep(30)
        finally:
            report("the partial text")

    runner = TaskRunner()
    try:
        handle = runner.submit(flushes_when_cancelled, name="flushes")
        events: list[object] = []
        handle.reported.connect(events.append)
        handle.cancelled.connect(lambda: events.append("cancelled"))
        assert running.wait(5)
        with qtbot.waitSignal(handle.done, timeout=2000):
            handle.cancel()
        assert events == ["the partial text", "cancelled"]
    finally:
        runner.shutdown()


def test_a_cancelled_job_ends_cancelled_even_if_it_returns_and_one_not_started_never_runs(qtbot) -> None:
    gate, running, started = threading.Event(), threading.Event(), []

    async def holds_the_loop(_report: object) -> None:
        gate.wait(5)  # blocks the loop thread, so the next job cannot start before it is cancelled

    async def returns_anyway(_report: object) -> int:
        running.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            return 7
        return 0

    async def records_start(_report: object) -> None:
        started.append(True)

    runner = TaskRunner()
    try:
        stubborn = runner.submit(returns_anyway, name="returns-anyway")
        assert running.wait(5)
        results: list[object] = []
        stubborn.finished.connect(results.append)
        with qtbot.waitSignal(stubborn.cancelled, timeout=2000):
            stubborn.cancel()
        runner.submit(holds_the_loop, name="holds-the-loop")
        late = runner.submit(records_start, name="late")
        late.cancel()
        gate.set()
        with qtbot.waitSignal(late.cancelled, timeout=2000):
            pass
        assert results == [] and started == []
    finally:
        runner.shutdown()


class _Owner(QObject):
    """A GUI-thread object whose own method is the job, as the services' jobs are; notes where it died."""

    def __init__(self, deaths: list[str], *, fail: bool) -> None:
        super().__init__()
        self.deaths = deaths
        self.fail = fail
        self.started = threading.Event()
        self.release = threading.Event()

    def __del__(self) -> None:
        self.deaths.append(threading.current_thread().name)

    async def job(self, _report: object) -> object:
        self.started.set()
        while not self.release.is_set():
            await asyncio.sleep(0.005)
        if self.fail:
            raise ValueError("the job failed")  # its traceback's frames hold `self`
        return "done"


@pytest.mark.parametrize("outcome", ["finished", "failed", "cancelled"])
def test_an_object_the_job_holds_is_destroyed_on_the_gui_thread(qtbot, outcome: str) -> None:
    """A test (or a window) drops its last reference while the job runs: the loop thread must not be
    the one to destroy the object, or it dies there while the GUI thread delivers to it (a segfault,
    twice in ~25 full runs, from test_ollama_service's unparented service)."""
    deaths: list[str] = []
    runner = TaskRunner()
    try:
        owner = _Owner(deaths, fail=outcome == "failed")
        handle = runner.submit(owner.job, "holds-its-owner")
        release = owner.release
        assert owner.started.wait(2)
        del owner
        gc.collect()
        assert deaths == []  # the job still holds it
        with qtbot.waitSignal(handle.done, timeout=2000):
            if outcome == "cancelled":
                handle.cancel()
            else:
                release.set()
        gc.collect()
        assert deaths == ["MainThread"]
    finally:
        runner.shutdown()
