"""Screen readers: every page's accessibility tree names every control and describes what the app draws.

The window runs on the stand-in Ollama with an installed model, a finished chat reply and a download in
the list, so the custom-drawn parts (memory bars, verdict badges, download rows, chat messages) exist.
"""

from __future__ import annotations

import pytest

from runyard_desktop.app import create_main_window
from tests.ui.accessibility_tree import problems

PAGES = ["hardware", "models", "chat", "installed"]


@pytest.fixture
def busy_window(qtbot, fake_ollama):
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion",), context_length=32768)
    fake_ollama.add_remote("qwen3.5:0.8b", (1_000_000, 1429, 7711, 561), capabilities=("completion",))
    fake_ollama.load_delay_s = fake_ollama.token_delay_s = 0.0
    fake_ollama.bytes_per_tick = 10**9
    window = create_main_window(host=fake_ollama.url)
    qtbot.addWidget(window)
    window.show()
    services = window.services
    qtbot.waitUntil(lambda: services.pages.ollama.status.is_usable, timeout=10_000)
    qtbot.waitUntil(lambda: services.core.hardware.profile is not None, timeout=10_000)
    window.show_page("chat")
    pane = window.page("chat")
    qtbot.waitUntil(lambda: pane.model_picker.count() >= 1, timeout=10_000)
    pane.open_with_model("qwen3.5:4b")
    pane.composer.input.setPlainText("Hello")
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000):
        pane.composer.send_button.click()
    window.downloads.ask = lambda _issue: "proceed"
    window.downloads.open_chat_after_download = False  # the chat keeps the conversation with a reply
    window.show_page("models")
    with qtbot.waitSignal(window.downloads.controller.download_finished, timeout=10_000):
        assert window.downloads.request_download("qwen3.5:0.8b")
    assert window.downloads.list_model.rowCount() >= 1
    yield window
    window.close()


@pytest.mark.parametrize("key", PAGES)
def test_each_page_names_its_controls_and_describes_its_drawings(busy_window, qtbot, key: str) -> None:
    busy_window.show_page(key)
    qtbot.waitExposed(busy_window)
    found = problems(busy_window.page(key))
    assert found == [], "\n".join(found)


def test_the_downloads_and_the_window_frame(busy_window, qtbot) -> None:
    qtbot.waitUntil(lambda: busy_window.downloads.dock.isVisible(), timeout=5000)
    found = problems(busy_window.downloads.dock) + problems(busy_window.statusBar())
    assert found == [], "\n".join(found)


def test_a_chat_message_reads_as_its_text(busy_window, qtbot) -> None:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    busy_window.show_page("chat")
    pane = busy_window.page("chat")
    reply = pane.controller.messages[-1]
    assert reply.role == "assistant" and reply.content
    widget = pane.findChild(QWidget, "assistantMessage")
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface.text(QAccessible.Text.Name) == "Reply"
    assert iface.text(QAccessible.Text.Description) == reply.content.strip()
