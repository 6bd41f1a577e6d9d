"""`runyard-desktop install-ollama [--version X.Y.Z]`: Runyard's own Ollama, per user, then its server started.

An Ollama already answering or installed outside Runyard is used and never replaced. Otherwise the
official release for this OS and CPU is downloaded (progress line; Ctrl-C keeps the part, run again
to resume), checked against the release's sha256sum.txt, unpacked, and `ollama serve` is started on
Runyard's host; the command returns once `/api/version` answers. Exit 0 on success, 1 with a plain
message, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from runyard_desktop.commands.ollama_common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, resolve_host, run_loop
from runyard_desktop.commands.progress_line import LineWriter, bar_text
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.terminal_text import terminal_safe

NAME = "install-ollama"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        NAME,
        parents=[common],
        help="install Ollama for this user (no admin rights) and start it, unless an Ollama is already here",
    )
    parser.add_argument("--version", dest="ollama_version", metavar="X.Y.Z", help="a release (default: the latest)")
    parser.set_defaults(handler=run)


class ProgressLine:
    """One redrawn line on a terminal (≤ 10/s); otherwise a line every few seconds."""

    def __init__(self, out: TextIO, *, ansi: bool | None = None) -> None:
        self.line = LineWriter(out, ansi=ansi)
        self.last = float("-inf")

    def step(self, step: object) -> None:
        from runyard_desktop.core.ollama_install.installer import InstallStep

        assert isinstance(step, InstallStep)
        progress = step.progress
        if progress is None:
            self._write(step.text, force=True)
            return
        if progress.resumed_from and progress.done == progress.resumed_from:
            self._write(f"Resuming from {human_bytes(progress.resumed_from)}", force=True)
        line = f"{progress.asset}  {human_bytes(progress.done)}"
        if progress.total and progress.fraction is not None:
            line = bar_text(
                progress.asset, progress.fraction, progress.done, progress.total, progress.speed_bps, progress.eta_s
            )
        self._write(line, force=progress.done == progress.total)

    def _write(self, text: str, *, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self.last < (0.1 if self.line.tty else 2.0):
            return
        self.last = now
        self.line.write(terminal_safe(text), newline=False)

    def end(self) -> None:
        self.line.end_line()


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.commands.ollama_common import print_error
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.ollama import server
    from runyard_desktop.core.ollama.errors import OllamaError
    from runyard_desktop.core.ollama_install import installer, session
    from runyard_desktop.core.ollama_install.errors import InstallError
    from runyard_desktop.core.ollama_install.managed import ManagedOllama
    from runyard_desktop.core.ollama_install.release import has_amd_gpu, release_for

    host = resolve_host(args)
    paths = app_paths().ensure()
    managed = ManagedOllama.for_paths(paths)
    line = ProgressLine(sys.stderr)

    async def go() -> int:
        decision = await session.decide(host, server.find_installation())
        if not decision.install:
            print(terminal_safe(f"{decision.reason} Nothing to install."))
            return EXIT_OK
        release = release_for(args.ollama_version, amd_gpu=has_amd_gpu())
        done = await installer.install(managed, release, line.step)
        line.end()
        print(terminal_safe(f"Installed Ollama {done.version} in {managed.root}."), file=sys.stderr)
        _child, version = await session.start_and_wait(done.executable, host, paths.logs / "ollama-serve.log")
        print(terminal_safe(f"Ollama {version} is running at {host}."))
        return EXIT_OK

    try:
        return run_loop(go())
    except KeyboardInterrupt:
        line.end()
        print(
            f"Cancelled. What was downloaded is kept: run `{command_name()} install-ollama` again to resume.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except (InstallError, OllamaError) as err:  # OllamaError: the server could not be started (e.g. its port is taken)
        line.end()
        print_error(err)
        return EXIT_FAILED
