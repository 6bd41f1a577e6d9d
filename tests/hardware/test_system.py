"""The orchestrator: merging GPU sources, isolation of failing probes, and this machine end to end."""

from __future__ import annotations

import json

import pytest

from runyard_desktop.core.hardware import profile as hardware
from runyard_desktop.core.hardware.probes import amd, cpu, nvidia, system
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile
from tests.hardware import FIXTURES
from tests.hardware.no_gpu import assert_no_gpu_and_says_why, skip_on_a_gpu_machine

GIB = 2**30


def _gpu(vendor: str, name: str, vram: int = 8 * GIB, integrated: bool = False) -> GpuInfo:
    return GpuInfo(vendor=vendor, name=name, vram_total_bytes=vram, vram_free_bytes=vram, integrated=integrated)


def test_nvml_wins_over_registry_for_nvidia() -> None:
    nv = _gpu("nvidia", "NVIDIA GeForce RTX 4070")
    registry = (_gpu("nvidia", "NVIDIA GeForce RTX 4070"), _gpu("intel", "Intel UHD", 128 << 20, True))
    gpus, notes = system.merge_gpus((nv,), (), registry)
    assert [g.vendor for g in gpus] == ["nvidia", "intel"] and gpus[0] is nv and notes == ()


def test_nvidia_seen_elsewhere_but_no_driver_says_so() -> None:
    gpus, notes = system.merge_gpus((), (nvidia.NO_DRIVER_NOTE,), (_gpu("nvidia", "NVIDIA GeForce GTX 1080"),))
    assert len(gpus) == 1
    assert notes[0].startswith("NVIDIA GeForce GTX 1080 is installed, but the NVIDIA driver could not be reached")


def test_integrated_gpu_note() -> None:
    notes = system.gpu_notes((_gpu("intel", "Intel(R) UHD Graphics 770", 0, True), _gpu("amd", "RX 7600")))
    assert notes == (
        "Intel(R) UHD Graphics 770 shares system memory with the CPU; Ollama runs models on the CPU here.",
    )


def test_failing_probe_becomes_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise PermissionError("/proc/cpuinfo: permission denied")

    monkeypatch.setattr(system, "os_name", lambda: "linux")
    monkeypatch.setattr(cpu, "read_cpu", broken)
    monkeypatch.setattr(amd, "read_sysfs_gpus", lambda: 1 / 0)
    profile = system.detect_all()
    assert profile.cpu.name == "Unknown CPU" and profile.ram.total_bytes > 0
    assert any(n.startswith("Could not read the CPU (PermissionError") for n in profile.notes)
    assert any(n.startswith("Could not read AMD/Intel GPUs (ZeroDivisionError") for n in profile.notes)


def test_this_machine_without_a_gpu() -> None:
    """The acceptance case: a machine with no NVIDIA driver and no sysfs GPU (this build machine)."""
    skip_on_a_gpu_machine()
    profile = hardware.detect()
    data = profile.to_json()
    assert_no_gpu_and_says_why(data)
    assert data["cpu"]["name"] and data["cpu"]["logical_cores"] >= 1
    assert data["ram"]["total_bytes"] > 0 and data["disk"]["free_bytes"] > 0
    assert profile.detect_seconds is not None


def test_json_round_trip_keeps_every_gpu_cpu_and_ram_field() -> None:
    gpu = GpuInfo(
        vendor="nvidia",
        name="NVIDIA GeForce RTX 4090",
        vram_total_bytes=24 * GIB,
        vram_free_bytes=23 * GIB,
        driver="550.54.14",
        memory_bandwidth_gbps=1008.1,
        vram_used_bytes=GIB,
        cuda_driver_version="12.4",
        compute_capability="8.9",
        memory_bus_width_bits=384,
        memory_clock_mhz=10501,
    )
    profile = HardwareProfile(
        os="linux",
        arch="x86_64",
        cpu=hardware.CpuInfo("x", 8, 16, ("avx2",), max_mhz=5200.0),
        ram=hardware.RamInfo(64 * GIB, 60 * GIB, memory_type="DDR5", speed_mts=6000, channels=1),
        gpus=(gpu,),
        disk=hardware.DiskInfo("/m", 10**12),
        notes=("n",),
    )
    again = HardwareProfile.from_json(json.loads(json.dumps(profile.to_json())))
    assert again == profile


def test_mac_without_sysctl_still_counts_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from runyard_desktop.core.hardware.probes import apple

    def broken() -> dict[str, str]:
        raise FileNotFoundError("sysctl")

    monkeypatch.setattr(system, "os_name", lambda: "darwin")
    monkeypatch.setattr(apple, "read_sysctl", broken)
    profile = system.detect_all()
    assert profile.os == "darwin" and profile.gpus == ()
    assert profile.cpu.logical_cores >= 1 and profile.ram.total_bytes > 0
    assert any("sysctl" in n for n in profile.notes)


def test_apple_silicon_profile_from_recorded_sysctl(monkeypatch: pytest.MonkeyPatch) -> None:
    from runyard_desktop.core.hardware.probes import apple

    text = (FIXTURES / "sysctl-m2-pro-32gb.txt").read_text()
    monkeypatch.setattr(system, "os_name", lambda: "darwin")
    monkeypatch.setattr(apple, "read_sysctl", lambda: apple.parse_sysctl(text))
    profile = system.detect_all()
    (gpu,) = profile.gpus
    assert gpu.unified_memory and profile.cpu.name == "Apple M2 Pro"
    assert not any("NVIDIA" in n for n in profile.notes)  # no NVML probing on a Mac
    assert "unified memory" in hardware.inference_summary(profile)


def test_windows_profile_nvidia_without_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    from runyard_desktop.core.hardware.probes import windows
    from tests.hardware.fake_nvml import FakeNvml

    fixture = FIXTURES / "windows-display-adapters.json"
    adapters = json.loads(fixture.read_text(encoding="utf-8"))["adapters"]
    real_detect = nvidia.detect_nvidia
    monkeypatch.setattr(system, "os_name", lambda: "windows")
    monkeypatch.setattr(cpu, "read_cpu", lambda: hardware.CpuInfo("Intel(R) Core(TM) i7-13700K", 16, 24, ("avx2",)))
    monkeypatch.setattr(
        nvidia, "detect_nvidia", lambda: real_detect(FakeNvml.from_fixture("nvml-library-missing.json"))
    )
    monkeypatch.setattr(windows, "read_display_adapters", lambda: adapters)
    profile = system.detect_all()
    assert [g.vendor for g in profile.gpus] == ["nvidia", "intel", "amd"]
    assert profile.notes[0].startswith("NVIDIA GeForce RTX 4070 Ti SUPER is installed, but the NVIDIA driver")
    assert any("UHD Graphics 770 shares system memory" in n for n in profile.notes)


def test_linux_profile_nvml_plus_sysfs(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.hardware.fake_nvml import FakeNvml

    root = FIXTURES / "sysfs-amd"
    real_detect, real_sysfs = nvidia.detect_nvidia, amd.read_sysfs_gpus
    monkeypatch.setattr(system, "os_name", lambda: "linux")
    monkeypatch.setattr(nvidia, "detect_nvidia", lambda: real_detect(FakeNvml.from_fixture("nvml-1-gpu.json")))
    monkeypatch.setattr(amd, "read_sysfs_gpus", lambda: real_sysfs(root))
    profile = system.detect_all()
    assert [g.name for g in profile.gpus] == ["NVIDIA GeForce RTX 4090", "AMD Radeon RX 7900 XTX", "AMD Radeon 780M"]
    assert [g.name for g in profile.inference_gpus] == ["NVIDIA GeForce RTX 4090", "AMD Radeon RX 7900 XTX"]
    assert profile.notes == ("AMD Radeon 780M shares system memory with the CPU; Ollama runs models on the CPU here.",)
    assert "Models run on 2 GPUs" in hardware.inference_summary(profile)


def test_linux_nvidia_card_without_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    root = FIXTURES / "sysfs-instinct-and-nvidia"
    real_sysfs, real_count = amd.read_sysfs_gpus, system.sysfs_nvidia_cards
    monkeypatch.setattr(system, "os_name", lambda: "linux")
    monkeypatch.setattr(nvidia, "detect_nvidia", lambda: ((), (nvidia.NO_DRIVER_NOTE,)))
    monkeypatch.setattr(amd, "read_sysfs_gpus", lambda: real_sysfs(root))
    monkeypatch.setattr(system, "sysfs_nvidia_cards", lambda: real_count(root))
    profile = system.detect_all()
    assert profile.notes[0].startswith("An NVIDIA GPU is installed, but no NVIDIA driver is loaded")
    assert profile.gpus[0].name == "AMD Instinct MI300X"


def test_windows_carve_out_detected_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """ollama/ollama#15709 from detection, not the what-if editor: a Ryzen AI Max+ 395 with 96 GB carved
    out (registry) and 31.6 GiB left to Windows. qwen3.5:122b-a10b at 262,144 tokens does not "run on
    GPU" there (Ollama placed 61 % on the GPU and swapped the rest)."""
    from runyard_desktop.core.fit.catalogue import load_catalogue
    from runyard_desktop.core.fit.engine import FitOptions, OllamaRegime, Verdict, evaluate
    from runyard_desktop.core.hardware.probes import windows

    adapters = json.loads((FIXTURES / "windows-display-adapters-strix-halo.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(system, "os_name", lambda: "windows")
    monkeypatch.setattr(system, "read_ram", lambda: hardware.RamInfo(int(31.6 * GIB), int(20.3 * GIB)))
    monkeypatch.setattr(cpu, "read_cpu", lambda: hardware.CpuInfo("AMD RYZEN AI MAX+ 395", 16, 32, ("avx512f",)))
    monkeypatch.setattr(nvidia, "detect_nvidia", lambda: ((), ()))
    monkeypatch.setattr(windows, "read_display_adapters", lambda: adapters["adapters"])
    profile = system.detect_all()
    (gpu,) = profile.inference_gpus
    assert gpu.dedicated_from_ram and profile.notes == ()
    tag = load_catalogue().get("qwen3.5:122b-a10b")
    for regime in OllamaRegime:
        report = evaluate(tag, profile, FitOptions(context=262_144, regime=regime))
        assert report.verdict is not Verdict.GPU, regime
    # What Windows can fill of the carve-out (twice its 31.6 GiB) still takes 35b-a3b whole.
    assert evaluate(load_catalogue().get("qwen3.5:35b-a3b"), profile).verdict is Verdict.GPU
