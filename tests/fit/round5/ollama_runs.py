"""Fifth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round5/__init__.py.
Qwen3.6 tags stand for the Qwen3.5 tag of the same architecture and size. Ollama 0.17–0.29 (its own
engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default regime.
"""

from __future__ import annotations

from ..measurements_public import RTX5090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

RTX4090_48 = gpu_machine("NVIDIA GeForce RTX 4090", 48)
RTX5070_48 = gpu_machine("NVIDIA GeForce RTX 5070", 12, ram_gib=48)
RTX3050TI_LAPTOP = gpu_machine("NVIDIA GeForce RTX 3050 Ti Laptop GPU", 4, ram_gib=16)
RTX4070TI = gpu_machine("NVIDIA GeForce RTX 4070 Ti", 12, ram_gib=32)
RTX4070_32 = gpu_machine("NVIDIA GeForce RTX 4070", 12, ram_gib=32)
RTX5090_LAPTOP = gpu_machine("NVIDIA GeForce RTX 5090 Laptop GPU", 24, ram_gib=92)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "wor209-5090",
        "a benchmark post-mortem in a public repository ('Benchmark Post-Mortem — Ollama Baseline "
        "(WOR-209 Epic A)', run_20260426_214801, last updated 2026-04-27); address of the file not known",
        "RTX 5090 32 GB, Windows; RAM ? (64 GB assumed)",
        "Ollama (version not stated; engine era inferred from the date, April 2026), OLLAMA_FLASH_ATTENTION=1",
        False,
        "the 'Speed results (tok/s)' table, one row per model and context window (16K–320K): only its "
        "shortest point (16K) and its longest point within the models' 262,144-token context (256K) are "
        "entered; the 320K column exceeds the trained context (Ollama clamps num_ctx to it), so it is "
        "not taken as a separate point. Tags: qwen3.5:9b-q4_K_M, qwen3.5:9b-q8_0, qwen3.6:35b-a3b "
        "(same architecture as qwen3.5:35b-a3b, Ollama's q4_K_M default) and qwen3.6:27b (only its 16K "
        "figure, 85 tok/s, is given, in the 'Models dropped' table). Prompt lengths of the speed runs "
        "not stated (depth left to the engine); thinking models generating thousands of tokens; "
        "concurrency 1. Placement not shown (the VRAM table's GB figures are not Ollama's logged "
        "sizes, so no memory row); RAM not stated",
    ),
    (
        "stoneburner-5070",
        "https://github.com/babywyrm/stoneburner/blob/main/docs/model-notes/qwen/qwen3.6-analysis.md "
        "('Qwen 3.6 — Initial Analysis (2026-06-29)'); the same repository's "
        "docs/model-notes/qwen/README.md restates the machine and the figures (61 tok/s for 35B-A3B)",
        "RTX 5070 12 GB, 48 GB RAM ('brainbox'); CPU not named (6+ cores busy); OS ?",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, end of June 2026)",
        False,
        "qwen3.6:27b and qwen3.6:35b-a3b (same architecture as the qwen3.5 tags), Ollama's default "
        "Q4_K_M as the post states; both spill to system RAM: 27B '11GB + 6GB CPU' (17 GB model, 11 GB "
        "in VRAM, the README's words), 35B-A3B '~11GB + CPU' (share not given). Context not stated (4K, "
        "Ollama's default under 24 GB, assumed); prompt length not stated (depth left to the engine); "
        "the figures are rounded tok/s from the authors' runs. The README's other rows (a 149–228 "
        "tok/s tier for qwen3.5:4b together with other models) are ranges over several models and "
        "are not entered",
    ),
    (
        "johnymoo-4090-48g",
        "https://github.com/johnymoo/Nvidia-DGX/blob/main/recipes/qwen3.6/"
        "rtx4090-48gb-ollama-27b-q4-k-m-128k/README.md",
        "RTX 4090 with 48 GB ('4090D 48G' host; nvidia-smi: NVIDIA GeForce RTX 4090, 49,140 MiB), "
        "driver 580.159.03, Docker; RAM ? (64 GB assumed)",
        "Ollama 0.20.2 (ollama/ollama:0.20.2 image; engine era)",
        False,
        "qwen3.6:27b and qwen3.6:35b-a3b (same architecture as the qwen3.5 tags), official Ollama "
        "Q4_K_M; context 131,072; OLLAMA_NUM_PARALLEL=1; decode rate from Ollama's final-event "
        "counts and durations, mean of 3 runs. The scenario list is taken as a depth sweep: its "
        "shortest ('Text decode', 32 prompt + 256 generated tokens, depth 160) and longest "
        "('Reasoning enabled', 54 + 512, depth 310) points per model; the 'Fresh 1K/8K/16K prefill' "
        "rows generate 2 tokens (no decode rate) and the multimodal row has image tokens, so they are "
        "not entered. A '4090D' has the 4090's memory bandwidth (1,008 GB/s). Ollama reports 32.4 GB "
        "(27B) and 30 GB (35B-A3B) loaded, within the 48 GB card, but no %GPU is shown (no placement "
        "row); RAM not stated",
    ),
    (
        "llmfit-pr933-3050ti",
        "https://github.com/AlexsJones/llmfit/pull/933 (tingfeng347's 'llmfit bench --share' results "
        "for nvidia-geforce-rtx-3050-ti-laptop-gpu, 2026-08-22)",
        "RTX 3050 Ti Laptop GPU 4 GB; CPU and RAM ? (16 GB assumed)",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, August 2026)",
        False,
        "qwen3.5:2b through Ollama, 'Avg TPS' of llmfit's bench taken as the decode rate (as for the "
        "earlier llmfit folders); the PR's JSON file is not in the stored copy, so only the PR "
        "description's table is used: CPU, RAM and OS not known (RAM 16 GB assumed for a laptop); "
        "context not stated (4K, Ollama's default under 24 GB, assumed); llmfit's short fixed prompt "
        "(depth left to the engine); placement not shown. A different submitter from the earlier "
        "llmfit folders; the RTX 3050 Ti Laptop is not in the bandwidth table by that name",
    ),
    (
        "llmfit-pr983-4070ti",
        "https://github.com/AlexsJones/llmfit/pull/983 (fatinghenji's 'llmfit bench --share' results "
        "for nvidia-geforce-rtx-4070-ti, 2026-09-01)",
        "RTX 4070 Ti 12 GB; CPU and RAM ? (32 GB assumed)",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, September 2026)",
        False,
        "model 'qwen3.5-9b-64k:latest', a local Ollama tag: taken as qwen3.5:9b (Ollama's Q4_K_M) with "
        "num_ctx 65,536, both inferred from the tag's name; 'Avg TPS' of llmfit's bench taken as the "
        "decode rate; the PR's JSON file is not in the stored copy (CPU, RAM, OS not known; RAM 32 GB "
        "assumed); llmfit's short fixed prompt (depth left to the engine); placement not shown. The "
        "PR's other row is Qwen3.8 (not entered)",
    ),
    (
        "spike1-5090",
        "a spike runbook in a public repository (Polish, 'SPIKE #1 — FINAL RESULTS (post-swap)', "
        "results run of 2026-05-06: Ubuntu / RTX 5090); address of the file not known",
        "RTX 5090 32 GB, Ubuntu, PCIe gen 5 x16, MSI PRO Z790-A MAX (Intel Z790 board), driver 595; "
        "RAM ? (64 GB assumed)",
        "Ollama (version not stated; engine era inferred from the date, May 2026)",
        False,
        "warm runs with num_predict 4096, num_ctx 8192, keep_alive 30m, think:false; 'Coding tok/s' "
        "entered ('Analytical' 66 and 177 tok/s differ by 1). qwen3.6:27b, Ollama's Q4_K_M; "
        "'qwen3.6:latest' is described as '24 GB Q4' loading cleanly on the 32 GB card with 8K of KV "
        "cache, i.e. the 35b-a3b Q4_K_M tag (the 27b is 17 GB): entered as qwen3.5:35b-a3b, the tag "
        "inferred from that size. Prompt lengths not stated (depth left to the engine); placement not "
        "logged (the '5 tok/s' CPU-offload remark is about a 32B model on the other machine's RTX "
        "4090 and is not entered); RAM not stated",
    ),
    (
        "khaney64-4070",
        "https://github.com/khaney64/ollama-model-tests (reports/gpu/latest-4070.md and "
        "models/qwen3.5(9b)/results/agentic-chat/gpu/rtx-4070/ctx-*/metrics.json, 2026-03-03)",
        "RTX 4070 12 GB (12,282 MiB), 24 logical CPU cores; RAM ? (32 GB assumed); OS ?",
        "Ollama (version not stated; engine era inferred from the date, March 2026)",
        False,
        "qwen3.5:9b (Ollama's default Q4_K_M); a task × num_ctx grid (agentic-chat, api, engine, "
        "refactor at 16K and 32K): the agentic-chat task is entered because its metrics.json files "
        "with Ollama's eval_count / eval_duration are published (3,646 tokens at 68.11 tok/s at 16K; "
        "4,285 at 67.68 at 32K); both context points are the sweep's shortest and longest. A "
        "multi-turn tool-calling chat (8 and 9 turns, 31,352 / 39,608 prompt tokens summed over the turns), "
        "so the depth while decoding is not known (left to the engine). Peak VRAM 10.1 / 10.7 GB of "
        "12 GB (nvidia-smi), so on the GPU, but ollama ps not shown (no placement row); RAM not stated",
    ),
    (
        "stoneburner-5090laptop",
        "https://github.com/babywyrm/stoneburner/blob/main/docs/model-notes/qwen/README.md "
        "(section 'RTX 5090 Laptop Testing (2026-07-07/08)')",
        "System76 laptop, RTX 5090 Laptop GPU 24 GB, 92 GB RAM, 24 cores; OS ?",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, July 2026)",
        False,
        "the same authors as stoneburner-5070, another machine (so another source). qwen3.6:35b-a3b "
        "(same architecture as qwen3.5:35b-a3b, Q4_K_M as the section states) with num_ctx 4096: 54 "
        "tok/s, 'fits entirely' (no ollama ps share shown for it, so no placement row). The section's "
        "other Qwen rows (35B-A3B at 7 tok/s and 27B at 22.6 tok/s, '88%' GPU) ran at Ollama's "
        "default context, which the section does not state (the 35B-A3B grew to ~27.7 GB), so they "
        "are not entered. Prompt length not stated (short judge calls; depth left to the engine). "
        "The RTX 5090 Laptop GPU (896 GB/s) is not in the bandwidth table by that name",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "9B Q4_K_M, RTX 5090, Ollama (engine era), 16K",
        "wor209-5090",
        "qwen3.5:9b",
        RTX5090,
        16384,
        179,
        "ollama-engine",
        "qwen3.5:9b-q4_K_M",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5090, Ollama (engine era), 256K",
        "wor209-5090",
        "qwen3.5:9b",
        RTX5090,
        262144,
        179,
        "ollama-engine",
        "qwen3.5:9b-q4_K_M",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q8_0, RTX 5090, Ollama (engine era), 16K",
        "wor209-5090",
        "qwen3.5:9b-q8_0",
        RTX5090,
        16384,
        130,
        "ollama-engine",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q8_0, RTX 5090, Ollama (engine era), 256K",
        "wor209-5090",
        "qwen3.5:9b-q8_0",
        RTX5090,
        262144,
        135,
        "ollama-engine",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090, Ollama (engine era), 16K",
        "wor209-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        16384,
        161,
        "ollama-engine",
        "qwen3.6:35b-a3b",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090, Ollama (engine era), 256K",
        "wor209-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        262144,
        48,
        "ollama-engine",
        "qwen3.6:35b-a3b",
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 5090, Ollama (engine era), 16K",
        "wor209-5090",
        "qwen3.5:27b",
        RTX5090,
        16384,
        85,
        "ollama-engine",
        "qwen3.6:27b; 'Models dropped' table",
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 5070 12 GB + 48 GB RAM, Ollama (≥ 0.30 inferred), spilled",
        "stoneburner-5070",
        "qwen3.5:27b",
        RTX5070_48,
        4096,
        7,
        note="qwen3.6:27b; 11 GB in VRAM, 6 GB in RAM; context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5070 12 GB + 48 GB RAM, Ollama (≥ 0.30 inferred), spilled",
        "stoneburner-5070",
        "qwen3.5:35b-a3b",
        RTX5070_48,
        4096,
        60,
        note="qwen3.6:35b-a3b; ~11 GB in VRAM, rest in RAM; context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 4090 48 GB, Ollama 0.20.2, 128K, 32 + 256 tokens",
        "johnymoo-4090-48g",
        "qwen3.5:27b",
        RTX4090_48,
        131072,
        42.9,
        "ollama-engine",
        "qwen3.6:27b; 'Text decode'",
        depth=32 + 256 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 4090 48 GB, Ollama 0.20.2, 128K, 54 + 512 tokens",
        "johnymoo-4090-48g",
        "qwen3.5:27b",
        RTX4090_48,
        131072,
        42.6,
        "ollama-engine",
        "qwen3.6:27b; 'Reasoning enabled'",
        depth=54 + 512 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 4090 48 GB, Ollama 0.20.2, 128K, 32 + 256 tokens",
        "johnymoo-4090-48g",
        "qwen3.5:35b-a3b",
        RTX4090_48,
        131072,
        132.6,
        "ollama-engine",
        "qwen3.6:35b-a3b; 'Text decode'",
        depth=32 + 256 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 4090 48 GB, Ollama 0.20.2, 128K, 54 + 512 tokens",
        "johnymoo-4090-48g",
        "qwen3.5:35b-a3b",
        RTX4090_48,
        131072,
        132.8,
        "ollama-engine",
        "qwen3.6:35b-a3b; 'Reasoning enabled'",
        depth=54 + 512 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "2B, RTX 3050 Ti Laptop 4 GB, Ollama (≥ 0.30 inferred)",
        "llmfit-pr933-3050ti",
        "qwen3.5:2b",
        RTX3050TI_LAPTOP,
        4096,
        30.8,
        note="llmfit Avg TPS; context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4070 Ti 12 GB, Ollama (≥ 0.30 inferred), 64K tag",
        "llmfit-pr983-4070ti",
        "qwen3.5:9b",
        RTX4070TI,
        65536,
        66.2,
        note="tag qwen3.5-9b-64k:latest; llmfit Avg TPS; quant and context inferred from the tag name",
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 5090, Ollama (engine era), 8K",
        "spike1-5090",
        "qwen3.5:27b",
        RTX5090,
        8192,
        67,
        "ollama-engine",
        "qwen3.6:27b; coding run",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090, Ollama (engine era), 8K",
        "spike1-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        8192,
        178,
        "ollama-engine",
        "qwen3.6:latest (24 GB Q4, i.e. 35b-a3b); coding run",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4070, Ollama (engine era), 16K, agentic chat",
        "khaney64-4070",
        "qwen3.5:9b",
        RTX4070_32,
        16384,
        68.11,
        "ollama-engine",
        "3,646 tokens in 53.53 s",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4070, Ollama (engine era), 32K, agentic chat",
        "khaney64-4070",
        "qwen3.5:9b",
        RTX4070_32,
        32768,
        67.68,
        "ollama-engine",
        "4,285 tokens in 63.32 s",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090 Laptop 24 GB, Ollama (≥ 0.30 inferred), 4K",
        "stoneburner-5090laptop",
        "qwen3.5:35b-a3b",
        RTX5090_LAPTOP,
        4096,
        54,
        note="qwen3.6:35b-a3b; num_ctx=4096",
        runner="ollama",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "27B (3.6) Q4_K_M, RTX 5070 12 GB + 48 GB RAM, Ollama",
        "stoneburner-5070",
        "qwen3.5:27b",
        RTX5070_48,
        4096,
        "partial",
        11 / 17,
        note="'11GB + 6GB CPU' (17 GB model, 11 GB in VRAM); context assumed",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5070 12 GB + 48 GB RAM, Ollama",
        "stoneburner-5070",
        "qwen3.5:35b-a3b",
        RTX5070_48,
        4096,
        "partial",
        note="'~11GB + CPU', share not given; context assumed",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
