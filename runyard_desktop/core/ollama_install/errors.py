"""The one failure of a managed install: a plain message and the next step (both shown as plain text)."""

from __future__ import annotations

from runyard_desktop.core.ollama.server_texts import DOWNLOAD_URL

MANUAL_URL = DOWNLOAD_URL  # Ollama's own download page, the one every other error names


class InstallError(Exception):
    """Installing Ollama failed; nothing half-installed was left. `message` says what, `next_step` what to do."""

    def __init__(self, message: str, next_step: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.next_step = next_step

    def __str__(self) -> str:
        return f"{self.message} {self.next_step}".strip()
