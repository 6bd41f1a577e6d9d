"""The fit engine: will this Qwen3.5 tag run on this machine, where, and how fast? Pure functions.

Memory model (docs/qwen35-memory.md#the-estimator, docs/fit-reference.md):
    weights          = the tag's download size (one blob: text + vision tower + MTP layer); the input
                       token embedding stays in RAM in both Ollama generations (and the vision tower
                       where Ollama ≥ 0.30 keeps the projector on the CPU), so a full offload needs
                       weights − weights_in_ram on the GPU (placement.py)
    kv_cache         = ctx × full-attention layers × 2 × kv_heads × head_dim × bytes(kv type)
                       (only 1 layer in 4 has a KV cache in Qwen3.5)
    recurrent_state  = linear layers × [nv·dk·dv + (conv−1)·(2·nk·dk + nv·dv)] × 4 bytes (F32),
                       × 25 on Ollama 0.17.1–0.29 (24 checkpoints + the live state)
    compute          = per GPU used (or once on CPU): max(0.75 GiB, logits + mask). The batch-512 graph
                       holds the 248k-vocab logits (512 × 248320 × 4 B) and the attention mask, which
                       llama.cpp sizes [n_kv × n_ubatch] F32 and casts to F16 under flash attention
                       (`build_attn_inp_kv_impl`, src/llama-graph.cpp, as vendored in Ollama v0.24.0):
                       6 B per cell, so the buffer passes 0.75 GiB only above ~94K tokens (the logged
                       729–744 MiB per device at ~64K in docs/qwen35-memory.md agree); 1.22 GiB at 256K
    gpu_reserve      = per GPU: 1 GiB llama.cpp `--fit` margin (Ollama ≥ 0.30, default) or
                       457 MiB (512 MiB Metal) Ollama-engine minimum (0.17.1–0.29; `buildLayout` in
                       llm/server.go at v0.24.0 also adds OLLAMA_GPU_OVERHEAD, default 0)
A tag runs on the GPU when the sum fits the FREE memory of one GPU (or all GPUs of the group, each
paying its own compute + reserve); partially when it fits free VRAM + usable RAM; on the CPU when it
fits usable RAM and no GPU can help; otherwise it does not fit (the rules: placement.py; a Windows
iGPU carve-out's cap: memory_budget.py).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from runyard_desktop.core.fit import speed as fit_speed
from runyard_desktop.core.fit import text as fit_text
from runyard_desktop.core.fit.catalogue import Architecture, Catalogue, ModelTag
from runyard_desktop.core.fit.memory_budget import MemoryBudget, budget_default_context, memory_budget
from runyard_desktop.core.fit.placement import (
    VISION_BYTES_PER_PARAM,
    Need,
    Placement,
    off_gpu_bytes,
    place,
    reported_share,
)
from runyard_desktop.core.fit.placement import Verdict as Verdict  # re-exported: engine.Verdict is public API
from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.profile import HardwareProfile
from runyard_desktop.core.ollama.types import parse_version

MIB = 2**20
KV_BYTES_PER_ELEMENT = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}
KV_CACHE_TYPES = tuple(KV_BYTES_PER_ELEMENT)
COMPUTE_BYTES = int(0.75 * GIB)  # the compute buffer up to ~94K tokens
UBATCH = 512  # Ollama's default num_batch (-b/-ub); both engines reserve the graph for one micro-batch
LOGITS_BYTES = UBATCH * 248_320 * 4
MASK_BYTES_PER_CELL = 4 + 2  # the F32 KQ mask and its F16 cast (flash attention)
LLAMA_SERVER_MARGIN = GIB
ENGINE_MIN_MEMORY = 457 * MIB
ENGINE_MIN_MEMORY_METAL = 512 * MIB
ENGINE_CHECKPOINTS = 24
MIN_USEFUL_GPU = int(1.5 * GIB)


class OllamaRegime(str, enum.Enum):
    """How Ollama places qwen3.5: upstream llama-server (≥ 0.30, default) or its own engine (0.17.1–0.29)."""

    LLAMA_SERVER = "llama-server"
    OLLAMA_ENGINE = "ollama-engine"


def regime_for_version(version: str | None) -> OllamaRegime:
    """`0.24.1` -> OLLAMA_ENGINE, `0.30.0`/unknown -> LLAMA_SERVER."""
    if not version:
        return OllamaRegime.LLAMA_SERVER
    parsed = parse_version(version) or (0, 0)  # unreadable counts as old, as it always has
    return OllamaRegime.OLLAMA_ENGINE if parsed[:2] < (0, 30) else OllamaRegime.LLAMA_SERVER


@dataclass(frozen=True)
class FitOptions:
    context: int | None = None  # None: the context Ollama would pick for this machine
    kv_cache_type: str = "f16"
    regime: OllamaRegime = OllamaRegime.LLAMA_SERVER
    # tokens in the KV cache while decoding (a benchmark's depth, a long document); None: a chat's first
    # turns (speed.CHAT_FILL_TOKENS)
    filled_tokens: int | None = None
    # the program that decodes: Runyard runs Ollama; "llama.cpp" (llama-server, llama-bench) or "" (unstated)
    # for published figures measured elsewhere
    runner: str = "ollama"

    def __post_init__(self) -> None:
        if self.kv_cache_type not in KV_BYTES_PER_ELEMENT:
            raise ValueError(f"KV cache type must be one of {', '.join(KV_CACHE_TYPES)}, not {self.kv_cache_type!r}")
        if self.context is not None and self.context < 256:
            raise ValueError(f"context must be at least 256 tokens, not {self.context}")


@dataclass(frozen=True)
class Breakdown:
    weights: int
    kv_cache: int
    recurrent_state: int
    compute: int
    gpu_reserve: int
    weights_in_ram: int = 0  # the part of `weights` that stays in RAM with every layer on the GPU

    @property
    def overhead(self) -> int:
        return self.compute + self.gpu_reserve

    @property
    def total(self) -> int:
        return self.weights + self.kv_cache + self.recurrent_state + self.compute + self.gpu_reserve


@dataclass(frozen=True)
class FitReport:
    tag: str
    verdict: Verdict
    gpu_share: float  # 0..1: share of layers (dense) or of weight bytes (MoE expert offload) on the GPU
    context: int
    context_is_default: bool
    kv_cache_type: str
    regime: OllamaRegime
    breakdown: Breakdown
    required_bytes: int
    gpu_free_bytes: int
    ram_usable_bytes: int
    gpus_used: int
    download_bytes: int
    disk_ok: bool | None
    disk_free_bytes: int | None
    tokens_per_second: tuple[float, float] | None
    speed_basis: fit_speed.SpeedBasis | None  # what the range was derived from
    placement: str  # "GPU" | "layers on CPU" | "experts on CPU" | "CPU" | ""
    reason: str
    recommended: bool = False
    recommendation: str = ""
    notes: tuple[str, ...] = ()
    # the range once the whole context window is in the KV cache (a long document, a conversation's end)
    tokens_per_second_full_context: tuple[float, float] | None = None
    speed_inputs: fit_speed.SpeedInputs | None = None  # what the range was computed from (re-estimated by the tuner)
    # The largest context (a multiple of 256 tokens) that still runs fully on the GPU, per KV type;
    # None for a KV type that does not run fully on the GPU even at 256 tokens.
    max_gpu_context_by_kv: dict[str, int | None] = field(default_factory=dict)
    # The share `ollama ps` would show (size_vram ÷ size): 1 when every layer is on the GPU even though
    # the input embedding stays in RAM; in a split, what stays in RAM counts against it.
    reported_gpu_share: float = 0.0

    @property
    def max_gpu_context(self) -> int | None:
        """The largest fully-on-GPU context with this report's KV cache type."""
        return self.max_gpu_context_by_kv.get(self.kv_cache_type)


# --- arithmetic (golden-tested) -------------------------------------------------------------------


def kv_cache_bytes(arch: Architecture, context: int, kv_cache_type: str = "f16") -> int:
    per_token = arch.full_attention_layers * 2 * arch.kv_heads * arch.head_dim
    return round(context * per_token * KV_BYTES_PER_ELEMENT[kv_cache_type])


def kv_read_bytes(arch: Architecture, context: int, options: FitOptions) -> int:
    """The KV cache attention reads per generated token: the tokens in the cache, at most the context."""
    filled = fit_speed.CHAT_FILL_TOKENS if options.filled_tokens is None else options.filled_tokens
    return kv_cache_bytes(arch, max(1, min(filled, context)), options.kv_cache_type)


def recurrent_state_bytes(arch: Architecture, sequences: int = 1) -> int:
    nk, nv = arch.linear_key_heads, arch.linear_value_heads
    dk, dv = arch.linear_key_head_dim, arch.linear_value_head_dim
    per_layer = nv * dk * dv + (arch.conv_kernel - 1) * (2 * nk * dk + nv * dv)
    return sequences * arch.linear_layers * per_layer * 4


def recurrent_memory(arch: Architecture, regime: OllamaRegime) -> int:
    copies = 1 + ENGINE_CHECKPOINTS if regime is OllamaRegime.OLLAMA_ENGINE else 1
    return copies * recurrent_state_bytes(arch)


def gpu_reserve_per_device(regime: OllamaRegime, *, metal: bool) -> int:
    if regime is OllamaRegime.LLAMA_SERVER:
        return LLAMA_SERVER_MARGIN
    return ENGINE_MIN_MEMORY_METAL if metal else ENGINE_MIN_MEMORY


def compute_bytes(context: int) -> int:
    """The compute buffer at `context` tokens: 0.75 GiB until the logits and the mask outgrow it."""
    return max(COMPUTE_BYTES, LOGITS_BYTES + context * UBATCH * MASK_BYTES_PER_CELL)


def resolve_context(tag: ModelTag, budget: MemoryBudget, requested: int | None) -> tuple[int, bool]:
    """(context, is_default): the user's choice capped at the model's native context, else Ollama's tier."""
    if requested is None:
        return min(budget_default_context(budget), tag.native_context), True
    return min(requested, tag.native_context), False


# --- the largest context that runs fully on the GPU -------------------------------------------------

CONTEXT_STEP = 256
MAX_GPU_CONTEXT_KV_TYPES = ("f16", "q8_0")


def _need(tag: ModelTag, budget: MemoryBudget, context: int, kv: int, regime: OllamaRegime) -> Need:
    """What the tag needs at `context` tokens with `kv` bytes of KV cache (placement.Need)."""
    compute = compute_bytes(context)
    model = tag.download_bytes + kv + recurrent_memory(tag.size.arch, regime)
    return Need(model, compute, compute + _reserve(budget, regime), _off_gpu(tag, budget, regime))


def _place(tag: ModelTag, need: Need, budget: MemoryBudget, regime: OllamaRegime) -> Placement:
    return place(tag, need, budget, regime is OllamaRegime.LLAMA_SERVER, _gpu_helps(budget))


def _runs_on_gpu(tag: ModelTag, budget: MemoryBudget, context: int, kv_cache_type: str, regime: OllamaRegime) -> bool:
    """The verdict's own rule at `context` tokens: would `evaluate` say "runs on GPU"?"""
    need = _need(tag, budget, context, kv_cache_bytes(tag.size.arch, context, kv_cache_type), regime)
    return _place(tag, need, budget, regime).verdict is Verdict.GPU


def max_gpu_context(
    tag: ModelTag, budget: MemoryBudget, kv_cache_type: str = "f16", regime: OllamaRegime = OllamaRegime.LLAMA_SERVER
) -> int | None:
    """Bisection over the context in steps of 256 tokens, up to the model's native context: the largest
    one at which the tag still runs fully on the GPU (memory grows monotonically with the context)."""
    low, high = 1, tag.native_context // CONTEXT_STEP  # in steps
    if not _runs_on_gpu(tag, budget, low * CONTEXT_STEP, kv_cache_type, regime):
        return None
    while low < high:
        mid = (low + high + 1) // 2
        if _runs_on_gpu(tag, budget, mid * CONTEXT_STEP, kv_cache_type, regime):
            low = mid
        else:
            high = mid - 1
    return low * CONTEXT_STEP


# --- evaluation -------------------------------------------------------------------------------------


def evaluate(tag: ModelTag, profile: HardwareProfile, options: FitOptions = FitOptions()) -> FitReport:
    """The full report for one tag on one machine (recommendation flags are set by evaluate_all)."""
    budget = memory_budget(profile)
    context, is_default = resolve_context(tag, budget, options.context)
    arch = tag.size.arch
    kv = kv_cache_bytes(arch, context, options.kv_cache_type)
    need = _need(tag, budget, context, kv, options.regime)
    gpu_helps = _gpu_helps(budget)
    placed = _place(tag, need, budget, options.regime)
    gpus = placed.gpus_used  # 0 for CPU and NO_FIT placements
    if placed.verdict is Verdict.NO_FIT and gpu_helps:
        gpus = 1  # show what the best attempt would need
    breakdown = Breakdown(
        weights=tag.download_bytes,
        kv_cache=kv,
        recurrent_state=recurrent_memory(arch, options.regime),
        compute=need.compute * max(1, gpus),
        gpu_reserve=_reserve(budget, options.regime) * gpus,
        weights_in_ram=need.off_gpu if gpus else 0,
    )
    inputs = fit_speed.SpeedInputs(
        placed.verdict.value,
        gpus,
        placed.share,
        placed.placement,
        options.regime is OllamaRegime.OLLAMA_ENGINE,
        kv_read_bytes=kv_read_bytes(arch, context, options),
        state_bytes=recurrent_state_bytes(arch),
        runner=options.runner,
    )
    speed = fit_speed.estimate(tag, profile, budget, inputs)
    full = replace(inputs, kv_read_bytes=kv)  # the whole window in the cache
    speed_full = fit_speed.estimate(tag, profile, budget, full)
    tps, speed_basis = speed if speed else (None, None)
    disk_free = profile.disk.free_bytes if profile.disk is not None else None
    reason = fit_text.memory_reason(
        verdict=placed.verdict.value,
        required=breakdown.total,
        context=fit_text.context_phrase(context, is_default),
        gpu_label=budget.gpu_label,
        gpu_free=budget.gpu_free,
        ram_usable=budget.ram_usable,
        share=placed.share,
        placement=placed.placement,
        unified=budget.unified,
        gpu_helps=gpu_helps,
        in_ram=breakdown.weights_in_ram,
    ) + fit_text.disk_sentence(tag.download_bytes, disk_free)
    return FitReport(
        tag=tag.tag,
        verdict=placed.verdict,
        gpu_share=placed.share,
        context=context,
        context_is_default=is_default,
        kv_cache_type=options.kv_cache_type,
        regime=options.regime,
        breakdown=breakdown,
        required_bytes=breakdown.total,
        gpu_free_bytes=budget.gpu_free,
        ram_usable_bytes=budget.ram_usable,
        gpus_used=gpus,
        download_bytes=tag.download_bytes,
        disk_ok=None if disk_free is None else tag.download_bytes <= disk_free,
        disk_free_bytes=disk_free,
        tokens_per_second=tps,
        speed_basis=speed_basis,
        tokens_per_second_full_context=speed_full[0] if speed_full else None,
        speed_inputs=inputs,
        placement=placed.placement,
        reason=reason,
        notes=_notes(tag, options, context),
        max_gpu_context_by_kv={
            kv_type: max_gpu_context(tag, budget, kv_type, options.regime)
            for kv_type in dict.fromkeys((*MAX_GPU_CONTEXT_KV_TYPES, options.kv_cache_type))
        },
        reported_gpu_share=reported_share(placed, need),
    )


def _reserve(budget: MemoryBudget, regime: OllamaRegime) -> int:
    return gpu_reserve_per_device(regime, metal=any(g.vendor == "apple" for g in budget.gpus))


def _off_gpu(tag: ModelTag, budget: MemoryBudget, regime: OllamaRegime) -> int:
    """What stays in RAM with every layer on the GPU (placement.off_gpu_bytes)."""
    return off_gpu_bytes(tag, vision_on_cpu=_vision_on_cpu(tag, budget, regime))


def _vision_on_cpu(tag: ModelTag, budget: MemoryBudget, regime: OllamaRegime) -> bool:
    """Ollama ≥ 0.30 runs the projector on the CPU (`--no-mmproj-offload`) on an integrated GPU other
    than Apple's, or when a GPU has less free than the projector + 1 GiB (`shouldDisableMMProjOffload`,
    llm/llama_server.go, v0.31.0); the engine era places it with the output layer."""
    if regime is not OllamaRegime.LLAMA_SERVER:
        return False
    headroom = int(tag.size.vision_params * VISION_BYTES_PER_PARAM) + GIB
    return any((g.gpu.integrated and g.vendor != "apple") or g.free_bytes < headroom for g in budget.gpus)


def _gpu_helps(budget: MemoryBudget) -> bool:
    return bool(budget.gpus) and budget.gpus[0].free_bytes >= MIN_USEFUL_GPU


def _notes(tag: ModelTag, options: FitOptions, context: int) -> tuple[str, ...]:
    notes = []
    if options.context is not None and options.context > tag.native_context:
        notes.append(f"Context capped at the model's native {tag.native_context:,} tokens.")
    if tag.unconfirmed:
        notes.append(f"Not confirmed by a second source: {', '.join(tag.unconfirmed)}.")
    if options.regime is OllamaRegime.OLLAMA_ENGINE:
        notes.append(
            "Ollama 0.17–0.29: 24 recurrent-state checkpoints are reserved; MoE experts are not offloaded separately."
        )
    return tuple(notes)


GOOD_SPEED_TPS = 10.0  # a reply streams faster than most people read
USABLE_SPEED_TPS = 3.0


def evaluate_all(catalogue: Catalogue, profile: HardwareProfile, options: FitOptions = FitOptions()) -> list[FitReport]:
    """Reports for every tag, in catalogue order, with exactly one (or no) `recommended` tag."""
    reports = [evaluate(t, profile, options) for t in catalogue]
    best, why = recommend(catalogue, reports)
    return [
        replace(r, recommended=True, recommendation=why) if best is not None and r.tag == best else r for r in reports
    ]


def recommend(
    catalogue: Catalogue, reports: list[FitReport], speeds: Mapping[str, tuple[float, float]] | None = None
) -> tuple[str | None, str]:
    """The best tag this machine runs well: the highest-quality default tag at ≥ 10 tok/s (low end
    of the range ≥ 3), preferring the GPU; else the fastest one that runs at all. (tag, why).
    `speeds`: ranges to judge by instead of the reports' (re-centred on this machine's checks)."""
    by_tag = {t.tag: t for t in catalogue}
    speeds = speeds or {}

    def tps(r: FitReport) -> tuple[float, float] | None:
        return speeds.get(r.tag, r.tokens_per_second)

    runnable = [
        r
        for r in reports
        if r.verdict is not Verdict.NO_FIT
        and tps(r)
        and by_tag[r.tag].default_for_size
        and by_tag[r.tag].same_blob_as is None
    ]
    if not runnable:
        return None, ""
    mid = {r.tag: sum(tps(r) or (0, 0)) / 2 for r in runnable}
    low = {r.tag: (tps(r) or (0, 0))[0] for r in runnable}
    good = [r for r in runnable if mid[r.tag] >= GOOD_SPEED_TPS and low[r.tag] >= USABLE_SPEED_TPS]
    if good:
        best = max(good, key=lambda r: (by_tag[r.tag].size.quality_rank, r.verdict is Verdict.GPU))
        where = {
            "gpu": "fully on your GPU",
            "partial": "with its experts partly on the CPU"
            if best.placement == "experts on CPU"
            else f"partly on your GPU ({best.gpu_share * 100:.0f} % of layers)",
            "cpu": "on your CPU",
        }[best.verdict.value]
        speed = fit_text.speed_phrase(tps(best))
        return best.tag, f"The largest model that runs well here: {where} at about {speed}."
    best = max(runnable, key=lambda r: mid[r.tag])
    speed = fit_text.speed_phrase(tps(best))
    return best.tag, f"Nothing runs at a comfortable speed here; this is the fastest ({speed})."
