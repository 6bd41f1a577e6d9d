"""macOS probe over recorded `sysctl` output, and the Metal working-set rule."""

from __future__ import annotations

from runyard_desktop.core.hardware.probes import apple
from tests.hardware import FIXTURES

GIB = 2**30


def _values(name: str) -> dict[str, str]:
    return apple.parse_sysctl((FIXTURES / name).read_text(encoding="utf-8"))


def test_working_set_rule_matches_recorded_metal_values() -> None:
    # 16 GiB -> 10922.67 MiB and 32 GiB -> 21845.34 MiB (2/3); 64 GiB -> 49152 MiB (3/4).
    assert round(apple.metal_working_set_bytes(16 * GIB) / 2**20, 2) == 10922.67
    assert round(apple.metal_working_set_bytes(32 * GIB) / 2**20, 2) == 21845.33
    assert apple.metal_working_set_bytes(64 * GIB) == 48 * GIB
    assert apple.metal_working_set_bytes(36 * GIB) == 24 * GIB
    assert apple.metal_working_set_bytes(64 * GIB, wired_limit_mb=57344) == 56 * GIB
    assert apple.metal_working_set_bytes(8 * GIB, wired_limit_mb=99999) == 8 * GIB


def test_m2_pro() -> None:
    values = _values("sysctl-m2-pro-32gb.txt")
    info = apple.cpu_from_sysctl(values)
    assert info.name == "Apple M2 Pro" and info.physical_cores == 12 == info.logical_cores
    assert info.flags == ("neon", "dotprod")
    gpu = apple.gpu_from_sysctl(values, available_ram_bytes=20 * GIB)
    assert gpu is not None
    assert gpu.vendor == "apple" and gpu.unified_memory and not gpu.integrated
    assert gpu.name == "Apple M2 Pro GPU"
    assert gpu.vram_total_bytes == 32 * GIB * 2 // 3
    assert gpu.vram_free_bytes == 20 * GIB  # capped by what RAM has free right now
    assert gpu.memory_bandwidth_gbps == 200.0
    assert gpu.driver == "Metal (macOS 14.4.1)"


def test_m3_max_with_raised_wired_limit() -> None:
    values = _values("sysctl-m3-max-128gb-wired-limit.txt")
    gpu = apple.gpu_from_sysctl(values)
    assert gpu is not None
    assert gpu.vram_total_bytes == 117760 * 2**20 == gpu.vram_free_bytes
    assert apple.cpu_from_sysctl(values).flags == ("neon", "dotprod", "i8mm")


def test_intel_mac_has_no_unified_gpu() -> None:
    values = _values("sysctl-intel-macbook-pro.txt")
    assert apple.gpu_from_sysctl(values) is None
    info = apple.cpu_from_sysctl(values)
    assert info.name.startswith("Intel(R) Core(TM) i9-9880H")
    assert (info.physical_cores, info.logical_cores) == (8, 16)
    assert info.flags == ("avx", "avx2", "fma", "f16c")


def test_missing_keys_do_not_crash() -> None:
    info = apple.cpu_from_sysctl(apple.parse_sysctl("sysctl: unknown oid 'iogpu.wired_limit_mb'\n"))
    assert info.name == "Unknown Mac CPU" and info.logical_cores == 1
    assert apple.chip_bandwidth_gbps("Apple M9 Hyper") is None
