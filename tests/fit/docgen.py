"""Generate the tables in docs/fit-reference.md and docs/fit-accuracy.md (accuracy.py) from the engine.

    python -m tests.fit.docgen --write     # rewrite the generated sections
Tests call `render_*()` and compare with the files, so a change to the engine or the data that
moves a number fails until the docs are regenerated (and the change is looked at).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import evaluate_all
from runyard_desktop.core.fit.report import verdict_label
from runyard_desktop.core.fit.text import context_label, speed_phrase
from runyard_desktop.core.hardware.presets import MACHINES

from .accuracy import render_accuracy
from .reference_data import DEFAULT_TAGS

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "fit-reference.md"
ACCURACY = ROOT / "docs" / "fit-accuracy.md"
GIB = 2**30
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
