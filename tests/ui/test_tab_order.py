"""Tab order: from the page list, Tab walks each page's controls in the order they are laid out (top to
bottom, left to right) and comes back to the page list; no control traps the Tab key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget

from runyard_desktop.app import create_main_window

ORDER = {
    "hardware": ["refreshHardwareButton", "hardwareScroll"],
    "models": [
        *("contextLength", "kvCacheType", "fitFilter", "sortOrder", "showDuplicates", "modelTable"),
        "downloadButton",  # the action row under the table, before the details below it
        *("modelDetailsScroll", "whatIfPreset", "whatIfGpuMemory", "whatIfGpuCount", "whatIfBandwidth"),
        *("whatIfUnified", "whatIfCarveOut", "whatIfRamTotal", "whatIfRamAvailable"),
    ],
    "chat": [
        *("newConversationButton", "conversationSearch", "conversationList"),  # the sidebar
        *("modelPicker", "parametersButton", "summarizeDocumentsButton"),  # the header
        *("messageList", "chatInput", "attachButton", "sendButton"),  # the transcript, then the composer
    ],
    "installed": ["refreshInstalledButton", "installedTable"],
}


@pytest.fixture
def ready_window(qtbot, fake_ollama):
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion",), context_length=8192)
    window = create_main_window(host=fake_ollama.url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    services = window.services
    qtbot.waitUntil(lambda: bool(services.pages.ollama.installed_models), timeout=10_000)
    qtbot.waitUntil(lambda: services.core.hardware.profile is not None, timeout=10_000)
    yield window
    window.close()


def _tab_cycle(window, qtbot) -> list[str]:
    nav = window.findChild(QListWidget, "navigation")
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus, timeout=2000)
    names: list[str] = []
    for _ in range(40):
        current = QApplication.focusWidget()
        assert current is not None, f"the focus left the window after {names}"
        QTest.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None, f"the focus left the window after {names}"
        if focused is nav:
            return names
        names.append(focused.objectName() or type(focused).__name__)
    raise AssertionError(f"Tab never came back to the page list: {names}")


@pytest.mark.parametrize("key", list(ORDER))
def test_tab_walks_the_page_in_layout_order(ready_window, qtbot, key: str) -> None:
    ready_window.show_page(key)
    if key == "models":  # a model that is not downloaded, whatever this machine's recommendation: Download is enabled
        assert ready_window.page("models").select_tag("qwen3.5:0.8b")
    assert _tab_cycle(ready_window, qtbot) == ORDER[key]
