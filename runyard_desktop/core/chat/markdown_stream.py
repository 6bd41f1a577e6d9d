"""Incremental Markdown splitting for streamed replies, so the view never re-renders a whole reply.

`MarkdownStream.feed(text)` turns arriving text into a short list of operations:

- `("prose", text)`: plain text to append to the current prose segment (shown as-is for now);
- `("settle",)`: everything in the prose segment so far ends at a blank line and can be rendered as
  Markdown once (paragraphs, lists and tables are complete there);
- `("code_start", lang)`, `("code", text)`, `("code_end",)`: a fenced code block, appended as text.

Each byte of the reply is examined once, so the cost per token does not grow with the reply. A
partial line that might be a fence (```` ``` ````, ``~~~``) is held back until its newline arrives;
everything else is emitted at once, so text appears as it streams. `finish()` flushes the rest.
`image_placeholder` is the visible text that stands for an image: a reply's image is never loaded.
"""

from __future__ import annotations

import re

Op = tuple[str, ...]

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
IMAGE_LINK_CHARS = 200  # a longer image link (a data: URL, say) is shortened in its placeholder


def _might_be_fence(stripped: str) -> bool:
    head = stripped[:3]
    return head == "" or "```".startswith(head) or "~~~".startswith(head)


class MarkdownStream:
    """Splits a growing Markdown text into prose and fenced-code operations, one pass, O(new text)."""

    def __init__(self) -> None:
        self._line = ""  # the current, incomplete line
        self._emitted = 0  # how much of `_line` was already emitted
        self._fence = ""  # the open fence ("```", "~~~~", ...), or "" in prose
        self.in_code = False

    def feed(self, text: str) -> list[Op]:
        ops: list[Op] = []
        while text:
            nl = text.find("\n")
            if nl < 0:
                self._line += text
                text = ""
                self._emit_partial(ops)
            else:
                self._line += text[: nl + 1]
                text = text[nl + 1 :]
                self._emit_line(ops)
        return _merge(ops)

    def finish(self) -> list[Op]:
        ops: list[Op] = []
        rest = self._line[self._emitted :]
        self._line, self._emitted = "", 0
        if self.in_code:
            if rest and not _FENCE.match(rest.strip()):
                ops.append(("code", rest))
            ops.append(("code_end",))
            self.in_code, self._fence = False, ""
        else:
            if rest:
                ops.append(("prose", rest))
            ops.append(("settle",))
        return _merge(ops)

    def _emit_partial(self, ops: list[Op]) -> None:
        if _might_be_fence(self._line.lstrip(" \t")):
            return  # wait for the newline: this may be a fence line
        ops.append(("code" if self.in_code else "prose", self._line[self._emitted :]))
        self._emitted = len(self._line)

    def _emit_line(self, ops: list[Op]) -> None:
        line, emitted = self._line, self._emitted
        self._line, self._emitted = "", 0
        stripped = line.strip()
        match = _FENCE.match(stripped) if emitted == 0 else None
        if not self.in_code:
            if match:
                self.in_code, self._fence = True, match.group("fence")
                info = match.group("info").strip()
                ops.append(("code_start", info.split()[0] if info else ""))
                return
            ops.append(("prose", line[emitted:]))
            if not stripped:
                ops.append(("settle",))
            return
        fence = self._fence
        if (
            match
            and not match.group("info").strip()
            and match.group("fence")[0] == fence[0]
            and len(match.group("fence")) >= len(fence)
        ):
            self.in_code, self._fence = False, ""
            ops.append(("code_end",))
            return
        ops.append(("code", line[emitted:]))


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring text operations of the same kind, so the view does one insert each."""
    merged: list[Op] = []
    for op in ops:
        if merged and op[0] in ("prose", "code") and merged[-1][0] == op[0]:
            merged[-1] = (op[0], merged[-1][1] + op[1])
        elif merged and op[0] == "settle" and merged[-1][0] == "settle":
            continue
        elif op[0] in ("prose", "code") and not op[1]:
            continue
        else:
            merged.append(op)
    return merged


def image_placeholder(alt: str, link: str) -> str:
    """The plain text shown instead of an image: its description and its link, not followed."""
    alt = " ".join(alt.split()) or "no description"
    link = " ".join(link.split()) or "no link"
    if len(link) > IMAGE_LINK_CHARS:
        link = link[: IMAGE_LINK_CHARS - 1] + "…"
    return f"[image: {alt} — {link} not loaded]"


def split_complete(text: str) -> list[Op]:
    """All operations for a finished text (used to show stored messages)."""
    stream = MarkdownStream()
    return _merge(stream.feed(text) + stream.finish())
