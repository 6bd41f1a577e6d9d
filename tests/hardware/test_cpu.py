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
