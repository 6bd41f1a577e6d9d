"""Screenshots of every page, light and dark, from the real window offscreen: docs/screenshots/pages/.

    python scripts/screenshots.py              # page-<page>-<light|dark>.png at scale 1
    python scripts/screenshots.py --scale 2 --theme light   # page-<page>-light@2x.png (HiDPI check)
    python scripts/screenshots.py --theme dark # one theme only

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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ("hardware", "models", "chat", "installed")
SIZE = (1180, 760)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1, choices=(1, 2))
    parser.add_argument("--theme", choices=("light", "dark"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "pages")
    args = parser.parse_args()
    if args.theme is None:
        for theme in ("light", "dark"):
            command = [sys.executable, __file__, "--scale", str(args.scale), "--theme", theme, "--out", str(args.out)]
            subprocess.run(command, check=True)
        return 0
    return shoot(args.theme, args.scale, args.out)


def shoot(theme: str, scale: int, out: Path) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = str(scale)  # before the QApplication exists

    from chat_screenshot import MODEL, seed  # scripts/ is first on sys.path when run as a script
    from PySide6.QtWidgets import QApplication

    from runyard_desktop.core.hardware.presets import MACHINES
    from tests.support.fake_ollama import FakeOllama

    home = Path(tempfile.mkdtemp(prefix="runyard-shots-"))  # after chat_screenshot, which sets its own
    os.environ["RUNYARD_HOME"] = str(home)
    (home / "config").mkdir(mode=0o700)
    (home / "config" / "settings.json").write_text(json.dumps({"schema_version": 1, "theme": theme}))

    fake = FakeOllama(0)
    for tag, size in ((MODEL, 6_600_000_000), ("qwen3.5:4b", 3_400_000_000)):
        fake.add_installed(tag, size=size, capabilities=("completion", "vision", "tools", "thinking"))
    fake.start()
    seed()
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Runyard")
    from runyard_desktop.app import app_icon, create_main_window

    app.setWindowIcon(app_icon())
    window = create_main_window(host=fake.url)
    window.services.core.hardware.detect = lambda: MACHINES["RTX 4060 8 GB + 16 GB RAM"]
    window.resize(*SIZE)
    window.show()
    hardware, ollama = window.services.core.hardware, window.services.pages.ollama
    _wait(app, lambda: hardware.profile is not None and not hardware.is_detecting and bool(ollama.installed_models))
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if scale == 1 else f"@{scale}x"
    for page in PAGES:
        window.show_page(page)
        _wait(app, lambda: False, seconds=1.0)  # layouts, the listing's repaint, the chat's render tick
        path = out / f"page-{page}-{theme}{suffix}.png"
        if not window.grab().save(str(path), "PNG", 0):  # 0: the strongest compression
            raise OSError(f"could not write {path}")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    window.close()
    fake.stop()
    return 0


def _wait(app: object, done: object, seconds: float = 10.0) -> None:
    """Run the event loop until `done()` or `seconds` passed (a script, not a test: a plain deadline)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
