"""Shared pieces of the Ollama commands (pull, chat, models, rm): host, running a coroutine, errors."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine
from typing import Any, TextIO

from runyard_desktop.core import settings as settings_store
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.paths import app_paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def resolve_host(args: argparse.Namespace) -> str:
    """--host > settings > $OLLAMA_HOST > http://127.0.0.1:11434."""
    cli_host = getattr(args, "host", None)
    settings_host = None
    if not cli_host:
        try:
            settings_host = settings_store.load(app_paths().settings_file).ollama_host
        except OSError:
            settings_host = None
    return hosts.resolve(cli_host, settings_host)


def print_error(err: OllamaError, out: TextIO | None = None) -> None:
    out = out or sys.stderr
    print(f"Error: {err.message}", file=out)
    if err.next_step:
        print(err.next_step, file=out)


def run_async(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; OllamaError → message + exit 1 (Ctrl-C is the command's to handle)."""
    try:
        return asyncio.run(coro)
    except OllamaError as err:
        print_error(err)
        return EXIT_FAILED
