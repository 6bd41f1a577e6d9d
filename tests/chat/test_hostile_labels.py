"""Outside text in the chat's labels is plain: an `<img src=…>` in a server error, a conversation
title or an attachment's file name is shown as characters and never read from disk.

Each test points the image at a FIFO (`fifo_probe`): rich text would open it (and, without the
probe's writer, hang the window for good); the probe counts every open instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from runyard_desktop.core.chat.conversation import STATUS_FAILED
from tests.chat.conftest import attach, send
from tests.support.fifo_probe import FifoProbe


def shown_with_img(root: QWidget, probe: FifoProbe) -> list[QLabel]:
    """Render every label under `root`; return those whose text holds an `<img`, after checking that
    nothing opened the FIFO and that each of them is plain text."""
    for label in root.findChildren(QLabel):
        label.grab()  # lays out and paints: rich text would load its images here
    QApplication.processEvents()
    assert probe.opens() == 0, "a label read the file named in an <img>"
    hits = [label for label in root.findChildren(QLabel) if "<img" in label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in hits)
    return hits


def test_server_error_with_an_image_shows_plain_in_the_reply_status(open_chat, chat_fake, qtbot, fifo_probe) -> None:
    chat_fake.fail("chat", "status", status=500, body={"error": f"{fifo_probe.img} boom"})
    _window, pane = open_chat()
    reply = send(qtbot, pane, "Hello")
    assert reply.status == STATUS_FAILED
    status = pane.view.last_widget().findChild(QLabel, "messageStatus")
    assert status.isVisibleTo(pane) and fifo_probe.img in status.text()
    assert status in shown_with_img(pane, fifo_probe)


def test_first_message_with_an_image_becomes_a_plain_title(
    open_chat, chat_fake, qtbot, fifo_probe, monkeypatch
) -> None:
    monkeypatch.chdir(fifo_probe.path.parent)  # a title is short: the image names the FIFO relatively
    window, pane = open_chat()
    send(qtbot, pane, f"{fifo_probe.short_img} what is this?")
    title = pane.findChild(QLabel, "conversationTitle")
    qtbot.waitUntil(lambda: fifo_probe.short_img in title.text(), timeout=5_000)
    assert title in shown_with_img(window, fifo_probe)
    tip = pane.sidebar.list.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip  # a tooltip has no text format: it is escaped
    pane.sidebar.offer_undo(pane.controller.current.id, pane.controller.current.display_title)
    assert pane.sidebar.undo_label in shown_with_img(window, fifo_probe)


def test_attachment_named_like_an_image_shows_plain_in_both_chips(
    open_chat, chat_fake, qtbot, fifo_probe, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / f"{fifo_probe.img}.txt"  # legal on Linux and macOS: the path has no slash
    doc.write_text("Some notes.\n", encoding="utf-8")
    window, pane = open_chat()
    attach(qtbot, pane, doc)  # the read runs off the GUI thread: wait for its chip
    chips = pane.composer.findChildren(QWidget, "attachmentChip")
    assert len(chips) == 1
    assert chips[0].findChild(QLabel) in shown_with_img(pane.composer, fifo_probe)
    send(qtbot, pane, "Read this")
    hits = [label for label in shown_with_img(window, fifo_probe) if label.objectName() == "attachmentChip"]
    assert hits, "the sent message shows the attachment's name"
