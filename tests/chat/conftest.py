"""Fixtures for the chat tests: a window on the stand-in Ollama with a few installed models."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

VISION = ("completion", "vision", "thinking")
TEXT_ONLY = ("completion",)


@pytest.fixture
def chat_fake(fake_ollama):
    fake_ollama.add_installed("qwen3.5:4b", capabilities=VISION, context_length=262144)
    fake_ollama.add_installed("textonly:1b", capabilities=TEXT_ONLY, context_length=8192, size=1_000_000_000)
    fake_ollama.load_delay_s = 0.0
    fake_ollama.token_delay_s = 0.0
    return fake_ollama


@pytest.fixture
def open_chat(qtbot, chat_fake) -> Iterator[Callable[[], Any]]:
    """Call it to get (window, pane); every window it opened is closed at teardown."""
    from runyard_desktop.app import create_main_window
    from runyard_desktop.ui.chat.chat_pane import ChatPane

    windows: list[Any] = []

    def make() -> tuple[Any, Any]:
        window = create_main_window(host=chat_fake.url)
        qtbot.addWidget(window)
        window.show()
        window.show_page("chat")
        pane = window.findChild(ChatPane, "chatPane")
        assert pane is not None
        qtbot.waitUntil(lambda: pane.model_picker.count() >= 2, timeout=10_000)
        if pane.controller.current is None or not pane.controller.messages:
            pane.open_with_model("qwen3.5:4b")
        qtbot.waitUntil(lambda: pane.controller.can_think("qwen3.5:4b"), timeout=10_000)
        windows.append(window)
        return window, pane

    yield make
    for window in windows:
        window.close()


def send(qtbot, pane, text: str, timeout: int = 10_000):
    """Type `text`, click Send, wait for the reply to end; returns the final stored reply."""
    pane.composer.input.setPlainText(text)
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=timeout) as blocker:
        pane.composer.send_button.click()
    return blocker.args[0]


def attach(qtbot, pane, *paths, timeout: int = 5_000) -> None:
    """Attach files as if dropped and wait until every one is read (reads run off the GUI thread)."""
    pane.add_files([str(p) for p in paths])
    qtbot.waitUntil(lambda: not pane.composer.is_reading(), timeout=timeout)
