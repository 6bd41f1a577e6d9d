"""`runyard-desktop pull MODEL`: download through Ollama with a progress bar; Ctrl-C cancels, pull again resumes.

Exit status: 0 only when Ollama said `success` and lists the model; 1 with a plain message on any
failure; 130 when cancelled.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TextIO

from runyard_desktop.commands.ollama_common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    print_error,
    resolve_host,
    run_loop,
)
from runyard_desktop.commands.progress_line import LineWriter, bar_text
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.downloads.progress_words import notice
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.types import PullPhase, PullState, PullStatus
from runyard_desktop.core.terminal_text import terminal_safe


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "pull", parents=[common], help="download a model through Ollama (Ctrl-C cancels; run again to resume)"
    )
    parser.add_argument("model", help="model tag, e.g. qwen3.5:4b")
    parser.add_argument(
        "--stall-timeout", type=float, default=45.0, help="seconds without progress before reconnecting"
    )
    parser.set_defaults(handler=run)


def format_progress(state: PullState) -> str:
    """One line: 'qwen3.5:4b  [######------]  42%  1.2 GB / 2.9 GB  35.0 MB/s  ETA 48 s'.

    The tag and the status message may quote the server: the line is made terminal-safe.
    """
    return terminal_safe(_progress_line(state))


def _progress_line(state: PullState) -> str:
    if state.phase in (PullPhase.DOWNLOADING,) and state.total:
        fraction = state.fraction or 0.0
        line = bar_text(state.tag, fraction, state.completed, state.total, state.speed_bps, state.eta_s)
        if state.status is not PullStatus.RUNNING or notice(state):
            line += f"  {state.message}"  # also why the bar went back
        return line
    return f"{state.tag}  {state.message}"


class TerminalSink:
    """Draws progress: redraws one line on a terminal (≤ 10/s); prints a line every few seconds otherwise.

    The drawing is `progress_line.LineWriter`'s: without escape sequences (the classic Windows console
    where virtual-terminal mode cannot be turned on) a plain carriage return, padded over the old line."""

    def __init__(self, out: TextIO, interval_s: float | None = None, *, ansi: bool | None = None) -> None:
        self.line = LineWriter(out, ansi=ansi)
        self.tty = self.line.tty
        self.interval = interval_s if interval_s is not None else (0.1 if self.tty else 2.0)
        self.last = float("-inf")
        self.pending: PullState | None = None
        self.shown: PullState | None = None
        self.latest: PullState | None = None
        self.shown_text = ""
        self.resume_told = False

    def push(self, state: PullState | Callable[[], PullState]) -> None:
        if callable(state):
            state = state()  # a terminal needs the phase of every line; Ollama sends ~17 lines/s
        self.pending = self.latest = state
        changed = self.shown is None or (state.status, state.phase) != (self.shown.status, self.shown.phase)
        if changed or time.monotonic() - self.last >= self.interval:
            self.flush()

    def flush(self) -> None:
        state, self.pending = self.pending, None
        if state is None:
            return
        if state.resumed_from_bytes and not self.resume_told:
            self.resume_told = True
            self.line.write(f"Resuming from {human_bytes(state.resumed_from_bytes)}", newline=True)
        text = format_progress(state)
        if text != self.shown_text:
            self.line.write(text, newline=not self.tty)
        self.shown, self.shown_text, self.last = state, text, time.monotonic()

    def end_line(self) -> None:
        self.line.end_line()


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.ollama.client import OllamaClient
    from runyard_desktop.core.ollama.errors import OllamaError
    from runyard_desktop.core.ollama.pull_job import PullPolicy, run_pull
    from runyard_desktop.core.ollama.server import local_models_free_bytes

    host = resolve_host(args)
    sink = TerminalSink(sys.stderr)
    policy = PullPolicy(stall_timeout_s=args.stall_timeout)
    try:
        final = run_loop(
            run_pull(
                OllamaClient(host),
                args.model,
                sink,
                policy,
                free_disk=local_models_free_bytes if _is_local(host) else None,
            )
        )
    except KeyboardInterrupt:
        sink.flush()
        sink.end_line()
        kept = sink.latest.completed if sink.latest else 0
        note = f" {human_bytes(kept)} is kept by Ollama while it runs." if kept else ""
        print(
            terminal_safe(f"Cancelled.{note} Run `{command_name()} pull {args.model}` again to resume."),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except OllamaError as err:
        sink.end_line()
        print_error(err)
        return EXIT_FAILED
    sink.end_line()
    print(terminal_safe(f"Downloaded {final.tag} ({human_bytes(final.total)})."))
    return EXIT_OK


def _is_local(host: str) -> bool:
    from runyard_desktop.core.ollama.host import is_loopback

    return is_loopback(host)
