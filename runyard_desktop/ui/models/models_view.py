"""The *Models* page: every Qwen3.5 tag with its verdict badge, memory need, download size, speed,
capabilities and status; a details panel with the memory breakdown bar; context and KV controls;
and the what-if editor. It renders and forwards intent; the fit engine in core decides.

Public API for other pages (downloads, chat): docs/dev/models-view-api.md.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.calibration import calibrations, checked_text, recalibrated
from runyard_desktop.core.fit.catalogue import Catalogue
from runyard_desktop.core.fit.engine import (
    KV_CACHE_TYPES,
    FitOptions,
    FitReport,
    OllamaRegime,
    evaluate_all,
    regime_for_version,
)
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.formatting import human_gib
from runyard_desktop.core.hardware.profile import HardwareProfile
from runyard_desktop.models.catalogue_model import CatalogueFilterProxy, CatalogueModel, Column
from runyard_desktop.ui.models.catalogue_delegates import StatusDelegate, VerdictBadgeDelegate
from runyard_desktop.ui.models.model_details import ModelDetails
from runyard_desktop.ui.models.whatif_editor import WhatIfEditor
from runyard_desktop.ui.theme import SPACE_M, SPACE_S, SPACE_XS, TITLE_SCALE, page_layout, scaled, spaced
from runyard_desktop.ui.widgets.context_combo import fill_context_combo, select_context
from runyard_desktop.ui.widgets.plain_text import plain_label

GPU_MARK = "  ◂ largest fully on GPU"  # appended to the context choice that marks the selected tag's limit

SORT_CHOICES = (
    ("Catalogue order", -1, Qt.SortOrder.AscendingOrder),
    ("Best verdict first", Column.VERDICT, Qt.SortOrder.AscendingOrder),
    ("Fastest first", Column.SPEED, Qt.SortOrder.DescendingOrder),
    ("Smallest download first", Column.SIZE, Qt.SortOrder.AscendingOrder),
    ("Largest model first", Column.MODEL, Qt.SortOrder.DescendingOrder),
)


class ModelsView(QWidget):
    """The Models page.

    Signals:
        selection_changed(str): the selected catalogue tag, "" when nothing is selected.
        fit_changed(): every report was recomputed (hardware, what-if, context or KV type changed).
    """

    selection_changed = Signal(str)
    fit_changed = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelsView")
        self._catalogue = catalogue
        self._profile: HardwareProfile | None = None
        self._what_if: HardwareProfile | None = None
        self._regime = OllamaRegime.LLAMA_SERVER  # until the server says otherwise
        self._calibrated_from: tuple[tuple[str, str], ...] = ()  # the measured checks the ranges were re-centred on
        self._recalibrate = QTimer(self)
        self._recalibrate.setSingleShot(True)
        self._recalibrate.setInterval(0)
        self._recalibrate.timeout.connect(self._reevaluate)
        self.catalogue_model = CatalogueModel(catalogue, self)
        self.proxy = CatalogueFilterProxy(self)
        self.proxy.setSourceModel(self.catalogue_model)
        self.catalogue_model.dataChanged.connect(self._on_catalogue_model_data_changed)

        outer = QVBoxLayout(self)
        page_layout(outer)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_controls())
        # A splitter with a scrolling bottom: other pages may add banners above, and small screens
        # must never squeeze the table, the badges and the breakdown bar on top of each other.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("modelsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table_side())
        bottom = QScrollArea()
        bottom.setObjectName("modelDetailsScroll")
        bottom.setWidgetResizable(True)
        bottom.setFrameShape(QFrame.Shape.NoFrame)
        panel = self._build_bottom_panel()
        bottom.setWidget(panel)
        bottom.setMinimumHeight(140)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([10_000, min(250, panel.sizeHint().height())])
        outer.addWidget(self.splitter, 1)
        self._reevaluate()

    # --- layout ------------------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        title = plain_label("Models")
        title.setObjectName("pageTitle")
        title.setFont(scaled(title.font(), TITLE_SCALE, bold=True))
        header.addWidget(title)
        self.machine_label = plain_label("Detecting this machine…")
        self.machine_label.setObjectName("modelsMachineLabel")
        self.machine_label.setWordWrap(True)
        header.addWidget(self.machine_label, 1)
        return header

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.context_combo = QComboBox()
        self.context_combo.setObjectName("contextLength")
        fill_context_combo(self.context_combo)
        self.kv_combo = QComboBox()
        self.kv_combo.setObjectName("kvCacheType")
        for kv in KV_CACHE_TYPES:
            self.kv_combo.addItem({"f16": "f16 (default)", "q8_0": "q8_0 (half)", "q4_0": "q4_0 (quarter)"}[kv], kv)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("fitFilter")
        self.filter_combo.addItems(["All models", "Only what fits"])
        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("sortOrder")
        self.sort_combo.addItems([name for name, _, _ in SORT_CHOICES])
        self.duplicates_check = QCheckBox("Show duplicate tags")
        self.duplicates_check.setObjectName("showDuplicates")
        self.duplicates_check.setToolTip("Second names for the same download, e.g. qwen3.5:9b-q4_K_M = qwen3.5:9b")
        for label, widget in (
            ("Context", self.context_combo),
            ("KV cache", self.kv_combo),
            ("Show", self.filter_combo),
            ("Sort", self.sort_combo),
        ):
            row.addWidget(plain_label(label))
            row.addWidget(widget)
            row.addSpacing(8)
        row.addWidget(self.duplicates_check)
        row.addStretch(1)
        self.context_combo.currentIndexChanged.connect(self._on_options_changed)
        self.kv_combo.currentIndexChanged.connect(self._on_options_changed)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.sort_combo.currentIndexChanged.connect(self._on_sort_combo_changed)
        self.duplicates_check.toggled.connect(self._on_duplicates_check_toggled)
        return row

    def _build_table_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        spaced(layout, (0, 0, 0, 0), SPACE_XS)
        self.table = QTableView()
        self.table.setObjectName("modelTable")
        self.table.setAccessibleName("Models")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(Column.VERDICT, VerdictBadgeDelegate(self.table))
        self.table.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self.table))
        header = self.table.horizontalHeader()
        # Interactive, sized once per re-evaluation (_fit_columns): ResizeToContents would re-measure
        # every cell after each dataChanged, i.e. on every download progress tick (~40 ms each).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.CAPABILITIES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.STATUS, 170)
        self.table.setMinimumHeight(4 * (self.fontMetrics().height() + 14))
        header.setMinimumSectionSize(60)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        layout.addWidget(self.table, 1)
        self.actions_layout = QHBoxLayout()
        self.actions_layout.setContentsMargins(0, SPACE_XS, 0, 0)
        self.actions_layout.addStretch(1)
        layout.addLayout(self.actions_layout)
        return side

    def _build_bottom_panel(self) -> QWidget:
        bottom = QWidget()
        layout = QHBoxLayout(bottom)
        spaced(layout, (0, SPACE_S, 0, 0), SPACE_M)
        self.details = ModelDetails()
        layout.addWidget(self.details, 3)
        self.what_if_editor = WhatIfEditor()
        self.what_if_editor.profile_changed.connect(self._on_what_if_editor_profile_changed)
        column = QVBoxLayout()
        column.addWidget(self.what_if_editor)
        column.addStretch(1)
        layout.addLayout(column, 2)
        return bottom

    # --- public API (docs/dev/models-view-api.md) ---------------------------------------------------
    def add_action_widget(self, widget: QWidget) -> None:
        """Add a widget (e.g. Download/Cancel) to the action row under the table, left to right."""
        self.actions_layout.insertWidget(self.actions_layout.count() - 1, widget)
        self._order_actions_after_table()

    def _order_actions_after_table(self) -> None:
        """Tab goes table → the action row's controls → details, as they are laid out (widgets added later
        would otherwise come last in the chain)."""
        before: QWidget = self.table
        for i in range(self.actions_layout.count()):
            item = self.actions_layout.itemAt(i)
            row_widget = item.widget() if item is not None else None
            if row_widget is None:
                continue
            for child in [row_widget, *row_widget.findChildren(QWidget)]:
                if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    QWidget.setTabOrder(before, child)
                    before = child

    def selected_tag(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(rows[0].data(CatalogueModel.TagRole))

    def select_tag(self, tag: str) -> bool:
        source = self.catalogue_model.index(self.catalogue_model.row_of(tag), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def report_for(self, tag: str) -> FitReport | None:
        return self.catalogue_model.report_for(tag)

    def context_length(self) -> int | None:
        return self.context_combo.currentData()

    def effective_context(self, tag: str) -> int:
        report = self.report_for(tag)
        return report.context if report is not None else (self.context_length() or 4096)

    def kv_cache_type(self) -> str:
        return str(self.kv_combo.currentData())

    def is_what_if(self) -> bool:
        return self._what_if is not None

    def set_context_length(self, context: int | None) -> None:
        """Pick a context (None = Ollama's default); a value not in the list is added to it."""
        select_context(self.context_combo, context)

    def ollama_regime(self) -> OllamaRegime:
        return self._regime

    @Slot(object)
    def set_ollama_status(self, status: object) -> None:
        """Follow the server's version (OllamaService.status_changed): 0.17–0.29 places models differently."""
        regime = regime_for_version(getattr(status, "version", None))
        if regime is not self._regime:
            self._regime = regime
            self._reevaluate()

    @Slot(object)
    def set_profile(self, profile: HardwareProfile) -> None:
        """This machine's profile (from HardwareService.profile_changed)."""
        self._profile = profile
        self.what_if_editor.show_this_machine(profile)
        self._reevaluate()

    # --- behaviour ---------------------------------------------------------------------------------
    def _current_profile(self) -> HardwareProfile | None:
        return self._what_if or self._profile

    def _reevaluate(self) -> None:
        profile = self._current_profile()
        if profile is None:
            self.catalogue_model.set_reports([])
            self.details.show_report(None, None, self._catalogue)
            return
        options = FitOptions(context=self.context_length(), kv_cache_type=self.kv_cache_type(), regime=self._regime)
        reports = evaluate_all(self._catalogue, profile, options)
        # This machine's measured checks re-centre the speed ranges; a what-if describes another machine.
        measurements = [] if self.is_what_if() else self.catalogue_model.measurements()
        self._calibrated_from = self._measurement_key(measurements)
        cals = calibrations(measurements, self._catalogue, profile, options)
        reports, calibrated = recalibrated(self._catalogue, reports, cals)
        self.catalogue_model.set_reports(reports, calibrated)
        self._fit_columns()
        self.machine_label.setText(self._machine_text(profile, checked_text(calibrated.values())))
        if self.selected_tag() is None:
            best = next((t for t in self.catalogue_model.tags() if (r := self.report_for(t)) and r.recommended), None)
            if best is not None:
                self.select_tag(best)
        self._show_details()
        self.fit_changed.emit()

    def _fit_columns(self) -> None:
        for column in (Column.MODEL, Column.VERDICT, Column.MEMORY, Column.SIZE, Column.SPEED):
            self.table.resizeColumnToContents(column)

    def _machine_text(self, profile: HardwareProfile, checked: str) -> str:
        prefix = "What if: " if self.is_what_if() else "For this machine: "
        gpus = profile.inference_gpus
        gpu = ", ".join(g.name for g in gpus) if gpus else "no GPU"
        engine = " · estimates for Ollama 0.17–0.29" if self._regime is OllamaRegime.OLLAMA_ENGINE else ""
        recentred = f" · {checked}" if checked else ""
        return f"{prefix}{gpu} · {human_gib(profile.ram.total_bytes, precision=0)} RAM{engine}{recentred}"

    def _show_details(self) -> None:
        tag = self.selected_tag()
        report = self.report_for(tag) if tag else None
        profile = self._current_profile()
        unified = bool(profile and any(g.unified_memory for g in profile.inference_gpus))
        self.details.show_report(
            report,
            self.catalogue_model.entry(tag) if tag else None,
            self._catalogue,
            unified=unified,
            status=self._row_status(tag),
            calibrated=self.catalogue_model.calibrated_for(tag) if tag else None,
        )
        self._mark_context_choices(report)

    @staticmethod
    def _measurement_key(measurements: list[Measurement]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((m.tag, m.measured_at) for m in measurements))

    def _mark_context_choices(self, report: FitReport | None) -> None:
        """Label the largest context choice that still runs fully on the GPU for the selected tag."""
        combo = self.context_combo
        limit = report.max_gpu_context if report is not None else None
        fitting = [i for i in range(combo.count()) if limit and combo.itemData(i) and combo.itemData(i) <= limit]
        marked = max(fitting, key=combo.itemData, default=None)
        for i in range(combo.count()):
            text = combo.itemText(i).removesuffix(GPU_MARK)
            combo.setItemText(i, text + GPU_MARK if i == marked else text)

    def _row_status(self, tag: str | None) -> RowStatus | None:
        """The row's download/measure status; none in a what-if, which describes another machine."""
        return self.catalogue_model.row_status(tag) if tag and not self.is_what_if() else None

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_details()
        self.selection_changed.emit(self.selected_tag() or "")

    @Slot(QModelIndex, QModelIndex, "QList<int>")
    def _on_catalogue_model_data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        # Download progress ticks land here: only the speed line depends on the row status. Selection
        # changes and re-evaluation render the whole panel themselves.
        if (
            not self.is_what_if()
            and self._measurement_key(self.catalogue_model.measurements()) != self._calibrated_from
        ):
            # A new measured check re-centres the other tags' speed ranges: once this signal has been
            # delivered everywhere (re-evaluating inside it would reset the model under the proxy's feet).
            self._recalibrate.start()
        tag = self.selected_tag()
        if tag is not None and top.row() <= self.catalogue_model.row_of(tag) <= bottom.row():
            self.details.set_status(self._row_status(tag))

    @Slot(int)
    def _on_options_changed(self, _index: int) -> None:
        self._reevaluate()

    @Slot(object)
    def _on_what_if_editor_profile_changed(self, profile: HardwareProfile | None) -> None:
        self._what_if = profile
        self._reevaluate()

    @Slot(int)
    def _on_filter_combo_changed(self, index: int) -> None:
        self.proxy.set_fits_only(index == 1)

    @Slot(int)
    def _on_sort_combo_changed(self, index: int) -> None:
        _name, column, order = SORT_CHOICES[index]
        self.table.sortByColumn(int(column), order)

    @Slot(bool)
    def _on_duplicates_check_toggled(self, checked: bool) -> None:
        self.proxy.set_hide_duplicates(not checked)
