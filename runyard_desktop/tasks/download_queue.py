"""Downloads: a queue of them, one per model, with batched progress, stall recovery, retry and cancel.

This is where the words meet: each download is one Ollama *pull* (`core/ollama/pull_job.run_pull`, whose
progress is Ollama's `PullState`); from here up the code says *download*. A download runs on the TaskRunner loop. Its progress leaves the loop as at most one `PullState` per
~40 ms. Cancel closes the HTTP connection at once; Ollama keeps the partial file while it runs, so
pulling the same model again resumes (the first progress line already has bytes; `resumed_from_bytes`
says how many). A restarted Ollama deletes partial files untouched for an hour: the next start passes
the bytes the last one kept, and the pull says when they are gone. A model counts as downloaded only after `success` *and* a listing that shows it.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal, Slot

from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.pull import normalize_tag
from runyard_desktop.core.ollama.pull_job import PullPolicy as PullPolicy  # re-exported (docs/dev/service-api.md)
from runyard_desktop.core.ollama.pull_job import run_pull
from runyard_desktop.core.ollama.types import PullState, PullStatus
from runyard_desktop.tasks.runner import TaskHandle, TaskRunner
from runyard_desktop.tasks.throttle import Throttle

log = logging.getLogger(__name__)


@dataclass
class _Job:
    tag: str
    size_hint: int | None
    kept_bytes: int = 0  # what the last stopped download of this tag left with Ollama
    handle: TaskHandle | None = None


class DownloadQueue(QObject):
    """Queue and run downloads (each one an Ollama pull).

    Signals:
        download_changed(PullState): any change of any download (queued, progress ≤ every ~40 ms, stalled,
            retrying, cancelled, failed, done). The latest state per tag is also in `state(tag)`.
        download_finished(str): the tag finished: `success` was received and the listing shows it.
        download_failed(str, OllamaError): the tag failed for good (after retries).
        download_cancelled(str): the tag was cancelled (partial data stays with Ollama; start it again to resume).
    """

    download_changed = Signal(object)
    download_finished = Signal(str)
    download_failed = Signal(str, object)
    download_cancelled = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        host: str,
        *,
        free_disk: Callable[[], int | None] | None = None,
        on_installed: Callable[[], object] | None = None,
        policy: PullPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client = OllamaClient(host)
        self.free_disk = free_disk  # free bytes where the models go; None: not checked
        self._on_installed = on_installed
        self.policy = policy or PullPolicy()
        self._states: dict[str, PullState] = {}
        self._queue: deque[_Job] = deque()
        self._running: dict[str, _Job] = {}

    # -- public API -------------------------------------------------------------------------------

    def start(self, tag: str, size_hint: int | None = None) -> bool:
        """Queue a download (resume = start it again). False if this model is already queued or running.

        `size_hint`: the expected download size in bytes (catalogue), for the disk check and an early ETA.
        """
        key = normalize_tag(tag)
        if key in self._running or any(j.tag == key for j in self._queue):
            return False
        previous = self._states.get(key)
        stopped = previous is not None and previous.status in (PullStatus.CANCELLED, PullStatus.FAILED)
        self._queue.append(_Job(key, size_hint, previous.completed if stopped and previous else 0))
        self._set_state(PullState(key, PullStatus.QUEUED, message="Waiting"))
        self._pump()
        return True

    def cancel(self, tag: str) -> None:
        """Cancel a queued or running download; the connection closes at once. No-op for unknown tags."""
        key = normalize_tag(tag)
        for job in list(self._queue):
            if job.tag == key:
                self._queue.remove(job)
                self._set_state(PullState(key, PullStatus.CANCELLED, message="Cancelled"))
                self.download_cancelled.emit(key)
                return
        running = self._running.get(key)
        if running is not None and running.handle is not None:
            running.handle.cancel()  # the job flushes its last progress, then the handle reports cancelled

    def state(self, tag: str) -> PullState | None:
        return self._states.get(normalize_tag(tag))

    def states(self) -> tuple[PullState, ...]:
        return tuple(self._states.values())

    def set_host(self, host: str, *, free_disk: Callable[[], int | None] | None) -> None:
        """Pull from `host` from now on (`free_disk`: where its models go, None for a remote one); a pull
        already running finishes on the server it started on, a queued one starts on `host`."""
        self.client = OllamaClient(host)
        self.free_disk = free_disk

    def shutdown(self) -> None:
        """Cancel everything (the runner's own shutdown also cancels the tasks)."""
        self._queue.clear()
        for tag in list(self._running):
            self.cancel(tag)

    # -- GUI-thread plumbing ----------------------------------------------------------------------------

    def _set_state(self, state: PullState) -> None:
        self._states[state.tag] = state
        self.download_changed.emit(state)

    def _pump(self) -> None:
        while self._queue and len(self._running) < self.policy.max_concurrent:
            job = self._queue.popleft()
            self._running[job.tag] = job
            job.handle = self._runner.submit(functools.partial(self._run, job), f"pull-{job.tag}")
            job.handle.reported.connect(self._on_job_reported)
            job.handle.finished.connect(self._on_job_finished)
            job.handle.failed.connect(self._on_job_failed)
            job.handle.cancelled.connect(self._on_job_cancelled)
            job.handle.done.connect(self._on_job_done)

    def _job_of(self, handle: object) -> _Job | None:
        return next((j for j in self._running.values() if j.handle is handle), None)

    @Slot(object)
    def _on_job_reported(self, state: PullState) -> None:
        self._set_state(state)

    @Slot(object)
    def _on_job_finished(self, state: PullState) -> None:
        self._set_state(state)
        self.download_finished.emit(state.tag)
        if self._on_installed is not None:
            self._on_installed()

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        job = self._job_of(self.sender())
        if job is None:
            return
        if not isinstance(exc, OllamaError):
            exc = OllamaError(ErrorKind.SERVER_ERROR, f"The download failed: {exc}", "Try again.", detail=repr(exc))
        previous = self._states.get(job.tag) or PullState(job.tag, PullStatus.FAILED)
        self._set_state(
            replace(previous, status=PullStatus.FAILED, error=exc, speed_bps=None, eta_s=None, message=exc.message)
        )
        self.download_failed.emit(job.tag, exc)

    @Slot()
    def _on_job_cancelled(self) -> None:
        job = self._job_of(self.sender())
        if job is None:
            return
        previous = self._states.get(job.tag) or PullState(job.tag, PullStatus.CANCELLED)
        kept = (
            f" — Ollama keeps {human_bytes(previous.completed)} while it runs; download again to resume"
            if previous.completed
            else ""
        )
        self._set_state(
            replace(previous, status=PullStatus.CANCELLED, speed_bps=None, eta_s=None, message=f"Cancelled{kept}")
        )
        self.download_cancelled.emit(job.tag)

    @Slot()
    def _on_job_done(self) -> None:
        job = self._job_of(self.sender())
        if job is not None:
            self._running.pop(job.tag, None)
        self._pump()

    # -- the job (loop thread) -----------------------------------------------------------------------------

    async def _run(self, job: _Job, report: Callable[[object], None]) -> PullState:
        throttle: Throttle[PullState] = Throttle(report, self.policy.emit_interval_s)
        return await run_pull(
            self.client,
            job.tag,
            throttle,
            self.policy,
            size_hint=job.size_hint,
            free_disk=self.free_disk,
            kept_bytes=job.kept_bytes,
        )
