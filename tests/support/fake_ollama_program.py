"""A stand-in `ollama` program (a POSIX shell script) for tests that start `ollama serve`."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `ollama serve`'s stand-in: the fake server on $OLLAMA_HOST's port, as the real one listens there.
SERVE_STAND_IN = (
    f'cd "{ROOT}" && exec "{sys.executable}" -m tests.support.fake_ollama --port "${{OLLAMA_HOST##*:}}" --tick 0.01'
)


def fake_ollama_program(path: Path, body: str = SERVE_STAND_IN) -> Path:
    """An executable `ollama` at `path`: `ollama serve` runs `body` (default: the stand-in server), any
    other command exits 2."""
    path.write_text(f'#!/bin/sh\n[ "$1" = serve ] || exit 2\n{body}\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path
