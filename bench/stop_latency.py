"""Stop, end to end: the real window, the real client, the stand-in streaming hostile Markdown.

    python bench/stop_latency.py [--clicks 3] [--rate 100000]

The stand-in (tests/support/fake_ollama.py, in its own process as a real Ollama is) streams a reply
that a looping model can produce: 20,000 tiny code blocks, or a 5,000×20 table, paced at --rate
characters per second (100 KB/s ≈ 25,000 tokens/s). Halfway through, a click on Stop is posted to
the GUI event queue, as a real click arrives: it waits behind whatever the GUI thread is doing
(rendering a batch, painting). Measured from the moment the click is posted:

1. handled: the click reaches the Stop button (the wait behind the GUI thread's current work);
2. stopped: the controller has ended the reply (`reply_ended`, status "stopped", the socket closed
   by the cancel; the stored reply keeps the text so far);
3. idle: the composer is back to Send, and a zero-delay timer posted after that has fired, so
   every event queued before it (the last render, layout, paint) has been handled.
Target ("Stop answers within 100 ms whatever is streaming"): idle < 100 ms, median of --clicks.
The same Stop on plain prose at the same rate, measured in the same run, is the baseline: the
ratio says what the hostile input adds, whatever the machine's load.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["RUNYARD_HOME"] = tempfile.mkdtemp(prefix="runyard-bench-stop-")

from hostile_render import code_blocks, table  # this folder: the render benchmark's inputs
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from standin import Standin  # this folder

from runyard_desktop.core.chat.conversation import STATUS_STOPPED, Message
from tests.support.fake_ollama import FakeOllama

MAX_IDLE_MS = 100.0
MODEL = "qwen3.5:4b"
CHUNK_CHARS = 100  # one stream line per chunk, as a fast model's few tokens
BASELINE = "prose (baseline)"


def inputs() -> dict[str, str]:
    words = "Plain prose from a model that answers at length, one sentence after another. "
    return {
        BASELINE: words * 4_000,  # within the rendering budget: formatted as it streams
        "20,000 code blocks": code_blocks(20_000),
        "table 5,000x20": table(5_000),
    }


def wait_for(app: QApplication, condition: Callable[[], object], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("condition not met")
        app.processEvents()
        time.sleep(0.0005)


def serve() -> int:
    fake = FakeOllama(0)
    fake.load_delay_s = 0.0
    fake.add_installed(MODEL, capabilities=("completion",))
    texts = inputs()
    fake.start()
    print(fake.url, flush=True)
    for line in sys.stdin:
        name, rate = line.rstrip("\n").split("\t")
        text = texts[name]
        fake.token_delay_s = CHUNK_CHARS / float(rate)
        fake.script_reply(MODEL, content=[text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)])
        print("ok", flush=True)
    fake.stop()
    return 0


def click_stop_halfway(app: QApplication, pane, text: str) -> tuple[float, float, float, Message]:
    """(ms until the click is handled, until stopped, until idle; the stored reply) for one reply
    stopped halfway."""
    controller = pane.controller
    controller.new_conversation(model=MODEL)
    received = [0]
    clicked = [0.0]
    handled = [0.0]
    stopped: list[tuple[float, Message]] = []
    idle = [0.0]

    def on_content(_mid: int, chunk: str) -> None:
        received[0] += len(chunk)
        if not clicked[0] and received[0] >= len(text) // 2:
            clicked[0] = time.perf_counter()
            QTimer.singleShot(0, pane.composer.stop_button.click)  # queued, as a real click arrives

    def on_end(message: Message) -> None:
        stopped.append((time.perf_counter(), message))

    def on_clicked() -> None:
        handled[0] = handled[0] or time.perf_counter()

    controller.content_appended.connect(on_content)
    controller.reply_ended.connect(on_end)
    pane.composer.stop_button.clicked.connect(on_clicked)
    pane.composer.input.setPlainText("Go on")
    pane.composer.send_button.click()
    try:
        wait_for(app, lambda: stopped)
        wait_for(app, lambda: pane.composer.send_button.isVisible() and not pane.composer.stop_button.isEnabled())
        QTimer.singleShot(0, lambda: idle.__setitem__(0, time.perf_counter()))
        wait_for(app, lambda: idle[0])
    finally:
        controller.content_appended.disconnect(on_content)
        controller.reply_ended.disconnect(on_end)
        pane.composer.stop_button.clicked.disconnect(on_clicked)
    at, message = stopped[0]
    return (handled[0] - clicked[0]) * 1000, (at - clicked[0]) * 1000, (idle[0] - clicked[0]) * 1000, message


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=3, help="replies stopped per input")
    parser.add_argument("--rate", type=float, default=100_000, help="characters per second the stand-in sends")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve()
    from runyard_desktop.app import create_main_window
    from runyard_desktop.ui.chat.chat_pane import ChatPane

    app = QApplication(sys.argv[:1])
    fake = Standin(__file__, "--serve")
    window = create_main_window(host=fake.url)
    ok = True
    baseline = 0.0
    try:
        window.resize(1180, 760)
        window.show()
        window.show_page("chat")
        pane = window.findChild(ChatPane, "chatPane")
        assert pane is not None
        wait_for(app, lambda: pane.model_picker.count() > 0)
        for name, text in inputs().items():
            fake.send(f"{name}\t{args.rate}")
            runs = [click_stop_halfway(app, pane, text) for _ in range(args.clicks)]
            handled = [r[0] for r in runs]
            stops = [r[1] for r in runs]
            idles = [r[2] for r in runs]
            kept = all(r[3].status == STATUS_STOPPED and 0 < len(r[3].content) < len(text) for r in runs)
            ok = ok and kept and statistics.median(idles) < MAX_IDLE_MS
            baseline = baseline or statistics.median(idles)
            print(
                f"{name:>20} ({len(text) / 1e6:.2f} MB at {args.rate / 1000:g} KB/s): click handled after "
                f"median {statistics.median(handled):5.1f} ms, max {max(handled):5.1f} ms; click → stopped "
                f"median {statistics.median(stops):5.1f} ms, max {max(stops):5.1f} ms; click → idle median "
                f"{statistics.median(idles):5.1f} ms, max {max(idles):5.1f} ms (target < {MAX_IDLE_MS:.0f} ms), "
                f"{statistics.median(idles) / baseline:.2f}x the baseline; partial reply kept as stopped: {kept}",
                flush=True,
            )
    finally:
        window.close()
        fake.stop()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
