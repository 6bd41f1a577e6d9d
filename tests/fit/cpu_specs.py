"""An entry rule written after the thirteenth round and before the fourteenth's evaluation: a speed row whose
source names its CPU but not its clock carries the clock, core count and vector width the maker publishes
for that CPU, as the app's probe reads them on Linux (cpufreq's maximum, the physical cores, the
/proc/cpuinfo flags), instead of the engine's 3 GHz / AVX2 fallback for a CPU that reports nothing.

Only the CPU's facts change, never a row's measured figure, model, context or placement, and only where the
row does not state them itself (a row with a clock keeps its own). CPUs whose maker publishes no single
maximum clock that we could read (Apple's M chips, whose cpufreq macOS does not report; the QCS9075, the
SpacemiT boards and the CIX P1) keep the fallback, as does every row whose source names no CPU.
docs/fit-accuracy.md ("CPU facts from the maker's spec") lists the sources this touches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from runyard_desktop.core.hardware.presets import DEFAULT_CPU_NAME
from runyard_desktop.core.hardware.profile import HardwareProfile

from .measurements_public import SpeedCase
from .round4.cpu_offload import _AVX2
from .round13.discrete_gpus import _ZEN4 as _AVX512

_ARM = ("neon", "asimd", "dotprod")


@dataclass(frozen=True)
class CpuSpec:
    name: str
    cores: int  # physical cores (performance and efficiency cores together, as psutil counts them)
    max_mhz: float  # the maker's maximum boost clock
    flags: tuple[str, ...]
    spec: str  # where the figures are published


_AMD = "AMD's product page for the processor (amd.com/en/products/processors/...)"
_INTEL = "Intel's specification page for the processor (intel.com, ark)"

# Keyed by the model as the sources write it (a test finds the key in each source's hardware entry).
SPECS: dict[str, CpuSpec] = {
    "9950X": CpuSpec("AMD Ryzen 9 9950X 16-Core Processor", 16, 5700, _AVX512, _AMD),
    "9900X": CpuSpec("AMD Ryzen 9 9900X 12-Core Processor", 12, 5600, _AVX512, _AMD),
    "9700X": CpuSpec("AMD Ryzen 7 9700X 8-Core Processor", 8, 5500, _AVX512, _AMD),
    "9800X3D": CpuSpec("AMD Ryzen 7 9800X3D 8-Core Processor", 8, 5200, _AVX512, _AMD),
    "7745HX": CpuSpec("AMD Ryzen 7 7745HX with Radeon Graphics", 8, 5100, _AVX512, _AMD),
    "7640HS": CpuSpec("AMD Ryzen 5 7640HS w/ Radeon 760M Graphics", 6, 5000, _AVX512, _AMD),
    "5800X": CpuSpec("AMD Ryzen 7 5800X 8-Core Processor", 8, 4700, _AVX2, _AMD),
    "5600X": CpuSpec("AMD Ryzen 5 5600X 6-Core Processor", 6, 4600, _AVX2, _AMD),
    "i7-14700": CpuSpec("Intel(R) Core(TM) i7-14700", 20, 5400, _AVX2, _INTEL),
    "i7-1360P": CpuSpec("13th Gen Intel(R) Core(TM) i7-1360P", 12, 5000, _AVX2, _INTEL),
    "i9-9900T": CpuSpec("Intel(R) Core(TM) i9-9900T CPU", 8, 4400, _AVX2, _INTEL),
    "i3-8100": CpuSpec("Intel(R) Core(TM) i3-8100 CPU", 4, 3600, _AVX2, _INTEL),
    "i5-7400": CpuSpec("Intel(R) Core(TM) i5-7400 CPU", 4, 3500, _AVX2, _INTEL),
    "Ultra 5 225H": CpuSpec("Intel(R) Core(TM) Ultra 5 225H", 14, 4900, _AVX2, _INTEL),
    "Ultra 7 270K Plus": CpuSpec("Intel(R) Core(TM) Ultra 7 270K Plus", 24, 5500, _AVX2, _INTEL),
    "RK3588": CpuSpec("Rockchip RK3588", 8, 2400, _ARM, "Rockchip's RK3588 datasheet (4× Cortex-A76 up to 2.4 GHz)"),
    "Orin NX": CpuSpec(
        "ARM Cortex-A78AE (NVIDIA Jetson Orin NX)",
        8,
        2000,
        _ARM,
        "NVIDIA's Jetson Orin NX 16GB module data sheet (8-core Cortex-A78AE up to 2 GHz)",
    ),
}

# Each source that names one machine's CPU in its own words (its hardware entry in public_sources.py).
BY_SOURCE: dict[str, str] = {
    "reddit-1rei65v": "9950X",
    "techyon-5080": "9950X",
    "local-llm-3060-lab": "9900X",
    "compiledthoughts-5060ti": "9700X",
    "willbnu-rtx5080-guide": "9800X3D",
    "bd775i-rtx5070-ollama": "7745HX",
    "davide97g-homelab-760m-ollama": "7640HS",
    "arc-a770-rx580-findings": "5800X",
    "lunaschal-rtx3070-5800x": "5800X",
    "jon-5060ti-x570-notes": "5600X",
    "glukhov-16gb": "i7-14700",
    "reddit-1v0pnqd": "i7-1360P",
    "ik2199-a1000": "i9-9900T",
    "codacus-gtx1060": "i3-8100",
    "llmlab-3x3060": "i5-7400",
    "ru-ultra5-225h-ollama": "Ultra 5 225H",
    "ja-rtx5070-wsl-llm-docs": "Ultra 7 270K Plus",
    "sergiiob-rk3588": "RK3588",
    "homeops-jetson-orin-nx": "Orin NX",
}


def published_cpu(profile: HardwareProfile, spec: CpuSpec) -> HardwareProfile:
    """The profile with the spec's CPU where the row states no clock; a row's own clock and cores stand."""
    cpu = profile.cpu
    if cpu.max_mhz is not None:
        return profile
    stated_name = cpu.name != DEFAULT_CPU_NAME
    cores = cpu.physical_cores if stated_name else spec.cores
    flags = tuple(dict.fromkeys((*cpu.flags, *spec.flags)))
    named = replace(
        cpu,
        name=cpu.name if stated_name else spec.name,
        physical_cores=cores,
        logical_cores=max(cpu.logical_cores, cores) if stated_name else 2 * cores,
        max_mhz=spec.max_mhz,
        flags=flags,
    )
    return replace(profile, cpu=named)


def with_published_cpu(case: SpeedCase) -> SpeedCase:
    model = BY_SOURCE.get(case.source)
    if model is None:
        return case
    return replace(case, profile=published_cpu(case.profile, SPECS[model]))
