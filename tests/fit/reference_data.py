"""The reference machines' expected verdicts (hand-checked) and the profile builders the published
measurements (measurements_public.py) use. docs/fit-reference.md and docs/fit-accuracy.md are generated
from these modules + the engine (`python -m tests.fit.docgen --write`); tests check both docs stay in sync.
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.fit.catalogue import ModelTag, load_catalogue
from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

GIB = 2**30
DEFAULT_TAGS = ("0.8b", "2b", "4b", "9b", "27b", "35b-a3b", "122b-a10b")

# Expected verdict of each default tag at Ollama's default context (gpu / partial / cpu / no_fit),
# and the recommended tag. Each line was checked by hand against the arithmetic in fit-reference.md.
# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
EXPECTED: dict[str, tuple[tuple[str, ...], str | None]] = {
    "Raspberry Pi 4 (4 GB)": (("cpu", "no_fit", "no_fit", "no_fit", "no_fit", "no_fit", "no_fit"), "0.8b"),
    "Laptop 8 GB, no GPU": (("cpu", "cpu", "cpu", "no_fit", "no_fit", "no_fit", "no_fit"), "4b"),
    "Laptop 16 GB, no GPU": (("cpu", "cpu", "cpu", "cpu", "no_fit", "no_fit", "no_fit"), "4b"),
    "RTX 3060 12 GB + 32 GB RAM": (("gpu", "gpu", "gpu", "gpu", "partial", "partial", "no_fit"), "35b-a3b"),
    # 9b: "gpu" since the input embedding is counted in RAM (docs/qwen35-memory.md#what-stays-off-the-gpu)
    "RTX 4060 8 GB + 16 GB RAM": (("gpu", "gpu", "gpu", "gpu", "no_fit", "no_fit", "no_fit"), "9b"),
    "RTX 4090 24 GB + 64 GB RAM": (("gpu", "gpu", "gpu", "gpu", "gpu", "partial", "no_fit"), "27b"),
    "2× RTX 3090 + 128 GB RAM": (("gpu", "gpu", "gpu", "gpu", "gpu", "gpu", "partial"), "122b-a10b"),
    "MacBook Pro M2 Pro 16 GB": (("gpu", "gpu", "gpu", "gpu", "no_fit", "no_fit", "no_fit"), "9b"),
    "MacBook Air M2 16 GB": (("gpu", "gpu", "gpu", "gpu", "no_fit", "no_fit", "no_fit"), "9b"),
    "MacBook Pro M3 Max 64 GB": (("gpu", "gpu", "gpu", "gpu", "gpu", "gpu", "no_fit"), "27b"),
    "H100 80 GB server": (("gpu", "gpu", "gpu", "gpu", "gpu", "gpu", "partial"), "122b-a10b"),
    "RX 7900 XTX 24 GB + 32 GB RAM": (("gpu", "gpu", "gpu", "gpu", "gpu", "partial", "no_fit"), "27b"),
    "Ryzen AI Max+ 395 128 GB (96 GB GPU)": (("gpu", "gpu", "gpu", "gpu", "gpu", "gpu", "gpu"), "122b-a10b"),
}
# fmt: on


def gpu_machine(
    name: str,
    vram_gib: float,
    *,
    count: int = 1,
    ram_gib: float = 64,
    vendor: str = "nvidia",
    free_gib: float | None = None,
) -> HardwareProfile:
    free = vram_gib - 0.4 if free_gib is None else free_gib
    gpus = tuple(GpuInfo(vendor, name, int(vram_gib * GIB), int(free * GIB), index=i) for i in range(count))
    return build_profile(ram_gib=ram_gib, ram_available_gib=ram_gib * 0.85, gpus=gpus)


def unified_machine(
    name: str, gpu_gib: float, ram_gib: float, bandwidth: float | None = None, vendor: str = "apple"
) -> HardwareProfile:
    gpu = GpuInfo(
        vendor,
        name,
        int(gpu_gib * GIB),
        int((gpu_gib - 0.3) * GIB),
        unified_memory=True,
        memory_bandwidth_gbps=bandwidth,
    )
    return build_profile(ram_gib=ram_gib, ram_available_gib=ram_gib * 0.9, gpus=(gpu,), os="darwin", arch="arm64")


def variant(tag: str, *, bytes_per_param: float, download_gb: float) -> ModelTag:
    """A GGUF that Ollama does not ship (e.g. 0.8B Q4_0), for comparing with llama.cpp measurements."""
    base = load_catalogue().get(tag)
    return replace(
        base,
        tag=f"{tag} ({bytes_per_param} B/param)",
        bytes_per_param=bytes_per_param,
        download_bytes=int(download_gb * 1e9),
    )


def gguf_file(tag: str, gb: float) -> ModelTag:
    """A GGUF Ollama does not ship, from its file size in GB (bytes per parameter = size ÷ parameters)."""
    base = load_catalogue().get(tag)
    return variant(tag, bytes_per_param=round(gb * 1e9 / base.size.total_params, 3), download_gb=gb)


def gguf_gib(tag: str, gib: float) -> ModelTag:
    """The same from a size in GiB, as llama.cpp prints it."""
    return gguf_file(tag, round(gib * 2**30 / 1e9, 3))
