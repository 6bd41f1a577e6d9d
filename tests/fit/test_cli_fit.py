"""`runyard-desktop fit` end to end, in a child process, with profiles in the `detect --json` shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runyard_desktop.core.hardware.presets import MACHINES

KEYS = {
    "model",
    "verdict",
    "gpu_share",
    "context",
    "breakdown",
    "required_bytes",
    "download_bytes",
    "disk_ok",
    "tokens_per_second",
    "speed_basis",
    "recommended",
    "reason",
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runyard_desktop", "fit", *args], capture_output=True, text=True, timeout=60, check=False
    )


def _profile(tmp_path: Path, data: object, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_json_for_another_machine(tmp_path: Path) -> None:
    path = _profile(tmp_path, MACHINES["RTX 4060 8 GB + 16 GB RAM"].to_json())
    result = _run("--json", "--hardware", path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 20 and all(KEYS <= set(r) for r in rows)
    by = {r["model"]: r for r in rows}
    nine = by["qwen3.5:9b"]
    # 7.5 GiB on the GPU: the 0.5 GiB input embedding stays in RAM (docs/qwen35-memory.md#what-stays-off-the-gpu)
    assert nine["verdict"] == "gpu" and nine["gpu_share"] == 1 and nine["context"] == 4096
    assert nine["reported_gpu_share"] == 1 and nine["breakdown"]["weights_in_ram"] == 248_320 * 4096 * 144 // 256
    assert 0 < by["qwen3.5:9b-q8_0"]["reported_gpu_share"] < by["qwen3.5:9b-q8_0"]["gpu_share"]
    assert by["qwen3.5:9b-q8_0"]["verdict"] == "partial" and 0 < by["qwen3.5:9b-q8_0"]["gpu_share"] < 1
    assert set(nine["breakdown"]) >= {"weights", "kv_cache", "recurrent_state", "overhead"}
    assert nine["breakdown"]["kv_cache"] == 128 * 2**20 and nine["breakdown"]["weights"] == 6_600_000_000
    assert nine["required_bytes"] == sum(
        nine["breakdown"][k] for k in ("weights", "kv_cache", "recurrent_state", "overhead")
    )
    assert by["qwen3.5:4b"]["verdict"] == "gpu" and by["qwen3.5:122b-a10b"]["verdict"] == "no_fit"
    assert by["qwen3.5:122b-a10b"]["tokens_per_second"] is None
    low, high = by["qwen3.5:4b"]["tokens_per_second"]
    assert 0 < low < high <= 2 * low
    basis = by["qwen3.5:4b-q8_0"][
        "speed_basis"
    ]  # 4.9 GB read per token: the 272 GB/s card, not its launches, sets the pace
    assert by["qwen3.5:4b"]["speed_basis"]["gpu_bandwidth_source"] == "table"
    assert basis["limiting"] == "gpu memory" and basis["gpu_bandwidth_source"] == "table"
    assert basis["gpu_bandwidth_gbps"] == 272 and basis["gpu_bytes_per_token"] > 0
    assert by["qwen3.5:122b-a10b"]["speed_basis"] is None
    assert sum(r["recommended"] for r in rows) == 1


def test_context_and_kv_type_options(tmp_path: Path) -> None:
    path = _profile(tmp_path, MACHINES["H100 80 GB server"].to_json())
    rows = {
        r["model"]: r
        for r in json.loads(_run("--json", "--hardware", path, "--context", "262144", "--kv-cache-type", "f16").stdout)
    }
    assert rows["qwen3.5:9b"]["breakdown"]["kv_cache"] == 8 * 2**30
    rows = {
        r["model"]: r
        for r in json.loads(_run("--json", "--hardware", path, "--context", "32k", "--kv-cache-type", "q8_0").stdout)
    }
    assert rows["qwen3.5:9b"]["context"] == 32768 and rows["qwen3.5:9b"]["kv_cache_type"] == "q8_0"


def test_tolerant_profiles(tmp_path: Path) -> None:
    minimal = {
        "ram": {"total_bytes": 16 * 2**30},
        "surprise": {"x": 1},
        "gpus": [{"vendor": "apple", "name": "Apple M2", "unified_memory": True, "vram_free_bytes": None}],
    }
    result = _run("--json", "--hardware", _profile(tmp_path, minimal))
    assert result.returncode == 0, result.stderr
    rows = {r["model"]: r for r in json.loads(result.stdout)}
    assert rows["qwen3.5:9b"]["verdict"] == "gpu" and rows["qwen3.5:9b"]["disk_ok"] is None
    nvidia_no_free = {
        "ram": {"total_bytes": 32 * 2**30, "available_bytes": 24 * 2**30},
        "gpus": [{"vendor": "nvidia", "name": "NVIDIA GeForce RTX 3060", "vram_total_bytes": 12 * 2**30}],
    }
    assert _run("--hardware", _profile(tmp_path, nvidia_no_free)).returncode == 0


@pytest.mark.parametrize("content", ["not json", "[1, 2]", json.dumps({"cpu": {}})])
def test_bad_profile_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = _run("--hardware", str(path))
    assert result.returncode == 2 and "error:" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_bad_context(tmp_path: Path) -> None:
    result = _run("--hardware", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "cannot read" in result.stderr
    assert _run("--context", "lots").returncode == 2


def test_table_for_this_machine() -> None:
    result = _run()
    assert result.returncode == 0, result.stderr
    assert "qwen3.5:9b" in result.stdout and "Context" in result.stdout


def test_fit_does_not_import_ollama_or_qt() -> None:
    code = (
        "import sys; from runyard_desktop.cli import main; main(['fit', '--json']); "
        "assert 'ollama' not in sys.modules and 'PySide6' not in sys.modules, sorted(sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_json_has_the_largest_fully_on_gpu_context(tmp_path: Path) -> None:
    rows = json.loads(
        _run("--json", "--hardware", _profile(tmp_path, MACHINES["RTX 4060 8 GB + 16 GB RAM"].to_json())).stdout
    )
    by = {r["model"]: r for r in rows}
    four, big = by["qwen3.5:4b"], by["qwen3.5:122b-a10b"]
    assert set(four["max_gpu_context_by_kv"]) == {"f16", "q8_0"}
    assert four["max_gpu_context"] == four["max_gpu_context_by_kv"]["f16"] >= 4096  # it runs on the GPU at 4K
    assert four["max_gpu_context_by_kv"]["q8_0"] > four["max_gpu_context"]  # half the KV, more tokens
    assert big["max_gpu_context"] is None and big["measured"] is None


def test_json_shows_this_machines_measurement_beside_the_estimate(tmp_path: Path) -> None:
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.fit.measured import Measurement
    from runyard_desktop.core.fit.measurements import MeasurementStore

    store = MeasurementStore(app_paths().data / "measurements.json")  # RUNYARD_HOME is this test's own
    store.record(
        Measurement(
            "qwen3.5:4b", "2026-12-01T10:00:00Z", 4096, 4096, 4_000_000_000, 3_000_000_000, 41.25, 2.0, "0.30.1"
        )
    )
    rows = {r["model"]: r for r in json.loads(_run("--json").stdout)}
    assert rows["qwen3.5:4b"]["measured"] == {
        "tokens_per_s": 41.25,
        "gpu_share": 0.75,
        "measured_at": "2026-12-01T10:00:00Z",
        "ollama_version": "0.30.1",
        "context": 4096,
        "size_bytes": 4_000_000_000,
        "size_vram_bytes": 3_000_000_000,
    }
    assert rows["qwen3.5:9b"]["measured"] is None
    other = _profile(tmp_path, MACHINES["RTX 4060 8 GB + 16 GB RAM"].to_json())
    assert all(r["measured"] is None for r in json.loads(_run("--json", "--hardware", other).stdout))


def test_json_recentres_the_speed_ranges_on_this_machines_check(tmp_path: Path) -> None:
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.fit.measured import Measurement
    from runyard_desktop.core.fit.measurements import MeasurementStore

    before = {r["model"]: r for r in json.loads(_run("--json").stdout)}
    small = before["qwen3.5:0.8b"]  # runs here whatever this machine is: on its GPU or on its CPU
    assert small["verdict"] in ("gpu", "cpu") and small["tokens_per_second"]
    assert all(r["calibrated_tokens_per_second"] is None and r["speed_calibration"] is None for r in before.values())
    share = 1 if small["verdict"] == "gpu" else 0
    measured = 3 * (small["tokens_per_second"][0] * small["tokens_per_second"][1]) ** 0.5
    store = MeasurementStore(app_paths().data / "measurements.json")  # RUNYARD_HOME is this test's own
    store.record(Measurement("qwen3.5:0.8b", "2026-12-01T10:00:00Z", 4096, 4096, 2**30, share * 2**30, measured))
    rows = {r["model"]: r for r in json.loads(_run("--json").stdout)}
    for tag, row in rows.items():
        cal = row["speed_calibration"]
        if row["verdict"] != small["verdict"] or not row["tokens_per_second"]:
            assert cal is None and row["calibrated_tokens_per_second"] is None, tag
            continue
        assert cal["from"] == ["qwen3.5:0.8b"] and cal["verdict"] == small["verdict"], tag
        assert cal["measured_ratio"] > 1.5 and cal["factor"] == pytest.approx(
            cal["measured_ratio"] ** cal["weight"], abs=0.002
        )
        low, high = row["tokens_per_second"]
        c_low, c_high = row["calibrated_tokens_per_second"]
        assert (c_low * c_high) ** 0.5 == pytest.approx((low * high) ** 0.5 * cal["factor"], rel=0.03), tag
        assert c_high <= 2 * c_low
    other = _profile(tmp_path, MACHINES["RTX 4060 8 GB + 16 GB RAM"].to_json())
    assert all(r["speed_calibration"] is None for r in json.loads(_run("--json", "--hardware", other).stdout))
    table = _run().stdout  # the text table shows the re-centred ranges and says so under it
    assert "Speeds re-centred on the speed measured here for qwen3.5:0.8b." in table
    c_low, c_high = rows["qwen3.5:0.8b"]["calibrated_tokens_per_second"]
    assert f"{c_low:.0f}–{c_high:.0f} tok/s" in table if c_high >= 10 else f"{c_low:.1f}–{c_high:.1f} tok/s" in table
    assert "re-centred" not in _run("--hardware", other).stdout


def test_json_gives_the_speed_with_the_whole_context_in_use(tmp_path: Path) -> None:
    hardware = _profile(tmp_path, MACHINES["RTX 4090 24 GB + 64 GB RAM"].to_json())
    rows = {r["model"]: r for r in json.loads(_run("--json", "--context", "131072", "--hardware", hardware).stdout)}
    nine = rows["qwen3.5:9b"]
    low, high = nine["tokens_per_second"]
    full_low, full_high = nine["tokens_per_second_full_context"]
    assert full_high < 0.8 * high and full_low < low  # 128K of KV read per token against a chat's first turns
    assert full_high <= 2 * full_low
