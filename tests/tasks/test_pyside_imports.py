"""The replacement for PySide6's per-import source check gives PySide6's own answers, without caching source."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

from runyard_desktop.tasks import pyside_imports


@pytest.fixture
def feature() -> ModuleType:
    module = sys.modules.get("shibokensupport.feature")
    if module is None:
        pytest.fail("PySide6 no longer has shibokensupport.feature: pyside_imports.install() does nothing now")
    return module


def _write_module(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_install_is_in_place_and_idempotent(feature: ModuleType) -> None:
    assert pyside_imports.install() is True  # conftest installed it already; a second call changes nothing
    check = feature._mod_uses_pyside
    assert pyside_imports.install() is True
    assert feature._mod_uses_pyside is check


def test_same_answers_as_pysides_check(feature: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uses = _write_module(tmp_path, "runyard_probe_uses_qt", "from PySide6.QtCore import QObject  # é\n")
    plain = _write_module(tmp_path, "runyard_probe_plain", "VALUE = 'no Qt here'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("runyard_probe_uses_qt", "runyard_probe_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.delitem(feature.pyside_feature_dict, name, raising=False)
    __import__("runyard_probe_uses_qt")  # the hook sits on __import__ (importlib.import_module bypasses it)
    __import__("runyard_probe_plain")
    # 0: "uses PySide, no feature selected"; -1: "ignore this module" (shibokensupport/feature.py)
    assert feature.pyside_feature_dict["runyard_probe_uses_qt"] == 0
    assert feature.pyside_feature_dict["runyard_probe_plain"] == -1
    assert str(uses) not in linecache.cache and str(plain) not in linecache.cache


def test_modules_without_source_go_to_the_original_check(feature: ModuleType) -> None:
    check = feature._mod_uses_pyside
    assert check(sys) is False  # built in: the original answers (inspect raises TypeError → False)
    assert check(importlib.import_module("PySide6.QtCore")) is False  # an extension module


def test_a_vanished_source_file_counts_as_not_using_pyside(feature: ModuleType, tmp_path: Path) -> None:
    module = type(sys)("runyard_probe_gone")
    module.__file__ = str(tmp_path / "gone.py")
    assert feature._mod_uses_pyside(module) is False


def test_install_works_as_the_first_thing_a_process_does() -> None:
    """`cli.main` installs it before any other Qt import: the module itself must bring what it patches.

    (A lint fix once dropped its `import PySide6.QtCore` as unused; install() then returned False in
    the app, which cost ≈20 ms and ≈7 MiB at start-up while every in-process test still passed.)
    """
    import subprocess

    code = (
        "import sys; from runyard_desktop.tasks import pyside_imports; "
        "assert 'PySide6.QtWidgets' not in sys.modules; print(pyside_imports.install())"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"
