"""Fourth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round4/__init__.py.

Profiles state only what the source states (RAM size, type, speed; CPU cores and clock); anything
else is the builders' default and is said in the source's note. GGUF files Ollama does not ship
are entered from their stated size (`_file`, GB; `_gib`, GiB: reference_data.gguf_file/gguf_gib).
"""

from __future__ import annotations

from dataclasses import replace

from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.hardware.profile import HardwareProfile

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine

_AVX2 = ("avx", "avx2", "fma", "f16c")


def _cpu(
    profile: HardwareProfile,
    *,
    name: str,
    cores: int,
    mhz: float | None = None,
    memory_type: str | None = None,
    mts: int | None = None,
    flags: tuple[str, ...] = _AVX2,
) -> HardwareProfile:
    """The CPU (and RAM type/speed) a source states, on a GPU machine built by gpu_machine."""
    cpu = replace(profile.cpu, name=name, physical_cores=cores, logical_cores=2 * cores, flags=flags, max_mhz=mhz)
    ram = replace(profile.ram, memory_type=memory_type, speed_mts=mts) if memory_type else profile.ram
    return replace(profile, cpu=cpu, ram=ram)


# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "sergiiob-rk3588",
        "https://sergiiob.dev/posts/rk3588-qwen35-llama-cpp-rock5b-plus-benchmarks.md",
        "CPU only: Radxa ROCK 5B+ (Rockchip RK3588, 4× Cortex-A76 + 4× Cortex-A55), 24 GB RAM, Linux",
        "mainline llama.cpp built from source (build not stated; ARM dotprod build, -ngl 0, 2–4 threads)",
        False,
        "read from the post's source file (github.com/SergiioB/portfolio, "
        "src/content/posts/rk3588-qwen35-llama-cpp-rock5b-plus-benchmarks.md); the 'best measured "
        "configuration per model' table: decode t/s at the stated context, KV q4_0/q4_0; prompt length "
        "not stated (depth unknown); RAM type/speed not stated (the board ships LPDDR4X/LPDDR5; left "
        "unset); CPU named as the post names it; the UD-Q4_K_XL rows are left out (quant sweep: the "
        "Q4_K_M rows are used); 0.8B Q4_K_M entered from its stated 497.39 MiB",
    ),
    (
        "kenimoto-4070",
        "https://kenimoto.dev/blog/rtx-4070-cpu-moe-flag-2-8x-tokens/",
        "RTX 4070 12 GB, 31 GB RAM (as WSL2 reports it), Windows + WSL2 Ubuntu 24.04; CPU ?",
        "Ollama (version not stated; engine era inferred: the Ollama runs were made the week Qwen3.5 "
        "came out, 2026-02/03); llama.cpp CUDA build (build not stated), llama-bench tg128 -r 3",
        False,
        "also cross-posted to dev.to/kenimo49; read from the post's source file (github.com/kenimo49/"
        "kenimoto-dev); Qwen3.5-35B-A3B Q4_K_M (20.49 GiB as stated); Ollama's split stated as "
        "'roughly 42% GPU, 58% CPU'; Ollama context not stated (4K assumed); the llama.cpp row is "
        "-ngl 99 with every expert on the CPU (-ncmoe 48 / --cpu-moe); the sweep's rows with experts "
        "pulled back onto the 12 GB GPU (-ncmoe 24–44, 11.7–27.2 tok/s) are left out: they are manual "
        "placements that oversubscribe VRAM; RAM type/speed and CPU not stated",
    ),
    (
        "ik2199-a1000",
        "https://github.com/ikawrakow/ik_llama.cpp/issues/2199",
        "RTX A1000 8 GB, Intel Core i9-9900T (8C/16T), Debian 12 LXC on Proxmox; RAM ? (32 GB assumed)",
        "mainline llama.cpp 10155 (1cbfd198), llama-bench -ngl 99 --n-cpu-moe 99 -t 12 -fa 1",
        False,
        "an ik_llama.cpp issue; only its mainline row is entered (the ik_llama.cpp builds are forks); "
        "Qwen3.6-35B-A3B UD-Q4_K_M (21 GB as stated) stands for qwen3.5:35b-a3b; tg128 at d0; KV "
        "q4_0 (K) / q8_0 (V) entered as q8_0; RAM size/type/speed not stated (32 GB assumed)",
    ),
    (
        "jeanfbrito-3060",
        "https://jeanfbrito.github.io/posts/running-qwen3.6-35b-moe-rtx3060-ncmoe/",
        "RTX 3060 12 GB, Intel Xeon E5-2650 v4 @ 2.20 GHz (12C/24T), 31 GB DDR4",
        "mainline llama.cpp built from source (build not stated), llama-server -ngl 99 -ncmoe N -fa on",
        False,
        "Qwen3.6-35B-A3B UD-IQ3_XXS (13.2 GB as stated) stands for qwen3.5:35b-a3b; -c 65536, KV q8_0; "
        "the -ncmoe value of the headline 22.9 tok/s is not in the read text; prompt length not stated; "
        "DDR4 speed not stated",
    ),
    (
        "codacus-gtx1060",
        "https://insiderllm.com/guides/best-way-run-qwen-3-6-35b-moe-locally/",
        "GTX 1060 6 GB, Intel Core i3-8100 (4C/4T), 24 GB DDR4",
        "mainline llama.cpp (build not stated), llama-server --n-cpu-moe N --no-mmap",
        True,
        "InsiderLLM quoting a YouTube video by Codacus (the same steps are written up at "
        "frankcasanova.net/en/blog/running-35b-ai-on-6gb-gpu); Qwen3.6-35B-A3B, quant not stated, "
        "file ~20 GB as stated (entered as 20 GB); two steps entered: every expert on the CPU "
        "(--n-cpu-moe 41, --no-mmap) at ~100K context, 13.5 tok/s, and --n-cpu-moe 35 at ~64K, "
        "17 tok/s; the mmap baseline (10 tok/s, page faults) and the later TurboQuant KV step are left "
        "out; KV q8_0 inferred from the write-up; DDR4 speed not stated",
    ),
    (
        "glukhov-16gb",
        "https://www.glukhov.org/llm-performance/benchmarks/best-llm-on-16gb-vram-gpu",
        "RTX 4080 16 GB, Intel Core i7-14700 (8P + 12E), 64 GB DDR5-6000",
        "llama.cpp (build not stated), llama-server at 19K, 32K and 64K context",
        False,
        "the page names only 'a GPU with 16GB of VRAM'; the machine (RTX 4080 16 GB, i7-14700, 64 GB "
        "DDR5-6000) is the one the same author's January 2026 Ollama post on his 16 GB GPU states "
        "(glukhov.org/post/2026/01/choosing-best-llm-for-ollama-on-16gb-vram-gpu), taken as the same "
        "machine (inferred); a context sweep: only 19K (entered as 19,000 tokens) and 64K are used; "
        "prompt length not stated; KV type not stated (f16 assumed); GGUF sizes as stated (GB): "
        "35B-A3B UD-IQ3_S 13.6, 27B UD-IQ3_XXS 11.5, 122B-A10B UD-IQ3_XXS 44.7; the page's GPU-load "
        "column shows the 122B (and the 27B at 64K) running partly on the CPU",
    ),
)

# Radxa ROCK 5B+ (RK3588): 8 cores, arm64, no usable GPU for llama.cpp here (-ngl 0)
ROCK5BPLUS = build_profile(
    ram_gib=24,
    ram_available_gib=22,
    cpu="Rockchip RK3588",
    cores=8,
    arch="aarch64",
    flags=("neon", "dotprod"),
)
RTX4070_31 = gpu_machine("NVIDIA GeForce RTX 4070", 12, ram_gib=31)
A1000_9900T = _cpu(gpu_machine("NVIDIA RTX A1000", 8, ram_gib=32), name="Intel(R) Core(TM) i9-9900T CPU", cores=8)
RTX3060_E5 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 3060", 12, ram_gib=31),
    name="Intel(R) Xeon(R) CPU E5-2650 v4",
    cores=12,
    mhz=2200,
    memory_type="DDR4",
)
GTX1060_I3 = _cpu(
    gpu_machine("NVIDIA GeForce GTX 1060", 6, ram_gib=24),
    name="Intel(R) Core(TM) i3-8100 CPU",
    cores=4,
    memory_type="DDR4",
)
GTX1060_I3 = replace(GTX1060_I3, cpu=replace(GTX1060_I3.cpu, logical_cores=4))  # no hyper-threading

RTX4080_14700 = _cpu(
    gpu_machine("NVIDIA GeForce RTX 4080", 16, ram_gib=64),
    name="Intel(R) Core(TM) i7-14700",
    cores=20,
    memory_type="DDR5",
    mts=6000,
)
RTX4080_14700 = replace(RTX4080_14700, cpu=replace(RTX4080_14700.cpu, logical_cores=28))  # 8P×2 + 12E

Q4KM_08B_RK = _gib("qwen3.5:0.8b", 0.4857)  # 497.39 MiB as llama.cpp reports it
UDQ4KM_36_35B = _file("qwen3.5:35b-a3b", 21.0)
IQ3XXS_36_35B = _file("qwen3.5:35b-a3b", 13.2)
Q4_36_35B_20GB = _file("qwen3.5:35b-a3b", 20.0)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # sergiiob-rk3588: CPU only, KV q4_0, best thread count per model (4; 2 for the 27B)
    SpeedCase(
        "0.8B Q4_K_M, RK3588 CPU only, 16K",
        "sergiiob-rk3588",
        Q4KM_08B_RK,
        ROCK5BPLUS,
        16384,
        12.07,
        kv="q4_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "2B Q4_K_M, RK3588 CPU only, 32K",
        "sergiiob-rk3588",
        "qwen3.5:2b-q4_K_M",
        ROCK5BPLUS,
        32768,
        8.68,
        kv="q4_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "4B Q4_K_M, RK3588 CPU only, 16K",
        "sergiiob-rk3588",
        "qwen3.5:4b",
        ROCK5BPLUS,
        16384,
        3.62,
        kv="q4_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "9B Q4_K_M, RK3588 CPU only, 8K",
        "sergiiob-rk3588",
        "qwen3.5:9b",
        ROCK5BPLUS,
        8192,
        2.48,
        kv="q4_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B Q4_K_M, RK3588 CPU only, 4K (2 threads)",
        "sergiiob-rk3588",
        "qwen3.5:27b",
        ROCK5BPLUS,
        4096,
        0.62,
        kv="q4_0",
        runner="llama.cpp",
    ),
    # kenimoto-4070: the same machine, Ollama's default layer split vs llama.cpp with experts on the CPU
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 4070 12 GB + 31 GB, Ollama default split (engine era)",
        "kenimoto-4070",
        "qwen3.5:35b-a3b",
        RTX4070_31,
        4096,
        12.2,
        regime="ollama-engine",
        runner="ollama",
    ),
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 4070 12 GB, llama-bench -ngl 99, all experts on CPU, tg128",
        "kenimoto-4070",
        "qwen3.5:35b-a3b",
        RTX4070_31,
        4096,
        34.60,
        depth=64,
        runner="llama.cpp",
    ),
    # ik2199-a1000: the mainline row only
    SpeedCase(
        "35B-A3B UD-Q4_K_M (Qwen3.6), RTX A1000 8 GB + i9-9900T, --n-cpu-moe 99, tg128",
        "ik2199-a1000",
        UDQ4KM_36_35B,
        A1000_9900T,
        4096,
        26.15,
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
    ),
    # jeanfbrito-3060
    SpeedCase(
        "35B-A3B UD-IQ3_XXS (Qwen3.6), RTX 3060 12 GB + Xeon E5-2650 v4, -ncmoe, 64K",
        "jeanfbrito-3060",
        IQ3XXS_36_35B,
        RTX3060_E5,
        65536,
        22.9,
        kv="q8_0",
        runner="llama.cpp",
    ),
    # codacus-gtx1060 (second-hand)
    SpeedCase(
        "35B-A3B ~20 GB (Qwen3.6), GTX 1060 6 GB + i3-8100, all experts on CPU, ~100K",
        "codacus-gtx1060",
        Q4_36_35B_20GB,
        GTX1060_I3,
        100000,
        13.5,
        kv="q8_0",
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B ~20 GB (Qwen3.6), GTX 1060 6 GB + i3-8100, --n-cpu-moe 35, ~64K",
        "codacus-gtx1060",
        Q4_36_35B_20GB,
        GTX1060_I3,
        64000,
        17.0,
        kv="q8_0",
        runner="llama.cpp",
    ),
    # glukhov-16gb: shortest and longest context of the sweep
    SpeedCase(
        "35B-A3B UD-IQ3_S 13.6 GB, RTX 4080 16 GB, 19K",
        "glukhov-16gb",
        _file("qwen3.5:35b-a3b", 13.6),
        RTX4080_14700,
        19000,
        136.4,
        runner="llama.cpp",
    ),
    SpeedCase(
        "35B-A3B UD-IQ3_S 13.6 GB, RTX 4080 16 GB, 64K",
        "glukhov-16gb",
        _file("qwen3.5:35b-a3b", 13.6),
        RTX4080_14700,
        65536,
        136.8,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B UD-IQ3_XXS 11.5 GB, RTX 4080 16 GB, 19K",
        "glukhov-16gb",
        _file("qwen3.5:27b", 11.5),
        RTX4080_14700,
        19000,
        45.3,
        runner="llama.cpp",
    ),
    SpeedCase(
        "27B UD-IQ3_XXS 11.5 GB, RTX 4080 16 GB, 64K (partly on the CPU)",
        "glukhov-16gb",
        _file("qwen3.5:27b", 11.5),
        RTX4080_14700,
        65536,
        22.7,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-IQ3_XXS 44.7 GB, RTX 4080 16 GB + 64 GB DDR5-6000, 19K",
        "glukhov-16gb",
        _file("qwen3.5:122b-a10b", 44.7),
        RTX4080_14700,
        19000,
        22.3,
        runner="llama.cpp",
    ),
    SpeedCase(
        "122B-A10B UD-IQ3_XXS 44.7 GB, RTX 4080 16 GB + 64 GB DDR5-6000, 64K",
        "glukhov-16gb",
        _file("qwen3.5:122b-a10b", 44.7),
        RTX4080_14700,
        65536,
        21.5,
        runner="llama.cpp",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B Q4_K_M, RTX 4070 12 GB + 31 GB, Ollama engine era",
        "kenimoto-4070",
        "qwen3.5:35b-a3b",
        RTX4070_31,
        4096,
        "partial",
        0.42,
        regime="ollama-engine",
        note="stated as roughly 42% GPU / 58% CPU; context not stated (4K assumed)",
    ),
    PlacementCase(
        "27B Q4_K_M, RK3588 (no GPU), llama.cpp -ngl 0",
        "sergiiob-rk3588",
        "qwen3.5:27b",
        ROCK5BPLUS,
        4096,
        "cpu",
        note="15.39 GiB model buffer on the host; the board has no GPU llama.cpp uses",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
