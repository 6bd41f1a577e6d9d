"""Ninth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round9/__init__.py.
"""

from __future__ import annotations

from ..measurements_public import GB10, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, unified_machine

# AMD Ryzen AI 9 HX 370's Radeon 890M (gfx1150, RADV), 64 GB shared ("63 GiB VRAM available (UMA — full
# system RAM)"); the bandwidth table has no 890M row, so the bus is given here: 128-bit LPDDR5X-7500,
# 120 GB/s, the fastest memory the HX 370 takes (the source does not name its memory), as the Jetson's
# 102.4 GB/s was in round 8
RADEON890M_64 = unified_machine("AMD Radeon 890M Graphics", 63, 64, 120, vendor="amd")

# Ollama's qwen3.5:9b fine-tune "shuff57/qwen3.5-9B-stat-grader", 5.6 GB as `ollama list` shows it (Q4_K_M)
STAT_GRADER_9B = gguf_file("qwen3.5:9b", 5.6)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "sparklab-gb10-frameworks",
        "https://github.com/sixteen-miles-labs/sparklab (benchmarks/frameworks/README.md, 'Qwen3.6 "
        "cross-framework benchmark', with results/qwen3.6-35b-a3b/llama-cpp.json and ollama-no-mtp.json, and "
        "run_framework.py for the launch flags; added in pull request #33)",
        "one NVIDIA DGX Spark, GB10, 128 GB coherent memory, ARM64 Linux",
        "llama.cpp build 10711 (commit 9723942ad, built with GNU 13.3.0 for aarch64; the binary prints "
        "'version: 0.3.0-dev'): llama-server -ngl 99 -c 32768 --parallel 1 -fa on; Ollama 0.33.2's bundled "
        "llama-server (the 'ollama-no-mtp' control): -c 32768 -np 1 -ngl 99 --flash-attn auto -b 1024 -ub 1024 "
        "--chat-template chatml, without --spec-type draft-mtp",
        False,
        "a serving-framework comparison by the SparkLab project; both runs use the same Q4_K_M GGUF, Ollama's "
        "registry qwen3.6:35b-a3b (Qwen3.6-35B-A3B, standing for qwen3.5:35b-a3b; the quant Ollama ships, so "
        "the tag is used); batch one, greedy, one 32-token warm-up, then three 256-token requests, decode "
        "= (completion tokens - 1) / (last - first streamed delta), the median entered (llama.cpp 78.39, "
        "Ollama runner without MTP 69.53 tok/s); the prompt is one sentence (a number-theory problem), its "
        "token count not stated, so depth is left unset; KV f16 assumed (no cache-type flags); the "
        "'0.3.0-dev' version string is taken as a mainline build (build number and commit are llama.cpp's); "
        "the no-MTP row ran Ollama 0.33.2's own llama-server binary directly (not through `ollama serve`), "
        "entered as runner ollama, llama-server regime (Ollama >= 0.30); left out: Ollama's native row "
        "(94.02 tok/s, MTP drafting on), FreeToken, SparkLab, vLLM and SGLang (NVFP4, other runtimes), "
        "KTransformers (not run)",
    ),
    (
        "ogre-890m-qwen35-9b-grader",
        "https://github.com/shuff57/O.G.R.E-OllamaGradingRubricEvaluator (a 'ctx-tuning Learnings' notepad "
        "of the session of 2026-03-13 in the repository's agent notes; the stored copy shows no file path)",
        "AMD Ryzen AI 9 HX 370 with Radeon 890M (gfx1150, RADV GFX1150, Vulkan), 64 GB shared memory (63 GiB "
        "offered to the iGPU as UMA), Linux (systemd service)",
        "Ollama, version not stated, OLLAMA_VULKAN=1",
        False,
        "a grading app's tuning notes: shuff57/qwen3.5-9B-stat-grader, a fine-tune of Qwen3.5-9B (same "
        "architecture), Q4_K_M as the notes say, 5.6 GB as listed, entered from that size; 'ctx=8192: "
        "9.8-10.1 tok/s', 'ctx=4096: 10.1 tok/s' (the range entered at its midpoint, 9.95); 33/33 layers on "
        "the Vulkan GPU and `ollama ps` 100% GPU (placement row); Ollama version not stated, March 2026, so "
        "Ollama's own engine (0.17-0.29) inferred; prompt length of the timed runs not stated (a 614-token "
        "grading batch is mentioned separately), depth left unset; KV f16 assumed; flash attention 'no "
        "meaningful improvement', which run used it not stated; RAM size read from the 63 GiB UMA figure, "
        "memory type not stated (LPDDR5X-7500, 120 GB/s assumed); the Radeon 890M is not in the bandwidth "
        "table",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # sparklab-gb10-frameworks
    SpeedCase(
        "35B-A3B Q4_K_M (Ollama's qwen3.6 GGUF), GB10 128 GB, llama-server b10711, 32K, 256 tokens",
        "sparklab-gb10-frameworks",
        "qwen3.5:35b-a3b",
        GB10,
        32768,
        78.39,
        note="Qwen3.6 file; median of three",
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M (Ollama's qwen3.6 GGUF), GB10 128 GB, Ollama 0.33.2 runner without MTP, 32K",
        "sparklab-gb10-frameworks",
        "qwen3.5:35b-a3b",
        GB10,
        32768,
        69.53,
        note="Qwen3.6 file; Ollama's bundled llama-server run directly; median of three",
        runner="ollama",
    ),
    # ogre-890m-qwen35-9b-grader
    SpeedCase(
        "9B Q4_K_M fine-tune (5.6 GB), Radeon 890M 64 GB, Ollama Vulkan, 4K",
        "ogre-890m-qwen35-9b-grader",
        STAT_GRADER_9B,
        RADEON890M_64,
        4096,
        10.1,
        regime="ollama-engine",
        note="fine-tune of Qwen3.5-9B; engine era inferred; memory bus assumed",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M fine-tune (5.6 GB), Radeon 890M 64 GB, Ollama Vulkan, 8K",
        "ogre-890m-qwen35-9b-grader",
        STAT_GRADER_9B,
        RADEON890M_64,
        8192,
        9.95,
        regime="ollama-engine",
        note="fine-tune of Qwen3.5-9B; 9.8-10.1 stated, midpoint; engine era inferred; memory bus assumed",
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M fine-tune (5.6 GB), Radeon 890M 64 GB, Ollama Vulkan, 8K: 33/33 layers, 100% GPU",
        "ogre-890m-qwen35-9b-grader",
        STAT_GRADER_9B,
        RADEON890M_64,
        8192,
        "gpu",
        regime="ollama-engine",
        note="`ollama ps` 100% GPU; engine era inferred",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
