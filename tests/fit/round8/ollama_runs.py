"""Eighth round: Ollama runs of any version (ollama run --verbose eval rate, ollama ps, server logs) on GPUs.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round8/__init__.py.
Qwen3.6 tags stand for the Qwen3.5 tag of the same architecture and size. Ollama 0.17–0.29 (its own
engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 (llama-server) is the default regime.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import unified_machine

# ASUS ProArt PX13 with a Ryzen AI Max+ 395 (Radeon 8060S, gfx1151); Ollama's Vulkan log reports the iGPU
# with total="124.0 GiB" (GTT raised by the author's kernel tuning); RAM not stated (128 GB assumed)
PX13_395 = unified_machine("AMD Radeon 8060S", 124, 128, 256, vendor="amd")

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "it-px13-ollama-vulkan-rocm",
        "two Italian setup guides in a public GitHub repository ('Ollama Vulkan su ASUS ProArt PX13' and its "
        "companion 'Ollama ROCm', section '7. Misura performance'; Arch Linux notes); address of the files not "
        "known",
        "ASUS ProArt PX13 laptop: AMD Ryzen AI Max+ 395 / Radeon 8060S (gfx1151, RDNA 3.5 iGPU); Ollama's Vulkan "
        'log: type=iGPU total="124.0 GiB"; RAM not stated (128 GB assumed); Arch Linux',
        "Ollama 0.30.10 (Arch packages ollama, ollama-rocm, ollama-vulkan 0.30.10-1; llama-server era); Vulkan "
        "(RADV, Mesa vulkan-radeon 26.1.3) and ROCm (rocm_v7_2 library) backends, one at a time",
        False,
        "one `ollama run --think=false --verbose qwen3.6:27b` per backend with the same 27-token prompt: Vulkan "
        "eval count 169 at 12.94 tok/s, ROCm eval count 218 at 12.76 tok/s (the Vulkan guide's comparison table "
        "repeats both figures); qwen3.6:27b is Ollama's default tag (Q4_K_M assumed, not stated) and stands for "
        "qwen3.5:27b; depth = 27 + half the generated tokens; context not stated (Ollama's default for a GPU "
        "reporting ≥ 48 GB, 256K, assumed); KV f16 assumed; placement not shown (the guide says to check "
        "`ollama ps` for 100% GPU but prints no output); a Strix Halo iGPU, entered here because the source is "
        "Ollama runs only",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "27B, Ryzen AI Max+ 395 (ProArt PX13, 124 GiB GTT), Ollama 0.30.10 Vulkan, 256K (assumed)",
        "it-px13-ollama-vulkan-rocm",
        "qwen3.5:27b",
        PX13_395,
        262144,
        12.94,
        note="qwen3.6:27b; 27-token prompt, 169 tokens generated; context and quant assumed",
        depth=111,
        runner="ollama",
    ),
    SpeedCase(
        "27B, Ryzen AI Max+ 395 (ProArt PX13, 124 GiB GTT), Ollama 0.30.10 ROCm, 256K (assumed)",
        "it-px13-ollama-vulkan-rocm",
        "qwen3.5:27b",
        PX13_395,
        262144,
        12.76,
        note="qwen3.6:27b; 27-token prompt, 218 tokens generated; context and quant assumed",
        depth=136,
        runner="ollama",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
