"""packaging/child_env_smoke.py, the frozen-bundle proof, run here against a stand-in bundle.

The stand-in `Runyard` does to the environment what PyInstaller's bootloader and PySide6 hook do
(LD_LIBRARY_PATH saved and prefixed, QT_PLUGIN_PATH, _PYI_*), then runs the CLI from this checkout —
once marked frozen (`sys.frozen`, `sys._MEIPASS`) as the real bundle is, once not. The smoke must pass
the first and fail the second, so `.ci/run` would see a leak in the real bundle.
"""

from __future__ import annotations

import importlib.util
import stat
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell scripts stand in for the bundle")


def _smoke() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_runyard_child_env_smoke", ROOT / "packaging" / "child_env_smoke.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stand_in_bundle(folder: Path, *, frozen: bool) -> Path:
    internal = folder / "Runyard" / "_internal"
    internal.mkdir(parents=True)
    exe = internal.parent / "Runyard"
    start = (
        f"import sys; sys.frozen = {frozen}; sys._MEIPASS = {str(internal)!r}; "
        "from runyard_desktop.cli import main; sys.exit(main())"
    )
    exe.write_text(
        "#!/bin/sh\n"
        'export LD_LIBRARY_PATH_ORIG="$LD_LIBRARY_PATH"\n'
        f'export LD_LIBRARY_PATH="{internal}:$LD_LIBRARY_PATH"\n'
        f'export QT_PLUGIN_PATH="{internal}/PySide6/Qt/plugins"\n'
        f'export _PYI_APPLICATION_HOME_DIR="{internal}"\n'
        f'cd "{ROOT}" && exec "{sys.executable}" -c "{start}" "$@"\n'
    )
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def test_the_smoke_passes_when_the_frozen_app_cleans_the_childs_environment(tmp_path: Path, capsys) -> None:
    assert _smoke().main(["smoke", str(_stand_in_bundle(tmp_path, frozen=True))]) == 0
    assert "ok: the ollama started by Runyard saw no _internal path" in capsys.readouterr().out


def test_the_smoke_fails_when_the_bundle_leaks_into_the_child(tmp_path: Path, capsys) -> None:
    assert _smoke().main(["smoke", str(_stand_in_bundle(tmp_path, frozen=False))]) == 1
    out = capsys.readouterr().out
    assert "child environment: LD_LIBRARY_PATH=" in out and "_internal" in out
    assert "QT_PLUGIN_PATH is set" in out and "LD_LIBRARY_PATH_ORIG is set" in out
