"""Runs hardware detection off the GUI thread and publishes the latest profile."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from runyard_desktop.tasks.runner import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from runyard_desktop.core.hardware.profile import HardwareProfile

log = logging.getLogger(__name__)


def detect_hardware() -> HardwareProfile:
    """`core.hardware.detect()`, imported where it runs (the runner's executor), after the first paint."""
    from runyard_desktop.core.hardware import profile as hardware

    return hardware.detect()


class HardwareService(QObject):
    """Detects this machine's hardware in the background.

    Signals:
        detecting_changed(bool): a detection started (True) or ended (False).
        profile_changed(HardwareProfile): a fresh profile is available.
        detection_failed(str): detection as a whole failed (individual probe failures are notes).
    """

    detecting_changed = Signal(bool)
    profile_changed = Signal(object)
    detection_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        detect: Callable[[], HardwareProfile] = detect_hardware,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.detect = detect  # replaceable, like DownloadQueue.policy (tests give a fixed machine)
        self._job: TaskHandle | None = None
        self.profile: HardwareProfile | None = None

    @property
    def is_detecting(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Start a detection unless one is already running."""
        if self._job is not None:
            return
        log.info("Detecting hardware…")
        self._job = self._runner.run_blocking(self.detect, name="detect-hardware")
        self._job.finished.connect(self._on_job_finished)
        self._job.failed.connect(self._on_job_failed)
        self._job.done.connect(self._on_job_done)
        self.detecting_changed.emit(True)

    @Slot(object)
    def _on_job_finished(self, profile: HardwareProfile) -> None:
        self.profile = profile
        self.profile_changed.emit(profile)

    @Slot(object)
    def _on_job_failed(self, exc: BaseException) -> None:
        log.error("hardware detection failed: %r", exc)
        self.detection_failed.emit(f"Hardware detection failed: {exc}")

    @Slot()
    def _on_job_done(self) -> None:
        self._job = None
        self.detecting_changed.emit(False)
