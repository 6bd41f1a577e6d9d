"""Eleventh round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round11/__init__.py.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, unified_machine
from ..round5.apple_unified import M5MAX_128

# Framework Laptop 13, Ryzen AI 9 HX 370's Radeon 890M (gfx1150, 16 CUs, RADV Vulkan), 64 GB DDR5 in two
# SO-DIMMs; the bandwidth table has no 890M row, so the bus the author measured is given: 128-bit DDR5-5600,
# 89.6 GB/s ("[drm] RAM width 128bits DDR5", max mclk 2800 MHz); GPU-accessible memory is the default GTT the
# author logged, 33,333,506,048 bytes (31 GiB)
RADEON890M_FW13 = unified_machine("AMD Radeon 890M Graphics", 31, 64, 89.6, vendor="amd")

# unsloth Qwen3.6-35B-A3B-UD-Q5_K_M.gguf, 26.5 GB as the report states (a quant Ollama does not ship)
QWEN36_35B_UD_Q5KM = gguf_file("qwen3.5:35b-a3b", 26.5)

# the "N5 Pro" host (a Minisforum N5 Pro, inferred from the name; Ryzen AI 9 HX 370's Radeon 890M, gfx1150,
# RADV), 96 GB DDR5; Ollama's iGPU pool as logged, 32 GB UMA carve-out + 31.2 GiB GTT = 63.2 GiB ('inference
# compute ... library=Vulkan ... type=iGPU total="63.2 GiB"'); memory speed not stated, DDR5-5600 on a 128-bit
# bus (89.6 GB/s) assumed, as the document's cited same-silicon writeup runs; the bandwidth table has no 890M row
RADEON890M_N5PRO = unified_machine("AMD Radeon 890M Graphics", 63.2, 96, 89.6, vendor="amd")

# the N5 Pro's two Qwen GGUFs, entered from the sizes `ollama list` gives (quants Ollama does not ship)
HERETIC_4B = gguf_file("qwen3.5:4b", 2.7)  # Qwen3.5-4B fine-tune, "i1 (~q4)"
FABLE_27B = gguf_file("qwen3.5:27b", 18)  # Qwen3.6-27B merge, quant not stated

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "msf-890m-gemma4-vs-qwen35",
        "https://msf.github.io/blogpost/local-llm-coding-harder-test.html (read as "
        "blogpost/local-llm-coding-harder-test.md in github.com/msf/msf.github.io, 'Gemma 4 vs Qwen3.5: "
        "benchmarking quantized local LLMs on Go coding', April 2026, Part 3; the rate is the driver's "
        "timings.predicted_per_second, blogpost/benchmarking_llms/exam-driver.go, and the model keys are in "
        "scripts/sweep.sh)",
        "Framework Laptop 13, AMD Ryzen AI 9 HX 370 with Radeon 890M iGPU (gfx1150, 16 CUs), 64 GB DDR5-5600 "
        "(2x32 GB SO-DIMMs, 128-bit, 89.6 GB/s as Part 2 of the series derives it), Ubuntu 24.04, kernel 6.17",
        "llama.cpp b8708 (Vulkan, RADV), llama-server behind llama-swap, 16K context, --reasoning off for "
        "Qwen3.5, temp 1.0, 3 seeds",
        False,
        "a Go-coding exam series; the Tok/s column is llama-server's predicted_per_second for the exam answers "
        "(the same figure is printed in both exam tables, so it is taken as the model's mean over its runs); "
        "Qwen3.5-35B-A3B Q4_K_M (21 GB, the quant Ollama ships, so the tag) 22.1 tok/s and Qwen3.5-9B Q4_K_M "
        "('qwen35-9b-q4km' in sweep.sh) 13.6 tok/s; the Q5_K_M, Q6_K and MXFP4_MOE rows of the 35B quant sweep "
        "are quants Ollama does not ship and are left out by the sweep rule; prompt lengths not stated (depth "
        "left unset; answers run about 2K tokens); KV q8_0 inferred: the author's machine plan "
        "(benchmarking_llms/machines/framework13.md, verified 2026-04-23, same llama-b8708 and llama-swap) "
        "lists '--cache-type-k q8_0 --cache-type-v q8_0' as the serving default (the post names no cache flags); "
        "GPU-accessible "
        "memory is the default GTT of 31 GiB logged in Part 2 (February; whether it was raised for the April "
        "runs is not stated); placement not logged (-ngl 99 in the author's commands); the Radeon 890M is not "
        "in the bandwidth table, so the profile carries the 89.6 GB/s bus Part 2 measured",
    ),
    (
        "msf-890m-qwen36-phase1",
        "github.com/msf/msf.github.io, file blogpost/benchmarking_llms/docs/reports/QWEN36_PHASE1_RESULTS.md "
        "('Qwen3.6-35B-A3B Phase 1 results — 2026-04-17', read at commit 882827cc in the public GitHub index)",
        "Framework 13, AMD Ryzen AI 9 HX 370 with Radeon 890M iGPU, 64 GB DDR5-5600 (89.6 GB/s), Vulkan",
        "llama.cpp b8708 (Vulkan) behind llama-swap, 32K context, 3 seeds",
        False,
        "the same author and laptop as msf-890m-gemma4-vs-qwen35 (a separate report, so its own source; the lead "
        "may count the two once as a machine): the 'tps' column (llama-server's predicted_per_second through the "
        "same exam driver) for unsloth Qwen3.6-35B-A3B-UD-Q5_K_M (26.5 GB, standing for qwen3.5:35b-a3b, a "
        "quant Ollama does not ship, entered from its size) with thinking off, 19.6 tok/s over exam answers of "
        "about 2,300 tokens; the thinking-on row (19.3 tok/s, about 10,150 tokens per answer) is the same model "
        "and setting with longer answers and is left out; Gemma 4 is another model; prompt length not stated "
        "(depth left unset); KV q8_0 inferred from the author's machine plan of 2026-04-23, which lists this "
        "model entry and the q8_0 cache flags; GTT 31 GiB as logged in February (not restated)",
    ),
    (
        "n5pro-890m-ollama-vulkan-playbook",
        "stored copy in the public GitHub index, repository not identified (no address shown): a homelab "
        "playbook 'GPU passthrough & Ollama on Vulkan (CT102)' (timestamp 2026-07-29) for an Ollama LXC "
        "container on a Proxmox 'N5 Pro' host, with a 'Baseline' table of seven models",
        "'N5 Pro' host (a Minisforum N5 Pro, inferred from the name), AMD Ryzen AI 9 HX 370 (the chip the document "
        "names as 'this exact chip') with Radeon 890M iGPU (RDNA 3.5, gfx1150, RADV), 96 GB "
        "DDR5 (32 GB BIOS UMA + 31.2 GiB GTT = 63.2 GiB as Ollama reports it), Proxmox (Debian bookworm "
        "container, Mesa 25.0.7)",
        "Ollama 0.31.1 on Vulkan (OLLAMA_IGPU_ENABLE=1), OLLAMA_CONTEXT_LENGTH=16384, OLLAMA_KV_CACHE_TYPE=q8_0, "
        "OLLAMA_FLASH_ATTENTION=1, OLLAMA_NUM_PARALLEL=1",
        False,
        "the host's own benchmark harness: `ollama run --verbose` with one prompt ('Write a 200-word summary of "
        "how DNS resolution works.'), the 'eval rate' of three runs averaged; all seven models '100% GPU' in "
        "`ollama ps` (so placement rows); the Qwen rows: a Qwen3.5-4B fine-tune "
        "('Qwen3.5-4B-...-Heretic-Literotica-i1-GGUF', imatrix ~q4, 2.7 GB) 23.54 tok/s, and a Qwen3.6-27B merge "
        "('Qwen3.6-27B-Fable-Fusion-711-...-GGUF', quant not stated, 18 GB) 4.28 tok/s, taken as the same "
        "architecture and size and standing for qwen3.5:27b; both entered from their sizes; the prompt's token "
        "count is not stated and the answers ran 1,800-8,100 tokens (depth left unset); DDR5 speed not stated "
        "(DDR5-5600, 89.6 GB/s, assumed); the gemma4, Mistral and 12B rows are other models; the Radeon 890M is "
        "not in the bandwidth table, so the profile carries the assumed bus",
    ),
    (
        "radiology-m5max-ollama-report",
        "stored copy in the public GitHub index, repository not identified (no address shown): 'Radiology AI "
        "Assistant — Local-LLM Benchmark Report (v2)', run 2026-04-23T01-44-13-984Z, git commit 18f72681, with "
        "a 'Latency-only results' table (cold/warm TTFT, total time, tok/s p50 per model)",
        "Apple M5 Max, 128 GB unified ('wired 122880 MB' in the hardware fingerprint), macOS 26.4.1",
        "Ollama 0.21.0 ('ollama version is 0.21.0'), temperature 0, one warm run per query plus one cold run per "
        "model, 190 queries (210 warm runs per model)",
        False,
        "a retrieval-augmented radiology assistant's model evaluation; the 'tok/s p50' column is the median over "
        "a model's warm runs (how it is computed is not stated; taken as the generation rate Ollama reports): "
        "qwen3.5:4b 57.20, qwen3.5:9b 48.36, qwen3.5:27b 15.92, qwen3.5:122b-a10b 25.21 and qwen3.6:35b-a3b "
        "53.95 (Qwen3.6-35B-A3B, standing for qwen3.5:35b-a3b); 'Ollama-shipped quantization (Q4_K_M typical)' "
        "as the report states, so the default tags; the prompts carry retrieved policy text whose length is not "
        "stated (depth left unset); context not stated (Ollama's default for >= 48 GiB, 256K, assumed); KV f16 "
        "assumed; Ollama 0.21 is the 0.17-0.29 engine era; the gemma4 rows are other models; placement not "
        "logged; the raised wired-memory limit (120 GiB) is not modelled by the profile (every model fits the "
        "default limit)",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # msf-890m-gemma4-vs-qwen35
    SpeedCase(
        "35B-A3B Q4_K_M, Radeon 890M (DDR5-5600) 64 GB, llama.cpp b8708 Vulkan, 16K",
        "msf-890m-gemma4-vs-qwen35",
        "qwen3.5:35b-a3b",
        RADEON890M_FW13,
        16384,
        22.1,
        note="mean over the exam runs; KV q8_0 inferred from the machine plan; GTT 31 GiB as logged in February",
        kv="q8_0",
        runner="llama.cpp",
        backend="vulkan",
    ),
    SpeedCase(
        "9B Q4_K_M, Radeon 890M (DDR5-5600) 64 GB, llama.cpp b8708 Vulkan, 16K",
        "msf-890m-gemma4-vs-qwen35",
        "qwen3.5:9b",
        RADEON890M_FW13,
        16384,
        13.6,
        note="mean over the exam runs; KV q8_0 inferred from the machine plan; GTT 31 GiB as logged in February",
        kv="q8_0",
        runner="llama.cpp",
        backend="vulkan",
    ),
)
SPEED_CASES += (
    # msf-890m-qwen36-phase1
    SpeedCase(
        "35B-A3B UD-Q5_K_M (26.5 GB), Radeon 890M (DDR5-5600) 64 GB, llama.cpp b8708 Vulkan, 32K, thinking off",
        "msf-890m-qwen36-phase1",
        QWEN36_35B_UD_Q5KM,
        RADEON890M_FW13,
        32768,
        19.6,
        note="Qwen3.6 file standing for the Qwen3.5 tag; KV q8_0 inferred from the machine plan",
        kv="q8_0",
        runner="llama.cpp",
        backend="vulkan",
    ),
)

_N5PRO = "n5pro-890m-ollama-vulkan-playbook"
SPEED_CASES += (
    # n5pro-890m-ollama-vulkan-playbook
    SpeedCase(
        "4B fine-tune i1 ~q4 (2.7 GB), Radeon 890M 96 GB (63 GiB pool), Ollama 0.31.1 Vulkan, 16K",
        _N5PRO,
        HERETIC_4B,
        RADEON890M_N5PRO,
        16384,
        23.54,
        note="mean of three runs; Qwen3.5-4B fine-tune; DDR5-5600 assumed",
        kv="q8_0",
        runner="ollama",
        backend="vulkan",
    ),
    SpeedCase(
        "27B merge (18 GB, quant not stated), Radeon 890M 96 GB (63 GiB pool), Ollama 0.31.1 Vulkan, 16K",
        _N5PRO,
        FABLE_27B,
        RADEON890M_N5PRO,
        16384,
        4.28,
        note="mean of three runs; Qwen3.6-27B merge standing for the Qwen3.5 tag; DDR5-5600 assumed",
        kv="q8_0",
        runner="ollama",
        backend="vulkan",
    ),
)

_RADIOLOGY = "radiology-m5max-ollama-report"
_RADIOLOGY_NOTE = "median of 210 warm runs; context assumed (Ollama's default for >= 48 GiB); depth not stated"
SPEED_CASES += tuple(
    SpeedCase(
        f"{size} Q4_K_M, M5 Max 128 GB, Ollama 0.21.0, RAG answers, p50",
        _RADIOLOGY,
        tag,
        M5MAX_128,
        262144,
        tps,
        regime="ollama-engine",
        note=_RADIOLOGY_NOTE + extra,
        runner="ollama",
        backend="metal",
    )
    for size, tag, tps, extra in (
        ("4B", "qwen3.5:4b", 57.20, ""),
        ("9B", "qwen3.5:9b", 48.36, ""),
        ("27B", "qwen3.5:27b", 15.92, ""),
        ("35B-A3B", "qwen3.5:35b-a3b", 53.95, "; Qwen3.6-35B-A3B (qwen3.6:35b-a3b) standing for the Qwen3.5 tag"),
        ("122B-A10B", "qwen3.5:122b-a10b", 25.21, ""),
    )
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    # n5pro-890m-ollama-vulkan-playbook
    PlacementCase(
        "4B fine-tune (2.7 GB), Radeon 890M 63 GiB pool, Ollama 0.31.1 Vulkan, 16K: 100% GPU",
        _N5PRO,
        HERETIC_4B,
        RADEON890M_N5PRO,
        16384,
        "gpu",
        note="`ollama ps` 100% GPU",
    ),
    PlacementCase(
        "27B merge (18 GB), Radeon 890M 63 GiB pool, Ollama 0.31.1 Vulkan, 16K: 100% GPU",
        _N5PRO,
        FABLE_27B,
        RADEON890M_N5PRO,
        16384,
        "gpu",
        note="`ollama ps` 100% GPU",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
