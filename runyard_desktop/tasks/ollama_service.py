"""The Ollama server as the GUI sees it: status, start, installed and loaded models, show/delete/unload.

Every call runs on the TaskRunner loop; results arrive as signals in the GUI thread. All values are
frozen dataclasses from `runyard_desktop.core.ollama.types`; all failures are `OllamaError`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.host import is_loopback
from runyard_desktop.core.ollama.types import InstalledModel, LoadedModel, ModelInfo, OllamaStatus, ServerState
from runyard_desktop.tasks.runner import Report, TaskHandle, TaskRunner

log = logging.getLogger(__name__)

R = TypeVar("R")

START_TIMEOUT_S = 30.0


def deleted_but_loaded(model: str, err: OllamaError) -> OllamaError:
    """An unload that got 404: the model was deleted (e.g. by `ollama rm`) while it stayed in memory."""
    return OllamaError(
        ErrorKind.NOT_INSTALLED,
        f"{model} was deleted, so Ollama can no longer unload it by name.",
        "It frees its memory when its keep-alive time runs out, or when Ollama restarts.",
        detail=err.detail,
        status_code=err.status_code,
    )


def _checking(host: str) -> OllamaStatus:
    """The status before the first answer from `host` (at start-up and after a host change)."""
    return OllamaStatus(ServerState.UNKNOWN, host=host, is_remote=not is_loopback(host), message="Checking Ollama…")


class OllamaService(QObject):
    """Server status and model listings for one host.

    Signals:
        status_changed(OllamaStatus): after every check whose result differs from `status`.
        installed_models_changed(tuple[InstalledModel, ...]): a fresh /api/tags listing.
        loaded_models_changed(tuple[LoadedModel, ...]): a fresh /api/ps listing (memory, GPU share).
        model_info_ready(ModelInfo): a /api/show answer (also cached: `model_info(name)`).
        model_deleted(str): a model was removed, unloaded first if it was loaded (both listings refresh after it).
        model_unloaded(str): a model was unloaded from memory.
        operation_failed(str, OllamaError): "list" | "ps" | "show" | "delete" | "unload" | "start" failed.
    """

    status_changed = Signal(object)
    installed_models_changed = Signal(object)
    loaded_models_changed = Signal(object)
    model_info_ready = Signal(object)
    model_deleted = Signal(str)
    model_unloaded = Signal(str)
    operation_failed = Signal(str, object)

    def __init__(
        self,
        runner: TaskRunner,
        host: str,
        *,
        log_dir: Path | None = None,
        find_installation: Callable[[], server.Installation | None] = server.find_installation,
        recheck_interval_s: float | None = 5.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.host = host
        self.client = OllamaClient(host)
        self._log_dir = log_dir
        self._find_installation = find_installation
        self.status = _checking(host)
        self.installed_models: tuple[InstalledModel, ...] = ()
        self.loaded_models: tuple[LoadedModel, ...] = ()
        self._info: dict[str, ModelInfo] = {}
        self._check_job: TaskHandle | None = None
        self._child: server.ServerProcess | None = None
        self._starting_until = 0.0
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.timeout.connect(self.check)
        self._recheck_ms = int(recheck_interval_s * 1000) if recheck_interval_s else 0
        self._closed = False

    # -- public API -------------------------------------------------------------------------------

    def check(self) -> TaskHandle | None:
        """Probe the server now; emits status_changed if it changed. Refreshes listings when it runs."""
        if self._closed or self._check_job is not None:
            return self._check_job
        self._check_job = self._runner.submit(self._check_coro, "ollama-check")
        self._check_job.finished.connect(self._on_check_job_finished)
        self._check_job.done.connect(self._on_check_job_done)
        return self._check_job

    def set_host(self, host: str) -> None:
        """Talk to `host` from now on: its listings are emptied, the status says "Checking Ollama…" and a
        check starts; answers still coming from the old host are dropped."""
        if self._closed or host == self.host:
            return
        self.host = host
        self.client = OllamaClient(host)
        self._info.clear()
        self._recheck.stop()
        self._check_job = None  # a check of the old host may still run: its result is dropped (host differs)
        self.installed_models, self.loaded_models = (), ()
        self.installed_models_changed.emit(())
        self.loaded_models_changed.emit(())
        self._set_status(_checking(host))
        self.check()

    def start_server(self) -> TaskHandle | None:
        """Start Ollama if nothing answers: the desktop app for its own address (127.0.0.1:11434), else
        `ollama serve` with this host as OLLAMA_HOST (see `server.launch`)."""
        if self._closed:
            return None
        if self.status.is_remote:
            self.operation_failed.emit(
                "start",
                OllamaError(
                    ErrorKind.NOT_RUNNING,
                    f"Ollama at {self.host} is on another computer; it cannot be started from here.",
                    "Start it there, or change the server address in Settings.",
                ),
            )
            return None
        if self.status.state is not ServerState.RUNNING:
            self._set_status(server.status_for(self.host, "hanging", None, None))  # "Ollama is starting…"
        job = self._submit("start", self._start_coro, "ollama-start", None)
        job.done.connect(self.check)
        return job

    def refresh_installed(self) -> TaskHandle:
        return self._submit("list", lambda _r: self.client.list_models(), "ollama-list", self._on_list_job_finished)

    def refresh_loaded(self) -> TaskHandle:
        return self._submit("ps", lambda _r: self.client.loaded_models(), "ollama-ps", self._on_ps_job_finished)

    def model_info(self, model: str) -> ModelInfo | None:
        """The cached /api/show answer for `model`, if `show` has fetched it."""
        return self._info.get(model)

    def show(self, model: str) -> TaskHandle:
        """Fetch capabilities and context length. The handle's finished(ModelInfo)/failed(OllamaError) fire too."""
        return self._submit(
            "show", lambda _r: self.client.show(model), f"ollama-show-{model}", self._on_show_job_finished
        )

    def delete(self, model: str) -> TaskHandle:
        return self._submit(
            "delete", lambda _r: self._delete_coro(model), f"ollama-delete-{model}", self._on_delete_job_finished
        )

    def unload(self, model: str) -> TaskHandle:
        return self._submit(
            "unload", lambda _r: self._unload_coro(model), f"ollama-unload-{model}", self._on_unload_job_finished
        )

    def _submit(
        self,
        op: str,
        factory: Callable[[Report], Coroutine[Any, Any, R]],
        name: str,
        on_finished: Callable[[R], None] | None,
    ) -> TaskHandle:
        """Run `factory` as job `op`; its result, an R, goes to `on_finished` (the handle's finished signal)."""
        job = self._runner.submit(factory, name)
        job.setProperty("op", op)
        job.setProperty("host", self.host)  # an answer from a host no longer used is dropped
        if on_finished is not None:
            job.finished.connect(on_finished)
        job.failed.connect(self._on_job_failed)
        return job

    def _current(self, job: QObject | None) -> bool:
        """Whether `job` asked the host in use (jobs of a host switched away from are dropped)."""
        return job is None or job.property("host") in (None, self.host)

    def _set_status(self, status: OllamaStatus) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)

    def stop_started_server(self) -> None:
        """Stop the `ollama serve` child we started, if any (before its program is updated or removed)."""
        if self._child is not None:
            self._child.stop()
            self._child = None

    def shutdown(self) -> None:
        """Stop re-checking and stop the `ollama serve` child if we started one (only that)."""
        self._closed = True
        self._recheck.stop()
        if self._child is not None:
            self._child.stop()
            self._child = None

    # -- loop-thread coroutines ---------------------------------------------------------------------

    async def _check_coro(self, _report: object) -> tuple[OllamaStatus, bool]:
        probe = await self.client.probe()
        installation = self._find_installation() if probe.outcome != "answering" else None
        child_alive = self._child is not None and self._child.running
        starting = probe.outcome != "answering" and (child_alive or time.monotonic() < self._starting_until)
        status = server.status_for(self.host, probe.outcome, probe.version, installation, started_by_us=starting)
        if self._child is not None and status.state is ServerState.RUNNING:
            status = replace(status, started_by_us=True)
        return status, probe.outcome == "answering"

    async def _start_coro(self, _report: object) -> None:
        probe = await self.client.probe()
        if probe.outcome in ("answering", "hanging"):
            return  # never a second server
        installation = self._find_installation()
        if installation is None:
            raise OllamaError(
                ErrorKind.NOT_RUNNING,
                "Ollama is not installed on this computer.",
                "Install it from https://ollama.com/download.",
            )
        log_path = (self._log_dir or Path.home()) / "ollama-serve.log"
        self._starting_until = time.monotonic() + START_TIMEOUT_S
        loop = asyncio.get_running_loop()
        try:
            self._child = await loop.run_in_executor(None, server.launch, installation, self.host, log_path)
        except BaseException:
            self._starting_until = 0.0  # it did not start: say so now, not after the start time-out
            raise
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if (await self.client.probe(timeout=1.0)).outcome == "answering":
                self._starting_until = 0.0
                return
            if self._child is not None and not self._child.running:
                break
            await asyncio.sleep(0.5)
        self._starting_until = 0.0
        if self._child is not None and not self._child.running:
            known = server.start_failure(self._child.output_tail())
            if known is not None:
                raise known
        where = f" The server log is at {log_path}." if self._child is not None else ""
        raise OllamaError(ErrorKind.NOT_RUNNING, "Ollama did not start.", f"Try starting it yourself.{where}")

    async def _delete_coro(self, model: str) -> str:
        await self.client.unload_then_delete(model)  # the server's delete never unloads
        return model

    async def _unload_coro(self, model: str) -> str:
        try:
            await self.client.unload(model)
        except OllamaError as err:
            if err.kind is not ErrorKind.NOT_INSTALLED:
                raise
            raise deleted_but_loaded(model, err) from err
        return model

    # -- GUI-thread slots ---------------------------------------------------------------------------

    @Slot(object)
    def _on_check_job_finished(self, result: tuple[OllamaStatus, bool]) -> None:
        status, answering = result
        if status.host != self.host:
            return  # the host changed while it was checked
        was_usable = self.status.is_usable
        self._set_status(status)
        if answering and not was_usable:
            self.refresh_installed()
            self.refresh_loaded()

    @Slot()
    def _on_check_job_done(self) -> None:
        if self.sender() is not self._check_job:
            return  # a check of the previous host (set_host started another)
        self._check_job = None
        if self._closed or not self._recheck_ms:
            return
        state = self.status.state
        # Starting: poll fast. Running: a slow heartbeat notices a server that went away.
        self._recheck.start(
            500
            if state is ServerState.STARTING
            else self._recheck_ms * 3
            if state is ServerState.RUNNING
            else self._recheck_ms
        )

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        op = self.sender().property("op") if self.sender() is not None else "unknown"
        log.info("ollama %s failed: %r", op, exc)
        self.operation_failed.emit(str(op), exc)
        if isinstance(exc, OllamaError) and exc.kind is ErrorKind.NOT_RUNNING and op != "start":
            self.check()  # the server went away: say so now, not at the next heartbeat

    @Slot(object)
    def _on_list_job_finished(self, models: tuple[InstalledModel, ...]) -> None:
        if not self._current(self.sender()):
            return
        self.installed_models = models
        self.installed_models_changed.emit(models)

    @Slot(object)
    def _on_ps_job_finished(self, models: tuple[LoadedModel, ...]) -> None:
        if not self._current(self.sender()):
            return
        self.loaded_models = models
        self.loaded_models_changed.emit(models)

    @Slot(object)
    def _on_show_job_finished(self, info: ModelInfo) -> None:
        self._info[info.name] = info
        self.model_info_ready.emit(info)

    @Slot(object)
    def _on_delete_job_finished(self, model: str) -> None:
        self._info.pop(model, None)
        self.model_deleted.emit(model)
        self.refresh_installed()
        self.refresh_loaded()  # it was unloaded first, when it was loaded

    @Slot(object)
    def _on_unload_job_finished(self, model: str) -> None:
        self.model_unloaded.emit(model)
        self.refresh_loaded()
