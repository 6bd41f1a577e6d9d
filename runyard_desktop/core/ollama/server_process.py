"""The `ollama serve` child Runyard started, and how it is stopped: ask first, end the whole tree last.

SIGTERM on macOS/Linux; on Windows CTRL_BREAK to the child's own process group, as Ollama's desktop
app does (app/server/server_windows.go, `terminate`), so that Ollama stops its model runners itself.
Only after a time-out is the child killed, with every process below it (`end_process_tree`), so that
no model runner keeps holding memory.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

CTRL_BREAK_EVENT = 1  # signal.CTRL_BREAK_EVENT (defined on Windows only)

EXIT_TEXT_LIMIT = 8192  # what is read back of a child's log to tell why it exited


class ServerProcess:
    """An `ollama serve` child we started; the only server we ever stop.

    `own_group`: started in its own process group on Windows, so CTRL_BREAK reaches it and not us.
    `send_signal`, `break_via_console` and `end_tree` are `os.kill`, the console route and
    `end_process_tree`; tests replace them.
    """

    def __init__(
        self,
        popen: subprocess.Popen[bytes],
        log_path: Path,
        *,
        own_group: bool = False,
        send_signal: Callable[[int, int], None] = os.kill,
        break_via_console: Callable[[int], bool] | None = None,
        end_tree: Callable[[subprocess.Popen[bytes]], None] | None = None,
        log_offset: int = 0,
    ) -> None:
        self.popen = popen
        self.log_path = log_path
        self.log_offset = log_offset  # where this child's output starts in the (appended) log
        self.own_group = own_group
        self._send_signal = send_signal
        self._break_via_console = break_via_console or break_through_its_console
        self._end_tree = end_tree or end_process_tree

    @property
    def running(self) -> bool:
        return self.popen.poll() is None

    def output_tail(self, limit: int = EXIT_TEXT_LIMIT) -> str:
        """The end of what this child wrote to its log (at most `limit` bytes); '' if unreadable."""
        try:
            with open(self.log_path, "rb") as log_file:
                end = log_file.seek(0, os.SEEK_END)
                log_file.seek(max(self.log_offset, end - limit))
                return log_file.read(limit).decode("utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the server to shut down, wait up to `timeout` seconds, then end it and its runners."""
        if not self.running:
            return
        log.info("stopping the ollama serve we started (pid %s)", self.popen.pid)
        try:
            if self._ask_to_stop():
                self.popen.wait(timeout)
                return
        except subprocess.TimeoutExpired:
            log.info("ollama serve (pid %s) did not stop within %g s; ending its tree", self.popen.pid, timeout)
        except ProcessLookupError:
            return
        self._end_tree(self.popen)
        self.popen.wait(timeout)

    def _ask_to_stop(self) -> bool:
        """Send the graceful stop; False when it could not be sent (then only a kill is left)."""
        if not self.own_group:
            # SIGTERM: `ollama serve` shuts down cleanly on it (as on SIGINT), and unlike SIGINT it is
            # not ignored by children of a shell's background job.
            self.popen.terminate()
            return True
        try:
            # Go delivers CTRL_BREAK as SIGINT; `ollama serve` then stops its runners (server/routes.go, Serve).
            self._send_signal(self.popen.pid, CTRL_BREAK_EVENT)
            return True
        except OSError as exc:  # no console shared with the child (a windowless GUI process)
            log.info("CTRL_BREAK to pid %s failed (%s); trying through its console", self.popen.pid, exc)
            return self._break_via_console(self.popen.pid)


def end_process_tree(popen: subprocess.Popen[bytes]) -> None:
    """Kill `popen` and every process below it (Ollama's model runners), on every OS.

    The descendants are listed before the child dies (then they would belong to no one we know);
    the child itself is killed through its own handle, so a reused pid can never be hit.
    """
    import psutil

    try:
        below = psutil.Process(popen.pid).children(recursive=True)
    except psutil.Error:
        below = []
    popen.kill()
    for process in below:
        try:
            process.kill()
        except psutil.Error:
            pass  # already gone


def break_through_its_console(pid: int) -> bool:
    """Windows: attach to the child's (hidden) console and send CTRL_BREAK there, ignoring it ourselves.

    What Ollama's desktop app does from its windowless process (app/server/server_windows.go,
    `terminate`). Only for quitting: the handler that ignores CTRL_BREAK stays set.
    """
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    error_access_denied = 5  # already attached to a console: send on that one
    if not kernel32.AttachConsole(pid) and ctypes.get_last_error() != error_access_denied:
        return False
    if not kernel32.SetConsoleCtrlHandler(None, True):
        return False
    return bool(kernel32.GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, pid))
