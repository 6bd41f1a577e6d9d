"""Small profile builders for fit tests."""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.hardware.profile import GpuInfo

GIB = 2**30


def nvidia(name: str, total_gib: float, free_gib: float, index: int = 0) -> GpuInfo:
    return GpuInfo("nvidia", name, int(total_gib * GIB), int(free_gib * GIB), index=index)


def machine(ram: float, avail: float, *gpus: GpuInfo, disk_gb: float | None = 500, **kw):
    return build_profile(ram_gib=ram, ram_available_gib=avail, gpus=tuple(gpus), disk_free_gb=disk_gb, **kw)
