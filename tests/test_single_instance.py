"""One Runyard per data folder: a second launch raises the first window and exits; Undo stays safe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from runyard_desktop.ui.single_instance import ALREADY_RUNNING, SingleInstance

_SECOND_LAUNCH = "import sys; from runyard_desktop.app import run_gui; sys.exit(run_gui('http://127.0.0.1:9'))"


def test_second_lock_on_the_same_folder_is_refused_and_raises_the_first(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "data")
    second = SingleInstance(tmp_path / "data")
    try:
        assert first.acquire()
        first.listen()
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=5_000):
            assert second.ask_first_to_show()
    finally:
        first.release()
    other = SingleInstance(tmp_path / "data")
    try:  # released: the next launch takes it
        assert other.acquire()
    finally:
        other.release()


def test_a_second_launch_raises_the_first_window_and_exits(qtbot, tmp_path: Path, runyard_home: str) -> None:
    first = SingleInstance(Path(runyard_home) / "data")  # where run_gui's app_paths() puts the data
    assert first.acquire()
    first.listen()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", _SECOND_LAUNCH],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with qtbot.waitSignal(first.activated, timeout=30_000):
            pass
        _, err = child.communicate(timeout=30)
        assert child.returncode == 0
        assert ALREADY_RUNNING in err
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        first.release()
