"""The Models table: a thin Qt model over the catalogue + the current fit reports + per-tag status,
and a filter/sort proxy (fits only, hide duplicate tags, sort by size, memory, speed or verdict).

Plain state lives elsewhere (core.catalogue, core.fit); this only adapts it. The per-tag status API
(`set_row_status`) is for whoever owns downloads: docs/dev/models-view-api.md.
"""

from __future__ import annotations

import enum
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.calibration import CalibratedSpeed, calibrated_text
from runyard_desktop.core.fit.catalogue import Catalogue, ModelTag
from runyard_desktop.core.fit.engine import FitReport
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.fit.report import verdict_label
from runyard_desktop.core.fit.text import range_reliability_text, speed_phrase
from runyard_desktop.core.formatting import human_bytes, human_gib
from runyard_desktop.models.tooltip_text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
_VERDICT_ORDER = {"gpu": 0, "partial": 1, "cpu": 2, "no_fit": 3}


class Column(enum.IntEnum):
    MODEL = 0
    VERDICT = 1
    MEMORY = 2
    SIZE = 3
    SPEED = 4
    STATUS = 5
    CAPABILITIES = 6


_HEADERS = {
    Column.MODEL: "Model",
    Column.VERDICT: "Verdict",
    Column.MEMORY: "Needs",
    Column.SIZE: "Download",
    Column.SPEED: "Speed",
    Column.STATUS: "Status",
    Column.CAPABILITIES: "Capabilities",
}


class CatalogueModel(QAbstractTableModel):
    """One row per catalogue tag. Fixed rows; reports and statuses change cells, never the row set.

    Signals: only QAbstractItemModel's own (dataChanged, headerDataChanged, …).
    """

    Column: TypeAlias = Column  # CatalogueModel.Column, the documented name; an alias so annotations may use it
    TagRole = Qt.ItemDataRole.UserRole + 1
    ReportRole = Qt.ItemDataRole.UserRole + 2
    StatusRole = Qt.ItemDataRole.UserRole + 3
    SortRole = Qt.ItemDataRole.UserRole + 4
    EntryRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._entries: tuple[ModelTag, ...] = tuple(catalogue)
        self._rows = {t.tag: i for i, t in enumerate(self._entries)}
        self._reports: dict[str, FitReport] = {}
        self._status: dict[str, RowStatus] = {}
        self._calibrated: dict[str, CalibratedSpeed] = {}

    # --- public API --------------------------------------------------------------------------------
    def tags(self) -> list[str]:
        return [t.tag for t in self._entries]

    def has_tag(self, tag: str) -> bool:
        try:
            self.canonical_tag(tag)
        except KeyError:
            return False
        return True

    def canonical_tag(self, tag: str) -> str:
        """`qwen3.5:latest` -> `qwen3.5:9b`; KeyError for unknown names."""
        return self._catalogue.get(tag).tag

    def entry(self, tag: str) -> ModelTag:
        return self._entries[self._rows[self.canonical_tag(tag)]]

    def row_of(self, tag: str) -> int:
        return self._rows[self.canonical_tag(tag)]

    def report_for(self, tag: str) -> FitReport | None:
        return self._reports.get(self.canonical_tag(tag))

    def set_reports(self, reports: list[FitReport], calibrated: dict[str, CalibratedSpeed] | None = None) -> None:
        """The estimates to show, and the speed ranges re-centred on this machine's measured checks."""
        self._reports = {r.tag: r for r in reports if r.tag in self._rows}
        self._calibrated = {t: c for t, c in (calibrated or {}).items() if t in self._reports}
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(Column) - 1))

    def calibrated_for(self, tag: str) -> CalibratedSpeed | None:
        return self._calibrated.get(self.canonical_tag(tag))

    def measurements(self) -> list[Measurement]:
        """The measured checks behind the rows' statuses (one per downloaded tag that was measured)."""
        return [s.measurement for s in self._status.values() if s.measurement is not None]

    def row_status(self, tag: str) -> RowStatus | None:
        return self._status.get(self.canonical_tag(tag))

    def set_row_status(self, tag: str, status: RowStatus | None) -> None:
        """Show `status` in the tag's Status column (None clears it). KeyError for unknown tags."""
        key = self.canonical_tag(tag)
        if status is None:
            self._status.pop(key, None)
        else:
            self._status[key] = status
        row = self._rows[key]
        self.dataChanged.emit(self.index(row, Column.SPEED), self.index(row, Column.STATUS))

    # --- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _HEADERS[Column(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self._entries))
            or not (0 <= index.column() < len(Column))
        ):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        report = self._reports.get(entry.tag)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column, report)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a screen reader says what an empty cell means
            return self._display(entry, column, report) or ("Not downloaded" if column is Column.STATUS else "None")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(entry, column, report))
        if role == self.TagRole:
            return entry.tag
        if role == self.ReportRole:
            return report
        if role == self.StatusRole:
            return self._status.get(entry.tag)
        if role == self.EntryRole:
            return entry
        if role == self.SortRole:
            return self._sort_key(entry, column, report)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.MEMORY, Column.SIZE, Column.SPEED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: ModelTag, column: Column, report: FitReport | None) -> str:
        if column is Column.MODEL:
            star = "  ★ Recommended" if report is not None and report.recommended else ""
            return f"{entry.tag}{star}"
        if column is Column.CAPABILITIES:
            return " · ".join(entry.capabilities)
        if column is Column.SIZE:
            disk = "" if report is None or report.disk_ok is not False else "  (disk full)"
            return human_bytes(entry.download_bytes) + disk
        if column is Column.STATUS:
            status = self._status.get(entry.tag)
            return status.text if status is not None else ""
        if report is None:
            return "…"
        if column is Column.VERDICT:
            return verdict_label(report)
        if column is Column.MEMORY:
            return human_gib(report.required_bytes)
        return speed_phrase(self._shown_speed(entry, report))  # SPEED

    def _tooltip(self, entry: ModelTag, column: Column, report: FitReport | None) -> str | None:
        if column is Column.STATUS:
            status = self._status.get(entry.tag)
            return status.text if status is not None and status.text else None
        if column is Column.SPEED and report is not None:
            status = self._status.get(entry.tag)
            measured = f"\n{status.measured}" if status is not None and status.measured else ""
            calibrated = self._calibrated.get(entry.tag)
            how = (
                f"Estimated, {calibrated_text(calibrated)}; the estimate alone: {speed_phrase(report.tokens_per_second)}."
                if calibrated
                else f"Estimated from memory bandwidth. {range_reliability_text()}"
            )
            return how + measured
        if report is not None:
            return report.reason + (f"\n{report.recommendation}" if report.recommended else "")
        return entry.source

    def _sort_key(self, entry: ModelTag, column: Column, report: FitReport | None) -> Any:
        if column is Column.MODEL:
            return float(entry.size.quality_rank * 1e12 + entry.download_bytes)
        if column is Column.SIZE:
            return float(entry.download_bytes)
        if column is Column.CAPABILITIES:
            return " ".join(entry.capabilities)
        if column is Column.STATUS:
            status = self._status.get(entry.tag)
            return status.text if status is not None else ""
        if report is None:
            return 0.0
        if column is Column.VERDICT:
            return _VERDICT_ORDER[report.verdict.value] - report.gpu_share / 2
        if column is Column.MEMORY:
            return float(report.required_bytes)
        tps = self._shown_speed(entry, report)  # SPEED
        return sum(tps) / 2 if tps else -1.0

    def _shown_speed(self, entry: ModelTag, report: FitReport) -> tuple[float, float] | None:
        """The range the Speed column shows: re-centred on this machine's checks where one applies."""
        calibrated = self._calibrated.get(entry.tag)
        return calibrated.tokens_per_second if calibrated else report.tokens_per_second


class CatalogueFilterProxy(QSortFilterProxyModel):
    """Filters: `fits_only` hides tags that won't fit; `hide_duplicates` hides second names for the
    same download (e.g. `qwen3.5:9b-q4_K_M` = `qwen3.5:9b`). Sorts on `CatalogueModel.SortRole`.

    Signals: only QSortFilterProxyModel's own.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fits_only = False
        self._hide_duplicates = True
        self.setSortRole(CatalogueModel.SortRole)
        self.setDynamicSortFilter(True)

    @property
    def fits_only(self) -> bool:
        return self._fits_only

    def set_fits_only(self, value: bool) -> None:
        if value != self._fits_only:
            self.beginFilterChange()
            self._fits_only = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def hide_duplicates(self) -> bool:
        return self._hide_duplicates

    def set_hide_duplicates(self, value: bool) -> None:
        if value != self._hide_duplicates:
            self.beginFilterChange()
            self._hide_duplicates = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        entry: ModelTag | None = model.data(index, CatalogueModel.EntryRole)
        if entry is None:
            return False
        if self._hide_duplicates and entry.same_blob_as is not None:
            return False
        if self._fits_only:
            report: FitReport | None = model.data(index, CatalogueModel.ReportRole)
            return report is not None and report.verdict.value != "no_fit"
        return True
