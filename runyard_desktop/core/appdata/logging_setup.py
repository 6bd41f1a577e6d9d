"""Logging to a rotating file in the log dir (plus stderr for warnings), configured at start-up.

The window starts with `rotating=False` (a plain append to the same file) and switches to rotation
once it has painted: `logging.handlers` brings socket, pickle and queue, ≈16 ms before the first paint.
The log file (and each one a rotation starts) is created readable by the user only (0600), in a
folder created 0700: it names models, hosts and file paths.
"""

from __future__ import annotations

import logging
import os
import sys

from runyard_desktop.core.appdata.paths import PRIVATE_DIR, PRIVATE_FILE, AppPaths

_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_MAX_BYTES = 2 * 1024 * 1024
_BACKUPS = 3
# Our handlers carry these names, so a second call replaces them and leaves anyone else's alone.
_FILE_HANDLER = "runyard-desktop.file"
_STDERR_HANDLER = "runyard-desktop.stderr"


def is_ours(handler: logging.Handler) -> bool:
    """True for a handler `configure_logging` attached."""
    return handler.get_name() in (_FILE_HANDLER, _STDERR_HANDLER)


def _create_private(path: str | os.PathLike[str]) -> None:
    """Create `path` 0600 if it does not exist yet, so the handler appends to a private file."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))


def _rotate_private(source: str, dest: str) -> None:
    """`RotatingFileHandler.rotator`: the default rename, then the next file created 0600."""
    if os.path.exists(source):
        os.rename(source, dest)
    _create_private(source)


def configure_logging(paths: AppPaths, *, verbose: bool = False, rotating: bool = True) -> logging.Handler | None:
    """Attach a file handler (rotating unless told not to) to the root logger, replacing ours from an
    earlier call; returns it (None if the dir is unwritable)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for old in list(root.handlers):
        if is_ours(old):
            root.removeHandler(old)
            old.close()
    file_handler: logging.Handler | None = None
    try:
        paths.logs.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        _create_private(paths.log_file)
        if rotating:
            from logging.handlers import RotatingFileHandler

            rotating_handler = RotatingFileHandler(
                paths.log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
            )
            rotating_handler.rotator = _rotate_private
            file_handler = rotating_handler
        else:
            file_handler = logging.FileHandler(paths.log_file, encoding="utf-8")  # appends
    except OSError as exc:
        print(f"runyard-desktop: cannot write logs to {paths.logs}: {exc}", file=sys.stderr)
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    for name, handler in ((_FILE_HANDLER, file_handler), (_STDERR_HANDLER, stderr_handler)):
        if handler is None:
            continue
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.set_name(name)
        root.addHandler(handler)
    return file_handler
