"""Placement at the margins: the compute buffer at long context, the Windows iGPU carve-out, and the
largest context that still runs fully on the GPU (checked against arithmetic written out here)."""

from __future__ import annotations

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import (
    FitOptions,
    OllamaRegime,
    Verdict,
    compute_bytes,
    evaluate,
    max_gpu_context,
)
from runyard_desktop.core.fit.memory_budget import memory_budget
from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile
from tests.fit.helpers import machine, nvidia

MIB = 2**20
CAT = load_catalogue()
LOGITS = 512 * 248_320 * 4  # one batch-512 micro-batch of 248k-vocab F32 logits
MASK_PER_TOKEN = 512 * (4 + 2)  # the [n_kv × 512] F32 KQ mask and its F16 cast


def _strix_halo_windows(*, carve_out: bool) -> HardwareProfile:
    """ollama/ollama#15709: Ryzen AI Max+ 395, 128 GB, 96 GB set aside for the GPU on Windows. Ollama's
    log: system memory total 31.6 GiB, free 20.3 GiB; ROCm available 94.7 GiB; minimum 457 MiB.
    carve_out=False describes it as before the field existed: a plain 96 GB GPU."""
    gpu = GpuInfo(
        "amd",
        "AMD Radeon(TM) 8060S Graphics",
        96 * GIB,
        int(94.7 * GIB),
        integrated=carve_out,
        dedicated_from_ram=carve_out,
    )
    return machine(31.6, 20.3, gpu, os="windows")


def test_compute_buffer_grows_with_the_context_past_the_fixed_figure() -> None:
    # logits 485 MiB + the mask 262144 × 512 × 6 B = 768 MiB at 256K
    assert compute_bytes(262_144) == LOGITS + 262_144 * MASK_PER_TOKEN
    assert compute_bytes(262_144) / MIB == pytest.approx(1253, abs=1)
    assert compute_bytes(4096) == compute_bytes(65_536) == int(0.75 * GIB)  # the ≤ 64K figure is unchanged


def test_122b_at_256k_on_a_windows_carve_out_does_not_run_on_the_gpu() -> None:
    """ollama/ollama#15709: Ollama (engine era) logged 90.6 GiB and put 61 % on the GPU, the rest in swap."""
    options = FitOptions(context=262_144, regime=OllamaRegime.OLLAMA_ENGINE)
    tag = CAT.get("qwen3.5:122b-a10b")
    r = evaluate(tag, _strix_halo_windows(carve_out=True), options)
    # 63.2 GiB for the GPU + 18.3 GiB of usable RAM < 86.5 GiB: Ollama got there only by paging the rest
    # into swap, which the engine does not count as memory, so "won't fit" is the plain answer.
    assert r.verdict is Verdict.NO_FIT
    kv = 262_144 * 12 * 2 * 2 * 256 * 2  # 12 full-attention layers, 2 KV heads × 256, f16
    state = 25 * 36 * (64 * 128 * 128 + 3 * (2 * 16 * 128 + 64 * 128)) * 4  # 24 checkpoints + the live one
    expected = tag.download_bytes + kv + state + LOGITS + 262_144 * MASK_PER_TOKEN + 457 * MIB
    assert r.required_bytes == expected  # 86.7 GiB; the log: 90.6 GiB
    # Described as a plain 96 GB GPU, the verdict was the wrong one.
    assert evaluate(tag, _strix_halo_windows(carve_out=False), options).verdict is Verdict.GPU


def test_carve_out_caps_the_gpu_at_twice_the_os_ram_on_windows_only() -> None:
    profile = _strix_halo_windows(carve_out=True)
    budget = memory_budget(profile)
    assert budget.gpus[0].free_bytes == 2 * profile.ram.total_bytes
    linux = machine(31.6, 20.3, budget.gpus[0].gpu, os="linux")
    assert memory_budget(linux).gpus[0].free_bytes == int(94.7 * GIB)


def test_max_gpu_context_matches_hand_arithmetic() -> None:
    """qwen3.5:9b (32 layers, 8 full-attention, 4 KV heads × 256) on one GPU with 12 GiB free, ≥ 0.30.
    KV per token: f16 8 × 2 × 4 × 256 × 2 B = 32,768 B; q8_0 × 34/32 = 17,408 B. Past ~94K tokens the
    compute buffer is logits + 6 B × 512 per token. So: ctx = (free − weights − state − logits − 1 GiB
    margin) ÷ (KV + mask per token), rounded down to 256."""
    tag = CAT.get("qwen3.5:9b")
    profile = machine(32, 28, nvidia("NVIDIA GeForce RTX 4070", 12.5, 12))
    state = 24 * (32 * 128 * 128 + 3 * (2 * 16 * 128 + 32 * 128)) * 4  # 24 linear layers, F32
    room = 12 * GIB - tag.download_bytes - state - LOGITS - GIB
    expected = {kv: room // (per + MASK_PER_TOKEN) // 256 * 256 for kv, per in (("f16", 32_768), ("q8_0", 17_408))}
    assert all(ctx > 96 * 1024 for ctx in expected.values())  # the mask, not the 0.75 GiB floor, applies
    budget = memory_budget(profile)
    assert {kv: max_gpu_context(tag, budget, kv) for kv in expected} == expected
    report = evaluate(tag, profile)
    assert report.max_gpu_context_by_kv == expected
    assert report.max_gpu_context == expected["f16"]
    assert evaluate(tag, profile, FitOptions(context=expected["f16"])).verdict is Verdict.GPU
    assert evaluate(tag, profile, FitOptions(context=expected["f16"] + 256)).verdict is Verdict.PARTIAL


def test_max_gpu_context_edges() -> None:
    small = memory_budget(machine(16, 12, nvidia("NVIDIA GeForce RTX 3050", 4, 3.8)))
    assert max_gpu_context(CAT.get("qwen3.5:27b"), small) is None  # not even 256 tokens fit
    big = memory_budget(machine(512, 480, nvidia("NVIDIA H200", 141, 140)))
    assert max_gpu_context(CAT.get("qwen3.5:0.8b"), big) == 262_144  # capped at the native context
