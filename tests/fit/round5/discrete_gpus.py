"""Fifth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round5/__init__.py.
llama-bench rows: depth = the tokens in the KV cache while decoding (tgN at d0 -> N/2; tgN @ dD -> D + N/2),
context 4096 unless the bench ran deeper. Quants Ollama ships (Q4_K_M) use the catalogue tag; files Ollama does
not ship are entered from their stated size (GiB -> GB).
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "r9700-bench-27b-file",
        "a public benchmark notes file in a GitHub repository, 'R9700 Benchmark Results (AMD Radeon GFX1201)' "
        "(llama-bench -ngl 99 -fa 1 -p 1024,4096,32768 -n 128, Vulkan and ROCm 7.2.3 builds); address of the "
        "file not known",
        "Radeon AI PRO R9700 32 GB (one card, VRAM 32624 MiB as the ROCm device line prints it); RAM ?",
        "llama.cpp build 073bb2c, Vulkan and ROCm 7.2.3 (HIP) builds, llama-bench tg128",
        False,
        "Qwen3.6-27B (same architecture as qwen3.5:27b), lmstudio-community Q4_K_M, 15.40 GiB (a quant Ollama "
        "ships, so the catalogue tag is used); the tables print the model type as 'qwen36 27B', which is not "
        "a llama.cpp architecture name (it reads qwen35), so the author apparently relabelled it; only the "
        "'reference settings' sections are used, not the memory-overclocked/undervolted or 210 W sections; "
        "the pp1024/4096/32768 tests are prompt lengths, the tg128 row decodes at d0 (depth 64); RAM not "
        "stated (64 GB assumed); 4K context assumed",
    ),
    (
        "llamacpp-21984-rtx5060",
        "https://github.com/ggml-org/llama.cpp/issues/21984",
        "RTX 5060 8 GB (7708 MiB as CUDA reports it, 7573 MiB free), Intel Arrow Lake CPU with its iGPU, Linux; RAM ?",
        "llama.cpp fae3a28 (CUDA build; llama-server and llama-bench)",
        False,
        "azertylr's issue description: Qwen3.5-0.8B Q4_K_M, 293 tok/s with llama-server on CUDA and about 340 "
        "tok/s with llama-bench (stated as '~ 340'; default llama-bench, tg128 at d0 assumed); file size not "
        "stated (about 0.5 GiB assumed, the size of unsloth's Q4_K_M, as in llamacpp-pr26643-arthw); the "
        "llama-server figure's prompt length is not stated and the server ran without -c, so its default "
        "context (the model's 262,144, fitted to the card) is assumed; the Vulkan figure (30 tok/s) is left "
        "out: the issue lists the Intel iGPU as Vulkan0, so which device ran it is not clear; RAM not stated "
        "(32 GB assumed)",
    ),
    (
        "gaperton-3090-report",
        "a message in a public chat archive stored in a GitHub repository (Gapertons-Tech-Corner, "
        "@gaperton_tech, message 6083 of 2026-03-17, 'Qwen Benchmark Report'); address of the file not known",
        "RTX 3090 24 GiB (headless), AMD Ryzen 7 5700X (8 cores), 64 GiB DDR4, Linux 6.8",
        "llama.cpp 9e2e2198b (8368), CUDA 13.0 driver / 12.0 toolkit; llama-bench -ngl 99 -fa 1 -r 5 -d 4096 "
        "-p 512 -n 512",
        False,
        "tg512 @ d4096 (depth 4096 + 256); Qwen3.5-27B Q4_K_M (15.58 GiB, catalogue tag) and Qwen3.5-35B-A3B "
        "UD-Q4_K_XL (20.70 GiB, entered from its size); context 4608 (depth + tg) taken for llama-bench; the "
        "same author's Vulkan report (message 6267) is left out: it does not name the card",
    ),
    (
        "mimo-qwen-handoff-h100-l40s",
        "a handoff notes file in a public GitHub repository ('Handoff: Mimo-Qwen Initial Benchmarks, Metadata "
        "Fixes, and Makefile Targets', dated 2026-09-26; llama.cpp llama-bench against a tinygrad port); "
        "address of the file not known",
        "NVIDIA H100 SXM5 80 GB (81081 MiB as CUDA reports it); NVIDIA L40S 48 GB (45467 MiB); RAM ?",
        "mainline llama.cpp (build not stated), llama-bench -n 20 -p 512 -fa 1 (-ngl 999 on the L40S, default "
        "full offload on the H100)",
        False,
        "'mimo-qwen' Q8_0 (8.86 GiB, 8.95 B parameters, the Qwen3.5-9B hybrid architecture as the notes "
        "state; taken as a fine-tune of the same architecture, entered with the q8_0 tag, whose quant Ollama "
        "ships); the author edited three GGUF header fields (block_count 33 -> 32, the recurrent-layer array, "
        "nextn_predict_layers 1 -> 0), not llama.cpp itself; tg20 at d0 (depth 10); the tinygrad figures are "
        "left out (not llama.cpp); RAM not stated (64 GB assumed); 4K context assumed",
    ),
)

R9700 = gpu_machine("AMD Radeon AI PRO R9700", 32, vendor="amd")
RTX5060_8 = gpu_machine("NVIDIA GeForce RTX 5060", 8, ram_gib=32, free_gib=7.4)
RTX3090_64 = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=64)
H100_SXM = gpu_machine("NVIDIA H100 80GB HBM3", 80)
L40S = gpu_machine("NVIDIA L40S", 48)

_Q35_08B_Q4KM = _gib("qwen3.5:0.8b", 0.5)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B Q4_K_M, R9700, Vulkan, llama-bench tg128",
        "r9700-bench-27b-file",
        "qwen3.5:27b",
        R9700,
        4096,
        30.33,
        depth=64,
        runner="llama.cpp",
        note="Vulkan, f16 KV; Qwen3.6",
    ),
    SpeedCase(
        "27B Q4_K_M, R9700, Vulkan, q8_0 KV, llama-bench tg128",
        "r9700-bench-27b-file",
        "qwen3.5:27b",
        R9700,
        4096,
        30.04,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="Vulkan, -ctk q8_0 -ctv q8_0; Qwen3.6",
    ),
    SpeedCase(
        "27B Q4_K_M, R9700, ROCm 7.2.3, llama-bench tg128",
        "r9700-bench-27b-file",
        "qwen3.5:27b",
        R9700,
        4096,
        27.42,
        depth=64,
        runner="llama.cpp",
        note="ROCm, reference settings; Qwen3.6",
    ),
    SpeedCase(
        "0.8B Q4_K_M, RTX 5060, llama-bench (about 340)",
        "llamacpp-21984-rtx5060",
        _Q35_08B_Q4KM,
        RTX5060_8,
        4096,
        340.0,
        depth=64,
        runner="llama.cpp",
        note="stated as ~340 tok/s; tg128 assumed",
    ),
    SpeedCase(
        "0.8B Q4_K_M, RTX 5060, llama-server CUDA",
        "llamacpp-21984-rtx5060",
        _Q35_08B_Q4KM,
        RTX5060_8,
        262144,
        293.0,
        runner="llama.cpp",
        note="prompt length not stated; default context assumed",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 3090, llama-bench tg512 @ d4096",
        "gaperton-3090-report",
        "qwen3.5:27b",
        RTX3090_64,
        4608,
        38.84,
        depth=4352,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, RTX 3090, llama-bench tg512 @ d4096",
        "gaperton-3090-report",
        _gib("qwen3.5:35b-a3b", 20.70),
        RTX3090_64,
        4608,
        129.1,
        depth=4352,
        runner="llama.cpp",
    ),
    *(
        SpeedCase(
            f"9B Q8_0 (mimo-qwen fine-tune), {label}, llama-bench tg20",
            "mimo-qwen-handoff-h100-l40s",
            "qwen3.5:9b-q8_0",
            profile,
            4096,
            tps,
            depth=10,
            runner="llama.cpp",
            note="fine-tune of the Qwen3.5-9B architecture",
        )
        for label, profile, tps in (("H100 SXM5", H100_SXM, 210.29), ("L40S", L40S, 73.57))
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
