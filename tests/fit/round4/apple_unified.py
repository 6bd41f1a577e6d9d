"""Fourth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round4/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import STRIX, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file

M3PRO_36 = apple("Apple M3 Pro", 36, 30)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "fak-m3pro",
        "https://github.com/anthony-chaudhary/fak/blob/main/docs/benchmarks/QWEN36-PARITY-RESULTS.md",
        "Apple M3 Pro (12 CPU cores, 18-core GPU), 36 GB unified, macOS",
        "llama.cpp b9707 (Metal, -ngl 99, llama-completion perf counters)",
        False,
        "Qwen3.6-27B q4_k_m GGUF (15.4 GB, AaryanK/Qwen3.6-27B-GGUF), standing for qwen3.5:27b, entered from its "
        "file size; -c 4096 -n 96 per the reproduce command; prompt a short chat turn (token count not stated, "
        "depth left unset); the CPU-only (-ngl 0) row and fak's own engine are left out",
    ),
    (
        "aimaestro-strixhalo-mtp",
        "https://ai-maestro.online/strix-halo-llama-cpp-mtp-benchmarks-27b-gets-much-faster-35b-is-mixed/",
        "Ryzen AI Max+ 395, Radeon 8060S (RADV gfx1151), 30 GiB RAM visible to Ubuntu 24.04 (the rest carved out "
        "for the GPU; 128 GB with 96 GB to the GPU assumed)",
        "llama.cpp / llama-server 9187 (0253fb21f), Vulkan, Mesa RADV 25.0.7",
        True,
        "repost of an r/LocalLLaMA post (the original address not known); Qwen3.6-27B-Q8_0 and 35B-A3B-Q8_0 "
        "(Unsloth), standing for the Qwen3.5 tags; --ctx-size 128000, flash attention on; base (non-MTP) rows "
        "only; the 15k single-turn run (~15k prompt tokens, max_tokens 256) is used, the 5-turn chat averages "
        "(context growing to ~28.5k, per-turn depth not stated) are left out; KV type not stated (f16 assumed)",
    ),
    (
        "fromthematrix-395",
        "https://fromthematrix.dev/posts/local-llm-speed-benchmark-strix-halo",
        "Ryzen AI Max+ 395, 128 GB LPDDR5X-8000 unified (GPU share not stated, 96 GB assumed)",
        "llama.cpp b8123 (Vulkan, llama-server router mode)",
        False,
        "a 7,624-token summarisation prompt; output length not stated, so depth is taken as the prompt; "
        "context not stated (262144, llama-server's default of the model's training context, assumed); "
        "the 'Qwen3.5-35B-A3B-UD Q4_K_M' row is left out (file size not stated), the plain Q4_K_M row is used",
    ),
    (
        "calebcoffie-strixhalo",
        "https://reddlx.com/author/C_Coffie",
        "Framework Desktop, Ryzen AI Max+ 395 (Radeon 8060S iGPU), 128 GiB unified, 96 GiB VRAM (as the author's "
        "calebcoffie.com/benchmarks page lists this machine)",
        "llama.cpp 4f13cb7 (mainline, the MTP merge), llama-server pinned to the iGPU (--device Vulkan0)",
        False,
        "the author's r/LocalLLaMA post, read from a public mirror of it (write-up: "
        "calebcoffie.com/blog/benchmarking-llama-cpp-mtp-on-strix-halo, not read); Qwen3.6-27B Q4_K_M and Q8_0, "
        "standing for the Qwen3.5 tags; single-stream chat, median of 5 runs; baseline (no MTP) figures only; "
        "context and prompt length not stated (32K context assumed, depth unset); the 35B-A3B baseline (49.5 tok/s) "
        "is left out because its quant is not stated; the same author's RTX 3090 is calebcoffie-3090",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B Q4_K_M (15.4 GB), M3 Pro 36 GB, llama.cpp b9707 Metal",
        "fak-m3pro",
        _file("qwen3.5:27b", 15.4),
        M3PRO_36,
        4096,
        7.29,
        note="Qwen3.6 file",
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q8_0, Ryzen AI Max+ 395, llama.cpp 9187 Vulkan, ~15K prompt",
        "aimaestro-strixhalo-mtp",
        "qwen3.5:27b-q8_0",
        STRIX,
        128000,
        7.63,
        note="Qwen3.6 file; base (no MTP)",
        depth=15128,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q8_0, Ryzen AI Max+ 395, llama.cpp 9187 Vulkan, ~15K prompt",
        "aimaestro-strixhalo-mtp",
        "qwen3.5:35b-a3b-q8_0",
        STRIX,
        128000,
        48.18,
        note="Qwen3.6 file; base (no MTP)",
        depth=15128,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen AI Max+ 395, llama.cpp b8123 Vulkan, 7.6K prompt",
        "fromthematrix-395",
        "qwen3.5:35b-a3b",
        STRIX,
        262144,
        39,
        depth=7624,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q4_K_M, Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 4f13cb7, chat",
        "calebcoffie-strixhalo",
        "qwen3.5:27b",
        STRIX,
        32768,
        11.7,
        note="Qwen3.6 file; base (no MTP); context assumed",
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q8_0, Ryzen AI Max+ 395 (Framework Desktop), llama.cpp 4f13cb7, chat",
        "calebcoffie-strixhalo",
        "qwen3.5:27b-q8_0",
        STRIX,
        32768,
        7.4,
        note="Qwen3.6 file; base (no MTP); context assumed",
        runner="llama.cpp",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
