"""Settings apply at once: a new Ollama server address moves the status, the model lists, the open Chat,
the batch summaries, the measured check and new downloads to that server without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import cast

import pytest
from PySide6.QtWidgets import QPushButton

from runyard_desktop.app import create_main_window
from runyard_desktop.ui.chat.chat_pane import ChatPane
from tests.support.fake_ollama import FakeOllama


@pytest.fixture
def second_ollama() -> Iterator[FakeOllama]:
    fake = FakeOllama(0)
    fake.tick_s = 0.01
    fake.bytes_per_tick = 10**9
    fake.start()
    yield fake
    fake.stop()


def test_a_new_server_address_is_used_at_once(qtbot, fake_ollama, second_ollama, monkeypatch, tmp_path) -> None:
    fake_ollama.add_installed("first:1b", capabilities=("completion",), context_length=8192)
    second_ollama.add_installed("second:1b", capabilities=("completion",), context_length=8192)
    second_ollama.add_remote("qwen3.5:0.8b", (1_000_000, 1429, 7711, 561), capabilities=("completion",))
    for fake in (fake_ollama, second_ollama):
        fake.load_delay_s = fake.token_delay_s = 0.0
    monkeypatch.setenv("OLLAMA_HOST", fake_ollama.url)  # not --host: that would win over Settings
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    ollama = window.services.pages.ollama
    window.show_page("chat")
    pane = cast(ChatPane, window.page("chat"))
    qtbot.waitUntil(lambda: [m.name for m in ollama.installed_models] == ["first:1b"], timeout=10_000)
    try:
        settings = window.services.core.settings
        window.downloads.apply_settings(replace(settings.current, ollama_host=second_ollama.url))
        assert window.services.pages.ollama_host == second_ollama.url
        qtbot.waitUntil(lambda: ollama.status.is_usable and ollama.status.host == second_ollama.url, timeout=10_000)
        qtbot.waitUntil(lambda: [m.name for m in ollama.installed_models] == ["second:1b"], timeout=10_000)
        qtbot.waitUntil(lambda: pane.model_picker.count() == 1, timeout=5000)
        assert "second:1b" in pane.model_picker.itemText(0)
        # The open Chat sends to the new server.
        pane.open_with_model("second:1b")
        pane.composer.input.setPlainText("Hello")
        with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000):
            pane.composer.send_button.click()
        assert second_ollama.bodies("/api/chat") and not fake_ollama.bodies("/api/chat")
        # So does the measured check.
        replies = len(second_ollama.bodies("/api/chat"))
        with qtbot.waitSignal(window.services.pages.measure.measure_finished, timeout=10_000):
            window.downloads.request_measure("second:1b")
        assert len(second_ollama.bodies("/api/chat")) == replies + 1 and not fake_ollama.bodies("/api/chat")
        # And a batch of summaries (its panel was built, with the chat's client, before the switch).
        folder = tmp_path / "docs"
        folder.mkdir()
        (folder / "note.txt").write_text("The plan is agreed.\n", encoding="utf-8")
        pane.summarize_button.click()
        panel = pane.summarize_panel
        panel.pick_folder = lambda _parent: str(folder)
        add_folder = panel.findChild(QPushButton, "summarizeAddFolderButton")
        start = panel.findChild(QPushButton, "summaryStartButton")
        assert add_folder is not None and start is not None
        add_folder.click()
        with qtbot.waitSignal(panel.batch.batch_finished, timeout=10_000) as finished:
            start.click()
        assert finished.args == ["1 of 1 summarized."]
        assert len(second_ollama.bodies("/api/chat")) == replies + 2 and not fake_ollama.bodies("/api/chat")
        # A new download is pulled from the new server.
        window.downloads.ask = lambda _issue: "proceed"
        window.downloads.open_chat_after_download = False
        with qtbot.waitSignal(window.downloads.controller.download_finished, timeout=10_000):
            assert window.downloads.request_download("qwen3.5:0.8b")
        assert second_ollama.bodies("/api/pull") and not fake_ollama.bodies("/api/pull")
    finally:
        window.close()


def test_host_from_the_command_line_still_wins(qtbot, fake_ollama, second_ollama, monkeypatch) -> None:
    import runyard_desktop.ui.downloads.download_dialogs as dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, _text: shown.append(title))
    window = create_main_window(host=fake_ollama.url)
    qtbot.addWidget(window)
    try:
        settings = window.services.core.settings
        window.downloads.apply_settings(replace(settings.current, ollama_host=second_ollama.url))
        assert window.services.pages.ollama_host == fake_ollama.url
        assert shown == ["The server address from the command line is used"]
    finally:
        window.close()


def test_a_new_theme_reaches_the_open_chat(main_window, qtbot) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QWidget

    from runyard_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_palette, old_style = app.palette(), app.style().name()
    pane = cast(ChatPane, main_window.page("chat"))
    settings = main_window.services.core.settings
    try:
        main_window.downloads.apply_settings(replace(settings.current, theme="dark"))
        qtbot.waitUntil(lambda: pane.view.colors.base.lightness() < 80, timeout=2000)
        assert pane.view.colors.text.lightness() > 170  # light text on the dark page, not light on light
        hardware = main_window.findChild(QWidget, "hardwarePanel")
        dark_base = app.palette().color(QPalette.ColorRole.Base).name()
        qtbot.waitUntil(lambda: dark_base in hardware.styleSheet(), timeout=2000)  # the cards follow too
    finally:
        apply_theme("system")
        app.setPalette(old_palette)
        app.setStyle(old_style)


def test_a_new_default_context_reaches_the_open_chat(main_window) -> None:
    pane = cast(ChatPane, main_window.page("chat"))
    pane.controller.new_conversation(model="qwen3.5:4b")  # no context of its own: the default applies
    settings = main_window.services.core.settings
    main_window.downloads.apply_settings(replace(settings.current, default_context=16384))
    assert pane.controller.effective_context() == 16384
    assert pane.controller.context_usage().limit == 16384
