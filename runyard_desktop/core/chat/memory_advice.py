"""Advice when Ollama runs out of memory: the numbers the server gave, and what fits on this machine instead.

Both front ends use it: the chat pane (through `ChatFitAdvisor.memory_advice`) and the CLI `chat`.
`with_memory_advice` takes the `OllamaError` of a failed chat and, when its kind is OUT_OF_MEMORY,
returns a copy whose next step names a smaller model or a shorter context that the fit engine
(`core.fit.engine.evaluate`, `recommend`) says fits here; any other error comes back unchanged.
Texts of both Ollama generations carry numbers differently: up to 0.24 "model requires more system
memory (7.3 GiB) than is available (6.0 GiB)", from 0.30 llama-server's allocator line ("allocating
7340.00 MiB on device 0: cudaMalloc failed").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError

if TYPE_CHECKING:
    from runyard_desktop.core.fit.catalogue import Catalogue
    from runyard_desktop.core.fit.engine import FitReport
    from runyard_desktop.core.hardware.profile import HardwareProfile

log = logging.getLogger(__name__)
GIB = 2**30
_UNITS = {"B": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "KB": 10**3, "MB": 10**6, "GB": 10**9}
_OLD = re.compile(r"requires more system memory \((?P<need>[^)]*)\) than is available \((?P<free>[^)]*)\)")
_ALLOCATING = re.compile(r"allocating (?P<mib>\d+(?:\.\d+)?) MiB")
_BUFFER = re.compile(r"failed to allocate (?:\S+ )?buffer of size (?P<bytes>\d+)")


@dataclass(frozen=True)
class MemoryNumbers:
    """What the server's text says: the bytes the load needed and (older Ollama only) the bytes free."""

    need: int | None = None
    free: int | None = None


def _bytes(text: str) -> int | None:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)\s*", text)
    if found is None or found.group(2) not in _UNITS:
        return None
    return int(float(found.group(1)) * _UNITS[found.group(2)])


def memory_numbers(text: str) -> MemoryNumbers:
    """The numbers in a memory error text of either generation (none found: both None)."""
    if (old := _OLD.search(text)) is not None:
        return MemoryNumbers(_bytes(old.group("need")), _bytes(old.group("free")))
    if (allocating := _ALLOCATING.search(text)) is not None:
        return MemoryNumbers(int(float(allocating.group("mib")) * 2**20))
    if (buffer := _BUFFER.search(text)) is not None:
        return MemoryNumbers(int(buffer.group("bytes")))
    return MemoryNumbers()


def gib(n: int) -> str:
    return f"{n / GIB:.1f} GiB"


def _numbers_sentence(message: str, numbers: MemoryNumbers) -> str:
    if numbers.need is None or gib(numbers.need) in message:
        return ""  # the message from the server-text table already names them
    if numbers.free is not None:
        return f" Loading it needed {gib(numbers.need)}, but only {gib(numbers.free)} was free."
    return f" Ollama could not set aside the {gib(numbers.need)} it asked for while loading it."


def smaller_model(
    catalogue: Catalogue, profile: HardwareProfile, model: str, free: int | None, kv_cache_type: str = "f16"
) -> FitReport | None:
    """The best model smaller than `model` that fits here (and in `free` bytes, when known)."""
    from runyard_desktop.core.fit.engine import FitOptions, Verdict, evaluate, recommend

    try:
        ceiling: float | None = catalogue.get(model).size.total_params
    except KeyError:
        ceiling = None  # not a catalogue model: anything that fits is worth naming
    reports = [
        evaluate(tag, profile, FitOptions(kv_cache_type=kv_cache_type))
        for tag in catalogue
        if tag.tag != model and (ceiling is None or tag.size.total_params < ceiling)
    ]
    fitting = [r for r in reports if r.verdict is not Verdict.NO_FIT and (free is None or r.breakdown.total <= free)]
    best, _why = recommend(catalogue, fitting)
    if best is None:
        return None
    return next(r for r in fitting if r.tag == best)


def shorter_context(
    catalogue: Catalogue, profile: HardwareProfile, model: str, context: int | None, kv_cache_type: str = "f16"
) -> int | None:
    """A context below `context` at which `model` fits here; None when there is none (or no context was set)."""
    from runyard_desktop.core.chat.fit_advisor import largest_fitting_context

    if context is None:
        return None
    try:
        largest = largest_fitting_context(catalogue, profile, model, kv_cache_type)
    except KeyError:
        return None
    return largest if largest is not None and largest < context else None


def with_memory_advice(
    error: OllamaError,
    catalogue: Catalogue | None,
    profile: HardwareProfile | None,
    model: str,
    context: int | None = None,
    kv_cache_type: str = "f16",
) -> OllamaError:
    """`error` with the numbers and what fits instead, when it is a memory error; else `error` itself."""
    if error.kind is not ErrorKind.OUT_OF_MEMORY:
        return error
    numbers = memory_numbers(error.detail)
    message = error.message + _numbers_sentence(error.message, numbers)
    options: list[str] = []
    if catalogue is not None and profile is not None:
        shorter = shorter_context(catalogue, profile, model, context, kv_cache_type)
        if shorter is not None:
            options.append(f"a context of {shorter:,} tokens instead of {context:,}")
        # What was free, or else less than the allocation that failed: a model needing more would fail too.
        limit = numbers.free if numbers.free is not None else numbers.need
        smaller = smaller_model(catalogue, profile, model, limit, kv_cache_type)
        if smaller is not None:
            options.append(f"the smaller {smaller.tag} (it needs about {gib(smaller.breakdown.total)})")
    if not options:
        return OllamaError(error.kind, message, error.next_step, detail=error.detail, status_code=error.status_code)
    step = f"On this computer, {' or '.join(options)} would fit. Closing other programs also frees memory."
    return OllamaError(error.kind, message, step, detail=error.detail, status_code=error.status_code)


def with_advice_for_this_machine(error: OllamaError, model: str, context: int | None = None) -> OllamaError:
    """`with_memory_advice` on the catalogue and this computer's hardware, read now (the CLI's way)."""
    if error.kind is not ErrorKind.OUT_OF_MEMORY:
        return error
    from runyard_desktop.core.fit.catalogue import load_catalogue
    from runyard_desktop.core.hardware.profile import detect

    try:
        catalogue = load_catalogue()
    except ValueError as exc:  # CatalogueError: the advice goes without a model to name
        log.warning("no catalogue for the memory advice: %s", exc)
        return with_memory_advice(error, None, None, model, context)
    return with_memory_advice(error, catalogue, detect(), model, context)
