"""RAM module type/speed/channels from captured OS output, and the RAM bandwidth they give."""

from __future__ import annotations

from dataclasses import replace

import pytest

from runyard_desktop.core.hardware import bandwidth
from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.hardware.probes import memory, system

UDEV_TWO_DDR5 = """\
E:MEMORY_ARRAY_LOCATION=System Board Or Motherboard
E:MEMORY_DEVICE_0_PRESENT=1
E:MEMORY_DEVICE_0_SIZE=34359738368
E:MEMORY_DEVICE_0_TYPE=DDR5
E:MEMORY_DEVICE_0_SPEED_MTS=6000
E:MEMORY_DEVICE_0_CONFIGURED_SPEED_MTS=5600
E:MEMORY_DEVICE_1_PRESENT=0
E:MEMORY_DEVICE_2_SIZE=34359738368
E:MEMORY_DEVICE_2_TYPE=DDR5
E:MEMORY_DEVICE_2_CONFIGURED_SPEED_MTS=5600
"""


def test_udev_two_modules_give_type_and_configured_speed_but_not_channels() -> None:
    assert memory.parse_udev_dmi(UDEV_TWO_DDR5) == ("DDR5", 5600, None)


def test_udev_one_module_is_one_channel() -> None:
    one = "E:MEMORY_DEVICE_0_SIZE=8589934592\nE:MEMORY_DEVICE_0_TYPE=DDR4\nE:MEMORY_DEVICE_0_SPEED_MTS=3200\n"
    assert memory.parse_udev_dmi(one) == ("DDR4", 3200, 1)


def test_udev_without_memory_records_says_nothing() -> None:
    assert memory.parse_udev_dmi("E:ID_VENDOR=QEMU\n") == memory.NONE


def test_windows_rows_use_the_smbios_type_code_and_the_slowest_module() -> None:
    rows: list[dict[str, object]] = [
        {"Capacity": "17179869184", "ConfiguredClockSpeed": 3200, "Speed": 3600, "SMBIOSMemoryType": 26},
        {"Capacity": "17179869184", "ConfiguredClockSpeed": 2933, "Speed": 3200, "SMBIOSMemoryType": 26},
        {"Capacity": 0, "ConfiguredClockSpeed": 0, "SMBIOSMemoryType": 0},  # an empty slot
    ]
    assert memory.parse_win_physical_memory(rows) == ("DDR4", 2933, None)


def test_ram_bandwidth_from_the_modules_then_the_stated_fallback() -> None:
    base = build_profile(ram_gib=64, ram_available_gib=50)
    assert bandwidth.cpu_bandwidth(base) == bandwidth.Bandwidth(bandwidth.CPU_RAM_GBPS, "estimate")
    ddr5 = replace(base, ram=replace(base.ram, memory_type="DDR5", speed_mts=6000))
    assert bandwidth.cpu_bandwidth(ddr5) == bandwidth.Bandwidth(96.0, "probe")  # 2 channels assumed
    single = replace(base, ram=replace(base.ram, speed_mts=3200, channels=1))
    assert bandwidth.cpu_bandwidth(single) == bandwidth.Bandwidth(25.6, "probe")


def test_read_ram_carries_the_module_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "read_modules", lambda: ("LPDDR5", 7500, None))
    ram = system.read_ram()
    assert (ram.memory_type, ram.speed_mts, ram.channels) == ("LPDDR5", 7500, None) and ram.total_bytes > 0


def test_read_ram_survives_an_os_that_will_not_say(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> memory.Modules:
        raise OSError("no such file")

    monkeypatch.setattr(memory, "read_modules", broken)
    assert system.read_ram().speed_mts is None


def test_windows_powershell_is_started_by_absolute_path() -> None:
    """A bare "powershell" lets CreateProcess run a planted powershell.exe from the current folder."""
    from runyard_desktop.core.hardware.probes.memory import windows_powershell

    assert windows_powershell({"SystemRoot": r"D:\Win"}) == r"D:\Win\System32\WindowsPowerShell\v1.0\powershell.exe"
    assert windows_powershell({}).startswith("C:\\Windows\\System32\\")
