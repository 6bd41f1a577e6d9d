"""What both front ends do around an install: decide whether one is needed, and start the result.

An Ollama that answers, or one installed by the user, is used and never replaced (`decide`). After
an install, `ollama serve` is started with Runyard's host (server.launch, so OLLAMA_MODELS and the rest
of the user's environment pass through) and is ready once `/api/version` answers.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.host import is_loopback
from runyard_desktop.core.ollama.types import MIN_VERSION_TEXT
from runyard_desktop.core.ollama_install.errors import MANUAL_URL, InstallError

READY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Decision:
    """`install`: go ahead (for the managed install); otherwise `reason` says which Ollama is used instead."""

    install: bool
    reason: str = ""
    version: str | None = None


async def decide(host: str, installation: server.Installation | None) -> Decision:
    """Whether Runyard should install (or update) its own Ollama for `host`."""
    if not is_loopback(host):
        raise InstallError(
            f"Ollama at {host} is on another computer; Runyard installs Ollama only on this one.",
            "Install or update it there, or change the server address in Settings.",
        )
    probe = await OllamaClient(host).probe()
    if probe.outcome == "answering" and not server.is_too_old(probe.version):
        return Decision(False, f"Ollama {probe.version} is already running at {host}.", probe.version)
    if installation is not None and not installation.managed:
        where = installation.cli or installation.app
        if probe.outcome == "answering":
            raise InstallError(
                f"Ollama {probe.version} at {where} is too old (Qwen3.5 needs {MIN_VERSION_TEXT}), and it was "
                "installed outside Runyard, which never replaces it.",
                system_update_steps(),
            )
        return Decision(False, f"Ollama is already installed at {where}; Runyard uses it.")
    if probe.outcome == "answering" and installation is None:
        raise InstallError(
            f"Ollama {probe.version} answers at {host} but is too old (Qwen3.5 needs {MIN_VERSION_TEXT}), and it"
            " was started outside Runyard (a container or another program), which Runyard never replaces.",
            system_update_steps(),
        )
    return Decision(True)


def system_update_steps() -> str:
    return (
        f"Update it the way it was installed: download the latest from {MANUAL_URL} and run it "
        "(on Linux: `curl -fsSL https://ollama.com/install.sh | sh`), then press Check again."
    )


async def start_and_wait(executable: Path, host: str, log_path: Path) -> tuple[server.ServerProcess | None, str]:
    """Start the managed `ollama serve` on `host` and wait until /api/version answers; returns (child, version)."""
    client = OllamaClient(host)
    probe = await client.probe()
    if probe.outcome == "answering" and probe.version:
        return None, probe.version
    loop = asyncio.get_running_loop()
    installation = server.Installation(str(executable), managed=True)
    child = await loop.run_in_executor(None, server.launch, installation, host, log_path)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        probe = await client.probe(timeout=1.0)
        if probe.outcome == "answering" and probe.version:
            return child, probe.version
        if child is not None and not child.running:
            break
        await asyncio.sleep(0.2)
    if child is not None:
        child.stop()
    raise InstallError(
        "Ollama was installed but did not start.", f"Its log is at {log_path}; try `ollama serve` from there."
    )


def in_use_text(
    host: str,
    running_version: str | None,
    installation: server.Installation | None,
    managed_version: str | None,
    managed_root: Path | None = None,
) -> str:
    """Settings' line: which Ollama Runyard uses, and where it lives."""
    if not is_loopback(host):
        return f"Ollama on another computer, at {host}."
    running = f"Ollama {running_version} is running at {host}. " if running_version else ""
    if installation is None:
        return running or "No Ollama was found on this computer: use Install Ollama on the Models page."
    if installation.managed:
        version = f" {managed_version}" if managed_version else ""
        return running + f"Runyard's own Ollama{version}, in {managed_root or Path(installation.cli or '').parent}."
    where = installation.cli or installation.app
    service = " (run by the system service ollama.service)" if installation.service else ""
    return running + f"Ollama installed on this computer at {where}{service}; Runyard uses it and never replaces it."
