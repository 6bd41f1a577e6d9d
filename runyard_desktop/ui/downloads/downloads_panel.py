"""Download widgets: the action bar under the Models table and the downloads list.

`DownloadBar` sits in the Models view's action row and acts on the selected row: Download (or
Resume / Retry), the progress of that row's download (`downloadProgress`), Cancel
(`cancelDownloadButton`), and for an installed model Chat, Measure and Delete. `DownloadsPanel`
lists active and finished pulls with their phase, with Cancel / Resume / Retry for the selected one.
Widgets only render and forward intent; the words come from `core.downloads`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.downloads.progress_words import action_label, notice, progress_text
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.core.ollama.types import PullState, PullStatus
from runyard_desktop.models.download_model import DownloadListModel
from runyard_desktop.models.tooltip_text import plain_tooltip
from runyard_desktop.ui.models.catalogue_delegates import ERROR_COLOUR, INSTALLED_COLOUR
from runyard_desktop.ui.theme import ROW_MARGINS, SPACE_S, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label

_Index = QModelIndex | QPersistentModelIndex


class DownloadBar(QWidget):
    """The action row's download controls for the selected catalogue row.

    Signals:
        download_requested(str): Download / Resume / Retry was pressed for this tag.
        cancel_requested(str): Cancel was pressed for this tag.
        chat_requested(str), measure_requested(str), delete_requested(str): for an installed tag.
    """

    download_requested = Signal(str)
    cancel_requested = Signal(str)
    chat_requested = Signal(str)
    measure_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloadBar")
        self._tag: str | None = None
        self._progress_tag: str | None = None
        self._cancel_tag: str | None = None
        self.download_button = QPushButton("Download")
        self.download_button.setObjectName("downloadButton")
        self.download_button.setDefault(True)
        self.download_button.setMinimumWidth(120)
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setMinimumWidth(360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        # Centred text stays readable: left-aligned, the first characters sat under the chunk.
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = plain_label()
        self.message.setObjectName("downloadMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR.name()};")
        self.message.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.cancel_button.setEnabled(False)
        self.chat_button = QPushButton("Chat")
        self.chat_button.setObjectName("chatWithModelButton")
        self.measure_button = QPushButton("Measure")
        self.measure_button.setObjectName("measureButton")
        self.measure_button.setToolTip("Load the model, run one short prompt and compare the speed with the estimate")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteModelButton")
        layout = QHBoxLayout(self)
        spaced(layout, (0, 0, 0, 0), SPACE_S)
        layout.addWidget(self.download_button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.message, 1)
        for widget in (self.cancel_button, self.chat_button, self.measure_button, self.delete_button):
            layout.addWidget(widget)
        for button in (
            self.download_button,
            self.cancel_button,
            self.chat_button,
            self.measure_button,
            self.delete_button,
        ):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addStretch(0)
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.chat_button.clicked.connect(self._on_chat_button_clicked)
        self.measure_button.clicked.connect(self._on_measure_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.show_for(None, None, installed=False, active=None, usable=False)

    @property
    def tag(self) -> str | None:
        return self._tag

    def show_for(
        self, tag: str | None, state: PullState | None, *, installed: bool, active: PullState | None, usable: bool
    ) -> None:
        """Render for the selected `tag` (its pull `state`), with `active` the download running now."""
        self._tag = tag
        text, enabled = action_label(state, installed) if tag else ("Download", False)
        self.download_button.setText(text)
        self.download_button.setEnabled(enabled)  # when Ollama is not ready, the checks say why
        if state is not None and state.is_active:
            shown: PullState | None = state
        elif installed:
            shown = None  # drawn as "Installed"
        else:
            shown = state or active
        self._progress_tag = shown.tag if shown is not None else None
        self._render_progress(shown, installed)
        cancellable = state if state is not None and state.is_active else active
        self._cancel_tag = cancellable.tag if cancellable is not None else None
        self.cancel_button.setEnabled(cancellable is not None)
        self.cancel_button.setToolTip(
            plain_tooltip(f"Stop downloading {cancellable.tag}; what is downloaded is kept")
            if cancellable
            else "Nothing is downloading"
        )
        for button in (self.chat_button, self.measure_button, self.delete_button):
            button.setVisible(installed)
            button.setEnabled(installed and usable)

    def _render_progress(self, state: PullState | None, installed: bool) -> None:
        failed = state if state is not None and state.status is PullStatus.FAILED else None
        self.message.setVisible(failed is not None)
        if failed is not None:  # the whole sentence with its next step, in place of the bar
            error = failed.error
            self.message.setText(f"{failed.tag} failed: {error.plain() if error is not None else failed.message}")
            self.progress.setVisible(False)
            self.progress.setValue(int((failed.fraction or 0) * 100))
            self.progress.setFormat(f"Failed: {error.message if error is not None else failed.message}")
            return
        if state is None:
            self.progress.setValue(100 if installed else 0)
            self.progress.setFormat("Installed" if installed else "")
            self.progress.setVisible(installed)
            return
        self.progress.setVisible(True)
        fraction = state.fraction or 0.0
        self.progress.setValue(100 if state.status is PullStatus.DONE else int(fraction * 100))
        prefix = "" if state.tag == self._tag else f"{state.tag}: "
        if state.status is PullStatus.DONE:
            words = "Downloaded"
        elif state.status is PullStatus.CANCELLED:
            words = f"Paused · {human_bytes(state.completed)} of {human_bytes(state.total)} kept"
        elif state.status is PullStatus.QUEUED:
            words = "Queued"
        else:
            words = " · ".join(w for w in (notice(state), progress_text(state)) if w) or state.message
        self.progress.setFormat(prefix + words)  # QProgressBar only expands %p, %v and %m

    @Slot()
    def _on_download_button_clicked(self) -> None:
        if self._tag:
            self.download_requested.emit(self._tag)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self._cancel_tag:
            self.cancel_requested.emit(self._cancel_tag)

    @Slot()
    def _on_chat_button_clicked(self) -> None:
        if self._tag:
            self.chat_requested.emit(self._tag)

    @Slot()
    def _on_measure_button_clicked(self) -> None:
        if self._tag:
            self.measure_requested.emit(self._tag)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        if self._tag:
            self.delete_requested.emit(self._tag)


class DownloadItemDelegate(QStyledItemDelegate):
    """A downloads-list entry: the tag in bold, the phase line under it, a thin progress bar."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(320, height * 2 + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        state: PullState = index.data(DownloadListModel.StateRole)
        line = str(index.data(DownloadListModel.LineRole) or "")
        rect = option.rect.adjusted(10, 4, -10, -4)
        metrics = QFontMetrics(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(text_role))
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            state.tag,
        )
        painter.setFont(option.font)
        if not selected and state.status is PullStatus.FAILED:  # on the highlight, its own colour reads best
            painter.setPen(ERROR_COLOUR)
        elif not selected and state.status is PullStatus.DONE:
            painter.setPen(INSTALLED_COLOUR)
        line_rect = QRect(rect.left(), rect.top() + metrics.height() + 2, rect.width(), metrics.height())
        painter.drawText(
            line_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
        fraction = index.data(DownloadListModel.ProgressRole)
        if fraction is not None and state.status is not PullStatus.DONE:
            bar = QStyleOptionProgressBar()
            bar.rect = QRect(rect.left(), rect.bottom() - 5, rect.width(), 6)
            bar.minimum, bar.maximum, bar.progress = 0, 1000, int(fraction * 1000)
            bar.textVisible = False
            bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
            bar.palette = option.palette
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class DownloadsPanel(QWidget):
    """The downloads area: every pull of this session with its phase; act on the selected one.

    Signals:
        cancel_requested(str), resume_requested(str): for the selected entry (resume = retry).
        selection_changed(str): the selected entry's tag ("" when none).
    """

    cancel_requested = Signal(str)
    resume_requested = Signal(str)
    selection_changed = Signal(str)

    def __init__(self, model: DownloadListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloadsPanel")
        self.model = model
        self.title = plain_label("Downloads")
        self.title.setObjectName("downloadsTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListView()
        self.list.setObjectName("downloadsList")
        self.list.setAccessibleName("Downloads")
        self.list.setModel(model)
        self.list.setItemDelegate(DownloadItemDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.empty = plain_label("Nothing downloaded yet. Pick a model on the Models page and press Download.")
        self.empty.setWordWrap(True)
        self.empty.setObjectName("downloadsEmpty")
        self.action_button = QPushButton("Cancel")
        self.action_button.setObjectName("downloadsActionButton")
        self.clear_button = QPushButton("Clear finished")
        self.clear_button.setObjectName("clearDownloadsButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        spaced(layout, ROW_MARGINS, SPACE_S)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        model.dataChanged.connect(self._refresh)
        model.rowsInserted.connect(self._on_model_rows_inserted)
        model.rowsRemoved.connect(self._refresh)
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.clear_button.clicked.connect(model.clear_finished)
        self._refresh()

    def selected_state(self) -> PullState | None:
        index = self.list.currentIndex()
        return self.model.state(index.row()) if index.isValid() else None

    def select_tag(self, tag: str) -> None:
        row = self.model.row_of(tag)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    @Slot(QModelIndex, int, int)
    def _on_model_rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        self.list.setCurrentIndex(self.model.index(first, 0))
        self._refresh()

    @Slot()
    def _refresh(self, *_args: object) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.list.setVisible(has_rows)
        self.clear_button.setEnabled(has_rows and self.model.active_count() < self.model.rowCount())
        active = self.model.active_count()
        self.title.setText(f"Downloads · {active} active" if active else "Downloads")
        state = self.selected_state()
        if state is None:
            self.action_button.setEnabled(False)
            self.action_button.setVisible(False)
            return
        if state.is_active:
            self.action_button.setText("Cancel")
        elif state.status is PullStatus.CANCELLED:
            self.action_button.setText("Resume")
        elif state.status is PullStatus.FAILED:
            self.action_button.setText("Retry")
        self.action_button.setEnabled(state.status is not PullStatus.DONE)
        self.action_button.setVisible(state.status is not PullStatus.DONE)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._refresh()
        state = self.model.state(current.row()) if current.isValid() else None
        self.selection_changed.emit(state.tag if state else "")

    @Slot()
    def _on_action_button_clicked(self) -> None:
        state = self.selected_state()
        if state is None:
            return
        if state.is_active:
            self.cancel_requested.emit(state.tag)
        else:
            self.resume_requested.emit(state.tag)
