"""Can an X11 display be opened? Asked before QApplication exists, because Qt cannot be asked.

Qt's xcb platform plugin calls qFatal() — an abort with a core dump — when `DISPLAY` names a server
that does not answer ("could not connect to display"). We open and close one connection ourselves
with libxcb, exactly as the plugin would, which takes about a millisecond on a live display.
"""

from __future__ import annotations

import ctypes
import functools


@functools.lru_cache(maxsize=1)
def _libxcb() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL("libxcb.so.1")  # the soname itself: find_library() would spawn ldconfig
    except OSError:
        return None
    lib.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    lib.xcb_connect.restype = ctypes.c_void_p
    lib.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    lib.xcb_connection_has_error.restype = ctypes.c_int
    lib.xcb_disconnect.argtypes = [ctypes.c_void_p]
    lib.xcb_disconnect.restype = None
    return lib


def x11_display_problem(display: str) -> str | None:
    """Why the X display `display` cannot be opened, in plain words; None if it can (or if libxcb,
    which Qt's xcb plugin needs anyway, is missing, in which case Qt's own message is the better one)."""
    lib = _libxcb()
    if lib is None:
        return None
    connection = lib.xcb_connect(display.encode(), None)
    try:
        # xcb_connect never returns NULL; errors are reported on the (dummy) connection object.
        error = lib.xcb_connection_has_error(connection) if connection else 1
    finally:
        if connection:
            lib.xcb_disconnect(connection)
    if error == 0:
        return None
    return f"no X server answered at DISPLAY={display} (or it refused the connection)"
