"""Every app icon, generated from the one master SVG, resources/icons/runyard.svg (never drawn by hand per size).

    python packaging/icons.py [OUT_DIR]        # default: build/icons
    python packaging/icons.py --package        # the window icon PNGs inside the package (committed)

Writes, under OUT_DIR:
  runyard.ico                                   Windows: PNG-compressed entries 16…256 px
  runyard.icns                                  macOS: PNG entries 16…1024 px (incl. @2x)
  hicolor/NxN/apps/runyard-desktop.png          Linux: freedesktop icon theme sizes
  hicolor/scalable/apps/runyard-desktop.svg     Linux: the source itself

With --package it writes runyard_desktop/data/icons/runyard-N.png instead: the running app's window
icon, the only icon files the package ships (the wheel, an editable install and the PyInstaller
bundle all read them there). PNGs load with Qt's built-in reader, while the SVG needs the QtSvg
library and its icon plugin, ≈6 ms and ≈1 MiB before the first paint (bench/startup.py). They are
build outputs kept in git, because rendering them needs Qt, which an isolated wheel build does not
have. Each carries the SHA-256 of the SVG it was drawn from (a PNG text entry), so
tests/test_packaging.py knows exactly when they are stale, and also compares their pixels with a
fresh rendering.

Rasterised with Qt's QSvgRenderer (already a dependency); the .ico and .icns containers are a few
lines of `struct`, so no Pillow. Both formats have carried plain PNG payloads since Windows Vista
and OS X 10.7.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import sys
from pathlib import Path

import bundle_info  # packaging/ is on sys.path wherever this runs (the spec, the tests, as a script)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE_SVG = ROOT / "resources" / "icons" / "runyard.svg"
ICON_NAME = bundle_info.APP_ID  # the desktop file's Icon= and the app's desktop file name

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PACKAGE_SIZES = (16, 24, 32, 48, 64, 128, 256)
PACKAGE_ICON_DIR = ROOT / "runyard_desktop" / "data" / "icons"
SOURCE_KEY = "Source-SHA256"  # the PNG text entry naming the SVG a package PNG was drawn from
# OSType → pixel size. icp4/icp5/icp6 and ic07…ic10 are 1x, ic11…ic14 the @2x of 16…256 pt.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def load_svg(source: Path = SOURCE_SVG) -> QSvgRenderer:
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise RuntimeError(f"{source} is not a valid SVG")
    return renderer


def source_digest(source: Path = SOURCE_SVG) -> str:
    """The SVG's SHA-256, line endings normalised (a Windows checkout may turn them into CRLF)."""
    return hashlib.sha256(source.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def render_png(renderer: QSvgRenderer, size: int, text: dict[str, str] | None = None) -> bytes:
    """The SVG drawn into a transparent size×size square, as PNG bytes (with `text` as PNG text entries)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    for key, value in (text or {}).items():
        image.setText(key, value)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR with one PNG-compressed entry per size (a width/height byte of 0 means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An 'icns' container: big-endian lengths that include each 8-byte element header."""
    body = b"".join(ostype + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for ostype, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate(out_dir: Path, source: Path = SOURCE_SVG) -> dict[str, Path]:
    """Write every icon under out_dir; returns the main paths ('ico', 'icns', 'hicolor', 'png256')."""
    renderer = load_svg(source)
    wanted = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(renderer, size) for size in sorted(wanted)}

    hicolor = out_dir / "hicolor"
    if hicolor.exists():
        shutil.rmtree(hicolor)
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)

    ico = out_dir / "runyard.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out_dir / "runyard.icns"
    icns.write_bytes(icns_bytes(pngs))
    return {"ico": ico, "icns": icns, "hicolor": hicolor, "png256": hicolor / "256x256" / "apps" / f"{ICON_NAME}.png"}


def package_png_path(size: int) -> Path:
    return PACKAGE_ICON_DIR / f"runyard-{size}.png"


def write_package_pngs(source: Path = SOURCE_SVG) -> list[Path]:
    renderer = load_svg(source)
    text = {SOURCE_KEY: source_digest(source)}
    PACKAGE_ICON_DIR.mkdir(parents=True, exist_ok=True)
    written = [package_png_path(size) for size in PACKAGE_SIZES]
    for size, path in zip(PACKAGE_SIZES, written, strict=True):
        path.write_bytes(render_png(renderer, size, text))
    return written


def main(argv: list[str]) -> int:
    if argv == ["--package"]:
        written = write_package_pngs()
        print(f"icons: {len(written)} window-icon PNGs in {PACKAGE_ICON_DIR}")
        return 0
    out_dir = Path(argv[0]) if argv else ROOT / "build" / "icons"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = generate(out_dir)
    print(f"icons: {written['ico'].name}, {written['icns'].name} and {len(HICOLOR_SIZES)} hicolor sizes in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
