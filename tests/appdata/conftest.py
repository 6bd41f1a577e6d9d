"""Fixtures for the app's own files."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from runyard_desktop.core.appdata.paths import AppPaths


@pytest.fixture
def paths(tmp_path: Path) -> Iterator[AppPaths]:
    """The app's folders under tmp_path; any log handler a test adds is removed and closed afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "cache", tmp_path / "logs")
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
