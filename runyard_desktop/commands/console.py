"""The terminal streams the CLI writes to: UTF-8 everywhere, harmless when missing, redraws that work.

`prepare_streams()` runs first in `cli.main` (pip-installed script, `python -m`, or the frozen app):

- stdout and stderr are re-opened as UTF-8. Python picks the locale's code page for a pipe or a file
  (cp1252 on most Windows machines), and the `fit` table's "≥"/"★", `fit --json` (ensure_ascii=False)
  and chat replies with emoji or CJK would raise UnicodeEncodeError there. stdout replaces what still
  cannot be encoded (a lone surrogate); stderr writes it as a backslash escape, as Python does.
- stdin, when it is a pipe or a file (`chat MODEL < notes.txt`), is read as UTF-8 too; undecodable
  bytes become U+FFFD instead of an exception. A console keeps its own encoding (UTF-16 on Windows).
- A missing stream (None: pythonw, the windowed Runyard.exe or .app) becomes the null device, so
  logging, argparse's --help and print() have somewhere to write. A missing stdin is remembered:
  `chat` without a prompt says it has no input instead of ending silently (`stdin_missing()`).

`virtual_terminal(stream)` says whether a terminal understands escape sequences such as "erase line";
on Windows it first switches the console to virtual-terminal processing (the classic console shows
`←[2K` otherwise) and answers False when that cannot be done, so progress redraws with a plain `\\r`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
_STD_HANDLES = {"stdout": -11, "stderr": -12}  # GetStdHandle's STD_OUTPUT_HANDLE, STD_ERROR_HANDLE
_ERRORS = {"stdin": "replace", "stdout": "replace", "stderr": "backslashreplace"}

_stdin_missing = False
_vt_cache: dict[str, bool] = {}


def prepare_streams() -> None:
    """Make stdout/stderr (and piped stdin) UTF-8 and give every missing standard stream the null device."""
    global _stdin_missing
    if sys.stdin is None:
        _stdin_missing = True
        sys.stdin = open(os.devnull, encoding="utf-8")  # lives as long as the process
    elif not sys.stdin.isatty():
        _reconfigure(sys.stdin, _ERRORS["stdin"])  # a piped UTF-8 file is read as UTF-8, not the code page
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        else:
            _reconfigure(stream, _ERRORS[name])


def _reconfigure(stream: Any, errors: str) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:  # not a TextIOWrapper (a test's replacement): left as it is
        return
    try:
        reconfigure(encoding="utf-8", errors=errors)
    except (OSError, ValueError):  # already closed, or the platform refuses: print as before
        pass


def stdin_missing() -> bool:
    """True when the process started with no stdin (a windowed app): nothing can be typed to it."""
    return _stdin_missing


def virtual_terminal(stream: TextIO, platform: str | None = None, kernel32: Any = None) -> bool:
    """True when `stream` is a terminal that acts on ANSI escape sequences (turning them on, on Windows).

    `platform` and `kernel32` stand in for `sys.platform` and `ctypes.windll.kernel32` in tests."""
    try:
        if not stream.isatty():
            return False
    except (OSError, ValueError):
        return False
    if (platform or sys.platform) != "win32":
        return True
    name = "stderr" if stream is sys.stderr else "stdout"
    if name not in _vt_cache or kernel32 is not None:
        _vt_cache[name] = _enable_windows_vt(_STD_HANDLES[name], kernel32)
    return _vt_cache[name]


def _enable_windows_vt(std_handle: int, kernel32: Any = None) -> bool:
    """SetConsoleMode(… | ENABLE_VIRTUAL_TERMINAL_PROCESSING); False where the console refuses (before
    Windows 10 1511, or a console host without it) or the call is unavailable."""
    try:
        import ctypes

        if kernel32 is None:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only
        handle = kernel32.GetStdHandle(std_handle)
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        if mode.value & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
            return True
        return bool(kernel32.SetConsoleMode(handle, mode.value | ENABLE_VIRTUAL_TERMINAL_PROCESSING))
    except (AttributeError, OSError, ValueError):
        return False


def quiet_broken_pipe() -> None:
    """After the reader of stdout went away (`fit --json | head`): point stdout at the null device so
    the interpreter's final flush does not print a second BrokenPipeError. See
    https://docs.python.org/3/library/signal.html#note-on-sigpipe"""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file descriptor (a test's capture)
        pass


def run_quietly_on_broken_pipe(handler: Callable[[], int]) -> int:
    """Run `handler`, then flush stdout; a closed pipe ends the command with exit 1 and no traceback."""
    try:
        code = handler()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        quiet_broken_pipe()
        return 1
