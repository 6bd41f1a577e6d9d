"""The environment of every program Runyard starts: the user's own, without what the frozen bundle added.

A PyInstaller bundle changes its own environment before our code runs, and every child inherits it:
- the bootloader, on Linux, saves `LD_LIBRARY_PATH` in `LD_LIBRARY_PATH_ORIG` (only when it was set) and
  puts the bundle's folder first (AIX: `LIBPATH`/`LIBPATH_ORIG`); on Windows it sets the process's DLL
  directory to the bundle (`SetDllDirectoryW`), which CreateProcess hands on to children
  (https://pyinstaller.org/en/stable/runtime-information.html, "LD_LIBRARY_PATH / LIBPATH considerations",
  and https://pyinstaller.org/en/stable/advanced-topics.html, "The Bootstrap Process in Detail");
- the PySide6 runtime hook sets `QT_PLUGIN_PATH` and `QML2_IMPORT_PATH` to the bundle's Qt, and on
  Windows puts the bundle's folder first on `PATH` (PyInstaller/hooks/rthooks/pyi_rth_pyside6.py);
- the bootloader's own `_PYI_*` variables (and `_MEIPASS2` before PyInstaller 6) would make another frozen
  program (a second Runyard) take our folder for its own.
Ollama, its model runners, `systemctl`, a browser would then load the bundle's `libstdc++`, `libssl`,
`msvcp140.dll` or Qt plugins instead of their own. `child_environment` undoes all of it: the `*_ORIG`
values come back, every path-list entry inside the bundle goes (a variable left empty goes too), and the
bootloader's private variables go. Outside a bundle it is a plain copy of the environment.
`dll_directory_reset` clears the Windows DLL directory around a launch and puts it back afterwards.
`run_program` runs a short-lived program (a version check, a probe) with both, and no console window on Windows.
`environment_for_children` does both to the process itself, for the launchers that take no environment
(Qt's `QDesktopServices.openUrl`: xdg-open, ShellExecute, `open`).
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from typing import Any

# The bootloader's saved originals: the variable it changed -> where it kept the value it found.
SAVED_ORIGINALS = {"LD_LIBRARY_PATH": "LD_LIBRARY_PATH_ORIG", "LIBPATH": "LIBPATH_ORIG"}
_BOOTLOADER_PRIVATE = ("_PYI_", "_MEIPASS2")
CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW (Windows only): a console without a window


def bundle_folder(frozen: object = None, meipass: str | None = None) -> str | None:
    """The bundle's private folder (`sys._MEIPASS`: `_internal` of a one-folder app), or None unfrozen."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    meipass = getattr(sys, "_MEIPASS", None) if meipass is None else meipass
    return meipass if frozen and meipass else None


def _bundle_roots(folder: str, path: Callable[[str], str], windows: bool) -> tuple[str, ...]:
    """`folder`, and for a macOS .app its whole `Contents` (Frameworks and Resources both hold our files)."""
    norm = path(folder)
    parent = posixpath.dirname(norm.rstrip("/")) if not windows else ""
    if parent.endswith(".app/Contents"):
        return (norm, parent)
    return (norm,)


def child_environment(
    base: Mapping[str, str] | None = None,
    *,
    bundle: str | None = None,
    platform: str | None = None,
    **overrides: str,
) -> dict[str, str]:
    """`base` (default: os.environ) as a child should see it, plus `overrides` (e.g. OLLAMA_HOST).

    `bundle`: the frozen bundle's folder (default: `bundle_folder()`); None outside a bundle, where
    `base` is copied unchanged.
    """
    env = dict(os.environ if base is None else base)
    folder = bundle_folder() if bundle is None else bundle
    if folder:
        windows = (platform or sys.platform).startswith("win")
        _clean(env, folder, windows)
    env.update(overrides)
    return env


def _clean(env: dict[str, str], folder: str, windows: bool) -> None:
    def norm(path: str) -> str:
        return ntpath.normcase(ntpath.normpath(path)) if windows else posixpath.normpath(path)

    roots = _bundle_roots(folder, norm, windows)
    separator = ";" if windows else ":"

    def inside(entry: str) -> bool:
        entry = entry.strip().strip('"')
        if not entry:
            return False
        path = norm(entry)
        return any(path == root or path.startswith(root.rstrip("\\/") + ("\\" if windows else "/")) for root in roots)

    for name in [n for n in env if n.upper().startswith(_BOOTLOADER_PRIVATE)]:
        del env[name]
    for changed, saved in SAVED_ORIGINALS.items():
        original = env.pop(saved, None)
        if original is not None:
            env[changed] = original
    for name, value in list(env.items()):
        entries = value.split(separator)
        kept = [entry for entry in entries if not inside(entry)]
        if len(kept) == len(entries):
            continue
        if any(entry.strip() for entry in kept):
            env[name] = separator.join(kept)
        else:
            del env[name]


@contextmanager
def dll_directory_reset(
    platform: str | None = None,
    bundle: str | None = None,
    set_dll_directory: Callable[[str | None], object] | None = None,
) -> Iterator[None]:
    """Windows, frozen: the DLL directory cleared while a child starts (it inherits it), then ours again.

    Our own later imports may still need the bundle's DLLs, so it is put back once the child exists.
    Elsewhere, or unfrozen, nothing is done.
    """
    folder = bundle_folder() if bundle is None else bundle
    if not (platform or sys.platform).startswith("win") or not folder:
        yield
        return
    setter = set_dll_directory or _kernel32_set_dll_directory
    setter(None)
    try:
        yield
    finally:
        setter(folder)


def run_program(argv: Sequence[str], *, timeout: float, text: bool = False) -> subprocess.CompletedProcess[Any]:
    """Run `argv` (no shell) to its end and capture its output, as `subprocess.run` would, with the child
    environment, the Windows DLL directory cleared while it starts (not while it runs), and no console window.
    Raises OSError when it cannot start, and TimeoutExpired (the child killed and reaped) past `timeout`."""
    flags = CREATE_NO_WINDOW if sys.platform == "win32" else 0
    with dll_directory_reset():
        child = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_environment(),
            text=text,
            creationflags=flags,
        )
    with child:
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def _kernel32_set_dll_directory(path: str | None) -> object:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return False
    import ctypes

    return ctypes.windll.kernel32.SetDllDirectoryW(path)


@contextmanager
def environment_for_children(
    environ: MutableMapping[str, str] | None = None, *, bundle: str | None = None, platform: str | None = None
) -> Iterator[None]:
    """Frozen: `environ` (os.environ) made `child_environment()` for one launch that inherits it, then put back.

    For launchers we cannot hand an environment to. Only for a short, synchronous call on the GUI thread
    (a browser or file manager opening): the values it changes are the bundle's own, which nothing else
    reads meanwhile (the dynamic loader read LD_LIBRARY_PATH when the app started). Unfrozen: nothing.
    """
    folder = bundle_folder() if bundle is None else bundle
    if not folder:
        yield
        return
    environ = os.environ if environ is None else environ
    saved = dict(environ)
    _replace(environ, child_environment(saved, bundle=folder, platform=platform))
    try:
        with dll_directory_reset(platform, folder):
            yield
    finally:
        _replace(environ, saved)


def _replace(environ: MutableMapping[str, str], wanted: Mapping[str, str]) -> None:
    for name in [n for n in environ if n not in wanted]:
        del environ[name]
    for name, value in wanted.items():
        if environ.get(name) != value:
            environ[name] = value
