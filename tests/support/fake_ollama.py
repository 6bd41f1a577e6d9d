"""A stand-in Ollama server on loopback that speaks the real protocol (facts §7), for tests and for trying the app.

    python -m tests.support.fake_ollama --port 11434 [--tick 0.06] [--load-delay 2] [--version 0.17.1]

Faithful where the client can tell: NDJSON in Go key order with zero fields omitted, chunked
framing, no headers during a model load, errors after `pulling manifest` as a 200 + `{"error":…}`
line, per-blob shared downloads that stop when the last client disconnects (partial bytes kept, so
the next pull resumes), no guaranteed final 100 % tick, one line for cache-hit layers, real texts
for every error. The control API (add models, script replies, inject failures, observe
disconnects) is `FakeOllama`; see docs/dev/service-api.md.
"""

from __future__ import annotations

import argparse
import json
import select
import socket
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.fake_ollama_state import Blob, FakeState, Failure, Model, Reply, normalize

MEMORY_ERROR = "model requires more system memory (7.3 GiB) than is available (6.0 GiB)"
RUNNER_STOPPED = ("model runner has unexpectedly stopped, this may be due to resource limitations or an internal "
                  "error, check ollama server logs for details")
PULL_ERRORS = {
    "unknown_model": "pull model manifest: file does not exist",
    "offline": ('pull model manifest: Get "https://registry.ollama.ai/v2/library/{base}/manifests/{tag}": '
                "dial tcp: lookup registry.ollama.ai: no such host"),
    "needs_newer": ("pull model manifest: 412: \nThe model you are attempting to pull requires a newer version of "
                    "Ollama.\n\nPlease download the latest version at:\n\n\thttps://ollama.com/download\n"),
    "registry_error": "pull model manifest: 500: internal server error",
    "max_retries": "max retries exceeded: unexpected EOF",
    "disk_full": "write /root/.ollama/models/blobs/sha256-{hex}-partial: no space left on device",
    "digest_mismatch": "digest mismatch, file must be downloaded again: want sha256:{hex}, got sha256:{other}",
}
MID_DOWNLOAD = {"max_retries", "disk_full", "drop", "malformed"}
ROUTES = {
    "/": ("GET", "HEAD"), "/api/version": ("GET", "HEAD"), "/api/tags": ("GET", "HEAD"), "/api/ps": ("GET",),
    "/api/pull": ("POST",), "/api/chat": ("POST",), "/api/show": ("POST",), "/api/delete": ("DELETE",),
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


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
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
        with self.state.lock:
            models = sorted(self.state.installed.values(), key=lambda m: m.modified_at, reverse=True)
            rows = [{"name": m.name, "model": m.name, "modified_at": m.modified_at, "size": m.size,
                     "digest": m.manifest_digest, "details": m.details()} for m in models]
        self._json(200, {"models": rows})

    def _route_ps(self, _body: object, _f: object) -> None:
        with self.state.lock:
            rows = [{"name": m.name, "model": m.name, "size": m.size + 300_000_000, "digest": m.manifest_digest,
                     "details": m.details(), "expires_at": "2318-01-01T00:00:00.0000001+00:00",
                     "size_vram": vram, "context_length": ctx} for m, vram, ctx in self.state.loaded.values()]
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
            "license": "Apache License 2.0", "modelfile": f"# Modelfile generated by \"ollama show\"\nFROM {model.name}\n",
            "parameters": 'temperature                    1', "template": "{{ .Prompt }}", "details": model.details(),
            "model_info": {"general.architecture": arch, "general.parameter_count": 4_000_000_000,
                           f"{arch}.context_length": model.context_length, f"{arch}.block_count": 32},
            "capabilities": list(model.capabilities), "modified_at": model.modified_at,
        }
        if failure is not None and failure.kind == "no_model_info":
            answer.pop("model_info")
        self._json(200, answer)

    def _route_delete(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or body.get("name") or "")
        with self.state.lock:
            model = self.state.installed.pop(normalize(name), None)
            if model is not None:
                self.state.loaded.pop(model.name, None)
                still = {d for m in self.state.installed.values() for d, _ in m.blobs}
                for digest, _ in model.blobs:
                    if digest not in still:
                        self.state.blobs.pop(digest, None)
        if model is None:
            return self._error(404, f"model '{name}' not found")
        self._json(200, None)

    # -- pull ---------------------------------------------------------------------------------------------

    def _route_pull(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or body.get("name") or "")
        if not name or " " in name:
            return self._error(400, "invalid model name")
        failure = self.state.take_failure("pull")
        if body.get("stream", True) is False:
            return self._pull_blocking(name, failure)
        self._start_stream()
        self._line(progress("pulling manifest"))
        self._wait(self.state.registry_pause_s if self.state.registry_pause_s is not None else self.state.tick_s)
        with self.state.lock:
            model = self.state.remote.get(normalize(name))
        kind = failure.kind if failure else None
        if model is None or kind in ("unknown_model", "offline", "needs_newer", "registry_error"):
            base, _, tag = normalize(name).partition(":")
            text = PULL_ERRORS[kind if kind in PULL_ERRORS else "unknown_model"].format(base=base, tag=tag)
            self._line({"error": text})
            return self._end_stream()
        for digest, size in model.blobs:
            if not self._pull_blob(model, digest, size, kind):
                return
        self._line(progress("verifying sha256 digest"))
        if kind == "digest_mismatch":
            digest = model.blobs[0][0]
            with self.state.lock:
                self.state.blobs.pop(digest, None)  # the bad blob is deleted
            self._line({"error": PULL_ERRORS["digest_mismatch"].format(hex=digest[7:], other="0" * 64)})
            return self._end_stream()
        self._line(progress("writing manifest"))
        with self.state.lock:
            self.state.installed[model.name] = Model(**{**model.__dict__, "modified_at": model.modified_at})
        self._line(progress("success"))
        self._end_stream()

    def _pull_blob(self, model: Model, digest: str, size: int, kind: str | None) -> bool:
        status = f"pulling {digest[7:19]}"
        with self.state.lock:
            cached = self.state.blobs.get(digest)
            if cached is not None and cached.done:
                self._line(progress(status, digest, size, size))  # cache hit: exactly one line
                return True
        self._wait(self.state.tick_s)  # the registry HEAD request
        blob = self.state.attach(model, digest, size)
        try:
            with self.state.lock:
                completed = blob.completed
            self._line(progress(status, digest, size, completed))  # a resume starts above 0 at once
            return self._follow(model, blob, digest, size, status, kind)
        finally:
            self.state.detach(model, blob)

    def _follow(self, model: Model, blob: Blob, digest: str, size: int, status: str, kind: str | None) -> bool:
        big = digest == model.blobs[0][0]
        while True:
            self._wait(self.state.tick_s)
            with self.state.lock:
                completed, done = blob.completed, blob.done
            if done:
                return True  # no final 100 % line: the next layer's line says this one is done
            if big and kind in MID_DOWNLOAD and completed >= size * 0.3:
                return self._fail_mid_download(kind, digest)
            self._line(progress(status, digest, size, completed))

    def _fail_mid_download(self, kind: str, digest: str) -> bool:
        if kind == "drop":
            self._drop()
        elif kind == "malformed":
            self._line(b"<html>proxy error</html>")
            self._end_stream()
        else:
            self._line({"error": PULL_ERRORS[kind].format(hex=digest[7:])})
            self._end_stream()
        return False

    def _pull_blocking(self, name: str, failure: Failure | None) -> None:
        with self.state.lock:
            model = self.state.remote.get(normalize(name))
        if model is None or failure is not None:
            kind = failure.kind if failure and failure.kind in PULL_ERRORS else "unknown_model"
            base, _, tag = normalize(name).partition(":")
            return self._error(500, PULL_ERRORS[kind].format(base=base, tag=tag, hex="0" * 64, other="0" * 64))
        with self.state.lock:
            for digest, size in model.blobs:
                self.state.blobs[digest] = Blob(size, size)
            self.state.installed[model.name] = model
        self._json(200, {"status": "success"})

    # -- chat ---------------------------------------------------------------------------------------------

    def _route_chat(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or "")
        if not name:
            return self._error(400, "model is required")
        with self.state.lock:
            model = self.state.installed.get(normalize(name))
        if model is None:
            return self._error(404, f"model '{name}' not found")
        think = body.get("think")
        if isinstance(think, str) and think not in ("high", "medium", "low", "max"):
            return self._error(400, f'invalid think value: "{think}" (must be "high", "medium", "low", "max", true, or false)')
        if think and "thinking" not in model.capabilities:
            return self._error(400, f'"{name}" does not support thinking')
        messages = body.get("messages") or []
        if not messages:
            return self._load_only(name, model, body.get("keep_alive"))
        failure = self.state.take_failure("chat")
        kind = failure.kind if failure else None
        if kind in ("out_of_memory", "busy", "runner_stopped"):
            status, text = {"out_of_memory": (500, MEMORY_ERROR), "runner_stopped": (500, RUNNER_STOPPED),
                            "busy": (503, "server busy, please try again.  maximum pending requests exceeded")}[kind]
            return self._error(status, text)
        self._ensure_loaded(model, body)
        if body.get("stream", True) is False:
            return self._chat_blocking(name, model, body, think)
        self._chat_stream(name, model, body, think, kind)

    def _ensure_loaded(self, model: Model, body: dict[str, Any]) -> None:
        with self.state.lock:
            loaded = model.name in self.state.loaded
        if not loaded:
            self._wait(self.state.load_delay_s)  # no bytes at all while the model loads
            ctx = int((body.get("options") or {}).get("num_ctx") or 4096)
            with self.state.lock:
                self.state.loaded[model.name] = (model, model.size, ctx)

    def _load_only(self, name: str, model: Model, keep_alive: object) -> None:
        unload = keep_alive in (0, 0.0, "0", "0s")
        with self.state.lock:
            if unload:
                self.state.loaded.pop(model.name, None)
            else:
                self.state.loaded[model.name] = (model, model.size, 4096)
        self._json(200, {"model": name, "created_at": created_at(), "message": {"role": "assistant", "content": ""},
                         "done_reason": "unload" if unload else "load", "done": True})

    def _reply_for(self, model: Model, body: dict[str, Any], think: object) -> Reply:
        with self.state.lock:
            reply = self.state.replies.get(model.name)
        if reply is None:
            said = str((body["messages"][-1] or {}).get("content", ""))[:200]
            words = f"This is the stand-in Ollama server. You said: {said}".split(" ")
            reply = Reply(content=tuple(w if i == 0 else " " + w for i, w in enumerate(words)),
                          thinking=("The user ", "wants a reply. ", "I will echo them."))
        thinks = "thinking" in model.capabilities and think is not False  # on by default since v0.12.4
        return reply if thinks else Reply(**{**reply.__dict__, "thinking": ()})

    def _chat_stream(self, name: str, model: Model, body: dict[str, Any], think: object, kind: str | None) -> None:
        reply = self._reply_for(model, body, think)
        chunks = [{"role": "assistant", "content": "", "thinking": t} for t in reply.thinking]
        chunks += [{"role": "assistant", "content": c} for c in reply.content]
        self._start_stream()
        if kind == "hang":
            self._wait(3600)
        for i, message in enumerate(chunks):
            if i == 2 and kind in ("mid_stream", "malformed", "drop"):
                if kind == "drop":
                    return self._drop()
                self._line(b"{not json" if kind == "malformed" else {"error": "an error was encountered while running the model"})
                return self._end_stream()
            if i:
                self._wait(self.state.token_delay_s)
            self._line({"model": name, "created_at": created_at(), "message": message, "done": False})
        self._line(self._final(name, reply, {"role": "assistant", "content": ""}, body))
        self._end_stream()

    def _final(self, name: str, reply: Reply, message: dict[str, object], body: dict[str, Any]) -> dict[str, object]:
        count = reply.eval_count if reply.eval_count is not None else len(reply.content) + len(reply.thinking)
        prompt = reply.prompt_eval_count
        if prompt is None:
            prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", [])) // 4 + 10
        eval_ns = reply.eval_duration_ns if reply.eval_duration_ns is not None else count * 20_000_000
        return {"model": name, "created_at": created_at(), "message": message, "done": True,
                "done_reason": reply.done_reason, "total_duration": eval_ns + 45_000_000, "load_duration": 1_334_875,
                "prompt_eval_count": prompt, "prompt_eval_duration": 42_546_000, "eval_count": count,
                "eval_duration": eval_ns}

    def _chat_blocking(self, name: str, model: Model, body: dict[str, Any], think: object) -> None:
        reply = self._reply_for(model, body, think)
        message: dict[str, object] = {"role": "assistant", "content": "".join(reply.content)}
        if reply.thinking:
            message["thinking"] = "".join(reply.thinking)
        self._json(200, self._final(name, reply, message, body))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: FakeState

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, _Gone)):
            return  # a client that hung up is normal here
        super().handle_error(request, client_address)


class FakeOllama:
    """Control surface of a running stand-in. See docs/dev/service-api.md for the whole API."""

    def __init__(self, port: int = 0, *, state: FakeState | None = None) -> None:
        self.state = state or FakeState()
        self._server = _Server(("127.0.0.1", port), Handler)
        self._server.state = self.state
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-ollama", daemon=True)

    def __getattr__(self, name: str) -> Any:  # tick_s, bytes_per_tick, load_delay_s, version, requests, …
        return getattr(self.__dict__["state"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        if "state" in self.__dict__ and hasattr(self.state, name) and name not in ("state",):
            setattr(self.state, name, value)
        else:
            super().__setattr__(name, value)

    def start(self) -> FakeOllama:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.closing = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(2)

    # -- setup -------------------------------------------------------------------------------------

    def add_remote(self, name: str, layers: tuple[int, ...] = (40_000_000, 1429, 7711, 96, 561), **kw: Any) -> Model:
        """Make `name` pullable. `layers`: blob sizes in manifest order (the last one plays the config)."""
        model = self.state.make_model(name, tuple(layers), **kw)
        with self.state.lock:
            self.state.remote[model.name] = model
        return model

    def add_installed(self, name: str, *, size: int = 3_400_000_000, **kw: Any) -> Model:
        """Install `name` as if pulled (its blobs are on disk, so a re-pull is all cache hits)."""
        model = self.state.make_model(name, (size - 9797, 1429, 7711, 96, 561), **kw)
        with self.state.lock:
            self.state.installed[model.name] = model
            self.state.remote.setdefault(model.name, model)
            for digest, blob_size in model.blobs:
                self.state.blobs[digest] = Blob(blob_size, blob_size)
        return model

    def load(self, name: str, *, size_vram: int | None = None, context_length: int = 4096) -> None:
        with self.state.lock:
            model = self.state.installed[normalize(name)]
            self.state.loaded[model.name] = (model, model.size if size_vram is None else size_vram, context_length)

    def script_reply(self, model: str, content: Any = ("Hello", "!"), thinking: Any = (), **kw: Any) -> None:
        as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
        with self.state.lock:
            self.state.replies[normalize(model)] = Reply(as_tuple(content), as_tuple(thinking), **kw)

    def fail(self, route: str, kind: str, *, times: int = 1, status: int = 500, body: dict[str, object] | None = None) -> None:
        with self.state.lock:
            self.state.failures[route].append(Failure(kind, times, status, body))

    def stall_pull(self, model: str, at_fraction: float = 0.4) -> None:
        with self.state.lock:
            self.state.stalls[normalize(model)] = at_fraction

    def partial(self, model: str) -> int:
        with self.state.lock:
            m = self.state.remote[normalize(model)]
            return sum(b.completed for d, _ in m.blobs if (b := self.state.blobs.get(d)) is not None)

    def wait_disconnect(self, route: str, timeout: float = 2.0, after: float = 0.0) -> float:
        """Block until the server sees a client drop on `route` (after monotonic time `after`); returns its time."""
        deadline = time.monotonic() + timeout
        with self.state.changed:
            while True:
                hits = [t for r, t in self.state.disconnects if r == route and t >= after]
                if hits:
                    return hits[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no disconnect on {route} within {timeout} s")
                self.state.changed.wait(left)


DEMO_TAGS = ("qwen3.5:0.8b", "qwen3.5:2b", "qwen3.5:4b", "qwen3.5:9b", "qwen3.5:27b", "qwen3.5:35b-a3b", "qwen3.5:122b-a10b")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Stand-in Ollama server for trying Runyard without Ollama.")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--tick", type=float, default=0.06, help="pull progress interval in seconds")
    parser.add_argument("--speed", type=float, default=50.0, help="download speed in MB/s")
    parser.add_argument("--load-delay", type=float, default=1.5, help="seconds of silence while a model loads")
    parser.add_argument("--token-delay", type=float, default=0.03)
    parser.add_argument("--version", default="0.17.1")
    args = parser.parse_args(argv)
    fake = FakeOllama(args.port)
    fake.tick_s, fake.load_delay_s, fake.token_delay_s, fake.version = args.tick, args.load_delay, args.token_delay, args.version
    fake.bytes_per_tick = int(args.speed * 1e6 * args.tick)
    caps = ("completion", "vision", "tools", "thinking")
    for tag, size in zip(DEMO_TAGS, (1.0e9, 2.7e9, 3.4e9, 6.6e9, 17e9, 24e9, 81e9)):
        fake.add_remote(tag, (int(size), 11_000, 7711, 96, 561), capabilities=caps)
    fake.add_installed("qwen3.5:0.8b", size=1_000_000_000, capabilities=caps, parameter_size="0.8B")
    print(f"stand-in Ollama {args.version} on {fake.url} (Ctrl-C to stop)", flush=True)
    fake.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
