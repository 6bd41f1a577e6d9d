"""The GPU arithmetic-size table the speed model's per-layer overhead is scaled by (core/hardware/gpu_compute.py)."""

from __future__ import annotations

import pytest

from runyard_desktop.core.hardware.gpu_compute import gpu_compute, lookup_tflops
from runyard_desktop.core.hardware.profile import GpuInfo


@pytest.mark.parametrize(
    ("name", "tflops"),
    [
        ("NVIDIA GeForce RTX 4060 Ti", 22.1),  # the longer key wins over "RTX 4060"
        ("NVIDIA GeForce RTX 4060", 15.1),
        ("Apple M4 Pro", 9.2),  # not "M4"
        ("Apple M4", 4.3),
        ("NVIDIA GB10", 31.0),
        ("Intel Arc Graphics 130V/140V", 4.2),
        ("AMD Instinct MI300X", 163.4),
        ("AMD Radeon Instinct MI50", 13.3),  # not its 1 TB/s ÷ 20 = 51 from the bandwidth estimate
        ("Tesla P40", 11.8),
        ("Intel(R) Arc(TM) Pro B60 Graphics", 12.3),  # marks dropped, as for the bandwidth table
        ("AMD Radeon(TM) 8060S Graphics", 29.7),
    ],
)
def test_published_fp32_figures_of_cards_in_the_measurements(name: str, tflops: float) -> None:
    assert lookup_tflops(name) == tflops


def test_a_card_not_in_the_table_is_estimated_from_its_bandwidth() -> None:
    gpu = GpuInfo("nvidia", "NVIDIA Mystery 9000", 16 * 2**30, 15 * 2**30, memory_bandwidth_gbps=800)
    compute = gpu_compute(gpu)
    assert compute.source == "estimate" and compute.tflops == pytest.approx(40.0)


def test_a_listed_card_uses_the_table() -> None:
    gpu = GpuInfo("apple", "Apple M3 Ultra", 64 * 2**30, 60 * 2**30, unified_memory=True)
    assert gpu_compute(gpu) == type(gpu_compute(gpu))(28.4, "table")
