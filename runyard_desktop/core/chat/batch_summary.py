"""Summarize documents in a batch, one after another: the core shared by the Chat page and `summarize`.

- `collect_documents(paths)`: the files to summarize — each file named, and the text files directly
  inside each folder named (sorted, hidden ones and images skipped; not recursive), at most
  `MAX_BATCH_FILES`. Reading follows the attachment rules (core/chat/documents.py: formats,
  encodings, size caps, never blocking on a FIFO).
- `summary_messages(attachment)`: the one user turn sent, as the Chat page's "Summarize document"
  does it (the document fenced and named, then `summarize_prompt`).
- `check_context(...)`: per file, whether the document fits the context with room for the reply;
  offers the larger context that fits this machine (the fit advisor's largest), or warns before
  Ollama cuts off the start.
- `free_output_path` / `write_summary`: a Markdown file beside the input (or in a chosen folder),
  never overwriting: `report.summary.md`, then `report.summary (2).md`, … created exclusively.
- `summarize_document(client, …)`: one summary through the real chat path (`stream_reply`), thinking
  off, counting the streamed tokens for the progress line.
- `FileProgress`: one row of the progress list (waiting / reading / summarizing N tokens / done /
  failed with a plain reason / cancelled), and its sentence.
"""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runyard_desktop.core.chat.conversation import (
    DEFAULT_CONTEXT,
    Attachment,
    ContextUsage,
    context_offer,
    document_block,
    estimate_tokens,
    summarize_prompt,
)
from runyard_desktop.core.chat.documents import is_image_path, is_text_path

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.client import OllamaClient
    from runyard_desktop.core.ollama.types import ChatMetrics

MAX_BATCH_FILES = 500
REPLY_ROOM_TOKENS = 1024  # the summary itself needs room in the context too
SUMMARY_SUFFIX = ".summary.md"
MAX_NAME_TRIES = 1000


class FileState(str, enum.Enum):
    WAITING = "waiting"
    READING = "reading"
    SUMMARIZING = "summarizing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class FileProgress:
    """One file's row in the progress list. `detail`: the failure's reason, or the context note."""

    name: str
    state: FileState = FileState.WAITING
    tokens: int = 0  # reply tokens streamed so far (summarizing) or in all (done)
    detail: str = ""
    saved_as: str = ""  # the Markdown file or conversation title the summary went to

    @property
    def finished(self) -> bool:
        return self.state in (FileState.DONE, FileState.FAILED, FileState.CANCELLED)

    def text(self) -> str:
        """'report.txt — summarizing… 120 tokens', 'report.txt — failed: <reason>'."""
        words = {
            FileState.WAITING: "waiting",
            FileState.READING: "reading…",
            FileState.SUMMARIZING: f"summarizing… {self.tokens:,} token{'' if self.tokens == 1 else 's'}",
            FileState.DONE: f"done — saved as {self.saved_as}" if self.saved_as else "done",
            FileState.FAILED: f"failed: {self.detail}",
            FileState.CANCELLED: "cancelled",
        }[self.state]
        note = self.detail if self.detail and self.state in (FileState.SUMMARIZING, FileState.DONE) else ""
        return f"{self.name} — {words}" + (f" ({note})" if note else "")


class CollectError(Exception):
    """A path that cannot be summarized at all (missing, or an empty folder); `str()` says why."""


def collect_documents(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """(files in order, notes about what was left out). Raises CollectError when nothing is left."""
    files: list[Path] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            inside = _folder_documents(path, notes)
            if not inside:
                notes.append(f"{path.name or path} has no text files to summarize.")
            files.extend(inside)
        elif path.exists() or path.is_symlink():
            files.append(path)  # read_document says why, if it cannot be read
        else:
            notes.append(f"{path.name} is not there; check the name.")
    unique = list(dict.fromkeys(files))  # a file named twice (or also inside a named folder) once
    if len(unique) > MAX_BATCH_FILES:
        notes.append(f"Only the first {MAX_BATCH_FILES} of {len(unique)} files are summarized; run the rest after.")
        unique = unique[:MAX_BATCH_FILES]
    if not unique:
        raise CollectError(" ".join(notes) or "No files were given.")
    return unique, notes


def _folder_documents(folder: Path, notes: list[str]) -> list[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name.lower())
    except OSError as exc:
        notes.append(f"{folder.name} cannot be read: {exc.strerror or exc}.")
        return []
    out = []
    skipped = 0
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(SUMMARY_SUFFIX):
            continue
        path = Path(entry.path)
        try:
            regular = entry.is_file()
        except OSError:
            regular = False
        if regular and is_text_path(path) and not is_image_path(path):
            out.append(path)
        elif not entry.is_dir(follow_symlinks=False):
            skipped += 1
    if skipped:
        notes.append(f"{folder.name}: {skipped} file(s) that are not text were skipped.")
    return out


def summary_messages(attachment: Attachment) -> list[dict[str, str]]:
    """The `messages` of the request: the document, then the Chat page's summarize request."""
    return [{"role": "user", "content": document_block(attachment) + summarize_prompt([attachment.name])}]


@dataclass(frozen=True)
class ContextCheck:
    num_ctx: int  # the context to send
    note: str  # '' when it fits as it is; else what was raised, or the truncation warning
    truncated: bool  # Ollama will cut off the start of the document


def check_context(
    attachment: Attachment, model: str, num_ctx: int | None, largest: int | None, *, raise_context: bool = True
) -> ContextCheck:
    """Whether the document (plus the request and room for the summary) fits `num_ctx`; when it does
    not, the next context size that fits (at most `largest`, what this machine holds for `model`,
    when known) if `raise_context`, else a warning that the start will be cut off."""
    limit = num_ctx or DEFAULT_CONTEXT
    request = estimate_tokens(summarize_prompt([attachment.name])) + 16  # the fence around the document
    used = attachment.tokens + request + REPLY_ROOM_TOKENS
    usage = ContextUsage(used=used, limit=limit, estimated=True)
    offer = context_offer(usage, model, largest)
    if offer is None:
        return ContextCheck(limit, "", False)
    if offer.raise_to is not None and raise_context and offer.raise_to > limit:
        still_short = offer.raise_to < used
        note = f"context raised to {offer.raise_to:,} tokens"
        if still_short:
            note += f"; ≈ {used:,} needed, so Ollama will cut off the start"
        return ContextCheck(offer.raise_to, note, still_short)
    return ContextCheck(
        limit,
        f"≈ {used:,} tokens with the summary but the context is {limit:,}: Ollama will cut off the start",
        True,
    )


def free_output_path(directory: Path, source_name: str) -> Path:
    """The first `<stem>.summary.md`, `<stem>.summary (2).md`, … that does not exist in `directory`."""
    stem = Path(source_name).stem or "document"
    for n in range(1, MAX_NAME_TRIES + 1):
        candidate = directory / (f"{stem}{SUMMARY_SUFFIX}" if n == 1 else f"{stem}.summary ({n}).md")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise OSError(f"{directory} already holds {MAX_NAME_TRIES} summaries of {source_name}")


def summary_markdown(source_name: str, model: str, summary: str, *, when: float | None = None) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() if when is None else when))
    return f"# Summary of {source_name}\n\n_{model}, {stamp}_\n\n{summary.strip()}\n"


def write_summary(source: Path, model: str, summary: str, out_dir: Path | None = None) -> Path:
    """Write the summary beside `source` (or in `out_dir`) under a free name; never overwrites: the file
    is created exclusively, and a name taken meanwhile moves on to the next one."""
    directory = out_dir if out_dir is not None else source.parent
    text = summary_markdown(source.name, model, summary)
    for _ in range(MAX_NAME_TRIES):
        target = free_output_path(directory, source.name)
        try:
            with open(target, "x", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except FileExistsError:
            continue
        return target
    raise OSError(f"no free name for the summary of {source.name} in {directory}")


def batch_outcome_text(progress: Sequence[FileProgress]) -> str:
    """'20 of 20 summarized.' / '12 of 20 summarized; 1 failed, 7 cancelled.'"""
    done = sum(p.state is FileState.DONE for p in progress)
    failed = sum(p.state is FileState.FAILED for p in progress)
    cancelled = sum(p.state is FileState.CANCELLED for p in progress)
    extra = [f"{failed} failed"] * bool(failed) + [f"{cancelled} cancelled"] * bool(cancelled)
    return f"{done} of {len(progress)} summarized" + (f"; {', '.join(extra)}." if extra else ".")


async def summarize_document(
    client: OllamaClient,
    model: str,
    attachment: Attachment,
    num_ctx: int,
    *,
    cpu_only: bool = False,
    on_tokens: Callable[[int], None] = lambda _n: None,
) -> tuple[str, ChatMetrics]:
    """(the summary, the reply's metrics). `on_tokens(n)` after each streamed chunk (≈ one token each).
    Raises OllamaError as the chat does; cancel the task to stop (the socket closes at once)."""
    from runyard_desktop.core.ollama.chat import stream_reply
    from runyard_desktop.core.ollama.types import CPU_ONLY_OPTIONS, ChatMessage, ChatRequest

    message = summary_messages(attachment)[0]
    request = ChatRequest(
        model,
        (ChatMessage(message["role"], message["content"]),),
        think=False,  # a summary needs no visible reasoning, and thinking would double the wait
        num_ctx=num_ctx,
        extra_options=CPU_ONLY_OPTIONS if cpu_only else (),
    )
    parts: list[str] = []
    count = 0

    def on_text(thinking: str, content: str) -> None:
        nonlocal count
        count += 1
        parts.append(content)
        on_tokens(count)

    metrics = await stream_reply(client, request, None, on_text=on_text, on_event=lambda _name, _text: None)
    return "".join(parts), metrics
