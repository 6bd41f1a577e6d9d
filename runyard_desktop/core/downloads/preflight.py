"""The checks before a download starts, as plain functions.

`preflight()` decides what must be said before a pull starts (block: the pull cannot work; confirm:
it can, but the user should know). The words for a download in progress are in `progress_words.py`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from runyard_desktop.core.fit.engine import FitReport, Verdict
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.errors import DOWNLOAD_URL
from runyard_desktop.core.ollama.types import MIN_VERSION_TEXT, OllamaStatus, PullState, PullStatus, ServerState

DISK_MARGIN_BYTES = 500_000_000  # Ollama writes the blob and the manifest; keep a little room


class CheckLevel(str, enum.Enum):
    BLOCK = "block"  # the pull cannot work as things are; say why and what to do
    CONFIRM = "confirm"  # it can, but the user should decide knowing this


@dataclass(frozen=True)
class PreflightIssue:
    level: CheckLevel
    title: str
    text: str
    better_choice: str | None = None  # a tag the fit engine recommends instead


def preflight(
    tag: str,
    *,
    status: OllamaStatus,
    report: FitReport | None,
    recommended: str | None = None,
    free_disk: int | None = None,
    models_dir: str | None = None,
    kept: int = 0,
) -> list[PreflightIssue]:
    """What to say before pulling `tag`. Blocking issues first; an empty list means go ahead.

    `kept`: bytes of an earlier attempt this session (cancelled or failed) that Ollama holds in its
    `-partial` files; a resume fetches only the rest (a Range request), so only the rest needs room.
    """
    issues: list[PreflightIssue] = []
    server = _server_issue(status)
    if server is not None:
        issues.append(server)
    if report is not None:
        disk = _disk_issue(tag, report.download_bytes, free_disk, models_dir, kept)
        if disk is not None:
            issues.append(disk)
        if report.verdict is Verdict.NO_FIT:
            better = recommended if recommended and recommended != tag else None
            instead = f"\n\nA better choice for this computer: {better}." if better else ""
            issues.append(
                PreflightIssue(
                    CheckLevel.CONFIRM,
                    f"{tag} won't fit in this computer's memory",
                    f"{report.reason}\n\nOllama would refuse to load it or it would be very slow.{instead}",
                    better_choice=better,
                )
            )
    return sorted(issues, key=lambda i: i.level is not CheckLevel.BLOCK)


def kept_bytes(earlier: PullState | None) -> int:
    """Bytes an earlier attempt this session left in Ollama's `-partial` files: a cancelled or failed one's.

    A finished download's bytes are not "kept" for a new one (it is downloaded again only after a delete).
    """
    if earlier is None or earlier.status not in (PullStatus.CANCELLED, PullStatus.FAILED):
        return 0
    return max(0, earlier.completed)


def _server_issue(status: OllamaStatus) -> PreflightIssue | None:
    state = status.state
    if state is ServerState.TOO_OLD:
        have = status.version or "an unknown version"
        return PreflightIssue(
            CheckLevel.BLOCK,
            "Ollama is too old for Qwen3.5",
            f"This computer has Ollama {have}; Qwen3.5 models need Ollama {MIN_VERSION_TEXT} or newer.\n\n"
            f"Update Ollama from {DOWNLOAD_URL}, then download again.",
        )
    if state in (ServerState.NOT_INSTALLED, ServerState.STOPPED, ServerState.STARTING, ServerState.REMOTE_UNREACHABLE):
        next_step = f"\n\n{status.next_step}" if status.next_step else ""
        return PreflightIssue(CheckLevel.BLOCK, "Ollama is not ready", f"{status.message}{next_step}")
    return None


def _disk_issue(
    tag: str, download: int, free: int | None, models_dir: str | None, kept: int = 0
) -> PreflightIssue | None:
    kept = min(max(0, kept), max(0, download))
    needed = download - kept
    if free is None or download <= 0 or needed + DISK_MARGIN_BYTES <= free:
        return None
    where = f" in {models_dir}" if models_dir else ""
    needs = (
        f"{tag} needs {human_bytes(needed)} more; {human_bytes(kept)} already kept"
        if kept
        else f"{tag} needs {human_bytes(needed)} of disk space"
    )
    return PreflightIssue(
        CheckLevel.BLOCK,
        "Not enough disk space",
        f"{needs}, but only {human_bytes(free)} is free where Ollama keeps its models{where}.\n\n"
        f"Free at least {human_bytes(needed + DISK_MARGIN_BYTES - free)} "
        "or delete a model you no longer use (Installed page), then download again.",
    )
