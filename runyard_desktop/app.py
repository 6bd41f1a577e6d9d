"""Composition root: logging, QApplication, exception hooks, the long-lived objects, the window, shutdown.

`create_main_window(host)` builds everything on a running QApplication without entering the event
loop (GUI tests start there). `run_gui(...)` is what `runyard-desktop` does with no sub-command.

Every long-lived object (stores, services, controllers, the runner) is built here, once, in three
frozen stages declared in `tasks/app_services.py`, so that the window paints at nearly the speed of a
bare Qt window (bench/startup.py, docs/dev/startup.md):

1. `CoreServices` (paths, settings, runner, hardware) before the window exists; only *This machine*
   is built before the first paint.
2. `PageServices` (catalogue, Ollama service, download queue, chat streamer, measurement store,
   measured check, downloads controller) with the Models, Installed and downloads pages, right after the
   first paint (`import ollama` and asyncio's transports stay off the first-paint path).
3. `ChatPageServices` (history store, conversation controller, fit advisor) when the Chat page is first
   shown (`ui/widgets/lazy_page.py`): sqlite3 stays off start-up.

`create_main_window()` for tests builds stages 1 and 2 and every page before returning. `AppServices`
holds the stages built so far (each set once, by its builder) and writes the shutdown order, once:
the chat keeps its partial reply → chat and download jobs stop → the runner → the Ollama child
process. Pages and controllers receive the objects they use through their constructors; nothing
under `ui/` builds a store, service or controller. `AppWindow` is the window with typed access to
`services`, `startup` and `downloads` (tests reach the objects through them).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from runyard_desktop import APP_DISPLAY_NAME, APP_NAME, __version__
from runyard_desktop.core.appdata import resources
from runyard_desktop.core.appdata.logging_setup import configure_logging
from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.tasks.app_services import (
    ChatPageServices,
    CoreServices,
    PageServices,
    build_chat_page_services,
    build_core_services,
    build_page_services,
    switch_ollama_host,
)
from runyard_desktop.ui.chat.chat_opening import ChatOpening, OfferUnsaved
from runyard_desktop.ui.exception_hooks import install_exception_hooks
from runyard_desktop.ui.hardware.hardware_panel import HardwarePanel
from runyard_desktop.ui.main_window import MainWindow
from runyard_desktop.ui.startup_sequence import StartupSequence
from runyard_desktop.ui.widgets.lazy_page import LazyPage
from runyard_desktop.ui.widgets.plain_text import apply_pending
from runyard_desktop.ui.window_memory import WindowMemory

# The Models, Chat, Installed and downloads pages (catalogue, fit engine, history store, Ollama
# service layer) are imported inside `AppWindow.build_pages`, not here (see the module docstring).
if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from runyard_desktop.core.chat.history import HistoryStore
    from runyard_desktop.ui.downloads.downloads_wiring import DownloadsCoordinator

log = logging.getLogger(__name__)
_PROCESS_START = time.perf_counter()
LISTEN_DELAY_MS = 3000  # when the first copy starts answering second launches (see run_gui)


class AppServices:
    """The stages built so far, and the one shutdown order; only this module builds them.

    `core` exists from the start, `pages` once `build_pages()` ran (right after the first paint in the
    app), `chat_page` once `build_chat_page()` ran (the Chat page's first visit). A stage is built once:
    asking again returns the same one.
    """

    def __init__(self, cli_host: str | None) -> None:
        self.core: CoreServices = build_core_services(cli_host)
        self._pages: PageServices | None = None
        self._chat_page: ChatPageServices | None = None
        self._closed = False
        self._owner: QObject | None = None

    def adopt_into(self, owner: QObject) -> None:
        """Make `owner` (the window) the Qt parent of every QObject in the stages, those built later too:
        they are deleted with it, on the GUI thread. Owned by Python, they went with the window's reference
        cycles to the cyclic garbage collector, which runs on any thread (docs/architecture.md)."""
        self._owner = owner
        for stage in (self.core, self._pages, self._chat_page):
            self._adopt(stage)

    def _adopt(self, stage: object) -> None:
        if self._owner is None or stage is None:
            return
        for field in dataclasses.fields(cast("DataclassInstance", stage)):
            value = getattr(stage, field.name)
            if isinstance(value, QObject) and value.parent() is None:
                value.setParent(self._owner)

    @property
    def pages(self) -> PageServices:
        if self._pages is None:
            raise RuntimeError("the page services are built after the window's first paint")
        return self._pages

    @property
    def chat_page(self) -> ChatPageServices | None:
        """None until the Chat page was first built."""
        return self._chat_page

    def build_pages(self) -> PageServices:
        if self._closed:
            raise RuntimeError("the services were shut down")
        if self._pages is None:
            self._pages = build_page_services(self.core)
            self._adopt(self._pages)
        return self._pages

    @property
    def closed(self) -> bool:
        return self._closed

    def build_chat_page(self, store: HistoryStore | None = None) -> ChatPageServices:
        """Build the chat stage on `store` (opened off the GUI thread), or on a store opened now."""
        if self._closed:
            raise RuntimeError("the services were shut down")
        if self._chat_page is None:
            self._chat_page = build_chat_page_services(self.core, self.pages, store)
            self._adopt(self._chat_page)
        return self._chat_page

    def shutdown(self) -> None:
        """The window is closing. Safe to call twice; stages never built are skipped."""
        if self._closed:
            return
        self._closed = True
        log.info("Shutting down services")
        pages, chat_page = self._pages, self._chat_page
        if chat_page is not None:
            chat_page.conversations.shutdown()  # a streaming reply is kept, marked stopped; the history closes
        if pages is not None:
            pages.chat.shutdown()
            pages.measure.shutdown()
            pages.download_controller.shutdown()
            pages.downloads.shutdown()
        self.core.runner.shutdown()  # joins the loop and executor threads
        if pages is not None:
            pages.ollama.shutdown()  # after the jobs: stops only an `ollama serve` child we started


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The window icon, as PNGs rendered from resources/icons/runyard.svg (packaging/icons.py --package):
    loading the SVG would bring the QtSvg library and its icon plugin, ≈6 ms and ≈1 MiB before the first paint."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources.path("data", "icons", f"runyard-{size}.png")), QSize(size, size))
    return icon


class AppWindow(MainWindow):
    """The main window as the root builds it, with typed access to what the root built for it.

    Signals: none of its own (MainWindow's `closing()` shuts the services down).
    """

    def __init__(self, services: AppServices) -> None:
        super().__init__(log_dir=str(services.core.paths.logs))
        self._services = services
        services.adopt_into(self)  # the services are deleted with the window, on the GUI thread
        self._downloads: DownloadsCoordinator | None = None
        # Background work starts once the window has painted ("Detecting…" shows at once, and asyncio,
        # the probes and the Ollama check do not compete with start-up); tests/test_startup_path.py.
        self.startup = StartupSequence(self, _PROCESS_START)
        # Geometry, splitters and the last page (ui/window_memory.py); saved when the window closes.
        self.memory = WindowMemory(self, services.core.paths.window_state_file)
        # The Chat page, or Try again while the history is locked (ui/chat/chat_opening.py).
        self.chat_opening = ChatOpening(self, services, self.memory)

    @property
    def services(self) -> AppServices:
        return self._services

    @property
    def history_retry_s(self) -> float:
        """How long one open of a locked history keeps trying, off the GUI thread."""
        return self.chat_opening.retry_s

    @history_retry_s.setter
    def history_retry_s(self, seconds: float) -> None:
        self.chat_opening.retry_s = seconds

    @property
    def offer_unsaved_reply(self) -> OfferUnsaved:
        """Called when the window closes with a reply a full disk kept from being saved (a dialog: tests replace it)."""
        return self.chat_opening.offer_unsaved_reply

    @offer_unsaved_reply.setter
    def offer_unsaved_reply(self, offer: OfferUnsaved) -> None:
        self.chat_opening.offer_unsaved_reply = offer

    @property
    def downloads(self) -> DownloadsCoordinator:
        """Downloads, Installed, status bar and Settings (docs/dev/downloads-api.md); after `build_pages`."""
        if self._downloads is None:
            raise RuntimeError("the downloads page is built after the window's first paint")
        return self._downloads

    def build_pages(self, *, chat_on_first_visit: bool = False) -> None:
        """The page services, then Models, Chat, Installed, downloads, status bar and Settings.

        With `chat_on_first_visit` (the app) the Chat page is built when first shown (ui/widgets/lazy_page.py).
        """
        from runyard_desktop.ui import window_actions
        from runyard_desktop.ui.downloads.downloads_wiring import install_downloads
        from runyard_desktop.ui.models.models_view import ModelsView

        core, pages = self._services.core, self._services.build_pages()
        if pages.measurements.notice:
            self.show_notice(pages.measurements.notice)
        models_view = ModelsView(pages.catalogue)  # Models page; API in docs/dev/models-view-api.md
        core.hardware.profile_changed.connect(models_view.set_profile)
        pages.ollama.status_changed.connect(models_view.set_ollama_status)  # older Ollama places differently
        if core.hardware.profile is not None:
            models_view.set_profile(core.hardware.profile)
        self.add_page("models", "Models", models_view)
        chat = self.chat_opening.build
        self.add_page("chat", "Chat", LazyPage(chat) if chat_on_first_visit else chat())
        # Downloads, Installed page, measured check, Ollama status, first run, Settings; docs/dev/downloads-api.md
        self._downloads = install_downloads(
            self,
            models_view,
            pages,
            settings=core.settings,
            paths=core.paths,
            hardware=core.hardware,
            switch_host=lambda: switch_ollama_host(core, pages),
        )
        window_actions.add_chat_actions(self)  # the Chat menu: batch actions join it (window_actions.CHAT_MENU)
        window_actions.note_shortcuts(self)
        window_actions.set_page_icons(self)
        self.set_refresh("models", pages.ollama.check)  # the server, then its model lists
        self.set_refresh("installed", pages.ollama.check)
        self.set_refresh("chat", pages.ollama.check)
        self.memory.restore_splitters(models_view)
        self.memory.restore_page()


def create_main_window(host: str | None = None, *, defer_pages: bool = False) -> AppWindow:
    """Build the services and the window on the running QApplication; closing the window stops them
    (threads joined).

    With `defer_pages` (the app itself) only *This machine* is built before the first paint and the
    other pages follow right after it; otherwise (tests, acceptance checks) every page exists on return.
    """
    if QApplication.instance() is None:
        raise RuntimeError("create_main_window() needs a QApplication")
    services = AppServices(host)
    core = services.core
    window = AppWindow(services)
    icon = QApplication.windowIcon()  # run_gui set it; tests start here without one
    window.setWindowIcon(app_icon() if icon.isNull() else icon)
    if core.settings.notice:  # a damaged settings file was moved aside: the app starts, and says so
        window.show_notice(core.settings.notice)
    if core.settings.current.theme != "system":
        from runyard_desktop.ui.theme import apply_theme

        apply_theme(core.settings.current.theme)

    hardware_panel = HardwarePanel()
    core.hardware.detecting_changed.connect(hardware_panel.set_detecting)
    core.hardware.profile_changed.connect(hardware_panel.set_profile)
    core.hardware.detection_failed.connect(hardware_panel.show_error)
    hardware_panel.refresh_requested.connect(core.hardware.refresh)
    window.add_page("hardware", "This machine", hardware_panel)
    window.set_refresh("hardware", core.hardware.refresh)
    window.memory.restore_geometry()  # before show(): the window opens where it was left
    window.closing.connect(services.shutdown)

    startup = window.startup
    startup.then(apply_pending)  # first after the paint: labels made before it become plain text
    if defer_pages:
        startup.then(lambda: window.build_pages(chat_on_first_visit=True))
    else:
        window.build_pages()
    startup.then(core.hardware.refresh)
    startup.then(lambda: services.pages.ollama.check())
    return window


def display_problem() -> str | None:
    """A plain-language reason the GUI cannot start here, or None. Qt would abort instead."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    display, wayland = os.environ.get("DISPLAY"), os.environ.get("WAYLAND_DISPLAY")
    if wayland and not platform:
        return None  # Qt tries Wayland first
    from runyard_desktop.core.command_name import command_name

    next_step = f"use the terminal commands: {command_name()} detect | fit | pull | chat."
    if not display:
        unset = "DISPLAY is unset" if wayland else "DISPLAY and WAYLAND_DISPLAY are unset"
        return (
            f"Runyard needs a graphical display, and none was found ({unset}).\n"
            f"Start it from your desktop session, or {next_step}"
        )
    # A DISPLAY that does not answer makes Qt's xcb plugin abort ("could not connect to display").
    from runyard_desktop.core.display import x11_display_problem  # ctypes: only where X11 is used

    reason = x11_display_problem(display)
    if reason:
        return f"Runyard cannot open its window: {reason}.\nCheck DISPLAY, start it from your desktop session, or {next_step}"
    return None


def run_gui(host: str | None = None, *, smoke: bool = False, verbose: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    paths = app_paths()
    configure_logging(paths, verbose=verbose, rotating=False)  # rotating once painted: see logging_setup
    log.info("%s %s starting (Python %s)", APP_NAME, __version__, sys.version.split()[0])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("Runyard")
    QApplication.setDesktopFileName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from runyard_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(paths.data, app)  # per launch, not per window: tests open several windows
    if not instance.acquire():
        return instance.hand_over()  # the first copy shows its window; this one exits
    QApplication.setWindowIcon(app_icon())  # static: instance() is typed QCoreApplication, which has none
    install_exception_hooks(smoke=smoke)
    window = create_main_window(host, defer_pages=True)
    instance.raise_on_activation(window)
    startup = window.startup
    startup.then(lambda: configure_logging(paths, verbose=verbose))
    # Answering second launches loads QtNetwork (≈2 MiB): a few seconds after start-up, not during it. A second
    # launch in those seconds is told the first copy did not answer, and exits all the same.
    startup.then(lambda: QTimer.singleShot(LISTEN_DELAY_MS, instance.listen))

    def painted(elapsed: float) -> None:
        log.info("first paint after %.0f ms", elapsed * 1000)
        if smoke:
            print(f"first paint after {elapsed * 1000:.0f} ms", flush=True)

    startup.painted.connect(painted)
    if smoke:
        # Smoke waits for every page to be built, so a start-up error in any of them fails it.
        def all_built() -> None:
            log.info("smoke: every page built")
            window.close()
            app.quit()

        startup.finished.connect(all_built)
        # A window that never paints is a failure, not a hang.
        QTimer.singleShot(30_000, lambda: app.exit(3))
    window.show()
    code = app.exec()
    window.close()
    instance.release()
    log.info("exit code %s", code)
    return int(code)
