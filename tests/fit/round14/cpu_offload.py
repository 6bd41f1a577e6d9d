"""Fourteenth round, collected by venue (the file names are the earlier rounds'): measurements found on
English blogs, Q&A and forum threads and model cards, any kind of machine.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round14/__init__.py.

Profiles state only what the source states (GPU, VRAM); RAM and CPU are the builders' defaults where the
source is silent, and each source's note says so. GGUF files Ollama does not ship are entered from their
stated size (`gguf_file` for decimal GB).
"""

from __future__ import annotations

from ..measurements_public import RTX3090, RTX5090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "ramdi-rtx5090-qwopus27b",
        "https://ramdi.fr/post/ai-llm/local-llm-tokens-per-second-benchmark/ (Part 2 of the author's four-part "
        "series; the figure's meaning is stated in Part 3, "
        "https://ramdi.fr/post/ai-llm/local-llm-speculative-decoding-hybrid-ssm/)",
        "NVIDIA GeForce RTX 5090 32 GB, NixOS (CPU and RAM not stated in the text read)",
        "mainline llama.cpp llama-server 8770 as nixpkgs unstable ships it, rebuilt locally with cudaSupport "
        "(sm_120); upstream master measured the same",
        False,
        "Qwopus3.6-27B-v1-preview Q4_K_M, a fine-tune of Qwen3.6-27B (same architecture), standing for "
        "qwen3.5:27b; the Q4_K_M file size is not stated (the catalogue's Q4_K_M tag is used). Constant "
        "ExecStart: -ngl 99, -c 262144, -fa on, -ctk q4_0 -ctv q4_0, --parallel 1. Decode rate read from "
        "llama-server's predicted_tokens_seconds after two warm-ups, one short coding prompt ('Write a Python "
        "function that computes the Fibonacci sequence.'; output length not stated, depth left unset). The row "
        "is the 66 tok/s every working configuration reached; it is a no-draft rate: Part 3 states that the "
        "nixpkgs 8770 build refuses to enable speculative decoding ('partial sequence removal not supported'), "
        "that upstream's non-speculative run is 66 tok/s against 51 with the Qwen3-1.7B draft, and that plain "
        "autoregressive decode of this 27B Q4_K_M on the 5090 is ~15 ms/token -> 66 tok/s. Left out: the "
        "drafted runs (upstream 51 tok/s, ik_llama.cpp 34 tok/s at 12 % acceptance) and the ik_llama.cpp fork. "
        "RAM not stated (64 GB assumed); CPU not stated (the builder's default)",
    ),
    (
        "thc1006-rtx3090-specdec-baseline",
        "https://hackmd.io/ODXuOQNzSiyUITz7g9mtBw (the author's write-up 'Tested every llama.cpp "
        "speculative-decode mode on Qwen3.6-35B-A3B + RTX 3090 — none of them are faster than baseline'; the "
        "same author's Hacker News post, item 47843553, states the same baseline)",
        "NVIDIA GeForce RTX 3090 24 GB, single card (CPU, RAM and OS not stated in the text read)",
        "mainline llama.cpp llama-server at commit 9789512 (after PR #19493, merged 2026-04-19)",
        False,
        "Qwen3.6-35B-A3B UD-Q4_K_XL, '21 GB on disk' as stated (decimal GB assumed), standing for "
        "qwen3.5:35b-a3b. Row: the non-speculative baseline of the 19-configuration matrix, 135.7 tok/s mean "
        "decode across the prompt set (chat, multi-turn, reasoning, code, long-explain prompts; output 300 "
        "tokens, 1000 tested as unchanged; prompt lengths not stated, depth left unset). Context not stated "
        "(4K assumed); KV f16 assumed (the author says fp16 KV was also tried as a control; the matrix's KV "
        "type is not stated in the text read). Full GPU placement assumed (21 GB file on a 24 GB card, not "
        "logged). Left out: every drafted configuration (ngram-cache, ngram-mod, classic draft with "
        "Qwen3.5-0.8B, DFlash), the N=3 replication on 'a fresh standalone 3090' (139.19 tok/s, another "
        "host) and the later code/JSON and DFlash baselines (139.22 and 138.9 tok/s, same reason), and the "
        "vLLM runs in the author's sibling repository. RAM not stated (64 GB assumed)",
    ),
)

UDQ4KXL_36_35B_THC = gguf_file("qwen3.5:35b-a3b", 21.0)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # ramdi-rtx5090-qwopus27b: the no-draft rate every working backend reached, 256K window, q4_0 K/V
    SpeedCase(
        "27B Q4_K_M (Qwopus3.6 fine-tune), RTX 5090 32 GB, llama-server 8770, 256K q4_0, no draft",
        "ramdi-rtx5090-qwopus27b",
        "qwen3.5:27b",
        RTX5090,
        262144,
        66.0,
        kv="q4_0",
        runner="llama.cpp",
        backend="cuda",
        note="fine-tune of Qwen3.6-27B; predicted_tokens_seconds; short prompt, depth unknown",
    ),
    # thc1006-rtx3090-specdec-baseline: the non-speculative baseline of a speculative-decoding matrix
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 21 GB (Qwen3.6), RTX 3090 24 GB, llama-server 9789512, no draft",
        "thc1006-rtx3090-specdec-baseline",
        UDQ4KXL_36_35B_THC,
        RTX3090,
        4096,
        135.7,
        runner="llama.cpp",
        backend="cuda",
        note="mean over the prompt set; context assumed 4K, KV f16 assumed; depth unknown",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
