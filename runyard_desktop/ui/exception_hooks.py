"""What happens to an exception nobody caught: it is logged, and the user sees it in a plain dialog
(the smoke test exits 1 instead, so CI never waits on a dialog)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from runyard_desktop import APP_DISPLAY_NAME

log = logging.getLogger("runyard_desktop.app")


def install_exception_hooks(*, smoke: bool = False) -> None:
    def show(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("Unhandled exception:\n%s", text)
        if smoke:  # no dialog to click away in CI: any error fails the smoke test at once
            print(text, file=sys.stderr)
            QApplication.exit(1)
            return
        if QApplication.instance() is not None and threading.current_thread() is threading.main_thread():
            from PySide6.QtWidgets import QMessageBox  # not on the start-up path

            from runyard_desktop.ui.widgets.plain_text import plain_message_box

            plain_message_box(  # plain: the exception's text may quote a server or a file name
                QMessageBox.Icon.Critical,
                f"{APP_DISPLAY_NAME} hit an unexpected error",
                f"{exc}\n\nThe details are in the log file (Help → Open log folder).",
                QMessageBox.StandardButton.Ok,
                None,
            ).exec()

    sys.excepthook = show
    threading.excepthook = lambda args: show(args.exc_type, args.exc_value or Exception(), args.exc_traceback)
