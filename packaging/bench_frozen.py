"""Frozen vs unfrozen start-up: time to first paint of `Runyard --smoke` and `python -m runyard_desktop --smoke`.

    python packaging/bench_frozen.py [--runs 7] [--bundle dist/Runyard]...        # offscreen
    xvfb-run -a python packaging/bench_frozen.py --platform xcb                    # a real X window

The two programs run interleaved in fresh child processes, each with a fresh RUNYARD_HOME. Per run:
- launch → first paint: from spawning the child to reading its "first paint after N ms" line. The
  child's stdout is a pseudo-terminal, so the line arrives when printed (no pipe buffering, and the
  frozen binary can take no `python -u`); bootloader, interpreter start-up and imports are included.
- the app's own figure (N above: from importing runyard_desktop.app to the first paint);
- launch → exit (includes shutting the services down).
Prints medians as a Markdown table, with the bundle size from dist/build-info.json.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(rb"first paint after (\d+) ms")


def one_run(command: list[str], platform: str) -> tuple[float, float, float]:
    """(launch→first paint, app's own figure, launch→exit), in ms."""
    with tempfile.TemporaryDirectory(prefix="runyard-bench-") as home:
        env = {**os.environ, "RUNYARD_HOME": home, "QT_QPA_PLATFORM": platform}
        master, slave = pty.openpty()
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
        os.close(slave)
        seen, painted, own = b"", None, None
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                child.kill()
                raise RuntimeError(f"{command[0]}: no output for 60 s")
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal (exited)
                break
            if not chunk:
                break
            seen += chunk
            match = LINE.search(seen)
            if painted is None and match and b"\n" in seen[match.end() :]:
                painted = (time.perf_counter() - started) * 1000
                own = float(match.group(1))
        code = child.wait(timeout=60)
        exited = (time.perf_counter() - started) * 1000
        os.close(master)
    if code != 0 or painted is None or own is None:
        raise RuntimeError(f"{' '.join(command)} exited {code} without a first paint: {seen.decode(errors='replace')}")
    return painted, own, exited


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--bundle",
        type=Path,
        action="append",
        help="folder holding a frozen `Runyard` (repeatable; default dist/Runyard)",
    )
    parser.add_argument("--platform", default="offscreen", choices=("offscreen", "xcb"))
    args = parser.parse_args(argv)

    bundles = args.bundle or [ROOT / "dist" / "Runyard"]
    programs = {f"frozen: {bundle / 'Runyard'}": [str(bundle / "Runyard"), "--smoke"] for bundle in bundles}
    programs["unfrozen: python -m runyard_desktop"] = [sys.executable, "-m", "runyard_desktop", "--smoke"]
    for command in programs.values():  # warm the page cache once; not counted
        one_run(command, args.platform)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            results[name].append(one_run(command, args.platform))

    print(f"{args.runs} runs each, interleaved, QT_QPA_PLATFORM={args.platform}; medians in ms\n")
    print("| program | launch → first paint | app's own figure (import app → paint) | launch → exit |")
    print("|---|---:|---:|---:|")
    for name, runs in results.items():
        medians = [statistics.median(column) for column in zip(*runs, strict=True)]
        print(f"| {name} | {medians[0]:.0f} | {medians[1]:.0f} | {medians[2]:.0f} |")
    info_file = ROOT / "dist" / "build-info.json"
    if info_file.exists():
        info = json.loads(info_file.read_text(encoding="utf-8"))
        print(
            f"\nbundle {info['bundle']}: {info['bytes'] / 1e6:.0f} MB in {info['files']} files "
            f"(PyInstaller {info['build_seconds']:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
