"""Seventh round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round7/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files Ollama does not ship are entered from the size
llama.cpp prints (`_gib`, GiB: reference_data.gguf_gib). The CPU profile helper is round 4's `_cpu`.
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import build_profile

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "friday-4070-provisioning",
        "stored copy in the public GitHub index, repository not identified (no address shown): "
        "'Provisioning Report — reference-instance local AI stack' (2026-08-13) of a project called "
        "Friday (docs/audits/, beside inference-discovery.md)",
        "RTX 4070 12 GB (12282 MiB; 11032 MiB free with only the desktop on it), 32620 MiB RAM, Windows 11 Pro; CPU ?",
        "Ollama 0.32.9 (as stated), /api/generate with think:false, num_predict=200",
        False,
        "qwen3.6:35b (Ollama's default tag, 23 GB as `ollama list` shows it) stands for "
        "qwen3.5:35b-a3b; the one timed run: 121 tokens in 8.402 s = 14.4 tok/s (the report does not "
        "say whether the 8.402 s is Ollama's eval_duration; taken as the decode rate), prompt 'Write "
        "one paragraph about the ocean.' with its token count not stated (depth unknown); `ollama ps` "
        "during that run: 29 GB, 66%/34% CPU/GPU, CONTEXT 262144 (who set it, the app or Ollama, is "
        "not stated), entered "
        "as the context and as a placement row; KV type not stated (f16 assumed); CPU and RAM "
        "type/speed not stated; free VRAM taken from the report's own reading with only the desktop "
        "resident (11032 MiB)",
    ),
    (
        "ru-ultra5-225h-ollama",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "Russian note 'Установка Ollama и модели qwen3.5:4b' (2026-10-07)",
        "CPU only: Intel Core Ultra 5 225H (14 cores / 14 threads), 31.4 GB RAM, Windows 11 Pro; "
        "integrated Intel Arc 130T (no discrete GPU; Ollama did not use the iGPU)",
        "Ollama 0.40.0 (as stated), /api/chat stream=false, think=false, num_predict=64",
        False,
        "qwen3.5:4b (Q4_K_M, Ollama's tag as `ollama show` prints it); `ollama ps`: 3.1 GB, 100% CPU, "
        "CONTEXT 4096 (as shown; no num_ctx in the request), entered as the context and as a placement row; eval_count "
        "64 in eval_duration 6.30 s = 10.16 tok/s (the note rounds to ~10.2); prompt 28 tokens, so "
        "depth 28 + 64/2 = 60; KV type not stated (f16 assumed); RAM type/speed not stated, "
        "available RAM not stated (85 % assumed); the iGPU is left out of the profile (an Intel iGPU "
        "without a carve-out runs as CPU in Ollama, as here)",
    ),
    (
        "local-llm-3060-lab",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "'local-llm-3060' lab-notes repository ('Real local LLM (and image) results on an RTX 3060 "
        "12GB'; README.md, HARDWARE.md, models/qwen3.6-35b-a3b.md)",
        "RTX 3060 12 GB (~11889 MiB as llama.cpp reports it), AMD Ryzen 9 9900X (12C/24T), 64 GB "
        "DDR5-6000, Ubuntu 24.04",
        "mainline llama.cpp (build not stated); llama-bench -p 4096 -n 128 -ngl 99 -ncmoe 32 -b 512 "
        "-ub 512 -t 12 -fa 1 -ctk q8_0 -ctv q8_0",
        False,
        "Qwen3.6-35B-A3B UD-Q5_K_M (~24.6 GiB as the notes give it) stands for qwen3.5:35b-a3b; only "
        "the mainline row is entered (tg128 ≈ 48, given as approximate): the lab's other Qwen rows "
        "ran forks (ik_llama.cpp, llama.cpp-tq3, the TurboQuant branch) or MTP branches and are left "
        "out; --n-cpu-moe 32 is a manual placement (32 of 40 layers' experts in RAM); tg128 at d0 "
        "(depth 64), context 4096 (llama-bench); KV q8_0; channel count not stated (left unset); the "
        "CPU's AVX-512 is not stated (builder's AVX2 flags kept)",
    ),
    (
        "ferrox-4070laptop-ncmoe",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "TypeScript module of a Ferrox Labs desktop app ('Measured `--n-cpu-moe` calibration for MoE "
        "models that do not fit in VRAM'), its header comment",
        "RTX 4070 Laptop GPU 8 GB ('the reference machine'); CPU ?; RAM ? (32 GB assumed); OS ? "
        "(Windows inferred from the comments on shared-memory paging; not entered)",
        "mainline llama.cpp b10441 (the managed install's llama-server / llama-bench)",
        False,
        "Qwen3.6-35B-A3B Q4_K_M ('19.7 GB, 40 layers'; read as the 19.70 GiB that llama.cpp prints "
        "for the common 21,155,768,832-byte Q4_K_M file) stands for qwen3.5:35b-a3b; a placement "
        "sweep with two points, both entered: -ngl 99 --n-cpu-moe 36 (27.8 tok/s) and --n-cpu-moe "
        "40 (every routed expert in RAM, 16.3 tok/s) — manual placements; left out: plain -ngl 99 "
        "(8.3 tok/s, a VRAM overcommit the comments blame on host paging) and the pure-CPU figure "
        "(11.4 tok/s: the CPU is not named); the Qwen rows' method is not stated (the same author's "
        "other measurements on this machine are llama-server /completion medians of three, the "
        "gpt-oss sweep beside them llama-bench tg32): prompt length unknown (depth not entered), "
        "context 4096 assumed; KV f16 assumed; CPU, RAM size and type not stated",
    ),
)

RTX4070_FRIDAY = gpu_machine("NVIDIA GeForce RTX 4070", 12282 / 1024, ram_gib=32620 / 1024, free_gib=11032 / 1024)
RTX4070_FRIDAY = replace(RTX4070_FRIDAY, os="windows")
ULTRA5_225H = build_profile(
    ram_gib=31.4,
    ram_available_gib=31.4 * 0.85,
    cpu="Intel(R) Core(TM) Ultra 5 225H",
    cores=14,
    os="windows",
)
ULTRA5_225H = replace(ULTRA5_225H, cpu=replace(ULTRA5_225H.cpu, logical_cores=14))  # no hyper-threading
RTX3060_9900X = _cpu(
    gpu_machine("NVIDIA GeForce RTX 3060", 11889 / 1024, ram_gib=64),
    name="AMD Ryzen 9 9900X 12-Core Processor",
    cores=12,
    memory_type="DDR5",
    mts=6000,
)

RTX4070L_FERROX = gpu_machine("NVIDIA GeForce RTX 4070 Laptop GPU", 8, ram_gib=32)

UDQ5KM_36_35B = _gib("qwen3.5:35b-a3b", 24.6)
Q4KM_36_35B_1970 = _gib("qwen3.5:35b-a3b", 19.70)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # friday-4070-provisioning: Ollama ≥ 0.30, its default split at its default 256K window
    SpeedCase(
        "35B-A3B (Ollama qwen3.6:35b), RTX 4070 12 GB + 32 GB, Ollama default 66%/34% CPU/GPU, 256K",
        "friday-4070-provisioning",
        "qwen3.5:35b-a3b",
        RTX4070_FRIDAY,
        262144,
        14.4,
        runner="ollama",
    ),
    # local-llm-3060-lab: mainline llama.cpp, experts of 32 of 40 layers in RAM
    SpeedCase(
        "35B-A3B UD-Q5_K_M ~24.6 GiB, RTX 3060 12 GB + 9900X DDR5-6000, -ncmoe 32, tg128",
        "local-llm-3060-lab",
        UDQ5KM_36_35B,
        RTX3060_9900X,
        4096,
        48.0,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
    ),
    # ferrox-4070laptop-ncmoe: the two --n-cpu-moe points of the sweep
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB, RTX 4070 Laptop 8 GB, -ngl 99 --n-cpu-moe 36",
        "ferrox-4070laptop-ncmoe",
        Q4KM_36_35B_1970,
        RTX4070L_FERROX,
        4096,
        27.8,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB, RTX 4070 Laptop 8 GB, -ngl 99 --n-cpu-moe 40 (all experts in RAM)",
        "ferrox-4070laptop-ncmoe",
        Q4KM_36_35B_1970,
        RTX4070L_FERROX,
        4096,
        16.3,
        runner="llama.cpp",
    ),
    # ru-ultra5-225h-ollama: CPU only
    SpeedCase(
        "4B Q4_K_M, Core Ultra 5 225H CPU only, Ollama 0.40, 4K",
        "ru-ultra5-225h-ollama",
        "qwen3.5:4b",
        ULTRA5_225H,
        4096,
        10.16,
        depth=60,
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B (Ollama qwen3.6:35b), RTX 4070 12 GB + 32 GB, Ollama default, 256K",
        "friday-4070-provisioning",
        "qwen3.5:35b-a3b",
        RTX4070_FRIDAY,
        262144,
        "partial",
        0.34,
        note="ollama ps 29 GB, 66%/34% CPU/GPU, CONTEXT 262144",
    ),
    PlacementCase(
        "4B Q4_K_M, Core Ultra 5 225H (no discrete GPU), Ollama default, 4K",
        "ru-ultra5-225h-ollama",
        "qwen3.5:4b",
        ULTRA5_225H,
        4096,
        "cpu",
        note="ollama ps 3.1 GB, 100% CPU, CONTEXT 4096",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
