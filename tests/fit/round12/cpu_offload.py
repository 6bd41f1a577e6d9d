"""Twelfth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round12/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files Ollama does not ship are entered from their
stated size (`gguf_file` for decimal GB, `gguf_gib` for GiB as llama.cpp prints it). The CPU profile
helper is round 4's `_cpu`.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "lunaschal-rtx3070-5800x",
        "https://github.com/volodymyrkhrystynych/Lunaschal (docs/learnings/qwen36-context-budget.md, "
        "docs/learnings/moe-expert-placement.md, llama/presets.ini)",
        "NVIDIA GeForce RTX 3070 8 GB (~7.8 GB usable, ~1.2-1.7 GB of it held by the desktop), AMD Ryzen 7 "
        "5800X, 62 GB system RAM, dual-channel DDR4, Linux (Hyprland desktop)",
        "mainline llama.cpp llama-server (build not stated for the Qwen3.6 run; b10182 for the same author's "
        "earlier Gemma sweep on this machine); before it Ollama (version not stated; >= 0.30 inferred from "
        "the date, the runner replaced on 2026-07-30)",
        False,
        "Qwen3.6-35B-A3B stands for qwen3.5:35b-a3b. Decode row: the preset's first live load (2026-08-09), "
        "UD-Q4_K_XL 22,349,466,112 bytes as stated, -ngl 999 --n-cpu-moe 40 (every routed expert in system "
        "RAM: a hand-set placement), -c 190000 (n_ctx 190208 reported), parallel 2 with kv-unified, q8_0 "
        "K/V, 'Generation 33.7 tok/s'; how it was timed (llama-server's own timings assumed) and the prompt "
        "length are not stated (depth unknown); a later rerun of the same preset with the F16 vision "
        "projector configured on the CPU (text-only turn, 33.99 tok/s) is the same configuration and is "
        "left out. Placement row: the `ollama ps` the author quotes for the Ollama runner it replaced, "
        "qwen3.6:35b, 24 GB, '82%/18% CPU/GPU', context 32768 (5544 MiB of VRAM used). Left out: the "
        "Ollama '~10 tok/s' the author marks as recollection, not measured, and every Gemma 4 row (not "
        "Qwen3.5/3.6). RAM speed not stated (DDR4 without speed; the author's own ~40 GB/s is an estimate)",
    ),
    (
        "keithmerrilliv-rtx5080-agents",
        "https://github.com/keithmerrilliv/coding-model-server (src/coding_model_server/config.py, "
        "docs/TUTORIAL.md, README.md)",
        "NVIDIA GeForce RTX 5080 16 GB, dual-channel DDR5-5600 system RAM (size not stated: 192 GB "
        "inferred, the tutorial's figure for the largest models and a 180.3 GB file said to leave ~8 GB "
        "free), CPU not named (AVX2; llama-server run with -t 24), Linux, CUDA 12.8",
        "mainline llama.cpp llama-server (builds 5343f45 and later as named in config.py) launched by the "
        "project's server with --lookup-cache-dynamic, --cache-reuse 256, --swa-full, -fa auto, --mmap, "
        "-np 1 and no --spec-type on these models",
        False,
        "Qwen3.6-35B-A3B stands for qwen3.5:35b-a3b; the 35B file is Unsloth's UD-Q4_K_M, '22.1 GB' as "
        "stated (decimal GB assumed); rows: the 2026-07-14 --n-cpu-moe sweep's two ends (raw llama-server, "
        "median of 3 after a discarded warm-up, production argv: -ngl 41, -c 65536, q8_0 K/V, ub 4608): "
        "n_cpu_moe 24 73.52 tok/s and 18 84.75 tok/s (its middle points 22 and 20, 77.54 and 80.73, and 16, "
        "which fails to load, left out; the end-to-end 75.5 tok/s through the project's FastAPI proxy at "
        "20 is the same configuration and left out; the earlier 2026-06-05 sweep on another build left "
        "out). Qwen3.5-122B-A10B Q4_K_M (Unsloth, '76.5 GB', 3 shards) at -ngl 49 --cpu-moe, -c 262144, "
        "q8_0 K/V (the config's default), ub 3072: 20.0 tok/s, the TUTORIAL table's end-to-end decode "
        "through the proxy (benchmark_decode.py: a 200-token call minus a 1-token call, median of 3 "
        "reps, warm-up discarded; the author says these run a few percent below raw llama-server). "
        "Both are hand-set placements. Prompt: a short fixed coding prompt (length not stated, depth "
        "unknown). --lookup-cache-dynamic is passed to every model, but no speculative type is set, so "
        "no drafting is assumed. CPU model not stated: entered as 12 cores from the -t 24 the server passes "
        "(two threads per core assumed), clock unset; RAM size inferred as said. Left out: the Qwen3.6-27B rows (MTP drafting; its 8.3 tok/s no-MTP "
        "baseline names neither the -ngl nor the file it ran) and every model that is not Qwen3.5/3.6",
    ),
)

RTX3070_5800X = _cpu(
    gpu_machine("NVIDIA GeForce RTX 3070", 8, ram_gib=62),
    name="AMD Ryzen 7 5800X 8-Core Processor",
    cores=8,
    memory_type="DDR4",
)
RTX5080_DDR5 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=192),
    name="x86-64 desktop CPU (not named; -t 24)",
    cores=12,
    memory_type="DDR5",
    mts=5600,
)

UDQ4KXL_36_35B_LUNASCHAL = gguf_file("qwen3.5:35b-a3b", 22.349)
UDQ4KM_36_35B_221 = gguf_file("qwen3.5:35b-a3b", 22.1)
Q4KM_122B_765 = gguf_file("qwen3.5:122b-a10b", 76.5)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # lunaschal-rtx3070-5800x: every routed expert in DDR4 beside an 8 GB card, 190K window
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 22.35 GB (Qwen3.6), RTX 3070 8 GB + Ryzen 7 5800X, -ngl 999 --n-cpu-moe 40, 190K q8_0",
        "lunaschal-rtx3070-5800x",
        UDQ4KXL_36_35B_LUNASCHAL,
        RTX3070_5800X,
        190208,
        33.7,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    # keithmerrilliv-rtx5080-agents: --n-cpu-moe sweep ends at 64K, and the 122B with every expert on the CPU
    SpeedCase(
        "35B-A3B UD-Q4_K_M 22.1 GB (Qwen3.6), RTX 5080 16 GB + DDR5-5600, -ngl 41 --n-cpu-moe 24, 64K q8_0",
        "keithmerrilliv-rtx5080-agents",
        UDQ4KM_36_35B_221,
        RTX5080_DDR5,
        65536,
        73.52,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_M 22.1 GB (Qwen3.6), RTX 5080 16 GB + DDR5-5600, -ngl 41 --n-cpu-moe 18, 64K q8_0",
        "keithmerrilliv-rtx5080-agents",
        UDQ4KM_36_35B_221,
        RTX5080_DDR5,
        65536,
        84.75,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "122B-A10B Q4_K_M 76.5 GB, RTX 5080 16 GB + DDR5-5600, -ngl 49 --cpu-moe, 256K q8_0, through a proxy",
        "keithmerrilliv-rtx5080-agents",
        Q4KM_122B_765,
        RTX5080_DDR5,
        262144,
        20.0,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B (3.6) Q4_K_M, RTX 3070 8 GB + 62 GB RAM, Ollama (>= 0.30 inferred), num_ctx 32768",
        "lunaschal-rtx3070-5800x",
        "qwen3.5:35b-a3b",
        RTX3070_5800X,
        32768,
        "partial",
        0.18,
        note="ollama ps: qwen3.6:35b 24 GB, '82%/18% CPU/GPU', 32768; 5544 MiB of VRAM used",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
