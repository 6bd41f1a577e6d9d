"""CPU probe: /proc/cpuinfo for x86 and arm64, Windows feature answers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest

from runyard_desktop.core.hardware.probes import cpu
from tests.hardware import FIXTURES


def _parse(name: str) -> tuple[str | None, tuple[str, ...]]:
    return cpu.parse_proc_cpuinfo((FIXTURES / name).read_text(encoding="utf-8"))


def test_x86_intel_alder_lake_has_avx2_but_no_avx512() -> None:
    name, flags = _parse("cpuinfo-x86_64-i7-12700k.txt")
    assert name == "12th Gen Intel(R) Core(TM) i7-12700K"
    assert flags == ("avx", "avx2", "fma", "f16c")


def test_x86_zen4_has_avx512() -> None:
    name, flags = _parse("cpuinfo-x86_64-ryzen-7950x.txt")
    assert name == "AMD Ryzen 9 7950X 16-Core Processor"
    assert flags == ("avx", "avx2", "avx512f", "avx512_vnni", "avx512_bf16", "fma", "f16c")


def test_arm64_server_is_named_from_implementer_and_part() -> None:
    name, flags = _parse("cpuinfo-arm64-graviton2.txt")
    assert name == "ARM Neoverse-N1"
    assert flags == ("neon", "dotprod")  # "asimd" is NEON, "asimddp" the dot-product extension


def test_arm64_board_name_is_added() -> None:
    name, flags = _parse("cpuinfo-arm64-raspberry-pi-5.txt")
    assert name == "ARM Cortex-A76 (Raspberry Pi 5 Model B Rev 1.0)"
    assert "neon" in flags


def test_unknown_arm_core_still_gets_a_name() -> None:
    name, flags = cpu.parse_proc_cpuinfo(
        "processor : 0\nFeatures : fp asimd\nCPU implementer : 0x48\nCPU part : 0xd01\n"
    )
    assert name == "HiSilicon arm64 CPU (part 0xd01)"
    assert flags == ("neon",)


def test_empty_cpuinfo() -> None:
    assert cpu.parse_proc_cpuinfo("") == (None, ())


def test_windows_features() -> None:
    name, flags = cpu.parse_windows_cpu(
        "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz   ", {cpu.PF_AVX: True, cpu.PF_AVX2: True, cpu.PF_AVX512F: False}
    )
    assert name == "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz"
    assert flags == ("avx", "avx2", "fma", "f16c")
    assert cpu.parse_windows_cpu("Snapdragon(R) X Elite - X1E78100", {cpu.PF_ARM_NEON: True})[1] == ("neon",)
    assert cpu.parse_windows_cpu(None, {}) == (None, ())


def test_this_machine(tmp_path: Path) -> None:
    info = cpu.read_linux_cpu(str(FIXTURES / "cpuinfo-x86_64-i7-12700k.txt"))
    assert info.name.startswith("12th Gen") and info.logical_cores >= info.physical_cores >= 1


def test_the_clock_comes_from_psutil_and_its_absence_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(psutil, "cpu_freq", lambda: SimpleNamespace(current=3100.0, min=400.0, max=5200.0))
    assert cpu.read_cpu().max_mhz == 5200.0
    monkeypatch.setattr(psutil, "cpu_freq", lambda: None)  # containers without cpufreq
    assert cpu.read_cpu().max_mhz is None


def _device_tree(tmp_path: Path, model: bytes | None, compatible: bytes | None) -> str:
    tree = tmp_path / "device-tree"
    tree.mkdir()
    if model is not None:
        (tree / "model").write_bytes(model)
    if compatible is not None:
        (tree / "compatible").write_bytes(compatible)
    return str(tree)


def test_an_arm_board_is_named_with_its_soc_from_the_device_tree(tmp_path: Path) -> None:
    """An RK3588 board: /proc/cpuinfo names only the first core (a Cortex-A55) and no board; the device
    tree gives the board and the SoC, which sets the RAM bandwidth (core/hardware/bandwidth.py)."""
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(
        "processor : 0\nBogoMIPS : 48.00\nFeatures : fp asimd asimddp\nCPU implementer : 0x41\nCPU part : 0xd05\n"
        "\nprocessor : 4\nFeatures : fp asimd asimddp\nCPU implementer : 0x41\nCPU part : 0xd0b\n",
        encoding="utf-8",
    )
    tree = _device_tree(tmp_path, b"Radxa ROCK 5B+\x00", b"radxa,rock-5b-plus\x00rockchip,rk3588\x00")
    info = cpu.read_linux_cpu(str(cpuinfo), tree)
    assert info.name == "ARM Cortex-A55 (Radxa ROCK 5B+, Rockchip RK3588)"
    assert info.flags == ("neon", "dotprod")


def test_a_board_already_named_by_cpuinfo_gets_only_its_soc(tmp_path: Path) -> None:
    tree = _device_tree(tmp_path, b"Raspberry Pi 5 Model B Rev 1.0\x00", b"raspberrypi,5-model-b\x00brcm,bcm2712\x00")
    info = cpu.read_linux_cpu(str(FIXTURES / "cpuinfo-arm64-raspberry-pi-5.txt"), tree)
    assert info.name == "ARM Cortex-A76 (Raspberry Pi 5 Model B Rev 1.0, Broadcom BCM2712)"


@pytest.mark.parametrize(
    ("model", "compatible"),
    [(None, None), (b"", b""), (b"\x00", b"\x00\x00"), (b"Some board", b"acme,widget-9\x00"), (None, b"rk3588")],
)
def test_a_missing_or_unknown_device_tree_changes_nothing(tmp_path: Path, model, compatible) -> None:
    tree = _device_tree(tmp_path, model, compatible)
    name = cpu.read_linux_cpu(str(FIXTURES / "cpuinfo-arm64-graviton2.txt"), tree).name
    assert name in ("ARM Neoverse-N1", "ARM Neoverse-N1 (Some board)")
    assert cpu.read_linux_cpu(str(FIXTURES / "cpuinfo-x86_64-i7-12700k.txt"), tree).name.startswith("12th Gen")
    assert cpu.parse_device_tree(model, compatible)[1] is None
