"""Rendering: model output is text (no HTML, nothing fetched), links open only on click, lazy long chats."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QScrollArea

from runyard_desktop.core.chat.conversation import Message
from runyard_desktop.core.chat.markdown_stream import MarkdownStream
from runyard_desktop.ui.chat.message_view import PAGE, MessageView
from runyard_desktop.ui.chat.rich_text import MessageBody, SafeTextBrowser

HOSTILE = (
    "Hi <b>bold?</b> <script>alert(1)</script> <img src='http://evil.example/a.png'>\n\n"
    "![tracker](http://evil.example/pixel.png) and [docs](https://doc.qt.io) "
    "and [bad](javascript:alert(1)) and [file](file:///etc/passwd)\n"
)


def test_raw_html_is_shown_as_text_and_nothing_is_loaded(qtbot, monkeypatch) -> None:
    loads: list[str] = []
    original = SafeTextBrowser.loadResource

    def spy(self, kind, url):
        loads.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(SafeTextBrowser, "loadResource", spy)
    body = MessageBody()
    holder = QScrollArea()  # a fixed-size parent: the offscreen platform warns when a top level resizes itself
    holder.setWidgetResizable(True)
    holder.setWidget(body)
    qtbot.addWidget(holder)
    holder.resize(500, 300)
    holder.show()
    body.set_markdown(HOSTILE)
    holder.grab()  # lay out and paint now, synchronously: that is when a document fetches its images
    text = body.plain_text()
    assert "<script>alert(1)</script>" in text and "<b>bold?</b>" in text
    assert "[image: tracker — http://evil.example/pixel.png not loaded]" in text  # text, not a fetched picture
    html = body.toHtml()
    assert "<script" not in html.replace("&lt;script", "") and 'src="http' not in html
    assert all(not u.startswith("http") for u in loads)  # even a stray request is refused


def test_links_open_in_the_browser_only_when_clicked_and_only_web_links(open_chat, monkeypatch) -> None:
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    _window, pane = open_chat()
    assert opened == []
    pane.view.link_clicked.emit(QUrl("https://doc.qt.io"))
    pane.view.link_clicked.emit(QUrl("javascript:alert(1)"))
    pane.view.link_clicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://doc.qt.io"]


def test_streamed_rendering_matches_the_one_shot_rendering(qtbot) -> None:
    text = "# T\n\nPara **b** one.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```\nEnd *it*.\n"
    streamed, whole = MessageBody(), MessageBody()
    qtbot.addWidget(streamed)
    qtbot.addWidget(whole)
    stream = MarkdownStream()
    for i in range(0, len(text), 3):
        streamed.apply(stream.feed(text[i : i + 3]))
    streamed.apply(stream.finish(), final=True)
    whole.set_markdown(text)

    def lines(t: str) -> list[str]:  # fragment insertion may add an empty block before a table
        return [line for line in t.splitlines() if line.strip()]

    assert lines(streamed.plain_text()) == lines(whole.plain_text())
    assert "#" not in streamed.plain_text() and "**" not in streamed.plain_text()


def test_a_long_conversation_gets_widgets_only_for_its_last_page(qtbot) -> None:
    view = MessageView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    messages = [Message(i, 1, "user" if i % 2 else "assistant", f"message {i}") for i in range(1, 1001)]
    view.set_messages(messages)
    first = view.shown_count()
    assert view.message_count() == 1000 and 1 <= first <= PAGE  # about one screenful
    assert view.texts()[-1].strip() == "message 1000"
    assert view.show_earlier() == PAGE and view.shown_count() == first + PAGE
    assert view.texts()[0].strip() == f"message {1000 - first - PAGE + 1}"


def test_stored_thinking_is_collapsed_and_built_only_when_opened(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    from runyard_desktop.core.chat.conversation import ReplyMetrics
    from runyard_desktop.ui.chat.chat_style import ChatColors
    from runyard_desktop.ui.chat.message_widgets import MessageWidget

    message = Message(
        1,
        1,
        "assistant",
        "Answer.",
        thinking="Because reasons. " * 20,
        metrics=ReplyMetrics(eval_count=50, eval_duration_s=1.0, thinking_s=4.2),
    )
    widget = MessageWidget(message, ChatColors.from_palette(QGuiApplication.palette()))
    qtbot.addWidget(widget)
    block = widget.thinking
    assert block is not None
    assert block.collapsed and block.text is None
    assert block.label_text().startswith("Thought · ") and block.label_text().endswith("· 4 s")
    block.toggle.click()
    assert not block.collapsed and block.text is not None
    assert block.thinking_text() == message.thinking


def test_one_streamed_update_is_one_edit_of_the_document(qtbot) -> None:
    """A chunk carrying many code blocks is laid out once, not after each of its insertions (400 blocks in one
    chunk, under the rendering budget, held the window ≈0.4 s: one relayout per insertion)."""
    from runyard_desktop.core.chat.conversation import STATUS_STREAMING

    view = MessageView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.set_messages([Message(id=1, conversation_id=1, role="user", content="go")])
    view.add_message(Message(id=2, conversation_id=1, role="assistant", status=STATUS_STREAMING))
    widget = view.last_widget()
    assert widget is not None
    edits: list[tuple[int, int, int]] = []
    widget.body.document().contentsChange.connect(lambda *change: edits.append(change))
    view.queue_text(2, "".join(f"Step {i}:\n```\nx = {i}\n```\n" for i in range(50)), thinking=False)
    view.apply_queued()
    assert len(edits) == 1
    assert len(widget.code_blocks()) == 50 and widget.code_blocks()[49] == ("", "x = 49")


def test_a_reply_with_its_figures_and_a_long_attachment_name_fit_a_narrow_column(qtbot) -> None:
    """The figures under a reply ("41.1 tok/s · 230 tokens · first token 0.42 s · qwen3.5:9b") beside its
    buttons held the reply at about 450 px, and a document's name held its bubble as wide as the name: with
    the Summarize panel open the column was narrower and the message list (no sideways scroll bar) cut every
    message off at its right edge. The figures wrap and the name is elided now."""
    from runyard_desktop.core.chat.conversation import KIND_TEXT, Attachment, ReplyMetrics

    view = MessageView()
    qtbot.addWidget(view)
    view.resize(300, 500)
    view.show()
    document = Attachment(KIND_TEXT, "quarterly-review-" * 8 + ".md", "Figures.", tokens=96)
    user = Message(1, 1, "user", "Summarize the attached document.", attachments=(document,))
    reply = Message(
        2,
        1,
        "assistant",
        "Q3 in one line: revenue grew 12 % with a healthy gross margin.",
        model="qwen3.5:35b-a3b-q8_0",
        metrics=ReplyMetrics(
            model="qwen3.5:35b-a3b-q8_0", eval_count=230, eval_duration_s=5.6, ttft_s=0.42, prompt_eval_count=3120
        ),
    )
    view.set_messages([user, reply])
    content = view.widget()
    assert content is not None

    def fits() -> bool:
        width = view.viewport().width()
        return content.minimumSizeHint().width() <= width and content.width() <= width

    qtbot.waitUntil(fits, timeout=2000)
