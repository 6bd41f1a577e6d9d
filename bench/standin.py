"""The stand-in Ollama (tests/support/fake_ollama.py) in a child process, as a real Ollama runs: it shares
neither the benchmark's GIL nor its memory.

The child prints its URL on its first line and serves until its stdin closes. A child that takes commands
reads one per stdin line and answers each with one line ("ok") once it has acted on it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class Standin:
    """`python argv…`, run from the repository root; `url` is the first line it prints."""

    def __init__(self, *argv: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert self.proc.stdout is not None  # a pipe
        self.url = self.proc.stdout.readline().strip()

    def send(self, command: str) -> None:
        """One command line to the child; returns once the child has answered it."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{command}\n")
        self.proc.stdin.flush()
        self.proc.stdout.readline()  # "ok"

    def stop(self) -> None:
        """Close the child's stdin (its signal to stop) and wait for it."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
