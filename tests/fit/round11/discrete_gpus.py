"""Eleventh round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round11/__init__.py.
Quants Ollama ships (Q4_K_M, Q8_0) take the catalogue tag; other GGUFs are entered from the size the source
states (reference_data.gguf_gib for GiB as llama.cpp prints it, gguf_file for GB). A quant sweep contributes
only the quants Ollama ships; a context sweep only its shortest and longest point. llama-bench rows: context
4096, depth = the test's depth plus half of its generated tokens; llama-server rows with stated prompt and
completion lengths: depth = prompt + completion / 2 (averaged over the cases a row averages).
"""

from __future__ import annotations

from ..measurements_public import RTX4090, RTX5090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "willbnu-rtx5080-guide",
        "https://github.com/willbnu/qwen35-rtx5080-guide (results/best_models_27b32k_20260307_194413.json, "
        "results/benchmark_35b256k_vs_9b256k_20260307_200226.json, results/benchmark_9b_power_20260307_195552.json, "
        "docs/PERFORMANCE_MATRIX.md, config/servers.yaml)",
        "NVIDIA GeForce RTX 5080 16 GB (15,977 MiB free before each run), AMD Ryzen 7 9800X3D, 96 GB RAM, Windows",
        "llama.cpp llama-server, the author's native SM120 (CUDA) build, build number not stated (runs of "
        "2026-03-04/07); one server at a time, --parallel 1, -ngl 99, flash attention on, -b 1024 -ub 256, "
        "vision projector (mmproj F16, ~0.86-0.88 GB) loaded on the GPU",
        False,
        "A 16 GB-card guide repository whose benchmark JSON files give per-request gen_tps from llama-server's "
        "timings with prompt and completion token counts. Rows average the 'reasoning' and 'coding' text cases "
        "of a run (the 'vision' case is left out); depth = prompt + completion/2 averaged over those two cases "
        "(the 256K file does not restate the prompt lengths: the same prompts as the same day's 64K run, 49 and "
        "37 tokens, are assumed). 35B-A3B Q3_K_S: size 14.15 GiB as servers.yaml's memory breakdown states it "
        "('model=14.15'; the matrix rounds it to 14.2 GB); its context sweep (64K, 128K, 152K, 256K) contributes "
        "64K and 256K; KV iq4_nl, entered as q4_0 (both 18 bytes per 32 elements). 9B: the quant sweep "
        "(UD-Q4_K_XL, Q6_K, Q8_0 at 256K, q8_0 KV) contributes Q8_0 only (bartowski's file, catalogue tag); "
        "the UD-Q4_K_XL and Q6_K rows are left out (quants Ollama does not ship in a sweep). 27B Q3_K_S "
        "(11.19 GiB as servers.yaml states it; '11.4 GB' in the matrix) at 96K with iq4_nl KV: '~46 t/s' as the "
        "'Verified' performance matrix and the preset's benchmark_verified line state it (its JSON is not in "
        "the repository), prompt lengths not stated (no depth); the 27B IQ4_XS run at 32K (40.8 tok/s) is left "
        "out (file size not stated). RAM as stated (96 GB); the historical 35B Q4_K_M partial-offload rows and "
        "the 'heretic' fine-tune (16 GB preset that spills) are left out as superseded/forced. Placement: the "
        "matrix lists 41/41 layers on the GPU for 35B at 152K and 65/65 for 27B at 96K",
    ),
    (
        "petermuidev-5060ti-qwen36",
        "https://github.com/petermuidev/qwen3.6-local-lm-benchmarks (benchmark_results/27B_LESSONS_LEARNED.md, "
        "benchmark_results/27B_SUMMARY.md)",
        "NVIDIA GeForce RTX 5060 Ti 16 GB, Intel Core i5-14600KF, DDR4 (size not stated), Windows 11",
        "llama.cpp b9360 (upstream release; llama-server; the backend of the Windows build is not stated)",
        False,
        "Qwen3.6-27B (same architecture and size, standing for qwen3.5:27b) IQ3_XXS, 11.2 GB as stated (GB "
        "read as decimal), no MTP: the context table of the lessons file gives 16K -> 26 t/s with all layers "
        "on the GPU (12.4 GB used) and 64K -> 13 t/s with 'few' layers on the GPU (--fit on reserves the 64K "
        "KV cache and moves layers to the CPU); the 32K point (22 t/s, 'most' layers) is the sweep's middle and "
        "left out. KV: q4_0 at 16K as stated ('at 16K ctx q4_0 wins'); the 64K point's KV type is not stated "
        "(q4_0 assumed). Prompt lengths not stated (no depth). RAM size not stated (32 GB assumed). Left out: "
        "every MTP / ngram / draft row, the ik_llama.cpp rows (fork), the 'old baseline' 19.86 tok/s (its "
        "context not stated), and the 35B-A3B Q4_K_S rows (file size not stated; experts partly on the CPU)",
    ),
    (
        "dakshjain-v100-gguf-pipeline",
        "https://github.com/dakshjain-1616/Qwen3.6-27B-GGUF (README.md, 'Production run: Qwen3.6-27B on a Tesla "
        "V100 (16 GB VRAM)')",
        "NVIDIA Tesla V100 16 GB (form factor not stated); CPU, RAM and OS not stated",
        "llama.cpp (pinned vendor submodule, CUDA build; version not stated), llama-bench pp512/tg128",
        False,
        "A GGUF quantisation pipeline's README (the repository says it was made by an autonomous coding agent, "
        "NEO; the figures are presented as 'real numbers from the full pipeline'). Qwen3.6-27B (same "
        "architecture and size, standing for qwen3.5:27b); the quant sweep contributes the quants Ollama ships: "
        "Q4_K_M (15,780.83 MB) at -ngl 50 of 65 layers, tg128 4.88 t/s, and Q8_0 (27,271.04 MB) at -ngl 35, "
        "tg128 1.98 t/s; both placements are set by hand (-ngl), which the engine does not predict. The Q2_K "
        "(37.03 t/s, all layers on the GPU) and Q5_K_S rows are left out (quants Ollama does not ship, in a "
        "sweep). llama-bench defaults assumed for what is not stated (f16 KV, tg128 at depth 0: depth 64, "
        "context 4096). RAM not stated (64 GB assumed); V100 SXM2 and PCIe both 900 GB/s",
    ),
    (
        "hyattr-ornith35b-4090",
        "https://github.com/Hyattr/ornith1.0-35B_rtx4090_eval (docs/phase1-2-results.md, docs/glossary.md, "
        "data/p1_*.json raw responses)",
        "NVIDIA GeForce RTX 4090 24 GB, Intel Core i9-14900KF, 64 GB RAM, Windows (CUDA sysmem fallback disabled)",
        "LM Studio's llama.cpp engine (runtime llama.cpp-win-x86_64-nvidia-cuda12-avx2 2.33.0, as each raw "
        "response states), /api/v0/chat/completions stats (server-side tokens_per_second), flash attention on, "
        "all 40 layers on the GPU, context 32,768, parallel 4",
        False,
        "Ornith-1.0-35B (DeepReinforce; unsloth's UD-IQ4_XS GGUF), which LM Studio reports as arch qwen35moe, "
        "40 layers, vision: a fine-tune of the 35B-A3B architecture, standing for qwen3.5:35b-a3b (the author "
        "notes its provenance is unconfirmed); size 19.57 GB as LM Studio's load settings state it (read as "
        "decimal GB; it may include the vision projector). Phase 1: median of N=5 decode rates per input "
        "length, each request generating 256 tokens (max_tokens reached, as the raw JSON shows) with a "
        "unique prefix so the prompt cache does not hit; the depth sweep (316 ... 25,669 input tokens) "
        "contributes its shortest and longest point: depth 316 + 128 and 25,669 + 128. KV type not stated "
        "(LM Studio's f16 default assumed). LM Studio's parallel 4 does not split the 32K window (the author "
        "measured this). Placement: all 40 layers on the GPU (--gpu max), 3,284 MiB of VRAM left",
    ),
    (
        "deepindeepsea-5090-q36-baseline",
        "https://github.com/deepindeepsea/rtx5090-q36-bench (reports/baseline_results.md, 'llama.cpp Baseline — "
        "RTX 5090 (Qwen3.6-35B-A3B)', 2026-07-18)",
        "NVIDIA GeForce RTX 5090 32 GB (driver 610.47), Windows with the WSL2 backend; CPU and RAM not stated",
        "llama.cpp official Docker image ghcr.io/ggml-org/llama.cpp:full-cuda, build 86a9c79f8 (10066), CUDA "
        "13.3; llama-bench -ngl 99 -fa 1 -r 3 (default -b 2048 -ub 512)",
        False,
        "The llama.cpp baseline a custom-engine project ('q36') measured before comparing with its own engine; "
        "only the llama.cpp rows are considered. Qwen3.6-35B-A3B (same architecture and size, standing for "
        "qwen3.5:35b-a3b) Q4_K_M, 19.70 GiB as llama-bench prints it, tg128 243.94 ± 3.67 t/s with the default "
        "batch settings; the later -ub 2048/4096 reruns of the same file (243 and 247 t/s) change only the "
        "prompt batch and are not entered again; the MXFP4_MOE file (20.65 GiB, 218-219 t/s) is left out (a "
        "quant sweep contributes the quant Ollama ships). llama-bench defaults assumed for what is not stated "
        "(f16 KV, tg128 at depth 0: depth 64, context 4096). RAM not stated (64 GB assumed); the note says the "
        "model fits fully in VRAM. The q36 engine's own figures are not llama.cpp and are left out",
    ),
    (
        "jdkruzr-qwen36-27b-multigpu",
        "https://github.com/jdkruzr/qwen36-27b-5060ti-bench (README.md, 'Qwen3.6-27B on 4x RTX 5060 Ti — "
        "single-stream coding benchmark', with its 'Second platform: 2x RTX 3090' section)",
        "4x NVIDIA GeForce RTX 5060 Ti 16 GB (PCIe Gen4 x8, no P2P, a Vast.ai container, driver 580.95, CUDA "
        "13.0); a sister rig with 2x NVIDIA GeForce RTX 3090 24 GB (PCIe, no NVLink); CPU and RAM not stated",
        "current llama.cpp built for sm_120 (build not stated), llama-server with --split-mode tensor (on 2 GPUs "
        "its internal all-reduce), bs=1 streaming client over the OpenAI API, cold prefill, prompt cache off",
        False,
        "Qwen3.6-27B (same architecture and size, standing for qwen3.5:27b) Q8_0 from unsloth's MTP GGUF (the "
        "MTP head is embedded but unused in the no-MTP rows; catalogue tag), f16 KV, context 262,144 (the "
        "harness's run.sh 262144), TG = decode tok/s over 256 generated tokens, medians of repeated runs. "
        "Each rig's no-MTP context sweep contributes its shortest (1k prompt: depth 1,024 + 128) and longest "
        "point (a ~255k prompt: depth 255,000 + 128, the prompt length approximate as stated). The weights are "
        "split across the cards by tensor parallelism (--split-mode tensor), not by layers. Left out: every "
        "MTP row (drafting), the 2x3090 q8-KV MTP row, the 4x3090 rows (the same 3090s in another topology, "
        "butterfly all-reduce; a third configuration of one box), and the vLLM rows. RAM not stated (64 GB "
        "assumed)",
    ),
    (
        "askidmobile-yttri-3060",
        "https://github.com/askidmobile/qwen36-server (docs/plans/2026-08-24-qwen35-4b-benchmark.md, section "
        "'2026-08-25'; docs/research/2026-09-14-vs-llamacpp-ornith-q4km.md)",
        "NVIDIA GeForce RTX 3060 12 GB (host 'yttri-win'), Windows; CPU and RAM not stated",
        "llama.cpp llama-server: b10472 (unsloth's Windows CUDA build, CUDA graphs on by default) for the 4B "
        "rows; build 8e7f22b (2026-08-13), CUDA 12.4, for the 9B row; -ngl 999",
        False,
        "A custom-engine project (candle-based 'yttri') that measured mainline llama.cpp on the same card as "
        "its reference; only the llama.cpp figures are considered. 4B: Qwen3.5-4B Q4_K_M (catalogue tag), the "
        "2026-08-25 matrix with the prompt cache defeated: decode 87.5 tok/s with a 20-token prompt and 69.6 "
        "with an 11.4K prompt (the depth sweep's two ends; the 3.9K point, 79.5, is left out); -c 16384 as the "
        "file's header states; the generated length is not restated in that matrix (the file's 64 tokens "
        "assumed, depth 20 + 32 and 11,400 + 32); KV not set (f16). The file's first matrix (diff-method "
        "figures, a Q4_K_M 8K value it later corrects) and its Q6_K/Q8_0 rows are left out. 9B: Ornith-1.5-9B "
        "Q4_K_M (deepreinforce; general.architecture qwen35 with 32 blocks plus an unused nextn block: a "
        "Qwen3.5-9B fine-tune, standing for qwen3.5:9b), one slot, -c 131072 -fa on -ctk q8_0 -ctv q8_0, "
        "decode 52.4 tok/s over 300 tokens (three runs) after a short prompt whose length is not stated (no "
        "depth); the f16-KV control (52.5) is the same configuration with another KV type and is not entered "
        "again. The Qwen3.8-27B rows are not Qwen3.5/3.6. RAM not stated (32 GB assumed)",
    ),
)

RTX5080_96 = gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=96)
RTX5060TI_32 = gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16, ram_gib=32)
RTX5060TI_X4 = gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16, count=4)
RTX3090_X2 = gpu_machine("NVIDIA GeForce RTX 3090", 24, count=2)
RTX3060_32 = gpu_machine("NVIDIA GeForce RTX 3060", 12, ram_gib=32)
V100_16 = gpu_machine("Tesla V100-PCIE-16GB", 16)

_Q35_35B_Q3KS = _gib("qwen3.5:35b-a3b", 14.15)
_Q35_27B_Q3KS = _gib("qwen3.5:27b", 11.19)
_Q36_27B_IQ3XXS = _file("qwen3.5:27b", 11.2)
_ORNITH_35B_UD_IQ4XS = _file("qwen3.5:35b-a3b", 19.57)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # willbnu-rtx5080-guide: 35B-A3B context sweep's two ends, 9B Q8_0, 27B Q3_K_S preset
    SpeedCase(
        "35B-A3B Q3_K_S (14.15 GiB), RTX 5080 16 GB, llama-server SM120 build, iq4_nl KV, 64K",
        "willbnu-rtx5080-guide",
        _Q35_35B_Q3KS,
        RTX5080_96,
        65536,
        111.6,
        kv="q4_0",
        depth=115,
        runner="llama.cpp",
        backend="cuda",
        note="mean of reasoning 112.38 and coding 110.81 tok/s; iq4_nl KV entered as q4_0; mmproj on the GPU",
    ),
    SpeedCase(
        "35B-A3B Q3_K_S (14.15 GiB), RTX 5080 16 GB, llama-server SM120 build, iq4_nl KV, 256K",
        "willbnu-rtx5080-guide",
        _Q35_35B_Q3KS,
        RTX5080_96,
        262144,
        90.65,
        kv="q4_0",
        depth=115,
        runner="llama.cpp",
        backend="cuda",
        note="mean of reasoning 91.26 and coding 90.03 tok/s; prompt lengths assumed from the 64K run",
    ),
    SpeedCase(
        "9B Q8_0, RTX 5080 16 GB, llama-server SM120 build, q8_0 KV, 256K",
        "willbnu-rtx5080-guide",
        "qwen3.5:9b-q8_0",
        RTX5080_96,
        262144,
        77.41,
        kv="q8_0",
        depth=82,
        runner="llama.cpp",
        backend="cuda",
        note="mean of reasoning 77.12 and coding 77.70 tok/s (49/37 prompt, 95/62 generated tokens)",
    ),
    SpeedCase(
        "27B Q3_K_S (11.19 GiB), RTX 5080 16 GB, llama-server SM120 build, iq4_nl KV, 96K",
        "willbnu-rtx5080-guide",
        _Q35_27B_Q3KS,
        RTX5080_96,
        98304,
        46.0,
        kv="q4_0",
        runner="llama.cpp",
        backend="cuda",
        note="'~46 t/s' as the verified matrix rounds it; prompt lengths not stated; iq4_nl KV entered as q4_0",
    ),
    # petermuidev-5060ti-qwen36: the no-MTP context sweep's two ends
    SpeedCase(
        "27B IQ3_XXS (11.2 GB, Qwen3.6), RTX 5060 Ti 16 GB, llama.cpp b9360, q4_0 KV, 16K",
        "petermuidev-5060ti-qwen36",
        _Q36_27B_IQ3XXS,
        RTX5060TI_32,
        16384,
        26.0,
        kv="q4_0",
        runner="llama.cpp",
        note="all layers on the GPU as stated; '26-28 t/s' in the text, 26 in the table",
    ),
    SpeedCase(
        "27B IQ3_XXS (11.2 GB, Qwen3.6), RTX 5060 Ti 16 GB, llama.cpp b9360 --fit on, 64K",
        "petermuidev-5060ti-qwen36",
        _Q36_27B_IQ3XXS,
        RTX5060TI_32,
        65536,
        13.0,
        kv="q4_0",
        runner="llama.cpp",
        note="'few' layers on the GPU (llama.cpp's fit); KV type not stated (q4_0 assumed)",
    ),
    # dakshjain-v100-gguf-pipeline: the shipped quants of the sweep, both with -ngl set by hand
    SpeedCase(
        "27B Q4_K_M (Qwen3.6), Tesla V100 16 GB, llama-bench tg128 -ngl 50",
        "dakshjain-v100-gguf-pipeline",
        "qwen3.5:27b",
        V100_16,
        4096,
        4.88,
        depth=64,
        runner="llama.cpp",
        backend="cuda",
        note="forced placement: 50 of 65 layers on the GPU (-ngl 50); 15,780.83 MB file",
    ),
    SpeedCase(
        "27B Q8_0 (Qwen3.6), Tesla V100 16 GB, llama-bench tg128 -ngl 35",
        "dakshjain-v100-gguf-pipeline",
        "qwen3.5:27b-q8_0",
        V100_16,
        4096,
        1.98,
        depth=64,
        runner="llama.cpp",
        backend="cuda",
        note="forced placement: 35 of 65 layers on the GPU (-ngl 35); 27,271.04 MB file",
    ),
    # hyattr-ornith35b-4090: the depth sweep's two ends (a qwen35moe 35B fine-tune under LM Studio's llama.cpp)
    SpeedCase(
        "35B-A3B fine-tune (Ornith-1.0) UD-IQ4_XS (19.57 GB), RTX 4090, LM Studio llama.cpp CUDA, 316-token prompt",
        "hyattr-ornith35b-4090",
        _ORNITH_35B_UD_IQ4XS,
        RTX4090,
        32768,
        137.8,
        depth=444,
        runner="llama.cpp",
        backend="cuda",
        note="median of 5; 256 tokens generated; KV f16 assumed",
    ),
    SpeedCase(
        "35B-A3B fine-tune (Ornith-1.0) UD-IQ4_XS (19.57 GB), RTX 4090, LM Studio llama.cpp CUDA, 25,669-token prompt",
        "hyattr-ornith35b-4090",
        _ORNITH_35B_UD_IQ4XS,
        RTX4090,
        32768,
        127.2,
        depth=25797,
        runner="llama.cpp",
        backend="cuda",
        note="median of 5; 256 tokens generated; KV f16 assumed",
    ),
    # deepindeepsea-5090-q36-baseline: llama-bench tg128 with the default batch settings
    SpeedCase(
        "35B-A3B Q4_K_M (Qwen3.6, 19.70 GiB), RTX 5090, llama-bench tg128, b10066 CUDA (WSL2)",
        "deepindeepsea-5090-q36-baseline",
        "qwen3.5:35b-a3b",
        RTX5090,
        4096,
        243.94,
        depth=64,
        runner="llama.cpp",
        backend="cuda",
        note="-ngl 99 -fa 1 -r 3, default -b 2048 -ub 512",
    ),
    # jdkruzr-qwen36-27b-multigpu: each rig's no-MTP context sweep, shortest and longest prompt
    SpeedCase(
        "27B Q8_0 (Qwen3.6), 4x RTX 5060 Ti tensor split, llama-server, f16 KV, 1k prompt",
        "jdkruzr-qwen36-27b-multigpu",
        "qwen3.5:27b-q8_0",
        RTX5060TI_X4,
        262144,
        39.4,
        depth=1152,
        runner="llama.cpp",
        backend="cuda",
        note="no MTP; --split-mode tensor over 4 cards; median",
    ),
    SpeedCase(
        "27B Q8_0 (Qwen3.6), 4x RTX 5060 Ti tensor split, llama-server, f16 KV, ~255k prompt",
        "jdkruzr-qwen36-27b-multigpu",
        "qwen3.5:27b-q8_0",
        RTX5060TI_X4,
        262144,
        26.7,
        depth=255128,
        runner="llama.cpp",
        backend="cuda",
        note="no MTP; --split-mode tensor over 4 cards; prompt length approximate",
    ),
    SpeedCase(
        "27B Q8_0 (Qwen3.6), 2x RTX 3090 tensor split, llama-server, f16 KV, 1k prompt",
        "jdkruzr-qwen36-27b-multigpu",
        "qwen3.5:27b-q8_0",
        RTX3090_X2,
        262144,
        44.1,
        depth=1152,
        runner="llama.cpp",
        backend="cuda",
        note="no MTP; 2-GPU internal all-reduce; median",
    ),
    SpeedCase(
        "27B Q8_0 (Qwen3.6), 2x RTX 3090 tensor split, llama-server, f16 KV, ~255k prompt",
        "jdkruzr-qwen36-27b-multigpu",
        "qwen3.5:27b-q8_0",
        RTX3090_X2,
        262144,
        27.4,
        depth=255128,
        runner="llama.cpp",
        backend="cuda",
        note="no MTP; 2-GPU internal all-reduce; prompt length approximate",
    ),
    # askidmobile-yttri-3060: llama.cpp reference runs of a custom-engine project
    SpeedCase(
        "4B Q4_K_M, RTX 3060 12 GB, llama-server b10472 (CUDA), 20-token prompt",
        "askidmobile-yttri-3060",
        "qwen3.5:4b",
        RTX3060_32,
        16384,
        87.5,
        depth=52,
        runner="llama.cpp",
        backend="cuda",
        note="prompt cache defeated; 64 generated tokens assumed",
    ),
    SpeedCase(
        "4B Q4_K_M, RTX 3060 12 GB, llama-server b10472 (CUDA), 11.4K prompt",
        "askidmobile-yttri-3060",
        "qwen3.5:4b",
        RTX3060_32,
        16384,
        69.6,
        depth=11432,
        runner="llama.cpp",
        backend="cuda",
        note="prompt cache defeated; 64 generated tokens assumed",
    ),
    SpeedCase(
        "9B Q4_K_M fine-tune (Ornith-1.5-9B), RTX 3060 12 GB, llama-server 8e7f22b (CUDA 12.4), q8_0 KV, 128K",
        "askidmobile-yttri-3060",
        "qwen3.5:9b",
        RTX3060_32,
        131072,
        52.4,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
        note="one slot, 300 tokens, three runs; short prompt of unstated length",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B Q3_K_S (14.15 GiB), RTX 5080 16 GB, llama-server, iq4_nl KV, 152K",
        "willbnu-rtx5080-guide",
        _Q35_35B_Q3KS,
        RTX5080_96,
        155904,
        "gpu",
        note="41/41 layers on the GPU as the matrix states (-ngl 99, --parallel 1, mmproj also on the GPU)",
    ),
    PlacementCase(
        "27B Q3_K_S (11.19 GiB), RTX 5080 16 GB, llama-server, iq4_nl KV, 96K",
        "willbnu-rtx5080-guide",
        _Q35_27B_Q3KS,
        RTX5080_96,
        98304,
        "gpu",
        note="65/65 layers on the GPU as the matrix states (mmproj also on the GPU)",
    ),
    PlacementCase(
        "27B IQ3_XXS (11.2 GB, Qwen3.6), RTX 5060 Ti 16 GB, llama.cpp b9360, q4_0 KV, 16K",
        "petermuidev-5060ti-qwen36",
        _Q36_27B_IQ3XXS,
        RTX5060TI_32,
        16384,
        "gpu",
        note="'All' layers on the GPU, 12.4 GB used, as stated",
    ),
    PlacementCase(
        "27B IQ3_XXS (11.2 GB, Qwen3.6), RTX 5060 Ti 16 GB, llama.cpp b9360 --fit on, 64K",
        "petermuidev-5060ti-qwen36",
        _Q36_27B_IQ3XXS,
        RTX5060TI_32,
        65536,
        "partial",
        note="'Few' layers on the GPU (14.3 GB used) as stated; share not logged",
    ),
    PlacementCase(
        "35B-A3B fine-tune (Ornith-1.0) UD-IQ4_XS (19.57 GB), RTX 4090, LM Studio llama.cpp, 32K",
        "hyattr-ornith35b-4090",
        _ORNITH_35B_UD_IQ4XS,
        RTX4090,
        32768,
        "gpu",
        note="all 40 layers on the GPU (--gpu max), 3,284 MiB of VRAM free after loading",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
