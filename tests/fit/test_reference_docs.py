"""docs/fit-reference.md and docs/fit-accuracy.md are generated from the engine; each reference
machine is a test of its verdicts, and the accuracy tables are held to stated error bounds."""

from __future__ import annotations

import math

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import evaluate_all
from runyard_desktop.core.hardware.presets import MACHINES

from . import accuracy, docgen, public_sources
from .measurements_added import MEMORY_CASES, PLACEMENT_CASES
from .measurements_public import MemoryCase, PlacementCase, SpeedCase
from .measurements_speed import SPEED_CASES
from .public_sources import (
    ENTRIES,
    ROUND_IDS,
    SOURCES,
    held_out,
    in_sample,
    independent_sources,
    is_held_out,
    source_round,
)
from .reference_data import DEFAULT_TAGS, EXPECTED

# measured 178 of 241 (fourteenth round; 4 of 5 on its fresh sources, 70 of 90 on rounds 8-14's); the target,
# 0.9, is not reached
HELD_OUT_FLOOR = 0.73
IN_SAMPLE_FLOOR = 0.77  # 179 of 232 (fourteenth round)
Row = SpeedCase | MemoryCase | PlacementCase

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
    for case, _est, err in accuracy.memory_rows():
        if "Ollama ≥ 0.30" in case.label and case.compare != "weights":
            assert abs(err) <= 5, (case.label, err)  # the verified llama-server log lines
        else:
            assert abs(err) <= 15, (case.label, err)  # third-party totals; blob vs what the GPU holds


def test_the_measurement_set_is_large_and_from_many_sources() -> None:
    rows: tuple[Row, ...] = (*SPEED_CASES, *MEMORY_CASES, *PLACEMENT_CASES)
    assert len(rows) >= 30
    assert independent_sources() >= 12
    assert {r.source for r in rows} == set(SOURCES)  # every row has a source, every source a row


def test_each_source_is_entered_once() -> None:
    # a later round re-entering an earlier round's source under the same id would be counted in both
    assert len(ENTRIES) == len(SOURCES)


def test_at_least_40_percent_of_the_sources_are_held_out_whole() -> None:
    held = [s for s in SOURCES if is_held_out(s)]
    assert len(held) >= 0.4 * len(SOURCES)
    rows: tuple[Row, ...] = (*SPEED_CASES, *MEMORY_CASES, *PLACEMENT_CASES)
    for source in SOURCES:  # a source's rows are all on one side
        assert len({is_held_out(r.source) for r in rows if r.source == source}) == 1


def test_tuning_never_sees_a_held_out_row() -> None:
    seen = in_sample(SPEED_CASES)
    assert seen and not any(is_held_out(r.source) for r in seen)
    assert len(seen) + len(held_out(SPEED_CASES)) == len(SPEED_CASES)


def test_speed_ranges_are_at_most_2x_and_hold_90_percent_of_held_out_measurements() -> None:
    rows = accuracy.speed_rows()
    assert all(not math.isnan(err) for _c, _t, err in rows)
    for case, tps, _err in rows:
        assert tps is not None and tps[1] <= 2 * tps[0], (case.label, tps)
    held = accuracy.summary(held=True)
    # The target is 90 %; the model tuned on the in-sample sources reaches what docs/fit-accuracy.md
    # reports, and this floor keeps it from sliding back while the gap is worked on.
    assert held.inside_share >= HELD_OUT_FLOOR, held
    assert accuracy.summary(held=False).inside_share >= IN_SAMPLE_FLOOR


@pytest.mark.parametrize("only_round", sorted(ROUND_IDS))
def test_each_later_rounds_held_out_sources_are_reported_on_their_own(only_round: int) -> None:
    fresh = accuracy.summary(held=True, only_round=only_round)
    assert fresh.sources == sum(is_held_out(s) and source_round(s) == only_round for s in SOURCES)
    rows = [c for c in SPEED_CASES if is_held_out(c.source) and source_round(c.source) == only_round]
    assert fresh.speed_inside[1] == len(rows) < accuracy.summary(held=True).speed_inside[1]
    assert f"| Held out, round {only_round} only" in docgen.generated_section(docgen.ACCURACY, "accuracy")


def test_the_best_factor_for_a_group_is_the_fullest_window_of_the_ranges_width() -> None:
    half = math.log(accuracy.RANGE_RATIO) / 2
    assert accuracy._best_shift([0.0], half) == (1, 0.0)
    count, shift = accuracy._best_shift([-0.2, 0.1, 0.3, 1.5, 1.6], half)
    assert count == 3 and shift == pytest.approx(0.05)  # -0.2 … 0.3 fit one range (width 0.68); 1.5, 1.6 do not
    assert accuracy._best_shift([2.0, 1.9, -1.0], half)[0] == 2


def test_a_ceiling_is_never_below_the_plain_estimate() -> None:
    """docs/fit-accuracy.md, "How far a better centre could go": a factor chosen on the rows it is scored on
    does at least as well as no factor (1 is one of the factors it chooses from)."""
    plain, *grouped = accuracy.coverage_bounds()
    assert plain.left_out is None and plain.groups == 0
    for bound in grouped:
        assert bound.rows == plain.rows and plain.inside <= bound.inside <= bound.rows
        assert bound.tiny <= bound.groups
    assert grouped[-1].groups == len({c.source for c, t, _e in accuracy.speed_rows() if t is not None})


def test_the_width_a_range_would_need_is_read_off_the_same_errors_as_the_ceilings() -> None:
    """docs/fit-accuracy.md: "How wide a range would have to be". A range of the ranges' own width holds exactly
    the rows the plain estimate holds, so the width for that share is within it and one row more needs more."""
    plain = accuracy.coverage_bounds(held=True)[0]
    assert accuracy.width_for(plain.inside / plain.rows) <= accuracy.RANGE_RATIO
    assert accuracy.width_for((plain.inside + 1) / plain.rows) > accuracy.RANGE_RATIO
    widths = [accuracy.width_for(share) for share in (0.5, 0.8, 0.9, 1.0)]
    assert widths == sorted(widths)


def test_agreement_between_publications_counts_each_publication_once_per_configuration() -> None:
    """docs/fit-accuracy.md: "Whether people agree with each other"."""
    assert public_sources.publication("llmfit-rtx4090") == "llmfit"
    for source, first in public_sources.SAME_MACHINE.items():
        assert public_sources.publication(source) == public_sources.publication(first) == first
    r = accuracy.replication()
    assert r.values >= 2 * r.configurations > 0
    # each configuration keeps at least one figure in its fullest window; one that spans more than a range loses one
    assert r.configurations <= r.one_range <= r.values - len(r.wider)
    assert r.estimate <= r.values and len(set(r.wider)) == len(r.wider)


def test_what_the_app_says_about_its_ranges_matches_the_measured_figures() -> None:
    """The speed tooltips quote how often published rates fall inside the ranges; the figures are these."""
    from runyard_desktop.core.fit import text

    assert abs(text.PUBLISHED_INSIDE_SHARE - accuracy.summary(held=True).inside_share) <= 0.02
    assert abs(text.CHECKED_INSIDE_SHARE - accuracy.calibrated_summary(held=True).share) <= 0.02
    sentence = text.range_reliability_text()
    assert f"{text.PUBLISHED_INSIDE_SHARE * 100:.0f} %" in sentence and "Measure" in sentence
