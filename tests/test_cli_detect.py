"""`runyard-desktop detect` end to end, in a child process like a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runyard_desktop", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_detect_json_has_the_documented_shape() -> None:
    result = _run("detect", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"os", "arch", "cpu", "ram", "gpus", "disk", "notes"} <= set(data)
    assert {"name", "physical_cores", "logical_cores", "flags"} <= set(data["cpu"])
    assert data["ram"]["total_bytes"] > 0 and data["ram"]["available_bytes"] > 0
    assert data["disk"]["free_bytes"] > 0 and data["disk"]["models_dir"]
    assert isinstance(data["gpus"], list)


def test_detect_table_is_readable() -> None:
    result = _run("detect")
    assert result.returncode == 0, result.stderr
    assert "CPU" in result.stdout and "RAM" in result.stdout


def test_detect_json_without_a_gpu_says_why() -> None:
    import ctypes.util

    from runyard_desktop.core.probes import amd, system

    if ctypes.util.find_library("nvidia-ml") or system.sysfs_nvidia_cards() or amd.read_sysfs_gpus():
        return  # a GPU machine: covered by the fixture tests
    data = json.loads(_run("detect", "--json").stdout)
    assert data["gpus"] == []
    assert any("No NVIDIA driver found" in note for note in data["notes"])
