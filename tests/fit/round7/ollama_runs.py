"""Seventh round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round7/__init__.py.
Qwen3.6 tags stand for the Qwen3.5 tag of the same architecture and size. Ollama 0.17–0.29 (its own
engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default regime.
"""

from __future__ import annotations

from ..measurements_public import GB10, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# GTX 1050 Ti 4 GB (about 407 MiB taken by the desktop), Core i3-7100 (2 cores, AVX2), 16 GB RAM (type not stated)
GTX1050TI_I3 = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4, ram_gib=16, free_gib=4 - 407 / 1024),
    name="Intel Core i3-7100",
    cores=2,
    mhz=3900,
)

# One A100 80GB of the Deucalion cluster (SXM or PCIe not stated; the 80 GB part's 2,039 GB/s); RAM not stated
A100_80 = gpu_machine("NVIDIA A100 80GB", 80, ram_gib=128)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "deucalion-a100",
        "a scout report in a public GitHub repository ('Deucalion scout report — gemma-4-31B-it + qwen3.5:27b', "
        "draft of 2026-08-24, jobs on the Deucalion cluster's dev-a100-80 partition); address of the file not known",
        "1 × NVIDIA A100 80 GB (SXM or PCIe not stated) on a Deucalion compute node; CPU and RAM not stated "
        "(128 GB assumed)",
        "Ollama 0.31.1 (the cluster's module; llama-server)",
        False,
        "the warm-up's `ollama ps` line for qwen3.5:27b (Ollama's default tag, Q4_K_M, digest 7653528ba5cb): "
        "'34 GB   100% GPU   262144', so the whole model at a 256K context on the GPU. No decode rate: the "
        "report's per-call times (e.g. 318 s for 125,744 tokens) and its '~395 tok/s' mix prompt and output "
        "tokens, so they are not entered; the 34 GB is `ollama ps`'s size, not a logged allocation, so no "
        "memory row",
    ),
    (
        "dgxspark-ollama-bench",
        "a benchmark framework's README in a public GitHub repository ('Ollama Benchmark: Local LLM Performance on "
        "NVIDIA DGX Spark', run results/20260407_135131, 21 models × think/no-think × 21 prompts × 2 runs); "
        "address of the file not known",
        "NVIDIA DGX Spark (GB10, 128 GB unified memory, 273 GB/s as the README states), Linux",
        "Ollama (version not stated; 0.17–0.29 engine era inferred from the date, April 2026)",
        False,
        "the 'Leaderboard' table's Decode (tok/s) column: streamed /api/chat, mean over 21 prompts (JSON answers, "
        "with distractor text) × 2 runs, after a warm-up; Ollama's default tags (Q4_K_M; qwen3.5:35b is the "
        "35b-a3b tag, qwen3.5:122b the 122b-a10b tag). Entered: the no-think rows, one per model (the think "
        "rows repeat the same setup with longer outputs: 0.8B 156.6, 2B 85.3, 4B 53.8, 9B 34.0, 27B 10.9, "
        "35B-A3B 56.4, 122B-A10B 21.8 tok/s). Prompt and output lengths not stated (depth left to the engine); "
        "context not stated (Ollama's default for a GPU reporting ≥ 48 GB, 256K, assumed); KV f16 assumed; "
        "placement not shown",
    ),
    (
        "dgxspark-modellab",
        "a lab README in a public GitHub repository (Chinese: 'DGX Spark Model Lab', its '已测结果摘要' results "
        "summary; bench/bench.py against Ollama, vLLM and SGLang); undated; address of the file not known",
        "NVIDIA DGX Spark: GB10 (Blackwell, SM 12.1), 128 GB LPDDR5x unified (~273 GB/s), CUDA 13.0, Ubuntu 24.04 "
        "(DGX OS)",
        "Ollama (preinstalled; version not stated; 0.17–0.29 engine era inferred: the README lists Qwen3.5 and "
        "Nemotron Cascade 2 models and nothing of Qwen3.6 or later, so about March–April 2026)",
        False,
        "the results summary's tok/s column for the Ollama tags qwen3.5:35b (the 35b-a3b tag, 23 GB), qwen3.5:9b "
        "(6.6 GB) and qwen3.5:27b (17 GB), all Ollama's default Q4_K_M; the suite and prompt lengths are in "
        "bench/RESULTS.md, not read (depth left to the engine); context not stated (Ollama's default for a GPU "
        "reporting ≥ 48 GB, 256K, assumed); KV f16 assumed; placement not shown; qwen3:32b is not Qwen3.5",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "0.8B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:0.8b",
        GB10,
        262144,
        159.2,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "2B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:2b",
        GB10,
        262144,
        87.7,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "4B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:4b",
        GB10,
        262144,
        54.9,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:9b",
        GB10,
        262144,
        32.2,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "27B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:27b",
        GB10,
        262144,
        11.2,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:35b-a3b",
        GB10,
        262144,
        57.3,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "122B-A10B, GB10 (DGX Spark), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-ollama-bench",
        "qwen3.5:122b-a10b",
        GB10,
        262144,
        22.2,
        "ollama-engine",
        "no-think mean over 21 prompts × 2 runs; version and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B, GB10 (DGX Spark Model Lab), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-modellab",
        "qwen3.5:9b",
        GB10,
        262144,
        36.1,
        "ollama-engine",
        note="results summary; version, era and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "27B, GB10 (DGX Spark Model Lab), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-modellab",
        "qwen3.5:27b",
        GB10,
        262144,
        11.3,
        "ollama-engine",
        note="results summary; version, era and context assumed, prompt length not stated",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B, GB10 (DGX Spark Model Lab), Ollama engine era (inferred), 256K (assumed)",
        "dgxspark-modellab",
        "qwen3.5:35b-a3b",
        GB10,
        262144,
        57.4,
        "ollama-engine",
        note="results summary; version, era and context assumed, prompt length not stated",
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "27B, A100 80GB, Ollama 0.31.1, 256K",
        "deucalion-a100",
        "qwen3.5:27b",
        A100_80,
        262144,
        "gpu",
        note="`ollama ps`: 34 GB, 100% GPU, context 262144",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
