"""Finished jobs leave nothing behind: the runner lets go of a handle once its outcome reached the GUI thread.

The Ollama status re-check alone submits a job every 5–15 s, so a window left open for a day would
otherwise keep thousands of handles (and whatever their jobs returned) alive.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from collections import Counter

from PySide6.QtCore import QObject

from runyard_desktop.tasks.runner import TaskRunner

JOBS = 1000


async def _fails(_report: object) -> None:
    raise ValueError("the job failed")


async def _waits(_report: object) -> None:
    await asyncio.sleep(30)


async def _reports(report) -> int:
    report("halfway")
    return 2


def test_a_thousand_finished_jobs_leave_no_handle_alive(qtbot) -> None:
    outcomes: Counter[str] = Counter()
    deaths: list[str] = []  # the thread each handle was destroyed on
    refs: list[weakref.ref[QObject]] = []
    runner = TaskRunner()
    try:
        for i in range(JOBS):
            kind = i % 4
            if kind == 0:
                handle = runner.run_blocking(lambda: 1, name="finishes")
            elif kind == 1:
                handle = runner.submit(_fails, "fails")
            elif kind == 2:
                handle = runner.submit(_reports, "reports")
                handle.reported.connect(lambda _v: outcomes.update(["reported"]))
            else:
                handle = runner.submit(_waits, "cancelled")
                handle.cancel()
            handle.finished.connect(lambda _v: outcomes.update(["finished"]))
            handle.failed.connect(lambda _e: outcomes.update(["failed"]))
            handle.cancelled.connect(lambda: outcomes.update(["cancelled"]))
            handle.done.connect(lambda: outcomes.update(["done"]))
            handle.destroyed.connect(lambda *_: deaths.append(threading.current_thread().name))
            refs.append(weakref.ref(handle))
        del handle  # from here on nobody but the runner references a handle: they must still deliver
        qtbot.waitUntil(lambda: outcomes["done"] == JOBS, timeout=30_000)
        gc.collect()
        quarter = JOBS // 4
        assert outcomes == Counter(finished=2 * quarter, failed=quarter, cancelled=quarter, reported=quarter, done=JOBS)
        assert runner.findChildren(QObject) == [] and runner.jobs_in_flight == 0
        assert sum(ref() is not None for ref in refs) == 0
        assert deaths == ["MainThread"] * JOBS
    finally:
        runner.shutdown()


def test_a_handle_the_caller_keeps_stays_usable_after_it_is_released(qtbot) -> None:
    runner = TaskRunner()
    try:
        handle = runner.run_blocking(lambda: 3, name="kept")
        with qtbot.waitSignal(handle.finished, timeout=5000) as finished:
            pass
        assert finished.args == [3]
        gc.collect()
        assert handle.is_done and handle.objectName() == "kept"
        handle.cancel()  # a late cancel (a Stop clicked as the reply ended) does nothing
        assert runner.findChildren(QObject) == []
    finally:
        runner.shutdown()


def test_jobs_in_flight_at_shutdown_still_end_cancelled_and_are_released(qtbot) -> None:
    running = threading.Event()

    async def runs(_report: object) -> None:
        running.set()
        await asyncio.sleep(30)

    runner = TaskRunner()
    cancelled: list[bool] = []
    handle = runner.submit(runs, "in-flight")
    handle.cancelled.connect(lambda: cancelled.append(True))
    ref = weakref.ref(handle)
    del handle
    assert running.wait(5)
    runner.shutdown()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    gc.collect()
    assert ref() is None


def test_shutdown_delivers_every_outcome_before_it_returns(qtbot) -> None:
    """An outcome left queued, or scheduled on the stopped loop, would keep its handle (and the job's
    service) in the runner for good: a reference cycle only the cyclic collector frees, on any thread."""
    running = threading.Event()

    async def runs(_report: object) -> None:
        running.set()
        await asyncio.sleep(30)

    runner = TaskRunner()
    ends: list[str] = []
    handle = runner.submit(runs, "in-flight")
    handle.cancelled.connect(lambda: ends.append("cancelled"))
    handle.done.connect(lambda: ends.append("done"))
    assert running.wait(5)
    runner.shutdown()
    assert ends == ["cancelled", "done"] and runner.jobs_in_flight == 0  # no event processed in between
    qtbot.wait(50)  # an outcome also posted before is not delivered twice
    assert ends == ["cancelled", "done"]
