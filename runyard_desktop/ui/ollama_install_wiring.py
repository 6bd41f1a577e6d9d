"""Runyard's own Ollama in the window: *Install Ollama* / *Update Ollama* in the first-run card and the
status bar drive `OllamaInstallService`; the card's progress row shows bytes, %, speed, ETA, Cancel and
Resume, and the plain message of a failure. After the install the Ollama service starts the server and
the status bar turns to "Ollama X is running" by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from runyard_desktop.core.ollama.types import OllamaStatus, ServerState
from runyard_desktop.tasks.app_services import PageServices
from runyard_desktop.tasks.ollama_install_service import OllamaInstallService
from runyard_desktop.tasks.ollama_service import OllamaService
from runyard_desktop.ui.models.first_run import FirstRunBanner
from runyard_desktop.ui.ollama_status import OllamaStatusBar
from runyard_desktop.ui.settings.ollama_section import Confirm, OllamaSection

CANCELLED = "Cancelled. What was downloaded is kept: press Resume to fetch only the rest."


class OllamaInstallWiring(QObject):
    """Connects the install service to the card and the status bar. Signals: none (it only reacts)."""

    def __init__(
        self,
        service: OllamaInstallService,
        ollama: OllamaService,
        banner: FirstRunBanner,
        status_bar: OllamaStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.ollama, self.banner, self.status_bar = service, ollama, banner, status_bar
        self.row = banner.install_row
        for strip in (banner, status_bar):
            strip.install_requested.connect(self.install)
        self.row.cancel_requested.connect(service.cancel)
        self.row.resume_requested.connect(self.install)
        service.step.connect(self.row.show_step)
        service.installed.connect(self._on_service_installed)
        service.not_needed.connect(self.row.finished)
        service.failed.connect(self._on_service_failed)
        service.cancelled.connect(self._on_service_cancelled)
        service.busy_changed.connect(self._on_service_busy_changed)
        ollama.status_changed.connect(self._on_ollama_status_changed)
        self._on_ollama_status_changed(ollama.status)

    @Slot()
    def install(self) -> None:
        if self.service.install() is not None:
            self.row.started()
            self.banner.show()

    @Slot(str)
    def _on_service_installed(self, version: str) -> None:
        self.row.finished(f"Ollama {version} is installed in {self.service.managed.root}. Starting it…")

    @Slot(object)
    def _on_service_failed(self, error: object) -> None:
        message = " ".join(p for p in (getattr(error, "message", str(error)), getattr(error, "next_step", "")) if p)
        self.row.stopped(message, can_resume=self.service.has_partial_download())
        self.banner.show()

    @Slot()
    def _on_service_cancelled(self) -> None:
        self.row.stopped(CANCELLED, can_resume=self.service.has_partial_download())

    @Slot(bool)
    def _on_service_busy_changed(self, busy: bool) -> None:
        for button in (self.banner.install, self.status_bar.install):
            button.setEnabled(not busy)

    @Slot(object)
    def _on_ollama_status_changed(self, status: OllamaStatus) -> None:
        if status.state is ServerState.RUNNING and not self.service.busy:
            self.row.hide()


def settings_section(services: PageServices, confirm: Confirm) -> OllamaSection:
    """Settings → Ollama for this moment: the Ollama in use, where it lives, and Remove for Runyard's own."""
    from runyard_desktop.core.ollama_install.session import in_use_text

    install, status = services.ollama_install, services.ollama.status
    found = install.find_installation() if not status.is_remote else None
    running = status.version if status.state in (ServerState.RUNNING, ServerState.TOO_OLD) else None
    text = in_use_text(services.ollama_host, running, found, install.managed.version(), install.managed.root)
    return OllamaSection(text, managed_installed=install.managed.is_installed(), remove=install.remove, confirm=confirm)
