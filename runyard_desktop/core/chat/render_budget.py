"""The rendering budget of one message: beyond it, the text is shown plain, in chunks, not formatted.

Qt's Markdown layout grows faster than the text for some shapes (measured on the chat view: a
20-column table costs ~2.3 ms a row, a 100,000-character line without spaces ~0.3 s, thousands of
code frames gigabytes), and a model stuck in a loop produces exactly those. The limits below keep one
message's formatting well under a second; `RenderBudget` checks a streaming text as it arrives,
each character once, and `over_budget` a whole stored text.
"""

from __future__ import annotations

MAX_CHARS = 400_000  # formatted characters in one message
MAX_LINE = 20_000  # characters in one line (one paragraph without a line break)
MAX_FENCES = 800  # code fence lines (400 code blocks)
MAX_TABLE_CELLS = 2_000  # table cells, counted as "|" on lines that start with one
CHUNK = 2_000  # plain text is shown in lines of at most this many characters
PLAIN_NOTE = "Shown as plain text (too large to format)."


class RenderBudget:
    """Counts what costs a Markdown layout; `over` turns True (and stays) when a limit is passed."""

    def __init__(self) -> None:
        self.chars = 0
        self.fences = 0
        self.table_cells = 0
        self._line = 0  # length of the current line
        self._line_head = ""  # its first non-blank characters (enough to see a fence or a table row)
        self.over = False

    def feed(self, text: str) -> bool:
        """Account for `text`; returns `over`."""
        if self.over:
            return True
        self.chars += len(text)
        start = 0
        while start <= len(text):
            nl = text.find("\n", start)
            end = len(text) if nl < 0 else nl
            piece = text[start:end]
            if len(self._line_head) < 3:
                self._line_head = (self._line_head + piece.lstrip(" \t") if self._line_head else piece.lstrip(" \t"))[
                    :3
                ]
            self._line += len(piece)
            if self._line_head.startswith("|"):
                self.table_cells += piece.count("|")
            if nl < 0:
                break
            self._end_line()
            start = nl + 1
        self.over = (
            self.chars > MAX_CHARS
            or self._line > MAX_LINE
            or self.fences > MAX_FENCES
            or self.table_cells > MAX_TABLE_CELLS
        )
        return self.over

    def _end_line(self) -> None:
        if self._line_head.startswith(("```", "~~~")):
            self.fences += 1
        self._line, self._line_head = 0, ""


def over_budget(text: str) -> bool:
    """Whether a whole text is too large to format."""
    return RenderBudget().feed(text)


def break_long_lines(text: str, column: int, size: int = CHUNK) -> tuple[str, int]:
    """`text` with a line break wherever a line would pass `size` characters, when the text it is
    appended to already has `column` characters on its last line; returns (text, the new column)."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("\n")
            column = 0
        while column + len(line) > size:
            cut = size - column
            out += [line[:cut], "\n"]
            line, column = line[cut:], 0
        out.append(line)
        column += len(line)
    return "".join(out), column
