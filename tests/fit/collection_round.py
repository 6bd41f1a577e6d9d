"""One collection round of published measurements (tests/fit/round4/ … round14/, listed in later_rounds.py):
one module per kind of machine, so that no two collectors enter the same source, gathered into the round's rows.

Each module has SOURCES (entries as in sources_round3.py: id, url or description, hardware, software,
second_hand, note) and SPEED_CASES, PLACEMENT_CASES, MEMORY_CASES (rows as in measurements_public.py).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, NamedTuple


class Round(NamedTuple):
    sources: tuple[tuple[str, str, str, str, bool, str], ...]
    ids: frozenset[str]
    speed: tuple[Any, ...]
    placement: tuple[Any, ...]
    memory: tuple[Any, ...]


def gather(*modules: ModuleType) -> Round:
    sources = tuple(entry for m in modules for entry in m.SOURCES)
    return Round(
        sources,
        frozenset(entry[0] for entry in sources),
        tuple(case for m in modules for case in m.SPEED_CASES),
        tuple(case for m in modules for case in m.PLACEMENT_CASES),
        tuple(case for m in modules for case in m.MEMORY_CASES),
    )
