"""The engine against every published measurement: rows, the in-sample / held-out summary, and the
generated block of docs/fit-accuracy.md (written by `python -m tests.fit.docgen --write`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from runyard_desktop.core.fit import calibration
from runyard_desktop.core.fit.catalogue import ModelTag, load_catalogue
from runyard_desktop.core.fit.engine import FitOptions, FitReport, OllamaRegime, evaluate
from runyard_desktop.core.fit.speed import RANGE_RATIO, centre_of
from runyard_desktop.core.fit.text import speed_phrase

from .measurements_added import MEMORY_CASES, PLACEMENT_CASES
from .measurements_public import MemoryCase, PlacementCase, SpeedCase
from .measurements_speed import SPEED_CASES
from .public_sources import SOURCES, independent_sources, is_held_out, publication, source_round

MIB = 2**20


def catalogue_tag(t: str | ModelTag) -> ModelTag:
    return t if isinstance(t, ModelTag) else load_catalogue().get(t)


def case_report(
    tag: str | ModelTag, profile, context: int, kv: str, regime: str, depth: int | None = None, runner: str = ""
) -> FitReport:
    # A row that names no program but ran Ollama's own engine (0.17–0.29) was decoded by Ollama.
    runner = runner or ("ollama" if regime == OllamaRegime.OLLAMA_ENGINE.value else "")
    options = FitOptions(
        context=context, kv_cache_type=kv, regime=OllamaRegime(regime), filled_tokens=depth, runner=runner
    )
    return evaluate(catalogue_tag(tag), profile, options)


def estimate_memory(case: MemoryCase) -> float:
    r = case_report(case.tag, case.profile, case.context, case.kv, case.regime)
    b = r.breakdown
    return {
        "used": (b.weights + b.kv_cache + b.recurrent_state + b.compute) / MIB,
        "context": (b.kv_cache + b.recurrent_state) / MIB,
        "compute": b.compute / MIB,
        "weights": b.weights / MIB,
    }[case.compare]


def memory_rows() -> list[tuple[MemoryCase, float, float]]:
    """(case, estimate MiB, error %)."""
    rows = []
    for case in MEMORY_CASES:
        est = estimate_memory(case)
        rows.append((case, est, 100 * (est - case.measured_mib) / case.measured_mib))
    return rows


def speed_rows() -> list[tuple[SpeedCase, tuple[float, float] | None, float]]:
    """(case, (low, high) or None, signed % from the nearer end; 0 = inside, nan = no estimate)."""
    rows = []
    for case in SPEED_CASES:
        tps = case_report(
            case.tag, case.profile, case.context, case.kv, case.regime, case.depth, case.runner
        ).tokens_per_second
        if tps is None:
            err = float("nan")
        elif tps[0] <= case.measured_tps <= tps[1]:
            err = 0.0
        else:
            bound = tps[0] if case.measured_tps < tps[0] else tps[1]
            err = 100 * (bound - case.measured_tps) / case.measured_tps
        rows.append((case, tps, err))
    return rows


def placement_rows() -> list[tuple[PlacementCase, str, float]]:
    """(case, estimated verdict, estimated GPU share as the logs state it: the bytes on the GPU over all the
    model's bytes, as `ollama ps` and the logged buffer sizes count it — `reported_gpu_share`, not the layer
    share, which counts the token embedding kept in RAM as if it were on the GPU)."""
    return [
        (case, r.verdict.value, r.reported_gpu_share)
        for case in PLACEMENT_CASES
        for r in [case_report(case.tag, case.profile, case.context, "f16", case.regime)]
    ]


@dataclass(frozen=True)
class Summary:
    sources: int
    speed_inside: tuple[int, int]
    widest: float  # high ÷ low, the widest range
    verdicts: tuple[int, int]
    share_error: float | None  # mean |estimate − log| in points, rows that log a share
    memory_error: float | None  # mean |error| in %

    @property
    def inside_share(self) -> float:
        return self.speed_inside[0] / max(1, self.speed_inside[1])


def summary(held: bool, only_round: int | None = None) -> Summary:
    """In-sample or held-out figures; `only_round` keeps one collection round's sources (3 or 4: held-out rows
    nobody had compared with the engine before that round's evaluation)."""

    def keep(source: str) -> bool:
        return is_held_out(source) == held and (only_round is None or source_round(source) == only_round)

    speed = [(c, t, e) for c, t, e in speed_rows() if keep(c.source)]
    place = [(c, v, s) for c, v, s in placement_rows() if keep(c.source)]
    mem = [(c, e, err) for c, e, err in memory_rows() if keep(c.source)]
    # a row the engine calls "won't fit" names no share to compare (its verdict is counted as a disagreement)
    shares = [abs(s - c.gpu_share) * 100 for c, v, s in place if c.gpu_share is not None and v != "no_fit"]
    return Summary(
        sources=sum(keep(s) for s in SOURCES),
        speed_inside=(sum(e == 0 for _c, _t, e in speed), len(speed)),
        widest=max((t[1] / t[0] for _c, t, _e in speed if t and t[0] > 0), default=0.0),
        verdicts=(sum(v == c.verdict for c, v, _s in place), len(place)),
        share_error=sum(shares) / len(shares) if shares else None,
        memory_error=sum(abs(err) for _c, _e, err in mem) / len(mem) if mem else None,
    )


_BACKENDS = ("vulkan", "rocm", "hip", "sycl", "cuda", "metal", "opencl")
CHECK_DEPTH_MAX = 4096  # a row that can stand for the app's measured check: a short prompt (or none stated)


def _machine_and_runtime(case: SpeedCase, report: FitReport) -> tuple[object, ...]:
    """Rows that one measured check would calibrate: one source's machine (the same profile), the same
    program and generation, the same GPU backend where the row or its label names one, and the same verdict."""
    label = case.label.lower()
    backend = case.backend or next((b for b in _BACKENDS if b in label), "")
    return (case.source, repr(case.profile), case.runner, case.regime, backend, report.verdict)


@dataclass(frozen=True)
class CalibratedSummary:
    rows: int  # rows with at least one other row of the same machine and runtime to be calibrated from
    inside: float  # of those rows, inside the re-centred range (each row's calibrators weigh 1/n)
    inside_before: int  # of those rows, inside the plain estimate
    log_error: float  # mean |log(measured ÷ re-centred centre)| (each row's checks weigh 1/n)
    log_error_before: float  # mean |log(measured ÷ plain centre)|

    @property
    def share(self) -> float:
        return self.inside / max(1, self.rows)


def calibrated_summary(held: bool, only_round: int | None = None, weight: float | None = None) -> CalibratedSummary:
    """Every row re-centred by each other row of the same machine and runtime that could be the app's
    measured check (core/fit/calibration.py), as a user who measured that model would see it."""
    rows = []
    for case in SPEED_CASES:
        if is_held_out(case.source) != held or (only_round is not None and source_round(case.source) != only_round):
            continue
        report = case_report(case.tag, case.profile, case.context, case.kv, case.regime, case.depth, case.runner)
        if report.tokens_per_second is not None:
            rows.append((case, report.tokens_per_second, _machine_and_runtime(case, report)))
    w = calibration.WEIGHT if weight is None else weight
    n = before = 0
    inside = err = err_before = 0.0
    for case, tps, key in rows:
        checks = [
            (c2, t2)
            for c2, t2, k2 in rows
            if k2 == key and c2 is not case and (c2.depth is None or c2.depth <= CHECK_DEPTH_MAX)
        ]
        if not checks:
            continue
        n += 1
        before += tps[0] <= case.measured_tps <= tps[1]
        err_before += abs(math.log(case.measured_tps / centre_of(tps)))
        for c2, t2 in checks:
            factor = calibration.measured_ratio([c2.measured_tps / centre_of(t2)]) ** w
            low, high = calibration.recentred(tps, factor)
            inside += (low <= case.measured_tps <= high) / len(checks)
            err += abs(math.log(case.measured_tps / (centre_of(tps) * factor))) / len(checks)
    return CalibratedSummary(n, inside, before, err / max(1, n), err_before / max(1, n))


def _best_shift(errors: list[float], half: float) -> tuple[int, float]:
    """The most of `errors` (log ratios) one shift can put inside ±half, and that shift: the fullest window of
    width 2·half (ties: the first), centred."""
    errors = sorted(errors)
    best, shift, lo = 0, 0.0, 0
    for hi, e in enumerate(errors):
        while e - errors[lo] > 2 * half:
            lo += 1
        if hi - lo + 1 > best:
            best, shift = hi - lo + 1, (errors[lo] + e) / 2
    return best, shift


def _facts(case: SpeedCase) -> tuple[str, str, bool, str, str, str]:
    """What the app knows about a row before a download: the GPU's vendor (or the CPU alone), where the engine
    places the model, dense or MoE, its size class by active parameters, the program and Ollama's generation."""
    report = case_report(case.tag, case.profile, case.context, case.kv, case.regime, case.depth, case.runner)
    tag = catalogue_tag(case.tag)
    verdict = report.verdict.value
    vendor = case.profile.gpus[0].vendor if case.profile.gpus and verdict != "cpu" else "cpu"
    active = tag.size.active_read_params / 1e9
    size = "< 2.5B" if active < 2.5 else "< 6B" if active < 6 else "< 12B" if active < 12 else "larger"
    return vendor, verdict, tag.size.is_moe, size, case.runner or "unstated", case.regime


def _cards(case: SpeedCase, verdict: str) -> tuple[str, ...]:
    """The GPU models that decode a row (their names, as the probe reports them), or ("cpu",) when the engine
    places the model on the CPU alone (`verdict`, the engine's, as `_facts` gives it)."""
    if verdict == "cpu" or not case.profile.gpus:
        return ("cpu",)
    return tuple(sorted({g.name for g in case.profile.gpus}))


BOUND_GROUPINGS: tuple[tuple[str, str], ...] = (
    ("none", "The plain estimate"),
    ("all", "One factor for every row"),
    ("vendor", "One factor per GPU vendor (or the CPU alone)"),
    ("card", "One factor per GPU model, by its name (or the CPU alone): a table of measured cards"),
    ("facts", "One factor per vendor × placement × dense/MoE × size × program × Ollama generation"),
    ("source", "One factor per source: a perfect check on each machine"),
)


@dataclass(frozen=True)
class Bound:
    name: str
    groups: int
    tiny: int  # groups of one or two rows
    inside: int  # with each group's factor chosen on the rows themselves (a ceiling)
    left_out: int | None  # with each group's factor chosen on the other sources' rows (None: no such factor)
    rows: int


def coverage_bounds(held: bool | None = None) -> list[Bound]:
    """How many decode rows a range of the same width would hold if its centre were multiplied by one factor
    per group of rows: chosen on the rows themselves (a ceiling), and chosen on the other sources' rows of the
    group, each source in turn (what such factors do on a machine they have not seen). `held` None: all rows."""
    half = math.log(RANGE_RATIO) / 2
    rows = []
    for case, tps, _e in speed_rows():
        if tps is not None and (held is None or is_held_out(case.source) == held):
            known = _facts(case)
            rows.append((case.source, (*known, _cards(case, known[1])), math.log(case.measured_tps / centre_of(tps))))
    out = []
    for key, name in BOUND_GROUPINGS:
        if key == "none":
            out.append(Bound(name, 0, 0, sum(abs(e) <= half for *_r, e in rows), None, len(rows)))
            continue

        def group_of(source: str, facts: tuple[object, ...], key: str = key) -> object:
            return {"all": 0, "vendor": facts[0], "card": facts[6], "facts": facts[:6], "source": source}[key]

        groups: dict[object, list[float]] = {}
        for source, facts, e in rows:
            groups.setdefault(group_of(source, facts), []).append(e)
        left_out = None
        if key != "source":
            left_out = 0
            for source in {s for s, _f, _e in rows}:
                others: dict[object, list[float]] = {}
                for s, facts, e in rows:
                    if s != source:
                        others.setdefault(group_of(s, facts), []).append(e)
                for s, facts, e in rows:
                    if s == source:
                        rest = others.get(group_of(s, facts))
                        shift = _best_shift(rest, half)[1] if rest else 0.0
                        left_out += abs(e - shift) <= half
        out.append(
            Bound(
                name,
                len(groups),
                sum(len(es) <= 2 for es in groups.values()),
                sum(_best_shift(es, half)[0] for es in groups.values()),
                left_out,
                len(rows),
            )
        )
    return out


def width_for(share: float, held: bool | None = True) -> float:
    """The high ÷ low a range centred where the plain estimate's is would need for `share` of the decode rows
    to fall inside (held out by default; None: all rows)."""
    errors = sorted(
        abs(math.log(case.measured_tps / centre_of(tps)))
        for case, tps, _e in speed_rows()
        if tps is not None and (held is None or is_held_out(case.source) == held)
    )
    if not errors:
        return 1.0
    return math.exp(2 * errors[max(0, math.ceil(share * len(errors)) - 1)])


@dataclass(frozen=True)
class Replication:
    configurations: int  # configurations measured by at least two publications
    values: int  # one figure per publication and configuration (the geometric mean of its rows)
    one_range: int  # of those, how many the fullest range of the ranges' width holds, per configuration
    estimate: int  # of those, how many the plain estimate's range holds
    wider: tuple[str, ...]  # configurations whose publications differ by more than the ranges' width


def replication() -> Replication:
    """The same configuration (the GPU models, or the CPU's when it decodes alone; the model file; the program
    and Ollama's generation; the estimated placement; the KV type) measured by different publications: how far
    apart they are, against the width of a range. An estimate that gives one configuration one range cannot hold more of these figures
    than the fullest window of that width does."""
    half = math.log(RANGE_RATIO) / 2
    groups: dict[tuple[tuple[str, ...], tuple[str, str, int], str, str, str, str], dict[str, list[tuple[float, float]]]]
    groups = {}
    for case in SPEED_CASES:
        report = case_report(case.tag, case.profile, case.context, case.kv, case.regime, case.depth, case.runner)
        tps = report.tokens_per_second
        if tps is None:
            continue
        tag = catalogue_tag(case.tag)
        model = (tag.tag, tag.quant, round(tag.download_bytes / 2**28))  # a file of another size is another model
        verdict = report.verdict.value
        machine = (case.profile.cpu.name,) if verdict == "cpu" else _cards(case, verdict)  # alone: which CPU
        key = (machine, model, case.runner or "unstated", case.regime, verdict, case.kv)
        by_pub = groups.setdefault(key, {})
        by_pub.setdefault(publication(case.source), []).append((math.log(case.measured_tps), math.log(centre_of(tps))))
    configurations = values = one_range = estimate = 0
    wider = []
    for config, by_pub in groups.items():
        if len(by_pub) < 2:
            continue
        measured = [sum(m for m, _c in rs) / len(rs) for rs in by_pub.values()]
        centres = [sum(c for _m, c in rs) / len(rs) for rs in by_pub.values()]
        configurations += 1
        values += len(measured)
        one_range += _best_shift(measured, half)[0]
        estimate += sum(abs(m - c) <= half for m, c in zip(measured, centres, strict=True))
        if max(measured) - min(measured) > 2 * half:
            cards, (name, quant, _size), runner, regime, _verdict, _kv = config
            wider.append(f"{name} {quant} on {' + '.join(cards)} ({runner}, {regime})")
    return Replication(configurations, values, one_range, estimate, tuple(sorted(wider)))


def _count(inside: int | None, n: int) -> str:
    return "—" if inside is None else f"{inside} of {n} ({100 * inside / max(1, n):.0f} %)"


def render_bounds() -> list[str]:
    out = [
        "How many decode rows ranges of the same width would hold if each range's centre were multiplied by one",
        "factor per group of rows. Chosen on the very rows it is scored on, the factor gives a ceiling for an",
        "estimate of this form, not a result (a group of one row always fits, one of two nearly always); chosen",
        "on the other sources' rows of its group, each source left out in turn, it shows what such factors do on a",
        "machine they have not seen, as a finer speed model tuned on these rows would.\n",
        "| Centre | Groups (of one or two rows) | Inside, factor chosen on the rows | Inside, factor from the other "
        "sources | Held out: chosen on the rows | Held out: from the other sources |",
        "|---|---|---|---|---|---|",
    ]
    for b, h in zip(coverage_bounds(), coverage_bounds(held=True), strict=True):
        out.append(
            f"| {b.name} | {f'{b.groups} ({b.tiny})' if b.groups else '—'} | {_count(b.inside, b.rows)} | "
            f"{_count(b.left_out, b.rows)} | {_count(h.inside, h.rows)} | {_count(h.left_out, h.rows)} |"
        )
    r = replication()
    out += [
        "",
        "Two more measures of the same question. **How wide a range would have to be**: centred where the plain",
        "estimate centres it, a range holds 90 % of the held-out rows only at "
        f"{width_for(0.9):.2f}× (80 % at {width_for(0.8):.2f}×, 85 % at {width_for(0.85):.2f}×; "
        f"all rows: {width_for(0.9, None):.2f}× for 90 %): the misses are a tail of rows up to "
        f"{math.sqrt(width_for(1.0)):.0f} times off the",
        "centre, not a crowd just outside the ends. **Whether people agree with each",
        "other**: the same configuration (the same GPU models, or the same CPU alone; the same model file, program, Ollama",
        "generation, estimated placement and KV type) measured by different publications, each publication's rows",
        f"of it averaged: {r.configurations} configurations, {r.values} figures. The fullest range of the ranges' "
        f"width holds {_count(r.one_range, r.values)} of them, the plain estimate's range "
        f"{_count(r.estimate, r.values)}; the configurations whose publications lie further apart than one "
        f"range: {'; '.join(r.wider) or 'none'}.",
        "So published figures do agree with each other where the configuration is the same, and the estimate's",
        "misses there are the estimate's; but the factors that would correct them belong to the combination of",
        "card, model and program, and learned from other sources (the card's own factor above) they do not carry",
        "over to a machine they have not seen.",
    ]
    return out


def _fmt(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.1f}{unit}"


def _split(source: str) -> str:
    side = "held out" if is_held_out(source) else "in-sample"
    n = source_round(source)
    return f"{side} (round {n})" if n > 1 else side


# The rows of both summary tables: (name, held out?, only this collection round).
SPLITS: tuple[tuple[str, bool, int | None], ...] = (
    ("In-sample (tuned on)", False, None),
    ("Held out (never tuned on)", True, None),
    ("Held out, round 3 only (never tuned on; seen by round 4)", True, 3),
    ("Held out, round 4 only (never tuned on; seen by round 5)", True, 4),
    ("Held out, round 5 only (never tuned on; seen by round 6)", True, 5),
    ("Held out, round 6 only (never tuned on; seen: the kept constants were chosen after it)", True, 6),
    ("Held out, round 7 only (never tuned on; seen by round 8)", True, 7),
    ("Held out, round 8 only (never tuned on; seen by round 9)", True, 8),
    ("Held out, round 9 only (never tuned on; seen by round 10)", True, 9),
    ("Held out, round 10 only (never tuned on; seen by round 11)", True, 10),
    ("Held out, round 11 only (never tuned on; seen by round 12)", True, 11),
    ("Held out, round 12 only (never tuned on; seen by round 13)", True, 12),
    ("Held out, round 13 only (never tuned on; seen by round 14)", True, 13),
    ("Held out, round 14 only (never tuned on, never seen)", True, 14),
)


def render_summary() -> list[str]:
    out = [
        f"{len(SPEED_CASES) + len(MEMORY_CASES) + len(PLACEMENT_CASES)} data points from {len(SOURCES)} sources "
        f"({independent_sources()} independent publications; the llmfit device folders count once).\n",
        "| | Sources | Speed inside the range | Widest range | Verdicts agree | GPU share error | Memory error |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, held, only_round in SPLITS:
        s = summary(held, only_round)
        out.append(
            f"| {name} | {s.sources} | {s.speed_inside[0]} of {s.speed_inside[1]} ({100 * s.inside_share:.0f} %) | "
            f"{s.widest:.2f}× | {s.verdicts[0]} of {s.verdicts[1]} | {_fmt(s.share_error, ' points')} | "
            f"{_fmt(s.memory_error, ' %')} |"
        )
    return out


def render_calibrated() -> list[str]:
    """Rows re-centred by another row of the same machine and runtime (core/fit/calibration.py)."""
    out = [
        "Each row that has another row of the same machine and runtime (same source, profile, program, Ollama",
        "generation, GPU backend and verdict; the other row measured with at most "
        f"{CHECK_DEPTH_MAX:,} tokens in the cache, like the",
        "app's check) re-centred by each such row in turn, as a user who had measured that model would see it;",
        "a row with n such rows counts 1/n per re-centring.\n",
        "| | Rows with such a check | Inside the plain estimate | Inside once re-centred "
        f"(weight {calibration.WEIGHT:g}) | Weight 1 (all the way) | Mean log error, plain → re-centred |",
        "|---|---|---|---|---|---|",
    ]
    for name, held, only_round in SPLITS:
        s = calibrated_summary(held, only_round)
        full = calibrated_summary(held, only_round, weight=1.0)
        out.append(
            f"| {name} | {s.rows} | {s.inside_before} ({100 * s.inside_before / max(1, s.rows):.0f} %) | "
            f"{s.inside:.1f} ({100 * s.share:.0f} %) | {full.inside:.1f} ({100 * full.share:.0f} %) | "
            f"{s.log_error_before:.3f} → {s.log_error:.3f} |"
        )
    return out


def render_sources() -> list[str]:
    out = ["| Source | Split | Hardware | Software | Notes |", "|---|---|---|---|---|"]
    for s in SOURCES.values():
        note = "; ".join(n for n in ("second-hand" if s.second_hand else "", s.note) if n)
        where = f"[{s.id}]({s.url})" if s.url.startswith("https://") else f"{s.id} ({s.url})"
        out.append(f"| {where} | {_split(s.id)} | {s.hardware} | {s.software} | {note} |")
    return out


def render_accuracy() -> str:
    out = ["#### Summary\n", *render_summary(), ""]
    out += ["#### Re-centred on a measured check\n", *render_calibrated(), ""]
    out += ["#### How far a better centre could go\n", *render_bounds(), ""]
    out += ["#### Sources\n", *render_sources(), ""]
    out += [
        "#### Memory\n",
        "| Measurement | Source | Split | Measured | Estimate | Error | Note |",
        "|---|---|---|---|---|---|---|",
    ]
    for mcase, est, err in memory_rows():
        out.append(
            f"| {mcase.label} | {mcase.source} | {_split(mcase.source)} | {mcase.measured_mib:,.0f} MiB | "
            f"{est:,.0f} MiB | {err:+.1f} % | {mcase.note} |"
        )
    out += [
        "",
        "#### Decode speed\n",
        "| Measurement | Source | Split | Measured | Estimate | Error vs range | Note |",
        "|---|---|---|---|---|---|---|",
    ]
    for case, tps, err in speed_rows():
        verdict = "inside" if err == 0 else ("no estimate" if math.isnan(err) else f"{err:+.0f} %")
        out.append(
            f"| {case.label} | {case.source} | {_split(case.source)} | {case.measured_tps:g} tok/s | "
            f"{speed_phrase(tps)} | {verdict} | {case.note} |"
        )
    out += [
        "",
        "#### Placement\n",
        "| Measurement | Source | Split | Measured | Estimate | Note |",
        "|---|---|---|---|---|---|",
    ]
    for pcase, verdict, share in placement_rows():
        measured = pcase.verdict + (f" {100 * pcase.gpu_share:.0f} %" if pcase.gpu_share is not None else "")
        estimate = "won't fit (no share)" if verdict == "no_fit" else f"{verdict} {100 * share:.0f} %"
        out.append(
            f"| {pcase.label} | {pcase.source} | {_split(pcase.source)} | {measured} | {estimate} | {pcase.note} |"
        )
    return "\n".join(out) + "\n"
