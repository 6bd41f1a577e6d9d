"""User settings: one versioned schema, defaults for every field, migrations, atomic JSON writes.

Add a field: give it a default here, bump SCHEMA_VERSION only if old files need rewriting, and add
a step to `_MIGRATIONS`, and a check to `_VALID`. Unknown keys in a file are kept out of the dataclass
but never crash a load.

The file is untrusted (anyone, or any crash, may have left anything there): it is read only if it is a
regular file of at most `MAX_SETTINGS_BYTES`, every field is type- and range-checked, and whatever goes
wrong, the app starts: a wrong field falls back to its default, an unusable file is moved aside, and
`load_with_notice` returns the sentence the window shows about it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from runyard_desktop.core.appdata.json_files import move_aside, write_json_atomic
from runyard_desktop.core.untrusted_file import read_untrusted_json

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


MAX_SETTINGS_BYTES = 1 << 20  # a settings file is a few hundred bytes; a long system prompt fits easily
KV_CACHE_TYPES = ("f16", "q8_0", "q4_0")  # core/fit/engine.py's, not imported: it is off the start-up path
MAX_CONTEXT = 1 << 24
MAX_TEXT = 100_000  # host and system prompt


class SettingsError(ValueError):
    """The file cannot be used at all (not JSON, not an object, an unknown version…)."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


_VALID: dict[str, Callable[[Any], bool]] = {
    "ollama_host": lambda v: v is None or (isinstance(v, str) and 0 < len(v) <= MAX_TEXT),
    "default_context": lambda v: v is None or (_is_int(v) and 0 < v <= MAX_CONTEXT),
    "kv_cache_type": lambda v: v in KV_CACHE_TYPES,
    "theme": lambda v: v in THEMES,
    "enter_sends": lambda v: isinstance(v, bool),
    "default_temperature": lambda v: _is_number(v) and 0 <= v <= 2,
    "default_system_prompt": lambda v: isinstance(v, str) and len(v) <= MAX_TEXT,
    "think_by_default": lambda v: isinstance(v, bool),
    "notify_when_download_finishes": lambda v: isinstance(v, bool),
}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version", 0)
    if not _is_int(version) or version < 0:
        raise SettingsError(f"schema_version {version!r} is not a version number")
    for step in range(version, SCHEMA_VERSION):
        data = _MIGRATIONS[step](data)
    return data


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    # v0 files (never released) had no version; fields were the same.
    return {**data, "schema_version": 1}


_MIGRATIONS = {0: _v0_to_v1}


def checked_from_json(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, and the names of the fields that were wrong (type or value) and fell
    back to their defaults. Raises SettingsError when the version is unusable."""
    data = _migrate(dict(data))
    values: dict[str, Any] = {}
    wrong: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _VALID[f.name](value):
            values[f.name] = float(value) if f.name == "default_temperature" else value
        else:
            wrong.append(f.name)
    return Settings(**values), wrong


def from_json(data: dict[str, Any]) -> Settings:
    """Settings from a parsed file; a wrong field gets its default."""
    return checked_from_json(data)[0]


def load(path: Path) -> Settings:
    """Read settings; a missing file gives defaults, a damaged one is moved aside and logged."""
    return load_with_notice(path)[0]


def load_with_notice(path: Path) -> tuple[Settings, str]:
    """(settings, notice). A missing file gives the defaults and no notice. A file that cannot be read
    as settings (too large, not a regular file, not JSON, nested too deep, an unknown version) is moved
    aside and the defaults are used; a file with wrong fields is moved aside too (the original is
    kept), those fields get their defaults and the rest is written back. The notice says what happened."""
    try:
        data = read_untrusted_json(path, MAX_SETTINGS_BYTES)
        if not isinstance(data, dict):
            raise SettingsError("settings file is not a JSON object")
        settings, wrong = checked_from_json(data)
    except FileNotFoundError:
        return Settings(), ""
    except (
        ValueError,
        TypeError,
        RecursionError,
    ) as exc:  # UntrustedFileError, JSON and Unicode errors are ValueErrors
        return Settings(), _set_aside(path, exc, "could not be read, so the default settings are used")
    if not wrong:
        return settings, ""
    notice = _set_aside(
        path, f"wrong {', '.join(wrong)}", f"had wrong values for {', '.join(wrong)}; those are back to their defaults"
    )
    try:
        save(settings, path)
    except OSError as exc:
        log.warning("could not write the repaired settings to %s: %s", path, exc)
    return settings, notice


def _set_aside(path: Path, reason: object, what_happened: str) -> str:
    try:
        aside = move_aside(path, reason, log, "settings", " and using defaults")
    except OSError as exc:
        log.warning("could not move the damaged settings file %s aside: %s", path, exc)
        return f"The settings file {path} {what_happened}. It could not be moved aside ({exc}); fix or delete it."
    return f"The settings file {what_happened}. The old file was kept as {aside}; check Settings."


def save(settings: Settings, path: Path) -> None:
    """Write atomically: a temp file in the same directory, fsync, then os.replace."""
    write_json_atomic(path, settings.to_json(), prefix=".settings-", sort_keys=True)
