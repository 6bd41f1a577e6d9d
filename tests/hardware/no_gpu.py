"""Shared check for the "this machine has no GPU" acceptance tests (library call and `detect --json`)."""

from __future__ import annotations

import ctypes.util
from typing import Any

import pytest

from runyard_desktop.core.hardware.probes import amd, system


def skip_on_a_gpu_machine() -> None:
    """Skip (with a reason) where an NVIDIA library or a sysfs GPU exists; the fixture tests cover those."""
    if ctypes.util.find_library("nvidia-ml") or system.sysfs_nvidia_cards() or amd.read_sysfs_gpus():
        pytest.skip("this machine has a GPU; the no-GPU path is covered by the fixture tests")


def assert_no_gpu_and_says_why(data: dict[str, Any]) -> None:
    """`data` is a profile as JSON (HardwareProfile.to_json() or `detect --json`)."""
    assert data["gpus"] == []
    assert any("No NVIDIA driver found" in note for note in data["notes"])
