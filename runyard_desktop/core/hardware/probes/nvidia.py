"""NVIDIA probe through NVML (nvidia-ml-py): a thin reader that captures plain dicts, a pure builder.

`read_nvml(nvml)` calls NVML and returns one dict per GPU plus plain-language notes; it never
raises for NVML errors and always calls `nvmlShutdown` after a successful `nvmlInit`. `pynvml` is
imported lazily inside it (tests inject a stand-in module), and not at all where its library cannot
load: outside Windows pynvml loads exactly `libnvidia-ml.so.1`, so we try that first (pynvml itself
is ~3 MiB resident and ~20 ms, for nothing on a machine without an NVIDIA driver). `gpus_from_records` turns those dicts
into `GpuInfo`s; the recorded fixtures under tests/fixtures/hardware/ are such dicts.

Memory bandwidth rule: GB/s = bus_width_bits / 8 × max_memory_clock_MHz × 2 / 1000.
NVML's memory clock (`nvmlDeviceGetMaxClockInfo(h, NVML_CLOCK_MEM)`, what `nvidia-smi
--query-gpu=clocks.max.memory` shows) is half the effective transfer rate on every memory type
we checked, so ×2 gives the vendor's headline figure:
- GDDR6X RTX 4090: 384 bit, 10501 MHz → 1008 GB/s (spec 1008; the PAM4 signalling is already folded
  into NVML's number, which is half of 21 Gbps).
- HBM3e B200: 7680 bit, 3996 MHz → 7672 GB/s (github.com/pytorch/ao/pull/4002 measured exactly this with nvidia-smi).
- HBM2e A100 40 GB: 5120 bit, 1215 MHz → 1555 GB/s (spec 1555).
Uncertainty: this is a convention of NVML, not physics; laptop parts with dynamic memory clocks,
Jetson/Grace unified parts and future memory types may report differently, so the figure is the
theoretical peak (real decode speed reaches ~70-85 % of it) and is None when NVML won't give both.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, TypeVar

from runyard_desktop.core.hardware.profile import GpuInfo

log = logging.getLogger(__name__)

NO_DRIVER_NOTE = "No NVIDIA driver found, so no NVIDIA GPU can be used (models run on the CPU or another GPU)."
T = TypeVar("T")

# NVML's device handle is an opaque ctypes pointer (c_nvmlDevice_t); only NVML itself looks inside.
NvmlHandle = Any


class NvmlMemory(Protocol):
    """nvmlDeviceGetMemoryInfo's answer: bytes."""

    @property
    def total(self) -> int: ...
    @property
    def free(self) -> int: ...
    @property
    def used(self) -> int: ...


class Nvml(Protocol):
    """The part of the `pynvml` module (nvidia-ml-py) this probe calls; tests pass a stand-in."""

    NVMLError: type[Exception]
    NVML_CLOCK_MEM: int

    def nvmlInit(self) -> None: ...
    def nvmlShutdown(self) -> None: ...
    def nvmlSystemGetDriverVersion(self) -> str | bytes: ...
    def nvmlSystemGetCudaDriverVersion(self) -> int: ...
    def nvmlDeviceGetCount(self) -> int: ...
    def nvmlDeviceGetHandleByIndex(self, index: int) -> NvmlHandle: ...
    def nvmlDeviceGetName(self, handle: NvmlHandle) -> str | bytes: ...
    def nvmlDeviceGetMemoryInfo(self, handle: NvmlHandle) -> NvmlMemory: ...
    def nvmlDeviceGetCudaComputeCapability(self, handle: NvmlHandle) -> tuple[int, int]: ...
    def nvmlDeviceGetMemoryBusWidth(self, handle: NvmlHandle) -> int: ...
    def nvmlDeviceGetMaxClockInfo(self, handle: NvmlHandle, clock_type: int) -> int: ...


class NvmlRecord(TypedDict, total=False):
    """One GPU as read from NVML (the recorded fixtures hold the same keys, as JSON)."""

    index: int
    name: str
    memory_total: int
    memory_free: int
    memory_used: int
    compute_capability: tuple[int, ...] | None  # (major, minor)
    memory_bus_width_bits: int | None
    max_memory_clock_mhz: int | None
    driver_version: str | None
    cuda_driver_version: int | None


@dataclass(frozen=True)
class NvmlReading:
    records: tuple[NvmlRecord, ...]
    notes: tuple[str, ...]


def bandwidth_gbps(bus_width_bits: int | None, max_memory_clock_mhz: int | None) -> float | None:
    """Theoretical peak memory bandwidth in GB/s (see the module docstring for the rule)."""
    if not bus_width_bits or not max_memory_clock_mhz:
        return None
    return round(bus_width_bits / 8 * max_memory_clock_mhz * 2 / 1000, 1)


def cuda_version_string(version: int | None) -> str | None:
    """NVML's 12040 -> "12.4"."""
    if not version:
        return None
    return f"{version // 1000}.{version % 1000 // 10}"


def gpus_from_records(records: Iterable[Mapping[str, Any]]) -> tuple[GpuInfo, ...]:
    """Pure: captured NVML values -> GpuInfo (one per dict, in NVML index order). `records` may come
    straight from JSON (a fixture), so each value is converted here."""
    gpus: list[GpuInfo] = []
    for r in records:
        total = int(r["memory_total"])
        free = int(r.get("memory_free", total))
        cc = r.get("compute_capability")
        gpus.append(
            GpuInfo(
                vendor="nvidia",
                name=str(r.get("name") or "NVIDIA GPU"),
                vram_total_bytes=total,
                vram_free_bytes=free,
                vram_used_bytes=int(r["memory_used"]) if r.get("memory_used") is not None else total - free,
                driver=r.get("driver_version"),
                cuda_driver_version=cuda_version_string(r.get("cuda_driver_version")),
                compute_capability=f"{cc[0]}.{cc[1]}" if cc else None,
                memory_bus_width_bits=r.get("memory_bus_width_bits"),
                memory_clock_mhz=r.get("max_memory_clock_mhz"),
                memory_bandwidth_gbps=bandwidth_gbps(r.get("memory_bus_width_bits"), r.get("max_memory_clock_mhz")),
                index=int(r.get("index", len(gpus))),
            )
        )
    return tuple(gpus)


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _is(nvml: object, exc: BaseException, *names: str) -> bool:
    types = tuple(t for t in (getattr(nvml, n, None) for n in names) if isinstance(t, type))
    return bool(types) and isinstance(exc, types)


def _init_failure_note(nvml: object, exc: BaseException) -> str:
    if _is(nvml, exc, "NVMLError_LibraryNotFound", "NVMLError_DriverNotLoaded"):
        return NO_DRIVER_NOTE
    if _is(nvml, exc, "NVMLError_LibRmVersionMismatch"):
        return (
            "The NVIDIA driver was updated but the old one is still loaded (driver/library version "
            "mismatch). Restart the computer to use the GPU."
        )
    if _is(nvml, exc, "NVMLError_NoPermission"):
        return "This user may not query the NVIDIA GPU (permission denied); models would run on the CPU."
    return f"The NVIDIA driver did not answer ({exc}); no NVIDIA GPU is used. Updating the driver may help."


def _optional(nvml: Nvml, call: Callable[[], T]) -> T | None:
    """Value or None when this GPU/driver does not support the query. A lost GPU still propagates."""
    try:
        return call()
    except nvml.NVMLError as exc:
        if _is(nvml, exc, "NVMLError_GpuIsLost"):
            raise
        return None


def _read_device(nvml: Nvml, index: int) -> NvmlRecord:
    handle = nvml.nvmlDeviceGetHandleByIndex(index)
    memory = nvml.nvmlDeviceGetMemoryInfo(handle)
    return {
        "index": index,
        "name": _text(nvml.nvmlDeviceGetName(handle)),
        "memory_total": int(memory.total),
        "memory_free": int(memory.free),
        "memory_used": int(memory.used),
        "compute_capability": _optional(nvml, lambda: tuple(nvml.nvmlDeviceGetCudaComputeCapability(handle))),
        "memory_bus_width_bits": _optional(nvml, lambda: int(nvml.nvmlDeviceGetMemoryBusWidth(handle))),
        "max_memory_clock_mhz": _optional(
            nvml, lambda: int(nvml.nvmlDeviceGetMaxClockInfo(handle, nvml.NVML_CLOCK_MEM))
        ),
    }


def nvml_library_loads() -> bool:
    """False where pynvml's nvmlInit would certainly fail with LibraryNotFound (see the module docstring)."""
    if sys.platform == "win32":
        return True  # pynvml searches System32 and the NVSMI folder itself
    try:
        ctypes.CDLL("libnvidia-ml.so.1")
    except OSError:
        return False
    return True


def _import_pynvml() -> Nvml | NvmlReading:
    """The real NVML module, or the reading that explains why there is none."""
    if not nvml_library_loads():
        log.info("NVML library libnvidia-ml.so.1 not found")
        return NvmlReading((), (NO_DRIVER_NOTE,))
    try:
        import pynvml  # lazy: ~20 ms, and only this probe needs it
    except ImportError:
        return NvmlReading(
            (), ("The nvidia-ml-py package is missing, so NVIDIA GPUs can't be detected. Reinstall Runyard.",)
        )
    module: Nvml = pynvml  # nvidia-ml-py ships no types: Nvml is the part of it this probe relies on
    return module


def read_nvml(nvml: Nvml | None = None) -> NvmlReading:
    """Query every NVIDIA GPU. NVML errors become notes; nvmlShutdown always runs after init."""
    if nvml is None:
        found = _import_pynvml()
        if isinstance(found, NvmlReading):
            return found
        nvml = found
    try:
        nvml.nvmlInit()
    except nvml.NVMLError as exc:
        log.info("NVML init failed: %r", exc)
        return NvmlReading((), (_init_failure_note(nvml, exc),))
    records: list[NvmlRecord] = []
    notes: list[str] = []
    try:
        driver = _optional(nvml, lambda: _text(nvml.nvmlSystemGetDriverVersion()))
        cuda = _optional(nvml, nvml.nvmlSystemGetCudaDriverVersion)
        count = int(nvml.nvmlDeviceGetCount())
        for index in range(count):
            try:
                record = _read_device(nvml, index)
            except nvml.NVMLError as exc:
                log.warning("NVML query of GPU %d failed: %r", index, exc)
                if _is(nvml, exc, "NVMLError_GpuIsLost"):
                    notes.append(
                        f"NVIDIA GPU {index} stopped responding (GPU is lost). Restart the computer to use it."
                    )
                else:
                    notes.append(f"NVIDIA GPU {index} could not be read ({exc}); it is left out.")
                continue
            record["driver_version"], record["cuda_driver_version"] = driver, cuda
            records.append(record)
    except nvml.NVMLError as exc:
        log.warning("NVML query failed: %r", exc)
        notes.append(f"The NVIDIA driver stopped answering while GPUs were listed ({exc}).")
    finally:
        try:
            nvml.nvmlShutdown()
        except nvml.NVMLError as exc:  # shutting down a half-broken NVML is worth a log line, no more
            log.info("nvmlShutdown failed: %r", exc)
    return NvmlReading(tuple(records), tuple(notes))


def detect_nvidia(nvml: Nvml | None = None) -> tuple[tuple[GpuInfo, ...], tuple[str, ...]]:
    reading = read_nvml(nvml)
    return gpus_from_records(reading.records), reading.notes
