"""First-run guidance: a card at the top of the Models page while Ollama is missing or stopped.

Runyard does not run models itself; Ollama does. Someone without it gets *Install Ollama* (Runyard
downloads Ollama's official release for this user, no admin rights; progress, Cancel and Resume in the
row below), the official download page for their OS, "Check again" (the app also re-checks on its
own), and a way to use Ollama on another computer instead. An Ollama too old for Qwen3.5 gets *Update
Ollama* when Runyard installed it, and the steps to update it otherwise. Hidden whenever Ollama answers
and is new enough.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.core.ollama.types import MIN_VERSION_TEXT, OllamaStatus, ServerState
from runyard_desktop.ui.ollama_install_row import InstallProgressRow
from runyard_desktop.ui.ollama_status import download_page
from runyard_desktop.ui.theme import CARD_MARGINS, SPACE_S, section_font, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label


class FirstRunBanner(QFrame):
    """The getting-started card.

    Signals:
        open_url_requested(str), check_requested(), start_requested(), settings_requested(),
        install_requested(): *Install Ollama* / *Update Ollama* (Runyard's own install).
    """

    install_requested = Signal()
    open_url_requested = Signal(str)
    check_requested = Signal()
    start_requested = Signal()
    settings_requested = Signal()

    def __init__(self, platform: str = sys.platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#firstRunBanner { border: 1px solid palette(mid); border-radius: 8px;"
            " background: palette(alternate-base); }"
        )
        self._url, os_name = download_page(platform)
        self.heading = plain_label()
        self.heading.setObjectName("firstRunHeading")
        self.heading.setFont(section_font(self.heading.font()))
        self.body = QLabel()
        self.body.setObjectName("firstRunBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.primary = QPushButton(f"Get Ollama for {os_name}")
        self.primary.setObjectName("firstRunPrimary")
        self.primary.setDefault(True)
        self.install = QPushButton("Install Ollama")
        self.install.setObjectName("installOllamaButton")
        self.install.setToolTip("Runyard downloads Ollama's official release for you: no admin rights needed.")
        self.install_row = InstallProgressRow()
        self.check = QPushButton("Check again")
        self.check.setObjectName("firstRunCheckAgain")
        self.remote = QPushButton("Use Ollama on another computer…")
        self.remote.setObjectName("firstRunRemote")
        self.remote.setFlat(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install)
        buttons.addWidget(self.primary)
        buttons.addWidget(self.check)
        buttons.addStretch(1)
        buttons.addWidget(self.remote)
        layout = QVBoxLayout(self)
        spaced(layout, CARD_MARGINS, SPACE_S)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        layout.addWidget(self.install_row)
        self._state: ServerState | None = None
        self._os_name = os_name
        self.primary.clicked.connect(self._on_primary_clicked)
        self.check.clicked.connect(self.check_requested)
        self.install.clicked.connect(self.install_requested)
        self.remote.clicked.connect(self.settings_requested)
        self.hide()

    @Slot(object)
    def set_status(self, status: OllamaStatus, *, managed: bool = False) -> None:
        """`managed`: the Ollama in use is Runyard's own install (so *Update Ollama* can replace it)."""
        self._state = status.state
        self.install.setVisible(status.state is ServerState.NOT_INSTALLED)
        self.primary.setVisible(True)
        if status.state is ServerState.NOT_INSTALLED:
            self.heading.setText("One more step: get Ollama to run models on this computer")
            self.body.setText(
                "Runyard picks the models that fit this computer; <b>Ollama</b> (free, open source) runs them."
                " Press <i>Install Ollama</i> and Runyard downloads Ollama's official release for you — no admin"
                " rights, nothing else to do. Or get it yourself:<ol>"
                f"<li>Download Ollama for {self._os_name} from its official page.</li>"
                "<li>Install it and open it once.</li>"
                "<li>Come back here — Runyard notices by itself (or press <i>Check again</i>).</li></ol>"
                "Meanwhile every verdict below already describes this computer."
            )
            self.primary.setText(f"Get Ollama for {self._os_name}")
            self.install.setText("Install Ollama")
            self.setVisible(True)
        elif status.state is ServerState.TOO_OLD and not status.is_remote:
            self._show_update(status, managed)
        elif status.state is ServerState.STOPPED:
            self.heading.setText("Ollama is installed but not running")
            self.body.setText("Start it to download models and chat. The verdicts below work either way.")
            self.primary.setText("Start Ollama")
            self.primary.setEnabled(True)
            self.setVisible(True)
        else:
            self.setVisible(self.install_row.isVisible() and status.state is not ServerState.RUNNING)

    @Slot()
    def _on_primary_clicked(self) -> None:
        if self._state is ServerState.STOPPED:
            self.primary.setEnabled(False)
            self.start_requested.emit()
        else:
            self.open_url_requested.emit(self._url)

    def _show_update(self, status: OllamaStatus, managed: bool) -> None:
        have = status.version or "here"
        self.heading.setText(f"Ollama {have} is too old for Qwen3.5 (it needs {MIN_VERSION_TEXT} or newer)")
        if managed:
            self.body.setText(
                "Runyard installed this Ollama, so it can update it: press <i>Update Ollama</i>. Your models stay."
            )
            self.install.setText("Update Ollama")
            self.install.setVisible(True)
            self.primary.setVisible(False)
        else:
            self.body.setText(
                "This Ollama was installed outside Runyard, which never replaces it. To update it:<ol>"
                f"<li>Download the latest Ollama for {self._os_name} from its official page"
                " (on Linux, run its install command again).</li>"
                "<li>Install it over the old one; your models stay.</li>"
                "<li>Press <i>Check again</i>.</li></ol>"
            )
            self.primary.setText(f"Get Ollama for {self._os_name}")
        self.setVisible(True)
