"""The download notification's tray icon goes away once its message is done, not when the app quits.

Offscreen Qt has no system tray, so `available()` is forced; the icon itself is a real QSystemTrayIcon.
The window's own notifier is the one tested (`window.downloads.notifier`), with a short linger. Showing
a tray icon offscreen makes Qt's own fallback tray warn that the offscreen platform lacks its X11 signal;
only that one message is let through (`qt_log_ignore`), every other Qt warning still fails the test.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from runyard_desktop.ui.downloads.download_dialogs import TrayNotifier


@pytest.fixture
def notifier(open_window: Any, monkeypatch: pytest.MonkeyPatch) -> TrayNotifier:
    monkeypatch.setattr(TrayNotifier, "available", staticmethod(lambda: True))
    window = open_window()
    window.downloads.notifier = TrayNotifier(window.windowIcon(), window, hide_after_ms=100)
    return window.downloads.notifier


pytestmark = pytest.mark.qt_log_ignore(
    r"^QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged"
)


def _trays(notifier: TrayNotifier) -> list[QSystemTrayIcon]:
    return notifier._parent.findChildren(QSystemTrayIcon)


def test_tray_icon_is_hidden_and_deleted_after_its_message(notifier: TrayNotifier, qtbot: Any) -> None:
    assert notifier.notify("Download finished", "qwen3.5:4b is installed and ready to chat.")
    (tray,) = _trays(notifier)
    assert tray.isVisible() and notifier.showing
    with qtbot.waitSignal(tray.destroyed, timeout=5000):
        pass  # the single-shot hide timer, then deleteLater
    assert not notifier.showing and _trays(notifier) == []
    assert notifier.notify("Download failed", "qwen3.5:9b: the disk is full")  # a new icon for the next one
    assert len(_trays(notifier)) == 1 and notifier.sent[-1][0] == "Download failed"


def test_clicking_the_message_removes_the_icon_at_once(notifier: TrayNotifier, qtbot: Any) -> None:
    notifier._hide_timer.setInterval(60_000)
    notifier.notify("Download finished", "qwen3.5:4b is installed and ready to chat.")
    (tray,) = _trays(notifier)
    with qtbot.waitSignal(tray.destroyed, timeout=5000):
        tray.messageClicked.emit()
    assert not notifier.showing and not notifier._hide_timer.isActive()
