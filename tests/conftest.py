"""Test harness: offscreen Qt, a private RUNYARD_HOME per test, no real network, no leaked threads, no asyncio errors."""

from __future__ import annotations

import gc
import ipaddress
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

# Must be set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest

from runyard_desktop.tasks import pyside_imports

pyside_imports.install()  # as the app does on start-up; also makes the suite's imports cheaper

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

pytest_plugins = ["tests.support.fake_ollama_fixture", "tests.support.fifo_probe"]

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check_address(address: object) -> None:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        try:
            if ipaddress.ip_address(host).is_loopback:
                return
        except ValueError:
            if host == "localhost":
                return
        raise RuntimeError(f"test tried to reach the network: {address!r} (only loopback is allowed)")


def _guarded_connect(self: socket.socket, address: tuple[Any, ...] | str | ReadableBuffer) -> None:
    _check_address(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: tuple[Any, ...] | str | ReadableBuffer) -> int:
    _check_address(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(autouse=True)
def runyard_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every file the app writes goes to a fresh directory; no real Ollama is ever reachable."""
    home = tmp_path_factory.mktemp("runyard-home")
    monkeypatch.setenv("RUNYARD_HOME", str(home))
    # Port 9 (discard) on loopback: connection refused, so a forgotten --host never finds a real server.
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:9")
    monkeypatch.setenv("OLLAMA_MODELS", str(home / "ollama-models"))
    yield str(home)


# The runner's threads: its event loop, and the executor for blocking calls (runyard-io_0, _1, …).
RUNNER_THREAD_PREFIXES = ("runyard-loop", "runyard-io")
THREAD_EXIT_GRACE_S = 3.0


def leaked_threads(before: set[threading.Thread], grace_s: float = THREAD_EXIT_GRACE_S) -> list[str]:
    """Names of the runner's threads started since `before` that are still running after `grace_s`.

    `TaskRunner.shutdown` joins the loop thread but lets the executor's threads end on their own
    (`shutdown(wait=False)`), so a thread that is already ending is waited for, up to `grace_s` in
    all; one that is still running then was never shut down (or its blocking call outlived the test).
    """
    deadline = time.monotonic() + grace_s
    new = [t for t in threading.enumerate() if t not in before and t.name.startswith(RUNNER_THREAD_PREFIXES)]
    for thread in new:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in new if t.is_alive()]


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves one of the runner's threads running (e.g. a window never closed)."""
    before = set(threading.enumerate())
    yield
    leaked = leaked_threads(before)
    assert not leaked, f"background threads left running: {leaked}"


def _modal(*args: object, **kwargs: object) -> None:
    raise AssertionError("a test opened a modal dialog; it would wait for a click forever (replace the asker)")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail fast where a modal dialog would hang the run: no one is there to answer it.

    A question the app asks only on some machines (low memory, a small disk) must not turn into a
    suite that waits until CI's time limit. Tests that expect a question replace the asker.
    """
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    monkeypatch.setattr(QDialog, "exec", _modal)
    monkeypatch.setattr(QMessageBox, "exec", _modal)
    for name in ("critical", "warning", "question", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, _modal)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, _modal)
    for name in ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, _modal)


class _AsyncioErrors(logging.Handler):
    """What asyncio logs at ERROR from any thread: task exceptions never retrieved, failing callbacks."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0])  # no traceback formatting off the main thread


_asyncio_errors = _AsyncioErrors()
logging.getLogger("asyncio").addHandler(_asyncio_errors)


@pytest.fixture(autouse=True)
def _no_asyncio_errors() -> Iterator[None]:
    """Fail a test during which asyncio logged an error: each one is a job or a connection nobody ended.

    "Task exception was never retrieved" is logged when the garbage collector finds the task, so it
    can surface during a later test; the session end collects once more and checks again.
    """
    _asyncio_errors.messages.clear()
    yield
    seen, _asyncio_errors.messages[:] = list(_asyncio_errors.messages), []
    assert not seen, f"asyncio logged errors (possibly left by an earlier test): {seen}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    gc.collect()
    if _asyncio_errors.messages:
        print(f"\nasyncio logged errors after the last test: {_asyncio_errors.messages}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def main_window(qtbot):
    """The real window from the contract entry point, closed (services stopped) at teardown."""
    from runyard_desktop.app import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.fixture
def runner(qtbot):
    """A TaskRunner that is always shut down."""
    from runyard_desktop.tasks.runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
