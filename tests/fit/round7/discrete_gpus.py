"""Seventh round: llama.cpp (llama-bench, llama-server, llama-cli) on discrete NVIDIA, AMD and Intel GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round7/__init__.py.
llama-bench rows: depth = the tokens in the KV cache while decoding (tgN at dD -> D + N/2), context 4096 or
depth + N when larger. Quants Ollama ships (Q4_K_M, Q8_0, BF16) use the catalogue tag; other GGUFs are
entered from their stated size (GiB as llama.cpp prints it).
"""

from __future__ import annotations

from ..measurements_public import RTX3090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round5.discrete_gpus import R9700

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "rtx3090-iq4xs-param-sweeps",
        "stored copies in the public GitHub index, repository not identified (no address shown): three "
        "llama-bench logs of one RTX 3090 machine, 'Param sweep A — KV cache dtype at d=32768', 'Param sweep "
        "B — batch/ubatch at d=0' and 'KV dtype A/B confirm — hot GPU, interleaved' (Qwen3.6-35B-A3B-UD-IQ4_XS, "
        "ngl 99, fa 1, t 16)",
        "RTX 3090 24 GB (24123 MiB as CUDA prints it), one card; CPU, RAM and OS ?",
        "llama.cpp 8974ec829 (build 8780), built with the CUDA and Vulkan backends (the tables print "
        "'CUDA,Vulkan'); llama-bench -r 5, tg128",
        False,
        "Qwen3.6-35B-A3B (same architecture as qwen3.5:35b-a3b), unsloth UD-IQ4_XS, 16.50 GiB as printed (a "
        "quant Ollama does not ship, entered from its size). Entered: sweep B's default batch row (b/ub "
        "512/512, K/V q8_0) tg128 at d0 (depth 64, context 4096), and sweep A's tg128 at d32768 with K/V "
        "q8_0 (the same configuration at the longest depth) and with K/V f16 (llama.cpp's default KV type): "
        "depth 32768 + 64, context 32768 + 128. Left out: the other batch/ubatch settings (repeats at d0), "
        "the mixed K/V types of sweep A, and the 'A/B confirm' file (a repeat of sweep A). Both backends were "
        "loaded and the one GPU shows up as CUDA0 and Vulkan0; llama-bench's default device list is assumed "
        "to have run the model on one of them without splitting it (not stated); RAM not stated (64 GB "
        "assumed)",
    ),
    (
        "llmlab-3090-qwen36-27b",
        "https://github.com/githabideri/llmlab/blob/main/models/qwen3.6-27b-rtx3090.md (section 'Historical: "
        "Mainline llama.cpp Profiles (v616, Q4_K_M)')",
        "RTX 3090 24 GB, one card (--device CUDA0); the repository's hardware page gives the host as a Ryzen 5 "
        "5600X with 32 GB DDR4-2133 and two RTX 3060 beside the 3090 (not used by these runs); Linux",
        "mainline llama.cpp 'v616 (c0159f9)' as the page writes it; llama-server --gpu-layers all --parallel 1 "
        "--flash-attn on -b 2048 -ub 128 --metrics",
        False,
        "Qwen3.6-27B Q4_K_M (same architecture as qwen3.5:27b; a quant Ollama ships, so the catalogue tag is "
        "used); the page's 'TG @ 128 tokens' figure of each profile is taken as the decode rate; the prompt "
        "length of that test is not stated, so no depth is given. Entered: profile 1 'Best Default' (131,072 "
        "context, K q8_0 / V f16, entered as q8_0 KV) and profile 3 'Long Context' (204,800 context, K/V q8_0): "
        "the shortest and the longest context. Left out: the multimodal profile (same settings plus an "
        "mmproj) and the ubatch/batch/KV sweeps (repeats at 131K), and the page's current BeeLlama.cpp "
        "(fork) DFlash figures. Whether the mainline runs used the same host as today's hardware page is not "
        "stated; 32 GB RAM taken from it. Same author and repository as llmlab-3x3060 (another set of "
        "machines)",
    ),
    (
        "llmlab-3x3060",
        "https://github.com/githabideri/llmlab (models/qwen3.5-27b.md 'Context Ladder (2026-03-09)' with its "
        "raw table scripts/results/20260309-085245-Qwen3.5-27B-Q5_K_XL-parallel3.md, "
        "reports/2026-03-03-qwen3.5-35b-q4km-context-ladder.md and "
        "reports/2026-03-03-qwen3.5-35b-a3b-24gb-vision-retest.md)",
        "3× RTX 3060 12 GB in one machine (the repository's hardware page dates it to 2026-03 with an i5-7400), "
        "model split by layer over all three cards; the vision retest ran on two of them (24 GB); RAM ? (32 GB "
        "assumed); Linux",
        "llama.cpp llama-server (version not stated; mainline assumed: plain llama-server flags, no fork "
        "named), --split-mode layer, -ngl 99, flash attention on",
        False,
        "context ladders (prompt of N tokens, then generation; 128 output tokens per test as the 27B page "
        "states, assumed the same for the 35B report): only the shortest and the longest point of each. "
        "Qwen3.5-27B unsloth UD-Q5_K_XL (~19.2 GiB as the page gives it, entered from its size), --parallel 3 "
        "--ctx-size 393216 (131,072 per slot) --tensor-split 0.30,0.37,0.33, K q8_0 / V q4_0 (entered as q8_0 "
        "KV): 13.52 tok/s at 10 tokens, 7.62 at 128,013. Qwen3.5-35B-A3B bartowski Q4_K_M (catalogue tag), "
        "--ctx-size 262144 --parallel 1, KV type not stated (f16 assumed): 59 at 9 tokens, 18 at 250,013 "
        "(rounded figures as the report gives them). Vision retest on 2× RTX 3060 (same machine, two cards): "
        "35B-A3B Q4_K_M, --ctx-size 98304 --parallel 1, K q8_0 / V q4_0 (entered as q8_0 KV), mmproj kept on "
        "the CPU, 'Generation eval: ~44–45 tok/s' from serving-log timing lines 'at ~32k prompt depth' "
        "(entered as 44.5 at depth 32,768; generated length not stated). Left out: the 2026-03-03 triple-GPU "
        "validation ladder (the same model and cards at 98K context up to 24K tokens, inside the 262K ladder "
        "entered) and models/qwen3.5-27b-dense.md's ladder (the same 27B file and cards at 262K context). "
        "Same author and repository as llmlab-3090-qwen36-27b",
    ),
    (
        "llamacpp-26795-r9700-vulkan",
        "https://github.com/ggml-org/llama.cpp/issues/26795 (troy8chen, 2026-08-09: 'Vulkan: Qwen3.6-35B-A3B "
        "(GATED_DELTA_NET) decode collapses to ~4 t/s on RDNA4 (gfx1201/RADV) while prefill runs at ~3,200 "
        "t/s'; the issue's opening summary and environment as stored, the rest of the thread not read)",
        "Radeon AI PRO R9700 32 GB (Navi 48, gfx1201) as an eGPU over USB4, beside a Radeon 890M iGPU that the "
        "benches exclude (GGML_VK_VISIBLE_DEVICES=0); Fedora; CPU and RAM ?",
        "llama.cpp b10331 (7ba604f1c), the official ubuntu-vulkan-x64 release binary; Mesa RADV 25.3.6; "
        "llama-bench, single stream",
        False,
        "a bug report: Qwen3.6-35B-A3B (same architecture as qwen3.5:35b-a3b) decodes at '~3.5 t/s' in "
        "llama-bench while prefill runs at ~3,160 t/s; the reporter attributes it to the GATED_DELTA_NET path "
        "(a same-class non-GDN MoE decodes at 115.6 t/s on the same box and build). Entered as the one "
        "llama-bench decode figure; quant not stated in the part read (Q4_K_M assumed, the catalogue tag), tg128 "
        "at d0 assumed (llama-bench's default: depth 64, context 4096), KV f16 assumed; RAM not stated (64 GB "
        "assumed). Left out: the serving figures (~72 t/s for the first ~32 tokens, then ~4 t/s; 1.72 t/s "
        "with q8_0 KV), which are not steady decode rates of one setting",
    ),
)

RTX3090_32 = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=32)
RTX3060X3_32 = gpu_machine("NVIDIA GeForce RTX 3060", 12, count=3, ram_gib=32)
RTX3060X2_32 = gpu_machine("NVIDIA GeForce RTX 3060", 12, count=2, ram_gib=32)

_Q36_35B_UD_IQ4XS = _gib("qwen3.5:35b-a3b", 16.50)
_Q35_27B_UD_Q5KXL = _gib("qwen3.5:27b", 19.2)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "35B-A3B UD-IQ4_XS (3.6), RTX 3090, llama-bench tg128, q8_0 KV",
        "rtx3090-iq4xs-param-sweeps",
        _Q36_35B_UD_IQ4XS,
        RTX3090,
        4096,
        112.30,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        note="sweep B, b/ub 512/512; build 8780",
    ),
    SpeedCase(
        "35B-A3B UD-IQ4_XS (3.6), RTX 3090, llama-bench tg128 @ d32768, q8_0 KV",
        "rtx3090-iq4xs-param-sweeps",
        _Q36_35B_UD_IQ4XS,
        RTX3090,
        32896,
        91.21,
        kv="q8_0",
        depth=32832,
        runner="llama.cpp",
        note="sweep A, K/V q8_0/q8_0",
    ),
    SpeedCase(
        "35B-A3B UD-IQ4_XS (3.6), RTX 3090, llama-bench tg128 @ d32768, f16 KV",
        "rtx3090-iq4xs-param-sweeps",
        _Q36_35B_UD_IQ4XS,
        RTX3090,
        32896,
        110.62,
        depth=32832,
        runner="llama.cpp",
        note="sweep A, K/V f16/f16",
    ),
    SpeedCase(
        "27B Q4_K_M (3.6), RTX 3090, llama-server, 128K context",
        "llmlab-3090-qwen36-27b",
        "qwen3.5:27b",
        RTX3090_32,
        131072,
        24.6,
        kv="q8_0",
        runner="llama.cpp",
        note="'TG @ 128 tokens'; K q8_0 / V f16; prompt length not stated",
    ),
    SpeedCase(
        "27B Q4_K_M (3.6), RTX 3090, llama-server, 200K context",
        "llmlab-3090-qwen36-27b",
        "qwen3.5:27b",
        RTX3090_32,
        204800,
        24.1,
        kv="q8_0",
        runner="llama.cpp",
        note="'TG @ 128 tokens'; K/V q8_0; prompt length not stated",
    ),
    SpeedCase(
        "27B UD-Q5_K_XL, 3× RTX 3060, llama-server, 10-token prompt",
        "llmlab-3x3060",
        _Q35_27B_UD_Q5KXL,
        RTX3060X3_32,
        131072,
        13.52,
        kv="q8_0",
        depth=74,
        runner="llama.cpp",
        note="context ladder; --parallel 3, 393216 total context; K q8_0 / V q4_0",
    ),
    SpeedCase(
        "27B UD-Q5_K_XL, 3× RTX 3060, llama-server, 128K prompt",
        "llmlab-3x3060",
        _Q35_27B_UD_Q5KXL,
        RTX3060X3_32,
        131072,
        7.62,
        kv="q8_0",
        depth=128077,
        runner="llama.cpp",
        note="context ladder, 128,013-token prompt",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, 3× RTX 3060, llama-server, 9-token prompt",
        "llmlab-3x3060",
        "qwen3.5:35b-a3b",
        RTX3060X3_32,
        262144,
        59.0,
        depth=73,
        runner="llama.cpp",
        note="context ladder; KV type not stated (f16 assumed); 128 output tokens assumed",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, 3× RTX 3060, llama-server, 250K prompt",
        "llmlab-3x3060",
        "qwen3.5:35b-a3b",
        RTX3060X3_32,
        262144,
        18.0,
        depth=250077,
        runner="llama.cpp",
        note="context ladder, 250,013-token prompt",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, 2× RTX 3060, llama-server, ~32K prompt (vision retest)",
        "llmlab-3x3060",
        "qwen3.5:35b-a3b",
        RTX3060X2_32,
        98304,
        44.5,
        kv="q8_0",
        depth=32768,
        runner="llama.cpp",
        note="'~44–45 tok/s' from serving-log timings at ~32k prompt depth; K q8_0 / V q4_0; mmproj on CPU",
    ),
    SpeedCase(
        "35B-A3B (3.6, Q4_K_M assumed), R9700 eGPU, Vulkan b10331, llama-bench (GDN decode bug report)",
        "llamacpp-26795-r9700-vulkan",
        "qwen3.5:35b-a3b",
        R9700,
        4096,
        3.5,
        depth=64,
        runner="llama.cpp",
        note="'~3.5 t/s' decode in a bug report; quant, test length and KV type assumed",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
