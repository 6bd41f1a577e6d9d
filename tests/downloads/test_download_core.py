"""Pure pieces: pre-download checks, row/list words, measured-vs-estimated, the measurements file."""

from __future__ import annotations

import json
from dataclasses import replace

from runyard_desktop.core.downloads.preflight import CheckLevel, preflight
from runyard_desktop.core.downloads.progress_words import action_label, list_line, row_status
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import FitOptions, Verdict, evaluate
from runyard_desktop.core.fit.measured import Measurement, compare
from runyard_desktop.core.fit.measurements import MeasurementStore
from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError
from runyard_desktop.core.ollama.types import OllamaStatus, PullPhase, PullState, PullStatus, ServerState

RUNNING = OllamaStatus(ServerState.RUNNING, host="http://127.0.0.1:11434", version="0.17.1")
GB = 1_000_000_000


def _report(tag: str = "qwen3.5:9b", profile=None):
    catalogue = load_catalogue()
    profile = profile or build_profile(ram_gib=32, ram_available_gib=24)
    return evaluate(catalogue.get(tag), profile, FitOptions(context=8192))


def test_preflight_says_nothing_when_all_is_well() -> None:
    assert preflight("qwen3.5:0.8b", status=RUNNING, report=_report("qwen3.5:0.8b"), free_disk=500 * GB) == []


def test_preflight_blocks_too_old_with_the_version_and_not_running_with_the_next_step() -> None:
    old = replace(RUNNING, state=ServerState.TOO_OLD, version="0.12.6")
    [issue] = preflight("qwen3.5:4b", status=old, report=None)
    assert issue.level is CheckLevel.BLOCK and "0.12.6" in issue.text and "0.17.1" in issue.text
    stopped = OllamaStatus(
        ServerState.STOPPED,
        host="h",
        message="Ollama is installed but not running.",
        next_step="Press Start to run it.",
    )
    [issue] = preflight("qwen3.5:4b", status=stopped, report=None)
    assert issue.level is CheckLevel.BLOCK and "Start" in issue.text


def test_preflight_disk_block_names_the_numbers_and_the_folder() -> None:
    report = _report("qwen3.5:9b")
    [issue] = preflight("qwen3.5:9b", status=RUNNING, report=report, free_disk=2 * GB, models_dir="/data/ollama")
    assert issue.level is CheckLevel.BLOCK
    assert "2.0 GB is free" in issue.text and "/data/ollama" in issue.text
    assert f"{report.download_bytes / GB:.1f} GB" in issue.text


def test_preflight_no_fit_confirms_with_reason_and_better_choice_block_first() -> None:
    small = build_profile(ram_gib=8, ram_available_gib=6, disk_free_gb=10)
    report = _report("qwen3.5:122b-a10b", small)
    assert report.verdict is Verdict.NO_FIT
    issues = preflight("qwen3.5:122b-a10b", status=RUNNING, report=report, recommended="qwen3.5:4b", free_disk=10 * GB)
    assert [i.level for i in issues] == [CheckLevel.BLOCK, CheckLevel.CONFIRM]  # disk first
    confirm = issues[1]
    assert confirm.better_choice == "qwen3.5:4b" and report.reason in confirm.text


def test_row_and_list_words_for_each_pull_status() -> None:
    running = PullState(
        "qwen3.5:9b",
        PullStatus.RUNNING,
        PullPhase.DOWNLOADING,
        completed=2_100_000_000,
        total=6_600_000_000,
        speed_bps=18e6,
        eta_s=250,
        resumed_from_bytes=2_100_000_000,
    )
    row = row_status(running)
    assert row.progress is not None and abs(row.progress - 2.1 / 6.6) < 1e-6
    assert row.text == "32 % · 18.0 MB/s · 4 min"
    assert list_line(running) == "Resuming from 2.1 GB · 32 % · 2.1 GB of 6.6 GB · 18.0 MB/s · 4 min 10 s left"
    assert list_line(replace(running, message="Downloading (resumed from 2.1 GB)")).startswith("Downloading (resumed")
    cancelled = replace(running, status=PullStatus.CANCELLED, speed_bps=None, eta_s=None)
    assert row_status(cancelled).text == "Paused · 2.1 GB of 6.6 GB kept · Resume"
    assert action_label(cancelled, installed=False) == ("Resume (2.1 GB kept)", True)
    err = OllamaError(ErrorKind.DISK_FULL, "The disk is full.", "Free some space.")
    failed = replace(running, status=PullStatus.FAILED, error=err)
    assert row_status(failed).error and "The disk is full." in row_status(failed).text
    assert list_line(failed) == "Failed: The disk is full. Free some space."
    assert action_label(failed, installed=False) == ("Retry", True)
    assert action_label(None, installed=True) == ("Installed", False)
    assert action_label(replace(running, status=PullStatus.QUEUED), installed=False) == ("Queued", False)


def _measurement(share: float, tps: float, size: int = 6 * GB) -> Measurement:
    return Measurement("qwen3.5:9b", "2026-11-29T17:00:00+00:00", 8192, 8192, size, int(size * share), tps)


def test_measurement_agrees_with_a_gpu_estimate() -> None:
    report = replace(
        _report(),
        verdict=Verdict.GPU,
        gpu_share=1.0,
        reported_gpu_share=1.0,
        tokens_per_second=(35.0, 60.0),
        required_bytes=7 * GB,
    )
    c = compare(_measurement(1.0, 41.0), report)
    assert c.measured_text == "Measured: 100 % GPU, 41 tok/s"
    assert c.estimated_text == "Estimated: runs on GPU, 35–60 tok/s"
    assert c.agrees and c.badge == "41 tok/s measured"


def test_measurement_disagreement_is_said_plainly() -> None:
    report = replace(
        _report(),
        verdict=Verdict.GPU,
        gpu_share=1.0,
        reported_gpu_share=1.0,
        tokens_per_second=(35.0, 60.0),
        required_bytes=7 * GB,
    )
    c = compare(_measurement(0.6, 12.0), report)
    assert not c.agrees
    assert c.notes[0] == "The measurement differs from the estimate:"
    assert any("60 % of it on the GPU; the estimate expected 100 %" in n for n in c.notes)
    assert any("slower than the estimated 35–60 tok/s" in n for n in c.notes)
    assert compare(_measurement(0.0, 5.0), None).notes[0].startswith("There is no estimate")


def test_measured_share_is_compared_with_the_share_ollama_ps_shows() -> None:
    """size_vram ÷ size counts the embedding left in RAM, so a split reads lower than its share of layers."""
    report = replace(_report(), verdict=Verdict.PARTIAL, gpu_share=0.8, reported_gpu_share=0.62, tokens_per_second=None)
    assert compare(_measurement(0.62, 0.0), report).agrees
    assert not compare(_measurement(0.95, 0.0), report).agrees


def test_measurements_persist_atomically_and_survive_damage(tmp_path) -> None:
    path = tmp_path / "data" / "measurements.json"
    store = MeasurementStore(path)
    m = _measurement(1.0, 41.0)
    store.record(m)
    assert MeasurementStore(path).get("qwen3.5:9b") == m
    assert json.loads(path.read_text())["schema_version"] == 1
    assert [p.name for p in path.parent.iterdir()] == ["measurements.json"]  # no temp files left
    store.forget("qwen3.5:9b")
    assert MeasurementStore(path).get("qwen3.5:9b") is None
    path.write_text("{not json")
    damaged = MeasurementStore(path)
    assert damaged.all() == {} and damaged.recovered_from is not None and damaged.recovered_from.exists()
