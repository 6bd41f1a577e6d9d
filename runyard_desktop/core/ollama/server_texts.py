"""What the Ollama server says when something fails, and what it means: `ErrorKind` and `SERVER_TEXT_RULES`.

Each row of the table maps a text the real server sends (matched by regexes) or an HTTP status to a kind,
a plain message and a next step. Texts of every Ollama generation stay side by side: up to 0.24 the
server's own engine ("model requires more system memory (X) than is available (Y)"), from 0.30 on the
llama-server runner ("llama-server reported out-of-memory during startup: …"). `errors.from_server_text`
turns a match into an `OllamaError`; docs/ollama-behaviour.md says where in Ollama's source each text is made.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

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


_NETWORK_FAILURE = (
    r"no such host|i/o timeout|server misbehaving|dial tcp|network is unreachable|connection refused|"
    r"connection reset|tls handshake|temporary failure in name resolution|no route to host"
)


@dataclass(frozen=True)
class ServerTextRule:
    """One row of `SERVER_TEXT_RULES`: the server texts (or HTTP status) that mean one error.

    The row matches when every regex in `all_of` is found in the text (case-insensitive unless
    `case_sensitive`), or else when the HTTP status is `status` and, if `operation` is set, the call
    was that operation ("pull", "chat", …). `message` and `next_step` are `str.format` templates with
    {name} (the model, or "this model"), {have} (" (this computer has Ollama X)" or ""), {text} (the
    server's text), {url} (`DOWNLOAD_URL`) and the regexes' named groups. `example`: a text the real
    server sends for this row (the tests check that it reaches the row).
    """

    kind: ErrorKind
    message: str
    next_step: str
    all_of: tuple[str, ...] = ()
    status: int | None = None
    operation: str = ""
    case_sensitive: bool = False
    example: str = ""

    def match(self, text: str, status_code: int | None, operation: str) -> dict[str, str] | None:
        """The template fields this row's regexes captured when it matches (empty for a status), else None."""
        fields = self._search(text)
        if fields is not None:
            return fields
        if self.status is not None and status_code == self.status and self.operation in ("", operation):
            return {}
        return None

    def _search(self, text: str) -> dict[str, str] | None:
        if not self.all_of:
            return None
        fields: dict[str, str] = {}
        for pattern in self.all_of:
            found = re.search(pattern, text, 0 if self.case_sensitive else re.IGNORECASE)
            if found is None:
                return None
            fields.update(found.groupdict(default=""))
        return fields


# llm/status.go outOfMemorySubstrings (0.30 and later): the runner texts that mean memory ran out.
_OUT_OF_MEMORY = (
    r"out of memory|out of device memory|cudaMalloc failed|hipMalloc failed|failed to allocate|allocation failed|"
    r"not enough memory|insufficient memory|vk_error_out_of_device_memory|erroroutofmemory"
)
_CHANGE_MODEL = "Close other programs, or pick a smaller model or a shorter context"

# First match wins, so the order matters (a 404 on a pull means the library has no such model; on a
# chat, that the model is not downloaded). A text no row matches is reported as it is.
SERVER_TEXT_RULES: tuple[ServerTextRule, ...] = (
    ServerTextRule(
        ErrorKind.NEEDS_NEWER_OLLAMA,
        "{name} needs a newer version of Ollama{have}.",
        "Update Ollama from {url}, then download the model again.",
        all_of=("412", "newer version of ollama"),
        example="pull model manifest: 412: \nThe model you are attempting to pull requires a newer version of Ollama.",
    ),
    ServerTextRule(
        ErrorKind.SERVER_ERROR,
        "This server does not offer what Ollama should (it may be too old, or not Ollama).",
        "Update Ollama from {url}, or check the server address.",
        all_of=(r"\A\s*(?:404 page not found|405 method not allowed)\s*\Z",),
        example="404 page not found",
    ),
    ServerTextRule(
        ErrorKind.UNKNOWN_MODEL,
        "The Ollama library has no model called {name}.",
        "Check the name and tag (for example qwen3.5:4b).",
        all_of=("pull model manifest", "file does not exist"),
        status=404,
        operation="pull",
        example="pull model manifest: file does not exist",
    ),
    ServerTextRule(
        ErrorKind.DISK_FULL,
        "The disk where Ollama keeps its models is full.",
        "Free some space (or delete a model you no longer use), then download again; it resumes.",
        all_of=("no space left on device",),
        example="write /root/.ollama/models/blobs/sha256-1f-partial: no space left on device",
    ),
    ServerTextRule(  # Windows: ERROR_DISK_FULL is not syscall.ENOSPC, so Ollama retries the part, then gives up
        ErrorKind.DISK_FULL,
        "The disk where Ollama keeps its models is full.",
        "Free some space (or delete a model you no longer use), then download again; it resumes.",
        all_of=(r"not enough space on the disk|\bthe disk is full",),
        example=(
            "max retries exceeded: write C:\\Users\\me\\.ollama\\models\\blobs\\sha256-1f-partial: "
            "There is not enough space on the disk."
        ),
    ),
    ServerTextRule(
        ErrorKind.NETWORK_DROPPED,
        "The download kept losing its connection and Ollama gave up.",
        "Check your internet connection and download again; it continues where it stopped.",
        all_of=("max retries exceeded",),
        example="max retries exceeded: unexpected EOF",
    ),
    ServerTextRule(
        ErrorKind.DIGEST_MISMATCH,
        "A downloaded file was damaged, so Ollama deleted it.",
        "Download again; the damaged part is fetched afresh.",
        all_of=("digest mismatch",),
        example="digest mismatch, file must be downloaded again: want sha256:1f, got sha256:00",
    ),
    ServerTextRule(
        ErrorKind.OFFLINE,
        "Ollama could not reach the model library (ollama.com).",
        "Check your internet connection, then try again.",
        all_of=(r"pull model manifest|\Ahead |\Aget ", _NETWORK_FAILURE),
        example='Head "https://x.r2.cloudflarestorage.com/ollama/data": dial tcp: lookup x: no such host',
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "The model library refused access to {name}: it may be private, or the name may be misspelt.",
        "Check the name; for a private model, sign in with `ollama signin` and add this computer's key on ollama.com.",
        all_of=("pull model manifest", r"unauthorized|access denied"),
        example="pull model manifest: unauthorized: access denied",
    ),
    ServerTextRule(  # server/download.go: the blob's download address, looked up with a 30 s limit
        ErrorKind.TIMEOUT,
        "Ollama gave up waiting for the model library's download server.",
        "Check your internet connection (and any proxy), then try again; a download continues where it stopped.",
        all_of=(r"context deadline exceeded",),
        example="context deadline exceeded",
    ),
    ServerTextRule(  # server/download.go: the registry answered the blob look-up with neither 200 nor 307
        ErrorKind.SERVER_ERROR,
        "The model library's download server answered with an unexpected status ({code}).",
        "Try again later; if a proxy or firewall filters this network, allow ollama.com and its download servers.",
        all_of=(r"\Aunexpected status code (?P<code>\d+)",),
        example="unexpected status code 403",
    ),
    ServerTextRule(
        ErrorKind.SERVER_ERROR,
        "This version of Ollama{have} could not load {name}; the downloaded copy may be older than Ollama.",
        "Download the model again to update it (Models page, or `{cli} pull {pull}`); "
        "if that does not help, update Ollama from {url}.",
        all_of=(r"may be incompatible with your version of Ollama", r"ollama pull (?P<pull>[^`\s]+)"),
        example=(
            "llama-server process has terminated: error loading model: failed to load model: this model may be "
            "incompatible with your version of Ollama. If you previously pulled this model, try updating it by "
            "running `ollama pull qwen3.5:4b`"
        ),
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "The conversation is longer than the context {name} has now.",
        "Start a new conversation, shorten the message, or choose a longer context.",
        all_of=(r"prompt is longer than the context length",),
        example=(
            "the prompt is longer than the context length currently available to the model; shorten the prompt, "
            "adjust the context length in settings, or use a model with a longer context length"
        ),
    ),
    ServerTextRule(
        ErrorKind.OUT_OF_MEMORY,
        "{name} needs {need} of memory, but only {free} is free.",
        _CHANGE_MODEL + ".",
        all_of=(r"requires more system memory \((?P<need>[^)]*)\) than is available \((?P<free>[^)]*)\)",),
        case_sensitive=True,
        example="model requires more system memory (7.3 GiB) than is available (6.0 GiB)",
    ),
    ServerTextRule(  # Ollama 0.30 and later: llm/llama_server.go, while the model loads
        ErrorKind.OUT_OF_MEMORY,
        "{name} does not fit in the memory that is free now.",
        _CHANGE_MODEL + ".",
        all_of=(r"out-of-memory during startup",),
        example=(
            "llama-server reported out-of-memory during startup: ggml_backend_cuda_buffer_type_alloc_buffer: "
            "allocating 7340.00 MiB on device 0: cudaMalloc failed: out of memory"
        ),
    ),
    ServerTextRule(  # llm/server.go ErrLoadRequiredFull, reported by server/sched.go when nothing else is loaded
        ErrorKind.OUT_OF_MEMORY,
        "{name} does not fit in this computer's memory.",
        _CHANGE_MODEL + ".",
        all_of=(r"unable to load full model on GPU",),
        example="unable to load full model on GPU",
    ),
    ServerTextRule(  # Ollama 0.30 and later: the runner died while loading or answering, with a memory text
        ErrorKind.OUT_OF_MEMORY,
        "{name} ran out of memory.",
        _CHANGE_MODEL + ".",
        all_of=(r"llama-server process has terminated|error was encountered while running the model", _OUT_OF_MEMORY),
        example="an error was encountered while running the model: CUDA error: out of memory",
    ),
    ServerTextRule(
        ErrorKind.OUT_OF_MEMORY,
        "The model stopped unexpectedly, most often because memory ran out.",
        _CHANGE_MODEL + "; Ollama's server log has details.",
        all_of=(r"model runner has unexpectedly stopped|llama-server process has terminated",),
        example="model runner has unexpectedly stopped, this may be due to resource limitations or an internal error",
    ),
    ServerTextRule(
        ErrorKind.SERVER_ERROR,
        "The model stopped with an error while answering.",
        "Try again; if it keeps happening, restart Ollama and look at its server log.",
        all_of=(r"error was encountered while running the model",),
        example="an error was encountered while running the model: unexpected EOF",
    ),
    ServerTextRule(
        ErrorKind.THINKING_UNSUPPORTED,
        "{name} cannot show its thinking.",
        "Turn thinking off for this model.",
        all_of=("does not support thinking",),
        example="registry.ollama.ai/library/qwen2:7b does not support thinking",
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "{name} cannot use tools.",
        "Pick another model for this.",
        all_of=("does not support (?:tools|chat)", "tools"),
        example="registry.ollama.ai/library/gemma:2b does not support tools",
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "{name} cannot chat (it is an embedding model).",
        "Pick another model for this.",
        all_of=("does not support chat",),
        example='"nomic-embed-text" does not support chat',
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "{name} runs on ollama.com and needs you to sign in to Ollama.",
        "Sign in with `ollama signin`, or pick a local model.",
        all_of=(r"\Aunauthorized\Z",),
        status=401,
        example="unauthorized",
    ),
    ServerTextRule(
        ErrorKind.SERVER_ERROR,
        "{name} needs Apple's MLX runtime, which this Ollama does not have.",
        "Pick a GGUF version of the model (the Qwen3.5 tags in the list are).",
        all_of=("requires mlx support",),
        example="this model requires MLX support, but the MLX runtime is not available",
    ),
    ServerTextRule(
        ErrorKind.CONNECTION_LOST,
        "The request was cancelled before the model finished loading.",
        "Try again.",
        status=499,
    ),
    ServerTextRule(
        ErrorKind.BUSY,
        "Ollama is busy with other requests.",
        "Wait a moment and try again.",
        all_of=("server busy",),
        status=503,
        example="server busy, please try again.  maximum pending requests exceeded",
    ),
    ServerTextRule(
        ErrorKind.NOT_INSTALLED,
        "{name} is not downloaded in Ollama.",
        "Download it first (Models page, or `{cli} pull MODEL`).",
        all_of=(r"model ['\"].*['\"] not found",),
        status=404,
        case_sensitive=True,
        example='model "qwen3.5:4b" not found, try pulling it first',
    ),
    ServerTextRule(
        ErrorKind.INVALID_REQUEST,
        "Ollama refused the request: {text}",
        "Check the model name and settings.",
        status=400,
    ),
)


def match_server_text(
    text: str, status_code: int | None = None, operation: str = ""
) -> tuple[ServerTextRule, dict[str, str]] | None:
    """The first row of `SERVER_TEXT_RULES` that matches, with the fields its regexes captured; None: no row."""
    for rule in SERVER_TEXT_RULES:
        fields = rule.match(text, status_code, operation)
        if fields is not None:
            return rule, fields
    return None
