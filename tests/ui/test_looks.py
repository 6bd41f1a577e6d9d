"""Looks: lists elide long text instead of scrolling sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QListView


def test_a_long_conversation_title_is_elided_not_scrolled(main_window, qtbot) -> None:
    main_window.show_page("chat")
    pane = main_window.page("chat")
    conversation = pane.controller.new_conversation(model="qwen3.5:4b")
    pane.controller.rename(conversation.id, "A very long title " * 12)
    qtbot.waitExposed(main_window)
    listing = pane.findChild(QListView, "conversationList")
    qtbot.waitUntil(lambda: listing.model().rowCount() >= 1, timeout=2000)
    listing.doItemsLayout()
    assert not listing.horizontalScrollBar().isVisible()
