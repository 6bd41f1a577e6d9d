"""Rows of the history database ↔ the frozen records of `core.conversation` (JSON columns included)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from runyard_desktop.core.chat.conversation import Attachment, Conversation, Message, ReplyMetrics

log = logging.getLogger(__name__)

CONVERSATION_SELECT = (  # the columns conversation_from_row reads, in its order
    "SELECT id, title, model, system_prompt, temperature, num_ctx, think, created_at, updated_at, cpu_only"
    " FROM conversations"
)
MESSAGE_SELECT = (
    "SELECT id, conversation_id, role, content, thinking, status, model, metrics, attachments, error, created_at"
    " FROM messages"
)


def conversation_from_row(row: tuple[Any, ...]) -> Conversation:
    return Conversation(
        id=int(row[0]),
        title=str(row[1]),
        model=str(row[2]),
        system_prompt=str(row[3]),
        temperature=None if row[4] is None else float(row[4]),
        num_ctx=None if row[5] is None else int(row[5]),
        think=bool(row[6]),
        created_at=float(row[7]),
        updated_at=float(row[8]),
        cpu_only=bool(row[9]),
    )


def message_from_row(row: tuple[Any, ...]) -> Message:
    return Message(
        id=int(row[0]),
        conversation_id=int(row[1]),
        role=str(row[2]),
        content=str(row[3]),
        thinking=str(row[4]),
        status=str(row[5]),
        model=str(row[6]),
        metrics=load_metrics(row[7]),
        attachments=load_attachments(row[8]),
        error=str(row[9]),
        created_at=float(row[10]),
    )


def dump_metrics(metrics: ReplyMetrics | None) -> str | None:
    return None if metrics is None else json.dumps(metrics.to_json())


def load_metrics(raw: str | None) -> ReplyMetrics | None:
    if not raw:
        return None
    try:
        return ReplyMetrics.from_json(json.loads(raw))
    except (ValueError, TypeError):
        log.warning("unreadable metrics in history: %r", raw[:80])
        return None


def dump_attachments(attachments: Iterable[Attachment]) -> str | None:
    items = [a.to_json() for a in attachments]
    return json.dumps(items) if items else None


def load_attachments(raw: str | None) -> tuple[Attachment, ...]:
    if not raw:
        return ()
    try:
        return tuple(Attachment.from_json(item) for item in json.loads(raw))
    except (ValueError, TypeError, KeyError):
        log.warning("unreadable attachments in history")
        return ()
