"""What the chat needs from the fit engine: a badge per installed model, the effect of a larger
context, the largest context this machine can hold without getting worse, and what fits instead
when Ollama runs out of memory (memory_advice.py). Pure functions over
`core.fit.evaluate` (the fit engine); models outside the catalogue simply have no report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fit engine is imported on first use, off the start-up path
    from runyard_desktop.core.fit.catalogue import Catalogue
    from runyard_desktop.core.fit.engine import FitReport
    from runyard_desktop.core.hardware.profile import HardwareProfile
    from runyard_desktop.core.ollama.errors import OllamaError

log = logging.getLogger(__name__)
_RANK = {"gpu": 0, "partial": 1, "cpu": 2, "no_fit": 3}  # Verdict values, best first
MIN_CONTEXT = 2048


def fit_report(
    catalogue: Catalogue, profile: HardwareProfile | None, tag: str, context: int | None, kv_cache_type: str = "f16"
) -> FitReport | None:
    from runyard_desktop.core.fit.engine import FitOptions, evaluate

    if profile is None:
        return None
    try:
        entry = catalogue.get(tag)
    except KeyError:
        return None
    return evaluate(entry, profile, FitOptions(context=context, kv_cache_type=kv_cache_type))


def badge(report: FitReport | None) -> str:
    """The short verdict shown beside a model: 'Runs on GPU', 'Partial GPU (63 %)', 'CPU only', 'Won't fit'."""
    if report is None:
        return ""
    verdict = report.verdict.value
    if verdict == "gpu":
        return "Runs on GPU"
    if verdict == "partial":
        return f"Partial GPU ({report.gpu_share * 100:.0f} %)"
    if verdict == "cpu":
        return "CPU only"
    return "Won't fit"


def context_change_warning(before: FitReport | None, after: FitReport | None) -> str:
    """A sentence when a new context makes the fit worse, else ''."""
    if before is None or after is None or _RANK[after.verdict.value] <= _RANK[before.verdict.value]:
        return ""
    where = {
        "partial": f"only {after.gpu_share * 100:.0f} % of it fits on the GPU, so replies get slower",
        "cpu": "it runs on the CPU only, so replies get much slower",
        "no_fit": "it no longer fits in this machine's memory and Ollama may refuse to load it",
    }[after.verdict.value]
    return f"At {after.context:,} tokens of context {after.tag} needs more memory: {where}."


def largest_fitting_context(
    catalogue: Catalogue, profile: HardwareProfile | None, tag: str, kv_cache_type: str = "f16"
) -> int | None:
    """The largest context (a multiple of 1024) that keeps the model where it runs at the default context."""
    base = fit_report(catalogue, profile, tag, None, kv_cache_type)
    if base is None:
        return None
    ceiling = catalogue.get(tag).native_context
    best_rank = _RANK[base.verdict.value]
    if best_rank == _RANK["no_fit"]:
        return None
    lo, hi = max(MIN_CONTEXT, base.context) // 1024, ceiling // 1024
    while lo < hi:
        mid = (lo + hi + 1) // 2
        report = fit_report(catalogue, profile, tag, mid * 1024, kv_cache_type)
        if report is not None and _RANK[report.verdict.value] <= best_rank:
            lo = mid
        else:
            hi = mid - 1
    return lo * 1024


class ChatFitAdvisor:
    """The chat's view of the fit engine for the current machine (profile read when asked)."""

    def __init__(
        self,
        catalogue: Callable[[], Catalogue] | None,
        profile: Callable[[], HardwareProfile | None],
        kv_cache_type: str = "f16",
    ) -> None:
        # Both are read when asked: the catalogue loads on first use, the profile may still be detecting.
        self._load_catalogue = catalogue
        self._catalogue: Catalogue | None = None
        self._profile = profile
        self._kv = kv_cache_type
        # Keyed on the profile itself (frozen, hashable): an equal profile gives the same report.
        self._cache: dict[tuple[str, int | None, HardwareProfile | None], FitReport | None] = {}

    @property
    def catalogue(self) -> Catalogue | None:
        if self._catalogue is None and self._load_catalogue is not None:
            from runyard_desktop.core.fit.catalogue import CatalogueError

            try:
                self._catalogue = self._load_catalogue()
            except CatalogueError as exc:
                log.error("catalogue unavailable for the chat's fit badges: %s", exc)
                self._load_catalogue = None
        return self._catalogue

    def _report(self, tag: str, context: int | None) -> FitReport | None:
        if self.catalogue is None or not tag:
            return None
        profile = self._profile()
        key = (tag, context, profile)
        if key not in self._cache:  # the picker asks on every conversation switch
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = fit_report(self.catalogue, profile, tag, context, self._kv)
        return self._cache[key]

    def badge(self, tag: str, context: int | None = None) -> str:
        return badge(self._report(tag, context))

    def context_note(self, tag: str, context: int | None) -> str:
        """A warning when `context` is worse for `tag` than Ollama's default context, else ''."""
        if context is None:
            return ""
        return context_change_warning(self._report(tag, None), self._report(tag, context))

    def largest_context(self, tag: str) -> int | None:
        if self.catalogue is None or not tag:
            return None
        return largest_fitting_context(self.catalogue, self._profile(), tag, self._kv)

    def memory_advice(self, error: OllamaError, tag: str, context: int | None) -> OllamaError:
        """`error` with the numbers and a smaller model or shorter context that fits, when it is a memory error."""
        from runyard_desktop.core.chat.memory_advice import with_memory_advice
        from runyard_desktop.core.ollama.errors import ErrorKind

        if error.kind is not ErrorKind.OUT_OF_MEMORY:
            return error
        return with_memory_advice(error, self.catalogue, self._profile(), tag, context, self._kv)
