"""Eleventh round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round11/__init__.py.
Ollama 0.17–0.29 (its own engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default
regime.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gpu_machine

# RTX 2080 Ti with 22 GB (22,528 MiB as nvidia-smi shows: a 22 GB memory-modded card, same 352-bit bus as the
# 11 GB part), Windows (WDDM, driver 591.86); the desktop holds 2,274 MiB at idle (nvidia-smi), so ~19.8 GiB is
# free for Ollama; RAM not stated (32 GB assumed)
RTX2080TI22_ZH = gpu_machine("NVIDIA GeForce RTX 2080 Ti", 22, ram_gib=32, free_gib=22 - 2274 / 1024)

# RTX 4090 24 GB (24,564 MiB) in a Windows 11 PC ('pc'); CPU and RAM not stated (32 GB assumed)
RTX4090_HOMESERVER = gpu_machine("NVIDIA GeForce RTX 4090", 24, ram_gib=32)

# AMD Radeon AI PRO R9700 32 GB in 'hall9000', a KVM host; CPU and RAM not stated (64 GB assumed)
R9700_HALL9000 = gpu_machine("AMD Radeon AI PRO R9700", 32, ram_gib=64, vendor="amd")

# RTX 2060 Max-Q 6 GB laptop with an i7-10875H and ~16 GiB RAM (the bandwidth table reads it as the desktop RTX
# 2060, 336 GB/s; the Max-Q part is slower, which does not matter for its placement-only row)
RTX2060MQ_ZH = gpu_machine("NVIDIA GeForce RTX 2060 with Max-Q Design", 6, ram_gib=16)

# RTX 5090 32 GB (32,607 MiB), power-capped at 435 W (the card's default is 600 W), Ryzen 9 7900X, 124 GB RAM,
# Linux ('Colossus')
RTX5090_OHGUI = gpu_machine("NVIDIA GeForce RTX 5090", 32, ram_gib=124)

# RTX 3060 12 GB, Ryzen 5 5600 (6C/12T), 16 GB DDR4 (+16 GB swap), Debian 13
RTX3060_BENCHKIT = gpu_machine("NVIDIA GeForce RTX 3060", 12, ram_gib=16)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "zh-ollama-course-2080ti22g",
        "a Chinese course exercise file in a public GitHub repository ('阶段 1 · 《Ollama本地模型》· 动手任务', "
        "2026-08-06/07: task A num_ctx → VRAM with `ollama ps`, task B 27b vs 8b speed with `ollama run "
        "--verbose` output pasted as comments); address of the file not known",
        "NVIDIA GeForce RTX 2080 Ti 22 GB (22,528 MiB, WDDM, driver 591.86, CUDA 13.1; 2,274 MiB taken by the "
        "desktop at idle), Windows; CPU and RAM not stated (32 GB assumed)",
        "Ollama (desktop app, its settings in db.sqlite; version not stated, ≥ 0.30 and the llama-server era "
        "inferred from the date, August 2026)",
        False,
        "task B: qwen3.5:27b (Ollama's default tag, Q4_K_M, 27.8B as the file states) at num_ctx 32768, prompt "
        "'解释一下幂等性': 47 prompt tokens, 2,066 generated, eval rate 21.36 tok/s (thinking on, the default, "
        "assumed from the output length), depth = 47 + 2,066/2 = 1,080; at 32768 `ollama ps` shows 18 GB, "
        "100% GPU. Task A is a num_ctx sweep with `ollama ps` (4096 16 GB, 8192 16 GB, 16384 17 GB, 32768 18 GB, "
        "65536 20 GB all 100% GPU; 81920 22 GB 11%/89% CPU/GPU; 98304 23 GB 15%/85%; 131072 26 GB 23%/77%): by "
        "the entry rule its shortest (4096, 100% GPU) and longest (131072, 77% GPU) points are entered as "
        "placement rows; KV f16 assumed (no KV setting mentioned); backend CUDA (NVIDIA card under Ollama); "
        "qwen3-vl:8b (62.38 tok/s) is another model",
    ),
    (
        "homeserver-4090-qwen36-swap",
        "a home-server plan file 'Local model swap — 2026-04-19' in a public GitHub repository (LiteLLM + "
        "llmrouter + OpenClaw stack; 'Appendix D — Qwen 3.6 attempt post-mortem'); address of the file not known",
        "NVIDIA GeForce RTX 4090 24 GB (24,564 MiB) in a Windows 11 PC ('pc', reached over OpenSSH); CPU and RAM "
        "not stated (32 GB assumed)",
        "Ollama 0.21.0 (upgraded from 0.20.2 during the attempt; Ollama's own engine, 0.17–0.29), Windows "
        "service under NSSM",
        False,
        "Appendix D step 4: Ollama's library tag qwen3.6:35b-a3b-q4_K_M (23 GB; Qwen3.6 35B-A3B stands for "
        "qwen3.5:35b-a3b) 'loaded, but at 13 %/87 % CPU/GPU split (~800 MiB free VRAM) … Tool-calls worked at "
        "~47 tok/s': a rounded figure from the model-level smoke test (a one-tool POST to /api/chat); how it "
        "was computed is not stated (the same file separates decode from prompt-eval rates for the model it "
        "finally deployed, so it is read as the decode rate); context not stated: 8192 assumed, the context "
        "the same PC loaded qwen3.5:27b and the final model with that day ('loaded with 8K context'); prompt "
        "and output lengths not stated (depth left to the engine); KV f16 assumed; backend CUDA (NVIDIA card "
        "under Ollama). The 87% GPU share is entered as a placement row. Left out: qwen3.5:27b (speed "
        "'~20–25 tok/s expected … not directly measured'), the Unsloth UD-IQ4_XS file (failed to load) and "
        "Qwen3-30B-A3B-Instruct-2507 (another model)",
    ),
    (
        "jax-ejecutor-fase0-r9700",
        "a Spanish pre-registered measurement report in a public GitHub repository ('Ejecutor — Fase 0: resultado "
        "(pre-registro)', docs/superpowers/specs/2026-09-15-ejecutor-fase0-resultado.md, with its plan "
        "2026-09-15-ejecutor-fase0-mediciones.md giving the measuring script contexto.py); address of the "
        "repository not known",
        "AMD Radeon AI PRO R9700 32 GB ('la R9700', VRAM read with rocm-smi) in 'hall9000', a KVM host; CPU "
        "and RAM not stated (64 GB assumed); Linux",
        "Ollama 0.31.1 (llama-server era), OLLAMA_NUM_PARALLEL=1",
        False,
        "threshold U1, measured 2026-09-15: qwen3.6:35b-a3b-q4_K_M (Ollama's library tag; Qwen3.6 35B-A3B "
        "stands for qwen3.5:35b-a3b) through /api/generate with options num_ctx ∈ {32768, 65536, 131072} and "
        "num_predict 512, the model unloaded before each run, prompt 'Escribe los números del 1 al 300 en "
        "palabras, separados por comas.' (token count not stated, so depth left to the engine; up to 512 "
        "generated); tok/s = eval_count / eval_duration: 76.9 at 32768 and 77.2 at 131072, all three `ollama "
        "ps` 100% GPU (load 2.4 s at 131072); by the sweep rule the shortest and longest points are entered, "
        "as speed and placement rows (the 65536 point's rate is not given); KV f16 assumed (no KV setting "
        "stated); backend not stated (AMD card; rocm-smi is used to read VRAM, which does not say which "
        "runtime Ollama loaded), so left empty. The same repository's 2026-08-25 GPU-concurrency note "
        "('~76.7 tok/s with 1, 2 and 3 concurrent requests') is the same machine and model, not entered",
    ),
    (
        "zh-apt-rag-phase6-2060maxq",
        "a Chinese project phase report in a public GitHub repository ('Phase 6：固定证据的 LLM 对比', local Ollama "
        "qwen3.5:4b against DeepSeek Flash on a 20-question APT-report benchmark, section '真实性能结果'); "
        "address of the file not known",
        "laptop: Intel Core i7-10875H, ~16 GiB RAM, NVIDIA GeForce RTX 2060 Max-Q 6 GiB; OS Windows (PowerShell "
        "commands; not stated outright)",
        "Ollama 0.35.1 (llama-server era)",
        False,
        "qwen3.5:4b (digest 2a654d98e6fb…, Q4_K_M, 4.7B as the API reports) through /api/chat with num_ctx 8192, "
        "think off, num_predict 768, largest input 917 tokens; '实验中 `ollama ps` 显示 100% GPU', entered as a "
        "placement row. The speed figures are wall-clock per question (load, prefill and generation together, "
        "as the report itself warns: 'not pure decode speed'), so no speed row; the first request's "
        "load_duration was 49.83 s. The Max-Q part is named as 'RTX 2060 with Max-Q Design' (NVML's name)",
    ),
    (
        "ohgui-rtx5090-pathe",
        "https://github.com/rmholston420/oh-gui (its BUILD_LOG and DEBUG_LOG entries of 2026-08-08 — the "
        "VRAM sweep, the flash-attention probe 'Run 20260808_0453' and the Path E runs 20260808_0531/0555 — "
        "with bench/path_e/bench_path_e.py for the cell settings and bench/path_e/SCORING-20260808_0555.md)",
        "NVIDIA GeForce RTX 5090 32 GB (32,607 MiB, driver 610.57.04), power cap 435 W for every entered run, "
        "AMD Ryzen 9 7900X (24 threads), 124 GB RAM, Linux",
        "Ollama 0.30.7 (llama-server era): the DEBUG_LOG of 06:55 found that every run that day was served by "
        "a stray user-unit `ollama serve` whose startup dump says 0.30.7, with OLLAMA_FLASH_ATTENTION false, "
        "KV f16, NUM_PARALLEL 1 and GPU_OVERHEAD 0 (its intended drop-ins were never in effect)",
        False,
        "rows, all through the native /api/chat or /api/generate with eval_count/eval_duration: (1) the "
        "flash-attention probe at 435 W, qwen3.6:27b (Q4_K_M, stands for qwen3.5:27b) at num_ctx 131072 with a "
        "27,858-token prompt and 256 generated tokens: 68.4 tok/s in the FA=1 cell (68.0 in the FA=0 cell, "
        "which the same log shows changed nothing; a 600 W rerun gave 69.6 with one throttled sample, not "
        "entered), depth 27,858 + 128; (2) Path E run 0555 cell c02, qwen3.6:27b at num_ctx 131072, thinking "
        "on, the 1,901-token debug prompt: 71.1 tok/s, output length of the cell not given (the thinking cells "
        "emitted 8,905–10,620 tokens), so depth left to the engine; (3) Path E run 0531 cell c05, qwen3.6:35b "
        "(the 35B-A3B Q4_K_M tag, stands for qwen3.5:35b-a3b) at num_ctx 131072: 278.52 tok/s, 1,901 prompt "
        "tokens and exactly 8,192 generated (truncated at num_predict), depth 1,901 + 4,096 = 5,997; the log "
        "calls that run's prefill invalid (load inside it) but its decode unaffected; the same cell in run "
        "0555 gave 279.01 (not entered twice). Placement: the VRAM sweep shows qwen3.6:35b at 100% GPU at "
        "32768, 65536, 131072 and 262144 (nvidia-smi 25,034–29,740 MiB incl. a ~650–850 MiB desktop); its "
        "shortest and longest points are entered. Left out: the MTP build (speculative drafting), "
        "qwen3-coder:30b and Devstral (other models), the c01 planner cells of the same 27B configuration "
        "(69.7 and 74.7 tok/s, other prompts), and all prefill figures. The 435 W cap costs ~2% of decode by "
        "the log's own 435/600 W comparison",
    ),
    (
        "benchkit-rtx3060-humaneval",
        "https://github.com/DogukanUrker/BenchKit (README.md 'Leaderboard', HumanEval table, as of commit 60f2345 "
        "of 2026-03-26; the qwen3.5 rows were added 2026-03-25/26 and the leaderboard was removed 2026-07-28; "
        "src/benchkit/ollama.py of that commit gives the measuring code)",
        "NVIDIA RTX 3060 12 GB, AMD Ryzen 5 5600 (6C/12T), 16 GB DDR4 + 16 GB swap, Debian 13",
        "Ollama (version not stated; March 2026, so Ollama's own engine, 0.17–0.29, inferred from the date)",
        False,
        "HumanEval, 164 tasks per model through /api/generate (stream off, temperature 0, no num_ctx sent, so "
        "Ollama's default context; 4096 assumed, its default under 24 GB of VRAM); the tok/s column is the "
        "run's total eval_count over total eval_duration (Ollama's decode counters, summed over the tasks); "
        "Ollama's default tags: qwen3.5:0.8b 171.7, qwen3.5:2b 107.4, qwen3.5:4b 65.9, qwen3.5:9b 45.9 tok/s, "
        "all '100% GPU' in the table's offload column (the 9B one entered as a placement row; the smaller ones "
        "fit trivially); thinking on (the models 'consistently fail to close the </think> tag' and ran 4–6 "
        "hours each), so outputs are long and the cache fills towards the context; depth not stated, left to "
        "the engine; KV f16 assumed; backend CUDA (NVIDIA card under Ollama). Other models in the table are "
        "not Qwen3.5",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B Q4_K_M, RTX 2080 Ti 22 GB, Ollama (≥ 0.30 inferred), 32K, 47 + 2,066 tokens",
        "zh-ollama-course-2080ti22g",
        "qwen3.5:27b",
        RTX2080TI22_ZH,
        32768,
        21.36,
        note="ollama run --verbose: 47 prompt, 2,066 generated tokens; ollama ps 18 GB, 100% GPU at 32768",
        depth=1080,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 4090 24 GB, Ollama 0.21.0, 8K (assumed), 87% GPU",
        "homeserver-4090-qwen36-swap",
        "qwen3.5:35b-a3b",
        RTX4090_HOMESERVER,
        8192,
        47.0,
        regime="ollama-engine",
        note="'~47 tok/s' on a tool-call smoke test; 13%/87% CPU/GPU; context, method and lengths not stated",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, R9700 32 GB, Ollama 0.31.1, num_ctx 32768",
        "jax-ejecutor-fase0-r9700",
        "qwen3.5:35b-a3b",
        R9700_HALL9000,
        32768,
        76.9,
        note="context sweep's short point: /api/generate, num_predict 512, eval_count/eval_duration; 100% GPU",
        runner="ollama",
        backend="",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, R9700 32 GB, Ollama 0.31.1, num_ctx 131072",
        "jax-ejecutor-fase0-r9700",
        "qwen3.5:35b-a3b",
        R9700_HALL9000,
        131072,
        77.2,
        note="context sweep's long point: same prompt and num_predict 512; 100% GPU, load 2.4 s",
        runner="ollama",
        backend="",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 5090 32 GB (435 W), Ollama 0.30.7, 128K, 27,858-token prompt",
        "ohgui-rtx5090-pathe",
        "qwen3.5:27b",
        RTX5090_OHGUI,
        131072,
        68.4,
        note="flash-attention probe, FA=1 cell: 256 generated tokens after a 27,858-token prompt; FA=0 gave 68.0",
        depth=27858 + 128,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "27B (3.6) Q4_K_M, RTX 5090 32 GB (435 W), Ollama 0.30.7, 128K, debug prompt",
        "ohgui-rtx5090-pathe",
        "qwen3.5:27b",
        RTX5090_OHGUI,
        131072,
        71.1,
        note="Path E run 0555 cell c02: 1,901-token prompt, thinking on, output length not given",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090 32 GB (435 W), Ollama 0.30.7, 128K, 1,901 + 8,192 tokens",
        "ohgui-rtx5090-pathe",
        "qwen3.5:35b-a3b",
        RTX5090_OHGUI,
        131072,
        278.52,
        note="Path E run 0531 cell c05 (base build, not MTP): truncated at num_predict 8192; run 0555 gave 279.01",
        depth=1901 + 4096,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "0.8B (Ollama default tag), RTX 3060 12 GB, Ollama (engine era inferred), 4K (assumed), HumanEval",
        "benchkit-rtx3060-humaneval",
        "qwen3.5:0.8b",
        RTX3060_BENCHKIT,
        4096,
        171.7,
        regime="ollama-engine",
        note="164 HumanEval tasks: summed eval_count / summed eval_duration; thinking on; 100% GPU",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "2B (Ollama default tag), RTX 3060 12 GB, Ollama (engine era inferred), 4K (assumed), HumanEval",
        "benchkit-rtx3060-humaneval",
        "qwen3.5:2b",
        RTX3060_BENCHKIT,
        4096,
        107.4,
        regime="ollama-engine",
        note="164 HumanEval tasks: summed eval_count / summed eval_duration; thinking on; 100% GPU",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "4B (Ollama default tag), RTX 3060 12 GB, Ollama (engine era inferred), 4K (assumed), HumanEval",
        "benchkit-rtx3060-humaneval",
        "qwen3.5:4b",
        RTX3060_BENCHKIT,
        4096,
        65.9,
        regime="ollama-engine",
        note="164 HumanEval tasks: summed eval_count / summed eval_duration; thinking on; 100% GPU",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "9B (Ollama default tag), RTX 3060 12 GB, Ollama (engine era inferred), 4K (assumed), HumanEval",
        "benchkit-rtx3060-humaneval",
        "qwen3.5:9b",
        RTX3060_BENCHKIT,
        4096,
        45.9,
        regime="ollama-engine",
        note="164 HumanEval tasks: summed eval_count / summed eval_duration; thinking on; 100% GPU",
        runner="ollama",
        backend="cuda",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "27B Q4_K_M, RTX 2080 Ti 22 GB, Ollama (≥ 0.30 inferred), num_ctx 4096",
        "zh-ollama-course-2080ti22g",
        "qwen3.5:27b",
        RTX2080TI22_ZH,
        4096,
        "gpu",
        1.0,
        note="context sweep's short point: ollama ps 16 GB, 100% GPU",
    ),
    PlacementCase(
        "27B Q4_K_M, RTX 2080 Ti 22 GB, Ollama (≥ 0.30 inferred), num_ctx 131072",
        "zh-ollama-course-2080ti22g",
        "qwen3.5:27b",
        RTX2080TI22_ZH,
        131072,
        "partial",
        0.77,
        note="context sweep's long point: ollama ps 26 GB, 23%/77% CPU/GPU",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 4090 24 GB, Ollama 0.21.0, 8K (assumed)",
        "homeserver-4090-qwen36-swap",
        "qwen3.5:35b-a3b",
        RTX4090_HOMESERVER,
        8192,
        "partial",
        0.87,
        regime="ollama-engine",
        note="'13 %/87 % CPU/GPU split (~800 MiB free VRAM)'; context assumed",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, R9700 32 GB, Ollama 0.31.1, num_ctx 32768",
        "jax-ejecutor-fase0-r9700",
        "qwen3.5:35b-a3b",
        R9700_HALL9000,
        32768,
        "gpu",
        1.0,
        note="ollama ps 100% GPU (the sweep's short point; also the restored production load)",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, R9700 32 GB, Ollama 0.31.1, num_ctx 131072",
        "jax-ejecutor-fase0-r9700",
        "qwen3.5:35b-a3b",
        R9700_HALL9000,
        131072,
        "gpu",
        1.0,
        note="ollama ps 100% GPU at the sweep's long point",
    ),
    PlacementCase(
        "4B Q4_K_M, RTX 2060 Max-Q 6 GB, Ollama 0.35.1, num_ctx 8192",
        "zh-apt-rag-phase6-2060maxq",
        "qwen3.5:4b",
        RTX2060MQ_ZH,
        8192,
        "gpu",
        1.0,
        note="ollama ps 100% GPU during the 20-question run (largest input 917 tokens, output ≤ 768)",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090 32 GB, Ollama 0.30.7, num_ctx 32768",
        "ohgui-rtx5090-pathe",
        "qwen3.5:35b-a3b",
        RTX5090_OHGUI,
        32768,
        "gpu",
        1.0,
        note="VRAM sweep's short point: 100% GPU, nvidia-smi 25,034 MiB used (incl. the desktop)",
    ),
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 5090 32 GB, Ollama 0.30.7, num_ctx 262144",
        "ohgui-rtx5090-pathe",
        "qwen3.5:35b-a3b",
        RTX5090_OHGUI,
        262144,
        "gpu",
        1.0,
        note="VRAM sweep's long point: 100% GPU, nvidia-smi 29,740 MiB used (29,864 in the first sweep)",
    ),
    PlacementCase(
        "9B Q4_K_M, RTX 3060 12 GB, Ollama (engine era inferred), 4K (assumed)",
        "benchkit-rtx3060-humaneval",
        "qwen3.5:9b",
        RTX3060_BENCHKIT,
        4096,
        "gpu",
        1.0,
        regime="ollama-engine",
        note="leaderboard's offload column: 100% GPU; context assumed (Ollama's default under 24 GB)",
    ),
)

MEMORY_CASES: tuple[MemoryCase, ...] = ()
