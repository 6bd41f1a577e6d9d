"""The attachments part of `ChatPane`: files added or dropped, the summarise request, and the context they take.

`AttachmentsMixin` reads files through the controller, off the GUI thread, into the composer (a
"reading…" chip meanwhile; refusals show in the composer notice), accepts local files dropped on the
pane, keeps the context meter current and, when the attachments overflow the context, offers the next
context size that fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from runyard_desktop.core.chat.conversation import Attachment, ContextUsage, context_offer
from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.ui.chat.composer import Composer
from runyard_desktop.ui.chat.parameters_panel import ParametersPanel


class AttachmentsMixin:
    """Attachment handling of `ChatPane` (its only user), a QWidget.

    Signals: none of its own; its slots receive the composer's. The attributes below are set by
    `ChatPane.__init__`.
    """

    controller: ConversationController
    composer: Composer
    parameters: ParametersPanel
    _fit: ChatFitAdvisor
    _offer_context: int | None  # the context size the composer offers to raise to, if any
    _reading: dict[int, QWidget]  # read request id → its "reading…" chip
    _read_notices: list[tuple[str, str]]  # (level, text) from the reads since the last batch ended

    def add_files(self, paths: Sequence[str]) -> None:
        """Attach files as if dropped: each shows as "reading…" while it is read off the GUI thread,
        then as an attachment; refused ones are explained in the composer notice."""
        if not self._reading:
            self._read_notices = []
        for path in paths:
            chip = self.composer.add_reading(Path(path).name)
            self._reading[self.controller.read_attachment_later(path)] = chip

    @Slot(int, object)
    def _on_controller_attachment_read(self, request: int, result: object) -> None:
        chip = self._reading.pop(request, None)
        if chip is None:
            return
        self.composer.remove_reading(chip)
        if isinstance(result, Attachment):
            self.composer.add_attachment(result)
            if result.notice:
                self._read_notices.append(("warn", result.notice))
        else:
            self._read_notices.append(("error", str(result)))
        if self._reading:
            return
        if self._read_notices:
            level = "error" if any(lv == "error" for lv, _ in self._read_notices) else "warn"
            self.composer.show_notice("\n".join(text for _, text in self._read_notices), level)
        else:
            self.composer.show_notice("")

    def _update_context_meter(self) -> ContextUsage:
        usage = self.controller.context_usage(self.composer.input.toPlainText(), self.composer.attachments())
        self.composer.set_context(usage)
        return usage

    def _offer_larger_context(self, usage: ContextUsage | None = None) -> None:
        """When the attachments overflow the context: offer the next size that fits, or explain.

        `usage`: the context usage just computed, if the caller has it.
        """
        current = self.controller.current
        if usage is None:
            usage = self.controller.context_usage(self.composer.input.toPlainText(), self.composer.attachments())
        # context_offer is None unless usage is "over": only then search for the largest context that fits.
        offer = None
        if current is not None and usage.level == "over":
            offer = context_offer(usage, current.model, self._fit.largest_context(current.model))
        self._offer_context = offer.raise_to if offer else None
        if offer is None:
            self.composer.set_offer("")
        else:
            self.composer.set_offer(offer.text, f"Raise context to {offer.raise_to:,}" if offer.raise_to else "")

    @Slot()
    def _on_composer_summarize_requested(self) -> None:
        attachments = self.composer.attachments()
        if self.controller.summarize(attachments):
            self.composer.take_text()
            self.composer.clear_attachments()

    @Slot()
    def _on_composer_attachments_changed(self) -> None:
        self._offer_larger_context(self._update_context_meter())

    @Slot()
    def _on_composer_raise_context_requested(self) -> None:
        if self._offer_context is not None:
            self.controller.update_current(num_ctx=self._offer_context)
            self.parameters.set_context_value(self._offer_context)
            self._offer_larger_context()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
