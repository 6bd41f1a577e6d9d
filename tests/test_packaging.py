"""Packaging: package data ships in the wheel and loads through core.resources; the icons, version
resource, Info.plist and the Linux install scripts that packaging/ generates are well-formed.

The rule for resources/ (the source art and desktop metadata): it holds the only copy anyone edits.
The package ships only what the app reads, the window icon PNGs that `packaging/icons.py --package`
renders from resources/icons/runyard.svg; the bundles get their icons, menu entry and metainfo from
resources/ at build time (the spec and build.py).

The frozen bundle itself is built and smoke-tested by `.ci/run` (PyInstaller takes ~45 s), and
packaging/build.py checks that every data file and module made it into the bundle.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from runyard_desktop.core.appdata import resources
from tests.support.packaging_scripts import load_packaging

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SOURCE_ART = ("icons/runyard.svg", "runyard-desktop.desktop", "runyard-desktop.metainfo.xml")


@pytest.fixture
def data_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Package data as build.py checks it in the bundle, relative to the package directory."""
    build = load_packaging("build", monkeypatch)
    return [path.relative_to("runyard_desktop") for path in build.package_data_files()]


def test_package_has_data_files(data_files: list[Path]) -> None:
    names = {p.as_posix() for p in data_files}
    assert {"data/icons/runyard-16.png", "data/icons/runyard-256.png", "data/catalogue/qwen3.5.json"} <= names


def _repository_files() -> list[Path]:
    """The checkout's files, relative to ROOT: git's list (tracked, and new files not ignored) where
    this is a git checkout, else every file but build outputs and environments."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
        return [Path(name) for name in listed.split("\0") if name and (ROOT / name).is_file()]
    skipped = {".git", ".venv", "build", "dist", "__pycache__"}
    every = (p.relative_to(ROOT) for p in ROOT.rglob("*") if p.is_file())
    return [p for p in every if not skipped & set(p.parts)]


def test_resources_holds_the_only_copy_of_the_source_art_and_metadata() -> None:
    for rel in SOURCE_ART:
        assert (RESOURCES / rel).is_file(), rel
    masters = {(RESOURCES / rel).read_bytes(): rel for rel in SOURCE_ART}
    suffixes = (".svg", ".desktop", ".metainfo.xml")
    elsewhere = [p for p in _repository_files() if p.parts[0] != "resources"]
    copies = [
        p.as_posix()
        for p in elsewhere
        if p.name.endswith(suffixes)
        or p.name in {Path(rel).name for rel in SOURCE_ART}
        or (ROOT / p).read_bytes() in masters
    ]
    assert not copies, f"a second copy of resources/ files (edit resources/, generate the rest): {copies}"


def test_package_icons_are_exactly_what_icons_py_generates(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing hand-made beside the generated PNGs, and each says it was drawn from today's master SVG."""
    from PySide6.QtGui import QImage

    icons = load_packaging("icons", monkeypatch)
    assert icons.SOURCE_SVG == RESOURCES / "icons" / "runyard.svg"
    names = sorted(p.name for p in icons.PACKAGE_ICON_DIR.iterdir())
    assert names == sorted(icons.package_png_path(size).name for size in icons.PACKAGE_SIZES)
    digest = icons.source_digest()
    drawn_from = {
        size: QImage(str(icons.package_png_path(size))).text(icons.SOURCE_KEY) for size in icons.PACKAGE_SIZES
    }
    stale = [size for size, source in drawn_from.items() if source != digest]
    assert not stale, f"window icons drawn from another runyard.svg: {stale}; run `python packaging/icons.py --package`"


def test_wheel_contains_every_package_data_file(
    tmp_path: Path, data_files: list[Path], qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QImage

    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("runyard_desktop", "resources"):  # resources/ as in a checkout, to show it stays out
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    # --no-build-isolation: offline, with the setuptools the test extra installs.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "out"),
            ".",
        ],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = (tmp_path / "out").glob("runyard_desktop-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    missing = [p.as_posix() for p in data_files if f"runyard_desktop/{p.as_posix()}" not in inside]
    assert not missing, f"package data left out of the wheel (pyproject [tool.setuptools.package-data]): {missing}"
    # The runtime files come from resources/: the icons byte for byte as committed, drawn from the master SVG…
    icons = load_packaging("icons", monkeypatch)
    with zipfile.ZipFile(wheel) as archive:
        for size in icons.PACKAGE_SIZES:
            png = archive.read(f"runyard_desktop/data/icons/runyard-{size}.png")
            assert png == icons.package_png_path(size).read_bytes(), size
            assert QImage.fromData(png).text(icons.SOURCE_KEY) == icons.source_digest(), size
    # …and resources/ itself is not shipped: the app never reads it, and a copy there would be a second one.
    shipped = [n for n in inside if n.endswith((".svg", ".desktop", ".metainfo.xml")) or n.startswith("resources/")]
    assert not shipped, shipped


def test_core_resources_reads_every_package_data_file(data_files: list[Path]) -> None:
    package = ROOT / "runyard_desktop"
    for rel in data_files:
        assert resources.read_bytes(*rel.parts) == (package / rel).read_bytes(), rel
        assert resources.path(*rel.parts).is_file(), rel
    assert resources.read_bytes("data", "icons", "runyard-16.png").startswith(b"\x89PNG")


def test_window_icon_pngs_match_the_svg(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's window icon is PNGs rendered from the SVG (no SVG plugin at start-up); never stale."""
    from PySide6.QtGui import QImage

    icons = load_packaging("icons", monkeypatch)
    renderer = icons.load_svg()
    for size in icons.PACKAGE_SIZES:
        committed = QImage(str(icons.package_png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        fresh = QImage.fromData(icons.render_png(renderer, size)).convertToFormat(QImage.Format.Format_ARGB32)
        assert committed.size() == fresh.size(), size
        a, b = bytes(committed.constBits()), bytes(fresh.constBits())
        # Antialiasing may differ by a step between CPUs' blend routines; a changed drawing differs by far more.
        worst = max(abs(x - y) for x, y in zip(a, b, strict=True))
        assert worst <= 8, f"runyard-{size}.png is stale: run `python packaging/icons.py --package` ({worst=})"
    from runyard_desktop.app import app_icon

    assert sorted(s.width() for s in app_icon().availableSizes()) == list(icons.PACKAGE_SIZES)


def test_resources_read_through_importlib_where_the_package_is_not_a_folder(
    data_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    package = ROOT / "runyard_desktop"
    monkeypatch.setattr(resources, "_on_disk", lambda parts: None)  # as for a zipped package
    for rel in data_files:
        assert resources.read_bytes(*rel.parts) == (package / rel).read_bytes(), rel
        assert resources.path(*rel.parts).read_bytes() == (package / rel).read_bytes(), rel
    assert resources.read_bytes("data", "icons", "runyard-16.png").startswith(b"\x89PNG")


def test_icons_are_generated_for_every_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QImage, QImageReader

    icons = load_packaging("icons", monkeypatch)
    written = icons.generate(tmp_path)
    for key, expected in (("ico", list(icons.ICO_SIZES)), ("icns", [size for _, size in icons.ICNS_TYPES])):
        reader = QImageReader(str(written[key]))
        sizes = []
        for index in range(reader.imageCount()):
            assert reader.jumpToImage(index)
            sizes.append(reader.read().width())
        assert sizes == expected, key
    for size in icons.HICOLOR_SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "runyard-desktop.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "runyard-desktop.svg").is_file()


def test_windows_version_resource_and_macos_plist(monkeypatch: pytest.MonkeyPatch) -> None:
    from runyard_desktop import __version__

    info = load_packaging("bundle_info", monkeypatch)
    assert info.version() == __version__
    assert info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    text = info.windows_version_file("Runyard")
    tree = ast.parse(text)  # PyInstaller evaluates this text as a Python expression
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"VSVersionInfo", "FixedFileInfo", "StringStruct", "VarStruct"} <= calls
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'Runyard.exe')" in text
    plist = info.info_plist()
    assert plist["CFBundleIdentifier"] == "dev.runyard.desktop"
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert info.CLI_NAME.lower() != info.DISPLAY_NAME.lower()  # case-insensitive file systems


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the install scripts are for Linux")
def test_linux_install_and_uninstall_under_a_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    icons = load_packaging("icons", monkeypatch)
    build = load_packaging("build", monkeypatch)
    bundle = tmp_path / "dl" / "Runyard"
    bundle.mkdir(parents=True)
    (bundle / "Runyard").write_text("#!/bin/sh\necho frozen\n")
    (bundle / "Runyard").chmod(0o755)
    icons.generate(tmp_path / "icons")
    build.add_linux_desktop_files(bundle, icons_dir=tmp_path / "icons")

    prefix = tmp_path / "home dir" / ".local"  # a space: the Exec= line must be quoted
    env = {**os.environ, "PREFIX": str(prefix)}
    done = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    app_dir = prefix / "lib" / "runyard-desktop"
    desktop = prefix / "share" / "applications" / "runyard-desktop.desktop"
    assert f'Exec="{app_dir}/Runyard"' in desktop.read_text()
    # The bundle's menu entry and metainfo are resources/' files as they are (install.sh edits only Exec=).
    share = app_dir / "share"
    assert (share / "applications" / "runyard-desktop.desktop").read_bytes() == (RESOURCES / SOURCE_ART[1]).read_bytes()
    metainfo = prefix / "share" / "metainfo" / "dev.runyard.desktop.metainfo.xml"
    assert metainfo.read_bytes() == (RESOURCES / SOURCE_ART[2]).read_bytes()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "runyard-desktop.png").is_file()
    assert (prefix / "share" / "metainfo" / "dev.runyard.desktop.metainfo.xml").is_file()
    launcher = prefix / "bin" / "runyard-desktop"
    assert subprocess.run([str(launcher)], capture_output=True, text=True, timeout=30).stdout == "frozen\n"
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr

    # The installed uninstall.sh finds its prefix from where it lies: no PREFIX needed.
    env_without_prefix = {**os.environ, "HOME": str(tmp_path / "elsewhere")}
    env_without_prefix.pop("PREFIX", None)
    gone = subprocess.run(
        ["sh", str(app_dir / "uninstall.sh")], env=env_without_prefix, capture_output=True, text=True, timeout=60
    )
    assert gone.returncode == 0, gone.stderr
    # mimeinfo.cache is update-desktop-database's index of every menu entry, not ours to delete.
    left = [p for p in prefix.rglob("*") if (p.is_file() or p.is_symlink()) and p.name != "mimeinfo.cache"]
    assert left == [], left


def test_desktop_file_is_valid() -> None:
    if not shutil.which("desktop-file-validate"):
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    desktop = RESOURCES / "runyard-desktop.desktop"
    checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr


def test_frozen_launcher_explains_a_missing_system_library(monkeypatch: pytest.MonkeyPatch) -> None:
    launcher = load_packaging("launcher", monkeypatch)
    reason = launcher._missing_system_library(
        ImportError("libGL.so.1: cannot open shared object file: No such file or directory")
    )
    assert reason is not None
    assert "libGL.so.1 is missing" in reason and "apt-get install libgl1 libegl1" in reason
    assert launcher._missing_system_library(ImportError("No module named 'ollama'")) is None
