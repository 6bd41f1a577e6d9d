"""Starting Ollama per OS for the configured address, and stopping the server we started, per OS.

The desktop app (macOS, Windows) serves on its own settings, 127.0.0.1:11434 (app/server/server.go,
`Server.cmd`); for any other address Runyard runs `ollama serve` with that OLLAMA_HOST. On Windows
the child gets its own process group and is stopped with CTRL_BREAK before any kill, as the app does
(app/server/server_windows.go, `commandContext`, `terminate`, `stop`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest

from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from tests.support.fake_ollama_program import fake_ollama_program


class FakeChild:
    """A Popen stand-in that records what was done to it; `obeys` says whether a stop request ends it."""

    pid = 4242

    def __init__(self, calls: list[tuple[Any, ...]], *, obeys: bool = True) -> None:
        self.calls = calls
        self.obeys = obeys
        self.returncode: int | None = None

    def poll(self) -> int | None:
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        self.calls.append(("wait", timeout))
        if self.returncode is None:
            raise subprocess.TimeoutExpired("ollama serve", timeout or 0)
        return self.returncode

    def terminate(self) -> None:
        self.calls.append(("terminate",))
        if self.obeys:
            self.returncode = 0

    def kill(self) -> None:
        self.calls.append(("kill",))
        self.returncode = -9


class Recorder:
    """Stands in for subprocess.Popen in `launch`: records argv and keyword arguments."""

    def __init__(self) -> None:
        self.started: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, argv: list[str], **kw: Any) -> subprocess.Popen[bytes]:
        self.started.append((argv, kw))
        return cast("subprocess.Popen[bytes]", FakeChild([]))  # a test double in Popen's place


APP = {"darwin": "/Applications/Ollama.app", "win32": "C:/Users/u/AppData/Local/Programs/Ollama/ollama app.exe"}
CLI = {"darwin": "/Applications/Ollama.app/Contents/Resources/ollama", "win32": "C:/ollama/ollama.exe"}


@pytest.mark.parametrize("platform", ["darwin", "win32"])
@pytest.mark.parametrize("host", ["http://127.0.0.1:11434", "http://localhost:11434"])
def test_the_apps_own_address_launches_the_app(platform: str, host: str, tmp_path: Path) -> None:
    popen = Recorder()
    install = server.Installation(CLI[platform], APP[platform])
    assert server.launch(install, host, tmp_path / "log", platform, popen=popen) is None
    [(argv, _kw)] = popen.started
    assert APP[platform] in argv and "serve" not in argv


@pytest.mark.parametrize("platform", ["darwin", "win32"])
@pytest.mark.parametrize(
    ("host", "ollama_host"),
    [("http://127.0.0.1:11500", "127.0.0.1:11500"), ("http://[::1]:11434", "[::1]:11434")],
)
def test_another_address_runs_ollama_serve_with_that_host(
    platform: str, host: str, ollama_host: str, tmp_path: Path
) -> None:
    popen = Recorder()
    install = server.Installation(CLI[platform], APP[platform])
    child = server.launch(install, host, tmp_path / "log", platform, popen=popen)
    [(argv, kw)] = popen.started
    assert argv == [CLI[platform], "serve"]
    assert kw["env"]["OLLAMA_HOST"] == ollama_host
    assert child is not None
    if platform == "win32":
        # no console window (closing it would kill Ollama), and a process group of its own for CTRL_BREAK
        assert kw["creationflags"] == server.CREATE_NO_WINDOW | server.CREATE_NEW_PROCESS_GROUP == 0x08000200
        assert child.own_group
    else:
        assert "creationflags" not in kw and not child.own_group


def test_only_the_app_and_another_address_says_why_it_cannot_start(tmp_path: Path) -> None:
    popen = Recorder()
    with pytest.raises(OllamaError) as failed:
        server.launch(
            server.Installation(None, APP["darwin"]), "http://127.0.0.1:11500", tmp_path / "log", "darwin", popen=popen
        )
    assert popen.started == []
    assert failed.value.kind is ErrorKind.NOT_RUNNING
    assert "127.0.0.1:11500" in failed.value.message and "OLLAMA_HOST=127.0.0.1:11500" in failed.value.next_step


def _windows_child(
    calls: list[tuple[Any, ...]], *, obeys: bool = True, os_kill_fails: bool = False
) -> server.ServerProcess:
    child = FakeChild(calls, obeys=obeys)

    def send_signal(pid: int, sig: int) -> None:
        calls.append(("os.kill", pid, sig))
        if os_kill_fails:
            raise OSError(6, "The handle is invalid")
        if child.obeys:
            child.returncode = 0

    def via_console(pid: int) -> bool:
        calls.append(("console", pid))
        if child.obeys:
            child.returncode = 0
        return True

    return server.ServerProcess(
        child,  # type: ignore[arg-type]  # FakeChild: only the Popen calls stop() makes, recorded
        Path("log"),
        own_group=True,
        send_signal=send_signal,
        break_via_console=via_console,
        end_tree=_tree_killer(calls),
    )


def _tree_killer(calls: list[tuple[Any, ...]]) -> Any:
    """Records the end of the whole tree (the real one would look up pid 4242 on this machine)."""

    def end_tree(popen: FakeChild) -> None:
        calls.append(("end tree", popen.pid))
        popen.kill()

    return end_tree


def test_windows_stop_sends_ctrl_break_to_its_group_first() -> None:
    calls: list[tuple[Any, ...]] = []
    _windows_child(calls).stop(timeout=3.0)
    assert calls == [("os.kill", 4242, server.CTRL_BREAK_EVENT), ("wait", 3.0)]


def test_windows_stop_kills_only_after_the_time_out() -> None:
    calls: list[tuple[Any, ...]] = []
    _windows_child(calls, obeys=False).stop(timeout=3.0)
    assert calls == [
        ("os.kill", 4242, server.CTRL_BREAK_EVENT),
        ("wait", 3.0),
        ("end tree", 4242),
        ("kill",),
        ("wait", 3.0),
    ]


def test_windows_stop_without_a_shared_console_goes_through_the_childs_console() -> None:
    calls: list[tuple[Any, ...]] = []
    _windows_child(calls, os_kill_fails=True).stop(timeout=3.0)
    assert calls == [("os.kill", 4242, server.CTRL_BREAK_EVENT), ("console", 4242), ("wait", 3.0)]


def test_the_console_route_is_windows_only() -> None:
    if sys.platform == "win32":
        pytest.skip("sends a real console event")
    assert server.break_through_its_console(4242) is False


def test_posix_stop_is_sigterm_then_sigkill() -> None:
    calls: list[tuple[Any, ...]] = []
    child = FakeChild(calls, obeys=False)
    server.ServerProcess(child, Path("log"), end_tree=_tree_killer(calls)).stop(timeout=2.0)  # type: ignore[arg-type]  # FakeChild for Popen
    assert calls == [("terminate",), ("wait", 2.0), ("end tree", 4242), ("kill",), ("wait", 2.0)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("obeys", [True, False])
def test_posix_stop_of_a_real_child(obeys: bool, tmp_path: Path) -> None:
    """A real child that exits on SIGTERM stops with it; one that ignores SIGTERM is killed after the time-out."""
    script = tmp_path / "serve.py"
    script.write_text(
        "import signal, sys, time\n"
        f"signal.signal(signal.SIGTERM, {'lambda *_: sys.exit(0)' if obeys else 'signal.SIG_IGN'})\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    time.sleep(0.05)\n"
    )
    popen = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE)
    assert popen.stdout is not None and popen.stdout.readline() == b"ready\n"  # its handler is set
    popen.stdout.close()
    server.ServerProcess(popen, tmp_path / "log").stop(timeout=0.5 if not obeys else 10.0)
    assert popen.returncode == (0 if obeys else -9)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_kill_after_the_time_out_ends_the_runners_too(tmp_path: Path) -> None:
    """A server that ignores the stop request is ended with what it started (Ollama's model runners)."""
    import psutil

    script = tmp_path / "serve.py"
    script.write_text(
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "runner = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(runner.pid, flush=True)\n"
        "while True:\n"
        "    time.sleep(0.05)\n"
    )
    popen = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE)
    assert popen.stdout is not None
    runner = psutil.Process(int(popen.stdout.readline()))
    popen.stdout.close()
    server.ServerProcess(popen, tmp_path / "log").stop(timeout=0.5)
    assert popen.returncode == -9
    try:
        runner.wait(5)  # TimeoutExpired if it outlived its server...
    except psutil.TimeoutExpired:
        assert runner.status() == psutil.STATUS_ZOMBIE  # ...unless it is dead, left for its new parent to reap


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for ollama")
def test_service_on_macos_with_another_port_serves_it_instead_of_waiting_for_the_app(
    runner, qtbot, tmp_path, monkeypatch
) -> None:
    from runyard_desktop.core.ollama.types import ServerState
    from runyard_desktop.tasks.ollama_service import OllamaService
    from tests.support.ports import unused_port

    real_popen = subprocess.Popen

    def popen(argv: list[str], **kw: Any) -> subprocess.Popen[bytes]:
        if argv[0] == "/usr/bin/open":  # launching the desktop app: it would serve 11434, not our port
            raise FileNotFoundError(argv[0])
        return real_popen(argv, **kw)

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(subprocess, "Popen", popen)
    install = server.Installation(str(fake_ollama_program(tmp_path / "ollama")), "/Applications/Ollama.app")
    service = OllamaService(
        runner,
        f"http://127.0.0.1:{unused_port()}",
        log_dir=tmp_path,
        find_installation=lambda: install,
        recheck_interval_s=None,
    )
    failures: list[object] = []
    service.operation_failed.connect(lambda _op, exc: failures.append(exc))
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    service.start_server()
    qtbot.waitUntil(lambda: service.status.state is ServerState.RUNNING or bool(failures), timeout=20_000)
    assert failures == [] and service.status.started_by_us
    service.shutdown()


def test_service_says_at_once_why_the_app_cannot_serve_another_port(runner, qtbot, tmp_path, monkeypatch) -> None:
    from runyard_desktop.core.ollama.types import ServerState
    from runyard_desktop.tasks.ollama_service import OllamaService
    from tests.support.ports import unused_port

    monkeypatch.setattr(sys, "platform", "darwin")
    install = server.Installation(None, "/Applications/Ollama.app")
    service = OllamaService(
        runner,
        f"http://127.0.0.1:{unused_port()}",
        log_dir=tmp_path,
        find_installation=lambda: install,
        recheck_interval_s=None,
    )
    with qtbot.waitSignal(service.operation_failed, timeout=5000) as failed:
        service.start_server()
    assert "desktop app always serves on 127.0.0.1:11434" in failed.args[1].message
    # the check after the failed start says "stopped", not "starting" for the next 30 s
    qtbot.waitUntil(lambda: service.status.state is ServerState.STOPPED, timeout=5000)


@pytest.mark.parametrize(
    "printed",
    [
        "Error: listen tcp 127.0.0.1:11500: bind: address already in use\n",
        "Error: listen tcp 127.0.0.1:11500: bind: Only one usage of each socket address"
        " (protocol/network address/port) is normally permitted.\n",
    ],
)
def test_a_busy_port_is_named_from_what_ollama_serve_printed(printed: str) -> None:
    error = server.start_failure("time=… level=INFO msg=starting\n" + printed)
    assert error is not None and error.kind is ErrorKind.NOT_RUNNING
    assert "another program is already using 127.0.0.1:11500" in error.message and "Settings" in error.next_step
    assert server.start_failure("Error: could not create directory /root/.ollama\n") is None


def test_only_this_childs_output_is_read_back(tmp_path: Path) -> None:
    log_file = tmp_path / "ollama-serve.log"
    log_file.write_bytes(b"Error: listen tcp 127.0.0.1:11434: bind: address already in use\n")  # an older run
    child = server.ServerProcess(
        cast("subprocess.Popen[bytes]", FakeChild([])), log_file, log_offset=log_file.stat().st_size
    )
    with open(log_file, "ab") as out:
        out.write(b"x" * 20_000 + b"\nthis run's last line\n")
    tail = child.output_tail()
    assert tail.endswith("this run's last line\n") and "bind" not in tail and len(tail) <= server.EXIT_TEXT_LIMIT


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for ollama")
def test_service_says_which_address_is_busy_when_ollama_serve_exits(runner, qtbot, tmp_path) -> None:
    import stat

    from runyard_desktop.tasks.ollama_service import OllamaService
    from tests.support.ports import unused_port

    fake_bin = tmp_path / "ollama"  # as `ollama serve` does when the port is taken: cobra's error, exit 1
    fake_bin.write_text('#!/bin/sh\necho "Error: listen tcp $OLLAMA_HOST: bind: address already in use" >&2\nexit 1\n')
    fake_bin.chmod(fake_bin.stat().st_mode | stat.S_IXUSR)
    port = unused_port()
    install = server.Installation(str(fake_bin), None)
    service = OllamaService(
        runner, f"http://127.0.0.1:{port}", log_dir=tmp_path, find_installation=lambda: install, recheck_interval_s=None
    )
    with qtbot.waitSignal(service.operation_failed, timeout=20_000) as failed:
        service.start_server()
    assert f"another program is already using 127.0.0.1:{port}" in failed.args[1].message
    service.shutdown()
