"""The one threading recipe: a single named asyncio event-loop thread that runs every background job.

The GUI thread submits coroutines (or blocking callables, which run on a small named executor that
the loop owns) and gets a `TaskHandle` back. Results, failures, cancellation and intermediate
reports cross back to the GUI thread through the runner's queued bridge signals, keyed by job, and
the runner re-emits them on the handle, so receivers run in the GUI thread. `TaskHandle.cancel()`
cancels the asyncio task from the GUI thread, which closes any socket the job holds at once (the
reason we use `ollama.AsyncClient`, see docs/architecture.md); the job's `finally` blocks still run and
what they report still arrives, before `cancelled`.

The handle keeps the job's callable until the outcome reaches the GUI thread, and the outcome leaves
the loop one turn after the job ends: so a QObject the job holds (`self` of a bound method) is never
destroyed on the loop thread, even when the GUI side dropped it while the job ran. The loop thread
never references a handle at all, only a plain record of the job (`_Job`).

The runner holds each handle until its outcome has been delivered and no longer: a window left open
for days submits a status check every few seconds, and finished handles must not pile up. A caller
that keeps a handle keeps a usable object (`is_done`, a `cancel()` that does nothing).

Only immutable values should be passed to `report()` and returned from jobs.
"""

from __future__ import annotations

import functools
import logging
import threading
import traceback
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    import asyncio
    import concurrent.futures

# asyncio (≈50 ms with ssl; it brings concurrent.futures) is imported when the first job is
# submitted, not at start-up: the loop thread starts lazily so the window's first paint does not wait
# for it (bench/startup.py). For the same reason `QtCore.Qt` is looked up when the first job is
# submitted: the first use of that namespace builds its 93 Python enums, ≈40 ms.

log = logging.getLogger(__name__)

Report = Callable[[object], None]
JobFactory = Callable[[Report], Coroutine[Any, Any, object]]

_OK, _FAILED, _CANCELLED = "ok", "failed", "cancelled"


class _Job:
    """One job as the loop thread sees it: plain Python, so that thread never holds a `TaskHandle`.

    The loop thread (the done-callback, the cancel request, `report`) and the executor threads
    (a blocking callable abandoned by its cancel may still call `report`) reach the GUI thread only
    through the runner's bridges and this record's key. The handle holds the record; what the record
    holds for the job (its callable, task, future and outcome) is released on the GUI thread when the
    outcome is delivered, so the last reference the loop thread drops is never to the job's objects.
    """

    __slots__ = (
        "_emit_report",
        "cancel_requested",
        "factory",
        "future",
        "key",
        "loop",
        "name",
        "outcome",
        "task",
        "value",
    )

    def __init__(self, key: int, name: str, factory: JobFactory, emit_report: Callable[[int, object], None]) -> None:
        self.key = key
        self.name = name
        # Kept until the outcome reaches the GUI thread. It often holds a QObject (a bound method, a
        # lambda over `self`); were the loop thread to drop the last reference, that object would be
        # destroyed there while the GUI thread delivers to it: a crash.
        self.factory: JobFactory | None = factory
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task[object] | None = None  # set on the loop thread when the job starts
        self.future: concurrent.futures.Future[object] | None = None
        self.cancel_requested = False
        self.outcome = _CANCELLED
        self.value: object = None
        self._emit_report = emit_report

    def report(self, value: object) -> None:
        self._emit_report(self.key, value)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def release(self) -> None:
        """On the GUI thread: the callable, and the task and future that hold the job's exception (its
        traceback's frames hold whatever the job's code held)."""
        self.factory = self.task = self.future = self.value = None


class TaskHandle(QObject):
    """One submitted job, living in the GUI thread.

    The runner keeps the handle until its outcome is delivered, then lets go of it: a handle nobody
    references still delivers every signal, and one that is not kept is freed once `done` returns.

    Signals:
        reported(object): an intermediate value the job passed to `report()`.
        finished(object): the job's return value; emitted once.
        failed(object): the exception the job raised; emitted once.
        cancelled(): the job was cancelled before it finished; emitted once.
        done(): always last, after exactly one of finished/failed/cancelled.
    """

    reported = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: _Job) -> None:
        super().__init__(None)  # no parent: the runner holds it only while the job is in flight
        self.setObjectName(job.name)
        self.name = job.name
        self._job = job
        self._delivered = False

    @property
    def is_done(self) -> bool:
        return self._delivered

    def cancel(self) -> None:
        """Cancel from the GUI thread: the coroutine gets CancelledError at its next await.

        The handle then ends with `cancelled` once the job has stopped, after anything its `finally`
        blocks report; also when the job returns or fails anyway, because it was asked to stop.
        """
        job = self._job
        if self._delivered or job.cancel_requested or job.loop is None or job.future is None or job.future.done():
            return
        job.cancel_requested = True  # a job that has not started yet sees this and does not start
        job.loop.call_soon_threadsafe(job.cancel_task)

    def _deliver_report(self, value: object) -> None:
        if not self._delivered:
            self.reported.emit(value)

    def _deliver_outcome(self) -> None:
        job = self._job
        self._delivered = True
        if job.outcome == _OK:
            self.finished.emit(job.value)
        elif job.outcome == _FAILED:
            self.failed.emit(job.value)
        else:
            self.cancelled.emit()
        self.done.emit()
        job.release()


class TaskRunner(QObject):
    """Owns the background event-loop thread ("runyard-loop") and the blocking-call executor.

    Signals:
        _report_bridge(int, object), _outcome_bridge(int): private; emitted on the loop thread (or an
            executor thread) with a job's key, delivered queued to the GUI thread.
    """

    # Private bridges, always queued, also when emitted from the GUI thread: a job that finished before
    # submit() returned (its done-callback then runs right here) must reach slots the caller connects next.
    _report_bridge = Signal(int, object)
    _outcome_bridge = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._thread: threading.Thread | None = None
        self._handles: dict[int, TaskHandle] = {}  # in flight, by job key; released at delivery
        self._next_key = 0
        self._closed = False
        self._bridged = False  # the bridges are connected on the first submit (`QtCore.Qt`, see above)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The background loop, started on first use."""
        if self._loop is None:
            self._start()
        assert self._loop is not None
        return self._loop

    @property
    def jobs_in_flight(self) -> int:
        """Handles the runner holds: jobs submitted whose outcome has not been delivered yet."""
        return len(self._handles)

    def _start(self) -> None:
        import asyncio
        import concurrent.futures

        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        self._loop = asyncio.new_event_loop()
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="runyard-io")
        self._loop.set_default_executor(self._executor)
        ready = threading.Event()
        self._loop.call_soon(ready.set)
        self._thread = threading.Thread(target=self._run_loop, name="runyard-loop", daemon=True)
        self._thread.start()
        ready.wait()

    def _run_loop(self) -> None:
        import asyncio

        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def submit(self, factory: JobFactory, name: str) -> TaskHandle:
        """Run `factory(report)` as a task on the loop thread; returns its GUI-thread handle.

        After `shutdown()` (the window is closing) the job does not run: its handle reports
        `cancelled` on the next event-loop turn, so late timers and slots need no special case.
        """
        if not self._bridged:
            queued = QtCore.Qt.ConnectionType.QueuedConnection
            self._report_bridge.connect(self._on_report_bridge, queued)
            self._outcome_bridge.connect(self._on_outcome_bridge, queued)
            self._bridged = True
        self._next_key += 1
        job = _Job(self._next_key, name, factory, self._report_bridge.emit)
        handle = TaskHandle(job)
        self._handles[job.key] = handle
        if self._closed:
            log.debug("job %s not started: the runner is shut down", name)
            self._outcome_bridge.emit(job.key)  # job.outcome is "cancelled"
            return handle

        import asyncio

        async def wrapper() -> object:
            job.task = asyncio.current_task()
            if job.cancel_requested:
                raise asyncio.CancelledError
            # `factory` through `job` only: this frame outlives the job in the traceback of its error.
            start = job.factory
            assert start is not None
            try:
                return await start(job.report)
            except BaseException as exc:
                # The traceback's finished frames hold what the job's code held (`self` of a bound
                # method), in a cycle with the error (asyncio's futures keep it): only the cyclic
                # collector would free them, on whichever thread it runs. Cleared now, while
                # `job.factory` still holds those objects.
                del start
                traceback.clear_frames(exc.__traceback__)
                raise

        job.loop = self.loop
        future = asyncio.run_coroutine_threadsafe(wrapper(), self.loop)
        job.future = future
        future.add_done_callback(functools.partial(self._deliver, job))
        log.debug("job %s submitted", name)
        return handle

    def run_blocking(self, fn: Callable[..., object], *args: object, name: str) -> TaskHandle:
        """Run a blocking callable on the executor; cancelling only abandons its result."""

        async def job(_report: Report) -> object:
            return await self.loop.run_in_executor(None, fn, *args)

        return self.submit(job, name)

    def _deliver(self, job: _Job, future: concurrent.futures.Future[object]) -> None:
        import asyncio

        # The future's exception is taken on every path: a job that fails as its cancel arrives (3.11's
        # `asyncio.wait_for` raises the inner error then) must not be left for asyncio to log as "never
        # retrieved" at garbage collection, on whichever thread that happens.
        exc = None if future.cancelled() else future.exception()
        if future.cancelled() or isinstance(exc, asyncio.CancelledError):
            job.outcome, job.value = _CANCELLED, None
        elif job.cancel_requested:
            log.debug("job %s ended after it was cancelled: %r", job.name, exc)
            job.outcome, job.value = _CANCELLED, None
        elif exc is None:
            job.outcome, job.value = _OK, future.result()
        else:
            log.info("job %s failed: %r", job.name, exc)
            job.outcome, job.value = _FAILED, exc
        del exc  # the outcome travels in the record, which the GUI thread releases
        if threading.current_thread() is self._thread:
            # One loop turn later: by then the loop has let go of everything the job's last steps held
            # (a cancelled task's frames, say), so the GUI thread drops the last reference.
            self.loop.call_soon(self._outcome_bridge.emit, job.key)
        else:  # done before the callback was added, or cancelled at shutdown: already on the GUI thread
            self._outcome_bridge.emit(job.key)

    @Slot(int, object)
    def _on_report_bridge(self, key: int, value: object) -> None:
        handle = self._handles.get(key)
        if handle is not None:  # else a report that arrived after the outcome (a stray executor thread)
            handle._deliver_report(value)

    @Slot(int)
    def _on_outcome_bridge(self, key: int) -> None:
        # Popped first: the handle's receivers may submit jobs. When this slot returns the runner no
        # longer references the handle; whoever kept it keeps it, else it is freed here, on the GUI thread.
        handle = self._handles.pop(key, None)
        if handle is not None:
            handle._deliver_outcome()

    def shutdown(self, timeout: float = 3.0) -> None:
        """Cancel every job, stop the loop and join its thread; every handle has its outcome when it
        returns (`cancelled`, for a job that had not finished). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._loop is None or self._thread is None or self._executor is None:
            return  # never started: nothing ran
        import asyncio
        import concurrent.futures

        for handle in list(self._handles.values()):
            handle.cancel()

        async def drain() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=timeout)
            # Close streaming async generators (httpx responses) here, on their own loop, rather than
            # leaving them to the garbage collector after the loop is gone.
            await asyncio.get_running_loop().shutdown_asyncgens()

        try:
            asyncio.run_coroutine_threadsafe(drain(), self._loop).result(timeout + 1)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("background jobs did not stop within %.1f s", timeout)
        for handle in list(self._handles.values()):
            if handle._job.future is not None:
                handle._job.future.cancel()  # a job that ignored its cancel still ends as cancelled (no-op if done)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        self._executor.shutdown(wait=False, cancel_futures=True)
        if not self._thread.is_alive():
            self._loop.close()
            # An outcome the loop had scheduled for its next turn died with the loop, and one already
            # posted may never be handled (the window deletes the runner): deliver them all now. A
            # handle kept here would also keep a cycle (handle → job → its service → runner → handle)
            # that only the cyclic collector frees, on whichever thread it runs.
            for key in list(self._handles):
                self._on_outcome_bridge(key)
        log.info("task runner stopped")
