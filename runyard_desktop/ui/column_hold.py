"""Hold a table's auto-sized column widths while its rows update quickly (downloads in progress).

With `ResizeToContents` sections, QHeaderView re-measures every cell of every auto-sized column
after each `dataChanged`: for the Models table that was ~60 ms per progress update on the build VM
under load, a visible stall at 4 updates a second. While held, those sections become Interactive at
their current widths; `release()` gives auto-sizing back a moment later (one re-measure then).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QHeaderView

RELEASE_DELAY_MS = 1500


class ColumnHold(QObject):
    """Holds and releases the auto-sized sections of one header. Signals: none."""

    def __init__(self, header: QHeaderView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header = header
        self._held: list[int] = []
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_DELAY_MS)
        self._release.timeout.connect(self._on_release_timeout)

    @property
    def held(self) -> bool:
        return bool(self._held)

    def hold(self) -> None:
        self._release.stop()
        if self._held:
            return
        header = self._header
        self._held = [i for i in range(header.count())
                      if header.sectionResizeMode(i) == QHeaderView.ResizeMode.ResizeToContents]
        for i in self._held:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)

    def release(self) -> None:
        """Give auto-sizing back after RELEASE_DELAY_MS (cancelled by another `hold()`)."""
        if self._held and not self._release.isActive():
            self._release.start()

    @Slot()
    def _on_release_timeout(self) -> None:
        for i in self._held:
            self._header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self._held = []
