"""History is never lost: reopen the app, kill it mid-reply, start over from a damaged database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from runyard_desktop.app import create_main_window
from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.chat.conversation import STATUS_COMPLETE, STATUS_STOPPED
from runyard_desktop.core.chat.history import HistoryStore
from runyard_desktop.ui.chat.chat_pane import ChatPane
from tests.chat.conftest import send

WORDS = [f"w{i:05d} " for i in range(3000)]


def test_reopen_finds_every_conversation_intact(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Answer ", "one."], thinking=["hmm"])
    window, pane = open_chat()
    send(qtbot, pane, "First question")
    pane.controller.update_current(system_prompt="Be brief.", temperature=0.2, num_ctx=8192)
    pane.controller.new_conversation(model="textonly:1b")
    send(qtbot, pane, "Second question")
    pane.controller.rename(pane.controller.current.id, "Renamed chat")
    before = {c.id: (c, pane.controller.store.messages(c.id)) for c in pane.controller.conversations()}
    window.close()

    window2 = create_main_window(host=chat_fake.url)
    qtbot.addWidget(window2)
    window2.show()
    pane2 = window2.findChild(ChatPane, "chatPane")
    try:
        assert pane2 is not None
        after = {c.id: (c, pane2.controller.store.messages(c.id)) for c in pane2.controller.conversations()}
        assert after == before
        assert pane2.sidebar.list.model().rowCount() == 2
        titles = {c.title for c, _ in after.values()}
        assert titles == {"First question", "Renamed chat"}
        first = next(c for c, _ in after.values() if c.title == "First question")
        assert (first.system_prompt, first.temperature, first.num_ctx) == ("Be brief.", 0.2, 8192)
        pane2.controller.open(first.id)
        texts = pane2.view.texts()
        assert texts[0].strip() == "First question" and texts[1].strip() == "Answer one."
        assert all(m.status == STATUS_COMPLETE for _, ms in after.values() for m in ms)
    finally:
        window2.close()


def test_killed_process_keeps_the_reply_up_to_the_last_flush(chat_fake, runyard_home: str) -> None:
    chat_fake.token_delay_s = 0.002
    chat_fake.script_reply("qwen3.5:4b", content=WORDS)
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("kill_child.py")), chat_fake.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ},
    )
    flushed: list[int] = []
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len([n for n in flushed if n > 0]) < 3:
            line = child.stdout.readline()
            if not line:
                break
            if line.startswith("FLUSHED"):
                flushed.append(int(line.split()[1]))
        assert len(flushed) >= 3, f"the child never flushed three times: {flushed}"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    full = "".join(WORDS)
    store = HistoryStore(app_paths().history_db)
    try:
        (conversation,) = store.conversations()
        user, reply = store.messages(conversation.id)
        assert user.content == "Write a long story"
        assert len(reply.content) >= flushed[-1] > 0
        assert full.startswith(reply.content) and len(reply.content) < len(full)
        assert reply.status == STATUS_STOPPED and "Interrupted" in reply.error
    finally:
        store.close()


def test_damaged_database_is_moved_aside_with_a_notice(chat_fake, qtbot) -> None:
    db = app_paths().ensure().history_db
    db.write_bytes(b"garbage, not SQLite " * 64)
    window = create_main_window(host=chat_fake.url)
    qtbot.addWidget(window)
    window.show()
    try:
        pane = window.findChild(ChatPane, "chatPane")
        assert pane is not None
        notice = pane.composer.notice
        assert notice.isVisibleTo(pane) and "moved aside" in notice.text()
        aside = pane.controller.store.recovered_from
        assert aside is not None and aside.read_bytes().startswith(b"garbage, not SQLite")
        assert str(aside) in notice.text()
        assert pane.controller.conversations() == []
    finally:
        window.close()
