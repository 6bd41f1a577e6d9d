"""Shared pieces for the Ollama service tests: a TaskRunner that is always shut down."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runyard_desktop.tasks.runner import TaskRunner


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.shutdown()
