"""The user's settings as they stand now, and the file that keeps them.

`Settings` is a frozen value; `SettingsStore` is the one place that holds the current value while the app
runs. The composition root builds one; whatever needs a setting reads `store.current` when it needs it
(a page built later reads the value of that moment), and the Settings dialog's result goes through
`store.update(new)`, which writes the file first.
"""

from __future__ import annotations

from pathlib import Path

from runyard_desktop.core.appdata.settings import Settings, load_with_notice, save


class SettingsStore:
    """The current `Settings`, loaded from `path` (defaults when it is missing or damaged).

    `notice`: a plain sentence for the window when the file was damaged (moved aside, fields reset), else "".
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.current, self.notice = load_with_notice(path)

    def update(self, new: Settings) -> Settings:
        """Save `new` and make it current; returns the settings it replaced. Nothing changes if the
        write fails (OSError)."""
        save(new, self.path)
        old, self.current = self.current, new
        return old
