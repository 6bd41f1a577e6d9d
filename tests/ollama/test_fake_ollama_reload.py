"""The stand-in reloads a model the way the real scheduler does (server/sched.go `needsReload`).

A loaded runner is reused when the request's context (num_ctx, or the server's default when none is
sent) is the one it was loaded with, or when neither it nor the request named one; otherwise the
model is loaded again. Driven through the real `ollama` client.
"""

from __future__ import annotations

from collections.abc import Iterator

import ollama
import pytest


@pytest.fixture
def client(fake_ollama) -> Iterator[ollama.Client]:
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    with ollama.Client(host=fake_ollama.url) as client:
        yield client


def _context(client: ollama.Client, model: str) -> int | None:
    return next((m.context_length for m in client.ps().models if m.model == model), None)


def _say(client: ollama.Client, model: str, num_ctx: int | None = None) -> None:
    options = {"num_ctx": num_ctx} if num_ctx else None
    client.chat(model=model, messages=[{"role": "user", "content": "hi"}], options=options)


def test_a_request_without_num_ctx_reloads_a_runner_loaded_with_one(client: ollama.Client) -> None:
    _say(client, "qwen3.5:4b", 8192)
    assert _context(client, "qwen3.5:4b") == 8192
    _say(client, "qwen3.5:4b", 8192)  # same context: kept
    assert _context(client, "qwen3.5:4b") == 8192
    _say(client, "qwen3.5:4b")  # none asked: the server's default, so a reload
    assert _context(client, "qwen3.5:4b") == 4096


def test_a_runner_loaded_with_the_default_is_kept_for_requests_without_num_ctx(
    fake_ollama, client: ollama.Client
) -> None:
    fake_ollama.state.default_num_ctx = 32768  # a server with 24 GiB of VRAM or more
    _say(client, "qwen3.5:4b")
    assert _context(client, "qwen3.5:4b") == 32768
    fake_ollama.state.default_num_ctx = 4096  # as if Ollama lowered an automatic context to fit
    _say(client, "qwen3.5:4b")
    assert _context(client, "qwen3.5:4b") == 32768
    _say(client, "qwen3.5:4b", 32768)  # the same context asked explicitly: kept
    assert _context(client, "qwen3.5:4b") == 32768


def test_the_context_is_at_most_the_models_own(fake_ollama, client: ollama.Client) -> None:
    fake_ollama.add_installed("qwen3.5:9b", context_length=32768)
    _say(client, "qwen3.5:9b", 65536)
    assert _context(client, "qwen3.5:9b") == 32768


def test_a_load_without_messages_follows_the_same_rule(client: ollama.Client) -> None:
    client.chat(model="qwen3.5:4b", messages=[], options={"num_ctx": 16384})
    assert _context(client, "qwen3.5:4b") == 16384
    client.chat(model="qwen3.5:4b", messages=[])
    assert _context(client, "qwen3.5:4b") == 4096
