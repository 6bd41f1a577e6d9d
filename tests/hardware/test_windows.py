"""Windows display adapters from recorded registry values (runs on any OS)."""

from __future__ import annotations

import json

from runyard_desktop.core.hardware.probes import windows
from tests.hardware import FIXTURES


def test_registry_values() -> None:
    data = json.loads((FIXTURES / "windows-display-adapters.json").read_text(encoding="utf-8"))
    gpus = windows.parse_display_adapters(data["adapters"])
    assert [g.name for g in gpus] == [
        "NVIDIA GeForce RTX 4070 Ti SUPER",
        "Intel(R) UHD Graphics 770",
        "AMD Radeon RX 7800 XT",
    ]
    nv, intel, radeon = gpus
    assert nv.vendor == "nvidia" and nv.vram_total_bytes == 17171480576 > 2**32  # past WMI's 4 GB cap
    assert intel.vendor == "intel" and intel.integrated
    assert radeon.vendor == "amd" and not radeon.integrated and radeon.vram_total_bytes == 17163091968
    assert radeon.driver == "31.0.24033.1003"


def test_old_driver_with_binary_memory_size_and_intel_arc() -> None:
    gpus = windows.parse_display_adapters(
        [
            {
                "DriverDesc": "AMD Radeon(TM) Graphics",
                "MatchingDeviceId": "PCI\\VEN_1002&DEV_1638",
                "HardwareInformation.MemorySize": (512 * 2**20).to_bytes(4, "little"),
            },
            {
                "DriverDesc": "Intel(R) Arc(TM) A770 Graphics",
                "MatchingDeviceId": "PCI\\VEN_8086&DEV_56A0",
                "HardwareInformation.qwMemorySize": 16 * 2**30,
            },
            {
                "DriverDesc": "Intel(R) Arc(TM) Graphics",
                "MatchingDeviceId": "PCI\\VEN_8086&DEV_7D55",
                "HardwareInformation.qwMemorySize": 128 * 2**20,
            },
            {"DriverDesc": "Microsoft Remote Display Adapter", "MatchingDeviceId": "SWD\\RemoteDisplayEnum"},
        ]
    )
    assert [(g.vendor, g.vram_total_bytes, g.integrated) for g in gpus] == [
        ("amd", 512 * 2**20, True),  # APU carve-out
        ("intel", 16 * 2**30, False),  # discrete Arc
        ("intel", 128 * 2**20, True),  # Core Ultra iGPU, also called "Arc"
    ]


def test_adapter_without_any_size() -> None:
    (gpu,) = windows.parse_display_adapters([{"DriverDesc": "Some GPU"}])
    assert gpu.vendor == "other" and gpu.vram_total_bytes == 0 and gpu.integrated


def test_a_card_no_longer_present_is_not_counted() -> None:
    """The class key keeps a replaced card's subkey; only the devices SetupAPI lists as present count."""
    data = json.loads((FIXTURES / "windows-display-adapters-stale.json").read_text(encoding="utf-8"))
    present = {key.rsplit("\\", 1)[-1] for key in data["present_driver_keys"]}
    gpus = windows.parse_display_adapters(windows.mark_present(data["adapters"], present))
    assert [g.name for g in gpus] == ["Intel(R) UHD Graphics 630", "NVIDIA GeForce RTX 4060"]
    assert [g.index for g in gpus] == [0, 1]


def test_without_the_present_list_every_adapter_still_counts() -> None:
    """SetupAPI unreadable: better a stale card listed than a present one dropped."""
    data = json.loads((FIXTURES / "windows-display-adapters-stale.json").read_text(encoding="utf-8"))
    assert len(windows.parse_display_adapters(windows.mark_present(data["adapters"], None))) == 3


def test_apu_carve_out_is_flagged_and_discrete_cards_are_not() -> None:
    """An APU's "dedicated" memory is a carve-out from RAM (96 GB of 128 on a Ryzen AI Max+ 395)."""
    strix = json.loads((FIXTURES / "windows-display-adapters-strix-halo.json").read_text(encoding="utf-8"))
    (gpu,) = windows.parse_display_adapters(strix["adapters"])
    assert gpu.name == "AMD Radeon(TM) 8060S Graphics" and gpu.vram_total_bytes == 96 * 2**30
    assert gpu.dedicated_from_ram and gpu.integrated and gpu.usable_for_inference
    desktop = json.loads((FIXTURES / "windows-display-adapters.json").read_text(encoding="utf-8"))
    flags = {g.name: g.dedicated_from_ram for g in windows.parse_display_adapters(desktop["adapters"])}
    assert flags == {
        "NVIDIA GeForce RTX 4070 Ti SUPER": False,
        "Intel(R) UHD Graphics 770": True,  # 128 MiB of stolen memory: still not used for models
        "AMD Radeon RX 7800 XT": False,
    }
