"""Where a download's progress becomes words: the Models table's status, the downloads list's line,
the action button's label. `row_status()` turns a `PullState` into a `RowStatus`; `list_line()` into
the downloads list's line. No Qt here; the UI only shows the words.
"""

from __future__ import annotations

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.formatting import human_bytes, human_duration, human_rate
from runyard_desktop.core.ollama.pull import REFETCH_WORDS
from runyard_desktop.core.ollama.types import PullState, PullStatus

# server/images.go, PruneLayers at start-up: the partial file lives on while the server runs; a restart
# deletes partial files, since v0.21 only those not written for over an hour (before, all of them).
KEPT_NOTE = (
    "Ollama keeps it while it runs; when it restarts it removes unfinished downloads untouched for an hour "
    "(Ollama before 0.21: all of them)"
)


def kept_text(state: PullState) -> str:
    """'1.2 GB of 6.6 GB kept' (or '' when nothing was downloaded yet)."""
    if state.completed <= 0:
        return ""
    if state.total > state.completed:
        return f"{human_bytes(state.completed)} of {human_bytes(state.total)} kept"
    return f"{human_bytes(state.completed)} kept"


def notice(state: PullState) -> str:
    """Why the bar went back (a part or a whole layer downloads again) or why a resume starts lower; else ''."""
    if state.status is PullStatus.RUNNING and state.message.startswith((REFETCH_WORDS, "Ollama no longer had")):
        return state.message
    return ""


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
        return f"Paused — {kept}; Resume continues from there ({KEPT_NOTE})" if kept else "Cancelled"
    if status is PullStatus.FAILED:
        err = state.error
        return f"Failed: {err.plain()}" if err is not None else f"Failed: {state.message}"
    numbers = progress_text(state)
    head = state.message or "Downloading"
    if state.resumed_from_bytes and status is PullStatus.RUNNING and head == "Downloading":
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
    if notice(state):
        parts.insert(0, notice(state))  # the bar went back: say why rather than look frozen or broken
    if state.speed_bps:
        parts.append(human_rate(state.speed_bps))
    if state.eta_s is not None:
        parts.append(short_duration(state.eta_s))
    return RowStatus(text=" · ".join(parts), progress=fraction)


def short_duration(seconds: float) -> str:
    """A narrow-cell ETA: '45 s', '3 min', '2 h 10 min'."""
    s = round(seconds)
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
