"""Shared pieces of the Ollama commands (pull, chat, models, rm): host, running a coroutine, errors."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Coroutine
from typing import Any, TextIO, TypeVar

from runyard_desktop.core.appdata import settings as settings_store
from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.errors import OllamaError
from runyard_desktop.core.ollama_install.errors import InstallError
from runyard_desktop.core.terminal_text import terminal_safe

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
T = TypeVar("T")
log = logging.getLogger(__name__)


def user_settings() -> settings_store.Settings:
    """The window's settings; a damaged file is moved aside (as the window does, so the notice comes
    once) and the notice saying so goes to stderr."""
    try:
        settings, notice = settings_store.load_with_notice(app_paths().settings_file)
    except OSError:
        return settings_store.Settings()
    if notice:
        print(f"Note: {notice}", file=sys.stderr)
    return settings


def resolve_host(args: argparse.Namespace) -> str:
    """--host > settings > $OLLAMA_HOST > http://127.0.0.1:11434."""
    cli_host = getattr(args, "host", None)
    settings_host = None
    if not cli_host:
        settings_host = user_settings().ollama_host
    return hosts.resolve(cli_host, settings_host)


def default_context() -> int:
    """The context the window sends when a conversation names none: the settings' default, else 4096."""
    from runyard_desktop.core.chat.conversation import DEFAULT_CONTEXT

    return user_settings().default_context or DEFAULT_CONTEXT


def print_error(err: OllamaError | InstallError, out: TextIO | None = None) -> None:
    """The error's message and next step; both may quote the server, so they are made terminal-safe."""
    out = out or sys.stderr
    print(terminal_safe(f"Error: {err.message}"), file=out)
    if err.next_step:
        print(terminal_safe(err.next_step), file=out)


def run_async(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; OllamaError → message + exit 1 (Ctrl-C is the command's to handle)."""
    try:
        return run_loop(coro)
    except OllamaError as err:
        print_error(err)
        return EXIT_FAILED


def run_loop(coro: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run`, minus a traceback printed after Ctrl-C.

    WORKAROUND: when Ctrl-C cancels a stream, httpcore's shielded close (anyio) re-delivers the
    cancellation while httpx's `AsyncClient.stream` generator is closing, and `shutdown_asyncgens`
    then reports "aclose(): asynchronous generator is already running" with a full traceback. The
    socket is closed by then (the server sees the disconnect); only the report is noise.
    """
    if not hasattr(asyncio, "Runner"):  # Python 3.10
        return asyncio.run(coro)
    with asyncio.Runner() as runner:
        runner.get_loop().set_exception_handler(_quiet_asyncgen_close)
        return runner.run(coro)


def _quiet_asyncgen_close(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    message = str(context.get("message", ""))
    if message.startswith("an error occurred during closing of asynchronous generator") and isinstance(
        context.get("exception"), RuntimeError
    ):
        log.debug("ignored after cancel: %s (%s)", message, context.get("exception"))
        return
    loop.default_exception_handler(context)
