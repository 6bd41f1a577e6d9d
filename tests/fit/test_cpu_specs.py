"""The CPU-facts entry rule (cpu_specs.py): it names only CPUs its sources name, fills only what a row lacks."""

from __future__ import annotations

from .cpu_specs import BY_SOURCE, SPECS, published_cpu
from .measurements_speed import _ENTERED, SPEED_CASES
from .public_sources import SOURCES


def test_each_source_names_the_cpu_it_is_given() -> None:
    for source, model in BY_SOURCE.items():
        assert source in SOURCES, source
        assert model in SOURCES[source].hardware, (source, model)
    assert set(BY_SOURCE.values()) == set(SPECS)


def test_rows_keep_what_they_state_and_gain_the_spec_otherwise() -> None:
    changed = 0
    for entered, used in zip(_ENTERED, SPEED_CASES, strict=True):
        assert (entered.measured_tps, entered.tag, entered.context, entered.source) == (
            used.measured_tps,
            used.tag,
            used.context,
            used.source,
        )
        if entered.source not in BY_SOURCE or entered.profile.cpu.max_mhz is not None:
            assert used == entered
            continue
        spec = SPECS[BY_SOURCE[entered.source]]
        assert used.profile.cpu.max_mhz == spec.max_mhz
        assert set(spec.flags) <= set(used.profile.cpu.flags)
        assert used.profile.gpus == entered.profile.gpus and used.profile.ram == entered.profile.ram
        changed += 1
    assert changed >= len(BY_SOURCE)


def test_a_named_cpu_keeps_its_stated_cores_and_a_placeholder_takes_the_spec() -> None:
    stated = next(c for c in _ENTERED if c.source == "glukhov-16gb").profile
    placeholder = next(c for c in _ENTERED if c.source == "reddit-1rei65v").profile
    assert published_cpu(stated, SPECS["i7-14700"]).cpu.physical_cores == stated.cpu.physical_cores
    filled = published_cpu(placeholder, SPECS["9950X"]).cpu
    assert (filled.name, filled.physical_cores, filled.max_mhz) == ("AMD Ryzen 9 9950X 16-Core Processor", 16, 5700)
