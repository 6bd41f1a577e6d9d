"""Hostile-render benchmark: Markdown that a looping model can produce, shown in the chat transcript.

    python bench/hostile_render.py [--scale 1.0]

For each input (a 5,000×20 table, 20,000 tiny code blocks, a 10 MB line with and without spaces):

1. open: a conversation holding it as a stored reply is shown in the transcript (`MessageView`) and
   painted; wall time (target < 1 s).
2. stream: the same text arrives as the transcript receives a fast stream (one batch of text per
   update); the longest single update is the longest time the GUI thread is busy, i.e. how late a
   Stop click can be handled (target < 100 ms).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from runyard_desktop.core.chat.conversation import STATUS_STREAMING, Message
from runyard_desktop.ui.chat.message_view import MessageView

MAX_OPEN_S = 1.0
MAX_UPDATE_MS = 100.0
BATCH_CHARS = 8_000  # text per transcript update: ~80 ms of a very fast stream (~25,000 tok/s)


def table(rows: int) -> str:
    """A Markdown table of `rows` rows and 20 columns."""
    head = "|" + "|".join(f"h{i}" for i in range(20)) + "|\n|" + "---|" * 20 + "\n"
    return head + "".join("|" + "|".join(f"v{r}" for _ in range(20)) + "|\n" for r in range(rows))


def code_blocks(count: int) -> str:
    """`count` tiny fenced code blocks, one after another."""
    return "".join(f"```\nx{i}\n```\n" for i in range(count))


def inputs(scale: float) -> dict[str, str]:
    rows = int(5_000 * scale)
    size = int(10_000_000 * scale)
    return {
        f"table {rows:,}x20": table(rows),
        f"{int(20_000 * scale):,} code blocks": code_blocks(int(20_000 * scale)),
        f"{size / 1e6:g} MB line, spaces": ("word " * (size // 5)),
        f"{size / 1e6:g} MB line, no spaces": "x" * size,
    }


def show(app: QApplication, view: MessageView, messages: list[Message]) -> float:
    start = time.perf_counter()
    view.set_messages(messages)
    view.grab()
    app.processEvents()
    return time.perf_counter() - start


def stream(app: QApplication, view: MessageView, text: str) -> tuple[float, float]:
    """(longest update in ms, total s) for `text` streamed into a new reply."""
    view.set_messages([Message(id=1, conversation_id=1, role="user", content="go")])
    reply = Message(id=2, conversation_id=1, role="assistant", status=STATUS_STREAMING)
    view.add_message(reply)
    longest, begin = 0.0, time.perf_counter()
    for i in range(0, len(text), BATCH_CHARS):
        start = time.perf_counter()
        view.queue_text(2, text[i : i + BATCH_CHARS], thinking=False)
        view.apply_queued()
        view.viewport().repaint()
        longest = max(longest, time.perf_counter() - start)
        app.processEvents()
    return longest * 1000, time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes relative to the issue's")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    view = MessageView()
    view.resize(1000, 800)
    view.show()
    ok = True
    for name, text in inputs(args.scale).items():
        messages = [
            Message(id=1, conversation_id=1, role="user", content="go"),
            Message(id=2, conversation_id=1, role="assistant", content=text, model="m"),
        ]
        opened = show(app, view, messages)
        last = view.last_widget()
        plain = last is not None and last.plain
        longest, total = stream(app, view, text)
        ok = ok and opened < MAX_OPEN_S and longest < MAX_UPDATE_MS
        print(
            f"{name:>24} ({len(text) / 1e6:.2f} MB): open {opened * 1000:7.0f} ms (plain: {plain})"
            f"   stream: longest update {longest:6.1f} ms, all {total:6.1f} s"
            f"   targets < {MAX_OPEN_S * 1000:.0f} ms / < {MAX_UPDATE_MS:.0f} ms",
            flush=True,
        )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
