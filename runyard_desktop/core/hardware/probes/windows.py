"""Windows GPUs from the registry's display-adapter class key (all vendors; NVML is preferred for NVIDIA).

HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\000N holds one
adapter each: `DriverDesc` (the name), `MatchingDeviceId` (PCI\\VEN_xxxx&DEV_xxxx), `DriverVersion`,
and `HardwareInformation.qwMemorySize`, the 64-bit dedicated-memory size. WMI's
Win32_VideoController.AdapterRAM is a uint32 and saturates at 4 GB
(github.com/AlexsJones/llmfit/issues/830, github.com/sebhildebrandt/systeminformation/pull/534), so we
never use it. Older drivers only write the 32-bit `HardwareInformation.MemorySize` (REG_BINARY or
REG_DWORD); we fall back to it.

An integrated GPU's "dedicated" memory is a BIOS carve-out from RAM (AMD's "VRAM size" setting, e.g.
96 GB of a 128 GB Ryzen AI Max+ 395; Intel's few hundred MB of stolen memory): `qwMemorySize` is then
the carve-out and Windows reports only the RAM left. AMD APUs are told by name (`amd.is_amd_apu`:
"AMD Radeon(TM) 8060S Graphics", "AMD Radeon(TM) 780M Graphics"), Intel iGPUs by not being an Arc
card; both are marked `integrated` and `dedicated_from_ram` (the fit engine caps what such a GPU can
take: core/fit/memory_budget.py). Discrete cards are never flagged.

The class key keeps the subkey of a card that was taken out or replaced, driver values and all, so
only adapters Windows lists as present count: SetupAPI's `SetupDiGetClassDevsW(display class,
DIGCF_PRESENT)` names each present device's driver key (`SPDRP_DRIVER`, "{class}\\000N"); a subkey
not named there is stale (`Present: False`). Where SetupAPI cannot be read, every adapter counts.

`parse_display_adapters` and `mark_present` are pure over captured values (a list of dicts), so tests
run on Linux; `read_display_adapters` uses `winreg` and SetupAPI and exists only on Windows.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from runyard_desktop.core.hardware.probes.amd import is_amd_apu
from runyard_desktop.core.hardware.profile import IGPU_VRAM_LIMIT, GpuInfo

log = logging.getLogger(__name__)

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


def _is_carve_out(vendor: str, name: str, memory: int) -> bool:
    """Dedicated memory that is a carve-out from RAM: an AMD APU, or an Intel iGPU with a size."""
    if vendor == "amd":
        return is_amd_apu(name)
    return vendor == "intel" and memory > 0 and _is_integrated(vendor, name, memory)


def _is_integrated(vendor: str, name: str, memory: int) -> bool:
    if vendor == "amd" and is_amd_apu(name):
        return True
    if vendor == "intel":
        return not (_INTEL_DISCRETE.search(name) and memory >= IGPU_VRAM_LIMIT)
    if vendor == "qualcomm":
        return True
    return memory < IGPU_VRAM_LIMIT


def parse_display_adapters(adapters: Iterable[Mapping[str, Any]]) -> tuple[GpuInfo, ...]:
    """Captured registry values (one dict per 000N subkey) -> GpuInfo. Virtual and absent adapters are skipped."""
    gpus: list[GpuInfo] = []
    for values in adapters:
        if values.get("Present") is False:
            continue  # the class key remembers a card that is no longer in this computer
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
                dedicated_from_ram=_is_carve_out(vendor, name, memory),
            )
        )
    return tuple(gpus)


def mark_present(adapters: Iterable[Mapping[str, Any]], present: Collection[str] | None) -> list[dict[str, Any]]:
    """Each adapter with `Present` set from the present devices' subkeys ("0001"); None leaves them unmarked."""
    marked = [dict(values) for values in adapters]
    if present is not None:
        for values in marked:
            values["Present"] = str(values.get("Subkey", "")) in present
    return marked


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
            values: dict[str, Any] = {"Subkey": sub}
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
    try:
        present: set[str] | None = present_display_subkeys()
    except OSError as exc:
        log.info("SetupAPI could not list the present display adapters (%s); counting every one", exc)
        present = None
    return mark_present(adapters, present)


def present_display_subkeys() -> set[str]:  # pragma: no cover - Windows only
    """The class-key subkeys ("0000", "0002") of the display adapters present now, from SetupAPI."""
    if sys.platform != "win32":
        raise OSError("SetupAPI exists only on Windows")
    import ctypes
    from ctypes import wintypes

    class Guid(ctypes.Structure):
        _fields_ = [("d1", wintypes.DWORD), ("d2", wintypes.WORD), ("d3", wintypes.WORD), ("d4", ctypes.c_ubyte * 8)]

    class DevInfoData(ctypes.Structure):  # SP_DEVINFO_DATA
        _fields_ = [
            ("cbSize", wintypes.DWORD),
            ("ClassGuid", Guid),
            ("DevInst", wintypes.DWORD),
            ("Reserved", ctypes.c_void_p),
        ]

    api = ctypes.WinDLL("setupapi", use_last_error=True)
    api.SetupDiGetClassDevsW.restype = ctypes.c_void_p
    api.SetupDiGetClassDevsW.argtypes = [ctypes.POINTER(Guid), wintypes.LPCWSTR, wintypes.HWND, wintypes.DWORD]
    api.SetupDiEnumDeviceInfo.argtypes = [ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(DevInfoData)]
    api.SetupDiGetDeviceRegistryPropertyW.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(DevInfoData), wintypes.DWORD, ctypes.POINTER(wintypes.DWORD),
        ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD),
    ]  # fmt: skip
    api.SetupDiDestroyDeviceInfoList.argtypes = [ctypes.c_void_p]
    display_class = Guid(
        0x4D36E968, 0xE325, 0x11CE, (ctypes.c_ubyte * 8)(0xBF, 0xC1, 0x08, 0x00, 0x2B, 0xE1, 0x03, 0x18)
    )
    digcf_present, spdrp_driver = 0x2, 0x9
    handle = api.SetupDiGetClassDevsW(ctypes.byref(display_class), None, None, digcf_present)
    if handle in (None, ctypes.c_void_p(-1).value):  # INVALID_HANDLE_VALUE
        raise ctypes.WinError(ctypes.get_last_error())
    found: set[str] = set()
    try:
        index = 0
        while True:
            info = DevInfoData()
            info.cbSize = ctypes.sizeof(info)
            if not api.SetupDiEnumDeviceInfo(handle, index, ctypes.byref(info)):
                break  # ERROR_NO_MORE_ITEMS
            index += 1
            driver = ctypes.create_unicode_buffer(256)
            if api.SetupDiGetDeviceRegistryPropertyW(
                handle, ctypes.byref(info), spdrp_driver, None, driver, ctypes.sizeof(driver), None
            ):
                found.add(driver.value.rsplit("\\", 1)[-1])  # "{4d36e968-…}\0001" -> "0001"
    finally:
        api.SetupDiDestroyDeviceInfoList(handle)
    return found
