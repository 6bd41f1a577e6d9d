"""The window from the contract entry point: paints before detection, then shows the profile."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def test_window_has_identity_and_hardware_panel(main_window) -> None:
    assert main_window.windowTitle() == "Runyard"  # Qt adds the display name to any other title
    assert not main_window.windowIcon().isNull()
    panel = main_window.findChild(QWidget, "hardwarePanel")
    assert panel is not None and panel.isVisible()


def test_detection_fills_the_panel_and_refresh_reruns_it(main_window, qtbot) -> None:
    panel = main_window.findChild(QWidget, "hardwarePanel")
    service = main_window.services.core.hardware
    qtbot.waitUntil(lambda: panel.profile is not None and not service.is_detecting, timeout=10_000)
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "Processor" in texts and "Memory (RAM)" in texts and "Disk for models" in texts
    with qtbot.waitSignal(service.profile_changed, timeout=10_000):
        panel.findChild(QPushButton, "refreshHardwareButton").click()


def test_menus_read_file_view_go_chat_help(main_window) -> None:
    titles = [action.text() for action in main_window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Go", "&Chat", "&Help"]  # pages add menus before Help, which stays last
