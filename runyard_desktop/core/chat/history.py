"""Chat history on disk: one SQLite database (WAL) holding conversations and their messages.

Nothing is ever lost on purpose:
- the user's message is stored before it is sent (`add_message`);
- a reply is created as `streaming` and rewritten as it grows (`update_reply`), at a bounded rate
  decided by `ReplyRecorder`; every write is its own committed transaction, so a crash or a kill
  keeps everything up to the last flush (WAL + synchronous=NORMAL survives a process kill);
- replies left `streaming` by a crash are marked `stopped` ("interrupted") on the next open;
- a database that SQLite cannot read, or whose tables or columns are not the expected ones, is moved
  aside (never emptied) and a fresh one started; `HistoryStore.recovered_from` then names the damaged
  copy so the UI can say so. A passing condition (another program holds a lock, the disk is full, no
  permission) is never damage: it raises `HistoryError` with a plain sentence, and the file stays;
- a lock held by another program is waited for `LOCK_WAIT_S` at most, not SQLite's default 5 s;
  `open_history` (run off the GUI thread by the app) keeps trying to open a locked file for a few
  seconds before it gives up with the plain message;
- the file is created readable by the user only (0600, its folder 0700).

The store may be opened on a worker thread (`open_history`, so a lock never freezes the window), then
is used from the GUI thread only: writes take under 1 ms, but a long reply's rewrite (~3-15 ms a MB)
is paced by `ReplyRecorder` to ≤ 5 % of that thread. Migrations: `_MIGRATIONS`, by `user_version`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from runyard_desktop.core.chat.conversation import (
    STATUS_COMPLETE,
    STATUS_STOPPED,
    STATUS_STREAMING,
    Attachment,
    Conversation,
    Message,
    ReplyMetrics,
)
from runyard_desktop.core.chat.history_rows import (
    CONVERSATION_SELECT,
    MESSAGE_SELECT,
    conversation_from_row,
    dump_attachments,
    dump_metrics,
    message_from_row,
)
from runyard_desktop.core.chat.history_schema import (
    check_schema,
    create_private,
    is_damage,
    is_locked,
    plain_problem,
)
from runyard_desktop.core.chat.reply_recorder import ReplyRecorder

__all__ = ["SCHEMA_VERSION", "HistoryError", "HistoryStore", "ReplyRecorder", "open_history"]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
INTERRUPTED_NOTE = "Interrupted: Runyard closed before this reply finished."
LOCK_WAIT_S = 0.25  # how long one statement waits for another program's lock before failing
OPEN_RETRY_S = 3.0  # how long `open_history` keeps trying a locked file (off the GUI thread)


class HistoryError(Exception):
    """The history database could not be opened or written; `str()` is a plain message.
    `locked` is True when another program holds the file (worth waiting for, see `open_history`)."""

    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.locked = locked


def _v0_to_v1(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            system_prompt TEXT NOT NULL DEFAULT '',
            temperature REAL,
            num_ctx INTEGER,
            think INTEGER NOT NULL DEFAULT 1,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            thinking TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'complete',
            model TEXT NOT NULL DEFAULT '',
            metrics TEXT,
            attachments TEXT,
            error TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
        """
    )


def _v1_to_v2(db: sqlite3.Connection) -> None:
    # v2: soft delete, so "Delete" can be undone until the store purges it.
    db.execute("ALTER TABLE conversations ADD COLUMN deleted_at REAL")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    # v3: the chat Parameters' "Run on the CPU only" (Ollama's num_gpu 0), kept per conversation.
    db.execute("ALTER TABLE conversations ADD COLUMN cpu_only INTEGER NOT NULL DEFAULT 0")


_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def open_history(
    path: Path,
    *,
    retry_s: float = OPEN_RETRY_S,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> HistoryStore:
    """Open the history, trying again for `retry_s` while another program holds a lock. It blocks:
    call it off the GUI thread. Raises the last `HistoryError` (plain) when it stays locked."""
    deadline = clock() + retry_s
    while True:
        try:
            return HistoryStore(path)
        except HistoryError as exc:
            if not exc.locked or clock() >= deadline:
                raise
            log.info("history database %s is locked; trying again", path)
        sleep(min(LOCK_WAIT_S, max(0.0, deadline - clock())))


class HistoryStore:
    """Conversations and messages in SQLite. Every public method commits before it returns."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self.recovered_from: Path | None = None
        self.interrupted_replies = 0
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise HistoryError(plain_problem(exc, path), locked=is_locked(exc)) from exc
            self.recovered_from = self._move_aside(exc)
            try:
                self._db = self._open()
            except sqlite3.Error as again:
                raise HistoryError(plain_problem(again, path), locked=is_locked(again)) from again

    # ---- opening, damage, migrations -------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Connect, migrate, check the schema, mark interrupted replies and purge deleted conversations:
        any of them failing on a damaged file raises here, inside the move-aside recovery."""
        create_private(self.path)
        db = sqlite3.connect(self.path, timeout=LOCK_WAIT_S, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            # Reading the schema proves the file is a database. No full integrity check here: it
            # reads the whole file, which would slow every start once the history is large.
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._migrate(db)
            check_schema(db)
            self.interrupted_replies = self._mark_interrupted(db)
            self._purge(db, 0.0)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"The conversation history was written by a newer Runyard (schema {version}). "
                "Update Runyard to open it."
            )
        for step in range(version, SCHEMA_VERSION):
            with db:
                db.execute("BEGIN")
                _MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version={step + 1}")
            log.info("history schema migrated to v%d", step + 1)

    def _move_aside(self, exc: Exception) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
            n += 1
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
        log.error("history database %s is damaged (%s); moved to %s, starting a fresh one", self.path, exc, aside)
        return aside

    @staticmethod
    def _mark_interrupted(db: sqlite3.Connection) -> int:
        cur = db.execute(
            "UPDATE messages SET status=?, error=? WHERE status=?",
            (STATUS_STOPPED, INTERRUPTED_NOTE, STATUS_STREAMING),
        )
        return cur.rowcount

    def close(self) -> None:
        try:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # a checkpoint is an optimisation; the WAL is replayed on the next open anyway
        self._db.close()

    # ---- conversations -------------------------------------------------------------------

    def create_conversation(
        self,
        *,
        model: str = "",
        title: str = "",
        system_prompt: str = "",
        temperature: float | None = None,
        num_ctx: int | None = None,
        think: bool = True,
        cpu_only: bool = False,
    ) -> Conversation:
        now = self._clock()
        cur = self._db.execute(
            "INSERT INTO conversations (title, model, system_prompt, temperature, num_ctx, think, cpu_only,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (title, model, system_prompt, temperature, num_ctx, int(think), int(cpu_only), now, now),
        )
        return self.conversation(int(cur.lastrowid or 0))

    def conversation(self, conversation_id: int) -> Conversation:
        row = self._db.execute(
            CONVERSATION_SELECT + " WHERE id=?",
            (conversation_id,),
        ).fetchone()
        if row is None:
            raise KeyError(conversation_id)
        return conversation_from_row(row)

    def conversations(self) -> list[Conversation]:
        """Every live conversation, most recently used first."""
        rows = self._db.execute(
            CONVERSATION_SELECT + " WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC"
        ).fetchall()
        return [conversation_from_row(r) for r in rows]

    def update_conversation(self, conversation: Conversation) -> Conversation:
        """Save title, model and parameters; returns the stored record."""
        self._db.execute(
            "UPDATE conversations SET title=?, model=?, system_prompt=?, temperature=?, num_ctx=?, think=?, cpu_only=?"
            " WHERE id=?",
            (
                conversation.title,
                conversation.model,
                conversation.system_prompt,
                conversation.temperature,
                conversation.num_ctx,
                int(conversation.think),
                int(conversation.cpu_only),
                conversation.id,
            ),
        )
        return self.conversation(conversation.id)

    def touch(self, conversation_id: int) -> None:
        self._db.execute("UPDATE conversations SET updated_at=? WHERE id=?", (self._clock(), conversation_id))

    def delete_conversation(self, conversation_id: int) -> None:
        """Soft delete: hidden at once, kept until `purge_deleted` so `restore_conversation` can undo it."""
        self._db.execute("UPDATE conversations SET deleted_at=? WHERE id=?", (self._clock(), conversation_id))

    def restore_conversation(self, conversation_id: int) -> None:
        self._db.execute("UPDATE conversations SET deleted_at=NULL WHERE id=?", (conversation_id,))

    def purge_deleted(self, older_than_s: float = 0.0) -> int:
        """Really remove soft-deleted conversations (and their messages)."""
        return self._purge(self._db, older_than_s)

    def _purge(self, db: sqlite3.Connection, older_than_s: float) -> int:
        cutoff = self._clock() - older_than_s
        cur = db.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?", (cutoff,))
        return cur.rowcount

    def search(self, query: str) -> set[int]:
        """Ids of live conversations whose title or any message contains `query` (case-insensitive)."""
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._db.execute(
            "SELECT id FROM conversations WHERE deleted_at IS NULL AND (title LIKE ? ESCAPE '\\' OR id IN"
            " (SELECT conversation_id FROM messages WHERE content LIKE ? ESCAPE '\\'))",
            (pattern, pattern),
        ).fetchall()
        return {int(r[0]) for r in rows}

    # ---- messages ------------------------------------------------------------------------

    def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str,
        *,
        attachments: Iterable[Attachment] = (),
        status: str = STATUS_COMPLETE,
        model: str = "",
    ) -> Message:
        """Store one message now (the user's turn is stored before it is sent)."""
        now = self._clock()
        with self._db:
            self._db.execute("BEGIN")
            cur = self._db.execute(
                "INSERT INTO messages (conversation_id, role, content, status, model, attachments, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (conversation_id, role, content, status, model, dump_attachments(attachments), now, now),
            )
            self._db.execute("UPDATE conversations SET updated_at=? WHERE id=?", (now, conversation_id))
        return self.message(int(cur.lastrowid or 0))

    def begin_reply(self, conversation_id: int, model: str) -> Message:
        return self.add_message(conversation_id, "assistant", "", status=STATUS_STREAMING, model=model)

    def update_reply(self, message_id: int, content: str, thinking: str) -> None:
        """Rewrite a streaming reply's text so far (called at a bounded rate by `ReplyRecorder`)."""
        self._db.execute(
            "UPDATE messages SET content=?, thinking=?, updated_at=? WHERE id=?",
            (content, thinking, self._clock(), message_id),
        )

    def finish_reply(
        self,
        message_id: int,
        *,
        content: str,
        thinking: str,
        status: str,
        metrics: ReplyMetrics | None = None,
        error: str = "",
    ) -> Message:
        self._db.execute(
            "UPDATE messages SET content=?, thinking=?, status=?, metrics=?, error=?, updated_at=? WHERE id=?",
            (content, thinking, status, dump_metrics(metrics), error, self._clock(), message_id),
        )
        return self.message(message_id)

    def update_message_content(self, message_id: int, content: str) -> Message:
        self._db.execute("UPDATE messages SET content=?, updated_at=? WHERE id=?", (content, self._clock(), message_id))
        return self.message(message_id)

    def delete_messages(self, message_ids: Iterable[int]) -> None:
        ids = list(message_ids)
        if ids:
            self._db.executemany("DELETE FROM messages WHERE id=?", [(i,) for i in ids])

    def message(self, message_id: int) -> Message:
        row = self._db.execute(MESSAGE_SELECT + " WHERE id=?", (message_id,)).fetchone()
        if row is None:
            raise KeyError(message_id)
        return message_from_row(row)

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self._db.execute(MESSAGE_SELECT + " WHERE conversation_id=? ORDER BY id", (conversation_id,)).fetchall()
        return [message_from_row(r) for r in rows]

    def messages_tail(self, conversation_id: int, limit: int) -> tuple[list[Message], int]:
        """The last `limit` messages (oldest first) and how many older ones were left out."""
        rows = self._db.execute(
            MESSAGE_SELECT + " WHERE conversation_id=? ORDER BY id DESC LIMIT ?", (conversation_id, limit)
        ).fetchall()
        older = self.message_count(conversation_id) - len(rows) if len(rows) == limit else 0
        return [message_from_row(r) for r in reversed(rows)], older

    def content_chars(self, conversation_id: int, before_id: int) -> int:
        """Characters of text in messages older than `before_id` (for an estimate without loading them)."""
        row = self._db.execute(
            "SELECT COALESCE(SUM(LENGTH(content)), 0) FROM messages WHERE conversation_id=? AND id<?",
            (conversation_id, before_id),
        ).fetchone()
        return int(row[0])

    def message_count(self, conversation_id: int) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM messages WHERE conversation_id=?", (conversation_id,)).fetchone()
        return int(row[0])
