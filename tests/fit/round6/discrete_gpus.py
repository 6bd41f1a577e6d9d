"""Sixth round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round6/__init__.py.
llama-bench rows: depth = the tokens in the KV cache while decoding (tgN at d0 -> N/2), context 4096. Quants
Ollama ships (Q4_K_M) use the catalogue tag; a quant sweep contributes only those.
"""

from __future__ import annotations

from ..measurements_public import RTX4090, RTX5090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "sy5-4090-llamabench-notes",
        "stored copy in the public GitHub index, repository not identified (no address shown): a plain-text "
        "notes file ('llama.cpp / QWEN 3.6 27B Q5' ... 'B E N C H M A R K'), user sy5, with pasted llama-server "
        "start-up notes and llama-bench runs of Qwen3.6-27B Q5_K_M and Q4_K_M",
        "RTX 4090 24 GB (24563 MiB as CUDA reports it); CPU i9-14900KF as the notes' log commentary names it "
        "(20 logical cores exposed); RAM ? (64 GB assumed); Linux",
        "llama.cpp bb28c1fe2 (build 9281), CUDA, built from source in ~/llama.cpp; llama-bench -n 128 -p 256 "
        "-r 6 --no-warmup (defaults otherwise: -ngl 99, flash attention auto)",
        False,
        "Qwen3.6-27B (same architecture as qwen3.5:27b), bartowski Q4_K_M (16.74 GiB as llama-bench prints it; "
        "a quant Ollama ships, so the catalogue tag is used); only the plain llama-bench run is entered (tg128 "
        "at d0, depth 64, context 4096 taken for llama-bench); the same model's 'optimized' rerun (-t 7, odd "
        "batch sizes, an -ot override of ffn_*_exps tensors, which a dense model does not have) is left out as "
        "a repeat of the same measurement (45.71 vs 45.24); the Q5_K_M rows are left out by the quant-sweep "
        "rule (Ollama does not ship Q5_K_M); mainline llama.cpp assumed from the ~/llama.cpp source build and "
        "its build number",
    ),
    (
        "llmserver-4060-tuning-notes",
        "stored copy in the public GitHub index, repository not identified (no address shown): the README of an "
        "'LLM Server' project (llama-cpp and transformers backends), section 'Tuning notes (RTX 4060 8 GB, 30 GB "
        "RAM, CUDA build b10819)'",
        "RTX 4060 8 GB (CUDA arch 89 build, named 'RTX 4060' without 'Laptop'), 30 GB RAM; Linux (apt, CUDA "
        "toolkit from NVIDIA's repository)",
        "llama.cpp b10819 (git clone --branch b10819 of ggml-org/llama.cpp, CUDA build); llama-server via the "
        "project's scripts/smoke_llama.sh",
        False,
        "unsloth Qwen3.5-9B-Q4_K_M.gguf with -ngl 99 -c 8192 -fa on: 44 tok/s generation, 5.9 GB VRAM; the "
        "prompt was 5 tokens and the number of generated tokens is not stated, so no depth is given; the "
        "second row of the table (Qwen3.6-35B-A3B UD-Q4_K_XL, --n-cpu-moe 34, 44 tok/s) is left out: its file "
        "size is not stated and its expert placement is forced by hand (partial offload); desktop RTX 4060 "
        "assumed from the name",
    ),
    (
        "llamachip-2x4090-model-insights",
        "stored copy in the public GitHub index, repository not identified (no address shown): a Markdown note "
        "'Model insights — which local model for which role' (updated 2026-06-21), section 'Measured throughput "
        "(single request, one card, parallel:1)'",
        "2× RTX 4090 24 GB in one machine, each model loaded on one card (one model per card); CPU and RAM ? "
        "(64 GB assumed)",
        "LM Studio's CUDA llama-server (llama.cpp engine) driven by the author's 'llama-chip' loader; version not "
        "stated",
        False,
        "single request, --parallel 1, one card per model: qwen3.6-35B-A3B Q4_K_M ~183 tok/s and qwen3.6-27B "
        "Q4_K_M ~47 tok/s (stated with '~'; Qwen3.6 files standing for the Qwen3.5 tags; Q4_K_M is a quant "
        "Ollama ships, so the catalogue tags are used; file sizes not stated beyond the note's ~21 GB and ~17 GB "
        "weights+buffers); prompt lengths not stated (no depth); context not stated for this table: 192K "
        "assumed, the rig's standing setting the note gives for both models, with q8_0 KV as the note's VRAM "
        "table states; the gemma rows and the --parallel 2 aggregates are not Qwen3.5 single-stream figures and "
        "are left out; the later ThinkingCap A/B (a fine-tune, --parallel 2) gives no decode rate",
    ),
    (
        "thx81-rx9070-llamabench",
        "stored copies in the public GitHub index, repository not shown: the README of THX81's 'Llama.cpp Bench "
        "Results' (its result table is the page https://THX81.github.io/LlamaCppBenchResults/, not read) and the "
        "raw llama-bench log of the README's bench.sh (the same flags, model order and the README's odd "
        "'qwen35 9B Q4_K - Flash-Medium' model-type string; build 65ab1f7 (9437))",
        "XFX RX 9070 16 GB; Core i3-9100F; 16 GB DDR4; Arch Linux (kernel 7.0.10), Mesa vulkan-radeon 26.1.1",
        "llama.cpp-vulkan b9437 (Arch package of mainline; the log prints build 65ab1f7 (9437)); llama-bench "
        "-ngl 99 -fa on -mmp 0,1 -t 1,4 -ctk q8_0 -ctv q8_0,q4_1 -fitc 65536 -p 256,512 -n 128,256",
        False,
        "from each model's sweep only the first setting (threads 1, K/V q8_0/q8_0, mmap off) and tg128 at d0 "
        "(depth 64; context 4096 taken for llama-bench); the other thread, V-type, mmap and tg256 settings are "
        "repeats. 9B: two Q4_K_M files of 5.23 GiB (Qwen3.5-9B.Q4_K_M and a DeepSeek-V4-Flash distill "
        "fine-tune of the same architecture) both print 31.64; one row (catalogue tag), the other left out as a "
        "repeat; the 9B Q6_K MTP file is left out by the quant-sweep rule (llama-bench does not draft). "
        "Qwen3.6-27B Q3_K_S (11.70 GiB as printed; the one 27B quant run; standing for qwen3.5:27b) entered "
        "from its size. Left out: the Qwen3.6-35B-A3B UD-IQ2_M and UD-Q3_K_M rows (two quants Ollama does not "
        "ship, and the 15.45 GiB Q3_K_M may not have stayed whole on the 16 GB card under -fitc 65536), a "
        "'Qwen3.6-12B' file (not a Qwen3.5 size). -fitc 65536 (llama-bench's fit target context) is assumed "
        "not to have moved layers of the two entered models, which leave 4 GB or more of the card free",
    ),
    (
        "b70fleet-crosscard-9b",
        "stored copy in the public GitHub index, repository not identified (no address shown): 'Intel Arc Pro "
        "B70 vs Other GPUs - Cross-Card LLM Benchmarks', a page of an Arc Pro B70 benchmark repository (Test 1 "
        "'Same Model, Every Card: Qwen 3.5-9B' and Test 2 'Biggest Usable Model'; the same data is said to be "
        "at llmresults.com, not read)",
        "the authors' fleet, one card per run: RTX 3080 Ti 12 GB, RTX 3090 24 GB (drives a display, about 20 GB "
        "usable as the page says), RTX 3060 12 GB, RTX 4060 8 GB; also an Arc Pro B70, an AMD BC-250 and an M4 "
        "Mac mini (not entered); CPU, RAM and OS of the NVIDIA machines ?",
        "llama.cpp, CUDA backend (llama-bench pp512 / tg128); version not stated",
        False,
        "Qwen3.5-9B Q4_K_M (5.3 GiB as the page gives it) on each NVIDIA card and Q8_0 (8.9 GiB) on the 3080 Ti "
        "and the 3060 (both quants Ollama ships, so catalogue tags), tg128 at d0 (depth 64; context 4096 taken "
        "for llama-bench); llama.cpp is inferred: the table's pp512/tg128 columns are llama-bench's tests, the "
        "repository's B70 pages are llama-bench, and the page marks its BC-250 row as Ollama and its M4 row as "
        "MLX; build not stated; whether the NVIDIA cards share a host is not stated; RAM not stated (32 GB "
        "assumed); desktop cards assumed from the names and prices. Left out: the B70 rows (card not in the "
        "bandwidth table), the BC-250 (Ollama on an APU board not in the table) and M4 (MLX) rows, the Gemma "
        "and Qwen3-Coder rows, and the 3090's 35B-A3B 'OOM (display overhead)' (no speed, no placement figure)",
    ),
    (
        "egpu-5090-windows-reference",
        "stored copy in the public GitHub index, repository not identified (no address shown): 'Windows "
        "reference run 2026-09-14 21:11:26 - RTX 5090 in the AORUS box on the Windows PC, real NVIDIA driver' "
        "(user davinchy's egpu-reference notes)",
        "RTX 5090 32 GB (32607 MiB per nvidia-smi) in an AORUS Thunderbolt enclosure, PCIe gen 4 x4 link, on a "
        "Windows PC (CPU ?, RAM ?), NVIDIA driver 595.79",
        "llama.cpp b10970, the official win-cuda-12.4-x64 release; llama-bench -ngl 99 -p 256 -n 128 -r 3",
        False,
        "Qwen3.5-35B-A3B Q4_K_M (19.71 GiB as llama-bench prints it; catalogue tag) tg128 245.00 at d0 (depth "
        "64; context 4096 taken for llama-bench); the whole model is on the card (-ngl 99), so the Thunderbolt "
        "link carries no weights while decoding; RAM not stated (64 GB assumed). Left out: the Qwen3.8-27B row "
        "(not a Qwen3.5 model), the MTP llama-server rates (drafting), the gemma/llama/nemotron rows, and the "
        "author's Mac-hosted runs of the same card (another host and driver, not in this file)",
    ),
)

RTX4060_30 = gpu_machine("NVIDIA GeForce RTX 4060", 8, ram_gib=30)
RX9070_16 = gpu_machine("AMD Radeon RX 9070", 16, ram_gib=16, vendor="amd")
RTX3080TI_32 = gpu_machine("NVIDIA GeForce RTX 3080 Ti", 12, ram_gib=32)
RTX3090_DISPLAY = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=32, free_gib=20)
RTX3060_32 = gpu_machine("NVIDIA GeForce RTX 3060", 12, ram_gib=32)
RTX4060_32 = gpu_machine("NVIDIA GeForce RTX 4060", 8, ram_gib=32)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B Q4_K_M (3.6), RTX 4090, llama-bench tg128",
        "sy5-4090-llamabench-notes",
        "qwen3.5:27b",
        RTX4090,
        4096,
        45.24,
        depth=64,
        runner="llama.cpp",
        note="Qwen3.6; bartowski Q4_K_M 16.74 GiB; llama-bench defaults",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4060, llama-server (b10819), 8K context",
        "llmserver-4060-tuning-notes",
        "qwen3.5:9b",
        RTX4060_30,
        8192,
        44.0,
        runner="llama.cpp",
        note="5-token prompt; generated length not stated",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M (3.6), RTX 4090 (one of two), LM Studio llama-server, single request",
        "llamachip-2x4090-model-insights",
        "qwen3.5:35b-a3b",
        RTX4090,
        196608,
        183.0,
        kv="q8_0",
        runner="llama.cpp",
        note="stated as ~183; context and KV type assumed from the note's standing setup",
    ),
    SpeedCase(
        "27B Q4_K_M (3.6), RTX 4090 (one of two), LM Studio llama-server, single request",
        "llamachip-2x4090-model-insights",
        "qwen3.5:27b",
        RTX4090,
        196608,
        47.0,
        kv="q8_0",
        runner="llama.cpp",
        note="stated as ~47; context and KV type assumed from the note's standing setup",
    ),
    SpeedCase(
        "9B Q4_K_M, RX 9070, Vulkan b9437, llama-bench tg128",
        "thx81-rx9070-llamabench",
        "qwen3.5:9b",
        RX9070_16,
        4096,
        31.64,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="5.23 GiB; -t 1, K/V q8_0, mmap off; the distill fine-tune file printed the same 31.64",
    ),
    SpeedCase(
        "27B Q3_K_S (3.6), RX 9070, Vulkan b9437, llama-bench tg128",
        "thx81-rx9070-llamabench",
        _gib("qwen3.5:27b", 11.70),
        RX9070_16,
        4096,
        11.79,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="Qwen3.6-27B-Q3_K_S, 11.70 GiB; -t 1, K/V q8_0, mmap off",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 3080 Ti, llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b",
        RTX3080TI_32,
        4096,
        113.3,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 3090 (display attached), llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b",
        RTX3090_DISPLAY,
        4096,
        113.7,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 3060 12 GB, llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b",
        RTX3060_32,
        4096,
        50.8,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "9B Q4_K_M, RTX 4060 8 GB, llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b",
        RTX4060_32,
        4096,
        43.1,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "9B Q8_0, RTX 3080 Ti, llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b-q8_0",
        RTX3080TI_32,
        4096,
        80.0,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "9B Q8_0, RTX 3060 12 GB, llama-bench tg128",
        "b70fleet-crosscard-9b",
        "qwen3.5:9b-q8_0",
        RTX3060_32,
        4096,
        34.4,
        depth=64,
        runner="llama.cpp",
        note="cross-card Test 1/2; llama.cpp build not stated",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5090 (Thunderbolt enclosure), llama.cpp b10970, llama-bench tg128",
        "egpu-5090-windows-reference",
        "qwen3.5:35b-a3b",
        RTX5090,
        4096,
        245.0,
        depth=64,
        runner="llama.cpp",
        note="19.71 GiB; Windows, official CUDA 12.4 build; -ngl 99",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B Q4_K_M, RTX 5090 (Thunderbolt enclosure), llama.cpp b10970, llama-bench",
        "egpu-5090-windows-reference",
        "qwen3.5:35b-a3b",
        RTX5090,
        4096,
        "gpu",
        note="llama-bench -ngl 99 ran; 19.71 GiB on a 32 GB card",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
