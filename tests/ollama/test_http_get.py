"""The standard-library GET of the probe, /api/tags and /api/ps, byte by byte against scripted raw servers.

Framing (Content-Length, chunked over many writes, until EOF), the failure paths (refused, accepted
but silent, closed mid-body, too large, not HTTP), error statuses read as the ollama client read
them, TLS, and cancellation closing the socket at once.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from runyard_desktop.core.ollama import client as client_module
from runyard_desktop.core.ollama import http_get
from runyard_desktop.core.ollama.client import OllamaClient, Probe
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError, not_running, translate
from runyard_desktop.core.ollama.http_get import (
    AnswerTimeout,
    ConnectTimeout,
    HttpProtocolError,
    ReplyTooLarge,
    get_json,
)
from tests.ollama.raw_http_server import raw_server, reply, sends
from tests.support.ports import unused_port

JSON = {"Content-Type": "application/json; charset=utf-8"}
TAGS = {
    "models": [
        {
            "name": "a:1b",
            "model": "a:1b",
            "size": 7,
            "digest": "d",
            "modified_at": "2026-01-02T03:04:05Z",
            "details": {"family": "qwen35", "parameter_size": "1B", "quantization_level": "Q8_0"},
        }
    ]
}
TAGS_BYTES = json.dumps(TAGS, separators=(",", ":")).encode()


async def _never_answer(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
    await reader.read()  # returns when the client closes its end


# -- framing ---------------------------------------------------------------------------------------


def test_content_length_body_and_the_request_sent() -> None:
    async def scenario() -> tuple[http_get.Reply, str]:
        script = sends(reply("200 OK", {**JSON, "Content-Length": str(len(TAGS_BYTES))}, TAGS_BYTES))
        async with raw_server(script, path="/ollama/") as server:
            got = await get_json(server.url, "/api/tags", timeout=5)
        return got, server.requests[0]

    got, request = asyncio.run(scenario())
    assert (got.status, got.data) == (200, TAGS)
    lines = request.split("\r\n")
    assert lines[0] == "GET /ollama/api/tags HTTP/1.1"  # the host's path prefix is kept, as ollama's client does
    headers = {k.lower(): v for k, _, v in (line.partition(": ") for line in lines[1:] if line)}
    assert headers["host"].startswith("127.0.0.1:") and headers["connection"] == "close"
    assert headers["accept"] == "application/json" and headers["user-agent"].startswith("runyard-desktop/")


def test_chunked_body_split_across_writes_with_extensions_and_trailers() -> None:
    half = len(TAGS_BYTES) // 2
    first, second = TAGS_BYTES[:half], TAGS_BYTES[half:]
    parts = (
        reply("200 OK", {**JSON, "Transfer-Encoding": "chunked"}),
        b"%x;name=value\r\n%s" % (len(first), first[:10]),
        first[10:] + b"\r\n",
        b"%X\r" % len(second),
        b"\n" + second + b"\r\n",
        b"0\r\n",
        b"X-Trailer: yes\r\n\r\n",
    )

    async def scenario() -> http_get.Reply:
        async with raw_server(sends(*parts)) as server:
            return await get_json(server.url, "/api/tags", timeout=5)

    assert asyncio.run(scenario()).data == TAGS


def test_body_until_the_connection_ends_after_an_interim_answer() -> None:
    parts = (b"HTTP/1.1 100 Continue\r\n\r\n", reply("200 OK", JSON), TAGS_BYTES[:5], TAGS_BYTES[5:])

    async def scenario() -> http_get.Reply:
        async with raw_server(sends(*parts)) as server:
            return await get_json(server.url, "/api/tags", timeout=5)

    assert asyncio.run(scenario()).data == TAGS


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, trusted by nothing until a test says so."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _probe_over_tls(cert: Path, key: Path) -> str | None:
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    script = sends(reply("200 OK", {**JSON, "Content-Length": "20"}, b'{"version":"0.17.1"}'))

    async def scenario() -> str | None:
        async with raw_server(script, tls=server_tls) as server:
            assert server.url.startswith("https://")
            return (await OllamaClient(server.url).probe(timeout=5)).version

    return asyncio.run(scenario())


def test_tls_with_the_server_name_checked(self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = self_signed
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trusted as httpx trusts it
    assert _probe_over_tls(cert, key) == "0.17.1"


def test_tls_trusts_certifis_bundle_as_httpx_does(
    self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not OpenSSL's default store, which a frozen macOS app lacks: certifi's bundle, like the ollama client."""
    import certifi

    cert, key = self_signed
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.setattr(certifi, "where", lambda: str(cert))  # the bundle, here holding only our certificate
    assert _probe_over_tls(cert, key) == "0.17.1"
    assert http_get.tls_context({}).get_ca_certs()[0]["subject"] == ((("commonName", "127.0.0.1"),),)


# -- failures --------------------------------------------------------------------------------------


def test_refused_is_refused_and_not_running() -> None:
    url = f"http://127.0.0.1:{unused_port()}"
    assert asyncio.run(OllamaClient(url).probe(timeout=1)).outcome == "refused"
    with pytest.raises(OllamaError) as info:
        asyncio.run(OllamaClient(url).list_models())
    expected = not_running(url)
    assert (info.value.kind, info.value.message, info.value.next_step) == (
        expected.kind,
        expected.message,
        expected.next_step,
    )


def test_accepted_but_silent_is_hanging_within_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    async def scenario() -> tuple[str, float, OllamaError]:
        async with raw_server(_never_answer) as server:
            started = time.monotonic()
            outcome = (await OllamaClient(server.url).probe(timeout=0.3)).outcome
            took = time.monotonic() - started
            monkeypatch.setattr(client_module, "LISTING_TIMEOUT_S", 0.3)
            with pytest.raises(OllamaError) as info:
                await OllamaClient(server.url).loaded_models()
        return outcome, took, info.value

    outcome, took, err = asyncio.run(scenario())
    assert outcome == "hanging" and took < 2.0
    assert err.kind is ErrorKind.TIMEOUT and "stopped answering" in err.message


@pytest.mark.parametrize(
    "body",
    [
        reply("200 OK", {**JSON, "Content-Length": "100"}, TAGS_BYTES[:10]),
        reply("200 OK", {**JSON, "Transfer-Encoding": "chunked"}, b"64\r\n" + TAGS_BYTES[:10]),
        reply("200 OK", {**JSON, "Transfer-Encoding": "chunked"}, b"zz\r\n"),
        b"HTTP/1.1 200 OK\r\nContent-Ty",
        b"",
        b"\r\n",
    ],
)
def test_a_connection_that_closes_mid_answer_is_an_error_not_a_hang(body: bytes) -> None:
    async def scenario() -> tuple[BaseException, OllamaError]:
        async with raw_server(sends(body)) as server:
            with pytest.raises(HttpProtocolError) as raw:
                await get_json(server.url, "/api/tags", timeout=5)
            with pytest.raises(OllamaError) as info:
                await OllamaClient(server.url).list_models()
        return raw.value, info.value

    _raw, err = asyncio.run(scenario())
    assert err.kind is ErrorKind.CONNECTION_LOST and err.message == "The connection to Ollama dropped."


def test_not_http_at_all_probes_as_refused() -> None:
    async def scenario() -> str:
        async with raw_server(sends(b"SSH-2.0-OpenSSH_9.6\r\n")) as server:
            return (await OllamaClient(server.url).probe(timeout=2)).outcome

    assert asyncio.run(scenario()) == "refused"


def test_a_body_over_the_cap_is_malformed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http_get, "MAX_BODY", 64)
    big = b"[" + b"0," * 100 + b"0]"
    bodies = [
        reply("200 OK", {**JSON, "Content-Length": str(len(big))}, big),
        reply("200 OK", JSON, big),
        reply("200 OK", {**JSON, "Transfer-Encoding": "chunked"}, b"%x\r\n%s\r\n0\r\n\r\n" % (len(big), big)),
    ]

    async def scenario(body: bytes) -> tuple[OllamaError, str]:
        async with raw_server(sends(body)) as server:
            with pytest.raises(OllamaError) as info:
                await OllamaClient(server.url).list_models()
            return info.value, (await OllamaClient(server.url).probe(timeout=2)).outcome

    for body in bodies:
        err, outcome = asyncio.run(scenario(body))
        assert err.kind is ErrorKind.MALFORMED and outcome == "answering"


@pytest.mark.parametrize(
    ("status", "content_type", "body", "kind", "words"),
    [
        (
            "500 Internal Server Error",
            "application/json; charset=utf-8",
            b'{"error":"something broke"}',
            ErrorKind.SERVER_ERROR,
            "something broke",
        ),
        (
            "503 Service Unavailable",
            "application/json; charset=utf-8",
            b'{"error":"server busy, please try again."}',
            ErrorKind.BUSY,
            "busy",
        ),
        ("404 Not Found", "text/plain; charset=utf-8", b"404 page not found", ErrorKind.SERVER_ERROR, "not Ollama"),
    ],
)
def test_error_statuses_read_as_the_ollama_client_read_them(
    status: str, content_type: str, body: bytes, kind: ErrorKind, words: str
) -> None:
    import ollama  # only to compare with what the previous code path made of the same answer

    script = sends(reply(status, {"Content-Type": content_type, "Content-Length": str(len(body))}, body))

    async def scenario() -> OllamaError:
        async with raw_server(script) as server:
            with pytest.raises(OllamaError) as info:
                await OllamaClient(server.url).list_models()
        return info.value

    err = asyncio.run(scenario())
    code = int(status.split()[0])
    before = translate(ollama.ResponseError(body.decode(), code), host="h")
    assert (err.kind, err.message, err.next_step, err.status_code) == (
        before.kind,
        before.message,
        before.next_step,
        code,
    )
    assert err.kind is kind and words in err.plain()


@pytest.mark.parametrize(
    "body",
    [
        b"Hello, this is not JSON",
        b'{"models":"nope"}',
        b'{"models":[{"size":"big"}]}',
        b'{"models":[{"details":[1]}]}',
        b"[]",
    ],
)
def test_a_reply_of_the_wrong_shape_is_malformed(body: bytes) -> None:
    script = sends(reply("200 OK", {"Content-Length": str(len(body))}, body))

    async def scenario() -> tuple[OllamaError, Probe]:
        async with raw_server(script) as server:
            with pytest.raises(OllamaError) as info:
                await OllamaClient(server.url).list_models()
            return info.value, await OllamaClient(server.url).probe(timeout=2)

    err, probe = asyncio.run(scenario())
    assert err.kind is ErrorKind.MALFORMED and "could not read" in err.message
    assert (probe.outcome, probe.version) == ("answering", None)


def test_cancelling_the_task_closes_the_socket_at_once() -> None:
    async def scenario() -> float:
        asked, gone = asyncio.Event(), asyncio.Event()

        async def script(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
            asked.set()
            await reader.read()  # b"" once the client closes: the FIN the real server would see
            gone.set()

        async with raw_server(script) as server:
            job = asyncio.ensure_future(OllamaClient(server.url).list_models())
            await asyncio.wait_for(asked.wait(), 5)
            job.cancel()
            cancelled = time.monotonic()
            with pytest.raises(asyncio.CancelledError):
                await job
            await asyncio.wait_for(gone.wait(), 2)
            return time.monotonic() - cancelled

    assert asyncio.run(scenario()) < 0.5


def test_stdlib_failures_translate_like_their_httpx_counterparts() -> None:
    import httpx

    pairs = [
        (ConnectTimeout("x"), httpx.ConnectTimeout("x")),
        (AnswerTimeout("x"), httpx.ReadTimeout("x")),
        (ConnectionRefusedError(111, "x"), httpx.ConnectError("x")),
        (HttpProtocolError("x"), httpx.RemoteProtocolError("x")),
    ]
    for ours, theirs in pairs:
        a, b = translate(ours, host="h"), translate(theirs, host="h")
        assert (a.kind, a.message, a.next_step) == (b.kind, b.message, b.next_step), (ours, theirs)
    assert translate(ReplyTooLarge("x"), host="h").kind is ErrorKind.MALFORMED
    assert translate(TimeoutError("x"), host="h").kind is ErrorKind.TIMEOUT
