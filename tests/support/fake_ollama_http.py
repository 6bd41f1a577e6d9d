"""The stand-in's HTTP layer: framing (JSON, chunked NDJSON), disconnect detection, routing, simple routes.

The byte-level rules are the real server's (docs/ollama-behaviour.md#framing): `application/json; charset=utf-8`
compact bodies (chunked above 2 KB, as Go frames them), `application/x-ndjson` chunked streams with
one object per line and no blank lines, `text/plain` 404/405 for unknown routes and methods, no
`Server` header. Pull and chat live in `fake_ollama_routes.py`.
"""

from __future__ import annotations

import json
import select
import socket
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from tests.support.fake_ollama_state import Failure, FakeState, normalize

if TYPE_CHECKING:
    from tests.support.fake_ollama import _Server

MEMORY_ERROR = "model requires more system memory (7.3 GiB) than is available (6.0 GiB)"  # up to 0.24
# 0.30 and later (llm/llama_server.go): llama-server's own last error line, here the CUDA allocator's.
LLAMA_SERVER_MEMORY_ERROR = (
    "llama-server reported out-of-memory during startup: ggml_backend_cuda_buffer_type_alloc_buffer: "
    "allocating {mib:.2f} MiB on device 0: cudaMalloc failed: out of memory"
)
RUNNER_STOPPED = (
    "model runner has unexpectedly stopped, this may be due to resource limitations or an internal "
    "error, check ollama server logs for details"
)
PULL_ERRORS = {
    "unknown_model": "pull model manifest: file does not exist",
    "offline": (
        'pull model manifest: Get "https://registry.ollama.ai/v2/library/{base}/manifests/{tag}": '
        "dial tcp: lookup registry.ollama.ai: no such host"
    ),
    "needs_newer": (
        "pull model manifest: 412: \nThe model you are attempting to pull requires a newer version of "
        "Ollama.\n\nPlease download the latest version at:\n\n\thttps://ollama.com/download\n"
    ),
    "registry_error": "pull model manifest: 500: internal server error",
    "max_retries": "max retries exceeded: unexpected EOF",
    "disk_full": "write /root/.ollama/models/blobs/sha256-{hex}-partial: no space left on device",
    "digest_mismatch": "digest mismatch, file must be downloaded again: want sha256:{hex}, got sha256:{other}",
}
PULL_ERRORS["needs_prerelease"] = (
    "pull model manifest: 412: \nThe model you are attempting to pull requires a newer version of Ollama that may "
    "be in pre-release.\n\nPlease see https://github.com/ollama/ollama/releases for more details.\n"
)
PULL_ERRORS["mlx"] = "this model requires MLX support, but the MLX runtime is not available"
PULL_ERRORS["blob_unreachable"] = (
    'Head "https://dd20bb891979d25aebc8bec07b2b3bbc.r2.cloudflarestorage.com/ollama/'
    'docker/registry/v2/blobs/sha256/{hex}/data": dial tcp: lookup '
    "dd20bb891979d25aebc8bec07b2b3bbc.r2.cloudflarestorage.com: no such host"
)
# Windows: ERROR_DISK_FULL is not syscall.ENOSPC, so server/download.go retries the part, then gives up.
PULL_ERRORS["disk_full_windows"] = (
    "max retries exceeded: write C:\\Users\\me\\.ollama\\models\\blobs\\sha256-{hex}-partial: "
    "There is not enough space on the disk."
)
# server/download.go: the blob's download address is looked up with a 30 s limit, before any byte moves.
PULL_ERRORS["deadline"] = "context deadline exceeded"
PULL_ERRORS["unexpected_status"] = "unexpected status code 403"
PULL_ERRORS["unauthorized"] = "pull model manifest: unauthorized: access denied"  # server/images.go errUnauthorized
MID_DOWNLOAD = {"max_retries", "disk_full", "disk_full_windows", "drop", "malformed", "blob_unreachable"}
BLOB_START = {"deadline", "unexpected_status"}  # fail as the blob starts, after its first progress line
MID_REPLY_ERRORS = {  # an error line after HTTP 200, in the middle of a reply (llm/llama_server.go)
    "mid_stream": "an error was encountered while running the model",
    "mid_oom": "an error was encountered while running the model: CUDA error: out of memory",
}
CHAT_ERRORS = {  # kind -> (status, text); {name} is the name as sent, {full} the registry form
    "out_of_memory": (500, MEMORY_ERROR),
    "runner_stopped": (500, RUNNER_STOPPED),
    "busy": (503, "server busy, please try again.  maximum pending requests exceeded"),
    "old_thinking": (400, "{full} does not support thinking"),  # v0.9.0–v0.12.5 wording
    "no_tools": (400, "{full} does not support tools"),
    "no_chat": (400, '"{name}" does not support chat'),
    "canceled": (499, "request canceled"),
    "invalid_name": (400, "invalid model name"),
}


def version_tuple(version: str) -> tuple[int, int]:
    parts = [*version.split("-")[0].split("."), "0", "0"][:2]
    return (int(parts[0]), int(parts[1])) if all(p.isdigit() for p in parts) else (0, 0)


def human_bytes2(n: int) -> str:
    """Ollama's format.HumanBytes2: binary units, one decimal."""
    value, unit = float(n), "B"
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            break
        value /= 1024
    return f"{value:.1f} {unit}" if unit != "B" else f"{n} B"


def memory_error(version: str, need: int, free: int) -> str:
    """The text a model that does not fit gets from this version of Ollama (HTTP 500, before the stream)."""
    if version_tuple(version) >= (0, 30):
        return LLAMA_SERVER_MEMORY_ERROR.format(mib=need / 2**20)
    return f"model requires more system memory ({human_bytes2(need)}) than is available ({human_bytes2(free)})"


GO_CHUNKING_THRESHOLD = 2048  # net/http's bufferBeforeChunkingSize
ROUTES = {
    "/": ("GET", "HEAD"),
    "/api/version": ("GET", "HEAD"),
    "/api/tags": ("GET", "HEAD"),
    "/api/ps": ("GET",),
    "/api/pull": ("POST",),
    "/api/chat": ("POST",),
    "/api/show": ("POST",),
    "/api/delete": ("DELETE",),
}


def dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def created_at() -> str:
    now = datetime.now(timezone.utc)
    nanos = f"{now.microsecond * 1000:09d}".rstrip("0")
    return now.strftime("%Y-%m-%dT%H:%M:%S") + (f".{nanos}" if nanos else "") + "Z"


def progress(status: str, digest: str | None = None, total: int = 0, completed: int = 0) -> dict[str, object]:
    line: dict[str, object] = {"status": status}
    if digest:
        line["digest"] = digest
    if total:
        line["total"] = total
    if completed:
        line["completed"] = completed
    return line


class _Gone(Exception):
    """The client closed the connection."""


class HttpBase(BaseHTTPRequestHandler):
    """Framing, disconnect detection, dispatch to `_route_<name>`, and the simple routes."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    @property
    def state(self) -> FakeState:
        return self.server.state

    # -- low-level ----------------------------------------------------------------------------------

    def _head(self, status: int, content_type: str, length: int | None) -> None:
        self.send_response_only(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Date", self.date_time_string())
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _json(self, status: int, obj: object | None) -> None:
        body = b"" if obj is None else dumps(obj)
        if len(body) > GO_CHUNKING_THRESHOLD and self.command != "HEAD":
            # Go's net/http buffers 2048 bytes; a handler that writes more without setting a
            # Content-Length (Ollama's c.JSON never does) gets a chunked answer, e.g. /api/tags.
            self._head(status, "application/json; charset=utf-8", None)
            self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
            return
        self._head(status, "application/json; charset=utf-8", len(body))
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, text: str) -> None:
        body = text.encode()
        self._head(status, "text/plain; charset=utf-8", len(body))
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": message})

    def _start_stream(self) -> None:
        self._head(200, "application/x-ndjson", None)

    def _line(self, obj: object | bytes) -> None:
        data = (obj if isinstance(obj, bytes) else dumps(obj)) + b"\n"
        try:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        except OSError as exc:
            raise _Gone from exc
        self.state.lines_sent += 1

    def _raw(self, data: bytes) -> None:
        """`data` as one chunk with no newline added, then the end of the stream (a hostile server's line)."""
        try:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        except OSError as exc:
            raise _Gone from exc
        self._end_stream()

    def _end_stream(self) -> None:
        try:
            self.wfile.write(b"0\r\n\r\n")
        except OSError as exc:
            raise _Gone from exc

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _wait(self, seconds: float) -> None:
        """Sleep, but notice a client that closes its connection (raise _Gone at once)."""
        end = time.monotonic() + seconds
        while not self.state.closing:
            remaining = end - time.monotonic()
            ready, _, _ = select.select([self.connection], [], [], max(0.0, min(remaining, 0.05)))
            if ready:
                try:
                    if self.connection.recv(1, socket.MSG_PEEK) == b"":
                        raise _Gone
                except OSError as exc:
                    raise _Gone from exc
                time.sleep(max(0.0, min(remaining, 0.05)))
            if remaining <= 0:
                return
        raise _Gone

    def _body(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        return json.loads(raw)

    # -- dispatch ---------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        path = self.path.split("?", 1)[0]
        methods = ROUTES.get(path)
        if methods is None:
            return self._text(404, "404 page not found")
        if self.command not in methods:
            return self._text(405, "405 method not allowed")
        body = None
        if self.command in ("POST", "DELETE"):
            try:
                body = self._body()
            except ValueError as exc:
                return self._error(400, str(exc))
            if body is None:
                return self._error(400, "missing request body")
        with self.state.lock:
            self.state.requests.append((self.command, path, body))
        route = path.rsplit("/", 1)[-1] or "root"
        failure = self.state.take_failure(route) if route not in ("pull", "chat") else None
        if failure is not None and failure.kind == "status":
            return self._json(failure.status, failure.body)
        handler = getattr(self, f"_route_{route}")
        try:
            handler(body, failure)
        except _Gone:
            self.close_connection = True
            self.state.note_disconnect(route)

    do_GET = do_HEAD = do_POST = do_DELETE = do_PUT = _dispatch

    # -- simple routes --------------------------------------------------------------------------------

    def _route_root(self, _body: object, _f: object) -> None:
        self._text(200, "Ollama is running")

    def _route_version(self, _body: object, _f: object) -> None:
        self._json(200, {"version": self.state.version})

    def _route_tags(self, _body: object, _f: object) -> None:
        while not self.state.tags_released.is_set():  # a test holds the listing back (a slow server)
            self._wait(0.02)
        with self.state.lock:
            models = sorted(self.state.installed.values(), key=lambda m: m.modified_at, reverse=True)
            rows = [
                {
                    "name": m.name,
                    "model": m.name,
                    "modified_at": m.modified_at,
                    "size": m.size,
                    "digest": m.manifest_digest,
                    "details": m.details(),
                }
                for m in models
            ]
        self._json(200, {"models": rows})

    def _route_ps(self, _body: object, _f: object) -> None:
        with self.state.lock:
            rows = [
                {
                    "name": m.name,
                    "model": m.name,
                    "size": self.state.loaded_size(m),
                    "digest": m.manifest_digest,
                    "details": m.details(),
                    "expires_at": "2318-01-01T00:00:00.0000001+00:00",
                    "size_vram": vram,
                    "context_length": ctx,
                }
                for m, vram, ctx in self.state.loaded.values()
            ]
        self._json(200, {"models": rows})

    def _route_show(self, body: dict[str, Any], failure: Failure | None) -> None:
        name = str(body.get("model") or body.get("name") or "")
        if not name:
            return self._error(400, "model is required")
        with self.state.lock:
            model = self.state.installed.get(normalize(name))
        if model is None:
            return self._error(404, f"model '{normalize(name)}' not found")
        arch = model.family
        answer: dict[str, object] = {
            "license": "Apache License 2.0",
            "modelfile": f'# Modelfile generated by "ollama show"\nFROM {model.name}\n',
            "parameters": "temperature                    1",
            "template": "{{ .Prompt }}",
            "details": model.details(),
            "model_info": {
                "general.architecture": arch,
                "general.parameter_count": 4_000_000_000,
                f"{arch}.context_length": model.context_length,
                f"{arch}.block_count": 32,
            },
            "capabilities": list(model.capabilities),
            "modified_at": model.modified_at,
        }
        if failure is not None and failure.kind == "no_model_info":
            answer.pop("model_info")
        self._json(200, answer)

    def _route_delete(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or body.get("name") or "")
        with self.state.lock:
            model = self.state.installed.pop(normalize(name), None)
            if model is not None:  # like DeleteHandler: a loaded model stays loaded (and in /api/ps)
                still = {d for m in self.state.installed.values() for d, _ in m.blobs}
                for digest, _ in model.blobs:
                    if digest not in still:
                        self.state.blobs.pop(digest, None)
        if model is None:
            return self._error(404, f"model '{name}' not found")
        self._json(200, None)
