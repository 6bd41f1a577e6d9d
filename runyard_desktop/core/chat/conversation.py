"""Pure transcript operations: the records a conversation is made of and what is sent to the model.

- `build_chat_messages` turns stored turns into the `messages` list of `/api/chat`: the system prompt
  first, documents inlined into the user turn they were attached to, images as base64, and earlier
  *thinking never sent back* (it would eat the context and the model does not expect it).
- `regenerate_cut` / `edit_cut` say which stored turns to drop to redo the last reply or resend an
  edited last user message.
- `context_usage` is the meter: real counts from the last reply (`prompt_eval_count + eval_count`)
  when there is one, an estimate otherwise, against the `num_ctx` that will be sent.
- `summarize_prompt` is the "Summarize document" request.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.types import ChatMetrics

STATUS_COMPLETE = "complete"
STATUS_STREAMING = "streaming"
STATUS_STOPPED = "stopped"
STATUS_FAILED = "failed"
STATUSES = (STATUS_COMPLETE, STATUS_STREAMING, STATUS_STOPPED, STATUS_FAILED)

KIND_TEXT = "text"
KIND_IMAGE = "image"

DEFAULT_CONTEXT = 4096  # Ollama's default num_ctx below 24 GiB of VRAM (ollama-api.md §2.1)
WARN_FRACTION = 0.85
CHARS_PER_TOKEN = 4.0
IMAGE_TOKENS = 768  # rough cost of one image for Qwen-VL style encoders; shown as an estimate


def estimate_tokens(text: str) -> int:
    """A cheap, deliberately slightly high estimate (≈4 characters per token for prose and code)."""
    return tokens_for_length(len(text))


def tokens_for_length(chars: int) -> int:
    """`estimate_tokens` of a text `chars` characters long (for text kept only as a running count)."""
    return max(1, math.ceil(chars / CHARS_PER_TOKEN)) if chars else 0


@dataclass(frozen=True)
class Attachment:
    """A file attached to a user turn: document text, or an image as base64."""

    kind: str  # KIND_TEXT or KIND_IMAGE
    name: str
    text: str = ""  # KIND_TEXT: the decoded text
    data_b64: str = ""  # KIND_IMAGE: base64 of the file's bytes
    tokens: int = 0
    notice: str = ""  # e.g. "notes.txt is not UTF-8; it was read as Windows-1252, …"
    read_as: str = ""  # the 8-bit encoding a text that is not UTF-8 was read as ("Windows-1252", "Latin-1")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "text": self.text,
            "data_b64": self.data_b64,
            "tokens": self.tokens,
            "notice": self.notice,
            "read_as": self.read_as,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Attachment:
        return cls(
            kind=str(data["kind"]),
            name=str(data["name"]),
            text=str(data.get("text", "")),
            data_b64=str(data.get("data_b64", "")),
            tokens=int(data.get("tokens", 0)),
            notice=str(data.get("notice", "")),
            read_as=str(data.get("read_as", "")),
        )


@dataclass(frozen=True)
class ReplyMetrics:
    """Numbers behind one reply, from Ollama's final chunk plus the client's own timing."""

    model: str = ""
    prompt_eval_count: int = 0
    eval_count: int = 0
    eval_duration_s: float = 0.0
    prompt_eval_duration_s: float = 0.0
    load_duration_s: float = 0.0
    total_duration_s: float = 0.0
    ttft_s: float | None = None  # request sent → first token (thinking or content), client-side
    num_ctx: int | None = None  # the context the request asked for
    done_reason: str = ""
    thinking_s: float | None = None  # first thinking token → first answer token, client-side
    cpu_only: bool = False  # the request asked Ollama for no GPU layers (num_gpu 0)

    @classmethod
    def from_chat(
        cls, m: ChatMetrics, *, model: str, num_ctx: int | None, cpu_only: bool, thinking_s: float | None = None
    ) -> ReplyMetrics:
        """The stored numbers of a reply from the stream's final metrics and what the request asked for."""
        return cls(
            model=model,
            prompt_eval_count=m.prompt_eval_count,
            eval_count=m.eval_count,
            eval_duration_s=m.eval_s or 0.0,
            prompt_eval_duration_s=m.prompt_eval_s or 0.0,
            load_duration_s=m.load_s or 0.0,
            total_duration_s=m.total_s or 0.0,
            ttft_s=m.ttft_s,
            num_ctx=num_ctx,
            done_reason=m.done_reason,
            thinking_s=thinking_s,
            cpu_only=cpu_only,
        )

    @property
    def tokens_per_s(self) -> float | None:
        if self.eval_count <= 0 or self.eval_duration_s <= 0:
            return None
        return self.eval_count / self.eval_duration_s

    @property
    def context_tokens(self) -> int:
        return self.prompt_eval_count + self.eval_count

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReplyMetrics:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def summary(self) -> str:
        """'41.2 tok/s · 512 tokens · first token 0.84 s · qwen3.5:9b' (then '· CPU only' when it was)."""
        parts = []
        if self.tokens_per_s is not None:
            parts.append(f"{self.tokens_per_s:.1f} tok/s")
        if self.eval_count:
            parts.append(f"{self.eval_count:,} tokens")
        if self.ttft_s is not None:
            parts.append(f"first token {self.ttft_s:.2f} s")
        if self.model:
            parts.append(self.model)
        if self.cpu_only:
            parts.append("CPU only")
        return " · ".join(parts)


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str = ""
    model: str = ""
    system_prompt: str = ""
    temperature: float | None = None
    num_ctx: int | None = None
    think: bool = True
    created_at: float = 0.0
    updated_at: float = 0.0
    cpu_only: bool = False  # "Run on the CPU only": Ollama's num_gpu 0 with each request

    @property
    def display_title(self) -> str:
        return self.title or "New conversation"


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str  # "user" | "assistant" | "system"
    content: str = ""
    thinking: str = ""
    status: str = STATUS_COMPLETE
    model: str = ""
    metrics: ReplyMetrics | None = None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    error: str = ""
    created_at: float = 0.0


def title_from_text(text: str, limit: int = 48) -> str:
    """A conversation title from its first user message: first line, trimmed at a word."""
    line = " ".join(text.strip().split())
    if len(line) <= limit:
        return line or "New conversation"
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut + "…"


def document_block(attachment: Attachment) -> str:
    """How a document is placed in the prompt: fenced, named, before the user's words."""
    return f'Attached document "{attachment.name}":\n<document>\n{attachment.text}\n</document>\n\n'


def user_turn_content(message: Message) -> str:
    docs = "".join(document_block(a) for a in message.attachments if a.kind == KIND_TEXT)
    return docs + message.content


def build_chat_messages(conversation: Conversation, messages: Sequence[Message]) -> list[dict[str, Any]]:
    """The `messages` for /api/chat. Earlier thinking is not sent back; empty failed replies are skipped."""
    out: list[dict[str, Any]] = []
    if conversation.system_prompt.strip():
        out.append({"role": "system", "content": conversation.system_prompt})
    for message in messages:
        if message.role == "user":
            entry: dict[str, Any] = {"role": "user", "content": user_turn_content(message)}
            images = [a.data_b64 for a in message.attachments if a.kind == KIND_IMAGE]
            if images:
                entry["images"] = images
            out.append(entry)
        elif message.role == "assistant":
            if message.status == STATUS_STREAMING or not message.content.strip():
                continue
            out.append({"role": "assistant", "content": message.content})
    return out


def last_user_index(messages: Sequence[Message]) -> int | None:
    for i in range(len(messages) - 1, -1, -1):
        if messages[i].role == "user":
            return i
    return None


def regenerate_cut(messages: Sequence[Message]) -> list[Message]:
    """The replies to drop to regenerate: everything after the last user message."""
    i = last_user_index(messages)
    return [] if i is None else list(messages[i + 1 :])


def edit_cut(messages: Sequence[Message]) -> tuple[Message | None, list[Message]]:
    """For "edit last user message and resend": (that message, the replies after it to drop)."""
    i = last_user_index(messages)
    if i is None:
        return None, []
    return messages[i], list(messages[i + 1 :])


@dataclass(frozen=True)
class ContextUsage:
    used: int
    limit: int
    estimated: bool  # True when no reply has reported real counts yet

    @property
    def fraction(self) -> float:
        return 0.0 if self.limit <= 0 else self.used / self.limit

    @property
    def level(self) -> str:
        """'ok', 'warn' (≥85 %: the next turns may not fit) or 'over' (Ollama would truncate)."""
        if self.fraction >= 1.0:
            return "over"
        if self.fraction >= WARN_FRACTION:
            return "warn"
        return "ok"

    def text(self) -> str:
        approx = "≈ " if self.estimated else ""
        return f"{approx}{self.used:,} of {self.limit:,} tokens"


def attachment_tokens(a: Attachment) -> int:
    """Its own count when known, else a fixed cost for an image or an estimate from the text."""
    return a.tokens or (IMAGE_TOKENS if a.kind == KIND_IMAGE else estimate_tokens(a.text))


def message_tokens(message: Message) -> int:
    return estimate_tokens(message.content) + sum(attachment_tokens(a) for a in message.attachments)


def context_usage(
    conversation: Conversation,
    messages: Sequence[Message],
    *,
    pending_text: str = "",
    pending: Sequence[Attachment] = (),
    limit: int | None = None,
) -> ContextUsage:
    """Tokens the next request would use. Real counts up to the last measured reply, estimates after."""
    ctx = limit or conversation.num_ctx or DEFAULT_CONTEXT
    used = estimate_tokens(conversation.system_prompt)
    start = 0
    estimated = True
    for i in range(len(messages) - 1, -1, -1):
        m = messages[i].metrics
        if messages[i].role == "assistant" and m is not None and m.context_tokens > 0:
            used, start, estimated = m.context_tokens, i + 1, False
            break
    for message in messages[start:]:
        if message.role == "assistant" and message.status == STATUS_STREAMING:
            continue
        used += message_tokens(message)
    used += estimate_tokens(pending_text) + sum(attachment_tokens(a) for a in pending)
    return ContextUsage(used=used, limit=ctx, estimated=estimated)


def context_needed(usage: ContextUsage, reply_room: int = 1024) -> int:
    """The smallest power-of-two-ish context (multiple of 1024) that holds `usage` plus room to reply."""
    need = usage.used + reply_room
    return int(math.ceil(need / 1024.0) * 1024)


CONTEXT_CHOICES = (2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144)


@dataclass(frozen=True)
class ContextOffer:
    """What to tell the user when the conversation plus attachments overflow the context."""

    text: str
    raise_to: int | None  # a context to offer ("Raise context to N"), or None: only explain


def context_offer(usage: ContextUsage, model: str, largest: int | None) -> ContextOffer | None:
    """None when everything fits. `largest`: the most this machine holds for `model` (None: unknown)."""
    if usage.level != "over":
        return None
    need = context_needed(usage)
    target = next((n for n in CONTEXT_CHOICES if n >= need), None)
    if target is not None and (largest is None or target <= largest):
        return ContextOffer(f"The attachments need ≈ {usage.used:,} tokens but the context is {usage.limit:,}.", target)
    if largest is not None and largest > usage.limit:
        return ContextOffer(
            f"The attachments need ≈ {usage.used:,} tokens; this machine holds at most {largest:,} for {model} "
            "and the rest would be cut off. Attach a shorter part for a complete answer.",
            largest,
        )
    return ContextOffer(
        f"The attachments need ≈ {usage.used:,} tokens but {model} can use only {usage.limit:,} on this machine; "
        "Ollama would cut off the start. Attach a shorter part, or pick a smaller model that leaves room for a "
        "longer context.",
        None,
    )


SUMMARIZE_REQUEST = (
    "Summarize the attached document{name} concisely. Keep every key number, date, name and decision, "
    "and list open questions or action items if there are any. Use short Markdown bullet points under "
    "a one-sentence overview."
)


def summarize_prompt(names: Sequence[str] = ()) -> str:
    label = ""
    if len(names) == 1:
        label = f' "{names[0]}"'
    elif names:
        label = "s " + ", ".join(f'"{n}"' for n in names)
    return SUMMARIZE_REQUEST.format(name=label)
