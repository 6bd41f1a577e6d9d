"""Eleventh round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round11/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files are entered from their stated size (`_gib`,
GiB as llama.cpp prints it). The CPU profile helper is round 4's `_cpu`, the RAM one
measurements_public's `_ram`.
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import build_profile

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase, _ram
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "castlen3-rtx3060-e52666v3",
        "https://github.com/castlen3/rtx3060-qwen3.6-35b-guide (data/results.csv, notes/01_environment.md, "
        "notes/02_software.md, notes/03_models.md, data/raw_log_excerpt.md)",
        "RTX 3060 12 GB (12287 MiB, 11255 MiB free as llama.cpp lists it), Intel Xeon E5-2666 v3 (10 cores / "
        "20 threads), 64 GB DDR3-1600 (65376 MiB as llama.cpp reports it), Windows 10",
        "mainline llama.cpp b9444 (6f165c1c6), official prebuilt Windows binaries: first the bin-win-cuda-13.3 "
        "zip without the CUDA runtime DLLs (silently CPU-only), then the cudart zip (CUDA); llama-server "
        "/completion timings (predicted_per_second)",
        False,
        "Qwen3.6-35B-A3B Q4_K_M (LM Studio Community file, 19.70 GiB as stated) stands for qwen3.5:35b-a3b; "
        "stage B ran with the CUDA build missing its runtime DLLs, so --list-devices was empty and nvidia-smi "
        "showed only the desktop's 932 MiB: a CPU-only run by the author's own diagnosis (backend cpu), 6 "
        "threads, KV q8_0, -c 32768, prompt 16 tokens, 200 generated (depth 116); its first row (n01, 10.35 "
        "tok/s) is entered, the seven others repeat the same CPU-only configuration with an --n-cpu-moe value "
        "that has no effect without a GPU (10.17-10.68); stage C (CUDA): -t 8 -ngl 99 --n-cpu-moe 20 "
        "--no-mmap, KV q8_0, -c 32768, prompts of 16 and 307 tokens with 200 generated (depths 116 and 407; "
        "the 307-token run's timings are in the log excerpt); left out: stage C's lower --n-cpu-moe values "
        "(16 down to 0: 14.74 to 8.59 tok/s, which the author marks as VRAM full, a Windows VRAM overcommit), "
        "every MTP row (drafting), and stage A's RX 580 Vulkan rows (the environment note says the machine "
        "has only the RTX 3060, so which host ran them is not stated); the CPU's clock entered as its stated "
        "2.90 GHz; memory channels not stated",
    ),
    (
        "castlen3-gtx1070-7700k",
        "https://github.com/castlen3/gtx1070-qwen3.6-35b-guide (README_EN.md, results/simple_benchmark_EN.md)",
        "GTX 1070 8 GB (8191 MiB), Intel Core i7-7700K (4 cores / 8 threads @ 4.20 GHz), 32 GB DDR4, Windows 10",
        "mainline llama.cpp b9500, official Windows CUDA 12.4 binaries with cudart; llama-server -t 4 "
        "--no-mmap -fa on -fit off --reasoning off -np 1",
        False,
        "the same author as castlen3-rtx3060-e52666v3 but another machine (another CPU and RAM); "
        "Qwen3.6-35B-A3B Q4_K_M stands for qwen3.5:35b-a3b, stated as '19.7 GB' — entered as the 19.70 GiB the "
        "author's RTX 3060 notes give for the same file name (LM Studio Community Q4_K_M, 4.88 BPW); all rows "
        "are hand-set placements (-ngl and --n-cpu-moe chosen by the author, llama.cpp's fit off); how the "
        "decode rate was measured and the prompt length are not stated (depth unknown); rows: the q8_0-KV 32K "
        "sweep's n_cpu_moe 30 and 29 (22.3, 22.0), the q4_0-KV context sweep at n_cpu_moe 28, its shortest "
        "and longest context (4096: 22.8, 65536: 22.9), and the q4_0 4K ngl/n_cpu_moe sweep's other end "
        "(ngl 20 with 64: 9.5; its near end is the context sweep's 4096 row), the lead keeping a placement "
        "sweep's two ends as the entry rules say (its middle points, ngl 40 with 36 and 32, ngl 36 with 32 and "
        "ngl 28 with 48, left out before the evaluation); left out: q8_0 with "
        "n_cpu_moe 28 (8.5 tok/s, 7.9 of 8 GB, marked VRAM thrashing by the author), the middle contexts of "
        "the context sweep, and the RTX 3060 comparison figure (that machine is the other source); RAM speed "
        "not stated",
    ),
)

RTX3060_E52666V3 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 3060", 12287 / 1024, ram_gib=65376 / 1024, free_gib=11255 / 1024),
    name="Intel(R) Xeon(R) CPU E5-2666 v3 @ 2.90GHz",
    cores=10,
    mhz=2900,
    memory_type="DDR3",
    mts=1600,
)
RTX3060_E52666V3 = replace(RTX3060_E52666V3, os="windows")
E52666V3_CPU_ONLY = _ram(
    build_profile(
        ram_gib=65376 / 1024,
        ram_available_gib=58407 / 1024,
        cpu="Intel(R) Xeon(R) CPU E5-2666 v3 @ 2.90GHz",
        cores=10,
        os="windows",
    ),
    "DDR3",
    1600,
)
E52666V3_CPU_ONLY = replace(E52666V3_CPU_ONLY, cpu=replace(E52666V3_CPU_ONLY.cpu, max_mhz=2900))
GTX1070_7700K = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1070", 8191 / 1024, ram_gib=32),
    name="Intel(R) Core(TM) i7-7700K CPU @ 4.20GHz",
    cores=4,
    mhz=4200,
    memory_type="DDR4",
)
GTX1070_7700K = replace(GTX1070_7700K, os="windows")

Q4KM_36_35B_1970 = _gib("qwen3.5:35b-a3b", 19.70)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # castlen3-rtx3060-e52666v3: CPU-only (the CUDA runtime missing), then experts of 20 layers in DDR3
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), Xeon E5-2666 v3 CPU only (CUDA runtime missing), 6 threads, 32K q8_0",
        "castlen3-rtx3060-e52666v3",
        Q4KM_36_35B_1970,
        E52666V3_CPU_ONLY,
        32768,
        10.35,
        kv="q8_0",
        depth=116,
        runner="llama.cpp",
        backend="cpu",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), RTX 3060 12 GB + E5-2666 v3, --n-cpu-moe 20, 32K q8_0, 16-token prompt",
        "castlen3-rtx3060-e52666v3",
        Q4KM_36_35B_1970,
        RTX3060_E52666V3,
        32768,
        27.35,
        kv="q8_0",
        depth=116,
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), RTX 3060 12 GB + E5-2666 v3, --n-cpu-moe 20, 32K q8_0, 307-token prompt",
        "castlen3-rtx3060-e52666v3",
        Q4KM_36_35B_1970,
        RTX3060_E52666V3,
        32768,
        27.73,
        kv="q8_0",
        depth=407,
        runner="llama.cpp",
        backend="cuda",
    ),
    # castlen3-gtx1070-7700k: hand-set -ngl / --n-cpu-moe on an 8 GB Pascal card
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), GTX 1070 8 GB + i7-7700K, -ngl 40 --n-cpu-moe 30, 32K q8_0",
        "castlen3-gtx1070-7700k",
        Q4KM_36_35B_1970,
        GTX1070_7700K,
        32768,
        22.3,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), GTX 1070 8 GB + i7-7700K, -ngl 40 --n-cpu-moe 29, 32K q8_0",
        "castlen3-gtx1070-7700k",
        Q4KM_36_35B_1970,
        GTX1070_7700K,
        32768,
        22.0,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), GTX 1070 8 GB + i7-7700K, -ngl 40 --n-cpu-moe 28, 4K q4_0",
        "castlen3-gtx1070-7700k",
        Q4KM_36_35B_1970,
        GTX1070_7700K,
        4096,
        22.8,
        kv="q4_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), GTX 1070 8 GB + i7-7700K, -ngl 40 --n-cpu-moe 28, 64K q4_0",
        "castlen3-gtx1070-7700k",
        Q4KM_36_35B_1970,
        GTX1070_7700K,
        65536,
        22.9,
        kv="q4_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M 19.70 GiB (Qwen3.6), GTX 1070 8 GB + i7-7700K, -ngl 20 --n-cpu-moe 64, 4K q4_0",
        "castlen3-gtx1070-7700k",
        Q4KM_36_35B_1970,
        GTX1070_7700K,
        4096,
        9.5,
        kv="q4_0",
        runner="llama.cpp",
        backend="cuda",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
