"""Settings: the Ollama server address, the default context length, the theme, and where files live.

The dialog edits a copy of `Settings` and hands the result back (`result_settings()`); the caller
saves it and applies it. It does no I/O besides opening folders in the file manager.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.appdata.settings import THEMES, Settings
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.ui.theme import DIALOG_MARGINS, PANEL_MARGINS, SPACE_M, SPACE_S, spaced
from runyard_desktop.ui.widgets.context_combo import fill_context_combo
from runyard_desktop.ui.widgets.open_external import open_folder
from runyard_desktop.ui.widgets.plain_text import plain_label

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class SettingsDialog(QDialog):
    """File → Settings…  (no signals beyond QDialog's accepted/rejected)."""

    def __init__(
        self,
        settings: Settings,
        *,
        current_host: str,
        data_dir: Path,
        log_dir: Path,
        ollama_section: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`ollama_section`: which Ollama is in use and *Remove managed Ollama* (ui/settings/ollama_section.py)."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        self._settings = settings
        self._current_host = current_host
        self._log_dir = log_dir
        self._data_dir = data_dir

        self.host_edit = QLineEdit(settings.ollama_host or "")
        self.host_edit.setObjectName("ollamaHostEdit")
        self.host_edit.setPlaceholderText(f"Default: {current_host}")
        self.host_note = plain_label(
            "Another computer's Ollama, e.g. http://192.168.1.20:11434. Empty = this computer. "
            "Used as soon as you press OK."
        )
        self.host_note.setWordWrap(True)
        self.host_error = plain_label()
        self.host_error.setObjectName("hostError")
        self.host_error.setStyleSheet("color: #d93b3b;")
        self.host_error.hide()
        self.context_combo = QComboBox()
        self.context_combo.setObjectName("defaultContextCombo")
        fill_context_combo(self.context_combo)
        self.context_combo.setCurrentIndex(max(0, self.context_combo.findData(settings.default_context)))
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeCombo")
        for theme in THEMES:
            self.theme_combo.addItem(THEME_LABELS[theme], theme)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))

        self.enter_sends_box = QCheckBox("Enter sends a message (Shift+Enter adds a line)")
        self.enter_sends_box.setObjectName("enterSendsCheckBox")
        self.enter_sends_box.setToolTip("Off: Enter adds a line and Ctrl+Enter sends.")
        self.enter_sends_box.setChecked(settings.enter_sends)

        general = QGroupBox("General")
        form = QFormLayout(general)
        spaced(form, PANEL_MARGINS, SPACE_S)
        form.addRow("Ollama server", self.host_edit)
        form.addRow("", self.host_note)
        form.addRow("", self.host_error)
        form.addRow("Default context length", self.context_combo)
        form.addRow("Theme", self.theme_combo)
        form.addRow("Chat", self.enter_sends_box)

        files = QGroupBox("Where Runyard keeps its files")
        files_form = QFormLayout(files)
        spaced(files_form, PANEL_MARGINS, SPACE_S)
        files_form.addRow("Data (conversations, measurements)", self._path_row(data_dir, "Open data folder"))
        self.open_logs_button = QPushButton("Open log folder")
        self.open_logs_button.setObjectName("openLogFolderButton")
        self.open_logs_button.clicked.connect(self._on_open_logs_clicked)
        log_row = QHBoxLayout()
        log_label = plain_label(str(log_dir))
        log_label.setObjectName("logDirLabel")
        log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        log_row.addWidget(log_label, 1)
        log_row.addWidget(self.open_logs_button)
        files_form.addRow("Logs", log_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        spaced(layout, DIALOG_MARGINS, SPACE_M)
        layout.addWidget(general)
        if ollama_section is not None:
            layout.addWidget(ollama_section)
        layout.addWidget(files)
        layout.addWidget(buttons)

    def _path_row(self, path: Path, button_text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        label = plain_label(str(path))
        label.setObjectName("dataDirLabel")
        row.addWidget(label, 1)
        button = QPushButton(button_text)
        button.setObjectName("openDataFolderButton")
        button.clicked.connect(self._on_open_data_clicked)
        row.addWidget(button)
        return row

    def result_settings(self) -> Settings:
        """The edited settings (call after `accepted`)."""
        text = self.host_edit.text().strip()
        return replace(
            self._settings,
            ollama_host=hosts.normalize(text) if text else None,
            default_context=self.context_combo.currentData(),
            theme=str(self.theme_combo.currentData()),
            enter_sends=self.enter_sends_box.isChecked(),
        )

    @Slot()
    def _on_buttons_accepted(self) -> None:
        text = self.host_edit.text().strip()
        if text and (" " in text or "/" in text.split("://")[-1].rstrip("/")):
            self.host_error.setText("That address does not look right. Use host:port, e.g. 192.168.1.20:11434.")
            self.host_error.show()
            return
        try:
            if text:
                hosts.checked_host(text)  # a bad port, scheme or credentials: said, not silently replaced
        except hosts.HostError as exc:
            self.host_error.setText(str(exc))
            self.host_error.show()
            return
        self.accept()

    @Slot()
    def _on_open_logs_clicked(self) -> None:
        open_folder(str(self._log_dir))

    @Slot()
    def _on_open_data_clicked(self) -> None:
        open_folder(str(self._data_dir))
