"""Screenshots of every page, light and dark, from the real window offscreen: docs/screenshots/pages/.

    python scripts/screenshots.py              # page-<page>-<light|dark>.png at scale 1
    python scripts/screenshots.py --scale 2    # page-<page>-<light|dark>@2x.png (HiDPI check)
    python scripts/screenshots.py --theme dark # one theme only
    python scripts/screenshots.py --states     # docs/screenshots/<state>.png: the README's moments
                                               # (scripts/screenshot_states.py lists them)

Each theme is a start of its own with that theme in the settings file (the way a user who chose it
starts the app), in a child process: QT_SCALE_FACTOR must be set before Qt starts.
Everything goes to a temporary RUNYARD_HOME; the stand-in Ollama (tests/support) provides the models, a
seeded conversation (scripts/chat_screenshot.py) fills the Chat page, and a preset machine (an RTX 4060
laptop) stands in for detection, so the pictures do not depend on the computer that takes them. The PNGs
are written with PNG's strongest compression.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ("hardware", "models", "chat", "installed")
SIZE = (1180, 760)
SHOTS = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1, choices=(1, 2))
    parser.add_argument("--theme", choices=("light", "dark"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--states", action="store_true", help="the README's moments instead of the pages")
    parser.add_argument("--state", help=argparse.SUPPRESS)  # one state, in a child process
    args = parser.parse_args()
    if args.state:
        return shoot_state(args.state, args.out or SHOTS)
    if args.states:
        from screenshot_states import STATES  # scripts/ is first on sys.path when run as a script

        for state in STATES:
            subprocess.run([sys.executable, __file__, "--state", state, "--out", str(args.out or SHOTS)], check=True)
        return 0
    out = args.out or SHOTS / "pages"
    if args.theme is None:
        for theme in ("light", "dark"):
            command = [sys.executable, __file__, "--scale", str(args.scale), "--theme", theme, "--out", str(out)]
            subprocess.run(command, check=True)
        return 0
    return shoot(args.theme, args.scale, out)


def start(theme: str, scale: int = 1, state: str = "") -> tuple[Any, Any, Any]:
    """A fresh RUNYARD_HOME with `theme`, the stand-in Ollama, the seeded chat and the window: (app, window, fake)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = str(scale)  # before the QApplication exists

    from chat_screenshot import MODEL, seed
    from PySide6.QtWidgets import QApplication
    from screenshot_states import host_for, lock_history, prepare

    from runyard_desktop.core.hardware.presets import MACHINES
    from tests.support.fake_ollama import FakeOllama

    home = Path(tempfile.mkdtemp(prefix="runyard-shots-"))  # after chat_screenshot, which sets its own
    os.environ["RUNYARD_HOME"] = str(home)
    (home / "config").mkdir(mode=0o700)
    (home / "config" / "settings.json").write_text(json.dumps({"schema_version": 1, "theme": theme}))
    prepare(state, home)

    fake = FakeOllama(0)
    for tag, size in ((MODEL, 6_600_000_000), ("qwen3.5:4b", 3_400_000_000)):
        if not (state == "downloads-mid" and tag == "qwen3.5:4b"):
            details = {"parameter_size": tag.rsplit(":", 1)[1].upper()}  # "9B", as Ollama lists it
            fake.add_installed(tag, size=size, capabilities=("completion", "vision", "tools", "thinking"), **details)
    fake.add_remote("qwen3.5:4b", layers=(3_400_000_000, 1429, 7711, 96, 561))  # the real model's size
    fake.bytes_per_tick = 30_000_000  # a download that lasts a few seconds
    fake.token_delay_s = 0.02  # replies that take a moment
    fake.script_reply(MODEL, tuple(f"word{i} " for i in range(60)))
    fake.start()
    seed()
    if state == "history-locked":
        _HELD.append(lock_history())
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Runyard")
    from runyard_desktop.app import app_icon, create_main_window

    app.setWindowIcon(app_icon())
    window = create_main_window(host=host_for(state, fake.url))
    window.services.core.hardware.detect = lambda: MACHINES["RTX 4060 8 GB + 16 GB RAM"]
    window.resize(*SIZE)
    window.show()
    hardware, ollama = window.services.core.hardware, window.services.pages.ollama
    ready = lambda: hardware.profile is not None and not hardware.is_detecting  # noqa: E731
    _wait(app, lambda: ready() and (state == "first-run-not-installed" or bool(ollama.installed_models)))
    return app, window, fake


_HELD: list[Any] = []  # the history lock of the "history-locked" state, held until the process ends


def shoot(theme: str, scale: int, out: Path) -> int:
    app, window, fake = start(theme, scale)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if scale == 1 else f"@{scale}x"
    for page in PAGES:
        window.show_page(page)
        _wait(app, lambda: False, seconds=1.0)  # layouts, the listing's repaint, the chat's render tick
        _save(window, out / f"page-{page}-{theme}{suffix}.png")
    window.close()
    fake.stop()
    return 0


def shoot_state(state: str, out: Path) -> int:
    from screenshot_states import drive

    app, window, fake = start("light", state=state)
    target = drive(state, window, lambda done, seconds=15.0: _wait(app, done, seconds))
    _wait(app, lambda: False, seconds=0.5)  # the last repaint
    out.mkdir(parents=True, exist_ok=True)
    _save(target, out / f"{state}.png")
    window.close()
    fake.stop()
    return 0


MAX_BYTES = 250_000  # a README picture that loads quickly


def _save(widget: Any, path: Path) -> None:
    """The widget as a PNG at PNG's strongest compression; over MAX_BYTES (the @2x pages), as a
    256-colour PNG whose palette is the picture's own 256 commonest colours (a UI has a few thousand,
    mostly antialiasing shades), without dithering: text stays sharp at about 40 % of the size."""
    import array
    import collections

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    if not image.save(str(path), "PNG", 0):  # 0: the strongest compression
        raise OSError(f"could not write {path}")
    if path.stat().st_size > MAX_BYTES:
        pixels = array.array("I")
        pixels.frombytes(bytes(image.constBits()))
        table = [colour | 0xFF000000 for colour, _ in collections.Counter(pixels).most_common(256)]
        flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
        if not image.convertToFormat(QImage.Format.Format_Indexed8, table, flags).save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _wait(app: object, done: object, seconds: float = 10.0) -> None:
    """Run the event loop until `done()` or `seconds` passed (a script, not a test: a plain deadline)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
