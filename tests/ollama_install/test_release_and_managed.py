"""Which archive, from where; where the managed install lives; an Ollama found elsewhere always comes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama_install.errors import InstallError
from runyard_desktop.core.ollama_install.managed import ManagedOllama, write_record
from runyard_desktop.core.ollama_install.release import RELEASES_ENV, assets_for, release_for
from runyard_desktop.core.ollama_install.verify import parse_checksums


@pytest.mark.parametrize(
    ("platform", "machine", "amd", "assets"),
    [
        ("linux", "x86_64", False, ("ollama-linux-amd64.tar.zst",)),
        ("linux", "aarch64", False, ("ollama-linux-arm64.tar.zst",)),
        ("linux", "x86_64", True, ("ollama-linux-amd64.tar.zst", "ollama-linux-amd64-rocm.tar.zst")),
        ("win32", "AMD64", False, ("ollama-windows-amd64.zip",)),
        ("win32", "ARM64", False, ("ollama-windows-arm64.zip",)),
        ("darwin", "arm64", False, ("ollama-darwin.tgz",)),
    ],
)
def test_the_asset_follows_the_os_and_cpu(platform: str, machine: str, amd: bool, assets: tuple[str, ...]) -> None:
    assert assets_for(platform, machine, amd) == assets


def test_an_unknown_cpu_is_a_plain_error() -> None:
    with pytest.raises(InstallError, match="no build for this processor"):
        assets_for("linux", "riscv64")


def test_release_urls_latest_version_and_override() -> None:
    latest = release_for(env={}, platform="linux", machine="x86_64")
    assert latest.url(latest.assets[0]) == (
        "https://github.com/ollama/ollama/releases/latest/download/ollama-linux-amd64.tar.zst"
    )
    pinned = release_for("v0.17.1", env={}, platform="darwin", machine="arm64")
    assert pinned.checksums_url == "https://github.com/ollama/ollama/releases/download/v0.17.1/sha256sum.txt"
    local = release_for("0.17.1", env={RELEASES_ENV: "http://127.0.0.1:9/r"}, platform="linux", machine="x86_64")
    assert local.url("x.tar.zst") == "http://127.0.0.1:9/r/x.tar.zst" and local.version == "0.17.1"
    with pytest.raises(InstallError, match="not an Ollama version"):
        release_for("latest-ish", env={})


def test_checksum_lines_as_the_release_writes_them() -> None:
    digest = "a" * 64
    text = f"{digest}  ./ollama-darwin.tgz\n{'B' * 64}  ./ollama-linux-amd64.tar.zst\nnot a line\n"
    assert parse_checksums(text) == {"ollama-darwin.tgz": digest, "ollama-linux-amd64.tar.zst": "b" * 64}


def _install_managed(version: str = "0.17.1") -> ManagedOllama:
    managed = ManagedOllama.for_paths(app_paths())
    managed.executable.parent.mkdir(parents=True)
    managed.executable.write_text("#!/bin/sh\n")
    write_record(managed.root, version, ("ollama-linux-amd64.tar.zst",))
    return managed


def test_runyard_home_moves_the_managed_install(runyard_home: str) -> None:
    managed = ManagedOllama.for_paths(app_paths(), platform="linux")
    assert managed.executable == Path(runyard_home) / "data" / "ollama" / "bin" / "ollama"
    assert ManagedOllama(Path("D"), "win32").executable == Path("D/ollama/ollama.exe")


def test_the_managed_install_is_only_a_fallback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    managed = _install_managed()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    none_elsewhere = server.find_installation("linux", which=lambda _n: None)
    assert none_elsewhere == server.Installation(str(managed.executable), managed=True)
    on_path = server.find_installation("linux", which=lambda _n: "/opt/ollama/bin/ollama", exists=lambda p: True)
    assert on_path is not None and on_path.cli == "/opt/ollama/bin/ollama" and not on_path.managed


def test_remove_deletes_the_install_and_leftovers_but_no_models() -> None:
    managed = _install_managed()
    assert managed.version() == "0.17.1"
    (managed.downloads).mkdir()
    (managed.downloads / "ollama-linux-amd64.tar.zst.part").write_bytes(b"x")
    (managed.data / "ollama-staging-abc").mkdir()
    models = managed.data / "models-elsewhere"
    models.mkdir()
    assert managed.remove() is True
    assert not managed.root.exists() and not managed.downloads.exists()
    assert not (managed.data / "ollama-staging-abc").exists() and models.exists()
    assert managed.version() is None and managed.remove() is False


def test_settings_names_the_ollama_in_use_and_where() -> None:
    from runyard_desktop.core.ollama_install.session import in_use_text

    system = server.Installation("/usr/local/bin/ollama", service="ollama.service")
    text = in_use_text("http://127.0.0.1:11434", "0.17.1", system, None)
    assert text.startswith("Ollama 0.17.1 is running at http://127.0.0.1:11434.")
    assert "/usr/local/bin/ollama" in text and "ollama.service" in text and "never replaces it" in text
    own = server.Installation("/h/data/ollama/bin/ollama", managed=True)
    text = in_use_text("http://127.0.0.1:1", None, own, "0.17.1", Path("/h/data/ollama"))
    assert text == f"Runyard's own Ollama 0.17.1, in {Path('/h/data/ollama')}."
    assert "another computer" in in_use_text("http://192.0.2.7:11434", "0.17.1", None, None)
    assert "Install Ollama" in in_use_text("http://127.0.0.1:1", None, None, None)


def test_a_record_that_is_not_a_regular_file_is_refused_unread(tmp_path: Path, fifo_probe) -> None:
    """The version record is read like every JSON file of Runyard's: a FIFO there is never opened."""
    managed = ManagedOllama(tmp_path)
    managed.root.mkdir(parents=True)
    managed.record_file.symlink_to(fifo_probe.path)
    assert managed.version() is None
    assert fifo_probe.opens() == 0
    managed.record_file.unlink()
    managed.record_file.write_text('{"version": "0.17.1"}', encoding="utf-8")
    assert managed.version() == "0.17.1"
