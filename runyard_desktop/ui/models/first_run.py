"""First-run guidance: a card at the top of the Models page while Ollama is missing or stopped.

Runyard does not run models itself; Ollama does. Someone without it gets three plain steps, the
official download page for their OS, "Check again" (the app also re-checks on its own), and a way
to use Ollama on another computer instead. Hidden whenever Ollama answers.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.core.ollama.types import OllamaStatus, ServerState
from runyard_desktop.ui.ollama_status import download_page
from runyard_desktop.ui.widgets.plain_text import plain_label


class FirstRunBanner(QFrame):
    """The getting-started card.

    Signals:
        open_url_requested(str), check_requested(), start_requested(), settings_requested().
    """

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
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("firstRunBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.primary = QPushButton(f"Get Ollama for {os_name}")
        self.primary.setObjectName("firstRunPrimary")
        self.primary.setDefault(True)
        self.check = QPushButton("Check again")
        self.check.setObjectName("firstRunCheckAgain")
        self.remote = QPushButton("Use Ollama on another computer…")
        self.remote.setObjectName("firstRunRemote")
        self.remote.setFlat(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.primary)
        buttons.addWidget(self.check)
        buttons.addStretch(1)
        buttons.addWidget(self.remote)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self._state: ServerState | None = None
        self._os_name = os_name
        self.primary.clicked.connect(self._on_primary_clicked)
        self.check.clicked.connect(self.check_requested)
        self.remote.clicked.connect(self.settings_requested)
        self.hide()

    @Slot(object)
    def set_status(self, status: OllamaStatus) -> None:
        self._state = status.state
        if status.state is ServerState.NOT_INSTALLED:
            self.heading.setText("One more step: get Ollama to run models on this computer")
            self.body.setText(
                "Runyard picks the models that fit this computer; <b>Ollama</b> (free, open source) runs them.<ol>"
                f"<li>Download Ollama for {self._os_name} from its official page.</li>"
                "<li>Install it and open it once.</li>"
                "<li>Come back here — Runyard notices by itself (or press <i>Check again</i>).</li></ol>"
                "Meanwhile every verdict below already describes this computer."
            )
            self.primary.setText(f"Get Ollama for {self._os_name}")
            self.setVisible(True)
        elif status.state is ServerState.STOPPED:
            self.heading.setText("Ollama is installed but not running")
            self.body.setText("Start it to download models and chat. The verdicts below work either way.")
            self.primary.setText("Start Ollama")
            self.primary.setEnabled(True)
            self.setVisible(True)
        else:
            self.setVisible(False)

    @Slot()
    def _on_primary_clicked(self) -> None:
        if self._state is ServerState.STOPPED:
            self.primary.setEnabled(False)
            self.start_requested.emit()
        else:
            self.open_url_requested.emit(self._url)
