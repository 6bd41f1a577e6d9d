"""The composition root's three stages: frozen containers of the long-lived objects, and their builders.

Only the composition root (`runyard_desktop.app`) calls the builders; `app.AppServices` holds the stages
it has built and writes the one shutdown order. The stages follow start-up, so the window paints at
nearly the speed of a bare Qt window (docs/dev/startup.md):

- `CoreServices`, before the first paint: the app's directories, the settings, the task runner and
  hardware detection. Nothing here loads asyncio, the catalogue, `ollama` or sqlite3.
- `PageServices`, right after the first paint, with the Models, Installed and downloads pages: the
  catalogue, the Ollama service, the download queue, the chat's reply streamer, the measurement store,
  the measured check and the downloads controller, all for one resolved Ollama host, which
  `switch_ollama_host` changes at once when the Settings change it.
- `ChatPageServices`, on the Chat page's first visit: the history database (sqlite3, ≈5 MiB), the
  conversation controller and the chat's fit advisor.

A stage is frozen and complete when built: nothing is attached to it later, and a later stage is built
from the earlier ones. Pages and controllers receive the objects they use through their constructors.
The module is in `tasks/` because everything it builds is a tasks- or core-level object; the builders
import the Ollama stack and the history store when they run, not when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runyard_desktop.core.appdata.paths import AppPaths, app_paths
from runyard_desktop.core.appdata.settings_store import SettingsStore
from runyard_desktop.tasks.hardware_service import HardwareService
from runyard_desktop.tasks.runner import TaskRunner

if TYPE_CHECKING:  # imported by the builders below, after the first paint
    from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
    from runyard_desktop.core.chat.history import HistoryStore
    from runyard_desktop.core.fit.catalogue import Catalogue
    from runyard_desktop.core.fit.measurements import MeasurementStore
    from runyard_desktop.tasks.chat_controller import ChatController
    from runyard_desktop.tasks.conversation_controller import ConversationController
    from runyard_desktop.tasks.download_controller import DownloadController
    from runyard_desktop.tasks.download_queue import DownloadQueue
    from runyard_desktop.tasks.measure_controller import MeasureController
    from runyard_desktop.tasks.ollama_install_service import OllamaInstallService
    from runyard_desktop.tasks.ollama_service import OllamaService


@dataclass(frozen=True, slots=True)
class CoreServices:
    """Built before the first paint. `cli_host` is `--host` as given (None: settings, then the environment)."""

    cli_host: str | None
    paths: AppPaths
    settings: SettingsStore
    runner: TaskRunner
    hardware: HardwareService


@dataclass(frozen=True, slots=True)
class PageServices:
    """Built right after the first paint. `ollama_host` is the resolved URL every service here talks to:
    `--host` > the settings' host > `$OLLAMA_HOST` > `http://127.0.0.1:11434` (`switch_ollama_host`)."""

    catalogue: Catalogue
    ollama: OllamaService
    downloads: DownloadQueue
    chat: ChatController
    measurements: MeasurementStore
    measure: MeasureController
    download_controller: DownloadController
    ollama_install: OllamaInstallService  # Runyard's own Ollama, when none is found (core/ollama_install)

    @property
    def ollama_host(self) -> str:
        return self.ollama.host


@dataclass(frozen=True, slots=True)
class ChatPageServices:
    """Built when the Chat page is first shown."""

    history: HistoryStore
    conversations: ConversationController
    fit: ChatFitAdvisor


def build_core_services(cli_host: str | None) -> CoreServices:
    """The directories (created), the settings file read, the runner's threads started, detection not yet."""
    paths = app_paths().ensure()
    settings = SettingsStore(paths.settings_file)
    runner = TaskRunner()
    return CoreServices(
        cli_host=cli_host, paths=paths, settings=settings, runner=runner, hardware=HardwareService(runner)
    )


def build_page_services(core: CoreServices) -> PageServices:
    """Everything the pages after the first paint use, for the host resolved now (`switch_ollama_host`
    moves them to another)."""
    from runyard_desktop.core.fit.catalogue import load_catalogue
    from runyard_desktop.core.fit.measurements import MeasurementStore
    from runyard_desktop.core.ollama import host as hosts
    from runyard_desktop.tasks.chat_controller import ChatController
    from runyard_desktop.tasks.download_controller import DownloadController
    from runyard_desktop.tasks.download_queue import DownloadQueue
    from runyard_desktop.tasks.measure_controller import MeasureController
    from runyard_desktop.tasks.ollama_install_service import OllamaInstallService
    from runyard_desktop.tasks.ollama_service import OllamaService

    catalogue = load_catalogue()  # first: a damaged catalogue fails before any service exists
    host = hosts.resolve(core.cli_host, core.settings.current.ollama_host)
    runner = core.runner
    ollama = OllamaService(runner, host, log_dir=core.paths.logs)
    downloads = DownloadQueue(runner, host, free_disk=_free_disk_for(host), on_installed=ollama.refresh_installed)
    measurements = MeasurementStore(core.paths.data / "measurements.json")

    def canonical(tag: str) -> str | None:
        """The catalogue's name for `tag` (`qwen3.5:latest` → `qwen3.5:9b`); None outside the catalogue."""
        try:
            return catalogue.get(tag).tag
        except KeyError:
            return None

    def server_version() -> str | None:
        return ollama.status.version

    return PageServices(
        catalogue=catalogue,
        ollama=ollama,
        downloads=downloads,
        chat=ChatController(runner, host, model_info=ollama.model_info),
        measurements=measurements,
        measure=MeasureController(runner, host, measurements, version=server_version),
        download_controller=DownloadController(downloads, ollama, measurements, canonical=canonical),
        ollama_install=OllamaInstallService(runner, core.paths, ollama),
    )


def _free_disk_for(host: str) -> Callable[[], int | None] | None:
    from runyard_desktop.core.ollama import host as hosts
    from runyard_desktop.core.ollama.server import local_models_free_bytes

    return local_models_free_bytes if hosts.is_loopback(host) else None  # a remote disk is not ours


def switch_ollama_host(core: CoreServices, pages: PageServices) -> str:
    """Point every service at the host the settings now resolve to (Settings apply at once); returns it.

    The status poller, the model listings, the chat's replies, the measured check and downloads that
    start from now on use it; a download already running finishes on the server it started on. With
    `--host` on the command line nothing changes (it wins over the settings)."""
    from runyard_desktop.core.ollama import host as hosts

    host = hosts.resolve(core.cli_host, core.settings.current.ollama_host)
    if host != pages.ollama.host:
        pages.chat.set_host(host)
        pages.measure.set_host(host)
        pages.downloads.set_host(host, free_disk=_free_disk_for(host))
        pages.ollama.set_host(host)  # last: its check and listings reach the pages
    return host


def build_chat_page_services(
    core: CoreServices, pages: PageServices, store: HistoryStore | None = None
) -> ChatPageServices:
    """The history store (`store`, opened off the GUI thread by `open_history`, or opened now), its
    conversation controller and the fit advisor, with the settings of this moment; if the controller
    cannot be built the store is closed again. A store that cannot be opened raises `HistoryError`."""
    from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
    from runyard_desktop.core.chat.history import HistoryStore
    from runyard_desktop.tasks.conversation_controller import ConversationController

    settings = core.settings.current
    if store is None:
        store = HistoryStore(core.paths.history_db)
    try:
        conversations = ConversationController(store, pages.chat, settings=settings, model_info=pages.ollama.model_info)
    except BaseException:
        store.close()
        raise
    hardware, catalogue = core.hardware, pages.catalogue
    fit = ChatFitAdvisor(lambda: catalogue, lambda: hardware.profile, settings.kv_cache_type)
    conversations.advise_error = fit.memory_advice  # a chat that runs out of memory names what fits instead
    return ChatPageServices(history=store, conversations=conversations, fit=fit)
