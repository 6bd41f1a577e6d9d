"""Settings: defaults, round trip, migration from an unversioned file, damaged files moved aside."""

from __future__ import annotations

import json
from pathlib import Path

from runyard_desktop.core.appdata import settings as settings_mod
from runyard_desktop.core.appdata.settings import Settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert settings_mod.load(tmp_path / "nope.json") == Settings()


def test_round_trip_is_atomic_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    wanted = Settings(ollama_host="http://box:11434", default_context=8192, theme="dark")
    settings_mod.save(wanted, path)
    assert json.loads(path.read_text())["schema_version"] == settings_mod.SCHEMA_VERSION
    assert settings_mod.load(path) == wanted
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_unversioned_file_is_migrated_and_unknown_keys_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "light", "from_the_future": 1}))
    assert settings_mod.load(path).theme == "light"


def test_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert settings_mod.load(path) == Settings()
    assert (tmp_path / "settings.damaged.json").read_text() == "{not json"
    assert not path.exists()


def test_bad_theme_falls_back_to_system() -> None:
    assert settings_mod.from_json({"theme": "neon"}).theme == "system"


def test_kv_cache_types_are_the_fit_engines() -> None:
    # settings keeps its own copy (the fit engine is off the start-up path): the two must not drift apart
    from runyard_desktop.core.fit.engine import KV_CACHE_TYPES

    assert settings_mod.KV_CACHE_TYPES == KV_CACHE_TYPES
