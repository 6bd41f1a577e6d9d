"""Where every published measurement in docs/fit-accuracy.md comes from, and the held-out split.

One `Source` is one publication by one person about one set of machines (a GitHub issue, a blog
post, one device's submissions to the llmfit community data). The split is decided per source,
never per row, by a rule fixed before any speed constant was tuned (docs/fit-accuracy.md):

    held out  <=>  the first byte of SHA-256(source id, UTF-8) is below 128

so about half of the sources, and whole sources only, are set aside, and adding a source never
moves another one between the sets. Tuning code reads rows only through `in_sample()`, which
refuses held-out rows; the held-out rows are only evaluated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .later_rounds import LATER_ROUNDS
from .sources_round3 import ROUND3, ROUND3_IDS

HELD_OUT_BELOW = 128  # of 256: the first SHA-256 byte under this sets the source aside


@dataclass(frozen=True)
class Source:
    id: str  # stable slug; the split hashes it
    url: str
    hardware: str  # GPU, VRAM, RAM, OS as the source states them ("?" = not stated)
    software: str  # Ollama / llama.cpp version as stated
    second_hand: bool = False  # the publisher reports someone else's figure, or aggregates them
    note: str = ""  # what is inferred rather than stated, near-identical models, caveats


def is_held_out(source_id: str) -> bool:
    return hashlib.sha256(source_id.encode("utf-8")).digest()[0] < HELD_OUT_BELOW


_LLMFIT = "https://github.com/AlexsJones/llmfit/tree/main/llmfit-core/data/community"

# Every entry as written, in order; SOURCES keys them by id, and a test holds that no id was entered twice.
ENTRIES: tuple[Source, ...] = (
    Source(
        "llmfit-gb10",
        _LLMFIT,  # the NVIDIA GB10 folder
        "DGX Spark GB10, 128 GB unified, Linux",
        "llama.cpp (version per file)",
        True,
        "community submissions, aggregated",
    ),
    Source(
        "llmfit-gtx1050ti",
        _LLMFIT,  # the GTX 1050 Ti folder
        "GTX 1050 Ti 4 GB; RAM ? (64 GB assumed)",
        "llama.cpp (version per file)",
        True,
        "RAM inferred",
    ),
    Source(
        "llmfit-m4pro",
        _LLMFIT,  # the Apple M4 Pro folder
        "M4 Pro 48 GB unified, macOS",
        "llama.cpp (version per file)",
        True,
    ),
    Source(
        "llmfit-m3pro",
        _LLMFIT,  # the Apple M3 Pro folder
        "M3 Pro 36 GB unified, macOS",
        "Ollama (version not stated)",
        True,
        "quant not stated (Ollama default q4_K_M assumed)",
    ),
    Source(
        "llmfit-rx7900xt",
        _LLMFIT,  # the RX 7900 XT folder
        "RX 7900 XT 20 GB; RAM ? (64 GB assumed)",
        "llama.cpp (version per file)",
        True,
        "RAM inferred",
    ),
    Source(
        "tianchengwu-4090",
        "https://www.tianchengwu.com/2026/04/05/Running-Qwen-3.5-27B-on-RTX-4090",
        "RTX 4090 24 GB; RAM ? (64 GB assumed)",
        "llama.cpp (build not stated); Ollama engine era (0.2x)",
        False,
        "RAM inferred; a context sweep: only its shortest and longest contexts are used",
    ),
    Source(
        "insiderllm-guide",
        "https://insiderllm.com/guides/qwen35-local-guide-which-model-fits-your-gpu",
        "RTX 3090 24 GB; RTX 5060 Ti 16 GB; RAM ?",
        "llama.cpp / llama-bench (build not stated)",
        True,
        "figures quoted from community runs; context 4K assumed where not stated",
    ),
    Source(
        "ollama-14579",
        "https://github.com/ollama/ollama/issues/14579",
        "RTX 3090 Ti 24 GB, 64 GB RAM, Windows 11",
        "Ollama engine era (reported 0.7.15, i.e. 0.17.x); llama.cpp",
        False,
        "context not stated (32K assumed); tok/s stated as 15–20 and ~100",
    ),
    Source(
        "intelligibberish-395",
        "intelligibberish.com, a post on the Ryzen AI Max+ 395",
        "Ryzen AI Max+ 395, 128 GB (96 GB to the GPU)",
        "not stated",
        False,
        "quant and runtime not stated",
    ),
    Source(
        "jitesh-m4",
        "https://www.jitesh.dev/blog/qwen35-apple-silicon-benchmark.html",
        "Mac mini M4, 16 GB unified, macOS",
        "llama.cpp (Metal, -ngl 99); Ollama (version not stated)",
        False,
        "context not stated (4K assumed)",
    ),
    Source(
        "igllama-cpu",
        "https://bkataru.github.io/igllama/showcase/qwen35-35b/",
        "CPU only: EPYC-Rome 16C @ 2.0 GHz VM, 30 GB DDR4, Linux; Ryzen 9 7950X, 64 GB DDR5-6000, Windows 11",
        "llama.cpp via igllama 0.3.7; llama.cpp b5482 as stated",
        False,
        "RAM channels not stated; the 7950X page's build number predates Qwen3.5",
    ),
    Source(
        "zenn-5090",
        "https://zenn.dev/toki_mwc/articles/rtx5090-qwen36-35b-a3b-llmacpp-bench",
        "RTX 5090 32 GB, WSL2 Ubuntu 24.04; RAM ?",
        "llama.cpp b8870 (llama-bench tg128)",
        False,
        "the Qwen3.5 figure is quoted from the author's previous article",
    ),
    Source(
        "thinksmart-3090",
        "https://thinksmart.life/research/posts/qwen35-35b-4x3090-vllm-pcie",
        "single RTX 3090 24 GB; RAM ?",
        "llama.cpp (build not stated)",
        True,
        "a community benchmark quoted by the post",
    ),
    Source(
        "baem1n-bench",
        "https://baem1n.dev/en/posts/llm-bench-03-results-tables/",
        "HP Z2 Mini G1a: Ryzen AI Max+ 395, 128 GB (96 GB to the GPU)",
        "llama.cpp (same build on every machine)",
        False,
        "quant Q4_K_M inferred (the study ran Q4_K_M and Q8_0)",
    ),
    Source(
        "ollama-pr16031",
        "https://github.com/ollama/ollama/pull/16031",
        "Apple M5 Max, macOS Tahoe 26.6; RAM ?",
        "Ollama 0.24 (engine era) and 0.30 rc31 (llama-server)",
        False,
        "qwen3.6:27b-q8_0 (same architecture as qwen3.5:27b); 16K context; M5 Max bandwidth 546 GB/s as baem1n states it",
    ),
    Source(
        "ollama-15771",
        "https://github.com/ollama/ollama/issues/15771",
        "RX 7900 XTX 24 GB, Ryzen 9 7950X3D, Linux, ROCm; RAM ?",
        "Ollama 0.21.0 (engine era)",
        False,
        "qwen3.6 35B-A3B (same architecture as qwen3.5:35b-a3b); quant and context not stated (q4_K_M, 32K assumed)",
    ),
    Source(
        "ollama-17482",
        "https://github.com/ollama/ollama/issues/17482",
        "RTX 3090 24 GB",
        "Ollama ≥ 0.30 (llama-server log)",
        False,
        "27B-class; 4K context assumed",
    ),
    Source(
        "ollama-17517",
        "https://github.com/ollama/ollama/issues/17517",
        "2× Quadro P6000 24 GB + 2× Quadro P4000 8 GB, 11.3 GiB RAM, Linux",
        "Ollama ≥ 0.30 (llama-server log)",
        False,
        "model and RAM from the same reporter's ollama/ollama#17856 (35B-class qwen35moe q8_0); context not stated",
    ),
    Source(
        "ollama-15709",
        "https://github.com/ollama/ollama/issues/15709",
        "Ryzen AI Max+ 395, 96 GB carved out for the GPU, 31.6 GiB left to Windows",
        "Ollama engine era (ROCm)",
        False,
    ),
    Source(
        "homelab-395",
        "a public homelab README (Ryzen AI Max+ 395)",
        "Ryzen AI Max+ 395, 128 GB (96 GB to the GPU)",
        "Ollama (version not stated)",
        False,
        "context not stated: 256K, Ollama's default there, assumed",
    ),
    Source(
        "userdoc-5090",
        "a user doc in a public repository (RTX 5090)",
        "RTX 5090 32 GB",
        "Ollama (version not stated)",
        False,
        "context not stated: 32K assumed",
    ),
    # Second collection round (docs/fit-accuracy.md): ids written down before their hashes were computed.
    Source(
        "reddit-1rei65v",
        "https://www.reddit.com/r/LocalLLaMA/comments/1rei65v/",
        "RTX 5080 16 GB, Ryzen 9 9950X, 128 GB DDR5-4800 dual channel, Ubuntu 24.04",
        "llama.cpp a96a112 (--fit on)",
        False,
        "read from a public snapshot of the post; 65K context, q8_0 KV",
    ),
    Source(
        "reddit-1rlvn8m",
        "https://www.reddit.com/r/LocalLLaMA/comments/1rlvn8m/",
        "CPU only: Ryzen AI 9 365 (10 cores, 5 GHz) laptop; RAM ?",
        "mainline llama.cpp (llama-bench tg128)",
        False,
        "RAM not stated (32 GB assumed, speed unknown); the ik_llama.cpp rows are left out",
    ),
    Source(
        "patrickgawron-4090",
        "https://patrickgawron.com/articles/qwen35-27b-distilled-on-rtx4090",
        "RTX 4090 24 GB; RAM ?",
        "llama-server (build not stated)",
        False,
        "a 16K–128K sweep stated as flat; only its 16K, single-chat figure is used",
    ),
    Source(
        "ainavigate-rtxpro4000",
        "https://ai-navigate-news.com/en/articles/3b965a43-d3be-4fd7-8d86-b1b73e10725f",
        "RTX PRO 4000 Blackwell 24 GB, Xeon W-2295 18C, 128 GB DDR4 ECC",
        "mainline llama.cpp b8457",
        True,
        "repost of an r/LocalLLaMA post; KV q8_0 (K) / q4_0 (V) entered as q8_0; ik_llama.cpp row left out",
    ),
    Source(
        "steampunque-4070",
        "https://huggingface.co/steampunque/Qwen3.5-9B-MP-GGUF",
        "RTX 4070 12 GB; RAM ?",
        "llama.cpp (build not stated)",
        False,
        "a mixed-precision 9B GGUF (6.1 GB) from the model card",
    ),
    Source(
        "threadnavigator-4060ti",
        "http://threadnavigator.com/visualize/2052133499994251574/",
        "RTX 4060 Ti 8 GB; RAM ? (32 GB assumed)",
        "mainline llama.cpp (build not stated)",
        False,
        "qwen3.6 35B-A3B Q4_K_S (file size 19.9 GB inferred); RAM not stated; ik_llama.cpp rows left out",
    ),
    Source(
        "compiledthoughts-5060ti",
        "https://compiledthoughts.dev/blog/anantamatrix_blog_01.html",
        "RTX 5060 Ti 16 GB, Ryzen 7 9700X, 32 GB DDR5",
        "Ollama (version not stated; engine era inferred from the post's date, May 2026); llama.cpp b9091",
        False,
        "qwen3.6:35b-a3b; context not stated (4K assumed); the tuned llama.cpp run sets its own flags",
    ),
    Source(
        "njannasch-5060ti",
        "https://njannasch-dev-astro.pages.dev/blog/running-qwen-3-5-35b-a3b-on-5060-ti/",
        "RTX 5060 Ti 16 GB, Ryzen 7 mini PC, 128 GB RAM",
        "llama.cpp (build not stated)",
        False,
        "quant not stated (q4_K_M assumed)",
    ),
    Source(
        "magnus919-5070ti",
        "https://magnus919.com/2026/05/running-a-35b-moe-model-on-a-16gb-consumer-gpu/",
        "RTX 5070 Ti 16 GB; RAM ?",
        "llama.cpp (build not stated)",
        False,
        "qwen3.6 35B-A3B APEX Nano (10.88 GB); context not stated (4K assumed)",
    ),
    Source(
        "smeltcore-3090",
        "https://smeltcore.com/recipes/qwen3-5-35b-rtx-3090/",
        "RTX 3090 24 GB; RAM ?",
        "not stated (the recipe covers llama.cpp, Ollama and LM Studio)",
        False,
        "MXFP4 GGUF (~22 GB)",
    ),
    Source(
        "jackrong-5090",
        "https://jackrong-qwen36-eval.static.hf.space/speed.html",
        "RTX 5090 32 GB; RAM ?",
        "llama.cpp (CUDA 12.8 build)",
        False,
        "qwen3.6 27B UD-Q5_K_XL (size taken as 19.6 GB)",
    ),
    Source(
        "devto-strixhalo",
        "https://dev.to/agustinsacco/frontier-logic-at-local-speed-the-2026-strix-halo-ultimate-benchmark-suite-2cdf",
        "Ryzen AI Max+ 395, 128 GB LPDDR5X-8000 unified",
        "llama.cpp Vulkan (custom-tuned build)",
        False,
        "baseline (no MTP) column only; GPU share of the 128 GB not stated (96 GB assumed); Q8_K_XL and Q4_K_XL entered as q8_0 and q4_K_M",
    ),
    Source(
        "zolotukhin-r9700",
        "https://zolotukhin.ai/blog/2026-06-01-zinc-performance-where-it-is-fast-and-where-it-is-not/",
        "Radeon AI PRO R9700 32 GB; Apple M4 Max (RAM ?)",
        "llama.cpp (the baseline of the ZINC dashboard)",
        False,
        "R9700 figure from the 2026-05-09 post; the M4 Max figure is derived from a stated ratio; M4 Max RAM not stated (64 GB assumed)",
    ),
    Source(
        "calebcoffie-3090",
        "https://calebcoffie.com/benchmarks",
        "RTX 3090 24 GB (one card), EPYC 7302P, 96 GB DDR4-2933 (6 channels)",
        "llama.cpp 59778f0 (CUDA)",
        False,
        "qwen3.6 27B; context not stated (4K assumed); per-run power cap not shown",
    ),
    Source(
        "subterra-gb10",
        "https://www.subterratechnologies.com/blog/qwen3-6-35b-on-nvidia-gb10-243-llama-cpp-runs-to-find-the-best-local-quant",
        "NVIDIA GB10, 128 GB unified",
        "llama.cpp (build not stated)",
        False,
        "qwen3.6 35B-A3B UD-Q4_K_M, -c 8192",
    ),
    Source(
        "llmfit-m1max",
        _LLMFIT,  # the Apple M1 Max folder
        "M1 Max 32 GB unified, macOS",
        "Ollama (version not stated; August 2026)",
        True,
        "qwen3.6:27b",
    ),
    Source(
        "llmfit-arc140v",
        _LLMFIT,  # the Intel Arc 130V/140V folder
        "Core Ultra 7 258V, Arc 140V iGPU, 32 GB LPDDR5X unified, Linux",
        "llama.cpp (version per file)",
        True,
        "bandwidth 136 GB/s from LPDDR5X-8533 on a 128-bit bus (spec, not stated); the 9B row is a same-architecture fine-tune",
    ),
    # Third collection round (sources_round3.py): ids written down before their hashes were computed.
    *(Source(*entry) for entry in ROUND3),
    # Fourth collection round on (later_rounds.py): the same rule, ids written down before hashing.
    *(Source(*entry) for r in LATER_ROUNDS.values() for entry in r.sources),
)
SOURCES: dict[str, Source] = {s.id: s for s in ENTRIES}


class _HasSource(Protocol):
    @property
    def source(self) -> str: ...


R = TypeVar("R", bound=_HasSource)


def held_out(rows: Iterable[R]) -> list[R]:
    return [r for r in rows if is_held_out(r.source)]


def in_sample(rows: Iterable[R]) -> list[R]:
    """The rows tuning may read. Held-out rows are filtered out here, so no tuner can see them."""
    return [r for r in rows if not is_held_out(r.source)]


# The collection rounds reported on their own (3 to 10); a source in none of them entered in the first two.
ROUND_IDS: dict[int, frozenset[str]] = {3: ROUND3_IDS, **{n: r.ids for n, r in LATER_ROUNDS.items()}}


def source_round(source_id: str) -> int:
    """The collection round a source entered in: 3 to 10 are reported on their own; 1 covers the first two.
    From the fourth round on, nobody compared a round's held-out rows with the engine before its evaluation."""
    return next((n for n, ids in ROUND_IDS.items() if source_id in ids), 1)


def publication(source: str) -> str:
    """The publication a source counts as: the llmfit device folders are one, and so are the sources that are
    probably one person's reports on one machine (SAME_MACHINE)."""
    return "llmfit" if source.startswith("llmfit-") else SAME_MACHINE.get(source, source)


def independent_sources() -> int:
    """Sources counted as independent publications (`publication`)."""
    return len({publication(s) for s in SOURCES})


# Reports that are probably the same person's on the same machine (or host) as another source: entered as
# their own sources (their split is their own id's), counted once as publications.
SAME_MACHINE = {
    "r9700-122b-fitreports": "r9700x2-analysis-bench",
    "alexcode-1070": "alexcode-4060ti",  # one author, one host board, the GPU swapped (sixth round)
    "llmlab-3x3060": "llmlab-3090-qwen36-27b",  # one author's lab notes, two sets of cards (seventh round)
    "greppy-m5-qwen35-baseline": "ctox-m5-ggml-baselines",  # one organisation's two repositories, one M5 (eighth round)
    "msf-890m-qwen36-phase1": "msf-890m-gemma4-vs-qwen35",  # one author's blog and repository, one laptop (eleventh round)
    # one repository's validation pages, two machines, entered per machine like llmfit's device folders (twelfth round)
    "haven42-rx7800xt-ollama": "haven42-dual-v100-ollama",
    "bigkijimon-m1max-qwen35-ja-bench": "bigkijimon-m1max-ollama-mlx-bench",  # one author's articles, one M1 Max (13th)
    "reddit-1rei65v-followup": "reddit-1rei65v",  # one author's two posts, one RTX 5080 + 9950X (fourteenth round)
}
