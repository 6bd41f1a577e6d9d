"""Regression guard for PySide6 6.12.0 on Python 3.11: every Signal.emit() decremented the refcount
of True and the interpreter aborted after ~570 emits. A future release with the same bug fails here
instead of in users' apps (see the pin in pyproject.toml)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot


class _Emitter(QObject):
    text = Signal(str)
    flag = Signal(bool)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    @Slot(str)
    def on_text(self, _value: str) -> None:
        self.count += 1

    @Slot(bool)
    def on_flag(self, _value: bool) -> None:
        self.count += 1


def test_ten_thousand_same_thread_emits_do_not_crash() -> None:
    emitter, receiver = _Emitter(), _Receiver()
    emitter.text.connect(receiver.on_text)
    emitter.flag.connect(receiver.on_flag)
    for i in range(10_000):
        emitter.text.emit(str(i))
        emitter.flag.emit(i % 2 == 0)
    assert receiver.count == 20_000


def test_ten_thousand_cross_thread_emits_are_delivered(qtbot) -> None:
    emitter, receiver = _Emitter(), _Receiver()
    emitter.text.connect(receiver.on_text)  # queued: receiver lives in the GUI thread

    def worker() -> None:
        for i in range(10_000):
            emitter.text.emit(str(i))

    thread = threading.Thread(target=worker, name="emit-test")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: receiver.count == 10_000, timeout=10_000)
