"""Server lifecycle as plain code: find Ollama per OS, decide a status, launch it, stop only our own child.

Rules (docs/ollama-behaviour.md#server-lifecycle-and-host): check that nothing answers before
starting anything (never a second server); a server that is starting accepts TCP but does not
answer, so readiness needs a timeout; where the official desktop app exists and the address is its
own (127.0.0.1:11434), launch it (it would reap an `ollama serve` we started on that port). The app
serves on its own settings, never on our OLLAMA_HOST, so for any other address, and where there is no
app, run `ollama serve` as a child with that OLLAMA_HOST and its output in a log file, and stop that
child — only that — when the app quits: SIGTERM on macOS/Linux; on Windows CTRL_BREAK to the child's
own process group, as the desktop app does (app/server/server_windows.go, `terminate`), so that
Ollama stops its model runners itself; only after a time-out the whole tree is ended (`taskkill /T /F`,
so no model runner keeps holding VRAM). On Windows `ollama serve` starts with no console window
(CREATE_NO_WINDOW) in its own process group. Every program started here gets `child_environment()`:
the user's environment without what a frozen bundle added (core/child_env.py).
"""

from __future__ import annotations

import logging
import ntpath
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from runyard_desktop.core.child_env import CREATE_NO_WINDOW as CREATE_NO_WINDOW
from runyard_desktop.core.child_env import child_environment, dll_directory_reset
from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.errors import DOWNLOAD_URL, ErrorKind, OllamaError
from runyard_desktop.core.ollama.server_process import CTRL_BREAK_EVENT as CTRL_BREAK_EVENT
from runyard_desktop.core.ollama.server_process import EXIT_TEXT_LIMIT as EXIT_TEXT_LIMIT
from runyard_desktop.core.ollama.server_process import ServerProcess as ServerProcess
from runyard_desktop.core.ollama.server_process import break_through_its_console as break_through_its_console
from runyard_desktop.core.ollama.server_process import end_process_tree as end_process_tree
from runyard_desktop.core.ollama.types import MIN_VERSION, MIN_VERSION_TEXT, OllamaStatus, ServerState
from runyard_desktop.core.ollama.types import parse_version as parse_version  # still reachable here (a test guards it)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Installation:
    """Where Ollama lives. `app`: the desktop app to launch instead of `ollama serve`; `service`: the
    systemd unit the Linux installer creates (it runs as the `ollama` user with its own models folder)."""

    cli: str | None
    app: str | None = None
    service: str | None = None
    managed: bool = False  # Runyard's own install in its data folder (core/ollama_install), used only as a fallback


SYSTEMD_UNIT = "/etc/systemd/system/ollama.service"
APP_ADDRESS = "127.0.0.1:11434"  # where the desktop app's server listens (its settings can only widen it)
CREATE_NEW_PROCESS_GROUP = 0x00000200  # subprocess.CREATE_NEW_PROCESS_GROUP (defined on Windows only)


def is_too_old(version: str | None) -> bool:
    parsed = parse_version(version)
    return parsed is not None and parsed != (0, 0, 0) and parsed < MIN_VERSION  # 0.0.0 = dev build


def find_installation(
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.exists,
) -> Installation | None:
    """An Ollama installed by the user (PATH, the installer's folders, the desktop app) first; Runyard's
    managed install only when there is none: a system-wide Ollama is never replaced or shadowed."""
    found = _system_installation(platform, env, which, exists)
    if found is not None:
        return found
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.ollama_install.managed import executable_in

    env = os.environ if env is None else env
    program = executable_in(app_paths(dict(env)).data / "ollama", platform or sys.platform)
    return Installation(str(program), managed=True) if exists(str(program)) else None


def _system_installation(
    platform: str | None,
    env: Mapping[str, str] | None,
    which: Callable[[str], str | None],
    exists: Callable[[str], bool],
) -> Installation | None:
    """Where Ollama is installed, as absolute paths only: what is found here is what *Start Ollama* runs.

    Never a relative path, so never the current folder: Python's `shutil.which` on Windows looks there
    before PATH (a planted `ollama.exe` in a downloads folder would run), and on POSIX an empty PATH
    entry means the current folder too.
    """
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if platform.startswith("win"):
        return _windows_installation(env, exists)
    cli_found = which("ollama")
    found = [cli_found] if cli_found and os.path.isabs(cli_found) else []
    if platform == "darwin":
        app = next(
            (p for p in ("/Applications/Ollama.app", str(Path.home() / "Applications/Ollama.app")) if exists(p)), None
        )
        cli_candidates = [*found, "/usr/local/bin/ollama", "/opt/homebrew/bin/ollama"]
        if app:
            cli_candidates.append(f"{app}/Contents/Resources/ollama")
        cli = next((c for c in cli_candidates if exists(c)), None)
        return Installation(cli, app) if (cli or app) else None
    cli = next((c for c in (*found, "/usr/local/bin/ollama", "/usr/bin/ollama", "/bin/ollama") if exists(c)), None)
    service = "ollama.service" if exists(SYSTEMD_UNIT) else None
    return Installation(cli, service=service) if cli else None


def _windows_installation(env: Mapping[str, str], exists: Callable[[str], bool]) -> Installation | None:
    """The installer's folders first (per user, then per machine), then the absolute folders of PATH.

    The installer puts Ollama in %LOCALAPPDATA%\\Programs\\Ollama and adds that folder to the user's
    PATH (app/ollama.iss `DefaultDirName` and its PATH step, v0.30.0); a custom folder is found through PATH. Relative PATH entries and the
    current folder are skipped.
    """
    folders = [
        os.path.join(env.get(var, ""), *sub) for var, sub in _WINDOWS_INSTALL_ROOTS if _is_absolute(env.get(var))
    ]
    try:
        here = os.path.normcase(os.path.abspath(os.getcwd()))
    except OSError:
        here = ""
    for entry in env.get("PATH", "").split(os.pathsep):
        entry = entry.strip().strip('"')
        if _is_absolute(entry) and os.path.normcase(os.path.abspath(entry)) != here:
            folders.append(entry)
    cli = next((c for c in (os.path.join(f, "ollama.exe") for f in folders) if exists(c)), None)
    app_candidates = [os.path.join(f, "ollama app.exe") for f in folders[:1]]
    if cli:
        app_candidates.insert(0, os.path.join(os.path.dirname(cli), "ollama app.exe"))
    app = next((a for a in app_candidates if exists(a)), None)
    return Installation(cli, app) if (cli or app) else None


_WINDOWS_INSTALL_ROOTS = (("LOCALAPPDATA", ("Programs", "Ollama")), ("ProgramFiles", ("Ollama",)))


def _is_absolute(path: str | None) -> bool:
    """Absolute as Windows reads it (a drive and a root, or a UNC share) — or, in tests on POSIX, as POSIX does."""
    if not path:
        return False
    drive, rest = ntpath.splitdrive(path)
    return (bool(drive) and rest[:1] in ("\\", "/")) or os.path.isabs(path)


class _Shared(TypedDict):
    """The OllamaStatus fields every answer of `status_for` sets the same way."""

    host: str
    is_remote: bool
    binary: str | None
    started_by_us: bool


def status_for(
    host: str,
    probe_outcome: str,
    version: str | None,
    installation: Installation | None,
    *,
    started_by_us: bool = False,
) -> OllamaStatus:
    """Turn a probe result into what the UI says."""
    remote = not hosts.is_loopback(host)
    binary = (installation.app or installation.cli) if installation else None
    base = _Shared(host=host, is_remote=remote, binary=binary, started_by_us=started_by_us)
    if probe_outcome == "answering":
        if version is None:
            return OllamaStatus(
                ServerState.TOO_OLD,
                message=f"Something answers at {host}, but it does not say which Ollama it is.",
                next_step=f"Check the server address, or update Ollama from {DOWNLOAD_URL}.",
                **base,
            )
        if is_too_old(version):
            shown = version
            return OllamaStatus(
                ServerState.TOO_OLD,
                version=version,
                message=f"Ollama {shown} is too old for Qwen3.5 (it needs {MIN_VERSION_TEXT} or newer).",
                next_step=f"Update Ollama from {DOWNLOAD_URL}.",
                **base,
            )
        where = f" at {host}" if remote else ""
        return OllamaStatus(
            ServerState.RUNNING, version=version, message=f"Ollama {version} is running{where}.", **base
        )
    if probe_outcome == "hanging" or started_by_us:
        return OllamaStatus(
            ServerState.STARTING, message="Ollama is starting…", next_step="Wait a few seconds.", **base
        )
    if remote:
        return OllamaStatus(
            ServerState.REMOTE_UNREACHABLE,
            message=f"No Ollama server answers at {host}.",
            next_step="Check that it is running there and reachable, or change the server address in Settings.",
            **base,
        )
    if installation is None:
        return OllamaStatus(
            ServerState.NOT_INSTALLED,
            message="Ollama is not installed on this computer.",
            next_step=f"Install it from {DOWNLOAD_URL}, then come back; the hardware and fit views work without it.",
            **base,
        )
    return OllamaStatus(
        ServerState.STOPPED,
        message="Ollama is installed but not running.",
        next_step="Press Start to run it.",
        **base,
    )


def is_the_apps_address(host: str) -> bool:
    """True when `host` is where the desktop app's own server listens (so launching the app serves it)."""
    return hosts.host_port(host).replace("localhost:", "127.0.0.1:", 1) == APP_ADDRESS


def launch(
    installation: Installation,
    host: str,
    log_path: Path,
    platform: str | None = None,
    run: Callable[..., subprocess.CompletedProcess[bytes]] = subprocess.run,
    popen: Callable[..., subprocess.Popen[bytes]] | None = None,
) -> ServerProcess | None:
    """Start Ollama the way its own tools would. Returns our child for `ollama serve`, None otherwise.

    Blocking (systemctl may wait for a password prompt): call it off the event loop. Raises
    OllamaError where only the desktop app exists and `host` is not its address.
    """
    platform = platform or sys.platform
    popen = popen or subprocess.Popen
    if platform.startswith("linux") and installation.service and hosts.port_of(host) == hosts.DEFAULT_PORT:
        # The installer's service owns the models the user already pulled (/usr/share/ollama/...);
        # an `ollama serve` of ours would show an empty list. systemctl asks polkit for permission.
        try:
            result = run(
                ["systemctl", "start", installation.service], capture_output=True, timeout=120, env=child_environment()
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.info("systemctl start %s failed: %s", installation.service, exc)
        else:
            if result.returncode == 0:
                return None
            log.info("systemctl start %s failed: %s", installation.service, result.stderr.decode(errors="replace"))
    windows = platform.startswith("win")
    if installation.app and (platform == "darwin" or windows):
        if is_the_apps_address(host):
            with dll_directory_reset(platform):
                if windows:
                    popen([installation.app, "--hide", "--fast-startup"], env=child_environment(platform=platform))
                else:
                    argv = ["/usr/bin/open", "-j", "-a", installation.app, "--args", "--fast-startup"]
                    popen(argv, env=child_environment(platform=platform))
            return None
        if not installation.cli:
            raise _app_only_error(host)
    if not installation.cli:
        raise FileNotFoundError("no ollama executable")
    return _serve(installation.cli, host, log_path, windows, popen)


def _app_only_error(host: str) -> OllamaError:
    address = hosts.host_port(host)
    return OllamaError(
        ErrorKind.NOT_RUNNING,
        f"Ollama's desktop app always serves on {APP_ADDRESS}, not on {address}, and there is no `ollama`"
        " command here to start a server on that address.",
        f"Run `ollama serve` with OLLAMA_HOST={address} yourself, or set the server address to"
        f" http://{APP_ADDRESS} in Settings.",
    )


def _serve(
    cli: str, host: str, log_path: Path, windows: bool, popen: Callable[..., subprocess.Popen[bytes]]
) -> ServerProcess:
    """`ollama serve` on `host` as our child; on Windows in its own process group, with no console window."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    platform = "win32" if windows else sys.platform
    env = child_environment(platform=platform, OLLAMA_HOST=hosts.host_port(host))
    extra: dict[str, object] = {}
    if windows:
        # A console of its own that is never shown (closing a shown one would kill Ollama), in a
        # process group of its own so that CTRL_BREAK reaches it and not us.
        extra["creationflags"] = CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP
    with open(log_path, "ab") as out, dll_directory_reset(platform):
        offset = out.tell()
        child = popen([cli, "serve"], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, **extra)
    log.info("started %s serve (pid %s) on %s, log at %s", cli, child.pid, env["OLLAMA_HOST"], log_path)
    return ServerProcess(child, log_path, own_group=windows, log_offset=offset)


# `ollama serve` that cannot bind exits 1 with cobra's `Error: listen tcp HOST:PORT: bind: …` (cmd/cmd.go
# `RunServer`, `net.Listen`): POSIX says "address already in use", Windows (WSAEADDRINUSE) "Only one usage of
# each socket address (protocol/network address/port) is normally permitted".
_BIND_IN_USE = re.compile(
    r"listen tcp (?P<address>\S+): bind: (?:address already in use|only one usage of each socket address)",
    re.IGNORECASE,
)


def start_failure(output: str) -> OllamaError | None:
    """Why an `ollama serve` we started exited at once, from what it printed; None when it is not known."""
    match = _BIND_IN_USE.search(output)
    if match is None:
        return None
    address = match.group("address")
    return OllamaError(
        ErrorKind.NOT_RUNNING,
        f"Ollama could not start: another program is already using {address}.",
        "Close that program (it may be another Ollama that does not answer), or use another address "
        "in File → Settings → Ollama server.",
    )


def local_models_free_bytes() -> int | None:
    """Free bytes where a local Ollama keeps its models (None if it cannot be measured)."""
    from runyard_desktop.core.hardware.probes.disk import read_disk
    from runyard_desktop.core.hardware.probes.system import os_name

    try:
        return read_disk(os_name()).free_bytes
    except OSError:
        return None
