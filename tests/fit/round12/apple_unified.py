"""Twelfth round: Apple Silicon (Metal) and other unified-memory or integrated GPUs (Strix Halo, Lunar Lake, GB10, Jetson).

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round12/__init__.py.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import GB10, STRIX, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, gguf_gib, unified_machine
from ..round8.apple_unified import M1MAX_32

# Minisforum "AI Series" host (SMBIOS "Micro Computer (HK) Tech Limited"), AMD Ryzen AI 9 HX 470 with Radeon 890M
# (RADV STRIX1, gfx1150), 128 GB RAM with about 96 GB set aside as the iGPU's UMA carve-out (Linux sees 30.5 GiB);
# memory type and speed not stated: DDR5-5600 on a 128-bit bus (89.6 GB/s) assumed, as the earlier 890M sources
# run; the bandwidth table has no 890M row, so the profile carries the assumed bus
RADEON890M_HX470 = unified_machine("AMD Radeon 890M Graphics", 96, 128, 89.6, vendor="amd")

# AMD Ryzen 7 260 (Hawk Point, Radeon 780M iGPU), 64 GB DDR5 in two 32 GB SO-DIMMs, GTT raised to 48 GiB
# (amdgpu.gttsize=49152, ttm.pages_limit=16777216); memory speed not stated: DDR5-5600 on a 128-bit bus
# (89.6 GB/s) assumed, the chip's rated speed; the bandwidth table has no 780M row, so the profile carries it
RADEON780M_R7260 = unified_machine("AMD Radeon 780M Graphics", 48, 64, 89.6, vendor="amd")

# Apple M3 Max with 64 GB (the 64 GB part is the 40-core GPU with the 400 GB/s bus), as the runbook states
M3MAX_64 = apple("Apple M3 Max", 64, 56)

# unsloth Qwen3.6-35B-A3B Q8_0 as llama-bench prints it: 35.19 GiB, 35.51 B parameters (the file carries the MTP
# head, which llama-bench does not run); entered from its size
QWEN36_35B_Q8_MTP = gguf_gib("qwen3.5:35b-a3b", 35.19)
# unsloth Qwen3.5-35B-A3B-UD-Q4_K_XL, '~20GB' as the note states (a quant Ollama does not ship)
QWEN35_35B_UDQ4KXL_20 = gguf_file("qwen3.5:35b-a3b", 20)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "nemoclaw-dgxspark-ollama-verbose",
        "github.com/NVIDIA/nemoclaw-community, examples/demos/field/build-a-claw-tutorial/tutorial.md ('OpenClaw "
        "and Hermes on NVIDIA DGX Spark with Qwen 3.6, Gemma 4, and Nemotron 3 Nano Omni'), section 'Some "
        "benchmarks to consider in token/s (ollama) and tokens to answers' (read in a stored earlier version of "
        "the file; the tutorial links hackmd.io/ZvP9JnFETmuDuB0CQESukw)",
        "NVIDIA DGX Spark (GB10, 128 GB unified LPDDR5x), DGX OS (Ubuntu-based)",
        "Ollama 0.23.1 (the version the tutorial's Ollama step installs: 'the tutorial's recorded Ollama "
        "version'), `ollama run <model> --verbose`",
        False,
        "a tutorial's Ollama section: four `ollama run --verbose` blocks with the prompt 'why is the sky blue?' "
        "(thinking on by default); qwen3.6:35b (Qwen3.6-35B-A3B, Ollama's default tag, Q4_K_M assumed, standing "
        "for qwen3.5:35b-a3b) 52.75 tok/s eval rate over 1,328 tokens after a 16-token prompt (depth 16 + 664 = "
        "680); the version of the run is taken to be the 0.23.1 the tutorial installs (inferred; engine era "
        "0.17-0.29); context not stated (Ollama's default for >= 48 GiB, 256K, assumed); KV f16 assumed; the "
        "tutorial tells the reader to check `ollama ps` for 100% GPU but logs no placement, so no placement row; "
        "gemma4:26b, nemotron-3-super and nemotron3:33b are other models; the llama.cpp and vLLM parts of the "
        "tutorial give no decode rate",
    ),
    (
        "autoklinika-890m-hx470-ollama",
        "stored copy in the public GitHub index of a Polish host-configuration document of the repository "
        "autoklinika/AI-server ('AI Server – konfiguracja hosta, zdalny dostęp i walidacja GPU', dated "
        "08.08.2026), sections 3, 9, 15 and 17 (address of the file not shown)",
        "Minisforum 'AI Series' mini PC (SMBIOS 'Micro Computer (HK) Tech Limited', inferred), AMD Ryzen AI 9 HX 470 "
        "(12 cores / 24 threads) with Radeon 890M iGPU (RADV STRIX1, gfx1150), 128 GB RAM with about 96 GB "
        "assigned to the iGPU as UMA (MemTotal 31,965,156 kB visible to Linux), Ubuntu 26.04 LTS, kernel 7.0.0-29",
        "Ollama 0.32.6, Vulkan backend (OLLAMA_VULKAN=1, OLLAMA_IGPU_ENABLE=1), its REST API (/api/generate, "
        "stream false, think false)",
        False,
        "the lead passed on by round 11 ('a Polish Radeon 890M Vulkan page'); qwen3.6:35b (model id 07d35212591f, "
        "about 23 GB in `ollama list`; Qwen3.6-35B-A3B standing for qwen3.5:35b-a3b, Q4_K_M assumed from the "
        "default tag) loaded at Ollama's default 262,144 context as `ollama ps` shows ('28 GB  4%/96% CPU/GPU  "
        "262144'), so a placement row (partial, 0.96); one benchmark through the API: 295 output tokens in 10.28 s, "
        "28.68 tok/s, after a 32-token prompt (depth 32 + 147.5, entered as 180); one run; memory type and speed "
        "not stated (DDR5-5600, 89.6 GB/s, assumed; the HX 470 also takes LPDDR5X-8000); the GPU pool is taken "
        "as the 96 GB carve-out (GTT not logged); KV f16 assumed (no cache type set); the Radeon 890M is not in "
        "the bandwidth table, so the profile carries the assumed bus; the earlier 100% CPU run (iGPU dropped "
        "before OLLAMA_IGPU_ENABLE) gives no speed",
    ),
    (
        "m1max-alarmism-models-doc",
        "stored copy in the public GitHub index, repository not identified (no address shown): a Markdown note "
        "'Which models this project uses, and why' of a study of local Ollama models generating, moderating and "
        "judging news stories (section 'Measured: the 22 GB ceiling is not the constraint it looks like', "
        "measured 2026-08-11)",
        "Apple M1 Max, 32 GB unified (Ollama reports a 24.0 GB GPU wired limit), macOS",
        "Ollama (version not stated; >= 0.30 inferred from the date, August 2026)",
        False,
        "qwen3.6:35b (23 GB tag, Qwen3.6-35B-A3B standing for qwen3.5:35b-a3b, Q4_K_M assumed from the default "
        "tag) 'resident 24 GB, 4%/96% CPU/GPU' with 'generation 40.9 tok/s' in the pipeline's moderate stage "
        "(a placement row, partial 0.96, and a speed row); how the rate was computed is not stated (taken as "
        "Ollama's generation rate); the prompts carry evidence packs of unstated length (depth left unset); "
        "context not stated (Ollama's default for a 24 GiB GPU, 32K, assumed); KV f16 assumed; GPU core count "
        "not stated (the 24- and 32-core M1 Max share the 400 GB/s bus); the gemma4:31b row (9.5 tok/s) is "
        "another model",
    ),
    (
        "reddit-1vjs3sf",
        "https://www.reddit.com/r/LocalLLaMA/comments/1vjs3sf/underestimated_budget_solution_radeon_780m_igpu/ "
        "(read as a stored RSS copy of the post, published 2026-08-09)",
        "AMD Ryzen 7 260 with Radeon 780M iGPU, 64 GB DDR5 (2x 32 GB SO-DIMMs, speed not stated), GTT set to "
        "48 GiB (amdgpu.gttsize=49152, ttm.pages_limit=16777216, amd_iommu=off), Ubuntu 26",
        "llama.cpp, Vulkan backend (build not stated), llama-bench with -ngl 99 -fa 1 -ctk q8_0 -ctv q8_0 "
        "(the table's columns)",
        False,
        "'Underestimated budget solution: radeon 780m iGPU' (the 'Ryzen 7 260' lead that rounds 8 and 9 could not "
        "find); Qwen3.6-35B-A3B, 'Unsloth Q8 quants', printed as qwen35moe 35B.A3B Q8_0, 35.19 GiB, 35.51 B "
        "parameters (the MTP head is in the file; llama-bench does not draft), standing for qwen3.5:35b-a3b and "
        "entered from its size; tg128 21.06 at d0 (depth 64, context 4096 taken for llama-bench); the tg256 row "
        "(20.85) is a second generation length at the same depth and is left out; the pp8192/pp16384 rows are "
        "prompt processing; the Gemma 4 31B rows are another model; the author's MTP figures for real tasks are "
        "drafting and are left out; KV q8_0 as the table shows; DDR5 speed not stated (DDR5-5600, 89.6 GB/s, "
        "assumed); the Radeon 780M is not in the bandwidth table, so the profile carries the assumed bus",
    ),
    (
        "strixhalo-coding-agent-nixos-vulkan",
        "stored copy in the public GitHub index, repository not identified (no address shown): a README 'Local "
        "LLM Coding Agent on AMD Strix Halo' (Claude Code / OpenCode against llama-server; NixOS 25.11 version "
        "of the file), section 'Model Comparison'",
        "AMD Ryzen AI Max (Strix Halo) with Radeon 8060S (gfx1151, 40 CUs), '96GB unified VRAM (LPDDR5X)', total "
        "RAM not stated (128 GB assumed), NixOS 25.11, kernel 6.19",
        "llama.cpp built from source with Vulkan (RADV, RADV_PERFTEST=bfloat16; 'build 8185+', exact build not "
        "stated), llama-server -c 163840 -fa on -ngl 99 --no-mmap -ctk f16 -ctv f16 -np 1",
        False,
        "the 'Model Comparison' table ('All benchmarked on Strix Halo, Vulkan backend, IQ4_NL quant (except where "
        "noted), 160K context, -fa on'): Qwen3.5-35B-A3B UD-Q4_K_XL (unsloth, '~20GB' as stated, a quant Ollama "
        "does not ship, entered as 20 GB) 41 tok/s generation; the prompt and answer lengths of that row are not "
        "stated (depth left unset); KV f16 as the server flags give it; the Qwen3-Coder, GLM, gpt-oss and "
        "Nemotron rows are other models, and the ROCm quant table is of Qwen3-Coder; a Strix Halo NixOS "
        "note like round 9's strixhalo-nixos-ollama-0206 (two 128 GB Framework Desktops, Ollama) but with a "
        "96 GB machine, llama.cpp and different figures, so taken as another publication; whether it is the "
        "same person is not known",
    ),
    (
        "gtalkstech-netops-m3max-ollama",
        "stored copy in the public GitHub index of a local-AI runbook of github.com/GTalksTech/netops-toolkit (a "
        "network-engineering kit; sections '1-2' environment block, '4. Picking a model' and '8. Replication "
        "kit'; the file is not in the repository snapshot of 2026-07-19, so it was published after that date)",
        "Apple M3 Max, 64 GB unified ('the M3 Max 64 GB row is the measured baseline of this runbook'), macOS",
        "Ollama (version not stated; >= 0.30 inferred: published after July 2026), with the runbook's environment "
        "block OLLAMA_CONTEXT_LENGTH=65536, OLLAMA_FLASH_ATTENTION=1, OLLAMA_KV_CACHE_TYPE=q8_0, "
        "OLLAMA_NUM_PARALLEL=1, `ollama run --verbose`",
        False,
        "the table 'Measured on the same machine, same prompt, machine quiet' (eval tok/s): qwen3.6:35b 59.73 "
        "(Qwen3.6-35B-A3B standing for qwen3.5:35b-a3b, Q4_K_M assumed from the default tag) and qwen3.6:27b "
        "15.30 (Qwen3.6-27B standing for qwen3.5:27b, Q4_K_M assumed); the prompt is not stated (depth left "
        "unset); the context and KV cache type are taken from the runbook's environment block (64K, q8_0), "
        "which it tells the reader to apply first; the demo's '~50 tok/s' after a 14K-token config is a "
        "rounded figure and is left out; laguna-xs-2.1, qwen3-coder:30b, gpt-oss:20b and llama3.3:70b are "
        "other models; the M3 Max's GPU core count is not stated (the 64 GB part has the 40-core GPU)",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # nemoclaw-dgxspark-ollama-verbose
    SpeedCase(
        "35B-A3B (qwen3.6:35b) Q4_K_M, DGX Spark GB10 128 GB, Ollama 0.23.1, 'why is the sky blue?'",
        "nemoclaw-dgxspark-ollama-verbose",
        "qwen3.5:35b-a3b",
        GB10,
        262144,
        52.75,
        regime="ollama-engine",
        note="Qwen3.6 tag standing for the Qwen3.5 one; version inferred from the tutorial; context assumed",
        depth=680,
        runner="ollama",
        backend="cuda",
    ),
    # autoklinika-890m-hx470-ollama
    SpeedCase(
        "35B-A3B (qwen3.6:35b) Q4_K_M, Radeon 890M (HX 470) 128 GB, 96 GB UMA, Ollama 0.32.6 Vulkan, 256K",
        "autoklinika-890m-hx470-ollama",
        "qwen3.5:35b-a3b",
        RADEON890M_HX470,
        262144,
        28.68,
        note="Qwen3.6 tag standing for the Qwen3.5 one; one API run, think off; DDR5-5600 assumed",
        depth=180,
        runner="ollama",
        backend="vulkan",
    ),
    # m1max-alarmism-models-doc
    SpeedCase(
        "35B-A3B (qwen3.6:35b) Q4_K_M, M1 Max 32 GB, Ollama, 4%/96% CPU/GPU",
        "m1max-alarmism-models-doc",
        "qwen3.5:35b-a3b",
        M1MAX_32,
        32768,
        40.9,
        note="Qwen3.6 tag standing for the Qwen3.5 one; context assumed (Ollama's default); depth not stated",
        runner="ollama",
        backend="metal",
    ),
    # reddit-1vjs3sf
    SpeedCase(
        "35B-A3B Q8_0 (35.19 GiB, with MTP head), Radeon 780M (Ryzen 7 260) 64 GB, 48 GiB GTT, llama.cpp Vulkan, tg128",
        "reddit-1vjs3sf",
        QWEN36_35B_Q8_MTP,
        RADEON780M_R7260,
        4096,
        21.06,
        note="Qwen3.6 file standing for the Qwen3.5 tag; KV q8_0; DDR5-5600 assumed",
        kv="q8_0",
        depth=64,
        runner="llama.cpp",
        backend="vulkan",
    ),
    # strixhalo-coding-agent-nixos-vulkan
    SpeedCase(
        "35B-A3B UD-Q4_K_XL (~20 GB), Radeon 8060S 96 GB, llama.cpp Vulkan, 160K",
        "strixhalo-coding-agent-nixos-vulkan",
        QWEN35_35B_UDQ4KXL_20,
        STRIX,
        163840,
        41.0,
        note="size stated as '~20GB'; total RAM not stated (128 GB assumed); depth not stated",
        runner="llama.cpp",
        backend="vulkan",
    ),
    # gtalkstech-netops-m3max-ollama
    SpeedCase(
        "35B-A3B (qwen3.6:35b) Q4_K_M, M3 Max 64 GB, Ollama, 64K, KV q8_0",
        "gtalkstech-netops-m3max-ollama",
        "qwen3.5:35b-a3b",
        M3MAX_64,
        65536,
        59.73,
        note="Qwen3.6 tag standing for the Qwen3.5 one; context and KV from the runbook's environment block",
        kv="q8_0",
        runner="ollama",
        backend="metal",
    ),
    SpeedCase(
        "27B (qwen3.6:27b) Q4_K_M, M3 Max 64 GB, Ollama, 64K, KV q8_0",
        "gtalkstech-netops-m3max-ollama",
        "qwen3.5:27b",
        M3MAX_64,
        65536,
        15.30,
        note="Qwen3.6 tag standing for the Qwen3.5 one; context and KV from the runbook's environment block",
        kv="q8_0",
        runner="ollama",
        backend="metal",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B (qwen3.6:35b), Radeon 890M 96 GB UMA, Ollama 0.32.6 Vulkan, 256K: 4%/96% CPU/GPU",
        "autoklinika-890m-hx470-ollama",
        "qwen3.5:35b-a3b",
        RADEON890M_HX470,
        262144,
        "partial",
        0.96,
        note="`ollama ps`: 28 GB, 4%/96% CPU/GPU, context 262144",
    ),
    PlacementCase(
        "35B-A3B (qwen3.6:35b), M1 Max 32 GB, Ollama: 4%/96% CPU/GPU",
        "m1max-alarmism-models-doc",
        "qwen3.5:35b-a3b",
        M1MAX_32,
        32768,
        "partial",
        0.96,
        note="resident 24 GB, 4%/96% CPU/GPU as the note states; context assumed",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
