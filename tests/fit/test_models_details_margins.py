"""The Models page details: the largest context fully on the GPU (row + marked context choice) and this
machine's measured check beside the estimate, in the real window."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QListWidget, QTableView

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.hardware.presets import MACHINES
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
