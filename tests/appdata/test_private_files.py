"""The app's folders, its log (rotated ones too) and its settings are readable by the user only."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from runyard_desktop.core.appdata import logging_setup
from runyard_desktop.core.appdata.json_files import write_json_atomic
from runyard_desktop.core.appdata.paths import AppPaths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    old_umask = os.umask(0o022)  # the usual default: files 0644 unless the app says otherwise
    yield
    os.umask(old_umask)


def test_app_folders_are_created_private(paths: AppPaths) -> None:
    paths.ensure()
    assert [_mode(p) for p in (paths.config, paths.data, paths.cache, paths.logs)] == [0o700] * 4


def test_log_file_and_each_rotated_one_are_private(paths: AppPaths) -> None:
    handler = logging_setup.configure_logging(paths, rotating=False)
    assert handler is not None
    assert _mode(paths.logs) == 0o700 and _mode(paths.log_file) == 0o600
    rotating = logging_setup.configure_logging(paths)
    assert isinstance(rotating, RotatingFileHandler)
    logging.getLogger("runyard_desktop.test").warning("one line")
    rotating.doRollover()
    logging.getLogger("runyard_desktop.test").warning("another")
    rotating.flush()
    rotated = Path(f"{paths.log_file}.1")
    assert rotated.exists()
    assert (_mode(paths.log_file), _mode(rotated)) == (0o600, 0o600)


def test_settings_file_and_its_folder_are_private(paths: AppPaths) -> None:
    write_json_atomic(paths.settings_file, {"a": 1}, prefix="settings-")
    assert (_mode(paths.config), _mode(paths.settings_file)) == (0o700, 0o600)
