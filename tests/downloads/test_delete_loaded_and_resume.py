"""In the window: Delete on a loaded model leaves it in neither list; a resume needs disk only for the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableView

from runyard_desktop.core.downloads.preflight import (
    DISK_MARGIN_BYTES,
    CheckLevel,
    PreflightIssue,
    kept_bytes,
    preflight,
)
from runyard_desktop.core.ollama.types import OllamaStatus, PullState, PullStatus, ServerState

TAG = "qwen3.5:0.8b"


def _names(table: QTableView) -> list[str]:
    model = table.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_installed_page_delete_of_a_loaded_model_leaves_it_in_neither_list(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_installed(TAG, size=1_000_000_000)
    dl_fake.load(TAG)
    window = open_window()
    window.show_page("installed")
    installed = window.findChild(QTableView, "installedTable")
    loaded = window.findChild(QTableView, "loadedTable")
    qtbot.waitUntil(lambda: _names(installed) == [TAG] and _names(loaded) == [TAG], timeout=10_000)
    window.downloads.installed.confirm = lambda parent, title, text: True
    installed.selectRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "deleteInstalledButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(installed) == [] and _names(loaded) == [], timeout=5000)
    assert dl_fake.state.loaded == {}  # its memory is free, not only its row gone


def _click_download(window, qtbot) -> None:
    assert window.page("models").select_tag(TAG)
    qtbot.mouseClick(window.findChild(QPushButton, "downloadButton"), Qt.MouseButton.LeftButton)


def test_resume_on_a_nearly_full_disk_needs_only_the_rest(open_window, dl_fake, qtbot) -> None:
    window = open_window()
    window.downloads.auto_measure = False
    window.downloads.open_chat_after_download = False
    qtbot.waitUntil(lambda: window.page("models").report_for(TAG) is not None, timeout=30_000)
    download = window.page("models").report_for(TAG).download_bytes
    dl_fake.add_remote(TAG, (download - 9797, 1429, 7711, 96, 561), capabilities=("completion",))
    dl_fake.bytes_per_tick = download // 8
    dl_fake.stall_pull(TAG, 0.5)
    downloads = window.services.pages.downloads
    _click_download(window, qtbot)
    qtbot.waitUntil(lambda: (s := downloads.state(TAG)) is not None and s.completed >= download * 0.4, timeout=10_000)
    qtbot.mouseClick(window.findChild(QPushButton, "cancelDownloadButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: downloads.state(TAG).status is PullStatus.CANCELLED, timeout=5000)
    kept = downloads.state(TAG).completed
    asked: list[PreflightIssue] = []

    def ask(issue: PreflightIssue) -> str:
        asked.append(issue)
        return "proceed"

    window.downloads.ask = ask
    downloads.free_disk = lambda: 100_000_000  # not even the rest fits: say what is needed and what is kept
    _click_download(window, qtbot)
    assert asked and asked[0].level is CheckLevel.BLOCK and "already kept" in asked[0].text
    assert downloads.state(TAG).status is PullStatus.CANCELLED
    # Room for the rest and the margin, not for the whole download: the resume goes ahead.
    free = download - kept + DISK_MARGIN_BYTES + 50_000_000
    assert free < download + DISK_MARGIN_BYTES
    downloads.free_disk = lambda: free
    dl_fake.clear_stall(TAG)  # the network is back (a stall outlives a reconnect, as on a real server)
    asked.clear()
    _click_download(window, qtbot)
    assert not [i for i in asked if i.title == "Not enough disk space"]
    qtbot.waitUntil(lambda: downloads.state(TAG).status is PullStatus.DONE, timeout=15_000)


def test_disk_words_and_what_counts_as_kept() -> None:
    status = OllamaStatus(ServerState.RUNNING, host="http://127.0.0.1:11434", version="0.17.1")
    gb = 1_000_000_000

    class Report:  # only what the disk check reads
        download_bytes = int(6.6 * gb)
        verdict = None
        reason = ""

    issues = preflight("qwen3.5:9b", status=status, report=Report(), free_disk=2 * gb, kept=int(4.5 * gb))  # type: ignore[arg-type]  # Report: a FitReport stand-in
    assert [i.title for i in issues] == ["Not enough disk space"]
    assert "needs 2.1 GB more; 4.5 GB already kept" in issues[0].text
    assert preflight("qwen3.5:9b", status=status, report=Report(), free_disk=3 * gb, kept=int(4.5 * gb)) == []  # type: ignore[arg-type]  # Report stand-in
    assert (
        "needs 6.6 GB of disk space"
        in preflight(
            "qwen3.5:9b",
            status=status,
            report=Report(),  # type: ignore[arg-type]  # only what the disk check reads of a FitReport
            free_disk=3 * gb,
        )[0].text
    )
    done = PullState("qwen3.5:9b", PullStatus.DONE, completed=6 * gb)
    assert kept_bytes(done) == 0 and kept_bytes(None) == 0  # a finished download was since deleted: none kept
    assert kept_bytes(PullState("qwen3.5:9b", PullStatus.FAILED, completed=gb)) == gb
