"""The Models table model, its proxy (qtmodeltester), and the Models page wired into the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableView

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import FitReport, evaluate_all
from runyard_desktop.core.hardware.presets import MACHINES
from runyard_desktop.models.catalogue_model import CatalogueFilterProxy, CatalogueModel, Column
from runyard_desktop.ui.models.models_view import ModelsView
from runyard_desktop.ui.models.whatif_editor import CUSTOM, THIS_MACHINE

CAT = load_catalogue()
RTX4060 = MACHINES["RTX 4060 8 GB + 16 GB RAM"]


def _report(source: CatalogueModel | ModelsView, tag: str) -> FitReport:
    """The fit report of `tag`, which every tag asked about here has."""
    report = source.report_for(tag)
    assert report is not None, f"no fit report for {tag}"
    return report


def _model() -> CatalogueModel:
    model = CatalogueModel(CAT)
    model.set_reports(evaluate_all(CAT, RTX4060))
    return model


def test_qtmodeltester_on_the_table_model(qtmodeltester) -> None:
    model = _model()
    model.set_row_status("qwen3.5:4b", RowStatus("Downloading 10 %", progress=0.1))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(CatalogueModel(CAT), force_py=True)  # before any report


def test_qtmodeltester_on_the_proxy(qtmodeltester) -> None:
    proxy = CatalogueFilterProxy()
    model = _model()
    proxy.setSourceModel(model)
    proxy.set_fits_only(True)
    proxy.sort(Column.SPEED, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_table_cells_show_the_estimate() -> None:
    model = _model()
    row = model.row_of("qwen3.5:9b")
    text = {c: model.index(row, c).data() for c in Column}
    assert text[Column.MODEL] == "qwen3.5:9b  ★ Recommended"
    assert text[Column.VERDICT] == "Runs on GPU"  # its input embedding stays in RAM
    partial = model.index(model.row_of("qwen3.5:9b-q8_0"), Column.VERDICT).data()
    assert partial.startswith("Partial GPU offload (") and partial.endswith("% on GPU)")
    assert text[Column.MEMORY] == "8.1 GiB" and text[Column.SIZE] == "6.6 GB" and "tok/s" in text[Column.SPEED]
    assert "vision" in text[Column.CAPABILITIES] and text[Column.STATUS] == ""
    labels = {model.index(model.row_of(t), Column.VERDICT).data() for t in ("qwen3.5:4b", "qwen3.5:27b")}
    assert labels == {"Runs on GPU", "Won't fit"}
    assert "RTX 4060" in model.index(row, Column.VERDICT).data(Qt.ItemDataRole.ToolTipRole)


def test_row_status_api(qtbot) -> None:
    model = _model()
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_row_status("qwen3.5:latest", RowStatus("Installed", installed=True, measured="31 tok/s measured"))
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == model.row_of("qwen3.5:9b") and bottom.column() == Column.STATUS
    assert model.row_status("qwen3.5:9b") == RowStatus("Installed", installed=True, measured="31 tok/s measured")
    assert model.index(top.row(), Column.STATUS).data() == "Installed"
    assert "31 tok/s measured" in model.index(top.row(), Column.SPEED).data(Qt.ItemDataRole.ToolTipRole)
    model.set_reports(evaluate_all(CAT, MACHINES["H100 80 GB server"]))
    assert model.row_status("qwen3.5:9b") is not None  # survives re-evaluation
    model.set_row_status("qwen3.5:9b", None)
    assert model.row_status("qwen3.5:9b") is None
    with pytest.raises(KeyError):
        model.set_row_status("qwen3.5:7b", RowStatus("x"))
    with pytest.raises(ValueError):
        RowStatus("x", progress=1.5)


def test_proxy_filters_and_sorts() -> None:
    proxy = CatalogueFilterProxy()
    model = _model()
    proxy.setSourceModel(model)

    def shown() -> list[str]:
        return [proxy.index(r, 0).data(CatalogueModel.TagRole) for r in range(proxy.rowCount())]

    assert "qwen3.5:9b-q4_K_M" not in shown() and "qwen3.5:122b-a10b" in shown()
    proxy.set_hide_duplicates(False)
    assert "qwen3.5:9b-q4_K_M" in shown()
    proxy.set_fits_only(True)
    assert "qwen3.5:122b-a10b" not in shown() and "qwen3.5:9b" in shown()
    proxy.sort(Column.SIZE, Qt.SortOrder.AscendingOrder)
    sizes = [CAT.get(t).download_bytes for t in shown()]
    assert sizes == sorted(sizes)
    proxy.sort(Column.VERDICT, Qt.SortOrder.AscendingOrder)
    verdicts = [_report(model, t).verdict.value for t in shown()]
    assert verdicts.index("partial") > verdicts.index("gpu")


def test_models_page_in_the_window(main_window, qtbot) -> None:
    view: ModelsView = main_window.page("models")
    main_window.show_page("models")
    assert main_window.current_page() == "models"
    table = main_window.findChild(QTableView, "modelTable")
    assert table is view.table and table.isVisible()
    # The page follows the hardware service (emitted by hand: a real detection's timing varies under load)
    main_window.services.core.hardware.profile_changed.emit(RTX4060)
    assert _report(view, "qwen3.5:9b-q8_0").verdict.value == "partial"
    assert view.kv_cache_type() == "f16" and view.context_length() is None and not view.is_what_if()


def test_view_selection_actions_context_and_what_if(qtbot) -> None:
    view = ModelsView(CAT)
    qtbot.addWidget(view)
    assert view.report_for("qwen3.5:9b") is None and view.selected_tag() is None
    with qtbot.waitSignal(view.fit_changed):
        view.set_profile(RTX4060)
    assert view.selected_tag() == "qwen3.5:9b"  # the recommendation is preselected
    assert _report(view, "qwen3.5:9b").context == 4096
    with qtbot.waitSignal(view.selection_changed) as blocker:
        assert view.select_tag("qwen3.5:27b")
    assert blocker.args == ["qwen3.5:27b"] and "won't fit" in view.details.reason.text()

    button = QPushButton("Download")
    button.setObjectName("downloadButton")
    view.add_action_widget(button)
    assert view.findChild(QPushButton, "downloadButton") is button and view.actions_layout.indexOf(button) == 0

    with qtbot.waitSignal(view.fit_changed):
        view.set_context_length(262144)
    assert view.effective_context("qwen3.5:9b") == 262144
    assert _report(view, "qwen3.5:9b").breakdown.kv_cache == 8 * 2**30

    with qtbot.waitSignal(view.fit_changed):
        view.set_context_length(12000)  # not in the list: added
    assert view.context_length() == 12000 and view.effective_context("qwen3.5:9b") == 12000
    with qtbot.waitSignal(view.fit_changed):
        view.kv_combo.setCurrentIndex(view.kv_combo.findData("q4_0"))
    assert view.kv_cache_type() == "q4_0"

    with qtbot.waitSignal(view.fit_changed):
        view.what_if_editor.choose("H100 80 GB server")
    assert view.is_what_if() and _report(view, "qwen3.5:27b").verdict.value == "gpu"
    assert "What if" in view.machine_label.text()
    with qtbot.waitSignal(view.fit_changed):
        view.what_if_editor.ram_available.setValue(4)
    assert view.what_if_editor.preset.currentText() == CUSTOM
    with qtbot.waitSignal(view.fit_changed):
        view.what_if_editor.choose(THIS_MACHINE)
    assert not view.is_what_if()


def test_view_paints_badges_status_and_bar(qtbot) -> None:
    view = ModelsView(CAT)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.set_profile(RTX4060)
    view.catalogue_model.set_row_status("qwen3.5:4b", RowStatus("Downloading 42 %", progress=0.42))
    view.catalogue_model.set_row_status("qwen3.5:2b", RowStatus("Installed", installed=True))
    view.catalogue_model.set_row_status("qwen3.5:0.8b", RowStatus("Failed: disk full", error=True))
    assert view.select_tag("qwen3.5:9b-q8_0")
    image = view.grab().toImage()
    assert not image.isNull() and view.details.bar.report is not None
    assert view.details.badge.text().startswith("Partial GPU offload")


def test_view_follows_the_ollama_version(qtbot) -> None:
    from runyard_desktop.core.fit.engine import OllamaRegime
    from runyard_desktop.core.ollama.types import OllamaStatus, ServerState

    view = ModelsView(CAT)
    qtbot.addWidget(view)
    view.set_profile(RTX4060)
    before = _report(view, "qwen3.5:9b").breakdown.recurrent_state
    with qtbot.waitSignal(view.fit_changed):
        view.set_ollama_status(OllamaStatus(ServerState.RUNNING, "http://127.0.0.1:11434", version="0.24.1"))
    assert view.ollama_regime() is OllamaRegime.OLLAMA_ENGINE and "0.17–0.29" in view.machine_label.text()
    assert _report(view, "qwen3.5:9b").breakdown.recurrent_state == 25 * before
    with qtbot.waitSignal(view.fit_changed):
        view.set_ollama_status(OllamaStatus(ServerState.RUNNING, "http://127.0.0.1:11434", version="0.31.0"))
    assert view.ollama_regime() is OllamaRegime.LLAMA_SERVER
