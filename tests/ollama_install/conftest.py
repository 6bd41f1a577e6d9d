"""Fixtures: a loopback release server (`releases`) and the managed install inside the test's RUNYARD_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama_install.managed import ManagedOllama
from tests.support.fake_releases import FakeReleases


@pytest.fixture
def releases(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeReleases]:
    server = FakeReleases().start()
    monkeypatch.setenv("RUNYARD_OLLAMA_RELEASES", server.base)
    yield server
    server.stop()


@pytest.fixture
def managed() -> ManagedOllama:
    return ManagedOllama.for_paths(app_paths(), platform="linux")


@pytest.fixture
def no_system_ollama(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A computer with no `ollama` anywhere (PATH, the installer's folders, the systemd unit)."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    monkeypatch.setattr(server, "SYSTEMD_UNIT", str(tmp_path / "no-unit"))
    found = server.find_installation()
    assert found is None or found.managed
