"""The real window on a computer without Ollama, against the loopback release server: *Install Ollama*
downloads, verifies, unpacks and starts it, the status bar says "Ollama X is running", and a model
Download then works through it; Cancel keeps the part and Resume fetches only the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from runyard_desktop.core.ollama.types import ServerState
from runyard_desktop.ui.downloads import download_dialogs as dialogs
from tests.downloads.conftest import PLENTY, ROOMY
from tests.support.fake_releases import FakeReleases
from tests.support.ports import unused_port

pytestmark = pytest.mark.slow


@pytest.fixture
def open_window(qtbot, releases: FakeReleases, no_system_ollama: None) -> Iterator[Callable[[], Any]]:
    from runyard_desktop.app import create_main_window

    windows: list[Any] = []

    def make() -> Any:
        window = create_main_window(host=f"http://127.0.0.1:{unused_port()}")
        qtbot.addWidget(window)
        window.services.pages.downloads.free_disk = lambda: PLENTY
        window.services.core.hardware.detect = lambda: ROOMY
        window.downloads.ask = lambda _issue: dialogs.PROCEED
        window.downloads.open_chat_after_download = False
        window.show()
        window.show_page("models")
        windows.append(window)
        ollama = window.services.pages.ollama
        qtbot.waitUntil(lambda: ollama.status.state is ServerState.NOT_INSTALLED, timeout=10_000)
        return window

    yield make
    for window in windows:
        window.close()


T = TypeVar("T", bound=QWidget)


def _child(parent: QWidget, kind: type[T], name: str) -> T:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def _card(window: Any) -> tuple[QWidget, QPushButton]:
    banner = window.findChild(QWidget, "firstRunBanner")
    return banner, _child(banner, QPushButton, "installOllamaButton")


def test_install_ollama_then_download_a_model(open_window, releases: FakeReleases, qtbot) -> None:
    releases.add_release(version="0.17.1")
    window = open_window()
    banner, install = _card(window)
    status_bar = window.findChild(QWidget, "ollamaStatusBar")
    assert banner.isVisible() and install.isVisible() and install.text() == "Install Ollama"
    assert status_bar.findChild(QPushButton, "installOllamaButton").isVisible()
    qtbot.mouseClick(install, Qt.MouseButton.LeftButton)
    label = window.findChild(QLabel, "ollamaStatus")
    qtbot.waitUntil(lambda: label.text() == "Ollama 0.17.1 is running", timeout=30_000)
    assert not banner.isVisible()
    ollama = window.services.pages.ollama
    assert ollama.status.started_by_us  # so it is stopped when Runyard quits

    view = window.page("models")
    assert view.select_tag("qwen3.5:2b")
    qtbot.waitUntil(lambda: view.selected_tag() == "qwen3.5:2b", timeout=2000)
    download = window.findChild(QPushButton, "downloadButton")
    qtbot.waitUntil(download.isEnabled, timeout=5000)
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (s := view.catalogue_model.row_status("qwen3.5:2b")) is not None and s.installed, timeout=30_000
    )
    child = ollama._child
    assert child is not None and child.running

    # Settings says which Ollama is in use and where; Remove deletes Runyard's own (after a yes).
    window.downloads.confirm_delete = lambda *_a: True
    section = window.downloads.status_settings.ollama_section()
    service = window.services.pages.ollama_install
    in_use = _child(section, QLabel, "ollamaInUseLabel").text()
    assert f"Runyard's own Ollama 0.17.1, in {service.managed.root}" in in_use and "is running" in in_use
    remove = _child(section, QPushButton, "removeManagedOllamaButton")
    assert not remove.isHidden()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert not service.managed.root.exists() and not child.running
    qtbot.waitUntil(lambda: ollama.status.state is ServerState.NOT_INSTALLED, timeout=10_000)
    section.deleteLater()


def test_cancel_then_resume_in_the_window(open_window, releases: FakeReleases, qtbot) -> None:
    asset = releases.add_release(version="0.17.1")
    releases.bytes_per_s = 300_000
    window = open_window()
    banner, install = _card(window)
    text = _child(banner, QLabel, "ollamaInstallText")
    qtbot.mouseClick(install, Qt.MouseButton.LeftButton)
    bar = _child(banner, QProgressBar, "ollamaInstallProgress")
    qtbot.waitUntil(lambda: bar.value() >= 10 and "%" in text.text() and "left" in text.text(), timeout=10_000)
    qtbot.mouseClick(_child(banner, QPushButton, "ollamaInstallCancel"), Qt.MouseButton.LeftButton)
    resume = _child(banner, QPushButton, "ollamaInstallResume")
    qtbot.waitUntil(resume.isVisible, timeout=10_000)
    assert text.text().startswith("Cancelled.")
    service = window.services.pages.ollama_install
    assert not service.managed.root.exists() and service.has_partial_download()
    kept = (service.managed.downloads / (asset + ".part")).stat().st_size

    releases.bytes_per_s = None
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    label = window.findChild(QLabel, "ollamaStatus")
    qtbot.waitUntil(lambda: label.text() == "Ollama 0.17.1 is running", timeout=30_000)
    assert releases.bodies[-1][:2] == (asset, f"bytes={kept}-")


def test_a_failed_install_says_why_in_the_card(open_window, releases: FakeReleases, qtbot) -> None:
    releases.add_release()
    releases.checksums = ""
    window = open_window()
    banner, install = _card(window)
    qtbot.mouseClick(install, Qt.MouseButton.LeftButton)
    text = _child(banner, QLabel, "ollamaInstallText")
    qtbot.waitUntil(lambda: "does not name" in text.text(), timeout=10_000)
    assert install.isEnabled() and window.services.pages.ollama.status.state is ServerState.NOT_INSTALLED
    assert not window.services.pages.ollama_install.managed.root.exists()


def test_update_ollama_replaces_runyards_own_install(releases: FakeReleases, no_system_ollama: None, qtbot) -> None:
    import asyncio

    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.ollama_install.installer import install
    from runyard_desktop.core.ollama_install.managed import ManagedOllama
    from runyard_desktop.core.ollama_install.release import Release

    asset = releases.add_release(version="0.16.0")
    asyncio.run(install(ManagedOllama.for_paths(app_paths()), Release(releases.base, None, (asset,)), lambda _s: None))
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=f"http://127.0.0.1:{unused_port()}")
    qtbot.addWidget(window)
    window.services.core.hardware.detect = lambda: ROOMY
    window.show()
    window.show_page("models")
    ollama = window.services.pages.ollama
    qtbot.waitUntil(lambda: ollama.status.state is ServerState.STOPPED, timeout=10_000)
    ollama.start_server()
    qtbot.waitUntil(lambda: ollama.status.state is ServerState.TOO_OLD, timeout=30_000)
    banner, update = _card(window)
    assert banner.isVisible() and update.isVisible() and update.text() == "Update Ollama"
    assert "Runyard installed this Ollama" in _child(banner, QLabel, "firstRunBody").text()
    releases.add_release(version="0.17.1")
    qtbot.mouseClick(update, Qt.MouseButton.LeftButton)
    label = window.findChild(QLabel, "ollamaStatus")
    assert label is not None
    qtbot.waitUntil(lambda: label.text() == "Ollama 0.17.1 is running", timeout=30_000)
    assert window.services.pages.ollama_install.managed.version() == "0.17.1"
    window.close()


def test_a_too_old_system_ollama_gets_steps_not_a_replacement(qtbot) -> None:
    from runyard_desktop.core.ollama.server import status_for
    from runyard_desktop.ui.models.first_run import FirstRunBanner

    holder = QWidget()  # never shown: a top-level banner would open a window
    qtbot.addWidget(holder)
    banner = FirstRunBanner(platform="linux", parent=holder)
    status = status_for("http://127.0.0.1:11434", "answering", "0.16.0", None)
    banner.set_status(status, managed=False)
    assert not banner.isHidden() and banner.install.isHidden()
    assert "never replaces it" in banner.body.text() and banner.primary.text() == "Get Ollama for Linux"
    banner.set_status(status, managed=True)
    assert not banner.install.isHidden() and banner.install.text() == "Update Ollama"
