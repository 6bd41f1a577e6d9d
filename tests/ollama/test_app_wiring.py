"""The composition root: every long-lived object built once, in frozen stages, for the resolved host;
the Ollama server checked at start; one shutdown order when the window closes."""

from __future__ import annotations

import dataclasses
import sys
from typing import Protocol

import pytest

from runyard_desktop.core.appdata import settings as settings_store
from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.ollama.types import ServerState


class _ShutsDown(Protocol):
    def shutdown(self) -> None: ...


def test_window_services_talk_to_the_given_host(fake_ollama, qtbot) -> None:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=fake_ollama.url.removeprefix("http://"))
    qtbot.addWidget(window)
    pages = window.services.pages
    assert pages.ollama_host == fake_ollama.url
    qtbot.waitUntil(lambda: pages.ollama.status.state is ServerState.RUNNING, timeout=10_000)
    clients = (pages.downloads.client, pages.chat.client, pages.measure.client)
    assert [c.host for c in clients] == [fake_ollama.url] * 3
    window.close()


def test_settings_host_wins_over_the_environment(fake_ollama, qtbot) -> None:
    from runyard_desktop.app import create_main_window

    paths = app_paths().ensure()
    settings_store.save(settings_store.Settings(ollama_host=f"0.0.0.0:{fake_ollama.port}"), paths.settings_file)
    window = create_main_window()
    qtbot.addWidget(window)
    assert window.services.pages.ollama_host == fake_ollama.url
    window.close()


def test_importing_the_services_does_not_import_ollama() -> None:
    import subprocess

    code = (
        "import sys, runyard_desktop.app, runyard_desktop.tasks.app_services; "
        "print('ollama' in sys.modules, 'httpx' in sys.modules, 'asyncio' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert out.stdout.split() == ["False", "False", "False"], out.stderr


def test_each_stage_is_frozen_and_built_once(fake_ollama, qtbot) -> None:
    from runyard_desktop.app import create_main_window
    from runyard_desktop.ui.chat.chat_pane import ChatPane

    window = create_main_window(host=fake_ollama.url)
    qtbot.addWidget(window)
    services = window.services
    pane = window.page("chat")
    assert isinstance(pane, ChatPane)
    chat_page = services.chat_page
    assert chat_page is not None and chat_page.conversations is pane.controller
    assert chat_page.history is pane.controller.store
    assert services.build_pages() is services.pages and services.build_chat_page() is chat_page
    downloads = window.downloads
    assert downloads.controller is services.pages.download_controller
    assert downloads.measure is services.pages.measure and downloads.measurements is services.pages.measurements
    for stage in (services.core, services.pages, chat_page):
        assert dataclasses.is_dataclass(stage)
        for field in dataclasses.fields(stage):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(stage, field.name, None)
        assert not hasattr(stage, "__dict__")  # slots: nothing can be attached to a stage later
    window.close()


def test_the_app_builds_the_later_stages_after_the_first_paint(fake_ollama, qtbot) -> None:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=fake_ollama.url, defer_pages=True)
    qtbot.addWidget(window)
    services = window.services
    with pytest.raises(RuntimeError, match="first paint"):
        _ = services.pages  # the property is what is tested
    with pytest.raises(RuntimeError, match="first paint"):
        _ = window.downloads
    window.show()
    qtbot.waitUntil(lambda: window.startup.is_finished, timeout=10_000)
    assert services.pages.ollama_host == fake_ollama.url and window.downloads.services is services.pages
    assert services.chat_page is None  # the Chat page (and its history database) waits for its first visit
    window.show_page("chat")
    assert services.chat_page is not None and services.chat_page.conversations is window.page("chat").controller
    window.close()


def test_closing_keeps_the_partial_reply_then_stops_jobs_runner_and_ollama(fake_ollama, qtbot) -> None:
    from runyard_desktop.app import create_main_window
    from runyard_desktop.core.chat.history import HistoryStore
    from runyard_desktop.tasks.conversation_controller import CLOSED_NOTE

    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.script_reply("qwen3.5:4b", content=["Partial ", "answer ", "never ", "finished."] * 50)
    fake_ollama.token_delay_s = 0.05
    window = create_main_window(host=fake_ollama.url)
    qtbot.addWidget(window)
    services = window.services
    core, pages, chat_page = services.core, services.pages, services.chat_page
    assert chat_page is not None
    conversations = chat_page.conversations
    conversations.new_conversation(model="qwen3.5:4b")
    with qtbot.waitSignal(conversations.content_appended, timeout=10_000):
        assert conversations.send("Tell me a long story")
    current = conversations.current
    assert current is not None
    conversation_id = current.id

    order: list[str] = []
    steps: dict[str, _ShutsDown] = {
        "conversations": conversations,
        "chat": pages.chat,
        "measure": pages.measure,
        "download_controller": pages.download_controller,
        "downloads": pages.downloads,
        "runner": core.runner,
        "ollama": pages.ollama,
    }
    for name, obj in steps.items():

        def record(original=obj.shutdown, name=name) -> None:
            order.append(name)
            original()

        obj.shutdown = record  # type: ignore[method-assign]  # wrapped to record the shutdown order
    window.close()
    window.close()  # a second close shuts nothing down twice
    assert order == list(steps)

    store = HistoryStore(core.paths.history_db)
    try:
        reply = store.messages(conversation_id)[-1]
    finally:
        store.close()
    assert reply.role == "assistant" and reply.status == "stopped" and reply.error == CLOSED_NOTE
    assert reply.content.startswith("Partial ")
