"""The app builds the Chat page on its first visit: nothing of it exists before, all of it after."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from runyard_desktop.ui.widgets.lazy_page import LazyPage


def test_lazy_page_builds_once_when_first_asked(qtbot) -> None:
    calls: list[int] = []

    def build() -> QWidget:
        calls.append(1)
        return QLabel("content")

    page = LazyPage(build)
    qtbot.addWidget(page)
    assert calls == [] and not page.is_built and page.built_content() is None
    with qtbot.waitSignal(page.built) as built:
        content = page.content()
    assert built.args == [content] and page.content() is content and page.built_content() is content
    assert calls == [1] and content.parent() is page


def _app_window(qtbot, host: str) -> Any:
    """The window as `runyard-desktop` makes it (pages after the first paint), start-up finished."""
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=host, defer_pages=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.startup.is_finished, timeout=10_000)
    qtbot.waitUntil(lambda: window.services.pages.ollama.installed_models != (), timeout=10_000)
    return window


def test_chat_is_built_on_its_first_visit_with_the_models_listed_before(qtbot, fake_ollama) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.add_installed("qwen3.5:9b")
    window = _app_window(qtbot, fake_ollama.url)
    assert window.built_page("chat") is None
    assert window.findChild(QWidget, "chatPane") is None and window.services.chat_page is None
    assert window.current_page() == "hardware"

    window.show_page("chat")
    pane = window.built_page("chat")
    assert pane is not None and pane is window.findChild(QWidget, "chatPane") and pane is window.page("chat")
    # The installed listing arrived before the pane existed; the pane still offers both models.
    qtbot.waitUntil(lambda: pane.model_picker.count() >= 2, timeout=10_000)
    assert {pane.model_picker.itemData(i) for i in range(pane.model_picker.count())} >= {"qwen3.5:4b", "qwen3.5:9b"}
    chat_page = window.services.chat_page  # built with the pane, by the root; it shuts the controller down
    assert chat_page is not None and chat_page.conversations is pane.controller
    window.close()


def test_open_chat_from_another_page_builds_it_with_that_model(qtbot, fake_ollama) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    window = _app_window(qtbot, fake_ollama.url)
    window.show_page("models")
    window.downloads.open_chat("qwen3.5:4b")
    assert window.current_page() == "chat"
    pane = window.built_page("chat")
    assert pane is not None and pane.model_picker.currentData() == "qwen3.5:4b"
    window.close()


def test_a_setting_changed_before_the_first_visit_applies_when_built(qtbot, fake_ollama) -> None:
    from dataclasses import replace

    fake_ollama.add_installed("qwen3.5:4b")
    window = _app_window(qtbot, fake_ollama.url)
    enter_sends = window.services.core.settings.current.enter_sends
    window.downloads.apply_settings(replace(window.services.core.settings.current, enter_sends=not enter_sends))
    assert window.built_page("chat") is None  # a setting does not build the page
    window.show_page("chat")
    assert window.page("chat").composer.input.enter_sends is (not enter_sends)
    window.close()


def test_a_build_that_fails_is_tried_again_on_the_next_visit(qtbot) -> None:
    attempts: list[int] = []

    def build() -> QWidget:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("history database is locked")
        return QLabel("content")

    page = LazyPage(build)
    qtbot.addWidget(page)
    with pytest.raises(OSError, match="locked"):
        page.content()
    assert not page.is_built and page.built_content() is None
    content = page.content()
    assert isinstance(content, QLabel) and content.text() == "content" and len(attempts) == 2
