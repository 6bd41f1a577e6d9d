"""The window comes back as it was left: its geometry, splitter positions and the page shown.

`WindowMemory` reads `core/appdata/window_state.py`'s file when the window is built and writes it when
the window closes. Geometry is restored before the window is shown; a splitter is restored when the page
that holds it is built (the Chat page is built on its first visit), found by its objectName; the page
last shown is shown again once every page exists. A splitter never built in this run keeps the position
remembered from an earlier one. A blob Qt rejects is ignored (Qt checks it), so the defaults stand.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from runyard_desktop.core.appdata import window_state
from runyard_desktop.core.appdata.window_state import WindowState
from runyard_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def _blob(text: str) -> bytes:
    return base64.b64decode(text)  # checked base64 (window_state.from_json)


def _text(blob: QByteArray) -> str:
    return base64.b64encode(bytes(blob.data())).decode("ascii")


class WindowMemory(QObject):
    """Restores and keeps `window`'s state in `path`. Signals: none (it saves on the window's `closing`)."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self.state = window_state.load(path)
        window.closing.connect(self.save)

    def restore_geometry(self) -> bool:
        """Size and place the window as it was (before `show()`); False when nothing usable was kept."""
        return bool(self.state.geometry) and self._window.restoreGeometry(_blob(self.state.geometry))

    def restore_splitters(self, root: QWidget) -> None:
        """Put back the remembered positions of the named splitters in `root` (a page just built)."""
        from PySide6.QtWidgets import QSplitter  # after the first paint: each Qt class costs 1-3 ms at first use

        for splitter in root.findChildren(QSplitter):
            blob = self.state.splitters.get(splitter.objectName())
            if blob and not splitter.restoreState(_blob(blob)):
                log.info("remembered position of %s not used", splitter.objectName())

    def restore_page(self) -> None:
        """Show the page that was shown at the last close, if this window has it."""
        if self.state.page in self._window.page_keys():
            self._window.show_page(self.state.page)

    def capture(self) -> WindowState:
        """The state now: built splitters replace what was remembered for them, the others keep it."""
        from PySide6.QtWidgets import QSplitter

        splitters = dict(self.state.splitters)
        for splitter in self._window.findChildren(QSplitter):
            name = splitter.objectName()
            if window_state.is_name(name):
                splitters[name] = _text(splitter.saveState())
        return WindowState(
            geometry=_text(self._window.saveGeometry()),
            page=self._window.current_page() or "",
            splitters=splitters,
        )

    @Slot()
    def save(self) -> None:
        self.state = self.capture()
        try:
            window_state.save(self.state, self._path)
        except OSError as exc:  # a full or read-only disk: the next start opens at the default size
            log.warning("could not save the window state to %s: %s", self._path, exc)
