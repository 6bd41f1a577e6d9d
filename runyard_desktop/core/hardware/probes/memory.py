"""RAM module type, speed and channels, where the OS says, for the RAM-bandwidth term of the speed model.

- Linux: systemd-udev (≥ 255) copies SMBIOS type-17 records into `/run/udev/data/+dmi:id`, readable
  without root (`E:MEMORY_DEVICE_0_TYPE=DDR5`, `…_CONFIGURED_SPEED_MTS=5600`, `…_SIZE=…`); see
  https://github.com/systemd/systemd/blob/main/src/udev/dmi_memory_id/dmi_memory_id.c.
  The raw tables under /sys/firmware/dmi are root-only, so older systems report nothing.
- Windows: WMI Win32_PhysicalMemory (ConfiguredClockSpeed in MT/s, SMBIOSMemoryType codes as in
  the SMBIOS spec 3.x, type 17), read once through PowerShell.
- macOS: nothing; Apple Silicon's unified bandwidth comes from the GPU table.

Channels: one populated module is one channel; with more modules the channel count is not known
(two modules may share a channel), so it is left None and bandwidth.py assumes 2.
Parsers are pure over captured text so tests run on every OS.
"""

from __future__ import annotations

import json
import ntpath
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

UDEV_DMI = Path("/run/udev/data/+dmi:id")
_SMBIOS_TYPES = {24: "DDR3", 26: "DDR4", 29: "LPDDR3", 30: "LPDDR4", 34: "DDR5", 35: "LPDDR5"}
_POWERSHELL = (
    "Get-CimInstance Win32_PhysicalMemory | "
    "Select-Object Capacity,ConfiguredClockSpeed,Speed,SMBIOSMemoryType | ConvertTo-Json -Compress"
)
Modules = tuple[str | None, int | None, int | None]  # (memory type, MT/s, channels)
NONE: Modules = (None, None, None)


def _summary(modules: Iterable[tuple[str | None, int | None]]) -> Modules:
    found = [m for m in modules if m[1]]
    if not found:
        return NONE
    types = {t for t, _s in found if t}
    speed = min(s for _t, s in found if s)  # mixed modules run at the slowest one's speed
    return (types.pop() if len(types) == 1 else None), speed, (1 if len(found) == 1 else None)


def parse_udev_dmi(text: str) -> Modules:
    """From the udev database's `E:MEMORY_DEVICE_<n>_<FIELD>=value` lines."""
    devices: dict[str, dict[str, str]] = {}
    for match in re.finditer(r"^E:MEMORY_DEVICE_(\d+)_([A-Z_]+)=(.*)$", text, flags=re.M):
        devices.setdefault(match.group(1), {})[match.group(2)] = match.group(3).strip()
    modules = []
    for d in devices.values():
        if d.get("PRESENT") == "0" or d.get("SIZE") in (None, "0"):
            continue
        speed = d.get("CONFIGURED_SPEED_MTS") or d.get("SPEED_MTS")
        kind = d.get("TYPE")
        modules.append((kind if kind and kind not in ("Unknown", "Other") else None, _int(speed)))
    return _summary(modules)


def parse_win_physical_memory(rows: Iterable[Mapping[str, Any]]) -> Modules:
    """From Win32_PhysicalMemory rows (ConvertTo-Json of Capacity, ConfiguredClockSpeed, Speed, SMBIOSMemoryType)."""
    modules = []
    for row in rows:
        if not _int(row.get("Capacity")):
            continue
        speed = _int(row.get("ConfiguredClockSpeed")) or _int(row.get("Speed"))
        modules.append((_SMBIOS_TYPES.get(_int(row.get("SMBIOSMemoryType")) or 0), speed))
    return _summary(modules)


def _int(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def windows_powershell(environ: Mapping[str, str] | None = None) -> str:
    """Windows PowerShell by absolute path: a bare name would let CreateProcess find a planted copy in the
    current folder first."""
    root = (os.environ if environ is None else environ).get("SystemRoot") or r"C:\Windows"
    return ntpath.join(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe")


def read_modules() -> Modules:
    """This machine's RAM modules, or (None, None, None) where the OS does not say."""
    if sys.platform == "win32":
        from runyard_desktop.core.child_env import run_program

        command = [windows_powershell(), "-NoProfile", "-NonInteractive", "-Command", _POWERSHELL]
        out = run_program(command, timeout=10, text=True)
        data = json.loads(out.stdout[:1_000_000] or "[]")
        rows = data if isinstance(data, list) else [data]  # one module comes back as a bare object
        return parse_win_physical_memory(r for r in rows if isinstance(r, dict))
    if sys.platform.startswith("linux") and UDEV_DMI.is_file():
        return parse_udev_dmi(UDEV_DMI.read_text(encoding="utf-8", errors="replace")[:1_000_000])
    return NONE
