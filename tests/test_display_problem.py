"""The GUI start-up says in plain words why no window can open, instead of Qt's abort (frozen or not)."""

from __future__ import annotations

import os
import sys

import pytest

from runyard_desktop.app import display_problem
from runyard_desktop.core.display import x11_display_problem

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland checks are Linux-only")


def _dead_display() -> str:
    """A display number with no server behind it (no socket, no lock file)."""
    for number in range(300, 400):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
            return f":{number}"
    pytest.fail("no free display number")


@pytest.fixture
def gui_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display_at_all_is_explained(gui_env: pytest.MonkeyPatch) -> None:
    message = display_problem()
    assert message is not None
    assert "DISPLAY and WAYLAND_DISPLAY are unset" in message
    assert "runyard-desktop detect" in message


def test_a_display_nobody_answers_is_explained(gui_env: pytest.MonkeyPatch) -> None:
    dead = _dead_display()
    gui_env.setenv("DISPLAY", dead)
    message = display_problem()
    assert message is not None
    assert f"no X server answered at DISPLAY={dead}" in message


def test_xcb_forced_without_display_is_explained(gui_env: pytest.MonkeyPatch) -> None:
    gui_env.setenv("QT_QPA_PLATFORM", "xcb")
    gui_env.setenv("WAYLAND_DISPLAY", "wayland-0")
    message = display_problem()
    assert message is not None and "DISPLAY is unset" in message


@pytest.mark.parametrize(
    "env",
    [{"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "wayland"}],
)
def test_other_platforms_are_left_to_qt(gui_env: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        gui_env.setenv(name, value)
    assert display_problem() is None


def test_probe_of_a_dead_display_names_it() -> None:
    dead = _dead_display()
    assert x11_display_problem(dead) == f"no X server answered at DISPLAY={dead} (or it refused the connection)"
