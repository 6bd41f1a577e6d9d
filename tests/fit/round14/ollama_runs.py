"""Fourteenth round, collected by venue (the file names are the earlier rounds'): measurements found on
non-English pages, any kind of machine.

Entry rules and the held-out rule: docs/fit-accuracy.md; the round: tests/fit/round14/__init__.py.
Ollama 0.17–0.29 (its own engine) is `regime="ollama-engine"`; Ollama ≥ 0.30 and llama.cpp are the default
regime.
"""

from __future__ import annotations

from runyard_desktop.core.hardware.presets import apple

from ..measurements_public import MemoryCase, PlacementCase, SpeedCase
from ..reference_data import gguf_file as _file
from ..reference_data import gguf_gib as _gib
from ..reference_data import gpu_machine
from ..round4.cpu_offload import _cpu

# GeForce RTX 5070 12 GB (12226 MiB, 11017 MiB free as llama-server --list-devices prints it), 48 GB RAM (47 GiB
# inside WSL), Core Ultra 7 270K Plus (24 threads; entered as 24 cores, the part has no SMT), Ubuntu 24.04 Dev
# Container on WSL2
RTX5070_270K = _cpu(
    gpu_machine("NVIDIA GeForce RTX 5070", 12226 / 1024, ram_gib=47, free_gib=11017 / 1024),
    name="Intel Core Ultra 7 270K Plus",
    cores=24,
)

# Tesla V100-PCIE-32GB under Windows (WDDM driver mode), Intel Core i5-8500 (6 cores); RAM not stated (32 GB
# assumed)
V100PCIE_8500 = _cpu(
    gpu_machine("Tesla V100-PCIE-32GB", 32, ram_gib=32),
    name="Intel Core i5-8500",
    cores=6,
)

# Apple M1 Max, 64 GB unified memory, macOS 26.6.1 (GPU core count not stated)
M1MAX_64 = apple("Apple M1 Max", 64, 56)

# (id, url or description, hardware, software, second_hand, note) — ids written down before hashing
SOURCES: tuple[tuple[str, str, str, str, bool, str], ...] = (
    (
        "ja-rtx5070-wsl-llm-docs",
        "a Japanese set of notes in a public GitHub repository ('ローカル LLM 環境ドキュメント': README.md, "
        "01-setup-models.md section '5. 性能実測 (ctx 32k, 思考オフ)', 04-codex.md section '4. コンテキスト長と速度', "
        "05-operations.md), read as stored copies in the code index, which does not name the repository",
        "NVIDIA GeForce RTX 5070 12 GB (12226 MiB; Windows keeps about 1.4–1.6 GB of it), Intel Core Ultra 7 "
        "270K Plus (24 threads), 48 GB RAM (47 GiB inside WSL), Ubuntu 24.04 Dev Container on WSL2, driver "
        "591.86 / CUDA 13.1",
        "mainline llama.cpp b11160, the official prebuilt ubuntu-cuda-12.8 binaries; llama-server with "
        "--flash-attn on, --cache-type-k/v q8_0, --fit on --fit-target 768, --threads 8",
        False,
        "measured by the author in the llama-server chat UI, thinking off, prompt lengths not stated (depth "
        "left to the engine) and figures given as 'about' (約): Qwen3.6-35B-A3B UD-Q4_K_XL ('21GB'; read as "
        "GiB, as du prints it, since the same Unsloth file is 20.81 GiB in llama.cpp's logs) at 32K with "
        "--fit moving experts to the CPU, about 51 tok/s, 11.5 GB of VRAM in use (stands for "
        "qwen3.5:35b-a3b); Qwen3.5-9B UD-Q5_K_XL ('6.3GB', read as GiB likewise) at 32K with every layer on "
        "the GPU (--n-gpu-layers all --fit off), about 74 tok/s, 8.5 GB in use; the 9B's KV type is not "
        "shown (its serve.sh is not printed; q8_0 assumed as in the printed 35B script). The Codex page's "
        "context sweep for the 35B (32K about 51, 64K about 25, 128K 3.25 tok/s, each a --fit placement) "
        "contributes its ends: 32K is the chat row above, 128K is entered with depth 6,889 (the stated "
        "first Codex prompt; the output length is not stated, so this is a lower bound). Backend CUDA (the "
        "CUDA build, CUDA0 device). Left out: Gemma 4, Dolphin (Llama 3.1), Qwen3.8-27B and the Bonsai "
        "(Prism ML fork) rows; the 64K middle point",
    ),
    (
        "zh-v100pcie-mtp-speedbench",
        "three Chinese speed-test reports in a public GitHub repository, read as stored copies in the code index, "
        "which does not name the repository: 'llama.cpp 输出速度实测报告（V100-PCIe 32GB）' (first bench), '推理吞吐基准报告 "
        "— Qwen3.6-35B-A3B-APEX-MTP-I-Compact.gguf' (bench_v2) and '27B 密集模型输出速度测速报告' (bench_27b), all "
        "dated 2026-07-20",
        "Tesla V100-PCIE-32GB (1380 MHz boost, 250 W, Windows WDDM driver mode), Intel Core i5-8500; RAM not "
        "stated (32 GB assumed)",
        "llama.cpp's Windows CUDA 12.4 release build (run from E:\\llama-win-cuda-12.4-x64; build number not "
        "stated, mainline inferred from the release folder), llama-server -ngl 99 --flash-attn enabled -b 2048 -t 6",
        False,
        "each configuration: llama-server started fresh, then POST /completion with temp 0 and stream off, the "
        "rate taken from timings.predicted_per_second (decode only). Only the configurations without MTP "
        "drafting are entered (the rest use --spec-type draft-mtp): Qwen3.6-35B-A3B APEX-MTP I-Compact (17.3 GB "
        "as stated, with its MTP head; stands for qwen3.5:35b-a3b) 'ron_mtpoff' (thinking on), first bench at "
        "-c 16384, one fixed Chinese prompt, n_predict 512: 83.10 tok/s; bench_v2 at the launcher's -c 81920 "
        "(the 32768 variant is an MTP row), five task prompts × 1,024 tokens averaged: 80.69 tok/s (the two "
        "runs are the ends of the 35B's context points); Qwen3.6-27B-MTP-IQ4_XS-Q8nextn (15.4 GB as stated; "
        "stands for qwen3.5:27b) 'ron_mtpoff', four task prompts × 1,024 tokens (34.04/34.35/34.04/34.12): "
        "34.14 tok/s average, context -c 81920 as its deployment command (the bench's default) states. KV: "
        "q8_0 for the 27B as its command states; not stated for the 35B (f16 assumed). Prompt lengths not "
        "stated (depth left to the engine). Both files are GGUFs Ollama does not ship, entered from their "
        "stated sizes. Backend CUDA (a CUDA build on an NVIDIA card). The roff_mtpoff row of the first bench "
        "failed (WinError 10054) and has no figure",
    ),
    (
        "ja-m1max64-novel-rag-ollama",
        "a Japanese plan-and-results document of a novel-summarisation RAG project in a public GitHub repository "
        "(section '将来のローカルLLM推論ホスト利用': 'Muse Glimmer導入実測（2026-08-13）' and 'Muse Glimmer / Qwen3.6比較実測"
        "（2026-08-13）'), read as a stored copy in the code index, which does not name the repository",
        "Apple M1 Max, 64 GB unified memory, macOS 26.6.1 (GPU core count not stated)",
        "Ollama 0.30.11 (llama-server era), Homebrew",
        False,
        "Qwen3.6-35B-A3B under Ollama (inferred: the run passes think=false, Ollama's option, and the document "
        "later calls Qwen's Mac setup its 'current Ollama registration'; Muse alone ran on llama-server b10360 "
        "because Ollama could not load it; tag and quant not printed; Ollama shows it as 24 GB, the size of the "
        "Q4_K_M qwen3.6:35b-a3b with its vision tower; stands for qwen3.5:35b-a3b), think=false, temperature "
        "0, seed 42, the same OCR pages and JSON-schema prompts for both models: in the 8,192-context "
        "co-residency test (Qwen and Muse Glimmer 30B Q6 both loaded, 47.3 GiB together, swap 0) Qwen's "
        "generation rate run alone was 34.24 tok/s; the 2.67 tok/s with both generating at once is a "
        "concurrent figure and is left out. Prompt lengths not stated (several OCR pages; depth left to the "
        "engine); KV f16 assumed (Ollama's default). Backend Metal (Ollama on Apple Silicon). Left out: the "
        "Muse Glimmer (not Qwen), Nemotron and Qwen3.8 rows, the MLX and mlx-vlm runs (Qwen3.6 MLX 4-bit, "
        "Ornith 1.5 35B-A3B MLX 51.78 tok/s), and timings given only as wall-clock seconds",
    ),
)

SPEED_CASES: tuple[SpeedCase, ...] = (
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 21 GiB (Qwen3.6), RTX 5070 12 GB + Core Ultra 7 270K, llama.cpp --fit, 32K q8_0",
        "ja-rtx5070-wsl-llm-docs",
        _gib("qwen3.5:35b-a3b", 21.0),
        RTX5070_270K,
        32768,
        51.0,
        note="'約 51 tok/s', chat UI, thinking off; --fit puts experts on the CPU; 11.5 GB VRAM in use",
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B UD-Q4_K_XL 21 GiB (Qwen3.6), RTX 5070 12 GB + Core Ultra 7 270K, llama.cpp --fit, 128K q8_0",
        "ja-rtx5070-wsl-llm-docs",
        _gib("qwen3.5:35b-a3b", 21.0),
        RTX5070_270K,
        131072,
        3.25,
        note="Codex CLI session against llama-server, 6,889-token first prompt; the context sweep's longest point",
        kv="q8_0",
        depth=6889,
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "9B UD-Q5_K_XL 6.3 GiB, RTX 5070 12 GB, llama.cpp all layers on the GPU, 32K q8_0 (assumed)",
        "ja-rtx5070-wsl-llm-docs",
        _gib("qwen3.5:9b", 6.3),
        RTX5070_270K,
        32768,
        74.0,
        note="'約 74 tok/s', chat UI, thinking off; 8.5 GB VRAM in use",
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B APEX-MTP I-Compact 17.3 GB (Qwen3.6), Tesla V100 PCIe 32 GB, llama-server, MTP off, 16K",
        "zh-v100pcie-mtp-speedbench",
        _file("qwen3.5:35b-a3b", 17.3),
        V100PCIE_8500,
        16384,
        83.10,
        note="first bench 'ron_mtpoff': one fixed Chinese prompt, n_predict 512, predicted_per_second",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B APEX-MTP I-Compact 17.3 GB (Qwen3.6), Tesla V100 PCIe 32 GB, llama-server, MTP off, 80K",
        "zh-v100pcie-mtp-speedbench",
        _file("qwen3.5:35b-a3b", 17.3),
        V100PCIE_8500,
        81920,
        80.69,
        note="bench_v2 'ron_mtpoff': five task prompts × 1,024 generated tokens, predicted_per_second averaged",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "27B MTP-IQ4_XS-Q8nextn 15.4 GB (Qwen3.6), Tesla V100 PCIe 32 GB, llama-server, MTP off, 80K q8_0",
        "zh-v100pcie-mtp-speedbench",
        _file("qwen3.5:27b", 15.4),
        V100PCIE_8500,
        81920,
        34.14,
        note="bench_27b 'ron_mtpoff': four task prompts × 1,024 generated tokens, predicted_per_second averaged",
        kv="q8_0",
        runner="llama.cpp",
        backend="cuda",
    ),
    SpeedCase(
        "35B-A3B (3.6) Q4_K_M, M1 Max 64 GB, Ollama 0.30.11, 8K, alone while a second model stayed loaded",
        "ja-m1max64-novel-rag-ollama",
        "qwen3.5:35b-a3b",
        M1MAX_64,
        8192,
        34.24,
        note="think=false, temperature 0; Qwen generating alone (the concurrent 2.67 tok/s is left out)",
        runner="ollama",
        backend="metal",
    ),
)

PLACEMENT_CASES: tuple[PlacementCase, ...] = (
    PlacementCase(
        "35B-A3B UD-Q4_K_XL 21 GiB (Qwen3.6), RTX 5070 12 GB, llama.cpp --fit, 32K q8_0",
        "ja-rtx5070-wsl-llm-docs",
        _gib("qwen3.5:35b-a3b", 21.0),
        RTX5070_270K,
        32768,
        "partial",
        note="the model table's placement 'GPU + CPU (--fit)': experts moved to the CPU by --fit",
    ),
)
MEMORY_CASES: tuple[MemoryCase, ...] = ()
