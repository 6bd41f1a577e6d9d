"""One error type for everything that can go wrong talking to Ollama, with a plain message and a next step.

`translate(exc, ...)` turns whatever the server, the `ollama` library or the transport raised into an
`OllamaError`. It is called once, on the loop thread, at the edge of every operation; the UI and the
CLI only ever see `OllamaError` (its `message` and `next_step` are ready to show).

The error texts matched are the real server's, in the table `SERVER_TEXT_RULES` (server_texts.py,
re-exported here; docs/ollama-behaviour.md: pull errors, chat errors, the client).
"""

from __future__ import annotations

import json
import sys

from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.ollama.server_texts import DOWNLOAD_URL as DOWNLOAD_URL
from runyard_desktop.core.ollama.server_texts import SERVER_TEXT_RULES as SERVER_TEXT_RULES
from runyard_desktop.core.ollama.server_texts import ErrorKind as ErrorKind
from runyard_desktop.core.ollama.server_texts import ServerTextRule as ServerTextRule
from runyard_desktop.core.ollama.server_texts import match_server_text as match_server_text

# Kinds where trying again later can work without the user changing anything.
TRANSIENT_KINDS = frozenset(
    {ErrorKind.NETWORK_DROPPED, ErrorKind.CONNECTION_LOST, ErrorKind.TIMEOUT, ErrorKind.BUSY, ErrorKind.DIGEST_MISMATCH}
)


class OllamaError(Exception):
    """A failure explained for people. Treat as immutable; safe to pass between threads.

    Attributes: kind (ErrorKind), message (what happened, one sentence), next_step (what to do),
    detail (the raw server/library text, for logs and a "Details" expander), status_code (HTTP code,
    -1 for an error line inside a stream, None when no response came).
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        next_step: str = "",
        *,
        detail: str = "",
        status_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.next_step = next_step
        self.detail = detail
        self.status_code = status_code

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT_KINDS

    def plain(self) -> str:
        """Message and next step as one paragraph, for a terminal or a dialog."""
        return f"{self.message} {self.next_step}".strip()

    def __repr__(self) -> str:
        return f"OllamaError({self.kind.value}, {self.message!r}, status={self.status_code}, detail={self.detail!r})"

    def __reduce__(self) -> tuple[object, tuple[ErrorKind, str, str, str, int | None]]:  # (_rebuild, its args)
        return (_rebuild, (self.kind, self.message, self.next_step, self.detail, self.status_code))


def _rebuild(kind: ErrorKind, message: str, next_step: str, detail: str, status: int | None) -> OllamaError:
    return OllamaError(kind, message, next_step, detail=detail, status_code=status)


def not_running(host: str, detail: str = "") -> OllamaError:
    return OllamaError(
        ErrorKind.NOT_RUNNING,
        f"Ollama is not running at {host}.",
        f"Start Ollama (or press Start in the app). If it is not installed, get it from {DOWNLOAD_URL}.",
        detail=detail,
    )


def malformed(detail: str = "") -> OllamaError:
    return OllamaError(
        ErrorKind.MALFORMED,
        "Ollama sent a reply this app could not read.",
        "Update Ollama (or check that the address really is an Ollama server).",
        detail=detail,
    )


def _timed_out(host: str, detail: str, *, connecting: bool, mid_stream: bool) -> OllamaError:
    if connecting:
        return OllamaError(
            ErrorKind.NOT_RUNNING if not mid_stream else ErrorKind.TIMEOUT,
            f"Ollama at {host} did not accept the connection in time.",
            "Check that Ollama is running and the address is right.",
            detail=detail,
        )
    return OllamaError(
        ErrorKind.TIMEOUT,
        f"Ollama at {host} stopped answering.",
        "Try again; restart Ollama if it persists.",
        detail=detail,
    )


def _where(status_code: int | None, operation: str) -> str:
    """ " during the download" / " while answering" / "": when the error came (-1: a line inside the stream)."""
    if operation == "pull":
        return " during the download"
    return " while answering" if status_code == -1 else ""


def from_server_text(
    text: str,
    status_code: int | None = None,
    *,
    model: str | None = None,
    installed_version: str | None = None,
    operation: str = "",
) -> OllamaError:
    """Map the server's `error` string (and HTTP status) to an OllamaError. `operation`: "pull", "chat", …"""
    found = match_server_text(text, status_code, operation)
    if found is None:
        return OllamaError(
            ErrorKind.SERVER_ERROR,
            f"Ollama reported an error{_where(status_code, operation)}: {text}",
            "Try again; if it keeps happening, look at Ollama's server log.",
            detail=text,
            status_code=status_code,
        )
    rule, fields = found
    have = f" (this computer has Ollama {installed_version})" if installed_version else ""
    values = {"name": model or "this model", "have": have, "text": text, "url": DOWNLOAD_URL, "cli": command_name()}
    values.update(fields)
    return OllamaError(
        rule.kind, rule.message.format(**values), rule.next_step.format(**values), detail=text, status_code=status_code
    )


def translate(
    exc: BaseException,
    *,
    host: str,
    model: str | None = None,
    installed_version: str | None = None,
    mid_stream: bool = False,
    operation: str = "",
) -> OllamaError:
    """Turn anything the client stack raises into an OllamaError (OllamaError passes through)."""
    if isinstance(exc, OllamaError):
        return exc
    ollama = sys.modules.get("ollama")
    httpx = sys.modules.get("httpx")
    pydantic = sys.modules.get("pydantic")
    http_get = sys.modules.get("runyard_desktop.core.ollama.http_get")  # the stdlib GET of probe/tags/ps
    detail = f"{type(exc).__name__}: {exc}"
    if ollama is not None and isinstance(exc, ollama.ResponseError):
        return from_server_text(
            str(exc.error), exc.status_code, model=model, installed_version=installed_version, operation=operation
        )
    if httpx is not None and isinstance(exc, httpx.TimeoutException):
        return _timed_out(host, detail, connecting=isinstance(exc, httpx.ConnectTimeout), mid_stream=mid_stream)
    if isinstance(exc, TimeoutError):  # before OSError, its base class
        connecting = http_get is not None and isinstance(exc, http_get.ConnectTimeout)
        return _timed_out(host, detail, connecting=connecting, mid_stream=mid_stream)
    if http_get is not None and isinstance(exc, http_get.ReplyTooLarge):
        return malformed(detail)
    if (httpx is not None and isinstance(exc, httpx.ConnectError)) or isinstance(exc, ConnectionRefusedError):
        return not_running(host, detail)
    if isinstance(exc, ConnectionError) and "Failed to connect to Ollama" in str(exc):
        return not_running(host, detail)  # ollama-python's own wording for non-stream calls
    if (
        httpx is not None and isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError))
    ) or isinstance(exc, (ConnectionError, EOFError)):
        return OllamaError(
            ErrorKind.CONNECTION_LOST,
            "The connection to Ollama dropped in the middle of the answer."
            if mid_stream
            else "The connection to Ollama dropped.",
            "Try again; if Ollama crashed, start it again.",
            detail=detail,
        )
    if isinstance(exc, json.JSONDecodeError) or (pydantic is not None and isinstance(exc, pydantic.ValidationError)):
        return malformed(detail)
    if httpx is not None and isinstance(exc, httpx.HTTPError):
        return OllamaError(
            ErrorKind.CONNECTION_LOST, f"Talking to Ollama at {host} failed.", "Try again.", detail=detail
        )
    if isinstance(exc, OSError):
        return OllamaError(
            ErrorKind.CONNECTION_LOST, f"Talking to Ollama at {host} failed: {exc}.", "Try again.", detail=detail
        )
    raise exc
