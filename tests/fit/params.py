"""Parameter counts computed from a Qwen3.5 config (text decoder, vision tower, MTP layer).

Used by the golden tests to prove the catalogue's architecture numbers are right: the totals must
reproduce the published ones (docs/qwen35-memory.md#parameter-counts). The fit engine itself uses the stored totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ParamCount:
    text: int
    active_text: int
    vision: int
    mtp: int

    @property
    def total(self) -> int:
        return self.text + self.vision + self.mtp


def _attention(c: dict[str, Any]) -> int:
    h, hd = c["hidden"], c["head_dim"]
    q = h * c["heads"] * hd * 2  # gated attention: the Q projection also yields the output gate
    kv = 2 * h * c["kv_heads"] * hd
    out = c["heads"] * hd * h
    return q + kv + out + 2 * hd  # q_norm, k_norm


def _linear_attention(c: dict[str, Any]) -> int:
    h = c["hidden"]
    nk, nv = c["linear_key_heads"], c["linear_value_heads"]
    dk, dv = c["linear_key_head_dim"], c["linear_value_head_dim"]
    qkv = 2 * nk * dk + nv * dv
    return (
        h * qkv  # in_proj_qkv
        + h * nv * dv  # in_proj_z
        + 2 * h * nv  # in_proj_a, in_proj_b
        + qkv * c["conv_kernel"]  # depthwise conv1d
        + 2 * nv  # A_log, dt_bias
        + dv  # gated RMSNorm
        + nv * dv * h  # out_proj
    )


def _ffn(c: dict[str, Any], *, active: bool) -> int:
    h, moe = c["hidden"], c.get("moe")
    if not moe:
        return 3 * h * c["ffn"]
    experts = moe["experts_per_token"] if active else moe["experts"]
    return h * moe["experts"] + experts * 3 * h * moe["expert_ffn"] + 3 * h * moe["shared_expert_ffn"] + h


def _vision(v: dict[str, Any]) -> int:
    h, m = v["hidden"], v["mlp"]
    patch = v["in_channels"] * v["temporal_patch"] * v["patch"] ** 2 * h + h
    block = 2 * 2 * h + (h * 3 * h + 3 * h) + (h * h + h) + (h * m + m) + (m * h + h)
    merged = h * v["spatial_merge"] ** 2
    merger = 2 * h + (merged * merged + merged) + (merged * v["out_hidden"] + v["out_hidden"])
    return patch + v["num_position_embeddings"] * h + v["depth"] * block + merger


def count(config: dict[str, Any]) -> ParamCount:
    """Parameters of one size from its catalogue `config` block."""
    c = config
    h, layers = c["hidden"], c["layers"]
    full = layers // c["full_attention_interval"]
    embed = c["vocab"] * h
    head = 0 if c["tie_embeddings"] else c["vocab"] * h
    mixers = full * _attention(c) + (layers - full) * _linear_attention(c)
    norms = layers * 2 * h + h
    text = embed + head + mixers + norms + layers * _ffn(c, active=False)
    active = embed + head + mixers + norms + layers * _ffn(c, active=True)
    mtp_layer = _attention(c) + 2 * h + _ffn(c, active=False)
    mtp = c["mtp_layers"] * (mtp_layer + 2 * h * h + 3 * h)  # + fc(2h->h) and three norms
    return ParamCount(text=text, active_text=active, vision=_vision(c["vision"]), mtp=mtp)
