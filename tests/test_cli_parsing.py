"""The command line imports only the command being run, so the window's start-up imports none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from runyard_desktop import cli


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ()),
        (["--smoke"], ()),
        (["--host", "http://box:11434"], ()),
        (["--host", "http://box:11434", "--smoke"], ()),
        (["pull", "qwen3.5:0.8b"], ("pull",)),
        (["--host", "h", "chat", "qwen3.5:4b", "fit"], ("chat",)),
        (["--help"], cli.COMMAND_MODULES),
        (["nonsense"], cli.COMMAND_MODULES),
    ],
)
def test_only_the_requested_command_module_is_needed(argv: list[str], expected: tuple[str, ...]) -> None:
    assert cli._modules_for(argv) == expected


def test_gui_start_imports_no_command_module() -> None:
    code = (
        "import sys; from runyard_desktop import cli; "
        "cli.build_parser(cli._modules_for(['--smoke'])).parse_args(['--smoke']); "
        "print(sorted(m for m in sys.modules if m.startswith('runyard_desktop.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_a_mistyped_command_lists_the_real_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["nonsense"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def _parse(argv: list[str]) -> dict[str, object]:
    args = cli.build_parser(cli._modules_for(argv)).parse_args(argv)
    return {k: v for k, v in vars(args).items() if k != "handler"}


# Every sub-command, with its options before, between and after its positional arguments, and the
# global --host/-v on either side of the command name. Each row: argv, then the values it must give.
OPTIONS_ANYWHERE = [
    (["detect", "--json", "--host", "h"], {"json": True, "host": "h"}),
    (["--host", "h", "detect", "-v", "--json"], {"json": True, "host": "h", "verbose": True}),
    (["fit", "--json", "--context", "8192"], {"json": True, "context": 8192}),
    (["fit", "--context", "8192", "--host", "h", "--json"], {"json": True, "context": 8192, "host": "h"}),
    (["fit", "--kv-cache-type", "q8_0", "--json", "-v"], {"kv_cache_type": "q8_0", "json": True, "verbose": True}),
    (["pull", "m", "--host", "h"], {"model": "m", "host": "h"}),
    (["pull", "--host", "h", "m", "--stall-timeout", "5"], {"model": "m", "host": "h", "stall_timeout": 5.0}),
    (["--host", "h", "pull", "--stall-timeout", "5", "m"], {"model": "m", "host": "h", "stall_timeout": 5.0}),
    (["chat", "m", "--no-think", "Say hi"], {"model": "m", "prompt": "Say hi", "no_think": True}),
    (["chat", "--no-think", "m", "Say hi"], {"model": "m", "prompt": "Say hi", "no_think": True}),
    (["chat", "m", "Say hi", "--no-think"], {"model": "m", "prompt": "Say hi", "no_think": True}),
    (
        ["chat", "--system", "Be brief", "m", "--num-ctx", "8192", "Say hi", "--host", "h", "--seed", "3"],
        {"model": "m", "prompt": "Say hi", "system": "Be brief", "num_ctx": 8192, "host": "h", "seed": 3},
    ),
    (["--host", "a", "chat", "m", "--host", "b", "hi"], {"model": "m", "prompt": "hi", "host": "b"}),
    (["chat", "m", "--hide-thinking"], {"model": "m", "prompt": None, "hide_thinking": True}),
    (["chat", "m", "--no-think", "--", "-5 degrees?"], {"model": "m", "prompt": "-5 degrees?", "no_think": True}),
    (["summarize", "a.txt", "--model", "m", "b/"], {"paths": [Path("a.txt"), Path("b")], "model": "m"}),
    (
        ["summarize", "--out", "o", "a.txt", "--cpu-only"],
        {"paths": [Path("a.txt")], "out": Path("o"), "cpu_only": True},
    ),
    (["models", "--json", "--host", "h"], {"json": True, "host": "h"}),
    (["models", "--host", "h", "-v", "--json"], {"json": True, "host": "h", "verbose": True}),
    (["rm", "m", "--host", "h"], {"model": "m", "host": "h"}),
    (["rm", "--host", "h", "m", "-v"], {"model": "m", "host": "h", "verbose": True}),
    (["serve", "--host", "h", "-v"], {"host": "h", "verbose": True}),
    (["install-ollama", "--version", "0.17.1", "--host", "h"], {"ollama_version": "0.17.1", "host": "h"}),
    (["--host", "h", "install-ollama", "-v"], {"ollama_version": None, "host": "h", "verbose": True}),
]


@pytest.mark.parametrize(("argv", "expected"), OPTIONS_ANYWHERE, ids=[" ".join(a) for a, _ in OPTIONS_ANYWHERE])
def test_options_go_before_or_after_positional_arguments(argv: list[str], expected: dict[str, object]) -> None:
    parsed = _parse(argv)
    assert parsed["command"] == argv[argv.index(str(parsed["command"]))]
    assert {k: parsed.get(k) for k in expected} == expected


def test_the_table_covers_every_command() -> None:
    # a command's module is its name with `_` for `-` (install-ollama → install_ollama.py)
    assert {str(_parse(argv)["command"]).replace("-", "_") for argv, _ in OPTIONS_ANYWHERE} == set(cli.COMMAND_MODULES)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["chat", "m", "--no-think", "one", "two"], "unrecognized arguments: two"),
        (["chat", "--no-think"], "the following arguments are required: model"),
        (["pull", "--host", "h"], "the following arguments are required: model"),
        (["fit", "--json", "--context", "10"], "context must be at least 256 tokens"),
    ],
)
def test_a_wrong_command_line_still_exits_2_with_the_reason(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert words in capsys.readouterr().err
