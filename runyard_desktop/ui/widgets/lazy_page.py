"""A sidebar page that builds its content the first time it is shown or asked for.

The app builds the Chat page this way: its modules, the history database and its widgets are
≈5 MiB and ≈150 ms that a user who only checks which models fit never needs, and the start-up
memory target (bench/startup.py) counts them. `MainWindow.page(key)` returns the built content,
so callers never see this wrapper.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds a page's builder until the page is first shown or `content()` is called.

    Signals:
        built(QWidget): the content exists now; emitted once, right after it was built.
    """

    built = Signal(object)

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._building = False
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def built_content(self) -> QWidget | None:
        """The content if it has been built, else None (builds nothing)."""
        return self._content

    def content(self) -> QWidget:
        """The content, built now if it was not yet. A build that raises leaves the page empty and is
        tried again on the next visit; the error goes to the app's exception hook (a dialog)."""
        if self._content is None:
            if self._building:
                raise RuntimeError("LazyPage.content() called while its content is being built")
            self._building = True
            try:
                content = self._build()
            finally:
                self._building = False
            self._content = content
            self._layout.addWidget(content)
            self.built.emit(content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
