"""docs/fit-reference.md and docs/fit-accuracy.md are generated from the engine; each reference
machine is a test of its verdicts, and the accuracy tables are held to stated error bounds."""

from __future__ import annotations

import math

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import evaluate_all
from runyard_desktop.core.hardware.presets import MACHINES

from . import docgen
from .reference_data import DEFAULT_TAGS, EXPECTED

REQUIRED_MACHINES = (
    "Raspberry Pi 4",
    "Laptop 8 GB",
    "Laptop 16 GB",
    "RTX 3060 12 GB",
    "RTX 4060 8 GB",
    "RTX 4090 24 GB",
    "2× RTX 3090",
    "M2 Pro 16 GB",
    "M3 Max 64 GB",
    "H100 80 GB",
)


def test_reference_covers_the_required_machines() -> None:
    assert len(MACHINES) >= 12
    for wanted in REQUIRED_MACHINES:
        assert any(wanted in name for name in MACHINES), wanted
    assert set(EXPECTED) == set(MACHINES)


@pytest.mark.parametrize("machine", list(MACHINES))
def test_reference_machine_verdicts(machine: str) -> None:
    verdicts, recommended = EXPECTED[machine]
    reports = {r.tag: r for r in evaluate_all(load_catalogue(), MACHINES[machine])}
    got = tuple(reports[f"qwen3.5:{t}"].verdict.value for t in DEFAULT_TAGS)
    assert got == verdicts
    best = next((t for t, r in reports.items() if r.recommended), None)
    assert best == (f"qwen3.5:{recommended}" if recommended else None)
    assert docgen.render_machine(machine) in docgen.generated_section(docgen.REFERENCE, "reference")


def test_reference_doc_is_up_to_date() -> None:
    assert docgen.generated_section(docgen.REFERENCE, "reference") == docgen.render_reference()


def test_accuracy_doc_is_up_to_date() -> None:
    assert docgen.generated_section(docgen.ACCURACY, "accuracy") == docgen.render_accuracy()


def test_memory_estimates_are_close_to_the_ollama_030_logs() -> None:
    rows = {label: err for label, _m, _e, err in docgen.memory_rows()}
    for label, err in rows.items():
        if "Ollama ≥ 0.30" in label:
            assert abs(err) <= 5, (label, err)  # the verified llama-server log lines
        else:
            assert abs(err) <= 15, (label, err)  # third-party totals with unknown settings


def test_speed_ranges_contain_most_measurements() -> None:
    rows = docgen.speed_rows()
    inside = [r for r in rows if r[3] == 0]
    assert len(inside) >= 0.8 * len(rows)
    assert all(not math.isnan(r[3]) for r in rows)
