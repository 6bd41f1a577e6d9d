"""What a machine has free for a model: GPU groups, Apple's Metal working-set limit, usable RAM.

Free VRAM, never total, decides placement; RAM keeps a little headroom for the OS and this app.
Apple unified memory is one pool: its GPU part is a window into RAM, so it is never added to RAM.
"""

from __future__ import annotations

from dataclasses import dataclass

from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

# macOS gives Metal about 2/3 of RAM up to 36 GiB machines and 3/4 above (recommendedMaxWorkingSetSize).
_METAL_LARGE_FROM = 36 * GIB
# Ollama's default context tiers sum total VRAM; the real thresholds are 23 and 47 GiB
# (docs/qwen35-memory.md#default-context).
_TIER_32K_FROM = 23 * GIB
_TIER_256K_FROM = 47 * GIB
# Windows: the CPU cannot reach memory carved out for an iGPU, and loading a model goes through the RAM
# left to the OS, so large carve-outs do not fill (lemonade-sdk/lemonade#841: "96 GB dedicated … starves
# the CPU of RAM, which can cause model loading to fail"). Observed ceilings, 96 GB carve-out of 128 GB:
# ~64 GB in LM Studio (lmstudio-ai/lmstudio-bug-tracker#1790), ~55 GiB placed by Ollama of 94.7 GiB free
# (ollama/ollama#15709). [I] the GPU part is capped at twice the RAM the OS has.
CARVE_OUT_RAM_FACTOR = 2


def ram_headroom(total_ram: int) -> int:
    """RAM kept free for the OS and this app: 10 % of RAM, at least 0.5 GiB, at most 2 GiB."""
    return int(min(2 * GIB, max(0.5 * GIB, 0.10 * total_ram)))


def metal_share(total_ram: int) -> tuple[int, int]:
    """(numerator, denominator) of RAM that Metal may use: 2/3 up to 36 GiB, 3/4 above.

    The one place the rule lives: the Apple probe, `metal_limit` and the Mac presets all read it.
    """
    return (3, 4) if total_ram > _METAL_LARGE_FROM else (2, 3)


def metal_working_set(total_ram: int) -> int:
    """Bytes of `total_ram` that Metal may use (no `iogpu.wired_limit_mb` override)."""
    numerator, denominator = metal_share(total_ram)
    return total_ram * numerator // denominator


def metal_limit(gpu: GpuInfo, total_ram: int) -> int:
    """GPU-usable bytes of an Apple GPU. Probes that report all of RAM get the macOS share applied."""
    total = gpu.vram_total_bytes or total_ram
    if total >= 0.95 * total_ram:
        return metal_working_set(total_ram)
    return total


@dataclass(frozen=True)
class GpuSlot:
    """One GPU as the fit engine sees it."""

    name: str
    vendor: str
    total_bytes: int  # Apple: the Metal working-set limit
    free_bytes: int  # what a model may use now
    unified: bool
    gpu: GpuInfo


@dataclass(frozen=True)
class MemoryBudget:
    gpus: tuple[GpuSlot, ...]  # the group a model can be split over, most free first
    ram_usable: int  # available minus headroom
    unified: bool  # the GPU memory is a window into RAM (Apple Silicon, some AMD APUs)

    @property
    def gpu_free(self) -> int:
        return sum(g.free_bytes for g in self.gpus)

    @property
    def gpu_total(self) -> int:
        return sum(g.total_bytes for g in self.gpus)

    @property
    def gpu_label(self) -> str:
        if not self.gpus:
            return "no GPU"
        names = [g.name for g in self.gpus]
        if len(set(names)) == 1 and len(names) > 1:
            return f"{len(names)}× {_short(names[0])}"
        return " + ".join(_short(n) for n in names)


def _short(name: str) -> str:
    for prefix in ("NVIDIA GeForce ", "NVIDIA ", "AMD "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def memory_budget(profile: HardwareProfile) -> MemoryBudget:
    ram = profile.ram
    usable_ram = max(0, ram.available_bytes - ram_headroom(ram.total_bytes))
    slots: list[GpuSlot] = []
    for gpu in profile.inference_gpus:
        if gpu.unified_memory:
            limit = metal_limit(gpu, ram.total_bytes)
            # The window, not RAM: the fit engine checks RAM separately so nothing is counted twice.
            free = min(gpu.vram_free_bytes or limit, limit)
            slots.append(GpuSlot(gpu.name, gpu.vendor, limit, max(0, free), True, gpu))
        elif gpu.vram_total_bytes > 0:
            free = min(gpu.vram_free_bytes, gpu.vram_total_bytes)
            if gpu.dedicated_from_ram and profile.os == "windows":
                free = min(free, CARVE_OUT_RAM_FACTOR * ram.total_bytes)
            slots.append(GpuSlot(gpu.name, gpu.vendor, gpu.vram_total_bytes, max(0, free), False, gpu))
    group = _best_group(slots)
    unified = any(s.unified for s in group)
    return MemoryBudget(gpus=group, ram_usable=usable_ram, unified=unified)


def _best_group(slots: list[GpuSlot]) -> tuple[GpuSlot, ...]:
    """One runtime drives one vendor's GPUs: keep the vendor group with the most free memory."""
    by_vendor: dict[str, list[GpuSlot]] = {}
    for s in slots:
        by_vendor.setdefault(s.vendor, []).append(s)
    if not by_vendor:
        return ()
    best = max(by_vendor.values(), key=lambda group: sum(s.free_bytes for s in group))
    return tuple(sorted(best, key=lambda s: s.free_bytes, reverse=True))


def default_context(profile: HardwareProfile) -> int:
    """The num_ctx Ollama (≥ 0.15.5) picks when none is given: tiers by summed total VRAM."""
    return budget_default_context(memory_budget(profile))


def budget_default_context(budget: MemoryBudget) -> int:
    """`default_context` for a budget already computed (the fit engine has one for every tag)."""
    total = budget.gpu_total
    if total >= _TIER_256K_FROM:
        return 262_144
    if total >= _TIER_32K_FROM:
        return 32_768
    return 4_096
