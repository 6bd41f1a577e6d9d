"""Fourteenth round, collected by venue (the file names are the earlier rounds'): measurements found on
English blogs, Q&A and forum threads and model cards, any kind of machine.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round14/__init__.py.

Profiles state only what the source states (GPU, VRAM); RAM and CPU are the builders' defaults where the
source is silent, and each source's note says so. GGUF files Ollama does not ship are entered from their
stated size (`gguf_file` for decimal GB). Where the CPU is named, its physical cores, maximum boost clock and
AVX-512 support come from the maker's spec (what the app's probe reads), as each note says.
"""

from __future__ import annotations

from ..measurements_public import RTX3090, MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file, gpu_machine
from ..round4.cpu_offload import _cpu
from ..round13.discrete_gpus import _ZEN4

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "phytertek-ren4-3090-ollama",
        "https://ren.phytertek.com/blog/deltanets-hidden-tax/ ('DeltaNet's Hidden Tax', the author's list of "
        "the four machines of their inference fleet)",
        "'ren4': AMD Ryzen 9 (model not stated), NVIDIA RTX 3090 (24 GB); RAM and OS not stated",
        "Ollama with CUDA, version not stated; flash attention off on this machine as stated",
        False,
        "Row: 'ren4 (AMD Ryzen 9, RTX 3090, Ollama) — ... qwen3.5:9b at 103 tok/s'; the tag's quant is not "
        "stated (Ollama's default q4_K_M assumed). The post's date is not shown in the text read: it describes "
        "llama.cpp as still lacking optimised DeltaNet kernels and Qwen3.5 as newly added to the fleet, so it "
        "is taken as spring 2026 and the run as Ollama's own engine (0.17-0.29), inferred. Context not stated "
        "(no num_ctx given; Ollama's default for a 24 GiB GPU, 32K, assumed); KV f16 assumed (Ollama's "
        "default); prompt and output lengths not stated (depth left unset); thinking mode of the run not "
        "stated. RAM not stated (64 GB assumed); the CPU is named only as 'AMD Ryzen 9', so it is left to "
        "the builder's default. Left out: ren3's 28.4 tok/s (M1 Pro with MLX, another engine) and ren1's "
        "13.4 tok/s 'on ren1 (Intel i9)' (the post says the Intel boxes run llama-server on an unnamed AMD GPU "
        "but calls the slow run 'Intel with Ollama': neither the GPU nor whether it was used is stated)",
    ),
    (
        "sergiiob-rx7800xt",
        "https://sergiiob.dev/posts/rx7800-xt-llama-cpp-benchmarks-moe-context (read from the post's source "
        "file, github.com/SergiioB/portfolio src/content/posts/rx7800-xt-llama-cpp-benchmarks-moe-context.md, "
        "pubDate 2026-06-10)",
        "Sapphire Radeon RX 7800 XT 16 GB (gfx1101), AMD Ryzen 7 3800X (8C/16T, run at 2.8 GHz under the "
        "powersave governor), 16 GB DDR4, Ubuntu 24.04.4 (kernel 6.17.0-35)",
        "mainline llama.cpp built from source with HIP (ROCm 6.4.4, -DGPU_TARGETS=gfx1101, rocWMMA flash "
        "attention), build not stated; llama-server",
        False,
        "The same author as round 4's sergiiob-rk3588, another machine (a dedicated inference node). Rows: "
        "Phase 1's two 27B rows ('Gen t/s' at the 190 W cap, benchmark flags --cache-type-k q8_0 "
        "--cache-type-v q4_0 --flash-attn on --parallel 1 -b 512 -ub 128 --mlock, KV entered as q8_0): "
        "'qwen3.6-27b 4bpw' 13 GB at 16K, 19.4 t/s (Qwen3.6-27B standing for qwen3.5:27b, a GGUF Ollama does "
        "not ship, entered from its stated size, decimal GB assumed), and 'qwopus-27b Q3_K_L' 14 GB at 32K, "
        "16.8 t/s (Qwopus, a fine-tune of the same 27B architecture; the post's context table lists it as "
        "'27B + MTP', i.e. the file carries an MTP head, but the benchmark flags set no drafting, so the run "
        "is taken as plain decode; entered from its stated size); and the no-draft baseline of the "
        "speculative-decoding test of the daily Qwen3.6-35B-A3B UD-IQ3_XXS (standing for qwen3.5:35b-a3b; "
        "'13G' in the post's model catalog, entered as 13 GB), the mean of its two requests (56.6 and 57.7 "
        "t/s); that test's flags are taken to be the daily service's (-ngl 99, 128K, q8_0/q8_0 KV, --reasoning "
        "off), not stated for the test itself. Prompt lengths not stated (Phase 1 names a 180-token 'long "
        "prefill'; depth left unset). The -ngl of Phase 1 is not shown (llama-server's default offload "
        "assumed; VRAM idle 14.25 and 15.68 GB of 16 GB). CPU facts from AMD's spec (8 cores, 4.5 GHz max "
        "boost, no AVX-512); RAM speed not stated. Left out: the GLM-4.7, Gemma-4 and Qwen3.6-REAP-28B rows "
        "(other models; the REAP file is an expert-pruned 28B, not a Qwen3.5/3.6 size), the power-cap, KV-type "
        "and thinking sweeps (GLM-4.7 only), the ngram-simple drafted rows, and the context-limit table (fit "
        "or OOM only)",
    ),
    (
        "reddit-1rei65v-followup",
        "https://r.arson.gg/r/LocalLLAMA?before=t3_1r8ubck (a public reddit mirror's r/LocalLLaMA listing, "
        "where the post is shown in full; the post's own address and id are not shown in the text read)",
        "RTX 5080 16 GB, AMD Ryzen 9 9950X (32 threads), 128 GB DDR5; OS not stated in this post",
        "llama.cpp built from source (CUDA 12.8, sm_120), build not stated; --fit on",
        False,
        "The follow-up of reddit-1rei65v's post by the same author on the same machine ('After posting "
        "Qwen3.5-35B-A3B quantization quality + speed benchmarks on RTX 5080 16GB, you folks raised a bunch of "
        "great questions'): another publication with another figure, entered as its own source, to be counted "
        "with reddit-1rei65v as one machine (public_sources.SAME_MACHINE is the lead's). Row: the TL;DR's "
        "'--fit on without batch flags hits 74.7 tok/s (+7% over my original config)', Qwen3.5-35B-A3B "
        "Q4_K_M (the catalogue tag), the original config being the first post's --n-cpu-moe 24 at 69.6 tok/s "
        "(short prompt), so the short workload is assumed; llama.cpp's --fit chooses the expert split (not "
        "shown). Context not stated in this post: the first post's constant 65K assumed; KV q8_0 (the post's "
        "recommendation, the first post's constant); depth unknown. RAM speed as the first post states it "
        "(DDR5-4800); CPU facts from AMD's spec (16 cores, 5.7 GHz max boost, AVX-512). Left out: the "
        "perplexity and KL-divergence tables (not speeds)",
    ),
)

# Sapphire RX 7800 XT 16 GB, Ryzen 7 3800X (8 cores, 4.5 GHz max boost, AVX2 only per AMD's spec), 16 GB DDR4
RX7800XT_3800X = _cpu(
    gpu_machine("AMD Radeon RX 7800 XT", 16, ram_gib=16, vendor="amd"),
    name="AMD Ryzen 7 3800X 8-Core Processor",
    cores=8,
    mhz=4500,
    memory_type="DDR4",
)

# RTX 5080 16 GB, Ryzen 9 9950X (16 cores, 5.7 GHz max boost, AVX-512 per AMD's spec), 128 GB DDR5-4800 (the
# speed as the same author's first post states it)
RTX5080_9950X_FOLLOWUP = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5080", 16, ram_gib=128),
    name="AMD Ryzen 9 9950X 16-Core Processor",
    cores=16,
    mhz=5700,
    memory_type="DDR5",
    mts=4800,
    flags=_ZEN4,
)

Q4BPW_36_27B_SERGIIOB = gguf_file("qwen3.5:27b", 13.0)
Q3KL_QWOPUS_27B_SERGIIOB = gguf_file("qwen3.5:27b", 14.0)
UDIQ3XXS_36_35B_SERGIIOB = gguf_file("qwen3.5:35b-a3b", 13.0)

SPEED_CASES: tuple[SpeedCase, ...] = (
    # phytertek-ren4-3090-ollama: the fleet's CUDA box, flash attention off
    SpeedCase(
        "9B Q4_K_M (assumed), RTX 3090 24 GB, Ollama (engine era inferred), 32K (assumed)",
        "phytertek-ren4-3090-ollama",
        "qwen3.5:9b",
        RTX3090,
        32768,
        103.0,
        regime="ollama-engine",
        runner="ollama",
        backend="cuda",
        note="Ollama version, context, quant and prompt length not stated; engine era inferred from the post",
    ),
    # sergiiob-rx7800xt: Phase 1, 190 W cap, K q8_0 / V q4_0
    SpeedCase(
        "27B '4bpw' 13 GB (Qwen3.6), RX 7800 XT 16 GB, llama-server ROCm, 16K q8_0/q4_0",
        "sergiiob-rx7800xt",
        Q4BPW_36_27B_SERGIIOB,
        RX7800XT_3800X,
        16384,
        19.4,
        kv="q8_0",
        runner="llama.cpp",
        backend="rocm",
        note="Phase 1 Gen t/s; V cache q4_0; short prompt, depth unknown",
    ),
    SpeedCase(
        "27B Q3_K_L 14 GB (Qwopus fine-tune), RX 7800 XT 16 GB, llama-server ROCm, 32K q8_0/q4_0",
        "sergiiob-rx7800xt",
        Q3KL_QWOPUS_27B_SERGIIOB,
        RX7800XT_3800X,
        32768,
        16.8,
        kv="q8_0",
        runner="llama.cpp",
        backend="rocm",
        note="fine-tune of the 27B; file carries an MTP head, no drafting set; short prompt, depth unknown",
    ),
    # sergiiob-rx7800xt: the daily service's model, no-draft baseline of the ngram test
    SpeedCase(
        "35B-A3B UD-IQ3_XXS 13 GB (Qwen3.6), RX 7800 XT 16 GB, llama-server ROCm, 128K q8_0, no draft",
        "sergiiob-rx7800xt",
        UDIQ3XXS_36_35B_SERGIIOB,
        RX7800XT_3800X,
        131072,
        57.2,
        kv="q8_0",
        runner="llama.cpp",
        backend="rocm",
        note="mean of the baseline's two requests (56.6, 57.7); daily-service flags assumed; depth unknown",
    ),
    # reddit-1rei65v-followup: --fit on without batch flags
    SpeedCase(
        "35B-A3B Q4_K_M, RTX 5080 16 GB + Ryzen 9 9950X, llama-server --fit on, 65K q8_0 (assumed)",
        "reddit-1rei65v-followup",
        "qwen3.5:35b-a3b",
        RTX5080_9950X_FOLLOWUP,
        65536,
        74.7,
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
        note="the follow-up's headline figure; --fit chooses the expert split; context and workload assumed",
    ),
)
PLACEMENT_CASES: tuple[PlacementCase, ...] = ()
MEMORY_CASES: tuple[MemoryCase, ...] = ()
