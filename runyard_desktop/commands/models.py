"""`runyard-desktop models [--json]`: installed models and what is loaded in memory (size, GPU share)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from runyard_desktop.commands.ollama_common import EXIT_OK, resolve_host, run_async
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.types import InstalledModel, LoadedModel
from runyard_desktop.core.terminal_text import terminal_safe


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("models", parents=[common], help="list downloaded models and the ones loaded in memory")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def processor(model: LoadedModel) -> str:
    """Like `ollama ps`: '100% GPU', '100% CPU', or '48%/52% CPU/GPU'."""
    gpu = round(model.gpu_share * 100)
    if gpu >= 100:
        return "100% GPU"
    if gpu <= 0:
        return "100% CPU"
    return f"{100 - gpu}%/{gpu}% CPU/GPU"


def format_tables(installed: tuple[InstalledModel, ...], loaded: tuple[LoadedModel, ...]) -> str:
    """The two tables; names and details come from the server, so they are made terminal-safe first."""
    lines = []
    if installed:
        names = [terminal_safe(m.name) for m in installed]
        width = max(len(name) for name in names)
        lines.append(f"{'DOWNLOADED'.ljust(width)}  {'SIZE':>9}  DETAILS")
        for name, m in zip(names, installed, strict=True):
            details = terminal_safe(" ".join(x for x in (m.parameter_size, m.quantization) if x))
            lines.append(f"{name.ljust(width)}  {human_bytes(m.size):>9}  {details}")
    else:
        lines.append(f"No models downloaded yet. Try: {command_name()} pull qwen3.5:4b")
    lines.append("")
    if loaded:
        loaded_names = [terminal_safe(m.name) for m in loaded]
        width = max(len(name) for name in loaded_names)
        lines.append(f"{'LOADED'.ljust(width)}  {'MEMORY':>9}  {'PROCESSOR':<16}  CONTEXT")
        for name, lm in zip(loaded_names, loaded, strict=True):
            ctx = str(lm.context_length) if lm.context_length else "—"
            lines.append(f"{name.ljust(width)}  {human_bytes(lm.size):>9}  {processor(lm):<16}  {ctx}")
    else:
        lines.append("No model is loaded in memory.")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.ollama.client import OllamaClient

    async def main() -> int:
        client = OllamaClient(resolve_host(args))
        installed = await client.list_models()
        loaded = await client.loaded_models()
        if args.json:
            data = {
                "installed": [asdict(m) for m in installed],
                "loaded": [{**asdict(m), "gpu_share": m.gpu_share} for m in loaded],
            }
            json.dump(data, sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(format_tables(installed, loaded))
        return EXIT_OK

    return run_async(main())
