"""Fit reports as the CLI prints them: the JSON objects (`fit --json`) and the text table.

The JSON keys are a public contract (README, acceptance checks): model, verdict, gpu_share,
context, breakdown{weights, kv_cache, recurrent_state, overhead (+ compute, gpu_reserve)},
required_bytes, download_bytes, disk_ok, tokens_per_second, recommended, reason. Extend, never rename.
Added since: max_gpu_context (the largest context in tokens that runs fully on the GPU with this KV type,
null when none), max_gpu_context_by_kv ({"f16": …, "q8_0": …}) and measured (this machine's last measured
check: tokens_per_s, gpu_share, measured_at, ollama_version, context; null when there is none),
calibrated_tokens_per_second, calibrated_tokens_per_second_full_context and speed_calibration (the
ranges re-centred on this machine's measured checks of tags placed the same way, core/fit/calibration.py;
null when no check applies), breakdown.weights_in_ram (the part of weights that stays in RAM with every
layer on the GPU: the input embedding, and the vision tower where Ollama keeps it on the CPU) and
reported_gpu_share (the share `ollama ps` would show: 1 with every layer on the GPU; in a split, what stays in RAM counts against it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runyard_desktop.core.fit.calibration import CalibratedSpeed, checked_text
from runyard_desktop.core.fit.catalogue import Catalogue
from runyard_desktop.core.fit.engine import FitReport
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.fit.text import context_label, speed_phrase
from runyard_desktop.core.formatting import human_bytes, human_gib

VERDICT_LABELS = {"gpu": "Runs on GPU", "partial": "Partial GPU offload", "cpu": "CPU only", "no_fit": "Won't fit"}


def verdict_label(report: FitReport) -> str:
    """The badge text: "Runs on GPU", "Partial GPU offload (91 % on GPU)", "CPU only", "Won't fit"."""
    label = VERDICT_LABELS[report.verdict.value]
    if report.verdict.value == "partial":
        label += f" ({report.gpu_share * 100:.0f} % on GPU)"
    return label


def measured_json(m: Measurement | None) -> dict[str, Any] | None:
    """A measured check as `fit --json` shows it beside the estimate."""
    if m is None:
        return None
    return {
        "tokens_per_s": round(m.tokens_per_s, 2) if m.tokens_per_s is not None else None,
        "gpu_share": round(m.gpu_share, 4),
        "measured_at": m.measured_at,
        "ollama_version": m.ollama_version,
        "context": m.loaded_context or m.context,
        "size_bytes": m.size,
        "size_vram_bytes": m.size_vram,
    }


def calibrated_json(c: CalibratedSpeed | None) -> dict[str, Any]:
    """The speed ranges re-centred on this machine's measured checks (nulls when none applies)."""
    return {
        "calibrated_tokens_per_second": list(c.tokens_per_second) if c else None,
        "calibrated_tokens_per_second_full_context": list(c.tokens_per_second_full_context)
        if c and c.tokens_per_second_full_context
        else None,
        "speed_calibration": c.calibration.as_json() if c else None,
    }


def to_json(
    report: FitReport,
    catalogue: Catalogue,
    measured: Measurement | None = None,
    calibrated: CalibratedSpeed | None = None,
) -> dict[str, Any]:
    tag = catalogue.get(report.tag)
    b = report.breakdown
    return {
        "model": report.tag,
        "verdict": report.verdict.value,
        "gpu_share": round(report.gpu_share, 4),
        "reported_gpu_share": round(report.reported_gpu_share, 4),
        "context": report.context,
        "context_is_default": report.context_is_default,
        "kv_cache_type": report.kv_cache_type,
        "ollama_regime": report.regime.value,
        "breakdown": {
            "weights": b.weights,
            "kv_cache": b.kv_cache,
            "recurrent_state": b.recurrent_state,
            "overhead": b.overhead,
            "compute": b.compute,
            "gpu_reserve": b.gpu_reserve,
            "weights_in_ram": b.weights_in_ram,
        },
        "required_bytes": report.required_bytes,
        "gpu_free_bytes": report.gpu_free_bytes,
        "ram_usable_bytes": report.ram_usable_bytes,
        "gpus_used": report.gpus_used,
        "placement": report.placement,
        "download_bytes": report.download_bytes,
        "disk_ok": report.disk_ok,
        "tokens_per_second": list(report.tokens_per_second) if report.tokens_per_second else None,
        "speed_basis": report.speed_basis.as_json() if report.speed_basis else None,
        "tokens_per_second_full_context": list(report.tokens_per_second_full_context)
        if report.tokens_per_second_full_context
        else None,
        "recommended": report.recommended,
        "recommendation": report.recommendation or None,
        "reason": report.reason,
        "quant": tag.quant,
        "parameters": int(tag.size.total_params),
        "active_parameters": int(tag.size.active_params),
        "capabilities": list(tag.capabilities),
        "same_blob_as": tag.same_blob_as,
        "notes": list(report.notes),
        "max_gpu_context": report.max_gpu_context,
        "max_gpu_context_by_kv": dict(report.max_gpu_context_by_kv),
        "measured": measured_json(measured),
        **calibrated_json(calibrated),
    }


def format_table(reports: list[FitReport], calibrated: Mapping[str, CalibratedSpeed] | None = None) -> str:
    """A terminal table, one row per tag, the recommendation and the assumptions underneath. `calibrated`:
    speed ranges re-centred on this machine's measured checks, shown instead of the plain estimate."""
    calibrated = calibrated or {}
    header = ("", "Model", "Verdict", "Needs", "Download", "Speed")
    rows = [
        (
            "★" if r.recommended else "",
            r.tag,
            verdict_label(r) + (f", {r.placement}" if r.placement == "experts on CPU" else ""),
            human_gib(r.required_bytes),
            human_bytes(r.download_bytes) + ("" if r.disk_ok is not False else " (disk full)"),
            speed_phrase(c.tokens_per_second) if (c := calibrated.get(r.tag)) else speed_phrase(r.tokens_per_second),
        )
        for r in reports
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip() for row in (header, *rows)]
    out = "\n".join(lines) + "\n"
    if reports:
        first = reports[0]
        how = "Ollama's default for this machine" if first.context_is_default else "as requested"
        out += (
            f"\nContext {context_label(first.context)} tokens ({how}), KV cache {first.kv_cache_type}, "
            f"Ollama {'≥ 0.30 (llama-server)' if first.regime.value == 'llama-server' else '0.17–0.29 (Ollama engine)'}.\n"
        )
    if checked := checked_text(calibrated.values()):
        out += f"{checked[0].upper()}{checked[1:]}.\n"
    best = next((r for r in reports if r.recommended), None)
    if best is not None:
        out += f"Recommended: {best.tag}. {best.recommendation}\n"
    else:
        out += "No Qwen3.5 model runs on this machine.\n"
    return out
