"""The readable `detect` table for profiles this machine cannot produce (fixtures)."""

from __future__ import annotations

from runyard_desktop.commands.detect import format_table
from runyard_desktop.core.hardware.probes import nvidia
from runyard_desktop.core.hardware.profile import CpuInfo, DiskInfo, GpuInfo, HardwareProfile, RamInfo
from tests.hardware.fake_nvml import FakeNvml

GIB = 2**30


def _profile(*gpus: GpuInfo) -> HardwareProfile:
    return HardwareProfile(
        "linux",
        "x86_64",
        CpuInfo("Some CPU", 8, 16, ("avx", "avx2")),
        RamInfo(64 * GIB, 60 * GIB),
        gpus,
        DiskInfo("/models", 10**12),
        ("a note",),
    )


def test_table_lists_each_gpu_with_its_memory_and_driver() -> None:
    gpus, _ = nvidia.detect_nvidia(FakeNvml.from_fixture("nvml-2-gpus.json"))
    text = format_table(_profile(*gpus))
    assert "GPU 0 (nvidia)   NVIDIA GeForce RTX 3090, VRAM 18.7 GiB free of 24.0 GiB, 936 GB/s" in text
    assert "driver 535.183.01 (CUDA 12.2)" in text and "GPU 1 (nvidia)" in text
    assert "none usable" not in text and "note: a note" in text


def test_integrated_only_means_cpu() -> None:
    igpu = GpuInfo("intel", "Intel(R) UHD Graphics 770", 128 << 20, 128 << 20, integrated=True)
    text = format_table(_profile(igpu))
    assert "integrated: counts as CPU" in text and "none usable: models run on the CPU" in text


def test_the_cpu_clock_row_says_what_the_os_reported() -> None:
    from dataclasses import replace

    profile = _profile()
    assert "CPU clock        not reported (3 GHz assumed)" in format_table(profile)
    fast = replace(profile, cpu=replace(profile.cpu, max_mhz=5200.0))
    assert "CPU clock        5.2 GHz (max)" in format_table(fast)
    windows = replace(fast, os="windows", cpu=replace(fast.cpu, max_mhz=3500.0))
    assert "3.5 GHz (rated; Windows does not report the boost clock)" in format_table(windows)
