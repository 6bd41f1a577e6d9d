"""The seventh collection round (docs/fit-accuracy.md, "Seventh round"): fresh published measurements, one
module per kind of machine so that no two collectors enter the same source. Same entry rules as before;
each source's id was written down in its module before its SHA-256 was computed. Nobody compared these
rows with the engine before the round's single evaluation.

Each module has SOURCES (entries as in sources_round3.py: id, url or description, hardware, software,
second_hand, note) and SPEED_CASES, PLACEMENT_CASES, MEMORY_CASES (rows as in measurements_public.py).
"""

from __future__ import annotations

from . import apple_unified, cpu_offload, discrete_gpus, ollama_runs

_MODULES = (ollama_runs, discrete_gpus, apple_unified, cpu_offload)

ROUND7 = tuple(entry for m in _MODULES for entry in m.SOURCES)
ROUND7_IDS = frozenset(entry[0] for entry in ROUND7)
SPEED_CASES_ROUND7 = tuple(case for m in _MODULES for case in m.SPEED_CASES)
PLACEMENT_CASES_ROUND7 = tuple(case for m in _MODULES for case in m.PLACEMENT_CASES)
MEMORY_CASES_ROUND7 = tuple(case for m in _MODULES for case in m.MEMORY_CASES)
