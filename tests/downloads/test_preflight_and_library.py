"""Checks before a download (too old, won't fit, no disk), the queue, the tray note, Delete and Unload."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.ollama.types import ServerState
from runyard_desktop.ui.downloads.download_dialogs import BETTER, CANCEL

TAG = "qwen3.5:0.8b"


def _click_download(window, qtbot, tag):
    view = window.page("models")
    assert view.select_tag(tag)
    qtbot.mouseClick(window.findChild(QPushButton, "downloadButton"), Qt.MouseButton.LeftButton)


def _answering(answer: str, asked: list[PreflightIssue]) -> Callable[[PreflightIssue], str]:
    """Stands in for the pre-flight dialog: notes each issue in `asked` and answers `answer`."""

    def ask(issue: PreflightIssue) -> str:
        asked.append(issue)
        return answer

    return ask


def test_too_old_ollama_blocks_with_the_installed_version(open_window, dl_fake, qtbot) -> None:
    dl_fake.version = "0.12.6"
    window = open_window()
    assert window.services.pages.ollama.status.state is ServerState.TOO_OLD
    asked: list[PreflightIssue] = []
    window.downloads.ask = _answering("proceed", asked)
    _click_download(window, qtbot, TAG)
    assert asked and asked[0].level is CheckLevel.BLOCK
    assert "0.12.6" in asked[0].text and "0.17.1" in asked[0].text
    assert window.services.pages.downloads.state(TAG) is None
    status = window.findChild(QPushButton, "ollamaStatusAction")
    assert status.text() == "Update Ollama (Qwen3.5 needs 0.17.1 or newer)"


def test_no_fit_asks_and_offers_the_better_choice(open_window, qtbot) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.services.core.hardware.profile is not None, timeout=30_000)
    view = window.page("models")
    view.set_profile(build_profile(ram_gib=8, ram_available_gib=6))  # a small laptop
    big = "qwen3.5:122b-a10b"
    assert view.report_for(big).verdict.value == "no_fit"
    asked: list[PreflightIssue] = []
    window.downloads.ask = _answering(CANCEL, asked)
    _click_download(window, qtbot, big)
    assert asked[0].level is CheckLevel.CONFIRM and "won't fit" in asked[0].title
    better = asked[0].better_choice
    assert better and better != big and better in asked[0].text
    assert window.services.pages.downloads.state(big) is None
    window.downloads.open_chat_after_download = False
    window.downloads.ask = lambda issue: BETTER
    _click_download(window, qtbot, big)
    assert window.services.pages.downloads.state(big) is None
    assert window.services.pages.downloads.state(better) is not None
    assert view.selected_tag() == better
    # Let it end before the window closes (closing mid-connect leaves an anyio coroutine unawaited).
    qtbot.waitUntil(lambda: not window.services.pages.downloads.state(better).is_active, timeout=15_000)


def test_not_enough_disk_blocks_with_the_numbers_and_the_folder(open_window, qtbot) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.page("models").report_for(TAG) is not None, timeout=30_000)
    window.services.pages.downloads.free_disk = lambda: 600_000_000
    asked: list[PreflightIssue] = []
    window.downloads.ask = _answering("proceed", asked)
    _click_download(window, qtbot, TAG)
    issue = asked[0]
    assert issue.level is CheckLevel.BLOCK and issue.title == "Not enough disk space"
    assert "600.0 MB" in issue.text and "GB" in issue.text
    assert window.services.pages.downloads.state(TAG) is None


def test_queue_runs_one_after_another_and_notifies_in_the_background(open_window, dl_fake, qtbot) -> None:
    window = open_window()
    window.downloads.auto_measure = False
    sent = []

    class Stub:
        def notify(self, title: str, text: str) -> bool:
            sent.append((title, text))
            return True

        def close(self) -> None:
            pass

    window.downloads.notifier = Stub()
    _click_download(window, qtbot, TAG)
    _click_download(window, qtbot, "qwen3.5:2b")
    assert window.services.pages.downloads.state("qwen3.5:2b").status.value == "queued"
    assert window.findChild(QPushButton, "downloadButton").text() == "Queued"
    view = window.page("models")
    qtbot.waitUntil(
        lambda: all((s := view.catalogue_model.row_status(t)) is not None and s.installed for t in (TAG, "qwen3.5:2b")),
        timeout=20_000,
    )
    assert window.current_page() == "chat"
    if not window.isActiveWindow():  # offscreen windows are rarely active: the tray note went out
        assert any("qwen3.5:2b" in text for _t, text in sent)


def test_delete_asks_then_removes_and_row_goes_back_to_download(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_installed(TAG, size=1_000_000_000)
    window = open_window()
    view = window.page("models")
    qtbot.waitUntil(lambda: (s := view.catalogue_model.row_status(TAG)) is not None and s.installed, timeout=10_000)
    view.select_tag(TAG)
    asked: list[str] = []

    def confirm_delete(parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return False

    window.downloads.confirm_delete = confirm_delete
    delete = window.downloads.bar.delete_button
    assert delete.isVisible()
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert asked and "1.0 GB" not in asked[0] and TAG in asked[0]
    assert window.downloads.controller.is_installed(TAG)
    window.downloads.confirm_delete = lambda parent, title, text: True
    with qtbot.waitSignal(window.services.pages.ollama.model_deleted, timeout=5000):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.catalogue_model.row_status(TAG) is None, timeout=5000)
    assert window.findChild(QPushButton, "downloadButton").text() == "Download"


def test_installed_page_lists_other_models_deletes_and_unloads(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_installed(
        "llama3.2:3b", size=2_000_000_000, family="llama", parameter_size="3.2B", quantization="Q4_K_M"
    )
    dl_fake.add_installed(TAG, size=1_000_000_000)
    dl_fake.load(TAG, size_vram=500_000_000)
    window = open_window()
    page = window.downloads.installed
    window.show_page("installed")
    qtbot.waitUntil(lambda: page.installed_model.rowCount() == 2 and page.loaded_model.rowCount() == 1, timeout=10_000)
    assert sorted(page.installed_model.names()) == ["llama3.2:3b", TAG]
    row = page.installed_model.names().index("llama3.2:3b")
    assert page.installed_model.index(row, 1).data() == "2.0 GB"
    loaded = page.loaded_model.record(0)
    assert loaded.size_vram == 500_000_000
    assert page.loaded_model.index(0, 2).data() == f"{loaded.gpu_share * 100:.0f} % (0.5 GiB)"
    assert page.select_loaded(TAG)
    with qtbot.waitSignal(window.services.pages.ollama.model_unloaded, timeout=5000):
        qtbot.mouseClick(page.unload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.loaded_model.rowCount() == 0, timeout=5000)
    assert page.loaded_empty.isVisibleTo(page)
    page.confirm = lambda parent, title, text: True
    assert page.select_installed("llama3.2:3b")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.installed_model.names() == [TAG], timeout=5000)
