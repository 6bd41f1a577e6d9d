"""Tenth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round10/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files Ollama does not ship are entered from their
size (`_gib`, GiB as llama.cpp prints it: reference_data.gguf_gib). The CPU profile helper is round
4's `_cpu`.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "jon-5060ti-x570-notes",
        "stored copy in the public GitHub index, repository not identified (no address shown): 'Running "
        "a local LLM for agentic coding' (notes on an RTX 5060 Ti 16GB for MicroPython development, "
        "hosts jon-workstation and soundsensing-gpu-1), its sections 'llama-cpp on X570' and 'With 32GB "
        "RAM set to 3200 Mhz'",
        "RTX 5060 Ti 16 GB (15841 MiB as llama.cpp reports it) in an X570 board, AMD Ryzen 5 5600X, 32 GB "
        "DDR4 (sticks rated DDR4-2666, later run at 3200); OS ? (Linux, Docker)",
        "mainline llama.cpp, official Docker images ghcr.io/ggml-org/llama.cpp:full-cuda13 (build not "
        "stated for the X570 run; b8864 = ff6b1062a printed for the DDR4-3200 run); llama-bench -pg 7500,512 "
        "-t 6 --fit-ctx 100000 --fit-target 300 -fa 1 -b 2048 -ub 2048",
        False,
        "Qwen3.6-35B-A3B UD-Q4_K_M (20.60 GiB as llama-bench prints it) stands for qwen3.5:35b-a3b; the "
        "placement is llama.cpp's own fit (--fit-target 300 MiB, fitted for a 100,000-token context), not a "
        "hand-set one; a fit log of the same command on the same card in an earlier section: 41 layers with "
        "14 overflowing (their experts in RAM), 14736 MiB of the model on the GPU and 6362 MiB on the host, "
        "entered as a placement row (share 14736 / 21098); context entered as the fit context, 100,000 "
        "(llama-bench itself ran tg128 in a small context; the placement is the one fitted for 100K); tg128 at "
        "d0, so depth 64; KV f16 (not set). Rows: the single-card X570 run (tg128 49.38 ± 11.20; the DDR4 speed "
        "at the time not stated: the sticks' rated 2666 MT/s assumed) and the single-card rerun with the RAM "
        "overclocked to 3200 MT/s, 'nothing else running' (70.05; that it is the X570 host with one card is "
        "inferred from the section order and from 'found 2 CUDA devices' being absent). Left out: the first "
        "DDR4-3200 run (53.90, during memtester), the two-card rows (both cards' VRAM, another collector's "
        "kind), the pp7500+tg512 rows (prompt and decode mixed), the earlier single-card rows whose host's CPU "
        "is not named (56.2-60.4 tok/s, build and image sweeps) and the MTP/vLLM figures",
    ),
)

RTX5060TI_5600X = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5060 Ti", 15841 / 1024, ram_gib=32),
    name="AMD Ryzen 5 5600X 6-Core Processor",
    cores=6,
    memory_type="DDR4",
    mts=2666,
)
RTX5060TI_5600X_3200 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5060 Ti", 15841 / 1024, ram_gib=32),
    name="AMD Ryzen 5 5600X 6-Core Processor",
    cores=6,
    memory_type="DDR4",
    mts=3200,
)

UDQ4KM_36_35B_2060 = _gib("qwen3.5:35b-a3b", 20.60)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # jon-5060ti-x570-notes: llama.cpp's fit puts 14 layers' experts in DDR4 beside a 16 GB card
    SpeedCase(
        "35B-A3B UD-Q4_K_M 20.60 GiB (Qwen3.6), RTX 5060 Ti 16 GB + Ryzen 5 5600X, DDR4-2666, fit for 100K",
        "jon-5060ti-x570-notes",
        UDQ4KM_36_35B_2060,
        RTX5060TI_5600X,
        100000,
        49.38,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_M 20.60 GiB (Qwen3.6), RTX 5060 Ti 16 GB + Ryzen 5 5600X, DDR4-3200, fit for 100K",
        "jon-5060ti-x570-notes",
        UDQ4KM_36_35B_2060,
        RTX5060TI_5600X_3200,
        100000,
        70.05,
        depth=64,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B UD-Q4_K_M 20.60 GiB (Qwen3.6), RTX 5060 Ti 16 GB, llama.cpp fit (300 MiB margin) for 100K",
        "jon-5060ti-x570-notes",
        UDQ4KM_36_35B_2060,
        RTX5060TI_5600X,
        100000,
        "partial",
        gpu_share=14736 / 21098,
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
