"""Tokens per second as a range no wider than 2×, and what it was derived from.

Decoding reads every active weight once per token, plus the part of the KV cache in use, so the
time per token is (docs/fit-accuracy.md#the-speed-model):

    bytes on the GPU ÷ (efficiency × GPU bandwidth)
  + bytes in RAM ÷ (efficiency × RAM bandwidth) + the arithmetic of MoE experts on the CPU ÷ (cores × clock × SIMD rate)
  + a launch overhead per layer: on a GPU, scaled by the GPU's arithmetic size ((30 TFLOPS ÷ its FP32
    TFLOPS)^k, core/hardware/gpu_compute.py); on the CPU alone, a number of clock cycles (thread
    hand-offs between the layer's operations)

The centre is 1 ÷ that time; the range is centre ÷ √RANGE_RATIO … centre × √RANGE_RATIO. MoE tags read
only their active parameters; with experts on the CPU only the routed experts held there come from
RAM. Ollama 0.17–0.29 (its own engine) is slower once anything spills to the CPU (engine_partial), and
Ollama of either generation decodes MoE tags on a GPU slower than llama.cpp's own programs (ollama_moe);
published llama.cpp figures are estimated with SpeedInputs.runner = "llama.cpp".
The constants are tuned by tests/fit/tune_speed.py on the in-sample sources only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from runyard_desktop.core.fit.catalogue import ModelTag
from runyard_desktop.core.fit.memory_budget import MemoryBudget
from runyard_desktop.core.hardware.bandwidth import cpu_bandwidth, gpu_bandwidth
from runyard_desktop.core.hardware.gpu_compute import gpu_compute
from runyard_desktop.core.hardware.profile import HardwareProfile

RANGE_RATIO = 1.98  # high ÷ low, under the 2× the doc promises (the ends are rounded inwards)
# Tokens in the KV cache the range is stated for when no fill is given: the average over a chat's first
# 4,096 tokens, where published figures are measured and where a conversation starts. A long document or a
# filled context reads more KV per token and is slower (FitReport.tokens_per_second_full_context).
CHAT_FILL_TOKENS = 2048
REF_TFLOPS = 30.0  # the GPU size the per-layer overhead is stated for (an RTX 3090-class card)


@dataclass(frozen=True)
class SpeedModel:
    """The tunable constants, as one value so the tuner can try others without touching the engine."""

    gpu_efficiency: float = 0.75  # of table/probe bandwidth reached while decoding
    cpu_efficiency: float = 0.9  # of RAM bandwidth
    overhead_per_layer_s: float = 1.5e-4  # kernel launches, synchronisation (GPU and unified memory)
    cpu_flops_per_cycle: float = 4.0  # per core, for the CPU's share of the arithmetic (AVX2, quantised matvec)
    engine_partial: float = 0.6  # Ollama 0.17–0.29 with anything on the CPU
    overhead_compute_exponent: float = 0.5  # GPU overhead × (REF_TFLOPS ÷ the GPU's TFLOPS)^this; 0 = no size term
    cpu_overhead_cycles_per_layer: float = 3e6  # thread hand-offs per layer when the CPU alone decodes
    # MoE decoded by Ollama (either generation), against llama.cpp's own programs on the same card: in-sample,
    # Ollama's MoE rows on a GPU sat well below the range while its dense rows did not (docs/fit-accuracy.md)
    ollama_moe: float = 0.7


DEFAULT_MODEL = SpeedModel()
ASSUMED_CPU_GHZ = 3.0  # when the OS reports no clock
# AVX-512 / AMX doubles the vector width of the matrix-vector kernels; NEON (128-bit) halves AVX2's.
_SIMD = (("amx", 2.0), ("avx512", 1.5), ("neon", 0.6), ("asimd", 0.6))


@dataclass(frozen=True)
class SpeedInputs:
    verdict: str  # Verdict value
    gpus_used: int
    share: float  # of bytes/layers on the GPU
    placement: str
    engine_era: bool = False  # Ollama 0.17–0.29
    kv_read_bytes: int = 0  # the KV cache attention reads per token (the tokens in the cache)
    state_bytes: int = 0  # the recurrent (DeltaNet) state, read and written once per token
    runner: str = "ollama"  # the program that decodes: "ollama" (what Runyard runs), "llama.cpp", or "" unstated


@dataclass(frozen=True)
class SpeedBasis:
    """What a speed range was derived from (`fit --json` → `speed_basis`)."""

    limiting: str  # "gpu memory" | "ram" | "cpu compute" | "overhead"
    gpu_bandwidth_gbps: float | None
    gpu_bandwidth_source: str | None  # "probe" | "table" | "estimate"
    ram_bandwidth_gbps: float
    ram_bandwidth_source: str
    gpu_bytes_per_token: int
    ram_bytes_per_token: int
    efficiency: float
    engine_factor: float
    cpu_ghz: float  # the clock the CPU terms use (`cpu_clock`)
    cpu_clock_source: str  # "reported" | "rated" (Windows: the rated, not the boost clock) | "assumed"

    def as_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def cpu_clock(profile: HardwareProfile) -> tuple[float, str]:
    """The clock the CPU terms use, in GHz, and where it comes from:
    - "reported": the highest clock the OS reports (Linux's cpufreq maximum, the boost clock on most machines);
    - "rated": Windows reports only the rated (base) clock (psutil reads `CallNtPowerInformation`'s MaxMhz;
      giampaolo/psutil#2083, #2299), below the boost clock a CPU decodes at, so CPU-bound ranges come out low;
    - "assumed": no clock reported, ASSUMED_CPU_GHZ."""
    if not profile.cpu.max_mhz:
        return ASSUMED_CPU_GHZ, "assumed"
    return profile.cpu.max_mhz / 1000, "rated" if profile.os == "windows" else "reported"


def bytes_per_token(tag: ModelTag) -> float:
    return tag.size.active_read_params * tag.bytes_per_param


def _split(tag: ModelTag, s: SpeedInputs) -> tuple[float, float]:
    """(bytes read from GPU memory, bytes read from RAM) per token: the active weights, the KV cache in use
    and the recurrent state read and written back."""
    total = bytes_per_token(tag) + s.kv_read_bytes + 2 * s.state_bytes
    if s.verdict == "gpu":
        return total, 0.0
    if s.verdict == "cpu":
        return 0.0, total
    arch = tag.size.arch
    if s.placement == "experts on CPU" and arch.moe is not None:
        active_experts = arch.layers * arch.moe.experts_per_token * 3 * arch.hidden * arch.moe.expert_ffn
        expert_bytes = active_experts * tag.bytes_per_param
        model_expert_share = arch.expert_params / tag.size.total_params
        # share of all weights on GPU -> share of expert weights on GPU (dense part is all on GPU)
        expert_gpu = max(0.0, min(1.0, 1.0 - (1.0 - s.share) / max(model_expert_share, 1e-9)))
        cpu_bytes = expert_bytes * (1.0 - expert_gpu)
        return total - cpu_bytes, cpu_bytes
    return total * s.share, total * (1.0 - s.share)


def _gpu_overhead(m: SpeedModel, tflops: float) -> float:
    return m.overhead_per_layer_s * math.pow(REF_TFLOPS / max(tflops, 0.1), m.overhead_compute_exponent)


def _simd(profile: HardwareProfile) -> float:
    flags = " ".join(profile.cpu.flags).lower()
    return next((factor for key, factor in _SIMD if key in flags), 1.0)


def _times(
    tag: ModelTag, profile: HardwareProfile, budget: MemoryBudget, s: SpeedInputs, m: SpeedModel
) -> tuple[dict[str, float], SpeedBasis] | None:
    gpu_bytes, cpu_bytes = _split(tag, s)
    ram = cpu_bandwidth(profile)
    ghz, clock_source = cpu_clock(profile)
    used = budget.gpus[: max(1, s.gpus_used)] if s.verdict != "cpu" else ()
    # Layers split over GPUs run one after the other: the slowest card sets the pace.
    gbw = min((gpu_bandwidth(g.gpu, profile) for g in used), key=lambda b: b.gbps, default=None)
    tflops = min((gpu_compute(g.gpu).tflops for g in used), default=None)
    times = {
        "gpu memory": gpu_bytes / (m.gpu_efficiency * gbw.gbps * 1e9) if gpu_bytes and gbw else 0.0,
        "ram": cpu_bytes / (m.cpu_efficiency * ram.gbps * 1e9) if cpu_bytes else 0.0,
        "cpu compute": 0.0,
        "overhead": tag.size.arch.layers
        * (_gpu_overhead(m, tflops) if used and tflops else m.cpu_overhead_cycles_per_layer / (ghz * 1e9)),
    }
    # MoE on the CPU alone is arithmetic-bound (routing, many small expert products); dense models on
    # the CPU, and the CPU's layers beside a GPU, measured memory-bound (docs/fit-accuracy.md).
    if tag.size.is_moe and (s.verdict == "cpu" or (s.verdict == "partial" and s.placement == "experts on CPU")):
        flops = 2 * tag.size.active_read_params * cpu_bytes / max(1.0, gpu_bytes + cpu_bytes)
        cores = max(1, profile.cpu.physical_cores)
        times["cpu compute"] = flops / (cores * ghz * 1e9 * m.cpu_flops_per_cycle * _simd(profile))
    if sum(times.values()) <= 0:
        return None
    engine = m.engine_partial if s.engine_era and s.verdict == "partial" else 1.0
    if s.runner == "ollama" and tag.size.is_moe and s.verdict != "cpu":
        engine *= m.ollama_moe
    basis = SpeedBasis(
        limiting=max(times, key=lambda k: times[k]),
        gpu_bandwidth_gbps=gbw.gbps if gbw else None,
        gpu_bandwidth_source=gbw.source if gbw else None,
        ram_bandwidth_gbps=ram.gbps,
        ram_bandwidth_source=ram.source,
        gpu_bytes_per_token=round(gpu_bytes),
        ram_bytes_per_token=round(cpu_bytes),
        efficiency=m.gpu_efficiency if s.verdict == "gpu" else m.cpu_efficiency,
        engine_factor=engine,
        cpu_ghz=ghz,
        cpu_clock_source=clock_source,
    )
    return times, basis


def estimate(
    tag: ModelTag, profile: HardwareProfile, budget: MemoryBudget, s: SpeedInputs, m: SpeedModel = DEFAULT_MODEL
) -> tuple[tuple[float, float], SpeedBasis] | None:
    """((low, high) decode tokens/s, basis), or None when the tag cannot run."""
    if s.verdict == "no_fit":
        return None
    result = _times(tag, profile, budget, s, m)
    if result is None:
        return None
    times, basis = result
    return range_around(basis.engine_factor / sum(times.values())), basis


def range_around(centre: float) -> tuple[float, float]:
    """(low, high) = centre ÷ √RANGE_RATIO … centre × √RANGE_RATIO, the ends rounded inwards."""
    half = math.sqrt(RANGE_RATIO)
    step = 10 if centre >= 1 else 100  # tenths of a token per second, hundredths below 1 tok/s
    return math.ceil(centre / half * step) / step, math.floor(centre * half * step) / step


def centre_of(tps: tuple[float, float]) -> float:
    """The centre a range was stated around (its geometric mean)."""
    return math.sqrt(tps[0] * tps[1])
