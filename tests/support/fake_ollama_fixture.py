"""pytest fixture `fake_ollama`: a running stand-in Ollama server on a free loopback port (fast ticks)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_ollama import FakeOllama


@pytest.fixture
def fake_ollama() -> Iterator[FakeOllama]:
    fake = FakeOllama(0)
    fake.tick_s = 0.01
    fake.bytes_per_tick = 1_000_000
    fake.start()
    yield fake
    fake.stop()
