"""`RUNYARD_HOME=DIR` moves every file the app writes: settings, logs and data go under DIR, nothing of ours
under $HOME or the working directory.

`runyard-desktop --smoke` runs offscreen in a child process with RUNYARD_HOME and HOME pointing at two
fresh directories (XDG_* unset, so platformdirs would fall back to HOME). Afterwards HOME may hold only
caches that Qt's libraries keep for themselves (fontconfig, Mesa/Qt shader caches): those are not the
app's files and no setting of ours controls them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Caches written by libraries below Qt, keyed by their path under HOME.
_THIRD_PARTY_CACHES = (".cache/fontconfig", ".cache/mesa_shader_cache", ".cache/qtshadercache", ".fontconfig")


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _smoke(tmp_path: Path, runyard_home: Path | None) -> tuple[Path, Path]:
    home, cwd, runtime = (tmp_path / n for n in ("home", "cwd", "runtime"))
    for d in (home, cwd, runtime):
        d.mkdir()
    runtime.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "RUNYARD_HOME"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime), USERPROFILE=str(home))
    if runyard_home is not None:
        env["RUNYARD_HOME"] = str(runyard_home)
    result = subprocess.run(
        [sys.executable, "-m", "runyard_desktop", "--smoke"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return home, cwd


def test_without_runyard_home_the_files_land_under_home(tmp_path: Path) -> None:
    """The control: proves the check below would see a file written to HOME."""
    home, _ = _smoke(tmp_path, None)
    assert [p for p in _files(home) if not p.startswith(_THIRD_PARTY_CACHES)], "nothing written at all?"


def test_runyard_home_moves_every_file_the_app_writes(tmp_path: Path) -> None:
    runyard_home = tmp_path / "runyard"
    home, cwd = _smoke(tmp_path, runyard_home)

    ours = _files(runyard_home)
    assert "logs/runyard-desktop.log" in ours, ours
    assert "first paint" in (runyard_home / "logs" / "runyard-desktop.log").read_text(encoding="utf-8")
    assert {p.split("/")[0] for p in ours} <= {"config", "data", "cache", "logs"}, ours

    stray = [p for p in _files(home) if not p.startswith(_THIRD_PARTY_CACHES)]
    assert stray == [], f"written under HOME despite RUNYARD_HOME: {stray}"
    assert _files(cwd) == [], "written into the working directory"
    assert not (home / ".ollama").exists(), "the app must not create Ollama's folder"
