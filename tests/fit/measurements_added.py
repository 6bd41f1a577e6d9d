"""The second collection round: published decode speeds and placements found after the first fit.

Same entry rules as the first round (docs/fit-accuracy.md): single-stream decode only; no vLLM,
MLX, SGLang or forks such as ik_llama.cpp; no multi-token-prediction (MTP) or other speculative
decoding, which Runyard's estimate does not model; a context sweep gives its shortest and longest
context; a quant sweep gives the quants Ollama ships (q4_K_M, q8_0). Qwen3.6 rows use the Qwen3.5
tag of the same architecture and size. Every source's split is the SHA-256 rule of
public_sources.py; the ids were written down before their hashes were computed.
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import apple, build_profile
from runyard_desktop.core.hardware.profile import HardwareProfile

from .later_rounds import LATER_ROUNDS
from .measurements_public import (
    EPYC_ROME,
    GB10,
    R7950X,
    RTX3090,
    RTX4090,
    RTX5090,
    RX7900XT,
    STRIX,
    UDQ4_35B,
    MemoryCase,
    PlacementCase,
    SpeedCase,
)
from .measurements_public import (
    MEMORY_CASES as FIRST_MEMORY,
)
from .measurements_public import (
    PLACEMENT_CASES as FIRST_PLACEMENTS,
)
from .reference_data import gguf_file as _file
from .reference_data import gpu_machine, unified_machine, variant

_AVX512 = ("avx", "avx2", "fma", "f16c", "avx512f")


def _with(
    profile: HardwareProfile,
    *,
    memory_type: str | None = None,
    mts: int | None = None,
    mhz: float | None = None,
    cores: int | None = None,
) -> HardwareProfile:
    """The RAM type/speed, CPU clock and core count a source states (what the OS probe would report)."""
    ram = replace(profile.ram, memory_type=memory_type, speed_mts=mts) if memory_type else profile.ram
    cpu = replace(profile.cpu, max_mhz=mhz) if mhz else profile.cpu
    if cores:
        cpu = replace(cpu, physical_cores=cores, logical_cores=2 * cores, flags=_AVX512)
    return replace(profile, ram=ram, cpu=cpu)


RTX5080_9950X = _with(gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=128), memory_type="DDR5", mts=4800, cores=16)
RYZEN_AI_365 = _with(
    build_profile(ram_gib=32, ram_available_gib=26, cpu="AMD Ryzen AI 9 365", cores=10, flags=_AVX512), mhz=5000
)
RTXPRO4000 = _with(gpu_machine("NVIDIA RTX PRO 4000 Blackwell", 24, ram_gib=128), memory_type="DDR4")
RTX4070 = gpu_machine("NVIDIA GeForce RTX 4070", 12)
RTX4060TI_8 = gpu_machine("NVIDIA GeForce RTX 4060 Ti", 8, ram_gib=32)
RTX5060TI_32 = _with(gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16, ram_gib=32), memory_type="DDR5")
RTX5060TI_128 = gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16, ram_gib=128)
RTX5070TI = gpu_machine("NVIDIA GeForce RTX 5070 Ti", 16)
R9700 = gpu_machine("AMD Radeon AI PRO R9700", 32, vendor="amd")
M4MAX = apple("Apple M4 Max", 64, 56)
M1MAX = apple("Apple M1 Max", 32, 28)
ARC140V = unified_machine("Intel Arc Graphics 130V/140V", 28, 32, 136, vendor="intel")
RTX3090_EPYC = _with(replace(RTX3090, ram=replace(RTX3090.ram, channels=6)), memory_type="DDR4", mts=2933)

Q4KS_35B = _file("qwen3.5:35b-a3b", 19.9)
IQ4XS_35B = _file("qwen3.5:35b-a3b", 20.0)
APEX_NANO_35B = _file("qwen3.5:35b-a3b", 10.88)
MXFP4_35B = _file("qwen3.5:35b-a3b", 22.0)
Q4KH_9B = _file("qwen3.5:9b", 6.1)
Q5KXL_27B = variant("qwen3.5:27b", bytes_per_param=0.71, download_gb=19.6)

SPEED_CASES_ADDED = (
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5080 16 GB + DDR5-4800, llama.cpp --fit, q8_0 KV, 64K",
        "reddit-1rei65v",
        "qwen3.5:35b-a3b",
        RTX5080_9950X,
        65536,
        67.4,
        note="auto-fit row, short prompt",
        kv="q8_0",
    ),
    SpeedCase(
        "35B-A3B Q8_0, RTX 5080 16 GB + DDR5-4800, llama.cpp --fit, q8_0 KV, 64K",
        "reddit-1rei65v",
        "qwen3.5:35b-a3b-q8_0",
        RTX5080_9950X,
        65536,
        40.5,
        note="auto-fit row, short prompt",
        kv="q8_0",
    ),
    SpeedCase(
        "4B IQ4_XS, Ryzen AI 9 365 laptop, CPU only, llama.cpp",
        "reddit-1rlvn8m",
        _file("qwen3.5:4b", 2.47),
        RYZEN_AI_365,
        4096,
        12.85,
        note="mainline llama.cpp tg128; RAM not stated",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase("27B Q4_K_M, RTX 4090, llama-server, 16K", "patrickgawron-4090", "qwen3.5:27b", RTX4090, 16384, 44),
    SpeedCase(
        "27B Q4_K_M, RTX PRO 4000 Blackwell, llama.cpp b8457, q8_0 KV, 128K",
        "ainavigate-rtxpro4000",
        "qwen3.5:27b",
        RTXPRO4000,
        131072,
        7.5,
        note="mainline then split the graph 34 ways with CPU work (the post's own diagnosis)",
        kv="q8_0",
    ),
    SpeedCase("9B Q4_K_H (6.1 GB), RTX 4070, llama.cpp, 166K", "steampunque-4070", Q4KH_9B, RTX4070, 169984, 63),
    SpeedCase(
        "35B-A3B Q4_K_S, RTX 4060 Ti 8 GB, llama.cpp experts on CPU, q8_0 KV, 16K",
        "threadnavigator-4060ti",
        Q4KS_35B,
        RTX4060TI_8,
        16384,
        41.6,
        kv="q8_0",
    ),
    SpeedCase(
        "35B-A3B Q4_K_S, RTX 4060 Ti 8 GB, llama.cpp experts on CPU, q8_0 KV, 200K",
        "threadnavigator-4060ti",
        Q4KS_35B,
        RTX4060TI_8,
        204800,
        24,
        kv="q8_0",
    ),
    SpeedCase(
        "35B-A3B, RTX 5060 Ti 16 GB + 32 GB, Ollama engine era",
        "compiledthoughts-5060ti",
        "qwen3.5:35b-a3b",
        RTX5060TI_32,
        4096,
        18.15,
        "ollama-engine",
        "ollama run default; 48 % CPU / 52 % GPU",
    ),
    SpeedCase(
        "35B-A3B IQ4_XS, RTX 5060 Ti 16 GB + 32 GB, llama.cpp b9091 tuned",
        "compiledthoughts-5060ti",
        IQ4XS_35B,
        RTX5060TI_32,
        4096,
        40,
    ),
    SpeedCase(
        "35B-A3B, RTX 5060 Ti 16 GB + 128 GB, llama.cpp, 160K",
        "njannasch-5060ti",
        "qwen3.5:35b-a3b",
        RTX5060TI_128,
        163840,
        49,
        note="stated 47–51 tok/s",
    ),
    SpeedCase(
        "35B-A3B APEX Nano (10.9 GB), RTX 5070 Ti, llama.cpp", "magnus919-5070ti", APEX_NANO_35B, RTX5070TI, 4096, 121
    ),
    SpeedCase("35B-A3B MXFP4, RTX 3090, 4K", "smeltcore-3090", MXFP4_35B, RTX3090, 4096, 111.2),
    SpeedCase(
        "27B UD-Q5_K_XL, RTX 5090, llama.cpp, q8_0 KV, 32K",
        "jackrong-5090",
        Q5KXL_27B,
        RTX5090,
        32768,
        52.1,
        note="average of 10 streamed runs",
        kv="q8_0",
    ),
    SpeedCase(
        "122B-A10B Q4_K_M, Ryzen AI Max+ 395, llama.cpp Vulkan, q4_0 KV, 128K",
        "devto-strixhalo",
        "qwen3.5:122b-a10b",
        STRIX,
        128000,
        23.2,
        kv="q4_0",
    ),
    SpeedCase(
        "35B-A3B Q8_K_XL, Ryzen AI Max+ 395, llama.cpp Vulkan, q4_0 KV, 128K",
        "devto-strixhalo",
        "qwen3.5:35b-a3b-q8_0",
        STRIX,
        128000,
        45.5,
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q4_K_XL, Ryzen AI Max+ 395, llama.cpp Vulkan, q4_0 KV, 128K",
        "devto-strixhalo",
        "qwen3.5:27b",
        STRIX,
        128000,
        11.8,
        kv="q4_0",
    ),
    SpeedCase("35B-A3B UD-Q4_K_XL, Radeon AI PRO R9700, llama.cpp", "zolotukhin-r9700", UDQ4_35B, R9700, 4096, 104.47),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, M4 Max, llama.cpp",
        "zolotukhin-r9700",
        UDQ4_35B,
        M4MAX,
        4096,
        73.1,
        note="derived: ZINC's 81.07 tok/s is stated as 110.9 % of llama.cpp",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 3090, llama.cpp, concurrency 1",
        "calebcoffie-3090",
        "qwen3.5:27b",
        RTX3090_EPYC,
        4096,
        20.8,
        note="stated 20.0–21.6 across workload shapes; the rig ran at a 200 W cap in its first runs",
    ),
    SpeedCase("35B-A3B UD-Q4_K_M, GB10, llama.cpp, 8K", "subterra-gb10", "qwen3.5:35b-a3b", GB10, 8192, 65.3),
    SpeedCase("27B, M1 Max 32 GB, Ollama", "llmfit-m1max", "qwen3.5:27b", M1MAX, 4096, 9.74),
    SpeedCase("0.8B Q8_0, Arc 140V (Lunar Lake), llama.cpp", "llmfit-arc140v", "qwen3.5:0.8b", ARC140V, 4096, 46.56),
    SpeedCase("9B Q8_0, Arc 140V (Lunar Lake), llama.cpp", "llmfit-arc140v", "qwen3.5:9b-q8_0", ARC140V, 4096, 10.37),
    SpeedCase("27B Q4_K_M, RX 7900 XT", "llmfit-rx7900xt", "qwen3.5:27b", RX7900XT, 4096, 31.59),
    SpeedCase("27B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:27b", GB10, 4096, 10.68, note="Qwen3.6 file"),
    SpeedCase("35B-A3B Q4_K_M, GB10 (Qwen3.6)", "llmfit-gb10", "qwen3.5:35b-a3b", GB10, 4096, 66.27),
    SpeedCase(
        "0.8B UD-Q4_K_XL, EPYC-Rome 16C, CPU only, 8K",
        "igllama-cpu",
        _file("qwen3.5:0.8b", 0.53),
        EPYC_ROME,
        8192,
        23.01,
    ),
    SpeedCase(
        "2B UD-Q4_K_XL, EPYC-Rome 16C, CPU only, 8K", "igllama-cpu", _file("qwen3.5:2b", 1.28), EPYC_ROME, 8192, 18.38
    ),
    SpeedCase(
        "4B UD-Q4_K_XL, EPYC-Rome 16C, CPU only, 8K", "igllama-cpu", _file("qwen3.5:4b", 2.71), EPYC_ROME, 8192, 8.48
    ),
    SpeedCase(
        "9B UD-Q4_K_XL, EPYC-Rome 16C, CPU only, 8K", "igllama-cpu", _file("qwen3.5:9b", 5.56), EPYC_ROME, 8192, 6.45
    ),
    SpeedCase(
        "35B-A3B Q8_0, Ryzen 9 7950X DDR5-6000, CPU only", "igllama-cpu", "qwen3.5:35b-a3b-q8_0", R7950X, 4096, 13.1
    ),
)

PLACEMENT_CASES = (
    *FIRST_PLACEMENTS,
    PlacementCase(
        "35B-A3B, RTX 5060 Ti 16 GB + 32 GB, Ollama engine era",
        "compiledthoughts-5060ti",
        "qwen3.5:35b-a3b",
        RTX5060TI_32,
        4096,
        "partial",
        0.52,
        "ollama-engine",
        "ollama ps: 48 % CPU / 52 % GPU",
    ),
    PlacementCase(
        "35B-A3B Q4_K_M, RTX 5080 16 GB, llama.cpp --fit, 64K",
        "reddit-1rei65v",
        "qwen3.5:35b-a3b",
        RTX5080_9950X,
        65536,
        "partial",
        note="14,551 MB VRAM, the rest in RAM",
    ),
    PlacementCase(
        "35B-A3B Q4_K_S, RTX 4060 Ti 8 GB, 16K",
        "threadnavigator-4060ti",
        Q4KS_35B,
        RTX4060TI_8,
        16384,
        "partial",
        note="experts offloaded to the CPU",
    ),
    PlacementCase("27B Q4_K_M, RTX 4090, 16K", "patrickgawron-4090", "qwen3.5:27b", RTX4090, 16384, "gpu"),
    PlacementCase(
        "27B UD-Q5_K_XL, RTX 5090, 32K", "jackrong-5090", Q5KXL_27B, RTX5090, 32768, "gpu", note="all 65 layers"
    ),
    PlacementCase(
        "9B Q4_K_H, RTX 4070, 166K",
        "steampunque-4070",
        Q4KH_9B,
        RTX4070,
        169984,
        "gpu",
        note="layers and context in VRAM",
    ),
    PlacementCase(
        "35B-A3B APEX Nano, RTX 5070 Ti",
        "magnus919-5070ti",
        APEX_NANO_35B,
        RTX5070TI,
        4096,
        "gpu",
        note="everything on the GPU",
    ),
    *(case for r in LATER_ROUNDS.values() for case in r.placement),
)

MEMORY_CASES = (
    *FIRST_MEMORY,
    MemoryCase(
        "27B UD-Q5_K_XL, RTX 5090, llama.cpp, q8_0 KV, 32K",
        "jackrong-5090",
        Q5KXL_27B,
        RTX5090,
        32768,
        "q8_0",
        "llama-server",
        20 * 1000**3 / 2**20,
        "used",
        '"VRAM in use ~20 GB of 32 GB"; a device total incl. the CUDA context',
    ),
    *(case for r in LATER_ROUNDS.values() for case in r.memory),
)
