"""Where the managed Ollama lives, which version it is, and removing it.

`<data>/ollama/` holds the release as published: `bin/ollama` and `lib/ollama/…` on Linux,
`ollama.exe` and `lib/ollama/…` on Windows, `ollama` and its libraries on macOS; `<data>` is
Runyard's data folder, so `RUNYARD_HOME` moves it like every other file. `runyard-install.json`
beside them records the version and the archives it came from. Downloads wait in `<data>/ollama-download/`
(kept after a cancel, for Resume); extraction happens in `<data>/ollama-staging-*` and is renamed into place.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from runyard_desktop.core.appdata.paths import AppPaths
from runyard_desktop.core.untrusted_file import read_untrusted_json

RECORD = "runyard-install.json"
MAX_RECORD_BYTES = 64 * 1024


@dataclass(frozen=True)
class ManagedOllama:
    """The managed install's folders for one data folder (nothing here touches the disk)."""

    data: Path
    platform: str = sys.platform

    @classmethod
    def for_paths(cls, paths: AppPaths, platform: str = sys.platform) -> ManagedOllama:
        return cls(paths.data, platform)

    @property
    def root(self) -> Path:
        return self.data / "ollama"

    @property
    def downloads(self) -> Path:
        return self.data / "ollama-download"

    @property
    def executable(self) -> Path:
        return executable_in(self.root, self.platform)

    @property
    def record_file(self) -> Path:
        return self.root / RECORD

    def is_installed(self) -> bool:
        return self.executable.is_file()

    def version(self) -> str | None:
        """The version recorded at install time (None when not installed or unreadable)."""
        try:  # refused unread when it is not a regular file: a FIFO there would block the reader for good
            data = read_untrusted_json(self.record_file, MAX_RECORD_BYTES)
        except (OSError, ValueError, RecursionError):
            return None
        version = data.get("version") if isinstance(data, dict) else None
        return version if isinstance(version, str) and len(version) <= 40 else None

    def remove(self) -> bool:
        """Delete the managed install, its partial downloads and any leftover staging; False if none was there.
        Models are not here (Ollama keeps them in its own folder), so they stay."""
        existed = self.root.exists()
        for leftover in (self.root, self.downloads, *self.data.glob("ollama-staging-*"), self.data / "ollama-old"):
            shutil.rmtree(leftover, ignore_errors=True)
        return existed


def executable_in(root: Path, platform: str = sys.platform) -> Path:
    """The `ollama` program inside an extracted release for `platform`."""
    if platform.startswith("win"):
        return root / "ollama.exe"
    if platform == "darwin":
        return root / "ollama"
    return root / "bin" / "ollama"


def write_record(root: Path, version: str, assets: tuple[str, ...]) -> None:
    text = json.dumps({"version": version, "assets": list(assets)}, indent=1)
    (root / RECORD).write_text(text + "\n", encoding="utf-8")
