"""The chat's header: conversation title, model picker with fit badges, Think, Parameters (and Summarize…,
added by the pane). One row while the title keeps room for about 18 characters beside the controls; when a
side panel or a narrow window leaves less, the picker and Think move to a row of their own under the title
and the panel buttons, and in a narrower column the buttons to a third, so neither the title nor the picker
is squeezed to a few letters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QToolButton, QWidget

from runyard_desktop.ui.theme import BAR_MARGINS, SPACE_S, section_font, spaced
from runyard_desktop.ui.widgets.elided_label import ElidedLabel
from runyard_desktop.ui.widgets.plain_text import plain_label

TITLE_ROOM_CHARS = 18  # the title's room beside the controls before it moves to a row of its own


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
        self.controls = QWidget()  # the picker and Think
        self.controls.setObjectName("chatHeaderControls")
        controls_row = QHBoxLayout(self.controls)
        spaced(controls_row, (0, 0, 0, 0), SPACE_S)
        controls_row.addWidget(self.model_picker)
        controls_row.addWidget(self.fit_badge)
        controls_row.addWidget(self.think_toggle)
        self.panel_buttons = QWidget()  # the side panels' buttons: Parameters, and the pane's Summarize…
        self.panel_buttons.setObjectName("chatHeaderPanelButtons")
        self.panel_buttons_row = QHBoxLayout(self.panel_buttons)
        spaced(self.panel_buttons_row, (0, 0, 0, 0), SPACE_S)
        self.panel_buttons_row.addWidget(self.params_button)
        for part in (self.controls, self.panel_buttons):  # a control shown, hidden or added changes the room left
            part.installEventFilter(self)
        self._grid = QGridLayout(self)
        spaced(self._grid, BAR_MARGINS, SPACE_S)
        self._grid.setColumnStretch(0, 1)
        self._grid.addWidget(self.title, 0, 0)
        self._grid.addWidget(self.controls, 0, 1)
        self._grid.addWidget(self.panel_buttons, 0, 2)
        self.rows = 1  # 1: all on one row; 2: the picker and Think below; 3: the panel buttons below those

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.controls, self.panel_buttons) and event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
        return super().eventFilter(watched, event)

    def _arrange(self, width: int) -> None:
        """As few rows as leave the title TITLE_ROOM_CHARS and the picker its full entries."""
        margins = self._grid.contentsMargins()
        room = width - margins.left() - margins.right()
        gap = self._grid.spacing()
        title = self.title.fontMetrics().averageCharWidth() * TITLE_ROOM_CHARS
        controls, buttons = self.controls.sizeHint().width(), self.panel_buttons.sizeHint().width()
        if title + gap + controls + gap + buttons <= room:
            rows = 1
        elif title + gap + buttons <= room and controls <= room:
            rows = 2
        else:
            rows = 3
        if rows == self.rows:
            return
        self.rows = rows
        self._grid.removeWidget(self.controls)
        self._grid.removeWidget(self.panel_buttons)
        if rows == 1:
            self._grid.addWidget(self.controls, 0, 1)
            self._grid.addWidget(self.panel_buttons, 0, 2)
        elif rows == 2:
            self._grid.addWidget(self.panel_buttons, 0, 1)
            self._grid.addWidget(self.controls, 1, 0, 1, 2)
        else:
            self._grid.addWidget(self.controls, 1, 0)
            self._grid.addWidget(self.panel_buttons, 2, 0)

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
