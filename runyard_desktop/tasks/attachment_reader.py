"""Reading the files a user attaches, off the GUI thread: a FIFO, a device or a huge file must never freeze
the window (`core/chat/documents.read_attachment` does the checks and the capped read)."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from runyard_desktop.core.chat.documents import DocumentError, read_attachment
from runyard_desktop.tasks.runner import TaskRunner


class AttachmentReader(QObject):
    """Runs each read as a blocking job on the runner and reports it by request id.

    Signals:
        read(int, object): a `read_later` request ended: its id, then the `Attachment`, or the
            refusal as a plain sentence (`str`).
    """

    read = Signal(int, object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ids = itertools.count(1)

    def read_later(self, path: str, *, vision: bool) -> int:
        """Start reading `path`; returns the request id `read` will carry."""
        request = next(self._ids)
        job = functools.partial(read_attachment, Path(path), vision=vision)
        handle = self._runner.run_blocking(job, name=f"attachment-{request}")
        handle.finished.connect(functools.partial(self.read.emit, request))
        handle.failed.connect(functools.partial(self._on_failed, request, Path(path).name))
        return request

    def _on_failed(self, request: int, name: str, exc: object) -> None:
        if isinstance(exc, DocumentError):
            self.read.emit(request, str(exc))
        else:  # MemoryError, an OSError the reader did not expect…: still a sentence, never a crash
            self.read.emit(request, f"Could not read {name}: {exc}. Attach another file.")
