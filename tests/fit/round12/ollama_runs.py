"""Twelfth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round12/__init__.py.
Ollama 0.17–0.29 (its own engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default
regime.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

# Two Tesla V100 32 GiB cards (64 GiB aggregate GPU memory), 128 GiB system memory, Ubuntu 24.04.4, CUDA; the
# V100 form factor (PCIe or SXM2) is not stated
V100X2_HAVEN42 = gpu_machine("Tesla V100", 32, count=2, ram_gib=128)

# Radeon RX 7800 XT 16 GiB (gfx1101), Windows 11 x64; 31.9 GiB system memory and 24 logical processors as the
# repository's Windows AMD cell of the same machine reports them (CPU model not stated)
RX7800XT_HAVEN42 = gpu_machine("AMD Radeon RX 7800 XT", 16, ram_gib=31.9, vendor="amd")

_HAVEN42_HARNESS = (
    "Haven 42's qualification harness (scripts/alpha2-model-task-qualification.py and alpha2-linux-soak.py): "
    "/api/generate with stream off, think false, temperature 0, seed 42, num_predict 96, no num_ctx sent, the "
    "model unloaded after every sample; the three prompts are one-line Chat/Writing/Summarization tasks (a "
    "sentinel reply, one 8–18-word sentence, one 12–30-word summary of a four-clause paragraph), so prompts are "
    "tens of tokens and outputs at most 96; tokens/s = eval_count / eval_duration per sample, averaged"
)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "haven42-dual-v100-ollama",
        "https://github.com/hysel/haven-42 (examples/nvidia-v100-ollama03213-qualification.md, 2026-08-15, and "
        "examples/august-2026-new-model-qualification.md, with config/evidence-catalog.tsv)",
        "two NVIDIA Tesla V100 32 GiB (64 GiB aggregate usable GPU memory), 128 GiB system memory, Ubuntu "
        "24.04.4 LTS; CPU not stated",
        "Ollama 0.32.13 (llama-server era), CUDA",
        False,
        _HAVEN42_HARNESS
        + ". Rows: qwen3.6:27b-q4_K_M (stands for qwen3.5:27b) 30-minute soak 33.527 tok/s average over 30 "
        "samples (task rates 35.215 Chat, 33.164 Writing, 32.757 Summarization; peak reported GPU residency "
        "16,482,859,743 bytes); qwen3.6:35b-a3b-q4_K_M (stands for qwen3.5:35b-a3b) soak 82.668 tok/s average "
        "from the August campaign table. The campaign table gives the 27B soak as 33.376 (another run of the "
        "same cell, not entered twice). The harness requires Ollama's total model bytes to equal its "
        "GPU-resident bytes, so both ran 100% GPU (entered as placement rows); how the model was spread over "
        "the two cards is not stated. Context not stated (no num_ctx sent): 4096 assumed — the 27B's peak "
        "residency (15.35 GiB) leaves no room for a large KV cache; KV f16 assumed; prompt token counts not "
        "stated, so depth left to the engine; backend CUDA as stated. Other models (Gemma, Phi, Granite, "
        "Nemotron, North Mini Code, Muse Glimmer) and the Qwen3.8 27B row are not Qwen3.5/3.6",
    ),
    (
        "haven42-rx7800xt-ollama",
        "https://github.com/hysel/haven-42 (examples/quantization-validation.md 'Windows AMD Ollama "
        "Trusted-Artifact Comparison', 2026-07-22, docs/hardware-adaptive-quantization.md, and "
        "examples/windows-amd-rx7800xt-power-validation.md, 2026-08-13)",
        "AMD Radeon RX 7800 XT 16 GiB (gfx1101, driver 32.0.31021.5001), Windows 11 x64, 31.9 GiB system "
        "memory and 24 logical processors (docs/windows-alpha-native-validation.md's AMD cell); CPU model not "
        "stated",
        "Ollama 0.32.1 standalone Windows archive with its packaged ROCm 7.1 backend (backend discovery "
        "selected ROCm and gfx1101); the power soak on Ollama 0.32.5 with its pinned ROCm supplement",
        False,
        "quantization comparison at num_ctx 4096 (stated), concurrency one: official qwen3.5:9b Q4_K_M (digest "
        "6488c96fa5fa) 71.99 tok/s and qwen3.5:9b-q8_0 (441ec31e4d2a) 58.41 tok/s 'warm generation' on a "
        "bounded response (prompt and output lengths not stated, depth left to the engine); both 'offloaded "
        "all 34 model layers, reported 100% GPU execution' (entered as placement rows; loaded size 5.6 and 9.2 "
        "GB); the clean engineering-patch generation rates (66.64 and 53.76) are a second task on the same "
        "load and not entered; an invalidated 7.65 tok/s sample taken while a game used the GPU is left out, "
        "as the source itself excludes it. Power soak: "
        + _HAVEN42_HARNESS
        + "; qwen3.5:9b Q4_K_M, 50 of 50 cells with full GPU offload, 65.93 tok/s average over 30 minutes "
        "(Ollama 0.32.5, context not sent: 4096 assumed, Ollama's default under 24 GB of VRAM). KV f16 "
        "assumed throughout; backend ROCm as stated",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B (3.6) Q4_K_M, 2x Tesla V100 32 GB, Ollama 0.32.13, 4K (assumed), 30-minute soak",
        "haven42-dual-v100-ollama",
        "qwen3.5:27b",
        V100X2_HAVEN42,
        4096,
        33.527,
        note="soak average of 30 samples, eval_count/eval_duration, num_predict 96, think off; 100% GPU",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, 2x Tesla V100 32 GB, Ollama 0.32.13, 4K (assumed), soak",
        "haven42-dual-v100-ollama",
        "qwen3.5:35b-a3b",
        V100X2_HAVEN42,
        4096,
        82.668,
        note="August campaign: bounded soak average, eval_count/eval_duration, think off; full residency",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "9B Q4_K_M, RX 7800 XT 16 GB, Ollama 0.32 ROCm, 4K (mean of two runs)",
        "haven42-rx7800xt-ollama",
        "qwen3.5:9b",
        RX7800XT_HAVEN42,
        4096,
        68.96,
        note="one configuration run twice, entered once as the mean (the lead, before the evaluation): the "
        "quantization comparison's 'warm generation' 71.99 tok/s on Ollama 0.32.1 (num_ctx 4096 stated) and "
        "the power soak's 65.93 tok/s average on Ollama 0.32.5 (context assumed); 34/34 layers on the GPU",
        runner="ollama",
        backend="rocm",
    ),
    SpeedCase(
        "9B Q8_0, RX 7800 XT 16 GB, Ollama 0.32.1 ROCm, num_ctx 4096, warm bounded response",
        "haven42-rx7800xt-ollama",
        "qwen3.5:9b-q8_0",
        RX7800XT_HAVEN42,
        4096,
        58.41,
        note="quantization comparison candidate: 'warm generation' 58.41 tok/s; 34/34 layers on the GPU",
        runner="ollama",
        backend="rocm",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "27B (3.6) Q4_K_M, 2x Tesla V100 32 GB, Ollama 0.32.13, 4K (assumed)",
        "haven42-dual-v100-ollama",
        "qwen3.5:27b",
        V100X2_HAVEN42,
        4096,
        "gpu",
        1.0,
        note="harness requires total model bytes == GPU-resident bytes; peak residency 16.48 GB",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, 2x Tesla V100 32 GB, Ollama 0.32.13, 4K (assumed)",
        "haven42-dual-v100-ollama",
        "qwen3.5:35b-a3b",
        V100X2_HAVEN42,
        4096,
        "gpu",
        1.0,
        note="harness requires total model bytes == GPU-resident bytes ('accelerator residency')",
    ),
    PlacementCase(
        "9B Q4_K_M, RX 7800 XT 16 GB, Ollama 0.32.1 ROCm, num_ctx 4096",
        "haven42-rx7800xt-ollama",
        "qwen3.5:9b",
        RX7800XT_HAVEN42,
        4096,
        "gpu",
        1.0,
        note="all 34 layers offloaded, 100% GPU; loaded size 5.6 GB",
    ),
    PlacementCase(
        "9B Q8_0, RX 7800 XT 16 GB, Ollama 0.32.1 ROCm, num_ctx 4096",
        "haven42-rx7800xt-ollama",
        "qwen3.5:9b-q8_0",
        RX7800XT_HAVEN42,
        4096,
        "gpu",
        1.0,
        note="all 34 layers offloaded, 100% GPU; loaded size 9.2 GB",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
