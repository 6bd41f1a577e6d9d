"""Loopback port helpers for tests."""

from __future__ import annotations

import socket


def unused_port() -> int:
    """A loopback port nothing listens on: bound once to learn a free number, then closed again."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
