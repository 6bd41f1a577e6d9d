"""Tenth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round10/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import GB10, M4, MemoryCase, PlacementCase, SpeedCase

# Apple M4 Max (12P+4E CPU, so the 40-core GPU and 546 GB/s bus), 128 GB as the research log states
M4MAX_128 = apple("Apple M4 Max", 128, 115)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "m4max-kernel-research-log",
        "stored copy in the public GitHub index, repository not identified (no address shown): a Markdown "
        "'Research log' of a CPU-kernel project (SME2/NEON GEMM and int4 GEMV experiments in Rust), entry "
        "'2026-07-02 — E7: Ollama/llama.cpp baseline benchmarks (scripts/bench_ollama.sh)'",
        "Apple M4 Max (12P+4E CPU cores, 546 GB/s chip spec as the log states), 128 GB unified, macOS",
        "Ollama (version not stated; >= 0.30 inferred from the date, July 2026), its API driven by the "
        "project's bench_ollama.sh (gpu mode: Ollama's default placement; cpu mode: num_gpu 0)",
        False,
        "the baselines a kernel-research log measured before writing its own decode kernels; qwen3.5:35b-a3b "
        "(Ollama's default tag, Q4_K_M assumed) in gpu mode: 45.2 tok/s decode over 96 tokens (temp 0, "
        "keep_alive 0); the prompt is not stated (depth left unset); context not stated (Ollama's default for "
        ">= 48 GiB, 256K, assumed); KV f16 assumed; the cpu-mode row (27.5 tok/s) forces the model off the "
        "GPU with num_gpu 0 and is left out, as are gpt-oss:20b and deepseek-r1:32b (other models) and the "
        "project's own kernels (not llama.cpp); placement not logged. This is the 'M4 Max 128 GB "
        "kernel-development log' passed between round-9 collectors",
    ),
    (
        "hive-macmini-m4-model-selection",
        "stored copy in the public GitHub index, repository not identified (no address shown): the status "
        "document of 'Hive' (a Rust master/worker agent fleet: hive-core, hive-worker, hive-web, hive-cli), "
        "section 'Local model selection (measured, not assumed)'",
        "Apple Mac Mini M4, 16 GB unified (~11 GB GPU-wired ceiling as the document states), macOS",
        "Ollama (version not stated; >= 0.30 inferred from the date, September 2026), /api/chat with think: false",
        False,
        "the master's local-model benchmark on the project's three jobs (complexity classification, JSON plan "
        "generation, Tier-2 safety review): 'Gen' column qwen3.5:9b 17.5 tok/s and qwen3.5:4b 28.0 tok/s "
        "(Ollama's default tags, 6.6 GB and 3.4 GB, Q4_K_M), thinking off; number of runs per figure not "
        "stated (3 plans each, from the 'JSON valid 3/3' column); prompt and output lengths not stated "
        "(depth left unset); context not stated (Ollama's default for a GPU under 24 GiB, 4096, assumed); "
        "KV f16 assumed; qwen2.5:14b and gemma4:12b rows are other models; the thinking-on latency (18.1 s) "
        "has no rate. This is the Mac Mini M4 16 GB 'Hive' notes lead passed between round-9 collectors",
    ),
    (
        "lexa-dgxspark-agents-models",
        "stored copy in the public GitHub index, repository not identified (no address shown): a French design "
        "note 'Système multi-agents Lexa' (version 0.1, 2026-04-13), table 'Modèles disponibles sur le DGX "
        "Spark'",
        "NVIDIA DGX Spark (GB10, aarch64), 128 GB unified memory as the DGX Spark ships; DGX OS",
        "Ollama (version not stated; 0.17-0.29 engine era inferred from the date, April 2026)",
        False,
        "a Swiss-accounting agent system's model table with a 'Vitesse' column stated approximately: "
        "qwen3.5:27b-q8_0 (29 GB) '~7 tok/s' and qwen3.5:27b (Q4_K_M, 17 GB) '~11 tok/s'; how and over what "
        "prompt the speeds were measured is not stated (depth left unset); context not stated (Ollama's "
        "default for >= 48 GiB, 256K, assumed); KV f16 assumed; left out: the 'comptable-suisse' rows (the "
        "same two Ollama files with a system prompt, same speeds, so repeats), 'qwen3.5:9b-optimized' (a "
        "custom 10 GB variant whose quant is not stated) and the Qwen3-VL/OCR/embedding models (not Qwen3.5); "
        "placement not shown",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # m4max-kernel-research-log
    SpeedCase(
        "35B-A3B Q4_K_M, M4 Max 128 GB, Ollama (>= 0.30 inferred), 96-token decode",
        "m4max-kernel-research-log",
        "qwen3.5:35b-a3b",
        M4MAX_128,
        262144,
        45.2,
        note="version inferred from the date; context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
    # hive-macmini-m4-model-selection
    SpeedCase(
        "9B Q4_K_M, Mac Mini M4 16 GB, Ollama (>= 0.30 inferred), thinking off",
        "hive-macmini-m4-model-selection",
        "qwen3.5:9b",
        M4,
        4096,
        17.5,
        note="version inferred from the date; context assumed (Ollama's default)",
        runner="ollama",
    ),
    SpeedCase(
        "4B Q4_K_M, Mac Mini M4 16 GB, Ollama (>= 0.30 inferred), thinking off",
        "hive-macmini-m4-model-selection",
        "qwen3.5:4b",
        M4,
        4096,
        28.0,
        note="version inferred from the date; context assumed (Ollama's default)",
        runner="ollama",
    ),
    # lexa-dgxspark-agents-models
    SpeedCase(
        "27B Q8_0, GB10 128 GB, Ollama (engine era inferred), stated as ~7",
        "lexa-dgxspark-agents-models",
        "qwen3.5:27b-q8_0",
        GB10,
        262144,
        7.0,
        regime="ollama-engine",
        note="approximate as stated; engine era inferred; context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
    SpeedCase(
        "27B Q4_K_M, GB10 128 GB, Ollama (engine era inferred), stated as ~11",
        "lexa-dgxspark-agents-models",
        "qwen3.5:27b",
        GB10,
        262144,
        11.0,
        regime="ollama-engine",
        note="approximate as stated; engine era inferred; context assumed (Ollama's default for >= 48 GiB)",
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
