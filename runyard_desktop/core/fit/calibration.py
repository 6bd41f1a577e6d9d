"""Speed ranges re-centred on this machine's measured checks (docs/fit-accuracy.md#calibrated-by-a-measured-check).

A measured check (core/fit/measured.py) records how fast one model really decoded here. Much of what a
real speed differs from the estimate by belongs to the machine and its runtime (driver, Ollama build,
power settings, how well the bandwidth table knows the card) and carries over to the other models placed
the same way; some does not (a small model is bound by per-layer overhead, a large one by bandwidth, and
the model gets their balance only roughly right). So the other tags with the same verdict move part of
the way: their centre is multiplied by (measured ÷ estimated)^WEIGHT, with WEIGHT chosen on pairs of rows
from one machine in the in-sample sources. The range keeps its width (speed.RANGE_RATIO).

Only checks that describe this machine as the estimate does are used: a speed in the reply, the placement
Ollama chose matching the estimate's verdict at the check's context, and the same Ollama generation as
now (the 0.17–0.29 engine and llama-server decode at different speeds on the same card).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from runyard_desktop.core.fit.catalogue import Catalogue
from runyard_desktop.core.fit.engine import FitOptions, FitReport, evaluate, recommend, regime_for_version
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.fit.placement import Verdict
from runyard_desktop.core.fit.speed import centre_of, range_around
from runyard_desktop.core.hardware.profile import HardwareProfile

WEIGHT = 0.8  # how far a check moves the other ranges (0: not at all, 1: all the way); tuned in-sample
# WEIGHT moves only when another weight lowers the in-sample mean log error by at least this share (ninth round)
WEIGHT_MIN_GAIN = 0.01
MEASURE_FILL_TOKENS = 64  # the check's prompt and short reply: the KV cache is nearly empty
# A check further off than this is more likely a cold start or a busy machine than the machine's speed.
RATIO_LIMITS = (0.25, 4.0)


@dataclass(frozen=True)
class SpeedCalibration:
    """What this machine's checks say about the tags estimated to run one way (`verdict`)."""

    verdict: Verdict
    measured_ratio: float  # measured ÷ estimated, the geometric mean over the checks used
    factor: float  # what the centre of a range is multiplied by: measured_ratio ** WEIGHT
    tags: tuple[str, ...]  # the measured tags it comes from

    def as_json(self) -> dict[str, object]:
        return {
            "verdict": self.verdict.value,
            "measured_ratio": round(self.measured_ratio, 3),
            "factor": round(self.factor, 3),
            "weight": WEIGHT,
            "from": list(self.tags),
        }


@dataclass(frozen=True)
class CalibratedSpeed:
    """A report's speed ranges re-centred on the checks (`calibration`)."""

    tokens_per_second: tuple[float, float]
    tokens_per_second_full_context: tuple[float, float] | None
    calibration: SpeedCalibration


def measured_ratio(ratios: Iterable[float]) -> float:
    """The geometric mean of measured ÷ estimated ratios, each clamped to RATIO_LIMITS (1 when there are none)."""
    logs = [math.log(min(max(r, RATIO_LIMITS[0]), RATIO_LIMITS[1])) for r in ratios]
    return math.exp(sum(logs) / len(logs)) if logs else 1.0


def recentred(tps: tuple[float, float], factor: float) -> tuple[float, float]:
    return range_around(centre_of(tps) * factor)


def measured_verdict(m: Measurement) -> Verdict:
    share = m.gpu_share
    return Verdict.GPU if share >= 0.995 else Verdict.CPU if share <= 0.005 else Verdict.PARTIAL


def check_ratio(m: Measurement, catalogue: Catalogue, profile: HardwareProfile, options: FitOptions) -> float | None:
    """measured ÷ the centre estimated for the check's own conditions, or None when the check does not apply."""
    if not m.tokens_per_s or m.tokens_per_s <= 0 or not math.isfinite(m.tokens_per_s):
        return None
    if m.ollama_version and regime_for_version(m.ollama_version) is not options.regime:
        return None
    try:
        tag = catalogue.get(m.tag)
    except KeyError:
        return None
    context = m.loaded_context or m.context
    at_check = replace(
        options, context=context if context and context >= 256 else None, filled_tokens=MEASURE_FILL_TOKENS
    )
    report = evaluate(tag, profile, at_check)
    if report.verdict is not measured_verdict(m) or not report.tokens_per_second:
        return None
    return m.tokens_per_s / centre_of(report.tokens_per_second)


def calibrations(
    measurements: Iterable[Measurement], catalogue: Catalogue, profile: HardwareProfile, options: FitOptions
) -> dict[Verdict, SpeedCalibration]:
    """One calibration per verdict that has at least one usable check."""
    ratios: dict[Verdict, list[tuple[str, float]]] = {}
    for m in measurements:
        ratio = check_ratio(m, catalogue, profile, options)
        if ratio is not None:
            ratios.setdefault(measured_verdict(m), []).append((m.tag, ratio))
    out = {}
    for verdict, items in ratios.items():
        mean = measured_ratio(r for _t, r in items)
        out[verdict] = SpeedCalibration(verdict, mean, float(mean**WEIGHT), tuple(sorted(t for t, _r in items)))
    return out


def calibrated_speed(report: FitReport, cals: Mapping[Verdict, SpeedCalibration]) -> CalibratedSpeed | None:
    """The report's ranges re-centred by the calibration for its verdict, or None when there is none."""
    cal = cals.get(report.verdict)
    if cal is None or report.tokens_per_second is None:
        return None
    full = report.tokens_per_second_full_context
    return CalibratedSpeed(
        recentred(report.tokens_per_second, cal.factor), recentred(full, cal.factor) if full else None, cal
    )


def calibrated_text(c: CalibratedSpeed) -> str:
    """ "re-centred on the speed measured here for qwen3.5:4b, 1.6× the estimate"."""
    tags = c.calibration.tags
    which = ", ".join(tags[:3]) + (f" and {len(tags) - 3} more" if len(tags) > 3 else "")
    return f"re-centred on the speed measured here for {which}, {c.calibration.measured_ratio:.2g}× the estimate"


def checked_text(calibrated: Iterable[CalibratedSpeed]) -> str:
    """ "speeds re-centred on the speed measured here for qwen3.5:4b, qwen3.5:9b", or "" when nothing was."""
    tags = sorted({t for c in calibrated for t in c.calibration.tags})
    return f"speeds re-centred on the speed measured here for {', '.join(tags)}" if tags else ""


def recalibrated(
    catalogue: Catalogue, reports: list[FitReport], cals: Mapping[Verdict, SpeedCalibration]
) -> tuple[list[FitReport], dict[str, CalibratedSpeed]]:
    """The reports with the recommendation judged on the re-centred ranges, and those ranges per tag (the
    reports' own ranges stay the plain estimate). Without a usable check: the reports unchanged, {}."""
    calibrated = {r.tag: c for r in reports if (c := calibrated_speed(r, cals)) is not None}
    if not calibrated:
        return reports, {}
    best, why = recommend(catalogue, reports, {t: c.tokens_per_second for t, c in calibrated.items()})
    return [
        replace(r, recommended=r.tag == best, recommendation=why if r.tag == best else "") for r in reports
    ], calibrated
