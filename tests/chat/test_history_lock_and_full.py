"""The history database never blocks the window or loses text: a lock held by another program is
waited for off the GUI thread and then said plainly on the Chat page (with Try again); a full disk
while sending keeps the text in the composer; closing with an unsaved reply writes it to a text file
and offers to copy it."""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.chat.history import HistoryError, HistoryStore, open_history
from runyard_desktop.tasks.conversation_controller import SEND_DISK_FULL_NOTE
from runyard_desktop.ui.chat.chat_pane import ChatPane
from tests.chat.conftest import send
from tests.chat.test_history_hostile import FullDisk

HOLDER_TEXT = "another copy of Runyard, or a tool that has the file open"


@pytest.fixture
def locked_history() -> Iterator[sqlite3.Connection]:
    """The app's history database with its write lock held by "another program"."""
    path = app_paths().ensure().history_db
    HistoryStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_open_history_waits_for_a_lock_to_go(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:  # the other program lets go while we wait
        sleeps.append(seconds)
        holder.execute("ROLLBACK")

    store = open_history(path, retry_s=10.0, sleep=sleep)
    store.close()
    holder.close()
    assert len(sleeps) == 1


def test_open_history_gives_up_with_the_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += 1.0

    try:
        with pytest.raises(HistoryError) as caught:
            open_history(path, retry_s=3.0, clock=lambda: now[0], sleep=sleep)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.locked and HOLDER_TEXT in str(caught.value)
    assert now[0] == 3.0  # tried until the deadline, not once


def _app_window(qtbot, host: str) -> Any:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=host, defer_pages=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.startup.is_finished, timeout=10_000)
    return window


def test_a_locked_history_shows_a_plain_page_with_try_again(qtbot, chat_fake, locked_history) -> None:
    window = _app_window(qtbot, chat_fake.url)
    window.history_retry_s = 0.5
    window.show_page("chat")  # raised HistoryError into the "unexpected error" dialog before
    page = window.built_page("chat")
    assert page is not None and page.objectName() == "historyUnavailable"
    retry = page.findChild(QPushButton, "historyRetry")
    problem = page.findChild(QLabel, "historyProblem")
    assert not retry.isEnabled()  # still trying, off the GUI thread: the window answers meanwhile
    qtbot.waitUntil(retry.isEnabled, timeout=5_000)
    assert HOLDER_TEXT in problem.text() and "try again" in problem.text().lower()
    assert window.services.chat_page is None and window.findChild(ChatPane, "chatPane") is None

    locked_history.execute("ROLLBACK")  # the other program lets go
    retry.click()
    qtbot.waitUntil(lambda: isinstance(window.built_page("chat"), ChatPane), timeout=5_000)
    pane = window.built_page("chat")
    assert pane is window.page("chat") and window.current_page() == "chat" and pane.isVisible()
    assert window.services.chat_page is not None and window.services.chat_page.conversations is pane.controller
    window.close()


def test_models_open_chat_while_locked_opens_that_model_once_it_is_free(qtbot, chat_fake, locked_history) -> None:
    window = _app_window(qtbot, chat_fake.url)
    qtbot.waitUntil(lambda: window.services.pages.ollama.installed_models != (), timeout=10_000)
    window.history_retry_s = 5.0
    window.downloads.open_chat("textonly:1b")
    assert window.built_page("chat").objectName() == "historyUnavailable"
    locked_history.execute("ROLLBACK")  # freed while the off-thread open is under way: no click needed
    qtbot.waitUntil(lambda: isinstance(window.built_page("chat"), ChatPane), timeout=8_000)
    pane = window.built_page("chat")
    qtbot.waitUntil(lambda: pane.model_picker.currentData() == "textonly:1b", timeout=5_000)
    window.close()


class FullEverywhere(FullDisk):
    """Every write of a turn fails with "database or disk is full" while `full` is True."""

    WRITES: tuple[str, ...] = (
        "add_message",
        "begin_reply",
        "create_conversation",
        "update_conversation",
        "delete_messages",
    )


@pytest.mark.parametrize("failing", ["add_message", "begin_reply", "create_conversation"])
def test_send_on_a_full_disk_keeps_the_text_and_saves_nothing(open_chat, chat_fake, qtbot, failing: str) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Saved ", "at last."])
    _window, pane = open_chat()
    controller = pane.controller
    store = controller.store
    if failing == "create_conversation":
        controller.current, controller.default_model = None, "qwen3.5:4b"  # none open: Send creates one
    before = {c.id: store.message_count(c.id) for c in store.conversations()}
    disk = FullEverywhere(store)
    disk.WRITES = (failing,)  # this test fails one write at a time
    controller.store = disk
    disk.full = True
    pane.composer.input.setPlainText("Please keep this")
    pane.composer.send_button.click()
    assert pane.composer.input.toPlainText() == "Please keep this"
    notice = pane.findChild(QWidget, "composerNotice")
    assert notice.isVisible() and notice.text() == SEND_DISK_FULL_NOTE
    assert {c.id: store.message_count(c.id) for c in store.conversations()} == before  # nothing half-saved
    assert not controller.is_busy and "Please keep this" not in "".join(pane.view.texts())

    disk.full = False  # space again: the same Send works, and stores the message once
    with qtbot.waitSignal(controller.reply_ended, timeout=10_000) as ended:
        pane.composer.send_button.click()
    assert ended.args[0].content == "Saved at last."
    users = [m.content for m in store.messages(controller.current.id) if m.role == "user"]
    assert users.count("Please keep this") == 1 and pane.composer.input.toPlainText() == ""


def test_new_conversation_on_a_full_disk_is_a_notice(open_chat, qtbot) -> None:
    _window, pane = open_chat()
    disk = FullEverywhere(pane.controller.store)
    pane.controller.store = disk
    disk.full = True
    pane.sidebar.new_button.click()  # raised into the error dialog before
    notice = pane.findChild(QWidget, "composerNotice")
    assert notice.isVisible() and "disk is full" in notice.text()


def test_closing_with_an_unsaved_reply_writes_it_aside_and_offers_to_copy(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Only ", "in memory."])
    window, pane = open_chat()
    disk = FullDisk(pane.controller.store)
    pane.controller.store = disk
    disk.full = True
    final = send(qtbot, pane, "Say something")
    assert final.content == "Only in memory."
    offers: list[tuple[str, Path | None]] = []
    window.offer_unsaved_reply = lambda _parent, text, saved_to: offers.append((text, saved_to))
    window.close()
    assert not any(timer.isActive() for timer in pane.controller.findChildren(QTimer))  # its retries end too
    assert len(offers) == 1
    text, saved_to = offers[0]
    assert text == "Only in memory." and saved_to is not None
    assert saved_to.parent == app_paths().history_db.parent and saved_to.read_text(encoding="utf-8") == text
    if sys.platform != "win32":
        assert stat.S_IMODE(saved_to.stat().st_mode) == 0o600
