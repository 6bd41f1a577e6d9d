"""The speed model's terms, each on a machine where it decides the answer (docs/fit-accuracy.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.fit.engine import FitOptions, FitReport, evaluate
from runyard_desktop.core.hardware.bandwidth import lookup_gpu_name
from runyard_desktop.core.hardware.presets import MACHINES, build_profile
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

from .helpers import machine, nvidia

AVX512 = ("avx", "avx2", "fma", "f16c", "avx512f")


def _cpu_box(mhz: float | None, flags: tuple[str, ...] = ("avx", "avx2", "fma", "f16c")) -> HardwareProfile:
    p = build_profile(ram_gib=64, ram_available_gib=56, cores=16, flags=flags)
    return replace(p, cpu=replace(p.cpu, max_mhz=mhz))


def _run(tag: str, profile: HardwareProfile, context: int | None = 4096) -> FitReport:
    return evaluate(load_catalogue().get(tag), profile, FitOptions(context=context))


def test_moe_on_the_cpu_is_held_back_by_clock_and_vector_width() -> None:
    slow = _run("qwen3.5:35b-a3b", _cpu_box(2000))
    fast = _run("qwen3.5:35b-a3b", _cpu_box(4500, AVX512))
    # the clock-bound terms (expert arithmetic, per-layer hand-offs) set the pace, not RAM
    assert slow.speed_basis is not None and slow.speed_basis.limiting in {"cpu compute", "overhead"}
    assert slow.tokens_per_second and fast.tokens_per_second
    assert fast.tokens_per_second[0] > 1.5 * slow.tokens_per_second[0]


def test_the_basis_names_the_clock_and_whether_it_is_windows_rated_one() -> None:
    """`fit --json`'s speed_basis says which clock the CPU terms used: Windows reports the rated clock, not the
    boost clock (giampaolo/psutil#2083), and the estimate uses what was reported, saying so."""
    linux = _run("qwen3.5:35b-a3b", _cpu_box(4500))
    windows = _run("qwen3.5:35b-a3b", replace(_cpu_box(4500), os="windows"))
    unknown = _run("qwen3.5:35b-a3b", _cpu_box(None))
    assert linux.speed_basis and windows.speed_basis and unknown.speed_basis
    assert (linux.speed_basis.cpu_ghz, linux.speed_basis.cpu_clock_source) == (4.5, "reported")
    assert (windows.speed_basis.cpu_ghz, windows.speed_basis.cpu_clock_source) == (4.5, "rated")
    assert windows.tokens_per_second == linux.tokens_per_second
    assert unknown.speed_basis.as_json()["cpu_ghz"] == 3.0 and unknown.speed_basis.cpu_clock_source == "assumed"


def test_dense_models_on_the_cpu_stay_memory_bound() -> None:
    slow, fast = _run("qwen3.5:9b", _cpu_box(2000)), _run("qwen3.5:9b", _cpu_box(4500, AVX512))
    for report in (slow, fast):
        assert report.speed_basis is not None and report.speed_basis.limiting == "ram"
    assert slow.tokens_per_second and fast.tokens_per_second
    # RAM sets the pace: 2.25× the clock buys far less than 2.25× the speed (only the per-layer hand-offs shrink)
    assert fast.tokens_per_second[0] < 1.3 * slow.tokens_per_second[0]


def test_a_small_model_on_a_slow_cpu_pays_for_its_layers() -> None:
    """0.8B on a 2 GHz server: the per-layer thread hand-offs, not RAM, set the pace (measured 23 tok/s)."""
    report = _run("qwen3.5:0.8b", _cpu_box(2000))
    assert report.speed_basis is not None and report.speed_basis.limiting == "overhead"
    assert report.tokens_per_second and report.tokens_per_second[1] < 40


def test_a_smaller_gpu_pays_more_per_layer() -> None:
    """0.8B on a GTX 1050 Ti ran at half what its bandwidth allows; an RTX 4090 gets the same model near its own."""
    small = _run("qwen3.5:0.8b", machine(32, 28, nvidia("NVIDIA GeForce GTX 1050 Ti", 4, 3.6)))
    big = _run("qwen3.5:0.8b", machine(64, 56, nvidia("NVIDIA GeForce RTX 4090", 24, 23.6)))
    assert small.tokens_per_second and big.tokens_per_second
    assert small.tokens_per_second[1] < 80  # bandwidth and a flat launch overhead alone would allow ~120
    # tiny models are overhead-bound on both cards, so the gap stays below the 9× bandwidth ratio
    assert big.tokens_per_second[0] / small.tokens_per_second[0] < 1008 / 112


def test_the_per_layer_overhead_follows_the_gpus_arithmetic_not_its_bus() -> None:
    """Same memory bandwidth, different GPU size: the larger GPU runs a small model faster (docs/fit-accuracy.md,
    third round: the bandwidth proxy charged the GB10 and the M4 like a GTX 1050 Ti)."""

    def box(name: str) -> HardwareProfile:
        gpu = replace(nvidia(name, 24, 23.6), memory_bandwidth_gbps=300.0)  # as if NVML had probed 300 GB/s
        return machine(64, 56, gpu)

    small, big = _run("qwen3.5:0.8b", box("NVIDIA GeForce GTX 1050 Ti")), _run("qwen3.5:0.8b", box("NVIDIA GB10"))
    assert small.speed_basis and big.speed_basis and small.speed_basis.gpu_bandwidth_gbps == 300.0
    assert small.tokens_per_second and big.tokens_per_second
    assert big.tokens_per_second[0] > 1.2 * small.tokens_per_second[0]


def test_probed_ram_speed_sets_the_cpu_side() -> None:
    base = _cpu_box(None)
    ddr5 = replace(base, ram=replace(base.ram, memory_type="DDR5", speed_mts=6000))
    guessed, probed = _run("qwen3.5:4b", base), _run("qwen3.5:4b", ddr5)
    assert probed.speed_basis is not None and probed.speed_basis.ram_bandwidth_source == "probe"
    assert guessed.tokens_per_second and probed.tokens_per_second
    assert probed.tokens_per_second[0] > 1.3 * guessed.tokens_per_second[0]  # 96 vs 50 GB/s; the hand-offs stay


def test_a_filled_context_reads_the_kv_cache_every_token() -> None:
    box = machine(64, 56, nvidia("NVIDIA GeForce RTX 4090", 24, 23.6))
    tag = load_catalogue().get("qwen3.5:9b")
    window = FitOptions(context=131072)
    chat, filled = evaluate(tag, box, window), evaluate(tag, box, replace(window, filled_tokens=131072))
    assert chat.verdict.value == filled.verdict.value == "gpu"
    assert chat.tokens_per_second and filled.tokens_per_second and chat.tokens_per_second_full_context
    # a big window with a short chat reads little KV; the full window reads all of it
    assert filled.tokens_per_second[1] < 0.8 * chat.tokens_per_second[1]
    assert chat.tokens_per_second_full_context == filled.tokens_per_second
    short = _run("qwen3.5:9b", box, 4096)
    assert short.tokens_per_second == chat.tokens_per_second  # the range is stated for a chat's first turns


@pytest.mark.parametrize("name", list(MACHINES))
def test_every_range_is_at_most_twice_its_low_end(name: str) -> None:
    for tag in load_catalogue():
        tps = evaluate(tag, MACHINES[name]).tokens_per_second
        assert tps is None or 0 < tps[0] <= tps[1] <= 2 * tps[0], (tag.tag, tps)


@pytest.mark.parametrize(
    ("name", "gbps"),
    [("AMD Radeon AI PRO R9700", 640), ("NVIDIA RTX PRO 4000 Blackwell", 672), ("NVIDIA GeForce RTX 4090", 1008)],
)
def test_published_bandwidth_of_cards_in_the_measurements(name: str, gbps: float) -> None:
    assert lookup_gpu_name(name) == gbps


@pytest.mark.parametrize(
    ("name", "gbps"),
    [
        ("NVIDIA GeForce RTX 5090 Laptop GPU", 896),  # not the desktop card's 1,792
        ("NVIDIA GeForce RTX 5070 Laptop GPU", 384),
        ("NVIDIA GeForce RTX 4090 Laptop GPU", 576),
        ("NVIDIA GeForce RTX 3050 Ti Laptop GPU", 192),  # not the desktop RTX 3050's 224
        ("NVIDIA GeForce RTX 3060 Laptop GPU", 336),
        ("AMD Radeon RX 580 Series", 256),
        ("NVIDIA GeForce RTX 2060 SUPER", 448),  # not the RTX 2060's 336
        ("NVIDIA A100-SXM4-80GB", 2039),  # not the 40 GB part's 1,555
        ("NVIDIA A100-SXM4-40GB", 1555),
        ("Tesla P100-PCIE-12GB", 549),  # not the 16 GB part's 732
        ("Tesla P100-PCIE-16GB", 732),
        ("Tesla P40", 346),
        ("Quadro RTX 5000", 448),
        ("NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition", 1792),
        ("AMD Radeon RX 5700 XT", 448),
        ("AMD Radeon RX 7600 XT", 288),
        ("AMD Radeon RX 9060 XT", 320),
        ("AMD Instinct MI50", 1024),
        ("Intel(R) Arc(TM) Pro B60 Graphics", 456),
        ("Intel(R) Arc(TM) Pro B70 Graphics", 608),
        ("Intel(R) Arc(TM) B570 Graphics", 380),
        ("Intel(R) Arc(TM) A770 Graphics", 560),  # Windows' and Intel's drivers' name, marks and all
        ("Intel® Arc™ B580 Graphics", 456),
        ("AMD Radeon(TM) 8060S Graphics", 256),  # Strix Halo on Windows (tests/hardware/test_windows.py)
        ("NVIDIA GeForce RTX 5050", 320),
        ("NVIDIA GeForce RTX 5050 Laptop GPU", 384),  # the laptop row stays the laptop's
    ],
)
def test_laptop_gpus_are_not_read_as_their_desktop_namesakes(name: str, gbps: float) -> None:
    assert lookup_gpu_name(name) == gbps


def test_every_geforce_laptop_part_has_its_own_bandwidth_and_no_desktop_arithmetic() -> None:
    """A "… Laptop GPU" name never falls through to a desktop row: each GeForce 30/40/50 tier the table
    lists for desktops has a laptop row where NVIDIA sold a laptop part, and the compute table (desktop
    figures) is not used for laptops."""
    from runyard_desktop.core.hardware.bandwidth import GPU_BANDWIDTH_GBPS
    from runyard_desktop.core.hardware.gpu_compute import gpu_compute

    laptop_tiers = {
        "30": ("3050", "3050 Ti", "3060", "3070", "3070 Ti", "3080", "3080 Ti"),
        "40": ("4050", "4060", "4070", "4080", "4090"),
        "50": ("5050", "5060", "5070", "5070 Ti", "5080", "5090"),
    }
    for tiers in laptop_tiers.values():
        for tier in tiers:
            assert f"RTX {tier} Laptop" in GPU_BANDWIDTH_GBPS, tier
            gpu = GpuInfo(
                vendor="nvidia",
                name=f"NVIDIA GeForce RTX {tier} Laptop GPU",
                vram_total_bytes=2**33,
                vram_free_bytes=2**33,
            )
            assert gpu_compute(gpu).source == "estimate", tier


def test_an_rk3588_board_gets_its_socs_ram_bandwidth_whatever_its_ram_size() -> None:
    """A 24 GB RK3588 board was given the 50 GB/s desktop fallback (the small-board rule stops at 8 GB);
    with the SoC named from the device tree it gets the SoC's own bus (4 × 16-bit LPDDR4x-4224)."""
    from runyard_desktop.core.hardware.bandwidth import cpu_bandwidth

    for ram in (8, 16, 24, 32):
        board = build_profile(
            ram_gib=ram,
            ram_available_gib=ram - 1,
            cpu="ARM Cortex-A55 (Radxa ROCK 5B+, Rockchip RK3588)",
            cores=8,
            arch="aarch64",
        )
        assert cpu_bandwidth(board).gbps == 33.8 and cpu_bandwidth(board).source == "table"
    pi = build_profile(
        ram_gib=8, ram_available_gib=7, cpu="ARM Cortex-A76 (Raspberry Pi 5 Model B Rev 1.0, Broadcom BCM2712)"
    )
    assert cpu_bandwidth(pi).gbps == 8.0  # the Raspberry Pi rule still holds


def test_ollama_decodes_moe_on_a_gpu_slower_than_llama_cpp_and_dense_the_same() -> None:
    """The product estimates Ollama; published llama.cpp figures are estimated as llama.cpp. Only MoE tags
    placed on a GPU differ (speed.SpeedModel.ollama_moe), and the basis says by how much."""
    from runyard_desktop.core.fit import speed

    big = MACHINES["H100 80 GB server"]
    catalogue = load_catalogue()
    for name, moe in (("qwen3.5:35b-a3b", True), ("qwen3.5:9b", False)):
        ollama = evaluate(catalogue.get(name), big, FitOptions(context=4096))
        llama = evaluate(catalogue.get(name), big, FitOptions(context=4096, runner="llama.cpp"))
        assert ollama.verdict.value == llama.verdict.value == "gpu"
        assert ollama.tokens_per_second and llama.tokens_per_second and ollama.speed_basis
        ratio = (ollama.tokens_per_second[0] * ollama.tokens_per_second[1]) / (
            llama.tokens_per_second[0] * llama.tokens_per_second[1]
        )
        expected = speed.DEFAULT_MODEL.ollama_moe if moe else 1.0
        assert ratio**0.5 == pytest.approx(expected, rel=0.02), name
        assert ollama.speed_basis.engine_factor == pytest.approx(expected)
    cpu_only = MACHINES["Laptop 16 GB, no GPU"]
    a = evaluate(catalogue.get("qwen3.5:35b-a3b"), cpu_only, FitOptions(context=4096))
    b = evaluate(catalogue.get("qwen3.5:35b-a3b"), cpu_only, FitOptions(context=4096, runner="llama.cpp"))
    assert a.tokens_per_second == b.tokens_per_second  # on the CPU alone, no difference was measured


def test_the_shipped_constants_obey_the_retuning_rule() -> None:
    """No retune of the in-sample rows beats the shipped constants by MIN_GAIN_ROWS or more (a short search
    here; `python -m tests.fit.tune_speed` runs the full one), and the rule says so in words."""
    from runyard_desktop.core.fit import speed

    from .measurements_speed import SPEED_CASES
    from .public_sources import in_sample
    from .tune_speed import MIN_GAIN_ROWS, score, tune, verdict

    rows = in_sample(SPEED_CASES)
    current = score(speed.DEFAULT_MODEL, rows)
    _model, best = tune(rows, restarts=3, passes=4)
    assert best[0] - current[0] < MIN_GAIN_ROWS
    assert verdict(current, best).startswith("keep the current constants")
    assert verdict((10, 0.3), (10 + MIN_GAIN_ROWS, 0.2)) == "adopt the retuned constants"


def _igpu_laptop(name: str, speed_mts: int | None) -> HardwareProfile:
    """A laptop whose iGPU has 16 GiB carved out of 64 GiB (Windows "dedicated" memory), as the probes build it."""
    igpu = GpuInfo("amd", name, 16 * 2**30, 15 * 2**30, integrated=True, dedicated_from_ram=True)
    p = build_profile(ram_gib=48, ram_available_gib=40, gpus=(igpu,))
    return replace(p, ram=replace(p.ram, memory_type="DDR5" if speed_mts else None, speed_mts=speed_mts))


def test_an_igpu_the_table_does_not_list_reads_the_system_rams_bandwidth() -> None:
    """A Radeon 780M/890M reads the laptop's RAM: it was given the 250 GB/s an unknown AMD card gets, about
    three times what dual-channel DDR5-5600 carries, so its speed range promised three times too much."""
    from runyard_desktop.core.hardware.bandwidth import Bandwidth, gpu_bandwidth

    probed = _igpu_laptop("AMD Radeon 780M Graphics", 5600)
    assert gpu_bandwidth(probed.gpus[0], probed) == Bandwidth(89.6, "probe")  # 5,600 MT/s × 8 B × 2 channels
    unknown = _igpu_laptop("AMD Radeon 890M Graphics", None)
    assert gpu_bandwidth(unknown.gpus[0], unknown).source == "estimate"
    assert gpu_bandwidth(unknown.gpus[0], unknown).gbps < 100  # the RAM's conservative figure, not a card's
    # The speed range follows: the 9B on the 780M is limited by 89.6 GB/s.
    report = _run("qwen3.5:9b", probed)
    assert report.verdict == "gpu" and report.speed_basis is not None
    assert report.speed_basis.gpu_bandwidth_gbps == pytest.approx(89.6)
    # A card of its own keeps its table figure, and an iGPU with on-package memory (Lunar Lake) its spec.
    card = GpuInfo("amd", "AMD Radeon RX 7600", 8 * 2**30, 7 * 2**30)
    assert gpu_bandwidth(card, probed) == Bandwidth(288, "table")
    lunar = GpuInfo("intel", "Intel(R) Arc(TM) 140V GPU (16GB)", 16 * 2**30, 15 * 2**30, integrated=True)
    assert gpu_bandwidth(lunar, probed) == Bandwidth(136, "table")
