"""One Runyard per user and data folder: a second launch brings the first window to the front.

Two copies on one history would each purge the other's pending Undo and race for the database
lock, so `run_gui` (never `create_main_window`, where tests open several windows in one process)
takes a `QLockFile` in the data folder. The lock names its process, so a crashed copy's lock is
stale at once and taken over. The copy that holds it also listens on a `QLocalServer` (this user
only) from a few seconds after start-up (QtNetwork builds Qt's enums and costs ≈2 MiB: neither belongs
in start-up); a second launch that cannot take the lock connects to it, which asks the first copy to
show its window, and exits.
"""

from __future__ import annotations

import logging
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from runyard_desktop.core.appdata.paths import PRIVATE_DIR

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

LOCK_NAME = "runyard-desktop.lock"
CONNECT_MS = 2000  # how long a second launch waits for the first one to answer
ALREADY_RUNNING = "Runyard is already open: its window was brought to the front."
NOT_ANSWERING = (
    "Runyard is already open but did not answer. Close the other Runyard window (or end its process), "
    "then start Runyard again."
)


class SingleInstance(QObject):
    """The single-instance lock of one data folder.

    Signals:
        activated(): another launch asked this copy to show its window.
    """

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
        # A name per data folder (one lock per RUNYARD_HOME); crc32, not hashlib: OpenSSL's ≈4 MiB would load
        # before the first paint for a name that needs no cryptography (the socket is this user's only).
        digest = f"{zlib.crc32(str(data_dir.resolve()).encode('utf-8')):08x}"
        self.server_name = f"runyard-desktop-{digest}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another copy holds it. `listen()` answers second launches."""
        self._dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        return bool(self._lock.tryLock(0))

    def listen(self) -> None:
        """Answer second launches (after the first paint: see the module docstring)."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.server_name)  # a crashed copy's socket file; we hold the lock
        server.newConnection.connect(self._on_server_new_connection)
        server.listen(self.server_name)
        self._server = server

    def ask_first_to_show(self) -> bool:
        """Ask the copy that holds the lock to show its window; False when it did not answer."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        answered = socket.waitForConnected(CONNECT_MS)
        if answered:
            socket.write(b"show\n")
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()
        socket.abort()
        return answered

    def hand_over(self) -> int:
        """For a second launch: ask the first copy to show its window, say so; the exit code."""
        shown = self.ask_first_to_show()
        log.info("another Runyard holds %s; it %s", self._dir, "was raised" if shown else "did not answer")
        print(ALREADY_RUNNING if shown else NOT_ANSWERING, file=sys.stderr)
        return 0 if shown else 1

    def raise_on_activation(self, window: QWidget) -> None:
        """Bring `window` to the front whenever another launch asks for it."""

        def bring_to_front() -> None:
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()

        self.activated.connect(bring_to_front)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
        self.activated.emit()
