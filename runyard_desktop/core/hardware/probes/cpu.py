"""CPU probe: brand string, cores and the instruction-set flags that decide llama.cpp's CPU speed.

Pure parsers over captured text/values (tested with recorded fixtures) plus thin per-OS readers:
- Linux: `/proc/cpuinfo` ("model name"/"flags" on x86; "Features"/"CPU implementer"/"CPU part" on arm64,
  where the kernel prints no brand string, so we name the core from the implementer/part ids).
- macOS: `sysctl` keys (see `apple.py`, which captures them once for CPU and GPU).
- Windows: the registry's ProcessorNameString and `IsProcessorFeaturePresent`.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Iterable, Mapping
from dataclasses import replace

import psutil

from runyard_desktop.core.hardware.profile import CpuInfo

# The flags we report, in display order. x86 names are the kernel's; "neon" is arm64's SIMD
# (the kernel calls it "asimd"), "dotprod"/"i8mm"/"sve" speed up llama.cpp's quantised kernels.
INFERENCE_FLAGS = (
    "avx",
    "avx2",
    "avx512f",
    "avx512_vnni",
    "avx512_bf16",
    "amx_tile",
    "fma",
    "f16c",
    "neon",
    "dotprod",
    "i8mm",
    "sve",
)
_LINUX_ALIASES = {"asimd": "neon", "neon": "neon", "asimddp": "dotprod"}

# arm64 cores by (implementer, part), as lscpu names them; only the ones people run models on.
_ARM_CORES = {
    ("0x41", "0xd03"): "ARM Cortex-A53",
    ("0x41", "0xd05"): "ARM Cortex-A55",
    ("0x41", "0xd08"): "ARM Cortex-A72",
    ("0x41", "0xd0b"): "ARM Cortex-A76",
    ("0x41", "0xd0c"): "ARM Neoverse-N1",
    ("0x41", "0xd40"): "ARM Neoverse-V1",
    ("0x41", "0xd49"): "ARM Neoverse-N2",
    ("0x41", "0xd4f"): "ARM Neoverse-V2",
    ("0x41", "0xd8e"): "ARM Neoverse-N3",
    ("0xc0", "0xac3"): "Ampere-1",
    ("0xc0", "0xac4"): "Ampere-1a",
    ("0x61", "0x022"): "Apple M1",
    ("0x51", "0x001"): "Qualcomm Oryon",
}
_ARM_VENDORS = {
    "0x41": "ARM",
    "0x42": "Broadcom",
    "0x48": "HiSilicon",
    "0x4e": "NVIDIA",
    "0x51": "Qualcomm",
    "0x61": "Apple",
    "0xc0": "Ampere",
}

# Windows IsProcessorFeaturePresent ids (winnt.h PF_*).
PF_ARM_NEON = 19
PF_AVX = 39
PF_AVX2 = 40
PF_AVX512F = 41
_WINDOWS_FEATURES = {PF_AVX: "avx", PF_AVX2: "avx2", PF_AVX512F: "avx512f", PF_ARM_NEON: "neon"}


def ordered_flags(flags: Iterable[str]) -> tuple[str, ...]:
    present = set(flags)
    return tuple(f for f in INFERENCE_FLAGS if f in present)


def parse_proc_cpuinfo(text: str) -> tuple[str | None, tuple[str, ...]]:
    """(brand or None, inference flags) from `/proc/cpuinfo`; the first value of each key wins.

    arm64 kernels print no brand: the core is named from "CPU implementer"/"CPU part", and a board
    name from the trailing "Model" line (Raspberry Pi) is added in brackets.
    """
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields.setdefault(key.strip().lower(), value.strip())
    raw_flags = (fields.get("flags") or fields.get("features") or "").split()
    flags = ordered_flags(_LINUX_ALIASES.get(f, f) for f in raw_flags)
    name = fields.get("model name") or None
    if name is None and "cpu implementer" in fields:
        implementer = fields["cpu implementer"].lower()
        part = fields.get("cpu part", "").lower()
        name = _ARM_CORES.get((implementer, part))
        if name is None:
            name = f"{_ARM_VENDORS.get(implementer, 'Unknown')} arm64 CPU (part {part or '?'})"
        board = fields.get("model", "")
        if board and not board.isdigit():
            name = f"{name} ({board})"
    return name, flags


def parse_windows_cpu(processor_name: str | None, features: Mapping[int, bool]) -> tuple[str | None, tuple[str, ...]]:
    """Brand from the registry's ProcessorNameString; flags from IsProcessorFeaturePresent answers.

    Windows has no feature id for FMA or F16C; every AVX2 CPU shipped so far has both (Haswell, Zen),
    so we infer them from AVX2 rather than report a fast CPU as lacking them.
    """
    flags = {name for pf, name in _WINDOWS_FEATURES.items() if features.get(pf)}
    if "avx2" in flags:
        flags |= {"fma", "f16c"}
    name = " ".join(processor_name.split()) if processor_name else None
    return name, ordered_flags(flags)


def core_counts() -> tuple[int, int]:
    """(physical, logical) via psutil; physical falls back to logical when the OS won't say."""
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    return int(physical), int(logical)


# Device-tree vendor prefixes of the SoCs single-board computers are built on, as people write them.
_SOC_VENDORS = {
    "rockchip": "Rockchip",
    "amlogic": "Amlogic",
    "allwinner": "Allwinner",
    "brcm": "Broadcom",
    "qcom": "Qualcomm",
    "mediatek": "MediaTek",
    "nvidia": "NVIDIA",
    "starfive": "StarFive",
}


def parse_device_tree(model: bytes | None, compatible: bytes | None) -> tuple[str | None, str | None]:
    """(board, SoC) from `/proc/device-tree/model` and `compatible` (NUL-separated, most specific first,
    so the SoC is the last entry): (b"Radxa ROCK 5B", b"radxa,rock-5b\\0rockchip,rk3588\\0") ->
    ("Radxa ROCK 5B", "Rockchip RK3588"). Either is None when the file is missing or says nothing usable."""
    board = (model or b"").split(b"\x00", 1)[0].decode("utf-8", "replace").strip() or None
    entries = [e.decode("ascii", "replace").strip() for e in (compatible or b"").split(b"\x00") if e.strip()]
    soc = None
    if entries:
        vendor, _sep, part = entries[-1].partition(",")
        if part and vendor.lower() in _SOC_VENDORS:
            soc = f"{_SOC_VENDORS[vendor.lower()]} {part.upper()}"
    return board, soc


def _read_small(path: str, limit: int = 4096) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read(limit)
    except OSError:
        return None


def with_board_and_soc(name: str, board: str | None, soc: str | None) -> str:
    """The arm64 core name with the board and SoC in brackets, each once: the SoC sets RAM bandwidth
    (core/hardware/bandwidth.py) where the core alone cannot."""
    extra = [x for x in (board, soc) if x and x not in name]
    if not extra:
        return name
    if name.endswith(")"):
        return f"{name[:-1]}, {', '.join(extra)})"
    return f"{name} ({', '.join(extra)})"


def read_linux_cpu(cpuinfo_path: str = "/proc/cpuinfo", device_tree: str = "/proc/device-tree") -> CpuInfo:
    with open(cpuinfo_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    name, flags = parse_proc_cpuinfo(text)
    if name is not None and "cpu implementer" in text.lower():  # arm64: the board and SoC are in the device tree
        board, soc = parse_device_tree(
            _read_small(os.path.join(device_tree, "model")), _read_small(os.path.join(device_tree, "compatible"))
        )
        name = with_board_and_soc(name, board, soc)
    physical, logical = core_counts()
    return CpuInfo(
        name=name or platform.processor() or platform.machine() or "Unknown CPU",
        physical_cores=physical,
        logical_cores=logical,
        flags=flags,
    )


def read_windows_cpu() -> CpuInfo:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # also tells mypy to check the rest as Windows code
        raise OSError("the Windows registry exists only on Windows")
    import ctypes
    import winreg

    name: str | None = None
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"HARDWARE\DESCRIPTION\System\CentralProcessor\0") as key:
        name = str(winreg.QueryValueEx(key, "ProcessorNameString")[0])
    kernel32 = ctypes.windll.kernel32
    features = {pf: bool(kernel32.IsProcessorFeaturePresent(pf)) for pf in _WINDOWS_FEATURES}
    name, flags = parse_windows_cpu(name, features)
    physical, logical = core_counts()
    return CpuInfo(
        name=name or platform.processor() or "Unknown CPU", physical_cores=physical, logical_cores=logical, flags=flags
    )


def read_cpu() -> CpuInfo:
    """This machine's CPU on Linux or Windows (macOS goes through `apple.read_sysctl`)."""
    if sys.platform == "win32":
        info = read_windows_cpu()
    elif os.path.exists("/proc/cpuinfo"):
        info = read_linux_cpu()
    else:
        physical, logical = core_counts()
        info = CpuInfo(
            name=platform.processor() or platform.machine() or "Unknown CPU",
            physical_cores=physical,
            logical_cores=logical,
        )
    return replace(info, max_mhz=max_mhz())


def max_mhz() -> float | None:
    """The highest clock psutil reports (Linux: cpufreq's max; Windows: the rated clock), or None."""
    try:
        freq = psutil.cpu_freq()
    except (OSError, NotImplementedError, RuntimeError):  # no cpufreq in containers and some VMs
        return None
    if freq is None:
        return None
    best = max(freq.max or 0.0, freq.current or 0.0)
    return float(best) if best > 0 else None
