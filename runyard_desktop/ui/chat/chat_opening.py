"""The Chat page as the window builds it: the chat pane over the history, or a page with Try again.

`ChatOpening.build()` builds the chat stage (`tasks/app_services.ChatPageServices`) through the root's
`AppServices` and wires the chat pane to it (`ui/chat/chat_page.py`). While the history cannot be
opened (locked by another program, say) it returns a plain `HistoryUnavailablePage` instead, opens the
history again off the GUI thread (`TaskRunner.run_blocking`, for `retry_s` each time), and swaps the
pane in once the open succeeds, opening the model asked for meanwhile. When the window closes with a
reply a full disk kept from being saved, `offer_unsaved_reply` (a dialog; tests replace it) says so.

Imported at start-up by the composition root; the history, its notices and the pane are imported
only when the Chat page is built.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from runyard_desktop.core.chat.history import HistoryStore
    from runyard_desktop.tasks.app_services import ChatPageServices, CoreServices, PageServices
    from runyard_desktop.ui.chat.chat_pane import ChatPane
    from runyard_desktop.ui.chat.history_notices import HistoryUnavailablePage
    from runyard_desktop.ui.main_window import MainWindow
    from runyard_desktop.ui.window_memory import WindowMemory

log = logging.getLogger(__name__)
HISTORY_RETRY_S = 3.0  # how long one open of a locked history keeps trying, off the GUI thread

OfferUnsaved = Callable[["QWidget", str, "Path | None"], None]


class ServiceStages(Protocol):
    """What the Chat page needs of the root's `AppServices`: the stages, and building the chat one."""

    @property
    def core(self) -> CoreServices: ...

    @property
    def pages(self) -> PageServices: ...

    @property
    def closed(self) -> bool: ...

    def build_chat_page(self, store: HistoryStore | None = None) -> ChatPageServices: ...


def _offer_to_copy_unsaved(parent: QWidget, text: str, saved_to: Path | None) -> None:
    from runyard_desktop.ui.chat.history_notices import offer_to_copy_unsaved  # only when it happens

    offer_to_copy_unsaved(parent, text, saved_to)


class ChatOpening(QObject):
    """Builds the Chat page, waits out a locked history, and offers a reply left unsaved at close.

    Signals: none (it only reacts). Its Qt parent is the window.
    """

    def __init__(self, window: MainWindow, services: ServiceStages, memory: WindowMemory) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._memory = memory
        self._history_page: HistoryUnavailablePage | None = None  # the Chat page while the history is locked
        self.retry_s = HISTORY_RETRY_S
        self.offer_unsaved_reply: OfferUnsaved = _offer_to_copy_unsaved

    def build(self) -> QWidget:
        """The chat pane; while the history cannot be opened a plain page with Try again, and the open is
        retried off the GUI thread (`_retry_history`)."""
        from runyard_desktop.core.chat.history import HistoryError
        from runyard_desktop.ui.chat.history_notices import HistoryUnavailablePage

        try:
            chat_page = self._services.build_chat_page()  # history store, conversation controller; docs/dev/chat-api.md
        except HistoryError as exc:
            log.warning("history not opened: %s", exc)
            page = HistoryUnavailablePage(str(exc))
            page.retry_requested.connect(self._retry_history)
            self._history_page = page
            self._retry_history()  # a lock is often gone in a moment: wait for it off the GUI thread
            return page
        return self._chat_pane(chat_page)

    def _chat_pane(self, chat_page: ChatPageServices) -> QWidget:
        from runyard_desktop.ui.chat.chat_page import build_chat_page

        core, pages = self._services.core, self._services.pages
        # A signal, not a callable stored on the controller: a lambda over `self` made a reference cycle.
        chat_page.conversations.unsaved_at_close.connect(self._on_unsaved_at_close)
        pane = build_chat_page(
            chat_page.conversations, chat_page.fit, core.settings.current, ollama=pages.ollama, hardware=core.hardware
        )
        self._memory.restore_splitters(pane)
        return pane

    @Slot(str, object)
    def _on_unsaved_at_close(self, text: str, saved_to: Path | None) -> None:
        self.offer_unsaved_reply(self._window, text, saved_to)

    @Slot()
    def _retry_history(self) -> None:
        from runyard_desktop.core.chat.history import open_history

        page = self._history_page
        if page is None or self._services.closed:
            return
        page.show_waiting()
        core = self._services.core
        opening = functools.partial(open_history, core.paths.history_db, retry_s=self.retry_s)
        handle = core.runner.run_blocking(opening, name="history-open")
        handle.finished.connect(self._on_history_opened)
        handle.failed.connect(self._on_history_failed)

    def _on_history_opened(self, store: HistoryStore) -> None:
        page = self._history_page
        if page is None or self._services.closed:
            store.close()  # the window closed while it was opening
            return
        pane = self._chat_pane(self._services.build_chat_page(store))
        self._history_page = None
        self._window.replace_page("chat", pane)
        if page.pending_model is not None:
            cast("ChatPane", pane).open_with_model(page.pending_model)

    def _on_history_failed(self, exc: object) -> None:
        if self._history_page is not None:
            text = str(exc) if isinstance(exc, Exception) and str(exc) else "The conversation history cannot be opened."
            self._history_page.show_problem(text)
