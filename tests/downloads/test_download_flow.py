"""The real window against the stand-in: Download → progress → Installed → chat; cancel → Resume; failures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

TAG = "qwen3.5:0.8b"


def _widgets(window):
    return (
        window.findChild(QPushButton, "downloadButton"),
        window.findChild(QProgressBar, "downloadProgress"),
        window.findChild(QPushButton, "cancelDownloadButton"),
    )


def _select(window, qtbot, tag=TAG):
    view = window.page("models")
    assert view.select_tag(tag)
    qtbot.waitUntil(lambda: view.selected_tag() == tag, timeout=2000)
    return view


def test_download_progresses_to_installed_and_opens_chat(open_window, qtbot) -> None:
    window = open_window()
    view = _select(window, qtbot)
    download, progress, _cancel = _widgets(window)
    assert download.isEnabled() and download.text() == "Download"
    seen: list[int] = []
    progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (s := view.catalogue_model.row_status(TAG)) is not None and s.installed, timeout=15_000)
    assert progress.value() == 100
    assert any(0 < v < 100 for v in seen), f"no intermediate progress: {seen[:10]}"
    assert window.current_page() == "chat"
    pane = window.findChild(QWidget, "chatPane")
    assert pane.controller.current is not None and pane.controller.current.model == TAG
    assert pane.isVisible()
    # The chat's own listing catches up a moment later (the pull refreshes /api/tags when it ends).
    qtbot.waitUntil(
        lambda: pane.model_picker.currentData() == TAG and "not installed" not in pane.model_picker.currentText(),
        timeout=5000,
    )
    assert download.text() == "Installed" and not download.isEnabled()
    # The measured check runs right after the first download and is kept.
    coordinator = window.downloads
    qtbot.waitUntil(lambda: coordinator.measurements.get(TAG) is not None, timeout=10_000)
    m = coordinator.measurements.get(TAG)
    assert m.size > 0 and m.tokens_per_s == 50.0  # the stand-in: 20 ms per token
    assert coordinator.card.measured.text() == f"Measured: {m.gpu_share * 100:.0f} % GPU, 50 tok/s"
    assert "Estimated:" in coordinator.card.estimated.text()
    qtbot.waitUntil(lambda: (view.catalogue_model.row_status(TAG).measured or "").endswith("measured"), timeout=5000)


def test_cancel_at_half_offers_resume_with_bytes_kept_then_completes(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_remote(TAG, (20_000_000, 1429, 7711, 561))
    window = open_window()
    window.downloads.open_chat_after_download = False
    view = _select(window, qtbot)
    download, progress, cancel = _widgets(window)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: progress.value() >= 50, timeout=15_000)
    assert cancel.isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: download.text().startswith("Resume"), timeout=5000)
    assert "kept" in download.text() and "MB" in download.text()
    status = view.catalogue_model.row_status(TAG)
    assert not status.installed and "kept" in status.text and "Resume" in status.text
    assert not window.downloads.controller.is_installed(TAG)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.catalogue_model.row_status(TAG).installed, timeout=15_000)
    state = window.services.pages.downloads.state(TAG)
    assert state.resumed_from_bytes > 5_000_000
    lines = [
        window.downloads.list_model.data(window.downloads.list_model.index(0, 0), window.downloads.list_model.LineRole)
    ]
    assert lines[0].startswith("Downloaded")
