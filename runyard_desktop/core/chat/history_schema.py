"""What the history database must look like, and which SQLite errors mean damage.

`check_schema` runs after the migrations: a table or column that is missing, or a table that is not
a table, is damage like an unreadable file, so `HistoryStore` moves the file aside instead of failing
on every visit of the Chat page. `is_damage` tells damage (moved aside) from a passing condition
(locked by another program, disk full, no permission) that must never cost the user their history;
`plain_problem` says the latter in a sentence with a next step.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

# The columns every query of history.py and history_rows.py reads, per table (schema v3).
EXPECTED_COLUMNS: dict[str, frozenset[str]] = {
    "conversations": frozenset(
        {
            "id",
            "title",
            "model",
            "system_prompt",
            "temperature",
            "num_ctx",
            "think",
            "cpu_only",
            "created_at",
            "updated_at",
            "deleted_at",
        }
    ),
    "messages": frozenset(
        {
            "id",
            "conversation_id",
            "role",
            "content",
            "thinking",
            "status",
            "model",
            "metrics",
            "attachments",
            "error",
            "created_at",
            "updated_at",
        }
    ),
}

# SQLite primary result codes (sqlite3.h) that say nothing about the file itself.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM = 3, 5, 6, 7
_SQLITE_READONLY, _SQLITE_INTERRUPT, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 9, 10, 13, 14
_PASSING = {_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM, _SQLITE_READONLY, _SQLITE_INTERRUPT}
_PASSING |= {_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN}


class SchemaError(sqlite3.DatabaseError):
    """The file is a database, but not one this version of the history can use."""


def check_schema(db: sqlite3.Connection) -> None:
    """Raise `SchemaError` naming the first missing table or column."""
    kinds = dict(db.execute("SELECT name, type FROM sqlite_master WHERE name IN ('conversations', 'messages')"))
    for table, wanted in EXPECTED_COLUMNS.items():
        if kinds.get(table) != "table":
            raise SchemaError(f"no table {table}")
        have = {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}
        missing = sorted(wanted - have)
        if missing:
            raise SchemaError(f"table {table} lacks {', '.join(missing)}")


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_full(exc: BaseException) -> bool:
    """True for "database or disk is full" (by code, or by text where no code came with it)."""
    if not isinstance(exc, sqlite3.Error):
        return False
    return _code(exc) == _SQLITE_FULL or "database or disk is full" in str(exc)


@contextmanager
def full_disk_as(report: Callable[[str], object], note: str) -> Iterator[None]:
    """Turn a full disk inside the block into `report(note)` (the rest of the block is skipped: callers
    return False after it). Any other database error still raises."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if not is_full(exc):
            raise
        log.warning("history disk full: %s", note)
        report(note)


def is_locked(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.Error):
        return False
    return _code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in str(exc)


def is_damage(exc: sqlite3.Error) -> bool:
    """True when the file itself is unusable (moved aside); False for a passing condition."""
    if isinstance(exc, SchemaError):
        return True
    if is_full(exc) or is_locked(exc):
        return False
    code = _code(exc)
    return code is None or code not in _PASSING


def plain_problem(exc: sqlite3.Error, path: Path) -> str:
    """One sentence with a next step for a passing condition (see `is_damage`)."""
    if is_locked(exc):
        return (
            f"The conversation history ({path}) is locked by another program: another copy of Runyard, "
            "or a tool that has the file open. Close it, then try again."
        )
    if is_full(exc):
        return f"The disk that holds the conversation history ({path.parent}) is full. Free some space and try again."
    return f"The conversation history ({path}) cannot be opened: {exc}. Check the folder's permissions and try again."


def create_private(path: Path) -> None:
    """Create `path` empty and readable by the user only if it does not exist (SQLite gives its
    -wal and -shm files the same permissions); a file that exists is left as it is."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
