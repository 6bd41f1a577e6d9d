"""The Chat page's *Summarize documents…* runner: files one after another, off the GUI thread.

Each file goes waiting → reading (read off the GUI thread with the attachment rules) → summarizing
(the real chat path, `core.chat.batch_summary.summarize_document`, on the runner's loop; the token
count reaches the GUI at most every `TOKEN_REPORT_S`) → done (saved as a conversation in the history,
or as a Markdown file beside the document, written off the GUI thread) or failed with a plain reason.
`cancel()` stops the file in progress at once (its socket closes) and marks the rest cancelled;
finished results are kept. The folder listing runs off the GUI thread too.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal

from runyard_desktop.core.chat.batch_summary import (
    CollectError,
    FileProgress,
    FileState,
    batch_outcome_text,
    check_context,
    collect_documents,
    summarize_document,
    write_summary,
)
from runyard_desktop.core.chat.conversation import STATUS_COMPLETE, Attachment, ReplyMetrics, summarize_prompt
from runyard_desktop.core.chat.documents import DocumentError, read_document
from runyard_desktop.core.chat.history import HistoryStore
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama.types import ChatMetrics
from runyard_desktop.tasks.runner import TaskHandle, TaskRunner
from runyard_desktop.tasks.throttle import Throttle

TOKEN_REPORT_S = 0.1
SAVE_CONVERSATION = "conversation"
SAVE_MARKDOWN = "markdown"


@dataclass(frozen=True)
class BatchOptions:
    """What the batch runs with: the model, the context and CPU switch of the chat, where results go."""

    model: str
    num_ctx: int
    largest_context: int | None = None  # what this machine holds for `model` (the fit advisor), if known
    raise_context: bool = True
    cpu_only: bool = False
    save_as: str = SAVE_CONVERSATION  # or SAVE_MARKDOWN (beside each document, or in out_dir)
    out_dir: Path | None = None


@dataclass(frozen=True)
class _Summary:
    """One file's summary, from the loop thread to the GUI thread."""

    attachment: Attachment
    num_ctx: int
    text: str
    metrics: ChatMetrics


class SummaryBatch(QObject):
    """Runs one batch at a time.

    Signals:
        files_listed(object, object): the rows (tuple of FileProgress, all waiting) and the notes
            (tuple of str) about what the paths left out.
        file_changed(int, object): row index and its new FileProgress.
        batch_finished(str): the outcome sentence ('20 of 20 summarized.'), or why nothing ran.
        conversation_saved(int): a summary was stored as a new conversation with this id.
    """

    files_listed = Signal(object, object)
    file_changed = Signal(int, object)
    batch_finished = Signal(str)
    conversation_saved = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        client: Callable[[], OllamaClient],
        store: HistoryStore,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._client = client  # asked at each file: Settings may point the chat at another server meanwhile
        self._store = store
        self._generations = itertools.count(1)
        self._generation = 0
        self._options: BatchOptions | None = None
        self.rows: list[FileProgress] = []
        self._files: list[Path] = []
        self._handle: TaskHandle | None = None
        self._index = -1
        self._saving = False
        self._cancelled = False

    @property
    def is_running(self) -> bool:
        return self._options is not None

    def start(self, paths: Sequence[Path], options: BatchOptions) -> bool:
        """Begin a batch; False when one is running already."""
        if self.is_running:
            return False
        self._generation = next(self._generations)
        self._options, self._cancelled, self.rows, self._files, self._index = options, False, [], [], -1
        self._watch(self._runner.run_blocking(collect_documents, list(paths), name="summary-list"), self._on_listed)
        return True

    def cancel(self) -> None:
        """Stop now: the file in progress and those waiting are cancelled; finished ones are kept."""
        if not self.is_running or self._cancelled:
            return
        self._cancelled = True
        for i, row in enumerate(self.rows):
            if not row.finished and not (i == self._index and self._saving):
                self._set(i, replace(row, state=FileState.CANCELLED, detail=""))
        if self._handle is not None and not self._saving:
            self._handle.cancel()
        else:
            self._finish_if_idle()

    # ---- steps (GUI thread) ---------------------------------------------------------------------

    def _watch(self, handle: TaskHandle, on_result: Callable[[object], None]) -> None:
        gen = self._generation
        self._handle = handle
        handle.finished.connect(functools.partial(self._guarded, gen, on_result))
        handle.failed.connect(functools.partial(self._guarded, gen, self._on_step_failed))
        handle.cancelled.connect(functools.partial(self._guarded, gen, lambda _v: None, None))
        handle.done.connect(functools.partial(self._on_handle_done, gen, handle))

    def _guarded(self, generation: int, slot: Callable[[object], None], value: object) -> None:
        if generation == self._generation:
            slot(value)

    def _on_handle_done(self, generation: int, handle: TaskHandle) -> None:
        if generation == self._generation and self._handle is handle:
            self._handle = None
            self._finish_if_idle()

    def _on_listed(self, value: object) -> None:
        files, notes = cast("tuple[list[Path], list[str]]", value)  # collect_documents' result
        self._files = list(files)
        self.rows = [FileProgress(p.name) for p in self._files]
        self.files_listed.emit(tuple(self.rows), tuple(notes))
        self._next()

    def _next(self) -> None:
        self._saving = False
        if self._cancelled:
            return
        self._index += 1
        if self._index >= len(self._files):
            return  # the last handle's done() finishes the batch
        self._set(self._index, replace(self.rows[self._index], state=FileState.READING))
        read = self._runner.run_blocking(read_document, self._files[self._index], name=f"summary-read-{self._index}")
        self._watch(read, self._on_read)

    def _on_read(self, value: object) -> None:
        assert isinstance(value, Attachment) and self._options is not None
        o, index = self._options, self._index
        check = check_context(value, o.model, o.num_ctx, o.largest_context, raise_context=o.raise_context)
        encoding = f"not UTF-8: read as {value.read_as}" if value.read_as else ""
        detail = "; ".join(filter(None, (encoding, check.note)))
        self._set(index, replace(self.rows[index], state=FileState.SUMMARIZING, detail=detail))
        client, model, cpu_only = self._client(), o.model, o.cpu_only

        async def job(report: Callable[[object], None]) -> object:
            throttle: Throttle[int] = Throttle(report, TOKEN_REPORT_S)
            try:
                text, metrics = await summarize_document(
                    client, model, value, check.num_ctx, cpu_only=cpu_only, on_tokens=throttle.push
                )
            finally:
                throttle.close()  # the last count reaches the GUI before the outcome does
            return _Summary(value, check.num_ctx, text, metrics)

        handle = self._runner.submit(job, f"summary-{index}")
        handle.reported.connect(functools.partial(self._guarded, self._generation, self._on_tokens))
        self._watch(handle, self._on_summarized)

    def _on_tokens(self, value: object) -> None:
        row = self.rows[self._index]
        if row.state is FileState.SUMMARIZING and isinstance(value, int):
            self._set(self._index, replace(row, tokens=value))

    def _on_summarized(self, value: object) -> None:
        assert self._options is not None and isinstance(value, _Summary)
        index, o, attachment, text = self._index, self._options, value.attachment, value.text
        if not text.strip():
            self._fail(f"{o.model} gave an empty summary; try again or another model.")
            return
        self.rows[index] = replace(self.rows[index], tokens=value.metrics.eval_count)
        self._saving = True
        if o.save_as == SAVE_MARKDOWN:
            args = (self._files[index], o.model, text, o.out_dir)
            self._watch(self._runner.run_blocking(write_summary, *args, name=f"summary-save-{index}"), self._on_saved)
            return
        conversation_id = self._store_conversation(attachment, value.num_ctx, text, value.metrics)
        self._on_saved(f"the conversation “Summary: {attachment.name}”")
        self.conversation_saved.emit(conversation_id)

    def _store_conversation(self, attachment: Attachment, num_ctx: int, text: str, metrics: ChatMetrics) -> int:
        o = self._options
        assert o is not None
        store = self._store
        conversation = store.create_conversation(
            model=o.model, title=f"Summary: {attachment.name}", num_ctx=num_ctx, think=False, cpu_only=o.cpu_only
        )
        store.add_message(conversation.id, "user", summarize_prompt([attachment.name]), attachments=(attachment,))
        reply = store.begin_reply(conversation.id, o.model)
        store.finish_reply(
            reply.id,
            content=text,
            thinking="",
            status=STATUS_COMPLETE,
            metrics=ReplyMetrics.from_chat(metrics, model=o.model, num_ctx=num_ctx, cpu_only=o.cpu_only),
        )
        return conversation.id

    def _on_saved(self, value: object) -> None:
        saved = value.name if isinstance(value, Path) else str(value)
        self._set(self._index, replace(self.rows[self._index], state=FileState.DONE, saved_as=saved))
        self._next()

    def _on_step_failed(self, exc: object) -> None:
        if isinstance(exc, OllamaError):
            self._fail(f"{exc.message} {exc.next_step}".strip())
        elif isinstance(exc, (DocumentError, CollectError)):
            self._fail(str(exc))
        elif isinstance(exc, OSError) and self._saving:
            self._fail(f"the summary could not be written: {exc.strerror or exc}.")
        else:
            self._fail(f"{exc}")

    def _fail(self, reason: str) -> None:
        if self._index < 0:  # the listing failed: nothing to run
            self._options = None
            self.batch_finished.emit(reason)
            return
        self._set(self._index, replace(self.rows[self._index], state=FileState.FAILED, detail=reason))
        self._next()

    def _set(self, index: int, row: FileProgress) -> None:
        self.rows[index] = row
        self.file_changed.emit(index, row)

    def _finish_if_idle(self) -> None:
        if self._options is None or self._handle is not None:
            return
        if self._cancelled or self._index >= len(self._files):
            self._options = None
            self._saving = False
            self.batch_finished.emit(batch_outcome_text(self.rows))
