"""The fourteenth collection round (docs/fit-accuracy.md, "Fourteenth round"): fresh published measurements,
one module per place the collectors searched (tests/fit/collection_round.py). Same entry rules as before; each source's id
was written down in its module before its SHA-256 was computed. Nobody compared these rows with the engine
before the round's single evaluation.
"""

from __future__ import annotations

from ..collection_round import gather
from . import apple_unified, cpu_offload, discrete_gpus, ollama_runs

ROUND = gather(ollama_runs, discrete_gpus, apple_unified, cpu_offload)
