"""Free disk space where Ollama keeps its models (docs/ollama-behaviour.md#server-lifecycle-and-host).

`$OLLAMA_MODELS`, else `~/.ollama/models` on every OS; on Linux, when Ollama runs as the systemd
service its home is /usr/share/ollama, so `/usr/share/ollama/.ollama/models` wins when it exists and
the per-user folder does not. A folder that does not exist yet is measured at its nearest existing
parent (that is where the first download will land).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import psutil

from runyard_desktop.core.hardware.profile import DiskInfo

LINUX_SERVICE_MODELS = Path("/usr/share/ollama/.ollama/models")


def models_dir(
    environ: Mapping[str, str] | None = None,
    system: str = "linux",
    home: Path | None = None,
    exists: Callable[[Path], bool] = Path.exists,
) -> Path:
    """Where Ollama keeps models on this machine (pure given its arguments)."""
    env = os.environ if environ is None else environ
    if env.get("OLLAMA_MODELS"):
        return Path(env["OLLAMA_MODELS"]).expanduser()
    user_dir = (home or Path.home()) / ".ollama" / "models"
    if system == "linux" and not exists(user_dir) and exists(LINUX_SERVICE_MODELS):
        return LINUX_SERVICE_MODELS
    return user_dir


def nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or "/")


def read_disk(system: str = "linux", environ: Mapping[str, str] | None = None) -> DiskInfo:
    models = models_dir(environ, system)
    usage = psutil.disk_usage(str(nearest_existing(models)))
    return DiskInfo(models_dir=str(models), free_bytes=int(usage.free))
