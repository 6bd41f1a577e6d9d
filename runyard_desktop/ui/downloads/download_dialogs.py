"""The few dialogs around a download: the pre-download checks, delete confirmation, and the tray note.

Each is a plain function so the coordinator can take a stand-in (tests answer without a modal loop).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QMessageBox, QSystemTrayIcon, QWidget

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
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


def preflight_box(parent: QWidget, issue: PreflightIssue) -> QMessageBox:
    """The pre-download dialog, not yet shown: the title in bold (escaped), the text plain."""
    box = QMessageBox(parent)
    box.setObjectName("preflightDialog")
    box.setWindowTitle(issue.title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>{escaped_html(issue.title)}</b>")
    set_plain_informative(box, issue.text)
    return box


def delete_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    """The delete confirmation, not yet shown; `text` names a model (outside text), shown plain."""
    box = plain_message_box(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("confirmDeleteDialog")
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText("Delete")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
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
    """Desktop notifications through the system tray, only where a tray exists."""

    def __init__(self, icon: QIcon, parent: QWidget) -> None:
        self._icon = icon
        self._parent = parent
        self._tray: QSystemTrayIcon | None = None
        self.sent: list[tuple[str, str]] = []  # what was shown, for tests and logs

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, text: str) -> bool:
        if not self.available():
            return False
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon, self._parent)
            self._tray.setToolTip("Runyard")
            self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.sent.append((title, text))
        return True

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
