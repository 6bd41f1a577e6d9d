"""Where a model goes on a machine's memory budget: fully on the GPU(s), split with the CPU, on the CPU,
or nowhere. Pure functions over byte counts; `engine.py` works out the bytes (docs/qwen35-memory.md).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from runyard_desktop.core.fit.catalogue import ModelTag
from runyard_desktop.core.fit.memory_budget import MemoryBudget


class Verdict(str, enum.Enum):
    GPU = "gpu"
    PARTIAL = "partial"
    CPU = "cpu"
    NO_FIT = "no_fit"


@dataclass(frozen=True)
class Placement:
    verdict: Verdict
    gpus_used: int
    gpu_capacity: int  # bytes of weights/KV/state that fit on the GPUs
    share: float
    placement: str


@dataclass(frozen=True)
class Need:
    """What one tag at one context needs: `model` bytes (weights + KV + state), `compute` per device,
    `per_gpu` = compute + reserve."""

    model: int
    compute: int
    per_gpu: int


def place(tag: ModelTag, need: Need, budget: MemoryBudget, moe_aware: bool, usable_gpu: bool) -> Placement:
    """Where the model goes. Only GPU and PARTIAL placements use GPUs (gpus_used ≥ 1, share > 0)."""
    gpus = budget.gpus
    if budget.unified:
        return place_unified(tag, need, budget, moe_aware, usable_gpu)
    per_gpu, gpu_part = need.per_gpu, need.model
    if usable_gpu and need.model + per_gpu <= gpus[0].free_bytes:
        return Placement(Verdict.GPU, 1, gpu_part, 1.0, "GPU")
    if usable_gpu and len(gpus) > 1 and need.model + len(gpus) * per_gpu <= budget.gpu_free:
        return Placement(Verdict.GPU, len(gpus), gpu_part, 1.0, "GPU")
    capacity = sum(max(0, g.free_bytes - per_gpu) for g in gpus) if usable_gpu else 0
    share = gpu_share_of(tag, gpu_part, capacity, moe_aware)
    if share > 0:
        used = sum(1 for g in gpus if g.free_bytes > per_gpu)
        if need.model + used * per_gpu <= budget.gpu_free + budget.ram_usable:
            return Placement(Verdict.PARTIAL, used, capacity, share, partial_kind(tag, gpu_part, capacity, moe_aware))
    if need.model + need.compute <= budget.ram_usable:
        return Placement(Verdict.CPU, 0, 0, 0.0, "CPU")
    return Placement(Verdict.NO_FIT, 0, 0, 0.0, "")


def place_unified(tag: ModelTag, need: Need, budget: MemoryBudget, moe_aware: bool, usable_gpu: bool) -> Placement:
    """Apple-style unified memory: the Metal window is part of RAM. Everything the model uses must fit
    usable RAM once; the GPU part must also fit the window (with its reserve as free space)."""
    if need.model + need.compute > budget.ram_usable:
        return Placement(Verdict.NO_FIT, 0, 0, 0.0, "")
    window = budget.gpus[0].free_bytes if usable_gpu else 0
    if usable_gpu and need.model + need.per_gpu <= window:
        return Placement(Verdict.GPU, 1, need.model, 1.0, "GPU")
    capacity = max(0, window - need.per_gpu)
    share = gpu_share_of(tag, need.model, capacity, moe_aware)
    if share > 0:
        kind = partial_kind(tag, need.model, capacity, moe_aware)
        return Placement(Verdict.PARTIAL, 1, capacity, share, kind)
    return Placement(Verdict.CPU, 0, 0, 0.0, "CPU")


def partial_kind(tag: ModelTag, model_bytes: int, capacity: int, moe_aware: bool) -> str:
    experts = moe_aware and tag.size.is_moe and capacity >= dense_bytes(tag, model_bytes)
    return "experts on CPU" if experts else "layers on CPU"


def dense_bytes(tag: ModelTag, model_bytes: int) -> int:
    """Everything but the routed experts (attention, shared experts, embeddings, vision, KV, state)."""
    expert = tag.download_bytes * tag.size.arch.expert_params / tag.size.total_params
    return int(model_bytes - expert)


def gpu_share_of(tag: ModelTag, model_bytes: int, capacity: int, moe_aware: bool) -> float:
    """Share on the GPU: whole layers for dense models (floor), bytes for MoE with experts on CPU."""
    if capacity <= 0:
        return 0.0
    fraction = min(1.0, capacity / model_bytes)
    if moe_aware and tag.size.is_moe and capacity >= dense_bytes(tag, model_bytes):
        return math.floor(fraction * 100) / 100
    layers = tag.size.arch.layers
    return math.floor(fraction * layers) / layers
