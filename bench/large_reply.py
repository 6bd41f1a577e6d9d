"""A very large reply through the real window: what its history writes cost the GUI thread.

    python bench/large_reply.py [--rate 1.0] [--mb 4.5] [--chunk 16384] [--no-limit]

The stand-in (tests/support/fake_ollama.py, in its own process as a real Ollama is) streams one reply
of --mb MB at --rate MB/s in --chunk-character lines: a looping or hostile server. The app stops it
at its text limit (`bounds.MAX_REPLY_CHARS`, 4 Mi characters) unless --no-limit. The same stream runs
twice in one window, in this order:

1. before (baseline): the history rewrites the whole reply every 0.4 s (`WRITE_SHARE` = 1, which is
   the old fixed interval, as each write is far shorter than 0.4 s);
2. after: the next write waits for 20x the last one's cost (`WRITE_SHARE` = 0.05).

Printed for each: the writes, the GUI thread's time share spent in them (their sum over the stream's
wall time), the longest write, the longest time between two writes (what a crash could lose), the
final write, and the longest GUI-thread stall seen by a 5 ms timer (wall, and the GUI thread's CPU).
Target: write share < 5 % after (with the limit: --no-limit only shows what a reply could cost
before it, and the last wait can outlast a stream that ends early). Exit status 1 when the target
is missed or the reply is not stored whole.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["RUNYARD_HOME"] = tempfile.mkdtemp(prefix="runyard-bench-large-")

from downloads_gui import (  # the same 5 ms probe as the downloads benchmark (this folder)
    Probe,
    wait,
)
from PySide6.QtWidgets import QApplication
from standin import Standin  # this folder

from runyard_desktop.core.chat import reply_recorder
from runyard_desktop.core.ollama import bounds

MODEL = "qwen3.5:4b"
MAX_SHARE = 0.05

SERVER = """
import sys
from tests.support.fake_ollama import FakeOllama
size, chunk, rate = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
fake = FakeOllama(0)
fake.load_delay_s = 0.0
fake.add_installed("qwen3.5:4b", capabilities=("completion",), context_length=262144)
fake.token_delay_s = chunk / (rate * 1e6)
line = ("All work and no play makes a model loop. " * (chunk // 41 + 1))[:chunk - 1] + "\\n"
fake.script_reply("qwen3.5:4b", content=[line] * (size // chunk + 1))
fake.start()
print(fake.url, flush=True)
sys.stdin.read()
fake.stop()
"""


class Timed:
    """Wraps one store method: (start, seconds) of each call, on the GUI thread's clock."""

    def __init__(self, method: Callable[..., object]) -> None:
        self.method = method
        self.calls: list[tuple[float, float]] = []

    def __call__(self, *args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return self.method(*args, **kwargs)
        finally:
            self.calls.append((start, time.perf_counter() - start))


def one_reply(app: QApplication, pane, share: float) -> dict[str, float]:
    reply_recorder.WRITE_SHARE = share
    controller = pane.controller
    controller.new_conversation(model=MODEL)
    store = controller.store
    updates, finishes = Timed(store.update_reply), Timed(store.finish_reply)
    store.update_reply, store.finish_reply = updates, finishes
    ended: list[object] = []
    controller.reply_ended.connect(ended.append)
    probe = Probe()
    probe.start()
    start = time.perf_counter()
    pane.composer.input.setPlainText("Go on")
    pane.composer.send_button.click()
    try:
        wait(app, lambda: ended, 600)
    finally:
        seconds = time.perf_counter() - start
        stall = probe.stop()
        controller.reply_ended.disconnect(ended.append)
        del store.update_reply, store.finish_reply
    final = ended[0]
    starts = [start] + [s for s, _d in updates.calls] + [finishes.calls[-1][0]]
    return {
        "seconds": seconds,
        "writes": len(updates.calls),
        "share": sum(d for _s, d in updates.calls) / seconds,
        "longest_write_ms": max((d for _s, d in updates.calls), default=0.0) * 1000,
        "longest_gap_s": max(b - a for a, b in itertools.pairwise(starts)),
        "final_ms": finishes.calls[-1][1] * 1000,
        "stall_ms": stall["worst_wall"],
        "stall_cpu_ms": stall["worst_cpu"],
        "chars": len(final.content),  # type: ignore[attr-defined]
        "saved": store.message(final.id).content == final.content,  # type: ignore[attr-defined]
        "status": final.status,  # type: ignore[attr-defined]
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=1.0, help="MB per second the stand-in sends")
    parser.add_argument("--mb", type=float, default=4.5, help="size of the reply the stand-in sends")
    parser.add_argument("--chunk", type=int, default=16_384, help="characters per stream line")
    parser.add_argument("--no-limit", action="store_true", help="lift the app's reply text limit")
    args = parser.parse_args()
    if args.no_limit:
        bounds.MAX_REPLY_CHARS = 1 << 40
    server = Standin("-c", SERVER, str(int(args.mb * 1e6)), str(args.chunk), str(args.rate))
    app = QApplication([])
    from runyard_desktop.app import create_main_window
    from runyard_desktop.ui.chat.chat_pane import ChatPane

    window = create_main_window(host=server.url)
    window.resize(1180, 760)
    window.show()
    window.show_page("chat")
    pane = window.findChild(ChatPane, "chatPane")
    assert pane is not None
    wait(app, lambda: pane.model_picker.count() >= 1, 30)
    ok = True
    try:
        results = [("before: every 0.4 s", one_reply(app, pane, 1.0)), ("after: ≤ 5 %", one_reply(app, pane, 0.05))]
    finally:
        window.close()
        server.stop()
    base = results[0][1]
    for label, r in results:
        share_checked = not label.startswith("before") and not args.no_limit  # the target is the app's, limit on
        ok = ok and bool(r["saved"]) and (not share_checked or r["share"] < MAX_SHARE)
        print(
            f"{label:>20}: {r['chars'] / 2**20:.2f} Mi chars in {r['seconds']:.1f} s ({r['status']}, saved whole: "
            f"{r['saved']}); {r['writes']:.0f} writes, {r['share'] * 100:.1f} % of the time writing "
            f"({r['share'] / base['share']:.2f}x before), longest write {r['longest_write_ms']:.1f} ms, longest "
            f"between writes {r['longest_gap_s']:.2f} s, final write {r['final_ms']:.1f} ms; longest GUI stall "
            f"{r['stall_ms']} ms wall, {r['stall_cpu_ms']:.1f} ms GUI-thread CPU",
            flush=True,
        )
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
