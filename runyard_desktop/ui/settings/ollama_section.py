"""Settings → Ollama: which Ollama Runyard uses and where it lives, and *Remove managed Ollama* when
Runyard installed it itself (models stay: Ollama keeps them in its own folder)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.ui.theme import PANEL_MARGINS, SPACE_S, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label

Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, text) → yes?


class OllamaSection(QGroupBox):
    """The line `ollamaInUseLabel` and the button `removeManagedOllamaButton` (shown only for Runyard's own install).

    Signals: none; `remove()` is called after `confirm` said yes and returns whether anything was removed.
    """

    def __init__(
        self,
        in_use: str,
        *,
        managed_installed: bool,
        remove: Callable[[], bool],
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Ollama", parent)
        self._remove, self._confirm = remove, confirm
        self.label = plain_label(in_use)
        self.label.setObjectName("ollamaInUseLabel")
        self.label.setWordWrap(True)
        self.remove_button = QPushButton("Remove managed Ollama")
        self.remove_button.setObjectName("removeManagedOllamaButton")
        self.remove_button.setToolTip("Deletes the Ollama Runyard installed; your downloaded models stay.")
        self.remove_button.setVisible(managed_installed)
        layout = QVBoxLayout(self)
        spaced(layout, PANEL_MARGINS, SPACE_S)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)
        self.remove_button.clicked.connect(self._on_remove_clicked)

    @Slot()
    def _on_remove_clicked(self) -> None:
        question = (
            "Stop and delete the Ollama that Runyard installed? Models you downloaded stay where Ollama keeps"
            " them; Install Ollama brings it back."
        )
        if not self._confirm(self, "Remove managed Ollama", question):
            return
        removed = self._remove()
        self.label.setText("Runyard's own Ollama was removed." if removed else "There was nothing to remove.")
        self.remove_button.hide()
