"""The history database never blocks or loses silently: wrong schemas, locks, a full disk, permissions."""

from __future__ import annotations

import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from runyard_desktop.core.chat.conversation import STATUS_COMPLETE, STATUS_STREAMING
from runyard_desktop.core.chat.history import HistoryError, HistoryStore, ReplyRecorder


def _store_with_one_message(path: Path) -> None:
    store = HistoryStore(path)
    conv = store.create_conversation(model="qwen3.5:4b")
    store.add_message(conv.id, "user", "keep me")
    store.close()


@pytest.mark.parametrize(
    "damage",
    [
        "DROP TABLE messages",
        "ALTER TABLE conversations DROP COLUMN deleted_at",
        "ALTER TABLE messages DROP COLUMN thinking",
        "DROP TABLE conversations; CREATE VIEW conversations AS SELECT 1 AS id",
    ],
    ids=["missing-table", "missing-column", "missing-message-column", "view-not-table"],
)
def test_wrong_schema_is_moved_aside_like_a_damaged_file(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "h.sqlite3"
    _store_with_one_message(path)
    db = sqlite3.connect(path)
    db.executescript(damage)
    db.close()

    store = HistoryStore(path)  # raised on today's code, on every visit of the Chat page
    try:
        assert store.recovered_from is not None and store.recovered_from.exists()
        assert store.conversations() == []
        conv = store.create_conversation(model="m")
        store.add_message(conv.id, "user", "works again")
        assert [m.content for m in store.messages(conv.id)] == ["works again"]
    finally:
        store.close()
    kept = sqlite3.connect(store.recovered_from)
    try:  # the damaged copy is kept as it was, never emptied
        assert kept.execute("SELECT count(*) FROM conversations").fetchone()[0] >= 1
    finally:
        kept.close()


def test_a_locked_database_is_a_plain_error_and_never_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    _store_with_one_message(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(HistoryError) as caught:
            HistoryStore(path)
        text = str(caught.value)
        assert "locked by another program" in text and "Close it" in text
        assert "sqlite3" not in text.replace(path.name, "")  # no raw error text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []
    store = HistoryStore(path)  # once the lock is gone everything is there
    try:  # a lock is waited for briefly, not SQLite's default 5 s with the window frozen
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] <= 1000
        (conv,) = store.conversations()
        assert [m.content for m in store.messages(conv.id)] == ["keep me"]
    finally:
        store.close()


class FullDisk:
    """A HistoryStore whose writes fail with SQLite's "disk is full" while `full` is True."""

    WRITES: tuple[str, ...] = ("update_reply", "finish_reply", "touch")

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.full = False

    def __getattr__(self, name: str) -> object:
        attr = getattr(self.store, name)
        if name not in self.WRITES:
            return attr

        def write(*args: object, **kwargs: object) -> object:
            if self.full:
                raise sqlite3.OperationalError("database or disk is full")
            return attr(*args, **kwargs)

        return write


def test_recorder_keeps_the_reply_while_the_disk_is_full_and_saves_it_later(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    disk = FullDisk(store)
    conv = store.create_conversation(model="m")
    reply = store.begin_reply(conv.id, "m")
    recorder = ReplyRecorder(disk, reply, interval_s=0.0)  # type: ignore[arg-type]  # FullDisk wraps a HistoryStore
    disk.full = True
    recorder.append(content="Hello ")
    recorder.append(content="world")
    assert recorder.unsaved and recorder.content == "Hello world"
    final = recorder.finish(STATUS_COMPLETE)
    assert (final.content, final.status) == ("Hello world", STATUS_COMPLETE)  # kept in memory
    assert store.message(reply.id).status == STATUS_STREAMING
    assert recorder.retry() is False
    disk.full = False
    assert recorder.retry() is True and not recorder.unsaved
    saved = store.message(reply.id)
    assert (saved.content, saved.status) == ("Hello world", STATUS_COMPLETE)
    store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_database_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "h.sqlite3"
    store = HistoryStore(path)
    store.create_conversation(model="m")
    try:
        for created in (path, Path(f"{path}-wal")):
            assert stat.S_IMODE(created.stat().st_mode) == 0o600, created
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        store.close()
