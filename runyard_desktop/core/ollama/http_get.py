"""GET one small JSON document over plain asyncio streams: the probe, /api/tags and /api/ps.

Why not httpx/ollama for these: they run right after the first paint (`OllamaService.check`), and
importing httpx costs ~14 MiB and ~180 ms, the `ollama` package with pydantic ~18 MiB more, for
three GETs of a few KB. The standard library's asyncio (already loaded by the task runner) does it;
httpx and `ollama` still load, lazily, for pull, chat, show, delete and unload.

Why hand-written HTTP/1.1 on `asyncio.open_connection` rather than `http.client` in a thread: the
app stops a job by cancelling its asyncio task, and that must close the socket at once (a thread
blocked in `recv` cannot be interrupted). The client side is minimal on purpose: one request per
connection (`Connection: close`), no redirects, no compression; the body is framed by
Content-Length, by chunked transfer coding (Go's net/http chunks any body over 2 KB that the
handler did not size, e.g. /api/tags with a handful of models) or by the end of the connection.

Failures are builtin exceptions or the subclasses below; `errors.translate` turns them into
OllamaError: ConnectionRefusedError/OSError (no connection), ConnectTimeout (no connection in
time), AnswerTimeout (connected, no complete answer in time), HttpProtocolError (not HTTP, or the
connection closed mid-answer), ReplyTooLarge (over MAX_BODY). HTTP error statuses are returned,
not raised: the caller decides what a 404 means.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from runyard_desktop import __version__
from runyard_desktop.core.ollama.host import normalize

if TYPE_CHECKING:
    import ssl

MAX_BODY = 16 * 2**20  # /api/tags is ~400 bytes a model; anything near this is not an Ollama listing
MAX_HEADERS = 100
USER_AGENT = f"runyard-desktop/{__version__} ({sys.platform}) Python/{sys.version.split()[0]}"


class HttpProtocolError(ConnectionError):
    """The answer is not HTTP/1.x, or the connection closed before the whole answer arrived."""


class ReplyTooLarge(HttpProtocolError):
    """The body is larger than MAX_BODY."""


class ConnectTimeout(TimeoutError):
    """No connection (TCP, and TLS for https) within the connect limit."""


class AnswerTimeout(TimeoutError):
    """Connected, but no complete answer within the time limit (a server still starting does this)."""


class Reply(NamedTuple):
    """An HTTP answer: status, the parsed JSON body (None when empty or not JSON) and the body as text.

    A NamedTuple, not a dataclass: immutable all the same, and ~1 ms cheaper to define at import.
    """

    status: int
    data: Any
    text: str


class _Connection:
    """Where to connect, and the streams once connected (kept here so no code path can lose them)."""

    __slots__ = ("host", "port", "reader", "tls", "writer")

    def __init__(self, host: str, port: int, tls: bool) -> None:
        self.host, self.port, self.tls = host, port, tls
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None


async def get_json(base_url: str, path: str, *, timeout: float, connect_timeout: float | None = None) -> Reply:
    """GET `path` (below `base_url`'s own path) and return the reply; all of it within `timeout` seconds.

    `base_url` follows OLLAMA_HOST rules (see host.normalize). The connection must be made within
    `connect_timeout` (default: `timeout`). Cancelling the calling task closes the socket at once.
    """
    parts = urlsplit(normalize(base_url))
    if parts.scheme not in ("http", "https"):
        raise HttpProtocolError(f"unsupported scheme {parts.scheme!r} in {base_url}")
    conn = _Connection(parts.hostname or "127.0.0.1", parts.port or 80, parts.scheme == "https")
    request = _request(parts.netloc, parts.path.rstrip("/") + path)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    connect_limit = min(timeout, connect_timeout or timeout)
    try:
        try:
            await asyncio.wait_for(_connect(conn), connect_limit)
        except asyncio.TimeoutError as exc:  # not the builtin TimeoutError before Python 3.11
            raise ConnectTimeout(f"no connection to {parts.netloc} within {connect_limit:g} s") from exc
        try:
            return await asyncio.wait_for(_exchange(conn, request), max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError as exc:
            raise AnswerTimeout(
                f"{parts.netloc} accepted the connection but sent no complete answer within {timeout:g} s"
            ) from exc
    finally:
        if conn.writer is not None:
            # abort, not close: nothing is left to send, and a TLS close would wait for the peer's close_notify.
            conn.writer.transport.abort()


def _request(netloc: str, target: str) -> bytes:
    lines = [
        f"GET {target} HTTP/1.1",
        f"Host: {netloc}",
        "Accept: application/json",
        f"User-Agent: {USER_AGENT}",
        "Connection: close",
    ]
    api_key = os.environ.get("OLLAMA_API_KEY", "").strip()  # the ollama client sends it too (hosted/proxied servers)
    if api_key:
        lines.append(f"Authorization: Bearer {api_key}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def tls_context(env: Mapping[str, str] | None = None) -> ssl.SSLContext:
    """The certificates httpx (and so the `ollama` client) trusts: $SSL_CERT_FILE, else $SSL_CERT_DIR,
    else certifi's bundle (httpx/_config.py `create_ssl_context`).

    Not `ssl.create_default_context()` alone: it reads OpenSSL's default store, which a frozen macOS app
    does not have (nor does Python from python.org before its "Install Certificates" step), so https
    status and listings failed there while pull and chat, through httpx, worked.
    """
    import ssl  # already loaded by asyncio; named here because only https needs a context

    env = os.environ if env is None else env
    if env.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=env["SSL_CERT_FILE"])
    if env.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=env["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


async def _connect(conn: _Connection) -> None:
    tls: Any = tls_context() if conn.tls else None
    conn.reader, conn.writer = await asyncio.open_connection(
        conn.host, conn.port, ssl=tls, server_hostname=conn.host if conn.tls else None
    )


async def _exchange(conn: _Connection, request: bytes) -> Reply:
    assert conn.reader is not None and conn.writer is not None
    conn.writer.write(request)
    await conn.writer.drain()
    try:
        status, headers = await _read_head(conn.reader)
        while 100 <= status < 200:  # interim answers (100 Continue, 103 Early Hints) come before the real one
            status, headers = await _read_head(conn.reader)
        body = await _read_body(conn.reader, headers, status)
    except asyncio.IncompleteReadError as exc:
        raise HttpProtocolError(
            f"the connection closed after {len(exc.partial)} bytes of a {exc.expected}-byte part of the answer"
        ) from exc
    except ValueError as exc:  # StreamReader.readline over its 64 KiB line limit
        raise HttpProtocolError("a line of the answer is too long") from exc
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text) if text.strip() else None
    except ValueError:
        data = None
    return Reply(status, data, text)


async def _line(reader: asyncio.StreamReader, what: str) -> bytes:
    line = await reader.readline()
    if not line.endswith(b"\n"):
        raise HttpProtocolError(f"the connection closed in the {what}")
    return line


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    line = await reader.readline()
    if not line:
        raise HttpProtocolError("the server closed the connection without answering")
    if not line.endswith(b"\n"):
        raise HttpProtocolError(f"the connection closed in the status line {line[:80]!r}")
    fields = line.decode("latin-1").split(None, 2) or [""]  # "HTTP/1.1 200 OK"; the reason may be missing
    code = fields[1] if len(fields) > 1 else ""
    if not (fields[0].startswith("HTTP/1.") and len(code) == 3 and code.isascii() and code.isdigit()):
        raise HttpProtocolError(f"not an HTTP answer: {line[:80]!r}")
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADERS):
        line = await _line(reader, "headers")
        if line in (b"\r\n", b"\n"):
            return int(code), headers
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon:
            raise HttpProtocolError(f"malformed header line: {line[:80]!r}")
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    raise HttpProtocolError(f"more than {MAX_HEADERS} headers")


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str], status: int) -> bytes:
    if status in (204, 304):
        return b""
    coding = headers.get("transfer-encoding", "").lower()
    if coding:
        if coding.rsplit(",", 1)[-1].strip() == "chunked":
            return await _read_chunked(reader)
        return await _read_to_end(reader)  # RFC 9112 §6.3: any other final coding runs to the close
    if "content-length" in headers:
        length = _content_length(headers["content-length"])
        if length > MAX_BODY:
            raise ReplyTooLarge(f"the answer is {length} bytes (more than {MAX_BODY})")
        return await reader.readexactly(length)
    return await _read_to_end(reader)


def _content_length(value: str) -> int:
    values = {v.strip() for v in value.split(",")}  # repeated headers were joined with ", "
    if len(values) != 1 or not (next(iter(values)).isascii() and next(iter(values)).isdigit()):
        raise HttpProtocolError(f"bad Content-Length: {value!r}")
    return int(values.pop())


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while True:
        size_text = (await _line(reader, "chunked body")).split(b";", 1)[0].strip()  # drop chunk extensions
        if not size_text or any(c not in b"0123456789abcdefABCDEF" for c in size_text):
            raise HttpProtocolError(f"bad chunk size: {size_text[:20]!r}")
        size = int(size_text, 16)
        if size == 0:
            break
        if len(body) + size > MAX_BODY:
            raise ReplyTooLarge(f"the chunked answer grows past {MAX_BODY} bytes")
        body += await reader.readexactly(size)
        if await _line(reader, "chunked body") not in (b"\r\n", b"\n"):
            raise HttpProtocolError("a chunk is longer than its size says")
    while (await reader.readline()) not in (b"\r\n", b"\n", b""):  # trailers; the end of the connection ends them too
        pass
    return bytes(body)


async def _read_to_end(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while chunk := await reader.read(65536):
        body += chunk
        if len(body) > MAX_BODY:
            raise ReplyTooLarge(f"the answer grows past {MAX_BODY} bytes")
    return bytes(body)
