"""The Ollama status in the window's status bar: one plain sentence (`ollamaStatus`) and the next step
as a button — Install Ollama (Runyard's own install) beside Get Ollama / Check again, Start Ollama,
progress while starting, Update Ollama (Runyard's install is updated in place; one installed outside
Runyard gets its download page), or, for a server on another computer, a way to enter that computer's hardware.

`status_words()` is the wording table (plain, testable); the widget renders it and forwards clicks.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from runyard_desktop.core.ollama.errors import DOWNLOAD_URL
from runyard_desktop.core.ollama.host import is_encrypted
from runyard_desktop.core.ollama.types import MIN_VERSION_TEXT, OllamaStatus, ServerState
from runyard_desktop.models.tooltip_text import plain_tooltip
from runyard_desktop.ui.widgets.elided_label import ElidedLabel
from runyard_desktop.ui.widgets.plain_text import plain_label


def download_page(platform: str = sys.platform) -> tuple[str, str]:
    """(url, OS name) of Ollama's official download page for this OS."""
    if platform == "darwin":
        return f"{DOWNLOAD_URL}/mac", "macOS"
    if platform.startswith("win"):
        return f"{DOWNLOAD_URL}/windows", "Windows"
    return f"{DOWNLOAD_URL}/linux", "Linux"


@dataclass(frozen=True)
class StatusWords:
    text: str  # the status-bar sentence
    action: str = ""  # the primary button's text ("" = none)
    action_key: str = ""  # "download" | "start" | "update" | "hardware" | "settings"
    check_again: bool = False
    busy: bool = False
    colour: str = "#888888"  # the dot


GREEN, AMBER, RED, GREY = "#2e9d57", "#d08a00", "#d93b3b", "#888888"


def status_words(status: OllamaStatus, platform: str = sys.platform) -> StatusWords:
    state = status.state
    url, os_name = download_page(platform)
    if state is ServerState.NOT_INSTALLED:
        return StatusWords(
            f"Ollama is not installed — press Install Ollama, or get it from {url.removeprefix('https://')}. "
            "The hardware and Models pages work without it.",
            f"Get Ollama for {os_name}",
            "download",
            True,
            colour=RED,
        )
    if state is ServerState.STOPPED:
        return StatusWords(
            "Ollama is installed but not running. Start Ollama to download and chat.",
            "Start Ollama",
            "start",
            True,
            colour=AMBER,
        )
    if state is ServerState.STARTING:
        return StatusWords("Starting Ollama…", busy=True, colour=AMBER)
    if state is ServerState.TOO_OLD:
        have = status.version or "an unknown version"
        return StatusWords(
            f"Ollama {have} is too old for Qwen3.5 (it needs {MIN_VERSION_TEXT} or newer).",
            f"Update Ollama (Qwen3.5 needs {MIN_VERSION_TEXT} or newer)",
            "update",
            True,
            colour=RED,
        )
    if state is ServerState.REMOTE_UNREACHABLE:
        return StatusWords(f"No Ollama server answers at {status.host}.", "Settings…", "settings", True, colour=RED)
    if state is ServerState.RUNNING and status.is_remote:
        unencrypted = "" if is_encrypted(status.host) else " over plain http (unencrypted)"
        return StatusWords(
            f"Connected to Ollama at {status.host}{unencrypted}: your prompts and documents go to that computer;"
            " verdicts describe this one",
            "Enter that computer's hardware…",
            "hardware",
            colour=GREEN,
        )
    if state is ServerState.RUNNING:
        return StatusWords(f"Ollama {status.version or ''} is running".replace("  ", " "), colour=GREEN)
    return StatusWords("Checking Ollama…", busy=True, colour=GREY)


class OllamaStatusBar(QWidget):
    """Status-bar strip: dot, sentence (objectName `ollamaStatus`), next-step button, Check again.

    Signals:
        start_requested(): "Start Ollama".
        check_requested(): "Check again".
        open_url_requested(str): the official download/update page.
        hardware_requested(): enter the remote computer's hardware (the what-if editor).
        settings_requested(): open Settings (to change the server address).
        install_requested(): install Runyard's own Ollama, or update it when it is the one in use.
    """

    install_requested = Signal()
    start_requested = Signal()
    check_requested = Signal()
    open_url_requested = Signal(str)
    hardware_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ollamaStatusBar")
        self._key = ""
        self.dot = plain_label("●")
        self.dot.setObjectName("ollamaStatusDot")
        self.label = ElidedLabel("Checking Ollama…", "Ollama's state and the next step")  # whole text in the tooltip
        self.label.setObjectName("ollamaStatus")
        self.busy = QProgressBar()
        self.busy.setObjectName("ollamaStartingProgress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.action = QPushButton()
        self.action.setObjectName("ollamaStatusAction")
        self.check = QPushButton("Check again")
        self.check.setObjectName("ollamaCheckAgain")
        self.install = QPushButton("Install Ollama")
        self.install.setObjectName("installOllamaButton")
        self.install.setToolTip("Runyard downloads Ollama's official release for you: no admin rights needed.")
        self._managed = False
        for button in (self.action, self.check):
            button.setFlat(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.install)
        layout.addWidget(self.action)
        layout.addWidget(self.check)
        self.action.clicked.connect(self._on_action_clicked)
        self.check.clicked.connect(self.check_requested)
        self.install.clicked.connect(self.install_requested)
        self._render(status_words_placeholder())

    def text(self) -> str:
        return self.label.text()

    @Slot(object)
    def set_status(self, status: OllamaStatus, *, managed: bool = False) -> None:
        """`managed`: the Ollama in use is Runyard's own install, so *Update Ollama* updates it in place."""
        self._managed = managed
        self._render(status_words(status))
        tip = " ".join(p for p in (status.message, status.next_step) if p)
        self.label.setToolTip(plain_tooltip(tip))

    def _render(self, words: StatusWords) -> None:
        self._key = words.action_key
        self.label.setText(words.text)
        self.dot.setStyleSheet(f"color: {words.colour};")
        self.busy.setVisible(words.busy)
        self.action.setVisible(bool(words.action))
        self.action.setText(words.action)
        self.action.setEnabled(True)
        self.check.setVisible(words.check_again)
        self.install.setVisible(words.action_key == "download")

    @Slot()
    def _on_action_clicked(self) -> None:
        if self._key == "update" and self._managed:
            self.install_requested.emit()
        elif self._key == "download" or self._key == "update":
            self.open_url_requested.emit(download_page()[0])
        elif self._key == "start":
            self.action.setEnabled(False)
            self.start_requested.emit()
        elif self._key == "hardware":
            self.hardware_requested.emit()
        elif self._key == "settings":
            self.settings_requested.emit()


def status_words_placeholder() -> StatusWords:
    return StatusWords("Checking Ollama…", busy=True, colour=GREY)
