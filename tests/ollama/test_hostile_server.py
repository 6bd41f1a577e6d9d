"""A hostile or broken server is bounded: long lines, long replies, impossible numbers; the key and the address rules."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Mapping

import pytest

from runyard_desktop.core.ollama import bounds
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest


async def _drain_chat(client: OllamaClient, model: str) -> str:
    request = ChatRequest(model, (ChatMessage("user", "hi"),))
    return "".join([c.message.content async for c in client.chat(request, think=None)])


async def _drain_pull(client: OllamaClient, tag: str) -> list[tuple[object, ...]]:
    return [row async for row in client.pull(tag)]


@pytest.fixture
def fake(fake_ollama):
    fake_ollama.add_remote("qwen3.5:4b", (3_000_000, 1429, 561))
    fake_ollama.add_installed("qwen3.5:2b", capabilities=("completion",))
    return fake_ollama


def test_a_line_without_end_stops_at_the_line_limit(fake) -> None:
    fake.script_reply("qwen3.5:2b", ("a", "b", "c", "d"))
    fake.fail("chat", "huge_line")
    with pytest.raises(OllamaError) as info:
        asyncio.run(asyncio.wait_for(_drain_chat(OllamaClient(fake.url), "qwen3.5:2b"), 30))
    assert info.value.kind is ErrorKind.MALFORMED
    assert "a line longer than 1 MB" in info.value.message and "Ollama server" in info.value.next_step


def test_a_reply_past_the_reply_limit_stops_with_a_message(fake, monkeypatch) -> None:
    monkeypatch.setattr(bounds, "MAX_REPLY_BYTES", 4000)
    fake.script_reply("qwen3.5:2b", tuple(f"word{i} " for i in range(200)))
    with pytest.raises(OllamaError) as info:
        asyncio.run(asyncio.wait_for(_drain_chat(OllamaClient(fake.url), "qwen3.5:2b"), 30))
    assert "answer" in info.value.message and "stopped reading" in info.value.message
    assert info.value.next_step


def test_a_normal_reply_passes_the_limits(fake) -> None:
    fake.script_reply("qwen3.5:2b", ("Hello", " there", "!"))
    assert asyncio.run(_drain_chat(OllamaClient(fake.url), "qwen3.5:2b")) == "Hello there!"


def test_a_400_digit_total_fails_the_pull_with_a_message(fake) -> None:
    fake.fail("pull", "huge_number")
    with pytest.raises(OllamaError) as info:
        asyncio.run(asyncio.wait_for(_drain_pull(OllamaClient(fake.url), "qwen3.5:4b"), 30))
    assert info.value.kind is ErrorKind.MALFORMED
    assert "impossible size (a 400-digit number)" in info.value.message


@pytest.mark.parametrize("value", [-1, 2**63, 1.5, "12", True])
def test_impossible_counts_are_refused(value: object) -> None:
    with pytest.raises(OllamaError):
        bounds.checked_count(value, "size")


@pytest.mark.parametrize("value", [None, 0, 2**63 - 1])
def test_possible_counts_pass(value: int | None) -> None:
    assert bounds.checked_count(value, "size") == value


def _request_headers(host: str, monkeypatch) -> Mapping[str, str]:
    """The headers the real ollama client would send to `host` once the app's request hook ran."""
    monkeypatch.setenv("OLLAMA_API_KEY", "secret-key")

    async def build() -> Mapping[str, str]:
        async with OllamaClient(host)._new() as client:
            request = client._client.build_request("POST", "/api/chat")
            for hook in client._client.event_hooks["request"]:
                await hook(request)
            return request.headers

    return asyncio.run(build())


@pytest.mark.parametrize(
    ("host", "sent"),
    [
        ("http://192.168.1.20:11434", False),
        ("http://ollama.example:80", False),
        ("https://ollama.example:443", True),
        ("http://127.0.0.1:11434", True),
        ("http://[::1]:11434", True),
    ],
)
def test_the_api_key_goes_only_over_https_or_to_this_machine(host: str, sent: bool, monkeypatch) -> None:
    headers = _request_headers(host, monkeypatch)
    assert ("authorization" in headers) is sent


def test_the_api_key_reaches_a_loopback_server(fake, monkeypatch) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", "secret-key")
    fake.script_reply("qwen3.5:2b", ("ok",))
    assert asyncio.run(_drain_chat(OllamaClient(fake.url), "qwen3.5:2b")) == "ok"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("http://x:99999", "port"),
        ("x:0", "port"),
        ("x:abc", "port"),
        ("http://user:pass@host:11434", "user name or password"),
        ("ftp://host", "http:// or https://"),
    ],
)
def test_a_typed_address_that_ollama_would_guess_at_is_refused(raw: str, words: str) -> None:
    with pytest.raises(hosts.HostError, match=words):
        hosts.checked_host(raw)
    with pytest.raises(hosts.HostError):
        hosts.resolve(cli_host=raw, env={})


def test_ollama_host_keeps_ollamas_reading() -> None:
    assert hosts.resolve(env={"OLLAMA_HOST": "x:99999"}) == "http://x:11434"
    assert hosts.checked_host(" 1.2.3.4 ") == "http://1.2.3.4:11434"


def test_the_cli_says_a_bad_port_plainly() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "runyard_desktop", "models", "--host", "http://x:99999"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "must be a number from 1 to 65535" in done.stderr
