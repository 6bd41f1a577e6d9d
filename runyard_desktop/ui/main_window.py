"""The main window: a sidebar of pages (This machine, Models, Chat…), a notice bar, a status bar and menus."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
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

        self._nav = QListWidget()
        self._nav.setObjectName("navigation")
        self._nav.setFixedWidth(180)
        self._nav.setIconSize(QSize(20, 20))
        self._stack = QStackedWidget()
        self._stack.setObjectName("pages")
        self._nav.currentRowChanged.connect(self._stack.setCurrentIndex)

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
        file_menu = self.menuBar().addMenu("&File")
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.settings_action.setVisible(False)  # shown once a settings dialog is wired in
        file_menu.addAction(self.settings_action)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)  # every platform binding; builds no Qt enums
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        self._help_menu = help_menu
        logs_action = QAction("Open &log folder", self)
        logs_action.triggered.connect(self._open_log_folder)
        help_menu.addAction(logs_action)
        about_action = QAction(f"&About {APP_DISPLAY_NAME}", self)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def add_menu(self, title: str) -> QMenu:
        """A menu for a page's actions, placed before Help (which stays last, as on every platform)."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self._help_menu.menuAction(), menu)
        return menu

    def add_page(self, key: str, title: str, widget: QWidget, icon: QIcon | None = None) -> None:
        self._stack.addWidget(widget)
        item = QListWidgetItem(icon or QIcon(), title)
        item.setSizeHint(QSize(0, 40))
        self._nav.addItem(item)
        self._pages.append(key)
        if self._nav.currentRow() < 0:
            self._nav.setCurrentRow(0)

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
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self._log_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._log_dir))

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
