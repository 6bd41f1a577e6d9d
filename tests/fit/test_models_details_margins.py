"""The Models page details: the largest context fully on the GPU (row + marked context choice) and this
machine's measured check beside the estimate, in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QListWidget, QTableView

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit import calibration
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import FitOptions, evaluate
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.fit.speed import centre_of
from runyard_desktop.core.fit.text import speed_phrase
from runyard_desktop.core.hardware.presets import MACHINES
from runyard_desktop.models.catalogue_model import Column
from runyard_desktop.ui.models.models_view import GPU_MARK, ModelsView

RTX4060 = MACHINES["RTX 4060 8 GB + 16 GB RAM"]


def _open_models(main_window, qtbot, *, what_if: bool) -> ModelsView:
    nav = main_window.findChild(QListWidget, "navigation")
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "Models")
    nav.setCurrentRow(row)
    view: ModelsView = main_window.page("models")
    if what_if:  # the preset machine, whatever this machine's detection says and whenever it lands
        with qtbot.waitSignal(view.fit_changed):
            view.what_if_editor.choose("RTX 4060 8 GB + 16 GB RAM")
    else:
        main_window.services.core.hardware.profile_changed.emit(RTX4060)
    assert main_window.findChild(QTableView, "modelTable").isVisible()
    return view


def test_details_show_and_the_context_choices_mark_the_largest_fully_on_gpu_context(main_window, qtbot) -> None:
    view = _open_models(main_window, qtbot, what_if=True)
    assert view.select_tag("qwen3.5:4b")
    report = view.report_for("qwen3.5:4b")
    assert report is not None and report.max_gpu_context
    limit, limit_q8 = report.max_gpu_context_by_kv["f16"], report.max_gpu_context_by_kv["q8_0"]
    text = main_window.findChild(QLabel, "maxGpuContext").text()
    assert text == f"up to {limit:,} tokens with KV f16 · {limit_q8:,} tokens with KV q8_0"
    combo = main_window.findChild(QComboBox, "contextLength")
    marked = [combo.itemData(i) for i in range(combo.count()) if combo.itemText(i).endswith(GPU_MARK)]
    choices = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    assert marked == [max(c for c in choices if c <= limit)]
    # A tag that does not run fully on the GPU at any context: no choice is marked, the row says so.
    assert view.select_tag("qwen3.5:122b-a10b")
    assert not any(combo.itemText(i).endswith(GPU_MARK) for i in range(combo.count()))
    assert main_window.findChild(QLabel, "maxGpuContext").text().startswith("Not at any context")


def test_details_show_the_measured_check_beside_the_estimate(main_window, qtbot) -> None:
    view = _open_models(main_window, qtbot, what_if=False)
    assert view.select_tag("qwen3.5:4b")
    m = Measurement("qwen3.5:4b", "2026-12-01T10:00:00+00:00", 8192, 8192, 4 * 2**30, 3 * 2**30, 41.04, 2.0, "0.30.1")
    view.catalogue_model.set_row_status("qwen3.5:4b", RowStatus("Installed", installed=True, measurement=m))
    speed = main_window.findChild(QLabel, "speedText").text()
    assert speed.endswith("(estimate) — measured here: 41.0 tok/s, 75 % GPU (8K context, Ollama 0.30.1, 2026-12-01)")


def test_a_check_recentres_the_other_tags_speed_in_the_table_and_details(main_window, qtbot) -> None:
    """A measured check of qwen3.5:4b all on the GPU at twice the estimate: qwen3.5:9b (also all on the GPU)
    shows its range moved up in the table and the details, with the plain estimate beside it; a what-if
    (another machine) does not use this machine's checks."""
    view = _open_models(main_window, qtbot, what_if=False)
    options = FitOptions(context=8192, filled_tokens=calibration.MEASURE_FILL_TOKENS)
    at_check = evaluate(load_catalogue().get("qwen3.5:4b"), RTX4060, options).tokens_per_second
    nine = view.report_for("qwen3.5:9b")
    assert at_check and nine is not None and nine.verdict.value == "gpu" and nine.tokens_per_second
    plain = speed_phrase(nine.tokens_per_second)
    m = Measurement(
        "qwen3.5:4b", "2026-12-01T10:00:00+00:00", 8192, 8192, 4 * 2**30, 4 * 2**30, 2 * centre_of(at_check)
    )
    with qtbot.waitSignal(view.fit_changed):
        view.catalogue_model.set_row_status("qwen3.5:4b", RowStatus("Installed", installed=True, measurement=m))
    moved = view.catalogue_model.calibrated_for("qwen3.5:9b")
    assert moved is not None and centre_of(moved.tokens_per_second) > 1.3 * centre_of(nine.tokens_per_second)
    row = view.catalogue_model.row_of("qwen3.5:9b")
    cell = view.catalogue_model.index(row, Column.SPEED)
    assert cell.data() == speed_phrase(moved.tokens_per_second) != plain
    assert "qwen3.5:4b" in cell.data(Qt.ItemDataRole.ToolTipRole) and plain in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert view.select_tag("qwen3.5:9b")
    speed = main_window.findChild(QLabel, "speedText").text()
    assert speed.startswith(
        f"{speed_phrase(moved.tokens_per_second)} (re-centred on the speed measured here for qwen3.5:4b"
    )
    assert f"the estimate alone: {plain})" in speed
    header = main_window.findChild(QLabel, "modelsMachineLabel").text()
    assert header.endswith(" · speeds re-centred on the speed measured here for qwen3.5:4b")
    with qtbot.waitSignal(view.fit_changed):  # another machine: this machine's check says nothing about it
        view.what_if_editor.choose("RTX 4060 8 GB + 16 GB RAM")
    assert view.catalogue_model.calibrated_for("qwen3.5:9b") is None
    assert main_window.findChild(QLabel, "speedText").text().startswith(f"{plain} (estimate)")
    assert "re-centred" not in main_window.findChild(QLabel, "modelsMachineLabel").text()


def test_what_if_describes_a_windows_carve_out(main_window, qtbot) -> None:
    """ollama/ollama#15709 typed into the what-if editor: 94.7 GiB set aside for the GPU, 31.6 GiB left to
    Windows (20.3 free). Ticking the carve-out box takes "runs on GPU" away from 122b-a10b at 256K."""
    view = _open_models(main_window, qtbot, what_if=True)
    editor = view.what_if_editor
    for spin, value in ((editor.gpu_memory, 94.7), (editor.ram_total, 31.6), (editor.ram_available, 20.3)):
        with qtbot.waitSignal(view.fit_changed):
            spin.setValue(value)
    view.set_context_length(262_144)
    assert view.select_tag("qwen3.5:122b-a10b")
    report = view.report_for("qwen3.5:122b-a10b")
    assert report is not None and report.verdict.value == "gpu"  # a plain 94.7 GiB GPU
    box = main_window.findChild(QCheckBox, "whatIfCarveOut")
    with qtbot.waitSignal(view.fit_changed):
        box.setChecked(True)
    report = view.report_for("qwen3.5:122b-a10b")
    assert report is not None and report.verdict.value != "gpu"
    assert report.gpu_free_bytes == 2 * int(31.6 * 2**30)  # still a GPU, capped at twice Windows' RAM
    assert view.details.badge.text() != "Runs on GPU"


def test_details_say_how_much_slower_a_full_context_is(main_window, qtbot) -> None:
    view = _open_models(main_window, qtbot, what_if=True)
    assert view.select_tag("qwen3.5:0.8b")
    combo = main_window.findChild(QComboBox, "contextLength")
    largest = max(i for i in range(combo.count()) if combo.itemData(i))
    with qtbot.waitSignal(view.fit_changed):
        combo.setCurrentIndex(largest)
    report = view.report_for("qwen3.5:0.8b")
    assert report is not None and report.tokens_per_second_full_context
    speed = main_window.findChild(QLabel, "speedText").text()
    assert f"with all {report.context // 1024}K in use" in speed
