"""Fourth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round4/__init__.py.
llama-bench rows: depth = the tokens in the KV cache while decoding (tgN at d0 -> N/2), context 4096
unless the bench ran deeper. Files Ollama does not ship are entered from their stated size (GiB -> GB).
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "r9700x2-analysis-bench",
        "a public benchmark notes file in a GitHub repository, 'Qwen3.6-35B-A3B — Analysis Benchmark' dated "
        "2026-04-17 (2× Radeon AI PRO R9700, llama-bench -sm none,layer,row); address of the file not known",
        "2× Radeon AI PRO R9700 32 GB (the -sm none rows run on one card); RAM ?",
        "llama.cpp 5d14e5d19 (8797), ROCm and Vulkan (RADV) backends, llama-bench -ngl 99 -fa 1 -n 256",
        False,
        "Qwen3.6-35B-A3B (same architecture as qwen3.5:35b-a3b); of the UD-Q4/Q5/Q6_K_XL sweep only the "
        "UD-Q4_K_XL file (20.81 GiB) is used, the nearest to the q4_K_M Ollama ships; only the -sm none "
        "(single-card) rows are used, the layer/row split rows are two cards; RAM not stated (64 GB assumed); "
        "tg256 at d0, 4K context assumed",
    ),
    (
        "bench-5070ti-5060ti-27b",
        "a public llama-bench log file (Qwen3.5-27B quants on an RTX 5070 Ti + RTX 5060 Ti machine, in a "
        "container, builds 463b6a9 / 990e4d9 / ff5ef82 b8763); address of the file not known",
        "RTX 5070 Ti 16 GB and RTX 5060 Ti 16 GB in one machine (the -dev CUDA0 / CUDA1 rows run on one card); RAM ?",
        "llama.cpp 463b6a9 (llama-bench -ctk f16 -ctv f16 -fa 1, tg128)",
        False,
        "only the single-card rows (-dev CUDA0 = 5070 Ti, -dev CUDA1 = 5060 Ti) are used: bartowski Q3_K_S "
        "(11.76 GiB) on each card; the two-card layer-split rows (Q4_K_M etc. on 5070 Ti + 5060 Ti together) "
        "and the Q3_K_M reasoning-distill row (a second quant on CUDA0 only) are left out; RAM not stated "
        "(64 GB assumed); 4K context assumed",
    ),
    (
        "club3090-390",
        "https://github.com/noonghunna/club-3090/issues/390",
        "RTX 3090 24 GB (one card, stock 420 W limit), Ryzen 7 5800XT, 62 GiB RAM, Bazzite Linux (bare metal)",
        "mainline llama.cpp (llama-server; b9603 as the same author states in noonghunna/club-3090 PR #393)",
        False,
        "Qwen3.6-35B-A3B (same architecture as qwen3.5:35b-a3b) as deucebucket's Cerebellum v3 mixed-precision "
        "GGUF (11.96 GB, a per-tensor requantisation, not a fine-tune); 131K context with q8_0 K/V cache, "
        "-np 1, no drafting; the club's bench script: narrative prompt (65 characters, token count not "
        "stated) with up to 1000 tokens generated, mean decode_TPS of 5 measured runs; the code-prompt "
        "figure of the same run is not entered",
    ),
    (
        "llamacpp-pr22587",
        "https://github.com/ggml-org/llama.cpp/pull/22587",
        "RTX 5090 32 GB; RAM ?",
        "llama.cpp master of early May 2026 (llama-bench -ngl 99 -r 10, tg128)",
        False,
        "the master column of a before/after table only (the PR's own column is left out); Qwen3.5-9B BF16; "
        "RAM not stated (64 GB assumed); 4K context assumed",
    ),
    (
        "llamacpp-pr26643-arthw",
        "https://github.com/ggml-org/llama.cpp/pull/26643",
        "Intel Arc A770 (16 GB assumed); RAM ?",
        "llama.cpp SYCL backend, master of August 2026 (llama-bench, tg128)",
        False,
        "arthw's review comment on the PR: the Base column (master before the PR) of Qwen3.5-0.8B-Q4_K_M, "
        "fa 0 row; file size not stated (about 0.5 GiB assumed, the size of unsloth's Q4_K_M); A770 VRAM "
        "and RAM not stated (16 GB / 32 GB assumed); 4K context assumed; the PR author's Arc Pro B70 "
        "figures are left out (card not in the bandwidth table)",
    ),
    (
        "aguyintech-7900xtx",
        "https://aguyintech.com/rocm-vs-vulkan-on-the-rx-7900-xtx/",
        "RX 7900 XTX 24 GB; RAM ?",
        "llama.cpp built from source with ROCm (HIP, gfx1100) and with Vulkan (build not stated)",
        False,
        "Qwen3.6-35B-A3B and Qwen3.6-27B (same architectures as qwen3.5:35b-a3b and qwen3.5:27b); quant not "
        "stated (q4_K_M assumed: the 24 GB card holds both fully); 512 generated tokens, mean of five runs, "
        "prompt length not stated; context not stated (4K assumed); RAM not stated (64 GB assumed)",
    ),
)

R9700 = gpu_machine("AMD Radeon AI PRO R9700", 32, vendor="amd")
RTX5070TI = gpu_machine("NVIDIA GeForce RTX 5070 Ti", 16)
RTX5060TI = gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16)
RTX3090_62 = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=62)
RTX5090 = gpu_machine("NVIDIA GeForce RTX 5090", 32)
RX7900XTX = gpu_machine("AMD Radeon RX 7900 XTX", 24, vendor="amd")
ARC_A770 = gpu_machine("Intel Arc A770 Graphics", 16, vendor="intel", ram_gib=32)

_Q36_35B_UDQ4 = _gib("qwen3.5:35b-a3b", 20.81)
_Q35_27B_Q3KS = _gib("qwen3.5:27b", 11.76)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, R9700 (one card), ROCm, llama-bench tg256",
        "r9700x2-analysis-bench",
        _Q36_35B_UDQ4,
        R9700,
        4096,
        71.23,
        depth=128,
        runner="llama.cpp",
        note="-sm none; Qwen3.6",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, R9700 (one card), Vulkan, llama-bench tg256",
        "r9700x2-analysis-bench",
        _Q36_35B_UDQ4,
        R9700,
        4096,
        136.42,
        depth=128,
        runner="llama.cpp",
        note="-sm none; Qwen3.6",
    ),
    SpeedCase(
        "27B Q3_K_S, RTX 5070 Ti, llama-bench tg128",
        "bench-5070ti-5060ti-27b",
        _Q35_27B_Q3KS,
        RTX5070TI,
        4096,
        45.59,
        depth=64,
        runner="llama.cpp",
        note="-dev CUDA0",
    ),
    SpeedCase(
        "27B Q3_K_S, RTX 5060 Ti, llama-bench tg128",
        "bench-5070ti-5060ti-27b",
        _Q35_27B_Q3KS,
        RTX5060TI,
        4096,
        26.21,
        depth=64,
        runner="llama.cpp",
        note="-dev CUDA1",
    ),
    SpeedCase(
        "35B-A3B Cerebellum 11.96 GB, RTX 3090, llama-server, q8_0 KV, 131K",
        "club3090-390",
        _file("qwen3.5:35b-a3b", 11.96),
        RTX3090_62,
        131072,
        143.79,
        kv="q8_0",
        runner="llama.cpp",
        note="narrative prompt, mean decode_TPS; Qwen3.6",
    ),
    SpeedCase(
        "9B BF16, RTX 5090, llama-bench tg128 (master)",
        "llamacpp-pr22587",
        "qwen3.5:9b-bf16",
        RTX5090,
        4096,
        82.5,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase(
        "0.8B Q4_K_M, Arc A770, SYCL, llama-bench tg128 (base)",
        "llamacpp-pr26643-arthw",
        _gib("qwen3.5:0.8b", 0.5),
        ARC_A770,
        4096,
        120.78,
        depth=64,
        runner="llama.cpp",
        note="fa 0",
    ),
    *(
        SpeedCase(
            f"{label} (assumed q4_K_M), RX 7900 XTX, {backend}, 512-token generation",
            "aguyintech-7900xtx",
            tag,
            RX7900XTX,
            4096,
            tps,
            runner="llama.cpp",
            note=f"{backend}; Qwen3.6",
        )
        for label, tag, backend, tps in (
            ("35B-A3B", "qwen3.5:35b-a3b", "Vulkan", 71.4),
            ("35B-A3B", "qwen3.5:35b-a3b", "ROCm", 63.8),
            ("27B", "qwen3.5:27b", "Vulkan", 28.1),
            ("27B", "qwen3.5:27b", "ROCm", 34.6),
        )
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
