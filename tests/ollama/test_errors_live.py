"""Every error of docs/ollama-behaviour.md the app handles, made by the stand-in, read by the real `ollama` client."""

from __future__ import annotations

import asyncio

import httpx
import ollama
import pytest

from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError, translate
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest


async def _drain_pull(client: OllamaClient, tag: str) -> list[str]:
    return [status async for status, *_ in client.pull(tag)]


async def _drain_chat(client: OllamaClient, model: str, think: bool | str | None = None) -> str:
    request = ChatRequest(model, (ChatMessage("user", "hi"),))
    return "".join([c.message.content async for c in client.chat(request, think=think)])


def _pull_error(fake, tag: str = "qwen3.5:4b") -> OllamaError:
    with pytest.raises(OllamaError) as info:
        asyncio.run(_drain_pull(OllamaClient(fake.url), tag))
    return info.value


def _chat_error(fake, model: str = "qwen3.5:4b", think: bool | str | None = None) -> OllamaError:
    with pytest.raises(OllamaError) as info:
        asyncio.run(_drain_chat(OllamaClient(fake.url), model, think))
    return info.value


@pytest.fixture
def fake(fake_ollama):
    fake_ollama.add_remote("qwen3.5:4b", (3_000_000, 1429, 561))
    fake_ollama.add_installed("qwen3.5:2b", capabilities=("completion",))
    return fake_ollama


def test_connection_refused_stream_and_non_stream() -> None:
    client = OllamaClient("http://127.0.0.1:9")
    for coro in (_drain_pull(client, "x"), client.list_models()):
        with pytest.raises(OllamaError) as info:
            asyncio.run(coro)
        assert info.value.kind is ErrorKind.NOT_RUNNING
        assert "not running" in info.value.message and "Start Ollama" in info.value.next_step


@pytest.mark.parametrize(
    ("kind", "expected", "words"),
    [
        ("unknown_model", ErrorKind.UNKNOWN_MODEL, "no model called"),
        ("offline", ErrorKind.OFFLINE, "internet"),
        ("needs_newer", ErrorKind.NEEDS_NEWER_OLLAMA, "0.17.1"),
        ("max_retries", ErrorKind.NETWORK_DROPPED, "gave up"),
        ("digest_mismatch", ErrorKind.DIGEST_MISMATCH, "damaged"),
        ("disk_full", ErrorKind.DISK_FULL, "full"),
        ("malformed", ErrorKind.MALFORMED, "could not read"),
        ("drop", ErrorKind.CONNECTION_LOST, "dropped"),
    ],
)
def test_pull_errors(fake, kind: str, expected: ErrorKind, words: str) -> None:
    fake.fail("pull", kind)
    client = OllamaClient(fake.url)
    asyncio.run(client.probe())  # learn the version, as the app does
    with pytest.raises(OllamaError) as info:
        asyncio.run(_drain_pull(client, "qwen3.5:4b"))
    err = info.value
    assert err.kind is expected, repr(err)
    assert words in err.plain()
    assert err.next_step


def test_unknown_model_without_injection_and_404_status(fake) -> None:
    assert _pull_error(fake, "nope:1b").kind is ErrorKind.UNKNOWN_MODEL
    err = _chat_error(fake, "nope:1b")
    assert err.kind is ErrorKind.NOT_INSTALLED and err.status_code == 404
    with pytest.raises(OllamaError) as info:
        asyncio.run(OllamaClient(fake.url).show("nope"))
    assert info.value.kind is ErrorKind.NOT_INSTALLED


@pytest.mark.parametrize(
    ("kind", "expected", "status"),
    [
        ("out_of_memory", ErrorKind.OUT_OF_MEMORY, 500),
        ("runner_stopped", ErrorKind.OUT_OF_MEMORY, 500),
        ("busy", ErrorKind.BUSY, 503),
        ("mid_stream", ErrorKind.SERVER_ERROR, -1),
        ("malformed", ErrorKind.MALFORMED, None),
        ("drop", ErrorKind.CONNECTION_LOST, None),
    ],
)
def test_chat_errors(fake, kind: str, expected: ErrorKind, status: int | None) -> None:
    fake.fail("chat", kind)
    err = _chat_error(fake, "qwen3.5:2b")
    assert err.kind is expected, repr(err)
    assert err.status_code == status
    assert err.message and err.next_step


def test_memory_message_names_the_sizes(fake) -> None:
    fake.fail("chat", "out_of_memory")
    assert "7.3 GiB" in _chat_error(fake, "qwen3.5:2b").message


def test_thinking_not_supported(fake) -> None:
    err = _chat_error(fake, "qwen3.5:2b", think=True)
    assert err.kind is ErrorKind.THINKING_UNSUPPORTED and err.status_code == 400


def test_pydantic_validation_error_from_show_without_model_info(fake) -> None:
    fake.fail("show", "no_model_info")
    with pytest.raises(OllamaError) as info:
        asyncio.run(OllamaClient(fake.url).show("qwen3.5:2b"))
    assert info.value.kind is ErrorKind.MALFORMED


def test_read_timeout_is_translated(fake) -> None:
    fake.fail("chat", "hang")

    async def run() -> None:
        client = ollama.AsyncClient(host=fake.url, timeout=httpx.Timeout(5.0, read=0.2))
        async for _ in await client.chat("qwen3.5:2b", messages=[{"role": "user", "content": "x"}], stream=True):
            pass

    with pytest.raises(httpx.ReadTimeout) as info:
        asyncio.run(run())
    assert translate(info.value, host=fake.url).kind is ErrorKind.TIMEOUT


def test_builtin_connection_error_from_the_library() -> None:
    exc = ConnectionError(
        "Failed to connect to Ollama. Please check that Ollama is downloaded, running and accessible."
    )
    assert translate(exc, host="http://h:1").kind is ErrorKind.NOT_RUNNING


def test_unknown_route_and_wrong_method(fake) -> None:
    with httpx.Client(base_url=fake.url) as http:
        assert http.get("/api/nothing").text == "404 page not found"
        assert http.get("/api/pull").status_code == 405
        head = http.head("/")
        assert head.status_code == 200 and head.headers["content-type"] == "text/plain; charset=utf-8"
        assert http.get("/").text == "Ollama is running"


@pytest.mark.parametrize(
    ("kind", "expected", "words"),
    [
        ("old_thinking", ErrorKind.THINKING_UNSUPPORTED, "thinking"),
        ("no_tools", ErrorKind.INVALID_REQUEST, "tools"),
        ("no_chat", ErrorKind.INVALID_REQUEST, "embedding"),
        ("unauthorized", ErrorKind.INVALID_REQUEST, "sign in"),
        ("canceled", ErrorKind.CONNECTION_LOST, "cancelled"),
        ("invalid_name", ErrorKind.INVALID_REQUEST, "refused"),
    ],
)
def test_other_chat_errors_before_the_stream(fake, kind: str, expected: ErrorKind, words: str) -> None:
    fake.fail("chat", kind)
    err = _chat_error(fake, "qwen3.5:2b")
    assert err.kind is expected and words in err.plain(), repr(err)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("needs_prerelease", ErrorKind.NEEDS_NEWER_OLLAMA),
        ("blob_unreachable", ErrorKind.OFFLINE),
        ("mlx", ErrorKind.SERVER_ERROR),
        ("registry_error", ErrorKind.SERVER_ERROR),
    ],
)
def test_other_pull_errors_on_the_stream(fake, kind: str, expected: ErrorKind) -> None:
    fake.fail("pull", kind)
    assert _pull_error(fake).kind is expected


def test_pull_still_succeeds_when_pruning_fails_and_on_update(fake) -> None:
    fake.fail("pull", "prune_failed")
    statuses = asyncio.run(_drain_pull(OllamaClient(fake.url), "qwen3.5:4b"))
    assert statuses[-2].startswith("couldn't remove unused layers") and statuses[-1] == "success"
    fake.fail("pull", "update")
    statuses = asyncio.run(_drain_pull(OllamaClient(fake.url), "qwen3.5:4b"))
    assert statuses[-2:] == ["removing unused layers", "success"]


def test_pull_answered_with_http_404_is_an_unknown_model(fake) -> None:
    fake.fail("pull", "status", status=404, body={"error": "model not found"})
    assert _pull_error(fake).kind is ErrorKind.UNKNOWN_MODEL


@pytest.mark.parametrize(
    ("kind", "expected", "words"),
    [
        ("disk_full_windows", ErrorKind.DISK_FULL, "disk"),
        ("deadline", ErrorKind.TIMEOUT, "waiting"),
        ("unexpected_status", ErrorKind.SERVER_ERROR, "(403)"),
        ("unauthorized", ErrorKind.INVALID_REQUEST, "refused access"),
    ],
)
def test_pull_errors_of_every_generation_on_the_stream(fake, kind: str, expected: ErrorKind, words: str) -> None:
    fake.fail("pull", kind)
    err = _pull_error(fake)
    assert err.kind is expected and err.status_code == -1, repr(err)
    assert words in err.plain() and "internet connection and download" not in err.plain()
    assert "reported an error" not in err.message and "while answering" not in err.message


@pytest.mark.parametrize(("version", "text"), [("0.24.0", "requires more system memory"), ("0.31.0", "llama-server")])
def test_both_generations_of_memory_text_are_a_memory_error(fake, version: str, text: str) -> None:
    fake.version = version
    fake.fail("chat", "out_of_memory")
    err = _chat_error(fake, "qwen3.5:2b")
    assert err.kind is ErrorKind.OUT_OF_MEMORY and err.status_code == 500 and text in err.detail, repr(err)
    fake.memory_bytes = 1000  # smaller than the model: it does not fit, whatever is asked
    err = _chat_error(fake, "qwen3.5:2b")
    assert err.kind is ErrorKind.OUT_OF_MEMORY and text in err.detail, repr(err)


def test_memory_running_out_in_the_middle_of_a_reply(fake) -> None:
    fake.fail("chat", "mid_oom")
    err = _chat_error(fake, "qwen3.5:2b")
    assert err.kind is ErrorKind.OUT_OF_MEMORY and err.status_code == -1, repr(err)
