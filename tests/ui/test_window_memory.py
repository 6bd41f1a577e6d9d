"""Remembered state: geometry, splitter positions, the last page and the chat's model survive a restart;
a damaged state file falls back to the defaults."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QSplitter

from runyard_desktop.app import create_main_window
from runyard_desktop.core.appdata import window_state
from runyard_desktop.core.appdata.paths import app_paths


def _window(qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    return window


def _state_file() -> Path:
    return app_paths().window_state_file


def test_geometry_and_page_come_back_after_a_restart(qtbot) -> None:
    first = _window(qtbot)
    first.setGeometry(QRect(10, 20, 780, 560))  # within the offscreen screen (800×600): Qt keeps it on screen
    first.show_page("installed")
    first.close()
    assert _state_file().is_file()
    second = _window(qtbot)
    try:
        assert second.current_page() == "installed"
        assert second.size().toTuple() == (780, 560)
    finally:
        second.close()


def test_splitter_positions_come_back_after_a_restart(qtbot) -> None:
    first = _window(qtbot)  # the default 1180×760: room to move the splitters
    first.show_page("chat")
    qtbot.waitExposed(first)
    chat_splitter = first.page("chat").findChild(QSplitter, "chatSplitter")
    default_sizes = chat_splitter.sizes()
    chat_splitter.setSizes([default_sizes[0] + 90, default_sizes[1] - 90, default_sizes[2]])
    models_splitter = first.page("models").findChild(QSplitter, "modelsSplitter")
    models_splitter.setSizes([123, 300])
    chat_sizes, models_sizes = chat_splitter.sizes(), models_splitter.sizes()
    assert chat_sizes != default_sizes
    first.close()
    # The offscreen screen (800×600) would shrink a restored 1180-wide window; start at the default size.
    state = window_state.load(_state_file())
    window_state.save(window_state.WindowState(page=state.page, splitters=state.splitters), _state_file())
    second = _window(qtbot)
    try:
        qtbot.waitExposed(second)
        assert second.page("chat").findChild(QSplitter, "chatSplitter").sizes() == chat_sizes
        assert second.page("models").findChild(QSplitter, "modelsSplitter").sizes() == models_sizes
    finally:
        second.close()


def test_the_chat_model_of_the_last_conversation_comes_back(qtbot) -> None:
    first = _window(qtbot)
    pane = first.page("chat")
    pane.controller.new_conversation(model="qwen3.5:4b")
    first.close()
    second = _window(qtbot)
    try:
        pane = second.page("chat")
        pane.set_installed_models(["qwen3.5:0.8b", "qwen3.5:4b"])
        assert pane.controller.current is not None and pane.controller.current.model == "qwen3.5:4b"
        assert pane.model_picker.currentText().startswith("qwen3.5:4b")
    finally:
        second.close()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        json.dumps({"geometry": "%%%", "page": "../etc", "splitters": {"chatSplitter": 5, "x y": "AAAA"}}).encode(),
        json.dumps({"geometry": "AAAA" * 5000}).encode(),
        b" " * (window_state.MAX_STATE_BYTES + 1),
    ],
)
def test_a_damaged_state_file_gives_the_defaults(qtbot, content: bytes) -> None:
    path = _state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    window = _window(qtbot)
    try:
        assert window.current_page() == "hardware"
        assert window.size().toTuple() == (1180, 760)
    finally:
        window.close()
    assert window_state.load(path).page == "hardware"  # rewritten whole at the close


def test_a_state_file_that_is_no_regular_file_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "window-state.json"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    assert window_state.load(fifo) == window_state.WindowState()


def test_each_wrong_field_falls_back_alone() -> None:
    state = window_state.from_json({"geometry": "AdnQywAD", "page": 7, "splitters": {"chatSplitter": "AAAA", "a": 1}})
    assert state == window_state.WindowState(geometry="AdnQywAD", page="", splitters={"chatSplitter": "AAAA"})
