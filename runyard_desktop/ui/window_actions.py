"""The window's keyboard and page-list extras, wired once the pages exist (after the first paint).

- the Chat menu: New chat (Ctrl+N), Focus the message box (Ctrl+L) and Summarize documents… (opens the
  batch panel), each showing the Chat page first;
  more chat actions go in the same menu (`CHAT_MENU`, through `MainWindow.add_menu`);
- F5 (View → Refresh) per page: detection again on *This machine*, the Ollama check and model lists on
  Models, Installed and Chat;
- the page-list icons, Qt's standard icons (drawn by the style for light and dark palettes; no SVG
  library is loaded for them), and for Chat a speech bubble painted in the palette's text colour
  (widgets/chat_icon.py: Qt has no such standard icon);
- the shortcuts that are no menu action, listed in Help → Keyboard shortcuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QStyle

from runyard_desktop.ui.main_window import MainWindow, shortcut_text, tooltip_with_shortcut
from runyard_desktop.ui.widgets.chat_icon import chat_bubble_icon

if TYPE_CHECKING:
    from runyard_desktop.ui.chat.chat_pane import ChatPane

CHAT_MENU = "&Chat"
PAGE_ICONS = {
    "hardware": QStyle.StandardPixmap.SP_ComputerIcon,
    "models": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "installed": QStyle.StandardPixmap.SP_DriveHDIcon,
}
NOTES = (
    ("Esc", "Chat → Stop the reply being written"),
    ("F2", "Chat → Rename the selected conversation"),
    ("Enter / Shift+Enter", "Chat → Send / new line (swapped in Settings)"),
)


def set_page_icons(window: MainWindow) -> None:
    style = window.style()
    for key in window.page_keys():
        if key in PAGE_ICONS:
            window.set_page_icon(key, style.standardIcon(PAGE_ICONS[key]))
        elif key == "chat":
            window.paint_page_icon(
                key, lambda palette: chat_bubble_icon(palette.windowText().color(), palette.highlightedText().color())
            )


def add_chat_actions(window: MainWindow) -> tuple[QAction, QAction, QAction]:
    """Chat → New chat (Ctrl+N), Go to the message box (Ctrl+L) and Summarize documents…; returns them."""
    menu = window.add_menu(CHAT_MENU)

    def pane() -> ChatPane:
        window.show_page("chat")
        return cast("ChatPane", window.page("chat"))

    new_chat = QAction("&New chat", window)
    new_chat.setObjectName("newChatAction")
    new_chat.setShortcuts(QKeySequence.StandardKey.New)
    new_chat.triggered.connect(lambda: pane().sidebar.new_button.click())
    focus = QAction("Go to the &message box", window)
    focus.setObjectName("focusMessageAction")
    focus.setShortcuts([QKeySequence("Ctrl+L")])
    focus.triggered.connect(lambda: pane().composer.input.setFocus())
    summarize = QAction("&Summarize documents…", window)
    summarize.setObjectName("summarizeDocumentsAction")
    summarize.setToolTip("Summarize several files or a folder, one after another, on the chosen model")
    summarize.triggered.connect(lambda: pane().summarize_button.setChecked(True))
    menu.addAction(new_chat)
    menu.addAction(focus)
    menu.addSeparator()
    menu.addAction(summarize)
    return new_chat, focus, summarize


def note_shortcuts(window: MainWindow) -> None:
    """List the shortcuts no menu holds, and say each page's and F5's keys in the tooltips."""
    for keys, what in NOTES:
        window.note_shortcut(keys, what)
    window.label_pages()
    refresh = window.refresh_action
    for name in ("refreshHardwareButton", "refreshInstalledButton"):
        button = window.findChild(QAbstractButton, name)
        if button is not None and not button.toolTip().endswith(f"({shortcut_text(refresh)})"):
            button.setToolTip(tooltip_with_shortcut(button.toolTip(), refresh))
