"""Entry script of the frozen app: PyInstaller runs this file as __main__ in Runyard / Runyard.exe.

Identical to `runyard-desktop` (runyard_desktop.cli:main): no argument opens the window, a
sub-command (detect, fit, pull, chat…) runs in the terminal.
"""

import os
import sys


def _give_windowed_app_streams() -> None:
    # A windowed (no-console) build on Windows/macOS starts with sys.stdout/sys.stderr = None;
    # logging's StreamHandler and argparse's --help would then fail. Point them at the null device.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)


def _drop_launch_services_argument() -> None:
    # A double-click start on macOS may pass a process serial number ("-psn_0_12345"), which our
    # argument parser would reject with a usage error instead of opening the window.
    sys.argv[1:] = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]


if __name__ == "__main__":
    _give_windowed_app_streams()
    if sys.platform == "darwin":
        _drop_launch_services_argument()
    from runyard_desktop.cli import main

    sys.exit(main())
