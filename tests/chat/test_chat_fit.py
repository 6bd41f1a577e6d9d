"""The chat's use of the fit engine: badges, the larger-context warning, the largest context that fits."""

from __future__ import annotations

from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.hardware.presets import _gpu, build_profile

GPU_8GB = build_profile(ram_gib=16, ram_available_gib=12, gpus=(_gpu("RTX 4060", "nvidia", 8, 7.5),))


def test_badge_warning_and_largest_context_on_an_8gb_gpu() -> None:
    advisor = ChatFitAdvisor(load_catalogue, lambda: GPU_8GB)
    assert advisor.badge("qwen3.5:4b") == "Runs on GPU"
    assert advisor.badge("not-in-catalogue:1b") == ""
    largest = advisor.largest_context("qwen3.5:4b")
    assert largest is not None and largest >= 8192 and largest % 1024 == 0
    assert advisor.context_note("qwen3.5:4b", largest) == ""
    if largest < 262144:  # one step beyond what fits makes it worse, and the note says so
        note = advisor.context_note("qwen3.5:4b", 262144)
        assert "needs more memory" in note and "262,144" in note


def test_no_profile_or_catalogue_means_no_badge() -> None:
    assert ChatFitAdvisor(load_catalogue, lambda: None).badge("qwen3.5:4b") == ""
    assert ChatFitAdvisor(None, lambda: GPU_8GB).largest_context("qwen3.5:4b") is None
