"""macOS probe: one `sysctl` call gives the CPU, core counts, memory and (on Apple Silicon) the GPU.

GPU-usable part of unified memory (Metal's `recommendedMaxWorkingSetSize`, which is what llama.cpp
and Ollama load against). Reading it needs Metal (pyobjc); we use the rule it follows instead:
- `iogpu.wired_limit_mb` > 0 (the user raised/lowered the limit): exactly that. Metal reports the
  override (12000/14000 MiB verified on an M3: github.com/AlexsJones/llmfit/pull/754; on an M5 Max:
  github.com/antirez/ds4/pull/893).
- otherwise 2/3 of RAM up to 36 GiB and 3/4 above. Recorded values: 16 GiB → 10922.67 MiB
  (github.com/abetlen/llama-cpp-python/issues/687), 32 GiB → 21845.34 MiB
  (github.com/ollama/ollama/issues/434, github.com/ggml-org/llama.cpp/pull/2011), both exactly 2/3;
  64 GiB → 49152 MiB (github.com/ggml-org/llama.cpp/issues/1870), exactly 3/4.
Uncertainty: recent macOS releases give more (24 GB → 17.76 GiB, ~74 %,
github.com/sgl-project/sglang/pull/29949; 128 GiB → 107.52 GiB, 84 %, github.com/antirez/ds4/pull/893),
so this rule errs low: a model it calls fitting does fit.
"""

from __future__ import annotations

from collections.abc import Mapping

from runyard_desktop.core.fit.memory_budget import metal_working_set
from runyard_desktop.core.hardware.probes.cpu import ordered_flags
from runyard_desktop.core.hardware.profile import CpuInfo, GpuInfo

SYSCTL_KEYS = (
    "machdep.cpu.brand_string",
    "hw.memsize",
    "hw.physicalcpu",
    "hw.logicalcpu",
    "hw.optional.arm64",
    "hw.optional.neon",
    "hw.optional.arm.FEAT_DotProd",
    "hw.optional.arm.FEAT_I8MM",
    "hw.optional.avx1_0",
    "hw.optional.avx2_0",
    "hw.optional.avx512f",
    "hw.optional.fma",
    "machdep.cpu.features",
    "iogpu.wired_limit_mb",
    "kern.osproductversion",
)
_SYSCTL_FLAGS = {
    "hw.optional.neon": "neon",
    "hw.optional.arm.FEAT_DotProd": "dotprod",
    "hw.optional.arm.FEAT_I8MM": "i8mm",
    "hw.optional.avx1_0": "avx",
    "hw.optional.avx2_0": "avx2",
    "hw.optional.avx512f": "avx512f",
    "hw.optional.fma": "fma",
}


# Apple's published unified-memory bandwidth (GB/s) per chip. Where one name covers two bins
# (M3 Max 300/400, M4 Max 410/546) we take the lower: estimates should not promise too much.
APPLE_BANDWIDTH_GBPS = {
    "M1": 68.25,
    "M1 Pro": 200,
    "M1 Max": 400,
    "M1 Ultra": 800,
    "M2": 100,
    "M2 Pro": 200,
    "M2 Max": 400,
    "M2 Ultra": 800,
    "M3": 100,
    "M3 Pro": 150,
    "M3 Max": 300,
    "M3 Ultra": 819,
    "M4": 120,
    "M4 Pro": 273,
    "M4 Max": 410,
    "M5": 153,
}


def chip_bandwidth_gbps(brand: str) -> float | None:
    """ "Apple M2 Pro" -> 200.0; None for chips not in the table."""
    chip = brand.removeprefix("Apple ").strip()
    value = APPLE_BANDWIDTH_GBPS.get(chip)
    return float(value) if value is not None else None


def parse_sysctl(text: str) -> dict[str, str]:
    """`sysctl key …` output ("key: value" lines) -> dict. Unknown keys are simply absent."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key.strip():
            values[key.strip()] = value.strip()
    return values


def metal_working_set_bytes(memsize: int, wired_limit_mb: int = 0) -> int:
    """The GPU-usable part of unified memory (see the module docstring for the rule and sources)."""
    if wired_limit_mb > 0:
        return min(memsize, wired_limit_mb * 2**20)
    return metal_working_set(memsize)


def _int(values: Mapping[str, str], key: str) -> int:
    try:
        return int(values.get(key, "0") or 0)
    except ValueError:
        return 0


def cpu_from_sysctl(values: Mapping[str, str]) -> CpuInfo:
    flags = {flag for key, flag in _SYSCTL_FLAGS.items() if _int(values, key)}
    if "F16C" in values.get("machdep.cpu.features", "").split():
        flags.add("f16c")
    logical = _int(values, "hw.logicalcpu") or 1
    return CpuInfo(
        name=values.get("machdep.cpu.brand_string") or "Unknown Mac CPU",
        physical_cores=_int(values, "hw.physicalcpu") or logical,
        logical_cores=logical,
        flags=ordered_flags(flags),
    )


def gpu_from_sysctl(values: Mapping[str, str], available_ram_bytes: int | None = None) -> GpuInfo | None:
    """The Apple Silicon GPU (None on Intel Macs): unified memory, usable part per the Metal rule.

    Free = the working set, capped by what RAM has available right now (other apps use it too).
    """
    if not _int(values, "hw.optional.arm64"):
        return None
    memsize = _int(values, "hw.memsize")
    usable = metal_working_set_bytes(memsize, _int(values, "iogpu.wired_limit_mb"))
    free = usable if available_ram_bytes is None else max(0, min(usable, available_ram_bytes))
    chip = values.get("machdep.cpu.brand_string") or "Apple Silicon"
    return GpuInfo(
        vendor="apple",
        name=f"{chip} GPU",
        vram_total_bytes=usable,
        vram_free_bytes=free,
        vram_used_bytes=usable - free,
        unified_memory=True,
        memory_bandwidth_gbps=chip_bandwidth_gbps(chip),
        driver=f"Metal (macOS {values['kern.osproductversion']})" if values.get("kern.osproductversion") else "Metal",
    )


def read_sysctl() -> dict[str, str]:  # pragma: no cover - macOS only
    """Capture every key in one call. sysctl exits non-zero for a key this Mac lacks; the rest still print."""
    from runyard_desktop.core.child_env import run_program

    # The absolute path (no PATH lookup) and the user's environment without the bundle's DYLD_*/Qt paths.
    out = run_program(["/usr/sbin/sysctl", *SYSCTL_KEYS], timeout=5, text=True)
    return parse_sysctl(out.stdout)
