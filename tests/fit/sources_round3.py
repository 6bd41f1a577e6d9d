"""The third collection round's sources (docs/fit-accuracy.md, "Third round"): the same entry rules,
ids written down before their SHA-256 was computed, and marked so the doc can report the fresh
held-out subset on its own. public_sources.py turns each entry into a `Source`.

Fields: id, url (or a description when the file's address is not known), hardware, software,
second_hand, note.
"""

from __future__ import annotations

_LLMFIT = "https://github.com/AlexsJones/llmfit/tree/main/llmfit-core/data/community"

ROUND3: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "jiegec-kb",
        "https://jia.je/kb/software/llm_local_serving.html",
        "RTX 4090 24 GB (RAM ?); Apple M4 (RAM ?, 16 GB assumed)",
        "llama.cpp 8720 (llama-bench, llama-server + llama-benchy) on the 4090; 8396 on the M4",
        False,
        "llama-bench depth sweeps: only d0 and the deepest depth, entered as a context of that many tokens; "
        "UD-Q4_K_XL files from their stated GiB",
    ),
    (
        "syllabix-m4",
        "https://github.com/syllabix-ai/syllabix/blob/main/vendor/llama-bench.md",
        "Apple M4 (recommended working set 12.7 GiB, i.e. 16 GB)",
        "llama.cpp ece963f (llama-bench, Metal, -ngl 99)",
        False,
        "tg32; RAM inferred from the working set",
    ),
    (
        "unsigned-5090",
        "https://bench.unsigned.gg/",
        "RTX 5090 32 GB; RAM ?",
        "Ollama 0.31.1 (CUDA)",
        False,
        "Qwen3.6 27B / 35B-A3B UD-Q4_K_XL (MTP files, baseline column without drafting); "
        "context not stated (32K assumed)",
    ),
    (
        "llmfit-gtx1080ti",
        _LLMFIT,  # the GTX 1080 Ti folder
        "GTX 1080 Ti 11 GB, Xeon E3-1275 v5, 62.6 GB RAM, Linux",
        "llama.cpp (llmfit 1.1.11)",
        True,
        "community submission",
    ),
    (
        "benchnotes-m4pro-m3ultra",
        "a public llama-bench notes file (M4 Pro, M3 Ultra)",
        "MacBook Pro M4 Pro 24 GB, macOS 15.7; Mac Studio M3 Ultra 512 GB, macOS 15.6",
        "llama.cpp 8500 (llama-bench, Metal)",
        False,
        "depth sweep d1500 / d15000 (d100000 for 27B), entered as those contexts; address of the file not known",
    ),
    (
        "win3090-b10964",
        "a public llama-bench log (2× RTX 3090, Windows)",
        "RTX 3090 24 GB (one of two, -sm none), Zen 4 CPU, Windows",
        "llama.cpp b10964 (llama-bench)",
        False,
        "address of the file not known; context 4K assumed (pp2048 + tg128)",
    ),
    (
        "techyon-5080",
        "https://techyon.pages.dev/posts/rtx-5080-16gb-qwen36-35b-moe-at-128k-context-56-toks-and-why-mtp-doesnt-help.html",
        "RTX 5080 16 GB, Ryzen 9 9950X, 128 GB RAM",
        "llama.cpp b9204",
        False,
        "Qwen3.6 35B-A3B Q4_K_XL (~22 GB), partial offload with --fit-target; non-MTP figure stated as ~56 tok/s "
        "at 128K; KV type not stated (f16 assumed)",
    ),
    (
        "tinygrad-mi300x",
        "a public tinygrad work-notes file (llama-bench reference rows)",
        "AMD Instinct MI300X 192 GB (one of several), ROCm",
        "llama.cpp b8272 (llama-bench, tg128)",
        False,
        "address of the file not known; a data-centre card, kept for what it shows about small models",
    ),
)

ROUND3_IDS = frozenset(entry[0] for entry in ROUND3)
