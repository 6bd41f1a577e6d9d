"""Keyboard first: Ctrl+1…4 pages, Ctrl+N new chat, Ctrl+L the message box, Settings, F5, Help → Keyboard shortcuts.

Shortcuts are pressed as keys on the real window (QTest), not triggered as actions, so a shortcut that is
missing, ambiguous or bound to the wrong context fails here.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QWidget

from runyard_desktop.ui.main_window import shortcut_text

PAGES = ["hardware", "models", "chat", "installed"]


def _press(window, keys: str) -> None:
    combination = QKeySequence(keys)[0]  # type: ignore[index]  # QKeySequence has operator[] (the stubs miss it)
    QTest.keyClick(window, combination.key(), combination.keyboardModifiers())


def test_ctrl_digits_show_each_page_and_the_page_list_says_so(main_window, qtbot) -> None:
    main_window.activateWindow()
    for number, key in reversed(list(enumerate(PAGES, start=1))):
        _press(main_window, f"Ctrl+{number}")
        qtbot.waitUntil(lambda key=key: main_window.current_page() == key, timeout=2000)
    nav = main_window.findChild(QListWidget, "navigation")
    assert [nav.item(row).toolTip() for row in range(nav.count())] == [
        "This machine (Ctrl+1)",
        "Models (Ctrl+2)",
        "Chat (Ctrl+3)",
        "Installed (Ctrl+4)",
    ]
    assert all(not nav.item(row).icon().isNull() for row in range(nav.count()))


def test_ctrl_n_starts_a_new_chat_and_ctrl_l_focuses_the_message_box(main_window, qtbot) -> None:
    main_window.activateWindow()
    pane = main_window.page("chat")
    before = len(pane.controller.conversations())
    _press(main_window, "Ctrl+N")
    assert main_window.current_page() == "chat"
    qtbot.waitUntil(lambda: len(pane.controller.conversations()) == before + 1, timeout=2000)
    pane.sidebar.search.setFocus()
    qtbot.waitUntil(lambda: pane.sidebar.search.hasFocus(), timeout=2000)
    _press(main_window, "Ctrl+2")
    _press(main_window, "Ctrl+L")
    assert main_window.current_page() == "chat"
    qtbot.waitUntil(lambda: pane.composer.input.hasFocus(), timeout=2000)


def test_settings_has_ctrl_comma_or_the_platform_key(main_window) -> None:
    action = main_window.settings_action
    assert action.isVisible()
    assert not action.shortcut().isEmpty()
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcut() == (platform[0] if platform else QKeySequence("Ctrl+,"))


def test_f5_refreshes_what_the_page_shows(main_window, qtbot) -> None:
    main_window.activateWindow()
    hardware = main_window.services.core.hardware
    qtbot.waitUntil(lambda: not hardware.is_detecting, timeout=10_000)
    with qtbot.waitSignal(hardware.profile_changed, timeout=10_000):
        _press(main_window, "F5")
    _press(main_window, "Ctrl+4")
    ollama = main_window.services.pages.ollama
    qtbot.waitUntil(lambda: ollama._check_job is None, timeout=10_000)
    _press(main_window, "F5")
    assert ollama._check_job is not None  # the press started a check of the server (and its listings)
    _press(main_window, "Ctrl+1")
    assert main_window.refresh_action.isEnabled()


def test_help_lists_every_shortcut_as_plain_text(main_window) -> None:
    shown: list[tuple[str, str]] = []
    main_window.show_text = lambda _parent, title, text: shown.append((title, text))
    main_window.shortcuts_action.trigger()
    assert shown and shown[0][0] == "Keyboard shortcuts"
    text = shown[0][1]
    for keys, what in [
        ("Ctrl+1", "Go → 1 This machine"),
        ("Ctrl+3", "Go → 3 Chat"),
        ("Ctrl+N", "Chat → New chat"),
        ("Ctrl+L", "Chat → Go to the message box"),
        ("F5", "View → Refresh"),
        ("Esc", "Chat → Stop the reply being written"),
        (shortcut_text(main_window.settings_action), "File → Settings…"),
    ]:
        assert f"{keys}  —  {what}" in text


def test_buttons_with_a_shortcut_say_it_in_their_tooltip(main_window) -> None:
    pane = main_window.page("chat")
    assert pane.sidebar.new_button.toolTip().endswith("(Ctrl+N)")
    refresh = main_window.findChild(QWidget, "refreshHardwareButton")
    assert refresh.toolTip().endswith("(F5)")


def test_chat_menu_opens_the_summarize_panel(main_window, qtbot) -> None:
    from PySide6.QtGui import QAction

    action = main_window.findChild(QAction, "summarizeDocumentsAction")
    assert action is not None and action.text().replace("&", "") == "Summarize documents…"
    main_window.show_page("hardware")
    action.trigger()
    assert main_window.current_page() == "chat"
    pane = main_window.page("chat")
    qtbot.waitUntil(lambda: pane.summarize_button.isChecked() and pane.summarize_panel.isVisible(), timeout=2000)
