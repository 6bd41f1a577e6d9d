"""One error type for everything that can go wrong talking to Ollama, with a plain message and a next step.

`translate(exc, ...)` turns whatever the server, the `ollama` library or the transport raised into an
`OllamaError`. It is called once, on the loop thread, at the edge of every operation; the UI and the
CLI only ever see `OllamaError` (its `message` and `next_step` are ready to show).

The error texts matched here are the real server's (docs/ollama-behaviour.md: pull errors, chat errors, the client).
"""

from __future__ import annotations

import enum
import json
import re
import sys

DOWNLOAD_URL = "https://ollama.com/download"


class ErrorKind(str, enum.Enum):
    NOT_RUNNING = "not_running"  # connection refused
    UNKNOWN_MODEL = "unknown_model"  # registry has no such model/tag
    NOT_INSTALLED = "not_installed"  # chat/show/delete on a model that is not pulled
    OFFLINE = "offline"  # DNS / no route to the registry
    NEEDS_NEWER_OLLAMA = "needs_newer_ollama"  # registry 412
    DISK_FULL = "disk_full"
    NETWORK_DROPPED = "network_dropped"  # "max retries exceeded"
    DIGEST_MISMATCH = "digest_mismatch"
    OUT_OF_MEMORY = "out_of_memory"
    THINKING_UNSUPPORTED = "thinking_unsupported"
    BUSY = "busy"  # 503
    SERVER_ERROR = "server_error"  # any other error reported by the server (incl. mid-stream lines)
    MALFORMED = "malformed"  # a line that is not JSON / a response of the wrong shape
    CONNECTION_LOST = "connection_lost"  # the connection dropped mid-stream
    TIMEOUT = "timeout"
    STALLED = "stalled"  # no progress for too long (after our own reconnects)
    INVALID_REQUEST = "invalid_request"  # 400s we did not expect
    NO_SPACE_PRECHECK = "no_space_precheck"  # our own disk check before a pull


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
        ErrorKind.TIMEOUT, f"Ollama at {host} stopped answering.", "Try again; restart Ollama if it persists.",
        detail=detail,
    )


_NETWORK_PATTERNS = re.compile(
    r"no such host|i/o timeout|server misbehaving|dial tcp|network is unreachable|connection refused|"
    r"connection reset|tls handshake|temporary failure in name resolution|no route to host",
    re.IGNORECASE,
)
_MEMORY = re.compile(r"requires more system memory \(([^)]*)\) than is available \(([^)]*)\)")


def from_server_text(  # noqa: C901 - one flat table of the server's texts
    text: str,
    status_code: int | None = None,
    *,
    model: str | None = None,
    installed_version: str | None = None,
    operation: str = "",
) -> OllamaError:
    """Map the server's `error` string (and HTTP status) to an OllamaError. `operation`: "pull", "chat", …"""
    low = text.lower()
    name = model or "this model"
    mk = lambda kind, msg, step: OllamaError(kind, msg, step, detail=text, status_code=status_code)  # noqa: E731
    if "412" in text and "newer version of ollama" in low:
        have = f" (this computer has Ollama {installed_version})" if installed_version else ""
        return mk(
            ErrorKind.NEEDS_NEWER_OLLAMA,
            f"{name} needs a newer version of Ollama{have}.",
            f"Update Ollama from {DOWNLOAD_URL}, then download the model again.",
        )
    if low.strip() in ("404 page not found", "405 method not allowed"):
        return mk(ErrorKind.SERVER_ERROR, "This server does not offer what Ollama should (it may be too old, or not Ollama).",
                  f"Update Ollama from {DOWNLOAD_URL}, or check the server address.")
    if ("pull model manifest" in low and "file does not exist" in low) or (operation == "pull" and status_code == 404):
        return mk(
            ErrorKind.UNKNOWN_MODEL,
            f"The Ollama library has no model called {name}.",
            "Check the name and tag (for example qwen3.5:4b).",
        )
    if "no space left on device" in low:
        return mk(
            ErrorKind.DISK_FULL,
            "The disk where Ollama keeps its models is full.",
            "Free some space (or delete a model you no longer use), then download again; it resumes.",
        )
    if "max retries exceeded" in low:
        return mk(
            ErrorKind.NETWORK_DROPPED,
            "The download kept losing its connection and Ollama gave up.",
            "Check your internet connection and download again; it continues where it stopped.",
        )
    if "digest mismatch" in low:
        return mk(
            ErrorKind.DIGEST_MISMATCH,
            "A downloaded file was damaged, so Ollama deleted it.",
            "Download again; the damaged part is fetched afresh.",
        )
    if ("pull model manifest" in low or low.startswith("head ") or low.startswith("get ")) and _NETWORK_PATTERNS.search(
        text
    ):
        return mk(
            ErrorKind.OFFLINE,
            "Ollama could not reach the model library (ollama.com).",
            "Check your internet connection, then try again.",
        )
    memory = _MEMORY.search(text)
    if memory:
        return mk(
            ErrorKind.OUT_OF_MEMORY,
            f"{name} needs {memory.group(1)} of memory, but only {memory.group(2)} is free.",
            "Close other programs, or pick a smaller model or a shorter context.",
        )
    if "model runner has unexpectedly stopped" in low:
        return mk(
            ErrorKind.OUT_OF_MEMORY,
            "The model stopped unexpectedly, most often because memory ran out.",
            "Close other programs, or pick a smaller model or a shorter context; Ollama's server log has details.",
        )
    if "does not support thinking" in low:
        return mk(
            ErrorKind.THINKING_UNSUPPORTED,
            f"{name} cannot show its thinking.",
            "Turn thinking off for this model.",
        )
    if "does not support tools" in low or "does not support chat" in low:
        what = "use tools" if "tools" in low else "chat (it is an embedding model)"
        return mk(ErrorKind.INVALID_REQUEST, f"{name} cannot {what}.", "Pick another model for this.")
    if status_code == 401 or low == "unauthorized":
        return mk(ErrorKind.INVALID_REQUEST, f"{name} runs on ollama.com and needs you to sign in to Ollama.",
                  "Sign in with `ollama signin`, or pick a local model.")
    if "requires mlx support" in low:
        return mk(ErrorKind.SERVER_ERROR, f"{name} needs Apple's MLX runtime, which this Ollama does not have.",
                  "Pick a GGUF version of the model (the Qwen3.5 tags in the list are).")
    if status_code == 499:
        return mk(ErrorKind.CONNECTION_LOST, "The request was cancelled before the model finished loading.",
                  "Try again.")
    if "server busy" in low or status_code == 503:
        return mk(ErrorKind.BUSY, "Ollama is busy with other requests.", "Wait a moment and try again.")
    if status_code == 404 or re.search(r"model ['\"].*['\"] not found", text):
        return mk(
            ErrorKind.NOT_INSTALLED,
            f"{name} is not downloaded in Ollama.",
            "Download it first (Models page, or `runyard-desktop pull MODEL`).",
        )
    if status_code == 400:
        return mk(ErrorKind.INVALID_REQUEST, f"Ollama refused the request: {text}", "Check the model name and settings.")
    where = "while answering" if status_code == -1 else ""
    return mk(
        ErrorKind.SERVER_ERROR,
        f"Ollama reported an error {where}: {text}".replace("  ", " "),
        "Try again; if it keeps happening, look at Ollama's server log.",
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
        return from_server_text(str(exc.error), exc.status_code, model=model, installed_version=installed_version,
                                operation=operation)
    if httpx is not None and isinstance(exc, httpx.TimeoutException):
        return _timed_out(host, detail, connecting=isinstance(exc, httpx.ConnectTimeout), mid_stream=mid_stream)
    if isinstance(exc, TimeoutError):  # before OSError, its base class
        connecting = http_get is not None and isinstance(exc, http_get.ConnectTimeout)
        return _timed_out(host, detail, connecting=connecting, mid_stream=mid_stream)
    if http_get is not None and isinstance(exc, http_get.ReplyTooLarge):
        return malformed(detail)
    if httpx is not None and isinstance(exc, httpx.ConnectError) or isinstance(exc, ConnectionRefusedError):
        return not_running(host, detail)
    if isinstance(exc, ConnectionError) and "Failed to connect to Ollama" in str(exc):
        return not_running(host, detail)  # ollama-python's own wording for non-stream calls
    if httpx is not None and isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)) or isinstance(
        exc, (ConnectionError, EOFError)
    ):
        return OllamaError(
            ErrorKind.CONNECTION_LOST,
            "The connection to Ollama dropped in the middle of the answer." if mid_stream else "The connection to Ollama dropped.",
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
        return OllamaError(ErrorKind.CONNECTION_LOST, f"Talking to Ollama at {host} failed: {exc}.", "Try again.", detail=detail)
    raise exc
