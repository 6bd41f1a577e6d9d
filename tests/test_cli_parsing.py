"""The command line imports only the command being run, so the window's start-up imports none."""

from __future__ import annotations

import subprocess
import sys

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
