"""Downloads, installed models, the measured check, Ollama status, first-run guidance and Settings,
wired into the window (called once by the composition root, `app.py`; see docs/dev/downloads-api.md).
The controllers and stores it drives are built by the root (`tasks/app_services.PageServices`).

`DownloadsCoordinator` turns user intent into controller calls: it runs the pre-download checks
(answered through the replaceable `ask` / `confirm_delete` callables), starts pulls, opens the chat
on a finished model, starts the measured check, and keeps the Models table, the action bar, the
downloads list and the Installed page in step with the services. The status bar, the first-run card
and Settings are its `status_settings` (ui/downloads/status_settings.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QWidget

from runyard_desktop.core.appdata.paths import AppPaths
from runyard_desktop.core.appdata.settings import Settings
from runyard_desktop.core.appdata.settings_store import SettingsStore
from runyard_desktop.core.downloads import preflight
from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.engine import FitOptions, FitReport, evaluate
from runyard_desktop.core.fit.measured import Measurement, compare
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama.types import OllamaStatus, PullState
from runyard_desktop.models.download_model import DownloadListModel
from runyard_desktop.tasks.app_services import PageServices
from runyard_desktop.tasks.hardware_service import HardwareService
from runyard_desktop.ui.downloads import download_dialogs as dialogs
from runyard_desktop.ui.downloads.downloads_panel import DownloadBar, DownloadsPanel
from runyard_desktop.ui.downloads.measure_panel import MeasureCard
from runyard_desktop.ui.downloads.status_settings import StatusAndSettings
from runyard_desktop.ui.installed.installed_view import InstalledView, delete_question
from runyard_desktop.ui.main_window import MainWindow
from runyard_desktop.ui.models.models_view import ModelsView
from runyard_desktop.ui.widgets.open_external import open_url

if TYPE_CHECKING:  # the chat page is imported when it is built, not at start-up
    from runyard_desktop.ui.chat.chat_pane import ChatPane

log = logging.getLogger(__name__)

DOCK_HEIGHT = 190
AUTO_MEASURE_DELAY_MS = 1000


class DownloadsCoordinator(QObject):
    """Everything the downloads feature adds to the window. Signals: none (it only reacts).

    Replaceable for tests: `ask(issue) -> "proceed" | "better" | "cancel"`, `confirm_delete(parent,
    title, text) -> bool`, `open_url(url)`, `notifier` (TrayNotifier), `open_chat_after_download`,
    `auto_measure`. The free disk it checks is `services.downloads.free_disk`, the one the pull checks too.
    `controller`, `measure` and `measurements` are the root's (`services.download_controller`, …).
    """

    def __init__(
        self,
        window: MainWindow,
        models_view: ModelsView,
        services: PageServices,
        *,
        settings: SettingsStore,
        paths: AppPaths,
        hardware: HardwareService,
        switch_host: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.settings = settings
        self._paths = paths
        self._hardware = hardware
        self._switch_host = switch_host  # points every service at the host the settings now give
        self.view = models_view
        self.ask = lambda issue: dialogs.ask_preflight(self.window, issue)
        self.confirm_delete = dialogs.ask_delete
        self.open_url: Callable[[str], bool] = open_url
        self.notifier = dialogs.TrayNotifier(window.windowIcon(), window)
        self.open_chat_after_download = True
        self.auto_measure = True
        self._closed = False
        self._pending_measure: list[str] = []
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(AUTO_MEASURE_DELAY_MS)
        self._measure_timer.timeout.connect(self._on_measure_timer_timeout)
        self.measurements = services.measurements
        self.measure = services.measure
        self.controller = services.download_controller
        self._build_widgets()
        self._connect()

    # -- construction -----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.bar = DownloadBar()
        self.view.add_action_widget(self.bar)
        self.view.actions_layout.setStretchFactor(self.bar, 1)
        self.list_model = DownloadListModel(self)
        self.panel = DownloadsPanel(self.list_model)
        self.card = MeasureCard()
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.panel, 3)
        row.addWidget(self.card, 2)
        self.dock = QDockWidget("Downloads", self.window)
        self.dock.setObjectName("downloadsDock")
        self.dock.setWidget(body)
        body.setMaximumHeight(DOCK_HEIGHT + 40)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        QTimer.singleShot(500, body, body.ensurePolished)  # styled ahead: opening it mid-download is cheaper
        view_menu = self.window.add_menu("&View")
        toggle = self.dock.toggleViewAction()
        toggle.setText("&Downloads and measured check")
        view_menu.addAction(toggle)
        self.installed = InstalledView(confirm=lambda p, t, x: self.confirm_delete(p, t, x))
        self.window.add_page("installed", "Installed", self.installed)
        # The status bar, the first-run banner and Settings (ui/downloads/status_settings.py).
        self.status_settings = StatusAndSettings(
            self.window,
            self.view,
            self.services,
            settings=self.settings,
            paths=self._paths,
            switch_host=self._switch_host,
            open_url=lambda url: self.open_url(url),
            confirm_delete=lambda p, t, x: self.confirm_delete(p, t, x),
        )
        self.status_bar = self.status_settings.status_bar
        self.banner = self.status_settings.banner

    def _connect(self) -> None:
        c, o = self.controller, self.services.ollama
        c.row_status_changed.connect(self._on_controller_row_status_changed)
        c.download_changed.connect(self._on_controller_download_changed)
        c.download_finished.connect(self._on_controller_download_finished)
        c.download_failed.connect(self._on_controller_download_failed)
        c.download_cancelled.connect(self._refresh_bar)
        o.status_changed.connect(self._on_ollama_status_changed)
        o.installed_models_changed.connect(self.installed.set_installed)
        o.installed_models_changed.connect(self._refresh_bar)
        o.loaded_models_changed.connect(self.installed.set_loaded)
        o.model_deleted.connect(self._on_ollama_model_deleted)
        self.view.selection_changed.connect(self._refresh_bar)
        self.view.fit_changed.connect(self._refresh_bar)
        b = self.bar
        b.download_requested.connect(self.request_download)
        b.cancel_requested.connect(c.cancel)
        b.chat_requested.connect(self.open_chat)
        b.measure_requested.connect(self.request_measure)
        b.delete_requested.connect(self.request_delete)
        self.panel.cancel_requested.connect(c.cancel)
        self.panel.resume_requested.connect(self.request_download)
        self.card.measure_requested.connect(self.request_measure)
        self.measure.measure_finished.connect(self._on_measure_finished)
        self.measure.measure_failed.connect(self._on_measure_failed)
        i = self.installed
        i.delete_requested.connect(o.delete)
        i.unload_requested.connect(o.unload)
        i.chat_requested.connect(self.open_chat)
        i.measure_requested.connect(self.request_measure)
        i.refresh_requested.connect(self._on_installed_refresh_requested)
        self.window.closing.connect(self.shutdown)
        self._on_ollama_status_changed(o.status)

    # -- user intent ------------------------------------------------------------------------------

    @Slot(str)
    def request_download(self, tag: str) -> bool:
        """Run the pre-download checks for `tag`, then queue it. True if it was queued."""
        for issue in self._preflight(tag):
            answer = self.ask(issue)
            if answer == dialogs.BETTER and issue.better_choice:
                self.view.select_tag(issue.better_choice)
                return self.request_download(issue.better_choice)
            if answer != dialogs.PROCEED or issue.level is preflight.CheckLevel.BLOCK:
                return False
        if not self.controller.start(tag):
            return False
        self._show_dock()
        state = self.services.downloads.state(tag)  # queued just now: it has a state
        if state is not None:
            self.panel.select_tag(state.tag)
        self._refresh_bar()
        return True

    @Slot(str)
    def request_measure(self, tag: str) -> None:
        if self.measure.measure(tag, self._context_for(tag)):
            self._show_dock()
            self.card.show_measuring(tag)

    @Slot(str)
    def request_delete(self, tag: str) -> None:
        if self.confirm_delete(self.window, *delete_question(tag)):
            self.services.ollama.delete(tag)

    @Slot(str)
    def open_chat(self, tag: str) -> None:
        self.window.show_page("chat")
        cast("ChatPane", self.window.page("chat")).open_with_model(tag)

    def open_settings(self) -> None:
        """File → Settings…; see `StatusAndSettings`."""
        self.status_settings.open_settings()

    def apply_settings(self, new: Settings) -> None:
        """Apply `new` at once and keep it; see `StatusAndSettings`."""
        self.status_settings.apply_settings(new)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._measure_timer.stop()
        self.notifier.close()  # the root stops the controllers and their jobs (app.AppServices.shutdown)

    # -- reactions --------------------------------------------------------------------------------

    @Slot(str, object)
    def _on_controller_row_status_changed(self, tag: str, status: RowStatus | None) -> None:
        self.view.catalogue_model.set_row_status(tag, status)

    @Slot(object)
    def _on_controller_download_changed(self, state: PullState) -> None:
        self.list_model.update(state)
        self._refresh_bar()

    @Slot(str)
    def _on_controller_download_finished(self, tag: str) -> None:
        self._refresh_bar()
        if not self.window.isActiveWindow() and self.settings.current.notify_when_download_finishes:
            self.notifier.notify("Download finished", f"{tag} is installed and ready to chat.")
        known = self.measurements.get(tag)
        if known is not None:  # measured before (e.g. deleted and downloaded again): show that
            self.card.show_comparison(known, compare(known, self._report_here(tag)))
        elif self.auto_measure:  # a moment later: the chat opens first, and Ollama finishes its own bookkeeping
            self.card.show_measuring(tag)
            self._show_dock()
            self._pending_measure.append(tag)
            self._measure_timer.start()
        if self.open_chat_after_download and self.controller.active_tag() is None:
            self.open_chat(tag)

    @Slot(str, object)
    def _on_controller_download_failed(self, tag: str, error: OllamaError) -> None:
        log.info("download %s failed: %r", tag, error)
        self._refresh_bar()
        if not self.window.isActiveWindow() and self.settings.current.notify_when_download_finishes:
            self.notifier.notify("Download failed", f"{tag}: {error.message}")

    @Slot(object)
    def _on_ollama_status_changed(self, status: OllamaStatus) -> None:
        self.installed.set_usable(status.is_usable, status.message)
        self._refresh_bar()

    @Slot(str)
    def _on_ollama_model_deleted(self, tag: str) -> None:
        self.measurements.forget(tag)

    @Slot()
    def _on_measure_timer_timeout(self) -> None:
        pending, self._pending_measure = self._pending_measure, []
        for tag in pending:
            if self.controller.is_installed(tag):
                self.request_measure(tag)

    @Slot()
    def _on_installed_refresh_requested(self) -> None:
        if self.services.ollama.status.is_usable:
            self.services.ollama.refresh_installed()
            self.services.ollama.refresh_loaded()

    @Slot(object)
    def _on_measure_finished(self, measurement: Measurement) -> None:
        self.services.ollama.refresh_loaded()  # the check loaded it: the Installed page shows that
        report = self._report_here(measurement.tag)
        self.card.show_comparison(measurement, compare(measurement, report))
        self.controller.refresh_row(measurement.tag)

    @Slot(str, object)
    def _on_measure_failed(self, tag: str, error: OllamaError) -> None:
        self.card.show_failed(tag, error.plain())

    @Slot()
    def _refresh_bar(self, *_args: object) -> None:
        tag = self.view.selected_tag()
        status = self.services.ollama.status
        active_tag = self.controller.active_tag()
        active = self.controller.state(active_tag) if active_tag else None
        state = self.controller.state(tag) if tag else None
        installed = bool(tag and self.controller.is_installed(tag))
        self.bar.show_for(tag, state, installed=installed, active=active, usable=status.is_usable)

    # -- helpers ----------------------------------------------------------------------------------

    def _show_dock(self) -> None:
        if not self.dock.isVisible():
            self.dock.show()
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _report_here(self, tag: str) -> FitReport | None:
        """The estimate for THIS computer (the what-if editor may show another one)."""
        model = self.view.catalogue_model
        if not model.has_tag(tag):
            return None
        if not self.view.is_what_if():
            return self.view.report_for(tag)
        profile = self._hardware.profile
        if profile is None:
            return None
        return evaluate(
            model.entry(tag),
            profile,
            FitOptions(context=self.view.context_length(), kv_cache_type=self.view.kv_cache_type()),
        )

    def _context_for(self, tag: str) -> int | None:  # one context for every tag today
        """The user's context choice; None = Ollama's default, as the chat sends it (no reload between)."""
        return self.view.context_length()

    def _preflight(self, tag: str) -> list[preflight.PreflightIssue]:
        status = self.services.ollama.status
        remote = status.is_remote
        report = None if remote and not self.view.is_what_if() else self._report_here(tag)
        model = self.view.catalogue_model
        recommended = None
        if not self.view.is_what_if():
            recommended = next((t for t in model.tags() if (r := model.report_for(t)) and r.recommended), None)
        profile = self._hardware.profile
        probe = self.services.downloads.free_disk  # None for a remote Ollama: its disk is not ours to measure
        free = None if remote or probe is None else probe()
        models_dir = profile.disk.models_dir if profile is not None and profile.disk is not None else None
        if report is not None and remote:
            report = replace(report, disk_ok=None)
        kept = preflight.kept_bytes(self.services.downloads.state(tag))
        return preflight.preflight(
            tag,
            status=status,
            report=report,
            recommended=recommended,
            free_disk=free,
            models_dir=models_dir,
            kept=kept,
        )


def install_downloads(
    window: MainWindow,
    models_view: ModelsView,
    services: PageServices,
    *,
    settings: SettingsStore,
    paths: AppPaths,
    hardware: HardwareService,
    switch_host: Callable[[], str],
) -> DownloadsCoordinator:
    """Add downloads, Installed, status, first-run and Settings to the window; returns the coordinator.
    The Chat page ("chat") must be added first; it is reached through `window.page("chat")`."""
    coordinator = DownloadsCoordinator(
        window, models_view, services, settings=settings, paths=paths, hardware=hardware, switch_host=switch_host
    )
    from runyard_desktop.ui.ollama_install_wiring import OllamaInstallWiring

    # Owned by the coordinator (its Qt parent), as the coordinator is by the window.
    OllamaInstallWiring(
        services.ollama_install, services.ollama, coordinator.banner, coordinator.status_bar, coordinator
    )
    if settings.current.default_context:
        models_view.set_context_length(settings.current.default_context)
    return coordinator
