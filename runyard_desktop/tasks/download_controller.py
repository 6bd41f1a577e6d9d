"""Glue between the DownloadQueue, the installed listing, the measurements and the Models table's status.

It coalesces pull progress to ~4 Hz for the GUI (one `download_changed` per tag per tick; status
changes go out at once), decides each catalogue row's `RowStatus` (downloading, paused with bytes
kept, failed, installed with a measured badge) and says when a download has really finished (after
`success` and a listing that shows it). It never shows a failed or cancelled pull as usable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from runyard_desktop.core.downloads import progress_words
from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.measured import badge_text
from runyard_desktop.core.fit.measurements import MeasurementStore
from runyard_desktop.core.ollama.pull import normalize_tag
from runyard_desktop.core.ollama.types import PullState, PullStatus
from runyard_desktop.tasks.download_queue import DownloadQueue
from runyard_desktop.tasks.ollama_service import OllamaService

log = logging.getLogger(__name__)

TICK_MS = 250


class DownloadController(QObject):
    """Downloads as the window sees them.

    Signals:
        download_changed(object): the latest `PullState` of one pull (≤ one per tag per tick; at once
            on queued/cancelled/failed/done).
        row_status_changed(str, object): a catalogue tag and its `RowStatus` (None: plain estimate).
        download_finished(str): a pull ended with the model installed (listing confirmed).
        download_failed(str, object): a pull failed for good (`OllamaError`).
        download_cancelled(str): a pull was cancelled (its bytes stay with Ollama for a resume).
    """

    download_changed = Signal(object)
    row_status_changed = Signal(str, object)
    download_finished = Signal(str)
    download_failed = Signal(str, object)
    download_cancelled = Signal(str)

    def __init__(
        self,
        queue: DownloadQueue,
        ollama: OllamaService,
        measurements: MeasurementStore,
        *,
        canonical: Callable[[str], str | None] = lambda tag: tag,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.ollama = ollama
        self.measurements = measurements
        self._canonical = canonical
        self._installed: set[str] = set()  # normalized names from /api/tags
        self._dirty: dict[str, PullState] = {}
        self._rows: dict[str, RowStatus | None] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        queue.download_changed.connect(self._on_queue_download_changed)
        queue.download_finished.connect(self._on_queue_download_finished)
        queue.download_failed.connect(self._on_queue_download_failed)
        queue.download_cancelled.connect(self._on_queue_download_cancelled)
        ollama.installed_models_changed.connect(self._on_ollama_installed_models_changed)

    # -- public API -------------------------------------------------------------------------------

    def start(self, tag: str) -> bool:
        """Queue a download (or a resume/retry: Ollama keeps partial files). False if already queued."""
        return self.queue.start(tag)

    def cancel(self, tag: str) -> None:
        self.queue.cancel(tag)

    def state(self, tag: str) -> PullState | None:
        return self.queue.state(tag)

    def active_tag(self) -> str | None:
        """The download running now (else the first queued one), or None."""
        states = [s for s in self.queue.states() if s.is_active]
        running = [s for s in states if s.status is not PullStatus.QUEUED]
        return (running or states)[0].tag if states else None

    def is_installed(self, tag: str) -> bool:
        return normalize_tag(tag) in self._installed

    def row_status_for(self, tag: str) -> RowStatus | None:
        """What the Status column shows for catalogue `tag` (also used on what-if refreshes)."""
        state = self.queue.state(tag)
        if state is not None and state.is_active:
            return progress_words.row_status(state)
        if self.is_installed(tag):
            measured = self.measurements.get(normalize_tag(tag))
            return RowStatus(
                text="Installed",
                installed=True,
                measured=badge_text(measured) if measured else None,
                measurement=measured,
            )
        if state is not None and state.status in (PullStatus.CANCELLED, PullStatus.FAILED):
            return progress_words.row_status(state)
        return None

    def refresh_row(self, tag: str) -> None:
        self._publish_row(tag)

    def shutdown(self) -> None:
        self._timer.stop()

    # -- slots ------------------------------------------------------------------------------------

    @Slot(object)
    def _on_queue_download_changed(self, state: PullState) -> None:
        urgent = state.status is not PullStatus.RUNNING or state.tag not in self._rows
        self._dirty[state.tag] = state
        if urgent:
            self._flush()
        elif not self._timer.isActive():
            self._timer.start()

    @Slot(str)
    def _on_queue_download_finished(self, tag: str) -> None:
        self._installed.add(normalize_tag(tag))  # the listing showed it (DownloadQueue checked)
        self._flush()
        self._publish_row(tag)
        self.download_finished.emit(tag)

    @Slot(str, object)
    def _on_queue_download_failed(self, tag: str, error: object) -> None:
        self._flush()
        self.download_failed.emit(tag, error)

    @Slot(str)
    def _on_queue_download_cancelled(self, tag: str) -> None:
        self._flush()
        self.download_cancelled.emit(tag)

    @Slot(object)
    def _on_ollama_installed_models_changed(self, models: Iterable[object]) -> None:
        names = {normalize_tag(str(getattr(m, "name", m))) for m in models}
        changed = names ^ self._installed
        self._installed = names
        for name in changed:
            self._publish_row(name)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if not self._dirty:
            self._timer.stop()
            return
        self._flush()

    # -- helpers ----------------------------------------------------------------------------------

    def _flush(self) -> None:
        dirty, self._dirty = self._dirty, {}
        for state in dirty.values():
            self.download_changed.emit(state)
            self._publish_row(state.tag)

    def _publish_row(self, tag: str) -> None:
        row = self._canonical(tag)
        if row is None:
            return
        status = self.row_status_for(tag)
        if status == self._rows.get(tag, "unset"):
            return
        self._rows[tag] = status
        self.row_status_changed.emit(row, status)
