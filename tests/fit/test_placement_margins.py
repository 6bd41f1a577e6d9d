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
from runyard_desktop.core.fit.placement import embedding_bytes, off_gpu_bytes
from runyard_desktop.core.formatting import GIB
from tests.fit.helpers import machine, nvidia
from tests.fit.measurements_public import strix_halo_windows

MIB = 2**20
CAT = load_catalogue()
LOGITS = 512 * 248_320 * 4  # one batch-512 micro-batch of 248k-vocab F32 logits
MASK_PER_TOKEN = 512 * (4 + 2)  # the [n_kv × 512] F32 KQ mask and its F16 cast


def test_compute_buffer_grows_with_the_context_past_the_fixed_figure() -> None:
    # logits 485 MiB + the mask 262144 × 512 × 6 B = 768 MiB at 256K
    assert compute_bytes(262_144) == LOGITS + 262_144 * MASK_PER_TOKEN
    assert compute_bytes(262_144) / MIB == pytest.approx(1253, abs=1)
    assert compute_bytes(4096) == compute_bytes(65_536) == int(0.75 * GIB)  # the ≤ 64K figure is unchanged


def test_122b_at_256k_on_a_windows_carve_out_does_not_run_on_the_gpu() -> None:
    """ollama/ollama#15709: Ollama (engine era) logged 90.6 GiB and put 61 % on the GPU, the rest in swap."""
    options = FitOptions(context=262_144, regime=OllamaRegime.OLLAMA_ENGINE)
    tag = CAT.get("qwen3.5:122b-a10b")
    r = evaluate(tag, strix_halo_windows(carve_out=True), options)
    # 63.2 GiB for the GPU + 18.3 GiB of usable RAM < 86.5 GiB: Ollama got there only by paging the rest
    # into swap, which the engine does not count as memory, so "won't fit" is the plain answer.
    assert r.verdict is Verdict.NO_FIT
    kv = 262_144 * 12 * 2 * 2 * 256 * 2  # 12 full-attention layers, 2 KV heads × 256, f16
    state = 25 * 36 * (64 * 128 * 128 + 3 * (2 * 16 * 128 + 64 * 128)) * 4  # 24 checkpoints + the live one
    expected = tag.download_bytes + kv + state + LOGITS + 262_144 * MASK_PER_TOKEN + 457 * MIB
    assert r.required_bytes == expected  # 86.7 GiB; the log: 90.6 GiB
    # Described as a plain 96 GB GPU, the verdict was the wrong one.
    assert evaluate(tag, strix_halo_windows(carve_out=False), options).verdict is Verdict.GPU


def test_carve_out_caps_the_gpu_at_twice_the_os_ram_on_windows_only() -> None:
    profile = strix_halo_windows(carve_out=True)
    budget = memory_budget(profile)
    assert budget.gpus[0].free_bytes == 2 * profile.ram.total_bytes
    linux = machine(31.6, 20.3, budget.gpus[0].gpu, os="linux")
    assert memory_budget(linux).gpus[0].free_bytes == int(94.7 * GIB)


def test_max_gpu_context_matches_hand_arithmetic() -> None:
    """qwen3.5:9b (32 layers, 8 full-attention, 4 KV heads × 256) on one GPU with 12 GiB free, ≥ 0.30.
    KV per token: f16 8 × 2 × 4 × 256 × 2 B = 32,768 B; q8_0 × 34/32 = 17,408 B. Past ~94K tokens the
    compute buffer is logits + 6 B × 512 per token. The input embedding (248,320 × 4,096, Q4_K at
    144 B per 256) stays in RAM. So: ctx = (free − (weights − embedding) − state − logits − 1 GiB
    margin) ÷ (KV + mask per token), rounded down to 256."""
    tag = CAT.get("qwen3.5:9b")
    profile = machine(32, 28, nvidia("NVIDIA GeForce RTX 4070", 12.5, 12))
    state = 24 * (32 * 128 * 128 + 3 * (2 * 16 * 128 + 32 * 128)) * 4  # 24 linear layers, F32
    embedding = 248_320 * 4096 * 144 // 256
    room = 12 * GIB - (tag.download_bytes - embedding) - state - LOGITS - GIB
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


def test_what_stays_off_the_gpu_matches_a_llama_server_log() -> None:
    """ollama/ollama#17517 (model, cards and RAM from …/17856): qwen3.5:35b-a3b-q8_0, blob 35,190 MiB, all
    40 layers on two P6000s: CUDA0 20,525 + CUDA1 13,286 = 33,811 MiB of model buffers. The rest is the
    input embedding (CPU_Mapped) and the vision tower (loaded by --mmproj, outside the model buffers)."""
    tag = CAT.get("qwen3.5:35b-a3b-q8_0")
    embedding = 248_320 * 2048 * 34 // 32  # vocab × hidden, q8_0: 515.3 MiB
    assert embedding_bytes(tag) == embedding
    vision = int(tag.size.vision_params * 2)  # F16
    assert off_gpu_bytes(tag, vision_on_cpu=True) == embedding + vision
    assert (35_190 * MIB - embedding - vision) / MIB == pytest.approx(33_811, abs=15)
    # A tied embedding (0.8b–4b) is also the output matrix: its output copy goes to the GPU.
    assert off_gpu_bytes(CAT.get("qwen3.5:4b"), vision_on_cpu=False) == 0


def test_the_vision_tower_stays_on_the_cpu_of_an_integrated_gpu_on_llama_server_only() -> None:
    """Ollama ≥ 0.30 passes --no-mmproj-offload for an integrated non-Apple GPU; the engine era put the
    vision tensors with the output layer on the GPU."""
    tag = CAT.get("qwen3.5:27b")
    strix = strix_halo_windows(carve_out=True)
    vision = int(tag.size.vision_params * 2)
    server = evaluate(tag, strix, FitOptions(context=4096))
    engine = evaluate(tag, strix, FitOptions(context=4096, regime=OllamaRegime.OLLAMA_ENGINE))
    assert server.verdict is engine.verdict is Verdict.GPU
    assert server.breakdown.weights_in_ram == embedding_bytes(tag) + vision
    assert engine.breakdown.weights_in_ram == embedding_bytes(tag)
    discrete = evaluate(tag, machine(64, 50, nvidia("NVIDIA GeForce RTX 4090", 24, 23.5)), FitOptions(context=4096))
    assert discrete.breakdown.weights_in_ram == embedding_bytes(tag)


def test_reported_share_counts_what_stays_in_ram_like_ollama_ps() -> None:
    """`ollama ps`: size_vram ÷ size, 100 % with every layer on the GPU. In a split the GPU holds its
    layers and its compute buffer; size also counts the embedding and the layers left in RAM."""
    profile = machine(16, 12, nvidia("NVIDIA GeForce RTX 4060", 8, 7.6))
    r = evaluate(CAT.get("qwen3.5:9b-q8_0"), profile)
    assert r.verdict is Verdict.PARTIAL
    b = r.breakdown
    model = b.weights + b.kv_cache + b.recurrent_state
    on_gpu = r.gpu_share * (model - b.weights_in_ram) + b.compute
    assert r.reported_gpu_share == pytest.approx(on_gpu / (model + b.compute))
    assert r.reported_gpu_share < r.gpu_share  # the 1 GiB embedding in RAM counts against it
    full = evaluate(CAT.get("qwen3.5:9b"), profile)
    assert full.verdict is Verdict.GPU and full.breakdown.weights_in_ram > 0 and full.reported_gpu_share == 1
