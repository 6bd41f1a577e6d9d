"""probe/list_models/loaded_models over the standard library: the values the ollama client path gave, no heavy imports.

The expected values are computed here the previous way (`ollama.AsyncClient` + pydantic, then the
same dataclass construction the client used), against the stand-in with enough models that it
frames /api/tags as chunked, as Go does above 2 KB.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from typing import Any

import pytest

from runyard_desktop.core.ollama.client import OllamaClient, iso_text
from runyard_desktop.core.ollama.types import InstalledModel, LoadedModel

HEAVY = ("httpx", "httpcore", "h11", "anyio", "ollama", "pydantic", "pydantic_core")


@pytest.fixture
def fake(fake_ollama):
    quants = ("Q4_K_M", "Q8_0", "BF16")
    for i, tag in enumerate(("0.8b", "2b", "4b", "9b", "27b", "35b-a3b", "122b-a10b", "4b-q8_0")):
        fake_ollama.add_installed(
            f"qwen3.5:{tag}",
            size=(i + 1) * 1_000_000_000,
            quantization=quants[i % 3],
            parameter_size=f"{i + 1}B",
            family="qwen35" if i % 2 else "qwen3",
        )
    fake_ollama.add_installed("hf.co/org/repo:Q4_K_M")
    fake_ollama.load("qwen3.5:2b", size_vram=0, context_length=8192)
    fake_ollama.load("qwen3.5:4b")
    return fake_ollama


async def _the_ollama_client_way(url: str) -> tuple[tuple[InstalledModel, ...], tuple[LoadedModel, ...]]:
    """What client.py did before it used the standard library for these two listings."""
    import ollama

    async with ollama.AsyncClient(host=url) as client:
        tags, ps = await client.list(), await client.ps()
    installed = tuple(
        InstalledModel(
            name=str(m.model or ""),
            size=int(m.size or 0),
            digest=str(m.digest or ""),
            modified_at=m.modified_at.isoformat() if m.modified_at else "",
            family=(m.details.family or "") if m.details else "",
            parameter_size=(m.details.parameter_size or "") if m.details else "",
            quantization=(m.details.quantization_level or "") if m.details else "",
        )
        for m in tags.models
    )
    loaded = tuple(
        LoadedModel(
            name=str(m.model or m.name or ""),
            size=int(m.size or 0),
            size_vram=int(m.size_vram or 0),
            context_length=getattr(m, "context_length", None),
            expires_at=m.expires_at.isoformat() if m.expires_at else "",
        )
        for m in ps.models
    )
    return installed, loaded


def _raw_get_head(port: int, path: str) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data and (chunk := sock.recv(4096)):
            data += chunk
    return data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()


def test_the_stand_in_frames_a_long_tags_listing_as_chunked_like_go(fake) -> None:
    head = _raw_get_head(fake.port, "/api/tags")
    assert "transfer-encoding: chunked" in head and "content-length" not in head
    assert "content-length: " in _raw_get_head(fake.port, "/api/version")  # small bodies keep their length


def test_listings_equal_what_the_ollama_client_path_gave(fake) -> None:
    async def ours() -> tuple[Any, ...]:
        client = OllamaClient(fake.url)
        return await client.probe(), await client.list_models(), await client.loaded_models()

    probe, installed, loaded = asyncio.run(ours())
    assert (probe.outcome, probe.version) == ("answering", "0.17.1")
    expected_installed, expected_loaded = asyncio.run(_the_ollama_client_way(fake.url))
    assert installed == expected_installed and len(installed) == 9
    assert loaded == expected_loaded and len(loaded) == 2
    by_name = {m.name: m for m in loaded}
    assert by_name["qwen3.5:2b"].gpu_share == 0.0 and by_name["qwen3.5:2b"].context_length == 8192
    assert by_name["qwen3.5:4b"].expires_at == "2318-01-01T00:00:00+00:00"


def test_empty_listings(fake_ollama) -> None:
    client = OllamaClient(fake_ollama.url)
    assert asyncio.run(client.list_models()) == () and asyncio.run(client.loaded_models()) == ()


@pytest.mark.parametrize(
    "text",
    [
        "2025-05-04T17:37:44.706015396-07:00",
        "2318-01-01T00:00:00.0000001+00:00",
        "2026-11-29T19:29:10.1234567Z",
        "2026-11-29T19:29:10Z",
        "2026-11-29T19:29:10.5+05:30",
        "2026-11-29T19:29:10",
        "0001-01-01T00:00:00Z",
        "2026-11-29 19:29:10.999999999z",
    ],
)
def test_times_read_as_pydantic_read_them(text: str) -> None:
    from ollama._types import ListResponse

    parsed = ListResponse.model_validate({"models": [{"modified_at": text}]}).models[0].modified_at
    assert parsed is not None and iso_text(text) == parsed.isoformat()


def test_times_that_are_not_times_stay_as_text() -> None:
    assert iso_text(None) == "" and iso_text("") == "" and iso_text("yesterday") == "yesterday"


_CHILD = r"""
import asyncio, json, sys
from runyard_desktop.core.ollama.client import OllamaClient

async def main():
    client = OllamaClient(sys.argv[1])
    return await client.probe(), await client.list_models(), await client.loaded_models()

probe, installed, loaded = asyncio.run(main())
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2].split(",")))
print("RESULT " + json.dumps({"probe": probe.outcome, "installed": len(installed), "loaded": len(loaded),
                              "heavy": heavy}))
"""


def test_probe_and_listings_import_neither_httpx_nor_ollama_nor_pydantic(fake) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, fake.url, ",".join(HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, result.stdout + result.stderr
    assert json.loads(line.removeprefix("RESULT ")) == {"probe": "answering", "installed": 9, "loaded": 2, "heavy": []}
