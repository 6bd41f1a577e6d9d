"""Fourth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round4/__init__.py.
Qwen3.6 tags stand for the Qwen3.5 tag of the same architecture and size. Ollama 0.17–0.29 (its own
engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default regime.
"""

from __future__ import annotations

from ..measurements_public import GB10, RTX3090, RTX5090, RX7900XTX, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

L40S = gpu_machine("NVIDIA L40S", 48)
RTX5070_32 = gpu_machine("NVIDIA GeForce RTX 5070", 12, ram_gib=32)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "bric-3090",
        "https://bric.pe.kr/blog/ollama-num-ctx-kv-cache-trap-tokens-per-second",
        "RTX 3090 24 GB (one card); RAM ? (64 GB assumed)",
        "Ollama 0.24.0 (engine era)",
        False,
        "qwen3.6:27b (same architecture as qwen3.5:27b), Ollama's Q4 tag (q4_K_M); a num_ctx sweep "
        "8192–262144: only its shortest and longest point; ~160 tokens generated, prompt length not "
        "stated (depth left to the engine); placement and loaded size from ollama ps as the post "
        "tabulates it; RAM not stated. The same author's later post (bric.pe.kr/blog/"
        "qwen3-27b-rtx-3090-llama-cpp-mtp-doubling-tokens) repeats the 8192 run (35.7 tok/s) on the "
        "same machine and is not entered separately",
    ),
    (
        "ollama-pr16031-5090",
        "https://github.com/ollama/ollama/pull/16031 (MarkWard0110's '5090 only' comment, 2026-05-30)",
        "RTX 5090 32 GB (run with the 5090 alone; the machine also holds a 3090); RAM ?",
        "Ollama 0.24 (engine era) and 0.30 rc31 (llama-server)",
        False,
        "another commenter than the PR's M5 Max figures (sharki13, source ollama-pr16031); 'mean "
        "tokens/sec' of the commenter's benchmark, taken as the decode rate; contexts as the table "
        "states them (Ollama chose them per version); only the two Qwen rows quoted in the comment's "
        "'biggest improvements' list (the full table is cut off in the stored copy); placement not "
        "shown; RAM not stated (64 GB assumed)",
    ),
    (
        "ollama-14861-l40s",
        "https://github.com/ollama/ollama/issues/14861 (baptistejamin's comment, 2026-04-19)",
        "NVIDIA L40S 48 GB; RAM ?",
        "Ollama 0.21.0 (engine era); llama.cpp b8833 (server-cuda image)",
        False,
        "qwen3.6 35B-A3B (same architecture as qwen3.5:35b-a3b), 'same Q4' on both: Ollama's "
        "q4_K_M assumed; ~4000 prompt + 200 generated tokens per request (depth 4100), requests one "
        "at a time (TTFT + 200 / rate matches the stated total time); context not stated (32K, "
        "Ollama's default for a 48 GB card, assumed, for both runs); the same comment's llama.cpp "
        "figure (same Q4 quant: a Q4_K_M GGUF assumed) is entered too, since a source lives in one "
        "file; RAM not stated",
    ),
    (
        "runbook-5070",
        "a runbook in a public repository (quantmind-v2, docs runbook 03: Ollama install + qwen3.5:9b, "
        "RTX 5070 stress test of 2026-05-06); address of the file not known",
        "RTX 5070 12 GB, 32 GB RAM, Windows 11",
        "Ollama (version not stated; engine era inferred from the date, May 2026)",
        False,
        "qwen3.5:9b (q4_K_M, Ollama's default); ollama run --verbose: 343 tokens at 73.36 tok/s "
        "after a one-sentence prompt (~20 tokens estimated, so depth ~190); context not stated "
        "(4K, Ollama's default under 24 GB, assumed); nvidia-smi peak 9,592 MiB of 12.2 GB, so on "
        "the GPU, but ollama ps not shown (no placement row)",
    ),
    (
        "fridman-7900xtx",
        "a blog post marked draft in a public repository (Rostyslav Fridman, 'I can run AI models on "
        "my gaming PC now', dated 2026-09-02); address of the file not known",
        "Radeon RX 7900 XTX 24 GB, ROCm; RAM ?",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, September 2026)",
        False,
        "qwen3.6:35b-a3b (same architecture as qwen3.5:35b-a3b, q4_K_M default tag); raw "
        "ollama run --verbose block: prompt 17 tokens, 1,556 generated at 63.33 tok/s (depth 795); "
        "context not stated (32K assumed); placement not shown; RAM not stated (64 GB assumed)",
    ),
    (
        "ollama-pr16031-gx10",
        "https://github.com/ollama/ollama/pull/16031 (phr0gz's ASUS Ascent GX10 comment, 2026-05-27)",
        "ASUS Ascent GX10: NVIDIA GB10, 128 GB unified, Docker",
        "Ollama 0.24.0 (engine era) and 0.30.0 release candidates rc21–rc27 (llama-server)",
        False,
        "a third commenter in the PR (not sharki13's M5 Max, source ollama-pr16031, nor MarkWard0110's "
        "5090); qwen3.6:35b-a3b-q4_K_M and qwen3.6:27b-q4_K_M (same architecture as the qwen3.5 tags); "
        "response tok/s = eval count / eval duration (checked against the table); 215 prompt tokens and "
        "thousands of (thinking) tokens generated, so depth = 215 + half the eval count; a version "
        "list: only its oldest (0.24.0) and newest fully shown release candidate are entered (35B-A3B: "
        "rc27; 27B: rc21, the rc24 row is cut off in the stored copy); context not stated (256K, "
        "Ollama's default above 48 GB, assumed); unified memory, so the model is on the GPU "
        "(placement not logged). A unified machine: entered here because the comment is an Ollama "
        "version comparison",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B Q4_K_M, RTX 3090, Ollama 0.24, num_ctx 8192 (100% GPU)",
        "bric-3090",
        "qwen3.5:27b",
        RTX3090,
        8192,
        35.9,
        "ollama-engine",
        "qwen3.6:27b; ollama ps 22.1 GB, 100% GPU",
        runner="ollama",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 3090, Ollama 0.24, num_ctx 262144 (55% GPU)",
        "bric-3090",
        "qwen3.5:27b",
        RTX3090,
        262144,
        4.2,
        "ollama-engine",
        "qwen3.6:27b; ollama ps 42.4 GB loaded, 23.5 GB on the GPU",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5090, Ollama 0.24, 193,538 ctx",
        "ollama-pr16031-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        193538,
        74.5,
        "ollama-engine",
        "qwen3.5:35b-a3b-q4_K_M; 74.524",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5090, Ollama 0.30 rc31, 262,144 ctx",
        "ollama-pr16031-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        262144,
        222.7,
        note="qwen3.5:35b-a3b-q4_K_M",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090, Ollama 0.24, 191,488 ctx",
        "ollama-pr16031-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        191488,
        149.8,
        "ollama-engine",
        "qwen3.6:35b-a3b-q4_K_M",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090, Ollama 0.30 rc31, 262,144 ctx",
        "ollama-pr16031-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        262144,
        226.3,
        note="qwen3.6:35b-a3b-q4_K_M",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, L40S, Ollama 0.21, ~4K prompt",
        "ollama-14861-l40s",
        "qwen3.5:35b-a3b",
        L40S,
        32768,
        115.5,
        "ollama-engine",
        "qwen3.6 35B-A3B; context assumed",
        depth=4100,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, L40S, llama.cpp b8833, ~4K prompt",
        "ollama-14861-l40s",
        "qwen3.5:35b-a3b",
        L40S,
        32768,
        144.7,
        note="qwen3.6 35B-A3B; quant and context assumed",
        depth=4100,
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5070, Ollama (engine era, inferred)",
        "runbook-5070",
        "qwen3.5:9b",
        RTX5070_32,
        4096,
        73.36,
        "ollama-engine",
        "343 tokens generated; context assumed",
        depth=190,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RX 7900 XTX, Ollama (≥ 0.30 inferred)",
        "fridman-7900xtx",
        "qwen3.5:35b-a3b",
        RX7900XTX,
        32768,
        63.33,
        note="qwen3.6:35b-a3b; 17 + 1,556 tokens; context assumed",
        depth=795,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, GB10, Ollama 0.24.0",
        "ollama-pr16031-gx10",
        "qwen3.5:35b-a3b",
        GB10,
        262144,
        27.31,
        "ollama-engine",
        "qwen3.6:35b-a3b-q4_K_M; 215 + 7,019 tokens; context assumed",
        depth=215 + 7019 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, GB10, Ollama 0.30.0-rc27",
        "ollama-pr16031-gx10",
        "qwen3.5:35b-a3b",
        GB10,
        262144,
        24.42,
        note="qwen3.6:35b-a3b-q4_K_M; 215 + 6,311 tokens; context assumed",
        depth=215 + 6311 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, GB10, Ollama 0.24.0",
        "ollama-pr16031-gx10",
        "qwen3.5:27b",
        GB10,
        262144,
        7.55,
        "ollama-engine",
        "qwen3.6:27b-q4_K_M; 215 + 6,181 tokens; context assumed",
        depth=215 + 6181 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, GB10, Ollama 0.30.0-rc21",
        "ollama-pr16031-gx10",
        "qwen3.5:27b",
        GB10,
        262144,
        8.24,
        note="qwen3.6:27b-q4_K_M; 215 + 5,455 tokens; context assumed",
        depth=215 + 5455 // 2,
        runner="ollama",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "27B Q4_K_M, RTX 3090, Ollama 0.24, num_ctx 8192",
        "bric-3090",
        "qwen3.5:27b",
        RTX3090,
        8192,
        "gpu",
        1.0,
        "ollama-engine",
        "ollama ps: 22.1 GB, 100% GPU",
    ),
    PlacementCase(
        "27B Q4_K_M, RTX 3090, Ollama 0.24, num_ctx 262144",
        "bric-3090",
        "qwen3.5:27b",
        RTX3090,
        262144,
        "partial",
        23.5 / 42.4,
        "ollama-engine",
        "ollama ps: 42.4 GB loaded, 23.5 GB on the GPU (55%)",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
