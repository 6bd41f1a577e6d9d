"""Fifth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round5/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import STRIX, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import unified_machine

# Beelink GTR9 Pro: 124 GiB visible to Linux, the iGPU on GTT (about 117 GiB of it usable, as the
# guide's HIP log reports 120,124 MiB of free UMA memory)
GTR9_395 = unified_machine("AMD Radeon 8060S", 117, 124, 256, vendor="amd")
M5MAX_128 = apple("Apple M5 Max", 128, 115)
# GMKtec EVO-X2 with 96 GB and a 1 GB UMA carve-out: the iGPU on GTT (about 88 GiB of it assumed)
EVOX2_96 = unified_machine("AMD Radeon 8060S", 88, 95, 256, vendor="amd")

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "hogeheer-strixhalo-guide",
        "https://github.com/hogeheer499-commits/strix-halo-guide/blob/main/BENCHMARKS.md",
        "Beelink GTR9 Pro: Ryzen AI Max+ 395 (16C/32T), Radeon 8060S (gfx1151, RADV), 124 GiB OS-visible unified "
        "memory, Ubuntu kernel 6.19.4, Mesa RADV 26.x",
        "llama.cpp b8460 and b9049 (llama-bench, Vulkan RADV); llama-server b9235 and the 2026-05-16 build "
        "(no-MTP baselines); Ollama 0.20.4 and 0.23.1 (Vulkan)",
        False,
        "the guide's compact benchmark file (one author, one machine); llama-bench tg128 rows at 4K context "
        "(llama-bench default) and depth 64: Qwen3.5-35B-A3B Q4_K_M (b8460) and Qwen3.6-35B-A3B Q4_K_M (b9049, "
        "standing for qwen3.5:35b-a3b); the other builds' reruns of the same files, the Q4_0/IQ4_NL/UD rows and the "
        "ROCm rows are left out (one row per model and quant); llama-server six-prompt averages (n_predict 192, "
        "prompt lengths not stated, depth unset, context not stated: 32K assumed) of the official Qwen3.6 27B and "
        "35B-A3B MTP Q8_0 GGUFs with MTP off only (entered as the plain q8_0 tags; the MTP head is not read when "
        "drafting is off); Ollama rows: Qwen3.5 35B-A3B on 0.20.4 at the shortest and longest stated prompt "
        "(14 and 122 tokens; generated tokens not stated, depth unset) and Qwen3.6-35B-A3B on 0.23.1 (19-token "
        "prompt, 10-run warm average), both engine era (0.17-0.29); the Ollama tags' quant not stated (q4_K_M, "
        "the default, assumed); Ollama context not stated (32K assumed); the GPU share of the 124 GiB not stated "
        "(117 GiB assumed from the HIP log); the filled-KV decode rows are left out (quant of that run not stated, "
        "UD-Q4_K_M file size not given), as are MTP/speculative, multi-user and batched rows",
    ),
    (
        "jessequinn-m5max",
        "https://jessequinn.info/blog/local-llm-apple-silicon-agentic-workflow",
        "MacBook Pro, Apple M5 Max (40-core GPU), 128 GB unified, macOS 26.4",
        "llama.cpp b9430 (Metal, llama-bench)",
        False,
        "Qwen3.6-35B-A3B UD-Q5_K_XL (24.76 GiB as stated), standing for qwen3.5:35b-a3b, entered from its file "
        "size; tg128 (99 t/s) and tg1024 (82 t/s) are the shortest and longest points of the stated output-length "
        "sweep (tg128 to tg1024, median of three), as the post's abstract gives them (rounded); depth = half the "
        "generated tokens (no prompt in a tg test); context 4096 (llama-bench) assumed; KV type not stated (f16 "
        "assumed); the page's own tables beyond the abstract were not in the stored copy, so the other seven "
        "models and the prompt-processing rows are not entered",
    ),
    (
        "mottledmantis-evox2",
        "https://github.com/hogeheer499-commits/strix-halo-guide/tree/main/data/raw/2026-05-14/community-gmktec-native-issue16",
        "GMKtec EVO-X2: Ryzen AI Max+ 395, Radeon 8060S (RADV STRIX_HALO), 96 GB LPDDR5X-8000, BIOS UMA 1 GB, "
        "IOMMU translated mode, Ubuntu 26.04 (kernel 7.0.0-15), Mesa RADV 26.0.3",
        "llama.cpp b9156 (834a24366), Vulkan, llama-bench -o csv (fa 1, ngl 999)",
        True,
        "mottledMantis's llama-bench CSV attached to strix-halo-guide issue #16, stored with a README in the "
        "guide's repository (the issue itself not read); Qwen3.6-35B-A3B-UD-Q4_K_M (unsloth, 22,123,538,944 "
        "bytes), standing for qwen3.5:35b-a3b, entered from its file size; tg128 at depth 64, 4K context "
        "(llama-bench) assumed; the GTT share of the 95 GiB not stated (88 GiB assumed); the accelerator-"
        "performance rerun (60.59) is a second run of the same test and is left out; the same person's WSL2/HIP "
        "run (issue #15) and MTP run (issue #18) are other publications, not entered",
    ),
    (
        "failsafe-corsair300",
        "https://github.com/hogeheer499-commits/strix-halo-guide/tree/main/data/raw/2026-05-09/community-qwen36-issue10",
        "Corsair AI Workstation 300 (ai-2): Ryzen AI Max+ 395, Radeon 8060S (RADV GFX1151), 128 GB, Fedora 43 "
        "(kernel 7.0-rc6), Mesa RADV 25.3.6, kyuz0 Vulkan container",
        "llama.cpp b9093 (1e5ad35d5), Vulkan, llama-bench -o csv (fa 1, ngl 999)",
        True,
        "Fail-Safe's llama-bench CSV from strix-halo-guide issue #10, stored in the guide's repository (the issue "
        "comment itself not read); Qwen3.6-35B-A3B Q4_K_M (bartowski, 21.38 GB), standing for qwen3.5:35b-a3b; "
        "tg128 at depth 64 is the mean of the two stated runs (70.13, 70.06); 4K context (llama-bench) assumed; "
        "GPU share of the 128 GB not stated (96 GB assumed); the quant sweep contributes only Q4_K_M (the Q4_0, "
        "UD-Q4_K_XL and UD-Q6_K_XL rows are left out); the Qwen3-Coder, RPC and power rows are other models",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (GTR9 Pro), llama.cpp b8460 Vulkan, tg128",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b",
        GTR9_395,
        4096,
        64.85,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (GTR9 Pro), llama.cpp b9049 Vulkan, tg128",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b",
        GTR9_395,
        4096,
        76.94,
        note="Qwen3.6 file",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q8_0, Ryzen AI Max+ 395 (GTR9 Pro), llama-server b9235 Vulkan, no MTP",
        "hogeheer-strixhalo-guide",
        "qwen3.5:27b-q8_0",
        GTR9_395,
        32768,
        7.74,
        note="Qwen3.6 MTP GGUF with drafting off; context assumed",
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q8_0, Ryzen AI Max+ 395 (GTR9 Pro), llama-server Vulkan, no MTP",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b-q8_0",
        GTR9_395,
        32768,
        56.20,
        note="Qwen3.6 MTP GGUF with drafting off; context assumed",
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B, Ryzen AI Max+ 395 (GTR9 Pro), Ollama 0.20.4 Vulkan, 14-token prompt",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b",
        GTR9_395,
        32768,
        48.0,
        regime="ollama-engine",
        note="quant and context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B, Ryzen AI Max+ 395 (GTR9 Pro), Ollama 0.20.4 Vulkan, 122-token prompt",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b",
        GTR9_395,
        32768,
        47.4,
        regime="ollama-engine",
        note="quant and context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B, Ryzen AI Max+ 395 (GTR9 Pro), Ollama 0.23.1 Vulkan, 19-token prompt",
        "hogeheer-strixhalo-guide",
        "qwen3.5:35b-a3b",
        GTR9_395,
        32768,
        50.5,
        regime="ollama-engine",
        note="Qwen3.6 tag; quant and context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B UD-Q5_K_XL (24.76 GiB), M5 Max 128 GB, llama.cpp b9430 Metal, tg128",
        "jessequinn-m5max",
        _gib("qwen3.5:35b-a3b", 24.76),
        M5MAX_128,
        4096,
        99,
        note="Qwen3.6 file; figure rounded as stated",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q5_K_XL (24.76 GiB), M5 Max 128 GB, llama.cpp b9430 Metal, tg1024",
        "jessequinn-m5max",
        _gib("qwen3.5:35b-a3b", 24.76),
        M5MAX_128,
        4096,
        82,
        note="Qwen3.6 file; figure rounded as stated",
        depth=512,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_M (22.12 GB), Ryzen AI Max+ 395 (EVO-X2 96 GB), llama.cpp b9156 Vulkan, tg128",
        "mottledmantis-evox2",
        _file("qwen3.5:35b-a3b", 22.12),
        EVOX2_96,
        4096,
        61.52,
        note="Qwen3.6 file",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (Corsair AI Workstation 300), llama.cpp b9093 Vulkan, tg128",
        "failsafe-corsair300",
        "qwen3.5:35b-a3b",
        STRIX,
        4096,
        70.10,
        note="Qwen3.6 file (bartowski)",
        depth=64,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
