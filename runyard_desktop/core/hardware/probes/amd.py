"""Linux sysfs probe for AMD (and Intel) GPUs: `/sys/class/drm/card*/device`.

Everything is read relative to a `root` directory ("/" on a real machine, a fixture tree in tests),
so the parsing runs on recorded trees. NVIDIA cards are skipped here: NVML describes them better.

- AMD (vendor 0x1002, amdgpu driver): `mem_info_vram_total` / `mem_info_vram_used` in bytes;
  the name from `product_name` (Instinct/Pro cards), else libdrm's marketing-name table
  `/usr/share/libdrm/amdgpu.ids` ("744C,\tC8,\tAMD Radeon RX 7900 XTX"), else the PCI id.
- An AMD GPU with less than 1 GiB of VRAM is an APU's carve-out: marked integrated (counts as CPU).
  That is Ollama's own rule (discover/amd_linux.go: "IGPUMemLimit = 1 GiB … anything less than 1G
  must be iGPU").
- An APU is told by its graphics name (`is_amd_apu`): amdgpu's APU flag (`AMD_IS_APU`) is not in
  sysfs, but libdrm's table and AMD's Windows driver name APU graphics by model ("AMD Radeon 780M",
  "AMD Radeon(TM) 8060S Graphics", "AMD Radeon(TM) Graphics", "Radeon Vega 8 Graphics"), while cards
  say RX / Pro / Instinct. Its `mem_info_vram_total` is the BIOS carve-out (UMA frame buffer) taken
  from RAM, which the kernel's MemTotal already leaves out: marked integrated and `dedicated_from_ram`
  (usable for inference from 1 GiB up, like Ollama's rule above).
- Intel (vendor 0x8086): i915 exposes no VRAM size; listed as integrated so the user sees it was found.
"""

from __future__ import annotations

import re
from pathlib import Path

from runyard_desktop.core.hardware.profile import IGPU_VRAM_LIMIT, GpuInfo

AMD_VENDOR = "0x1002"
INTEL_VENDOR = "0x8086"
NVIDIA_VENDOR = "0x10de"
_CARD = re.compile(r"^card\d+$")
_APU_NAME = re.compile(r"Radeon(\(TM\))?\s+((\d{3}M|\d{4}S)\b(\s+Graphics)?|(Vega\s+\d+\s+)?Graphics\b)", re.IGNORECASE)


def is_amd_apu(name: str) -> bool:
    """True for an APU's graphics ("AMD Radeon 780M", "AMD Radeon(TM) 8060S Graphics"), False for cards
    ("AMD Radeon RX 7600M XT", "AMD Radeon Pro W7900", "AMD Instinct MI300X")."""
    return bool(_APU_NAME.search(name))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def _read_int(path: Path) -> int | None:
    text = _read(path)
    try:
        return int(text, 0) if text else None
    except ValueError:
        return None


def parse_amdgpu_ids(text: str) -> dict[tuple[str, str], str]:
    """libdrm's amdgpu.ids: `DEVICE_ID,\tREVISION_ID,\tPRODUCT NAME` lines -> {(device, revision): name}."""
    table: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(",", 2)]
        if len(parts) == 3:
            table[(parts[0].lower(), parts[1].lower())] = parts[2]
    return table


def _marketing_name(ids: dict[tuple[str, str], str], device: str, revision: str) -> str | None:
    dev = device.lower().removeprefix("0x").zfill(4)
    rev = revision.lower().removeprefix("0x").zfill(2)
    return ids.get((dev, rev))


def _amd_gpu(dev: Path, index: int, ids: dict[tuple[str, str], str]) -> GpuInfo:
    device_id = _read(dev / "device") or "?"
    revision = _read(dev / "revision") or "0x00"
    name = _read(dev / "product_name") or _marketing_name(ids, device_id, revision)
    total = _read_int(dev / "mem_info_vram_total") or 0
    used = _read_int(dev / "mem_info_vram_used")
    driver = Path(str((dev / "driver").resolve())).name if (dev / "driver").exists() else "amdgpu"
    apu = is_amd_apu(name or "")
    return GpuInfo(
        vendor="amd",
        name=name or f"AMD Radeon GPU (PCI device {device_id})",
        vram_total_bytes=total,
        vram_free_bytes=max(0, total - used) if used is not None else total,
        vram_used_bytes=used,
        driver=driver,
        index=index,
        integrated=apu or total < IGPU_VRAM_LIMIT,
        dedicated_from_ram=apu,
    )


def _intel_gpu(dev: Path, index: int) -> GpuInfo:
    device_id = _read(dev / "device") or "?"
    total = _read_int(dev / "mem_info_vram_total") or 0  # only the xe driver on Arc cards has it
    return GpuInfo(
        vendor="intel",
        name=f"Intel graphics (PCI device {device_id})",
        vram_total_bytes=total,
        vram_free_bytes=total,
        driver=Path(str((dev / "driver").resolve())).name if (dev / "driver").exists() else None,
        index=index,
        integrated=total < IGPU_VRAM_LIMIT,
    )


def read_sysfs_gpus(root: str | Path = "/") -> tuple[GpuInfo, ...]:
    """AMD and Intel GPUs under `root`/sys/class/drm, deduplicated by PCI device, in card order."""
    drm = Path(root) / "sys" / "class" / "drm"
    if not drm.is_dir():
        return ()
    ids_text = _read(Path(root) / "usr" / "share" / "libdrm" / "amdgpu.ids")
    ids = parse_amdgpu_ids(ids_text) if ids_text else {}
    cards = sorted((p for p in drm.iterdir() if _CARD.match(p.name)), key=lambda p: int(p.name[4:]))
    gpus: list[GpuInfo] = []
    seen: set[Path] = set()
    for card in cards:
        dev = card / "device"
        real = dev.resolve()
        if real in seen:
            continue
        seen.add(real)
        vendor = (_read(dev / "vendor") or "").lower()
        if vendor == AMD_VENDOR:
            gpus.append(_amd_gpu(dev, len(gpus), ids))
        elif vendor == INTEL_VENDOR:
            gpus.append(_intel_gpu(dev, len(gpus)))
    return tuple(gpus)
