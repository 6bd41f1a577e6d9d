"""Package data (icons, catalogue, styles) loaded the same way from a wheel, an editable install
and a frozen bundle: through importlib.resources, never through __file__ arithmetic."""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

_PACKAGE = "runyard_desktop"
_stack = contextlib.ExitStack()
atexit.register(_stack.close)


def read_text(*parts: str) -> str:
    return resources.files(_PACKAGE).joinpath(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resources.files(_PACKAGE).joinpath(*parts).read_bytes()


def path(*parts: str) -> Path:
    """A real filesystem path for APIs that need one (QIcon); extracted once if zipped."""
    return _stack.enter_context(resources.as_file(resources.files(_PACKAGE).joinpath(*parts)))
