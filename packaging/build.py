"""One command builds the double-click app for the OS it runs on, then checks and measures it.

    python packaging/build.py [--archive] [--clean] [--verbose]

  Linux    dist/Runyard/          Runyard (binary), share/ (menu entry, icons, metainfo), install.sh, uninstall.sh
  Windows  dist/Runyard/          Runyard.exe (no console) and runyard-cli.exe (console, for the sub-commands)
  macOS    dist/Runyard.app

Needs PyInstaller (`pip install -e ".[build]"`). After PyInstaller, the bundle is checked: every
package data file and every runyard_desktop module must be inside, and ollama/httpx/pydantic too
(the app imports them lazily). Size and build time are printed and written to dist/build-info.json.
--archive also packs the bundle for download (tar.gz on Linux, which keeps permissions and links;
zip on Windows; `ditto` zip on macOS) as dist/Runyard-<version>-<os>-<arch>.<ext>.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import bundle_info

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "runyard_desktop"
RESOURCES = ROOT / "resources"  # the source art and desktop metadata (the package ships only what it reads)
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "runyard.spec"
LINUX_EXTRAS = ROOT / "packaging" / "linux"
# Imported lazily (inside functions) by the app, so only a check of the archive proves they are in.
LAZY_IMPORTS = ("ollama", "httpx", "pydantic", "pydantic_core")

IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"


def bundle_path() -> Path:
    return DIST / (f"{bundle_info.DISPLAY_NAME}.app" if IS_MAC else bundle_info.DISPLAY_NAME)


def executable(bundle: Path) -> Path:
    if IS_MAC:
        return bundle / "Contents" / "MacOS" / bundle_info.DISPLAY_NAME
    return bundle / (f"{bundle_info.DISPLAY_NAME}.exe" if IS_WIN else bundle_info.DISPLAY_NAME)


def contents_dir(bundle: Path) -> Path:
    """Where PyInstaller put the data files (PyInstaller ≥6: _internal; in an .app: Resources)."""
    return bundle / "Contents" / "Resources" if IS_MAC else bundle / "_internal"


def run_pyinstaller(clean: bool, verbose: bool) -> float:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath", str(WORK)]
    command += ["--log-level", "INFO" if verbose else "WARN"]  # INFO is ~1,000 lines per build
    if clean:
        command.append("--clean")
    started = time.perf_counter()
    subprocess.run([*command, str(SPEC)], cwd=ROOT, check=True)
    return time.perf_counter() - started


def add_linux_desktop_files(bundle: Path, icons_dir: Path = ROOT / "build" / "icons") -> None:
    """The menu entry, icons and metainfo, laid out as under ~/.local/share, plus install scripts.
    The entry and metainfo are copied from resources/; `icons_dir` is where packaging/icons.py
    rendered the icons from resources/icons/runyard.svg (the spec runs it)."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    shutil.copytree(icons_dir / "hicolor", share / "icons" / "hicolor")
    (share / "applications").mkdir(parents=True)
    shutil.copy2(RESOURCES / f"{bundle_info.APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(
        RESOURCES / f"{bundle_info.APP_ID}.metainfo.xml",
        share / "metainfo" / f"{bundle_info.BUNDLE_IDENTIFIER}.metainfo.xml",
    )
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX_EXTRAS / script, bundle / script)


def package_data_files() -> list[Path]:
    """Every non-Python file in the package, relative to its parent: what the wheel ships too."""
    return sorted(
        path.relative_to(ROOT)
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".py", ".pyc"}
    )


def package_modules() -> list[str]:
    names = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(names)


def archived_modules(exe: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(exe))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def check_bundle(bundle: Path) -> list[str]:
    """What is missing from the bundle, as sentences; empty when complete."""
    problems = []
    exe = executable(bundle)
    if not exe.is_file():
        return [f"no executable at {exe}"]
    contents = contents_dir(bundle)
    problems += [f"package data file missing: {rel}" for rel in package_data_files() if not (contents / rel).is_file()]
    modules = archived_modules(exe)
    problems += [
        f"module missing: {name} (PyInstaller could not import it at build time; try: python -c 'import {name}')"
        for name in (*package_modules(), *LAZY_IMPORTS)
        if name not in modules
    ]
    if IS_WIN:
        needed = [f"{bundle_info.CLI_NAME}.exe"]
    elif not IS_MAC:
        needed = [
            "install.sh",
            "uninstall.sh",
            f"share/applications/{bundle_info.APP_ID}.desktop",
            f"share/icons/hicolor/256x256/apps/{bundle_info.APP_ID}.png",
        ]
    else:
        needed = []
    problems += [f"file missing: {rel}" for rel in needed if not (bundle / rel).exists()]
    return problems


def measure(bundle: Path) -> tuple[int, int]:
    """(bytes, files) of the bundle, links not followed."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def archive_name(system: str = sys.platform, machine: str | None = None) -> str:
    """Runyard-<version>-<os>-<arch>.<ext>: one name per OS and CPU (the two macOS builds differ by arch)."""
    machine = machine or platform.machine()
    os_name = {"win32": "windows", "darwin": "macos"}.get(system, "linux")
    extension = "tar.gz" if os_name == "linux" else "zip"
    return f"{bundle_info.DISPLAY_NAME}-{bundle_info.version()}-{os_name}-{machine.lower()}.{extension}"


def archive(bundle: Path) -> Path:
    target = DIST / archive_name()
    if IS_MAC:
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(bundle), str(target)], check=True)
    elif IS_WIN:
        target = Path(shutil.make_archive(str(target.with_suffix("")), "zip", root_dir=DIST, base_dir=bundle.name))
    else:
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=bundle.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Runyard app for this OS with PyInstaller.")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle for download")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--verbose", action="store_true", help="show PyInstaller's INFO log")
    args = parser.parse_args(argv)

    seconds = run_pyinstaller(args.clean, args.verbose)
    bundle = bundle_path()
    if not IS_MAC and not IS_WIN:
        add_linux_desktop_files(bundle)
    problems = check_bundle(bundle)
    if problems:
        print("build: the bundle is incomplete:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    size, files = measure(bundle)
    info = {
        "bundle": str(bundle.relative_to(ROOT)),
        "executable": str(executable(bundle).relative_to(ROOT)),
        "version": bundle_info.version(),
        "platform": f"{sys.platform}-{platform.machine()}",
        "bytes": size,
        "files": files,
        "build_seconds": round(seconds, 1),
    }
    if args.archive:
        packed = archive(bundle)
        info["archive"] = str(packed.relative_to(ROOT))
        info["archive_bytes"] = packed.stat().st_size
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"build: {info['bundle']}: {size / 1e6:.0f} MB in {files} files, PyInstaller took {seconds:.0f} s")
    if "archive" in info:
        print(f"build: archive {info['archive']}: {info['archive_bytes'] / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
