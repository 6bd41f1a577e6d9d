"""The chat pane end to end against the stand-in Ollama: send, stream, thinking, stop, regenerate, edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

from runyard_desktop.core.chat.conversation import STATUS_COMPLETE, STATUS_STOPPED
from tests.chat.conftest import send

REPLY = [
    "# Plan\n\n",
    "Here is **the** answer",
    " in parts.\n\n",
    "| Item | Cost |\n|---|---|\n| A | 3 |\n\n",
    "```python\n",
    "print('hi')\n",
    "```\n\n",
    "- one\n- two\n",
]


def test_contract_widgets_exist(open_chat) -> None:
    window, _pane = open_chat()
    for name in ("chatPane", "chatInput", "sendButton", "stopButton", "messageList", "conversationList"):
        assert window.findChild(QWidget, name) is not None, name


def test_send_streams_thinking_then_collapses_and_stores(open_chat, chat_fake, qtbot) -> None:
    chat_fake.token_delay_s = 0.02
    thinking = ["Let me ", "think ", "about it."] + [f" step {i}." for i in range(30)]
    chat_fake.script_reply("qwen3.5:4b", content=REPLY, thinking=thinking)
    _window, pane = open_chat()
    pane.composer.input.setPlainText("Plan my day")
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000) as blocker:
        pane.composer.send_button.click()

        def thinking_open() -> bool:
            block = pane.view.last_widget().thinking
            return block is not None and not block.collapsed and block.label_text().startswith("Thinking · ")

        qtbot.waitUntil(thinking_open, timeout=5_000)
        assert pane.view.last_widget().text() == ""  # no answer yet
    reply = blocker.args[0]
    widget = pane.view.last_widget()
    assert widget.thinking.collapsed and widget.thinking.label_text().startswith("Thought · ")
    assert reply.status == STATUS_COMPLETE and reply.content == "".join(REPLY)
    assert reply.thinking == "".join(thinking) and reply.metrics.eval_count > 0
    text = widget.text()
    assert "Plan" in text and "Item" in text and "print('hi')" in text and "# Plan" not in text
    assert widget.code_blocks() == [("python", "print('hi')")]
    assert "python    Copy" in text
    widget.body.anchorClicked.emit(QUrl("copy:0"))  # the Copy link of the first code block
    assert QGuiApplication.clipboard().text() == "print('hi')"
    metrics = widget.findChild(QWidget, "messageMetrics").text()
    assert "tok/s" in metrics and "tokens" in metrics and "first token" in metrics and "qwen3.5:4b" in metrics
    stored = pane.controller.store.messages(pane.controller.current.id)
    assert [m.role for m in stored] == ["user", "assistant"] and stored[0].content == "Plan my day"
    body = chat_fake.bodies("/api/chat")[-1]
    assert body["messages"][-1] == {"role": "user", "content": "Plan my day"}
    assert "ctx" in pane.composer.context_label.toolTip() or "of" in pane.composer.context_label.text()


def test_earlier_thinking_is_not_sent_back(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Four."], thinking=["SECRET-REASONING"])
    _window, pane = open_chat()
    send(qtbot, pane, "2+2?")
    send(qtbot, pane, "And 3+3?")
    body = chat_fake.bodies("/api/chat")[-1]
    assert [m["role"] for m in body["messages"]] == ["user", "assistant", "user"]
    assert "SECRET-REASONING" not in str(body)


def test_stop_mid_stream_closes_the_socket_and_keeps_the_partial_reply(open_chat, chat_fake, qtbot) -> None:
    chat_fake.token_delay_s = 0.02
    chat_fake.script_reply("qwen3.5:4b", content=[f"word{i} " for i in range(400)])
    _window, pane = open_chat()
    pane.composer.input.setPlainText("Talk a lot")
    pane.composer.send_button.click()
    qtbot.waitUntil(lambda: "word5" in pane.view.last_widget().text(), timeout=10_000)
    assert pane.composer.stop_button.isEnabled()
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=5_000) as blocker:
        qtbot.keyClick(pane.composer.input, Qt.Key.Key_Escape)
    chat_fake.wait_disconnect("chat", timeout=2.0)
    reply = blocker.args[0]
    assert reply.status == STATUS_STOPPED and reply.content.startswith("word0 word1")
    assert "word399" not in reply.content
    stored = pane.controller.store.message(reply.id)
    assert stored.status == STATUS_STOPPED and stored.content == reply.content
    status = pane.view.last_widget().findChild(QWidget, "messageStatus")
    assert status.isVisible() and "Stopped" in status.text()
    assert not pane.composer.stop_button.isEnabled()


def test_regenerate_replaces_the_last_reply(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["First answer."])
    _window, pane = open_chat()
    send(qtbot, pane, "Question")
    chat_fake.script_reply("qwen3.5:4b", content=["Second answer."])
    button = pane.view.last_widget().findChild(QToolButton, "regenerateButton")
    assert button.isVisibleTo(pane)
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000):
        button.click()
    stored = pane.controller.store.messages(pane.controller.current.id)
    assert [(m.role, m.content) for m in stored] == [("user", "Question"), ("assistant", "Second answer.")]
    assert pane.view.texts()[-1].strip() == "Second answer."
    assert pane.view.message_count() == 2


def test_edit_last_user_message_and_resend(open_chat, chat_fake, qtbot) -> None:
    _window, pane = open_chat()
    send(qtbot, pane, "Waht is Qt?")
    user_widget = pane.view.widgets()[0]
    edit = user_widget.findChild(QToolButton, "editMessageButton")
    assert edit.isVisibleTo(pane)
    edit.click()
    assert pane.composer.input.toPlainText() == "Waht is Qt?"
    assert pane.composer.edit_banner.isVisibleTo(pane)
    reply = send(qtbot, pane, "What is Qt?")
    stored = pane.controller.store.messages(pane.controller.current.id)
    assert next((m.role, m.content) for m in stored) == ("user", "What is Qt?")
    assert len(stored) == 2 and stored[1].id == reply.id
    assert "You said: What is Qt?" in reply.content
    assert not pane.composer.edit_banner.isVisibleTo(pane)


def test_enter_sends_and_shift_enter_adds_a_line(open_chat, qtbot) -> None:
    _window, pane = open_chat()
    box = pane.composer.input
    qtbot.keyClicks(box, "line one")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "line two")
    assert box.toPlainText() == "line one\nline two"
    with qtbot.waitSignal(pane.controller.reply_ended, timeout=10_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.toPlainText() == ""
    assert pane.controller.messages[0].content == "line one\nline two"


def test_thinking_toggle_only_for_thinking_models_and_is_sent(open_chat, chat_fake, qtbot) -> None:
    _window, pane = open_chat()
    pane.open_with_model("qwen3.5:4b")
    qtbot.waitUntil(lambda: pane.think_toggle.isVisibleTo(pane), timeout=5_000)
    pane.think_toggle.setChecked(False)
    send(qtbot, pane, "quick one")
    assert chat_fake.bodies("/api/chat")[-1].get("think") is False
    pane.open_with_model("textonly:1b")
    pane.model_info_needed.emit("textonly:1b")
    qtbot.waitUntil(lambda: pane.controller._model_info("textonly:1b") is not None, timeout=5_000)
    assert not pane.think_toggle.isVisibleTo(pane)


def test_open_with_model_reuses_an_empty_conversation_and_focuses_input(open_chat, qtbot) -> None:
    _window, pane = open_chat()
    pane.open_with_model("textonly:1b")
    first = pane.controller.current
    assert first.model == "textonly:1b"
    pane.open_with_model("qwen3.5:4b")
    assert pane.controller.current.id == first.id and pane.controller.current.model == "qwen3.5:4b"
    send(qtbot, pane, "hi")
    pane.open_with_model("textonly:1b")
    assert pane.controller.current.id != first.id and pane.controller.current.model == "textonly:1b"
    assert pane.model_picker.currentData() == "textonly:1b"
    assert pane.findChild(QPushButton, "sendButton") is not None


def test_a_failed_reply_is_kept_and_marked_with_a_plain_message(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Partial ", "answer ", "then ", "boom"])
    chat_fake.fail("chat", "mid_stream")
    _window, pane = open_chat()
    reply = send(qtbot, pane, "Try this")
    assert reply.status == "failed" and reply.error
    stored = pane.controller.store.message(reply.id)
    assert stored.status == "failed" and stored.content == reply.content
    status = pane.view.last_widget().findChild(QWidget, "messageStatus")
    assert status.isVisibleTo(pane) and status.text().startswith("Failed: ")
    assert not pane.composer.stop_button.isEnabled()
    # The next message still works, and the empty/partial failure does not confuse the transcript.
    chat_fake.script_reply("qwen3.5:4b", content=["Fine now."])
    assert send(qtbot, pane, "Again").content == "Fine now."


def test_picker_and_parameters_driven_by_their_widgets_reach_the_request(open_chat, chat_fake, qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPlainTextEdit

    _window, pane = open_chat()
    picker = pane.findChild(QComboBox, "modelPicker")
    picker.setCurrentIndex(picker.findData("textonly:1b"))
    assert pane.controller.current.model == "textonly:1b"
    picker.setCurrentIndex(picker.findData("qwen3.5:4b"))
    pane.findChild(QPlainTextEdit, "systemPromptEdit").setPlainText("Answer in French.")
    pane.findChild(QDoubleSpinBox, "temperatureSpin").setValue(0.2)
    context = pane.findChild(QComboBox, "contextLengthCombo")
    context.setCurrentIndex(context.findData(16384))
    send(qtbot, pane, "Hello")
    body = chat_fake.bodies("/api/chat")[-1]
    assert body["model"] == "qwen3.5:4b"
    assert body["messages"][0] == {"role": "system", "content": "Answer in French."}
    assert body["options"]["temperature"] == 0.2 and body["options"]["num_ctx"] == 16384
    stored = pane.controller.store.conversation(pane.controller.current.id)
    assert (stored.system_prompt, stored.temperature, stored.num_ctx) == ("Answer in French.", 0.2, 16384)
    assert pane.composer.context_label.text().endswith("of 16,384 tokens")
