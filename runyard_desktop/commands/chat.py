"""`runyard-desktop chat MODEL [PROMPT]`: one streamed reply to stdout (thinking to stderr), or a session.

    runyard-desktop chat qwen3.5:4b "Why is the sky blue?"
    runyard-desktop chat qwen3.5:4b --file report.txt "Summarise this in five bullet points"
    runyard-desktop chat qwen3.5:4b            # interactive; /bye or Ctrl-D ends, Ctrl-C stops a reply

Exit status: 0 when the reply finished, 1 on an error (plain message on stderr), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from runyard_desktop.commands.console import stdin_missing
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
from runyard_desktop.core.ollama.types import ChatMessage, ChatMetrics, ChatRequest, ModelInfo
from runyard_desktop.core.terminal_text import TerminalTextFilter, terminal_safe

if TYPE_CHECKING:
    from runyard_desktop.core.ollama.client import OllamaClient  # imported when the command runs

ANSWER_RESERVE_TOKENS = 1024
SUMMARY_PROMPT = "Summarise this document."


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("chat", parents=[common], help="chat with a downloaded model (one reply, or interactive)")
    parser.add_argument("model", help="model tag, e.g. qwen3.5:4b")
    parser.add_argument("prompt", nargs="?", help="the message; without it, an interactive session starts")
    parser.add_argument("--file", type=Path, help="attach a text document (or an image, for vision models)")
    parser.add_argument("--system", help="system prompt")
    parser.add_argument("--no-think", action="store_true", help="answer without thinking first")
    parser.add_argument("--hide-thinking", action="store_true", help="think, but do not print the thinking")
    parser.add_argument(
        "--num-ctx",
        type=int,
        help="context length in tokens (default: the one the model is loaded with, else the app's default, 4096)",
    )
    parser.add_argument("--temperature", type=float)
    parser.add_argument("--seed", type=int)
    parser.set_defaults(handler=run)


class Printer:
    """Thinking to stderr (framed like `ollama run`), content to stdout, both flushed as they stream.

    The model's text reaches the terminal without control sequences (`TerminalTextFilter`); `content`
    keeps the reply as the model sent it, for the conversation's history.
    """

    def __init__(self, out: TextIO, err: TextIO, show_thinking: bool) -> None:
        self.out, self.err, self.show_thinking = out, err, show_thinking
        self.thinking = False
        self.content = ""
        self.safe_thinking, self.safe_content = TerminalTextFilter(), TerminalTextFilter()

    def text(self, thinking: str, content: str) -> None:
        if thinking and self.show_thinking:
            if not self.thinking:
                self.err.write("Thinking…\n")
                self.thinking = True
            self.err.write(self.safe_thinking.feed(thinking))
            self.err.flush()
        if content:
            self.end_thinking()
            self.content += content
            self.out.write(self.safe_content.feed(content))
            self.out.flush()

    def end_thinking(self) -> None:
        if self.thinking:
            self.err.write(self.safe_thinking.flush())
            self.err.write("\n…done thinking.\n\n")
            self.err.flush()
            self.thinking = False

    def event(self, name: str, text: str) -> None:
        if name == "notice":
            self.err.write(terminal_safe(f"note: {text}") + "\n")
            self.err.flush()

    def finish(self) -> None:
        self.end_thinking()
        self.out.write(self.safe_content.flush())
        if self.content and not self.content.endswith("\n"):
            self.out.write("\n")
        self.out.flush()


def context_warning(model: str, info: ModelInfo | None, tokens: int, num_ctx: int, name: str) -> str | None:
    """A plain warning when the document will not fit, with the --num-ctx to use."""
    if tokens + ANSWER_RESERVE_TOKENS <= num_ctx:
        return None
    need = 1 << (tokens + ANSWER_RESERVE_TOKENS - 1).bit_length()
    limit = info.context_length if info and info.context_length else None
    if limit and need > limit:
        return (
            f"warning: {name} is about {tokens:,} tokens, more than {model} can read at once ({limit:,}); "
            "Ollama will cut off the start. Split the document or attach the part you need."
        )
    step = f" Use --num-ctx {need:,}".replace(",", "")
    upto = f" ({model} supports up to {limit:,})" if limit else ""
    return (
        f"warning: {name} is about {tokens:,} tokens but the context is {num_ctx:,} tokens, so Ollama will cut off "
        f"the start.{step}{upto}; a longer context needs more memory."
    )


async def _prepare(client: OllamaClient, args: argparse.Namespace) -> tuple[ModelInfo, int]:
    """Capabilities and the context to send. Only "not downloaded" stops here; other trouble shows in the reply.

    Without --num-ctx: the loaded runner's context, else the window's default. It is always sent: a
    request without num_ctx gets Ollama's own default, and the server reloads a runner that was loaded
    with another context (server/sched.go `needsReload`), which the window's always is.
    """
    from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
    from runyard_desktop.core.ollama.pull import normalize_tag

    try:
        info = await client.show(args.model)
    except OllamaError as err:
        if err.kind in (ErrorKind.NOT_INSTALLED, ErrorKind.NOT_RUNNING):
            raise
        info = ModelInfo(args.model, None, None)
    num_ctx = args.num_ctx
    if num_ctx is None:
        try:
            loaded = {m.name: m for m in await client.loaded_models()}
        except OllamaError:
            loaded = {}
        current = loaded.get(normalize_tag(args.model))
        num_ctx = current.context_length if current and current.context_length else default_context()
    return info, num_ctx


def _attach(args: argparse.Namespace, info: ModelInfo, prompt: str, num_ctx: int) -> ChatMessage:
    from runyard_desktop.core.chat.documents import read_attachment

    attachment = read_attachment(args.file, vision=info.has_vision)
    if attachment.notice:
        print(terminal_safe(f"note: {attachment.name}: {attachment.notice}"), file=sys.stderr)
    if attachment.data_b64:
        return ChatMessage("user", prompt, images=(attachment.data_b64,))
    warning = context_warning(args.model, info, attachment.tokens, num_ctx, attachment.name)
    if warning:
        print(terminal_safe(warning), file=sys.stderr)
    return ChatMessage("user", f"{prompt}\n\n--- {attachment.name} ---\n{attachment.text}")


def _request(args: argparse.Namespace, history: list[ChatMessage], num_ctx: int) -> ChatRequest:
    system = (ChatMessage("system", args.system),) if args.system else ()
    return ChatRequest(
        args.model,
        system + tuple(history),
        think=False if args.no_think else None,
        num_ctx=num_ctx,
        temperature=args.temperature,
        seed=args.seed,
    )


async def _reply(client: OllamaClient, request: ChatRequest, info: ModelInfo, printer: Printer) -> ChatMetrics:
    from runyard_desktop.core.ollama.chat import stream_reply

    try:
        metrics = await stream_reply(client, request, info, on_text=printer.text, on_event=printer.event)
    finally:
        printer.finish()
    if metrics.done_reason == "length":
        print(
            "note: the reply was cut off at the length limit; a longer --num-ctx gives it more room.", file=sys.stderr
        )
    return metrics


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.chat.documents import DocumentError
    from runyard_desktop.core.ollama.client import OllamaClient
    from runyard_desktop.core.ollama.errors import OllamaError

    if not args.prompt and args.file is None and stdin_missing():
        print("Error: there is no input to chat from (this program was started without a terminal).", file=sys.stderr)
        print(
            "Give the question on the command line, or run the command in a terminal window"
            " (in the Windows app, with runyard-cli.exe).",
            file=sys.stderr,
        )
        return EXIT_FAILED
    client = OllamaClient(resolve_host(args))
    try:
        info, num_ctx = run_loop(_prepare(client, args))
        history: list[ChatMessage] = []
        if args.file is not None:
            history.append(_attach(args, info, args.prompt or SUMMARY_PROMPT, num_ctx))
        elif args.prompt:
            history.append(ChatMessage("user", args.prompt))
    except OllamaError as err:
        print_error(err)
        return EXIT_FAILED
    except DocumentError as err:
        print(terminal_safe(f"Error: {err}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    if history:
        return _one_shot(client, args, info, history, num_ctx)
    return _interactive(client, args, info, num_ctx)


def _one_shot(
    client: OllamaClient, args: argparse.Namespace, info: ModelInfo, history: list[ChatMessage], num_ctx: int
) -> int:
    from runyard_desktop.core.chat.memory_advice import with_advice_for_this_machine
    from runyard_desktop.core.ollama.errors import OllamaError

    printer = Printer(sys.stdout, sys.stderr, not args.hide_thinking)
    try:
        run_loop(_reply(client, _request(args, history, num_ctx), info, printer))
    except KeyboardInterrupt:
        print("[stopped]", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OllamaError as err:
        print_error(with_advice_for_this_machine(err, args.model, num_ctx))
        return EXIT_FAILED
    return EXIT_OK


def _interactive(client: OllamaClient, args: argparse.Namespace, info: ModelInfo, num_ctx: int) -> int:
    from runyard_desktop.core.chat.memory_advice import with_advice_for_this_machine
    from runyard_desktop.core.ollama.errors import OllamaError

    tty = sys.stdin.isatty()
    if tty:
        print(terminal_safe(f"Chatting with {args.model}. /bye or Ctrl-D ends; Ctrl-C stops a reply."), file=sys.stderr)
    history: list[ChatMessage] = []
    while True:
        try:
            line = input(">>> " if tty else "")
        except EOFError:
            return EXIT_OK
        except KeyboardInterrupt:
            print(file=sys.stderr)
            return EXIT_OK
        if line.strip() in ("/bye", "/exit", "/quit"):
            return EXIT_OK
        if not line.strip():
            continue
        history.append(ChatMessage("user", line))
        printer = Printer(sys.stdout, sys.stderr, not args.hide_thinking)
        try:
            run_loop(_reply(client, _request(args, history, num_ctx), info, printer))
        except KeyboardInterrupt:
            print("[stopped]", file=sys.stderr)
        except OllamaError as err:
            print_error(with_advice_for_this_machine(err, args.model, num_ctx))
            history.pop()
            continue
        history.append(ChatMessage("assistant", printer.content))
