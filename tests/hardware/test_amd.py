"""Linux sysfs probe over recorded /sys trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from runyard_desktop.core.hardware.probes import amd, system
from tests.hardware import FIXTURES


def test_discrete_card_and_apu() -> None:
    dgpu, apu = amd.read_sysfs_gpus(FIXTURES / "sysfs-amd")
    assert dgpu.vendor == "amd" and dgpu.name == "AMD Radeon RX 7900 XTX"  # from libdrm's amdgpu.ids
    assert dgpu.vram_total_bytes == 25753026560
    assert dgpu.vram_used_bytes == 1317298176
    assert dgpu.vram_free_bytes == 25753026560 - 1317298176
    assert not dgpu.integrated and dgpu.usable_for_inference
    assert apu.name == "AMD Radeon 780M" and apu.vram_total_bytes == 512 * 2**20
    assert apu.integrated and not apu.usable_for_inference  # 512 MiB carve-out: Ollama's iGPU rule
    # The APU's VRAM is a carve-out from RAM (its name says APU); the card's is not.
    assert apu.dedicated_from_ram and not dgpu.dedicated_from_ram
    assert [dgpu.index, apu.index] == [0, 1]


def test_product_name_nvidia_skipped_intel_integrated() -> None:
    gpus = amd.read_sysfs_gpus(FIXTURES / "sysfs-instinct-and-nvidia")
    assert [g.vendor for g in gpus] == ["amd", "intel"]
    assert gpus[0].name == "AMD Instinct MI300X" and not gpus[0].integrated
    assert gpus[1].integrated and "0xa780" in gpus[1].name
    assert system.sysfs_nvidia_cards(FIXTURES / "sysfs-instinct-and-nvidia") == 1


def test_unknown_device_without_ids_table(tmp_path: Path) -> None:
    dev = tmp_path / "sys" / "class" / "drm" / "card0" / "device"
    dev.mkdir(parents=True)
    (dev / "vendor").write_text("0x1002\n")
    (dev / "device").write_text("0x7550\n")
    (dev / "mem_info_vram_total").write_text("17095983104\n")
    (gpu,) = amd.read_sysfs_gpus(tmp_path)
    assert gpu.name == "AMD Radeon GPU (PCI device 0x7550)"
    assert gpu.vram_free_bytes == gpu.vram_total_bytes == 17095983104  # no "used" file: all free


def test_no_drm_directory(tmp_path: Path) -> None:
    assert amd.read_sysfs_gpus(tmp_path) == ()
    assert system.sysfs_nvidia_cards(tmp_path) == 0


def test_amdgpu_ids_parser() -> None:
    table = amd.parse_amdgpu_ids("# comment\n1.0.0\n744C,\tC8,\tAMD Radeon RX 7900 XTX\n")
    assert table == {("744c", "c8"): "AMD Radeon RX 7900 XTX"}


@pytest.mark.parametrize(
    ("name", "apu"),
    [
        ("AMD Radeon 780M", True),
        ("AMD Radeon(TM) 8060S Graphics", True),
        ("AMD Radeon(TM) 890M Graphics", True),
        ("AMD Radeon(TM) Graphics", True),
        ("AMD Radeon Vega 8 Graphics", True),
        ("AMD Radeon RX 7900 XTX", False),
        ("AMD Radeon RX 7600M XT", False),
        ("AMD Radeon Pro W7900", False),
        ("AMD Instinct MI300X", False),
        ("AMD Radeon 530", False),
    ],
)
def test_apu_told_by_its_graphics_name(name: str, apu: bool) -> None:
    assert amd.is_amd_apu(name) is apu
