"""The whole window with hostile outside text everywhere at once: a model named with an `<img>`,
its reply's error, the conversation title. Every page is built and every label painted; no label
reads the file the image names (`fifo_probe`), and each label showing the `<img` is plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from runyard_desktop.core.chat.conversation import STATUS_FAILED
from runyard_desktop.ui.chat.chat_pane import ChatPane
from tests.chat.conftest import VISION, send


def test_every_page_shows_hostile_names_titles_and_errors_plain(qtbot, chat_fake, fifo_probe, monkeypatch) -> None:
    from runyard_desktop.app import create_main_window

    monkeypatch.chdir(fifo_probe.path.parent)  # the short (relative) form fits a title
    evil = f"evil{fifo_probe.img}:latest"
    chat_fake.add_installed(evil, capabilities=VISION, context_length=8192)
    chat_fake.fail("chat", "status", status=500, body={"error": f"{fifo_probe.img} no"})
    window = create_main_window(host=chat_fake.url)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page("chat")
        chat = window.findChild(ChatPane, "chatPane")
        assert chat is not None
        qtbot.waitUntil(lambda: chat.model_picker.count() >= 3, timeout=10_000)
        chat.open_with_model(evil)
        assert send(qtbot, chat, f"{fifo_probe.short_img} hi").status == STATUS_FAILED
        for key in ("models", "installed", "hardware", "chat"):
            window.show_page(key)
            window.page(key)
            QApplication.processEvents()
        labels = window.findChildren(QLabel)
        for label in labels:
            label.grab()  # lays out and paints: rich text would load its images here
        QApplication.processEvents()
        assert fifo_probe.opens() == 0, "a label read the file named in an <img>"
        hostile = [label for label in labels if "<img" in label.text()]
        assert len(hostile) >= 2  # at least the title and the reply's status
        rich = [
            label.objectName() or label.text()[:40]
            for label in hostile
            if label.textFormat() != Qt.TextFormat.PlainText
        ]
        assert rich == []
    finally:
        window.close()
