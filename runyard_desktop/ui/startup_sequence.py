"""Start-up steps that wait for the window's first paint, so the window appears first (docs/dev/startup.md).

`StartupSequence` runs the steps the composition root gives it, one event-loop turn apart, once the
window has painted; `_FirstPaintWatcher` notices that paint.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from runyard_desktop.ui.main_window import MainWindow


class StartupSequence(QObject):
    """Runs start-up steps after the window's first paint, one event-loop turn apart.

    Steps run in order; a step added after the sequence finished runs at once. If the window is
    never shown the steps run after 1 s; none runs once the window is closing.

    Signals:
        painted(float): the first paint happened, seconds since `process_start` (a `time.perf_counter()`).
        finished(): every step has run.
    """

    painted = Signal(float)
    finished = Signal()

    def __init__(self, window: MainWindow, process_start: float) -> None:
        super().__init__(window)
        self._process_start = process_start
        self._steps: list[Callable[[], object]] = []
        self._started = False
        self._done = False
        self._cancelled = False
        window.closing.connect(self._on_window_closing)
        _FirstPaintWatcher(window, self._on_first_paint)
        QTimer.singleShot(1000, self, self._start)

    @property
    def is_finished(self) -> bool:
        return self._done

    def then(self, step: Callable[[], object]) -> None:
        self._steps.append(step)
        if self._done:
            self._done = False
            QTimer.singleShot(0, self, self._run_next)

    @Slot()
    def _on_first_paint(self) -> None:
        if not self._started:
            self.painted.emit(time.perf_counter() - self._process_start)
        self._start()

    @Slot()
    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        QTimer.singleShot(0, self, self._run_next)

    @Slot()
    def _run_next(self) -> None:
        if self._cancelled:
            return
        if self._steps:
            self._steps.pop(0)()
            QTimer.singleShot(0, self, self._run_next)
            return
        self._done = True
        self.finished.emit()

    @Slot()
    def _on_window_closing(self) -> None:
        self._cancelled = True
        self._steps.clear()


class _FirstPaintWatcher(QObject):
    """Calls `on_painted` (on the next event-loop turn) after the window's first paint event."""

    def __init__(self, window: QMainWindow, on_painted: Callable[[], object]) -> None:
        super().__init__(window)
        self._on_painted = on_painted
        self._fired = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._fired and event.type() == QEvent.Type.Paint:
            self._fired = True
            QTimer.singleShot(0, self._on_painted)
        return False
