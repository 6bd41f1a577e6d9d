"""The reference machines' expected verdicts (hand-checked) and the published measurements the
estimates are compared with. docs/fit-reference.md and docs/fit-accuracy.md are generated from this
module + the engine (`python -m tests.fit.docgen --write`), and tests check both docs stay in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from runyard_desktop.core.fit.catalogue import ModelTag, load_catalogue
from runyard_desktop.core.hardware.presets import apple, build_profile
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

GIB = 2**30
DEFAULT_TAGS = ("0.8b", "2b", "4b", "9b", "27b", "35b-a3b", "122b-a10b")

# Expected verdict of each default tag at Ollama's default context (gpu / partial / cpu / no_fit),
# and the recommended tag. Each line was checked by hand against the arithmetic in fit-reference.md.
# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
EXPECTED: dict[str, tuple[tuple[str, ...], str | None]] = {
    "Raspberry Pi 4 (4 GB)": (("cpu", "no_fit", "no_fit", "no_fit", "no_fit", "no_fit", "no_fit"), "0.8b"),
    "Laptop 8 GB, no GPU": (("cpu", "cpu", "cpu", "no_fit", "no_fit", "no_fit", "no_fit"), "2b"),
    "Laptop 16 GB, no GPU": (("cpu", "cpu", "cpu", "cpu", "no_fit", "no_fit", "no_fit"), "2b"),
    "RTX 3060 12 GB + 32 GB RAM": (("gpu", "gpu", "gpu", "gpu", "partial", "partial", "no_fit"), "35b-a3b"),
    "RTX 4060 8 GB + 16 GB RAM": (("gpu", "gpu", "gpu", "partial", "no_fit", "no_fit", "no_fit"), "9b"),
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


@dataclass(frozen=True)
class MemoryCase:
    label: str
    source: str
    tag: str
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


RTX4090 = gpu_machine("NVIDIA GeForce RTX 4090", 24)
RTX3090 = gpu_machine("NVIDIA GeForce RTX 3090", 24)
GB10 = unified_machine("NVIDIA GB10", 119, 128, 273, vendor="nvidia")
P6000x2 = gpu_machine("Quadro P6000", 24, count=2, ram_gib=128)

# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
MEMORY_CASES = (
    MemoryCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 2K",
        "tianchengwu.com (3P)",
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
        "tianchengwu.com (3P)",
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
        "tianchengwu.com (3P)",
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
        "27B Q4_K_M, RTX 4090, Ollama engine era, 32K",
        "tianchengwu.com (3P)",
        "qwen3.5:27b",
        RTX4090,
        32768,
        "f16",
        "ollama-engine",
        23_700,
        "used",
        "card saturated: measured is capped by 24 GB",
    ),
    MemoryCase(
        "27B Q4_K_M, RTX 5090, Ollama (default 32K)",
        "user doc (3P)",
        "qwen3.5:27b",
        gpu_machine("NVIDIA GeForce RTX 5090", 32),
        32768,
        "f16",
        "llama-server",
        18 * 1000**3 / 2**20,
        "used",
        '"VRAM loaded ~18 GB"; context and Ollama version not stated',
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: model + mmproj",
        "ollama/ollama issues/17482 (log)",
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
        "ollama/ollama issues/17482 (log)",
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
        "ollama/ollama issues/17482 (log)",
        "qwen3.5:27b",
        RTX3090,
        4096,
        "f16",
        "llama-server",
        170 + 582,
        "compute",
        "compute 170 + MTP ctx 582 MiB vs our 768 MiB",
    ),
    MemoryCase(
        "27B, RTX 3090, Ollama ≥ 0.30: everything",
        "ollama/ollama issues/17482 (log)",
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
        "122B-A10B, 2× P6000, Ollama ≥ 0.30: context",
        "ollama/ollama issues/17517 (log)",
        "qwen3.5:122b-a10b",
        P6000x2,
        65536,
        "f16",
        "llama-server",
        1_035 + 685,
        "context",
        "64K context inferred from the sizes",
    ),
    MemoryCase(
        "122B-A10B, 2× P6000, Ollama ≥ 0.30: compute",
        "ollama/ollama issues/17517 (log)",
        "qwen3.5:122b-a10b",
        P6000x2,
        65536,
        "f16",
        "llama-server",
        744 + 729,
        "compute",
        "two devices, 0.75 GiB each in our model",
    ),
    MemoryCase(
        "35B-A3B, Ryzen AI Max+ 395, Ollama (default 256K)",
        "homelab README (3P)",
        "qwen3.5:35b-a3b",
        unified_machine("AMD Radeon 8060S", 96, 128, 256, vendor="amd"),
        262144,
        "f16",
        "ollama-engine",
        34.5 * 1000**3 / 2**20,
        "used",
        '"34.5 GB on GPU"; context not stated, 256K is Ollama\'s default there',
    ),
)
# fmt: on

# fmt: off  (a hand-laid table: one row per line reads better than one value per line)
SPEED_CASES = (
    SpeedCase(
        "0.8B Q4_0, GB10",
        "llmfit community data",
        variant("qwen3.5:0.8b", bytes_per_param=0.5625, download_gb=0.6),
        GB10,
        4096,
        262,
    ),
    SpeedCase("2B Q4_K_M, GB10", "llmfit community data", "qwen3.5:2b-q4_K_M", GB10, 4096, 128),
    SpeedCase("4B Q4_K_M, GB10", "llmfit community data", "qwen3.5:4b", GB10, 4096, 61),
    SpeedCase("9B Q4_K_M, GB10", "llmfit community data", "qwen3.5:9b", GB10, 4096, 35),
    SpeedCase("27B Q4_K_M, GB10", "llmfit community data", "qwen3.5:27b", GB10, 4096, 11.3),
    SpeedCase("35B-A3B Q4_K_M, GB10", "llmfit community data", "qwen3.5:35b-a3b", GB10, 4096, 71.6),
    SpeedCase("122B-A10B Q4_K_M, GB10", "llmfit community data", "qwen3.5:122b-a10b", GB10, 4096, 29.0),
    SpeedCase(
        "0.8B Q4_K_M, GTX 1050 Ti",
        "llmfit community data",
        variant("qwen3.5:0.8b", bytes_per_param=0.6, download_gb=0.65),
        gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4),
        4096,
        50,
    ),
    SpeedCase(
        "2B Q4_K_M, GTX 1050 Ti",
        "llmfit community data",
        "qwen3.5:2b-q4_K_M",
        gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4),
        4096,
        26.9,
    ),
    SpeedCase(
        "4B Q4_K_M, GTX 1050 Ti",
        "llmfit community data",
        "qwen3.5:4b",
        gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4),
        4096,
        13.6,
        note="our estimate is partial offload on a 4 GB card",
    ),
    SpeedCase("4B Q4_K_M, M4 Pro", "llmfit community data", "qwen3.5:4b", apple("Apple M4 Pro", 48, 40), 4096, 55.6),
    SpeedCase("9B Q4_K_M, M4 Pro", "llmfit community data", "qwen3.5:9b", apple("Apple M4 Pro", 48, 40), 4096, 37.0),
    SpeedCase(
        "9B, M3 Pro 36 GB, Ollama", "llmfit community data", "qwen3.5:9b", apple("Apple M3 Pro", 36, 30), 4096, 21.9
    ),
    SpeedCase(
        "4B Q4_K_M, RX 7900 XT",
        "llmfit community data",
        "qwen3.5:4b",
        gpu_machine("AMD Radeon RX 7900 XT", 20, vendor="amd"),
        4096,
        126.7,
    ),
    SpeedCase(
        "9B Q4_K_M, RX 7900 XT",
        "llmfit community data",
        "qwen3.5:9b",
        gpu_machine("AMD Radeon RX 7900 XT", 20, vendor="amd"),
        4096,
        87.8,
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 2K",
        "tianchengwu.com (3P)",
        "qwen3.5:27b",
        RTX4090,
        2048,
        39.3,
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, 2K",
        "tianchengwu.com (3P)",
        "qwen3.5:27b",
        RTX4090,
        2048,
        35.8,
        regime="ollama-engine",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 128K",
        "tianchengwu.com (3P)",
        "qwen3.5:27b",
        RTX4090,
        131072,
        33.4,
        kv="q4_0",
        note="long context slows decoding a little; not modelled",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, 32K",
        "tianchengwu.com (3P)",
        "qwen3.5:27b",
        RTX4090,
        32768,
        12.0,
        regime="ollama-engine",
        note="measured 8.5–15.5: the card saturated and spilled; we predict it just fits",
    ),
    SpeedCase("27B Q4, RTX 3090, llama.cpp", "insiderllm.com (3P)", "qwen3.5:27b", RTX3090, 4096, 34),
    SpeedCase(
        "35B-A3B Q4, RTX 3090, llama.cpp",
        "insiderllm.com (3P)",
        "qwen3.5:35b-a3b",
        RTX3090,
        4096,
        111,
        note="llama.cpp fit all of it at short context; we keep 1 GiB margin → partial",
    ),
    SpeedCase(
        "35B-A3B Q4, RTX 5060 Ti 16 GB, expert offload, 100K",
        "insiderllm.com (3P)",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16),
        102400,
        44.3,
    ),
    SpeedCase(
        "35B-A3B Q4, RTX 3090 Ti, Ollama engine era",
        "ollama/ollama issues/14579 (user)",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 3090 Ti", 24),
        32768,
        17.5,
        regime="ollama-engine",
        note="measured 15–20 tok/s",
    ),
    SpeedCase(
        "9B, Ryzen AI Max+ 395",
        "intelligibberish.com (3P)",
        "qwen3.5:9b",
        unified_machine("AMD Radeon 8060S", 96, 128, 256, vendor="amd"),
        4096,
        30,
    ),
)
# fmt: on
