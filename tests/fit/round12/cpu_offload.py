"""Twelfth round: CPU-only decoding and partial offload (experts or layers on the CPU beside a GPU).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round12/__init__.py.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase

SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = ()

SPEED_CASES: tuple[SpeedCase, ...] = ()
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
