"""Looks: lists elide long text instead of scrolling sideways."""

from __future__ import annotations

import itertools

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


def _layouts(root):
    """Every layout under `root`: each widget's own, and the layouts nested in it."""
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.layout() is None or isinstance(widget, QDialogButtonBox):  # Qt's own button row
            continue
        pending = [widget.layout()]
        while pending:
            layout = pending.pop()
            found.append((widget, layout))
            items = (layout.itemAt(i) for i in range(layout.count()))
            pending += [item.layout() for item in items if item.layout() is not None]
    return found


def _off_scale(root, type_sizes, spacing) -> list[str]:
    """Every layout margin/gap and every label size under `root` that is not on theme.py's scales."""
    from PySide6.QtWidgets import QLabel

    wrong = []
    for widget, layout in _layouts(root):
        m = layout.contentsMargins()
        values = {m.left(), m.top(), m.right(), m.bottom()}
        if layout.spacing() >= 0:
            values.add(layout.spacing())
        if not values <= set(spacing):
            wrong.append(f"{widget.objectName() or type(widget).__name__}: {values}")
    for label in root.findChildren(QLabel):
        size = label.font().pointSizeF()
        if not any(size == pytest.approx(s) for s in type_sizes):
            wrong.append(f"label {label.objectName() or label.text()[:30]!r}: {size} pt")
    return wrong


def test_chat_downloads_and_settings_use_the_type_and_spacing_scales(main_window, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    from runyard_desktop.ui.settings.settings_dialog import SettingsDialog
    from runyard_desktop.ui.theme import (
        BAR_MARGINS,
        PANEL_MARGINS,
        SECTION_SCALE,
        SPACING_SCALE,
        TYPE_SCALE,
    )

    base = main_window.font().pointSizeF()
    type_sizes = [base * s for s in TYPE_SCALE]
    main_window.show_page("chat")
    pane = main_window.page("chat")
    pane.findChild(QWidget, "summarizeDocumentsButton").click()  # builds and shows the Summarize panel
    parts = {"chatHeader": BAR_MARGINS, "composer": BAR_MARGINS, "conversationSidebar": PANEL_MARGINS}
    parts |= {"parametersPanel": PANEL_MARGINS, "summarizePanel": PANEL_MARGINS}
    for name, margins in parts.items():
        part = pane.findChild(QWidget, name)
        assert part is not None, name
        m = part.layout().contentsMargins()
        assert (m.left(), m.top(), m.right(), m.bottom()) == margins, name
        assert _off_scale(part, type_sizes, SPACING_SCALE) == [], name
    for name in ("conversationTitle", "panelTitle"):
        for title in pane.findChildren(QLabel, name):
            assert title.font().pointSizeF() == pytest.approx(base * SECTION_SCALE), name
            assert title.font().bold(), name
    dock = main_window.findChild(QWidget, "downloadsPanel")
    assert _off_scale(dock, type_sizes, SPACING_SCALE) == []
    core, pages = main_window.services.core, main_window.services.pages
    dialog = SettingsDialog(
        core.settings.current, current_host=pages.ollama_host, data_dir=core.paths.data, log_dir=core.paths.logs
    )
    qtbot.addWidget(dialog)
    assert _off_scale(dialog, type_sizes, SPACING_SCALE) == []
    hardware = main_window.services.core.hardware
    qtbot.waitUntil(lambda: hardware.profile is not None and not hardware.is_detecting, timeout=10_000)
    for key in ("hardware", "models", "installed"):  # the cards of This machine, the details, the lists
        main_window.show_page(key)
        wrong = _off_scale(main_window.page(key), type_sizes, SPACING_SCALE)
        assert wrong == [], f"{key}: {wrong}"


LONG_TAG = "hf.co/a-very-long-organisation-name/Qwen3.5-9B-Instruct-Distilled-Experimental-GGUF:Q4_K_M"


def test_a_long_tag_is_elided_in_the_installed_table_at_a_narrow_window(main_window, qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    from runyard_desktop.core.ollama.types import InstalledModel

    main_window.resize(900, 600)
    main_window.show_page("installed")
    view = main_window.page("installed")
    view.set_installed([InstalledModel(LONG_TAG, 6_600_000_000, quantization="Q4_K_M", family="qwen35")])
    table = view.findChild(QTableView, "installedTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1 and table.viewport().width() < 900, timeout=2000)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0, timeout=2000)
    assert header.length() <= table.viewport().width()  # every column fits: no sideways scrollbar
    assert not table.horizontalScrollBar().isVisible()


def test_the_chat_header_takes_a_second_row_instead_of_squeezing_at_a_narrow_window(main_window, qtbot) -> None:
    """With a side panel open in a 900-pixel window the header's one row left the title "New…" and the picker
    a few letters; the picker and Think now move to a row of their own, and return when there is room."""
    from PySide6.QtWidgets import QWidget

    main_window.resize(1400, 800)
    main_window.show_page("chat")
    pane = main_window.page("chat")
    conversation = pane.controller.new_conversation(model="qwen3.5:4b")
    pane.controller.rename(conversation.id, "A very long title " * 6)
    header = pane.findChild(QWidget, "chatHeader")
    summarize = pane.findChild(QWidget, "summarizeDocumentsButton")
    parameters = pane.findChild(QWidget, "parametersButton")
    chars = pane.title.fontMetrics().averageCharWidth()

    def tidy() -> bool:
        """No part overlaps another, every part lies inside the header, the title and picker have room."""
        parts = [pane.title, pane.model_picker, parameters, summarize]
        boxes = [w.mapTo(header, w.rect().topLeft()) for w in parts]
        rects = [w.rect().translated(p) for w, p in zip(parts, boxes, strict=True)]
        apart = all(not a.intersects(b) for a, b in itertools.combinations(rects, 2))
        inside = all(header.contentsRect().contains(r) for r in rects)
        roomy = (
            pane.title.width() >= 14 * chars
            and pane.model_picker.width() >= pane.model_picker.minimumSizeHint().width()
        )
        return header.isVisible() and apart and inside and roomy

    def one_row() -> bool:
        tops = {w.mapTo(header, w.rect().topLeft()).y() // 8 for w in (pane.title, pane.model_picker, summarize)}
        return header.rows == 1 and len(tops) == 1

    qtbot.waitUntil(lambda: one_row() and tidy(), timeout=3000)
    main_window.resize(900, 600)
    summarize.click()  # a side panel takes room from the header
    qtbot.waitUntil(lambda: header.rows > 1 and tidy(), timeout=3000)
    below = pane.model_picker.mapTo(header, pane.model_picker.rect().topLeft()).y()
    assert below >= pane.title.mapTo(header, pane.title.rect().bottomLeft()).y()  # the picker under the title
    assert pane.title.text().startswith("A very long title A very long title")  # the whole title, drawn elided
    summarize.click()
    main_window.resize(1400, 800)
    qtbot.waitUntil(lambda: one_row() and tidy(), timeout=3000)


def test_the_locked_history_message_is_a_readable_column_shown_whole(main_window, qtbot) -> None:
    from runyard_desktop.ui.chat.history_notices import HistoryUnavailablePage

    page = HistoryUnavailablePage("Waiting for the conversation history…", main_window.centralWidget())
    page.setGeometry(0, 0, 1000, 700)
    page.show()
    page.show_problem("The conversation history (/home/someone/data/conversations.sqlite3) is locked " * 3)
    label = page.problem_label
    chars = label.fontMetrics().averageCharWidth()

    def whole() -> bool:  # the new, longer text got the height it needs at the width it has
        return label.height() >= label.heightForWidth(label.width()) and label.width() <= 70 * chars

    qtbot.waitUntil(whole, timeout=2000)
    assert label.width() >= 40 * chars  # wrapped into a column, not squeezed into a sliver


def test_a_long_ollama_status_is_elided_and_keeps_its_buttons_in_the_window(main_window, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    from runyard_desktop.core.ollama.types import OllamaStatus, ServerState

    main_window.resize(900, 600)
    bar = main_window.findChild(QWidget, "ollamaStatusBar")
    bar.set_status(OllamaStatus(ServerState.NOT_INSTALLED, "http://127.0.0.1:9"))  # the longest line
    label = bar.findChild(QLabel, "ollamaStatus")
    check = bar.findChild(QWidget, "ollamaCheckAgain")
    right = main_window.mapFromGlobal(bar.mapToGlobal(bar.rect().topRight())).x()

    def fits() -> bool:
        edge = main_window.mapFromGlobal(check.mapToGlobal(check.rect().topRight())).x()
        return check.isVisible() and edge <= min(right, main_window.width())

    qtbot.waitUntil(fits, timeout=2000)
    advance = label.fontMetrics().horizontalAdvance(label.text())
    assert advance > label.width()  # narrower than its text: drawn shortened, with "…"
    assert label.minimumSizeHint().width() < advance / 4  # it can give way, instead of being cut off
    assert label.text() == bar.text() and label.text().startswith("Ollama is not installed")  # kept whole


def test_the_chat_page_shows_a_speech_bubble_that_follows_the_theme(main_window, qtbot) -> None:
    """The page list showed Qt's information "i" for Chat; it is a bubble in the palette's text colour, and
    a theme change repaints it."""
    from PySide6.QtGui import QColor, QGuiApplication, QPalette
    from PySide6.QtWidgets import QListWidget, QStyle

    nav = main_window.findChild(QListWidget, "navigation")
    chat = nav.item(main_window.page_keys().index("chat"))
    info = main_window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)

    def ink(icon) -> set[str]:
        image = icon.pixmap(32, 32).toImage()
        pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
        return {c.name() for c in pixels if c.alpha() == 255}

    assert not chat.icon().isNull() and chat.icon().cacheKey() != info.cacheKey()
    assert ink(chat.icon()) == {QGuiApplication.palette().windowText().color().name()}
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#123456"))
    old = QGuiApplication.palette()
    QGuiApplication.setPalette(palette)
    try:
        qtbot.waitUntil(
            lambda: ink(nav.item(main_window.page_keys().index("chat")).icon()) == {"#123456"}, timeout=2000
        )
    finally:
        QGuiApplication.setPalette(old)
