"""Where the app keeps its files: platformdirs locations, all moved under RUNYARD_HOME when set."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from runyard_desktop import APP_NAME

HOME_ENV = "RUNYARD_HOME"
PRIVATE_DIR = 0o700  # folders the app creates: chats, settings and logs are the user's alone
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class AppPaths:
    """The four directories the app writes to. Created on first use, not here, readable by the user only."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def window_state_file(self) -> Path:
        return self.config / "window-state.json"

    @property
    def history_db(self) -> Path:
        return self.data / "conversations.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.logs / "runyard-desktop.log"

    def ensure(self) -> AppPaths:
        for path in (self.config, self.data, self.cache, self.logs):
            path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        return self


def app_paths(environ: dict[str, str] | os._Environ[str] | None = None) -> AppPaths:
    """Resolve the app's directories; `RUNYARD_HOME=DIR` puts every one of them under DIR."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "config", root / "data", root / "cache", root / "logs")
    dirs = PlatformDirs(APP_NAME, appauthor=False)
    return AppPaths(
        Path(dirs.user_config_dir),
        Path(dirs.user_data_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_log_dir),
    )
