"""`runyard-desktop detect [--json] [--strict]`: this machine's hardware profile.

`--strict` exits 3 when a probe could not be read (its note says which), so CI sees a broken probe."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from runyard_desktop.core.formatting import human_bytes, human_gib
from runyard_desktop.core.terminal_text import terminal_safe

EXIT_PROBE_FAILED = 3  # --strict: a probe could not be read

if TYPE_CHECKING:  # the probes load in run(): parsing the command line stays cheap for the window
    from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("detect", parents=[common], help="show this machine's CPU, memory, GPUs and disk")
    parser.add_argument("--json", action="store_true", help="print the profile as JSON")
    parser.add_argument(
        "--strict",
        action="store_true",
        help=f"exit {EXIT_PROBE_FAILED} when a probe could not be read (the profile is still printed); for CI",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from runyard_desktop.core.hardware import profile as hardware
    from runyard_desktop.core.hardware.probes.system import probe_failures

    profile = hardware.detect()
    if args.json:
        json.dump(profile.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(terminal_safe(format_table(profile)))
    failures = probe_failures(profile.notes)
    if args.strict and failures:
        for note in failures:
            print(terminal_safe(f"error: {note}"), file=sys.stderr)
        return EXIT_PROBE_FAILED
    return 0


def format_table(p: HardwareProfile) -> str:
    rows = [
        ("System", f"{p.os} {p.arch}"),
        ("CPU", p.cpu.name),
        ("Cores / threads", f"{p.cpu.physical_cores} / {p.cpu.logical_cores}"),
        ("CPU clock", _clock(p)),
        ("CPU flags", ", ".join(p.cpu.flags) or "—"),
        ("RAM", f"{human_gib(p.ram.available_bytes)} available of {human_gib(p.ram.total_bytes)}"),
    ]
    for gpu in p.gpus:
        rows.append((f"GPU {gpu.index} ({gpu.vendor})", _gpu_line(gpu)))
    if not p.inference_gpus:
        rows.append(("GPU", "none usable: models run on the CPU"))
    if p.disk:
        rows.append(("Models disk", f"{human_bytes(p.disk.free_bytes)} free at {p.disk.models_dir}"))
    width = max(len(k) for k, _ in rows)
    out = [f"{k.ljust(width)}  {v}" for k, v in rows]
    out += [f"note: {n}" for n in p.notes]
    return "\n".join(out) + "\n"


def _clock(p: HardwareProfile) -> str:
    """The clock the CPU speed estimates use, as the Processor card says it."""
    from runyard_desktop.core.fit.speed import cpu_clock

    ghz, source = cpu_clock(p)
    if source == "assumed":
        return f"not reported ({ghz:.0f} GHz assumed)"
    return f"{ghz:.1f} GHz" + (" (rated; Windows does not report the boost clock)" if source == "rated" else " (max)")


def _gpu_line(gpu: GpuInfo) -> str:
    if gpu.unified_memory:
        usable, free = human_gib(gpu.vram_total_bytes), human_gib(gpu.vram_free_bytes)
        memory = f"unified memory, {usable} usable by the GPU, {free} free"
    elif gpu.vram_total_bytes:
        memory = f"VRAM {human_gib(gpu.vram_free_bytes)} free of {human_gib(gpu.vram_total_bytes)}"
    else:
        memory = "no dedicated memory"
    parts = [gpu.name, memory]
    if gpu.memory_bandwidth_gbps:
        parts.append(f"{gpu.memory_bandwidth_gbps:.0f} GB/s")
    if gpu.driver:
        cuda = f" (CUDA {gpu.cuda_driver_version})" if gpu.cuda_driver_version else ""
        parts.append(f"driver {gpu.driver}{cuda}")
    if gpu.compute_capability:
        parts.append(f"compute {gpu.compute_capability}")
    if gpu.integrated and not gpu.unified_memory:
        parts.append("integrated: counts as CPU")
    return ", ".join(parts)
