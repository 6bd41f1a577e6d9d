"""The conversations column: New, search, the list (`conversationList`), rename and delete with Undo."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.chat.conversation import Conversation
from runyard_desktop.models.conversation_model import ConversationFilterProxy, ConversationListModel, IdRole
from runyard_desktop.ui.theme import PANEL_MARGINS, PANEL_SPACING, ROW_MARGINS, SPACE_S, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label

UNDO_MS = 8000


class ConversationSidebar(QFrame):
    """Lists conversations; forwards the user's intent.

    Signals:
        new_requested(): "New chat".
        open_requested(int): a conversation was chosen.
        rename_requested(int, str): id and the new title.
        delete_requested(int): delete this conversation (soft; Undo is offered).
        undo_delete_requested(int): bring it back.
        search_changed(str): the search text changed.
    """

    new_requested = Signal()
    open_requested = Signal(int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(int)
    undo_delete_requested = Signal(int)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationSidebar")
        self.model = ConversationListModel(self)
        self.proxy = ConversationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.new_button = QPushButton("+  New chat")
        self.new_button.setObjectName("newConversationButton")
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.new_button.setToolTip(f"Start a new conversation ({new_keys})")  # Chat → New chat
        self.new_button.clicked.connect(self.new_requested)
        self.search = QLineEdit()
        self.search.setObjectName("conversationSearch")
        self.search.setPlaceholderText("Search conversations")
        self.search.setAccessibleName("Search conversations")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        self.list = QListView()
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName("Conversations")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        # Long titles end in "…" instead of widening the list behind a horizontal scrollbar.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setWordWrap(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        undo_layout = QHBoxLayout(self.undo_bar)
        spaced(undo_layout, ROW_MARGINS, SPACE_S)
        self.undo_label = plain_label()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("undoDeleteButton")
        self.undo_button.clicked.connect(self._on_undo_clicked)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_MS)
        self._undo_timer.timeout.connect(self.undo_bar.hide)
        self._deleted_id: int | None = None
        self._selecting = False

        self.rename_action = QAction("Rename…", self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self._on_rename_triggered)
        self.delete_action = QAction("Delete", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        for action in (self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.list.addAction(action)

        layout = QVBoxLayout(self)
        spaced(layout, PANEL_MARGINS, PANEL_SPACING)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.undo_bar)

    # ---- state -------------------------------------------------------------------------------

    def set_conversations(self, conversations: Iterable[Conversation], current_id: int | None) -> None:
        self._selecting = True
        self.model.set_conversations(conversations)
        self.select(current_id)
        self._selecting = False

    def select(self, conversation_id: int | None) -> None:
        row = -1 if conversation_id is None else self.model.row_of(conversation_id)
        if row < 0:
            self.list.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            was = self._selecting
            self._selecting = True
            self.list.setCurrentIndex(index)
            self._selecting = was

    def set_search_matches(self, query: str, ids: set[int]) -> None:
        # Filtering moves the view's current row; that must not open another conversation.
        self._selecting = True
        self.proxy.set_search(query, ids)
        self._selecting = False

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return None if not index.isValid() else int(index.data(IdRole))

    def offer_undo(self, conversation_id: int, title: str) -> None:
        self._deleted_id = conversation_id
        self.undo_label.setText(f"Deleted “{title}”")
        self.undo_bar.show()
        self._undo_timer.start()

    # ---- slots -------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._selecting:
            self.open_requested.emit(int(current.data(IdRole)))

    @Slot(QPoint)
    def _on_list_context_menu(self, pos: QPoint) -> None:
        if not self.list.indexAt(pos).isValid():
            return
        self.list.setCurrentIndex(self.list.indexAt(pos))
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.addAction(self.delete_action)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    @Slot()
    def _on_rename_triggered(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        title, ok = QInputDialog.getText(self, "Rename conversation", "Title:", text=str(index.data()))
        if ok and title.strip():
            self.rename_requested.emit(int(index.data(IdRole)), title.strip())

    @Slot()
    def _on_delete_triggered(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            conversation_id, title = int(index.data(IdRole)), str(index.data())
            self.delete_requested.emit(conversation_id)
            self.offer_undo(conversation_id, title)

    @Slot()
    def _on_undo_clicked(self) -> None:
        if self._deleted_id is not None:
            self.undo_delete_requested.emit(self._deleted_id)
            self._deleted_id = None
        self.undo_bar.hide()
        self._undo_timer.stop()
