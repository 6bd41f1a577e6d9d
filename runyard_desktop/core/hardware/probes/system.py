"""Runs every probe in isolation and assembles the HardwareProfile.

Per OS: Linux = /proc/cpuinfo + NVML + sysfs (AMD/Intel); Windows = registry CPU + NVML + registry
display adapters; macOS = one sysctl capture (CPU, and the GPU on Apple Silicon). RAM (psutil; module speed from
probes/memory.py) and disk are common. A probe that fails adds a plain-language note and detection goes on.
`merge_gpus` and `gpu_notes` are pure so the combining rules are tested without the probes.
"""

from __future__ import annotations

import logging
import platform
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import psutil

from runyard_desktop.core.hardware.probes import amd, apple, cpu, disk, memory, nvidia, windows
from runyard_desktop.core.hardware.profile import CpuInfo, GpuInfo, HardwareProfile, RamInfo

log = logging.getLogger(__name__)
T = TypeVar("T")

# Typed fallbacks: an empty `()` or `[]` alone would make `_isolated`'s T the empty type, not the probe's.
_NO_GPUS: tuple[GpuInfo, ...] = ()
_NO_NVIDIA: tuple[tuple[GpuInfo, ...], tuple[str, ...]] = ((), ())


# How every failed probe's note begins (`detect --strict` counts them; CI fails its detect step on one).
PROBE_FAILED = "Could not read "


def probe_failures(notes: tuple[str, ...] | list[str]) -> list[str]:
    """The notes that say a probe failed (as opposed to findings such as "no NVIDIA driver")."""
    return [note for note in notes if note.startswith(PROBE_FAILED)]


def _isolated(what: str, probe: Callable[[], T], fallback: T, notes: list[str]) -> T:
    """Run one probe; any failure becomes a plain note and the fallback value."""
    try:
        return probe()
    except Exception as exc:  # a probe must never take the app down: log it, tell the user, go on
        log.warning("%s probe failed", what, exc_info=True)
        notes.append(f"{PROBE_FAILED}{what} ({exc.__class__.__name__}: {exc}); the rest is shown.")
        return fallback


def os_name() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "darwin"
    return platform.system().lower() or "unknown"


def read_ram() -> RamInfo:
    vm = psutil.virtual_memory()
    ram = RamInfo(total_bytes=int(vm.total), available_bytes=int(vm.available))
    try:
        kind, speed, channels = memory.read_modules()
    except (OSError, ValueError, subprocess.SubprocessError):  # the OS does not say: bandwidth.py's fallback
        log.info("RAM module speed not readable", exc_info=True)
        return ram
    return replace(ram, memory_type=kind, speed_mts=speed, channels=channels)


def merge_gpus(
    nvml_gpus: tuple[GpuInfo, ...], nvml_notes: tuple[str, ...], other_gpus: tuple[GpuInfo, ...]
) -> tuple[tuple[GpuInfo, ...], tuple[str, ...]]:
    """NVML first; another source's NVIDIA entries only when NVML saw none (then the driver is the problem)."""
    notes = list(nvml_notes)
    if nvml_gpus:
        return nvml_gpus + tuple(g for g in other_gpus if g.vendor != "nvidia"), tuple(notes)
    unseen = [g for g in other_gpus if g.vendor == "nvidia"]
    if unseen and nvidia.NO_DRIVER_NOTE in notes:
        notes[notes.index(nvidia.NO_DRIVER_NOTE)] = (
            f"{unseen[0].name} is installed, but the NVIDIA driver could not be reached, so it can't be used. "
            "Install or update the NVIDIA driver, then press Refresh."
        )
    return other_gpus, tuple(notes)


def gpu_notes(gpus: tuple[GpuInfo, ...]) -> tuple[str, ...]:
    """Plain words for GPUs that will not speed up models."""
    return tuple(
        f"{g.name} shares system memory with the CPU; Ollama runs models on the CPU here."
        for g in gpus
        if not g.usable_for_inference  # a large carve-out (Ryzen AI Max+) runs models like a card
    )


def sysfs_nvidia_cards(root: str | Path = "/") -> int:
    """PCI display devices with NVIDIA's vendor id, driver or not (to explain a missing driver)."""
    drm = Path(root) / "sys" / "class" / "drm"
    if not drm.is_dir():
        return 0
    return sum(
        1
        for card in drm.glob("card[0-9]*")
        if card.name[4:].isdigit() and amd._read(card / "device" / "vendor") == amd.NVIDIA_VENDOR
    )


def _linux_gpus(notes: list[str]) -> tuple[GpuInfo, ...]:
    found, nvml_notes = _isolated("NVIDIA GPUs", nvidia.detect_nvidia, _NO_NVIDIA, notes)
    others = _isolated("AMD/Intel GPUs", amd.read_sysfs_gpus, _NO_GPUS, notes)
    if not found and nvidia.NO_DRIVER_NOTE in nvml_notes and _isolated("PCI devices", sysfs_nvidia_cards, 0, notes):
        nvml_notes = tuple(
            "An NVIDIA GPU is installed, but no NVIDIA driver is loaded, so it can't be used. "
            "Install the NVIDIA driver, then press Refresh."
            if n == nvidia.NO_DRIVER_NOTE
            else n
            for n in nvml_notes
        )
    gpus, merged = merge_gpus(found, nvml_notes, others)
    notes.extend(merged)
    return gpus


def _windows_gpus(notes: list[str]) -> tuple[GpuInfo, ...]:
    found, nvml_notes = _isolated("NVIDIA GPUs", nvidia.detect_nvidia, _NO_NVIDIA, notes)
    adapters: list[dict[str, Any]] = _isolated("display adapters", windows.read_display_adapters, [], notes)
    gpus, merged = merge_gpus(found, nvml_notes, windows.parse_display_adapters(adapters))
    notes.extend(merged)
    return gpus


def detect_all() -> HardwareProfile:
    notes: list[str] = []
    system = os_name()
    ram = _isolated("system memory", read_ram, RamInfo(0, 0), notes)
    gpus: tuple[GpuInfo, ...] = ()
    if system == "darwin":
        values: dict[str, str] = _isolated("the Mac's hardware (sysctl)", apple.read_sysctl, {}, notes)
        cpu_info = apple.cpu_from_sysctl(values)
        if not values:  # sysctl failed: psutil still knows the core counts
            physical, logical = cpu.core_counts()
            cpu_info = CpuInfo(platform.processor() or "Unknown Mac CPU", physical, logical)
        gpu = apple.gpu_from_sysctl(values, ram.available_bytes or None)
        gpus = (gpu,) if gpu else ()
    else:
        cpu_info = _isolated("the CPU", cpu.read_cpu, CpuInfo("Unknown CPU", 1, 1), notes)
        if system == "windows":
            gpus = _windows_gpus(notes)
        elif system == "linux":
            gpus = _linux_gpus(notes)
    notes.extend(gpu_notes(gpus))
    disk_info = _isolated("free disk space", lambda: disk.read_disk(system), None, notes)
    return HardwareProfile(
        os=system,
        arch=platform.machine().lower() or "unknown",
        cpu=cpu_info,
        ram=ram,
        gpus=gpus,
        disk=disk_info,
        notes=tuple(notes),
    )
