"""Frozen value types shared by the Ollama client, the tasks-level services, the UI and the CLI.

Everything here is immutable, so it may cross from the loop thread to the GUI thread.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.errors import OllamaError

#: Qwen3.5 needs at least this server version.
MIN_VERSION = (0, 17, 1)
MIN_VERSION_TEXT = "0.17.1"


def parse_version(text: str | None) -> tuple[int, ...] | None:
    """ "0.17.1" / "v0.30.0-rc1" -> (major, minor, patch); None when there is no "N.N" at the start."""
    match = re.match(r"\s*v?(\d+)\.(\d+)(?:\.(\d+))?", text or "")
    if not match:
        return None
    return tuple(int(g or 0) for g in match.groups())


class ServerState(str, enum.Enum):
    NOT_INSTALLED = "not_installed"  # nothing answers and no Ollama binary/app was found
    STOPPED = "stopped"  # installed but nothing answers
    STARTING = "starting"  # we launched it (or it accepts TCP but does not answer yet)
    RUNNING = "running"  # answers, version >= MIN_VERSION
    TOO_OLD = "too_old"  # answers, version < MIN_VERSION
    REMOTE_UNREACHABLE = "remote_unreachable"  # a non-loopback host that does not answer
    UNKNOWN = "unknown"  # not checked yet


@dataclass(frozen=True)
class OllamaStatus:
    """What the UI shows about the server. `message`/`next_step` are plain sentences."""

    state: ServerState
    host: str
    is_remote: bool = False
    version: str | None = None
    message: str = ""
    next_step: str = ""
    binary: str | None = None  # where Ollama is installed, when known
    started_by_us: bool = False

    @property
    def is_usable(self) -> bool:
        return self.state in (ServerState.RUNNING, ServerState.TOO_OLD)


@dataclass(frozen=True)
class InstalledModel:
    """One row of /api/tags."""

    name: str  # e.g. "qwen3.5:4b"
    size: int  # bytes on disk (sum of all layers)
    digest: str = ""
    modified_at: str = ""  # ISO 8601 text
    family: str = ""
    parameter_size: str = ""
    quantization: str = ""


@dataclass(frozen=True)
class LoadedModel:
    """One row of /api/ps: memory actually used and where it lives."""

    name: str
    size: int  # total bytes in memory incl. KV cache
    size_vram: int  # bytes on the GPU
    context_length: int | None = None  # effective num_ctx (servers >= 0.9.7)
    expires_at: str = ""

    @property
    def gpu_share(self) -> float:
        """0.0 = CPU only, 1.0 = all on GPU."""
        return min(1.0, self.size_vram / self.size) if self.size > 0 else 0.0


@dataclass(frozen=True)
class ModelInfo:
    """What /api/show tells us that the app needs."""

    name: str
    capabilities: tuple[str, ...] | None  # None: server too old to say (< 0.6.4)
    context_length: int | None  # the model's maximum context
    architecture: str = ""
    family: str = ""
    parameter_size: str = ""
    quantization: str = ""

    @property
    def can_think(self) -> bool:
        return self.capabilities is not None and "thinking" in self.capabilities

    @property
    def has_vision(self) -> bool:
        return self.capabilities is not None and "vision" in self.capabilities


class PullPhase(str, enum.Enum):
    QUEUED = "queued"
    MANIFEST = "manifest"  # "pulling manifest" (also: waiting for the registry)
    DOWNLOADING = "downloading"
    VERIFYING = "verifying"
    WRITING = "writing"  # writing manifest / removing unused layers
    DONE = "done"


class PullStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    STALLED = "stalled"  # no progress for the stall timeout; reconnecting (which resumes)
    RETRYING = "retrying"  # a transient failure; waiting before the next attempt
    CANCELLED = "cancelled"
    FAILED = "failed"
    DONE = "done"


@dataclass(frozen=True)
class PullState:
    """A snapshot of one pull. `completed`/`total` are summed over the layers seen so far."""

    tag: str
    status: PullStatus
    phase: PullPhase = PullPhase.QUEUED
    completed: int = 0
    total: int = 0
    speed_bps: float | None = None  # smoothed; None until measurable
    eta_s: float | None = None
    resumed_from_bytes: int = 0  # > 0 when this attempt continued a partial download
    attempt: int = 1
    message: str = ""  # a plain line for the UI: "Downloading", "Stalled — reconnecting", …
    error: OllamaError | None = None

    @property
    def fraction(self) -> float | None:
        """0..1, or None while the size is unknown."""
        if self.status is PullStatus.DONE:
            return 1.0
        return min(1.0, self.completed / self.total) if self.total > 0 else None

    @property
    def is_active(self) -> bool:
        return self.status in (PullStatus.QUEUED, PullStatus.RUNNING, PullStatus.STALLED, PullStatus.RETRYING)


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str
    images: tuple[str, ...] = ()  # base64 strings or file paths (vision models only)
    thinking: str = ""  # an assistant turn's reasoning, sent back only if you want to


@dataclass(frozen=True)
class ChatRequest:
    """One reply to generate.

    `think`: None = server default (thinking models think), True/False, or "low"/"medium"/"high".
    It is dropped automatically when `show` says the model cannot think, and the request is retried
    without it if the server answers "does not support thinking".
    """

    model: str
    messages: tuple[ChatMessage, ...]
    think: bool | str | None = None
    num_ctx: int | None = None
    temperature: float | None = None
    seed: int | None = None
    keep_alive: str | float | None = None
    extra_options: tuple[tuple[str, object], ...] = field(default=())

    @property
    def cpu_only(self) -> bool:
        """True when the request asks for no GPU layers (`num_gpu: 0`, as `OLLAMA_NUM_GPU=0` does)."""
        return dict(self.extra_options).get("num_gpu") == 0


#: The options that run a reply on the CPU only: no layers offloaded to the GPU.
CPU_ONLY_OPTIONS: tuple[tuple[str, object], ...] = (("num_gpu", 0),)


@dataclass(frozen=True)
class ChatMetrics:
    """Numbers from the final chunk (durations converted to seconds) plus our own time to first token."""

    done_reason: str = ""
    ttft_s: float | None = None  # request sent -> first thinking or content token
    tokens_per_s: float | None = None  # eval_count / eval_duration
    prompt_eval_count: int = 0
    eval_count: int = 0
    prompt_eval_s: float | None = None
    eval_s: float | None = None
    load_s: float | None = None
    total_s: float | None = None
    thinking_dropped: bool = False  # think was requested but the model could not; answered without
