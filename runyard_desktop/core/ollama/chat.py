"""Chat as pure code: whether to send `think`, metrics from the final chunk, and "will it fit" estimates."""

from __future__ import annotations

from typing import Any

from runyard_desktop.core.ollama.types import ChatMetrics, ChatRequest, ModelInfo

NS = 1_000_000_000
# Rough: English text with Qwen's tokenizer is ~4 characters per token; we err on the side of warning.
CHARS_PER_TOKEN = 3.5
DEFAULT_NUM_CTX = 4096  # what Ollama uses on small machines when num_ctx is not set (v0.6.7+)


def think_value(request: ChatRequest, info: ModelInfo | None) -> tuple[bool | str | None, bool]:
    """(value to send, dropped). Thinking is only requested where `show` lists the capability.

    Unknown capabilities (old server, or show failed) pass the request through; the server's
    "does not support thinking" answer is then handled by retrying without it.
    """
    wanted = request.think
    if wanted is None:
        return None, False
    if info is not None and info.capabilities is not None and not info.can_think:
        return None, bool(wanted)  # false on a non-thinking model is just omitted
    return wanted, False


def _seconds(ns: Any) -> float | None:
    return ns / NS if isinstance(ns, (int, float)) and ns > 0 else None


def metrics_from_final(chunk: Any, ttft_s: float | None, *, thinking_dropped: bool = False) -> ChatMetrics:
    """Build ChatMetrics from the `done: true` chunk (an ollama ChatResponse or a mapping)."""
    get = chunk.get if isinstance(chunk, dict) else lambda k, d=None: getattr(chunk, k, d)
    eval_count = int(get("eval_count") or 0)
    eval_s = _seconds(get("eval_duration"))
    return ChatMetrics(
        done_reason=str(get("done_reason") or ""),
        ttft_s=ttft_s,
        tokens_per_s=eval_count / eval_s if eval_s and eval_count else None,
        prompt_eval_count=int(get("prompt_eval_count") or 0),
        eval_count=eval_count,
        prompt_eval_s=_seconds(get("prompt_eval_duration")),
        eval_s=eval_s,
        load_s=_seconds(get("load_duration")),
        total_s=_seconds(get("total_duration")),
        thinking_dropped=thinking_dropped,
    )


def estimate_tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


def fits_context(document: str, num_ctx: int, *, reserve_tokens: int = 1024) -> tuple[bool, int]:
    """(fits, estimated tokens). Reserve room for the question and the answer."""
    tokens = estimate_tokens(document)
    return tokens + reserve_tokens <= num_ctx, tokens
