"""`runyard-desktop fit [--json] [--hardware PROFILE.json] [--context N] [--kv-cache-type T]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.command_name import command_name
from runyard_desktop.core.fit.calibration import calibrations, recalibrated
from runyard_desktop.core.fit.catalogue import CatalogueError, load_catalogue
from runyard_desktop.core.fit.engine import KV_CACHE_TYPES, FitOptions, evaluate_all, regime_for_version
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.fit.measurements import FILE_NAME as MEASUREMENTS_FILE
from runyard_desktop.core.fit.measurements import MeasurementStore
from runyard_desktop.core.fit.report import format_table, to_json
from runyard_desktop.core.hardware.profile import HardwareProfile
from runyard_desktop.core.terminal_text import terminal_safe


def _context(value: str) -> int:
    text = value.strip().lower()
    scale = 1024 if text.endswith("k") else 1
    try:
        n = int(float(text.rstrip("k")) * scale)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of tokens: {value!r} (try 4096, 32k or 262144)") from exc
    if n < 256:
        raise argparse.ArgumentTypeError(f"context must be at least 256 tokens, not {n}")
    return n


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "fit", parents=[common], help="which Qwen3.5 models this machine (or another) can run, and how fast"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per tag")
    parser.add_argument("--hardware", metavar="PROFILE.json", help="a profile from `detect --json` (another machine)")
    parser.add_argument(
        "--context",
        type=_context,
        metavar="N",
        help="context length in tokens (default: what Ollama would pick for this machine)",
    )
    parser.add_argument("--kv-cache-type", choices=KV_CACHE_TYPES, default="f16", help="KV cache type (default f16)")
    parser.add_argument(
        "--ollama-version",
        metavar="V",
        default=None,
        help="estimate for this Ollama version (default: ≥ 0.30; 0.17–0.29 reserve more state)",
    )
    parser.set_defaults(handler=run)


def load_profile(path: str) -> HardwareProfile:
    """Read a `detect --json` file; ValueError with a plain message when it is not one."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a hardware profile: expected a JSON object like `detect --json` prints")
    try:
        return HardwareProfile.from_json(_tolerant(data))
    except ValueError as exc:
        raise ValueError(f"{path} is {exc}") from exc


def _tolerant(data: dict[str, Any]) -> dict[str, Any]:
    """Accept profiles from older/other probes: null numbers mean unknown, an Apple GPU may omit its size."""
    data = dict(data)
    ram = data.get("ram")
    if isinstance(ram, dict):
        data["ram"] = {k: v for k, v in ram.items() if v is not None}
    gpus = []
    for gpu in data.get("gpus") or []:
        if not isinstance(gpu, dict):
            continue
        gpu = {k: v for k, v in gpu.items() if v is not None}
        if "vram_total_bytes" not in gpu and gpu.get("unified_memory") and isinstance(ram, dict):
            gpu["vram_total_bytes"] = ram.get("total_bytes", 0)
        gpu.setdefault("vram_total_bytes", 0)
        gpus.append(gpu)
    data["gpus"] = gpus
    return data


def _measurements() -> dict[str, Measurement]:
    """This machine's measured checks (the app stores one per tag after a download or Measure)."""
    store = MeasurementStore(app_paths().data / MEASUREMENTS_FILE)
    if store.notice:
        print(terminal_safe(store.notice), file=sys.stderr)
    return store.all()


def run(args: argparse.Namespace) -> int:
    try:
        if args.hardware:
            profile = load_profile(args.hardware)
        else:
            from runyard_desktop.core.hardware import profile as hardware

            profile = hardware.detect()
        catalogue = load_catalogue()
    except ValueError as exc:  # CatalogueError is a ValueError too
        kind = "catalogue" if isinstance(exc, CatalogueError) else "hardware profile"
        print(
            terminal_safe(f"error: {exc}")
            + f"\nFix the {kind} (see `{command_name()} detect --json` for the expected shape).",
            file=sys.stderr,
        )
        return 2
    options = FitOptions(
        context=args.context, kv_cache_type=args.kv_cache_type, regime=regime_for_version(args.ollama_version)
    )
    measured = {} if args.hardware else _measurements()  # another machine's profile: none of ours apply
    cals = calibrations(measured.values(), catalogue, profile, options)
    reports, calibrated = recalibrated(catalogue, evaluate_all(catalogue, profile, options), cals)
    if args.json:
        rows = [to_json(r, catalogue, measured.get(r.tag), calibrated.get(r.tag)) for r in reports]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(terminal_safe(format_table(reports, calibrated)))
    return 0
