"""*Start Ollama* runs only an absolute, known Ollama: never an `ollama.exe` planted in the current folder.

Windows is forced on Linux: `sys.platform` is patched, so Python's own `shutil.which` takes its Windows
path (current folder first) against real files in temporary folders.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from runyard_desktop.core.ollama import server


def _exe(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("planted")
    path.chmod(0o755)
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A forced Windows whose current folder holds a planted ollama.exe; returns the current folder."""
    cwd = tmp_path / "Downloads"
    _exe(cwd / "ollama.exe")
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PATHEXT", ".exe")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ProgramFiles", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    return cwd


def test_a_planted_exe_in_the_current_folder_is_not_taken_over_the_installed_one(windows: Path, tmp_path) -> None:
    installed = _exe(tmp_path / "Local" / "Programs" / "Ollama" / "ollama.exe")
    _exe(installed.parent / "ollama app.exe")
    found = server.find_installation()
    assert found is not None
    assert found.cli == str(installed)
    assert found.app == str(installed.parent / "ollama app.exe")


def test_a_planted_exe_alone_is_not_an_installation(windows: Path) -> None:
    assert server.find_installation() is None


def test_a_relative_or_current_folder_path_entry_is_skipped(windows: Path, monkeypatch, tmp_path) -> None:
    custom = _exe(tmp_path / "Tools" / "Ollama" / "ollama.exe")
    monkeypatch.setenv("PATH", os.pathsep.join([".", "", "Downloads", str(windows), str(custom.parent)]))
    found = server.find_installation()
    assert found is not None and found.cli == str(custom)


def test_a_relative_install_root_is_not_trusted(windows: Path, monkeypatch) -> None:
    _exe(windows / "Programs" / "Ollama" / "ollama.exe")
    monkeypatch.setenv("LOCALAPPDATA", ".")
    assert server.find_installation() is None


def test_posix_ignores_a_relative_answer_from_which(tmp_path, monkeypatch) -> None:
    _exe(tmp_path / "ollama")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", os.pathsep)  # an empty entry: `shutil.which` answers the relative "ollama"

    def only_here(path: str) -> bool:  # this machine's own Ollama, if any, is not part of the test
        return not path.startswith(("/usr/", "/bin/", "/opt/")) and os.path.exists(path)

    assert shutil.which("ollama") == "ollama"
    assert server.find_installation("linux", {}, shutil.which, only_here) is None
