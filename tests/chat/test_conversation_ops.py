"""Pure transcript operations: what is sent, regenerate/edit cuts, the context meter."""

from __future__ import annotations

from runyard_desktop.core.chat.conversation import (
    KIND_IMAGE,
    KIND_TEXT,
    STATUS_FAILED,
    Attachment,
    Conversation,
    Message,
    ReplyMetrics,
    build_chat_messages,
    context_usage,
    edit_cut,
    regenerate_cut,
    summarize_prompt,
    title_from_text,
)

CONV = Conversation(id=1, model="qwen3.5:4b", system_prompt="Be brief.", num_ctx=8192)


def _msgs() -> list[Message]:
    doc = Attachment(kind=KIND_TEXT, name="a.txt", text="DOC BODY", tokens=3)
    img = Attachment(kind=KIND_IMAGE, name="i.png", data_b64="AAAA", tokens=768)
    return [
        Message(1, 1, "user", "Read this", attachments=(doc, img)),
        Message(
            2,
            1,
            "assistant",
            "It says DOC BODY",
            thinking="secret reasoning",
            metrics=ReplyMetrics(prompt_eval_count=3000, eval_count=120),
        ),
        Message(3, 1, "user", "And then?"),
        Message(4, 1, "assistant", "", status=STATUS_FAILED, error="boom"),
    ]


def test_build_messages_drops_thinking_and_empty_failures() -> None:
    sent = build_chat_messages(CONV, _msgs())
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert "DOC BODY" in sent[1]["content"] and sent[1]["content"].endswith("Read this")
    assert sent[1]["images"] == ["AAAA"]
    assert all("thinking" not in m for m in sent)
    assert "secret reasoning" not in repr(sent)


def test_regenerate_and_edit_cuts() -> None:
    msgs = _msgs()
    assert [m.id for m in regenerate_cut(msgs)] == [4]
    last, drop = edit_cut(msgs)
    assert last is not None and last.id == 3 and [m.id for m in drop] == [4]


def test_context_meter_uses_real_counts_then_estimates() -> None:
    usage = context_usage(CONV, _msgs()[:3])
    assert not usage.estimated and usage.used == 3120 + 3  # "And then?" ≈ 3 tokens
    assert usage.text() == "3,123 of 8,192 tokens" and usage.level == "ok"
    big = context_usage(CONV, _msgs()[:3], pending_text="x" * 4 * 5200)
    assert big.level == "over"
    near = context_usage(CONV, _msgs()[:3], pending_text="x" * 4 * 3900)
    assert near.level == "warn"


def test_titles_and_summary_prompt() -> None:
    assert title_from_text("  Hello   there\nfriend ") == "Hello there friend"
    assert title_from_text("word " * 30).endswith("…")
    prompt = summarize_prompt(["q3.md"])
    assert '"q3.md"' in prompt and "number" in prompt and "date" in prompt and "decision" in prompt


def test_context_offer_raises_as_far_as_the_machine_fits_or_explains() -> None:
    from runyard_desktop.core.chat.conversation import ContextUsage, context_offer

    assert context_offer(ContextUsage(3000, 4096, True), "m", 32768) is None
    offer = context_offer(ContextUsage(10_000, 4096, True), "m", 32768)
    assert offer is not None and offer.raise_to == 16384 and "context is 4,096" in offer.text
    capped = context_offer(ContextUsage(60_000, 4096, True), "m", 32768)
    assert capped is not None and capped.raise_to == 32768 and "at most 32,768" in capped.text
    none = context_offer(ContextUsage(60_000, 4096, True), "m", 4096)
    assert none is not None and none.raise_to is None and "shorter part" in none.text
