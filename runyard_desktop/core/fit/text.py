"""Plain-language sentences for fit reports ("Needs 8.1 GiB at 4K context, your RTX 4060 has …").

Takes plain values, not report objects, so the engine can call it while it builds a report.
Memory sums are in GiB (as Ollama's logs count); download sizes in GB (as ollama.com shows them).
"""

from __future__ import annotations

from runyard_desktop.core.formatting import human_bytes, human_gib


def context_label(context: int) -> str:
    return f"{context // 1024}K" if context >= 1024 and context % 1024 == 0 else f"{context:,}"


def context_phrase(context: int, is_default: bool) -> str:
    label = f"{context_label(context)} context"
    if not is_default:
        return label
    tier = {4096: "below 24 GiB of VRAM", 32768: "for 24–48 GiB of VRAM", 262144: "from 48 GiB of VRAM"}.get(context)
    return f"{label} (Ollama's default {tier})" if tier else f"{label} (Ollama's default)"


def memory_reason(
    *,
    verdict: str,
    required: int,
    context: str,
    gpu_label: str,
    gpu_free: int,
    ram_usable: int,
    share: float,
    placement: str,
    unified: bool,
    gpu_helps: bool,
    in_ram: int = 0,
) -> str:
    needs = f"Needs {human_gib(required)} at {context}"
    if in_ram and verdict in ("gpu", "partial"):
        needs += f", {human_gib(in_ram)} of it kept in RAM"
    memory = "GPU-usable memory" if unified else "free"
    has = f"your {gpu_label} has {human_gib(gpu_free)} {memory}" if gpu_label != "no GPU" else ""
    if verdict == "gpu":
        return f"{needs}, {has}: runs fully on the GPU."
    if verdict == "partial":
        pct = f"{share * 100:.0f} %"
        if placement == "experts on CPU":
            return (
                f"{needs}, {has}: experts partly on the CPU ({pct} of the model on the GPU); "
                "only the active experts are read per token, so it stays usable."
            )
        return f"{needs}, {has}: {pct} of layers on the GPU, the rest on the CPU (slower)."
    ram = f"{human_gib(ram_usable)} of RAM usable"
    if verdict == "cpu":
        if not has:
            return f"{needs}; no GPU to help, {ram}: runs on the CPU."
        why = "too little to help" if not gpu_helps else "not enough for a layer"
        return f"{needs}; {has} ({why}), {ram}: runs on the CPU."
    pool = f"{ram}" if unified or not has else f"{human_gib(gpu_free)} free VRAM + {ram}"
    return f"{needs}, but this machine has {pool}: won't fit."


def disk_sentence(download: int, disk_free: int | None) -> str:
    if disk_free is None or download <= disk_free:
        return ""
    return f" Download is {human_bytes(download)}, only {human_bytes(disk_free)} free on the models disk."


def speed_phrase(tps: tuple[float, float] | None) -> str:
    if tps is None:
        return "—"
    low, high = tps
    if high < 10:
        return f"{low:.1f}–{high:.1f} tok/s"
    return f"{low:.0f}–{high:.0f} tok/s"


# How often published decode rates land inside the ranges (docs/fit-accuracy.md, "Summary" and "Re-centred on
# a measured check": held-out rows, which no constant was tuned on). tests/fit/test_reference_docs.py keeps
# these within two points of the measured figures.
PUBLISHED_INSIDE_SHARE = 0.74  # the plain estimate
CHECKED_INSIDE_SHARE = 0.85  # re-centred on a check measured on the same machine


def range_reliability_text() -> str:
    """How far a speed range can be trusted, in one sentence for tooltips."""
    return (
        "Decode rates people published for their own machines fall inside ranges like this about "
        f"{PUBLISHED_INSIDE_SHARE * 100:.0f} % of the time. A model measured on this machine (after its download, "
        "or Installed → Measure) re-centres the ranges of the others placed the same way, and then about "
        f"{CHECKED_INSIDE_SHARE * 100:.0f} %."
    )
