"""A full disk while a reply streams: the reply stays in the window and in memory, the user is told,
and it is saved on a later flush once space returns. No reply is lost silently."""

from __future__ import annotations

from runyard_desktop.core.chat.conversation import STATUS_COMPLETE
from runyard_desktop.tasks.reply_streaming import DISK_FULL_NOTE, SAVED_NOTE
from tests.chat.conftest import send
from tests.chat.test_history_hostile import FullDisk


def test_full_disk_keeps_the_reply_says_so_and_saves_it_later(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Kept ", "in ", "memory."])
    _window, pane = open_chat()
    controller = pane.controller
    store = controller.store
    disk = FullDisk(store)
    controller.store = disk
    notices: list[str] = []
    controller.notice.connect(notices.append)
    disk.full = True

    final = send(qtbot, pane, "Say something")
    assert (final.content, final.status) == ("Kept in memory.", STATUS_COMPLETE)
    assert DISK_FULL_NOTE in notices
    assert store.message(final.id).content != "Kept in memory."  # not on disk yet
    assert pane.view.texts()[-1].strip() == "Kept in memory."

    disk.full = False  # space returns: the flush timer saves it
    qtbot.waitUntil(lambda: SAVED_NOTE in notices, timeout=5_000)
    saved = store.message(final.id)
    assert (saved.content, saved.status) == ("Kept in memory.", STATUS_COMPLETE)
    assert notices.count(DISK_FULL_NOTE) == 1  # said once, not on every retry
