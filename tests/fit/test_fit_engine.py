"""The fit engine's decisions: tiers, placement, multi-GPU, Apple unified memory, MoE, disk, speed."""

from __future__ import annotations

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import (
    FitOptions,
    OllamaRegime,
    Verdict,
    evaluate,
    evaluate_all,
    regime_for_version,
)
from runyard_desktop.core.fit.memory_budget import default_context
from runyard_desktop.core.hardware.presets import MACHINES, apple
from runyard_desktop.core.hardware.profile import GpuInfo

from .helpers import GIB, machine, nvidia

CAT = load_catalogue()
T = CAT.get


# docs/qwen35-memory.md#footprints-per-tag: GPU need (GiB) @4K and @32K for both Ollama regimes, G = 0.75 GiB
TABLE_6_3 = {
    "qwen3.5:0.8b": (2.7, 3.1, 2.6, 3.0),
    "qwen3.5:2b-q4_K_M": (3.6, 3.9, 3.5, 3.8),
    "qwen3.5:2b": (4.3, 4.7, 4.2, 4.6),
    "qwen3.5:4b": (5.1, 6.0, 5.7, 6.6),
    "qwen3.5:4b-q8_0": (6.9, 7.7, 7.5, 8.4),
    "qwen3.5:9b": (8.1, 8.9, 8.7, 9.6),
    "qwen3.5:9b-q8_0": (12.2, 13.0, 12.8, 13.7),
    "qwen3.5:9b-bf16": (19.6, 20.5, 20.2, 21.1),
    "qwen3.5:27b": (18.0, 19.7, 20.9, 22.7),
    "qwen3.5:27b-q8_0": (30.1, 31.8, 33.0, 34.8),
    "qwen3.5:35b-a3b": (24.2, 24.8, 25.2, 25.7),
    "qwen3.5:35b-a3b-q8_0": (38.2, 38.8, 39.1, 39.7),
    "qwen3.5:122b-a10b": (77.4, 78.1, 80.4, 81.0),
}
BIG = machine(512, 480, nvidia("NVIDIA H200", 141, 140))


@pytest.mark.parametrize("tag", sorted(TABLE_6_3))
def test_gpu_need_matches_the_facts_table(tag: str) -> None:
    expected = TABLE_6_3[tag]
    got = [
        evaluate(T(tag), BIG, FitOptions(context=ctx, regime=regime)).required_bytes / GIB
        for regime in (OllamaRegime.LLAMA_SERVER, OllamaRegime.OLLAMA_ENGINE)
        for ctx in (4096, 32768)
    ]
    assert got == pytest.approx(list(expected), abs=0.06)


@pytest.mark.parametrize(
    ("vram", "ctx"), [(0, 4096), (8, 4096), (22.9, 4096), (24, 32768), (46, 32768), (48, 262144), (80, 262144)]
)
def test_default_context_follows_ollamas_vram_tiers(vram: float, ctx: int) -> None:
    gpus = (nvidia("NVIDIA GeForce RTX 4090", vram, vram - 0.5),) if vram else ()
    profile = machine(64, 50, *gpus)
    assert default_context(profile) == ctx
    assert evaluate(T("qwen3.5:9b"), profile).context == ctx


def test_the_issue_example_9b_on_an_rtx_4060() -> None:
    """8.1 GiB in all, but the input embedding (248,320 × 4,096 Q4_K = 545.6 MiB) stays in RAM in both
    Ollama generations (docs/qwen35-memory.md#what-stays-off-the-gpu): 7.54 GiB on a card with 7.6 free."""
    r = evaluate(T("qwen3.5:9b"), MACHINES["RTX 4060 8 GB + 16 GB RAM"])
    assert r.verdict is Verdict.GPU and r.context == 4096 and r.context_is_default
    assert r.required_bytes / GIB == pytest.approx(8.1, abs=0.05)
    assert r.breakdown.weights_in_ram == 248_320 * 4096 * 144 // 256
    assert r.gpu_share == 1 and r.reported_gpu_share == 1
    assert r.reason.startswith("Needs 8.1 GiB at 4K context") and "0.5 GiB of it kept in RAM" in r.reason
    assert "RTX 4060 has 7.6 GiB free: runs fully on the GPU" in r.reason
    q8 = evaluate(T("qwen3.5:9b-q8_0"), MACHINES["RTX 4060 8 GB + 16 GB RAM"])
    assert q8.verdict is Verdict.PARTIAL and "% of layers on the GPU" in q8.reason


def test_never_assumes_full_context_for_a_9b_on_8_gb() -> None:
    r = evaluate(T("qwen3.5:9b"), machine(32, 24, nvidia("NVIDIA GeForce RTX 4060", 8, 7.8)))
    assert r.context == 4096 and r.breakdown.kv_cache == 128 * 2**20


def test_free_vram_not_total_decides() -> None:
    busy = machine(32, 24, nvidia("NVIDIA GeForce RTX 3060", 12, 4.0))
    idle = machine(32, 24, nvidia("NVIDIA GeForce RTX 3060", 12, 11.5))
    assert evaluate(T("qwen3.5:9b"), idle).verdict is Verdict.GPU
    assert evaluate(T("qwen3.5:9b"), busy).verdict is Verdict.PARTIAL


def test_no_gpu_means_cpu_or_no_fit() -> None:
    laptop = machine(16, 11)
    assert evaluate(T("qwen3.5:9b"), laptop).verdict is Verdict.CPU
    assert evaluate(T("qwen3.5:27b"), laptop).verdict is Verdict.NO_FIT
    r = evaluate(T("qwen3.5:9b"), laptop)
    assert r.breakdown.gpu_reserve == 0 and r.gpu_share == 0 and r.tokens_per_second is not None


def test_a_tiny_gpu_does_not_help() -> None:
    r = evaluate(T("qwen3.5:9b"), machine(16, 11, nvidia("NVIDIA GeForce GT 1030", 2, 1.2)))
    assert r.verdict is Verdict.CPU and "too little to help" in r.reason


def test_multi_gpu_sums_free_memory_with_a_reserve_per_device() -> None:
    two = machine(128, 112, nvidia("NVIDIA GeForce RTX 3090", 24, 23.5), nvidia("NVIDIA GeForce RTX 3090", 24, 23.5, 1))
    r = evaluate(T("qwen3.5:27b"), two, FitOptions(context=131072))
    assert r.verdict is Verdict.GPU and r.gpus_used == 2
    # each device holds its own compute buffer; at 128K: 512 × 248320 × 4 B logits + 131072 × 512 × 6 B mask
    assert r.breakdown.gpu_reserve == 2 * GIB and r.breakdown.compute == 2 * (512 * 248_320 * 4 + 131_072 * 512 * 6)
    small = evaluate(T("qwen3.5:9b"), two, FitOptions(context=4096))
    assert small.gpus_used == 1 and small.breakdown.gpu_reserve == GIB


def test_apple_unified_memory_is_not_counted_twice() -> None:
    mac = apple("Apple M2", 16, 10)
    r = evaluate(T("qwen3.5:27b"), mac)
    # 7.6 GiB GPU window + 8.4 GiB RAM would be 16 GiB if double counted; it is one 8.4 GiB pool
    assert r.verdict is Verdict.NO_FIT and "8.4 GiB of RAM usable" in r.reason
    assert evaluate(T("qwen3.5:9b"), mac).verdict is Verdict.GPU


def test_apple_probe_reporting_all_ram_gets_the_metal_working_set_limit() -> None:
    gpu = GpuInfo("apple", "Apple M3 Max", 64 * GIB, 64 * GIB, unified_memory=True)
    mac = machine(64, 60, gpu, os="darwin", arch="arm64")
    r = evaluate(T("qwen3.5:9b"), mac)
    assert r.gpu_free_bytes == 48 * GIB and r.context == 262144


def test_moe_partial_offload_keeps_experts_on_cpu_and_stays_fast() -> None:
    r = evaluate(T("qwen3.5:35b-a3b"), MACHINES["RTX 4090 24 GB + 64 GB RAM"])
    assert r.verdict is Verdict.PARTIAL and r.placement == "experts on CPU" and "experts" in r.reason
    dense = evaluate(T("qwen3.5:27b-q8_0"), MACHINES["RTX 4090 24 GB + 64 GB RAM"])
    assert dense.placement == "layers on CPU"
    assert r.tokens_per_second is not None and dense.tokens_per_second is not None
    assert r.tokens_per_second[0] > 5 * dense.tokens_per_second[1]


def test_engine_era_does_not_offload_experts_separately() -> None:
    r = evaluate(
        T("qwen3.5:35b-a3b"), MACHINES["RTX 4090 24 GB + 64 GB RAM"], FitOptions(regime=OllamaRegime.OLLAMA_ENGINE)
    )
    assert r.verdict is Verdict.PARTIAL and r.placement == "layers on CPU"


def test_disk_is_a_separate_flag() -> None:
    r = evaluate(T("qwen3.5:27b"), machine(64, 50, nvidia("NVIDIA GeForce RTX 4090", 24, 23.5), disk_gb=10))
    assert r.verdict is Verdict.GPU and r.disk_ok is False and "only 10.0 GB free" in r.reason
    assert evaluate(T("qwen3.5:27b"), machine(64, 50, disk_gb=None)).disk_ok is None


def test_context_is_capped_at_the_native_length() -> None:
    r = evaluate(T("qwen3.5:9b"), BIG, FitOptions(context=1_000_000))
    assert r.context == 262144 and any("capped" in n for n in r.notes)


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="KV cache type"):
        FitOptions(kv_cache_type="q5_1")
    with pytest.raises(ValueError, match="at least 256"):
        FitOptions(context=10)


@pytest.mark.parametrize(
    ("version", "regime"),
    [
        (None, OllamaRegime.LLAMA_SERVER),
        ("0.30.0", OllamaRegime.LLAMA_SERVER),
        ("0.33.0-rc2", OllamaRegime.LLAMA_SERVER),
        ("0.17.1", OllamaRegime.OLLAMA_ENGINE),
        ("v0.29.9", OllamaRegime.OLLAMA_ENGINE),
        ("1.0.0", OllamaRegime.LLAMA_SERVER),
    ],
)
def test_regime_for_version(version: str | None, regime: OllamaRegime) -> None:
    assert regime_for_version(version) is regime


def test_exactly_one_recommendation_and_it_runs_well() -> None:
    for name, profile in MACHINES.items():
        reports = evaluate_all(CAT, profile)
        recommended = [r for r in reports if r.recommended]
        assert len(recommended) <= 1, name
        if recommended:
            assert recommended[0].verdict is not Verdict.NO_FIT and recommended[0].recommendation
    rec = next(r for r in evaluate_all(CAT, MACHINES["RTX 4090 24 GB + 64 GB RAM"]) if r.recommended)
    assert rec.tag == "qwen3.5:27b" and "fully on your GPU" in rec.recommendation


def test_speed_grows_with_bandwidth_and_shrinks_with_size() -> None:
    fast = evaluate(T("qwen3.5:9b"), MACHINES["RTX 4090 24 GB + 64 GB RAM"]).tokens_per_second
    slow = evaluate(T("qwen3.5:9b"), MACHINES["RTX 3060 12 GB + 32 GB RAM"]).tokens_per_second
    big = evaluate(T("qwen3.5:27b"), MACHINES["RTX 4090 24 GB + 64 GB RAM"]).tokens_per_second
    assert fast and slow and big and fast[0] > slow[1] and big[1] < fast[0]
    assert evaluate(T("qwen3.5:122b-a10b"), machine(8, 5)).tokens_per_second is None


def test_apple_model_beyond_the_metal_window_but_within_ram_is_partial() -> None:
    mac = apple("Apple M2 Max", 32, 28)  # 21.3 GiB Metal window, 26 GiB usable RAM
    r = evaluate(T("qwen3.5:35b-a3b"), mac)
    assert r.verdict is Verdict.PARTIAL and 0 < r.gpu_share < 1
    assert evaluate(T("qwen3.5:27b-q8_0"), mac).verdict is Verdict.NO_FIT
