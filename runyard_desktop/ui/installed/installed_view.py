"""The *Installed* page: every model Ollama has (Qwen or not) with size, quantization and date, and
the models loaded in memory right now with their memory, GPU share and an Unload action.

Renders and forwards intent: Delete asks for confirmation (through an injectable `confirm`), then
emits `delete_requested`; the composition root calls the OllamaService.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.types import InstalledModel, LoadedModel
from runyard_desktop.models.installed_model import RecordTableModel, installed_models_model, loaded_models_model
from runyard_desktop.ui.theme import TITLE_SCALE, page_layout, scaled
from runyard_desktop.ui.widgets.plain_text import plain_label, plain_message_box

Confirm = Callable[[QWidget, str, str], bool]
POLL_MS = 5000


def yes_no_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """The confirmation, not yet shown; `text` may name a model (outside text), so it is plain."""
    box = plain_message_box(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("confirmDialog")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    return yes_no_box(parent, title, text).exec() == QMessageBox.StandardButton.Yes


def delete_question(name: str, size: int | None = None) -> tuple[str, str]:
    """Title and text asking to delete an installed model (`size`: bytes on disk, when known)."""
    size_text = f" ({human_bytes(size)})" if size is not None else ""
    return (
        f"Delete {name}?",
        f"Delete {name}{size_text} from this computer? Its files are removed and the space "
        "is freed. You can download it again later.",
    )


class InstalledView(QWidget):
    """Installed and loaded models.

    Signals:
        delete_requested(str): the user confirmed deleting this model.
        unload_requested(str): free this model's memory now.
        chat_requested(str), measure_requested(str): for the selected installed model.
        refresh_requested(): reload both listings (also when the page is shown, and every few
            seconds while it is visible: what is loaded changes as the chat loads and Ollama unloads).
    """

    delete_requested = Signal(str)
    unload_requested = Signal(str)
    chat_requested = Signal(str)
    measure_requested = Signal(str)
    refresh_requested = Signal()

    def __init__(self, confirm: Confirm | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("installedView")
        self.confirm: Confirm = confirm or ask_yes_no
        self.installed_model = installed_models_model(self)
        self.loaded_model = loaded_models_model(self)
        self.installed_table = self._table(self.installed_model, "installedTable")
        self.installed_table.setAccessibleName("Installed models")
        self.loaded_table = self._table(self.loaded_model, "loadedTable")
        self.loaded_table.setAccessibleName("Models loaded in memory")
        self.loaded_table.setMaximumHeight(8 * (self.fontMetrics().height() + 14))

        title = plain_label("Installed models")
        title.setObjectName("pageTitle")
        title.setFont(scaled(title.font(), TITLE_SCALE, bold=True))
        self.summary = plain_label("Waiting for Ollama…")
        self.summary.setObjectName("installedSummary")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("refreshInstalledButton")
        self.refresh_button.setToolTip("Ask Ollama for its models again")  # + "(F5)": ui/window_actions.py
        self.refresh_button.clicked.connect(self.refresh_requested)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.summary, 1)
        header.addWidget(self.refresh_button)

        self.chat_button = QPushButton("Chat")
        self.measure_button = QPushButton("Measure")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setObjectName("deleteInstalledButton")
        actions = QHBoxLayout()
        for button in (self.chat_button, self.measure_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)

        loaded_title = plain_label("Loaded in memory now")
        loaded_title.setFont(self._bold(loaded_title))
        self.unload_button = QPushButton("Unload")
        self.unload_button.setObjectName("unloadButton")
        self.unload_button.setToolTip("Free the memory now; the model stays installed")
        loaded_actions = QHBoxLayout()
        loaded_actions.addWidget(loaded_title)
        loaded_actions.addStretch(1)
        loaded_actions.addWidget(self.unload_button)
        self.loaded_empty = plain_label(
            "No model is loaded. Ollama loads one when you chat and frees it after a few idle minutes."
        )
        self.loaded_empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        page_layout(layout)
        layout.addLayout(header)
        layout.addWidget(self.installed_table, 2)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addLayout(loaded_actions)
        layout.addWidget(self.loaded_empty)
        layout.addWidget(self.loaded_table, 1)

        self.chat_button.clicked.connect(self._on_chat_button_clicked)
        self.measure_button.clicked.connect(self._on_measure_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.unload_button.clicked.connect(self._on_unload_button_clicked)
        self.installed_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.loaded_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_installed(())
        self.set_loaded(())
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh_requested)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_requested.emit()
        self._poll.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._poll.stop()
        super().hideEvent(event)

    @staticmethod
    def _bold(label: QLabel) -> QFont:
        font = label.font()
        font.setBold(True)
        return font

    def _table(self, model: RecordTableModel[InstalledModel] | RecordTableModel[LoadedModel], name: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(RecordTableModel.SortRole)
        table = QTableView()
        table.setObjectName(name)
        table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        table.setModel(proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The name takes the room the figures leave and is shortened in the middle ("hf.co/…:Q4_K_M"), so a
        # long tag never pushes the table into a sideways scrollbar.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setWordWrap(False)
        return table

    # -- public API -------------------------------------------------------------------------------

    @Slot(object)
    def set_installed(self, models: Sequence[InstalledModel]) -> None:
        selected = self.selected_installed()
        self.installed_model.set_rows(models)
        total = sum(m.size for m in models)
        self.summary.setText(
            f"{len(models)} model{'s' if len(models) != 1 else ''} · {human_bytes(total)} on disk"
            if models
            else "No models installed yet — download one on the Models page."
        )
        if selected:
            self.select_installed(selected)
        self._update_buttons()

    @Slot(object)
    def set_loaded(self, models: Sequence[LoadedModel]) -> None:
        self.loaded_model.set_rows(models)
        self.loaded_empty.setVisible(not models)
        self.loaded_table.setVisible(bool(models))
        self._update_buttons()

    def set_usable(self, usable: bool, message: str = "") -> None:
        self.setEnabled(True)
        for widget in (self.refresh_button, self.installed_table, self.loaded_table):
            widget.setEnabled(usable)
        if not usable:
            self.summary.setText(message or "Ollama is not running.")
        self._update_buttons()

    def selected_installed(self) -> str | None:
        return self._selected(self.installed_table)

    def selected_loaded(self) -> str | None:
        return self._selected(self.loaded_table)

    def select_installed(self, name: str) -> bool:
        return self._select(self.installed_table, name)

    def select_loaded(self, name: str) -> bool:
        return self._select(self.loaded_table, name)

    # -- helpers ----------------------------------------------------------------------------------

    @staticmethod
    def _selected(table: QTableView) -> str | None:
        rows = table.selectionModel().selectedRows()
        return str(rows[0].data(RecordTableModel.NameRole)) if rows else None

    @staticmethod
    def _select(table: QTableView, name: str) -> bool:
        model = table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(RecordTableModel.NameRole) == name:
                table.selectRow(row)
                return True
        return False

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        has_installed = self.selected_installed() is not None and self.installed_table.isEnabled()
        for button in (self.chat_button, self.measure_button, self.delete_button):
            button.setEnabled(has_installed)
        self.unload_button.setEnabled(self.selected_loaded() is not None and self.loaded_table.isEnabled())

    @Slot()
    def _on_chat_button_clicked(self) -> None:
        if name := self.selected_installed():
            self.chat_requested.emit(name)

    @Slot()
    def _on_measure_button_clicked(self) -> None:
        if name := self.selected_installed():
            self.measure_requested.emit(name)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        name = self.selected_installed()
        if name is None:
            return
        record = next((m for m in self.installed_model.records() if m.name == name), None)
        if self.confirm(self, *delete_question(name, record.size if record is not None else None)):
            self.delete_requested.emit(name)

    @Slot()
    def _on_unload_button_clicked(self) -> None:
        if name := self.selected_loaded():
            self.unload_requested.emit(name)
