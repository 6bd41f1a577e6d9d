"""Eighth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round8/__init__.py.
llama-server rows with --parallel N: the context is the window one request sees (the -c value ÷ N slots), as
round 7 entered llmlab-3x3060. GGUFs Ollama does not ship (unsloth UD-Q4_K_XL) are entered from their stated
size (GB, reference_data.gguf_file).
"""

from __future__ import annotations

from ..measurements_public import RTX5090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "foundry-5090-profiles",
        "https://github.com/infernet-org/foundry (models/qwen3.5-35b-a3b/profiles/rtx5090.sh, the version "
        "'Benchmarked on RTX 5090 (2026-02-27)'; models/qwen3.5-9b/profiles/rtx5090.sh 'Benchmarked on RTX 5090 "
        "(2026-03-02, native sm_120a, BLACKWELL_NATIVE_FP4=1)'; README.md 'Benchmark'; the Dockerfiles)",
        "RTX 5090 32 GB (32,607 MiB as the profiles' VRAM budgets give it), one card; the profiles pin 16 "
        "threads as 'physical cores' (CPU not named); RAM ? (64 GB assumed); Linux (Docker with the NVIDIA "
        "container runtime)",
        "mainline llama.cpp llama-server in Foundry's Docker images: the 9B image builds tag b8183 from "
        "ggml-org/llama.cpp for sm_89/sm_120a, the 35B-A3B image at the stored commit is built on the official "
        "ghcr.io/ggml-org/llama.cpp:server-cuda12 image (its tag not pinned, so the version is not stated)",
        False,
        "the profiles' 'Single-stream decode' figures: one request on a server started with --parallel 4, "
        "flash attention on, K/V q8_0, --no-mmap --mlock -b/-ub 4096, all layers on the GPU. 35B-A3B: unsloth "
        "UD-Q4_K_XL, '~20.6GB' on disk (a quant Ollama does not ship, entered from that size; the profile's "
        "buffers, 19,219 MiB CUDA + 398 MiB host, agree), -c 196608 over 4 slots (49,152 per slot, entered as "
        "the context), ~174 tok/s; the README's later headline for the same profile, ~181 tok/s, is left out "
        "as a repeat of the same configuration. 9B: unsloth UD-Q4_K_XL, '~5.66 GB' as the profile states it "
        "(entered from that size, GB assumed), -c 1048576 over 4 slots (262,144 per slot, entered), ~177 "
        "tok/s; the b8183 pin is the 9B Dockerfile's and assumed to be the benchmarked build. The repository's "
        "scripts/benchmark.py times a ~20-token prompt with max_tokens 128 as completion tokens ÷ request "
        "wall time, so the figures probably include a short prefill (inferred; the prompt length is not stated "
        "with the figures, so no depth is given). Left out: the 4-concurrent aggregates (batched), the "
        "rtx3090/rtx4080/rtx4090/rtx5080 profiles ('Expected' figures, not measurements), the Hermes and "
        "Qwen3-Coder rows (other models), the Qwen3.8 profile and the Qwen3.6-35B-A3B NVFP4 profile (vLLM with "
        "MTP drafting; its ~210 tok/s 'without MTP' is vLLM too). Placement: the 35B profile says 'All layers "
        "on GPU. No expert offloading needed'; the 9B's budget puts the weights on CUDA",
    ),
    (
        "legroschaton-2070-9b",
        "stored copy in the public GitHub index, repository not identified (no address shown): the README of "
        "'Le Gros Chaton — Coding Agent Training Framework', section 'Terminal-Bench 2.0 evaluation', step 3a "
        "('LOCAL GPU box (validated: RTX 2070 8GB, Q4_K_M GGUF, Vulkan, ~44 tok/s)')",
        "RTX 2070 8 GB, a laptop GPU as the README's note says ('pegs an 8GB laptop GPU at ~90C'); CPU ?; RAM "
        "? (16 GB assumed); OS ? (Linux-style paths)",
        "llama.cpp b10307 (./tb-local/bin/llama-b10307/llama-server; the official release binary assumed), "
        "Vulkan backend; llama-server -ngl 99 -c 12288 --jinja",
        False,
        "Qwen3.5-9B Q4_K_M from unsloth/Qwen3.5-9B-GGUF ('~5.7GB'; a quant Ollama ships, so the catalogue tag "
        "is used), all layers on the GPU (-ngl 99), context 12,288 as the command gives it, KV type not "
        "stated (f16, llama.cpp's default, assumed); '~44 tok/s' is taken as the decode rate (not stated "
        "which rate; a rounded figure); prompt length not stated, so no depth. The laptop part is entered as "
        "'NVIDIA GeForce RTX 2070' (Turing laptop GPUs report the desktop name unless Max-Q; the bandwidth "
        "table's RTX 2070 row, 448 GB/s, is also the non-Max-Q laptop part's spec; a Max-Q part has 384 GB/s)",
    ),
)

RTX2070_16 = gpu_machine("NVIDIA GeForce RTX 2070", 8, ram_gib=16)

_Q35_35B_UD_Q4KXL = _file("qwen3.5:35b-a3b", 20.6)
_Q35_9B_UD_Q4KXL = _file("qwen3.5:9b", 5.66)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, RTX 5090, llama-server --parallel 4, one request",
        "foundry-5090-profiles",
        _Q35_35B_UD_Q4KXL,
        RTX5090,
        49152,
        174.0,
        kv="q8_0",
        runner="llama.cpp",
        note="profile benchmarked 2026-02-27; -c 196608 over 4 slots",
    ),
    SpeedCase(
        "9B UD-Q4_K_XL, RTX 5090, llama-server --parallel 4, one request",
        "foundry-5090-profiles",
        _Q35_9B_UD_Q4KXL,
        RTX5090,
        262144,
        177.0,
        kv="q8_0",
        runner="llama.cpp",
        note="profile benchmarked 2026-03-02; -c 1048576 over 4 slots; b8183",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 2070 8 GB (laptop), llama-server Vulkan, 12K",
        "legroschaton-2070-9b",
        "qwen3.5:9b",
        RTX2070_16,
        12288,
        44.0,
        runner="llama.cpp",
        note="'~44 tok/s' as the README rounds it; b10307 Vulkan",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B UD-Q4_K_XL, RTX 5090, 49K per slot",
        "foundry-5090-profiles",
        _Q35_35B_UD_Q4KXL,
        RTX5090,
        49152,
        "gpu",
        note="'All layers on GPU. No expert offloading needed.'",
    ),
    PlacementCase(
        "9B UD-Q4_K_XL, RTX 5090, 262K per slot",
        "foundry-5090-profiles",
        _Q35_9B_UD_Q4KXL,
        RTX5090,
        262144,
        "gpu",
        note="VRAM budget: weights ~5.66 GB on CUDA, 4 × 262K q8_0 KV",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
