"""Per-conversation parameters, shown beside the transcript: system prompt, temperature, context length
and "Run on the CPU only" (Ollama's `num_gpu: 0`: no layers on the GPU, as `OLLAMA_NUM_GPU=0` does).

Changing the context asks the pane for a fit check (`fit_note`), which says whether the larger
context would push the model off the GPU, and offers the largest context this machine holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.chat.conversation import CONTEXT_CHOICES, Conversation
from runyard_desktop.ui.theme import PANEL_MARGINS, PANEL_SPACING, section_font, spaced
from runyard_desktop.ui.widgets.context_combo import select_context
from runyard_desktop.ui.widgets.plain_text import plain_label


class ParametersPanel(QFrame):
    """Edits the open conversation's parameters.

    Signals:
        parameters_changed(dict): changed fields among system_prompt, temperature, num_ctx, cpu_only.
    """

    parameters_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parametersPanel")
        self.setMinimumWidth(260)
        self.setMaximumWidth(340)
        self.fit_note: Callable[[int | None], str] = lambda _ctx: ""
        self._loading = False
        title = plain_label("Parameters")
        title.setObjectName("panelTitle")
        title.setFont(section_font(title.font()))
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setObjectName("systemPromptEdit")
        self.system_prompt.setPlaceholderText("System prompt (optional): how the model should behave")
        self.system_prompt.setFixedHeight(120)
        self.system_prompt.textChanged.connect(self._on_system_prompt_text_changed)
        prompt_hint = plain_label("Saved as you type; used from the next message on.")
        prompt_hint.setObjectName("systemPromptHint")
        prompt_hint.setWordWrap(True)
        self.temperature = QDoubleSpinBox()
        self.temperature.setObjectName("temperatureSpin")
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(2)
        self.temperature.setToolTip("Lower is more focused and repeatable; higher is more varied.")
        self.temperature.valueChanged.connect(self._on_temperature_value_changed)
        self.context = QComboBox()
        self.context.setObjectName("contextLengthCombo")
        self.context.addItem("Ollama default", None)
        for n in CONTEXT_CHOICES:
            self.context.addItem(f"{n:,} tokens", n)
        self.context.currentIndexChanged.connect(self._on_context_index_changed)
        self.cpu_only = QCheckBox("Run on the CPU only")
        self.cpu_only.setObjectName("cpuOnlyCheck")
        self.cpu_only.setAccessibleName("Run on the CPU only")
        self.cpu_only.setToolTip(
            "Keeps the model off the graphics card (Ollama's num_gpu 0): slower, but leaves the GPU free "
            "for other work. Turning it off again takes effect when Ollama next loads the model (after it unloads it)."
        )
        self.cpu_only.toggled.connect(self._on_cpu_only_toggled)
        self.fit_label = plain_label()
        self.fit_label.setObjectName("contextFitNote")
        self.fit_label.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Temperature", self.temperature)
        form.addRow("Context", self.context)
        form.addRow(self.cpu_only)
        layout = QVBoxLayout(self)
        spaced(layout, PANEL_MARGINS, PANEL_SPACING)
        layout.addWidget(title)
        layout.addWidget(self.system_prompt)
        layout.addWidget(prompt_hint)
        layout.addLayout(form)
        layout.addWidget(self.fit_label)
        layout.addStretch(1)

    def set_conversation(self, conversation: Conversation | None, default_temperature: float) -> None:
        self._loading = True
        self.setEnabled(conversation is not None)
        c = conversation
        self.system_prompt.setPlainText(c.system_prompt if c else "")
        self.temperature.setValue(c.temperature if c and c.temperature is not None else default_temperature)
        self.set_context_value(c.num_ctx if c else None)
        self.cpu_only.setChecked(bool(c and c.cpu_only))
        self._loading = False
        self.refresh_fit_note()

    def set_context_value(self, num_ctx: int | None) -> None:
        select_context(self.context, num_ctx)

    def refresh_fit_note(self) -> None:
        note = self.fit_note(self.context.currentData())
        self.fit_label.setText(note)
        self.fit_label.setVisible(bool(note))

    @Slot()
    def _on_system_prompt_text_changed(self) -> None:
        if not self._loading:
            self.parameters_changed.emit({"system_prompt": self.system_prompt.toPlainText().strip()})

    @Slot(float)
    def _on_temperature_value_changed(self, value: float) -> None:
        if not self._loading:
            self.parameters_changed.emit({"temperature": round(value, 2)})

    @Slot(int)
    def _on_context_index_changed(self, _index: int) -> None:
        if not self._loading:
            self.parameters_changed.emit({"num_ctx": self.context.currentData()})
            self.refresh_fit_note()

    @Slot(bool)
    def _on_cpu_only_toggled(self, checked: bool) -> None:
        if not self._loading:
            self.parameters_changed.emit({"cpu_only": checked})
