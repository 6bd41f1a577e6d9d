"""A closed window leaves nothing for Python's cyclic garbage collector to destroy on the Qt side.

The window's Python objects have reference cycles (widgets holding bound methods of each other), so
the collector frees them, on whichever thread it happens to run: often a runner's loop thread, the
next window's in the test suite. A QObject that still belongs to its Python wrapper would be
destroyed there; Qt then warns "Timers cannot be stopped from another thread", or crashes. The
services are parented to the window (`AppServices.adopt_into`) and deleted with it, on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

from runyard_desktop.ui.chat.chat_pane import ChatPane


def _qt_objects_left_to_the_collector() -> list[str]:
    """The app's QObjects, alive and owned by Python, that only the cyclic collector would free."""
    gc.set_debug(gc.DEBUG_SAVEALL)  # keep what it finds, to look at it
    try:
        gc.collect()
        return [
            type(o).__qualname__
            for o in gc.garbage
            if isinstance(o, QObject)
            and type(o).__module__.startswith("runyard_desktop")
            and Shiboken.isValid(o)
            and Shiboken.ownedByPython(o)
        ]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()  # freed now, here on the GUI thread


def _open_every_stage_then_close(qtbot, host: str) -> None:
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=host, defer_pages=True)
    window.show()
    qtbot.waitUntil(lambda: window.startup.is_finished, timeout=10_000)
    window.show_page("chat")  # every stage built: core, pages, chat
    qtbot.waitUntil(lambda: window.services.pages.ollama.installed_models != (), timeout=10_000)
    assert isinstance(window.built_page("chat"), ChatPane)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(window), timeout=5_000)


def test_a_closed_window_leaves_no_qt_object_to_the_cyclic_collector(qtbot, chat_fake) -> None:
    gc.collect()  # what earlier tests left
    _open_every_stage_then_close(qtbot, chat_fake.url)
    assert _qt_objects_left_to_the_collector() == []
