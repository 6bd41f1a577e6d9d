"""User settings: one versioned schema, defaults for every field, migrations, atomic JSON writes.

Add a field: give it a default here, bump SCHEMA_VERSION only if old files need rewriting, and add
a step to `_MIGRATIONS`. Unknown keys in a file are kept out of the dataclass but never crash a load.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from runyard_desktop.core.appdata.json_files import move_aside, write_json_atomic

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Settings:
    ollama_host: str | None = None  # None: $OLLAMA_HOST, then http://127.0.0.1:11434
    default_context: int | None = None  # None: the context Ollama would pick for this machine
    kv_cache_type: str = "f16"
    theme: str = "system"
    enter_sends: bool = True  # Enter sends and Shift+Enter adds a line; False swaps them
    default_temperature: float = 0.7
    default_system_prompt: str = ""
    think_by_default: bool = True
    notify_when_download_finishes: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.get("schema_version", 0))
    for step in range(version, SCHEMA_VERSION):
        data = _MIGRATIONS[step](data)
    return data


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    # v0 files (never released) had no version; fields were the same.
    return {**data, "schema_version": 1}


_MIGRATIONS = {0: _v0_to_v1}


def from_json(data: dict[str, Any]) -> Settings:
    data = _migrate(dict(data))
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name in known:
            values[name] = value
    settings = Settings(**values)
    if settings.theme not in THEMES:
        settings = replace(settings, theme="system")
    return settings


def load(path: Path) -> Settings:
    """Read settings; a missing file gives defaults, a damaged one is moved aside and logged."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("settings file is not a JSON object")
        return from_json(data)
    except (ValueError, TypeError) as exc:
        move_aside(path, exc, log, "settings", " and using defaults")
        return Settings()


def save(settings: Settings, path: Path) -> None:
    """Write atomically: a temp file in the same directory, fsync, then os.replace."""
    write_json_atomic(path, settings.to_json(), prefix=".settings-", sort_keys=True)
