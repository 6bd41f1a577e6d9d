"""Eighth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round8/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple, build_profile

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import unified_machine

# Apple M5 (base, 10 GPU cores), 32 GiB as CTOX's host_facts.txt states (34,359,738,368 bytes), macOS 26.2
M5_32 = apple("Apple M5", 32, 27)
# Apple M4 Pro (MacBook Pro), 24 GB as the title states (recommendedMaxWorkingSetSize 17,179.89 MB), GPU cores not stated
M4PRO_24 = apple("Apple M4 Pro", 24, 20)
# Apple M1 Max with the 24-core GPU (the binned part, same 400 GB/s bus), 32 GB as stated
M1MAX_32 = apple("Apple M1 Max", 32, 27)
# NVIDIA Jetson Orin NX 16 GB ("nv1", 15.6 GiB unified as the source states); the bandwidth table has no Jetson
# row, so the module's published bus (128-bit LPDDR5, 102.4 GB/s) is given here, as GB10's 273 is elsewhere
ORIN_NX_16 = unified_machine("NVIDIA Jetson Orin NX", 15.6, 15.6, 102.4, vendor="nvidia")
# The same Jetson's CPU alone (8 Cortex-A78AE cores), no GPU requested by the pod
ORIN_NX_16_CPU = build_profile(
    ram_gib=15.6,
    ram_available_gib=12.2,
    cpu="ARM Cortex-A78AE (NVIDIA Jetson Orin NX)",
    cores=8,
    arch="aarch64",
    flags=("neon",),
)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "ctox-m5-ggml-baselines",
        "https://github.com/metric-space-ai/ctox (src/core/inference/models/qwen36_35b_a3b_q4km_metal/docs/"
        "kernel-dev/BASELINE_GGML.md with baselines/2026-05-08T0725Z/host_facts.txt; and "
        "src/core/inference/models/qwen35_08b_metal_probe/RESEARCH_LOG.md, '2026-04-30 llama.cpp BF16 reference "
        "comparison' and 'long-context benchmark correction')",
        "Apple M5 (10 GPU cores, MTLGPUFamilyApple10, has_tensor), 32 GiB unified (host_facts: 34,359,738,368 "
        "bytes; recommendedMaxWorkingSetSize 26.8 GiB), macOS 26.2 (25C56), on AC power",
        "llama.cpp b9060 (ad0922465) Homebrew bottle with ggml 0.11.0, llama-bench -ngl 99 -t 8 -r 3 (35B-A3B); "
        "llama.cpp commit 15fa3c4 built from source with Metal (0.8B, April 2026)",
        False,
        "the baselines a pure-Rust Metal engine project measured its own crates against, upstream llama.cpp used "
        "only as the measuring tool; 35B-A3B: bartowski Qwen_Qwen3.6-35B-A3B-Q4_K_M.gguf, 19.92 GiB "
        "(21,391,448,384 B), standing for qwen3.5:35b-a3b, entered from its size; the default config (BLAS + "
        "Metal, what a Homebrew install runs) tg128 and tg512 entered, depth 64 and 256; the 'pure-Metal' rerun "
        "with libggml-blas moved aside is a second run of the same binary and files, left out (the author "
        "suspects a thermal gap between the two); 0.8B: unsloth Qwen3.5-0.8B-BF16.gguf (the quant Ollama ships "
        "as -bf16), tg128 from -p 512 -n 128 -r 3 and tg512 from the -n 512 long-prompt run (-r 1; llama-bench "
        "times tg at depth 0, so depth 256); the 0.8B runs name the device 'Apple M5, Metal backend' with no "
        "memory, taken to be the same 32 GiB M5 (same project, same weeks); context 4096 (llama-bench) assumed; "
        "KV f16 assumed; flash attention not stated; the CTOX engine's own rows are not llama.cpp and are left "
        "out; probably the same author and machine as greppy-m5-qwen35-baseline",
    ),
    (
        "greppy-m5-qwen35-baseline",
        "https://github.com/metric-space-ai/greppy (bench/qwen35_llama_cpp_baseline.md)",
        "Apple M5 (Metal, MTL0); RAM not stated (32 GB assumed: the CTOX repository of the same organisation "
        "states a 32 GiB M5); macOS",
        "llama.cpp b9060 (ad0922465), llama-bench -ngl 99 -p 512 -n 128 -r 5 -o json",
        False,
        "Qwen3.5 llama.cpp reference baseline (2026-07-09) for greppy's own Rust engine; "
        "Qwen3.5-0.8B-Q4_K_M.gguf (file size not printed, the quant Ollama ships, so the tag is used); Metal "
        "tg128 at depth 64, 4K context (llama-bench) assumed; flash_attn=false as reported; KV f16 assumed; the "
        "Mac CPU row is Metal forced off with -ngl 0 and the RTX A4500 row is a discrete GPU, both left out; "
        "the native Rust rows are not llama.cpp; probably the same author and M5 as ctox-m5-ggml-baselines "
        "(the file cites that author's CTOX archive)",
    ),
    (
        "ru-m4pro24-llmserver-qwen35-9b",
        "stored copy in the public GitHub index, repository not identified (no address shown): a Russian-language "
        "Markdown guide 'Установка и использование локального LLM бэкэнда на MacBook Pro M4 24G' (installing a "
        "local llama-server backend on a 24 GB MacBook Pro, then Qwen Code and Continue.dev against it)",
        "Apple M4 Pro (MTL0, MTLGPUFamilyApple9, 12 CPU threads), MacBook Pro, 24 GB unified (title; Metal "
        "recommendedMaxWorkingSetSize 17,179.89 MB), macOS",
        "llama.cpp b8999 (b97ebdc98), release binary llama-b8999-bin-macos-arm64-kleidiai; llama-bench -p 512 -n 64 "
        "-b 512 -t 8 -ngl 999; llama-server --ctx-size 262144 --flash-attn on --cache-type-k/v q8_0 --parallel 1 "
        "--reasoning off",
        False,
        "unsloth Qwen3.5-9B-Q4_K_S.gguf, 5.01 GiB as llama.cpp prints it (a quant Ollama does not ship), entered "
        "from its size; llama-bench tg64 at depth 32 (context 4096 assumed, KV f16: llama-bench is not given the "
        "q8_0 cache flags); the two llama-server requests from the server log: 23-token prompt, 633 tokens at "
        "34.23 tok/s (depth 23 + 316 = 339), and 1,032-token prompt, 483 tokens at 33.78 tok/s (depth 1032 + 241 "
        "= 1273), 262,144 context, q8_0 KV, whole model on MTL0 (33/33 layers) as logged; GPU core count not "
        "stated; the first request included warm-up, its eval rate is entered as logged",
    ),
    (
        "lmstudio-1969-m1max",
        "https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1969",
        "Apple M1 Max (24-core GPU), 32 GB unified memory, macOS 26.4.1",
        "llama-server (mainline llama.cpp with MTP support, so May 2026 or later; build not stated); LM Studio "
        "0.4.14 (build 4)",
        False,
        "thewesjohnson's report that MTP drafting is slower than plain decoding on Apple Silicon (description "
        "only; the thread's later comments and the upstream llama.cpp #23752 were not read); only the no-draft "
        "llama-server baseline is entered: Qwen3.5-9B Q4_K_M ('Qwen3.5-9B-MTP Q4_K_M' table; the quant Ollama "
        "ships, so the tag is used), 25.3 tok/s with thinking on (25.1 with thinking off, the same configuration, "
        "not entered twice); context, prompt length and KV type not stated (4096 and f16 assumed; depth unknown); "
        "the MTP rows are drafting and left out; the Qwen3.6-35B-A3B 'Base tok/s' column ran through LM Studio "
        "with no stated runtime or quant file beyond 'MTP' and varies 13.8-37.2 tok/s by prompt type, left out",
    ),
    (
        "homeops-jetson-orin-nx",
        "https://github.com/mmalyska/home-ops (docs/superpowers/plans/artifacts/2026-08-13-nv1-cpu-baseline.md, "
        "with cluster/apps/ai/ollama/values.yaml for the deployment's settings)",
        "NVIDIA Jetson Orin NX ('nv1', 8 Cortex-A78AE cores, Ampere iGPU), 15.6 GiB unified as the repository "
        "states (16 GB module), JetPack 6, Talos Linux Kubernetes node",
        "Ollama 0.20.5 (ollama/ollama:0.20.5 image; CPU baseline in a throwaway pod, GPU run in the production "
        "deployment with JETSON_JETPACK=6, library=CUDA, libdirs=cuda_jetpack6)",
        False,
        "a home-lab plan's recorded gate check, `ollama run qwen3.5:9b --think=false` with the prompt 'Write a "
        "haiku about storage.' (19 prompt tokens): GPU 20 tokens at 8.84 tok/s (depth 19 + 10 = 29), CPU only "
        "19 tokens at 3.21 tok/s (depth 28); qwen3.5:9b is Ollama's Q4_K_M; Ollama 0.20.5 is engine era "
        "(0.17-0.29); the GPU deployment sets OLLAMA_CONTEXT_LENGTH=16384, OLLAMA_KV_CACHE_TYPE=q4_0, "
        "OLLAMA_FLASH_ATTENTION=1, a 13 GiB pod memory limit (the GPU version not repeated in the artifact, "
        "the values file pins 0.20.5); the CPU pod's context and KV type not stated (Ollama's default 4096 and "
        "f16 assumed); placement not logged beyond 'CUDA backend active'; the qwen2.5:0.5b row is another "
        "model; the later llama-server deployment runs LFM2.5, not Qwen3.5",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # ctox-m5-ggml-baselines
    SpeedCase(
        "35B-A3B Q4_K_M (bartowski, 19.92 GiB), Apple M5 32 GiB, llama-bench b9060 BLAS+Metal, tg128",
        "ctox-m5-ggml-baselines",
        _gib("qwen3.5:35b-a3b", 19.92),
        M5_32,
        4096,
        33.62,
        note="Qwen3.6 file; context assumed",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M (bartowski, 19.92 GiB), Apple M5 32 GiB, llama-bench b9060 BLAS+Metal, tg512",
        "ctox-m5-ggml-baselines",
        _gib("qwen3.5:35b-a3b", 19.92),
        M5_32,
        4096,
        33.76,
        note="Qwen3.6 file; context assumed",
        depth=256,
        runner="llama.cpp",
    ),
    SpeedCase(
        "0.8B BF16, Apple M5 32 GiB, llama-bench 15fa3c4 Metal, tg128",
        "ctox-m5-ggml-baselines",
        "qwen3.5:0.8b-bf16",
        M5_32,
        4096,
        52.98,
        note="unsloth BF16 file; context and RAM assumed",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "0.8B BF16, Apple M5 32 GiB, llama-bench 15fa3c4 Metal, tg512",
        "ctox-m5-ggml-baselines",
        "qwen3.5:0.8b-bf16",
        M5_32,
        4096,
        44.77,
        note="unsloth BF16 file; one repetition; context and RAM assumed",
        depth=256,
        runner="llama.cpp",
    ),
    # greppy-m5-qwen35-baseline
    SpeedCase(
        "0.8B Q4_K_M, Apple M5, llama-bench b9060 Metal, tg128",
        "greppy-m5-qwen35-baseline",
        "qwen3.5:0.8b",
        M5_32,
        4096,
        74.52,
        note="RAM and context assumed",
        depth=64,
        runner="llama.cpp",
    ),
    # ru-m4pro24-llmserver-qwen35-9b
    SpeedCase(
        "9B Q4_K_S (5.01 GiB), Apple M4 Pro 24 GB, llama-bench b8999 Metal, tg64",
        "ru-m4pro24-llmserver-qwen35-9b",
        _gib("qwen3.5:9b", 5.01),
        M4PRO_24,
        4096,
        30.44,
        note="context assumed",
        depth=32,
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B Q4_K_S (5.01 GiB), Apple M4 Pro 24 GB, llama-server b8999, 256K, KV q8_0, 23-token prompt",
        "ru-m4pro24-llmserver-qwen35-9b",
        _gib("qwen3.5:9b", 5.01),
        M4PRO_24,
        262144,
        34.23,
        note="633 tokens generated",
        kv="q8_0",
        depth=339,
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B Q4_K_S (5.01 GiB), Apple M4 Pro 24 GB, llama-server b8999, 256K, KV q8_0, 1,032-token prompt",
        "ru-m4pro24-llmserver-qwen35-9b",
        _gib("qwen3.5:9b", 5.01),
        M4PRO_24,
        262144,
        33.78,
        note="483 tokens generated",
        kv="q8_0",
        depth=1273,
        runner="llama.cpp",
    ),
    # lmstudio-1969-m1max
    SpeedCase(
        "9B Q4_K_M, Apple M1 Max 24-core 32 GB, llama-server, no-draft baseline",
        "lmstudio-1969-m1max",
        "qwen3.5:9b",
        M1MAX_32,
        4096,
        25.3,
        note="thinking on; build, context and KV type assumed",
        runner="llama.cpp",
    ),
    # homeops-jetson-orin-nx
    SpeedCase(
        "9B Q4_K_M, Jetson Orin NX 16 GB iGPU, Ollama 0.20.5, 16K, KV q4_0",
        "homeops-jetson-orin-nx",
        "qwen3.5:9b",
        ORIN_NX_16,
        16384,
        8.84,
        regime="ollama-engine",
        note="--think=false; 19-token prompt, 20 tokens generated",
        kv="q4_0",
        depth=29,
        runner="ollama",
    ),
    SpeedCase(
        "9B Q4_K_M, Jetson Orin NX 16 GB CPU only, Ollama 0.20.5",
        "homeops-jetson-orin-nx",
        "qwen3.5:9b",
        ORIN_NX_16_CPU,
        4096,
        3.21,
        regime="ollama-engine",
        note="no GPU requested by the pod; context and KV type assumed (Ollama defaults)",
        depth=28,
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
