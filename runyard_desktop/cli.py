"""Command line: no sub-command opens the window; `detect`, `fit`, `pull`, `chat`… use the same core.

Each sub-command lives in `runyard_desktop/commands/<name>.py` with `register(subparsers, common)`
and `run(args) -> int`; its options may come before or after its positional arguments
(`IntermixedParser`). Heavy imports (Qt, ollama) happen inside `run`, never at parse time.
Only the module of the command being run is imported (all of them for `--help` or a typo): the
window's start-up path imports none, which keeps the catalogue, fit engine and asyncio off the
path to the first paint (bench/startup.py).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from runyard_desktop import __version__
from runyard_desktop.core.command_name import command_name

# Sub-command modules, in help order. Add a module here to add a command.
COMMAND_MODULES: tuple[str, ...] = (
    "detect",
    "fit",
    "pull",
    "chat",
    "summarize",
    "models",
    "rm",
    "serve",
    "install_ollama",
)


class IntermixedParser(argparse.ArgumentParser):
    """A sub-command's parser: options may come before, between or after its positional arguments.

    argparse fills positionals from the first run of them (`chat MODEL --no-think PROMPT` would leave
    PROMPT unrecognised); intermixed parsing takes the options out first. Only sub-command parsers use
    it: the top-level parser holds the sub-parsers action, which intermixed parsing refuses.
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]  # typeshed overloads it on the namespace type
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Python < 3.13's parse_known_intermixed_args calls parse_known_args twice: plain parsing there.
        if self._intermixing:
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _host_option(text: str) -> str:
    """`--host` as typed, checked: a bad port, scheme or credentials are a usage error, not a default."""
    from runyard_desktop.core.ollama.host import HostError, checked_host

    try:
        if text.strip():
            checked_host(text)
    except HostError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text  # as typed: resolving it again later gives the same address


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--host",
        default=argparse.SUPPRESS,
        type=_host_option,
        help="Ollama server URL (default: settings, then $OLLAMA_HOST, then http://127.0.0.1:11434)",
    )
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more")
    return common


def _modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules this command line needs: the named one, all (help or typo), or none."""
    for token in argv:
        if token.replace("-", "_") in COMMAND_MODULES:  # `install-ollama` lives in install_ollama.py
            return (token.replace("-", "_"),)
    # Help, or a bare positional that is not a --host value (a mistyped command): parse with all
    # commands so argparse can list or name the valid ones.
    if not _only_option_values(argv):
        return COMMAND_MODULES
    return ()


def _only_option_values(argv: Sequence[str]) -> bool:
    """True when every positional token is the value of a preceding `--host` option."""
    previous = ""
    for token in argv:
        if token in ("-h", "--help"):
            return False
        if not token.startswith("-") and previous != "--host":
            return False
        previous = token
    return True


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog=command_name(),
        description="Which local AI models this computer can really run. Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke", action="store_true", help="open the window, wait for the first paint, exit 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=IntermixedParser)
    for name in modules:
        module = importlib.import_module(f"runyard_desktop.commands.{name}")
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from runyard_desktop.commands import console

    console.prepare_streams()  # UTF-8, and no None stream: before argparse or logging writes anything
    tokens = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(_modules_for(tokens)).parse_args(tokens)
    host = getattr(args, "host", None)
    verbose = bool(getattr(args, "verbose", False))
    if args.command is None:
        from runyard_desktop.tasks import pyside_imports

        pyside_imports.install()  # before the app's imports: each one then costs less (see the module)
        from runyard_desktop.app import run_gui

        return run_gui(host, smoke=args.smoke, verbose=verbose)
    handler = args.handler
    try:
        return console.run_quietly_on_broken_pipe(lambda: int(handler(args)))
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
