"""`runyard-desktop summarize [--model TAG] [--out DIR] PATH…`: a summary of each document, one after another.

    runyard-desktop summarize --model qwen3.5:4b notes/            # every text file in notes/
    runyard-desktop summarize report.txt minutes.md --out summaries/

Each summary goes to `<name>.summary.md` beside its document (or in --out), never over an existing
file. One progress line per file on stderr; the written path on stdout. The same rules as the Chat
page's *Summarize documents…* (core/chat/batch_summary.py): text formats and encodings as
attachments, a context check per file that raises the context to what this machine holds, or warns
before Ollama cuts the start off.

Exit status: 0 when every file was summarized, 1 otherwise (a plain line per failure), 2 for a usage
error (no files, no model), 130 on Ctrl-C (the summaries already written are kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from runyard_desktop.commands.ollama_common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    default_context,
    print_error,
    resolve_host,
    run_loop,
)
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.terminal_text import terminal_safe

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.client import OllamaClient


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "summarize", parents=[common], help="summarize documents (files or folders) one after another"
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="text files, or folders of them")
    parser.add_argument("--model", help="model tag (default: the first installed Qwen3.5 model)")
    parser.add_argument("--out", type=Path, help="folder for the summaries (default: beside each document)")
    parser.add_argument("--num-ctx", type=int, help="context length in tokens (default: the app's default)")
    parser.add_argument("--cpu-only", action="store_true", help="run on the CPU only (Ollama's num_gpu 0)")
    parser.add_argument(
        "--no-raise-context",
        action="store_true",
        help="never raise the context for a long document (it is then cut off, with a warning)",
    )
    parser.set_defaults(handler=run)


def _say(text: str) -> None:
    print(terminal_safe(text), file=sys.stderr, flush=True)


async def _pick_model(client: OllamaClient, wanted: str | None) -> str:
    if wanted:
        return wanted
    from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError

    installed = [m.name for m in await client.list_models()]
    qwen = [n for n in installed if n.startswith("qwen3.5")]
    if not (qwen or installed):
        raise OllamaError(
            ErrorKind.NOT_INSTALLED,
            "No model is installed in Ollama.",
            f"Download one first, e.g. `{command_name()} pull qwen3.5:4b`, or name one with --model.",
        )
    return (qwen or installed)[0]


def _largest(model: str) -> int | None:
    """The largest context this machine holds for `model` (the fit engine), None when unknown."""
    try:
        from runyard_desktop.core.chat.fit_advisor import largest_fitting_context
        from runyard_desktop.core.fit.catalogue import load_catalogue
        from runyard_desktop.core.hardware.profile import detect

        return largest_fitting_context(load_catalogue(), detect(), model, "f16")
    except Exception:  # any trouble detecting: the check still warns, without the machine's numbers
        return None


async def _summarize_all(client: OllamaClient, args: argparse.Namespace, files: list[Path]) -> int:
    from runyard_desktop.core.chat.batch_summary import check_context, summarize_document, write_summary
    from runyard_desktop.core.chat.documents import DocumentError, read_document
    from runyard_desktop.core.chat.memory_advice import with_advice_for_this_machine
    from runyard_desktop.core.ollama.errors import OllamaError

    model = await _pick_model(client, args.model)
    num_ctx = args.num_ctx or default_context()
    largest = _largest(model)
    failures = 0
    total = len(files)
    for i, path in enumerate(files, 1):
        head = f"[{i}/{total}] {path.name}"
        try:
            attachment = read_document(path)
            if attachment.notice:
                _say(f"{head}: note: {attachment.notice}")
            check = check_context(attachment, model, num_ctx, largest, raise_context=not args.no_raise_context)
            _say(f"{head}: summarizing with {model}" + (f" ({check.note})" if check.note else ""))
            summary, metrics = await summarize_document(
                client, model, attachment, check.num_ctx, cpu_only=args.cpu_only
            )
            if not summary.strip():
                raise DocumentError(f"{model} gave an empty summary of {path.name}; try again or another model.")
            target = write_summary(path, model, summary, args.out)
        except DocumentError as err:
            failures += 1
            _say(f"{head}: failed: {err}")
            continue
        except OllamaError as err:
            failures += 1
            err = with_advice_for_this_machine(err, model, num_ctx)
            _say(f"{head}: failed: {err.message} {err.next_step}".rstrip())
            continue
        except OSError as err:
            failures += 1
            _say(f"{head}: failed: the summary could not be written: {err.strerror or err}.")
            continue
        _say(f"{head}: done, {metrics.eval_count:,} tokens")
        print(terminal_safe(str(target)), flush=True)
    done = total - failures
    _say(f"{done} of {total} summarized." + (f" {failures} failed (see above)." if failures else ""))
    return EXIT_OK if failures == 0 else EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.chat.batch_summary import CollectError, collect_documents
    from runyard_desktop.core.ollama.client import OllamaClient
    from runyard_desktop.core.ollama.errors import OllamaError

    if args.out is not None and not args.out.is_dir():
        _say(f"Error: {args.out} is not a folder. Create it first, or leave out --out.")
        return EXIT_USAGE
    try:
        files, notes = collect_documents(args.paths)
    except CollectError as err:
        _say(f"Error: {err}")
        return EXIT_USAGE
    for note in notes:
        _say(f"note: {note}")
    client = OllamaClient(resolve_host(args))
    try:
        return run_loop(_summarize_all(client, args, files))
    except OllamaError as err:
        print_error(err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("Interrupted; the summaries written so far are kept.")
        return EXIT_INTERRUPTED
