"""Tokens per second as a range: bandwidth ÷ bytes read per token × a stated efficiency.

Decoding reads every active weight once per token, so speed ≈ efficiency × bandwidth / bytes per
token (docs/qwen35-memory.md#tokens-per-second). Efficiency factors, fitted on the measured figures there:
    GPU / unified memory   0.45–0.70 (≥ 5 B active parameters read per token)
                           0.25–0.70 (1.5–5 B), 0.20–0.75 (< 1.5 B: small models vary most)
    CPU                    0.35–0.60 of RAM bandwidth
    Ollama 0.17–0.29 with partial offload: × 0.3 (measured, see ENGINE_PARTIAL_FACTOR)
plus a fixed ~1.5 ms per token of runtime overhead (sampling, kernel launches), which caps tiny
models near 650 tok/s (measured: 0.8B at 262 tok/s on a 273 GB/s GB10).
Partial offload adds the time of the CPU-held bytes at RAM bandwidth. For MoE with experts on the
CPU only the routed experts held there are read from RAM, which is why 35b-a3b stays usable.
"""

from __future__ import annotations

from dataclasses import dataclass

from runyard_desktop.core.fit.catalogue import ModelTag
from runyard_desktop.core.fit.memory_budget import MemoryBudget
from runyard_desktop.core.hardware.bandwidth import cpu_bandwidth, gpu_bandwidth
from runyard_desktop.core.hardware.profile import HardwareProfile

GPU_EFFICIENCY_LARGE = (0.45, 0.70)
GPU_EFFICIENCY_MEDIUM = (0.25, 0.70)
GPU_EFFICIENCY_SMALL = (0.20, 0.75)
CPU_EFFICIENCY = (0.35, 0.60)
PER_TOKEN_OVERHEAD_S = 0.0015
# Ollama 0.17–0.29 (its own engine) was far slower than llama.cpp once any layer spilled to the CPU:
# 35B-A3B on a 3090 Ti 15–20 tok/s vs ~100 (github.com/ollama/ollama/issues/14579); 27B on a 4090
# at ≥ 32K 8.5–15.5 vs 33.
ENGINE_PARTIAL_FACTOR = 0.3


@dataclass(frozen=True)
class SpeedInputs:
    verdict: str  # Verdict value
    gpus_used: int
    share: float  # of bytes/layers on the GPU
    placement: str
    engine_era: bool = False  # Ollama 0.17–0.29


def bytes_per_token(tag: ModelTag) -> float:
    return tag.size.active_read_params * tag.bytes_per_param


def _gpu_efficiency(tag: ModelTag) -> tuple[float, float]:
    active = tag.size.active_read_params
    if active >= 5e9:
        return GPU_EFFICIENCY_LARGE
    if active >= 1.5e9:
        return GPU_EFFICIENCY_MEDIUM
    return GPU_EFFICIENCY_SMALL


def _with_overhead(tps: float) -> float:
    return 1.0 / (1.0 / tps + PER_TOKEN_OVERHEAD_S)


def _seconds_split(tag: ModelTag, s: SpeedInputs) -> tuple[float, float]:
    """(bytes read from GPU memory, bytes read from RAM) per token."""
    total = bytes_per_token(tag)
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


def tokens_per_second(
    tag: ModelTag, profile: HardwareProfile, budget: MemoryBudget, s: SpeedInputs
) -> tuple[float, float] | None:
    """(low, high) decode tokens/s, or None when the tag cannot run."""
    if s.verdict == "no_fit":
        return None
    gpu_bytes, cpu_bytes = _seconds_split(tag, s)
    ram_bw = cpu_bandwidth(profile).gbps * 1e9
    used = budget.gpus[: max(1, s.gpus_used)]
    # Layers split over GPUs run one after the other: the slowest card sets the pace.
    gpu_bw = min((gpu_bandwidth(g.gpu).gbps for g in used), default=0.0) * 1e9
    if s.verdict == "cpu":
        low_eff, high_eff = CPU_EFFICIENCY
    else:
        low_eff, high_eff = _gpu_efficiency(tag)
    seconds = (gpu_bytes / gpu_bw if gpu_bytes else 0.0) + (cpu_bytes / ram_bw if cpu_bytes else 0.0)
    if seconds <= 0:
        return None
    if s.engine_era and s.verdict == "partial":
        low_eff, high_eff = low_eff * ENGINE_PARTIAL_FACTOR, high_eff * ENGINE_PARTIAL_FACTOR
    low, high = _with_overhead(low_eff / seconds), _with_overhead(high_eff / seconds)
    return (round(low, 1), round(high, 1))
