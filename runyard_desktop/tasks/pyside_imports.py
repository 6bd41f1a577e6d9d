"""Makes PySide6's per-import source check cheap: ~20 ms off the first paint, 16 MiB off resident memory.

PySide6 replaces `__import__` to support `from __feature__ import snake_case`. After every import it
asks `shibokensupport.feature._mod_uses_pyside(module)`, which calls `inspect.getsource(module)`: the
whole source of every module imported after PySide6 is read, decoded, split into lines and kept in
`linecache` for the life of the process (PYSIDE-2029). Measured here (Python 3.11, PySide6 6.11.3):
18–27 ms for the 84 modules imported before the window paints, 90–160 ms for the ~250 that
`import ollama` brings, and 16 MiB of resident memory held by the cached source lines.

`install()` swaps in a check with the same answer — does the module's source file contain "PySide6"? —
that reads the file's bytes once and keeps nothing. Modules without a `.py` file (extensions, frozen
modules inside a PyInstaller archive) go to the original check, as before. If a PySide6 version no
longer has this hook, `install()` does nothing. We use no `__feature__`, so nothing else changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Protocol, cast

import PySide6.QtCore  # noqa: F401  # creates shibokensupport.feature, the module patched below

_MARK = "_runyard_fast_check"


class _FeatureModule(Protocol):
    """What `install()` uses of `shibokensupport.feature` (a module PySide6 builds at run time)."""

    _mod_uses_pyside: Callable[[ModuleType], object]


def install() -> bool:
    """Replace the check; True if it is (now or already) in place. Safe to call more than once."""
    feature = cast("_FeatureModule | None", sys.modules.get("shibokensupport.feature"))
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as inspect.getsource's OSError in the original

    setattr(mod_uses_pyside, _MARK, True)
    feature._mod_uses_pyside = mod_uses_pyside
    return True
