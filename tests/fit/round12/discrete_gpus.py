"""Twelfth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round12/__init__.py.
A depth sweep contributes only its shortest and longest point; depth = prompt + generated/2.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "danmoreng-qwen35x-5080laptop",
        "https://github.com/Danmoreng/qwen35x (README.md, 'Latest local actual-prompt matrix benchmark (April 30, "
        "2026, RTX 5080 Laptop GPU, MaxNewTokens=128)'; scripts/benchmark-qwen35x-vs-llama-matrix.ps1 and "
        "scripts/benchmark-llama-cli-actual-seq.ps1 for the llama.cpp command)",
        "NVIDIA GeForce RTX 5080 Laptop GPU 16 GB (SM 12.0, 60 SMs; 16,303 MiB as the repository's later system "
        "file states), Windows; CPU and RAM not stated",
        "mainline llama.cpp (the repository's third_party/reference/llama.cpp submodule of ggml-org/llama.cpp, "
        "CUDA build; the commit of the April 30 run not stated), llama-completion -ngl 99 -b 2048 -ub 512 "
        "--flash-attn on|off, -c = prompt + 128, -n 128, warmed, 3 repetitions",
        False,
        "A custom-engine project (qwen35x) that measured mainline llama.cpp as its reference on the same laptop; "
        "only the llama.cpp figures are considered. Models are BF16 GGUFs (qwen3.5-0.8b-bf16.gguf, "
        "qwen3.5-4b-bf16.gguf as the script names them; catalogue tags). The matrix's decode rates are "
        "llama-completion's eval timings over 128 generated tokens after a Wikipedia prompt cut to about "
        "256 ... 4096 tokens (the cut is by characters, so prompt lengths are approximate): the depth sweep "
        "contributes its shortest and longest point per model (depth 256 + 64 and 4096 + 64; context prompt + "
        "128 as the script passes -c). The flash-attention-on column is entered; the flash-attention-off "
        "column is the same run with another flag and is not entered again. Left out: the 512-2048 middle "
        "points, the April 25 64K-prompt snapshot (a separate earlier run beyond the sweep: 0.8B 165.42 and "
        "4B 43.87 tok/s with FA), the April 22/24 llama-bench BF16 artifacts (earlier runs, superseded), and "
        "every qwen35x, Luce, vLLM and Photon figure (not llama.cpp). KV f16 (no -ctk/-ctv). RAM not stated "
        "(32 GB assumed)",
    ),
)

RTX5080L_32 = gpu_machine("NVIDIA GeForce RTX 5080 Laptop GPU", 16, ram_gib=32)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # danmoreng-qwen35x-5080laptop: the April 30 actual-prompt matrix, FA on, shortest and longest prompt
    SpeedCase(
        "0.8B BF16, RTX 5080 Laptop 16 GB, llama-completion (CUDA, FA on), ~256-token prompt",
        "danmoreng-qwen35x-5080laptop",
        "qwen3.5:0.8b-bf16",
        RTX5080L_32,
        384,
        236.93,
        depth=320,
        runner="llama.cpp",
        backend="cuda",
        note="128 generated tokens; prompt length approximate (text cut by characters)",
    ),
    SpeedCase(
        "0.8B BF16, RTX 5080 Laptop 16 GB, llama-completion (CUDA, FA on), ~4096-token prompt",
        "danmoreng-qwen35x-5080laptop",
        "qwen3.5:0.8b-bf16",
        RTX5080L_32,
        4224,
        187.08,
        depth=4160,
        runner="llama.cpp",
        backend="cuda",
        note="128 generated tokens; prompt length approximate (text cut by characters)",
    ),
    SpeedCase(
        "4B BF16, RTX 5080 Laptop 16 GB, llama-completion (CUDA, FA on), ~256-token prompt",
        "danmoreng-qwen35x-5080laptop",
        "qwen3.5:4b-bf16",
        RTX5080L_32,
        384,
        46.17,
        depth=320,
        runner="llama.cpp",
        backend="cuda",
        note="128 generated tokens; prompt length approximate (text cut by characters)",
    ),
    SpeedCase(
        "4B BF16, RTX 5080 Laptop 16 GB, llama-completion (CUDA, FA on), ~4096-token prompt",
        "danmoreng-qwen35x-5080laptop",
        "qwen3.5:4b-bf16",
        RTX5080L_32,
        4224,
        51.50,
        depth=4160,
        runner="llama.cpp",
        backend="cuda",
        note="128 generated tokens; prompt length approximate; faster than the short prompt as measured",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
