"""Small JSON files kept on disk (settings, measurements): atomic writes and damaged files moved aside.

A write goes to a temp file in the same directory, is fsynced, then `os.replace`d over the old one,
so a crash leaves either the old file or the new one; `mkstemp` creates it readable by the user only
(0600), in a folder created 0700. A file that cannot be read is moved to
`<name>.damaged.json` and logged, never silently emptied. `tempfile` is imported only when writing:
settings are read on the start-up path.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from runyard_desktop.core.appdata.paths import PRIVATE_DIR


def write_json_atomic(path: Path, data: Any, *, prefix: str, sort_keys: bool = False) -> None:
    """Write `data` as indented JSON to `path` atomically (temp file named `prefix…json`, fsync, replace)."""
    import tempfile  # only when saving: keeps random/shutil off the start-up path

    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=sort_keys)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def move_aside(path: Path, reason: object, log: logging.Logger, what: str, then: str = "") -> Path:
    """Move a damaged `path` to `<name>.damaged.json` (replacing an older one), logged on `log`; the new path."""
    aside = path.with_suffix(".damaged.json")
    log.warning("%s file %s is damaged (%s); moved to %s%s", what, path, reason, aside, then)
    os.replace(path, aside)
    return aside
