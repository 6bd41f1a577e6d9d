"""`runyard-desktop serve`: the Start button's path from the terminal, with a fake `ollama` on PATH.

The fake runs the stand-in server on $OLLAMA_HOST's port (or prints what a busy port makes Ollama print),
and writes the environment it was given, so the frozen-bundle smoke (packaging/child_env_smoke.py) can use
the same command to prove the child sees no bundle path.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from runyard_desktop.cli import main
from tests.support.fake_ollama_program import SERVE_STAND_IN, fake_ollama_program
from tests.support.ports import unused_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for ollama")


def _fake_ollama(folder: Path, body: str) -> Path:
    folder.mkdir()
    fake_ollama_program(folder / "ollama", body)
    return folder


def _serving(folder: Path, env_file: Path) -> Path:
    dump = f"import json, os; json.dump(dict(os.environ), open({str(env_file)!r}, 'w'))"
    return _fake_ollama(
        folder,
        f'"{sys.executable}" -c "{dump}"\n{SERVE_STAND_IN}',
    )


def test_serve_starts_ollama_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    env_file = tmp_path / "ollama-env.json"
    bin_dir = _serving(tmp_path / "bin", env_file)
    url = f"http://127.0.0.1:{unused_port()}"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "runyard_desktop", "serve", "--host", url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        assert f"Ollama serves at {url}" in line, (line, proc.stderr.read() if proc.poll() is not None else "")
        (server,) = psutil.Process(proc.pid).children()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0 and "Stopped Ollama." in err
    server.wait(10)  # psutil.TimeoutExpired if the command left its server running
    seen = json.loads(env_file.read_text())
    assert seen["OLLAMA_HOST"] == url.removeprefix("http://")
    assert (Path(os.environ["RUNYARD_HOME"]) / "logs" / "ollama-serve.log").exists()


def test_a_busy_port_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    address = f"127.0.0.1:{unused_port()}"
    busy = f"echo 'Error: listen tcp {address}: bind: address already in use'; exit 1"
    monkeypatch.setenv("PATH", f"{_fake_ollama(tmp_path / 'bin', busy)}{os.pathsep}{os.environ['PATH']}")
    assert main(["serve", "--host", f"http://{address}"]) == 1
    assert f"another program is already using {address}" in capsys.readouterr().err


def test_a_running_server_is_left_alone(fake_ollama, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    started = tmp_path / "started"
    monkeypatch.setenv("PATH", str(_fake_ollama(tmp_path / "bin", f'touch "{started}"; exit 1')))
    assert main(["serve", "--host", fake_ollama.url]) == 0
    assert "already running" in capsys.readouterr().out
    assert not started.exists()


def test_another_computer_is_not_started(capsys) -> None:
    assert main(["serve", "--host", "http://10.1.2.3:11434"]) == 1
    assert "another computer" in capsys.readouterr().err
