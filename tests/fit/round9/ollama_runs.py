"""Ninth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round9/__init__.py.
Ollama 0.17–0.29 (its own engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default
regime.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine, unified_machine

# Ryzen AI Max+ 395 (Radeon 8060S, gfx1151) on a Framework Desktop mainboard, 128 GB LPDDR5X; the BIOS
# carve-out set to 512 MB and the GTT pool raised with ttm.pages_limit=31457280 (120 GiB), so the iGPU can
# take about 120 GiB; 256 GB/s (LPDDR5X-8000, 256-bit; the source says ~270 GB/s peak, ~212 practical)
STRIX_NIX = unified_machine("AMD Radeon 8060S", 120, 128, 256, vendor="amd")

# RTX 4060 8 GB on Windows; RAM not stated (16 GB assumed); desktop card assumed (not said laptop)
RTX4060_VI = gpu_machine("NVIDIA GeForce RTX 4060", 8, ram_gib=16)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "strixhalo-nixos-ollama-0206",
        "a Markdown design note in a public GitHub repository (NixOS configuration; 'Ollama vs llama.cpp on "
        "Strix Halo', section '2. Backend Comparison: Ollama vs llama.cpp', 'Measured benchmarks'); address of "
        "the file not known",
        "two identical Strix Halo inference hosts (the table is one set of 5-run means): AMD Ryzen AI Max+ 395, "
        "Radeon 8060S (gfx1151, RDNA 3.5), 128 GB LPDDR5X, Framework Desktop mainboard; BIOS UMA frame buffer "
        "512 MB, GTT raised to ~120 GiB (ttm.pages_limit); NixOS 25.11, Linux 6.19.11, linux-firmware 20260309",
        "Ollama 0.20.6 (engine era, 0.17–0.29), once with its ROCm backend (ROCm 7.2.1) and once with Vulkan; "
        "llama.cpp b8775 (llama-bench, ROCm and Vulkan)",
        False,
        "the decode table's two Ollama columns (5-run means, revised harness with a fixed 512-token decode task) "
        "for qwen3.5:9b, qwen3.5:27b and qwen3.5:35b-a3b, 'the default vendor model tag, typically Q4_K_M' "
        "(Q4_K_M entered); the prompt length of the decode task is not stated (depth unset); context not stated "
        "(Ollama's default for a GPU reporting ≥ 48 GB, 256K, assumed); KV f16 assumed; placement not shown; "
        "the llama-bench columns are Unsloth UD-Q4_K_XL files with no stated size, so they are left out; the "
        "gemma, gpt-oss, qwen2.5/qwen3-coder and rnj rows are other models; a Strix Halo iGPU, entered here "
        "because the entered rows are Ollama runs only",
    ),
    (
        "vigotrip-rtx4060-ollama",
        "a Vietnamese design note of the VigoTrip project in a public GitHub repository ('Model tự host — "
        "Ollama, quantize, và vì sao production vẫn gọi API', section 3 and 5; address of the note not known), "
        "whose figures come from the experiment log of github.com/CaoDuyTung86/vi-rag-eval (entry '2026-09-16 — "
        "Model mở đã quantize so với Gemini ở tầng sinh', read in a stored copy whose path was not shown)",
        "NVIDIA RTX 4060 8 GB (nvidia-smi: 7.4/8.2 GB used on the whole card with Windows and a browser open); "
        "Windows; CPU and RAM not stated (16 GB assumed)",
        "Ollama, version not stated (2026-09-16, so ≥ 0.30 and the llama-server era assumed), OpenAI-compatible "
        "/v1 endpoint with reasoning_effort none",
        False,
        "placement only: `ollama ps` while serving shows qwen3.5:9b (Q4_K_M, as stated) at 5.5 GB, 100% GPU, "
        "context 4096 (Ollama's default for a card under 24 GB); the stated 30.7 token/s is completion_tokens "
        "divided by the wall time of each call (prompt processing of four RAG chunks included), not a decode "
        "rate, so no speed row is entered",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "9B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 ROCm, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:9b",
        STRIX_NIX,
        262144,
        32.14,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 Vulkan, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:9b",
        STRIX_NIX,
        262144,
        32.37,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
    SpeedCase(
        "27B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 ROCm, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:27b",
        STRIX_NIX,
        262144,
        11.05,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
    SpeedCase(
        "27B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 Vulkan, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:27b",
        STRIX_NIX,
        262144,
        11.19,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 ROCm, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:35b-a3b",
        STRIX_NIX,
        262144,
        42.08,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395 (Framework, 120 GiB GTT), Ollama 0.20.6 Vulkan, 256K (assumed)",
        "strixhalo-nixos-ollama-0206",
        "qwen3.5:35b-a3b",
        STRIX_NIX,
        262144,
        44.15,
        "ollama-engine",
        note="5-run mean, 512-token decode; prompt length, context and KV type not stated",
        runner="ollama",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M, RTX 4060 8 GB, Ollama, 4K",
        "vigotrip-rtx4060-ollama",
        "qwen3.5:9b",
        RTX4060_VI,
        4096,
        "gpu",
        1.0,
        note="ollama ps: 5.5 GB, 100% GPU, context 4096; Ollama version assumed ≥ 0.30; RAM assumed",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
