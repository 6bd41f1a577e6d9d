"""Soak: nothing grows while the window stays open. The real window, the stand-in Ollama, thousands of jobs.

    python bench/soak.py [--jobs 2000] [--replies 100] [--max-growth 2.0]

The window (`create_main_window`, offscreen) talks to the stand-in Ollama (tests/support/fake_ollama.py),
run in a child process as a real server would be, so its threads and its request log stay out of our
figures. The background work a window left open does every few seconds is triggered directly, one
round at a time and much faster than its timers: an Ollama status re-check, the installed and loaded
listings, a hardware detection (4 jobs a round). Between rounds a person chats: types into
`chatInput`, clicks `sendButton`, waits until `stopButton` is disabled again and the reply is on
screen; every 10 replies they click `newConversationButton`.

Measured three times, after a short warm-up (start), half-way (middle) and at the end, each time in
a fresh conversation, after deferred deletes and a full garbage collection:
- live QObjects seen from Python: the QObject wrappers the garbage collector finds (`gc.get_objects()`)
  whose C++ object still exists, taken after the two listings below have wrapped every child: every
  QObject made from Python, parented or not (a task handle no one owns is counted here), and every
  child of the window and the runner; TaskHandles among them are shown apart;
- `findChildren(QObject)` of the window and of the task runner (C++ children);
- the process's resident set size (psutil).
"dead wrappers" are wrappers of children Qt deleted after a listing had wrapped them (PySide keeps
them in the listed object's wrapper): the measurement's own, about 100 per snapshot, not counted.
Passes when from middle to end the live wrappers, the window's and runner's children together, and
RSS each grow by at most --max-growth percent; exit status 1 otherwise.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["RUNYARD_HOME"] = tempfile.mkdtemp(prefix="runyard-bench-soak-")

import psutil
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QTextEdit, QWidget
from standin import Standin  # this folder

from runyard_desktop.app import AppWindow
from runyard_desktop.tasks.hardware_service import HardwareService
from runyard_desktop.tasks.ollama_service import OllamaService
from runyard_desktop.tasks.runner import JobFactory, TaskHandle, TaskRunner

MODELS = {"qwen3.5:4b": 3_400_000_000, "qwen3.5:0.8b": 1_000_000_000}  # installed; the chat picks one
REPLY = (
    "Sure",
    " —",
    " here",
    " is",
    " a",
    " **short**",
    " answer",
    " with",
    " `code`",
    " and",
    " a",
    " list:\n\n",
    "- one\n",
    "- two\n",
    "- three\n\n",
    "Soak",
    " reply",
    " done.",
)
REPLIES_PER_CONVERSATION = 10


# -- the only place that knows the services container -------------------------------------------------------


def background_services(window: AppWindow) -> tuple[OllamaService, HardwareService, TaskRunner]:
    """(OllamaService, HardwareService, TaskRunner) of the window, as the composition root built them."""
    services = window.services
    return services.pages.ollama, services.core.hardware, services.core.runner


# -- the stand-in Ollama, in a child process ----------------------------------------------------------------


def serve() -> int:
    from tests.support.fake_ollama import FakeOllama

    fake = FakeOllama(0)
    fake.load_delay_s = 0.0
    fake.token_delay_s = 0.0
    for model, size in MODELS.items():
        fake.add_installed(model, size=size, capabilities=("completion", "vision", "thinking"))
        fake.script_reply(model, content=REPLY, eval_count=len(REPLY), eval_duration_ns=400_000_000)
    fake.load(next(iter(MODELS)))  # so the loaded-models listing has a row
    fake.start()
    print(fake.url, flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    fake.stop()
    return 0


# -- driving the window -----------------------------------------------------------------------------------


def wait_for(app: QApplication, condition: Callable[[], object], what: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.0005)


W = TypeVar("W", bound=QObject)


def find(parent: QObject, cls: type[W], name: str | None) -> W:
    """The GUI object a person would use, by objectName (None: the first of its class)."""
    found = parent.findChild(cls, name) if name is not None else parent.findChild(cls)
    if found is None:
        raise LookupError(f"no {cls.__name__} {name or ''} in {parent.objectName() or type(parent).__name__}")
    return found


class Driver:
    """Triggers the background rounds and the chat turns, and counts what was submitted."""

    def __init__(self, app: QApplication, window: AppWindow) -> None:
        self.app = app
        self.window = window
        self.ollama, self.hardware, self.runner = background_services(window)
        self.submitted: Counter[str] = Counter()  # every job the runner was given, by kind
        self.ended = 0  # jobs of our rounds whose handle said done
        self.asked = 0
        self.replies = 0
        self.in_conversation = 0
        real_submit = self.runner.submit

        def counting_submit(factory: JobFactory, name: str) -> TaskHandle:  # run_blocking goes through here too
            self.submitted[re.sub(r"-[0-9].*$", "", name)] += 1
            return real_submit(factory, name)

        self.runner.submit = counting_submit  # type: ignore[method-assign]  # counts every job it is given
        self.input = find(window, QWidget, "chatInput")
        self.send = find(window, QPushButton, "sendButton")
        self.stop = find(window, QPushButton, "stopButton")
        self.new = find(window, QPushButton, "newConversationButton")
        self.messages = find(window, QWidget, "messageList")
        self.hardware.detecting_changed.connect(self._on_detecting_changed)

    def _on_detecting_changed(self, detecting: bool) -> None:
        if not detecting:
            self.ended += 1

    def _count(self) -> None:
        self.ended += 1

    def _track(self, handle: TaskHandle | None) -> None:
        if handle is not None:  # connected to a function that does not hold the handle
            self.asked += 1
            handle.done.connect(self._count)

    def background_round(self) -> None:
        """What the window does on its own every few seconds, all at once, and wait until it is done."""
        self._track(self.ollama.check())
        self._track(self.ollama.refresh_installed())
        self._track(self.ollama.refresh_loaded())
        if not self.hardware.is_detecting:
            self.asked += 1
            self.hardware.refresh()
        wait_for(self.app, lambda: self.ended >= self.asked, "a background round")

    def chat_turn(self) -> None:
        """A person asks, waits for the answer to be on screen; a new conversation every few replies."""
        if self.in_conversation == REPLIES_PER_CONVERSATION:
            self.new_conversation()
        self.input.setFocus()
        QTest.keyClicks(self.input, f"Question {self.replies + 1}: how much memory?")
        QTest.mouseClick(self.send, Qt.MouseButton.LeftButton)
        wait_for(self.app, self.stop.isEnabled, "the reply to start")
        wait_for(self.app, lambda: not self.stop.isEnabled(), "the reply to finish")
        replies = self.messages.findChildren(QWidget, "assistantMessage")
        shown = find(replies[-1], QTextEdit, None).toPlainText() if replies else ""
        if "Soak reply done." not in shown:
            raise RuntimeError(f"reply {self.replies + 1} is not on screen: {shown!r}")
        self.replies += 1
        self.in_conversation += 1

    def new_conversation(self) -> None:
        QTest.mouseClick(self.new, Qt.MouseButton.LeftButton)
        self.in_conversation = 0

    def run(self, rounds: int, replies: int) -> None:
        """`rounds` background rounds with `replies` chat turns spread evenly between them."""
        every = max(1, rounds // replies) if replies else rounds + 1
        done_replies = 0
        for i in range(rounds):
            self.background_round()
            if done_replies < replies and (i + 1) % every == 0:
                self.chat_turn()
                done_replies += 1
        while done_replies < replies:
            self.chat_turn()
            done_replies += 1


@dataclass
class Snapshot:
    wrappers: int  # live QObject wrappers found by the garbage collector
    dead: int  # wrappers whose C++ object Qt has deleted (see below)
    handles: int  # TaskHandle wrappers among the live ones
    window: int  # window.findChildren(QObject)
    runner: int  # runner.findChildren(QObject)
    rss_mib: float
    time: float
    types: Counter[str]  # live wrappers by class name

    @property
    def children(self) -> int:
        return self.window + self.runner


def snapshot(driver: Driver) -> Snapshot:
    """Taken in a fresh conversation, so the shown transcript is the same each time."""
    app, window, runner = driver.app, driver.window, driver.runner
    driver.new_conversation()
    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # First: listing children wraps them all, so the wrappers counted next are the same set each time
    # (every live child plus every QObject made from Python). PySide keeps such a wrapper in the listed
    # object's wrapper until that object dies, also after Qt deleted the child (a text document of a
    # message no longer shown): those dead wrappers are the measurement's own, counted apart.
    window_children = len(window.findChildren(QObject))
    runner_children = len(runner.findChildren(QObject))
    gc.collect()
    objects = [o for o in gc.get_objects() if isinstance(o, QObject)]
    types = Counter(type(o).__name__ for o in objects if shiboken6.isValid(o))
    dead = sum(1 for o in objects if not shiboken6.isValid(o))
    del objects
    return Snapshot(
        wrappers=sum(types.values()),
        dead=dead,
        handles=types["TaskHandle"],
        window=window_children,
        runner=runner_children,
        rss_mib=psutil.Process().memory_info().rss / 2**20,
        time=time.perf_counter(),
        types=types,
    )


def growth(before: float, after: float) -> float:
    return (after - before) / before * 100 if before else (0.0 if after == before else float("inf"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2000, help="background jobs to trigger (4 a round)")
    parser.add_argument("--replies", type=int, default=100, help="chat replies")
    parser.add_argument("--max-growth", type=float, default=2.0, help="percent allowed from middle to end")
    args = parser.parse_args()
    if args.serve:
        return serve()

    from runyard_desktop.app import create_main_window

    app = QApplication(sys.argv[:1])
    server = Standin(__file__, "--serve")
    window = create_main_window(host=server.url)
    try:
        window.resize(1180, 760)
        window.show()
        window.show_page("chat")
        driver = Driver(app, window)
        picker = find(window, QComboBox, "modelPicker")
        wait_for(app, lambda: picker.count() > 0, "the installed models in the chat")
        wait_for(app, lambda: driver.hardware.profile is not None, "the first hardware detection")
        # Warm-up: first-time costs (imports, fonts, caches, the chat page's first reply) are not growth.
        driver.run(rounds=10, replies=2)
        rounds = max(2, args.jobs // 4)
        figures = {"start": snapshot(driver)}
        driver.run(rounds=rounds // 2, replies=args.replies // 2)
        figures["middle"] = snapshot(driver)
        driver.run(rounds=rounds - rounds // 2, replies=args.replies - args.replies // 2)
        figures["end"] = snapshot(driver)
    finally:
        window.close()
        server.stop()
    return report(figures, driver, args.max_growth)


def report(figures: dict[str, Snapshot], driver: Driver, max_growth: float) -> int:
    total = sum(driver.submitted.values())
    kinds = ", ".join(f"{name} {n}" for name, n in driver.submitted.most_common())
    print(f"jobs submitted: {total} ({kinds}); chat replies: {driver.replies}")
    print(
        f"{'':8} {'live QObject wrappers':>22} {'TaskHandles':>12} {'window children':>16} "
        f"{'runner children':>16} {'RSS MiB':>9} {'seconds':>8} {'dead wrappers':>14}"
    )
    t0 = figures["start"].time
    for name, f in figures.items():
        print(
            f"{name:8} {f.wrappers:>22,} {f.handles:>12,} {f.window:>16,} {f.runner:>16,} {f.rss_mib:>9.1f} "
            f"{f.time - t0:>8.1f} {f.dead:>14,}"
        )
    start, mid, end = figures["start"], figures["middle"], figures["end"]

    def growths(a: Snapshot, b: Snapshot) -> dict[str, float]:
        return {
            "live QObject wrappers": growth(a.wrappers, b.wrappers),
            "window + runner children": growth(a.children, b.children),
            "RSS": growth(a.rss_mib, b.rss_mib),
        }

    checks = growths(mid, end)
    print("middle -> end: " + ", ".join(f"{k} {v:+.2f} %" for k, v in checks.items()) + f"   target <= {max_growth} %")
    print("start -> end:  " + ", ".join(f"{k} {v:+.2f} %" for k, v in growths(start, end).items()))
    grown = end.types - mid.types
    if grown:
        print(
            "live QObject wrappers that grew from middle to end: "
            + ", ".join(f"{name} +{n}" for name, n in grown.most_common(8))
        )
    ok = all(v <= max_growth for v in checks.values())
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
