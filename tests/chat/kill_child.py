"""Child process for the kill test: opens the real window on the stand-in, sends, reports each flush.

Run as `python tests/chat/kill_child.py HOST`; prints `FLUSHED <chars>` after every streaming write,
then waits to be killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from runyard_desktop.app import create_main_window
from runyard_desktop.ui.chat.chat_pane import ChatPane


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = create_main_window(host=sys.argv[1])
    window.show()
    pane = window.findChild(ChatPane, "chatPane")
    assert pane is not None
    store = pane.controller.store
    original = store.update_reply

    def traced(message_id: int, content: str, thinking: str) -> None:
        original(message_id, content, thinking)
        print(f"FLUSHED {len(content)}", flush=True)

    store.update_reply = traced  # type: ignore[method-assign]  # wrapped to print each flush for the parent

    def start() -> None:
        if pane.model_picker.count() == 0:
            QTimer.singleShot(20, start)
            return
        pane.open_with_model("qwen3.5:4b")
        pane.composer.input.setPlainText("Write a long story")
        pane.composer.send_button.click()
        print("SENT", flush=True)

    QTimer.singleShot(0, start)
    app.exec()


if __name__ == "__main__":
    main()
