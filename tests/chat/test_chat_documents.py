"""Documents and images in the chat: summary, vision-only images, clear refusals, context offer."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from runyard_desktop.core.chat.conversation import KIND_IMAGE, KIND_TEXT
from tests.chat.conftest import attach, send

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_summarize_document(open_chat, chat_fake, qtbot, tmp_path: Path) -> None:
    doc = tmp_path / "q3-report.md"
    doc.write_text(
        "# Q3\nRevenue rose 12 % to 4.2 M EUR on 2026-09-30. Decision: hire two engineers.\n", encoding="utf-8"
    )
    chat_fake.script_reply(
        "qwen3.5:4b", content=["- Revenue +12 % to 4.2 M EUR (2026-09-30)\n", "- Hire two engineers"]
    )
    _window, pane = open_chat()
    attach(qtbot, pane, doc)
    summarize = pane.findChild(QPushButton, "summarizeButton")
    assert summarize.isVisibleTo(pane)
    chips = pane.composer.findChildren(QWidget, "attachmentChip")
    assert len(chips) == 1 and "q3-report.md" in chips[0].findChild(QLabel).text()
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000) as blocker:
        summarize.click()
    assert "4.2 M EUR" in blocker.args[0].content
    sent = chat_fake.bodies("/api/chat")[-1]["messages"][-1]["content"]
    assert "Revenue rose 12 %" in sent and "Summarize" in sent and '"q3-report.md"' in sent
    user = pane.controller.store.messages(pane.controller.current.id)[0]
    assert user.attachments[0].kind == KIND_TEXT and user.attachments[0].name == "q3-report.md"
    assert not pane.composer.attachments() and not summarize.isVisibleTo(pane)


def test_image_goes_to_a_vision_model(open_chat, chat_fake, qtbot, tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(PNG)
    _window, pane = open_chat()
    attach(qtbot, pane, image)
    assert [a.kind for a in pane.composer.attachments()] == [KIND_IMAGE]
    send(qtbot, pane, "What is in this picture?")
    sent = chat_fake.bodies("/api/chat")[-1]["messages"][-1]
    assert sent["images"] == [base64.b64encode(PNG).decode()]


def test_image_is_refused_for_a_model_without_vision(open_chat, chat_fake, qtbot, tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(PNG)
    _window, pane = open_chat()
    pane.open_with_model("textonly:1b")
    pane.model_info_needed.emit("textonly:1b")
    qtbot.waitUntil(lambda: pane.controller._model_info("textonly:1b") is not None, timeout=5_000)
    before = len(chat_fake.bodies("/api/chat"))
    attach(qtbot, pane, image)
    assert pane.composer.attachments() == []
    assert pane.composer.notice.isVisibleTo(pane) and "cannot see images" in pane.composer.notice.text()
    assert len(chat_fake.bodies("/api/chat")) == before  # refusing the image sends nothing
    send(qtbot, pane, "What is in this picture?")
    sent = chat_fake.bodies("/api/chat")[-1]
    assert sent["model"] == "textonly:1b" and "images" not in sent["messages"][-1]


def test_binary_and_non_utf8_files_get_clear_messages(open_chat, qtbot, tmp_path: Path) -> None:
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    latin = tmp_path / "notes.txt"
    latin.write_bytes("Café crème".encode("cp1252"))
    _window, pane = open_chat()
    attach(qtbot, pane, binary)
    assert "binary" in pane.composer.notice.text() and not pane.composer.attachments()
    attach(qtbot, pane, latin)
    assert "not UTF-8" in pane.composer.notice.text()
    assert pane.composer.attachments()[0].text == "Café crème"


def test_large_document_offers_a_larger_context(open_chat, qtbot, tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    doc.write_text("lorem ipsum dolor sit amet " * 1500, encoding="utf-8")  # ≈ 10k tokens
    window, pane = open_chat()
    _use_a_24gb_gpu(qtbot, window)
    pane.controller.update_current(num_ctx=4096)
    attach(qtbot, pane, doc)
    assert pane.composer.context_label.property("level") == "over"
    offer = pane.composer.offer
    assert offer.isVisibleTo(pane)
    used = pane.controller.context_usage("", pane.composer.attachments()).used
    assert offer.text() == f"The attachments need ≈ {used:,} tokens but the context is 4,096."
    button = pane.composer.offer_button
    assert button.isVisibleTo(pane) and button.text() == "Raise context to 16,384"
    button.click()
    assert pane.controller.current.num_ctx == 16384
    assert pane.composer.context_label.property("level") in ("ok", "warn")


def _use_a_24gb_gpu(qtbot, window) -> None:
    """Give the chat a fixed machine so the offer does not depend on this one: once start-up detection
    is over (it would overwrite the profile), the fit advisor reads this profile when asked."""
    from runyard_desktop.core.hardware.presets import MACHINES

    hardware = window.services.core.hardware
    qtbot.waitUntil(
        lambda: window.startup.is_finished and hardware.profile is not None and not hardware.is_detecting,
        timeout=30_000,
    )
    hardware.profile = MACHINES["RTX 4090 24 GB + 64 GB RAM"]


def test_drag_and_drop_attaches_files(open_chat, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    doc = tmp_path / "notes.csv"
    doc.write_text("a,b\n1,2\n", encoding="utf-8")
    _window, pane = open_chat()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    enter = QDragEnterEvent(
        pane.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    pane.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pane.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    pane.dropEvent(drop)
    qtbot.waitUntil(lambda: not pane.composer.is_reading(), timeout=5_000)
    assert [a.name for a in pane.composer.attachments()] == ["notes.csv"]
    assert pane.composer.attachments()[0].tokens > 0
