"""Fifth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round5/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM size and type, CPU); anything else is the
builders' default and is said in the source's note. GGUF files are entered from the size llama.cpp
prints (`_gib`, GiB: reference_data.gguf_gib). The CPU profile helper is round 4's `_cpu`.
"""

from __future__ import annotations

from dataclasses import replace

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "r9700-122b-fitreports",
        "stored copy in the public GitHub index, repository not identified (no address shown): a set of "
        "Markdown llama-bench reports dated 2026-04-19, 'Qwen3.5-122B-A10B Baseline Findings', "
        "'Single GPU No-Fit vs Fit-Target — Qwen3.5-122B-A10B (UD-Q3_K_XL)' and 'All GPUs No-Fit vs "
        "Fit-Target — Qwen3.5-122B-A10B (UD-Q4_K_XL)'",
        "2× AMD Radeon AI PRO R9700 32 GB (31 GiB each as reported; 32624 MiB per llama.cpp), 126 GiB "
        "RAM, Linux kernel 6.17.0-20; CPU ?",
        "mainline llama.cpp 23b8cc499 (2026-04-18), bench build fd1c0ec3f (8834); ROCm and Vulkan "
        "(RADV_DEBUG=nocompute); llama-bench -ngl 999 -fa on -r 3 -b 2048, tg256",
        False,
        "probably the same person and machine as round 4's r9700x2-analysis-bench (2× R9700, ROCm and "
        "RADV Vulkan, two days earlier; noticed by the lead when merging, after the split was fixed by the id): "
        "kept as entered, counted once as a publication (public_sources.SAME_MACHINE); "
        "the 'no fit target' runs are entered: --n-cpu-moe 999 (every routed expert in RAM, the rest "
        "on the GPU); rows at n_ubatch 512 (the ubatch sweep only moves prompt processing); tg256 at "
        "d0 (depth 128), context 4096 assumed; single-GPU rows forced onto one card with -sm none "
        "-mg 0 (entered as a one-GPU machine), all-GPU rows split by layer over both cards; the "
        "-fitt 512 (fit-target) rows are left out (llama.cpp chooses an expert split the report does "
        "not state; the ROCm ones crashed or are noisy), as are the n_cpu_moe sweep of the Q3 model "
        "that fits both cards and the IQ4_XS / Q4_K_S runs (quant sweep: one file per GPU count); "
        "CPU, RAM type/speed and KV type not stated (f16 assumed, llama-bench default); GGUF sizes as "
        "llama.cpp prints them: UD-Q3_K_XL 53.05 GiB, UD-Q4_K_XL 71.73 GiB",
    ),
    (
        "aivisionslab-rx580",
        "https://github.com/aivisionslab-studios/rx580-local-ai-guide (docs/qwen35-35b/benchmarks.md, "
        "running-35b-on-8gb-vram.md, ctx-size-and-quantization-tuning.md)",
        "AMD Radeon RX 580 2048SP 8 GB, Intel Xeon E5-2690 v3 (12C/24T, 3.05 GHz), 31.8 GB DDR4 ECC "
        "(quad-channel), Windows (PowerShell)",
        "mainline llama.cpp b9049 (2496f9c14), Vulkan backend, llama-server with automatic fitting "
        "(no -ngl, no --override-tensor)",
        False,
        "Qwen3.5-35B-A3B Q4_K_M 21.17 GiB as stated; llama.cpp's fit kept the dense layers on the "
        "GPU and put every routed expert in RAM (logged for the Q6_K run: Vulkan0 5,154 MiB, "
        "CPU_Mapped 26,784 MiB); the quant sweep's Q6_K rows (5.57–5.64 tok/s) are left out (Ollama "
        "does not ship Q6_K), its placement is entered; context sweep 4,096 and 8,192 (both ends); "
        "the parallel-slots row (two clients at once) is left out; prompt lengths not stated (depth "
        "unknown), the 8K run was a long reasoning trace; KV type not stated (f16 assumed); RAM "
        "speed not stated; the author notes HDD swap activity during the Q6_K runs; the RX 580 is "
        "missing from the bandwidth table",
    ),
    (
        "rx6800xt-bench-notes",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "Markdown note with two llama-bench runs, headed '## 27B' and '## 35B-3B', on an RX 6800 XT",
        "AMD Radeon RX 6800 XT 16 GB (gfx1030); CPU ? (11 threads used); RAM ? (32 GB assumed)",
        "llama.cpp ROCm (HIP) llama-bench, build not stated; --flash-attn off, --threads 11",
        False,
        "manual placements, both entered as run: Qwen3.5-27B Q4_K_M (15.58 GiB) with --n-gpu-layers "
        "26 (of 65) and Qwen3.5-35B-A3B UD-Q4_K_XL (20.70 GiB) with --n-gpu-layers 16 and "
        "--n-cpu-moe 20; tg128 at d0 (depth 64), context 4096 assumed; CPU, RAM size/type and "
        "llama.cpp build not stated (RAM 32 GB assumed, CPU left at the builder's default); KV f16 "
        "(llama-bench default)",
    ),
)

# Dual R9700 box: CPU not stated (builder default); 126 GiB RAM as reported
R9700_ONE = gpu_machine("AMD Radeon AI PRO R9700", 31.86, ram_gib=126, vendor="amd")
R9700_TWO = gpu_machine("AMD Radeon AI PRO R9700", 31.86, count=2, ram_gib=126, vendor="amd")

RX580_E5 = _cpu(
    gpu_machine("AMD Radeon RX 580 2048SP", 8, ram_gib=31.8, vendor="amd", free_gib=7366 / 1024),
    name="Intel(R) Xeon(R) CPU E5-2690 v3",
    cores=12,
    mhz=3050,
    memory_type="DDR4",
)
RX580_E5 = replace(RX580_E5, ram=replace(RX580_E5.ram, channels=4))  # quad-channel as stated

RX6800XT = gpu_machine("AMD Radeon RX 6800 XT", 16, ram_gib=32, vendor="amd")

UDQ3KXL_122B = _gib("qwen3.5:122b-a10b", 53.05)
UDQ4KXL_122B = _gib("qwen3.5:122b-a10b", 71.73)
Q4KM_35B_2117 = _gib("qwen3.5:35b-a3b", 21.17)
Q6K_35B = _gib("qwen3.5:35b-a3b", 26.55)
Q4KM_27B_1558 = _gib("qwen3.5:27b", 15.58)
UDQ4KXL_35B_2070 = _gib("qwen3.5:35b-a3b", 20.70)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # r9700-122b-fitreports: every routed expert in RAM (--n-cpu-moe 999), no fit target
    SpeedCase(
        "122B-A10B UD-Q3_K_XL 53.05 GiB, 1× R9700 32 GB + 126 GiB, all experts on CPU, ROCm, tg256",
        "r9700-122b-fitreports",
        UDQ3KXL_122B,
        R9700_ONE,
        4096,
        14.42,
        depth=128,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-Q3_K_XL 53.05 GiB, 1× R9700 32 GB + 126 GiB, all experts on CPU, Vulkan, tg256",
        "r9700-122b-fitreports",
        UDQ3KXL_122B,
        R9700_ONE,
        4096,
        14.59,
        depth=128,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-Q4_K_XL 71.73 GiB, 2× R9700 + 126 GiB, all experts on CPU, ROCm, tg256",
        "r9700-122b-fitreports",
        UDQ4KXL_122B,
        R9700_TWO,
        4096,
        12.60,
        depth=128,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-Q4_K_XL 71.73 GiB, 2× R9700 + 126 GiB, all experts on CPU, Vulkan, tg256",
        "r9700-122b-fitreports",
        UDQ4KXL_122B,
        R9700_TWO,
        4096,
        11.60,
        depth=128,
        runner="llama.cpp",
    ),
    # aivisionslab-rx580: llama.cpp's automatic fit, experts in RAM; context sweep 4K and 8K
    SpeedCase(
        "35B-A3B Q4_K_M 21.17 GiB, RX 580 8 GB + E5-2690 v3 DDR4, Vulkan auto-fit, 4K",
        "aivisionslab-rx580",
        Q4KM_35B_2117,
        RX580_E5,
        4096,
        6.57,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 21.17 GiB, RX 580 8 GB + E5-2690 v3 DDR4, Vulkan auto-fit, 8K",
        "aivisionslab-rx580",
        Q4KM_35B_2117,
        RX580_E5,
        8192,
        6.42,
        runner="llama.cpp",
    ),
    # rx6800xt-bench-notes: manual layer / expert placements
    SpeedCase(
        "27B Q4_K_M 15.58 GiB, RX 6800 XT 16 GB, -ngl 26 of 65, ROCm, tg128",
        "rx6800xt-bench-notes",
        Q4KM_27B_1558,
        RX6800XT,
        4096,
        3.02,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.70 GiB, RX 6800 XT 16 GB, -ngl 16 --n-cpu-moe 20, ROCm, tg128",
        "rx6800xt-bench-notes",
        UDQ4KXL_35B_2070,
        RX6800XT,
        4096,
        14.49,
        depth=64,
        runner="llama.cpp",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B Q6_K 26.55 GiB, RX 580 8 GB + 31.8 GB, llama.cpp auto-fit",
        "aivisionslab-rx580",
        Q6K_35B,
        RX580_E5,
        4096,
        "partial",
        note="logged: dense layers on Vulkan0 (5,154 MiB), every routed expert CPU_Mapped (26,784 MiB); "
        "the fit shrank the context to 4,096; no GPU share entered (the mapped buffer is the whole file)",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
