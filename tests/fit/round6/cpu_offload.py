"""Sixth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round6/__init__.py.

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
        "llamacpp-doc-spacemit",
        "https://github.com/ggml-org/llama.cpp/blob/master/docs/build-riscv64-spacemit.md (the 'Performance' section)",
        "CPU only: SpacemiT X60 (RISC-V, 4 threads used) and SpacemiT A100 (RISC-V, 8 threads used) "
        "boards; RAM ? (8 GB and 16 GB assumed); Linux",
        "mainline llama.cpp built with GGML_CPU_RISCV64_SPACEMIT (build not stated); llama-bench "
        "-fa 1 -ub 128 --mmap 0, tg128",
        False,
        "the vendor's figures in llama.cpp's own build notes for its RISC-V SoCs; only the Qwen3.5 "
        "rows are entered: Qwen3.5-2B Q4_1 (1.19 GiB as printed; Ollama does not ship Q4_1) on each "
        "CPU; tg128 at d0 (depth 64), context 4096 assumed; boards, RAM size/type and clocks not "
        "stated (RAM 8 GB for the X60 and 16 GB for the A100 assumed; builder's default core count "
        "replaced by the stated thread counts); KV f16 (llama-bench default)",
    ),
    (
        "harnesslab-4060laptop-ncmoe",
        "stored copy in the public GitHub index, repository not identified (no address shown; the "
        "backtrace names /home/jack/repos/harness-lab): Markdown logs headed 'n-cpu-moe 掃描 resolute "
        "2026-10-07', llama-bench sweeps of --n-cpu-moe",
        "RTX 4060 Laptop GPU 8 GB (8188 MiB), driver 610.57.04, Ubuntu 'resolute'; CPU ? (12 threads "
        "used); RAM ? (32 GB assumed)",
        "mainline llama.cpp b11469 (ad2156533), CUDA 13.4; llama-bench -ngl 999 -fa 1 -b 2048 -ub "
        "2048 -ctk q8_0 -ctv q8_0 -t 12 -p 8192 -n 128",
        False,
        "Qwen3.6-35B-A3B UD-Q4_K_XL (20.81 GiB as printed) stands for qwen3.5:35b-a3b; a placement "
        "sweep: only its two ends at -b 2048 are entered, --n-cpu-moe 40 (every routed expert in "
        "RAM) and --n-cpu-moe 33 (the most experts on the GPU that ran); the 36-34 rows and the "
        "-b 4096 repeat (where 37 ran out of VRAM) are left out; tg128 at d0 (depth 64), context "
        "4096 (llama-bench); KV q8_0; CPU, RAM size and type not stated (RAM 32 GB assumed)",
    ),
    (
        "qcs9075-llamacpp-m1",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "'qcs9075-llamacpp' project folder (README.md '用 llama.cpp 在 IQ-9075 上跑較大的語言模型' and "
        "results notes headed 'M1 CPU baseline', 2026-09-11)",
        "CPU only: Qualcomm Dragonwing IQ-9075 board (QCS9075, 8 cores, dotprod/fp16, no i8mm), "
        "33.0 GiB RAM (LPDDR5-6400, 96-bit, 76.8 GB/s as the notes state), Linux (Yocto image)",
        "mainline llama.cpp df03399 (2026-09-10), CPU backend only (-march=armv8.2-a+fp16+dotprod, "
        "OpenMP off); llama-bench -p 512 -n 128 -t 4,8 -r 3",
        False,
        "Qwen3.6-35B-A3B Q4_0 (bartowski, 19.40 GiB as printed; Ollama does not ship Q4_0) stands "
        "for qwen3.5:35b-a3b; the 8-thread row of the first table is entered (all cores; the "
        "4-thread row, 10.02, is the same thread sweep's other point and is left out); the notes "
        "later show some mmap runs slowed by zram swap (8.6-9.7) and a -lm dio rerun at 12.55 — "
        "the table's run is the one the author calls unswapped; tg128 at d0 (depth 64), context "
        "4096; KV f16 (llama-bench default); CPU clock 2.36 GHz as sampled during generation; the "
        "96-bit bus cannot be entered as whole 64-bit channels, so the profile states LPDDR5-6400 "
        "with the channel count unset",
    ),
    (
        "nexor-1050ti-fase1",
        "stored copy in the public GitHub index, repository not identified (no address shown): a "
        "Spanish report '📊 Fase 1 · Diagnóstico del motor local' (2026-09-30) of a project called NEXOR",
        "GTX 1050 Ti 4 GB (driver 582.66, WDDM; ~407 MiB used by the desktop, ~3.6 GB free), Intel "
        "Core i3-7100 (2C/4T), 16 GB RAM, Windows 11",
        "Ollama (version not stated; ≥ 0.30 inferred from the date, 2026-09-30), ollama run --verbose",
        False,
        "qwen3.5:2b (2.7 GB as stated: Ollama's default tag) and qwen3.5:4b (Q4_K_M, 3.4 GB); the "
        "default placements are entered (2b: 33%/67% CPU/GPU, 'offloaded 19/26 layers to GPU'; 4b: "
        "50%/50%) with the one speed measured at a default placement (2b, 18.9 tok/s, thinking off, "
        "88 tokens); the num_gpu 99 rows (everything forced onto the GPU: 2b 28.0/28.3, 4b 18.4) are "
        "left out as manual placements; context 4096 (num_ctx 4096 as the report settles on; Ollama's "
        "default here); prompt length not stated (depth unknown); KV type not stated (f16 assumed); "
        "OS Windows not expressible in the GPU builder (Linux default)",
    ),
)

SPACEMIT_X60 = build_profile(
    ram_gib=8, ram_available_gib=7, cpu="Spacemit(R) X60", cores=4, arch="riscv64", flags=("rvv",)
)
SPACEMIT_A100 = build_profile(
    ram_gib=16, ram_available_gib=14, cpu="Spacemit(R) A100", cores=8, arch="riscv64", flags=("rvv",)
)
IQ9075 = build_profile(
    ram_gib=33.0,
    ram_available_gib=30.2,
    cpu="Qualcomm QCS9075",
    cores=8,
    arch="aarch64",
    flags=("neon", "dotprod"),
)
# LPDDR5-6400 as stated; its 96-bit bus (1.5 64-bit channels) cannot be entered, channels left unset
IQ9075 = replace(IQ9075, ram=replace(IQ9075.ram, memory_type="LPDDR5", speed_mts=6400))
GTX1050TI_I3 = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1050 Ti", 4, ram_gib=16, free_gib=3.6),
    name="Intel(R) Core(TM) i3-7100 CPU",
    cores=2,
)
RTX4060L = gpu_machine("NVIDIA GeForce RTX 4060 Laptop GPU", 8188 / 1024, ram_gib=32)

Q41_2B = _gib("qwen3.5:2b", 1.19)
Q40_36_35B = _gib("qwen3.5:35b-a3b", 19.40)
UDQ4KXL_36_35B_2081 = _gib("qwen3.5:35b-a3b", 20.81)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # llamacpp-doc-spacemit: CPU only, RISC-V
    SpeedCase(
        "2B Q4_1 1.19 GiB, SpacemiT X60 CPU only (4 threads), tg128",
        "llamacpp-doc-spacemit",
        Q41_2B,
        SPACEMIT_X60,
        4096,
        3.07,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "2B Q4_1 1.19 GiB, SpacemiT A100 CPU only (8 threads), tg128",
        "llamacpp-doc-spacemit",
        Q41_2B,
        SPACEMIT_A100,
        4096,
        16.49,
        depth=64,
        runner="llama.cpp",
    ),
    # qcs9075-llamacpp-m1: CPU only, 8 threads
    SpeedCase(
        "35B-A3B Q4_0 19.40 GiB, IQ-9075 (QCS9075) CPU only, 8 threads, tg128",
        "qcs9075-llamacpp-m1",
        Q40_36_35B,
        IQ9075,
        4096,
        12.32,
        depth=64,
        runner="llama.cpp",
    ),
    # nexor-1050ti-fase1: Ollama's default split
    SpeedCase(
        "2B (Ollama default tag), GTX 1050 Ti 4 GB + i3-7100 16 GB, Ollama default 33%/67% CPU/GPU",
        "nexor-1050ti-fase1",
        "qwen3.5:2b",
        GTX1050TI_I3,
        4096,
        18.9,
        runner="ollama",
    ),
    # harnesslab-4060laptop-ncmoe: the two ends of the --n-cpu-moe sweep
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.81 GiB, RTX 4060 Laptop 8 GB, --n-cpu-moe 40 (all experts in RAM), tg128",
        "harnesslab-4060laptop-ncmoe",
        UDQ4KXL_36_35B_2081,
        RTX4060L,
        4096,
        42.17,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.81 GiB, RTX 4060 Laptop 8 GB, --n-cpu-moe 33, tg128",
        "harnesslab-4060laptop-ncmoe",
        UDQ4KXL_36_35B_2081,
        RTX4060L,
        4096,
        45.26,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "2B (Ollama default tag), GTX 1050 Ti 4 GB + 16 GB, Ollama default",
        "nexor-1050ti-fase1",
        "qwen3.5:2b",
        GTX1050TI_I3,
        4096,
        "partial",
        0.67,
        note="ollama ps 33%/67% CPU/GPU; log 'offloaded 19/26 layers to GPU' with 1726 MiB still free",
    ),
    PlacementCase(
        "4B Q4_K_M, GTX 1050 Ti 4 GB + 16 GB, Ollama default",
        "nexor-1050ti-fase1",
        "qwen3.5:4b",
        GTX1050TI_I3,
        4096,
        "partial",
        0.50,
        note="ollama ps 50%/50% CPU/GPU",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
