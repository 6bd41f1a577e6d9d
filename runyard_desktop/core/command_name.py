"""The name a person types to run Runyard's terminal commands here, for messages and `--help`.

- Installed with pip (any OS): the console script `runyard-desktop` (pyproject's `[project.scripts]`).
- The frozen Windows app: `runyard-cli` (the bundle's console program; `Runyard.exe` is a windowed
  program that cannot print — packaging/runyard.spec).
- The frozen Linux and macOS app: the bundle's own program, `Runyard`, which runs commands too.
"""

from __future__ import annotations

import os
import sys

PIP_NAME = "runyard-desktop"
WINDOWS_BUNDLE_NAME = "runyard-cli"


def command_name(frozen: object = None, platform: str | None = None, executable: str | None = None) -> str:
    """`runyard-desktop`, `runyard-cli` or the bundle's program name, as this copy of Runyard was installed."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if not frozen:
        return PIP_NAME
    if (platform or sys.platform) == "win32":
        return WINDOWS_BUNDLE_NAME
    name = os.path.basename(executable if executable is not None else sys.executable)
    return name or "Runyard"
