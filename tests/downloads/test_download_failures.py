"""Every way a pull can fail shows its message and never leaves a usable-looking model behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from runyard_desktop.core.ollama.errors import ErrorKind

TAG = "qwen3.5:0.8b"

CASES = [
    # (injected failure or None for an unknown tag, tag, expected kind, words in the message)
    (None, "qwen3.5:4b", ErrorKind.UNKNOWN_MODEL, "qwen3.5:4b"),
    ("offline", TAG, ErrorKind.OFFLINE, "internet"),
    ("needs_newer", TAG, ErrorKind.NEEDS_NEWER_OLLAMA, "newer"),
    ("disk_full", TAG, ErrorKind.DISK_FULL, "disk"),
    ("malformed", TAG, None, ""),
    ("drop", TAG, None, ""),
]


@pytest.mark.parametrize(("failure", "tag", "kind", "words"), CASES, ids=[c[0] or "unknown_tag" for c in CASES])
def test_failed_pull_shows_its_message_and_nothing_usable(
    open_window, dl_fake, qtbot, failure, tag, kind, words
) -> None:
    if failure is not None:
        dl_fake.fail("pull", failure, times=10)  # more than the retries: transient kinds fail for good too
    window = open_window()
    view = window.page("models")
    assert view.select_tag(tag)
    download = window.findChild(QPushButton, "downloadButton")
    progress = window.findChild(QProgressBar, "downloadProgress")
    failed = []
    window.downloads.controller.download_failed.connect(lambda t, e: failed.append((t, e)))
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(failed), timeout=15_000)
    _tag, error = failed[0]
    if kind is not None:
        assert error.kind is kind, repr(error)
    assert words.lower() in error.plain().lower()
    qtbot.waitUntil(lambda: (s := view.catalogue_model.row_status(tag)) is not None and s.error, timeout=5000)
    status = view.catalogue_model.row_status(tag)
    assert not status.installed and error.message in status.text
    message = window.findChild(QLabel, "downloadMessage")
    assert message.isVisible() and error.plain() in message.text() and not progress.isVisible()
    assert error.message in progress.format() and progress.value() < 100
    assert download.text() == "Retry" and download.isEnabled()
    # Never shown as usable: not installed, not in the chat's model list, no Chat button, no chat opened.
    assert not window.downloads.controller.is_installed(tag)
    assert window.current_page() == "models"
    pane = window.findChild(QWidget, "chatPane")
    names = [pane.model_picker.itemData(i) for i in range(pane.model_picker.count())]
    assert tag not in names
    assert not window.downloads.bar.chat_button.isVisible()
    line = window.downloads.list_model.data(
        window.downloads.list_model.index(0, 0), window.downloads.list_model.LineRole
    )
    assert line.startswith("Failed:") and error.message in line


def test_retry_after_a_failure_completes(open_window, dl_fake, qtbot) -> None:
    dl_fake.fail("pull", "offline")
    window = open_window()
    window.downloads.open_chat_after_download = False
    view = window.page("models")
    view.select_tag(TAG)
    download = window.findChild(QPushButton, "downloadButton")
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: download.text() == "Retry", timeout=10_000)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (s := view.catalogue_model.row_status(TAG)) is not None and s.installed, timeout=10_000)
    assert not view.catalogue_model.row_status(TAG).error
