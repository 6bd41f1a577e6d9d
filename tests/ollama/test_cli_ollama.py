"""pull / chat / models / rm commands against the stand-in, including Ctrl-C on a real child process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runyard_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_pull_then_models_then_rm(fake_ollama, capsys) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (5_000_000, 1429, 561))
    code, out, err = _run(capsys, "pull", "qwen3.5:4b", "--host", fake_ollama.url)
    assert code == 0, err
    assert "Downloaded qwen3.5:4b" in out and "Verifying" in err
    fake_ollama.load("qwen3.5:4b", size_vram=2_500_000, context_length=8192)
    code, out, _ = _run(capsys, "models", "--host", fake_ollama.url)
    assert code == 0 and "qwen3.5:4b" in out and "CPU/GPU" in out and "8192" in out
    import json

    code, out, _ = _run(capsys, "models", "--json", "--host", fake_ollama.url)
    data = json.loads(out)
    assert code == 0 and data["installed"][0]["name"] == "qwen3.5:4b"
    assert data["loaded"][0]["context_length"] == 8192 and 0 < data["loaded"][0]["gpu_share"] < 1
    code, out, _ = _run(capsys, "rm", "qwen3.5:4b", "--host", fake_ollama.url)
    assert code == 0 and "Deleted" in out
    code, _, err = _run(capsys, "rm", "qwen3.5:4b", "--host", fake_ollama.url)
    assert code == 1 and "nothing to delete" in err


@pytest.mark.parametrize(
    ("kind", "words"), [("offline", "internet"), ("needs_newer", "newer version"), ("unknown_model", "no model called")]
)
def test_pull_failures_exit_1_with_a_plain_message(fake_ollama, capsys, kind: str, words: str) -> None:
    fake_ollama.add_remote("qwen3.5:4b")
    fake_ollama.fail("pull", kind)
    code, _, err = _run(capsys, "pull", "qwen3.5:4b", "--host", fake_ollama.url)
    assert code == 1 and words in err and "Traceback" not in err
    if kind == "needs_newer":
        assert "this computer has Ollama 0.17.1" in err


def test_not_running(capsys) -> None:
    for argv in (["pull", "x"], ["models"], ["chat", "x", "hi"], ["rm", "x"]):
        code, _, err = _run(capsys, *argv)  # OLLAMA_HOST points at a closed port
        assert code == 1 and "not running" in err, argv


def test_chat_one_reply_thinking_to_stderr(fake_ollama, capsys) -> None:
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion", "thinking"))
    fake_ollama.script_reply("qwen3.5:4b", content=["Blue ", "light ", "scatters."], thinking=["Rayleigh"])
    code, out, err = _run(
        capsys,
        "chat",
        "qwen3.5:4b",
        "Why is the sky blue?",
        "--system",
        "Be brief",
        "--num-ctx",
        "8192",
        "--host",
        fake_ollama.url,
    )
    assert code == 0 and out == "Blue light scatters.\n" and "Rayleigh" in err
    body = fake_ollama.bodies("/api/chat")[-1]
    assert body["messages"][0] == {"role": "system", "content": "Be brief"} and body["options"]["num_ctx"] == 8192
    code, out, err = _run(capsys, "chat", "qwen3.5:4b", "again", "--no-think", "--host", fake_ollama.url)
    assert code == 0 and "Rayleigh" not in err
    assert fake_ollama.bodies("/api/chat")[-1]["think"] is False


def test_chat_takes_options_between_the_model_and_the_prompt(fake_ollama, capsys) -> None:
    fake_ollama.add_installed("qwen3.5:0.8b", capabilities=("completion", "thinking"))
    code, out, err = _run(capsys, "chat", "qwen3.5:0.8b", "--no-think", "Say hi", "--host", fake_ollama.url)
    assert code == 0, err
    assert "You said: Say hi" in out
    body = fake_ollama.bodies("/api/chat")[-1]
    assert body["think"] is False and body["messages"][-1]["content"] == "Say hi"


def test_chat_file_warns_when_it_will_not_fit(fake_ollama, capsys, tmp_path) -> None:
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    doc = tmp_path / "report.txt"
    doc.write_text("word " * 8000, encoding="utf-8")
    code, out, err = _run(capsys, "chat", "qwen3.5:4b", "--file", str(doc), "--host", fake_ollama.url)
    assert code == 0 and out
    assert "report.txt" in err and "--num-ctx 16384" in err
    sent = fake_ollama.bodies("/api/chat")[-1]["messages"][-1]["content"]
    assert sent.startswith("Summarise this document.") and "--- report.txt ---" in sent
    code, _, err = _run(
        capsys, "chat", "qwen3.5:4b", "--file", str(doc), "--num-ctx", "32768", "--host", fake_ollama.url
    )
    assert code == 0 and "warning" not in err


def _loaded_context(fake_ollama, model: str) -> int | None:
    with fake_ollama.state.lock:
        loaded = fake_ollama.state.loaded.get(model)
    return loaded[2] if loaded else None


def test_chat_keeps_the_context_the_model_is_loaded_with(fake_ollama, capsys, tmp_path) -> None:
    """Without --num-ctx the loaded runner's context is sent: the real server would otherwise reload the
    model with its default (server/sched.go needsReload), cutting off a document the warning let through."""
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    fake_ollama.load("qwen3.5:4b", context_length=8192)  # as the window loads it: with an explicit num_ctx
    doc = tmp_path / "notes.txt"
    doc.write_text("word " * 5000, encoding="utf-8")  # about 6,250 tokens: fits 8192, not 4096
    code, _, err = _run(capsys, "chat", "qwen3.5:4b", "--file", str(doc), "--host", fake_ollama.url)
    assert code == 0 and "warning" not in err
    assert fake_ollama.bodies("/api/chat")[-1]["options"]["num_ctx"] == 8192
    assert _loaded_context(fake_ollama, "qwen3.5:4b") == 8192  # not reloaded


def test_chat_context_warning_names_the_context_the_server_uses(fake_ollama, capsys, tmp_path) -> None:
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    fake_ollama.state.default_num_ctx = 32768  # a server whose own default differs from the app's
    doc = tmp_path / "notes.txt"
    doc.write_text("word " * 5000, encoding="utf-8")
    code, _, err = _run(capsys, "chat", "qwen3.5:4b", "--file", str(doc), "--host", fake_ollama.url)
    assert code == 0 and "the context is 4,096 tokens" in err and "--num-ctx 8192" in err
    assert fake_ollama.bodies("/api/chat")[-1]["options"]["num_ctx"] == 4096
    assert _loaded_context(fake_ollama, "qwen3.5:4b") == 4096


def test_chat_without_a_loaded_model_sends_the_windows_default_context(fake_ollama, capsys, tmp_path) -> None:
    from runyard_desktop.core.appdata import settings as settings_store
    from runyard_desktop.core.appdata.paths import app_paths

    settings_store.save(settings_store.Settings(default_context=16384), app_paths().settings_file)
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    code, _, err = _run(capsys, "chat", "qwen3.5:4b", "hi", "--host", fake_ollama.url)
    assert code == 0, err
    assert fake_ollama.bodies("/api/chat")[-1]["options"]["num_ctx"] == 16384
    assert _loaded_context(fake_ollama, "qwen3.5:4b") == 16384


def test_chat_errors_and_interactive(fake_ollama, capsys, monkeypatch) -> None:
    code, _, err = _run(capsys, "chat", "qwen3.5:27b", "hi", "--host", fake_ollama.url)
    assert code == 1 and "not downloaded" in err
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.fail("chat", "mid_stream")
    code, _, err = _run(capsys, "chat", "qwen3.5:4b", "hi", "--host", fake_ollama.url)
    assert code == 1 and "error" in err.lower()
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("first\nsecond\n/bye\n"))
    code, out, _ = _run(capsys, "chat", "qwen3.5:4b", "--host", fake_ollama.url)
    assert code == 0 and "You said: first" in out and "You said: second" in out
    last = fake_ollama.bodies("/api/chat")[-1]["messages"]
    assert [m["role"] for m in last] == ["user", "assistant", "user"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_cancels_pull_and_pull_again_resumes(fake_ollama) -> None:
    fake_ollama.add_remote("qwen3.5:9b", (400_000_000, 1429, 561))
    fake_ollama.bytes_per_tick = 1_000_000
    # A background job started from a script ignores SIGINT, and children inherit that: reset it.
    launcher = (
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
        "os.execv(sys.executable, [sys.executable, '-m', 'runyard_desktop'] + sys.argv[1:])"
    )
    argv = [sys.executable, "-c", launcher, "pull", "qwen3.5:9b", "--host", fake_ollama.url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert child.stderr is not None
    try:
        seen = b""
        while not re.search(rb"\] +[1-9]\d*%", seen):  # the client itself has shown progress (a line per 2 s)
            line = child.stderr.readline()
            assert line, f"pull ended early: {seen!r}"
            seen += line
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=10)
        err = seen + err
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    gone = fake_ollama.wait_disconnect("pull", timeout=1.0)
    assert child.returncode == 130, err.decode()
    assert gone - sent < 1.0
    text = err.decode()
    assert "Cancelled" in text and "runyard-desktop pull qwen3.5:9b" in text and "again to resume" in text
    assert " MB is kept" in text
    assert "Traceback" not in text, text
    kept = fake_ollama.partial("qwen3.5:9b")
    fake_ollama.bytes_per_tick = 100_000_000
    again = subprocess.run(argv, capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert again.returncode == 0, again.stderr.decode()
    assert "Resuming from" in again.stderr.decode() and kept > 0


def test_chat_copes_with_a_server_without_show(fake_ollama, capsys) -> None:
    fake_ollama.add_installed("qwen3.5:4b")
    fake_ollama.fail("show", "status", status=500, body={"error": "something odd"})
    fake_ollama.fail("ps", "status", status=404, body=None)
    code, out, err = _run(capsys, "chat", "qwen3.5:4b", "hi", "--host", fake_ollama.url)
    assert code == 0 and "You said: hi" in out, err
