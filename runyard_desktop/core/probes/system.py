"""Runs every probe in isolation and assembles the HardwareProfile."""

from __future__ import annotations

import logging
import os
import platform
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import psutil

from runyard_desktop.core.hardware import CpuInfo, DiskInfo, HardwareProfile, RamInfo

log = logging.getLogger(__name__)
T = TypeVar("T")


def _isolated(what: str, probe: Callable[[], T], fallback: T, notes: list[str]) -> T:
    """Run one probe; any failure becomes a plain note and the fallback value."""
    try:
        return probe()
    except Exception as exc:  # a probe must never take the app down: report and go on
        log.warning("%s probe failed", what, exc_info=True)
        notes.append(f"Could not read {what}: {exc}")
        return fallback


def read_cpu() -> CpuInfo:
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    return CpuInfo(name=platform.processor() or platform.machine(), physical_cores=physical, logical_cores=logical)


def read_ram() -> RamInfo:
    vm = psutil.virtual_memory()
    return RamInfo(total_bytes=int(vm.total), available_bytes=int(vm.available))


def default_models_dir(environ: dict[str, str] | None = None, system: str | None = None) -> Path:
    """Where Ollama keeps models: $OLLAMA_MODELS, else ~/.ollama/models (all OSes, per-user server)."""
    env = os.environ if environ is None else environ
    if env.get("OLLAMA_MODELS"):
        return Path(env["OLLAMA_MODELS"]).expanduser()
    return Path.home() / ".ollama" / "models"


def nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or "/")


def read_disk() -> DiskInfo:
    models = default_models_dir()
    usage = psutil.disk_usage(str(nearest_existing(models)))
    return DiskInfo(models_dir=str(models), free_bytes=int(usage.free))


def detect_all() -> HardwareProfile:
    notes: list[str] = []
    cpu = _isolated("the CPU", read_cpu, CpuInfo("Unknown CPU", 1, 1), notes)
    ram = _isolated("system memory", read_ram, RamInfo(0, 0), notes)
    disk = _isolated("free disk space", read_disk, None, notes)
    return HardwareProfile(
        os=platform.system().lower() or "unknown",
        arch=platform.machine().lower() or "unknown",
        cpu=cpu,
        ram=ram,
        gpus=(),
        disk=disk,
        notes=tuple(notes),
    )
