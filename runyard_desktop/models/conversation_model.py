"""The conversation list as a Qt model, and the search proxy in front of it.

`ConversationListModel` is a thin adapter over a plain list of `Conversation` records (newest first);
`set_conversations` resets it. `ConversationFilterProxy` keeps rows whose title contains the query or
whose id is in the set of full-text matches the history store found (`set_search`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from runyard_desktop.core.chat.conversation import Conversation
from runyard_desktop.models.tooltip_text import plain_tooltip

IdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def relative_day(timestamp: float, now: float | None = None) -> str:
    """'Today 14:05', 'Yesterday', 'Mon 3 Nov' — short enough for a list row."""
    now = time.time() if now is None else now
    then, today = time.localtime(timestamp), time.localtime(now)
    days = (time.mktime((*today[:3], 0, 0, 0, 0, 0, -1)) - time.mktime((*then[:3], 0, 0, 0, 0, 0, -1))) / 86400
    if days < 0.5:
        return time.strftime("Today %H:%M", then)
    if days < 1.5:
        return "Yesterday"
    return time.strftime("%a %d %b", then)


class ConversationListModel(QAbstractListModel):
    """One row per conversation. Display: the title; tooltip: model and last use.

    Signals: only QAbstractItemModel's own (modelReset, dataChanged, rows*).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Conversation] = []

    def set_conversations(self, conversations: Iterable[Conversation]) -> None:
        self.beginResetModel()
        self._rows = list(conversations)
        self.endResetModel()

    def conversations(self) -> Sequence[Conversation]:
        return tuple(self._rows)

    def row_of(self, conversation_id: int) -> int:
        for row, conversation in enumerate(self._rows):
            if conversation.id == conversation_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return c.display_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{c.display_title}\n{c.model or 'no model chosen'} · {relative_day(c.updated_at)}")
        if role == IdRole:
            return c.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ConversationFilterProxy(QSortFilterProxyModel):
    """Search: title substring (case-insensitive) or a full-text match id from the store."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._ids: frozenset[int] = frozenset()

    def set_search(self, query: str, matching_ids: Iterable[int] = ()) -> None:
        self.beginFilterChange()
        self._query = query.strip().casefold()
        self._ids = frozenset(matching_ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._query:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "").casefold()
        return self._query in title or index.data(IdRole) in self._ids
