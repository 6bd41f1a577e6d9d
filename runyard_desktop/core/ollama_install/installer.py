"""Install (or update) the managed Ollama: checksums, disk check, download, verify, extract, version, rename.

Order matters for trust: the checksum list first, every archive verified before any is extracted,
extraction into a fresh staging folder, the extracted `ollama --version` run only after all of that,
and the staging folder renamed over the managed folder only when everything succeeded. Any failure
or a cancel removes the staging folder; only the partial download stays, so Resume fetches the rest.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runyard_desktop.core.child_env import run_program
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama_install import extract, fetch, verify
from runyard_desktop.core.ollama_install.errors import MANUAL_URL, InstallError
from runyard_desktop.core.ollama_install.managed import ManagedOllama, executable_in, write_record
from runyard_desktop.core.ollama_install.release import Release

if TYPE_CHECKING:
    import httpx

VERSION_TIMEOUT_S = 30.0
_VERSION_TEXT = re.compile(r"(\d+\.\d+\.\d+)")


@dataclass(frozen=True)
class InstallStep:
    """What the install is doing: `phase` is "checksums" | "download" | "verify" | "extract" | "check"."""

    phase: str
    text: str
    progress: fetch.FetchProgress | None = None


@dataclass(frozen=True)
class Installed:
    version: str
    executable: Path


OnStep = Callable[[InstallStep], None]
FreeBytes = Callable[[Path], int]


def free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free


async def install(
    managed: ManagedOllama,
    release: Release,
    on_step: OnStep,
    *,
    free: FreeBytes = free_bytes,
    new_client: Callable[[], httpx.AsyncClient] | None = None,
) -> Installed:
    """Download, check and put the release in place; raises InstallError (plain words) on any failure."""
    managed.data.mkdir(parents=True, exist_ok=True)
    client = (new_client or fetch.new_client)()
    async with client:
        on_step(InstallStep("checksums", "Getting the release's checksums…"))
        sums = verify.parse_checksums(await fetch.fetch_text(client, release.checksums_url, verify.MAX_CHECKSUMS_BYTES))
        archives = []
        for asset in release.assets:
            digest = verify.expected_digest(sums, asset)
            archives.append(await _download(client, managed, release, asset, on_step, free))
            on_step(InstallStep("verify", f"Checking {asset}…"))
            await asyncio.get_running_loop().run_in_executor(None, verify.verify_download, archives[-1], asset, digest)
    return await _put_in_place(managed, release, list(zip(release.assets, archives, strict=True)), on_step)


async def _download(
    client: httpx.AsyncClient, managed: ManagedOllama, release: Release, asset: str, on_step: OnStep, free: FreeBytes
) -> Path:
    dest = managed.downloads / asset

    def check_space(remaining: int, total: int) -> None:
        needed = remaining + extract.estimated_extracted_bytes(asset, total)
        have = free(managed.data)
        if have < needed:
            raise InstallError(
                f"Installing Ollama needs about {human_bytes(needed)} free in {managed.data}; only {human_bytes(have)} is free.",
                "Free some space on that disk, then try again.",
            )

    def progress(state: fetch.FetchProgress) -> None:
        on_step(InstallStep("download", f"Downloading {asset}…", state))

    if dest.exists():  # downloaded whole before (a failed extraction or a cancel after the download)
        return dest
    return await fetch.fetch_file(client, release.url(asset), dest, asset, progress, check_space)


async def _put_in_place(
    managed: ManagedOllama, release: Release, archives: list[tuple[str, Path]], on_step: OnStep
) -> Installed:
    loop = asyncio.get_running_loop()
    staging = Path(tempfile.mkdtemp(prefix="ollama-staging-", dir=managed.data))
    try:
        for asset, archive in archives:
            on_step(InstallStep("extract", f"Unpacking {asset}…"))
            await loop.run_in_executor(None, extract.extract, archive, asset, staging)
        program = executable_in(staging, managed.platform)
        if not program.is_file():
            raise InstallError(
                f"The Ollama archive has no {program.relative_to(staging)}. Nothing was installed.",
                f"Install Ollama from {MANUAL_URL}.",
            )
        on_step(InstallStep("check", "Checking that the new Ollama runs…"))
        version = await loop.run_in_executor(None, program_version, program)
        write_record(staging, version, release.assets)
        await loop.run_in_executor(None, _swap_in, staging, managed.root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for _, archive in archives:
        archive.unlink(missing_ok=True)
    return Installed(version, managed.executable)


def program_version(program: Path) -> str:
    """Run `ollama --version` (no shell) and read the version it prints."""
    try:
        result = run_program([str(program), "--version"], timeout=VERSION_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InstallError(
            f"The downloaded Ollama does not run on this computer ({exc}). Nothing was installed.",
            f"Install Ollama from {MANUAL_URL}.",
        ) from exc
    found = _VERSION_TEXT.findall(result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace"))
    if result.returncode != 0 or not found:
        raise InstallError(
            "The downloaded Ollama did not say its version. Nothing was installed.",
            f"Install Ollama from {MANUAL_URL}.",
        )
    return str(found[-1])


def _swap_in(staging: Path, root: Path) -> None:
    """Rename the staging folder to `root`, the old install kept aside until the new one is in place."""
    old = root.with_name("ollama-old")
    shutil.rmtree(old, ignore_errors=True)
    had_old = root.exists()
    if had_old:
        root.rename(old)
    try:
        staging.rename(root)
    except OSError:
        if had_old:
            old.rename(root)
        raise
    shutil.rmtree(old, ignore_errors=True)
