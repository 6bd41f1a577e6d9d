"""The CLI prints no control sequence it did not write: model output, thinking, names, server errors."""

from __future__ import annotations

import re

import pytest

from runyard_desktop.cli import main
from runyard_desktop.core.terminal_text import TerminalTextFilter, terminal_safe

TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
# What may reach a terminal: printable text, newline, tab; the progress redraw is the CLI's own.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_clean(*texts: str) -> None:
    for text in texts:
        assert not CONTROL.search(text), repr(text)


def test_chat_reply_and_thinking_lose_their_escape_sequences(fake_ollama, capsys) -> None:
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion", "thinking"))
    # Sequences split across chunks, as a stream may deliver them.
    fake_ollama.script_reply(
        "qwen3.5:4b",
        content=["Hi \x1b]0;pw", "ned\x07the", "re", CLEAR, " ", LINK[:9], LINK[9:], "\x9b31m.\r\n"],
        thinking=["think\x1b[", "2Jing", TITLE],
    )
    code, out, err = _run(capsys, "chat", "qwen3.5:4b", "hello", "--host", fake_ollama.url)
    assert code == 0, err
    assert out == "Hi there click.\n"
    assert "thinking" in err
    _assert_clean(out, err)


def test_models_lists_a_name_with_escapes_harmlessly(fake_ollama, capsys) -> None:
    fake_ollama.add_installed(f"evil{TITLE}{CLEAR}:4b")
    fake_ollama.load(f"evil{TITLE}{CLEAR}:4b")
    code, out, err = _run(capsys, "models", "--host", fake_ollama.url)
    assert code == 0, err
    assert out.count("evil:4b") == 2
    _assert_clean(out)


def test_a_server_error_with_escapes_is_printed_without_them(fake_ollama, capsys) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.fail("chat", "status", status=500, body={"error": f"boom{TITLE}{CLEAR}{LINK}"})
    code, _, err = _run(capsys, "chat", "qwen3.5:4b", "hello", "--host", fake_ollama.url)
    assert code == 1 and "boom" in err and "click" in err
    _assert_clean(err)


def test_pull_progress_and_result_carry_no_escapes_from_the_name(fake_ollama, capsys) -> None:
    name = f"evil{TITLE}:4b"
    fake_ollama.add_remote(name, (5_000_000, 1429, 561))
    code, out, err = _run(capsys, "pull", name, "--host", fake_ollama.url)
    assert code == 0, err
    assert "Downloaded evil:4b" in out
    _assert_clean(out, err)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]0;t\x07b", "ab"),  # OSC ended by BEL
        ("a\x1b]8;;http://x\x1b\\b\x1b]8;;\x1b\\", "ab"),  # OSC 8 hyperlink, ended by ST
        ("a\x1b[2Jb\x1b[1;31mc", "abc"),  # CSI
        ("a\x9b2Jb\x9d0;t\x9cc", "abc"),  # 8-bit CSI and OSC
        ("a\x1bPq#0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1b(Bb\x1bcc", "abc"),  # two-byte ESC sequences
        ("a\rb\x08c\x00d\x7fe", "abcde"),  # other controls
        ("line\n\tindented\r\n", "line\n\tindented\n"),  # newline and tab stay
        ("a\x1b]0;never ended", "a"),  # an unterminated string command swallows the rest
    ],
)
def test_terminal_safe(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown
    stream = TerminalTextFilter()  # one character at a time gives the same text
    assert "".join(stream.feed(ch) for ch in raw) + stream.flush() == shown
