"""The third collection round: published decode speeds found for the speed model's third round.

Same entry rules as before (docs/fit-accuracy.md): single-stream decode only, mainline llama.cpp or
Ollama, no forks, no MTP/speculative drafting; a context sweep (llama-bench depths) gives its
shortest and longest context, entered as a context of that many tokens; a quant sweep gives the
quants Ollama ships (q4_K_M, q8_0). Qwen3.6 rows stand for the Qwen3.5 tag of the same
architecture. Files Ollama does not ship are entered from their stated size (GiB → GB). The ids
were written down before their SHA-256 was computed (sources_round3.py).
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import apple

from .measurements_added import _file
from .measurements_public import M4, RTX3090, RTX4090, RTX5090, SpeedCase
from .reference_data import gguf_gib as _gib
from .reference_data import gpu_machine

M4PRO_24 = apple("Apple M4 Pro", 24, 20)
M3ULTRA = apple("Apple M3 Ultra", 512, 480)
GTX1080TI = gpu_machine("NVIDIA GeForce GTX 1080 Ti", 11, ram_gib=62.6)
RTX5080_128 = gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=128)
MI300X = gpu_machine("AMD Instinct MI300X", 192, vendor="amd", ram_gib=256)


_JIEGEC: tuple[SpeedCase, ...] = (
    SpeedCase("9B Q8_0, RTX 4090, llama-bench, d0", "jiegec-kb", "qwen3.5:9b-q8_0", RTX4090, 4096, 90.95),
    SpeedCase("9B Q8_0, RTX 4090, llama-bench, d65536", "jiegec-kb", "qwen3.5:9b-q8_0", RTX4090, 65536, 68.48),
    SpeedCase(
        "27B UD-Q4_K_XL, RTX 4090, llama-bench, d0", "jiegec-kb", _gib("qwen3.5:27b", 16.40), RTX4090, 4096, 44.6
    ),
    SpeedCase(
        "27B UD-Q4_K_XL, RTX 4090, llama-bench, d32768", "jiegec-kb", _gib("qwen3.5:27b", 16.40), RTX4090, 32768, 37.42
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, RTX 4090, llama-bench, d0",
        "jiegec-kb",
        _gib("qwen3.5:35b-a3b", 20.70),
        RTX4090,
        4096,
        158.04,
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, RTX 4090, llama-bench, d32768",
        "jiegec-kb",
        _gib("qwen3.5:35b-a3b", 20.70),
        RTX4090,
        32768,
        124.07,
    ),
    SpeedCase("4B Q8_0, RTX 4090, llama-server, d0", "jiegec-kb", "qwen3.5:4b-q8_0", RTX4090, 4096, 134.83),
    SpeedCase("4B Q8_0, RTX 4090, llama-server, d32768", "jiegec-kb", "qwen3.5:4b-q8_0", RTX4090, 32768, 114.95),
    SpeedCase("9B UD-Q4_K_XL, M4, llama-bench", "jiegec-kb", _gib("qwen3.5:9b", 5.55), M4, 4096, 14.83),
    SpeedCase("4B UD-Q4_K_XL, M4, llama-bench", "jiegec-kb", _gib("qwen3.5:4b", 2.70), M4, 4096, 24.44),
)

_MACS: tuple[SpeedCase, ...] = tuple(
    SpeedCase(f"{label}, {mac}, llama-bench, d{depth}", "benchnotes-m4pro-m3ultra", _gib(tag, gib), prof, ctx, tps)
    for label, tag, gib, mac, prof, depth, ctx, tps in (
        ("0.8B Q4_K_M", "qwen3.5:0.8b", 497.39 / 1024, "M4 Pro", M4PRO_24, 1500, 4096, 134.12),
        ("0.8B Q4_K_M", "qwen3.5:0.8b", 497.39 / 1024, "M4 Pro", M4PRO_24, 15000, 16384, 97.40),
        ("0.8B Q8_0", "qwen3.5:0.8b", 763.78 / 1024, "M4 Pro", M4PRO_24, 1500, 4096, 108.53),
        ("0.8B Q8_0", "qwen3.5:0.8b", 763.78 / 1024, "M4 Pro", M4PRO_24, 15000, 16384, 83.29),
        ("4B Q4_K_M", "qwen3.5:4b", 2.54, "M4 Pro", M4PRO_24, 1500, 4096, 45.55),
        ("4B Q4_K_M", "qwen3.5:4b", 2.54, "M4 Pro", M4PRO_24, 15000, 16384, 34.49),
        ("4B Q8_0", "qwen3.5:4b", 4.16, "M4 Pro", M4PRO_24, 1500, 4096, 37.86),
        ("4B Q8_0", "qwen3.5:4b", 4.16, "M4 Pro", M4PRO_24, 15000, 16384, 30.04),
        ("0.8B Q4_K_M", "qwen3.5:0.8b", 497.39 / 1024, "M3 Ultra", M3ULTRA, 1500, 4096, 209.27),
        ("0.8B Q4_K_M", "qwen3.5:0.8b", 497.39 / 1024, "M3 Ultra", M3ULTRA, 15000, 16384, 165.89),
        ("0.8B Q8_0", "qwen3.5:0.8b", 763.78 / 1024, "M3 Ultra", M3ULTRA, 1500, 4096, 203.88),
        ("0.8B Q8_0", "qwen3.5:0.8b", 763.78 / 1024, "M3 Ultra", M3ULTRA, 15000, 16384, 160.30),
        ("4B Q4_K_M", "qwen3.5:4b", 2.54, "M3 Ultra", M3ULTRA, 1500, 4096, 98.73),
        ("4B Q4_K_M", "qwen3.5:4b", 2.54, "M3 Ultra", M3ULTRA, 15000, 16384, 79.33),
        ("4B Q8_0", "qwen3.5:4b", 4.16, "M3 Ultra", M3ULTRA, 1500, 4096, 82.30),
        ("4B Q8_0", "qwen3.5:4b", 4.16, "M3 Ultra", M3ULTRA, 15000, 16384, 67.98),
        ("27B Q4_K_M", "qwen3.5:27b", 15.58, "M3 Ultra", M3ULTRA, 1500, 4096, 26.76),
        ("27B Q4_K_M", "qwen3.5:27b", 15.58, "M3 Ultra", M3ULTRA, 100000, 102400, 10.44),
        ("27B Q8_0", "qwen3.5:27b", 26.62, "M3 Ultra", M3ULTRA, 1500, 4096, 19.34),
        ("27B Q8_0", "qwen3.5:27b", 26.62, "M3 Ultra", M3ULTRA, 100000, 102400, 9.10),
    )
)

_STATED: tuple[SpeedCase, ...] = (
    *_JIEGEC,
    SpeedCase("0.8B Q4_K_M, M4, llama-bench", "syllabix-m4", _gib("qwen3.5:0.8b", 542.31 / 1024), M4, 4096, 103.3),
    SpeedCase("2B Q4_K_M, M4, llama-bench", "syllabix-m4", _gib("qwen3.5:2b", 1.29), M4, 4096, 56.72),
    SpeedCase(
        "27B UD-Q4_K_XL, RTX 5090, Ollama 0.31.1", "unsigned-5090", _file("qwen3.5:27b", 17.0), RTX5090, 32768, 68
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, RTX 5090, Ollama 0.31.1",
        "unsigned-5090",
        _file("qwen3.5:35b-a3b", 22.0),
        RTX5090,
        32768,
        58,
    ),
    SpeedCase("9B Q4_K_M, GTX 1080 Ti, llama.cpp", "llmfit-gtx1080ti", "qwen3.5:9b", GTX1080TI, 4096, 42.69),
    *_MACS,
    SpeedCase(
        "9B Q4_K_M, RTX 3090, llama-bench b10964", "win3090-b10964", _gib("qwen3.5:9b", 5.28), RTX3090, 4096, 101.36
    ),
    SpeedCase(
        "35B-A3B Q4_K_XL, RTX 5080 16 GB + 128 GB, llama.cpp --fit-target, 128K",
        "techyon-5080",
        _file("qwen3.5:35b-a3b", 22.0),
        RTX5080_128,
        131072,
        56,
        note="stated ~56 tok/s",
    ),
    SpeedCase(
        "0.8B Q8_0, MI300X, llama-bench", "tinygrad-mi300x", _gib("qwen3.5:0.8b", 763.78 / 1024), MI300X, 4096, 313.87
    ),
    SpeedCase("2B Q4_K_M, MI300X, llama-bench", "tinygrad-mi300x", _gib("qwen3.5:2b", 1.18), MI300X, 4096, 284.62),
    SpeedCase("4B Q4_K_M, MI300X, llama-bench", "tinygrad-mi300x", _gib("qwen3.5:4b", 2.54), MI300X, 4096, 186.37),
    SpeedCase(
        "35B-A3B Q4_K_M, MI300X, llama-bench", "tinygrad-mi300x", _gib("qwen3.5:35b-a3b", 20.49), MI300X, 4096, 119.6
    ),
)


def _stated_depth(case: SpeedCase) -> SpeedCase:
    """The KV fill these sources state (round 4 reads it, measurements_public.SpeedCase.depth): a llama-bench
    row decodes `tg` tokens after `d` (default 0), so on average d + tg/2 tokens are in the cache (tg128; syllabix
    ran tg32); llama-benchy's "dN" rows from N (their generation length is not stated)."""
    if "llama-bench" in case.label:
        d = int(case.label.rsplit(", d", 1)[1]) if ", d" in case.label else 0
        return replace(case, depth=d + (16 if case.source == "syllabix-m4" else 64), runner="llama.cpp")
    if "llama-server, d" in case.label:
        return replace(case, depth=int(case.label.rsplit(", d", 1)[1]), runner="llama.cpp")
    return case


SPEED_CASES_ROUND3: tuple[SpeedCase, ...] = tuple(_stated_depth(c) for c in _STATED)
