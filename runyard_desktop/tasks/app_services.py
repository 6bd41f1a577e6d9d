"""Builds the three Ollama services for one host (the composition root calls this; tests may too)."""

from __future__ import annotations

from pathlib import Path

from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.server import local_models_free_bytes
from runyard_desktop.tasks.chat_controller import ChatController
from runyard_desktop.tasks.ollama_service import OllamaService
from runyard_desktop.tasks.download_queue import DownloadQueue
from runyard_desktop.tasks.runner import TaskRunner


def build_ollama_services(
    runner: TaskRunner, cli_host: str | None, settings_host: str | None, log_dir: Path | None
) -> tuple[str, OllamaService, DownloadQueue, ChatController]:
    """Host from --host > settings > $OLLAMA_HOST > default; returns (host, ollama, pulls, chat)."""
    host = hosts.resolve(cli_host, settings_host)
    ollama = OllamaService(runner, host, log_dir=log_dir)
    free_disk = local_models_free_bytes if hosts.is_loopback(host) else None
    pulls = DownloadQueue(runner, host, free_disk=free_disk, on_installed=ollama.refresh_installed)
    chat = ChatController(runner, host, model_info=ollama.model_info)
    return host, ollama, pulls, chat
