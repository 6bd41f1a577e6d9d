"""Named example machines: the what-if editor's presets and the rows of docs/fit-reference.md.

Free figures are what such a machine typically has with a desktop session open (browser, editor),
not the box totals: ~0.4–0.6 GiB of VRAM in use on a desktop GPU, RAM partly taken by the OS.
"""

from __future__ import annotations

from typing import TypedDict

from runyard_desktop.core.fit.memory_budget import metal_share
from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.profile import CpuInfo, DiskInfo, GpuInfo, HardwareProfile, RamInfo


def _gpu(
    name: str,
    vendor: str,
    total_gib: float,
    free_gib: float,
    *,
    unified: bool = False,
    index: int = 0,
    integrated: bool = False,
) -> GpuInfo:
    return GpuInfo(
        vendor=vendor,
        name=name,
        vram_total_bytes=int(total_gib * GIB),
        vram_free_bytes=int(free_gib * GIB),
        unified_memory=unified,
        index=index,
        integrated=integrated,
    )


DEFAULT_CPU_NAME = "x86-64 laptop CPU"  # the CPU a built profile has when nobody named one


def build_profile(
    *,
    ram_gib: float,
    ram_available_gib: float,
    gpus: tuple[GpuInfo, ...] = (),
    cpu: str = DEFAULT_CPU_NAME,
    cores: int = 8,
    os: str = "linux",
    arch: str = "x86_64",
    disk_free_gb: float | None = 200,
    flags: tuple[str, ...] = ("avx", "avx2", "fma", "f16c"),
) -> HardwareProfile:
    """A profile from the handful of numbers a person can type in the what-if editor."""
    return HardwareProfile(
        os=os,
        arch=arch,
        cpu=CpuInfo(name=cpu, physical_cores=cores, logical_cores=cores * (1 if arch != "x86_64" else 2), flags=flags),
        ram=RamInfo(total_bytes=int(ram_gib * GIB), available_bytes=int(ram_available_gib * GIB)),
        gpus=gpus,
        disk=None if disk_free_gb is None else DiskInfo("~/.ollama/models", int(disk_free_gb * 1e9)),
    )


def apple(name: str, ram_gib: int, ram_available_gib: float) -> HardwareProfile:
    numerator, denominator = metal_share(int(ram_gib * GIB))
    limit = ram_gib * (numerator / denominator)  # in GiB, as float as before: the reference rows depend on it
    return build_profile(
        ram_gib=ram_gib,
        ram_available_gib=ram_available_gib,
        cpu=name,
        cores=10,
        os="darwin",
        arch="arm64",
        flags=("neon",),
        gpus=(_gpu(name, "apple", limit, limit - 0.3, unified=True),),
    )


class _Platform(TypedDict):
    os: str
    arch: str
    flags: tuple[str, ...]


_ARM = _Platform(os="linux", arch="aarch64", flags=("neon",))

# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
MACHINES: dict[str, HardwareProfile] = {
    "Raspberry Pi 4 (4 GB)": build_profile(
        ram_gib=3.8, ram_available_gib=3.3, cpu="Raspberry Pi 4 (Cortex-A72)", cores=4, disk_free_gb=20, **_ARM
    ),
    "Laptop 8 GB, no GPU": build_profile(ram_gib=8, ram_available_gib=5.5, cores=4),
    "Laptop 16 GB, no GPU": build_profile(ram_gib=16, ram_available_gib=11),
    "RTX 3060 12 GB + 32 GB RAM": build_profile(
        ram_gib=32,
        ram_available_gib=24,
        cpu="AMD Ryzen 5 5600X",
        cores=6,
        gpus=(_gpu("NVIDIA GeForce RTX 3060", "nvidia", 12, 11.5),),
    ),
    "RTX 4060 8 GB + 16 GB RAM": build_profile(
        ram_gib=16,
        ram_available_gib=11,
        cpu="Intel Core i5-13400F",
        cores=10,
        gpus=(_gpu("NVIDIA GeForce RTX 4060", "nvidia", 8, 7.6),),
    ),
    "RTX 4090 24 GB + 64 GB RAM": build_profile(
        ram_gib=64,
        ram_available_gib=52,
        cpu="AMD Ryzen 9 7950X",
        cores=16,
        gpus=(_gpu("NVIDIA GeForce RTX 4090", "nvidia", 24, 23.5),),
    ),
    "2× RTX 3090 + 128 GB RAM": build_profile(
        ram_gib=128,
        ram_available_gib=112,
        cpu="AMD Ryzen Threadripper 3960X",
        cores=24,
        gpus=(
            _gpu("NVIDIA GeForce RTX 3090", "nvidia", 24, 23.5),
            _gpu("NVIDIA GeForce RTX 3090", "nvidia", 24, 23.5, index=1),
        ),
    ),
    "MacBook Pro M2 Pro 16 GB": apple("Apple M2 Pro", 16, 10),
    "MacBook Air M2 16 GB": apple("Apple M2", 16, 10),
    "MacBook Pro M3 Max 64 GB": apple("Apple M3 Max", 64, 50),
    "H100 80 GB server": build_profile(
        ram_gib=256,
        ram_available_gib=230,
        cpu="Intel Xeon Platinum 8480+",
        cores=56,
        disk_free_gb=2000,
        flags=("avx", "avx2", "avx512f", "fma", "f16c"),
        gpus=(_gpu("NVIDIA H100 80GB HBM3", "nvidia", 79.6, 79.1),),
    ),
    "RX 7900 XTX 24 GB + 32 GB RAM": build_profile(
        ram_gib=32,
        ram_available_gib=24,
        cpu="AMD Ryzen 7 7800X3D",
        cores=8,
        gpus=(_gpu("AMD Radeon RX 7900 XTX", "amd", 24, 23.4),),
    ),
    "Ryzen AI Max+ 395 128 GB (96 GB GPU)": build_profile(
        ram_gib=128,
        ram_available_gib=110,
        cpu="AMD Ryzen AI Max+ 395",
        cores=16,
        gpus=(_gpu("AMD Radeon 8060S", "amd", 96, 94.7, unified=True),),
    ),
}
# fmt: on
