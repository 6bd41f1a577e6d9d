"""The archive's SHA-256 against the release's sha256sum.txt, before anything is extracted.

The release workflow writes that file with `sha256sum` over `find . -type f`, so each line reads
`HEX  ./ASSET` (https://github.com/ollama/ollama/blob/main/.github/workflows/release.yaml).
A mismatch deletes the download: it is never extracted, never run, and never resumed from.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from runyard_desktop.core.ollama_install.errors import MANUAL_URL, InstallError

MAX_CHECKSUMS_BYTES = 256 * 1024  # a release lists a few dozen files
_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *]?(?:\./)?(\S+)\s*$")


def parse_checksums(text: str) -> dict[str, str]:
    """{asset name: lower-case hex digest} from sha256sum output; lines that are not digests are skipped."""
    sums: dict[str, str] = {}
    for line in text.splitlines():
        match = _LINE.match(line.strip())
        if match:
            sums[match.group(2)] = match.group(1).lower()
    return sums


def expected_digest(checksums: dict[str, str], asset: str) -> str:
    digest = checksums.get(asset)
    if digest is None:
        raise InstallError(
            f"The release's checksum list does not name {asset}, so it cannot be checked.",
            f"Nothing was installed. Try again later, or install Ollama from {MANUAL_URL}.",
        )
    return digest


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def verify_download(path: Path, asset: str, expected: str) -> None:
    """Raise (after deleting `path`) unless its SHA-256 is `expected`."""
    actual = file_sha256(path)
    if actual == expected.lower():
        return
    path.unlink(missing_ok=True)
    raise InstallError(
        f"The downloaded {asset} does not match the release's checksum, so it was deleted and nothing was installed.",
        f"Try again (the download starts over). If it happens again, install Ollama from {MANUAL_URL}.",
    )
