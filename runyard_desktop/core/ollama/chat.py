"""Chat logic: whether to send `think`, metrics from the final chunk, and one streamed reply.

A reply's text is bounded (`bounds.MAX_REPLY_CHARS`, thinking and answer together): the chunk that
passes the limit is delivered up to it, the stream is closed, and `bounds.reply_too_long` is raised,
so the caller keeps exactly the first MAX_REPLY_CHARS characters and ends the reply as failed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import aclosing
from typing import Any

from runyard_desktop.core.ollama import bounds
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.types import ChatMetrics, ChatRequest, ModelInfo

log = logging.getLogger(__name__)

NS = 1_000_000_000


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


async def stream_reply(
    client: OllamaClient,
    request: ChatRequest,
    info: ModelInfo | None,
    *,
    on_text: Callable[[str, str], None],
    on_event: Callable[[str, str], None],
) -> ChatMetrics:
    """Stream one reply: `on_text(thinking, content)` per chunk, `on_event("streaming"|"notice", text)`.

    Thinking is requested only where the model can think (capabilities from `info`, else fetched with
    show); a "does not support thinking" answer is retried once without it. Cancel the task to stop.
    """
    if info is None and request.think:
        try:
            info = await client.show(request.model)
        except OllamaError as err:
            if err.kind is ErrorKind.NOT_INSTALLED:
                raise
            log.info("show %s failed (%s); sending think as asked", request.model, err.kind.value)
    think, dropped = think_value(request, info)
    notice = f"{request.model} cannot show its thinking; answering without it."
    if dropped:
        on_event("notice", notice)
    try:
        return await _stream(client, request, think, dropped, on_text, on_event)
    except OllamaError as err:
        if err.kind is not ErrorKind.THINKING_UNSUPPORTED or think is None:
            raise
        on_event("notice", notice)
        return await _stream(client, request, None, True, on_text, on_event)


async def _stream(
    client: OllamaClient,
    request: ChatRequest,
    think: bool | str | None,
    dropped: bool,
    on_text: Callable[[str, str], None],
    on_event: Callable[[str, str], None],
) -> ChatMetrics:
    sent = time.monotonic()
    ttft: float | None = None
    first = True
    room = bounds.MAX_REPLY_CHARS  # characters of text still allowed
    async with aclosing(client.chat(request, think=think)) as chunks:  # closed at once when the limit stops it
        async for chunk in chunks:
            if first:
                first = False
                on_event("streaming", "")
            thinking, content = chunk.message.thinking or "", chunk.message.content or ""
            if thinking or content:
                if ttft is None:
                    ttft = time.monotonic() - sent
                if len(thinking) + len(content) > room:
                    thinking = thinking[:room]
                    content = content[: room - len(thinking)]
                    if thinking or content:
                        on_text(thinking, content)
                    raise bounds.reply_too_long(bounds.MAX_REPLY_CHARS)
                room -= len(thinking) + len(content)
                on_text(thinking, content)
            if chunk.done:
                return metrics_from_final(chunk, ttft, thinking_dropped=dropped)
    raise OllamaError(
        ErrorKind.CONNECTION_LOST,
        "The answer ended before it was complete.",
        "Try again; if Ollama crashed, start it again.",
    )
