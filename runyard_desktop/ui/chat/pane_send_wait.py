"""A Send pressed before Ollama's model list arrives waits for it (part of `ChatPane`).

When the Chat page opens, the list of installed models takes a moment to come, and a conversation
without a model gets one from it (`ModelPickerMixin._preferred_model`). A Send pressed in that moment
is not refused: the text stays in the box, the Send button says what it waits for, and the message
goes out as soon as the list has selected a model. If the list arrives empty, the listing fails or
Ollama turns out not to answer, the user is told then (not before). Editing or clearing the text, or
opening another conversation, cancels the waiting send.
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from runyard_desktop.core.ollama.host import where_prompts_go
from runyard_desktop.core.ollama.types import OllamaStatus, ServerState
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.ui.chat.composer import Composer

WAITING_LABEL = "Waiting for the model list…"
NO_MODELS = "No model is installed in Ollama yet. Download one on the Models page, then send your message again."
PICK_A_MODEL = "Pick a model in the list above, then send your message again."
# States in which the list is still to come: not checked yet, starting, or answering.
LIST_COMING = (ServerState.UNKNOWN, ServerState.STARTING, ServerState.RUNNING, ServerState.TOO_OLD)


class SendWaitMixin:
    """The waiting send of `ChatPane` (its only user), a QWidget.

    Signals: none of its own. `ChatPane.__init__` sets the attributes below and calls `_init_send_wait`;
    it routes every Send through `_hold_send` and calls `_release_send` when the list has arrived.
    """

    controller: ConversationController
    composer: Composer
    _installed: list[str]

    def _init_send_wait(self) -> None:
        self._models_listed = False  # a listing arrived (possibly empty)
        self._ollama_down = ""  # what the server status says when Ollama does not answer, else ""
        self._waiting_text: str | None = None  # the text of the Send that waits for the list
        self.composer.input.textChanged.connect(self._on_input_text_changed_while_waiting)

    # ---- public ------------------------------------------------------------------------------

    def set_ollama_status(self, status: OllamaStatus) -> None:
        """Follow the server's status (`OllamaService.status_changed`): when it does not answer, a
        waiting send ends with its message."""
        self.composer.set_destination(where_prompts_go(status.host) if status.is_remote else "")
        down = status.state not in LIST_COMING
        self._ollama_down = f"{status.message} {status.next_step}".strip() if down else ""
        if down:
            self._end_wait(self._ollama_down or "Ollama does not answer.")

    def listing_failed(self, operation: str, error: object) -> None:
        """An Ollama operation failed (`OllamaService.operation_failed`); a failed listing ends the wait."""
        if operation == "list" and self._waiting_text is not None:
            plain = getattr(error, "plain", None)
            self._end_wait(plain() if callable(plain) else str(error))

    # ---- helpers for ChatPane ----------------------------------------------------------------

    def _model_for_send(self) -> str:
        current = self.controller.current
        return current.model if current is not None else self.controller.default_model

    def _hold_send(self, text: str) -> bool:
        """True when this Send must not go out now: it waits for the list, or there is nothing to pick."""
        if self._waiting_text is not None:
            return True  # already waiting (Enter pressed again)
        if self.composer.editing_message_id is not None or self._model_for_send():
            return False
        if not self._models_listed and not self._ollama_down:
            self._waiting_text = text
            self.composer.show_notice("")
            self.composer.set_waiting(WAITING_LABEL)
            return True
        self.composer.show_notice(self._nothing_to_pick(), "warn")
        return True

    def _release_send(self) -> None:
        """The list arrived and the pane selected from it: send the waiting text, or say why not."""
        self._models_listed = True
        text = self._waiting_text
        if text is None:
            return
        if not self._model_for_send():
            self._end_wait(self._nothing_to_pick())
            return
        self._end_wait("")
        self.composer.submit()  # the text is still `text`: any edit cancelled the wait

    def _cancel_send_wait(self) -> None:
        self._end_wait("")

    def _nothing_to_pick(self) -> str:
        if self._ollama_down:
            return self._ollama_down
        return PICK_A_MODEL if self._installed else NO_MODELS

    def _end_wait(self, message: str) -> None:
        if self._waiting_text is None:
            return
        self._waiting_text = None
        self.composer.set_waiting("")
        if message:
            self.composer.show_notice(message, "warn")

    @Slot()
    def _on_input_text_changed_while_waiting(self) -> None:
        if self._waiting_text is not None and self.composer.input.toPlainText() != self._waiting_text:
            self._cancel_send_wait()
