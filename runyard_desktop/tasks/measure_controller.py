"""The measured check: load a model with the chosen context, run one short prompt, read /api/ps, record.

Runs on the TaskRunner loop with its own client request (it never touches the chat in progress).
The result is a frozen `Measurement`, stored in the `MeasurementStore` in the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QObject, Signal, Slot

from runyard_desktop.core.fit.measured import MEASURE_PROMPT, Measurement
from runyard_desktop.core.fit.measurements import MeasurementStore
from runyard_desktop.core.ollama.chat import stream_reply
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest
from runyard_desktop.tasks.runner import TaskHandle, TaskRunner

log = logging.getLogger(__name__)


class MeasureController(QObject):
    """Measure one model at a time.

    Signals:
        measure_finished(object): a `Measurement`, already recorded in the store.
        measure_failed(str, object): tag and the `OllamaError`.
    """

    measure_finished = Signal(object)
    measure_failed = Signal(str, object)

    def __init__(
        self,
        runner: TaskRunner,
        host: str,
        store: MeasurementStore,
        *,
        version: Callable[[], str | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.client = OllamaClient(host)
        self.store = store
        self._version = version
        self._jobs: dict[str, TaskHandle] = {}

    def measure(self, tag: str, context: int | None) -> bool:
        """Start a check of `tag` with `context` (None: Ollama's default). False if one is running for it."""
        if tag in self._jobs:
            return False
        version = self._version()
        job = self._runner.submit(lambda _r: self._measure(tag, context, version), f"measure-{tag}")
        self._jobs[tag] = job
        job.finished.connect(self._on_job_finished)
        job.failed.connect(self._on_job_failed)
        job.done.connect(self._on_job_done)
        return True

    def set_host(self, host: str) -> None:
        """Measure on `host` from now on; a measurement already running finishes where it started."""
        self.client = OllamaClient(host)

    def shutdown(self) -> None:
        for job in list(self._jobs.values()):
            job.cancel()

    async def _measure(self, tag: str, context: int | None, version: str | None) -> Measurement:
        request = ChatRequest(
            model=tag,
            messages=(ChatMessage("user", MEASURE_PROMPT),),
            think=False,
            num_ctx=context,
            temperature=0.0,
            extra_options=(("num_predict", 48),),
        )
        client = self.client  # one server for the whole measurement, even if the host changes meanwhile
        metrics = await stream_reply(client, request, None, on_text=_ignore, on_event=_ignore)
        loaded = {m.name: m for m in await client.loaded_models()}
        found = loaded.get(tag) or next((m for name, m in loaded.items() if name.split(":")[0] == tag), None)
        if found is None:
            raise OllamaError(
                ErrorKind.SERVER_ERROR,
                f"{tag} answered but Ollama does not list it as loaded.",
                "Measure again; if it keeps happening, Ollama may have unloaded it at once.",
            )
        return Measurement(
            tag=tag,
            measured_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            context=context,
            loaded_context=found.context_length,
            size=found.size,
            size_vram=found.size_vram,
            tokens_per_s=metrics.tokens_per_s,
            load_s=metrics.load_s,
            ollama_version=version,
        )

    def _tag_of(self, handle: object) -> str | None:
        return next((t for t, j in self._jobs.items() if j is handle), None)

    @Slot(object)
    def _on_job_finished(self, measurement: Measurement) -> None:
        self.store.record(measurement)
        self.measure_finished.emit(measurement)

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        tag = self._tag_of(self.sender())
        if tag is None:
            return
        if not isinstance(exc, OllamaError):
            exc = OllamaError(ErrorKind.SERVER_ERROR, f"The check failed: {exc}", "Measure again.", detail=repr(exc))
        log.info("measure %s failed: %r", tag, exc)
        self.measure_failed.emit(tag, exc)

    @Slot()
    def _on_job_done(self) -> None:
        tag = self._tag_of(self.sender())
        if tag is not None:
            self._jobs.pop(tag, None)


def _ignore(_a: str, _b: str) -> None:
    return None
