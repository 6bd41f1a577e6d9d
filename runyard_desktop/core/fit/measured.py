"""The measured check: how a model really ran (from /api/ps and the reply's eval rate) next to the estimate.

`Measurement` is what one check found; `compare()` puts it beside a `FitReport` in plain words and
says when the two disagree (placement, speed or memory), with the likely reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from runyard_desktop.core.fit.engine import FitReport, Verdict
from runyard_desktop.core.fit.text import speed_phrase
from runyard_desktop.core.formatting import human_gib

MEASURE_PROMPT = "Reply with one short sentence: what is the capital of France?"

# How far apart measured and estimated may be before we say they disagree.
SHARE_TOLERANCE = 0.15
SPEED_SLOW_FACTOR = 0.7  # measured below 70 % of the low end: slower than estimated
SPEED_FAST_FACTOR = 1.4  # measured above 140 % of the high end: faster than estimated
MEMORY_FACTOR = 1.25


@dataclass(frozen=True)
class Measurement:
    """One measured check of `tag` (sizes in bytes, as /api/ps reports them)."""

    tag: str
    measured_at: str  # ISO 8601, UTC
    context: int | None  # the num_ctx we asked for
    loaded_context: int | None  # what /api/ps says the runner uses (servers >= 0.9.7)
    size: int  # bytes in memory incl. KV cache
    size_vram: int  # bytes on the GPU
    tokens_per_s: float | None  # eval_count / eval_duration of the reply
    load_s: float | None = None
    ollama_version: str | None = None

    @property
    def gpu_share(self) -> float:
        return min(1.0, self.size_vram / self.size) if self.size > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measurement:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Comparison:
    measured_text: str  # "Measured: 100 % GPU, 41 tok/s"
    estimated_text: str  # "Estimated: runs on GPU, 35–60 tok/s"
    agrees: bool
    notes: tuple[str, ...]  # plain sentences; the first says whether they agree
    badge: str  # short, for the Models table: "41 tok/s measured"


def placement_text(share: float) -> str:
    if share >= 0.995:
        return "100 % GPU"
    if share <= 0.005:
        return "CPU only"
    return f"{share * 100:.0f} % GPU"


def measured_text(m: Measurement) -> str:
    speed = f", {m.tokens_per_s:.0f} tok/s" if m.tokens_per_s else ""
    return f"Measured: {placement_text(m.gpu_share)}{speed}"


def estimated_text(report: FitReport | None) -> str:
    if report is None:
        return "Estimated: —"
    where = {
        Verdict.GPU: "runs on GPU",
        Verdict.PARTIAL: f"{report.gpu_share * 100:.0f} % on GPU",
        Verdict.CPU: "CPU only",
        Verdict.NO_FIT: "won't fit",
    }[report.verdict]
    speed = f", {speed_phrase(report.tokens_per_second)}" if report.tokens_per_second else ""
    return f"Estimated: {where}{speed}"


def beside_estimate_text(m: Measurement) -> str:
    """For the details panel: "measured here: 41.0 tok/s, 75 % GPU (4K context, Ollama 0.30.1, 2026-12-01)"."""
    speed = f"{m.tokens_per_s:.1f} tok/s, " if m.tokens_per_s else ""
    share = placement_text(m.gpu_share)
    facts = [
        f"{ctx // 1024}K context" if (ctx := m.loaded_context or m.context) else "",
        f"Ollama {m.ollama_version}" if m.ollama_version else "",
        m.measured_at[:10],
    ]
    return f"measured here: {speed}{share} ({', '.join(f for f in facts if f)})"


def badge_text(m: Measurement) -> str:
    speed = f"{m.tokens_per_s:.0f} tok/s" if m.tokens_per_s else placement_text(m.gpu_share)
    return f"{speed} measured"


def compare(m: Measurement, report: FitReport | None) -> Comparison:
    """Measured vs estimated, with a plain sentence per disagreement."""
    notes: list[str] = []
    if report is not None:
        notes += _placement_notes(m, report)
        notes += _speed_notes(m, report)
        notes += _memory_notes(m, report)
    agrees = not notes
    if report is None:
        head = "There is no estimate for this model to compare with."
    elif agrees:
        head = "The measurement agrees with the estimate."
    else:
        head = "The measurement differs from the estimate:"
    return Comparison(measured_text(m), estimated_text(report), agrees, (head, *notes), badge_text(m))


def _placement_notes(m: Measurement, report: FitReport) -> list[str]:
    expected = report.reported_gpu_share  # size_vram ÷ size, as the measurement reads /api/ps
    actual = m.gpu_share
    if abs(actual - expected) <= SHARE_TOLERANCE:
        return []
    if actual < expected:
        return [
            f"Ollama put {actual * 100:.0f} % of it on the GPU; the estimate expected {expected * 100:.0f} %. "
            "Other programs may be using GPU memory, or the context is larger than assumed."
        ]
    if report.gpu_free_bytes <= 0:
        return [
            f"Ollama put {actual * 100:.0f} % of it on a GPU, but Runyard found no usable GPU here, so the "
            "estimate assumed the CPU. The GPU check may have missed it (see This machine)."
        ]
    return [
        f"Ollama put {actual * 100:.0f} % of it on the GPU; the estimate expected {expected * 100:.0f} %. "
        "Good news: more GPU memory was free than the estimate assumed."
    ]


def _speed_notes(m: Measurement, report: FitReport) -> list[str]:
    if not m.tokens_per_s or not report.tokens_per_second:
        return []
    low, high = report.tokens_per_second
    if m.tokens_per_s < low * SPEED_SLOW_FACTOR:
        return [
            f"It ran at {m.tokens_per_s:.1f} tok/s, slower than the estimated {speed_phrase((low, high))}. "
            "A busy computer, power saving or a cold first run can do this; Measure again to check."
        ]
    if m.tokens_per_s > high * SPEED_FAST_FACTOR:
        return [
            f"It ran at {m.tokens_per_s:.0f} tok/s, faster than the estimated {speed_phrase((low, high))} "
            "(short replies run faster than long ones)."
        ]
    return []


def _memory_notes(m: Measurement, report: FitReport) -> list[str]:
    if report.required_bytes <= 0 or m.size <= report.required_bytes * MEMORY_FACTOR:
        return []
    return [
        f"It uses {human_gib(m.size)} of memory, more than the {human_gib(report.required_bytes)} estimated "
        "(a larger context than assumed, or a vision projector)."
    ]
