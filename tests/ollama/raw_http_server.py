"""A scripted raw HTTP server on loopback for framing tests: the test writes the bytes, byte by byte if it likes.

`raw_server(script)` is an async context manager yielding the base URL. For every connection the
server reads the request head (kept in `requests`), then awaits `script(reader, writer)`; the
connection is closed when the script returns. It runs on the test's own event loop, so a test can
wait on what the server saw (events) instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class RawServer:
    """What the server saw: `requests` (request heads as text); `url` to connect to."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[str] = []
        self.url = ""
        self._open: dict[asyncio.Task[None], asyncio.StreamWriter] = {}

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._open[task] = writer
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            self.requests.append(head.decode("latin-1"))
            await self.script(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the client went away first: that is what some tests are about
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
            del self._open[task]

    async def close_connections(self) -> None:
        """End every connection still open, and wait for its handler to finish.

        In 3.11 `Server.close()` leaves open connections alone, and `asyncio.run()` would cancel their
        handlers at the end; asyncio's stream protocol then logs the cancelled handler as an error.
        Closing our end lets a script waiting on the client read EOF and return normally.
        """
        for writer in self._open.values():
            writer.close()
        if self._open:
            await asyncio.wait(list(self._open), timeout=5)


@contextlib.asynccontextmanager
async def raw_server(script: Script, *, tls: ssl.SSLContext | None = None, path: str = "") -> AsyncIterator[RawServer]:
    state = RawServer(script)
    server = await asyncio.start_server(state.handle, "127.0.0.1", 0, ssl=tls)
    state.url = f"{'https' if tls else 'http'}://127.0.0.1:{server.sockets[0].getsockname()[1]}{path}"
    try:
        yield state
    finally:
        server.close()
        await state.close_connections()
        await server.wait_closed()


def reply(status: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body


def sends(*parts: bytes) -> Script:
    """A script that writes `parts` one TCP write each (drained in between), then closes."""

    async def script(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for part in parts:
            writer.write(part)
            await writer.drain()

    return script
