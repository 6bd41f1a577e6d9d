"""Drive the real window into the states shown in docs/screenshots/downloads-*.png, for screenshots.

    python -m tests.support.fake_ollama --port 11500 --speed 40 &
    python docs/screenshots/shoot_downloads.py --host http://127.0.0.1:11500 download qwen3.5:9b

then capture the window with any screenshot tool (downloads-mid.png was taken about 9 s in).

Actions: `download TAG` (select the row, press Download), `measure TAG` (the measured check on an
installed model), `idle` (just open the window). `--page` picks the page shown (models, installed…).
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from runyard_desktop.app import app_icon, create_main_window


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host")
    parser.add_argument("--page", default="models")
    parser.add_argument("action", choices=("download", "measure", "idle"))
    parser.add_argument("tag", nargs="?")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Runyard")
    app.setWindowIcon(app_icon())
    window = create_main_window(args.host)
    window.resize(1280, 800)
    window.show()
    window.show_page(args.page)

    def act() -> None:
        if args.action == "download":
            view = window.page("models")
            view.select_tag(args.tag)
            window.downloads.request_download(args.tag)
        elif args.action == "measure":
            window.downloads.request_measure(args.tag)
            window.downloads.installed.select_installed(args.tag)

    QTimer.singleShot(2500, act)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
