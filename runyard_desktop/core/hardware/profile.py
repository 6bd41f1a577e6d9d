"""The hardware profile: frozen dataclasses, their JSON shape (`detect --json`), and `detect()`.

The JSON shape is a public contract (README "detect --json"): extend it, never rename a key.
`HardwareProfile.from_json` accepts that same shape so `fit --hardware` and the what-if editor can
describe another machine.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from runyard_desktop.core.formatting import human_gib

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CpuInfo:
    name: str
    physical_cores: int
    logical_cores: int
    flags: tuple[str, ...] = ()
    max_mhz: float | None = None  # highest clock the OS reports (psutil.cpu_freq); None = not reported


@dataclass(frozen=True)
class RamInfo:
    total_bytes: int
    available_bytes: int
    # What the OS says about the modules, when it says it (probes/memory.py); None = not known.
    memory_type: str | None = None  # "DDR4", "DDR5", "LPDDR5", …
    speed_mts: int | None = None  # configured transfer rate, MT/s
    channels: int | None = None  # populated 64-bit channels, when they can be told


IGPU_VRAM_LIMIT = 1 << 30  # Ollama's rule: a GPU with less dedicated memory is an iGPU


@dataclass(frozen=True)
class GpuInfo:
    """One GPU. `unified_memory` GPUs (Apple) share RAM; `vram_*` then describe the GPU-usable part."""

    vendor: str  # "nvidia" | "amd" | "apple" | "intel" | "other"
    name: str
    vram_total_bytes: int
    vram_free_bytes: int
    unified_memory: bool = False
    driver: str | None = None
    memory_bandwidth_gbps: float | None = None
    vram_used_bytes: int | None = None
    index: int = 0
    cuda_driver_version: str | None = None
    compute_capability: str | None = None
    memory_bus_width_bits: int | None = None
    memory_clock_mhz: int | None = None
    # Integrated GPUs that borrow system RAM do not speed up inference: Ollama runs them as CPU.
    integrated: bool = False
    # Memory carved out of system RAM for an integrated GPU (AMD "dedicated" graphics memory on
    # Windows): `vram_*` describe the carve-out and `RamInfo` only what the OS has left. Ollama runs
    # such a GPU (ROCm/Vulkan) like a discrete one.
    dedicated_from_ram: bool = False

    @property
    def usable_for_inference(self) -> bool:
        """Discrete, unified, or a carve-out of at least 1 GiB (Ollama's iGPU rule: less is an iGPU)."""
        big_carve_out = self.dedicated_from_ram and self.vram_total_bytes >= IGPU_VRAM_LIMIT
        return self.unified_memory or big_carve_out or not self.integrated


@dataclass(frozen=True)
class DiskInfo:
    models_dir: str
    free_bytes: int


@dataclass(frozen=True)
class HardwareProfile:
    os: str
    arch: str
    cpu: CpuInfo
    ram: RamInfo
    gpus: tuple[GpuInfo, ...] = ()
    disk: DiskInfo | None = None
    notes: tuple[str, ...] = ()
    detect_seconds: float | None = field(default=None, compare=False)

    @property
    def inference_gpus(self) -> tuple[GpuInfo, ...]:
        return tuple(g for g in self.gpus if g.usable_for_inference)

    def with_notes(self, *notes: str) -> HardwareProfile:
        return replace(self, notes=self.notes + tuple(notes))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["cpu"]["flags"] = list(self.cpu.flags)
        data["gpus"] = [asdict(g) for g in self.gpus]
        data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HardwareProfile:
        """Build a profile from the `detect --json` shape; missing optional keys take defaults."""
        try:
            cpu = data.get("cpu") or {}
            ram = data["ram"]
            disk = data.get("disk")
            gpus = tuple(_gpu_from_json(i, g) for i, g in enumerate(data.get("gpus") or []))
            return cls(
                os=str(data.get("os", "unknown")),
                arch=str(data.get("arch", "unknown")),
                cpu=CpuInfo(
                    name=str(cpu.get("name", "Unknown CPU")),
                    physical_cores=int(cpu.get("physical_cores") or cpu.get("logical_cores") or 1),
                    logical_cores=int(cpu.get("logical_cores") or cpu.get("physical_cores") or 1),
                    flags=tuple(cpu.get("flags") or ()),
                    max_mhz=float(cpu["max_mhz"]) if cpu.get("max_mhz") else None,
                ),
                ram=RamInfo(
                    total_bytes=int(ram["total_bytes"]),
                    available_bytes=int(ram.get("available_bytes", ram["total_bytes"])),
                    memory_type=str(ram["memory_type"]) if ram.get("memory_type") else None,
                    speed_mts=int(ram["speed_mts"]) if ram.get("speed_mts") else None,
                    channels=int(ram["channels"]) if ram.get("channels") else None,
                ),
                gpus=gpus,
                disk=DiskInfo(str(disk.get("models_dir", "")), int(disk["free_bytes"]))
                if disk and disk.get("free_bytes") is not None
                else None,
                notes=tuple(str(n) for n in data.get("notes") or ()),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a hardware profile ({exc.__class__.__name__}: {exc})") from exc


def _gpu_from_json(index: int, g: dict[str, Any]) -> GpuInfo:
    known = set(GpuInfo.__dataclass_fields__)
    values = {k: v for k, v in g.items() if k in known}
    values.setdefault("index", index)
    values["vram_total_bytes"] = int(values["vram_total_bytes"])
    values["vram_free_bytes"] = int(values.get("vram_free_bytes", values["vram_total_bytes"]))
    values.setdefault("vendor", "other")
    values.setdefault("name", "GPU")
    return GpuInfo(**values)


def inference_summary(p: HardwareProfile) -> str:
    """One sentence: where models will run on this machine and how much memory they get."""
    gpus = p.inference_gpus
    unified = [g for g in gpus if g.unified_memory]
    if unified:
        g = unified[0]
        return (
            f"Models run on the {g.name}: {human_gib(g.vram_free_bytes)} of unified memory free for them "
            f"(of {human_gib(g.vram_total_bytes)} the GPU may use)."
        )
    if len(gpus) == 1:
        g = gpus[0]
        return (
            f"Models run on the {g.name}: {human_gib(g.vram_free_bytes)} of VRAM free. "
            "Models larger than that spill over to the CPU and slow down."
        )
    if gpus:
        free = sum(g.vram_free_bytes for g in gpus)
        return f"Models run on {len(gpus)} GPUs: {human_gib(free)} of VRAM free in total."
    return (
        f"Models run on the CPU with {human_gib(p.ram.available_bytes)} of RAM free. "
        "No GPU that speeds them up was found."
    )


def detect() -> HardwareProfile:
    """Run every probe, each isolated: a failing probe becomes a plain-language note, never a crash."""
    from runyard_desktop.core.hardware.probes import system

    started = time.perf_counter()
    profile = system.detect_all()
    elapsed = time.perf_counter() - started
    log.info("Hardware detected in %.3f s: %d GPU(s), %d note(s)", elapsed, len(profile.gpus), len(profile.notes))
    return replace(profile, detect_seconds=elapsed)
