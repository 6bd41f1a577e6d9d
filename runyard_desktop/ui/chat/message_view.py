"""The transcript (`messageList`): a scroll area of message widgets, built lazily from the bottom.

Opening a long conversation creates widgets only for the last `PAGE` messages; scrolling near the
top (or "Show earlier messages") prepends the next page, keeping the view where it was. So opening a
1,000-message conversation costs about as much as opening a short one.

While a reply streams the view stays pinned to the bottom unless the user scrolled up to read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from runyard_desktop.core.chat.conversation import Message
from runyard_desktop.ui.chat.chat_style import ChatColors, tint
from runyard_desktop.ui.chat.message_widgets import MessageWidget
from runyard_desktop.ui.theme import SECTION_SCALE, scaled

LINE_PX = 20  # a rough line height for the opening estimate; real heights come from layout


def estimate_height(message: Message, width_px: int) -> int:
    """A cheap guess of a message's height, to decide how many widgets fill the screen at open."""
    per_line = max(20, width_px // 8)
    lines = 0
    for paragraph in message.content.split("\n"):
        lines += 1 + len(paragraph) // per_line
    return 70 + lines * LINE_PX


NARROW_VIEW = 480  # px: below this the list keeps 8 px beside the messages instead of 24
READING_WIDTH = 900
UPDATE_MS = 80  # streamed text reaches the transcript at most this often
PAGE = 12  # at most this many widgets are created at once
STICKY_PX = 48


class MessageView(QScrollArea):
    """All turns of the open conversation.

    Signals:
        link_clicked(QUrl): a link in any message was clicked.
        regenerate_requested(): Regenerate on the last reply.
        edit_requested(int): Edit on the last user message (its id).
    """

    link_clicked = Signal(QUrl)
    regenerate_requested = Signal()
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageList")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on: a scroll bar appearing mid-reply would narrow every message and relayout them.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.colors = ChatColors.from_palette(QGuiApplication.palette())
        self._content = QWidget()
        self._content.setObjectName("messageListContent")
        self._content.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.setSpacing(12)
        self._earlier = QPushButton("Show earlier messages")
        self._earlier.setObjectName("showEarlierButton")
        self._earlier.setFlat(True)
        self._earlier.clicked.connect(self._on_earlier_clicked)
        self._earlier.hide()
        self._layout.addWidget(self._earlier, 0, Qt.AlignmentFlag.AlignHCenter)
        self._empty = QLabel()
        self._empty.setObjectName("emptyChatHint")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty, 1)
        self._empty.setFont(scaled(self._empty.font(), SECTION_SCALE))
        self._layout.addStretch(0)
        self.setWidget(self._content)
        self._messages: list[Message] = []
        self._widgets: list[MessageWidget] = []  # the shown tail of _messages, in order
        self._first_shown = 0
        self._older_count = 0
        self._fetch_all: Callable[[], Sequence[Message]] | None = None
        self._stick = True
        self._prepend_anchor: int | None = None
        self._pending_id: int | None = None
        self._pending_thinking: list[str] = []
        self._pending_content: list[str] = []
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(UPDATE_MS)
        self._update_timer.timeout.connect(self.apply_queued)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.verticalScrollBar().actionTriggered.connect(self._on_scroll_action_triggered)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        self.set_empty_hint("")
        self.set_colors(self.colors)

    def set_colors(self, colors: ChatColors) -> None:
        """Light/dark changed: repaint the page and rebuild the shown messages with the new colours."""
        self.colors = colors
        palette = self._content.palette()
        palette.setColor(QPalette.ColorRole.Window, colors.base)
        self._content.setPalette(palette)
        tint(self._empty, colors.muted)
        if self._messages:
            self.set_messages(list(self._messages))

    # ---- content -----------------------------------------------------------------------------

    def set_empty_hint(self, text: str) -> None:
        self._empty.setText(text)
        self._empty.setVisible(not self._messages)

    def set_messages(
        self,
        messages: Sequence[Message],
        older_count: int = 0,
        fetch_all: Callable[[], Sequence[Message]] | None = None,
    ) -> None:
        """Show a conversation: only the newest messages that fill about two screens get widgets now.

        `older_count` messages before `messages` are not loaded; `fetch_all()` returns every message
        when the user scrolls back to them.
        """
        self._drop_widgets(self._widgets)
        self._messages = list(messages)
        self._older_count = older_count
        self._fetch_all = fetch_all
        # One screenful now (a window not shown yet has no real size: assume a tall one); more on scroll.
        budget = self.viewport().height() if self.isVisible() else 900
        start = len(self._messages)
        while start > 0 and len(self._messages) - start < PAGE and budget > 0:
            start -= 1
            budget -= estimate_height(self._messages[start], max(300, self.viewport().width() - 60))
        self._first_shown = start
        self._widgets = [self._make_widget(message) for message in self._messages[start:]]
        # The hint, "Show earlier" and the last message's actions are settled before anything is
        # shown, so the transcript is laid out once, in its final state.
        self._after_change()
        for widget in self._widgets:
            self._layout.insertWidget(self._layout.count() - 2, widget)
            widget.show()
        self._stick = True
        self.follow()  # lay out now and land at the bottom: the first paint shows the final state
        # A widget being shown posts itself a "repaint later"; take those now too, or a paint that
        # comes first (an expose, a synchronous repaint) is followed by a second one of the message.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)

    def clear(self) -> None:
        self._drop_widgets(self._widgets)
        self._messages.clear()
        self._older_count = 0
        self._first_shown = 0
        self._after_change()

    def add_message(self, message: Message) -> MessageWidget:
        """Append a new turn (the user's message, or a reply that is about to stream)."""
        self._messages.append(message)
        widget = self._append_widget(message)
        self._after_change()
        self._stick = True
        self.scroll_to_bottom()
        return widget

    def replace_message(self, message: Message) -> None:
        """A stored message changed (e.g. its outcome); rebuild its widget if it is shown."""
        for i, m in enumerate(self._messages):
            if m.id == message.id:
                self._messages[i] = message
                break
        for widget in self._widgets:
            if widget.message.id == message.id:
                widget.finish(message)

    def remove_messages(self, ids: Sequence[int]) -> None:
        drop = set(ids)
        self._messages = [m for m in self._messages if m.id not in drop]
        self._drop_widgets([w for w in self._widgets if w.message.id in drop])
        self._first_shown = len(self._messages) - len(self._widgets)
        self._after_change()

    def queue_text(self, message_id: int, text: str, *, thinking: bool) -> None:
        """Streamed text for the live (last) message; applied at most every UPDATE_MS, so the
        transcript relayouts and repaints ~12 times a second however fast tokens arrive."""
        if self._pending_id != message_id:
            self.apply_queued()
            self._pending_id = message_id
        (self._pending_thinking if thinking else self._pending_content).append(text)
        if not self._update_timer.isActive():
            self._update_timer.start()

    @Slot()
    def apply_queued(self) -> None:
        """Apply the queued text now (the reply ended, or the update interval passed)."""
        self._update_timer.stop()
        widget = self.last_widget()
        if widget is None or widget.message.id != self._pending_id:
            widget = None
        thinking, content = "".join(self._pending_thinking), "".join(self._pending_content)
        self._pending_thinking.clear()
        self._pending_content.clear()
        if widget is not None and (thinking or content):
            if thinking:
                widget.append_thinking(thinking)
            if content:
                widget.append_content(content)
            self.follow()

    def widgets(self) -> list[MessageWidget]:
        return list(self._widgets)

    def last_widget(self) -> MessageWidget | None:
        return self._widgets[-1] if self._widgets else None

    def message_count(self) -> int:
        return len(self._messages) + self._older_count

    def shown_count(self) -> int:
        return len(self._widgets)

    def texts(self) -> list[str]:
        """The plain text of each shown message, oldest first (for tests and accessibility)."""
        return [w.text() for w in self._widgets]

    # ---- lazy pages --------------------------------------------------------------------------

    def show_earlier(self) -> int:
        """Prepend the next page of older messages; returns how many were added."""
        if self._first_shown == 0 and self._older_count and self._fetch_all is not None:
            everything = list(self._fetch_all())
            self._first_shown = len(everything) - len(self._messages)
            self._messages, self._older_count = everything, 0
        if self._first_shown == 0:
            return 0
        start = max(0, self._first_shown - PAGE)
        bar = self.verticalScrollBar()
        self._prepend_anchor = bar.maximum() - bar.value()
        for offset, message in enumerate(self._messages[start : self._first_shown]):
            widget = self._make_widget(message)
            self._widgets.insert(offset, widget)
            self._layout.insertWidget(1 + offset, widget)
        added = self._first_shown - start
        self._first_shown = start
        self._after_change()
        return added

    # ---- internals ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A comfortable reading column: at most READING_WIDTH wide, centred; in a narrow column (a side
        # panel open) the margins give the messages their room.
        least = 24 if event.size().width() >= NARROW_VIEW else 8
        side = max(least, (event.size().width() - READING_WIDTH) // 2)
        self._layout.setContentsMargins(side, 16, side, 16)
        super().resizeEvent(event)

    def _make_widget(self, message: Message) -> MessageWidget:
        widget = MessageWidget(message, self.colors)
        widget.link_clicked.connect(self.link_clicked)
        widget.regenerate_requested.connect(self.regenerate_requested)
        widget.edit_requested.connect(self.edit_requested)
        return widget

    def _drop_widgets(self, widgets: Sequence[MessageWidget]) -> None:
        for widget in list(widgets):
            self._widgets.remove(widget)
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()

    def _append_widget(self, message: Message) -> MessageWidget:
        widget = self._make_widget(message)
        self._widgets.append(widget)
        self._layout.insertWidget(self._layout.count() - 2, widget)
        widget.show()  # now, not in a queued call, so the layout below already includes it
        return widget

    def _after_change(self) -> None:
        hidden = self._first_shown + self._older_count
        self._earlier.setVisible(hidden > 0)
        if hidden > 0:
            self._earlier.setText(f"Show earlier messages ({hidden:,})")
        self._empty.setVisible(not self._messages)
        last_user = next((w for w in reversed(self._widgets) if w.role == "user"), None)
        last_reply = self._widgets[-1] if self._widgets and self._widgets[-1].role == "assistant" else None
        for widget in self._widgets:
            widget.set_last(widget is last_user or widget is last_reply)

    def scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def follow(self) -> None:
        """Keep the newest text in view while streaming, unless the user scrolled away.

        The layouts are settled now rather than in later events, so each update of the streaming
        text costs one repaint instead of two (text change, then geometry change and scroll).
        """
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self._stick:
            self.scroll_to_bottom()

    @Slot(int)
    def _on_scroll_value_changed(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick = bar.maximum() - value <= STICKY_PX

    @Slot(int)
    def _on_scroll_action_triggered(self, _action: int) -> None:
        # Only the user's own scrolling (wheel, keys, drag) loads older messages, after it applies.
        QTimer.singleShot(0, self._load_earlier_if_at_top)

    @Slot()
    def _load_earlier_if_at_top(self) -> None:
        bar = self.verticalScrollBar()
        earlier = self._first_shown > 0 or self._older_count > 0
        if bar.value() <= 40 and earlier and self._prepend_anchor is None:
            self.show_earlier()

    @Slot(int, int)
    def _on_scroll_range_changed(self, _min: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._prepend_anchor is not None:
            bar.setValue(maximum - self._prepend_anchor)
            self._prepend_anchor = None
        elif self._stick:
            bar.setValue(maximum)
        if maximum == 0 and (self._first_shown > 0 or self._older_count > 0):
            QTimer.singleShot(0, self.show_earlier)  # the shown messages do not fill the screen yet

    @Slot()
    def _on_earlier_clicked(self) -> None:
        self.show_earlier()
