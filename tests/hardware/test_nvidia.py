"""NVIDIA probe: the pure builder over captured values, and the NVML reader against a stand-in module."""

from __future__ import annotations

import ctypes
import sys

import pytest

from runyard_desktop.core.hardware.probes import nvidia
from tests.hardware.fake_nvml import FakeNvml


def test_bandwidth_rule_reproduces_vendor_figures() -> None:
    assert nvidia.bandwidth_gbps(384, 10501) == pytest.approx(1008.1, abs=0.1)  # RTX 4090, GDDR6X
    assert nvidia.bandwidth_gbps(7680, 3996) == pytest.approx(7672.3, abs=0.1)  # B200, HBM3e
    assert nvidia.bandwidth_gbps(5120, 1215) == pytest.approx(1555.2, abs=0.1)  # A100 40 GB, HBM2e
    assert nvidia.bandwidth_gbps(None, 10501) is None
    assert nvidia.bandwidth_gbps(384, 0) is None


def test_cuda_version_string() -> None:
    assert nvidia.cuda_version_string(12040) == "12.4"
    assert nvidia.cuda_version_string(11080) == "11.8"
    assert nvidia.cuda_version_string(None) is None


def test_one_gpu() -> None:
    fake = FakeNvml.from_fixture("nvml-1-gpu.json")
    gpus, notes = nvidia.detect_nvidia(fake)
    assert notes == ()
    (gpu,) = gpus
    assert gpu.vendor == "nvidia" and gpu.name == "NVIDIA GeForce RTX 4090"
    assert gpu.vram_total_bytes == 25757220864 and gpu.vram_free_bytes == 25202589696
    assert gpu.vram_used_bytes == 554631168
    assert gpu.driver == "550.54.14" and gpu.cuda_driver_version == "12.4"
    assert gpu.compute_capability == "8.9"
    assert gpu.memory_bus_width_bits == 384 and gpu.memory_clock_mhz == 10501
    assert gpu.memory_bandwidth_gbps == pytest.approx(1008.1, abs=0.1)
    assert not gpu.integrated and not gpu.unified_memory
    assert fake.calls[0] == "nvmlInit" and fake.calls[-1] == "nvmlShutdown"


def test_two_gpus_with_bytes_names_and_an_unsupported_query() -> None:
    fake = FakeNvml.from_fixture("nvml-2-gpus.json")
    gpus, notes = nvidia.detect_nvidia(fake)
    assert notes == ()
    assert [g.name for g in gpus] == ["NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 3060"]
    assert [g.index for g in gpus] == [0, 1]
    assert gpus[0].driver == "535.183.01" and gpus[0].cuda_driver_version == "12.2"
    assert gpus[0].memory_bandwidth_gbps == pytest.approx(936.1, abs=0.1)
    # NotSupported for the bus width: the field is None and no bandwidth is invented.
    assert gpus[1].memory_bus_width_bits is None and gpus[1].memory_bandwidth_gbps is None
    assert gpus[1].vram_free_bytes == 12569231360
    assert fake.shutdown_calls == 1


def test_zero_gpus() -> None:
    fake = FakeNvml.from_fixture("nvml-0-gpus.json")
    assert nvidia.detect_nvidia(fake) == ((), ())
    assert fake.shutdown_calls == 1


def test_library_missing_is_a_plain_note_without_shutdown() -> None:
    fake = FakeNvml.from_fixture("nvml-library-missing.json")
    gpus, notes = nvidia.detect_nvidia(fake)
    assert gpus == ()
    assert notes == (nvidia.NO_DRIVER_NOTE,)
    assert "No NVIDIA driver found" in notes[0]
    assert fake.shutdown_calls == 0  # nvmlShutdown after a failed nvmlInit would itself raise


def test_driver_library_mismatch_asks_for_a_restart() -> None:
    gpus, notes = nvidia.detect_nvidia(FakeNvml.from_fixture("nvml-driver-mismatch.json"))
    assert gpus == ()
    assert "mismatch" in notes[0] and "Restart" in notes[0]


def test_gpu_lost_mid_query_keeps_the_others_and_shuts_down() -> None:
    fake = FakeNvml.from_fixture("nvml-gpu-lost.json")
    gpus, notes = nvidia.detect_nvidia(fake)
    assert len(gpus) == 1 and gpus[0].name == "NVIDIA A100-SXM4-80GB"
    assert gpus[0].memory_bandwidth_gbps == pytest.approx(2039.0, abs=0.1)
    assert len(notes) == 1 and "GPU 1 stopped responding" in notes[0]
    assert fake.calls[-1] == "nvmlShutdown" and fake.shutdown_calls == 1


def test_driver_dying_while_counting_still_shuts_down() -> None:
    fake = FakeNvml.from_fixture("nvml-1-gpu.json")
    fake.scenario["count_error"] = "Unknown"
    gpus, notes = nvidia.detect_nvidia(fake)
    assert gpus == () and "stopped answering" in notes[0]
    assert fake.shutdown_calls == 1


def test_records_builder_is_pure_over_dicts() -> None:
    records = [
        {
            "index": 3,
            "name": "NVIDIA L4",
            "memory_total": 24 * 2**30,
            "memory_free": 2**30,
            "compute_capability": (8, 9),
            "memory_bus_width_bits": 192,
            "max_memory_clock_mhz": 6251,
            "driver_version": "560.35.03",
            "cuda_driver_version": 12060,
        }
    ]
    (gpu,) = nvidia.gpus_from_records(records)
    assert gpu.index == 3 and gpu.vram_used_bytes == 23 * 2**30
    assert gpu.memory_bandwidth_gbps == pytest.approx(300.0, abs=0.1)
    assert gpu.cuda_driver_version == "12.6"


def test_real_pynvml_on_a_machine_without_nvidia_gives_the_note() -> None:
    import ctypes.util

    if ctypes.util.find_library("nvidia-ml"):
        pytest.skip("this machine has an NVIDIA driver")
    gpus, notes = nvidia.detect_nvidia()
    assert gpus == () and notes == (nvidia.NO_DRIVER_NOTE,)


def test_without_the_nvml_library_pynvml_is_not_imported() -> None:
    """A machine without an NVIDIA driver gets the same note, without loading pynvml (~3 MiB, ~20 ms)."""
    import subprocess
    import sys

    code = (
        "import sys; from runyard_desktop.core.hardware.probes import nvidia; "
        "nvidia.nvml_library_loads = lambda: False; "
        "print(nvidia.detect_nvidia() == ((), (nvidia.NO_DRIVER_NOTE,)), 'pynvml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.split() == ["True", "False"]


def test_the_library_check_matches_pynvmls_own_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside Windows pynvml loads exactly libnvidia-ml.so.1; the check tries the same name."""
    tried: list[str] = []

    def cdll(name: str) -> object:
        tried.append(name)
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(sys, "platform", "linux")  # the probe's `sys` and `ctypes` are these modules
    monkeypatch.setattr(ctypes, "CDLL", cdll)
    assert nvidia.nvml_library_loads() is False and tried == ["libnvidia-ml.so.1"]
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())
    assert nvidia.nvml_library_loads() is True
    monkeypatch.setattr(sys, "platform", "win32")
    assert nvidia.nvml_library_loads() is True  # pynvml's own search decides there
