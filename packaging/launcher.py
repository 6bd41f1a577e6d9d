"""Entry script of the frozen app: PyInstaller runs this file as __main__ in Runyard / Runyard.exe.

Identical to `runyard-desktop` (runyard_desktop.cli:main): no argument opens the window, a
sub-command (detect, fit, pull, chat…) runs in the terminal. A windowed (no-console) build on
Windows/macOS starts with sys.stdout/stderr/stdin = None: `cli.main` gives those the null device and
makes the others UTF-8 (runyard_desktop/commands/console.py), for the frozen app and pip's scripts alike.
"""

import re
import sys

# What a bare Linux lacks (the bundle carries everything else); README "Build the app" says the same.
_LINUX_PACKAGES = (
    "On Debian/Ubuntu: sudo apt-get install libgl1 libegl1 fontconfig fonts-dejavu-core\n"
    "On Fedora: sudo dnf install mesa-libGL mesa-libEGL fontconfig dejavu-sans-fonts"
)


def _drop_launch_services_argument() -> None:
    # A double-click start on macOS may pass a process serial number ("-psn_0_12345"), which our
    # argument parser would reject with a usage error instead of opening the window.
    sys.argv[1:] = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]


def _missing_system_library(exc: ImportError) -> str | None:
    """The plain-words reason when Qt cannot load a system library (libGL on a bare Linux), else None."""
    match = re.search(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file", str(exc))
    if not match:
        return None
    return (
        f"Runyard cannot open its window: the system library {match.group(1)} is missing.\n"
        f"{_LINUX_PACKAGES}\n"
        "The terminal commands (detect, fit, pull, chat) work without it."
    )


def _run() -> int:
    from runyard_desktop.cli import main

    try:
        return main()
    except ImportError as exc:  # raised by the Qt import when the window is about to open
        reason = _missing_system_library(exc)
        if reason is None:
            raise
        print(reason, file=sys.stderr)
        return 2


if __name__ == "__main__":
    if sys.platform == "darwin":
        _drop_launch_services_argument()
    sys.exit(_run())
