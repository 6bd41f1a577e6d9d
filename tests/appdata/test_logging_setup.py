"""The log file: appended to until the window has painted, rotated from then on, never duplicated."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

import pytest

from runyard_desktop.core.appdata import logging_setup
from runyard_desktop.core.appdata.paths import AppPaths


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if logging_setup.is_ours(h)]


def test_start_up_appends_then_rotation_takes_over_the_same_file(paths: AppPaths) -> None:
    plain = logging_setup.configure_logging(paths, rotating=False)
    assert type(plain) is logging.FileHandler
    logging.getLogger("runyard_desktop.test").info("before the first paint")
    rotating = logging_setup.configure_logging(paths)
    assert isinstance(rotating, RotatingFileHandler)
    assert [h for h in _ours() if isinstance(h, logging.FileHandler)] == [rotating]  # the plain one is gone
    logging.getLogger("runyard_desktop.test").info("after it")
    rotating.flush()
    text = paths.log_file.read_text(encoding="utf-8")
    assert text.index("before the first paint") < text.index("after it")


def test_the_file_rotates_and_keeps_three_backups(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "_MAX_BYTES", 4096)
    logging_setup.configure_logging(paths)
    log = logging.getLogger("runyard_desktop.test")
    for i in range(400):
        log.info("line %04d %s", i, "x" * 60)
    names = sorted(p.name for p in paths.logs.iterdir())
    assert names == ["runyard-desktop.log", "runyard-desktop.log.1", "runyard-desktop.log.2", "runyard-desktop.log.3"]
    assert all(p.stat().st_size <= 4096 for p in paths.logs.iterdir())
    assert "line 0399" in paths.log_file.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_is_reported_not_raised(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    paths.logs.parent.mkdir(parents=True, exist_ok=True)
    paths.logs.write_text("a file where the folder should be", encoding="utf-8")
    assert logging_setup.configure_logging(paths, rotating=False) is None
    assert "cannot write logs to" in capsys.readouterr().err
