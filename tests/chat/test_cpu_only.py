""" "Run on the CPU only" in the chat Parameters: sent as Ollama's `num_gpu: 0`, honoured by the stand-in
as the real scheduler does (server/sched.go `needsReload`), shown in the metrics line, remembered."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QLabel

from runyard_desktop.app import create_main_window
from runyard_desktop.core.chat.history import SCHEMA_VERSION, HistoryStore
from runyard_desktop.ui.chat.chat_pane import ChatPane
from tests.chat.conftest import send


def _metrics_text(pane: ChatPane) -> str:
    labels = [w for w in pane.findChildren(QLabel, "messageMetrics") if w.text()]
    return labels[-1].text()


def test_cpu_only_is_sent_honoured_shown_and_remembered(open_chat, chat_fake, qtbot) -> None:
    window, pane = open_chat()
    check = pane.findChild(QCheckBox, "cpuOnlyCheck")
    assert check is not None and check.accessibleName() == "Run on the CPU only"
    send(qtbot, pane, "On the GPU")
    assert "num_gpu" not in chat_fake.bodies("/api/chat")[-1]["options"]
    assert chat_fake.state.loaded["qwen3.5:4b"][1] > 0  # the stand-in put it on its GPU
    assert "CPU only" not in _metrics_text(pane)

    check.setChecked(True)
    reply = send(qtbot, pane, "On the CPU")
    assert chat_fake.bodies("/api/chat")[-1]["options"]["num_gpu"] == 0
    assert chat_fake.state.loaded["qwen3.5:4b"][1] == 0  # reloaded with no layer on the GPU
    assert reply.metrics is not None and reply.metrics.cpu_only
    assert _metrics_text(pane).endswith("· CPU only")
    conversation_id = pane.controller.current.id
    window.close()

    window2 = create_main_window(host=chat_fake.url)
    qtbot.addWidget(window2)
    window2.show()
    window2.show_page("chat")
    pane2 = window2.findChild(ChatPane, "chatPane")
    try:
        assert pane2 is not None
        assert pane2.controller.store.conversation(conversation_id).cpu_only
        pane2.controller.open(conversation_id)
        check2 = pane2.findChild(QCheckBox, "cpuOnlyCheck")
        assert check2 is not None and check2.isChecked()
        stored = pane2.controller.store.messages(conversation_id)[-1]
        assert stored.metrics is not None and stored.metrics.cpu_only
    finally:
        window2.close()


def test_the_stand_in_reloads_only_when_num_gpu_is_asked_and_differs(chat_fake) -> None:
    state = chat_fake.state
    model = state.installed["qwen3.5:4b"]
    state.load_runner(model, 4096)
    assert state.loaded[model.name][1] > 0
    assert state.keeps_runner(model, 4096)  # no num_gpu asked: the runner stays
    assert not state.keeps_runner(model, 4096, 0)  # num_gpu 0 on a GPU runner: reload
    state.load_runner(model, 4096, 0)
    assert state.loaded[model.name][1] == 0
    assert state.keeps_runner(model, 4096, 0)
    assert state.keeps_runner(model, 4096)  # as the real server: omitting num_gpu keeps the CPU runner


def test_an_older_history_gains_the_cpu_only_column(tmp_path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    kept = store.create_conversation(model="qwen3.5:4b", title="Before")
    store.close()
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE conversations DROP COLUMN cpu_only")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    db.commit()
    db.close()
    store = HistoryStore(path)
    try:
        assert store.recovered_from is None
        assert store.conversation(kept.id).title == "Before" and not store.conversation(kept.id).cpu_only
        store.update_conversation(replace(store.conversation(kept.id), cpu_only=True))
        assert store.conversation(kept.id).cpu_only
    finally:
        store.close()
