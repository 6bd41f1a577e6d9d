"""State of the stand-in Ollama server: models, blobs, downloads, scripted replies, injected failures.

Thread-safe (one lock); the HTTP handler in `fake_ollama.py` reads and changes it. Byte-level
behaviour follows docs/ollama-behaviour.md#pull (server/download.go): downloads are shared per blob
digest and stop when the last client detaches, keeping the partial byte count so the next pull resumes;
a stall is the network's, so it outlasts a client reconnect; a failed part's bytes are taken back off
`completed`; a restart prunes partial downloads (server/images.go, PruneLayers): all of them before
v0.21, only those untouched for over an hour since.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def digest_of(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def num_gpu_option(options: object) -> int:
    """The request's `num_gpu` as the server reads it: a number, else -1 (Ollama's default)."""
    value = options.get("num_gpu") if isinstance(options, dict) else None
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else -1


def normalize(name: str) -> str:
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


def rfc3339_local() -> str:
    now = datetime.now().astimezone()
    base = now.strftime("%Y-%m-%dT%H:%M:%S")
    nanos = f"{now.microsecond * 1000 + 123:09d}".rstrip("0")
    offset = now.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else "Z"
    return f"{base}.{nanos}{offset}" if nanos else f"{base}{offset}"


LOAD_OVERHEAD_BYTES = 300_000_000  # context cache and compute graph of a loaded model, beyond its weights


@dataclass
class Model:
    name: str
    blobs: list[tuple[str, int]]  # (digest, size) in manifest order; the last one is the config
    capabilities: tuple[str, ...] = ("completion",)
    context_length: int = 262144
    family: str = "qwen35"
    parameter_size: str = "4B"
    quantization: str = "Q4_K_M"
    modified_at: str = field(default_factory=rfc3339_local)

    @property
    def size(self) -> int:
        return sum(size for _, size in self.blobs)

    @property
    def manifest_digest(self) -> str:
        return digest_of("manifest:" + self.name)[7:]

    def details(self) -> dict[str, object]:
        return {
            "parent_model": "",
            "format": "gguf",
            "family": self.family,
            "families": [self.family],
            "parameter_size": self.parameter_size,
            "quantization_level": self.quantization,
        }


PRUNE_GRACE_S = 3600.0  # server/images.go layerPruneGracePeriod (v0.21+): partials untouched this long go at start-up


@dataclass
class Blob:
    size: int
    completed: int = 0
    refs: int = 0  # clients attached to the running download
    running: bool = False
    written_at: float = field(default_factory=time.monotonic)  # the partial file's modification time

    @property
    def done(self) -> bool:
        return self.completed >= self.size


@dataclass
class Reply:
    content: tuple[str, ...] = ()
    thinking: tuple[str, ...] = ()
    done_reason: str = "stop"
    eval_count: int | None = None
    eval_duration_ns: int | None = None
    prompt_eval_count: int | None = None


@dataclass
class Stall:
    """The network stops moving a model's bytes at `fraction` for `for_s` seconds (None: until cleared)."""

    fraction: float
    for_s: float | None = None
    since: float | None = None  # when the download first sat at the stall point

    def holds(self, blob: Blob, now: float) -> bool:
        if blob.completed < self.fraction * blob.size:
            return False
        if self.since is None:
            self.since = now
        return self.for_s is None or now - self.since < self.for_s


@dataclass
class Failure:
    kind: str
    times: int = 1
    status: int = 500
    body: dict[str, object] | None = None


class FakeState:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.version = "0.17.1"
        self.tick_s = 0.06
        self.bytes_per_tick = 50_000_000
        self.registry_pause_s: float | None = None  # None: one tick
        self.load_delay_s = 0.0
        self.memory_bytes: int | None = None  # a model larger than this fails to load (memory_error)
        self.token_delay_s = 0.0
        self.tags_released = threading.Event()  # clear() holds /api/tags answers back until set()
        self.tags_released.set()
        self.installed: dict[str, Model] = {}
        self.remote: dict[str, Model] = {}
        self.blobs: dict[str, Blob] = {}
        self.loaded: dict[str, tuple[Model, int, int]] = {}  # name -> (model, size_vram, context_length)
        # The machine's GPU memory for loads: a model whose weights, cache and graph fit is all on the GPU
        # (size_vram == size, as the real /api/ps reports full offload), a bigger one partly, 0 = CPU only.
        self.gpu_memory = 24_000_000_000
        self.default_num_ctx = 4096  # the context a load without num_ctx gets (Ollama: by total VRAM)
        self.auto_ctx: set[str] = set()  # loaded runners whose context was that default (no num_ctx asked)
        # The num_gpu each loaded runner was started with (-1: Ollama's default, as many layers as fit).
        self.runner_num_gpu: dict[str, int] = {}
        self.replies: dict[str, Reply] = {}
        self.failures: dict[str, list[Failure]] = defaultdict(list)
        self.stalls: dict[str, Stall] = {}  # model -> where its download stops moving, for how long
        self.disconnects: list[tuple[str, float]] = []
        self.requests: list[tuple[str, str, object]] = []
        self.closing = False
        self.lines_sent = 0  # NDJSON lines written (approximate under concurrency; for benchmarks)

    # -- loading --------------------------------------------------------------------------------

    def loaded_size(self, model: Model) -> int:
        """What /api/ps reports as `size`: the weights plus the context cache and compute graph."""
        return model.size + LOAD_OVERHEAD_BYTES

    def vram_for(self, model: Model) -> int:
        """`size_vram` on this machine: all of `size` when it fits the GPU, what fits when not, 0 without one."""
        return min(self.loaded_size(model), max(0, self.gpu_memory))

    # -- setup ------------------------------------------------------------------------------------

    def make_model(self, name: str, layers: tuple[int, ...], **kw: Any) -> Model:
        name = normalize(name)
        family = str(kw.get("family", "qwen35"))
        blobs = []
        for i, size in enumerate(layers):
            # The big first layer is per model; small ones (template, license, params) are shared by
            # size within a family, so a second tag gets cache hits like a real pull.
            key = f"{name}:{i}" if i == 0 else f"{family}:{i}:{size}"
            blobs.append((digest_of(key), int(size)))
        return Model(name, blobs, **kw)

    # -- runners (call with the lock held) -------------------------------------------------------

    def runner_context(self, model: Model, num_ctx: object) -> int:
        """The context a load gets: the num_ctx asked, else the default, at most the model's own."""
        ctx = int(num_ctx) if isinstance(num_ctx, (int, float)) and num_ctx > 0 else self.default_num_ctx
        return min(ctx, model.context_length) if model.context_length else ctx

    def keeps_runner(self, model: Model, num_ctx: object, num_gpu: int = -1) -> bool:
        """server/sched.go `needsReload`: a loaded runner is reused when the context asked (or the
        default, when none is) is the one it has, or when neither it nor the request asked for one;
        and when the request asks no num_gpu (or a negative one) or the one the runner has."""
        current = self.loaded.get(model.name)
        if current is None:
            return False
        if num_gpu >= 0 and self.runner_num_gpu.get(model.name, -1) != num_gpu:
            return False
        if not num_ctx and model.name in self.auto_ctx:
            return True
        return current[2] == self.runner_context(model, num_ctx)

    def load_runner(self, model: Model, num_ctx: object, num_gpu: int = -1) -> None:
        """Start a runner; `num_gpu` 0 puts no layer on the GPU (/api/ps then reports size_vram 0)."""
        vram = 0 if num_gpu == 0 else self.vram_for(model)
        self.loaded[model.name] = (model, vram, self.runner_context(model, num_ctx))
        self.runner_num_gpu[model.name] = num_gpu
        if num_ctx:
            self.auto_ctx.discard(model.name)
        else:
            self.auto_ctx.add(model.name)

    def take_failure(self, route: str) -> Failure | None:
        with self.lock:
            queue = self.failures.get(route) or []
            if not queue:
                return None
            failure = queue[0]
            failure.times -= 1
            if failure.times <= 0:
                queue.pop(0)
            return failure

    def note_disconnect(self, route: str) -> None:
        with self.changed:
            self.disconnects.append((route, time.monotonic()))
            self.changed.notify_all()

    # -- downloads ------------------------------------------------------------------------------

    def attach(self, model: Model, digest: str, size: int) -> Blob:
        """Join (or start) the shared download of one blob."""
        with self.lock:
            blob = self.blobs.setdefault(digest, Blob(size))
            blob.refs += 1
            if not blob.running and not blob.done:
                blob.running = True
                threading.Thread(target=self._download, args=(model, blob), name="fake-ollama-dl", daemon=True).start()
            return blob

    def detach(self, model: Model, blob: Blob) -> None:
        with self.lock:
            blob.refs -= 1  # a stall stays: it is the network's, not the client connection's

    def _download(self, model: Model, blob: Blob) -> None:
        while True:
            time.sleep(self.tick_s)
            with self.lock:
                if blob.refs <= 0 or self.closing or blob.done:
                    blob.running = False  # the last client left: stop, keep the partial bytes
                    self.changed.notify_all()  # for FakeOllama.wait_download_stopped (tests only)
                    return
                stall = self.stalls.get(model.name)
                if stall is not None and stall.holds(blob, time.monotonic()):
                    continue
                step = self.bytes_per_tick
                if stall is not None and stall.since is None:
                    step = min(step, max(0, int(stall.fraction * blob.size) - blob.completed) or step)
                blob.completed = min(blob.size, blob.completed + step)
                blob.written_at = time.monotonic()

    def version_tuple(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.version.split("-")[0].split(".") if p.isdigit())

    def take_back(self, blob: Blob, nbytes: int) -> None:
        """A part failed mid-copy: its bytes come off the count (download.go, `b.Completed.Add(-n)`)."""
        with self.lock:
            blob.completed = max(0, blob.completed - nbytes)

    def restart(self, idle_s: float = 0.0) -> list[str]:
        """The server restarts `idle_s` seconds from now: models unload, and partial blobs nobody is
        downloading are deleted (PruneLayers): from v0.21 only those untouched for over an hour by then,
        before that all of them. Returns their digests."""
        with self.changed:
            now = time.monotonic() + idle_s
            grace = PRUNE_GRACE_S if self.version_tuple() >= (0, 21) else -1.0
            pruned = [d for d, b in self.blobs.items() if not b.done and now - b.written_at > grace and not b.refs]
            for digest in pruned:
                del self.blobs[digest]
            self.loaded.clear()
            self.changed.notify_all()
            return pruned
