"""The measured check on demand: Measure on an installed row, its badge, and a failure said plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

TAG = "qwen3.5:0.8b"


def test_measure_on_demand_shows_measured_beside_estimated_and_keeps_it(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_installed(TAG, size=1_000_000_000)
    window = open_window()
    view = window.page("models")
    qtbot.waitUntil(lambda: (s := view.catalogue_model.row_status(TAG)) is not None and s.installed, timeout=10_000)
    qtbot.waitUntil(lambda: view.report_for(TAG) is not None, timeout=30_000)
    view.select_tag(TAG)
    measure = window.findChild(QPushButton, "measureButton")
    assert measure.isVisible() and measure.isEnabled()
    with qtbot.waitSignal(window.downloads.measure.measure_finished, timeout=10_000) as done:
        qtbot.mouseClick(measure, Qt.MouseButton.LeftButton)
    m = done.args[0]
    assert m.tag == TAG and m.size > 0 and m.tokens_per_s
    card = window.downloads.card
    assert window.findChild(QLabel, "measuredLabel").text().startswith("Measured: ")
    assert window.findChild(QLabel, "estimatedLabel").text().startswith("Estimated: ")
    assert card.verdict.text()[2:] in (
        "The measurement agrees with the estimate.",
        "The measurement differs from the estimate:",
    )
    assert view.catalogue_model.row_status(TAG).measured == f"{m.tokens_per_s:.0f} tok/s measured"
    # Kept on disk: a new window shows the badge at once.
    window.close()
    again = open_window()
    view2 = again.page("models")
    qtbot.waitUntil(
        lambda: (s := view2.catalogue_model.row_status(TAG)) is not None and bool(s.measured), timeout=10_000
    )


def test_measure_failure_is_said_plainly(open_window, dl_fake, qtbot) -> None:
    dl_fake.add_installed(TAG, size=1_000_000_000)
    dl_fake.fail("chat", "out_of_memory")
    window = open_window()
    with qtbot.waitSignal(window.downloads.measure.measure_failed, timeout=10_000):
        window.downloads.request_measure(TAG)
    card = window.downloads.card
    assert card.measured.text() == "Could not measure"
    assert "memory" in card.verdict.text().lower()
    assert window.downloads.measurements.get(TAG) is None
