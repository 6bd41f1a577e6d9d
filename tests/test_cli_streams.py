"""The CLI's streams: UTF-8 through a pipe whatever the locale, missing std streams, a closed pipe, redraws.

The commands run in a child process, as a user runs them: `python -m runyard_desktop …` with the
locale's code page forced to cp1252 (what Windows gives a pipe), or through a `python -c` wrapper that
takes the streams away (pythonw, the windowed Runyard.exe) before calling `cli.main`.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from runyard_desktop.commands import console
from runyard_desktop.commands.install_ollama import ProgressLine
from runyard_desktop.commands.pull import TerminalSink
from runyard_desktop.core.ollama.types import PullPhase, PullState, PullStatus
from runyard_desktop.core.ollama_install.fetch import FetchProgress
from runyard_desktop.core.ollama_install.installer import InstallStep

ROOT = Path(__file__).resolve().parents[1]
CP1252 = {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    return {**env, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **extra}


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "runyard_desktop", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_fit_output_is_utf8_through_a_pipe_with_a_cp1252_locale(fmt: str) -> None:
    result = _cli("fit", *(["--json"] if fmt == "json" else []), env=_env(**CP1252))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # strict: cp1252 bytes for "–" would not decode
    wanted = ("≥", "★", "–") if fmt == "table" else ("–",)
    assert all(char in text for char in wanted), text[:400]


def test_a_closed_pipe_ends_fit_quietly() -> None:
    """`fit --json | head -1`: the reader is gone before the command writes, and no traceback follows."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "runyard_desktop", "fit", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=_env(),
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr.decode() == "" and result.returncode == 1


def _without_streams(names: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """`cli.main(argv)` in a child whose named std streams are None, as in a windowed app."""
    code = f"import sys\nfor n in {names.split()!r}: setattr(sys, n, None)\nfrom runyard_desktop.cli import main\nsys.exit(main({list(argv)!r}))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60, check=False
    )


def test_no_stdout_or_stderr_is_harmless() -> None:
    for argv in (["fit"], ["detect", "--json"], ["--help"]):
        result = _without_streams("stdout stderr stdin", *argv)
        assert result.returncode == 0 and result.stdout == "" and result.stderr == "", (argv, result.stderr)


def test_chat_without_stdin_says_so_and_fails() -> None:
    result = _without_streams("stdin stdout", "chat", "qwen3.5:4b", "--host", "http://127.0.0.1:9")
    assert result.returncode == 1, result.stderr
    assert "no input to chat from" in result.stderr and "command line" in result.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Kernel32:
    """The three console calls, answering as a console with (or without) virtual-terminal support."""

    def __init__(self, *, supports_vt: bool) -> None:
        self.supports_vt = supports_vt
        self.set_to: list[int] = []

    def GetStdHandle(self, which: int) -> int:
        return 7

    def GetConsoleMode(self, handle: int, mode: Any) -> int:
        mode._obj.value = 0x0003  # processed output, wrap at end of line
        return 1

    def SetConsoleMode(self, handle: int, mode: int) -> int:
        self.set_to.append(mode)
        return int(self.supports_vt)


def test_windows_console_is_switched_to_virtual_terminal_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "_vt_cache", {})
    kernel32 = _Kernel32(supports_vt=True)
    assert console.virtual_terminal(_Tty(), platform="win32", kernel32=kernel32)
    assert kernel32.set_to == [0x0003 | console.ENABLE_VIRTUAL_TERMINAL_PROCESSING]
    refused = _Kernel32(supports_vt=False)
    assert not console.virtual_terminal(_Tty(), platform="win32", kernel32=refused) and refused.set_to
    assert not console.virtual_terminal(io.StringIO(), platform="win32", kernel32=kernel32)  # a pipe


def _state(done: int) -> PullState:
    return PullState(
        "qwen3.5:4b", PullStatus.RUNNING, PullPhase.DOWNLOADING, completed=done, total=1000, message="Downloading"
    )


def test_progress_redraws_with_a_plain_carriage_return_without_vt_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows with no virtual-terminal mode (forced here: no ctypes.windll on Linux), no escape codes."""
    monkeypatch.setattr(console, "_vt_cache", {})
    monkeypatch.setattr(sys, "platform", "win32")
    out = _Tty()
    sink = TerminalSink(out, interval_s=0.0)
    monkeypatch.undo()
    sink.push(_state(500))
    sink.push(_state(1000))
    sink.end_line()
    text = out.getvalue()
    assert "\x1b" not in text and text.count("\r") >= 2 and text.endswith("\n")
    ansi = _Tty()
    vt_sink = TerminalSink(ansi, interval_s=0.0, ansi=True)
    vt_sink.push(_state(500))
    assert ansi.getvalue().startswith("\r\x1b[2K")


def test_install_progress_redraws_with_a_plain_carriage_return_without_vt_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """`install-ollama` draws its line like `pull`: no escape codes where the console has no VT mode."""
    monkeypatch.setattr(console, "_vt_cache", {})
    monkeypatch.setattr(sys, "platform", "win32")
    out = _Tty()
    line = ProgressLine(out)
    monkeypatch.undo()
    for done in (0, 500_000, 1_000_000):
        progress = FetchProgress("ollama-linux-amd64.tgz", done, 1_000_000, speed_bps=250_000.0)
        line.step(InstallStep("download", "Downloading", progress))
    line.end()
    text = out.getvalue()
    assert "\x1b" not in text and text.count("\r") >= 2 and text.endswith("\n")
    assert "[########################] 100%  1.0 MB / 1.0 MB" in text  # the last one always drawn
    ansi = _Tty()
    ProgressLine(ansi, ansi=True).step(InstallStep("download", "Downloading", progress))
    assert ansi.getvalue().startswith("\r\x1b[2K")


def test_piped_stdin_is_read_as_utf8_with_a_cp1252_locale() -> None:
    """`chat MODEL < notes.txt` on Windows: a UTF-8 file must not be decoded with the code page."""
    code = (
        "import sys; from runyard_desktop.commands import console; console.prepare_streams(); "
        "sys.stdout.write(sys.stdin.read())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input="naïve ≥ 東京 🙂\n".encode(),
        capture_output=True,
        env=_env(**CP1252),
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8") == "naïve ≥ 東京 🙂\n"


def test_messages_name_the_command_this_copy_was_installed_as() -> None:
    from runyard_desktop.core.command_name import command_name

    assert command_name(frozen=False) == "runyard-desktop"
    assert command_name(frozen=True, platform="win32") == "runyard-cli"  # Runyard.exe is windowed: cannot print
    assert command_name(frozen=True, platform="linux", executable="/opt/Runyard/Runyard") == "Runyard"
