"""Pure core logic: progress aggregation, throttle, error texts, server discovery/status, chat helpers."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable

import pytest

from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.chat import metrics_from_final, think_value
from runyard_desktop.core.ollama.errors import ErrorKind, from_server_text
from runyard_desktop.core.ollama.pull import PullTracker, normalize_tag
from runyard_desktop.core.ollama.types import ChatMessage, ChatRequest, ModelInfo, PullPhase, PullStatus
from runyard_desktop.tasks.throttle import Throttle

D1, D2 = "sha256:" + "a" * 64, "sha256:" + "b" * 64


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_tracker_sums_layers_total_grows_no_final_tick_needed() -> None:
    clock = Clock()
    t = PullTracker("m", clock=clock)
    t.feed("pulling manifest", None, None, None)
    assert t.phase is PullPhase.MANIFEST
    t.feed("pulling aaaaaaaaaaaa", D1, 1000, None)  # completed omitted = 0
    assert (t.completed, t.total, t.resumed_from_bytes) == (0, 1000, 0)
    for done in (100, 100, 600):  # a duplicate tick changes nothing
        clock.t += 0.5
        t.feed("pulling aaaaaaaaaaaa", D1, 1000, done)
    assert t.completed == 600 and t.speed_bps() == pytest.approx(600 / 1.5)
    t.feed("pulling bbbbbbbbbbbb", D2, 10, 10)  # the next layer; the first never said 100 %
    assert t.total == 1010 and t.phase is PullPhase.DOWNLOADING
    t.feed("verifying sha256 digest", None, None, None)
    t.feed("writing manifest", None, None, None)
    t.feed("removing any unused layers", None, None, None)  # servers < 0.3.7
    t.feed("success", None, None, None)
    snap = t.snapshot(PullStatus.DONE)
    assert snap.phase is PullPhase.DONE and snap.fraction == 1.0 and snap.message == "Downloaded"


def test_tracker_resume_stall_and_eta() -> None:
    clock = Clock()
    t = PullTracker("m", clock=clock, size_hint=2000)
    t.feed("pulling aaaaaaaaaaaa", D1, 2000, 800)  # first line already > 0: a resume
    assert t.resumed_from_bytes == 800 and "resumed" in t.snapshot().message
    clock.t = 1.0
    t.feed("pulling aaaaaaaaaaaa", D1, 2000, 1000)
    assert t.snapshot().eta_s == pytest.approx(1000 / 200)
    clock.t = 5.0
    t.feed("pulling aaaaaaaaaaaa", D1, 2000, 1000)  # ticks keep coming, bytes do not
    assert t.stalled_for() == pytest.approx(4.0)
    t.feed("verifying sha256 digest", None, None, None)
    assert t.stalled_for() == 0.0  # verifying a big blob sends nothing for a while: not a stall


def test_tracker_safetensors_fake_digest() -> None:
    t = PullTracker("m")
    t.feed("pulling model", "sha256:model", 50, 25)
    assert t.completed == 25 and t.phase is PullPhase.DOWNLOADING


def test_normalize_tag() -> None:
    assert normalize_tag("qwen3.5") == "qwen3.5:latest"
    assert normalize_tag("qwen3.5:4b") == "qwen3.5:4b"
    assert normalize_tag("hf.co/org/repo") == "hf.co/org/repo:latest"
    assert normalize_tag("localhost:5000/m") == "localhost:5000/m:latest"


def test_throttle_coalesces_and_flushes() -> None:
    out: list[str] = []

    async def run() -> None:
        throttle = Throttle(out.append, 0.05, merge=lambda a, b: a + b)
        throttle.push("a")  # first value goes out at once
        for ch in "bcd":
            throttle.push(ch)
        assert out == ["a"]
        await asyncio.sleep(0.08)
        assert out == ["a", "bcd"]
        throttle.push("e")
        throttle.push("f")
        throttle.close()

    asyncio.run(run())
    assert out == ["a", "bcd", "ef"]


def test_lazy_values_are_built_once_per_emit() -> None:
    built: list[int] = []

    async def run() -> None:
        throttle: Throttle[None] = Throttle(lambda v: None, 10.0)  # each value is built for its side effect
        for i in range(1000):
            throttle.push(functools.partial(built.append, i))
        throttle.close()

    asyncio.run(run())
    assert built == [0, 999]


def test_merged_lazy_values_stay_lazy_and_merge_what_they_build() -> None:
    out: list[str] = []
    built: list[str] = []

    def lazy(text: str) -> Callable[[], str]:
        def build() -> str:
            built.append(text)
            return text

        return build

    async def run() -> None:
        throttle = Throttle(out.append, 10.0, merge=lambda a, b: a + b)
        throttle.push("a")  # first value goes out at once
        throttle.push(lazy("b"))
        throttle.push("c")
        throttle.push(lazy("d"))
        assert built == []  # nothing is built before it is emitted
        throttle.close()

    asyncio.run(run())
    assert out == ["a", "bcd"]
    assert built == ["b", "d"]


@pytest.mark.parametrize(
    ("text", "status", "kind"),
    [
        ("pull model manifest: file does not exist", -1, ErrorKind.UNKNOWN_MODEL),
        ('pull model manifest: Get "https://registry.ollama.ai/v2/x": dial tcp: i/o timeout', -1, ErrorKind.OFFLINE),
        (
            'pull model manifest: Get "https://…": dial tcp: lookup registry.ollama.ai: server misbehaving',
            500,
            ErrorKind.OFFLINE,
        ),
        ('Head "https://x.r2.cloudflarestorage.com/…": dial tcp: lookup x: no such host', -1, ErrorKind.OFFLINE),
        (
            "pull model manifest: 412: \nThe model you are attempting to pull requires a newer version of Ollama that "
            "may be in pre-release.\n\nPlease see https://github.com/ollama/ollama/releases for more details.",
            -1,
            ErrorKind.NEEDS_NEWER_OLLAMA,
        ),
        ("this model requires MLX support, but the MLX runtime is not available", -1, ErrorKind.SERVER_ERROR),
        ("model 'llama3' not found", 404, ErrorKind.NOT_INSTALLED),
        ('model "x" not found, try pulling it first', 404, ErrorKind.NOT_INSTALLED),
        (
            "registry.ollama.ai/library/test-deepseekr1:7b does not support thinking",
            400,
            ErrorKind.THINKING_UNSUPPORTED,
        ),
        ("server busy, please try again.  maximum pending requests exceeded", 503, ErrorKind.BUSY),
        ('option "num_ctx" must be of type integer', 500, ErrorKind.SERVER_ERROR),
        ("invalid model name", 400, ErrorKind.INVALID_REQUEST),
    ],
)
def test_server_texts(text: str, status: int, kind: ErrorKind) -> None:
    err = from_server_text(text, status, model="qwen3.5:4b", installed_version="0.12.6")
    assert err.kind is kind and err.message and err.next_step
    if kind is ErrorKind.NEEDS_NEWER_OLLAMA:
        assert "0.12.6" in err.message


def test_find_installation_per_os() -> None:
    def none(_name: str) -> None:
        return None

    mac = server.find_installation(
        "darwin", {}, none, lambda p: p == "/Applications/Ollama.app" or p.endswith("Contents/Resources/ollama")
    )
    assert mac is not None and mac.app == "/Applications/Ollama.app"
    win = server.find_installation("win32", {"LOCALAPPDATA": "C:/U/AppData/Local"}, none, lambda p: "Programs" in p)
    assert (
        win is not None
        and win.app
        and win.app.endswith("ollama app.exe")
        and win.cli is not None
        and win.cli.endswith("ollama.exe")
    )
    linux = server.find_installation("linux", {}, none, lambda p: p == "/usr/bin/ollama")
    assert linux == server.Installation("/usr/bin/ollama")
    assert server.find_installation("linux", {}, none, lambda p: False) is None


def test_version_rules() -> None:
    assert server.is_too_old("0.17.0") and not server.is_too_old("0.17.1") and not server.is_too_old("0.30.2")
    assert not server.is_too_old("0.0.0")  # dev builds


def test_think_gating_and_metrics() -> None:
    request = ChatRequest("m", (ChatMessage("user", "x"),), think="high")
    assert think_value(request, ModelInfo("m", ("completion",), 4096)) == (None, True)
    assert think_value(request, ModelInfo("m", ("completion", "thinking"), 4096)) == ("high", False)
    assert think_value(request, ModelInfo("m", None, None)) == ("high", False)  # old server: let it answer
    metrics = metrics_from_final(
        {
            "done_reason": "length",
            "eval_count": 282,
            "eval_duration": 4_535_599_000,
            "prompt_eval_count": 26,
            "load_duration": 1_334_875,
        },
        0.4,
    )
    assert metrics.tokens_per_s == pytest.approx(282 / 4.535599) and metrics.done_reason == "length"
    assert metrics.load_s == pytest.approx(0.001334875) and metrics.ttft_s == 0.4


def test_linux_service_is_preferred_for_the_default_port(tmp_path) -> None:
    import subprocess

    calls: list[list[str]] = []

    def ok(argv: list[str], **_kw: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0, b"", b"")

    install = server.find_installation(
        "linux", {}, lambda _n: "/usr/bin/ollama", lambda p: p in ("/usr/bin/ollama", server.SYSTEMD_UNIT)
    )
    assert install is not None and install.service == "ollama.service"
    assert server.launch(install, "http://127.0.0.1:11434", tmp_path / "log", "linux", run=ok) is None
    assert calls == [["systemctl", "start", "ollama.service"]]
    # another port: the service would not serve it, so no systemctl (and `ollama serve` is ours)
    calls.clear()
    fake = tmp_path / "ollama"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    child = server.launch(
        server.Installation(str(fake), service="ollama.service"),
        "http://127.0.0.1:5000",
        tmp_path / "log",
        "linux",
        run=ok,
    )
    assert calls == [] and child is not None
    child.popen.wait(5)

    # the service refuses (no permission): fall back to our own `ollama serve`
    def refused(argv: list[str], **_kw: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(argv, 1, b"", b"Access denied")

    child = server.launch(
        server.Installation(str(fake), service="ollama.service"),
        "http://127.0.0.1:11434",
        tmp_path / "log",
        "linux",
        run=refused,
    )
    assert child is not None
    child.popen.wait(5)
