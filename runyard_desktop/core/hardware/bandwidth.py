"""Memory bandwidth (GB/s) for the tokens-per-second estimate: probe value, then a table, then a guess.

Decode speed is memory-bandwidth bound (docs/qwen35-memory.md#tokens-per-second). Order of trust: the GPU's own
`memory_bandwidth_gbps` (NVML-derived by the hardware probe: bus width × memory clock), then this
table of published specs, then, for an integrated GPU the table does not list (AMD Radeon 780M/890M, Intel's
Meteor Lake Arc Graphics), the system RAM's bandwidth, which is what such a GPU reads from, and for any other
card a conservative per-vendor figure. RAM bandwidth: transfer rate × 8 bytes ×
channels when the OS reports the modules' speed (channels unknown → 2, the desktop/laptop norm); otherwise a
conservative dual-channel DDR4 figure (CPU_RAM_GBPS), Apple Silicon's unified bus, or a small ARM board's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

# Published memory bandwidth in GB/s. Matched as whole words against the GPU name, longest key first,
# so "RTX 4060 Ti" wins over "RTX 4060".
# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
GPU_BANDWIDTH_GBPS: dict[str, float] = {
    # NVIDIA GeForce 50 / 40 / 30 / 20 / 16 / 10
    "RTX 5090": 1792,
    "RTX 5080": 960,
    "RTX 5070 Ti": 896,
    "RTX 5070": 672,
    "RTX 5060 Ti": 448,
    "RTX 5060": 448,
    "RTX 4090": 1008,
    "RTX 4080 SUPER": 736,
    "RTX 4080": 717,
    "RTX 4070 Ti SUPER": 672,
    "RTX 4070 Ti": 504,
    "RTX 4070 SUPER": 504,
    "RTX 4070": 504,
    "RTX 4060 Ti": 288,
    "RTX 4060": 272,
    # Laptop GPUs share a desktop card's name and have a narrower or slower bus ("RTX 5090 Laptop GPU"):
    # NVIDIA's laptop spec pages (bus width × memory data rate); the 3080 Laptop at its 12 Gbps variant.
    "RTX 5090 Laptop": 896,
    "RTX 5080 Laptop": 896,
    "RTX 5070 Ti Laptop": 672,
    "RTX 5070 Laptop": 384,
    "RTX 5060 Laptop": 384,
    "RTX 5050 Laptop": 384,
    "RTX 4090 Laptop": 576,
    "RTX 4080 Laptop": 432,
    "RTX 4070 Laptop": 256,
    "RTX 4060 Laptop": 256,
    "RTX 4050 Laptop": 192,
    "RTX 3080 Ti Laptop": 512,
    "RTX 3080 Laptop": 384,
    "RTX 3070 Ti Laptop": 448,
    "RTX 3070 Laptop": 448,
    "RTX 3060 Laptop": 336,
    "RTX 3050 Ti Laptop": 192,
    "RTX 3050 Laptop": 192,
    "RTX 3090 Ti": 1008,
    "RTX 3090": 936,
    "RTX 3080 Ti": 912,
    "RTX 3080": 760,
    "RTX 3070 Ti": 608,
    "RTX 3070": 448,
    "RTX 3060 Ti": 448,
    "RTX 3060": 360,
    "RTX 3050": 224,
    "RTX 2080 Ti": 616,
    "RTX 2080 SUPER": 496,
    "RTX 2070 SUPER": 448,
    "RTX 2060 SUPER": 448,  # 256-bit GDDR6 at 14 Gbps (NVIDIA's spec), not the RTX 2060's 192-bit 336
    "RTX 2080": 448,
    "RTX 2070": 448,
    "RTX 2060": 336,
    "GTX 1660 Ti": 288,
    "GTX 1660": 192,
    "GTX 1080 Ti": 484,
    "GTX 1080": 320,
    "GTX 1070": 256,
    "GTX 1060": 192,
    "GTX 1050 Ti": 112,
    "TITAN RTX": 672,
    "RTX 5050": 320,  # desktop card: 128-bit GDDR6 at 20 Gbps
    # NVIDIA workstation / data centre
    "H200": 4800,
    "H100 NVL": 3900,
    "H100 PCIe": 2039,
    "H100": 3350,
    "A100 80GB": 2039,
    "A100-SXM4-80GB": 2039,  # NVML's name for the SXM part ("NVIDIA A100-SXM4-80GB")
    "A100": 1555,
    "L40S": 864,
    "L40": 864,
    "L4": 300,
    "A10": 600,
    "T4": 320,
    "V100": 900,
    "RTX 6000 Ada": 960,
    "RTX A6000": 768,
    "RTX A5000": 768,
    "RTX A4000": 448,
    "RTX A2000": 288,  # NVIDIA RTX A2000 datasheet: 6/12 GB GDDR6, 192-bit, 288 GB/s
    "RTX A1000": 192,  # NVIDIA RTX A1000 datasheet: 8 GB GDDR6, 128-bit, 192 GB/s
    "Quadro P6000": 432,
    "Quadro P4000": 243,
    "RTX PRO 4000 Blackwell": 672,
    "P6000": 432,
    # Cards people run local models on that the measurements met without a row (NVIDIA's datasheets: bus width
    # × data rate; the RTX PRO 6000 Blackwell's workstation and Max-Q editions, not the server edition)
    "RTX PRO 6000 Blackwell": 1792,
    "Quadro RTX 8000": 672,
    "Quadro RTX 6000": 672,
    "Quadro RTX 5000": 448,
    "Quadro RTX 4000": 416,
    "P100-PCIE-12GB": 549,
    "P100": 732,
    "P40": 346,
    "GB10": 273,
    "DGX Spark": 273,
    # AMD
    "Radeon AI PRO R9700": 640,
    "RX 9070 XT": 640,
    "RX 9070": 640,
    "RX 7900 XTX": 960,
    "RX 7900 XT": 800,
    "RX 7900 GRE": 576,
    "RX 7800 XT": 624,
    "RX 7700 XT": 432,
    "RX 7600 XT": 288,
    "RX 7600": 288,
    "RX 9060 XT": 320,  # 128-bit GDDR6 at 20 Gbps (AMD's spec page), the 8 GB and 16 GB cards alike
    "RX 5700 XT": 448,
    "RX 5700": 448,
    "Radeon VII": 1024,
    "MI50": 1024,
    "MI60": 1024,
    "MI100": 1229,
    "RX 6950 XT": 576,
    "RX 6900 XT": 512,
    "RX 6800 XT": 512,
    "RX 6800": 512,
    "RX 6700 XT": 384,
    "RX 580": 256,  # 256-bit GDDR5 at 8 Gbps (AMD's spec page)
    "RX 570": 224,
    "MI300X": 5300,
    "MI250X": 3277,
    "Radeon 8060S": 256,
    "Ryzen AI Max": 256,
    "Strix Halo": 256,
    # Intel
    "Arc A770": 560,
    "Arc A750": 512,
    "Arc B580": 456,
    "Arc B570": 380,
    "Arc Pro B70": 608,  # 256-bit GDDR6 at 19 Gbps (Intel's Arc Pro B-series spec)
    "Arc Pro B60": 456,
    "Arc Pro B50": 224,
    # Lunar Lake's memory is on the package (LPDDR5X-8533, 128-bit: Intel's Core Ultra 200V spec), so its
    # Arc 130V/140V iGPU has a bandwidth of its own; other Intel and AMD iGPUs read whatever RAM the laptop has.
    "140V": 136,
    "130V": 136,
    # Apple (unified memory)
    "M1 Ultra": 800,
    "M1 Max": 400,
    "M1 Pro": 200,
    "M1": 68,
    "M2 Ultra": 800,
    "M2 Max": 400,
    "M2 Pro": 200,
    "M2": 100,
    "M3 Ultra": 819,
    "M3 Max": 400,
    "M3 Pro": 150,
    "M3": 100,
    "M5 Max": 546,  # as baem1n.dev/en/posts/llm-bench-01-methodology states it
    "M5": 153,
    "M4 Max": 546,
    "M4 Pro": 273,
    "M4": 120,
}
# fmt: on

# When the name is unknown: deliberately low, so an unknown card is not promised a fast model.
_VENDOR_FALLBACK_GBPS = {"nvidia": 250.0, "amd": 250.0, "apple": 100.0, "intel": 100.0}
_OTHER_FALLBACK_GBPS = 100.0
# System RAM: dual-channel DDR4/DDR5 measures 50–90 GB/s (docs/qwen35-memory.md); 50 is the conservative end.
CPU_RAM_GBPS = 50.0
SMALL_ARM_BOARD_GBPS = 8.0  # Raspberry Pi 4/5 class (LPDDR4, 32-bit bus)
# RAM bandwidth of single-board-computer SoCs (GB/s, bus width × data rate), matched against the CPU name,
# which carries the SoC from the device tree (probes/cpu.py). RK3588/RK3588S: four 16-bit LPDDR4x channels
# (64 bits) at 4,224 MT/s as Rockchip's datasheet and its DDR design guide state (boards with LPDDR5 at that
# rate or above get the same, the conservative end).
ARM_SOC_RAM_GBPS: dict[str, float] = {"RK3588": 33.8, "RK3588S": 33.8}
ASSUMED_CHANNELS = 2  # when the modules' speed is known but not how many channels they fill


@dataclass(frozen=True)
class Bandwidth:
    gbps: float
    source: str  # "probe" | "table" | "estimate"


_MARKS = re.compile(r"\((?:R|TM|C)\)|[®™©]", re.IGNORECASE)


def name_lookup(table: dict[str, float]) -> Callable[[str], float | None]:
    """A cached look-up of `table` by GPU name: its keys match as whole words, case-insensitively,
    longest key first, so "RTX 4060 Ti" wins over "RTX 4060", after trademark marks are dropped (Windows and
    Intel's drivers say "Intel(R) Arc(TM) A770 Graphics"). None when no key matches."""
    patterns = [
        (re.compile(rf"(?<![\w]){re.escape(k)}(?![\w])", re.IGNORECASE), table[k])
        for k in sorted(table, key=len, reverse=True)
    ]

    @functools.lru_cache(maxsize=64)
    def lookup(name: str) -> float | None:
        plain = " ".join(_MARKS.sub(" ", name).split())
        return next((value for pattern, value in patterns if pattern.search(plain)), None)

    return lookup


lookup_gpu_name = name_lookup(GPU_BANDWIDTH_GBPS)  # "NVIDIA GeForce RTX 4060 Ti" -> 288
lookup_soc_name = name_lookup(ARM_SOC_RAM_GBPS)  # "ARM Cortex-A55 (Radxa ROCK 5B, Rockchip RK3588)" -> 33.8


def reads_system_ram(gpu: GpuInfo) -> bool:
    """An integrated GPU that neither the probe nor the table gives a bandwidth of its own: it reads the
    system RAM, so gpu_bandwidth() takes the RAM's (Apple's chips are all in the table)."""
    probed = bool(gpu.memory_bandwidth_gbps and gpu.memory_bandwidth_gbps > 0)
    return gpu.integrated and gpu.vendor != "apple" and not probed and lookup_gpu_name(gpu.name) is None


def gpu_bandwidth(gpu: GpuInfo, profile: HardwareProfile | None = None) -> Bandwidth:
    """The GPU's memory bandwidth. With the machine's `profile`, an integrated GPU the table does not list
    gets the system RAM's (cpu_bandwidth): a 780M reading DDR5-5600 has its 90 GB/s, not a card's 250."""
    if profile is not None and reads_system_ram(gpu):
        return cpu_bandwidth(profile)
    if gpu.memory_bandwidth_gbps and gpu.memory_bandwidth_gbps > 0:
        return Bandwidth(float(gpu.memory_bandwidth_gbps), "probe")
    table = lookup_gpu_name(gpu.name)
    if table is not None:
        return Bandwidth(table, "table")
    return Bandwidth(_VENDOR_FALLBACK_GBPS.get(gpu.vendor, _OTHER_FALLBACK_GBPS), "estimate")


def cpu_bandwidth(profile: HardwareProfile) -> Bandwidth:
    """RAM bandwidth the CPU sees. Apple Silicon CPUs read the same unified memory as its GPU."""
    for gpu in profile.gpus:
        if gpu.unified_memory and gpu.vendor == "apple":
            # The CPU cluster gets a good share of the unified bus, not all of it.
            return Bandwidth(max(CPU_RAM_GBPS, 0.6 * gpu_bandwidth(gpu).gbps), "estimate")
    soc = lookup_soc_name(profile.cpu.name)  # a board whose SoC the device tree named
    if soc is not None:
        return Bandwidth(soc, "table")
    name = profile.cpu.name.lower()
    arch = profile.arch.lower()
    if (
        "raspberry" in name
        or "cortex-a7" in name
        or (
            arch in {"aarch64", "arm64", "armv7l"}
            and profile.os.lower() == "linux"
            and profile.ram.total_bytes <= 8 * 2**30
        )
    ):
        return Bandwidth(SMALL_ARM_BOARD_GBPS, "estimate")
    if profile.ram.speed_mts:
        channels = profile.ram.channels or ASSUMED_CHANNELS
        return Bandwidth(profile.ram.speed_mts * 8 * channels / 1000, "probe")
    return Bandwidth(CPU_RAM_GBPS, "estimate")
