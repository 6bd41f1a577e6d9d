"""Fourteenth round, collected by venue (the file names are the earlier rounds'): measurements found in
files of GitHub repositories other than Ollama's and llama.cpp's, any kind of machine.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round14/__init__.py.
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import apple, build_profile

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase, _ram
from ..reference_data import gguf_file, gpu_machine, unified_machine
from ..round4.cpu_offload import _cpu
from ..round8.apple_unified import M4PRO_24

_ZEN4 = ("avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni")

# GMKtec M6 Ultra: AMD Ryzen 5 7640HS (6C/12T, Radeon 760M iGPU, gfx1103), 40 GB RAM, Debian 13; Ollama sees 26.5 GiB
# on the iGPU (carve-out plus GTT). Memory type and speed not stated: DDR5-5600 on a 128-bit bus (89.6 GB/s)
# assumed, the chip's rated SO-DIMM speed; the bandwidth table has no 760M row, so the profile carries the bus
RADEON760M_7640HS = unified_machine("AMD Radeon 760M Graphics", 26.5, 40, 89.6, vendor="amd")
# the same box with Ollama's default of dropping integrated GPUs (no OLLAMA_IGPU_ENABLE): decoded on the CPU
R5_7640HS_CPU = _ram(
    build_profile(
        ram_gib=40, ram_available_gib=31, cpu="AMD Ryzen 5 7640HS w/ Radeon 760M Graphics", cores=6, flags=_ZEN4
    ),
    "DDR5",
    5600,
)

# Apple M1 Max with 64 GB (GPU core count not stated; the 24- and 32-core parts share the 400 GB/s bus)
M1MAX_64 = apple("Apple M1 Max", 64, 56)

# Lenovo ThinkPad T14 Gen 1 AMD: Ryzen 7 PRO 4750U, Radeon (Renoir, Vega) iGPU through Vulkan/RADV, 28 GiB RAM as
# `free` reports it; Ollama's Vulkan discovery: iGPU total 16.3 GiB. Memory speed not stated: the T14 Gen 1 AMD's
# DDR4-3200 on a 128-bit bus (51.2 GB/s) assumed; the bandwidth table has no Renoir iGPU row
RENOIR_T14 = unified_machine("AMD Radeon Graphics (RADV RENOIR)", 16.3, 28, 51.2, vendor="amd")
# unsloth Qwen3.6-35B-A3B-UD-IQ1_M.gguf, 10,047,749,088 bytes as the smoke report states (a quant Ollama does not ship)
QWEN36_35B_UD_IQ1M = gguf_file("qwen3.5:35b-a3b", 10.047749088)

# Orange Pi 6 Plus: CIX P1 CD8160 (12 cores: Cortex-A720 and Cortex-A520), 14.9 GB RAM as the benchmark states;
# memory type and speed not stated (left unset); CPU only (Ollama's ARM build, no GPU offload)
OPI6PLUS_CIX_P1 = build_profile(
    ram_gib=14.9, ram_available_gib=13, cpu="CIX P1 CD8160", cores=12, arch="aarch64", flags=("neon", "dotprod")
)

# "DARKTEXAS": Dell Tower Plus EBT2250, RTX 5070 12 GB, Core Ultra 9 285, 32 GB DDR5-5600, Windows 11
RTX5070_DARKTEXAS = gpu_machine("NVIDIA GeForce RTX 5070", 12, ram_gib=32)

# GTX 1050 Ti 4 GB (about 3.5 GB usable beside the Windows desktop, as the document states), Xeon E5-2670 v3
# (12C/24T, 2.3 GHz, AVX2), 32 GB RAM (type and speed not stated), Windows 10 Pro
GTX1050TI_E52670V3 = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4, ram_gib=32, free_gib=3.5),
    name="Intel(R) Xeon(R) CPU E5-2670 v3",
    cores=12,
    mhz=2300,
)
GTX1050TI_E52670V3 = replace(GTX1050TI_E52670V3, os="windows")

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "davide97g-homelab-760m-ollama",
        "https://github.com/davide97g/homelab/blob/main/apps/local-ai/README.md (sections 'Why this model' and "
        "'GPU'; hardware from the repository's README.md 'Hardware'; apps/local-ai/bench.sh and compose.yaml for "
        "the benchmark and the server settings)",
        "GMKtec M6 Ultra mini PC: AMD Ryzen 5 7640HS (6 cores / 12 threads) with Radeon 760M iGPU (gfx1103, RADV), "
        "40 GB RAM, Debian 13 (kernel 6.12); Ollama sees 26.5 GiB for the iGPU (carve-out plus GTT)",
        "Ollama 0.34.4 (Docker image ollama/ollama:0.34.4), Vulkan (OLLAMA_VULKAN=1, OLLAMA_IGPU_ENABLE=1), "
        "OLLAMA_FLASH_ATTENTION=1, OLLAMA_KV_CACHE_TYPE=q8_0; bench.sh: /api/generate, think false, num_predict 300",
        False,
        "round 12's lead; qwen3.6:35b-a3b-q4_K_M (Qwen3.6-35B-A3B, 23 GB, standing for qwen3.5:35b-a3b), measured "
        "with bench.sh and a 2.3k-token prompt: 24 tok/s generation (depth 2,300 + 150 = 2,450, taking the 300 "
        "tokens num_predict allows as generated); the README's later 'generation at 24 tok/s' in Open WebUI is "
        "the same figure, not entered again; all 42 layers on the GPU and `ollama ps` 100% GPU as the README "
        "states, so a placement row; the 'CPU-only was 19 tok/s' figure (Ollama's default of dropping the iGPU, "
        "before OLLAMA_IGPU_ENABLE) is entered as a CPU-only row, its prompt not stated (depth unset); context at "
        "the measurement not stated: the README says the window was raised from 32K to 64K for coding agents "
        "after the model was picked, so 32K is assumed for both rows; memory type and speed not stated "
        "(DDR5-5600, 89.6 GB/s, assumed); the Radeon 760M is not in the bandwidth table, so the profile carries "
        "the assumed bus; left out: the Qwen3.6-35B-A3B MTP Q4_K_M row (an MTP build, 'gave nothing extra'), the "
        "Qwen3.8-27B MTP row (not a Qwen3.5/3.6 model) and the prefill rates",
    ),
    (
        "bigkijimon-m1max-ollama-mlx-bench",
        "https://github.com/bigkijimon/zenn-content/blob/main/articles/ollama-mlx-backend-bench.md ('Ollama "
        "0.30.8はMLXランナーを内蔵するがGGUFは通らない — M1 Max 64GB実測', committed 2026-07-30)",
        "Apple M1 Max, 64 GB unified memory, macOS (GPU core count not stated)",
        "Ollama 0.30.8 (`ollama --version`), `ollama run --verbose`; the server log names llama_server.go (GGUF "
        "through llama-server, not the MLX runner)",
        False,
        "round 12's lead (a Japanese zenn.dev article, read from its source file in the author's repository); "
        "prompt 'Explain what a Kalman filter does in one paragraph.' (prompt token count not shown: depth unset); "
        "qwen3.6:latest (qwen35moe 36.0B Q4_K_M, Ollama's default Qwen3.6 tag, standing for qwen3.5:35b-a3b) 58.91 "
        "tok/s over 534 tokens, `ollama ps` 'qwen3.6:latest 29 GB 100% GPU', so a placement row; qwen3.5:latest "
        "(qwen35 9.7B Q4_K_M = qwen3.5:9b) 40.18 tok/s (eval count not shown); single runs; context not stated "
        "(Ollama's default for >= 48 GiB, 256K, assumed; the 29 GB resident size fits it); KV f16 assumed; the "
        "same author's M1 Max is also bigkijimon-m1max-qwen35-ja-bench (another article, the same machine)",
    ),
    (
        "bigkijimon-m1max-qwen35-ja-bench",
        "https://github.com/bigkijimon/zenn-content/blob/main/articles/qwen35-ja-bench.md ('Qwen3.5-9B（Q4/6.6GB）に"
        "M1 Maxで日本語を書かせたら、答えは131字なのに出力は3936トークンだった', committed 2026-08-01)",
        "Apple M1 Max, 64 GB unified memory, macOS (GPU core count not stated)",
        "Ollama (version not stated; 0.30.8 inferred: the same machine ran 0.30.8 in the author's articles of "
        "2026-07-30 and 2026-08-05), `ollama run qwen3.5:latest --verbose`",
        False,
        "round 12's lead (a Japanese zenn.dev article, read from its source file in the author's repository); "
        "qwen3.5:latest (architecture qwen35, 9.7B, Q4_K_M, 6.6 GB = qwen3.5:9b) with thinking on: eval rate "
        "39.95 tok/s over 3,936 tokens after a 26-token prompt (depth 26 + 1,968 = 1,994); one run (the second "
        "timed out); context not stated (Ollama's default for >= 48 GiB, 256K, assumed); KV f16 assumed; the same "
        "machine as bigkijimon-m1max-ollama-mlx-bench (counted once as a publication if the lead so decides)",
    ),
    (
        "ueni-t14-renoir-ollama-vulkan",
        "https://github.com/ueni/mcp-coding-experiment (evaluation/qwen3.6-35b-a3b/: "
        "target-model-smoke-2026-05-09.md, results/results-docker-ollama-full-2026-05-09.json, "
        "host-gpu-probe-2026-05-08.md, docker-gpu-runtime-2026-05-08.md)",
        "Lenovo ThinkPad T14 Gen 1 AMD: Ryzen 7 PRO 4750U (8C/16T) with Radeon (Renoir) iGPU, RADV RENOIR (Mesa "
        "26.0.3), 28 GiB RAM as `free` reports it, Ubuntu (kernel 7.0.0-15), on battery, power profile performance",
        "Ollama 0.18.2 (the Dockerfile's ARG OLLAMA_VERSION), Vulkan (OLLAMA_VULKAN=1; 'inference compute ... "
        "library=Vulkan ... type=iGPU total=16.3 GiB'), /api/generate with num_predict 80",
        False,
        "round 12's lead; Qwen3.6-35B-A3B-UD-IQ1_M.gguf (10,047,749,088 bytes; a quant Ollama does not ship, "
        "entered from its size; standing for qwen3.5:35b-a3b) imported with a Modelfile, num_ctx 4096; the log "
        "shows 'offloaded 41/41 layers to GPU', so a placement row; the seven-scenario run's median, 8.056 tok/s, "
        "is the bash scenario's (57 input tokens, 80 output: depth 57 + 40 = 97); Ollama 0.18.2 is the engine era "
        "(0.17-0.29); memory speed not stated (DDR4-3200, 51.2 GB/s, assumed); the Renoir iGPU is not in the "
        "bandwidth table, so the profile carries the assumed bus; the one-scenario smoke run (7.929 tok/s) is an "
        "earlier run of the same setting and is left out; KV f16 assumed",
    ),
    (
        "rcao-claw-m4pro-ollama-bench",
        "https://github.com/ranjeetcao/rcao-claw/blob/main/docs/setup-and-operations.md (section 'Model "
        "Benchmarks', results updated 2026-04-10; bin/benchmark-models.sh for the method)",
        "Apple M4 Pro (14 CPU cores, 20 GPU cores), 24 GB unified memory, macOS",
        "Ollama, native macOS app with Metal (version not stated; engine era 0.17-0.29 inferred from the date, "
        "April 2026); /api/chat, stream false, think false, num_ctx 4096",
        False,
        "a Claw-agent project's model benchmark: 'Avg tok/s' is eval_count / eval_duration (decode only, as the "
        "script computes it), averaged over 3 runs of each of 4 prompts (short, medium, coding, reasoning; prompts "
        "of 6 to 30 words, output lengths not stated: depth unset); qwen3.5:4b 38.5 and qwen3.5:9b 28.6 tok/s "
        "(Ollama's default tags, 3.4 GB and 6.6 GB, Q4_K_M); context 4096 as the script passes num_ctx; KV f16 "
        "assumed; the gemma4 and qwen3:8b rows are other models; placement not logged",
    ),
    (
        "producerjenn-orangepi6plus-ollama",
        "https://github.com/ProducerJenn/orangepi6plus-benchmarks (docs/ollama-benchmarks.md 'Ollama Benchmarks - "
        "Orange Pi 6 Plus'; results/all_t8.log and results/cctx.log for the raw lines)",
        "CPU only: Orange Pi 6 Plus, CIX P1 CD8160 (12-core ARM, Cortex-A720 + Cortex-A520), 14.9 GB RAM; OS ?",
        "Ollama 0.31.2, /api/generate with stream false, num_thread 8, keep_alive 0",
        False,
        "the model comparison at 8 threads (the author's measured sweet spot), num_ctx 2048, a one-sentence prompt "
        "('Explain the theory of relativity in simple terms ...'; its token count not shown: depth unset), capped "
        "at 512 decode tokens (both Qwen3.5 runs generated 512): qwen3.5:0.8b 31.84 and qwen3.5:4b 11.72 tok/s "
        "eval rate (Ollama's default tags, Q8_0 for 0.8b and Q4_K_M for 4b); the context sweep's longest point, "
        "qwen3.5:4b at num_ctx 16384 (a derived 'qwen3.5-4b-16k' model, 256 tokens), 11.47 tok/s, is entered "
        "beside the 2048 row; the earlier 4-thread suite (0.8b 30.33, 4b 10.09) is the thread sweep's other point "
        "and is left out; memory type and speed not stated (left unset); KV f16 assumed; no GPU used (the Mali "
        "GPU rows are LiteRT-LM, another engine)",
    ),
    (
        "darktexas-rtx5070-ollama-notes",
        "stored copy in the public GitHub index, repository not identified (no address shown): a lab notebook of "
        "'field notes from running AI LLM harnesses and local models on a deliberately limited desktop' (machine "
        "'DARKTEXAS'), files RESULTS.md ('Fresh round (2026-09-09)') and its hardware page",
        "Dell Tower Plus EBT2250: NVIDIA RTX 5070 12 GB GDDR7, Intel Core Ultra 9 285 (24 cores), 32 GB DDR5-5600 "
        "(one UDIMM), Windows 11",
        "Ollama (version not stated; >= 0.31.1 inferred: the notes say the Blackwell MoE crash of 0.30.x was fixed "
        "from 0.31.1 and the runs of 2026-09-09 followed), temperature 0, 32K context",
        False,
        "qwen3.5:9b (Ollama's default tag, 6.6 GB, Q4_K_M) 94 tok/s generation with thinking on (the probes' "
        "setting), `ollama ps` 100% GPU at the notes' 32K context, so a placement row; the prompts are short "
        "probes (bat-and-ball, planets, code) whose token counts are not stated (depth unset); how many runs the "
        "figure averages is not stated; KV f16 assumed; a different machine from round 10's bd775i-rtx5070-ollama "
        "(a Minisforum BD775i SE); the other rows are other models; the later September 15 round (16K context) "
        "was not found in the stored index",
    ),
    (
        "oracle-gtx1050ti-e52670v3-ollama",
        "stored copy in the public GitHub index, repository not identified (no address shown): the technology-stack "
        "document of a desktop assistant project called ORACLE ('# ORACLE — Technology Stack', facts marked "
        "'VERIFIED 2026-08-21'), section '3. Local LLM'",
        "NVIDIA GTX 1050 Ti 4096 MiB (compute 6.1, driver 582.28; ~3.5 GB usable beside the desktop), Intel Xeon "
        "E5-2670 v3 (12C/24T, 2.3 GHz, AVX2), 32 GB RAM, Windows 10 Pro 19045",
        "Ollama 0.32.5 (the client installed, as stated; the server taken to be the same), think false",
        False,
        "the author's measurements on this machine: qwen3.5:0.8b (Ollama's default tag, 1.0 GB) 100% GPU at "
        "num_ctx 8192 and 16384 (`ollama ps`), generating at 45.4 tok/s as the router (16K, think false; prompt "
        "lengths of the speed figure not stated: depth unset); qwen3.5:2b (2.7 GB) 36%/64% CPU/GPU at num_ctx "
        "4096 and 8192, '20.4 tok/s hybrid' (the context of the speed figure not stated: 4096, Ollama's default "
        "for this card, assumed); placement rows for both ends of each context pair; the qwen3.5:9b '~5 tok/s' "
        "and the qwen3.5:4b verdict are not measured figures and are left out, as are the prompt-eval timings; "
        "RAM type and speed not stated; KV f16 assumed (the q8_0 KV of the design's arithmetic is not said to be "
        "set)",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # davide97g-homelab-760m-ollama
    SpeedCase(
        "35B-A3B (qwen3.6:35b-a3b) Q4_K_M, Radeon 760M (R5 7640HS) 40 GB, Ollama 0.34.4 Vulkan, 2.3k prompt",
        "davide97g-homelab-760m-ollama",
        "qwen3.5:35b-a3b",
        RADEON760M_7640HS,
        32768,
        24.0,
        note="Qwen3.6 tag standing for the Qwen3.5 one; KV q8_0; context (32K) and DDR5-5600 assumed",
        kv="q8_0",
        depth=2450,
        runner="ollama",
        backend="vulkan",
    ),
    SpeedCase(
        "35B-A3B (qwen3.6:35b-a3b) Q4_K_M, Ryzen 5 7640HS CPU only 40 GB, Ollama 0.34.4 (iGPU dropped)",
        "davide97g-homelab-760m-ollama",
        "qwen3.5:35b-a3b",
        R5_7640HS_CPU,
        32768,
        19.0,
        note="Qwen3.6 tag standing for the Qwen3.5 one; KV q8_0; context (32K) and DDR5-5600 assumed; depth unset",
        kv="q8_0",
        runner="ollama",
        backend="cpu",
    ),
    # bigkijimon-m1max-ollama-mlx-bench
    SpeedCase(
        "35B-A3B (qwen3.6:latest) Q4_K_M, M1 Max 64 GB, Ollama 0.30.8, 100% GPU",
        "bigkijimon-m1max-ollama-mlx-bench",
        "qwen3.5:35b-a3b",
        M1MAX_64,
        262144,
        58.91,
        note="Qwen3.6 tag standing for the Qwen3.5 one; 534 tokens; context assumed; depth unset",
        runner="ollama",
        backend="metal",
    ),
    SpeedCase(
        "9B (qwen3.5:latest) Q4_K_M, M1 Max 64 GB, Ollama 0.30.8",
        "bigkijimon-m1max-ollama-mlx-bench",
        "qwen3.5:9b",
        M1MAX_64,
        262144,
        40.18,
        note="context assumed; depth unset",
        runner="ollama",
        backend="metal",
    ),
    # bigkijimon-m1max-qwen35-ja-bench
    SpeedCase(
        "9B (qwen3.5:latest) Q4_K_M, M1 Max 64 GB, Ollama (0.30.8 inferred), 3,936 tokens",
        "bigkijimon-m1max-qwen35-ja-bench",
        "qwen3.5:9b",
        M1MAX_64,
        262144,
        39.95,
        note="thinking on; 26-token prompt; context assumed; version inferred",
        depth=1994,
        runner="ollama",
        backend="metal",
    ),
    # ueni-t14-renoir-ollama-vulkan
    SpeedCase(
        "35B-A3B UD-IQ1_M (10.05 GB), Renoir iGPU (R7 PRO 4750U) 28 GiB, Ollama 0.18.2 Vulkan, 4K",
        "ueni-t14-renoir-ollama-vulkan",
        QWEN36_35B_UD_IQ1M,
        RENOIR_T14,
        4096,
        8.056,
        regime="ollama-engine",
        note="Qwen3.6 file standing for the Qwen3.5 tag; median of seven scenarios; DDR4-3200 assumed",
        depth=97,
        runner="ollama",
        backend="vulkan",
    ),
    # rcao-claw-m4pro-ollama-bench
    SpeedCase(
        "4B (qwen3.5:4b) Q4_K_M, M4 Pro 24 GB, Ollama (engine era inferred), think off, 4K",
        "rcao-claw-m4pro-ollama-bench",
        "qwen3.5:4b",
        M4PRO_24,
        4096,
        38.5,
        regime="ollama-engine",
        note="mean of 12 runs over 4 prompts; version inferred from the date; depth unset",
        runner="ollama",
        backend="metal",
    ),
    SpeedCase(
        "9B (qwen3.5:9b) Q4_K_M, M4 Pro 24 GB, Ollama (engine era inferred), think off, 4K",
        "rcao-claw-m4pro-ollama-bench",
        "qwen3.5:9b",
        M4PRO_24,
        4096,
        28.6,
        regime="ollama-engine",
        note="mean of 12 runs over 4 prompts; version inferred from the date; depth unset",
        runner="ollama",
        backend="metal",
    ),
    # producerjenn-orangepi6plus-ollama
    SpeedCase(
        "0.8B (qwen3.5:0.8b), Orange Pi 6 Plus CIX P1 CPU only 14.9 GB, Ollama 0.31.2, 8 threads, 2K",
        "producerjenn-orangepi6plus-ollama",
        "qwen3.5:0.8b",
        OPI6PLUS_CIX_P1,
        2048,
        31.84,
        note="512 tokens generated; num_thread 8; RAM type not stated; depth unset",
        runner="ollama",
        backend="cpu",
    ),
    SpeedCase(
        "4B (qwen3.5:4b) Q4_K_M, Orange Pi 6 Plus CIX P1 CPU only 14.9 GB, Ollama 0.31.2, 8 threads, 2K",
        "producerjenn-orangepi6plus-ollama",
        "qwen3.5:4b",
        OPI6PLUS_CIX_P1,
        2048,
        11.72,
        note="512 tokens generated; num_thread 8; RAM type not stated; depth unset",
        runner="ollama",
        backend="cpu",
    ),
    SpeedCase(
        "4B (qwen3.5:4b) Q4_K_M, Orange Pi 6 Plus CIX P1 CPU only 14.9 GB, Ollama 0.31.2, 8 threads, 16K",
        "producerjenn-orangepi6plus-ollama",
        "qwen3.5:4b",
        OPI6PLUS_CIX_P1,
        16384,
        11.47,
        note="the context sweep's longest point; 256 tokens generated; num_thread 8; depth unset",
        runner="ollama",
        backend="cpu",
    ),
    # darktexas-rtx5070-ollama-notes
    SpeedCase(
        "9B (qwen3.5:9b) Q4_K_M, RTX 5070 12 GB, Core Ultra 9 285, Ollama, 32K, 100% GPU",
        "darktexas-rtx5070-ollama-notes",
        "qwen3.5:9b",
        RTX5070_DARKTEXAS,
        32768,
        94.0,
        note="thinking on, temperature 0; version inferred (>= 0.31.1); depth unset",
        runner="ollama",
        backend="cuda",
    ),
    # oracle-gtx1050ti-e52670v3-ollama
    SpeedCase(
        "0.8B (qwen3.5:0.8b), GTX 1050 Ti 4 GB + Xeon E5-2670 v3, Ollama 0.32.5, 16K, 100% GPU, think off",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:0.8b",
        GTX1050TI_E52670V3,
        16384,
        45.4,
        note="router setting (think false); depth unset",
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "2B (qwen3.5:2b), GTX 1050 Ti 4 GB + Xeon E5-2670 v3, Ollama 0.32.5, 36%/64% CPU/GPU",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:2b",
        GTX1050TI_E52670V3,
        4096,
        20.4,
        note="'hybrid' split as `ollama ps` shows at 4K and 8K; context of the speed figure assumed; depth unset",
        runner="ollama",
        backend="cuda",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B (qwen3.6:35b-a3b), Radeon 760M 26.5 GiB, Ollama 0.34.4 Vulkan: 100% GPU",
        "davide97g-homelab-760m-ollama",
        "qwen3.5:35b-a3b",
        RADEON760M_7640HS,
        32768,
        "gpu",
        1.0,
        note="all 42 layers on the GPU and `ollama ps` 100% GPU as the README states; context assumed",
    ),
    PlacementCase(
        "35B-A3B (qwen3.6:latest), M1 Max 64 GB, Ollama 0.30.8: 100% GPU",
        "bigkijimon-m1max-ollama-mlx-bench",
        "qwen3.5:35b-a3b",
        M1MAX_64,
        262144,
        "gpu",
        1.0,
        note="`ollama ps`: qwen3.6:latest 29 GB 100% GPU; context assumed",
    ),
    PlacementCase(
        "35B-A3B UD-IQ1_M, Renoir iGPU 16.3 GiB, Ollama 0.18.2 Vulkan, 4K: 41/41 layers",
        "ueni-t14-renoir-ollama-vulkan",
        QWEN36_35B_UD_IQ1M,
        RENOIR_T14,
        4096,
        "gpu",
        1.0,
        regime="ollama-engine",
        note="log: offloaded 41/41 layers to GPU, weights 9.1 GiB and KV 1.6 GiB on Vulkan0",
    ),
    PlacementCase(
        "9B (qwen3.5:9b), RTX 5070 12 GB, Ollama, 32K: 100% GPU",
        "darktexas-rtx5070-ollama-notes",
        "qwen3.5:9b",
        RTX5070_DARKTEXAS,
        32768,
        "gpu",
        1.0,
        note="`ollama ps` 100% GPU as the results table states",
    ),
    PlacementCase(
        "0.8B (qwen3.5:0.8b), GTX 1050 Ti 4 GB, Ollama 0.32.5, 8K: 100% GPU",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:0.8b",
        GTX1050TI_E52670V3,
        8192,
        "gpu",
        1.0,
        note="`ollama ps` 100% GPU",
    ),
    PlacementCase(
        "0.8B (qwen3.5:0.8b), GTX 1050 Ti 4 GB, Ollama 0.32.5, 16K: 100% GPU",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:0.8b",
        GTX1050TI_E52670V3,
        16384,
        "gpu",
        1.0,
        note="`ollama ps` 100% GPU",
    ),
    PlacementCase(
        "2B (qwen3.5:2b), GTX 1050 Ti 4 GB, Ollama 0.32.5, 4K: 36%/64% CPU/GPU",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:2b",
        GTX1050TI_E52670V3,
        4096,
        "partial",
        0.64,
        note="`ollama ps` 36%/64% CPU/GPU",
    ),
    PlacementCase(
        "2B (qwen3.5:2b), GTX 1050 Ti 4 GB, Ollama 0.32.5, 8K: 36%/64% CPU/GPU",
        "oracle-gtx1050ti-e52670v3-ollama",
        "qwen3.5:2b",
        GTX1050TI_E52670V3,
        8192,
        "partial",
        0.64,
        note="`ollama ps` 36%/64% CPU/GPU (the same split as at 4K)",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
