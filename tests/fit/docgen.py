"""Generate the tables in docs/fit-reference.md and docs/fit-accuracy.md from the engine.

    python -m tests.fit.docgen --write     # rewrite the generated sections
Tests call `render_*()` and compare with the files, so a change to the engine or the data that
moves a number fails until the docs are regenerated (and the change is looked at).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from runyard_desktop.core.fit.catalogue import ModelTag, load_catalogue
from runyard_desktop.core.fit.engine import FitOptions, OllamaRegime, evaluate, evaluate_all
from runyard_desktop.core.fit.report import verdict_label
from runyard_desktop.core.fit.text import context_label, speed_phrase
from runyard_desktop.core.hardware.presets import MACHINES

from .reference_data import DEFAULT_TAGS, MEMORY_CASES, SPEED_CASES

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "fit-reference.md"
ACCURACY = ROOT / "docs" / "fit-accuracy.md"
GIB, MIB = 2**30, 2**20
_SHORT = {"gpu": "GPU", "partial": "Partial", "cpu": "CPU", "no_fit": "✗"}


def _short(report) -> str:
    s = _SHORT[report.verdict.value]
    if report.verdict.value == "partial":
        s += f" {report.gpu_share * 100:.0f} %"
    return s + (" ★" if report.recommended else "")


def render_summary() -> str:
    cat = load_catalogue()
    head = "| Machine | ctx | " + " | ".join(DEFAULT_TAGS) + " |"
    lines = [head, "|" + "---|" * (len(DEFAULT_TAGS) + 2)]
    for name, profile in MACHINES.items():
        reports = {r.tag: r for r in evaluate_all(cat, profile)}
        cells = [_short(reports[f"qwen3.5:{t}"]) for t in DEFAULT_TAGS]
        ctx = context_label(reports["qwen3.5:9b"].context)
        lines.append(f"| {name} | {ctx} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_machine(name: str) -> str:
    cat = load_catalogue()
    profile = MACHINES[name]
    reports = evaluate_all(cat, profile)
    out = [f"### {name}\n"]
    gpus = (
        ", ".join(
            f"{g.name} ({g.vram_free_bytes / GIB:.1f} GiB free of {g.vram_total_bytes / GIB:.1f})" for g in profile.gpus
        )
        or "none"
    )
    out.append(
        f"GPU: {gpus}. RAM: {profile.ram.available_bytes / GIB:.1f} GiB available of "
        f"{profile.ram.total_bytes / GIB:.1f}. Context: {context_label(reports[0].context)} (Ollama's default).\n"
    )
    out.append("| Tag | Verdict | Needs | Speed | Why |")
    out.append("|---|---|---|---|---|")
    for r in reports:
        if cat.get(r.tag).same_blob_as is not None:
            continue
        tag = f"**{r.tag}** ★" if r.recommended else r.tag
        out.append(
            f"| {tag} | {verdict_label(r)} | {r.required_bytes / GIB:.1f} GiB | "
            f"{speed_phrase(r.tokens_per_second)} | {r.reason} |"
        )
    best = next((r for r in reports if r.recommended), None)
    out.append("")
    out.append(f"Recommended: **{best.tag}**. {best.recommendation}\n" if best else "Recommended: nothing runs here.\n")
    return "\n".join(out)


def render_reference() -> str:
    return render_summary() + "\n" + "\n".join(render_machine(n) for n in MACHINES)


def _estimate_memory(case) -> float:
    regime = OllamaRegime(case.regime)
    r = evaluate(
        load_catalogue().get(case.tag),
        case.profile,
        FitOptions(context=case.context, kv_cache_type=case.kv, regime=regime),
    )
    b = r.breakdown
    per_device_compute = b.compute / max(1, r.gpus_used)
    return {
        "used": (b.weights + b.kv_cache + b.recurrent_state + per_device_compute * max(1, r.gpus_used)) / MIB,
        "context": (b.kv_cache + b.recurrent_state) / MIB,
        "compute": b.compute / MIB if case.compare == "compute" and r.gpus_used > 1 else per_device_compute / MIB,
        "weights": b.weights / MIB,
    }[case.compare]


def memory_rows() -> list[tuple[str, float, float, float]]:
    rows = []
    for case in MEMORY_CASES:
        est = _estimate_memory(case)
        rows.append((case.label, case.measured_mib, est, 100 * (est - case.measured_mib) / case.measured_mib))
    return rows


def _needs(case) -> str:
    """What we compare with free memory (estimate + per-GPU reserve), for whole-footprint rows."""
    if case.compare != "used":
        return ""
    r = evaluate(
        load_catalogue().get(case.tag),
        case.profile,
        FitOptions(context=case.context, kv_cache_type=case.kv, regime=OllamaRegime(case.regime)),
    )
    reserve = r.breakdown.gpu_reserve / max(1, r.gpus_used) if r.gpus_used else 0
    needs = _estimate_memory(case) + reserve / MIB
    return f"{needs:,.0f} MiB ({100 * (needs - case.measured_mib) / case.measured_mib:+.1f} %)"


def _tag(t: str | ModelTag) -> ModelTag:
    return t if isinstance(t, ModelTag) else load_catalogue().get(t)


def speed_rows() -> list[tuple[str, float, tuple[float, float] | None, float]]:
    rows = []
    for case in SPEED_CASES:
        options = FitOptions(context=case.context, kv_cache_type=case.kv, regime=OllamaRegime(case.regime))
        r = evaluate(_tag(case.tag), case.profile, options)
        tps = r.tokens_per_second
        if tps is None:
            err = float("nan")
        elif tps[0] <= case.measured_tps <= tps[1]:
            err = 0.0
        else:
            bound = tps[0] if case.measured_tps < tps[0] else tps[1]
            err = 100 * (bound - case.measured_tps) / case.measured_tps
        rows.append((case.label, case.measured_tps, tps, err))
    return rows


def render_accuracy() -> str:
    out = [
        "#### Memory\n",
        "| Measurement | Source | Measured | Estimate | Error | + reserve (what we compare) | Note |",
        "|---|---|---|---|---|---|---|",
    ]
    for case, (label, measured, est, err) in zip(MEMORY_CASES, memory_rows(), strict=True):
        out.append(
            f"| {label} | {case.source} | {measured:,.0f} MiB | {est:,.0f} MiB | {err:+.1f} % | "
            f"{_needs(case)} | {case.note} |"
        )
    out += [
        "",
        "#### Decode speed\n",
        "| Measurement | Source | Measured | Estimate | Error vs range | Note |",
        "|---|---|---|---|---|---|",
    ]
    for speed, (label, measured, tps, err) in zip(SPEED_CASES, speed_rows(), strict=True):
        phrase = speed_phrase(tps)
        out.append(
            f"| {label} | {speed.source} | {measured:g} tok/s | {phrase} | "
            f"{'inside' if err == 0 else f'{err:+.0f} %'} | {speed.note} |"
        )
    return "\n".join(out) + "\n"


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- BEGIN GENERATED {name} (python -m tests.fit.docgen --write) -->\n", f"<!-- END GENERATED {name} -->"


def generated_section(path: Path, name: str) -> str:
    begin, end = _markers(name)
    text = path.read_text(encoding="utf-8")
    match = re.search(re.escape(begin) + r"(.*?)" + re.escape(end), text, flags=re.S)
    if match is None:
        raise AssertionError(f"{path.name} lacks the generated section {name}")
    return match.group(1)


def write(path: Path, name: str, content: str) -> None:
    begin, end = _markers(name)
    text = path.read_text(encoding="utf-8")
    pattern = re.escape(begin) + r".*?" + re.escape(end)
    new = re.sub(pattern, lambda _m: begin + content + end, text, flags=re.S)
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write(REFERENCE, "reference", render_reference())
        write(ACCURACY, "accuracy", render_accuracy())
    else:
        sys.stdout.write(render_reference() + "\n" + render_accuracy())
