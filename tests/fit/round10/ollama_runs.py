"""Tenth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round10/__init__.py.
Ollama 0.17–0.29 (its own engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default
regime. Every source below ran Ollama ≥ 0.30 (stated, or inferred from the date and said so).
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

# RTX 3090 24 GB as the main card of a Ryzen 9 3950X / 64 GB desktop (the same PC also holds an RTX 3060 12 GB
# as "secondary"; a 27B Q4_K_M of ~19 GB fits the 3090 alone, so the profile is the 3090 only)
RTX3090_KIMONO = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=64)

# RTX 3070 8 GB (8192 MiB), i9-10900KF, 31.9 GB RAM, Windows (OS 10.0.26200)
RTX3070_UA = gpu_machine("NVIDIA GeForce RTX 3070", 8, ram_gib=32)

# RTX 3080 Laptop GPU 16 GB under WSL2; RAM not stated (32 GB assumed); the bandwidth table reads the
# 3080 Laptop at its 12 Gbps variant (384 GB/s)
RTX3080L_TENET = gpu_machine("NVIDIA GeForce RTX 3080 Laptop GPU", 16, ram_gib=32)

# RTX 5070 12 GB on a Minisforum BD775i SE (Ryzen 7 7745HX), 32 GB DDR5 SODIMM, Windows 11 IoT Enterprise LTSC
RTX5070_BD775I = gpu_machine("NVIDIA GeForce RTX 5070", 12, ram_gib=32)

# RTX 5060 Laptop GPU 8 GB (8151 MiB), 31.4 GB RAM, Windows 11 Pro 10.0.26200
RTX5060L_KR = gpu_machine("NVIDIA GeForce RTX 5060 Laptop GPU", 8, ram_gib=31.4)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "kimono-oyaji-3090-ollama",
        "https://kimono-oyaji.com/en/gemma4-vs-qwen35/ ('Gemma 4 vs Qwen 3.6: Which Should You Run on Your "
        "GPU?', English edition; read in stored excerpts, section 'Generation speed across all models')",
        "home PC: RTX 3090 24 GB (main GPU) and RTX 3060 12 GB (secondary GPU) in the same machine, Ryzen 9 "
        "3950X, 64 GB RAM; OS not stated",
        "Ollama, version not stated ('Measured June 2026'; ≥ 0.30 and the llama-server era assumed from the "
        "date, as the entry rules say for June 2026 onwards), Q4_K_M throughout",
        False,
        "the speed chart's 'Qwen 3.6 27B local 39 tok/s' (Qwen3.6 27B, Ollama's Q4_K_M, stands for "
        "qwen3.5:27b); the article says it 'dropped' the models onto the RTX 3090, and the ~19 GB the 27B "
        "needs fits that card alone, so the run is taken as the 3090 alone (Ollama keeps a model on one GPU "
        "when it fits) — not shown in the source; prompt and output lengths not stated (depth left to the "
        "engine); context not stated (Ollama's default for 24–48 GB of VRAM, 32K, assumed: the 3090 alone or "
        "both cards give the same tier); KV f16 assumed; thinking mode of the speed run not stated. Left out: "
        "Qwen 3.6 35B-A3B at 97 tok/s (23 GB file, ~25 GB needed: it probably spans the 3090 and the 3060, a "
        "mismatched pair), and Qwen 3.5 9B, whose speed was not in the stored excerpts",
    ),
    (
        "ua-nightbench-rtx3070",
        "a Ukrainian night-run report of a home model benchmark in a public GitHub repository ('OWNER SUMMARY — "
        "night_20260921-155146' with its 'АНАЛІЗ ПРОГОНУ' companion, section '4. Швидкість на цьому ПК'); "
        "address of the files not known",
        "NVIDIA GeForce RTX 3070 8 GB (8192 MiB, 220 W, driver 616.92), Intel Core i9-10900KF, 31.9 GB RAM, "
        "Windows (OS 10.0.26200)",
        "Ollama 0.34.2 (llama-server era), run 2026-09-21",
        False,
        "the speed table's 'gen tok/s' for qwen3.5:4b (95.8; Ollama's default tag, Q4_K_M assumed), read as "
        "Ollama's eval rate (the table gives prompt tok/s and TTFT separately); offload ratio 1.000 "
        "(fully on the GPU), entered as a placement row too; the PERF test's prompt and output lengths are not "
        "stated (depth left to the engine); context not stated (Ollama's default for a card under 24 GB, 4096, "
        "assumed); KV f16 assumed; the other 23 models are not Qwen3.5",
    ),
    (
        "tenet-rtx3080laptop-ollama",
        "a research README of the 'Tenet' memory-system project in a public GitHub repository (section "
        "'6.3 Local 16GB serving tier (RTX 3080 Laptop, ollama 0.31.1)'); address of the file not known",
        "NVIDIA RTX 3080 Laptop GPU 16 GB, WSL2; CPU and RAM not stated (32 GB assumed)",
        "Ollama 0.31.1 (llama-server era)",
        False,
        "the serving-ladder table's qwen3.5:9b-q8_0 row: Q8_0, 9.24 GB resident (100% GPU, from /api/ps), "
        "41.4 gen tok/s, fixed 150-word prompt, num_predict=220, temperature 0 (prompt length in tokens not "
        "stated, so depth left to the engine); context not stated (Ollama's default for a card under 24 GB, "
        "4096, assumed); KV f16 assumed (the q8_0 KV setting is only recommended for a 32B attempt); "
        "qwen2.5:14b is not Qwen3.5",
    ),
    (
        "bd775i-rtx5070-ollama",
        "a 'Local LLM Benchmarks' README in a public GitHub repository (RTX 5070 12GB, Minisforum BD775i SE; "
        "two stored versions of the file, one with an LFM2 row added); address of the file not known",
        "NVIDIA GeForce RTX 5070 12 GB (driver 610.88), AMD Ryzen 7 7745HX on a Minisforum BD775i SE, 32 GB "
        "DDR5 SODIMM, Windows 11 IoT Enterprise LTSC",
        "Ollama 0.32.14 (llama-server era), CUDA 12.8",
        False,
        "`ollama run --think=false --verbose` with the prompt 'Explain how a transistor works in about 300 "
        "words.' at a stated 4096-token context; prompt token count not stated (depth left to the engine); "
        "Qwen3.5 9B Q4_K_M 5.5 GB 100% GPU: 104.58 tok/s over 523 tokens in the version with the LFM2 row, "
        "100.69 tok/s over 418 tokens in the other (one configuration run twice, entered once as the mean by the lead); Qwen3.6 35B-A3B Q4_K_M (stands "
        "for qwen3.5:35b-a3b) 23 GB at 41% GPU / 59% CPU: 51.86 tok/s (same figure in both versions, entered "
        "once); the GPU/CPU shares are entered as placement rows; KV f16 assumed; Qwen3.8 27B, Gemma 4 and "
        "LFM2 are other models",
    ),
    (
        "kr-walkthrough-rtx5060laptop",
        "a Korean manual-run log ('수동 실행 기록', walkthrough steps 0–7, started 2026-09-17) of a local-LLM "
        "course assignment in a public GitHub repository; address of the file not known",
        "NVIDIA GeForce RTX 5060 Laptop GPU 8 GB (8151 MiB), 31.4 GB RAM, Windows 11 Pro 10.0.26200; CPU not stated",
        "Ollama 0.34.0 (llama-server era); ollama Python package 0.6.2",
        False,
        "qwen3.5:9b (digest 6488c96fa5fa, Q4_K_M as the log states), all runs started with the model unloaded "
        "(`ollama stop`): step 1 CLI `--verbose` with `--think=false` (25 prompt, 489 generated tokens, 45.32 "
        "tok/s) and with thinking on (23 prompt, 2,170 generated, 52.87 tok/s), `ollama ps` 100% GPU at 4096; "
        "step 4 API (15 prompt, 25 generated, 56.9 tok/s); step 5 API with num_ctx 4096 (59.8 tok/s, 5,236 "
        "MiB, 100% GPU) and 8192 (53.0 tok/s, 88% GPU / CPU split, size_vram 5,251 of 5,987 MiB), prompt and "
        "output lengths of step 5 not stated (depth left to the engine); step 7 API with the system prompt "
        "and policy document (979 prompt, 60 generated, 58.84 tok/s); depth = prompt + half the generated "
        "tokens where both are stated; think=False on the API runs; the lead kept the depth sweep's shortest (28) and longest (1,108) points and the context sweep's two, by the entry rule, so the runs at depth 270 and 1,009 are left out; KV f16 assumed; step 3's rates are "
        "wall-clock (load excluded but prompt processing included), not entered; gemma4 is another model",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 3090 24 GB (+ RTX 3060 in the PC), Ollama (June 2026), 32K (assumed)",
        "kimono-oyaji-3090-ollama",
        "qwen3.5:27b",
        RTX3090_KIMONO,
        32768,
        39.0,
        note="chart value; Ollama version inferred from the date; context, KV and depth not stated",
        runner="ollama",
    ),
    SpeedCase(
        "4B Q4_K_M, RTX 3070 8 GB, Ollama 0.34.2, 4K (assumed)",
        "ua-nightbench-rtx3070",
        "qwen3.5:4b",
        RTX3070_UA,
        4096,
        95.8,
        note="harness gen tok/s; offload ratio 1.000; prompt length and context not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q8_0, RTX 3080 Laptop 16 GB (WSL2), Ollama 0.31.1, 4K (assumed)",
        "tenet-rtx3080laptop-ollama",
        "qwen3.5:9b-q8_0",
        RTX3080L_TENET,
        4096,
        41.4,
        note="150-word prompt, num_predict 220; 9.24 GB resident, 100% GPU; context not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5070 12 GB, Ollama 0.32.14, 4K (mean of two runs)",
        "bd775i-rtx5070-ollama",
        "qwen3.5:9b",
        RTX5070_BD775I,
        4096,
        (104.58 + 100.69) / 2,
        note="--think=false --verbose; one configuration run twice (523 and 418 generated tokens, the file's two "
        "versions), entered once as the mean; prompt token count not stated",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5070 12 GB, Ollama 0.32.14, 4K, 41% GPU",
        "bd775i-rtx5070-ollama",
        "qwen3.5:35b-a3b",
        RTX5070_BD775I,
        4096,
        51.86,
        note="--think=false --verbose; ollama ps 41% GPU / 59% CPU; 491 generated tokens",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, 4K, CLI thinking on",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        4096,
        52.87,
        note="ollama run --verbose, thinking on: 23 prompt + 2,170 generated tokens; 100% GPU",
        depth=1108,
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, 4K, API short answer",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        4096,
        56.9,
        note="API, think=False: 15 prompt + 25 generated tokens",
        depth=28,
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, num_ctx 4096",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        4096,
        59.8,
        note="context sweep's short point: 5,236 MiB, 100% GPU; prompt and output lengths not stated",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, num_ctx 8192, 88% GPU",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        8192,
        53.0,
        note="context sweep's long point: 88% GPU / CPU split (5,251 of 5,987 MiB on the GPU)",
        runner="ollama",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "4B Q4_K_M, RTX 3070 8 GB, Ollama 0.34.2, 4K (assumed)",
        "ua-nightbench-rtx3070",
        "qwen3.5:4b",
        RTX3070_UA,
        4096,
        "gpu",
        1.0,
        note="harness offload ratio 1.000; context assumed (Ollama's default under 24 GB)",
    ),
    PlacementCase(
        "9B Q8_0, RTX 3080 Laptop 16 GB (WSL2), Ollama 0.31.1, 4K (assumed)",
        "tenet-rtx3080laptop-ollama",
        "qwen3.5:9b-q8_0",
        RTX3080L_TENET,
        4096,
        "gpu",
        1.0,
        note="/api/ps: 9.24 GB, 100% GPU; context assumed; RAM assumed",
    ),
    PlacementCase(
        "9B Q4_K_M, RTX 5070 12 GB, Ollama 0.32.14, 4K",
        "bd775i-rtx5070-ollama",
        "qwen3.5:9b",
        RTX5070_BD775I,
        4096,
        "gpu",
        1.0,
        note="Ollama reports 5.5 GB, 100% GPU at the stated 4096 context",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5070 12 GB, Ollama 0.32.14, 4K",
        "bd775i-rtx5070-ollama",
        "qwen3.5:35b-a3b",
        RTX5070_BD775I,
        4096,
        "partial",
        0.41,
        note="Ollama reports 23 GB, 41% GPU / 59% CPU at the stated 4096 context",
    ),
    PlacementCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, 4K",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        4096,
        "gpu",
        1.0,
        note="ollama ps: 5.5 GB, 100% GPU, context 4096; API size_vram 5,236 MiB = size",
    ),
    PlacementCase(
        "9B Q4_K_M, RTX 5060 Laptop 8 GB, Ollama 0.34.0, num_ctx 8192",
        "kr-walkthrough-rtx5060laptop",
        "qwen3.5:9b",
        RTX5060L_KR,
        8192,
        "partial",
        0.88,
        note="API: size_vram 5,251 of size 5,987 MiB (0.877), reported as 88% GPU / CPU split",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
