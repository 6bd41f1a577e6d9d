"""Unpack an Ollama archive (.tar.zst, .tgz, .zip) into a folder, refusing anything that would land outside it.

Refused: absolute names (`/x`, `C:\\x`), `..` anywhere in a name, links whose target resolves outside
the folder, hard links to names not already extracted, and devices or FIFOs. The caller extracts
into an empty staging folder and renames it into place only when everything succeeded, so a refusal
or a damaged archive leaves nothing half-installed. `.tar.zst` is read with Python 3.14's
`compression.zstd`, else the `zstandard` package; no external program, no shell.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import shutil
import stat
import sys
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, BinaryIO

from runyard_desktop.core.ollama_install.errors import MANUAL_URL, InstallError

MAX_EXTRACTED_BYTES = 32 * 2**30  # the CUDA and ROCm builds are a few GiB; far more is not an Ollama release
# Extracted size per archive byte, for the disk check before the download (the exact size is unknown
# until the archive is read): zstd -19 shrinks Ollama's libraries about 3×, gzip and zip a little less.
EXPANSION = {".tar.zst": 4.0, ".tgz": 3.0, ".zip": 3.0}


def kind_of(name: str) -> str:
    for suffix in EXPANSION:
        if name.endswith(suffix):
            return suffix
    raise InstallError(f"Runyard cannot unpack {name}.", f"Install Ollama from {MANUAL_URL}.")


def estimated_extracted_bytes(name: str, archive_bytes: int) -> int:
    return int(archive_bytes * EXPANSION[kind_of(name)])


def safe_relative(name: str) -> str:
    """`name` as a relative POSIX path inside the target, or InstallError when it could escape."""
    clean = name.replace("\\", "/")
    drive, _ = ntpath.splitdrive(name)
    parts = [p for p in clean.split("/") if p not in ("", ".")]
    if clean.startswith("/") or drive or ".." in parts:
        raise _unsafe(name, "points outside the folder it is unpacked into")
    return "/".join(parts)


def _unsafe(name: str, why: str) -> InstallError:
    return InstallError(
        f"The Ollama archive was refused: an entry ({name!r}) {why}. Nothing was installed.",
        f"Try again later, or install Ollama from {MANUAL_URL}.",
    )


def _damaged(asset: str, exc: BaseException) -> InstallError:
    return InstallError(
        f"The Ollama archive {asset} could not be unpacked ({exc}). Nothing was installed.",
        f"Try again; if it happens again, install Ollama from {MANUAL_URL}.",
    )


class _Budget:
    """Counts extracted bytes against MAX_EXTRACTED_BYTES."""

    def __init__(self) -> None:
        self.used = 0

    def add(self, count: int, name: str) -> None:
        self.used += count
        if self.used > MAX_EXTRACTED_BYTES:
            raise _unsafe(name, f"makes the archive larger than {MAX_EXTRACTED_BYTES // 2**30} GiB unpacked")


def extract(archive: Path, asset: str, target: Path) -> int:
    """Unpack `archive` (named `asset`) into the existing folder `target`; returns the bytes written."""
    kind = kind_of(asset)
    budget = _Budget()
    try:
        if kind == ".zip":
            _extract_zip(archive, target, budget)
        else:
            with open(archive, "rb") as raw:
                if kind == ".tgz":
                    _extract_tar(tarfile.open(fileobj=raw, mode="r|gz"), target, budget)
                else:
                    with _zstd_reader(raw) as plain:
                        _extract_tar(tarfile.open(fileobj=plain, mode="r|"), target, budget)
    except InstallError:
        raise
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise _damaged(asset, exc) from exc
    except Exception as exc:  # zstd's own error types (zstandard.ZstdError, compression.zstd.ZstdError)
        if type(exc).__name__ == "ZstdError":
            raise _damaged(asset, exc) from exc
        raise
    return budget.used


def _zstd_reader(raw: BinaryIO) -> IO[bytes]:
    if sys.version_info >= (3, 14):
        from compression import zstd  # type: ignore[import-not-found,unused-ignore]

        return zstd.ZstdFile(raw)  # type: ignore[no-any-return,unused-ignore]
    import zstandard

    return zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)


def _inside(target: Path, relative: str) -> Path:
    path = target.joinpath(*relative.split("/"))
    root = os.path.realpath(target)
    real = os.path.realpath(path)
    if os.path.commonpath([root, real]) != root:
        raise _unsafe(relative, "points outside the folder it is unpacked into")
    return path


def _check_link(target: Path, relative: str, link_target: str) -> None:
    if link_target.startswith("/") or ntpath.splitdrive(link_target)[0]:
        raise _unsafe(relative, "is a link to an absolute path")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(relative), link_target.replace("\\", "/")))
    if joined == ".." or joined.startswith("../"):
        raise _unsafe(relative, "is a link that points outside the folder it is unpacked into")


def _extract_tar(tar: tarfile.TarFile, target: Path, budget: _Budget) -> None:
    with tar:
        for member in tar:
            relative = safe_relative(member.name)
            if not relative:
                continue
            path = _inside(target, relative)
            if member.isdir():
                path.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                source = tar.extractfile(member)
                assert source is not None  # a regular member always has a body
                budget.add(member.size, relative)
                _write(path, source, member.mode)
            elif member.issym():
                _check_link(target, relative, member.linkname)
                _symlink(path, member.linkname)
            elif member.islnk():
                source_path = _inside(target, safe_relative(member.linkname))
                if not source_path.is_file():
                    raise _unsafe(relative, "is a hard link to something not in the archive")
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source_path, path)
            else:
                raise _unsafe(relative, "is a device or pipe, which an Ollama release never contains")


def _extract_zip(archive: Path, target: Path, budget: _Budget) -> None:
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            relative = safe_relative(info.filename)
            if not relative:
                continue
            path = _inside(target, relative)
            mode = info.external_attr >> 16
            if info.is_dir():
                path.mkdir(parents=True, exist_ok=True)
            elif stat.S_ISLNK(mode):
                link_target = zf.read(info).decode("utf-8", "replace")
                _check_link(target, relative, link_target)
                _symlink(path, link_target)
            else:
                budget.add(info.file_size, relative)
                with zf.open(info) as source:
                    _write(path, source, mode or 0o644)


def _write(path: Path, source: IO[bytes], mode: int, copy: Callable[..., object] = shutil.copyfileobj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        raise _unsafe(str(path.name), "would write through a link")
    with open(path, "wb") as out:
        copy(source, out, 1 << 20)
    os.chmod(path, 0o755 if mode & 0o111 else 0o644)


def _symlink(path: Path, link_target: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # Windows releases hold no links; copying would need the target first
        raise _unsafe(str(path.name), "is a link, which Runyard does not create on Windows")
    os.symlink(link_target, path)
