"""Where a model goes on a machine's memory budget: fully on the GPU(s), split with the CPU, on the CPU,
or nowhere. Pure functions over byte counts; `engine.py` works out the bytes (docs/qwen35-memory.md).

What stays off the GPU (docs/qwen35-memory.md#what-stays-off-the-gpu): both Ollama generations keep
the input token embedding (`token_embd`) on the CPU — Ollama's Go engine ("inputs always use cpu",
`ml/backend/ggml/ggml.go` New, v0.24.0) and llama.cpp (`llama_model::load_tensors`: "there is very
little benefit to offloading the input layer, so always keep it on the CPU"). The output matrix follows
the last layer onto the GPU; a tied embedding is loaded twice (input copy in RAM, output copy on the GPU).
The vision tower goes to the GPU with the output layer (engine era) or as an offloaded `--mmproj`
(llama-server era), except on an integrated non-Apple GPU, where Ollama ≥ 0.30 keeps it on the CPU
(`shouldDisableMMProjOffload`, llm/llama_server.go, v0.31.0).
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
    `per_gpu` = compute + reserve; `off_gpu` = the part of `model` that stays in RAM even when every
    layer is on the GPU (the input embedding; the vision tower where Ollama keeps it on the CPU)."""

    model: int
    compute: int
    per_gpu: int
    off_gpu: int = 0

    @property
    def on_gpu(self) -> int:
        """Bytes a full offload puts on the GPU(s), before compute and reserve."""
        return self.model - self.off_gpu


# Bytes per element of `token_embd` as Ollama's quantizer stores it (`getTensorNewType`,
# server/quantization.go, v0.24.0): q4_K_M keeps the type of the rest (Q4_K, 144 B per 256) unless the
# embedding is tied and doubles as the output matrix, which gets Q6_K (210 B per 256).
_EMBEDDING_BYTES: dict[tuple[str, bool], float] = {
    ("q4_K_M", False): 144 / 256,
    ("q4_K_M", True): 210 / 256,
    ("q8_0", False): 34 / 32,
    ("q8_0", True): 34 / 32,
    ("bf16", False): 2.0,
    ("bf16", True): 2.0,
}
VISION_BYTES_PER_PARAM = 2  # the vision tower is kept F16/BF16 in every blob


def embedding_bytes(tag: ModelTag) -> int:
    """The input token embedding (vocab × hidden); an unknown quant counts at the blob's average density."""
    arch = tag.size.arch
    tied = bool(arch.raw.get("tie_embeddings", False))
    per_element = _EMBEDDING_BYTES.get((tag.quant, tied), tag.download_bytes / tag.size.total_params)
    return int(arch.vocab * arch.hidden * per_element)


def off_gpu_bytes(tag: ModelTag, *, vision_on_cpu: bool) -> int:
    """Bytes of the blob that never reach the GPU: the input embedding unless it is tied (then the GPU
    holds an output copy of the same size, and the input copy is the blob's own bytes read into RAM),
    plus the vision tower when Ollama keeps it on the CPU."""
    tied = bool(tag.size.arch.raw.get("tie_embeddings", False))
    embedding = 0 if tied else embedding_bytes(tag)
    vision = int(tag.size.vision_params * VISION_BYTES_PER_PARAM) if vision_on_cpu else 0
    return embedding + vision


def place(tag: ModelTag, need: Need, budget: MemoryBudget, moe_aware: bool, usable_gpu: bool) -> Placement:
    """Where the model goes. Only GPU and PARTIAL placements use GPUs (gpus_used ≥ 1, share > 0)."""
    gpus = budget.gpus
    if budget.unified:
        return place_unified(tag, need, budget, moe_aware, usable_gpu)
    per_gpu, gpu_part = need.per_gpu, need.on_gpu
    if usable_gpu and gpu_part + per_gpu <= gpus[0].free_bytes:
        return Placement(Verdict.GPU, 1, gpu_part, 1.0, "GPU")
    if usable_gpu and len(gpus) > 1 and gpu_part + len(gpus) * per_gpu <= budget.gpu_free:
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
    if usable_gpu and need.on_gpu + need.per_gpu <= window:
        return Placement(Verdict.GPU, 1, need.on_gpu, 1.0, "GPU")
    capacity = max(0, window - need.per_gpu)
    share = gpu_share_of(tag, need.on_gpu, capacity, moe_aware)
    if share > 0:
        kind = partial_kind(tag, need.on_gpu, capacity, moe_aware)
        return Placement(Verdict.PARTIAL, 1, capacity, share, kind)
    return Placement(Verdict.CPU, 0, 0, 0.0, "CPU")


def reported_share(placed: Placement, need: Need) -> float:
    """The GPU share `ollama ps` shows (size_vram ÷ size). Both generations report 100 % when every layer
    is on the GPU (`MemorySize`, llm/server.go v0.24.0 and llm/llama_server.go v0.31.0); in a split, size
    also counts what stays in RAM (the engine's InputWeights; llama-server's CPU_Mapped buffer), and each
    GPU's compute buffer counts as VRAM. The CPU's own compute buffer is not modelled."""
    if placed.verdict is Verdict.GPU:
        return 1.0
    if placed.verdict is not Verdict.PARTIAL:
        return 0.0
    vram = placed.share * need.on_gpu + placed.gpus_used * need.compute
    return vram / (need.model + placed.gpus_used * need.compute)


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
