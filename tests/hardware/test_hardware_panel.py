"""The *This machine* panel renders every part of a profile (fixture profiles this machine can't produce)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QProgressBar

from runyard_desktop.core.hardware.probes import nvidia
from runyard_desktop.core.hardware.profile import CpuInfo, DiskInfo, HardwareProfile, RamInfo
from runyard_desktop.ui.hardware.hardware_panel import HardwarePanel
from tests.hardware.fake_nvml import FakeNvml

GIB = 2**30


def _texts(panel: HardwarePanel) -> str:
    return "\n".join(label.text() for label in panel.findChildren(QLabel))


def test_panel_shows_a_card_and_a_vram_bar_per_gpu(qtbot) -> None:
    panel = HardwarePanel()
    qtbot.addWidget(panel)
    assert panel.status_label.text() == "Detecting…"
    gpus, _ = nvidia.detect_nvidia(FakeNvml.from_fixture("nvml-2-gpus.json"))
    profile = HardwareProfile(
        "linux",
        "x86_64",
        CpuInfo("AMD Ryzen 9 7950X", 16, 32, ("avx2", "avx512f")),
        RamInfo(64 * GIB, 60 * GIB),
        gpus,
        DiskInfo("/models", 10**12),
        ("A note.",),
        0.05,
    )
    panel.set_profile(profile)
    text = _texts(panel)
    assert "NVIDIA GeForce RTX 3090" in text and "NVIDIA GeForce RTX 3060" in text
    assert "18.7 GiB free" in text and "936 GB/s" in text and "AVX-512" in text
    assert "24.0 GiB" in text  # a "24 GB" card reads as sold (RAM and VRAM in GiB, disk in GB)
    assert "Models run on 2 GPUs" in text and "• A note." in text
    assert panel.status_label.text() == "Detected in 50 ms"
    bars = panel.findChildren(QProgressBar)
    assert len(bars) == 3  # RAM + one per GPU
    assert panel.findChild(QFrame, "notesCard") is not None


def test_empty_profile_and_errors(qtbot) -> None:
    panel = HardwarePanel()
    qtbot.addWidget(panel)
    panel.show_error("Hardware detection failed: boom")
    assert panel.status_label.text() == "Detection failed" and "boom" in _texts(panel)
    panel.set_profile(HardwareProfile("linux", "x86_64", CpuInfo("Unknown CPU", 1, 1), RamInfo(0, 0)))
    text = _texts(panel)
    assert "No GPU found" in text and "none detected" in text and "Disk for models" not in text


def test_detecting_and_failure_placeholders_are_centred(qtbot) -> None:
    from PySide6.QtCore import Qt

    panel = HardwarePanel()
    qtbot.addWidget(panel)
    panel.ensurePolished()
    centre = Qt.AlignmentFlag.AlignCenter  # set by the panel's stylesheet, so its first frame needs no Qt enum
    placeholder = panel.findChild(QLabel, "hardwarePlaceholder")
    assert placeholder is not None
    assert placeholder.text().startswith("Detecting your CPU") and placeholder.alignment() == centre
    panel.show_error("Hardware detection failed: boom")
    panel.ensurePolished()
    placeholder = panel.findChild(QLabel, "hardwarePlaceholder")
    assert placeholder is not None
    assert placeholder.text().endswith("boom") and placeholder.alignment() == centre


def test_an_igpu_with_memory_set_aside_is_shown_as_the_gpu_ollama_uses_with_the_rams_bandwidth(qtbot) -> None:
    """A Radeon 780M with 16 GiB set aside (Windows "dedicated" memory) runs models like a card (Ollama's
    rule); its card said "models run on the CPU" and hid its memory. It now says what the estimates use."""
    from dataclasses import replace

    from runyard_desktop.core.hardware.profile import GpuInfo

    panel = HardwarePanel()
    qtbot.addWidget(panel)
    igpu = GpuInfo("amd", "AMD Radeon 780M Graphics", 16 * GIB, 15 * GIB, integrated=True, dedicated_from_ram=True)
    ram = replace(RamInfo(48 * GIB, 40 * GIB), memory_type="DDR5", speed_mts=5600)
    profile = HardwareProfile("windows", "x86_64", CpuInfo("AMD Ryzen 7 8845HS", 8, 16), ram, (igpu,))
    panel.set_profile(profile)
    text = _texts(panel)
    assert "set aside for it: Ollama uses it" in text and "models run on the CPU" not in text
    assert "15.0 GiB free" in text  # its memory meter, as for a card
    assert "90 GB/s (reads the system RAM)" in text  # 5,600 MT/s × 8 B × 2 channels
    assert "90 GB/s (DDR5 at 5,600 MT/s, 2 channels assumed)" in text  # the RAM card says the same bus
    small = replace(igpu, vram_total_bytes=GIB // 2, vram_free_bytes=GIB // 4, dedicated_from_ram=False)
    panel.set_profile(replace(profile, gpus=(small,), ram=RamInfo(48 * GIB, 40 * GIB)))
    text = _texts(panel)
    assert "models run on the CPU" in text and "Memory bandwidth" not in text
    assert "about 50 GB/s (speed not reported)" in text
    unknown = GpuInfo("amd", "AMD Radeon Mystery 9999", 16 * GIB, 15 * GIB)
    panel.set_profile(replace(profile, gpus=(unknown,)))
    assert "about 250 GB/s (card not in the table)" in _texts(panel)


def test_the_processor_card_says_which_clock_the_cpu_estimates_use(qtbot) -> None:
    """Windows reports the rated clock, not the boost clock (giampaolo/psutil#2083): the card says so rather than
    passing the lower figure off as the CPU's maximum; no reported clock says the assumed one."""
    from dataclasses import replace

    panel = HardwarePanel()
    qtbot.addWidget(panel)
    cpu = CpuInfo("AMD Ryzen 9 7950X", 16, 32, ("avx2",), max_mhz=5881.0)
    linux = HardwareProfile("linux", "x86_64", cpu, RamInfo(64 * GIB, 60 * GIB))
    panel.set_profile(linux)
    assert "up to 5.9 GHz" in _texts(panel)
    laptop = CpuInfo("13th Gen Intel(R) Core(TM) i7-1360P", 12, 16, ("avx2",), max_mhz=2200.0)
    panel.set_profile(replace(linux, os="windows", cpu=laptop))
    text = _texts(panel)
    assert (
        "2.2 GHz (rated: Windows does not report the boost clock, so CPU speed estimates" in text
        and "up to" not in text
    )
    panel.set_profile(replace(linux, cpu=replace(cpu, max_mhz=None)))
    assert "not reported (3 GHz assumed)" in _texts(panel)
