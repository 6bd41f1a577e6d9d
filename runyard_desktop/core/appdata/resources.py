"""Package data (icons, catalogue, styles) loaded the same way from a wheel, an editable install
and a frozen bundle: from the folder the import system found the package in, else (a zipped
package) through importlib.resources — never through __file__ arithmetic.

The folder comes from the package's import spec (`submodule_search_locations`), which is what
importlib.resources itself reads for a package on disk; importing importlib.resources (zipfile,
tempfile…) is left for the zipped case, as it cost ≈4 ms before the window's first paint.
"""

from __future__ import annotations

import atexit
import contextlib
from pathlib import Path

import runyard_desktop

_PACKAGE = "runyard_desktop"
_stack = contextlib.ExitStack()
atexit.register(_stack.close)


def _on_disk(parts: tuple[str, ...]) -> Path | None:
    spec = runyard_desktop.__spec__
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(folder, *parts)
        if candidate.is_file():
            return candidate
    return None


def read_text(*parts: str) -> str:
    found = _on_disk(parts)
    if found is not None:
        return found.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files(_PACKAGE).joinpath(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    found = _on_disk(parts)
    if found is not None:
        return found.read_bytes()
    from importlib import resources

    return resources.files(_PACKAGE).joinpath(*parts).read_bytes()


def path(*parts: str) -> Path:
    """A real filesystem path for APIs that need one (QIcon); extracted once if zipped."""
    found = _on_disk(parts)
    if found is not None:
        return found
    from importlib import resources

    return _stack.enter_context(resources.as_file(resources.files(_PACKAGE).joinpath(*parts)))
