"""Windows GPUs from the registry's display-adapter class key (all vendors; NVML is preferred for NVIDIA).

HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\000N holds one
adapter each: `DriverDesc` (the name), `MatchingDeviceId` (PCI\\VEN_xxxx&DEV_xxxx), `DriverVersion`,
and `HardwareInformation.qwMemorySize`, the 64-bit dedicated-memory size. WMI's
Win32_VideoController.AdapterRAM is a uint32 and saturates at 4 GB
(github.com/AlexsJones/llmfit/issues/830, github.com/sebhildebrandt/systeminformation/pull/534), so we
never use it. Older drivers only write the 32-bit `HardwareInformation.MemorySize` (REG_BINARY or
REG_DWORD); we fall back to it.

`parse_display_adapters` is pure over captured values (a list of dicts), so tests run on Linux;
`read_display_adapters` uses `winreg` and exists only on Windows.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from runyard_desktop.core.hardware.probes.amd import (
    IGPU_VRAM_LIMIT as _IGPU_LIMIT,  # Ollama's rule: < 1 GiB dedicated = iGPU
)
from runyard_desktop.core.hardware.profile import GpuInfo

DISPLAY_CLASS_KEY = r"SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}"
_VALUES = (
    "DriverDesc",
    "MatchingDeviceId",
    "DriverVersion",
    "ProviderName",
    "HardwareInformation.qwMemorySize",
    "HardwareInformation.MemorySize",
)
_VENDORS = {"10de": "nvidia", "1002": "amd", "1022": "amd", "8086": "intel", "5143": "qualcomm"}
# Intel's discrete cards ("Arc(TM) A770", "Arc(TM) B580", "Arc Pro …"); the Core Ultra iGPU is
# plain "Arc(TM) Graphics".
_INTEL_DISCRETE = re.compile(r"Arc(\(TM\))?\s+(Pro\s+)?[AB]\d", re.IGNORECASE)


def _memory_size(values: Mapping[str, Any]) -> int:
    for key in ("HardwareInformation.qwMemorySize", "HardwareInformation.MemorySize"):
        raw = values.get(key)
        if isinstance(raw, (bytes, bytearray)):
            raw = int.from_bytes(raw[:8], "little") if raw else None
        if isinstance(raw, int) and raw > 0:
            return raw
    return 0


def _vendor(device_id: str, name: str) -> str:
    match = re.search(r"VEN_([0-9A-Fa-f]{4})", device_id)
    if match:
        return _VENDORS.get(match.group(1).lower(), "other")
    lowered = name.lower()
    for word, vendor in (("nvidia", "nvidia"), ("radeon", "amd"), ("amd", "amd"), ("intel", "intel")):
        if word in lowered:
            return vendor
    return "other"


def _is_integrated(vendor: str, name: str, memory: int) -> bool:
    if vendor == "intel":
        return not (_INTEL_DISCRETE.search(name) and memory >= _IGPU_LIMIT)
    if vendor == "qualcomm":
        return True
    return memory < _IGPU_LIMIT


def parse_display_adapters(adapters: Iterable[Mapping[str, Any]]) -> tuple[GpuInfo, ...]:
    """Captured registry values (one dict per 000N subkey) -> GpuInfo. Virtual adapters are skipped."""
    gpus: list[GpuInfo] = []
    for values in adapters:
        name = str(values.get("DriverDesc") or "").strip()
        device_id = str(values.get("MatchingDeviceId") or "")
        if not name or "microsoft" in name.lower() or device_id.lower().startswith(("root\\", "swd\\")):
            continue  # Basic Display / Remote Display / Hyper-V: no GPU behind them
        memory = _memory_size(values)
        vendor = _vendor(device_id, name)
        gpus.append(
            GpuInfo(
                vendor=vendor,
                name=name,
                vram_total_bytes=memory,
                # The registry knows the size, not what is in use; NVML (NVIDIA) is the only live figure.
                vram_free_bytes=memory,
                driver=str(values["DriverVersion"]) if values.get("DriverVersion") else None,
                index=len(gpus),
                integrated=_is_integrated(vendor, name, memory),
            )
        )
    return tuple(gpus)


def read_display_adapters() -> list[dict[str, Any]]:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # also tells mypy to check the rest as Windows code
        raise OSError("the Windows registry exists only on Windows")
    import winreg

    adapters: list[dict[str, Any]] = []
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, DISPLAY_CLASS_KEY) as cls:
        index = 0
        while True:
            try:
                sub = winreg.EnumKey(cls, index)
            except OSError:
                break
            index += 1
            if not sub.isdigit():
                continue  # "Properties" and friends
            values: dict[str, Any] = {}
            try:
                with winreg.OpenKey(cls, sub) as key:
                    for name in _VALUES:
                        try:
                            values[name] = winreg.QueryValueEx(key, name)[0]
                        except OSError:
                            pass  # this adapter's driver does not write that value
            except PermissionError:
                continue
            adapters.append(values)
    return adapters
