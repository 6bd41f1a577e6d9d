"""`runyard-desktop rm MODEL`: delete a downloaded model from Ollama, unloading it from memory first.

Ollama's own delete leaves a loaded model in memory, and afterwards it can no longer be unloaded by name.
"""

from __future__ import annotations

import argparse

from runyard_desktop.commands.ollama_common import EXIT_OK, resolve_host, run_async
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.terminal_text import terminal_safe


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("rm", parents=[common], help="delete a downloaded model")
    parser.add_argument("model", help="model tag, e.g. qwen3.5:4b")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.ollama.client import OllamaClient
    from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError

    async def main() -> int:
        try:
            was_loaded = await OllamaClient(resolve_host(args)).unload_then_delete(args.model)
        except OllamaError as err:
            if err.kind is not ErrorKind.NOT_INSTALLED:
                raise
            raise OllamaError(
                err.kind,
                f"{args.model} is not downloaded, so there is nothing to delete.",
                f"See what is downloaded with `{command_name()} models`.",
                detail=err.detail,
                status_code=err.status_code,
            ) from err
        done = f"Deleted {args.model} (unloaded from memory first)." if was_loaded else f"Deleted {args.model}."
        print(terminal_safe(done))
        return EXIT_OK

    return run_async(main())
