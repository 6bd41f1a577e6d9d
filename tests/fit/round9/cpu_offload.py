"""Ninth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round9/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files Ollama does not ship are entered from their
stated size (`_file`, GB: reference_data.gguf_file). The CPU profile helper is round 4's `_cpu`.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "ollama11772-turrabo-5080",
        "https://github.com/ollama/ollama/issues/11772 (Turrabo's comment of 2026-06-05)",
        "RTX 5080 16 GB, Windows; CPU ?, RAM ? (32 GB assumed)",
        "Ollama 0.30.0 (as stated; the upstream llama-server runner), LLAMA_ARG_CPU_MOE=1 in the server's "
        "environment, num_gpu 99, GGML_CUDA_NO_PINNED=1",
        False,
        "Qwen3.6 35B-A3B under Ollama (tag and quant not stated; Ollama's default Q4_K_M assumed) stands "
        "for qwen3.5:35b-a3b; every routed expert on the CPU (--cpu-moe through the environment, a manual "
        "placement; the author: 2.9 GB of VRAM used, 'only 1.9 GB actually lands on the GPU'): eval rate "
        "36.5 tok/s with a 2.7k-token prompt (tokens generated not stated, so depth left unset); context "
        "not stated (Ollama's default for a 16 GB card, 4096, assumed); KV type not stated (f16 assumed); "
        "RAM size and CPU not stated (32 GB assumed). Left out: the num_gpu 0 run (14.6 tok/s, all on the "
        "CPU, whose model is not named) and the placement (forced by hand)",
    ),
    (
        "rtx4070maxq-qwen36-ncmoe",
        "stored copy in the public GitHub index, repository not identified (no address shown): "
        "'Qwen3.6-35B-A3B on Consumer Hardware' (README.md and docs/FINAL_CONFIG.md, the version "
        "with the IQ3_XXS model; dated by its CHECKPOINT_2026-05-10 document)",
        "laptop: RTX 4070 Max-Q 8 GB (8188 MiB, 256 GB/s as stated), Intel Core i7-14700HX ('8P + 6E "
        "cores, 28 threads' as stated), 16 GB DDR5; OS ? (Linux build commands)",
        "mainline llama.cpp built from source with CUDA 12.6 (-DGGML_CUDA_FA_ALL_QUANTS=ON, build not "
        "stated), llama-server -ngl 99 --n-cpu-moe 25 -fa on -np 1 -t 16 --no-mmap",
        False,
        "Qwen3.6-35B-A3B-UD-IQ3_XXS (13.2 GB on disk as stated) stands for qwen3.5:35b-a3b; the experts "
        "of 25 of 40 layers on the CPU (a manual placement); two configuration profiles of the same "
        "server: 128K context (-c 131072) with q4_0 K and V, '43 tok/s sustained', and 64K with q8_0 KV, "
        "'46 tok/s'; the prompt length is not stated (depth unknown; the author calls a 1024-token "
        "sustained generation the true benchmark); DDR5 speed not stated; the CPU entered as the "
        "source states it (14 cores, 28 threads). Left out: the later README's SWE-challenge speeds "
        "('~10-17 t/s' for IQ3_XXS, '~10-15 t/s' for IQ4_XS: ranges over agent runs with thinking, "
        "not decode rates) and the 'Expected Performance' ranges of the IQ4_XS configuration",
    ),
    (
        "ikpr1593-5060ti-stock",
        "https://github.com/ikawrakow/ik_llama.cpp/pull/1593 (AIdevsmartdata's comment with the Qwen-3.5-35B-A3B "
        "'non-regression sanity check' table)",
        "RTX 5060 Ti (16 GB inferred: a 15 GB file runs with every layer on it), CUDA 12.8; CPU ?, RAM ? (32 GB "
        "assumed); OS ?",
        "mainline llama.cpp b8125 ('stock b8125' in the table), built with -DGGML_CUDA=ON "
        "-DCMAKE_CUDA_ARCHITECTURES=120; llama-server, --n-cpu-moe 14, one slot",
        False,
        "an ik_llama.cpp pull request; only the stock (mainline) rows can enter, and of those only the Q4_K_M one "
        "(a quant sweep contributes the quants Ollama ships): Qwen3.5-35B-A3B Q4_K_M (21 GB as stated; entered as "
        "Ollama's qwen3.5:35b-a3b) with the experts of 14 layers on the CPU (a manual placement), 16K context, "
        "52 tok/s (679 MB of VRAM left free); prompt length not stated (depth unknown); KV type not stated (f16 "
        "assumed); CPU and RAM not stated. Left out: the stock UD-Q5_K_XL row (25 GB, --n-cpu-moe 20, 64K, 42 tok/s: "
        "a quant Ollama does not ship), the stock IQ3_S row (every layer on the GPU, three slots) and every "
        "ik_llama.cpp row (a fork)",
    ),
)

RTX5080_W = gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=32)
RTX4070L_14700HX = _cpu(
    gpu_machine("NVIDIA GeForce RTX 4070 Laptop GPU", 8188 / 1024, ram_gib=16),
    name="Intel(R) Core(TM) i7-14700HX",
    cores=14,
    memory_type="DDR5",
)

RTX5060TI_32 = gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16, ram_gib=32)

UDIQ3XXS_36_35B = _file("qwen3.5:35b-a3b", 13.2)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # ollama11772-turrabo-5080: Ollama 0.30 with every expert on the CPU
    SpeedCase(
        "35B-A3B (Qwen3.6, Q4_K_M assumed), RTX 5080 16 GB, Ollama 0.30.0 --cpu-moe, num_gpu 99",
        "ollama11772-turrabo-5080",
        "qwen3.5:35b-a3b",
        RTX5080_W,
        4096,
        36.5,
        runner="ollama",
    ),
    # rtx4070maxq-qwen36-ncmoe: 25 layers' experts in DDR5 beside an 8 GB laptop card
    SpeedCase(
        "35B-A3B UD-IQ3_XXS 13.2 GB (Qwen3.6), RTX 4070 Max-Q 8 GB + i7-14700HX, --n-cpu-moe 25, 128K q4_0 KV",
        "rtx4070maxq-qwen36-ncmoe",
        UDIQ3XXS_36_35B,
        RTX4070L_14700HX,
        131072,
        43.0,
        kv="q4_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-IQ3_XXS 13.2 GB (Qwen3.6), RTX 4070 Max-Q 8 GB + i7-14700HX, --n-cpu-moe 25, 64K q8_0 KV",
        "rtx4070maxq-qwen36-ncmoe",
        UDIQ3XXS_36_35B,
        RTX4070L_14700HX,
        65536,
        46.0,
        kv="q8_0",
        runner="llama.cpp",
    ),
    # ikpr1593-5060ti-stock: the mainline build's Q4_K_M row, 14 layers' experts on the CPU
    SpeedCase(
        "35B-A3B Q4_K_M 21 GB, RTX 5060 Ti 16 GB, llama.cpp b8125 --n-cpu-moe 14, 16K",
        "ikpr1593-5060ti-stock",
        "qwen3.5:35b-a3b",
        RTX5060TI_32,
        16384,
        52.0,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
