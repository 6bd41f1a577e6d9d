"""A Send pressed before Ollama's model list arrives waits for it, then goes to the model selected from it.

The stand-in holds its /api/tags answer back (`tags_released`), so the window is always in that first
moment when the test presses Send.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.chat.history import HistoryStore
from runyard_desktop.ui.chat.chat_pane import ChatPane
from runyard_desktop.ui.chat.pane_send_wait import NO_MODELS, WAITING_LABEL

NEWER, OLDER = "2026-03-02T10:00:00.000000000+01:00", "2026-03-01T10:00:00.000000000+01:00"


@pytest.fixture
def held(fake_ollama) -> Iterator[Any]:
    """The stand-in, its model list held back until the test sets `tags_released`."""
    fake_ollama.load_delay_s = 0.0
    fake_ollama.tags_released.clear()
    yield fake_ollama
    fake_ollama.tags_released.set()


def _window(qtbot, host: str) -> tuple[Any, Any]:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=host)
    qtbot.addWidget(window)
    window.show()
    window.show_page("chat")
    pane = window.findChild(ChatPane, "chatPane")
    assert pane is not None
    return window, pane


def _press_send(qtbot, pane, text: str) -> None:
    qtbot.keyClicks(pane.composer.input, text)
    pane.findChild(QWidget, "sendButton").click()


def test_send_before_the_list_waits_and_goes_to_the_model_selected_from_it(held, qtbot) -> None:
    held.add_installed("qwen3.5:4b", modified_at=NEWER)
    held.add_installed("textonly:1b", modified_at=OLDER)
    window, pane = _window(qtbot, held.url)
    _press_send(qtbot, pane, "Hello early")
    button = pane.findChild(QWidget, "sendButton")
    assert button.text() == WAITING_LABEL and not button.isEnabled()
    assert pane.findChild(QWidget, "chatInput").toPlainText() == "Hello early"
    assert not pane.composer.notice.isVisibleTo(pane) and pane.controller.messages == []
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000) as ended:
        held.tags_released.set()
    assert ended.args[0].status == "complete"
    body = held.bodies("/api/chat")[-1]
    assert body["model"] == "qwen3.5:4b" and body["messages"][-1]["content"] == "Hello early"
    assert pane.model_picker.currentData() == "qwen3.5:4b" == pane.controller.current.model
    assert button.text() == "Send" and button.isEnabled() and pane.composer.input.toPlainText() == ""
    window.close()


def test_the_last_used_model_is_selected_before_the_first_listed(held, qtbot) -> None:
    held.add_installed("qwen3.5:4b", modified_at=NEWER)  # first in the listing
    held.add_installed("textonly:1b", modified_at=OLDER)
    ticks = itertools.count(100)  # each write a second later: the empty conversation is the newest
    store = HistoryStore(app_paths().ensure().history_db, clock=lambda: float(next(ticks)))
    used = store.create_conversation(model="textonly:1b", title="Earlier chat")
    store.add_message(used.id, "user", "Earlier question")
    fresh = store.create_conversation()  # the newest: opened at start, no model yet
    store.close()
    window, pane = _window(qtbot, held.url)
    assert pane.controller.current.id == fresh.id and pane.controller.current.model == ""
    _press_send(qtbot, pane, "Which model answers?")
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000):
        held.tags_released.set()
    assert held.bodies("/api/chat")[-1]["model"] == "textonly:1b"
    assert pane.controller.current.id == fresh.id and pane.model_picker.currentData() == "textonly:1b"
    window.close()


def test_an_empty_list_says_so_when_it_arrives(held, qtbot) -> None:
    window, pane = _window(qtbot, held.url)
    _press_send(qtbot, pane, "Anyone there?")
    assert pane.composer.send_button.text() == WAITING_LABEL and not pane.composer.notice.isVisibleTo(pane)
    held.tags_released.set()
    qtbot.waitUntil(lambda: pane.composer.notice.isVisibleTo(pane), timeout=10_000)
    assert pane.composer.notice.text() == NO_MODELS
    assert pane.composer.send_button.text() == "Send" and pane.composer.send_button.isEnabled()
    assert pane.composer.input.toPlainText() == "Anyone there?" and held.bodies("/api/chat") == []
    window.close()


def test_editing_the_text_or_opening_another_conversation_cancels_the_wait(held, qtbot) -> None:
    held.add_installed("qwen3.5:4b")
    window, pane = _window(qtbot, held.url)
    _press_send(qtbot, pane, "Draft")
    qtbot.keyClicks(pane.composer.input, " more")
    assert pane.composer.send_button.text() == "Send" and pane.composer.send_button.isEnabled()
    _press_send(qtbot, pane, "!")  # waits again, with "Draft more!"
    assert pane.composer.send_button.text() == WAITING_LABEL
    pane.controller.new_conversation()  # another conversation opens: the Send is dropped, the text stays
    assert pane.composer.send_button.text() == "Send"
    held.tags_released.set()
    qtbot.waitUntil(lambda: pane.model_picker.currentData() == "qwen3.5:4b", timeout=10_000)
    assert pane.controller.messages == [] and held.bodies("/api/chat") == []
    assert pane.composer.input.toPlainText() == "Draft more!"
    window.close()


def test_ollama_not_answering_ends_the_wait_with_its_message(qtbot) -> None:
    window, pane = _window(qtbot, "http://127.0.0.1:9")  # nothing answers there
    _press_send(qtbot, pane, "Hello?")
    qtbot.waitUntil(lambda: pane.composer.notice.isVisibleTo(pane), timeout=10_000)
    status = window.services.pages.ollama.status
    assert status.message and pane.composer.notice.text().startswith(status.message)
    assert pane.composer.send_button.text() == "Send" and pane.composer.input.toPlainText() == "Hello?"
    assert pane.controller.messages == []
    window.close()


def test_a_page_built_after_an_empty_list_came_does_not_wait_for_it(held, qtbot) -> None:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=held.url, defer_pages=True)  # Chat is built on its first visit
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.startup.is_finished, timeout=10_000)
    with qtbot.waitSignal(window.services.pages.ollama.installed_models_changed, timeout=10_000) as listed:
        held.tags_released.set()
    assert listed.args[0] == () and window.built_page("chat") is None
    window.show_page("chat")
    pane = window.findChild(ChatPane, "chatPane")
    assert pane is not None
    _press_send(qtbot, pane, "Hello")
    qtbot.waitUntil(lambda: pane.composer.notice.text() == NO_MODELS, timeout=10_000)
    assert pane.composer.send_button.text() == "Send" and pane.composer.input.toPlainText() == "Hello"
    window.close()


def test_the_chat_says_where_messages_go_when_the_server_is_another_computer(fake_ollama, qtbot) -> None:
    from runyard_desktop.core.ollama.types import OllamaStatus, ServerState

    window, pane = _window(qtbot, fake_ollama.url)
    qtbot.waitUntil(lambda: window.services.pages.ollama.status.is_usable, timeout=10_000)
    assert not pane.composer.destination.isVisibleTo(pane)  # a server on this machine: nothing to say
    remote = OllamaStatus(ServerState.RUNNING, host="http://10.0.0.5:11434", version="0.18.0", is_remote=True)
    pane.set_ollama_status(remote)
    label = pane.findChild(QLabel, "chatDestination")
    assert label is not None and label.isVisibleTo(pane)
    assert label.text() == "Your messages and documents go to 10.0.0.5, another computer, unencrypted (plain http)."
    pane.set_ollama_status(replace(remote, host="https://gpu.example:443"))
    assert label.text() == "Your messages and documents go to gpu.example, another computer (https)."
    window.close()
