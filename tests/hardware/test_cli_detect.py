"""`runyard-desktop detect` end to end, in a child process like a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


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


def test_detect_strict_fails_when_a_probe_could_not_be_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """CI runs `detect --json --strict`: a probe that raised is a failed step, not a note nobody reads."""
    from runyard_desktop import cli
    from runyard_desktop.core.hardware.probes import system

    assert cli.main(["detect", "--json", "--strict"]) == 0  # this machine's probes all read
    capsys.readouterr()

    def broken() -> None:
        raise PermissionError("/proc/meminfo")

    monkeypatch.setattr(system, "read_ram", broken)
    assert cli.main(["detect", "--json"]) == 0  # without --strict the note is enough
    capsys.readouterr()
    assert cli.main(["detect", "--json", "--strict"]) == 3
    out, err = capsys.readouterr()
    assert "Could not read system memory" in err
    assert any(note.startswith("Could not read system memory") for note in json.loads(out)["notes"])
