"""Startup benchmark: `runyard-desktop --smoke` against a bare PySide6 window, plus hardware detection time.

    python bench/startup.py [--runs 7]
    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" python bench/startup.py --xcb

Under Xvfb pass -noreset: the app checks that $DISPLAY answers before Qt connects (app.display_problem),
and an X server with no other client resets when that check's connection closes, which makes Qt's
own connection wait ≈40 ms. A desktop session always has other clients (window manager, panel).

Both programs run offscreen (with `--xcb`: in the X display $DISPLAY names, e.g. under
`xvfb-run -a`) in fresh child processes, interleaved, `--runs` times each; the app is the
installed `runyard-desktop` script next to this Python (as a user starts it; `python -m` would add runpy).
The package's bytecode is compiled first, as pip and PyInstaller do on install: with
PYTHONDONTWRITEBYTECODE=1 (set on these machines) every edited module would otherwise be recompiled on
every run and counted as start-up time. For each run:
- time to first paint: from spawning the process to its "first paint" line on stdout (both flush it at
  once); interpreter start-up and imports are included for both;
- peak RSS: the child's own ru_maxrss from wait4() once it exits.
Medians and ratios are printed; targets: time ≤ 1.3×, memory ≤ 1.5× the bare window.
Hardware detection is timed in a fresh process (cold: includes importing pynvml) and warm, in-process;
it must stay well under a second. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

TIME_TARGET = 1.3
MEMORY_TARGET = 1.5
DETECT_LIMIT_S = 1.0

BARE_WINDOW = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("Hello"))
window.resize(1180, 760)


class FirstPaint(QObject):
    fired = False

    def eventFilter(self, watched, event):
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            QTimer.singleShot(0, done)
        return False


def done():
    print("first paint", flush=True)
    window.close()
    app.quit()


spy = FirstPaint()
window.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""

DETECT_COLD = (
    "import time; t = time.perf_counter(); from runyard_desktop.core.hardware import profile as hardware; hardware.detect(); "
    "print(time.perf_counter() - t)"
)


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from spawn to the first-paint line, peak RSS in MiB) of one child."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert child.stdout is not None
    painted = None
    for line in child.stdout:
        if painted is None and "first paint" in line:
            painted = time.perf_counter() - started
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or painted is None:
        raise SystemExit(f"{argv[-1][:40]!r} failed (exit {child.returncode}, painted={painted})")
    return painted, usage.ru_maxrss / 1024  # Linux: KiB


def detection_times(env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    cold = [
        float(
            subprocess.run(
                [sys.executable, "-c", DETECT_COLD], capture_output=True, text=True, env=env, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    from runyard_desktop.core.hardware import profile as hardware

    hardware.detect()
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        hardware.detect()
        warm.append(time.perf_counter() - started)
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--xcb", action="store_true", help="real X windows on $DISPLAY instead of offscreen")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="runyard-bench-")
    platform_name = "xcb" if args.xcb else "offscreen"
    env = {**os.environ, "QT_QPA_PLATFORM": platform_name, "RUNYARD_HOME": home}
    import runyard_desktop

    compileall.compile_dir(os.path.dirname(runyard_desktop.__file__), quiet=1)
    script = os.path.join(os.path.dirname(sys.executable), "runyard-desktop")
    app_argv = [script, "--smoke"] if os.path.exists(script) else [sys.executable, "-m", "runyard_desktop", "--smoke"]
    bare_argv = [sys.executable, "-u", "-c", BARE_WINDOW]
    run_once(app_argv, env), run_once(bare_argv, env)  # warm the page cache; not counted
    app_runs, bare_runs = [], []
    for _ in range(args.runs):
        app_runs.append(run_once(app_argv, env))
        bare_runs.append(run_once(bare_argv, env))
    app_t, app_m = (statistics.median(x) for x in zip(*app_runs, strict=True))
    bare_t, bare_m = (statistics.median(x) for x in zip(*bare_runs, strict=True))
    cold, warm = detection_times(env, max(3, args.runs // 2))

    print(
        f"machine: {platform.node()} · {platform.system()} {platform.machine()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}"
    )
    print(f"runs: {args.runs} each, interleaved, {platform_name}; medians")
    print(f"{'':28}{'first paint':>14}{'peak RSS':>12}")
    print(f"{'bare PySide6 QMainWindow':28}{bare_t * 1000:>11.0f} ms{bare_m:>8.0f} MiB")
    print(f"{'runyard-desktop --smoke':28}{app_t * 1000:>11.0f} ms{app_m:>8.0f} MiB")
    time_ratio, memory_ratio = app_t / bare_t, app_m / bare_m
    print(f"{'ratio (target ≤1.3× / ≤1.5×)':28}{time_ratio:>13.2f}×{memory_ratio:>11.2f}×")
    print(
        f"hardware detection: cold (fresh process) median {statistics.median(cold) * 1000:.0f} ms, "
        f"max {max(cold) * 1000:.0f} ms; warm median {statistics.median(warm) * 1000:.0f} ms"
    )
    failures = []
    if time_ratio > TIME_TARGET:
        failures.append(f"first paint {time_ratio:.2f}× > {TIME_TARGET}×")
    if memory_ratio > MEMORY_TARGET:
        failures.append(f"peak RSS {memory_ratio:.2f}× > {MEMORY_TARGET}×")
    if max(cold) >= DETECT_LIMIT_S:
        failures.append(f"detection took {max(cold):.2f} s")
    for failure in failures:
        print(f"MISSED TARGET: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
