"""A stand-in Ollama server on loopback speaking the real protocol (docs/ollama-behaviour.md), for tests and demos.

    python -m tests.support.fake_ollama --port 11434 [--tick 0.06] [--load-delay 2] [--version 0.17.1]

Faithful where the client can tell: NDJSON in Go key order with zero fields omitted, chunked
framing, no headers during a model load, errors after `pulling manifest` as a 200 + `{"error":…}`
line, per-blob shared downloads that stop when the last client disconnects (partial bytes kept, so
the next pull resumes), no guaranteed final 100 % tick, one line for cache-hit layers, real texts
for every error. The control API (add models, script replies, inject failures, observe
disconnects) is `FakeOllama`; see docs/dev/service-api.md. HTTP framing is in fake_ollama_http.py,
pull and chat in fake_ollama_routes.py, the shared state in fake_ollama_state.py.
"""

from __future__ import annotations

import argparse
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

from tests.support.fake_ollama_http import _Gone
from tests.support.fake_ollama_routes import Handler
from tests.support.fake_ollama_state import Blob, Failure, FakeState, Model, Reply, Stall, normalize


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
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-ollama", daemon=True
        )

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
        with self.state.lock:
            remote = self.state.remote.get(normalize(name))
        layers = tuple(s for _, s in remote.blobs) if remote else (size - 9797, 1429, 7711, 96, 561)
        model = self.state.make_model(name, layers, **kw)
        with self.state.lock:
            self.state.installed[model.name] = model
            self.state.remote[model.name] = model
            for digest, blob_size in model.blobs:
                self.state.blobs[digest] = Blob(blob_size, blob_size)
        return model

    def load(self, name: str, *, size_vram: int | None = None, context_length: int = 4096) -> None:
        """Load `name` as a chat would; `size_vram` overrides what the `gpu_memory` knob gives."""
        with self.state.lock:
            model = self.state.installed[normalize(name)]
            vram = self.state.vram_for(model) if size_vram is None else size_vram
            self.state.loaded[model.name] = (model, vram, context_length)
            self.state.auto_ctx.discard(model.name)  # as if loaded with an explicit num_ctx (the window's way)
            self.state.runner_num_gpu[model.name] = -1

    def script_reply(self, model: str, content: Any = ("Hello", "!"), thinking: Any = (), **kw: Any) -> None:
        def as_tuple(v: Any) -> tuple[Any, ...]:
            return (v,) if isinstance(v, str) else tuple(v)

        with self.state.lock:
            self.state.replies[normalize(model)] = Reply(as_tuple(content), as_tuple(thinking), **kw)

    def fail(
        self, route: str, kind: str, *, times: int = 1, status: int = 500, body: dict[str, object] | None = None
    ) -> None:
        with self.state.lock:
            self.state.failures[route].append(Failure(kind, times, status, body))

    def stall_pull(self, model: str, at_fraction: float = 0.4, *, for_s: float | None = None) -> None:
        """The network stops `model`'s bytes at `at_fraction` for `for_s` s (None: until `clear_stall`).

        Like a real one, the stall outlasts client reconnects: downloads belong to the server, per digest."""
        with self.state.lock:
            self.state.stalls[normalize(model)] = Stall(at_fraction, for_s)

    def clear_stall(self, model: str) -> None:
        with self.state.lock:
            self.state.stalls.pop(normalize(model), None)

    def restart(self, *, idle_s: float = 0.0) -> list[str]:
        """Restart the server `idle_s` seconds from now (see FakeState.restart; the hour's grace needs `version`
        0.21 or later); returns the pruned digests."""
        return self.state.restart(idle_s)

    def partial(self, model: str) -> int:
        with self.state.lock:
            m = self.state.remote[normalize(model)]
            return sum(b.completed for d, _ in m.blobs if (b := self.state.blobs.get(d)) is not None)

    def bodies(self, path: str) -> list[dict[str, Any]]:
        """JSON bodies of the requests received on `path` (e.g. "/api/chat"), oldest first."""
        with self.state.lock:
            return [body for _method, p, body in self.state.requests if p == path and isinstance(body, dict)]

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

    def wait_download_stopped(self, model: str, timeout: float = 2.0) -> None:
        """Block until no blob of `model` has a running download (test observation; nothing on the wire)."""
        deadline = time.monotonic() + timeout
        with self.state.changed:
            m = self.state.remote[normalize(model)]
            while True:
                if not any(b.running for d, _ in m.blobs if (b := self.state.blobs.get(d)) is not None):
                    return
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the download of {model} still runs after {timeout} s")
                self.state.changed.wait(left)


DEMO_TAGS = (
    "qwen3.5:0.8b",
    "qwen3.5:2b",
    "qwen3.5:4b",
    "qwen3.5:9b",
    "qwen3.5:27b",
    "qwen3.5:35b-a3b",
    "qwen3.5:122b-a10b",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Stand-in Ollama server for trying Runyard without Ollama.")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--tick", type=float, default=0.06, help="pull progress interval in seconds")
    parser.add_argument("--speed", type=float, default=50.0, help="download speed in MB/s")
    parser.add_argument("--load-delay", type=float, default=1.5, help="seconds of silence while a model loads")
    parser.add_argument("--token-delay", type=float, default=0.03)
    parser.add_argument("--version", default="0.17.1", help="0.30 and later send llama-server's error texts")
    parser.add_argument("--gpu-gb", type=float, default=24.0, help="GPU memory for loaded models (0: CPU only)")
    parser.add_argument("--memory-gib", type=float, help="models larger than this fail to load, as out of memory")
    args = parser.parse_args(argv)
    fake = FakeOllama(args.port)
    fake.tick_s, fake.load_delay_s, fake.token_delay_s, fake.version = (
        args.tick,
        args.load_delay,
        args.token_delay,
        args.version,
    )
    fake.bytes_per_tick = int(args.speed * 1e6 * args.tick)
    fake.gpu_memory = int(args.gpu_gb * 1e9)
    fake.memory_bytes = None if args.memory_gib is None else int(args.memory_gib * 2**30)
    caps = ("completion", "vision", "tools", "thinking")
    # Download sizes, default quantization (0.8b and 2b default to q8_0) and parameter counts as the
    # library lists them (docs/qwen35-memory.md: parameter counts, Ollama tags).
    demo = zip(
        DEMO_TAGS,
        (1.0e9, 2.7e9, 3.4e9, 6.6e9, 17e9, 24e9, 81e9),
        ("Q8_0", "Q8_0") + ("Q4_K_M",) * 5,
        ("0.9B", "2.3B", "4.7B", "9.7B", "27.8B", "36.0B", "125.1B"),
        strict=True,
    )
    for tag, size, quant, params in demo:
        fake.add_remote(
            tag, (int(size), 11_000, 7711, 96, 561), capabilities=caps, quantization=quant, parameter_size=params
        )
    fake.add_installed(
        "qwen3.5:0.8b", size=1_000_000_000, capabilities=caps, parameter_size="0.9B", quantization="Q8_0"
    )
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
