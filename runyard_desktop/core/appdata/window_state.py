"""What the window looked like when it closed: geometry, splitter positions and the page shown.

Kept in `window-state.json` beside the settings, apart from them: it is rewritten at every close, and a
damaged one must never cost the user their settings. The file is untrusted like every file the app reads
(`core/untrusted_file.py`): at most `MAX_STATE_BYTES`, each field checked, and a wrong field, or a file
that cannot be read at all, falls back to "nothing remembered" without a notice (the window then opens
at its default size). Qt's own blobs (`saveGeometry`, `QSplitter.saveState`) travel as base64 text, and
Qt validates them again when they are restored.
"""

from __future__ import annotations

import base64
import binascii
import logging
from pathlib import Path
from typing import Any

from runyard_desktop.core.appdata.json_files import write_json_atomic
from runyard_desktop.core.untrusted_file import read_untrusted_json

log = logging.getLogger(__name__)

MAX_STATE_BYTES = 64 * 1024  # a real file is well under 1 KiB
MAX_BLOB_CHARS = 4096  # base64 of a geometry or splitter state (≈60-100 bytes each)
MAX_SPLITTERS = 16
MAX_NAME_CHARS = 64  # page keys and splitter objectNames: an ASCII letter, then letters, digits or _


class WindowState:
    """`geometry`/`splitters` hold base64 text of Qt's saved state ("" / absent: none remembered).

    A plain class, not a dataclass: building a dataclass costs ≈1 ms, and this is read before the first
    paint. Treat it as immutable."""

    __slots__ = ("geometry", "page", "splitters")

    def __init__(self, geometry: str = "", page: str = "", splitters: dict[str, str] | None = None) -> None:
        self.geometry = geometry
        self.page = page
        self.splitters: dict[str, str] = dict(splitters or {})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WindowState):
            return NotImplemented
        return self.to_json() == other.to_json()

    def __repr__(self) -> str:
        return f"WindowState({self.geometry!r}, {self.page!r}, {self.splitters!r})"

    def to_json(self) -> dict[str, Any]:
        return {"geometry": self.geometry, "page": self.page, "splitters": dict(self.splitters)}


def _is_blob(value: object) -> bool:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_BLOB_CHARS:
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def is_name(value: object) -> bool:
    # No `re`: this module is read before the window's first paint, and `re` is not loaded by then.
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_NAME_CHARS
        and value.isascii()
        and value[0].isalpha()
        and value.replace("_", "a").isalnum()
    )


def from_json(data: object) -> WindowState:
    """The state in a parsed file; anything wrong in it is left out (each field on its own)."""
    if not isinstance(data, dict):
        return WindowState()
    geometry = data.get("geometry")
    page = data.get("page")
    splitters = data.get("splitters")
    kept: dict[str, str] = {}
    if isinstance(splitters, dict):
        for name, blob in list(splitters.items())[:MAX_SPLITTERS]:
            if is_name(name) and _is_blob(blob):
                kept[name] = blob
    return WindowState(
        geometry=geometry if isinstance(geometry, str) and _is_blob(geometry) else "",
        page=page if isinstance(page, str) and is_name(page) else "",
        splitters=kept,
    )


def load(path: Path) -> WindowState:
    """The remembered state, or an empty one when the file is missing, refused or damaged."""
    try:
        data = read_untrusted_json(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return WindowState()
    except (ValueError, TypeError, RecursionError, OSError) as exc:
        log.warning("window state %s not used: %s", path, exc)
        return WindowState()
    return from_json(data)


def save(state: WindowState, path: Path) -> None:
    """Write atomically (see json_files); raises OSError when the disk refuses."""
    write_json_atomic(path, state.to_json(), prefix=".window-state-", sort_keys=True)
