"""The main window: a sidebar of pages (This machine, Models, Chat…), a notice bar, a status bar and menus.

Keyboard: each page added gets Go → page with Ctrl+1…9 (Cmd on macOS, by Qt's mapping), View → Refresh
(F5) runs what the page shown registered with `set_refresh`, File → Settings… (the platform's
Preferences key), Help → Keyboard shortcuts lists every shortcut of the menus plus those a page notes
with `note_shortcut` (Esc stops a reply). Pages add their own menus with `add_menu(title)`: the same
title gives the same menu, placed before Help.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop import APP_DISPLAY_NAME, __version__
from runyard_desktop.ui.widgets.lazy_page import LazyPage


class MainWindow(QMainWindow):
    """Top-level window. Pages are added by the composition root (app.py).

    Signals:
        closing(): the window is closing; services shut down on this.
    """

    closing = Signal()

    def __init__(self, log_dir: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # Exactly the application display name: Qt appends " — <display name>" to any other title,
        # which read "Runyard — local AI… — Runyard" in the title bar.
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(1180, 760)
        self.setMinimumSize(QSize(760, 520))
        self._log_dir = log_dir
        self._pages: list[str] = []  # page keys; a page's index in the sidebar and in the stack
        self._refreshers: dict[str, Callable[[], object]] = {}
        self._menus: dict[str, QMenu] = {}
        self._shortcut_notes: list[tuple[str, str]] = []
        self._painted_icons: dict[str, Callable[[QPalette], QIcon]] = {}  # page key → how its icon is drawn
        self._page_actions: list[QAction] = []
        # Replaceable (tests): shows a plain-text list, (parent, title, text) → anything.
        self.show_text: Callable[[QWidget, str, str], object] = _show_plain_text

        self._nav = QListWidget()
        self._nav.setObjectName("navigation")
        self._nav.setFixedWidth(180)
        self._nav.setIconSize(QSize(20, 20))
        self._stack = QStackedWidget()
        self._stack.setObjectName("pages")
        self._nav.setAccessibleName("Pages")
        self._nav.currentRowChanged.connect(self._stack.setCurrentIndex)
        self._nav.currentRowChanged.connect(self._update_refresh)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._outer = outer  # the notice bar goes on top when there is a notice (built then: see show_notice)
        self._notice_bar: QFrame | None = None
        self.notice_label: QLabel | None = None
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.statusBar().setSizeGripEnabled(True)

    def _build_notice(self) -> tuple[QFrame, QLabel]:
        """A bar above the pages for what the user must know about this start (a damaged settings file…).

        Built on the first notice, not with the window: its Qt flags would build `QtCore.Qt`'s enums (≈40 ms)
        before the first paint of every start."""
        from PySide6.QtCore import Qt

        notice_bar = QFrame()
        notice_bar.setObjectName("windowNoticeBar")
        bar = QHBoxLayout(notice_bar)
        bar.setContentsMargins(10, 6, 6, 6)
        label = QLabel()
        label.setObjectName("windowNotice")
        label.setTextFormat(Qt.TextFormat.PlainText)  # paths and file contents are outside text
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(label, 1)
        dismiss = QToolButton()
        dismiss.setObjectName("dismissWindowNotice")
        dismiss.setText("✕")
        dismiss.setAutoRaise(True)
        dismiss.setToolTip("Hide this message")
        dismiss.clicked.connect(notice_bar.hide)
        bar.addWidget(dismiss)
        self._outer.insertWidget(0, notice_bar)
        return notice_bar, label

    def show_notice(self, text: str) -> None:
        """Show `text` (plain) in the bar above the pages, under any notice already there."""
        if self._notice_bar is None or self.notice_label is None:
            self._notice_bar, self.notice_label = self._build_notice()
            current = ""
        else:
            current = self.notice_label.text() if self._notice_bar.isVisibleTo(self) else ""
        self.notice_label.setText(f"{current}\n{text}" if current else text)
        self._notice_bar.show()

    def _build_menus(self) -> None:
        file_menu = self.add_menu("&File")
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        if self.settings_action.shortcut().isEmpty():  # Preferences has no key on Windows and most Linux desktops
            self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.settings_action.setVisible(False)  # shown once a settings dialog is wired in
        file_menu.addAction(self.settings_action)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)  # every platform binding; builds no Qt enums
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.add_menu("&View")
        self.refresh_action = QAction("&Refresh", self)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.setEnabled(False)  # enabled on a page that registered a refresh
        self.refresh_action.triggered.connect(self.refresh_current_page)
        view_menu.addAction(self.refresh_action)
        self._go_menu = self.add_menu("&Go")
        help_menu = self.menuBar().addMenu("&Help")
        self._help_menu = help_menu
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        self.shortcuts_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        logs_action = QAction("Open &log folder", self)
        logs_action.triggered.connect(self._open_log_folder)
        help_menu.addAction(logs_action)
        about_action = QAction(f"&About {APP_DISPLAY_NAME}", self)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def add_menu(self, title: str) -> QMenu:
        """The menu called `title`, made on first use and placed before Help (which stays last, as on every
        platform). Pages add their actions to it: `add_menu("&Chat").addAction(...)`."""
        menu = self._menus.get(title)
        if menu is None:
            menu = QMenu(title, self)
            self._menus[title] = menu
            help_menu = getattr(self, "_help_menu", None)
            if help_menu is None:
                self.menuBar().addMenu(menu)
            else:
                self.menuBar().insertMenu(help_menu.menuAction(), menu)
        return menu

    def note_shortcut(self, keys: str, what: str) -> None:
        """List a shortcut that is no menu action (e.g. Esc in the Chat page) in Help → Keyboard shortcuts."""
        self._shortcut_notes.append((keys, what))

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every enabled-or-not menu action with a shortcut, then the noted ones."""
        rows: list[tuple[str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            place = menu.title().replace("&", "")
            for action in menu.actions():
                keys = shortcut_text(action)
                if keys and action.isVisible():
                    rows.append((keys, f"{place} → {action.text().replace('&', '')}"))
        return rows + self._shortcut_notes

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{keys}  —  {what}" for keys, what in self.shortcut_list())
        self.show_text(self, "Keyboard shortcuts", text)

    def set_refresh(self, key: str, refresh: Callable[[], object]) -> None:
        """What View → Refresh (F5) does while page `key` is shown."""
        self._refreshers[key] = refresh
        self._update_refresh()

    def refresh_current_page(self) -> None:
        refresh = self._refreshers.get(self.current_page() or "")
        if refresh is not None:
            refresh()

    def _update_refresh(self, *_row: int) -> None:
        self.refresh_action.setEnabled((self.current_page() or "") in self._refreshers)

    def add_page(self, key: str, title: str, widget: QWidget, icon: QIcon | None = None) -> None:
        self._stack.addWidget(widget)
        item = QListWidgetItem(icon or QIcon(), title)
        item.setSizeHint(QSize(0, 40))
        self._nav.addItem(item)
        self._pages.append(key)
        number = len(self._pages)
        if number <= 9:
            action = QAction(f"&{number} {title}", self)
            # setShortcuts([…]), not setShortcut(…): that overload builds `QtCore.Qt`'s enums (≈40 ms) and
            # the first page is added before the first paint; its tooltip waits for label_pages() too.
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _checked=False, key=key: self.show_page(key))
            self._go_menu.addAction(action)
            self._page_actions.append(action)
        if self._nav.currentRow() < 0:
            self._nav.setCurrentRow(0)

    def label_pages(self) -> None:
        """Page-list tooltips with each page's shortcut, as the platform writes it ("Models (Ctrl+2)").
        After the first paint: writing a shortcut as native text builds `QtCore.Qt`'s enums."""
        for row, action in enumerate(self._page_actions):
            item = self._nav.item(row)
            if item is not None:
                item.setToolTip(tooltip_with_shortcut(item.text(), action))

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def set_page_icon(self, key: str, icon: QIcon) -> None:
        item = self._nav.item(self._pages.index(key))
        if item is not None:
            item.setIcon(icon)

    def paint_page_icon(self, key: str, paint: Callable[[QPalette], QIcon]) -> None:
        """An icon the app draws from the palette: painted now, and again when Settings → Theme changes it."""
        if not self._painted_icons:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.paletteChanged.connect(self._on_app_palette_changed)
        self._painted_icons[key] = paint
        self.set_page_icon(key, paint(QGuiApplication.palette()))

    def _on_app_palette_changed(self, palette: QPalette) -> None:
        for key, paint in self._painted_icons.items():
            self.set_page_icon(key, paint(palette))

    def replace_page(self, key: str, widget: QWidget) -> None:
        """Put `widget` where page `key` was (shown if that page was); the old widget is deleted."""
        index = self._pages.index(key)
        old = self._stack.widget(index)
        showing = self._stack.currentIndex() == index
        self._stack.insertWidget(index, widget)
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
        if showing:
            self._stack.setCurrentIndex(index)

    def show_page(self, key: str) -> None:
        self._nav.setCurrentRow(self._pages.index(key))

    def current_page(self) -> str | None:
        row = self._nav.currentRow()
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def page(self, key: str) -> QWidget:
        """The page's widget; a page built on first visit (LazyPage) is built now."""
        widget = self._stack.widget(self._pages.index(key))
        if isinstance(widget, LazyPage):
            return widget.content()
        assert widget is not None  # every key in _pages has its widget at the same index of the stack
        return widget

    def built_page(self, key: str) -> QWidget | None:
        """The page's widget if it exists yet: None for a LazyPage not visited so far."""
        widget = self._stack.widget(self._pages.index(key))
        return widget.built_content() if isinstance(widget, LazyPage) else widget

    def _open_log_folder(self) -> None:
        # Imported when used, like QMessageBox below: each Qt class costs 1-3 ms the first time (start-up).
        from runyard_desktop.ui.widgets.open_external import open_folder

        if self._log_dir:
            open_folder(self._log_dir)

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_DISPLAY_NAME}",
            f"<b>{APP_DISPLAY_NAME}</b> {__version__}<br>Which local AI models your computer can really run."
            "<br>Everything stays on this machine.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def shortcut_text(action: QAction) -> str:
    """The action's shortcut as the platform writes it ("Ctrl+1", "⌘1"), "" when it has none."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def tooltip_with_shortcut(text: str, action: QAction) -> str:
    """`text (Ctrl+N)`: the tooltip of a control that does what `action` does."""
    keys = shortcut_text(action)
    return f"{text} ({keys})" if keys else text


def _show_plain_text(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from runyard_desktop.ui.widgets.plain_text import plain_message_box

    box = plain_message_box(QMessageBox.Icon.NoIcon, title, text, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("shortcutsDialog")
    box.exec()
