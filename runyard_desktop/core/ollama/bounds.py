"""Limits on what a server may send, and where the API key may go.

Everything the `ollama` library reads goes through httpx; two event hooks put bounds on it without
touching the library:
- every response's byte stream is wrapped (`bound_response`): an NDJSON stream stops with
  `TooLarge` at a line longer than `MAX_LINE_BYTES` (httpx's line reader would otherwise keep a line
  without a newline in memory for ever) or, for a chat, at `MAX_REPLY_BYTES` in all; any other
  body stops at `MAX_BODY_BYTES`;
- the `authorization` header that ollama-python builds from `$OLLAMA_API_KEY` is removed from any
  request that is neither https nor to this machine (`keep_key_private`), redirects included.

A chat reply's text (thinking and answer together) stops at `MAX_REPLY_CHARS` (`reply_too_long`,
checked by `core/ollama/chat.py` as the text arrives): the byte limit alone lets a server that sends
1 MB content lines deliver ~255 MB of text, and every history write and layout grows with the text.

Numbers from a stream (`checked_count`) are Go int64 values on a real server: anything negative,
above 2**63 - 1 or not an integer is a malformed reply, reported as such instead of failing later
(a 400-digit `total` would raise OverflowError in a progress bar).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.host import api_key_may_go_to

MAX_LINE_BYTES = 1 << 20  # one NDJSON line; Ollama's longest real lines (a chat chunk, a progress line) are < 10 KB
MAX_REPLY_BYTES = 256 << 20  # one streamed chat answer in all (JSON framing included: ~150 bytes a token)
# One reply's text, thinking included. The largest context window Qwen3.5 offers (262,144 tokens at
# ~4 characters a token) holds ~1 MB of text, and a reply can only outgrow its context when Ollama
# shifts the context of a model stuck in a loop: 4 Mi characters is 4x that largest context, so no
# real answer reaches it. It also binds before MAX_REPLY_BYTES for token-sized chunks (~1 M chunks of
# ~150 bytes of JSON = ~150 MB on the wire), and keeps one history write of the whole text at tens
# of milliseconds (measured in BENCHMARKS.md, "Very large replies").
MAX_REPLY_CHARS = 4 << 20
MAX_BODY_BYTES = 32 << 20  # a non-streamed answer (/api/show with a long license or template is < 1 MB)
MAX_COUNT = 2**63 - 1  # Go's int64, the type of every size and count the server sends


class TooLarge(Exception):
    """The server sent more than a limit allows: `what` is "line", "reply" or "body"."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} over {limit} bytes")
        self.what = what
        self.limit = limit


def too_large_error(exc: TooLarge, host: str) -> OllamaError:
    """The plain-language error for `exc`."""
    size = f"{exc.limit // 2**20} MB"
    if exc.what == "reply":
        return OllamaError(
            ErrorKind.SERVER_ERROR,
            f"The answer from {host} grew past {size}; the app stopped reading it.",
            "Ask for a shorter answer, or start a new conversation.",
            detail=str(exc),
        )
    what = "a line longer than" if exc.what == "line" else "an answer larger than"
    return OllamaError(
        ErrorKind.MALFORMED,
        f"The server at {host} sent {what} {size}; the app stopped reading it.",
        "Check that the address really is an Ollama server, then try again.",
        detail=str(exc),
    )


def reply_too_long(limit: int) -> OllamaError:
    """The plain-language error that ends a reply whose text passed `limit` characters (the text so
    far is kept by the caller)."""
    size = f"{limit / 2**20:g} MB"
    return OllamaError(
        ErrorKind.SERVER_ERROR,
        f"The reply was stopped when it grew longer than {size} of text (far more than any real answer); "
        "the text so far is kept.",
        "The model is probably repeating itself: ask again, or start a new conversation.",
        detail=f"reply text over {limit} characters",
    )


def checked_count(value: object, field: str) -> int | None:
    """`value` when it is None or an int in 0..MAX_COUNT; otherwise a MALFORMED OllamaError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        shown = str(value) if not isinstance(value, int) else f"a {len(str(abs(value)))}-digit number"
        raise OllamaError(
            ErrorKind.MALFORMED,
            f"Ollama sent an impossible {field} ({shown[:40]}); the app stopped.",
            "Check that the address really is an Ollama server, then try again.",
            detail=f"{field}={str(value)[:80]}",
        )
    return value


def _open_line(chunk: bytes, open_line: int, limit: int) -> int:
    """Bytes after the last newline once `chunk` is read; `TooLarge` when any line passes `limit`."""
    first = chunk.find(b"\n")
    if first < 0:
        open_line += len(chunk)
    else:
        inner = chunk.split(b"\n")[1:-1] if len(chunk) > limit else ()
        if open_line + first > limit or any(len(part) > limit for part in inner):
            raise TooLarge("line", limit)
        open_line = len(chunk) - chunk.rfind(b"\n") - 1
    if open_line > limit:
        raise TooLarge("line", limit)
    return open_line


@functools.cache
def _bounded_class() -> type:
    import httpx  # lazily, as client.py does: not on the path to the first paint

    class Bounded(httpx.AsyncByteStream):
        """An httpx byte stream that raises `TooLarge` past its limits (see the module docstring)."""

        def __init__(self, inner: Any, *, line_limit: int | None, total_limit: int) -> None:
            self._inner = inner
            self._line_limit = line_limit
            self._total_limit = total_limit

        async def __aiter__(self) -> AsyncIterator[bytes]:
            total = 0
            open_line = 0
            async for chunk in self._inner:
                total += len(chunk)
                if total > self._total_limit:
                    raise TooLarge("reply" if self._line_limit is not None else "body", self._total_limit)
                if self._line_limit is not None:
                    open_line = _open_line(chunk, open_line, self._line_limit)
                yield chunk

        async def aclose(self) -> None:
            await self._inner.aclose()

    return Bounded


def bounding_hooks(*, reply_limit: int | None) -> dict[str, list[Callable[[Any], Awaitable[None]]]]:
    """httpx `event_hooks` for one `ollama.AsyncClient`: the key rule and the size limits.

    `reply_limit`: the whole NDJSON stream's limit (None: no total, as for a pull, which can run for hours).
    """

    async def keep_key_private(request: Any) -> None:
        if "authorization" in request.headers and not api_key_may_go_to(str(request.url)):
            del request.headers["authorization"]

    async def bound_response(response: Any) -> None:
        ndjson = "ndjson" in response.headers.get("content-type", "")
        if ndjson:
            limit = reply_limit if reply_limit is not None else 2**62
            response.stream = _bounded_class()(response.stream, line_limit=MAX_LINE_BYTES, total_limit=limit)
        else:
            response.stream = _bounded_class()(response.stream, line_limit=None, total_limit=MAX_BODY_BYTES)

    return {"request": [keep_key_private], "response": [bound_response]}
