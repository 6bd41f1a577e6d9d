"""Models page details: a row-status tick updates the speed line only, and the panel then reads
exactly as a full render with that status would."""

from __future__ import annotations

from typing import Any

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.hardware.presets import MACHINES
from runyard_desktop.ui.models.model_details import ModelDetails
from runyard_desktop.ui.models.models_view import ModelsView

CAT = load_catalogue()
RTX4060 = MACHINES["RTX 4060 8 GB + 16 GB RAM"]


def _texts(details: ModelDetails) -> tuple[str, ...]:
    labels = (
        details.title,
        details.badge,
        details.reason,
        details.context,
        details.speed,
        details.download,
        details.about,
        details.recommendation,
    )
    return tuple(label.text() for label in labels)


def test_status_tick_matches_a_full_render(qtbot, monkeypatch) -> None:
    view = ModelsView(CAT)
    qtbot.addWidget(view)
    view.set_profile(RTX4060)
    assert view.select_tag("qwen3.5:9b")
    renders: list[object] = []
    real = view.details.show_report

    def show_report(*a: Any, **k: Any) -> None:
        renders.append(a)
        real(*a, **k)

    monkeypatch.setattr(view.details, "show_report", show_report)
    for status in (
        RowStatus("Downloading 10 %", progress=0.1),
        RowStatus("Installed", installed=True, measured="31 tok/s measured"),
        None,
    ):
        view.catalogue_model.set_row_status("qwen3.5:9b", status)
        ticked = _texts(view.details)
        view._show_details()  # the full render, as a selection change does it
        assert _texts(view.details) == ticked
    assert len(renders) == 3  # only the three explicit full renders
    assert "31 tok/s measured" not in view.details.speed.text()
    view.catalogue_model.set_row_status("qwen3.5:9b", RowStatus("Installed", measured="31 tok/s measured"))
    assert view.details.speed.text().endswith("(estimate) — 31 tok/s measured")


def test_empty_panel_ignores_status(qtbot) -> None:
    details = ModelDetails()
    qtbot.addWidget(details)
    details.set_status(RowStatus("Installed", measured="31 tok/s measured"))
    assert details.speed.text() == ""
