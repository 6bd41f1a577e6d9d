"""Download decisions and words, as plain functions: the checks before a pull and the row/list texts.

`preflight()` decides what must be said before a pull starts (block: the pull cannot work; confirm:
it can, but the user should know). `row_status()` turns a `PullState` into the Models table's
`RowStatus`; `list_line()` into the downloads list's line. No Qt here; the UI only shows the words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from runyard_desktop.core.fit import FitReport, Verdict
from runyard_desktop.core.formatting import human_bytes, human_duration, human_rate
from runyard_desktop.core.ollama.errors import DOWNLOAD_URL
from runyard_desktop.core.ollama.types import MIN_VERSION_TEXT, OllamaStatus, PullState, PullStatus, ServerState
from runyard_desktop.core.row_status import RowStatus

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
) -> list[PreflightIssue]:
    """What to say before pulling `tag`. Blocking issues first; an empty list means go ahead."""
    issues: list[PreflightIssue] = []
    server = _server_issue(status)
    if server is not None:
        issues.append(server)
    if report is not None:
        disk = _disk_issue(tag, report.download_bytes, free_disk, models_dir)
        if disk is not None:
            issues.append(disk)
        if report.verdict is Verdict.NO_FIT:
            better = recommended if recommended and recommended != tag else None
            instead = f"\n\nA better choice for this computer: {better}." if better else ""
            issues.append(PreflightIssue(
                CheckLevel.CONFIRM, f"{tag} won't fit in this computer's memory",
                f"{report.reason}\n\nOllama would refuse to load it or it would be very slow.{instead}",
                better_choice=better,
            ))
    return sorted(issues, key=lambda i: i.level is not CheckLevel.BLOCK)


def _server_issue(status: OllamaStatus) -> PreflightIssue | None:
    state = status.state
    if state is ServerState.TOO_OLD:
        have = status.version or "an unknown version"
        return PreflightIssue(
            CheckLevel.BLOCK, "Ollama is too old for Qwen3.5",
            f"This computer has Ollama {have}; Qwen3.5 models need Ollama {MIN_VERSION_TEXT} or newer.\n\n"
            f"Update Ollama from {DOWNLOAD_URL}, then download again.",
        )
    if state in (ServerState.NOT_INSTALLED, ServerState.STOPPED, ServerState.STARTING,
                 ServerState.REMOTE_UNREACHABLE):
        next_step = f"\n\n{status.next_step}" if status.next_step else ""
        return PreflightIssue(CheckLevel.BLOCK, "Ollama is not ready", f"{status.message}{next_step}")
    return None


def _disk_issue(tag: str, download: int, free: int | None, models_dir: str | None) -> PreflightIssue | None:
    if free is None or download <= 0 or download + DISK_MARGIN_BYTES <= free:
        return None
    where = f" in {models_dir}" if models_dir else ""
    return PreflightIssue(
        CheckLevel.BLOCK, "Not enough disk space",
        f"{tag} needs {human_bytes(download)} of disk space, but only {human_bytes(free)} is free where "
        f"Ollama keeps its models{where}.\n\nFree at least {human_bytes(download + DISK_MARGIN_BYTES - free)} "
        "or delete a model you no longer use (Installed page), then download again.",
    )


# --- words for a pull ---------------------------------------------------------------------------------


def kept_text(state: PullState) -> str:
    """'1.2 GB of 6.6 GB kept' (or '' when nothing was downloaded yet)."""
    if state.completed <= 0:
        return ""
    if state.total > state.completed:
        return f"{human_bytes(state.completed)} of {human_bytes(state.total)} kept"
    return f"{human_bytes(state.completed)} kept"


def progress_text(state: PullState) -> str:
    """'42 % · 1.2 GB of 2.7 GB · 18 MB/s · 1 min 05 s left' (parts appear once known)."""
    parts: list[str] = []
    fraction = state.fraction
    if fraction is not None:
        parts.append(f"{fraction * 100:.0f} %")
    if state.total:
        parts.append(f"{human_bytes(state.completed)} of {human_bytes(state.total)}")
    if state.speed_bps:
        parts.append(human_rate(state.speed_bps))
    if state.eta_s is not None:
        parts.append(f"{human_duration(state.eta_s)} left")
    return " · ".join(parts)


def list_line(state: PullState) -> str:
    """The second line of a downloads-list entry: phase and numbers, or the outcome."""
    status = state.status
    if status is PullStatus.QUEUED:
        return "Queued — starts when the download before it ends"
    if status is PullStatus.DONE:
        size = f" · {human_bytes(state.total)}" if state.total else ""
        return f"Downloaded{size}"
    if status is PullStatus.CANCELLED:
        kept = kept_text(state)
        return f"Paused — {kept}; Resume continues from there" if kept else "Cancelled"
    if status is PullStatus.FAILED:
        err = state.error
        return f"Failed: {err.plain()}" if err is not None else f"Failed: {state.message}"
    numbers = progress_text(state)
    head = state.message or "Downloading"
    if state.resumed_from_bytes and status is PullStatus.RUNNING and "resumed" not in head.lower():
        head = f"Resuming from {human_bytes(state.resumed_from_bytes)}"
    return f"{head} · {numbers}" if numbers else head


def row_status(state: PullState) -> RowStatus:
    """The Models table's Status cell for a pull that is not finished (DONE is shown as Installed)."""
    status = state.status
    if status is PullStatus.QUEUED:
        return RowStatus(text="Queued")
    if status is PullStatus.CANCELLED:
        kept = kept_text(state)
        return RowStatus(text=f"Paused · {kept} · Resume" if kept else "Cancelled · Download again")
    if status is PullStatus.FAILED:
        message = state.error.message if state.error is not None else state.message
        return RowStatus(text=f"Failed: {message} · Retry", error=True)
    fraction = state.fraction
    if status in (PullStatus.STALLED, PullStatus.RETRYING):
        return RowStatus(text=state.message, progress=fraction)
    if fraction is None:
        return RowStatus(text=state.message or "Starting…", progress=0.0)
    parts = [f"{fraction * 100:.0f} %"]
    if state.speed_bps:
        parts.append(human_rate(state.speed_bps))
    if state.eta_s is not None:
        parts.append(short_duration(state.eta_s))
    return RowStatus(text=" · ".join(parts), progress=fraction)


def short_duration(seconds: float) -> str:
    """A narrow-cell ETA: '45 s', '3 min', '2 h 10 min'."""
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{round(s / 60)} min"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def action_label(state: PullState | None, installed: bool) -> tuple[str, bool]:
    """(text, enabled) for the Download button acting on a row in this state."""
    if installed and (state is None or not state.is_active):
        return "Installed", False
    if state is None:
        return "Download", True
    if state.status is PullStatus.QUEUED:
        return "Queued", False
    if state.is_active:
        return "Downloading…", False
    if state.status is PullStatus.CANCELLED and state.completed > 0:
        return f"Resume ({human_bytes(state.completed)} kept)", True
    if state.status is PullStatus.FAILED:
        return "Retry", True
    return "Download", True
