"""The chat's header row: conversation title, model picker with fit badges, Think, Parameters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QHBoxLayout, QToolButton, QWidget

from runyard_desktop.ui.theme import BAR_MARGINS, SPACE_S, section_font, spaced
from runyard_desktop.ui.widgets.elided_label import ElidedLabel
from runyard_desktop.ui.widgets.plain_text import plain_label


class ChatHeader(QFrame):
    """Shows the open conversation's title and model; forwards the user's choices.

    Signals:
        model_chosen(str): a model was picked from the list.
        think_toggled(bool): the Think box changed.
        parameters_toggled(bool): the Parameters button was pressed (show/hide the panel).
    """

    model_chosen = Signal(str)
    think_toggled = Signal(bool)
    parameters_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatHeader")
        self.title = ElidedLabel("New conversation", "The conversation's title")
        self.title.setObjectName("conversationTitle")
        self.title.setFont(section_font(self.title.font()))
        self.model_picker = QComboBox()
        self.model_picker.setObjectName("modelPicker")
        # As wide as its entries when there is room, down to about 14 characters when the window is narrow.
        self.model_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model_picker.setMinimumContentsLength(14)
        self.model_picker.setPlaceholderText("Choose a model")
        # currentIndexChanged, not activated: a test or another page choosing a row counts too;
        # set_models fills the list with signals blocked, so only real choices arrive.
        self.model_picker.currentIndexChanged.connect(self._on_model_picker_current_index_changed)
        self.fit_badge = plain_label()  # the selected model's badge, for tools; the picker entries show it
        self.fit_badge.setObjectName("fitBadge")
        self.fit_badge.hide()
        self.think_toggle = QCheckBox("Think")
        self.think_toggle.setObjectName("thinkToggle")
        self.think_toggle.setToolTip("Let the model reason before answering (slower, often better)")
        self.think_toggle.hide()
        self.think_toggle.toggled.connect(self.think_toggled)
        self.params_button = QToolButton()
        self.params_button.setObjectName("parametersButton")
        self.params_button.setText("Parameters")
        self.params_button.setCheckable(True)
        self.params_button.toggled.connect(self.parameters_toggled)
        row = QHBoxLayout(self)
        spaced(row, BAR_MARGINS, SPACE_S)
        row.addWidget(self.title, 1)
        row.addWidget(self.model_picker)
        row.addWidget(self.fit_badge)
        row.addWidget(self.think_toggle)
        row.addWidget(self.params_button)

    def set_models(self, installed: Sequence[str], current: str, badge: Callable[[str], str]) -> None:
        """Fill the picker: installed models (plus `current`, marked, if it is not installed)."""
        self.model_picker.blockSignals(True)
        self.model_picker.clear()
        names = list(installed)
        if current and current not in names:
            names.append(current)
        for name in names:
            text = badge(name)
            label = name if name in installed else f"{name} (not installed)"
            self.model_picker.addItem(f"{label}   ·   {text}" if text else label, name)
        self.model_picker.setCurrentIndex(self.model_picker.findData(current) if current else -1)
        self.model_picker.blockSignals(False)
        self.fit_badge.setText(badge(current) if current else "")

    def set_think(self, available: bool, checked: bool) -> None:
        """The Think box is shown only for models that can think."""
        self.think_toggle.blockSignals(True)
        self.think_toggle.setChecked(checked)
        self.think_toggle.blockSignals(False)
        self.think_toggle.setVisible(available)

    @Slot(int)
    def _on_model_picker_current_index_changed(self, index: int) -> None:
        tag = self.model_picker.itemData(index)
        if tag:
            self.model_chosen.emit(str(tag))
