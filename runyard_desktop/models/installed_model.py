"""Table models for the Installed page: the models Ollama has (any family) and the ones loaded now.

Thin adapters over tuples of frozen `InstalledModel` / `LoadedModel`; `set_rows()` resets the model
(listings are small and arrive whole). Sorting goes through `SortRole`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from runyard_desktop.core.formatting import human_bytes, human_gib
from runyard_desktop.core.ollama.types import InstalledModel, LoadedModel

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
Column = tuple[str, Callable[[T], str], Callable[[T], object]]  # header, display, sort key (a T is one row)


def modified_text(iso: str) -> str:
    """'2026-11-29T17:35:42+00:00' -> '2026-11-29 17:35' (local time); the text itself if unparsable."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when.tzinfo else when.strftime("%Y-%m-%d %H:%M")


def expires_text(iso: str) -> str:
    """'until 2026-11-29 18:14'; a date centuries away (keep_alive -1) reads 'until you unload it'."""
    if not iso:
        return "—"
    if iso[:4].isdigit() and int(iso[:4]) >= 2100:
        return "until you unload it"
    return f"until {modified_text(iso)}"


INSTALLED_COLUMNS: tuple[Column[InstalledModel], ...] = (
    ("Model", lambda m: m.name, lambda m: m.name),
    ("Size", lambda m: human_bytes(m.size), lambda m: m.size),
    ("Quantization", lambda m: m.quantization or "—", lambda m: m.quantization),
    ("Parameters", lambda m: m.parameter_size or "—", lambda m: m.parameter_size),
    ("Family", lambda m: m.family or "—", lambda m: m.family),
    ("Modified", lambda m: modified_text(m.modified_at) if m.modified_at else "—", lambda m: m.modified_at),
)

LOADED_COLUMNS: tuple[Column[LoadedModel], ...] = (
    ("Model", lambda m: m.name, lambda m: m.name),
    ("Memory", lambda m: human_gib(m.size), lambda m: m.size),
    (
        "On GPU",
        lambda m: f"{m.gpu_share * 100:.0f} % ({human_gib(m.size_vram)})" if m.size_vram else "CPU only",
        lambda m: m.gpu_share,
    ),
    ("Context", lambda m: f"{m.context_length:,} tokens" if m.context_length else "—", lambda m: m.context_length or 0),
    ("Kept in memory", lambda m: expires_text(m.expires_at), lambda m: m.expires_at),
)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen records, columns from a (header, display, sort key) table.

    Signals: only QAbstractItemModel's own.
    """

    RecordRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    NameRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[T, ...] = ()

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def record(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def records(self) -> tuple[T, ...]:
        return self._rows

    def names(self) -> list[str]:
        return [str(getattr(r, "name", "")) for r in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < len(self._columns)
        ):
            return None
        record = self._rows[index.row()]
        _header, display, sort_key = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(record)
        if role == self.SortRole:
            return sort_key(record)
        if role == self.RecordRole:
            return record
        if role == self.NameRole:
            return str(getattr(record, "name", ""))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1 and record is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def installed_models_model(parent: QObject | None = None) -> RecordTableModel[InstalledModel]:
    return RecordTableModel(INSTALLED_COLUMNS, parent)


def loaded_models_model(parent: QObject | None = None) -> RecordTableModel[LoadedModel]:
    return RecordTableModel(LOADED_COLUMNS, parent)
