"""Fixtures: a loopback release server (`releases`) and the managed install inside the test's RUNYARD_HOME."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runyard_desktop.core.appdata.paths import app_paths
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
