"""Sixth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round6/__init__.py.
Qwen3.6 tags stand for the Qwen3.5 tag of the same architecture and size. Ollama 0.17–0.29 (its own
engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default regime.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

RTX4080_32 = gpu_machine("NVIDIA GeForce RTX 4080", 16, ram_gib=32)
# ASUS P8Z77V-LV (Intel Z77): an LGA1155 CPU with dual-channel DDR3; CPU model, core count, RAM size and speed
# are not stated (a 4-core Ivy Bridge with AVX but no AVX2, 16 GB DDR3-1600 assumed).
RTX4060TI_Z77 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 4060 Ti", 16, ram_gib=16),
    name="Intel LGA1155 CPU (model not stated)",
    cores=4,
    memory_type="DDR3",
    mts=1600,
    flags=("avx", "f16c"),
)
GTX1070_Z77 = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1070", 8, ram_gib=16),
    name="Intel LGA1155 CPU (model not stated)",
    cores=4,
    memory_type="DDR3",
    mts=1600,
    flags=("avx", "f16c"),
)
A100_40 = gpu_machine("NVIDIA A100-SXM4-40GB", 40, ram_gib=64)
RTX5090_64 = gpu_machine("NVIDIA GeForce RTX 5090", 32, ram_gib=64)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "psionic-4080",
        "https://github.com/OpenAgentsInc/psionic/tree/main/fixtures/qwen35/benchmarks/reports/"
        "qwen35_ollama_matrix_20260328_174935_archlinux- (one_page_summary.md and rows/*_ollama.json)",
        "RTX 4080 16 GB (16,376 MiB, 320 W power limit), Arch Linux host; CPU and RAM ? (32 GB assumed)",
        "Ollama 0.17.5 (engine era), /api on 127.0.0.1:11434",
        False,
        "the Ollama side of the repository's Psionic-versus-Ollama matrix of 2026-03-28 (Psionic, the repository's "
        "own CUDA runtime, is not entered); the 'sampled_topk40' rows, the only length-matched ones: temperature "
        "0.8, top_k 40, top_p 0.9, 128 generated tokens in each of 3 repeats, mean decode tok/s from Ollama's "
        "eval counts and durations; prompt 51 tokens (the rendered chat with an empty think block), so depth "
        "51 + 64 = 115; tags qwen3.5:0.8b (the Q8_0 file), qwen3.5:2b, qwen3.5:4b, qwen3.5:9b (Q4_K_M), Ollama's "
        "defaults; context not stated (4K, Ollama's default under 24 GB, assumed); the greedy and top_k 100 rows "
        "of the same matrix stop at EOS after 20–42 tokens and the later reruns on the same host repeat the "
        "same setup (Ollama 83.8–98.0 tok/s for 9B), so they are not entered; placement not shown",
    ),
    (
        "alexcode-4060ti",
        "a notes file in a public GitHub repository, 'Ollama Models for 16GB VRAM' ('Results with GeForce RTX "
        "4060 Ti 16GB'); three stored versions read: the 152K and 64K rows are in the two later ones, the 8K "
        "Q8_0 row only in the latest, the earliest has only the 'Old tests' rows; address of the file not known",
        "RTX 4060 Ti 16 GB in PCI slot 2 of an ASUS P8Z77V-LV (Intel Z77, so an LGA1155 CPU with DDR3), GPU "
        "undervolted (MSI Afterburner flat curve at 900 mV); CPU, RAM and OS not stated (4 cores, 16 GB "
        "DDR3-1600 assumed)",
        "Ollama (version not stated; ≥ 0.30 assumed, see the note)",
        False,
        "the results table: Size, Ctx and GPU columns as `ollama ps` prints them, Tk/s taken as the eval rate of "
        "`ollama run --verbose` (the file's test script runs `ollama run <model> --verbose <prompt>` then "
        "`ollama ps`), one F# bug-fix prompt (the script's example output shows 65 prompt tokens for another "
        "model; generated tokens not given, so depth left to the engine); the '-ALEX_CODE-<N>k' tags are "
        "Modelfiles that set num_ctx (N × 1024). Entered: qwen3.5:9b-q4_K_M at 152K (39 tok/s, 100 % GPU) and "
        "qwen3.5:9b-q8_0 at 8K and 64K (26 tok/s both, 100 % GPU), the shortest and longest of its contexts. "
        "Not entered: the 'Old tests' table (an earlier undated session: qwen3.5:9b-q4_K_M-12k 38 tok/s), the "
        "fine-tunes pdurugyan/qwen3.5-9b-deepseek-v4-flash Q4_K_M and Qwen3.5-9b-Sushi-Coder-RL Q4_K_M and the "
        "qwen3.5-unsloth GGUFs (file sizes not stated). The file is undated and names no Ollama version: its "
        "Gemma 4 and Granite 4.1 tags place it after April 2026, and its stored copies sit among files of "
        "August–September 2026, so Ollama ≥ 0.30 (llama-server) is assumed. Same author and host board as "
        "alexcode-1070 (another file, another GPU)",
    ),
    (
        "alexcode-1070",
        "a notes file in a public GitHub repository, 'Ollama Models for 8GB VRAM' ('GeForce GTX 1070 8GB on PCI "
        "slot 2 of ASUS P8Z77V-LV'); address of the file not known",
        "GTX 1070 8 GB on an ASUS P8Z77V-LV (Intel Z77: an LGA1155 CPU with DDR3); CPU, RAM and OS not stated "
        "(4 cores, 16 GB DDR3-1600 assumed)",
        "Ollama (version not stated; ≥ 0.30 assumed as for alexcode-4060ti)",
        False,
        "the results table (GB, GPU %, Context and Tk/s columns as `ollama ps` and `ollama run --verbose` print "
        "them, as in alexcode-4060ti): qwen3.5:9b-q4_K_M at 4,096 (8.8 GB, 72 % GPU, 11 tok/s) and its "
        "'-12k' Modelfile at 12,288 (9.1 GB, 73 % GPU, 11 tok/s), so both split between CPU and GPU; prompt "
        "as in alexcode-4060ti (depth left to the engine). Not entered: Qwen3.5-9b-Sushi-Coder-RL Q4_K_M (a "
        "fine-tune, file size not stated), qwen3.5-unsloth:9b-18k (quant not stated) and the failed "
        "qwen3.5:9b-gguf row; the file's prose about qwen3.5:9b (~55 t/s) is not a measurement. Ollama "
        "version and date not stated (≥ 0.30 assumed, as in alexcode-4060ti); the same author and host board "
        "as alexcode-4060ti, with another GPU",
    ),
    (
        "thesis-a100",
        "a thesis fact sheet in a public GitHub repository (Spanish: 'Hechos verificados — la única fuente de "
        "cifras para el Capítulo III', verified on 2026-08-12 against commit f9deedb); address of the file not "
        "known",
        "NVIDIA A100-SXM4-40GB (a preemptible cloud instance), driver 580.159.03 / CUDA 13.0; CPU and RAM ? "
        "(64 GB assumed)",
        "Ollama 0.32.6 (llama-server)",
        False,
        "qwen3.6:27b-q4_K_M (same architecture as qwen3.5:27b; 17,420,432,739 bytes, digest a50eda8ed977…), "
        "context 16,384 per request, flash attention on, KV cache q8_0, parallel 1, model kept resident; the "
        "sheet's list of result figures gives 'MBU 34.90 %; TPOT 24.4802 ms; decodificación 40.849 tok/s' from "
        "the campaign's direct model-server path (Ollama's own counts and durations); prompt lengths not "
        "stated (depth left to the engine); runs capped at 200 output tokens in the grammar ablation, and "
        "whether the 40.849 figure includes the grammar-constrained arm is not stated (the sheet puts the "
        "grammar's cost at 0.332 ms/token, under 1.5 %); placement not shown",
    ),
    (
        "llmbench-5090-ptbr",
        "a results catalogue in a public GitHub repository (Portuguese: a home lab's llm-bench, 'Modelos medidos e "
        "limites de uso', inventory up to the 2026-09-12 handoff, with its README); address of the file not known",
        "RTX 5090 32 GB in the lab's 'Ryzen9' server (CPU model not stated), Ollama served from WSL2 until "
        "2026-09-04 afternoon, then native Windows; RAM ? (64 GB assumed)",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, September 2026; cuda_v12 and cuda_v13 runners)",
        False,
        "qwen3.5:9b (Ollama's default tag, Q4_K_M) in two experiments the catalogue keeps apart: 'bench' 162.23 "
        "tok/s (bench.py: 3 fixed prompts of ~26 tokens × 2 runs against /api/generate, eval_count / "
        "eval_duration; the first run on the new card, 2026-09-04 04:30, while the server still ran under "
        "WSL2, which the author measured at ~14 % slower decode than native Windows) and 'chat' 183.2 tok/s "
        "(mean of the canonical support round, 'Fase 0': the production system prompt plus 18 gold-set cases, "
        "think=false). Generated tokens and the chat prompt lengths not stated (depth left to the engine); "
        "context not stated (32K, Ollama's default for 24–48 GB of VRAM, assumed); KV f16 assumed (the "
        "catalogue's q8_0 KV state came after these runs); the Qwen3.8 and non-Qwen rows are not entered",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "0.8B Q8_0, RTX 4080, Ollama 0.17.5, 4K (assumed)",
        "psionic-4080",
        "qwen3.5:0.8b",
        RTX4080_32,
        4096,
        336.91,
        "ollama-engine",
        "sampled top_k 40, 128 tokens, mean of 3; context assumed",
        depth=51 + 128 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "2B, RTX 4080, Ollama 0.17.5, 4K (assumed)",
        "psionic-4080",
        "qwen3.5:2b",
        RTX4080_32,
        4096,
        206.78,
        "ollama-engine",
        "sampled top_k 40, 128 tokens, mean of 3; context assumed",
        depth=51 + 128 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "4B, RTX 4080, Ollama 0.17.5, 4K (assumed)",
        "psionic-4080",
        "qwen3.5:4b",
        RTX4080_32,
        4096,
        144.01,
        "ollama-engine",
        "sampled top_k 40, 128 tokens, mean of 3; context assumed",
        depth=51 + 128 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4080, Ollama 0.17.5, 4K (assumed)",
        "psionic-4080",
        "qwen3.5:9b",
        RTX4080_32,
        4096,
        96.32,
        "ollama-engine",
        "sampled top_k 40, 128 tokens, mean of 3; context assumed",
        depth=51 + 128 // 2,
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4060 Ti 16 GB, Ollama, 152K",
        "alexcode-4060ti",
        "qwen3.5:9b-q4_K_M",
        RTX4060TI_Z77,
        152 * 1024,
        39,
        note="qwen3.5:9b-q4_K_M-ALEX_CODE-152k; 100 % GPU; Ollama version assumed ≥ 0.30",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q8_0, RTX 4060 Ti 16 GB, Ollama, 8K",
        "alexcode-4060ti",
        "qwen3.5:9b-q8_0",
        RTX4060TI_Z77,
        8192,
        26,
        note="qwen3.5:9b-q8_0; 100 % GPU; Ollama version assumed ≥ 0.30",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q8_0, RTX 4060 Ti 16 GB, Ollama, 64K",
        "alexcode-4060ti",
        "qwen3.5:9b-q8_0",
        RTX4060TI_Z77,
        65536,
        26,
        note="qwen3.5:9b-q8_0-ALEX_CODE-64k; 100 % GPU; Ollama version assumed ≥ 0.30",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, GTX 1070 8 GB (72 % GPU), Ollama, 4K",
        "alexcode-1070",
        "qwen3.5:9b-q4_K_M",
        GTX1070_Z77,
        4096,
        11,
        note="qwen3.5:9b-q4_K_M; 72 % GPU; CPU and RAM assumed; Ollama version assumed ≥ 0.30",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, GTX 1070 8 GB (73 % GPU), Ollama, 12K",
        "alexcode-1070",
        "qwen3.5:9b-q4_K_M",
        GTX1070_Z77,
        12288,
        11,
        note="qwen3.5:9b-q4_K_M-12k; 73 % GPU; CPU and RAM assumed; Ollama version assumed ≥ 0.30",
        runner="ollama",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, A100-SXM4-40GB, Ollama 0.32.6, q8_0 KV, 16K",
        "thesis-a100",
        "qwen3.5:27b",
        A100_40,
        16384,
        40.849,
        note="qwen3.6:27b-q4_K_M; TPOT 24.4802 ms; prompt length not stated",
        kv="q8_0",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5090, Ollama (WSL2), bench, 32K (assumed)",
        "llmbench-5090-ptbr",
        "qwen3.5:9b",
        RTX5090_64,
        32768,
        162.23,
        note="bench.py, ~26-token prompts, eval_count/eval_duration; server under WSL2; context assumed",
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 5090, Ollama, support chat round, 32K (assumed)",
        "llmbench-5090-ptbr",
        "qwen3.5:9b",
        RTX5090_64,
        32768,
        183.2,
        note="mean of the 'Fase 0' support round (production system prompt), think=false; context assumed",
        runner="ollama",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M, RTX 4060 Ti 16 GB, Ollama, 152K",
        "alexcode-4060ti",
        "qwen3.5:9b-q4_K_M",
        RTX4060TI_Z77,
        152 * 1024,
        "gpu",
        1.0,
        note="ollama ps: 15 GB, 100 % GPU; Ollama version assumed ≥ 0.30",
    ),
    PlacementCase(
        "9B Q8_0, RTX 4060 Ti 16 GB, Ollama, 8K",
        "alexcode-4060ti",
        "qwen3.5:9b-q8_0",
        RTX4060TI_Z77,
        8192,
        "gpu",
        1.0,
        note="ollama ps: 12 GB, 100 % GPU; Ollama version assumed ≥ 0.30",
    ),
    PlacementCase(
        "9B Q8_0, RTX 4060 Ti 16 GB, Ollama, 64K",
        "alexcode-4060ti",
        "qwen3.5:9b-q8_0",
        RTX4060TI_Z77,
        65536,
        "gpu",
        1.0,
        note="ollama ps: 15 GB, 100 % GPU; Ollama version assumed ≥ 0.30",
    ),
    PlacementCase(
        "9B Q4_K_M, GTX 1070 8 GB, Ollama, 4K",
        "alexcode-1070",
        "qwen3.5:9b-q4_K_M",
        GTX1070_Z77,
        4096,
        "partial",
        0.72,
        note="ollama ps: 8.8 GB, 72 % GPU; Ollama version assumed ≥ 0.30",
    ),
    PlacementCase(
        "9B Q4_K_M, GTX 1070 8 GB, Ollama, 12K",
        "alexcode-1070",
        "qwen3.5:9b-q4_K_M",
        GTX1070_Z77,
        12288,
        "partial",
        0.73,
        note="ollama ps: 9.1 GB, 73 % GPU; Ollama version assumed ≥ 0.30",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
