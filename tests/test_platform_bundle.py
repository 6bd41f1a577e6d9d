"""Windows and macOS bundle details checked on Linux: the version resource's name, the macOS minimum
taken from the Qt wheels' platform tags, and the console entry point that pip installs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.packaging_scripts import load_packaging

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"

QT_WHEEL = "Wheel-Version: 1.0\nGenerator: setuptools\nRoot-Is-Purelib: false\nTag: cp310-abi3-macosx_13_0_universal2\n"
SHIBOKEN_WHEEL = "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp310-abi3-macosx_12_0_universal2\n"
TWO_ARCH_WHEEL = "Tag: cp310-abi3-macosx_11_0_arm64\nTag: cp310-abi3-macosx_14_2_x86_64\n"


@pytest.fixture
def bundle_info(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return load_packaging("bundle_info", monkeypatch)


def test_windows_file_description_is_the_app_name(bundle_info: ModuleType) -> None:
    """Task Manager shows FileDescription as the program's name."""
    assert "StringStruct('FileDescription', 'Runyard')" in bundle_info.windows_version_file("Runyard")
    cli = bundle_info.windows_version_file(bundle_info.CLI_NAME)
    assert "StringStruct('FileDescription', 'Runyard command line')" in cli


def test_macos_minimum_is_the_newest_tag_of_the_qt_wheels(bundle_info: ModuleType) -> None:
    assert bundle_info.macos_minimum([QT_WHEEL, SHIBOKEN_WHEEL]) == "13.0"
    assert bundle_info.macos_minimum([SHIBOKEN_WHEEL]) == "12.0"
    assert bundle_info.macos_minimum([TWO_ARCH_WHEEL, SHIBOKEN_WHEEL]) == "14.2"
    with pytest.raises(ValueError, match="macosx"):
        bundle_info.macos_minimum(["Tag: cp310-abi3-manylinux_2_34_x86_64\n"])


def test_macos_minimum_is_read_from_the_installed_wheels(bundle_info: ModuleType, tmp_path: Path) -> None:
    """At build time the tag comes from the installed dists' WHEEL files, not from a guess."""
    for name, wheel in (("Fake_Qt", QT_WHEEL), ("fake_shiboken", SHIBOKEN_WHEEL)):
        info = tmp_path / f"{name}-6.11.3.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 6.11.3\n", encoding="utf-8")
        (info / "WHEEL").write_text(wheel, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        assert bundle_info.installed_macos_minimum(("Fake_Qt", "fake_shiboken")) == "13.0"
    finally:
        sys.path.remove(str(tmp_path))
    plist = bundle_info.info_plist("13.0")
    assert plist["LSMinimumSystemVersion"] == "13.0" and plist["CFBundleIdentifier"] == "dev.runyard.desktop"
    assert "LSMinimumSystemVersion" not in bundle_info.info_plist()


def test_the_spec_sets_the_minimum_from_the_installed_wheels() -> None:
    spec = (PACKAGING / "runyard.spec").read_text(encoding="utf-8")
    assert "info_plist=bundle_info.info_plist(bundle_info.installed_macos_minimum())" in spec


def test_the_command_named_everywhere_is_a_console_script() -> None:
    """pip makes a gui-script a pythonw launcher on Windows: `runyard-desktop detect` would print nothing."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["runyard-desktop"] == "runyard_desktop.cli:main"
    assert "runyard-desktop" not in project.get("gui-scripts", {})
    assert project["gui-scripts"]["runyard-desktop-app"] == "runyard_desktop.cli:main"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "runyard-desktop-app" in readme and "runyard-desktop detect" in readme


def test_each_os_and_cpu_gets_its_own_archive_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Intel and Apple Silicon builds upload side by side: their names must differ and keep the version."""
    build = load_packaging("build", monkeypatch)
    from runyard_desktop import __version__

    arm, intel = build.archive_name("darwin", "arm64"), build.archive_name("darwin", "x86_64")
    assert arm == f"Runyard-{__version__}-macos-arm64.zip" and intel == f"Runyard-{__version__}-macos-x86_64.zip"
    assert build.archive_name("win32", "AMD64") == f"Runyard-{__version__}-windows-amd64.zip"
    assert build.archive_name("linux", "x86_64") == f"Runyard-{__version__}-linux-x86_64.tar.gz"
