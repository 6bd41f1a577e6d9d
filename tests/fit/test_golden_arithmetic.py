"""Golden numbers from docs/qwen35-memory.md: parameter counts, KV cache, recurrent state, checkpoints."""

from __future__ import annotations

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import (
    OllamaRegime,
    kv_cache_bytes,
    recurrent_memory,
    recurrent_state_bytes,
)
from tests.fit.params import count

GIB, MIB, KIB = 2**30, 2**20, 2**10
SIZES = {t.size.key: t.size for t in load_catalogue()}

# docs/qwen35-memory.md#parameter-counts: published totals (billions, incl. vision + MTP) and text-only / active text
PUBLISHED = {
    "0.8b": (0.87, 0.75, 0.75),
    "2b": (2.27, 1.88, 1.88),
    "4b": (4.66, 4.21, 4.21),
    "9b": (9.65, 8.95, 8.95),
    "27b": (27.78, 26.90, 26.90),
    "35b-a3b": (35.95, 34.66, 3.45),
    "122b-a10b": (125.09, 122.11, 9.77),
}


@pytest.mark.parametrize("size", sorted(PUBLISHED))
def test_parameter_counts_from_the_config_match_published_totals(size: str) -> None:
    total, text, active = PUBLISHED[size]
    p = count(SIZES[size].arch.raw)
    assert round(p.total / 1e9, 2) == total
    assert round(p.text / 1e9, 2) == text
    assert round(p.active_text / 1e9, 2) == active
    assert SIZES[size].total_params == pytest.approx(total * 1e9)


def test_kv_cache_of_9b_at_full_context_is_8_gib_not_32() -> None:
    assert kv_cache_bytes(SIZES["9b"].arch, 262_144, "f16") == 8 * GIB


# docs/qwen35-memory.md#kv-cache-and-recurrent-state: KV f16 per token and at 4K / 32K / 256K
KV_PER_TOKEN_KIB = {"0.8b": 12, "2b": 12, "4b": 32, "9b": 32, "27b": 64, "35b-a3b": 20, "122b-a10b": 24}


@pytest.mark.parametrize("size", sorted(KV_PER_TOKEN_KIB))
@pytest.mark.parametrize("context", [4096, 32768, 262144])
def test_kv_cache_counts_only_full_attention_layers(size: str, context: int) -> None:
    assert kv_cache_bytes(SIZES[size].arch, context, "f16") == KV_PER_TOKEN_KIB[size] * KIB * context


def test_quantised_kv_cache_uses_block_sizes() -> None:
    arch = SIZES["27b"].arch
    # tianchengwu.com: 27B at 128K with q4_0 KV "about 2 GB"; formula 2.25 GiB (docs/qwen35-memory.md)
    assert kv_cache_bytes(arch, 131_072, "q4_0") == pytest.approx(2.25 * GIB)
    assert kv_cache_bytes(arch, 4096, "q8_0") == pytest.approx(256 * MIB * 34 / 64)


# docs/qwen35-memory.md#kv-cache-and-recurrent-state: recurrent state per sequence, F32 (MiB)
RS_MIB = {"0.8b": 19.3, "2b": 19.3, "4b": 50.2, "9b": 50.2, "27b": 149.6, "35b-a3b": 62.8, "122b-a10b": 149.1}


@pytest.mark.parametrize("size", sorted(RS_MIB))
def test_recurrent_state_per_tag_matches_the_facts(size: str) -> None:
    assert recurrent_state_bytes(SIZES[size].arch) / MIB == pytest.approx(RS_MIB[size], abs=0.05)


def test_recurrent_state_matches_the_llama_cpp_log() -> None:
    # github.com/ggml-org/llama.cpp/pull/23792: "RS buffer size = 149.62 MiB" for the 27B-class hybrid
    assert recurrent_state_bytes(SIZES["27b"].arch) / MIB == pytest.approx(149.62, abs=0.01)


# docs/qwen35-memory.md#ollama-engine-era: Ollama 0.17.1–0.29 reserves 24 checkpoints + the live state
ENGINE_RS_GIB = {"0.8b": 0.47, "4b": 1.23, "9b": 1.23, "35b-a3b": 1.53, "27b": 3.65, "122b-a10b": 3.65}


@pytest.mark.parametrize("size", sorted(ENGINE_RS_GIB))
def test_engine_era_reserves_25_recurrent_states(size: str) -> None:
    arch = SIZES[size].arch
    assert recurrent_memory(arch, OllamaRegime.OLLAMA_ENGINE) / GIB == pytest.approx(ENGINE_RS_GIB[size], abs=0.015)
    assert recurrent_memory(arch, OllamaRegime.LLAMA_SERVER) == recurrent_state_bytes(arch)
