"""The one threading recipe: a single named asyncio event-loop thread that runs every background job.

The GUI thread submits coroutines (or blocking callables, which run on a small named executor that
the loop owns) and gets a `TaskHandle` back. Results, failures, cancellation and intermediate
reports cross back to the GUI thread through queued signals on the handle, so receivers run in the
GUI thread. `TaskHandle.cancel()` cancels the asyncio task from the GUI thread, which closes any
socket the job holds at once (the reason we use `ollama.AsyncClient`, see docs/architecture.md); the
job's `finally` blocks still run and what they report still arrives, before `cancelled`.

The handle keeps the job's callable until the outcome reaches the GUI thread, and the outcome leaves
the loop one turn after the job ends: so a QObject the job holds (`self` of a bound method) is never
destroyed on the loop thread, even when the GUI side dropped it while the job ran.

Only immutable values should be passed to `report()` and returned from jobs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    import asyncio
    import concurrent.futures

# asyncio (≈50 ms with ssl; it brings concurrent.futures) is imported when the first job is
# submitted, not at start-up: the loop thread starts lazily so the window's first paint does not wait
# for it (bench/startup.py). For the same reason `QtCore.Qt` is looked up when the first handle is
# made: the first use of that namespace builds its 93 Python enums, ≈40 ms.

log = logging.getLogger(__name__)

Report = Callable[[object], None]
JobFactory = Callable[[Report], Coroutine[Any, Any, object]]

_OK, _FAILED, _CANCELLED = "ok", "failed", "cancelled"


class TaskHandle(QObject):
    """One submitted job, living in the GUI thread.

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

    # Private bridges: emitted on the loop thread, delivered queued to the slots below.
    _report_bridge = Signal(object)
    _outcome_bridge = Signal(str, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self._future: concurrent.futures.Future[object] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[object] | None = None  # set on the loop thread when the job starts
        # The job's callable, kept until the outcome reaches the GUI thread. It often holds a QObject
        # (a bound method, a lambda over `self`); were the loop thread to drop the last reference,
        # that object would be destroyed there while the GUI thread delivers to it: a crash.
        self._factory: JobFactory | None = None
        self._cancel_requested = False
        self._delivered = False
        # Always queued, also when emitted from the GUI thread: a job that finished before submit()
        # returned (its done-callback then runs right here) must reach slots the caller connects next.
        queued = QtCore.Qt.ConnectionType.QueuedConnection
        self._report_bridge.connect(self._on_report_bridge, queued)
        self._outcome_bridge.connect(self._on_outcome_bridge, queued)

    @property
    def is_done(self) -> bool:
        return self._delivered

    def cancel(self) -> None:
        """Cancel from the GUI thread: the coroutine gets CancelledError at its next await.

        The handle then ends with `cancelled` once the job has stopped, after anything its `finally`
        blocks report; also when the job returns or fails anyway, because it was asked to stop.
        """
        if self._cancel_requested or self._loop is None or self._future is None or self._future.done():
            return
        self._cancel_requested = True  # a job that has not started yet sees this and does not start
        self._loop.call_soon_threadsafe(self._cancel_task)

    def _cancel_task(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _report_from_loop(self, value: object) -> None:
        self._report_bridge.emit(value)

    @Slot(object)
    def _on_report_bridge(self, value: object) -> None:
        if not self._delivered:
            self.reported.emit(value)

    @Slot(str, object)
    def _on_outcome_bridge(self, outcome: str, value: object) -> None:
        if self._delivered:
            return
        self._delivered = True
        if outcome == _OK:
            self.finished.emit(value)
        elif outcome == _FAILED:
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.done.emit()
        # Released here, on the GUI thread: the callable, and the task and future that hold the job's
        # exception (its traceback's frames hold whatever the job's code held).
        self._factory = self._task = self._future = None


class TaskRunner(QObject):
    """Owns the background event-loop thread ("runyard-loop") and the blocking-call executor."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._thread: threading.Thread | None = None
        self._handles: set[TaskHandle] = set()
        self._closed = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The background loop, started on first use."""
        if self._loop is None:
            self._start()
        assert self._loop is not None
        return self._loop

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
        handle = TaskHandle(name, parent=self)
        handle._factory = factory
        if self._closed:
            log.debug("job %s not started: the runner is shut down", name)
            handle._outcome_bridge.emit(_CANCELLED, None)
            return handle
        self._handles.add(handle)
        handle.done.connect(self._on_handle_done)

        import asyncio

        async def wrapper() -> object:
            handle._task = asyncio.current_task()
            if handle._cancel_requested:
                raise asyncio.CancelledError
            return await factory(handle._report_from_loop)

        handle._loop = self.loop
        future = asyncio.run_coroutine_threadsafe(wrapper(), self.loop)
        handle._future = future
        future.add_done_callback(lambda f: self._deliver(handle, f))
        log.debug("job %s submitted", name)
        return handle

    def run_blocking(self, fn: Callable[..., object], *args: object, name: str) -> TaskHandle:
        """Run a blocking callable on the executor; cancelling only abandons its result."""

        async def job(_report: Report) -> object:
            return await self.loop.run_in_executor(None, fn, *args)

        return self.submit(job, name)

    def _deliver(self, handle: TaskHandle, future: concurrent.futures.Future[object]) -> None:
        import asyncio

        # The future's exception is taken on every path: a job that fails as its cancel arrives (3.11's
        # `asyncio.wait_for` raises the inner error then) must not be left for asyncio to log as "never
        # retrieved" at garbage collection, on whichever thread that happens.
        exc = None if future.cancelled() else future.exception()
        if future.cancelled() or isinstance(exc, asyncio.CancelledError):
            outcome, value = _CANCELLED, None
        elif handle._cancel_requested:
            log.debug("job %s ended after it was cancelled: %r", handle.name, exc)
            outcome, value = _CANCELLED, None
        elif exc is None:
            outcome, value = _OK, future.result()
        else:
            log.info("job %s failed: %r", handle.name, exc)
            outcome, value = _FAILED, exc
        if threading.current_thread() is self._thread:
            # One loop turn later: by then the loop has let go of everything the job's last steps held
            # (a cancelled task's frames, say), so the GUI thread drops the last reference.
            self.loop.call_soon(handle._outcome_bridge.emit, outcome, value)
        else:  # done before the callback was added, or cancelled at shutdown: already on the GUI thread
            handle._outcome_bridge.emit(outcome, value)

    @Slot()
    def _on_handle_done(self) -> None:
        handle = self.sender()
        if isinstance(handle, TaskHandle):
            self._handles.discard(handle)

    def shutdown(self, timeout: float = 3.0) -> None:
        """Cancel every job, stop the loop and join its thread. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._loop is None or self._thread is None or self._executor is None:
            return  # never started: nothing ran
        import asyncio
        import concurrent.futures

        for handle in list(self._handles):
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
        for handle in list(self._handles):
            if handle._future is not None:
                handle._future.cancel()  # a job that ignored its cancel still ends as cancelled (no-op if done)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        self._executor.shutdown(wait=False, cancel_futures=True)
        if not self._thread.is_alive():
            self._loop.close()
        log.info("task runner stopped")
