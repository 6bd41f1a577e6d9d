"""The header part of `ChatPane`: model picker, fit badges, Think toggle and parameters, and what they change.

`ModelPickerMixin` builds the `ChatHeader`, fills its picker with the installed models (each with
its fit badge for the conversation's context), shows the Think toggle for models that can think, and
forwards a chosen model, the toggle and the parameters panel's changes to the open conversation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot

from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.ui.chat.chat_header import ChatHeader
from runyard_desktop.ui.chat.parameters_panel import ParametersPanel


class ModelPickerMixin:
    """Header and parameters glue of `ChatPane` (its only user), a QWidget.

    Signals: none of its own; its slots receive the header's and the parameters panel's. The
    attributes below are set by `ChatPane.__init__`; `_build_header` makes the header and its aliases.
    """

    controller: ConversationController
    parameters: ParametersPanel
    _fit: ChatFitAdvisor
    _installed: list[str]  # names of the installed models, in the picker's order

    def _build_header(self) -> None:
        self.header = ChatHeader()
        # Aliases kept for tests and other pages.
        self.title, self.model_picker = self.header.title, self.header.model_picker
        self.fit_badge, self.think_toggle = self.header.fit_badge, self.header.think_toggle
        self.params_button = self.header.params_button
        self.header.model_chosen.connect(self._on_header_model_chosen)
        self.header.think_toggled.connect(self._on_think_toggle_toggled)
        self.header.parameters_toggled.connect(self.parameters.setVisible)

    def _preferred_model(self) -> str:
        """The model for a conversation that has none, once the list is in: the last one used that is
        still installed (the newest conversation with one), else the app's default, else the first listed."""
        installed = self._installed
        for conversation in self.controller.conversations():  # newest first
            if conversation.model in installed:
                return conversation.model
        if self.controller.default_model in installed:
            return self.controller.default_model
        return installed[0] if installed else ""

    def _refill_picker(self) -> None:
        current = self.controller.current
        model = current.model if current else self.controller.default_model
        ctx = current.num_ctx if current else None
        self.header.set_models(self._installed, model, lambda name: self._fit.badge(name, ctx))
        self._refresh_capabilities()

    def _refresh_capabilities(self) -> None:
        current = self.controller.current
        model = current.model if current else self.controller.default_model
        self.header.set_think(bool(model) and self.controller.can_think(model), bool(current and current.think))
        self.parameters.refresh_fit_note()

    def _context_note(self, num_ctx: int | None) -> str:
        current = self.controller.current
        return self._fit.context_note(current.model, num_ctx) if current and current.model else ""

    @Slot(bool)
    def _on_think_toggle_toggled(self, checked: bool) -> None:
        self.controller.update_current(think=checked)

    @Slot(str)
    def _on_header_model_chosen(self, tag: str) -> None:
        self.controller.update_current(model=tag)  # conversation_updated/opened → request_model_info()

    @Slot(dict)
    def _on_parameters_changed(self, changes: dict[str, Any]) -> None:
        self.controller.update_current(**changes)
