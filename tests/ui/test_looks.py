"""Looks: lists elide long text instead of scrolling sideways."""

from __future__ import annotations

import pytest
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


def test_the_status_never_stays_on_detecting_after_detection(main_window, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from runyard_desktop.core.hardware.presets import MACHINES

    hardware = main_window.services.core.hardware
    qtbot.waitUntil(lambda: not hardware.is_detecting, timeout=10_000)
    hardware.detect = lambda: MACHINES["RTX 4060 8 GB + 16 GB RAM"]  # a profile without a timing
    with qtbot.waitSignal(hardware.detecting_changed, check_params_cb=lambda detecting: not detecting, timeout=10_000):
        hardware.refresh()
    status = main_window.findChild(QLabel, "hardwareStatus")
    assert status.text() == "Detected"


def test_pages_share_one_title_size_and_margins(main_window) -> None:
    from PySide6.QtWidgets import QLabel

    from runyard_desktop.ui.theme import PAGE_MARGINS, TITLE_SCALE

    base = main_window.font().pointSizeF()
    for key in ("hardware", "models", "installed"):
        page = main_window.page(key)
        title = page.findChild(QLabel, "pageTitle")
        assert title is not None, key
        assert title.font().pointSizeF() == pytest.approx(base * TITLE_SCALE), key
        assert title.font().bold(), key
        margins = page.layout().contentsMargins()
        assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == PAGE_MARGINS, key
