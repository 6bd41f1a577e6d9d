"""One progress line on a terminal, shared by the `pull` and `install-ollama` commands.

`bar_text()` words one download: 'qwen3.5:4b  [######------]  42%  1.2 GB / 2.9 GB  35.0 MB/s  ETA 48 s'.
`LineWriter` draws such lines: on a terminal it redraws one line in place, with escape codes where the
console acts on them, else (the classic Windows console without virtual-terminal mode) a plain carriage
return with the new line padded over the old one; into a pipe or a file, one line each. The callers
make the text terminal-safe and decide how often to draw.
"""

from __future__ import annotations

from typing import TextIO

from runyard_desktop.commands.console import virtual_terminal
from runyard_desktop.core.formatting import human_bytes, human_duration, human_rate

BAR_WIDTH = 24


def bar_text(label: str, fraction: float, done: int, total: int, speed_bps: float | None, eta_s: float | None) -> str:
    """`label  [####----]  42%  done / total  rate  ETA time` (the bar is BAR_WIDTH characters)."""
    filled = int(fraction * BAR_WIDTH)
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    return (
        f"{label}  [{bar}] {fraction * 100:3.0f}%  {human_bytes(done)} / {human_bytes(total)}"
        f"  {human_rate(speed_bps)}  ETA {human_duration(eta_s)}"
    )


class LineWriter:
    """Writes progress lines to `out`; `ansi` (default: whether `out` acts on escape codes) is for tests."""

    def __init__(self, out: TextIO, *, ansi: bool | None = None) -> None:
        self.out = out
        self.tty = out.isatty()
        self.ansi = virtual_terminal(out) if ansi is None else ansi
        self.drawn_width = 0  # the line on screen now, which a plain `\r` redraw must cover
        self.open = False  # a line drawn in place and not yet ended

    def write(self, text: str, *, newline: bool) -> None:
        """On a terminal: draw `text` over the current line, ending it with `newline`. Elsewhere: one line."""
        if self.tty and self.ansi:
            self.out.write("\r\x1b[2K" + text + ("\n" if newline else ""))
        elif self.tty:
            self.out.write("\r" + text.ljust(self.drawn_width) + ("\n" if newline else ""))
            self.drawn_width = 0 if newline else len(text)
        else:
            self.out.write(text + "\n")
        self.open = self.tty and not newline
        self.out.flush()

    def end_line(self) -> None:
        """End a line left open on a terminal, so what is printed next starts on its own line."""
        if self.open:
            self.out.write("\n")
            self.out.flush()
            self.open = False
