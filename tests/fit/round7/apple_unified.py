"""Seventh round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round7/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import unified_machine

# ASUS ROG Flow Z13 (inferred from the host id "deepu-flowz13-arch"): Ryzen AI Max+ 395, 121 GiB visible to
# Linux, 4 GiB pinned VRAM + about 96 GiB GTT as stated, so 100 GiB reachable by the iGPU
FLOWZ13_395 = unified_machine("AMD Radeon 8060S", 100, 121, 256, vendor="amd")
# Minix Elite ER939 Ai (Ryzen AI Max+ 395 class, CPU/GPU field left empty in the report), "128GI", BIOS UMA
# 1 GB; the GTT share is not stated (64 GiB, TTM's default half of RAM, assumed)
MINIX_395 = unified_machine("AMD Radeon 8060S", 64, 128, 256, vendor="amd")
# Apple M3 (base): RAM not stated (16 GB assumed)
M3_16 = apple("Apple M3", 16, 13)
# Apple M4 Max: RAM and GPU core count not stated (36 GB, the smallest M4 Max, assumed)
M4MAX_36 = apple("Apple M4 Max", 36, 32)
# AtomGradient's Apple M2 Ultra (192 GB) and M1 Max (32 GB), memory as stated in the README
M2ULTRA_192 = apple("Apple M2 Ultra", 192, 180)
M1MAX_32 = apple("Apple M1 Max", 32, 28)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "llamastash-r1-strixhalo",
        "https://github.com/sirivong/llamastash/blob/main/docs/benchmarks/r1-amd-apu-final-report.md (with "
        "docs/benchmarks.md, 'AMD APU - Linux', and the host record in docs/benchmarks/runs/deepu-flowz13-arch/)",
        "AMD Ryzen AI Max+ 395, Radeon 8060S (gfx1151), 121 GiB unified RAM (4 GiB pinned VRAM + ~96 GiB GTT), "
        "70 W TDP, Arch Linux (kernel 7.0.7); host id deepu-flowz13-arch (an ASUS ROG Flow Z13, inferred)",
        "llama.cpp llama-server 9245 (b39a7bf1b) HIP build (GGML_HIP_ROCWMMA_FATTN=OFF; docs/benchmarks.md "
        "names it b9282); Ollama 0.24.0 (bundled engine, same GGUF imported via Modelfile)",
        False,
        "LlamaStash's own cross-tool report, one machine; chat_turn workload (a ~50-token prompt, 64 tokens "
        "decoded: depth 82), decode tok/s averaged by the author over the 'defaults' and 'normalized' modes "
        "(within ~1%); context not stated per mode (llama-server's default in one, a matched ctx in the other; "
        "4096 assumed); raw llama-server HIP rows entered (the LlamaStash rows run the same binary and are left "
        "out as a second run; LM Studio's Vulkan runtime rows are a second runtime on the same files, left out); "
        "Ollama 0.24.0 is engine era (0.17-0.29); its placement on this 4 GiB-carve-out APU was not logged; "
        "models: lmstudio-community Qwen3.6-27B-Q8_0 (27 GB) and Qwen3.6-35B-A3B-Q8_0 (34 GB), the quant Ollama "
        "ships, standing for the Qwen3.5 tags; KV f16 ('normalized' mode sets kv_cache_type=f16); the gemma-4 "
        "rows are other models",
    ),
    (
        "strixguide-minix-er939-ollama",
        "https://github.com/hogeheer499-commits/strix-halo-guide (community report for issue #27: 'Minix Elite "
        "ER939 Ai Ollama 0.30.10 Community Report')",
        "Minix Elite ER939 Ai (Ryzen AI Max+ 395 class; the CPU/GPU template field was left empty), 128 GB "
        "('128GI'), BIOS UMA 1 GB, IOMMU disabled, Ubuntu 26.04 (kernel 7.0.0-22), Mesa 26.1.3",
        "Ollama 0.30.10 (bench-ollama.sh)",
        True,
        "papagenic's one-shot Ollama run reported in the strix-halo-guide repository (the issue itself not "
        "read): qwen3.6:35b-a3b from Ollama (Q4_K_M, Ollama's default quant, assumed), standing for "
        "qwen3.5:35b-a3b; 30.5 tok/s over 206 generated tokens after a 14-token prompt (depth 117); Ollama "
        ">= 0.30 is the llama-server regime; context not stated (Ollama's default for >= 48 GiB, 256K, "
        "assumed); the GPU is inferred from the device model (the report calls it a Strix Halo-class row); "
        "GTT share not stated (64 GiB assumed); Vulkan ICD not confirmed; placement not logged",
    ),
    (
        "llamacpp-pr25788-m3",
        "https://github.com/ggml-org/llama.cpp/pull/25788 (angt's comment 'with -r 15')",
        "Apple M3 (Metal; compare-llama-bench's CPU column 'Accelerate, Apple M3'), RAM not stated (16 GB "
        "assumed), macOS",
        "llama.cpp master (the 't/s OLD' column of compare-llama-bench; build not stated), llama-bench -r 15",
        False,
        "a llama.cpp contributor's before/after table for an unmerged Metal gated-delta-net fusion; only the OLD "
        "(master) column is mainline and entered; Qwen3.5-0.8B BF16 (the quant Ollama ships as -bf16) tg128 "
        "at depth 64, 4K context (llama-bench) assumed; the IQ2/IQ3/IQ4_NL rows are quants Ollama does not ship "
        "with no file size printed, left out; the rest of the table was not in the stored copy; KV f16 assumed",
    ),
    (
        "llamacpp-pr20244-m4max",
        "https://github.com/ggml-org/llama.cpp/pull/20244",
        "Apple M4 Max (Metal), RAM and GPU core count not stated (36 GB assumed), macOS",
        "llama.cpp master before the PR (March 2026, build not stated), llama-bench tg128",
        False,
        "arkavo-com's PR description adding a Metal GATED_DELTA_NET kernel; the 'Before' figure (170 t/s, as "
        "rounded in the PR) is master at the time and is entered; the 'After' figure (213) is the unmerged PR "
        "branch and is left out; Qwen3.5-0.8B Q4_K_M, depth 64, 4K context (llama-bench) assumed; KV f16 "
        "assumed",
    ),
    (
        "atomgradient-apple-silicon-inference",
        "https://github.com/AtomGradient/apple-silicon-llm-inference (data/phase1_bench_113_m2ultra.csv, "
        "data/phase1_bench_4B_llamacpp.csv, data/phase1_103_bench_summary.txt; site "
        "https://atomgradient.github.io/apple-silicon-llm-inference)",
        "Apple M2 Ultra, 192 GB ('113'); Apple M1 Max, 32 GB ('103'); macOS; GPU core counts not stated",
        "llama.cpp built from source (build not stated, March 2026), Metal, llama-bench -p 512 -n 128 (-r 4 on "
        "the M2 Ultra, -r 3 on the M1 Max), ngl 99, 16 threads",
        False,
        "AtomGradient's own study ('Efficient On-Device LLM Inference on Apple Silicon'), raw llama-bench CSVs; "
        "tg128 at depth 64, 4K context (llama-bench) assumed; KV f16 assumed; the Qwen3.5-4B quant ladder "
        "contributes Q4_K_M and Q8_0 (quantized by the author from F16; F16, Q6_K, Q5_K_M, Q3_K_M, Q2_K left "
        "out by the sweep rule; the ladder's tg stddevs are large, 13-20 t/s, entered as stated); the "
        "multi-size rows are files printed as 'Q8_0' whose sizes (0.8B 1,186,443,520 B, 2B 2,834,940,160 B, "
        "9B 12,974,040,288 B) exceed a plain Q8_0 (probably unsloth UD-Q8_K_XL, cf. the repo's "
        "bench_113_Q8_K_XL.csv), entered from their sizes; the M1 Max summary's '9B_Q8 (13.0 GB)' is taken to be "
        "the same 9B file (its '0.6B_Q4' row is a Qwen3 model, not entered); the M2 Pro was used only as an RPC "
        "draft host; the MLX, speculative-decoding and RPC rows are other runtimes or drafting, left out; the "
        "35B-A3B Q8_K_XL CSV was not read",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # llamastash-r1-strixhalo: raw llama-server (HIP) and Ollama 0.24.0, chat_turn
    SpeedCase(
        "27B Q8_0, Ryzen AI Max+ 395 (Flow Z13, 121 GiB), llama-server 9245 HIP, chat_turn",
        "llamastash-r1-strixhalo",
        "qwen3.5:27b-q8_0",
        FLOWZ13_395,
        4096,
        7.4,
        note="Qwen3.6 file; context assumed",
        depth=82,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q8_0, Ryzen AI Max+ 395 (Flow Z13, 121 GiB), llama-server 9245 HIP, chat_turn",
        "llamastash-r1-strixhalo",
        "qwen3.5:35b-a3b-q8_0",
        FLOWZ13_395,
        4096,
        42.7,
        note="Qwen3.6 file; context assumed",
        depth=82,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q8_0, Ryzen AI Max+ 395 (Flow Z13, 121 GiB), Ollama 0.24.0, chat_turn",
        "llamastash-r1-strixhalo",
        "qwen3.5:27b-q8_0",
        FLOWZ13_395,
        4096,
        2.6,
        regime="ollama-engine",
        note="Qwen3.6 file imported via Modelfile; context assumed; placement not logged",
        depth=82,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q8_0, Ryzen AI Max+ 395 (Flow Z13, 121 GiB), Ollama 0.24.0, chat_turn",
        "llamastash-r1-strixhalo",
        "qwen3.5:35b-a3b-q8_0",
        FLOWZ13_395,
        4096,
        12.1,
        regime="ollama-engine",
        note="Qwen3.6 file imported via Modelfile; context assumed; placement not logged",
        depth=82,
        runner="ollama",
    ),
    # strixguide-minix-er939-ollama
    SpeedCase(
        "35B-A3B Q4_K_M, Minix Elite ER939 Ai (Ryzen AI Max+ 395 class, 128 GB), Ollama 0.30.10",
        "strixguide-minix-er939-ollama",
        "qwen3.5:35b-a3b",
        MINIX_395,
        262144,
        30.5,
        note="qwen3.6:35b-a3b; context and GTT share assumed; GPU inferred from the device",
        depth=117,
        runner="ollama",
    ),
    # llamacpp-pr25788-m3
    SpeedCase(
        "0.8B BF16, Apple M3, llama.cpp master Metal, tg128",
        "llamacpp-pr25788-m3",
        "qwen3.5:0.8b-bf16",
        M3_16,
        4096,
        24.28,
        note="RAM not stated (16 GB assumed); the 'OLD' (master) column",
        depth=64,
        runner="llama.cpp",
    ),
    # llamacpp-pr20244-m4max
    SpeedCase(
        "0.8B Q4_K_M, Apple M4 Max, llama.cpp master Metal (before PR #20244), tg128",
        "llamacpp-pr20244-m4max",
        "qwen3.5:0.8b",
        M4MAX_36,
        4096,
        170.0,
        note="RAM not stated (36 GB assumed); rounded as stated",
        depth=64,
        runner="llama.cpp",
    ),
    # atomgradient-apple-silicon-inference: M2 Ultra (192 GB) and M1 Max (32 GB), llama-bench tg128
    SpeedCase(
        "0.8B 'Q8_0' (1.19 GB file), Apple M2 Ultra 192 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        _file("qwen3.5:0.8b-q8_0", 1.186),
        M2ULTRA_192,
        4096,
        140.19,
        note="entered from the file size (probably UD-Q8_K_XL)",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "2B 'Q8_0' (2.83 GB file), Apple M2 Ultra 192 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        _file("qwen3.5:2b-q8_0", 2.835),
        M2ULTRA_192,
        4096,
        110.62,
        note="entered from the file size (probably UD-Q8_K_XL)",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B 'Q8_0' (12.97 GB file), Apple M2 Ultra 192 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        _file("qwen3.5:9b-q8_0", 12.974),
        M2ULTRA_192,
        4096,
        42.42,
        note="entered from the file size (probably UD-Q8_K_XL)",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "4B Q4_K_M, Apple M2 Ultra 192 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        "qwen3.5:4b",
        M2ULTRA_192,
        4096,
        58.47,
        note="quantized by the author from F16 (2.71 GB); tg stddev 13.3 as stated",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "4B Q8_0, Apple M2 Ultra 192 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        "qwen3.5:4b-q8_0",
        M2ULTRA_192,
        4096,
        54.02,
        note="quantized by the author from F16 (4.48 GB); tg stddev 19.5 as stated",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B 'Q8_0' (13.0 GB file), Apple M1 Max 32 GB, llama.cpp Metal, tg128",
        "atomgradient-apple-silicon-inference",
        _file("qwen3.5:9b-q8_0", 12.974),
        M1MAX_32,
        4096,
        22.57,
        note="the M2 Ultra's 9B file assumed (13.0 GB as printed)",
        depth=64,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
