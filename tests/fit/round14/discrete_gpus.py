"""Fourteenth round, collected by venue (the file names are the earlier rounds'): measurements found in
files of GitHub repositories other than Ollama's and llama.cpp's, any kind of machine.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round14/__init__.py.
"""

from __future__ import annotations

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, gguf_gib, gpu_machine, unified_machine
from ..round4.cpu_offload import _cpu
from ..round12.apple_unified import M3MAX_64

# Intel Arc A770 as the CI summary names it ("GPU: Intel(R) Arc(TM) A770 Graphics"); its memory is not stated:
# the 16 GB card (560 GB/s, the bandwidth table's row) assumed, as the 8 GB card is rarer; host CPU and RAM
# not stated (32 GB assumed)
ARC_A770_CI = gpu_machine("Intel Arc A770 Graphics", 16, ram_gib=32, vendor="intel")
# Qwen3.5-0.8B-Q4_K_M.gguf as llama-bench reports it, 497.39 MiB (a quant Ollama does not ship for 0.8b)
QWEN35_08B_Q4KM = gguf_gib("qwen3.5:0.8b", round(497.39 / 1024, 4))

# LocalVRAM's benchmark runner "Vernon": NVIDIA GeForce RTX 3090 (24576 MiB as nvidia-smi reports it) under
# WSL2 (Linux 6.6.87.2-microsoft-standard-WSL2); host CPU and RAM not stated: 128 GB assumed, since the same
# runner ran qwen3.5:122b (about 81 GB) with the rest of it in system memory
RTX3090_LOCALVRAM = gpu_machine("NVIDIA GeForce RTX 3090", 24, ram_gib=128)
# unsloth-style Qwen3.6-35B-A3B-Q6_K.gguf as the results file states it, 28.5 GB (a quant Ollama does not ship)
QWEN36_35B_Q6K_285 = gguf_file("qwen3.5:35b-a3b", 28.5)

# RTX 5060 Laptop GPU 8 GB (8151 MiB) with an Intel Core Ultra 9 275HX and 32 GB DDR5-5600 (2x 16 GB), Windows 11
# build 26200, as the machine audit states; the CPU's 24 cores (8P + 16E, no AVX-512) and 5.4 GHz maximum turbo come
# from Intel's spec
RTX5060L_275HX = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5060 Laptop GPU", 8, ram_gib=32),
    name="Intel Core Ultra 9 275HX",
    cores=24,
    mhz=5400,
    memory_type="DDR5",
    mts=5600,
)
# qwen35moe 35B.A3B Q4_K_M as llama-bench prints it, 18.23 GiB (smaller than Ollama's 35b-a3b Q4_K_M); entered
# from its size
QWEN35_35B_Q4KM_1823 = gguf_gib("qwen3.5:35b-a3b", 18.23)

# AMD Radeon Instinct MI50 32 GB (gfx906, HBM2, 32,752 MiB) in a PCIe 3.0 x4 slot, Intel Core i7-9700K and 31 GiB RAM,
# Ubuntu 24.04.2, as stated; the bandwidth table has no MI50 row; the CPU's 8 cores, 4.9 GHz maximum turbo and no
# AVX-512 come from Intel's spec; RAM type not stated
MI50_9700K = _cpu(
    gpu_machine("AMD Radeon Instinct MI50", 32, ram_gib=31, vendor="amd"),
    name="Intel Core i7-9700K",
    cores=8,
    mhz=4900,
)
# Qwen3.6-35B-A3B-Uncensored-HauhauCS-Aggressive Q4_K_M, 21,166,758,016 bytes (19.70 GiB) as stated: a fine-tune of
# the 35B-A3B, entered from its size
HAUHAU_35B_Q4KM = gguf_file("qwen3.5:35b-a3b", 21.167)

# Framework Desktop (Ryzen AI Max, Radeon 8060S, GFX1151) under FreeBSD (drm-kmod), Vulkan0; the notes give a 64 GB
# GTT; total RAM not stated (128 GB assumed); the bandwidth table's 8060S row (256 GB/s)
STRIX_FREEBSD = unified_machine("AMD Radeon 8060S", 64, 128, 256, vendor="amd")
# unsloth Qwen3.6-27B-UD-Q4_K_XL.gguf as llama-bench prints it, qwen35 27B Q4_K - Medium 16.39 GiB (a quant Ollama
# does not ship); entered from its size
QWEN36_27B_UDQ4KXL_1639 = gguf_gib("qwen3.5:27b", 16.39)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "sycl-ci-a770-pr29510",
        "stored copy in the public GitHub index, repository not identified (no address shown): a committed "
        "'SYCL Workflow Summary' for llama.cpp PR #29510 (https://github.com/ggml-org/llama.cpp/pull/29510, "
        "created 2026-09-27), whose bench results give the PR build and its base, master commit 85ca3b52c",
        "Intel Arc A770 (as the summary's 'GPU:' line names it; memory size not stated), host CPU, RAM and OS ?",
        "llama.cpp base build 85ca3b52c (11208), mainline master, SYCL backend; llama-bench -ngl -1, tg128",
        False,
        "a CI log committed to a repository: each summary runs llama-bench on the PR build and on its base; only "
        "the base (mainline) row is entered: Qwen3.5-0.8B-Q4_K_M.gguf (497.39 MiB, 752.39 M parameters; "
        "entered from its size, Ollama ships 0.8b as Q8_0) tg128 with flash attention on, 57.09 tok/s (d0: "
        "depth 64, context 4096); the flash-attention-off row (56.43) is the flag sweep's other point and is "
        "left out, as are the PR build's rows (not mainline) and the same file's MTP-head GGUF (513.78 MiB) "
        "and Qwen2 MoE rows; A770 memory size (16 GB assumed) and host RAM (32 GB assumed) not stated; KV f16 "
        "(llama-bench's default); other summaries of the same series (e.g. PR #29507, 161.9 tok/s on the "
        "0.8B MTP file) do not name their GPU and look like a different card, so they are not entered; round "
        "12 left out 'SYCL PR workflow files' because they named no hardware — this one names the GPU",
    ),
    (
        "localvram-3090-ollama-weekly",
        "https://github.com/kxz2009-crypto/localvram (file src/data/benchmark-results.json and its git history, "
        "February to August 2026: the site's weekly Ollama benchmark runs; read from a stored snapshot of the "
        "repository)",
        "NVIDIA GeForce RTX 3090 24 GB (driver 591.74, '450W TDP' per the file's tooltip) in a Windows PC under "
        "WSL2 (runner host 'Vernon'); CPU, RAM ?",
        "Ollama 0.17.1, 0.17.7 and 0.20.2 (as each run's record states), /api/generate with num_ctx 4096, "
        "temperature 0, num_predict 96 (48 for the 122b), two runs averaged",
        False,
        "a benchmark site's committed result file (LocalVRAM, an affiliate site whose runner posts each week's "
        "runs to its repository); each run records eval_count, eval_duration and prompt_eval_count per model; the "
        "series has several runs per model over six months, so the rows are the FIRST successful run of each "
        "(model tag, Ollama version) pair, chosen by that rule before looking at the other runs: qwen3.5:35b "
        "(Ollama's 35B-A3B Q4_K_M) on 0.17.1 (2026-02-26) 43.64 and on 0.17.7 (2026-03-11) 48.86; qwen3.5:122b "
        "on 0.17.1 (2026-02-26) 4.93; qwen3.5:27b on 0.17.1 (2026-03-04) 37.64, 0.17.7 (2026-03-10) 34.52 and "
        "0.20.2 (2026-04-24) 23.08; qwen3.6:35b on 0.20.2 (2026-04-24) 33.87 and qwen3.6:27b on 0.20.2 "
        "(2026-08-05) 18.06 (Qwen3.6 tags standing for the Qwen3.5 ones); the later runs of the same pairs "
        "vary widely (e.g. qwen3.6:35b 10.6-47.8 tok/s, the 27b once 2.8) and are left out as repeats; the "
        "results file keys some 27b runs under 'qwen3.5:35b' / 'qwen3.6:35b' (its alias table), the tag entered "
        "is the run's own 'model' field; prompt 31 tokens, 96 generated (48 for the 122b): depth 79 (55); "
        "Ollama 0.17-0.29 is the engine era; CUDA as Ollama uses on an NVIDIA card; where the model went is "
        "not recorded (the 35b-a3b's 24 GB and the 122b do not fit the 3090 alone: partial offload "
        "presumably); host RAM not stated (128 GB assumed, the 122b ran); CPU not stated; the qwen3-coder, "
        "gemma3 and other models' rows are other models",
    ),
    (
        "qwen36-local-llamacpp-turboquant-m3max",
        "https://github.com/hackur/qwen36-local-llamacpp-turboquant (file benchmarks/RESULTS.md, run date "
        "2026-04-28; read as a stored copy in the public GitHub index)",
        "Apple M3 Max, 16 CPU cores (12P + 4E), 64 GB unified memory, macOS 26.4.1",
        "llama.cpp mainline f9f3365 (vendor/llama.cpp-mainline), llama-server, Metal; f16 KV, 32K context",
        False,
        "a repository setting up Qwen 3.6 with a TurboQuant fork of llama.cpp beside mainline; only the "
        "mainline 'baseline' row is entered: Qwen3.6-35B-A3B-Q6_K.gguf (28.5 GB, entered from its size; "
        "standing for qwen3.5:35b-a3b), f16 KV at 32K context, 63.25 tok/s generation as a 3-run hot average of "
        "500-token generations with thinking off; the turboquant rows (turbo3 KV, 61.45 tok/s at 64K; the "
        "needle and 131K runs) are the fork and left out, as are the README's Qwen3.6-27B Heretic NEO-CODE rows "
        "(turboquant); the prompt length is not stated (depth not entered); the M3 Max's GPU core count is not "
        "stated (the 64 GB part has the 40-core GPU, 400 GB/s)",
    ),
    (
        "runtime-evidence-5060laptop-275hx",
        "stored copy in the public GitHub index, repository not identified (no address shown): a 'Runtime "
        "Evidence' markdown file of a 'Reasoning Budget Arena' project (machine audit dated 2026-08-13), section "
        "'llama.cpp benchmark — experts on GPU vs CPU (same file)'",
        "NVIDIA GeForce RTX 5060 Laptop 8 GB (8151 MiB), Intel Core Ultra 9 275HX (24 cores), 32 GB DDR5-5600 "
        "(2x 16 GB), Windows 11 build 26200",
        "llama.cpp llama-bench (build of these records not stated; the file's arena runs name b10375), ngl=99, tg64",
        False,
        "'from the archived llama-bench records on the same GPU/runtime': qwen35moe 35B.A3B Q4_K_M (18.23 GiB; "
        "which GGUF is not named, entered from its size as qwen3.5:35b-a3b) tg64 4.15 t/s with every layer and "
        "expert on the 8 GB GPU (ngl=99: the file does not fit, so on Windows the driver's shared-memory "
        "fallback presumably) and 43.31 t/s with n_cpu_moe=256 (all routed experts in system RAM); the "
        "first is a placement forced by hand onto a card the file does not fit, left out by the lead under the "
        "forced-placement rule before the evaluation (the collector had entered both), the second entered; tg64 at d0 taken (depth 32, context 4096, KV f16 as llama-bench's "
        "defaults); the build is not stated: taken as the mainline b10375 the file names, though the same "
        "project validated its own expert-pinning patch for another model (not said to be in these runs); the "
        "arena table (fine-tunes without file sizes, Gemma, Qwen3.8) and the FreeToken engine rows are left out; "
        "CPU core count, clock and AVX-512 (none) from Intel's spec; the same hardware (8151 MiB, Windows 11 "
        "26200, 32 GB) as round 10's kr-walkthrough-rtx5060laptop, perhaps the same person, but another "
        "publication with other runs (llama.cpp, not Ollama)",
    ),
    (
        "mi50-gfx906-llamacpp-study-ko",
        "stored copy in the public GitHub index, repository not identified (no address shown): a Korean "
        "markdown report 'AMD Radeon Instinct MI50(gfx906)에서의 llama.cpp 백엔드 실증 연구' (dated 2026-07-29), "
        "section 5.1 '합성 벤치마크 (llama-bench)'",
        "AMD Radeon Instinct MI50 32 GB (gfx906, VBIOS V420, 178 W cap, PCIe 3.0 x4 via the chipset), Intel Core "
        "i7-9700K (8C/8T), 31 GiB RAM, Intel UHD 630 iGPU beside it, Ubuntu 24.04.2, kernel 7.0.0-28",
        "llama.cpp release b10176 (commit f5b9bd3, ggml 0.17.0) built with Vulkan (Mesa RADV 25.2.8); llama-bench "
        "-ngl 99 -p 512 -n 128 --device Vulkan1; power_dpm_force_performance_level forced to high",
        False,
        "only the Vulkan llama-bench row is entered: qwen35moe 35B.A3B Q4_K_M (the HauhauCS 'Uncensored "
        "Aggressive' fine-tune of Qwen3.6-35B-A3B, 19.70 GiB / 21,166,758,016 bytes, entered from its size, "
        "standing for qwen3.5:35b-a3b) tg128 73.08 t/s (d0: depth 64, context 4096, KV f16 as llama-bench's "
        "default); the ROCm/HIP row (63.51) is left out because that build was patched locally (a sed on "
        "ggml-cuda/vendors/hip.h raising an FP8 version guard so it compiles with ROCm 6.2); the llama-server "
        "rows are a study of q4_0-KV and --parallel slow paths (and a 'Count from 1 to 100' probe) and are not "
        "entered in this pass; the clock-policy 'auto' figures (6.28) are a misconfigured card; the Qwen2.5 "
        "row is another model; CPU cores, clock and AVX-512 (none) from Intel's spec; RAM type not stated; the "
        "MI50 is not in the bandwidth table",
    ),
    (
        "framework-strixhalo-freebsd-vulkan-tuning",
        "stored copy in the public GitHub index, repository not identified (no address shown): a markdown note "
        "'llama-bench tuning on Framework Desktop (Strix Halo, Vulkan)' (goal: flags for code writing), with "
        "an end-to-end llama-server validation and a 'Stage 5' --ctx-size 131072 check",
        "Framework Desktop, Radeon 8060S (RADV GFX1151) as Vulkan0, FreeBSD with drm-kmod (amdgpu kld); 64 GB "
        "GTT as the notes say; total RAM ?",
        "llama.cpp build 9d34231bb (8929), Vulkan (RADV, run with RADV_DEBUG=zerovram against device-lost "
        "crashes); llama-bench -fa 1 --no-host 1 -b 2048 -ub 512 -r 2; llama-server --flash-attn on --no-host "
        "--ctx-size 131072 --parallel 1 for Stage 5",
        False,
        "the file is Qwen3.6-27B-UD-Q4_K_XL.gguf, which this build prints as qwen35 27B Q4_K - Medium, 16.39 GiB, "
        "26.90 B params (the note's header still carries an older doc's 'qwen35moe 35B.A3B, 20.70 GiB' line "
        "from another build, whose ~50 t/s rows are not in this file and are not entered); standing for "
        "qwen3.5:27b, entered from its size; rows: the Stage 3 depth sweep's two ends (tg128 at d0 11.91 and "
        "at d65536 9.59; d8192/d32768 left out; depth 64 and 65600, context 4096 and 65664) and the Stage 5 "
        "llama-server sweep's two ends (prompt ~4,067 tokens with 64 generated, 11.9 t/s, and ~114,482 tokens, "
        "8.5 t/s; depth 4099 and 114514; context 131072; the 30K/91K points left out); the 65536-context "
        "server table and the --kv-unified pair repeat the same setup at other points and are left out; "
        "Stage 1/1b/2/4 are flag sweeps at d0 (same figures within 1%); KV f16 throughout (q8_0 crashed); "
        "RADV_DEBUG=zerovram costs ~1.5% pp as the note measured; total RAM not stated (128 GB assumed from the "
        "64 GB GTT); the build is taken as mainline (not said otherwise)",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # sycl-ci-a770-pr29510
    SpeedCase(
        "0.8B Q4_K_M (497 MiB), Arc A770, llama.cpp 85ca3b52c (b11208) SYCL, fa on, tg128",
        "sycl-ci-a770-pr29510",
        QWEN35_08B_Q4KM,
        ARC_A770_CI,
        4096,
        57.09,
        note="CI run of a PR's base (master) build; A770 memory size and host RAM assumed; d0",
        depth=64,
        runner="llama.cpp",
        backend="sycl",
    ),
    # localvram-3090-ollama-weekly
    SpeedCase(
        "35B-A3B (qwen3.5:35b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.17.1, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:35b-a3b",
        RTX3090_LOCALVRAM,
        4096,
        43.642,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (qwen3.5:35b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.17.7, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:35b-a3b",
        RTX3090_LOCALVRAM,
        4096,
        48.862,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "122B-A10B (qwen3.5:122b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.17.1, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:122b-a10b",
        RTX3090_LOCALVRAM,
        4096,
        4.931,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=55,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "27B (qwen3.5:27b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.17.1, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:27b",
        RTX3090_LOCALVRAM,
        4096,
        37.644,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "27B (qwen3.5:27b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.17.7, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:27b",
        RTX3090_LOCALVRAM,
        4096,
        34.516,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "27B (qwen3.5:27b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.20.2, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:27b",
        RTX3090_LOCALVRAM,
        4096,
        23.081,
        regime="ollama-engine",
        note="first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (qwen3.6:35b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.20.2, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:35b-a3b",
        RTX3090_LOCALVRAM,
        4096,
        33.867,
        regime="ollama-engine",
        note="Qwen3.6 tag standing for the Qwen3.5 one; first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    SpeedCase(
        "27B (qwen3.6:27b) Q4_K_M, RTX 3090 24 GB (WSL2), Ollama 0.20.2, num_ctx 4096",
        "localvram-3090-ollama-weekly",
        "qwen3.5:27b",
        RTX3090_LOCALVRAM,
        4096,
        18.058,
        regime="ollama-engine",
        note="Qwen3.6 tag standing for the Qwen3.5 one; first run of this tag on this Ollama version; host RAM assumed; placement not recorded",
        depth=79,
        runner="ollama",
        backend="cuda",
    ),
    # qwen36-local-llamacpp-turboquant-m3max
    SpeedCase(
        "35B-A3B (3.6) Q6_K (28.5 GB), M3 Max 64 GB, llama.cpp f9f3365 (mainline baseline), 32K, KV f16",
        "qwen36-local-llamacpp-turboquant-m3max",
        QWEN36_35B_Q6K_285,
        M3MAX_64,
        32768,
        63.25,
        note="Qwen3.6 file standing for the Qwen3.5 tag; 3-run average of 500-token generations; prompt length not stated",
        runner="llama.cpp",
        backend="metal",
    ),
    # runtime-evidence-5060laptop-275hx (the forced ngl=99 row is left out: see the source's note)
    SpeedCase(
        "35B-A3B Q4_K_M (18.23 GiB), RTX 5060 Laptop 8 GB + Core Ultra 9 275HX 32 GB, n_cpu_moe=256, tg64",
        "runtime-evidence-5060laptop-275hx",
        QWEN35_35B_Q4KM_1823,
        RTX5060L_275HX,
        4096,
        43.31,
        note="all routed experts in system RAM (n_cpu_moe=256), the rest on the GPU; build not stated; d0",
        depth=32,
        runner="llama.cpp",
        backend="cuda",
    ),
    # mi50-gfx906-llamacpp-study-ko
    SpeedCase(
        "35B-A3B (3.6 fine-tune) Q4_K_M (19.70 GiB), Radeon Instinct MI50 32 GB, llama.cpp b10176 Vulkan, tg128",
        "mi50-gfx906-llamacpp-study-ko",
        HAUHAU_35B_Q4KM,
        MI50_9700K,
        4096,
        73.08,
        note="Qwen3.6 fine-tune standing for the Qwen3.5 tag; DPM forced high; d0; MI50 added to the bandwidth table (1,024 GB/s) before the evaluation",
        depth=64,
        runner="llama.cpp",
        backend="vulkan",
    ),
    # framework-strixhalo-freebsd-vulkan-tuning
    SpeedCase(
        "27B (3.6) UD-Q4_K_XL (16.39 GiB), Radeon 8060S (Framework Desktop, FreeBSD), llama.cpp 8929 Vulkan, tg128 d0",
        "framework-strixhalo-freebsd-vulkan-tuning",
        QWEN36_27B_UDQ4KXL_1639,
        STRIX_FREEBSD,
        4096,
        11.91,
        note="Qwen3.6 file standing for the Qwen3.5 tag; depth sweep's shortest point; total RAM assumed",
        depth=64,
        runner="llama.cpp",
        backend="vulkan",
    ),
    SpeedCase(
        "27B (3.6) UD-Q4_K_XL (16.39 GiB), Radeon 8060S (Framework Desktop, FreeBSD), llama.cpp 8929 Vulkan, tg128 d65536",
        "framework-strixhalo-freebsd-vulkan-tuning",
        QWEN36_27B_UDQ4KXL_1639,
        STRIX_FREEBSD,
        65664,
        9.59,
        note="Qwen3.6 file standing for the Qwen3.5 tag; depth sweep's longest point; total RAM assumed",
        depth=65600,
        runner="llama.cpp",
        backend="vulkan",
    ),
    SpeedCase(
        "27B (3.6) UD-Q4_K_XL (16.39 GiB), Radeon 8060S (Framework Desktop, FreeBSD), llama.cpp 8929 Vulkan, llama-server ~4K prompt",
        "framework-strixhalo-freebsd-vulkan-tuning",
        QWEN36_27B_UDQ4KXL_1639,
        STRIX_FREEBSD,
        131072,
        11.9,
        note="Qwen3.6 file; llama-server, ~4,067-token prompt, 64 generated; total RAM assumed",
        depth=4099,
        runner="llama.cpp",
        backend="vulkan",
    ),
    SpeedCase(
        "27B (3.6) UD-Q4_K_XL (16.39 GiB), Radeon 8060S (Framework Desktop, FreeBSD), llama.cpp 8929 Vulkan, llama-server ~114K prompt",
        "framework-strixhalo-freebsd-vulkan-tuning",
        QWEN36_27B_UDQ4KXL_1639,
        STRIX_FREEBSD,
        131072,
        8.5,
        note="Qwen3.6 file; llama-server, ~114,482-token prompt, 64 generated; total RAM assumed",
        depth=114514,
        runner="llama.cpp",
        backend="vulkan",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
