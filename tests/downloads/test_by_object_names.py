"""The journey as an outside acceptance check drives it: only the contract objectNames and mouse clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QTableView, QWidget

TAG = "qwen3.5:0.8b"


def _click_row(qtbot, table: QTableView, tag: str) -> None:
    model = table.model()
    row = next(r for r in range(model.rowCount()) if str(model.index(r, 0).data()).split()[0] == tag)
    index = model.index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def test_download_cancel_resume_and_chat_by_object_names(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_remote(TAG, (20_000_000, 1429, 7711, 561))
    window = open_window(wait_running=False)
    table = window.findChild(QTableView, "modelTable")
    download = window.findChild(QPushButton, "downloadButton")
    cancel = window.findChild(QPushButton, "cancelDownloadButton")
    progress = window.findChild(QProgressBar, "downloadProgress")
    status = window.findChild(QLabel, "ollamaStatus")
    qtbot.waitUntil(lambda: "running" in status.text(), timeout=10_000)
    _click_row(qtbot, table, TAG)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: 50 <= progress.value() < 100, timeout=15_000)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Resume" in download.text(), timeout=5000)
    assert "kept" in download.text()
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: progress.value() == 100 and download.text() == "Installed", timeout=15_000)
    pane = window.findChild(QWidget, "chatPane")
    qtbot.waitUntil(pane.isVisible, timeout=5000)
    for name in ("chatInput", "sendButton", "stopButton", "messageList", "conversationList"):
        assert window.findChild(QWidget, name) is not None, name


def test_digest_mismatch_re_download_says_so_and_installs(open_window, dl_fake, qtbot) -> None:
    """Ollama deletes a layer whose digest does not match; the re-download is longer than the stall window."""
    dl_fake.add_remote(TAG, (6_000_000, 1429, 7711, 561))
    dl_fake.fail("pull", "digest_mismatch")
    dl_fake.tick_s = 0.02  # each download of that layer takes about 1.2 s: more than the 0.5 s stall window
    window = open_window(wait_running=False)
    table = window.findChild(QTableView, "modelTable")
    download = window.findChild(QPushButton, "downloadButton")
    progress = window.findChild(QProgressBar, "downloadProgress")
    qtbot.waitUntil(lambda: "running" in window.findChild(QLabel, "ollamaStatus").text(), timeout=10_000)
    _click_row(qtbot, table, TAG)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    # The bar follows Ollama's count back down instead of sitting at 100 %, and says why.
    qtbot.waitUntil(lambda: progress.format().startswith("Verifying failed") and progress.value() < 50, timeout=15_000)
    qtbot.waitUntil(lambda: progress.value() == 100 and download.text() == "Installed", timeout=15_000)
    assert len(dl_fake.bodies("/api/pull")) == 2, "one download again, no stall reconnects"
