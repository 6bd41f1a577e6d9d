"""ChatController against the stand-in: streaming, metrics, think fallback, Stop during load and streaming."""

from __future__ import annotations

import time

from runyard_desktop.core.ollama.errors import ErrorKind
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest
from runyard_desktop.tasks.chat_controller import ChatController


def _request(model: str = "qwen3.5:4b", **kw) -> ChatRequest:
    return ChatRequest(model, (ChatMessage("system", "Be brief."), ChatMessage("user", "17×23?")), **kw)


def _collect(chat: ChatController) -> dict[str, list]:
    got: dict[str, list] = {"thinking": [], "content": [], "events": []}
    chat.thinking_appended.connect(lambda _i, t: got["thinking"].append(t))
    chat.content_appended.connect(lambda _i, t: got["content"].append(t))
    chat.streaming_started.connect(lambda i: got["events"].append(("streaming", i)))
    chat.notice.connect(lambda i, t: got["events"].append(("notice", t)))
    return got


def test_stream_with_thinking_and_metrics(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion", "thinking"))
    fake_ollama.script_reply(
        "qwen3.5:4b",
        content=["17", " × 23", " = 391"],
        thinking=["Let", " me", " think"],
        eval_count=6,
        eval_duration_ns=300_000_000,
    )
    chat = ChatController(runner, fake_ollama.url)
    got = _collect(chat)
    with qtbot.waitSignal(chat.reply_finished, timeout=5000) as done:
        reply_id = chat.start(_request(think=True, num_ctx=8192, temperature=0.2, seed=7))
    assert done.args[0] == reply_id
    metrics = done.args[1]
    assert "".join(got["content"]) == "17 × 23 = 391" and "".join(got["thinking"]) == "Let me think"
    assert metrics.eval_count == 6 and abs(metrics.tokens_per_s - 20.0) < 1e-6 and metrics.done_reason == "stop"
    assert metrics.ttft_s is not None and metrics.prompt_eval_count > 0
    body = fake_ollama.bodies("/api/chat")[-1]
    assert body["think"] is True and body["options"] == {"num_ctx": 8192, "temperature": 0.2, "seed": 7}
    assert not chat.is_busy


def test_think_dropped_for_a_model_without_thinking(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:2b", capabilities=("completion",))
    chat = ChatController(runner, fake_ollama.url)
    got = _collect(chat)
    with qtbot.waitSignal(chat.reply_finished, timeout=5000) as done:
        chat.start(_request("qwen3.5:2b", think="high"))
    assert done.args[1].thinking_dropped and any(e[0] == "notice" for e in got["events"])
    assert "think" not in fake_ollama.bodies("/api/chat")[-1]


def test_retry_without_think_when_server_refuses(runner, fake_ollama, qtbot) -> None:
    from runyard_desktop.core.ollama.types import ModelInfo

    fake_ollama.add_installed("qwen3.5:2b", capabilities=("completion",))
    stale = ModelInfo("qwen3.5:2b", ("completion", "thinking"), 4096)  # a cache that believes it can think
    chat = ChatController(runner, fake_ollama.url, model_info=lambda _m: stale)
    with qtbot.waitSignal(chat.reply_finished, timeout=5000) as done:
        chat.start(_request("qwen3.5:2b", think=True))
    assert done.args[1].thinking_dropped
    bodies = fake_ollama.bodies("/api/chat")
    assert bodies[0]["think"] is True and "think" not in bodies[1]


def test_stop_during_model_load_closes_the_socket_within_100_ms(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.load_delay_s = 5.0
    chat = ChatController(runner, fake_ollama.url)
    chat.start(_request())
    qtbot.waitUntil(lambda: bool(fake_ollama.bodies("/api/chat")), timeout=3000)
    with qtbot.waitSignal(chat.reply_stopped, timeout=1000):
        stopped_at = time.monotonic()
        chat.stop()
    gone = fake_ollama.wait_disconnect("chat", timeout=1.0)
    assert gone - stopped_at < 0.1, f"{(gone - stopped_at) * 1000:.0f} ms"


def test_stop_during_streaming_keeps_the_partial_reply(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.token_delay_s = 0.02
    fake_ollama.script_reply("qwen3.5:4b", content=[f"w{i} " for i in range(500)])
    chat = ChatController(runner, fake_ollama.url)
    got = _collect(chat)
    chat.start(_request())
    qtbot.waitUntil(lambda: len("".join(got["content"])) > 20, timeout=5000)
    with qtbot.waitSignal(chat.reply_stopped, timeout=1000):
        stopped_at = time.monotonic()
        chat.stop()
    gone = fake_ollama.wait_disconnect("chat", timeout=1.0)
    assert gone - stopped_at < 0.1, f"{(gone - stopped_at) * 1000:.0f} ms"
    text = "".join(got["content"])
    assert text.startswith("w0 w1 ") and len(text) < 500 * 4
    # batched: far fewer signals than tokens
    assert len(got["content"]) < text.count("w")


def test_failure_is_reported_with_a_plain_message(runner, fake_ollama, qtbot) -> None:
    chat = ChatController(runner, fake_ollama.url)
    with qtbot.waitSignal(chat.reply_failed, timeout=5000) as failed:
        chat.start(_request("qwen3.5:27b"))
    assert failed.args[1].kind is ErrorKind.NOT_INSTALLED
    assert "pull" in failed.args[1].next_step


def test_images_keep_alive_and_history_reach_the_server(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion", "vision"))
    chat = ChatController(runner, fake_ollama.url)
    request = ChatRequest(
        "qwen3.5:4b",
        (
            ChatMessage("user", "hi"),
            ChatMessage("assistant", "hello", thinking="t"),
            ChatMessage("user", "what is this?", images=("aGVsbG8=",)),
        ),
        keep_alive="10m",
    )
    with qtbot.waitSignal(chat.reply_finished, timeout=5000):
        chat.start(request)
    body = fake_ollama.bodies("/api/chat")[-1]
    assert body["keep_alive"] == "10m" and "think" not in body and body["stream"] is True
    assert body["messages"][-1] == {"role": "user", "content": "what is this?", "images": ["aGVsbG8="]}
    assert body["messages"][1] == {"role": "assistant", "content": "hello", "thinking": "t"}


def test_start_while_busy_stops_the_previous_reply(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.load_delay_s = 5.0
    chat = ChatController(runner, fake_ollama.url)
    stopped: list[int] = []
    finished: list[int] = []
    chat.reply_stopped.connect(stopped.append)
    chat.reply_finished.connect(lambda i, _m: finished.append(i))
    first = chat.start(_request())
    fake_ollama.load_delay_s = 0.0
    second = chat.start(_request())
    qtbot.waitUntil(lambda: stopped == [first] and finished == [second], timeout=10_000)
    assert not chat.is_busy


def test_stop_right_after_start(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    chat = ChatController(runner, fake_ollama.url)
    finished = []
    chat.reply_finished.connect(lambda i, _m: finished.append(i))
    with qtbot.waitSignal(chat.reply_stopped, timeout=2000):
        chat.start(_request())
        chat.stop()
    assert not finished and not chat.is_busy


def test_tokens_leave_the_loop_at_most_every_40_ms(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.token_delay_s = 0.001
    fake_ollama.script_reply("qwen3.5:4b", content=[f"t{i} " for i in range(400)])
    chat = ChatController(runner, fake_ollama.url)
    got = _collect(chat)
    started = time.monotonic()
    with qtbot.waitSignal(chat.reply_finished, timeout=10_000):
        chat.start(_request())
    elapsed = time.monotonic() - started
    assert "".join(got["content"]) == "".join(f"t{i} " for i in range(400))
    assert len(got["content"]) <= elapsed / 0.04 + 3, f"{len(got['content'])} signals in {elapsed:.2f} s"
