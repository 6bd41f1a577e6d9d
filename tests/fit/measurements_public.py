"""The published measurements docs/fit-accuracy.md compares the engine with: one row per figure
(memory and placement here, decode speed in measurements_speed.py).

Every row names its source (public_sources.SOURCES: URL, hardware, versions, what is inferred); the
held-out split is per source. Rows use the source's own figures; a GGUF Ollama does not ship is a
`variant` with the file's bytes per parameter. Where a source sweeps context, only its shortest
and longest context are used, so no single sweep outweighs the other sources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from runyard_desktop.core.fit.catalogue import ModelTag
from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.presets import apple, build_profile
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

from .reference_data import gpu_machine, unified_machine, variant


@dataclass(frozen=True)
class MemoryCase:
    label: str
    source: str  # a public_sources.SOURCES id
    tag: str | ModelTag
    profile: HardwareProfile
    context: int
    kv: str
    regime: str  # "llama-server" | "ollama-engine"
    measured_mib: float
    compare: str  # "used" (weights+kv+state+compute) | "context" (kv+state) | "compute" | "weights"
    note: str = ""


@dataclass(frozen=True)
class SpeedCase:
    label: str
    source: str
    tag: str | ModelTag
    profile: HardwareProfile
    context: int
    measured_tps: float
    regime: str = "llama-server"
    note: str = ""
    kv: str = "f16"
    # tokens in the KV cache while the figure was measured (llama-bench -d N, a stated prompt length);
    # None: not stated, the engine's average over a conversation (half the context) is used
    depth: int | None = None
    runner: str = ""  # "ollama" | "llama.cpp" when the source says which program decoded; "" not stated
    # the GPU runtime that decoded when the source states or shows it: "cuda" | "rocm" | "vulkan" | "metal" |
    # "sycl" | "cpu" (no GPU used); "" not stated. Entered from the eleventh round on; earlier rows name it in
    # their label where they do.
    backend: str = ""


@dataclass(frozen=True)
class PlacementCase:
    """Where the source shows where the model went: the verdict, and the GPU share when it is logged."""

    label: str
    source: str
    tag: str | ModelTag
    profile: HardwareProfile
    context: int
    verdict: str  # gpu | partial | cpu
    gpu_share: float | None = None
    regime: str = "llama-server"
    note: str = ""


RTX4090 = gpu_machine("NVIDIA GeForce RTX 4090", 24)
RTX3090 = gpu_machine("NVIDIA GeForce RTX 3090", 24)
RTX5090 = gpu_machine("NVIDIA GeForce RTX 5090", 32)
GB10 = unified_machine("NVIDIA GB10", 119, 128, 273, vendor="nvidia")
GTX1050TI = gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4)
RX7900XT = gpu_machine("AMD Radeon RX 7900 XT", 20, vendor="amd")
RX7900XTX = gpu_machine("AMD Radeon RX 7900 XTX", 24, vendor="amd")
STRIX = unified_machine("AMD Radeon 8060S", 96, 128, 256, vendor="amd")


def strix_halo_windows(*, carve_out: bool = True) -> HardwareProfile:
    """ollama/ollama#15709: Ryzen AI Max+ 395, 128 GB, 96 GB set aside for the GPU on Windows. Ollama's
    log: system memory total 31.6 GiB, free 20.3 GiB; ROCm available 94.7 GiB; minimum 457 MiB.
    carve_out=False describes it as before the field existed: a plain 96 GB GPU."""
    gpu = GpuInfo(
        "amd",
        "AMD Radeon(TM) 8060S Graphics",
        96 * GIB,
        int(94.7 * GIB),
        integrated=carve_out,
        dedicated_from_ram=carve_out,
    )
    return build_profile(ram_gib=31.6, ram_available_gib=20.3, gpus=(gpu,), disk_free_gb=500, os="windows")


M4 = apple("Apple M4", 16, 12)
M4PRO = apple("Apple M4 Pro", 48, 40)
M5MAX = apple("Apple M5 Max", 64, 56)


def _ram(profile: HardwareProfile, memory_type: str, speed_mts: int | None = None) -> HardwareProfile:
    """The module type and speed a source states (what the OS probe would report there)."""
    return replace(profile, ram=replace(profile.ram, memory_type=memory_type, speed_mts=speed_mts))


EPYC_ROME = _ram(build_profile(ram_gib=30, ram_available_gib=28, cpu="AMD EPYC-Rome Processor", cores=16), "DDR4")
EPYC_ROME = replace(EPYC_ROME, cpu=replace(EPYC_ROME.cpu, max_mhz=2000))  # "@ 2.0 GHz" as stated
R7950X = _ram(
    build_profile(
        ram_gib=64,
        ram_available_gib=56,
        cpu="AMD Ryzen 9 7950X 16-Core Processor",
        cores=16,
        os="windows",
        flags=("avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni"),
    ),
    "DDR5",
    6000,
)
R7950X = replace(R7950X, cpu=replace(R7950X.cpu, max_mhz=4500))  # inferred: the rated clock Windows reports
Q4_0_08B = variant("qwen3.5:0.8b", bytes_per_param=0.5625, download_gb=0.6)
Q4KM_08B = variant("qwen3.5:0.8b", bytes_per_param=0.6, download_gb=0.65)
Q5KM_27B = variant("qwen3.5:27b", bytes_per_param=0.71, download_gb=19.6)
UDQ4_35B = variant("qwen3.5:35b-a3b", bytes_per_param=0.53, download_gb=19.2)
UDQ3_35B = variant("qwen3.5:35b-a3b", bytes_per_param=0.46, download_gb=16.6)

MEMORY_CASES = (
    MemoryCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 2K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        2048,
        "q4_0",
        "llama-server",
        19_220,
        "used",
        "nvidia-smi total incl. CUDA context (~0.3–0.5 GiB)",
    ),
    MemoryCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 128K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        131072,
        "q4_0",
        "llama-server",
        21_694,
        "used",
        "same; growth 2K→128K measured 2,474 MiB",
    ),
    MemoryCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, 2K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        2048,
        "f16",
        "ollama-engine",
        23_700,
        "used",
        "card saturated (layers spilled at ≥ 32K)",
    ),
    MemoryCase(
        "27B Q4_K_M, RTX 5090, Ollama (32K assumed)",
        "userdoc-5090",
        "qwen3.5:27b",
        RTX5090,
        32768,
        "f16",
        "llama-server",
        18 * 1000**3 / 2**20,
        "used",
        '"VRAM loaded ~18 GB"; context and Ollama version not stated',
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: model + mmproj",
        "ollama-17482",
        "qwen3.5:27b",
        RTX3090,
        4096,
        "f16",
        "llama-server",
        15_364 + 1_136,
        "weights",
        "model 15,364 + mmproj 1,136 MiB vs the blob",
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: context buffers",
        "ollama-17482",
        "qwen3.5:27b",
        RTX3090,
        4096,
        "f16",
        "llama-server",
        411,
        "context",
        "context 411 MiB; 4K context assumed",
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: compute + MTP context",
        "ollama-17482",
        "qwen3.5:27b",
        RTX3090,
        4096,
        "f16",
        "llama-server",
        170 + 582,
        "compute",
        "compute 170 + MTP ctx 582 MiB",
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: everything",
        "ollama-17482",
        "qwen3.5:27b",
        RTX3090,
        4096,
        "f16",
        "llama-server",
        15_364 + 411 + 170 + 1_136 + 582,
        "used",
        "sum of the log lines",
    ),
    MemoryCase(
        "35B-A3B q8_0, 2× P6000 (+2× P4000), Ollama ≥ 0.30: model on the two P6000s",
        "ollama-17517",
        "qwen3.5:35b-a3b-q8_0",
        gpu_machine("Quadro P6000", 24, count=2, ram_gib=11.3),
        4096,
        "f16",
        "llama-server",
        20_525 + 13_286,
        "weights",
        "24 + 16 of 40 layers; the rest of the 35,190 MiB blob (embeddings, vision) stays off the GPUs",
    ),
    MemoryCase(
        "35B-A3B q8_0, 2× P6000 (+2× P4000), Ollama ≥ 0.30: compute",
        "ollama-17517",
        "qwen3.5:35b-a3b-q8_0",
        gpu_machine("Quadro P6000", 24, count=2, ram_gib=11.3),
        4096,
        "f16",
        "llama-server",
        744 + 729,
        "compute",
        "744 + 729 MiB on two devices; context not stated",
    ),
    MemoryCase(
        "35B-A3B, Ryzen AI Max+ 395, Ollama (256K assumed)",
        "homelab-395",
        "qwen3.5:35b-a3b",
        STRIX,
        262144,
        "f16",
        "ollama-engine",
        34.5 * 1000**3 / 2**20,
        "used",
        '"34.5 GB on GPU"; context not stated',
    ),
    MemoryCase(
        "122B-A10B, Ryzen AI Max+ 395 (96 GB carve-out), Ollama engine, 256K",
        "ollama-15709",
        "qwen3.5:122b-a10b",
        strix_halo_windows(),
        262144,
        "f16",
        "ollama-engine",
        90.6 * 2**30 / 2**20,
        "used",
        "logged total 90.6 GiB, 61 % of it on the GPU, the rest in swap",
    ),
)

PLACEMENT_CASES = (
    PlacementCase(
        "35B-A3B q8_0, 2× P6000, Ollama ≥ 0.30",
        "ollama-17517",
        "qwen3.5:35b-a3b-q8_0",
        gpu_machine("Quadro P6000", 24, count=2, ram_gib=11.3),
        4096,
        "gpu",
        33_811 / 35_190,
        note="all 40 layers on the two P6000s",
    ),
    PlacementCase(
        "122B-A10B, Ryzen AI Max+ 395, 256K, Ollama engine",
        "ollama-15709",
        "qwen3.5:122b-a10b",
        strix_halo_windows(),
        262144,
        "partial",
        0.61,
        "ollama-engine",
        "the reporter's machine (31.6 GiB left to Windows); Ollama reached 61 % on the GPU only by paging the "
        "rest into swap, which the engine does not count as memory (test_placement_margins)",
    ),
    PlacementCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, 128K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        131072,
        "partial",
        regime="ollama-engine",
        note="card saturated, layers spilled",
    ),
    PlacementCase(
        "27B Q4_K_M, RTX 3090, llama.cpp, 120K",
        "thinksmart-3090",
        "qwen3.5:27b",
        RTX3090,
        122880,
        "gpu",
        note="23.79 GiB VRAM used",
    ),
    PlacementCase(
        "35B-A3B Q4, RTX 5060 Ti 16 GB, 100K",
        "insiderllm-guide",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16),
        102400,
        "partial",
        note="experts offloaded to the CPU",
    ),
    PlacementCase(
        "35B-A3B, Ryzen AI Max+ 395, 256K",
        "homelab-395",
        "qwen3.5:35b-a3b",
        STRIX,
        262144,
        "gpu",
        regime="ollama-engine",
        note='"34.5 GB on GPU"',
    ),
    PlacementCase("35B-A3B Q4_K_M, RTX 5090, llama.cpp", "zenn-5090", "qwen3.5:35b-a3b", RTX5090, 4096, "gpu"),
    PlacementCase("35B-A3B UD-Q4_K_XL, EPYC-Rome, no GPU", "igllama-cpu", UDQ4_35B, EPYC_ROME, 4096, "cpu"),
)
