"""Where Ollama keeps models, and free space there."""

from __future__ import annotations

from pathlib import Path

from runyard_desktop.core.hardware.probes import disk


def _exists(*present: Path):
    return lambda p: p in present


def test_ollama_models_env_wins(tmp_path: Path) -> None:
    env = {"OLLAMA_MODELS": str(tmp_path / "m")}
    assert disk.models_dir(env, "linux", Path("/home/u")) == tmp_path / "m"


def test_per_user_default_on_every_os() -> None:
    home = Path("/home/u")
    for system in ("linux", "darwin", "windows"):
        assert disk.models_dir({}, system, home, _exists()) == home / ".ollama" / "models"


def test_linux_systemd_service_dir_when_the_user_has_none() -> None:
    home = Path("/home/u")
    assert disk.models_dir({}, "linux", home, _exists(disk.LINUX_SERVICE_MODELS)) == disk.LINUX_SERVICE_MODELS
    # Both exist: the per-user server's folder wins (it is what `ollama serve` as you uses).
    both = _exists(disk.LINUX_SERVICE_MODELS, home / ".ollama" / "models")
    assert disk.models_dir({}, "linux", home, both) == home / ".ollama" / "models"
    assert disk.models_dir({}, "darwin", home, _exists(disk.LINUX_SERVICE_MODELS)) == home / ".ollama" / "models"


def test_missing_dir_is_measured_at_its_nearest_parent(tmp_path: Path) -> None:
    target = tmp_path / "not" / "yet" / "models"
    assert disk.nearest_existing(target) == tmp_path
    info = disk.read_disk("linux", {"OLLAMA_MODELS": str(target)})
    assert info.models_dir == str(target) and info.free_bytes > 0
