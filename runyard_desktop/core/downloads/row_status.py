"""Per-tag status shown in the Models table's *Status* column (downloads, installed, measured speed).

Plain frozen data so any layer (tasks, models, ui) can build one and it can cross threads. The
Models view never decides a status itself: whoever owns downloads calls
`CatalogueModel.set_row_status(tag, RowStatus(...))` (see docs/dev/models-view-api.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runyard_desktop.core.fit.measured import Measurement


@dataclass(frozen=True)
class RowStatus:
    """What the Status column shows for one tag.

    text: short plain words ("Downloading 42 % · 18 MB/s · 3 min", "Installed", "Failed: disk full").
    progress: 0..1 while a progress bar should be drawn, else None.
    installed: the tag is present in Ollama (drawn with an "Installed" accent).
    measured: a measured figure to show next to the estimate (e.g. "31 tok/s measured"), or None.
    error: the text describes a failure (drawn in the error colour).
    measurement: the measured check behind `measured` (tok/s, GPU share), for the details panel.
    """

    text: str
    progress: float | None = None
    installed: bool = False
    measured: str | None = None
    error: bool = False
    measurement: Measurement | None = None

    def __post_init__(self) -> None:
        if self.progress is not None and not 0.0 <= self.progress <= 1.0:
            raise ValueError(f"progress must be within 0..1, got {self.progress!r}")
