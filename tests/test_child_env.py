"""Every program Runyard starts gets the user's environment, not the frozen bundle's.

The bundle is forced here (`sys.frozen`, `sys._MEIPASS`) with the environment PyInstaller's bootloader and
its PySide6 hook leave behind; packaging/child_env_smoke.py proves the same on the real Linux bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from runyard_desktop.core import child_env
from runyard_desktop.core.child_env import child_environment, dll_directory_reset
from runyard_desktop.core.ollama import server

LINUX_BUNDLE = "/opt/Runyard/_internal"
LINUX_AS_FROZEN = {
    "PATH": "/home/u/bin:/usr/local/bin:/usr/bin",
    "LD_LIBRARY_PATH": f"{LINUX_BUNDLE}:/opt/cuda/lib64",
    "LD_LIBRARY_PATH_ORIG": "/opt/cuda/lib64",
    "QT_PLUGIN_PATH": f"{LINUX_BUNDLE}/PySide6/Qt/plugins",
    "QML2_IMPORT_PATH": f"{LINUX_BUNDLE}/PySide6/Qt/qml",
    "_PYI_APPLICATION_HOME_DIR": LINUX_BUNDLE,
    "_PYI_PARENT_PROCESS_LEVEL": "1",
    "QT_QPA_PLATFORM": "wayland",  # the user's own: it points nowhere into the bundle
    "HOME": "/home/u",
}


def test_unfrozen_the_environment_is_copied_unchanged() -> None:
    assert child_environment(LINUX_AS_FROZEN, bundle="") == LINUX_AS_FROZEN


def test_frozen_linux_restores_ld_library_path_and_drops_the_bundle() -> None:
    env = child_environment(LINUX_AS_FROZEN, bundle=LINUX_BUNDLE, platform="linux")
    assert env == {
        "PATH": "/home/u/bin:/usr/local/bin:/usr/bin",
        "LD_LIBRARY_PATH": "/opt/cuda/lib64",
        "QT_QPA_PLATFORM": "wayland",
        "HOME": "/home/u",
    }


def test_without_a_saved_original_only_the_bundles_entries_go() -> None:
    """The bootloader saves LD_LIBRARY_PATH_ORIG only when the variable was set; else it is ours alone."""
    base = {"LD_LIBRARY_PATH": LINUX_BUNDLE, "DYLD_FRAMEWORK_PATH": f"/Library/F:{LINUX_BUNDLE}/lib"}
    env = child_environment(base, bundle=LINUX_BUNDLE, platform="linux")
    assert env == {"DYLD_FRAMEWORK_PATH": "/Library/F"}


def test_a_folder_that_only_starts_like_the_bundle_is_kept() -> None:
    base = {"PATH": f"{LINUX_BUNDLE}-tools:{LINUX_BUNDLE}/bin:/usr/bin"}
    assert child_environment(base, bundle=LINUX_BUNDLE, platform="linux") == {"PATH": f"{LINUX_BUNDLE}-tools:/usr/bin"}


def test_macos_app_bundle_drops_frameworks_and_resources() -> None:
    contents = "/Applications/Runyard.app/Contents"
    base = {
        "PATH": "/usr/bin:/bin",
        "DYLD_LIBRARY_PATH": f"{contents}/Frameworks",
        "QML2_IMPORT_PATH": f"{contents}/Resources/PySide6/Qt/qml:{contents}/Frameworks/PySide6/Qt/qml",
    }
    assert child_environment(base, bundle=f"{contents}/Frameworks", platform="darwin") == {"PATH": "/usr/bin:/bin"}


def test_windows_path_loses_the_bundle_whatever_the_case_or_slashes() -> None:
    bundle = r"C:\Program Files\Runyard\_internal"
    base = {
        "PATH": r"c:\program files\runyard\_internal;C:\Windows\system32;C:/Program Files/Runyard/_internal/PySide6;"
        r"C:\Users\u\AppData\Local\Programs\Ollama",
        "QT_PLUGIN_PATH": r"C:\Program Files\Runyard\_internal\PySide6\plugins",
    }
    env = child_environment(base, bundle=bundle, platform="win32")
    assert env == {"PATH": r"C:\Windows\system32;C:\Users\u\AppData\Local\Programs\Ollama"}


def test_overrides_are_added_after_the_cleaning() -> None:
    env = child_environment(LINUX_AS_FROZEN, bundle=LINUX_BUNDLE, platform="linux", OLLAMA_HOST="127.0.0.1:1")
    assert env["OLLAMA_HOST"] == "127.0.0.1:1"


def test_the_bundle_is_found_from_sys_frozen_and_meipass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", LINUX_BUNDLE, raising=False)
    assert child_env.bundle_folder() == LINUX_BUNDLE
    assert "QT_PLUGIN_PATH" not in child_environment(LINUX_AS_FROZEN, platform="linux")
    monkeypatch.setattr(sys, "frozen", False)
    assert child_env.bundle_folder() is None


def test_windows_dll_directory_is_cleared_for_the_launch_and_restored() -> None:
    calls: list[object] = []
    bundle = r"C:\Runyard\_internal"
    with dll_directory_reset("win32", bundle, calls.append):
        calls.append("launch")
    assert calls == [None, "launch", bundle]


def test_dll_directory_untouched_elsewhere_or_unfrozen() -> None:
    calls: list[object] = []
    with dll_directory_reset("linux", "/opt/Runyard/_internal", calls.append):
        pass
    with dll_directory_reset("win32", "", calls.append):
        pass
    assert calls == []


class _Recorder:
    def __init__(self) -> None:
        self.started: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, argv: list[str], **kw: Any) -> Any:
        self.started.append((argv, kw))
        return type("Child", (), {"pid": 1, "poll": lambda self: None})()


@pytest.fixture
def frozen_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", LINUX_BUNDLE, raising=False)
    for name in list(__import__("os").environ):
        monkeypatch.delenv(name)
    for name, value in LINUX_AS_FROZEN.items():
        monkeypatch.setenv(name, value)


@pytest.mark.usefixtures("frozen_linux")
def test_ollama_serve_from_a_frozen_app_gets_the_clean_environment(tmp_path: Path) -> None:
    popen = _Recorder()
    server.launch(
        server.Installation("/usr/bin/ollama"), "http://127.0.0.1:11500", tmp_path / "log", "linux", popen=popen
    )
    [(_argv, kw)] = popen.started
    assert kw["env"]["LD_LIBRARY_PATH"] == "/opt/cuda/lib64"
    assert kw["env"]["OLLAMA_HOST"] == "127.0.0.1:11500"
    assert not [v for v in kw["env"].values() if LINUX_BUNDLE in v]


@pytest.mark.usefixtures("frozen_linux")
def test_systemctl_and_the_desktop_app_get_the_clean_environment(tmp_path: Path) -> None:
    ran: list[dict[str, str]] = []

    def run(argv: list[str], **kw: Any) -> Any:
        ran.append(kw["env"])
        return type("Done", (), {"returncode": 0})()

    install = server.Installation("/usr/bin/ollama", service="ollama.service")
    server.launch(install, "http://127.0.0.1:11434", tmp_path / "log", "linux", run=run)
    popen = _Recorder()
    app = server.Installation(None, "/Applications/Ollama.app")
    server.launch(app, "http://127.0.0.1:11434", tmp_path / "log", "darwin", popen=popen)
    for env in (*ran, popen.started[0][1]["env"]):
        assert "QT_PLUGIN_PATH" not in env and env["LD_LIBRARY_PATH"] == "/opt/cuda/lib64"


@pytest.mark.usefixtures("frozen_linux")
def test_a_link_or_folder_opens_with_the_users_environment_and_ours_comes_back() -> None:
    """QDesktopServices.openUrl takes no environment: the process's own is made clean for that one call."""
    import os

    from runyard_desktop.ui.widgets.open_external import open_folder, open_url

    seen: list[dict[str, str]] = []

    def opener(url: object) -> bool:
        seen.append(dict(os.environ))
        return True

    before = dict(os.environ)
    assert open_url("https://ollama.com/download", opener) and open_folder("/home/u/logs", opener)
    for env in seen:
        assert env["LD_LIBRARY_PATH"] == "/opt/cuda/lib64" and "QT_PLUGIN_PATH" not in env
        assert not [v for v in env.values() if LINUX_BUNDLE in v]
    assert dict(os.environ) == before  # the app's own, for the Qt it is running


def test_unfrozen_the_process_environment_is_not_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {"LD_LIBRARY_PATH": f"{LINUX_BUNDLE}:/x"}
    with child_env.environment_for_children(environ, bundle=""):
        assert environ == {"LD_LIBRARY_PATH": f"{LINUX_BUNDLE}:/x"}


@pytest.mark.usefixtures("frozen_linux")
def test_a_short_program_runs_with_the_clean_environment_and_the_dll_reset_around_its_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """run_program: the version check and the probes (ollama --version, sysctl, PowerShell)."""
    import contextlib
    import json
    import subprocess

    events: list[str] = []

    @contextlib.contextmanager
    def recording_reset() -> Any:
        events.append("cleared")
        yield
        events.append("restored")

    real_popen = subprocess.Popen

    def popen(*args: Any, **kw: Any) -> Any:
        events.append("started")
        return real_popen(*args, **kw)

    monkeypatch.setattr(child_env, "dll_directory_reset", recording_reset)
    monkeypatch.setattr(subprocess, "Popen", popen)
    code = "import json, os; print(json.dumps(dict(os.environ)))"
    result = child_env.run_program([sys.executable, "-c", code], timeout=60, text=True)
    assert result.returncode == 0 and events == ["cleared", "started", "restored"]
    seen = json.loads(result.stdout)
    assert seen["LD_LIBRARY_PATH"] == "/opt/cuda/lib64"
    assert not [name for name in seen if name in ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH") or name.startswith("_PYI_")]


def test_a_short_program_past_its_time_is_killed() -> None:
    import subprocess

    with pytest.raises(subprocess.TimeoutExpired):
        child_env.run_program([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.3)
