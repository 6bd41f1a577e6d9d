"""Reading a file whose name, type and size nobody vouches for: regular files only, never more than a cap.

A file the user drops, or a settings file anyone could replace, may be a symlink to `/dev/zero`, a FIFO
(opening it for reading waits for a writer, for ever), a socket, a directory or a file of many
gigabytes. `read_untrusted(path, max_bytes)`:

- follows symlinks and checks the target: anything but a regular file is refused, named by kind
  (`stat()` reports 0 bytes for a device, so the size alone proves nothing);
- refuses a file larger than `max_bytes` before reading it, and reads at most `max_bytes + 1` bytes,
  so a file that grows while it is read is refused too;
- opens with `O_NONBLOCK` where the platform has it and checks the opened file again, so a file
  swapped for a FIFO between the check and the open cannot block either.

`read_untrusted_json(path, max_bytes)` is the same read, decoded as UTF-8 JSON: the one way Runyard
loads a JSON file of its own (settings, window state, measurements, the managed Ollama's record).

`UntrustedFileError` says what the file is and why it was refused; `str()` is a plain sentence.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to open by name
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class UntrustedFileError(ValueError):
    """The file was refused; `str()` names it and says why. `kind`: "missing", "special", "too-large", "unreadable"."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def describe_mode(mode: int) -> str:
    """What a non-regular file is, in words ("a folder", "a device"…)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse_special(path: Path, mode: int) -> UntrustedFileError:
    target = ""
    if path.is_symlink():
        try:
            target = f" (it points to {os.path.realpath(path)})"
        except OSError:
            target = " (it is a link)"
    return UntrustedFileError(f"{path.name} is {describe_mode(mode)}{target}, not a regular file.", "special")


def _refuse_size(path: Path, size: int, max_bytes: int) -> UntrustedFileError:
    return UntrustedFileError(
        f"{path.name} is {size / 1e6:.1f} MB; at most {max_bytes / 1e6:.1f} MB is read.", "too-large"
    )


def _unreadable(path: Path, exc: OSError) -> UntrustedFileError:
    return UntrustedFileError(f"Could not read {path.name}: {exc.strerror or exc}.", "unreadable")


def read_untrusted(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, a regular file of at most `max_bytes`; raises FileNotFoundError when it is
    missing and `UntrustedFileError` for anything else it refuses or cannot read."""
    try:
        info = os.stat(path)  # follows symlinks: the target is what is checked
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise _refuse_special(path, info.st_mode)
    if info.st_size > max_bytes:
        raise _refuse_size(path, info.st_size, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_BINARY)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped between the check and the open
            raise _refuse_special(path, opened.st_mode)
        return _read_capped(path, fd, max_bytes)
    finally:
        os.close(fd)


def read_untrusted_json(path: Path, max_bytes: int) -> Any:
    """`read_untrusted(path, max_bytes)` as JSON. Raises FileNotFoundError when it is missing, ValueError
    when it is refused or is not UTF-8 JSON (UntrustedFileError, UnicodeDecodeError and JSONDecodeError
    are ValueErrors), RecursionError when it is nested too deep."""
    return json.loads(read_untrusted(path, max_bytes).decode("utf-8"))


def _read_capped(path: Path, fd: int, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if total > max_bytes:
        raise _refuse_size(path, total, max_bytes)
    return b"".join(chunks)
