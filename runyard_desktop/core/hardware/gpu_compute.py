"""A GPU's arithmetic size (published FP32 TFLOPS) for the speed model's per-layer overhead.

Decoding one token launches a few dozen small kernels per layer; how long they take beyond the
bytes they read depends on how much arithmetic the GPU has, not on its memory bus. The speed model
(core/fit/speed.py) scales its per-layer overhead by this figure, so a unified-memory chip with a
narrow bus but a large GPU (GB10, Apple M-series Max/Ultra) is no longer charged like a small card.

Figures are the vendors' published peak FP32 TFLOPS at boost clock, as listed by the vendors and in
the TechPowerUp GPU database (https://www.techpowerup.com/gpu-specs/); RDNA 3/4 and Ampere-and-later
figures include the dual-issue/doubled FP32 the vendors count. Matched as whole words against the
GPU name, longest key first. A card not in the table gets an estimate from its memory bandwidth
(TFLOPS ≈ GB/s ÷ 20, the middle of the cards listed here), marked "estimate".
"""

from __future__ import annotations

from dataclasses import dataclass

from runyard_desktop.core.hardware.bandwidth import gpu_bandwidth, name_lookup
from runyard_desktop.core.hardware.profile import GpuInfo

# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
GPU_FP32_TFLOPS: dict[str, float] = {
    # NVIDIA GeForce 50 / 40 / 30 / 20 / 10
    "RTX 5090": 104.8,
    "RTX 5080": 56.3,
    "RTX 5070 Ti": 43.9,
    "RTX 5070": 30.9,
    "RTX 5060 Ti": 23.7,
    "RTX 5060": 19.2,
    "RTX 5050": 13.2,
    "RTX 4090": 82.6,
    "RTX 4080 SUPER": 52.2,
    "RTX 4080": 48.7,
    "RTX 4070 Ti SUPER": 44.1,
    "RTX 4070 Ti": 40.1,
    "RTX 4070 SUPER": 35.5,
    "RTX 4070": 29.1,
    "RTX 4060 Ti": 22.1,
    "RTX 4060": 15.1,
    "RTX 3090 Ti": 40.0,
    "RTX 3090": 35.6,
    "RTX 3080 Ti": 34.1,
    "RTX 3080": 29.8,
    "RTX 3070": 20.3,
    "RTX 3060 Ti": 16.2,
    "RTX 3060": 12.7,
    "RTX 2080 Ti": 13.4,
    "RTX 2080": 10.1,
    "RTX 2070": 7.5,
    "RTX 2060": 6.5,
    "GTX 1080 Ti": 11.3,
    "GTX 1080": 8.9,
    "GTX 1070": 6.5,
    "GTX 1060": 4.4,
    "GTX 1050 Ti": 2.1,
    # NVIDIA workstation / data centre
    "Quadro P6000": 12.6,
    "Quadro P4000": 5.3,
    "GB10": 31.0,
    "H100": 67.0,
    "A100": 19.5,
    "L4": 30.3,
    "T4": 8.1,
    "V100": 15.7,
    "RTX PRO 6000 Blackwell": 125.0,
    "Quadro RTX 8000": 16.3,
    "Quadro RTX 6000": 16.3,
    "Quadro RTX 5000": 11.2,
    "Quadro RTX 4000": 7.1,
    "P100": 9.3,
    "P40": 11.8,
    # AMD
    "MI300X": 163.4,
    "Radeon AI PRO R9700": 47.8,
    "RX 9070 XT": 48.7,
    "RX 7900 XTX": 61.4,
    "RX 7900 XT": 51.6,
    "Radeon 8060S": 29.7,
    "RX 9060 XT": 25.6,
    "RX 7600 XT": 22.6,
    "RX 5700 XT": 9.75,
    "Radeon VII": 13.8,
    "MI100": 23.1,
    "MI60": 14.7,
    "MI50": 13.3,
    # Intel
    "Arc 140V": 4.2,
    "Arc Graphics 130V/140V": 4.2,
    "Arc A770": 17.2,
    "Arc B580": 13.7,
    "Arc Pro B60": 12.3,
    "Arc Pro B50": 10.6,
    # Apple (GPU core count of the common configuration)
    "M1 Ultra": 21.0,
    "M1 Max": 10.4,
    "M1 Pro": 5.2,
    "M1": 2.6,
    "M2 Ultra": 27.2,
    "M2 Max": 13.6,
    "M2 Pro": 6.8,
    "M2": 3.6,
    "M3 Ultra": 28.4,
    "M3 Max": 16.4,
    "M3 Pro": 7.4,
    "M3": 4.1,
    "M4 Max": 18.4,
    "M4 Pro": 9.2,
    "M4": 4.3,
}
# fmt: on

BANDWIDTH_TO_TFLOPS = 1 / 20  # estimate for an unlisted card: TFLOPS per GB/s of memory bandwidth

lookup_tflops = name_lookup(GPU_FP32_TFLOPS)  # "NVIDIA GeForce RTX 4090" -> 82.6


@dataclass(frozen=True)
class Compute:
    tflops: float
    source: str  # "table" | "estimate"


def gpu_compute(gpu: GpuInfo) -> Compute:
    table = lookup_tflops(gpu.name)
    # A laptop GPU shares its desktop namesake's name ("RTX 5090 Laptop GPU") with far less arithmetic; the
    # table lists desktop cards, so a laptop part gets the estimate from its own (laptop) bandwidth instead.
    if table is not None and not is_laptop_gpu(gpu.name):
        return Compute(table, "table")
    return Compute(gpu_bandwidth(gpu).gbps * BANDWIDTH_TO_TFLOPS, "estimate")


def is_laptop_gpu(name: str) -> bool:
    return "laptop" in name.lower()
