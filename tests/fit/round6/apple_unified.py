"""Sixth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round6/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import unified_machine

# Framework Desktop, 128 GB, 512 MB set aside in the BIOS; the iGPU on GTT, capped at 124 GiB by
# amdgpu.gttsize=126976 (README's kernel parameters); about 127 GiB left visible to Linux (assumed)
FW_395 = unified_machine("AMD Radeon 8060S", 124, 127, 256, vendor="amd")
# Ryzen AI Max+ 395, 128 GB, 64 GB allocated to the GPU in the BIOS (as STRIX: the GPU share, the total)
AMDBLOG_395 = unified_machine("AMD Radeon 8060S", 64, 128, 256, vendor="amd")
# Apple M4 Pro with the 20-core GPU: RAM not stated (24 GB assumed)
M4PRO_24 = apple("Apple M4 Pro", 24, 20)
# ThinkPad T14p (Core Ultra, Meteor Lake) iGPU "Intel(R) Arc(tm) Graphics (MTL)": RAM not stated (32 GB
# assumed, 28 GiB of it reachable by the iGPU, as the Lunar Lake row); the bandwidth table has no row for it
# and no bandwidth is passed, so the engine takes its Intel fallback
T14P_MTL = unified_machine("Intel(R) Arc(tm) Graphics (MTL)", 28, 32, vendor="intel")

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "kyuz0-strixhalo-toolboxes",
        "https://github.com/kyuz0/amd-strix-halo-toolboxes (benchmark/results/*__vulkan_radv__fa1*.log, README "
        "'Test Configuration')",
        "Framework Desktop: Ryzen AI Max+ 395, Radeon 8060S (RADV GFX1151), 128 GB RAM, 512 MB allocated in the "
        "BIOS, GTT capped at 124 GiB (amdgpu.gttsize=126976), Fedora 43 (Linux 6.18.5)",
        "llama.cpp 1a68ec937 (9193), Vulkan RADV toolbox, llama-bench (ngl 99, fa 1, mmap 0)",
        False,
        "the toolbox author's own llama-bench logs, one machine; Vulkan RADV runs only (the ROCm and AMDVLK "
        "toolboxes' runs of the same files and the MTP-branch results are other runtimes or reruns, left out); each "
        "model's tg128 at depth 0 (depth 64, 4K context) and its longest stated point, tg32 @ d65536 (depth 65552, "
        "context 65568; the d32768 point lies between and is left out, as the sweep rule says); files: Qwen3.6-27B "
        "UD-Q8_K_XL (33.31 GiB), Qwen3.6-35B-A3B UD-Q4_K_XL (21.27 GiB) and UD-Q8_K_XL (35.80 GiB), entered from "
        "their stated sizes, Qwen3.6-35B-A3B BF16 (64.60 GiB, the quant Ollama ships as -bf16), all standing for "
        "the Qwen3.5 tags; Qwen3.5-122B-A10B UD-Q5_K_XL (85.60 GiB) from its size; KV type not stated (f16, "
        "llama-bench's default, assumed); RAM visible to Linux not stated (127 GiB assumed)",
    ),
    (
        "amd-rocmblog-ryzen-uma",
        "https://rocm.blogs.amd.com/artificial-intelligence/ryzen-uma-llm/README.html",
        "AMD Ryzen AI Max+ 395, Radeon 8060S, 128 GB LPDDR5X unified, 64 GB allocated to the GPU (BIOS), Ubuntu "
        "24.04 LTS, ROCm 7.2.1",
        "Ollama 0.20.x (ROCm)",
        False,
        "AMD's blog post (May 2026), one machine; `ollama run --verbose` eval rates of qwen3.5:9b, qwen3.5:35b and "
        "qwen3.5:122b, all Q4_K_M as stated; Ollama 0.20 is engine era (0.17-0.29); context not stated (Ollama's "
        "default for >= 48 GiB of VRAM, 256K, assumed); prompt length not stated (depth unset); placement as stated: "
        "9B and 35B-A3B 100% GPU, 122B-A10B 61% GPU / 39% CPU (76 GB model over the 64 GB GPU slice); the prompt "
        "processing figure (154.52 tok/s) is not a decode rate",
    ),
    (
        "llamabarn-issue67-m4pro",
        "https://github.com/ggml-org/Llama-macOS/issues/67",
        "Apple M4 Pro, 20-core GPU, RAM not stated (24 GB assumed), macOS",
        "llama.cpp b8416 release binary (llama-bench, Metal); b8192 also run",
        False,
        "mdstaff's issue on LlamaBarn's bundled llama.cpp (a GDN Metal kernel regression in b8192, fixed in b8333); "
        "Qwen3.5 9B Q8_0 tg128 with the release build b8416 (25.08 t/s) entered, depth 64, 4K context "
        "(llama-bench) assumed; the b8192 figure (21.60) is a second build on the same file and machine, left out "
        "(one row per model and quant, the newer build); KV type not stated (f16 assumed)",
    ),
    (
        "t14p-notes-mtl",
        "a public notes file ('# PRO6000 w/ llama.cpp' ... '# T14p', 'Vulkan vs SYCL'), read as a stored copy whose "
        "address is not known",
        "ThinkPad T14p (inferred from the section title), Intel Arc Graphics (MTL) iGPU (Mesa, uma: 1), RAM not "
        "stated (32 GB assumed), Linux (Mesa driver)",
        "llama.cpp ebe8fba (9496), Vulkan, llama-bench (ngl 999)",
        False,
        "the notes' T14p section: Qwen3.5 4B Q4_K_M (2.51 GiB) tg128 on Vulkan with every layer on the iGPU, "
        "depth 64, 4K context (llama-bench) assumed; the same section's SYCL run (build 'unknown (9934)') is a "
        "second runtime on the same file, left out (one row per model and quant); the ngl 0/16 rows are other "
        "models; the notes' RTX PRO 6000 runs use MTP drafting or vLLM/SGLang and are not this niche; laptop model "
        "and CPU not stated beyond 'T14p' and the iGPU name",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # kyuz0-strixhalo-toolboxes: Vulkan RADV, tg128 at d0 and tg32 @ d65536
    SpeedCase(
        "27B UD-Q8_K_XL (33.31 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg128",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:27b-q8_0", 33.31),
        FW_395,
        4096,
        6.30,
        note="Qwen3.6 file",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B UD-Q8_K_XL (33.31 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg32 @ d65536",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:27b-q8_0", 33.31),
        FW_395,
        65568,
        5.60,
        note="Qwen3.6 file",
        depth=65552,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL (21.27 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg128",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:35b-a3b", 21.27),
        FW_395,
        4096,
        60.43,
        note="Qwen3.6 file",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL (21.27 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg32 @ d65536",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:35b-a3b", 21.27),
        FW_395,
        65568,
        43.23,
        note="Qwen3.6 file",
        depth=65552,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q8_K_XL (35.80 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg128",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:35b-a3b-q8_0", 35.80),
        FW_395,
        4096,
        46.33,
        note="Qwen3.6 file",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q8_K_XL (35.80 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg32 @ d65536",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:35b-a3b-q8_0", 35.80),
        FW_395,
        65568,
        35.80,
        note="Qwen3.6 file",
        depth=65552,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B BF16, Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg128",
        "kyuz0-strixhalo-toolboxes",
        "qwen3.5:35b-a3b-bf16",
        FW_395,
        4096,
        10.68,
        note="Qwen3.6 file; the device reports bf16: 0",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B BF16, Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg32 @ d65536",
        "kyuz0-strixhalo-toolboxes",
        "qwen3.5:35b-a3b-bf16",
        FW_395,
        65568,
        9.94,
        note="Qwen3.6 file; the device reports bf16: 0",
        depth=65552,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-Q5_K_XL (85.60 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg128",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:122b-a10b", 85.60),
        FW_395,
        4096,
        22.30,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-Q5_K_XL (85.60 GiB), Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 9193 Vulkan, tg32 @ d65536",
        "kyuz0-strixhalo-toolboxes",
        _gib("qwen3.5:122b-a10b", 85.60),
        FW_395,
        65568,
        18.99,
        depth=65552,
        runner="llama.cpp",
    ),
    # amd-rocmblog-ryzen-uma: Ollama 0.20.x (engine era), ROCm
    SpeedCase(
        "9B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20 ROCm",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:9b",
        AMDBLOG_395,
        262144,
        29.84,
        regime="ollama-engine",
        note="context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20 ROCm",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:35b-a3b",
        AMDBLOG_395,
        262144,
        42.04,
        regime="ollama-engine",
        note="context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
    SpeedCase(
        "122B-A10B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20 ROCm, 61% GPU",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:122b-a10b",
        AMDBLOG_395,
        262144,
        8.59,
        regime="ollama-engine",
        note="61% GPU / 39% CPU as stated; context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
    # llamabarn-issue67-m4pro
    SpeedCase(
        "9B Q8_0, M4 Pro (20-core GPU), llama.cpp b8416 Metal, tg128",
        "llamabarn-issue67-m4pro",
        "qwen3.5:9b-q8_0",
        M4PRO_24,
        4096,
        25.08,
        note="RAM not stated (24 GB assumed)",
        depth=64,
        runner="llama.cpp",
    ),
    # t14p-notes-mtl
    SpeedCase(
        "4B Q4_K_M, Intel Arc Graphics (MTL) iGPU (T14p), llama.cpp 9496 Vulkan, tg128",
        "t14p-notes-mtl",
        "qwen3.5:4b",
        T14P_MTL,
        4096,
        16.97,
        note="RAM not stated (32 GB assumed); the iGPU is not in the bandwidth table",
        depth=64,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:9b",
        AMDBLOG_395,
        262144,
        "gpu",
        regime="ollama-engine",
        note="'The 9B and 35B models ran with 100% GPU offloading'; context assumed",
    ),
    PlacementCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:35b-a3b",
        AMDBLOG_395,
        262144,
        "gpu",
        regime="ollama-engine",
        note="'100% GPU' as stated; context assumed",
    ),
    PlacementCase(
        "122B-A10B Q4_K_M, Ryzen AI Max+ 395 (64 GB to the GPU), Ollama 0.20",
        "amd-rocmblog-ryzen-uma",
        "qwen3.5:122b-a10b",
        AMDBLOG_395,
        262144,
        "partial",
        0.61,
        regime="ollama-engine",
        note="'61% GPU / 39% CPU' as stated; context assumed",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
