"""Composition root: logging, QApplication, exception hooks, services, the window, and shutdown.

`create_main_window(host)` builds everything on a running QApplication without entering the event
loop (GUI tests start there). `run_gui(...)` is what `runyard-desktop` does with no sub-command.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from runyard_desktop import APP_DISPLAY_NAME, APP_NAME, __version__
from runyard_desktop.core.appdata import resources
from runyard_desktop.core.appdata import settings as settings_store
from runyard_desktop.core.appdata.logging_setup import configure_logging
from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.tasks.hardware_service import HardwareService
from runyard_desktop.tasks.runner import TaskRunner
from runyard_desktop.ui.hardware.hardware_panel import HardwarePanel
from runyard_desktop.ui.widgets.lazy_page import LazyPage
from runyard_desktop.ui.main_window import MainWindow

# The Models, Chat, Installed and downloads pages (catalogue, fit engine, history store, Ollama
# service layer) are imported inside `_build_pages`, not here: `runyard-desktop` builds them right
# after the first paint (Chat when first visited), so the window appears at nearly the speed of a bare
# Qt window (bench/startup.py). `create_main_window()` for tests builds them all before returning.

log = logging.getLogger(__name__)
_PROCESS_START = time.perf_counter()


class Services:
    """Everything the window's pages talk to; built once here, shut down when the window closes."""

    def __init__(self, host: str | None) -> None:
        self.host = host
        self.paths = app_paths().ensure()
        self.settings = settings_store.load(self.paths.settings_file)
        self.runner = TaskRunner()
        self.hardware = HardwareService(self.runner)
        self.closed = False
        # Pages that must save state before the jobs stop (the chat keeps a partial reply).
        self.before_shutdown: list[Callable[[], object]] = []

    def start_ollama(self) -> None:
        """services.ollama (OllamaService), .pulls (DownloadQueue), .chat (ChatController); docs/dev/service-api.md"""
        from runyard_desktop.tasks.ollama_wiring import build_ollama_services

        self.ollama_host, self.ollama, self.pulls, self.chat = build_ollama_services(
            self.runner, self.host, self.settings.ollama_host, self.paths.logs
        )

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        for step in self.before_shutdown:
            step()
        log.info("Shutting down services")
        ollama = getattr(self, "ollama", None)
        if ollama is not None:
            self.chat.shutdown()
            self.pulls.shutdown()
        self.runner.shutdown()
        if ollama is not None:
            ollama.shutdown()  # after the jobs: stops only an `ollama serve` child we started


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The window icon, as PNGs rendered from resources/icons/runyard.svg (packaging/icons.py --package):
    loading the SVG would bring the QtSvg library and its icon plugin, ≈6 ms and ≈1 MiB before the first paint."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources.path("data", "icons", f"runyard-{size}.png")), QSize(size, size))
    return icon


def create_main_window(host: str | None = None, *, defer_pages: bool = False) -> QMainWindow:
    """Build services and the window on the running QApplication; closing the window stops them.

    With `defer_pages` (the app itself) only *This machine* is built before the first paint and the
    other pages follow right after it; otherwise (tests, acceptance checks) every page exists on return.
    """
    if QApplication.instance() is None:
        raise RuntimeError("create_main_window() needs a QApplication")
    services = Services(host)
    window = MainWindow(log_dir=str(services.paths.logs))
    icon = QApplication.windowIcon()  # run_gui set it; tests start here without one
    window.setWindowIcon(app_icon() if icon.isNull() else icon)
    window.services = services  # type: ignore[attr-defined]
    if services.settings.theme != "system":
        from runyard_desktop.ui.theme import apply_theme

        apply_theme(services.settings.theme)

    hardware_panel = HardwarePanel()
    services.hardware.detecting_changed.connect(hardware_panel.set_detecting)
    services.hardware.profile_changed.connect(hardware_panel.set_profile)
    services.hardware.detection_failed.connect(hardware_panel.show_error)
    hardware_panel.refresh_requested.connect(services.hardware.refresh)
    window.add_page("hardware", "This machine", hardware_panel)
    window.closing.connect(services.shutdown)

    # Background work starts once the window has painted ("Detecting…" shows at once, and asyncio, the
    # probes and the Ollama check do not compete with start-up); tests/test_startup_path.py.
    startup = StartupSequence(window)
    window.startup = startup  # type: ignore[attr-defined]
    if defer_pages:
        startup.then(lambda: _build_pages(window, services, chat_on_first_visit=True))
    else:
        _build_pages(window, services)
    startup.then(services.hardware.refresh)
    startup.then(lambda: services.ollama.check())
    return window


def _build_pages(window: MainWindow, services: Services, *, chat_on_first_visit: bool = False) -> None:
    """Models, Chat, Installed, downloads, status bar and settings, wired to the services.

    With `chat_on_first_visit` (the app) the Chat page is built when first shown (ui/widgets/lazy_page.py).
    """
    from runyard_desktop.core.fit.catalogue import load_catalogue
    from runyard_desktop.ui.downloads.downloads_wiring import install_downloads
    from runyard_desktop.ui.models.models_view import ModelsView

    services.start_ollama()
    models_view = ModelsView(load_catalogue())  # Models page; API in docs/dev/models-view-api.md
    services.hardware.profile_changed.connect(models_view.set_profile)
    services.ollama.status_changed.connect(models_view.set_ollama_status)  # older Ollama places differently
    if services.hardware.profile is not None:
        models_view.set_profile(services.hardware.profile)
    window.add_page("models", "Models", models_view)

    def build_chat() -> QWidget:
        from runyard_desktop.ui.chat.chat_page import build_chat_page

        chat_pane = build_chat_page(services)  # history store + conversation controller; docs/dev/chat-api.md
        services.before_shutdown.append(chat_pane.shutdown)
        return chat_pane

    window.add_page("chat", "Chat", LazyPage(build_chat) if chat_on_first_visit else build_chat())
    # Downloads, Installed page, measured check, Ollama status, first run, Settings; docs/dev/downloads-api.md
    window.downloads = install_downloads(window, services, models_view)  # type: ignore[attr-defined]


class StartupSequence(QObject):
    """Runs start-up steps after the window's first paint, one event-loop turn apart.

    Steps run in order; a step added after the sequence finished runs at once. If the window is
    never shown the steps run after 1 s; none runs once the window is closing.

    Signals:
        painted(float): the first paint happened, seconds since the process imported the app.
        finished(): every step has run.
    """

    painted = Signal(float)
    finished = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
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
            self.painted.emit(time.perf_counter() - _PROCESS_START)
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


def _install_exception_hooks(*, smoke: bool = False) -> None:
    def show(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("Unhandled exception:\n%s", text)
        if smoke:  # no dialog to click away in CI: any error fails the smoke test at once
            print(text, file=sys.stderr)
            QApplication.exit(1)
            return
        if QApplication.instance() is not None and threading.current_thread() is threading.main_thread():
            from PySide6.QtWidgets import QMessageBox  # not on the start-up path

            QMessageBox.critical(
                None,
                f"{APP_DISPLAY_NAME} hit an unexpected error",
                f"{exc}\n\nThe details are in the log file (Help → Open log folder).",
            )

    sys.excepthook = show
    threading.excepthook = lambda args: show(args.exc_type, args.exc_value or Exception(), args.exc_traceback)


def display_problem() -> str | None:
    """A plain-language reason the GUI cannot start here, or None. Qt would abort instead."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    display, wayland = os.environ.get("DISPLAY"), os.environ.get("WAYLAND_DISPLAY")
    if wayland and not platform:
        return None  # Qt tries Wayland first
    next_step = "use the terminal commands: runyard-desktop detect | fit | pull | chat."
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
    QApplication.setWindowIcon(app_icon())  # static: instance() is typed QCoreApplication, which has none
    _install_exception_hooks(smoke=smoke)
    window = create_main_window(host, defer_pages=True)
    startup: StartupSequence = window.startup  # type: ignore[attr-defined]
    startup.then(lambda: configure_logging(paths, verbose=verbose))

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
    log.info("exit code %s", code)
    return int(code)
