"""Published decode speeds (tok/s), one row per figure; sources, split and profiles as in
measurements_public.py and public_sources.py."""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from .cpu_specs import with_published_cpu
from .later_rounds import LATER_ROUNDS
from .measurements_added import SPEED_CASES_ADDED
from .measurements_public import (
    EPYC_ROME,
    GB10,
    GTX1050TI,
    M4,
    M4PRO,
    M5MAX,
    Q4_0_08B,
    Q4KM_08B,
    Q5KM_27B,
    R7950X,
    RTX3090,
    RTX4090,
    RTX5090,
    RX7900XT,
    RX7900XTX,
    STRIX,
    UDQ3_35B,
    UDQ4_35B,
    SpeedCase,
)
from .measurements_round3 import SPEED_CASES_ROUND3
from .reference_data import gpu_machine

_ENTERED = (
    SpeedCase("0.8B Q4_0, GB10", "llmfit-gb10", Q4_0_08B, GB10, 4096, 262),
    SpeedCase("2B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:2b-q4_K_M", GB10, 4096, 128),
    SpeedCase("4B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:4b", GB10, 4096, 61),
    SpeedCase("9B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:9b", GB10, 4096, 35),
    SpeedCase("27B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:27b", GB10, 4096, 11.3),
    SpeedCase("35B-A3B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:35b-a3b", GB10, 4096, 71.6),
    SpeedCase("122B-A10B Q4_K_M, GB10", "llmfit-gb10", "qwen3.5:122b-a10b", GB10, 4096, 29.0),
    SpeedCase("0.8B Q4_K_M, GTX 1050 Ti", "llmfit-gtx1050ti", Q4KM_08B, GTX1050TI, 4096, 50),
    SpeedCase("2B Q4_K_M, GTX 1050 Ti", "llmfit-gtx1050ti", "qwen3.5:2b-q4_K_M", GTX1050TI, 4096, 26.9),
    SpeedCase(
        "4B Q4_K_M, GTX 1050 Ti",
        "llmfit-gtx1050ti",
        "qwen3.5:4b",
        GTX1050TI,
        4096,
        13.6,
        note="partial offload on a 4 GB card",
    ),
    SpeedCase("4B Q4_K_M, M4 Pro", "llmfit-m4pro", "qwen3.5:4b", M4PRO, 4096, 55.6),
    SpeedCase("9B Q4_K_M, M4 Pro", "llmfit-m4pro", "qwen3.5:9b", M4PRO, 4096, 37.0),
    SpeedCase("9B, M3 Pro 36 GB, Ollama", "llmfit-m3pro", "qwen3.5:9b", apple("Apple M3 Pro", 36, 30), 4096, 21.9),
    SpeedCase("4B Q4_K_M, RX 7900 XT", "llmfit-rx7900xt", "qwen3.5:4b", RX7900XT, 4096, 126.7),
    SpeedCase("9B Q4_K_M, RX 7900 XT", "llmfit-rx7900xt", "qwen3.5:9b", RX7900XT, 4096, 87.8),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 2K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        2048,
        39.3,
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, llama.cpp, q4_0 KV, 128K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        131072,
        33.4,
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q5_K_M, RTX 4090, llama.cpp, q4_0 KV, 2K", "tianchengwu-4090", Q5KM_27B, RTX4090, 2048, 34.2, kv="q4_0"
    ),
    SpeedCase(
        "27B Q5_K_M, RTX 4090, llama.cpp, q4_0 KV, 128K", "tianchengwu-4090", Q5KM_27B, RTX4090, 131072, 29.9, kv="q4_0"
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, q4_0 KV, 2K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        2048,
        35.8,
        "ollama-engine",
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, q4_0 KV, 128K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        131072,
        15.5,
        "ollama-engine",
        "card saturated, layers spilled",
        kv="q4_0",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, q8_0 KV, 2K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        2048,
        23.3,
        "ollama-engine",
        kv="q8_0",
    ),
    SpeedCase(
        "27B Q4_K_M, RTX 4090, Ollama engine era, q8_0 KV, 128K",
        "tianchengwu-4090",
        "qwen3.5:27b",
        RTX4090,
        131072,
        6.3,
        "ollama-engine",
        "card saturated, layers spilled",
        kv="q8_0",
    ),
    SpeedCase("27B Q4, RTX 3090, llama.cpp", "insiderllm-guide", "qwen3.5:27b", RTX3090, 4096, 34),
    SpeedCase("35B-A3B Q4, RTX 3090, llama.cpp", "insiderllm-guide", "qwen3.5:35b-a3b", RTX3090, 4096, 111),
    SpeedCase(
        "35B-A3B Q4, RTX 5060 Ti 16 GB, expert offload, 100K",
        "insiderllm-guide",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 5060 Ti", 16),
        102400,
        44.3,
    ),
    SpeedCase(
        "35B-A3B Q4, RTX 3090 Ti, Ollama engine era",
        "ollama-14579",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 3090 Ti", 24),
        32768,
        17.5,
        "ollama-engine",
        "stated 15–20 tok/s",
    ),
    SpeedCase(
        "35B-A3B Q4, RTX 3090 Ti, llama.cpp",
        "ollama-14579",
        "qwen3.5:35b-a3b",
        gpu_machine("NVIDIA GeForce RTX 3090 Ti", 24),
        32768,
        100,
        note='stated "100 tokens per second", full context',
    ),
    SpeedCase("9B, Ryzen AI Max+ 395", "intelligibberish-395", "qwen3.5:9b", STRIX, 4096, 30),
    SpeedCase("0.8B Q4_K_M, M4, llama.cpp", "jitesh-m4", Q4KM_08B, M4, 4096, 103),
    SpeedCase("0.8B Q8_0, M4, llama.cpp", "jitesh-m4", "qwen3.5:0.8b", M4, 4096, 81),
    SpeedCase("2B Q4_K_M, M4, llama.cpp", "jitesh-m4", "qwen3.5:2b-q4_K_M", M4, 4096, 59),
    SpeedCase("4B Q4_K_M, M4, llama.cpp", "jitesh-m4", "qwen3.5:4b", M4, 4096, 28),
    SpeedCase("9B Q4_K_M, M4, llama.cpp", "jitesh-m4", "qwen3.5:9b", M4, 4096, 16),
    SpeedCase(
        "0.8B Q4_K_M, M4, Ollama", "jitesh-m4", Q4KM_08B, M4, 4096, 51, "ollama-engine", "Ollama version not stated"
    ),
    SpeedCase("2B Q4_K_M, M4, Ollama", "jitesh-m4", "qwen3.5:2b-q4_K_M", M4, 4096, 31, "ollama-engine"),
    SpeedCase("4B Q4_K_M, M4, Ollama", "jitesh-m4", "qwen3.5:4b", M4, 4096, 19, "ollama-engine"),
    SpeedCase("9B Q4_K_M, M4, Ollama", "jitesh-m4", "qwen3.5:9b", M4, 4096, 14, "ollama-engine"),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL, EPYC-Rome 16C, CPU only",
        "igllama-cpu",
        UDQ4_35B,
        EPYC_ROME,
        4096,
        5.56,
        note="best of a thread sweep (8 threads)",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, Ryzen 9 7950X DDR5-6000, CPU only", "igllama-cpu", "qwen3.5:35b-a3b", R7950X, 4096, 18.4
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5090, llama.cpp",
        "zenn-5090",
        "qwen3.5:35b-a3b",
        RTX5090,
        4096,
        214,
        depth=64,
        runner="llama.cpp",
    ),
    SpeedCase("27B Q4_K_M, RTX 3090, llama.cpp, 120K", "thinksmart-3090", "qwen3.5:27b", RTX3090, 122880, 29),
    SpeedCase("35B-A3B UD-Q3_K_XL, RTX 3090, llama.cpp, 120K", "thinksmart-3090", UDQ3_35B, RTX3090, 122880, 94),
    SpeedCase("122B-A10B Q4_K_M, Ryzen AI Max+ 395, llama.cpp", "baem1n-bench", "qwen3.5:122b-a10b", STRIX, 4096, 22.9),
    SpeedCase(
        "27B q8_0, M5 Max, Ollama 0.24", "ollama-pr16031", "qwen3.5:27b-q8_0", M5MAX, 16384, 12.7, "ollama-engine"
    ),
    SpeedCase("27B q8_0, M5 Max, Ollama 0.30", "ollama-pr16031", "qwen3.5:27b-q8_0", M5MAX, 16384, 16.4),
    SpeedCase(
        "35B-A3B, RX 7900 XTX, Ollama 0.21", "ollama-15771", "qwen3.5:35b-a3b", RX7900XTX, 32768, 24.5, "ollama-engine"
    ),
    *SPEED_CASES_ADDED,
    *SPEED_CASES_ROUND3,
    *(case for r in LATER_ROUNDS.values() for case in r.speed),
)
# A source that names its CPU but not its clock: the maker's published facts (cpu_specs.py, an entry rule).
SPEED_CASES = tuple(with_published_cpu(case) for case in _ENTERED)
