"""The Ollama status bar, the first-run card on the Models page, and Settings, wired into the window.

`StatusAndSettings` is built by `DownloadsCoordinator` (ui/downloads/downloads_wiring.py), which keeps
the replaceable `open_url` / `confirm_delete` callables these reach through it. The status strips ask
the Ollama service to check or start the server, open a web page, open Settings, or describe another
computer in the what-if editor; a failed delete, unload or start is a plain dialog. Settings
(File → Settings…) apply at once: theme, the Models page's context, the chat page if it was built,
and the Ollama host (every service is pointed at it through the root's `switch_host`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from runyard_desktop.core.appdata.paths import AppPaths
from runyard_desktop.core.appdata.settings import Settings
from runyard_desktop.core.appdata.settings_store import SettingsStore
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama.types import OllamaStatus, ServerState
from runyard_desktop.tasks.app_services import PageServices
from runyard_desktop.ui.downloads import download_dialogs as dialogs
from runyard_desktop.ui.main_window import MainWindow
from runyard_desktop.ui.models.first_run import FirstRunBanner
from runyard_desktop.ui.models.models_view import ModelsView
from runyard_desktop.ui.models.whatif_editor import CUSTOM
from runyard_desktop.ui.ollama_status import OllamaStatusBar
from runyard_desktop.ui.settings.ollama_section import Confirm
from runyard_desktop.ui.settings.settings_dialog import SettingsDialog
from runyard_desktop.ui.theme import apply_theme

if TYPE_CHECKING:  # the chat page is imported when it is built, not at start-up
    from runyard_desktop.ui.chat.chat_pane import ChatPane

FAILED_TITLES = {
    "delete": "Could not delete the model",
    "unload": "Could not unload the model",
    "start": "Could not start Ollama",
}


class StatusAndSettings(QObject):
    """The status bar, the first-run banner and Settings. Signals: none (it only reacts)."""

    def __init__(
        self,
        window: MainWindow,
        models_view: ModelsView,
        services: PageServices,
        *,
        settings: SettingsStore,
        paths: AppPaths,
        switch_host: Callable[[], str],
        open_url: Callable[[str], object],
        confirm_delete: Confirm,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.view = models_view
        self.services = services
        self.settings = settings
        self._paths = paths
        self._switch_host = switch_host  # points every service at the host the settings now give
        self._open_url = open_url
        self._confirm_delete = confirm_delete
        self._closed = False
        self.status_bar = OllamaStatusBar()
        window.statusBar().addWidget(self.status_bar, 1)
        self.banner = FirstRunBanner()
        layout = models_view.layout()
        assert isinstance(layout, QVBoxLayout)  # the Models page's outer column
        layout.insertWidget(0, self.banner)
        self._connect()

    def _connect(self) -> None:
        o = self.services.ollama
        for strip in (self.status_bar, self.banner):
            strip.check_requested.connect(o.check)
            strip.start_requested.connect(o.start_server)
            strip.open_url_requested.connect(self._on_open_url_requested)
            strip.settings_requested.connect(self.open_settings)
        self.status_bar.hardware_requested.connect(self.enter_remote_hardware)
        o.status_changed.connect(self._on_ollama_status_changed)
        o.operation_failed.connect(self._on_ollama_operation_failed)
        self.window.settings_action.setVisible(True)
        self.window.settings_action.triggered.connect(self.open_settings)
        self.window.closing.connect(self._on_window_closing)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        self._on_ollama_status_changed(o.status)

    # -- user intent ------------------------------------------------------------------------------

    @Slot()
    def enter_remote_hardware(self) -> None:
        self.window.show_page("models")
        self.view.what_if_editor.choose(CUSTOM)
        self.view.what_if_editor.setFocus()

    @Slot()
    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self.settings.current,
            current_host=self.services.ollama_host,
            data_dir=self._paths.data,
            log_dir=self._paths.logs,
            ollama_section=self.ollama_section(),
            parent=self.window,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_settings())

    def ollama_section(self) -> QWidget:
        """Settings → Ollama as it is at this moment."""
        from runyard_desktop.ui.ollama_install_wiring import settings_section

        return settings_section(self.services, self._confirm_delete)

    def apply_settings(self, new: Settings) -> None:
        old = self.settings.update(new)
        if new.theme != old.theme:
            apply_theme(new.theme)
        if new.default_context != old.default_context:
            self.view.set_context_length(new.default_context)
        chat = cast("ChatPane | None", self.window.built_page("chat"))  # one not built yet reads settings then
        if chat is not None:
            chat.controller.apply_settings(new)  # default context, system prompt, temperature, Think
            chat.composer.set_context(chat.controller.context_usage())
        if new.enter_sends != old.enter_sends and chat is not None:
            chat.composer.input.set_enter_sends(new.enter_sends)
        if new.ollama_host != old.ollama_host:
            host = self._switch_host()  # at once: status, listings, chat, downloads and the measured check
            wanted = hosts.resolve(None, new.ollama_host)
            if host != wanted:  # --host on the command line wins over the settings
                dialogs.show_error(
                    self.window,
                    "The server address from the command line is used",
                    f"Runyard was started with --host {host}, which wins over Settings. Start it without "
                    f"--host to use {wanted}.",
                )

    # -- reactions --------------------------------------------------------------------------------

    @Slot(object)
    def _on_ollama_status_changed(self, status: OllamaStatus) -> None:
        # A too-old Ollama that is Runyard's own install is updated in place by *Update Ollama*.
        managed = (
            status.state is ServerState.TOO_OLD
            and not status.is_remote
            and self.services.ollama_install.managed_in_use()
        )
        self.status_bar.set_status(status, managed=managed)
        self.banner.set_status(status, managed=managed)

    @Slot(str, object)
    def _on_ollama_operation_failed(self, op: str, error: OllamaError) -> None:
        if op in FAILED_TITLES:
            dialogs.show_error(self.window, FAILED_TITLES[op], error.plain())
            self._on_ollama_status_changed(self.services.ollama.status)

    @Slot(str)
    def _on_open_url_requested(self, url: str) -> None:
        self._open_url(url)

    @Slot(Qt.ColorScheme)
    def _on_style_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if not self._closed and self.settings.current.theme == "system":  # the desktop switched: follow it
            apply_theme("system")

    @Slot()
    def _on_window_closing(self) -> None:
        self._closed = True
