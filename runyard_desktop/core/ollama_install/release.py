"""Which official Ollama archive fits this computer, and where the release publishes it.

Asset names are the ones Ollama's release workflow uploads and its install script fetches
(https://github.com/ollama/ollama/blob/main/.github/workflows/release.yaml,
https://github.com/ollama/ollama/blob/main/scripts/install.sh): `ollama-linux-{amd64,arm64}.tar.zst`,
plus `ollama-linux-{arch}-rocm.tar.zst` extracted over it for AMD GPUs (install.sh does the same),
`ollama-windows-{amd64,arm64}.zip` and `ollama-darwin.tgz`. Each release has `sha256sum.txt`.

The release location is one setting, `RELEASES_URL`; the environment variable
`RUNYARD_OLLAMA_RELEASES` replaces it with a base URL under which `ASSET` and `sha256sum.txt` are
fetched directly (tests point it at a loopback server).
"""

from __future__ import annotations

import os
import platform as platform_module
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from runyard_desktop.core.ollama_install.errors import InstallError

RELEASES_URL = "https://github.com/ollama/ollama/releases"
RELEASES_ENV = "RUNYARD_OLLAMA_RELEASES"
CHECKSUMS = "sha256sum.txt"
_VERSION = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)$")
_ARCHES = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}


@dataclass(frozen=True)
class Release:
    """Where one release's files are: `base` ends with '/'; `version` is None for the latest."""

    base: str
    version: str | None
    assets: tuple[str, ...]

    def url(self, name: str) -> str:
        return self.base + name

    @property
    def checksums_url(self) -> str:
        return self.base + CHECKSUMS


def checked_version(text: str) -> str:
    """'0.17.1' or 'v0.17.1' → '0.17.1'; anything else is refused with a plain message."""
    match = _VERSION.match(text.strip())
    if match is None:
        raise InstallError(f"“{text}” is not an Ollama version.", "Give it as three numbers, e.g. 0.17.1.")
    return ".".join(match.groups())


def assets_for(platform: str, machine: str, amd_gpu: bool = False) -> tuple[str, ...]:
    """The archives to extract, in order, for this OS and CPU (the ROCm add-on after the base on Linux)."""
    if platform == "darwin":
        return ("ollama-darwin.tgz",)  # one universal archive for Apple silicon and Intel
    arch = _ARCHES.get(machine.lower())
    if arch is None:
        raise InstallError(
            f"Ollama publishes no build for this processor ({machine}).",
            "Install Ollama yourself if your system offers a package, or use Ollama on another computer.",
        )
    if platform.startswith("win"):
        return (f"ollama-windows-{arch}.zip",)
    if platform.startswith("linux"):
        base = f"ollama-linux-{arch}.tar.zst"
        return (base, f"ollama-linux-{arch}-rocm.tar.zst") if amd_gpu else (base,)
    raise InstallError(f"Ollama publishes no build for this system ({platform}).", "Use Ollama on another computer.")


def has_amd_gpu(platform: str | None = None) -> bool:
    """A discrete AMD GPU on Linux (as install.sh checks with lspci/lshw; here from sysfs, no program run)."""
    if not (platform or sys.platform).startswith("linux"):
        return False
    from runyard_desktop.core.hardware.probes.amd import read_sysfs_gpus

    try:
        return any(g.vendor == "amd" and not g.integrated for g in read_sysfs_gpus())
    except OSError:
        return False


def release_for(
    version: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    machine: str | None = None,
    amd_gpu: bool = False,
) -> Release:
    """The release to install: `version` ('0.17.1') or the latest, from the setting or `RUNYARD_OLLAMA_RELEASES`."""
    env = os.environ if env is None else env
    wanted = checked_version(version) if version else None
    override = env.get(RELEASES_ENV, "").strip()
    if override:
        base = override.rstrip("/") + "/"
    elif wanted:
        base = f"{RELEASES_URL}/download/v{wanted}/"
    else:
        base = f"{RELEASES_URL}/latest/download/"
    assets = assets_for(platform or sys.platform, machine or platform_module.machine(), amd_gpu)
    return Release(base, wanted, assets)
