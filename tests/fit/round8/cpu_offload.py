"""Eighth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round8/__init__.py.

Profiles state only what the source states (GPU, VRAM, RAM, CPU); anything else is the builders'
default and is said in the source's note. GGUF files Ollama does not ship are entered from their
size (`_file`, GB; `_gib`, GiB: reference_data.gguf_file/gguf_gib). The CPU profile helper is round
4's `_cpu`.
"""

from __future__ import annotations

from dataclasses import replace

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "thintensor-5050laptop-27b",
        "stored copy in the public GitHub index, repository not identified (no address shown): "
        "'Qwen3.6-27B optimization log' (2026-07-14) of a custom runtime called ThinTensor, its "
        "'Phase A Q4_K_M baseline' section (the official llama.cpp run the runtime is compared with)",
        "RTX 5050 Laptop GPU 8 GB, AMD Ryzen 7 250 (8C/16T, AVX-512), RAM ? (32 GB assumed); OS ?",
        "official llama.cpp b9986 Vulkan release archive (commit 91c631b2), device Vulkan1 = the "
        "RTX 5050 Laptop GPU; llama.cpp's automatic fit (512 MiB margin, 2,048-token minimum fit "
        "context), batch/ubatch 1, F16 KV",
        False,
        "Qwen3.6-27B Q4_K_M (unsloth, 16,817,244,384 bytes = 16.82 GB as stated) stands for "
        "qwen3.5:27b; the file is twice the card, so the fit leaves part of the layers on the CPU (its "
        "split is not logged: no placement row); 'sustained single-sequence decode: 4.579955 tok/s "
        "mean over 200 generated tokens and three repetitions' (4.572 / 4.585 / 4.583); the prompt is "
        "12 tokens, so depth 12 + 200/2 = 112; context entered as 2048, the fit's minimum (the context "
        "was not set, and the fit shrinks an unset context toward that minimum before it moves layers "
        "to the CPU: inferred, not logged); the program that timed it is not named (llama.cpp's own "
        "binary; llama-server assumed for the regime); the Vulkan backend on an NVIDIA card is entered "
        "as the card; RAM size and type not stated (32 GB assumed; the log measures ~40-43 GB/s of CPU "
        "memory bandwidth); the CPU's AVX-512 is stated but the builder's AVX2 flags are kept. Left "
        "out: the same file's later llama-server runs (200 tokens at 3.82, 500 at 4.55 tok/s, prompt "
        "not restated) and every ThinTensor figure (not llama.cpp)",
    ),
    (
        "reddit-1v0pnqd",
        "https://www.reddit.com/r/LocalLLaMA/comments/1v0pnqd/poor_mans_way_to_local_inference_on_the_go/ "
        "(read from a stored RSS copy, 2026-07-19, with the author's edit)",
        "Intel Core i7-1360P laptop (4P + 8E cores, 16 threads), 32 GB LPDDR5-6400, RTX 3050 6 GB "
        "(5803 MiB as llama.cpp reports it; a one-slot desktop card) as an eGPU over Thunderbolt "
        "(TH3P4 Lite, PCIe 3.0 x4); OS ? (Linux inferred from the Mesa Iris Xe driver in the log)",
        "mainline llama.cpp (build not in the read text), llama-bench -hf unsloth/Qwen3.6-35B-A3B-"
        "GGUF:Q4_K_XL -b 2048 -ub 1024 -ngl 99 -ncmoe 99 -mmp 0",
        False,
        "Qwen3.6-35B-A3B UD-Q4_K_XL stands for qwen3.5:35b-a3b; the stored log is cut before the size "
        "column: the file is entered as 20.81 GiB, what llama-bench prints for unsloth's "
        "Qwen3.6-35B-A3B-UD-Q4_K_XL in other logs (assumed to be the same upload); -ncmoe 99 puts "
        "every routed expert in RAM (a manual placement); a depth and KV sweep: tg128 at d0 with f16 "
        "KV (25.01) and with q4_0 KV (24.24), depth 64, context 4096 (llama-bench), and tg128 at "
        "d65536 with q4_0 KV (15.68), depth 65600, context 65664; the author notes the eGPU link "
        "saturating at ~2.5 GB/s; the iGPU (Iris Xe) is not used by the CUDA run and is left out of "
        "the profile; the RTX 3050 6 GB (96-bit, 168 GB/s) is matched by name to the table's 8 GB "
        "RTX 3050 (224 GB/s), which the profile cannot tell apart",
    ),
    (
        "arc-a770-rx580-findings",
        "stored copy in the public GitHub index, repository not identified (no address shown): "
        "'Empirical Findings: Arc A770 + RX 580 on llama.cpp' (April 2026)",
        "AMD Ryzen 7 5800X (8C/16T), 32 GB DDR4, Intel Arc A770 16 GB and AMD RX 580 4 GB in the same "
        "machine, CachyOS (kernel 6.19)",
        "mainline llama.cpp built from source with SYCL (oneAPI 2025.3) and Vulkan (build not stated); "
        "llama-cli, one device per run (--device SYCL0 = the A770, --device Vulkan1 = the RX 580)",
        False,
        "Qwen3.5-35B-A3B UD-IQ4_XS, 17.5 GB as stated (the same file is called 16.3 GB later, i.e. "
        "GiB); three rows of the author's table: --cpu-moe -ngl 99 on the RX 580 under Vulkan (20.3 "
        "tok/s, 'best reliable config'), --cpu-moe -ngl 99 on the A770 under SYCL (18.0, flash "
        "attention off), and -ngl 38 with flash attention on the A770 under SYCL (21.3, layers beyond "
        "38 on the CPU); all are manual placements; context not stated in the table (the author's "
        "recommended commands use -c 2048 for the RX 580 and -c 4000 for the A770 at -ngl 38, entered "
        "as such); prompt length not stated (depth unknown); KV f16 (the author: q8_0 KV made no "
        "difference on the RX 580); DDR4 speed not stated; each row's profile holds only the GPU that "
        "run used; the RX 580 4 GB (224 GB/s) is matched to the table's RX 580 (256 GB/s). Left out: "
        "the build without AVX2, '-ngl 0 -ot exps=SYCL0' and '--cpu-dense' (inverse placements) and "
        "the cross-GPU splits (broken output or crashes)",
    ),
)

RTX5050L_R7250 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5050 Laptop GPU", 8, ram_gib=32),
    name="AMD Ryzen 7 250 w/ Radeon 780M Graphics",
    cores=8,
)
RTX3050EGPU_1360P = _cpu(
    gpu_machine("NVIDIA GeForce RTX 3050", 5803 / 1024, ram_gib=32),
    name="13th Gen Intel(R) Core(TM) i7-1360P",
    cores=12,
    memory_type="LPDDR5",
    mts=6400,
)
RTX3050EGPU_1360P = replace(RTX3050EGPU_1360P, cpu=replace(RTX3050EGPU_1360P.cpu, logical_cores=16))  # 4P+8E
RX580_5800X = _cpu(
    gpu_machine("AMD Radeon RX 580", 4, ram_gib=32, vendor="amd"),
    name="AMD Ryzen 7 5800X 8-Core Processor",
    cores=8,
    memory_type="DDR4",
)
A770_5800X = _cpu(
    gpu_machine("Intel Arc A770 Graphics", 16, ram_gib=32, vendor="intel"),
    name="AMD Ryzen 7 5800X 8-Core Processor",
    cores=8,
    memory_type="DDR4",
)

Q4KM_36_27B = _file("qwen3.5:27b", 16.817)
UDQ4KXL_36_35B = _gib("qwen3.5:35b-a3b", 20.81)
UDIQ4XS_35B = _file("qwen3.5:35b-a3b", 17.5)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # thintensor-5050laptop-27b: llama.cpp's fit on an 8 GB laptop card, part of the layers on the CPU
    SpeedCase(
        "27B Q4_K_M 16.82 GB (Qwen3.6), RTX 5050 Laptop 8 GB + Ryzen 7 250, llama.cpp b9986 Vulkan fit",
        "thintensor-5050laptop-27b",
        Q4KM_36_27B,
        RTX5050L_R7250,
        2048,
        4.58,
        depth=112,
        runner="llama.cpp",
    ),
    # reddit-1v0pnqd: every routed expert in LPDDR5, the rest on an eGPU
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.81 GiB (Qwen3.6), RTX 3050 6 GB eGPU + i7-1360P, -ncmoe 99, tg128",
        "reddit-1v0pnqd",
        UDQ4KXL_36_35B,
        RTX3050EGPU_1360P,
        4096,
        25.01,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.81 GiB (Qwen3.6), RTX 3050 6 GB eGPU + i7-1360P, -ncmoe 99, q4_0 KV, tg128",
        "reddit-1v0pnqd",
        UDQ4KXL_36_35B,
        RTX3050EGPU_1360P,
        4096,
        24.24,
        kv="q4_0",
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 20.81 GiB (Qwen3.6), RTX 3050 6 GB eGPU + i7-1360P, -ncmoe 99, q4_0 KV, tg128 @ d65536",
        "reddit-1v0pnqd",
        UDQ4KXL_36_35B,
        RTX3050EGPU_1360P,
        65664,
        15.68,
        kv="q4_0",
        depth=65600,
        runner="llama.cpp",
    ),
    # arc-a770-rx580-findings: experts in DDR4 beside one GPU, or 38 layers on the A770
    SpeedCase(
        "35B-A3B UD-IQ4_XS 17.5 GB, RX 580 4 GB (Vulkan) + Ryzen 7 5800X DDR4, --cpu-moe, llama-cli",
        "arc-a770-rx580-findings",
        UDIQ4XS_35B,
        RX580_5800X,
        2048,
        20.3,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-IQ4_XS 17.5 GB, Arc A770 16 GB (SYCL) + Ryzen 7 5800X DDR4, --cpu-moe, llama-cli",
        "arc-a770-rx580-findings",
        UDIQ4XS_35B,
        A770_5800X,
        2048,
        18.0,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-IQ4_XS 17.5 GB, Arc A770 16 GB (SYCL) + Ryzen 7 5800X DDR4, -ngl 38, llama-cli",
        "arc-a770-rx580-findings",
        UDIQ4XS_35B,
        A770_5800X,
        4000,
        21.3,
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
