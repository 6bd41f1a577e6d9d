"""Ninth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round9/__init__.py.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..round6.discrete_gpus import RTX4060_32

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "plasmon-4060-three-qwen35",
        "https://dev.to/plasmon_imp/i-pitted-3-qwen35-models-against-each-other-on-an-rtx-4060-8gb-what-spec-"
        "sheets-dont-tell-you-ko0 (the same author's follow-up, dev.to/plasmon_imp/moe-beat-dense-27b-by-24x-"
        "on-8gb-vram-the-35b-a3b-benchmark-nobody-expected-24n, repeats the Task 1 figures and adds nothing)",
        "NVIDIA GeForce RTX 4060 8 GB (desktop, as the post names it); AMD Ryzen 7 (model not stated); 32 GB "
        "DDR5; Windows 11",
        "llama.cpp (version, build and which program — llama-cli or llama-server — not stated; mainline "
        "assumed, no fork named), GGUF Q4_K_M, ctx 8192 for all models",
        False,
        "Qwen3.5 9B, 27B and 35B-A3B, all Q4_K_M (quants Ollama ships, so the catalogue tags are used), context "
        "8,192 as stated; KV type not stated (f16, llama.cpp's default, assumed); prompt length not stated, so "
        "no depth. Three chat tasks per model; the Task 1 (code generation) rate is entered, the one the "
        "follow-up post headlines; Task 3 (calculation: 33.57 / 3.47 / 8.21 t/s) is the same configuration "
        "and left out as a repeat, Task 2 ran out of context for 27B and 35B-A3B (9B 37.1 t/s, flagged by the "
        "author as a special case) and is left out. 9B: ngl=99, 7.1 GB VRAM, all layers on the GPU. 27B: "
        "ngl=24 (24 of the model's layers on the GPU, the rest on the CPU), a placement forced by hand, 7.7 GB "
        "VRAM, 28.3 GB system RAM. 35B-A3B: ngl=99 on an 8 GB card with a ~21 GB file, 7.6 GB VRAM and 30.8 GB "
        "system RAM in use — the model cannot be on the GPU whole, so most of its expert weights were in "
        "system memory (the author reads it as llama.cpp keeping inactive experts in RAM; whether a build's "
        "automatic fitting moved them or the Windows driver's shared-memory fallback held them is not stated). "
        "Tokens per second as the author reports them (t/s, presumably llama.cpp's own eval rate). RAM 32 GB "
        "as stated. Lead passed on by round 8 ('plasmon_imp's RTX 4060 post on dev.to')",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "9B Q4_K_M, RTX 4060 8 GB, llama.cpp, 8K, Windows 11",
        "plasmon-4060-three-qwen35",
        "qwen3.5:9b",
        RTX4060_32,
        8192,
        33.0,
        runner="llama.cpp",
        note="Task 1 (code); ngl=99, 7.1 GB VRAM",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4060 8 GB, llama.cpp ngl=24, 8K, Windows 11",
        "plasmon-4060-three-qwen35",
        "qwen3.5:27b",
        RTX4060_32,
        8192,
        3.57,
        runner="llama.cpp",
        note="Task 1 (code); -ngl 24 forced by hand, rest on the CPU",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 4060 8 GB, llama.cpp ngl=99, 8K, Windows 11",
        "plasmon-4060-three-qwen35",
        "qwen3.5:35b-a3b",
        RTX4060_32,
        8192,
        8.61,
        runner="llama.cpp",
        note="Task 1 (code); 7.6 GB VRAM, 30.8 GB RAM: experts mostly in system memory",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "9B Q4_K_M, RTX 4060 8 GB, 8K",
        "plasmon-4060-three-qwen35",
        "qwen3.5:9b",
        RTX4060_32,
        8192,
        "gpu",
        note="ngl=99 (all layers on the GPU), 7.1 GB VRAM",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
