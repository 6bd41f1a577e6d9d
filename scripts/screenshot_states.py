"""The README's pictures of moments, not pages: each drives the real window (offscreen, light theme) into
one state and saves it to docs/screenshots/<name>.png. Run through `scripts/screenshots.py --states`,
which starts one child process per state (a state may need its own PATH, host or a locked history).

    first-run-not-installed   no Ollama anywhere: the Models page's first-run card with Install Ollama
    downloads-mid             a download in progress (Models page, downloads dock)
    downloads-measured        the measured check beside the estimate (Installed page)
    summarize-mid             the Summarize documents panel mid-batch (Chat page)
    history-locked            another program holds the history: the plain page with Try again
    settings                  Settings, with the Ollama section
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

STATES = (
    "first-run-not-installed",
    "downloads-mid",
    "downloads-measured",
    "summarize-mid",
    "history-locked",
    "settings",
)
DOCS = ("q3-review.md", "supplier-contract.txt", "meeting-notes-oct.md", "incident-report.md", "roadmap-2027.md")


def prepare(state: str, home: Path) -> None:
    """What must hold before the window starts (called after RUNYARD_HOME is set, before Qt)."""
    if state == "first-run-not-installed":
        empty = home / "empty-path"
        empty.mkdir()
        os.environ["PATH"] = str(empty)  # no `ollama` anywhere


def host_for(state: str, fake_url: str) -> str:
    return "http://127.0.0.1:9" if state == "first-run-not-installed" else fake_url


def lock_history() -> sqlite3.Connection:
    """Hold the history's write lock the way another program would (kept until the process ends)."""
    from runyard_desktop.core.appdata.paths import app_paths
    from runyard_desktop.core.chat.history import HistoryStore

    path = app_paths().ensure().history_db
    HistoryStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def drive(state: str, window: Any, wait: Callable[..., None]) -> Any:
    """Bring `window` into `state`; returns the widget to grab."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from runyard_desktop.core.ollama.types import ServerState
    from runyard_desktop.ui.downloads import download_dialogs

    ollama = window.services.pages.ollama
    window.downloads.ask = lambda _issue: download_dialogs.PROCEED
    window.downloads.open_chat_after_download = False
    if state == "first-run-not-installed":
        window.show_page("models")
        wait(lambda: ollama.status.state is ServerState.NOT_INSTALLED)
        wait(lambda: _visible(window, QPushButton, "installOllamaButton"))
        return window
    if state == "downloads-mid":
        window.show_page("models")
        window.page("models").select_tag("qwen3.5:4b")
        window.downloads.request_download("qwen3.5:4b")
        wait(lambda: 35 <= _progress(window) <= 80)
        return window
    if state == "downloads-measured":
        window.show_page("installed")
        window.downloads.request_measure("qwen3.5:4b")  # fits the GPU: the stand-in's speed is in its range
        window.downloads.installed.select_installed("qwen3.5:4b")
        wait(lambda: "Measured:" in _text(window, QLabel, "measuredLabel"))
        return window
    if state == "summarize-mid":
        return _summarize(window, wait)
    if state == "history-locked":
        window.history_retry_s = 0.5
        window.show_page("chat")
        wait(lambda: _enabled(window, QPushButton, "historyRetry"))
        return window
    if state == "settings":
        return _settings(window, wait)
    raise ValueError(state)


def _summarize(window: Any, wait: Callable[..., None]) -> Any:
    from PySide6.QtWidgets import QListWidget, QWidget

    docs = Path(tempfile.mkdtemp(prefix="runyard-docs-"))
    for name in DOCS:
        (docs / name).write_text("Quarterly figures, decisions and open questions.\n" * 40, encoding="utf-8")
    window.show_page("chat")
    pane = window.page("chat")
    pane.findChild(QWidget, "summarizeDocumentsButton").click()
    panel = pane.findChild(QWidget, "summarizePanel")
    panel.pick_files = lambda _parent: [str(docs / name) for name in DOCS]
    panel.add_files_button.click()
    listing = panel.findChild(QListWidget, "summaryProgressList")
    wait(lambda: listing.count() == len(DOCS))
    panel.start_button.click()
    rows = lambda: [listing.item(i).text() for i in range(listing.count())]  # noqa: E731
    wait(lambda: sum(" — done" in r for r in rows()) >= 2 and any("summarizing" in r for r in rows()))
    return window


def _settings(window: Any, wait: Callable[..., None]) -> Any:
    from runyard_desktop.ui.ollama_install_wiring import settings_section
    from runyard_desktop.ui.settings.settings_dialog import SettingsDialog

    core, pages = window.services.core, window.services.pages
    dialog = SettingsDialog(
        core.settings.current,
        current_host=pages.ollama_host,
        data_dir=core.paths.data,
        log_dir=core.paths.logs,
        ollama_section=settings_section(window.services.pages, lambda *_args: False),
        parent=window,
    )
    dialog.show()  # not exec(): the script goes on while it is open
    wait(lambda: False, 0.5)
    return dialog


def _progress(window: Any) -> int:
    from PySide6.QtWidgets import QProgressBar

    bars = [b.value() for b in window.findChildren(QProgressBar, "downloadProgress") if b.isVisible()]
    return max(bars, default=0)


def _visible(window: Any, kind: type, name: str) -> bool:
    return any(w.isVisible() for w in window.findChildren(kind, name))


def _enabled(window: Any, kind: type, name: str) -> bool:
    return any(w.isVisible() and w.isEnabled() for w in window.findChildren(kind, name))


def _text(window: Any, kind: type, name: str) -> str:
    return " ".join(w.text() for w in window.findChildren(kind, name))
