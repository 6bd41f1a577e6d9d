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
    from tests.hardware.no_gpu import assert_no_gpu_and_says_why, skip_on_a_gpu_machine

    skip_on_a_gpu_machine()
    assert_no_gpu_and_says_why(json.loads(_run("detect", "--json").stdout))
