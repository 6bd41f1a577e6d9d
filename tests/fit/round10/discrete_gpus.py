"""Tenth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round10/__init__.py.
Quants Ollama ships (Q4_K_M) take the catalogue tag; other GGUFs (unsloth UD files) are entered from the size
the source states (reference_data.gguf_gib for GiB as llama.cpp prints it). llama-bench rows: context 4096,
depth = the test's depth plus half of its generated tokens.
"""

from __future__ import annotations

from ..measurements_public import RTX3090, RTX4090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.discrete_gpus import RTX5060TI
from ..sources_round3 import _LLMFIT

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "int8-vs-llamacpp-5060ti",
        "a public GitHub markdown file, 'Benchmark Results — Blackwell INT8 vs llama.cpp' (dated 2026-05-31; a "
        "stored copy read through the code index, which does not name the repository), comparing the author's own "
        "INT8 CUDA kernels with llama.cpp; only its llama.cpp rows are entered",
        "NVIDIA GeForce RTX 5060 Ti 16 GB (GB206, 448 GB/s GDDR7, as stated); CPU, RAM and OS not stated",
        "llama.cpp build 95405ac65 (CUDA 13.2), llama-bench (pp512/tg128 rows, ngl=99); driver 580.159.04",
        False,
        "RAM not stated (64 GB assumed); OS not stated. The llama.cpp side is the file's raw llama-bench output "
        "(rows 'qwen35 9B Q4_K_M | CUDA | ngl=99 | tg128 | 71.4 t/s' and 'qwen35 4B IQ2_M ... 115.9 t/s'); "
        "llama-bench defaults assumed for what the abbreviated rows omit (f16 KV, tg128 at depth 0, so depth 64 "
        "and context 4096). 9B is Qwen3.5-9B Q4_K_M (5.46 GiB as stated), entered under the catalogue tag; 4B is "
        "the unsloth UD-IQ2_M file, 1.80 GiB as stated. The Qwen3 rows and the author's own INT8 engine rows are "
        "not Qwen3.5/llama.cpp and are left out",
    ),
    (
        "llmfit-rtx5070laptop",
        _LLMFIT,  # the NVIDIA GeForce RTX 5070 Laptop GPU folder
        "NVIDIA GeForce RTX 5070 Laptop GPU 8 GB (7.96 GB as reported), Intel Core Ultra 9 275HX (24 cores), "
        "63.43 GB RAM, Windows",
        "llama.cpp (llmfit 1.1.15 'bench', provider llamacpp; llama.cpp version not recorded)",
        True,
        "community submission (file 1790738563-f8474b3a.json): Qwen3.5-4B-Q4_K_M.gguf, 3 runs of 300 output "
        "tokens, avgTps 70.79 (64.9–82.07); avgTps is output tokens over the whole request (avgTotalMs 4288 for "
        "300 tokens), so it includes the short prompt's processing; context not stated (4K assumed, as for the "
        "other llmfit folders). The folder's Qwen3.5-9B-Q3_K_M.gguf row (46.07 tok/s) is left out: a quant "
        "Ollama does not ship and no file size stated; its Nemotron and gpt-oss rows are not Qwen3.5. Lead "
        "passed on by round 9",
    ),
    (
        "aayushgarg-4090",
        "https://aayushgarg.dev/posts/2026-04-05-qwen35-vs-gemma4",
        "NVIDIA GeForce RTX 4090 24 GB; CPU, RAM and OS not stated",
        "llama.cpp llama-bench (build not stated; run 2026-04-03), unsloth GGUFs, -ctk q8_0 -ctv q8_0 -fa 1 -b 2048 "
        "-ub 512 -p 512,...,65336 -n 128 -r 3",
        False,
        "RAM not stated (64 GB assumed). Qwen3.5-27B UD-Q4_K_XL (16.40 GiB) and Qwen3.5-35B-A3B UD-Q4_K_XL "
        "(20.70 GiB) as stated; the generation figures are the post's summary table ('~45' and '~136' Gen "
        "tok/s), rounded as written; the stored copy shows the llama-bench command (-n 128 with q8_0 KV) but not "
        "its result table, so the summary figures are taken as the tg128 rate (-p does not set a depth, so depth "
        "64 and context 4096) — it is not stated whether they are llama-bench's or the Open Code runs'. The "
        "Gemma 4 rows are not Qwen3.5",
    ),
    (
        "insiderllm-miu-3090",
        "https://insiderllm.com/guides/wicked-fast-gemma-4-26b-a4b-vs-qwen-3-6-27b-rtx-3090/",
        "NVIDIA GeForce RTX 3090 24 GB (one card, the author's workstation 'Miu'), Linux (Xubuntu), CUDA 12; "
        "CPU and RAM not stated",
        "llama.cpp mainline f9cd456ea (b9079, 2026-05-08), llama-server, nine prompts of am17an's bench gist",
        False,
        "Qwen3.6-27B Q4_K_M (Qwen3.6 of the same architecture and size, standing for qwen3.5:27b), 41.27 tok/s "
        "mean decode over the nine prompts, thinking off; RAM not stated (64 GB assumed); context not stated (4K "
        "assumed); KV type not stated (f16 assumed); prompt lengths not stated, so no depth. First-hand, unlike "
        "the site's community-quoted guide entered as insiderllm-guide; the same author's DFlash/MTP and "
        "'fix slow 27B' posts on the same 3090 are not entered (drafting, or the same machine)",
    ),
)

RTX5070L_275HX = gpu_machine("NVIDIA GeForce RTX 5070 Laptop GPU", 7.96, ram_gib=63.43)

_Q35_4B_UD_IQ2M = _gib("qwen3.5:4b", 1.80)
_Q35_27B_UD_Q4KXL = _gib("qwen3.5:27b", 16.40)
_Q35_35B_UD_Q4KXL = _gib("qwen3.5:35b-a3b", 20.70)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "9B Q4_K_M, RTX 5060 Ti 16 GB, llama-bench tg128, b95405ac65",
        "int8-vs-llamacpp-5060ti",
        "qwen3.5:9b",
        RTX5060TI,
        4096,
        71.4,
        depth=64,
        runner="llama.cpp",
        note="5.46 GiB file; ngl=99",
    ),
    SpeedCase(
        "4B UD-IQ2_M (1.80 GiB), RTX 5060 Ti 16 GB, llama-bench tg128, b95405ac65",
        "int8-vs-llamacpp-5060ti",
        _Q35_4B_UD_IQ2M,
        RTX5060TI,
        4096,
        115.9,
        depth=64,
        runner="llama.cpp",
        note="ngl=99",
    ),
    SpeedCase(
        "4B Q4_K_M, RTX 5070 Laptop 8 GB, llama.cpp (llmfit bench), Windows",
        "llmfit-rtx5070laptop",
        "qwen3.5:4b",
        RTX5070L_275HX,
        4096,
        70.79,
        runner="llama.cpp",
        note="avg of 3 runs, 300 tokens each",
    ),
    SpeedCase(
        "27B UD-Q4_K_XL (16.40 GiB), RTX 4090, llama-bench tg128, q8_0 KV",
        "aayushgarg-4090",
        _Q35_27B_UD_Q4KXL,
        RTX4090,
        4096,
        45.0,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="'~45' as the summary rounds it",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL (20.70 GiB), RTX 4090, llama-bench tg128, q8_0 KV",
        "aayushgarg-4090",
        _Q35_35B_UD_Q4KXL,
        RTX4090,
        4096,
        136.0,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="'~136' as the summary rounds it",
    ),
    SpeedCase(
        "27B Q4_K_M (Qwen3.6), RTX 3090, llama-server b9079",
        "insiderllm-miu-3090",
        "qwen3.5:27b",
        RTX3090,
        4096,
        41.27,
        runner="llama.cpp",
        note="mean of nine prompts; thinking off",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M, RTX 5060 Ti 16 GB, llama-bench ngl=99",
        "int8-vs-llamacpp-5060ti",
        "qwen3.5:9b",
        RTX5060TI,
        4096,
        "gpu",
        note="ngl=99 (all layers on the GPU), 5.46 GiB file",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
