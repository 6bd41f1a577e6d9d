"""`runyard-desktop serve`: start Ollama for this address the way the window's Start button does.

Nothing is started when a server already answers (never a second one) or when the address is another
computer's. Where the system service or Ollama's desktop app serves the address, it is asked to start and
the command ends; otherwise `ollama serve` runs as this command's child — with the user's environment, not
the frozen bundle's (core/child_env.py) — until Ctrl-C, which stops it as the window does when it quits.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from runyard_desktop.commands.ollama_common import EXIT_FAILED, EXIT_OK, print_error, resolve_host, run_loop
from runyard_desktop.core.terminal_text import terminal_safe

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.server import ServerProcess

START_TIMEOUT_S = 30.0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "serve", parents=[common], help="start Ollama for the server address and keep it running until Ctrl-C"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.ollama import server
    from runyard_desktop.core.ollama.errors import DOWNLOAD_URL, OllamaError
    from runyard_desktop.core.ollama.host import is_loopback

    host = resolve_host(args)
    if not is_loopback(host):
        print(terminal_safe(f"{host} is another computer: start Ollama there."), file=sys.stderr)
        return EXIT_FAILED
    if run_loop(_outcome(host)) in ("answering", "hanging"):
        print(terminal_safe(f"Ollama is already running (or starting) at {host}; nothing was started."))
        return EXIT_OK
    installation = server.find_installation()
    if installation is None:
        print(f"Ollama is not installed on this computer. Install it from {DOWNLOAD_URL}.", file=sys.stderr)
        return EXIT_FAILED
    try:
        child = server.launch(installation, host, app_paths().logs / "ollama-serve.log")
    except (OllamaError, OSError) as exc:
        return _failed(exc)
    if child is None:
        print(terminal_safe(f"Asked {installation.service or installation.app} to start Ollama for {host}."))
        return EXIT_OK
    return _serve_until_interrupted(child, host)


def _failed(exc: Exception) -> int:
    from runyard_desktop.core.ollama.errors import OllamaError

    if isinstance(exc, OllamaError):
        print_error(exc)
    else:
        print(terminal_safe(f"Error: Ollama could not be started: {exc}"), file=sys.stderr)
    return EXIT_FAILED


async def _outcome(host: str, timeout: float = 2.0) -> str:
    from runyard_desktop.core.ollama.client import OllamaClient

    return (await OllamaClient(host).probe(timeout=timeout)).outcome


def _serve_until_interrupted(child: ServerProcess, host: str) -> int:
    from runyard_desktop.core.ollama import server

    try:
        if not run_loop(_wait_until_answering(child, host)):
            child.stop()
            known = server.start_failure(child.output_tail())
            if known is not None:
                print_error(known)
            else:
                print(f"Error: Ollama did not start. Its log is at {child.log_path}.", file=sys.stderr)
            return EXIT_FAILED
        print(terminal_safe(f"Ollama serves at {host}. Press Ctrl-C to stop it."), flush=True)
        child.popen.wait()
        print(f"Ollama exited (code {child.popen.returncode}). Its log is at {child.log_path}.", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        child.stop()
        print("\nStopped Ollama.", file=sys.stderr)
        return EXIT_OK


async def _wait_until_answering(child: ServerProcess, host: str) -> bool:
    """True once the server answers; False when the child exits or START_TIMEOUT_S passes first."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT_S
    while loop.time() < deadline and child.running:
        if await _outcome(host, timeout=1.0) == "answering":
            return True
        await asyncio.sleep(0.25)
    return False
