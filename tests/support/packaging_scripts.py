"""Loading the scripts in packaging/ in tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """A module from packaging/ (not an importable package: `packaging` is taken by PyPA's library)."""
    monkeypatch.syspath_prepend(str(PACKAGING))
    spec = importlib.util.spec_from_file_location(f"_runyard_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
