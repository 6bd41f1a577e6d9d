"""Opening a link, a folder or a file in the user's own program (browser, file manager).

`QDesktopServices.openUrl` starts that program (xdg-open, ShellExecute, `open`) with this process's
environment and takes no other, so in the frozen app the environment is made the user's own for that
one call (core/child_env.environment_for_children): no bundle library path reaches the browser.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from runyard_desktop.core.child_env import environment_for_children


def open_url(url: QUrl | str, opener: Callable[[QUrl], bool] | None = None) -> bool:
    """Open `url` (a QUrl, or text for a web address) outside the app; False when nothing could open it.

    `opener`: `QDesktopServices.openUrl`, looked up at each call (tests replace it).
    """
    with environment_for_children():
        return bool((opener or QDesktopServices.openUrl)(url if isinstance(url, QUrl) else QUrl(url)))


def open_folder(path: str, opener: Callable[[QUrl], bool] | None = None) -> bool:
    """Show the local folder (or file) `path` in the file manager."""
    return open_url(QUrl.fromLocalFile(path), opener)
