"""A very large reply never blocks the window: its text stops at a limit no real answer reaches (the
text so far kept and saved, with a plain status), and rewriting it in the history takes a bounded
share of the GUI thread's time however long it grows."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from runyard_desktop.core.chat.conversation import STATUS_FAILED
from runyard_desktop.core.chat.history import HistoryStore, ReplyRecorder
from runyard_desktop.core.ollama import bounds
from runyard_desktop.core.ollama.chat import stream_reply
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest
from tests.chat.conftest import send

MB_LINE = 1_000_000  # characters of content in one stream line: just under the 1 MiB line limit


class SlowStore:
    """The real store, with each reply rewrite made to cost `cost_per_char` seconds a character of
    the fake clock: the cost of a write grows with the reply, as SQLite's does."""

    def __init__(self, store: HistoryStore, clock: list[float], cost_per_char: float) -> None:
        self.store = store
        self.clock = clock
        self.cost = cost_per_char
        self.writes: list[tuple[float, float]] = []  # (start, cost) of each rewrite

    def update_reply(self, message_id: int, content: str, thinking: str) -> None:
        start = self.clock[0]
        self.store.update_reply(message_id, content, thinking)
        self.clock[0] += self.cost * (len(content) + len(thinking))
        self.writes.append((start, self.clock[0] - start))

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)


def test_rewrites_of_a_growing_reply_take_at_most_a_twentieth_of_the_time(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    conv = store.create_conversation(model="m")
    clock = [0.0]
    slow = SlowStore(store, clock, cost_per_char=50e-9)  # 50 ms a MB (a slow disk)
    recorder = ReplyRecorder(slow, store.begin_reply(conv.id, "m"), interval_s=0.4, clock=lambda: clock[0])  # type: ignore[arg-type]
    chunk = "x" * 10_000
    while len(recorder.content) < 4_000_000:  # 10 KB every 10 ms: 1 MB/s, a looping server
        clock[0] += 0.01
        recorder.append(content=chunk)
    # Until the last write starts, at most 5 % of the time went to writing (a fixed 0.4 s interval: ~25 %).
    written = sum(cost for _start, cost in slow.writes[:-1])
    assert written / slow.writes[-1][0] <= 0.05 + 1e-9
    for (start, cost), (after, _) in itertools.pairwise(slow.writes):
        assert after - start >= max(0.4, cost / 0.05) - 1e-9  # the wait grows with the last write
    assert len(slow.writes) >= 4  # still written as it grows (0.4, 0.8, 1.6, 3.2 s), not only at the end
    recorder.flush()
    assert store.message(recorder.message.id).content == recorder.content
    store.close()


def test_a_short_reply_is_still_written_every_interval(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    conv = store.create_conversation(model="m")
    clock = [0.0]
    slow = SlowStore(store, clock, cost_per_char=50e-9)
    recorder = ReplyRecorder(slow, store.begin_reply(conv.id, "m"), interval_s=0.4, clock=lambda: clock[0])  # type: ignore[arg-type]
    for i in range(200):  # 2 s of tokens: a crash loses at most the last 0.4 s
        clock[0] += 0.01
        recorder.append(content=f"t{i} ")
    starts = [0.0] + [start for start, _cost in slow.writes] + [clock[0]]
    assert len(slow.writes) >= 4 and max(b - a for a, b in itertools.pairwise(starts)) < 0.4 + 0.011
    store.close()


def _request() -> ChatRequest:
    return ChatRequest("qwen3.5:4b", (ChatMessage("user", "hi"),))


def test_a_reply_stops_at_the_text_limit_with_the_text_so_far(chat_fake) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=tuple(str(i) * MB_LINE for i in range(6)))
    received: list[str] = []

    async def run() -> None:
        await stream_reply(
            OllamaClient(chat_fake.url),
            _request(),
            None,
            on_text=lambda _thinking, content: received.append(content),
            on_event=lambda _n, _t: None,
        )

    with pytest.raises(OllamaError) as info:
        asyncio.run(asyncio.wait_for(run(), 60))
    assert "The reply was stopped when it grew longer than 4 MB of text" in info.value.message
    assert info.value.next_step
    text = "".join(received)
    assert len(text) == bounds.MAX_REPLY_CHARS  # exactly the first 4 Mi characters
    assert text == "".join(str(i) * MB_LINE for i in range(6))[: bounds.MAX_REPLY_CHARS]


def test_thinking_counts_towards_the_limit(chat_fake, monkeypatch) -> None:
    monkeypatch.setattr(bounds, "MAX_REPLY_CHARS", 100)
    chat_fake.script_reply("qwen3.5:4b", content=("a" * 40,) * 3, thinking=("t" * 40,) * 3)
    texts: list[tuple[str, str]] = []

    async def run() -> None:
        await stream_reply(
            OllamaClient(chat_fake.url),
            _request(),
            None,
            on_text=lambda thinking, content: texts.append((thinking, content)),
            on_event=lambda _n, _t: None,
        )

    with pytest.raises(OllamaError):
        asyncio.run(asyncio.wait_for(run(), 30))
    assert sum(len(t) + len(c) for t, c in texts) == 100


def test_the_window_keeps_and_saves_a_reply_stopped_at_the_limit(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=tuple(chr(97 + i) * MB_LINE for i in range(6)))
    _window, pane = open_chat()
    final = send(qtbot, pane, "Loop for ever", timeout=60_000)
    assert final.status == STATUS_FAILED
    assert final.error.startswith("The reply was stopped when it grew longer than 4 MB of text")
    assert len(final.content) == bounds.MAX_REPLY_CHARS
    stored = pane.controller.store.message(final.id)
    assert (stored.status, stored.content) == (STATUS_FAILED, final.content)
    assert not pane.controller.is_busy and pane.composer.send_button.isVisible()


def test_the_cli_prints_the_text_up_to_the_limit_then_says_why_it_stopped(chat_fake, capsys) -> None:
    from runyard_desktop.cli import main

    chat_fake.script_reply("qwen3.5:4b", content=tuple("z" * MB_LINE for _ in range(6)))
    code = main(["chat", "qwen3.5:4b", "Loop for ever", "--no-think", "--host", chat_fake.url])
    out, err = capsys.readouterr()
    assert code == 1 and out.count("z") == bounds.MAX_REPLY_CHARS
    assert "stopped when it grew longer than 4 MB of text" in err
