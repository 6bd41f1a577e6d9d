"""The attachments part of `ChatPane`: files added or dropped, the summarise request, and the context they take.

`AttachmentsMixin` reads files through the controller into the composer (refusals show in the
composer notice), accepts local files dropped on the pane, keeps the context meter current and, when
the attachments overflow the context, offers the next context size that fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from runyard_desktop.core.chat.conversation import ContextUsage, context_offer
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

    def add_files(self, paths: Sequence[str]) -> None:
        """Attach files as if dropped; refused ones are explained in the composer notice."""
        attachments, errors = self.controller.read_attachments(paths)
        for attachment in attachments:
            self.composer.add_attachment(attachment)
        notices = errors + [a.notice for a in attachments if a.notice]
        if notices:
            self.composer.show_notice("\n".join(notices), "warn" if not errors else "error")
        elif attachments:
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
