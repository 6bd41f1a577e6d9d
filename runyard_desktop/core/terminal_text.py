"""Text from outside (a model, a server, a file) made safe to print on a terminal.

A terminal acts on control sequences in what it prints: a reply or a model name can retitle the
window (OSC 0), clear the screen (CSI 2J), plant a hyperlink that shows one text and opens another
(OSC 8), rewrite the line it is on (a carriage return), or, on some terminals, answer back into the
shell's input. The CLI prints such text only through `terminal_safe` (one piece) or
`TerminalTextFilter` (a stream in chunks): whole escape sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte
ESC sequences, and their 8-bit C1 forms) are removed, and then every remaining C0/C1 control except
newline and tab. What is left is printable text; newlines and tabs keep their meaning.
"""

from __future__ import annotations

import re

# A string command (OSC, DCS, SOS, PM, APC) runs to BEL or ST (ESC \ or 0x9c); unterminated, to the end.
_STRING = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_ESC = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_SEQUENCE = re.compile(f"{_STRING}|{_CSI}|{_ESC}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# The start of a sequence that may go on in the next chunk of a stream.
_OPEN_TAIL = re.compile(
    r"(?:(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*\x1b?"
    r"|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*"
    r"|\x1b[\x20-\x2f]*)\Z"
)
HOLD_LIMIT = 4096  # an open sequence longer than this is dropped rather than held further


def terminal_safe(text: str) -> str:
    """`text` without escape sequences or control characters other than newline and tab."""
    if not text or (text.isprintable() and "\x1b" not in text):
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


class TerminalTextFilter:
    """`terminal_safe` for a stream: a sequence split across chunks is held until it ends, then removed."""

    def __init__(self) -> None:
        self._held = ""

    def feed(self, chunk: str) -> str:
        text = self._held + chunk
        self._held = ""
        tail = _OPEN_TAIL.search(text)
        if tail is not None and len(text) - tail.start() <= HOLD_LIMIT:
            text, self._held = text[: tail.start()], text[tail.start() :]
        return terminal_safe(text)

    def flush(self) -> str:
        """What is still held (an unfinished sequence), made safe: call at the end of the stream."""
        held, self._held = self._held, ""
        return terminal_safe(held)
