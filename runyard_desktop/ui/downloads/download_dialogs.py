"""The few dialogs around a download: the pre-download checks, delete confirmation, and the tray note.

Each is a plain function so the coordinator can take a stand-in (tests answer without a modal loop).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QMessageBox, QSystemTrayIcon, QWidget

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
from runyard_desktop.ui.installed.installed_view import yes_no_box
from runyard_desktop.ui.widgets.plain_text import escaped_html, plain_message_box, set_plain_informative

PROCEED, BETTER, CANCEL = "proceed", "better", "cancel"


def ask_preflight(parent: QWidget, issue: PreflightIssue) -> str:
    """Show one pre-download issue. Returns PROCEED, BETTER (download `issue.better_choice`) or CANCEL."""
    box = preflight_box(parent, issue)
    if issue.level is CheckLevel.BLOCK:  # nothing to decide: say it without blocking the event loop
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return CANCEL
    box.setIcon(QMessageBox.Icon.Question)
    better = (
        box.addButton(f"Download {issue.better_choice} instead", QMessageBox.ButtonRole.AcceptRole)
        if issue.better_choice
        else None
    )
    anyway = box.addButton("Download anyway", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(better or cancel)
    box.exec()
    clicked = box.clickedButton()
    if better is not None and clicked is better:
        return BETTER
    return PROCEED if clicked is anyway else CANCEL


def preflight_box(parent: QWidget | None, issue: PreflightIssue) -> QMessageBox:
    """The pre-download dialog, not yet shown: the title in bold (escaped), the text plain."""
    box = QMessageBox(parent)
    box.setObjectName("preflightDialog")
    box.setWindowTitle(issue.title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>{escaped_html(issue.title)}</b>")
    set_plain_informative(box, issue.text)
    return box


def delete_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    """The delete confirmation, not yet shown: the plain Yes/Cancel question with Yes saying Delete."""
    box = yes_no_box(parent, title, text)
    box.setObjectName("confirmDeleteDialog")
    box.button(QMessageBox.StandardButton.Yes).setText("Delete")
    return box


def ask_delete(parent: QWidget, title: str, text: str) -> bool:
    box = delete_box(parent, title, text)
    yes = box.button(QMessageBox.StandardButton.Yes)
    result = box.exec()
    return box.clickedButton() is yes or result in (QMessageBox.StandardButton.Yes, QDialog.DialogCode.Accepted)


def show_error(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A non-blocking warning (opened window-modal; the event loop keeps running)."""
    box = plain_message_box(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("operationErrorDialog")
    box.open()
    return box


class TrayNotifier:
    """Desktop notifications through the system tray, only where a tray exists.

    The tray icon exists only while a notification is up: it is hidden and deleted when the message is
    clicked or `MESSAGE_MS` + `LINGER_MS` after the last one (Windows keeps an icon in the taskbar's
    notification area otherwise, until the app quits). The next notification makes a new one."""

    MESSAGE_MS = 8000  # how long the message asks to stay up (the OS may keep it longer in its centre)
    LINGER_MS = 2000

    def __init__(self, icon: QIcon, parent: QWidget, hide_after_ms: int | None = None) -> None:
        self._icon = icon
        self._parent = parent
        self._tray: QSystemTrayIcon | None = None
        self.sent: list[tuple[str, str]] = []  # what was shown, for tests and logs
        self._hide_timer = QTimer(parent)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(self.MESSAGE_MS + self.LINGER_MS if hide_after_ms is None else hide_after_ms)
        self._hide_timer.timeout.connect(self.close)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, text: str) -> bool:
        if not self.available():
            return False
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon, self._parent)
            self._tray.setToolTip("Runyard")
            self._tray.messageClicked.connect(self.close)
            self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, self.MESSAGE_MS)
        self.sent.append((title, text))
        self._hide_timer.start()  # counted from the last message
        return True

    @property
    def showing(self) -> bool:
        return self._tray is not None

    def close(self) -> None:
        """Hide and delete the tray icon (after a message, and when the window closes)."""
        self._hide_timer.stop()
        tray, self._tray = self._tray, None
        if tray is not None:
            tray.hide()
            tray.deleteLater()
