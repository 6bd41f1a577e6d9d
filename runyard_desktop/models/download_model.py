"""The downloads list: one row per pulled tag (active first, then finished), over plain `PullState`s.

Thin: it keeps the latest state per tag in the order the pulls were first seen and answers roles.
`update(state)` emits one `dataChanged` for that row (or one insert for a new tag).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from runyard_desktop.core.downloads.progress_words import list_line
from runyard_desktop.core.ollama.types import PullState, PullStatus
from runyard_desktop.models.tooltip_text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class DownloadListModel(QAbstractListModel):
    """Rows: pulls, newest last. Roles: Display (tag), ToolTip, StateRole (PullState), LineRole (str),
    ProgressRole (float 0..1 or None), TagRole (str).

    Signals: only QAbstractItemModel's own.
    """

    StateRole = Qt.ItemDataRole.UserRole + 1
    LineRole = Qt.ItemDataRole.UserRole + 2
    ProgressRole = Qt.ItemDataRole.UserRole + 3
    TagRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self._states: dict[str, PullState] = {}

    # -- public API -------------------------------------------------------------------------------

    def update(self, state: PullState) -> None:
        if state.tag not in self._states:
            row = len(self._tags)
            self.beginInsertRows(QModelIndex(), row, row)
            self._tags.append(state.tag)
            self._states[state.tag] = state
            self.endInsertRows()
            return
        self._states[state.tag] = state
        index = self.index(self._tags.index(state.tag), 0)
        self.dataChanged.emit(index, index)

    def clear_finished(self) -> None:
        """Drop rows that are done, cancelled or failed (not those still running or queued)."""
        for row in reversed(range(len(self._tags))):
            tag = self._tags[row]
            if not self._states[tag].is_active:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._tags[row]
                del self._states[tag]
                self.endRemoveRows()

    def state(self, row: int) -> PullState | None:
        return self._states[self._tags[row]] if 0 <= row < len(self._tags) else None

    def row_of(self, tag: str) -> int:
        return self._tags.index(tag) if tag in self._states else -1

    def active_count(self) -> int:
        return sum(1 for s in self._states.values() if s.is_active)

    # -- Qt model ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tags) or index.column() != 0:
            return None
        state = self._states[self._tags[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, self.TagRole):
            return state.tag
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{state.tag}\n{list_line(state)}")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # the drawn line and bar, for a screen reader
            return list_line(state)
        if role == self.StateRole:
            return state
        if role == self.LineRole:
            return list_line(state)
        if role == self.ProgressRole:
            return state.fraction if state.status is not PullStatus.FAILED else None
        return None
