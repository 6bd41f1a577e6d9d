"""The history store: WAL, messages stored as they come, bounded streaming writes, damage recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from runyard_desktop.core.chat.conversation import (
    KIND_TEXT,
    STATUS_COMPLETE,
    STATUS_STOPPED,
    STATUS_STREAMING,
    Attachment,
    ReplyMetrics,
)
from runyard_desktop.core.chat.history import SCHEMA_VERSION, HistoryStore, ReplyRecorder


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_store_is_wal_and_versioned(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


def test_conversation_round_trip_with_parameters_and_attachments(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    conv = store.create_conversation(
        model="qwen3.5:4b", system_prompt="Be terse.", temperature=0.3, num_ctx=8192, think=False
    )
    doc = Attachment(kind=KIND_TEXT, name="notes.md", text="# Notes", tokens=2)
    store.add_message(conv.id, "user", "Summarize", attachments=[doc])
    reply = store.begin_reply(conv.id, "qwen3.5:4b")
    metrics = ReplyMetrics(model="qwen3.5:4b", prompt_eval_count=30, eval_count=12, eval_duration_s=0.5, ttft_s=0.2)
    store.finish_reply(reply.id, content="Done.", thinking="hmm", status=STATUS_COMPLETE, metrics=metrics)
    store.close()

    again = HistoryStore(path)
    (c,) = again.conversations()
    assert (c.model, c.system_prompt, c.temperature, c.num_ctx, c.think) == (
        "qwen3.5:4b",
        "Be terse.",
        0.3,
        8192,
        False,
    )
    user, assistant = again.messages(c.id)
    assert user.attachments == (doc,)
    assert (assistant.content, assistant.thinking, assistant.status) == ("Done.", "hmm", STATUS_COMPLETE)
    assert assistant.metrics == metrics and assistant.metrics.tokens_per_s == 24.0
    again.close()


def test_reply_recorder_bounds_the_write_rate(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    conv = store.create_conversation(model="m")
    clock = FakeClock()
    recorder = ReplyRecorder(store, store.begin_reply(conv.id, "m"), interval_s=0.5, clock=clock)
    for i in range(100):  # 100 batches within 0.99 s: at most 2 writes
        clock.now += 0.01
        recorder.append(content=f"t{i} ")
    assert recorder.writes == 1
    assert store.message(recorder.message.id).content.startswith("t0 ")
    recorder.flush()
    assert store.message(recorder.message.id).content == "".join(f"t{i} " for i in range(100))
    assert store.message(recorder.message.id).status == STATUS_STREAMING
    store.close()


def test_streaming_reply_left_by_a_crash_is_marked_stopped(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    conv = store.create_conversation(model="m")
    reply = store.begin_reply(conv.id, "m")
    store.update_reply(reply.id, "partial answer", "")
    # No close(): as if the process died here.
    again = HistoryStore(path)
    assert again.interrupted_replies == 1
    msg = again.message(reply.id)
    assert (msg.content, msg.status) == ("partial answer", STATUS_STOPPED)
    assert "Interrupted" in msg.error
    again.close()
    store.close()


def test_damaged_database_is_moved_aside_not_emptied(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    store = HistoryStore(path)
    assert store.recovered_from is not None and store.recovered_from.exists()
    assert store.recovered_from.read_bytes().startswith(b"this is not a database")
    assert store.conversations() == []
    store.create_conversation(model="m")
    store.close()


def test_migrates_a_v1_database(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    from runyard_desktop.core.chat.history import _v0_to_v1

    _v0_to_v1(db)
    db.execute("INSERT INTO conversations (title, created_at, updated_at) VALUES ('old', 1, 1)")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    store = HistoryStore(path)
    assert [c.title for c in store.conversations()] == ["old"]
    store.close()


def test_soft_delete_restore_and_search(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    a = store.create_conversation(title="Trip to Lisbon")
    b = store.create_conversation(title="Taxes")
    store.add_message(b.id, "user", "What is 50% of 120_000?")
    assert store.search("lisbon") == {a.id}
    assert store.search("50%") == {b.id}
    assert store.search("_000") == {b.id}
    store.delete_conversation(a.id)
    assert [c.id for c in store.conversations()] == [b.id]
    store.restore_conversation(a.id)
    assert {c.id for c in store.conversations()} == {a.id, b.id}
    store.delete_conversation(a.id)
    assert store.purge_deleted() == 1
    store.close()
