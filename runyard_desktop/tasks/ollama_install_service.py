"""Install, update and remove Runyard's managed Ollama from the window, on the TaskRunner.

The job runs `core.ollama_install` (checksums, download with Resume, verify, extract, rename into
place) on the runner's loop; progress arrives in the GUI thread as `InstallStep`s. When it is done the
Ollama service starts the new server itself (`OllamaService.start_server`), so the child is stopped
when Runyard quits, as any server it started. An Ollama that answers, or one installed outside
Runyard, is never replaced: the job checks that first (`session.decide`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from runyard_desktop.core.appdata.paths import AppPaths
from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama_install.managed import ManagedOllama
from runyard_desktop.tasks.ollama_service import OllamaService
from runyard_desktop.tasks.runner import Report, TaskHandle, TaskRunner

log = logging.getLogger(__name__)


class OllamaInstallService(QObject):
    """One install at a time.

    Signals:
        step(InstallStep): what the install is doing, with download progress (bytes, %, speed, ETA).
        installed(str): the version now in place; the server is being started.
        not_needed(str): an Ollama was found after all (the reason); nothing was installed.
        failed(InstallError | OllamaError): a plain message and next step; nothing half-installed.
        cancelled(): stopped by Cancel; the partial download is kept for Resume.
        busy_changed(bool): an install started or ended.
    """

    step = Signal(object)
    installed = Signal(str)
    not_needed = Signal(str)
    failed = Signal(object)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        paths: AppPaths,
        ollama: OllamaService,
        *,
        find_installation: Callable[[], server.Installation | None] = server.find_installation,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ollama = ollama
        self._find_installation = find_installation
        self.managed = ManagedOllama.for_paths(paths)
        self._job: TaskHandle | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def find_installation(self) -> server.Installation | None:
        """The Ollama Runyard would start: one installed by the user first, else its own."""
        return self._find_installation()

    def managed_in_use(self) -> bool:
        """True when the Ollama Runyard would start is its own install (no other one was found)."""
        found = self._find_installation()
        return found is not None and found.managed

    def has_partial_download(self) -> bool:
        """Part of a download is kept (after a Cancel or a dropped connection): Resume fetches only the rest."""
        parts = self.managed.downloads.glob("*.part") if self.managed.downloads.is_dir() else ()
        return any(part.stat().st_size > 0 for part in parts)

    def install(self, version: str | None = None) -> TaskHandle | None:
        """Install (or update to) `version`, else the latest; resumes a download a Cancel left."""
        if self._job is not None:
            return self._job
        self._ollama.stop_started_server()  # an update replaces the program our child runs
        job = self._runner.submit(lambda report: self._install_coro(report, version), "ollama-install")
        job.reported.connect(self.step)
        job.finished.connect(self._on_job_finished)
        job.failed.connect(self.failed)
        job.cancelled.connect(self.cancelled)
        job.done.connect(self._on_job_done)
        self._job = job
        self.busy_changed.emit(True)
        return job

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def remove(self) -> bool:
        """Delete the managed install (models stay where Ollama keeps them); False when there was none."""
        if self._job is not None:
            return False
        self._ollama.stop_started_server()
        removed = self.managed.remove()
        self._ollama.check()
        return removed

    async def _install_coro(self, report: Report, version: str | None) -> tuple[bool, str]:
        from runyard_desktop.core.ollama_install import installer, session
        from runyard_desktop.core.ollama_install.release import has_amd_gpu, release_for

        decision = await session.decide(self._ollama.host, self._find_installation())
        if not decision.install:
            return False, decision.reason
        release = release_for(version, amd_gpu=has_amd_gpu())
        done = await installer.install(self.managed, release, report)
        return True, done.version

    @Slot(object)
    def _on_job_finished(self, result: tuple[bool, str]) -> None:
        did_install, text = result
        if did_install:
            log.info("managed Ollama %s installed in %s", text, self.managed.root)
            self.installed.emit(text)
            self._ollama.start_server()
        else:
            self.not_needed.emit(text)
            self._ollama.check()

    @Slot()
    def _on_job_done(self) -> None:
        self._job = None
        self.busy_changed.emit(False)
