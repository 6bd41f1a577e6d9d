"""OllamaService: status for every server state, listings, show/delete/unload, host resolution."""

from __future__ import annotations

import pytest

from runyard_desktop.core.ollama import host as hosts
from runyard_desktop.core.ollama.server import Installation, status_for
from runyard_desktop.core.ollama.types import ServerState
from runyard_desktop.tasks.ollama_service import OllamaService
from tests.support.ports import unused_port


def _service(runner, url, installed=None):
    return OllamaService(runner, url, find_installation=lambda: installed, recheck_interval_s=None)


def test_running_then_listings(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed("qwen3.5:4b", size=3_400_000_000, capabilities=("completion", "vision", "thinking"))
    fake_ollama.load("qwen3.5:4b", size_vram=1_700_000_000, context_length=8192)
    service = _service(runner, fake_ollama.url)
    with qtbot.waitSignals(
        [service.status_changed, service.installed_models_changed, service.loaded_models_changed], timeout=5000
    ):
        service.check()
    assert service.status.state is ServerState.RUNNING and service.status.version == "0.17.1"
    assert [m.name for m in service.installed_models] == ["qwen3.5:4b"]
    loaded = service.loaded_models[0]
    assert loaded.context_length == 8192 and 0.0 < loaded.gpu_share < 1.0
    with qtbot.waitSignal(service.model_info_ready, timeout=5000) as info:
        service.show("qwen3.5:4b")
    assert info.args[0].can_think and info.args[0].has_vision and info.args[0].context_length == 262144
    assert service.model_info("qwen3.5:4b") == info.args[0]
    with qtbot.waitSignal(service.loaded_models_changed, timeout=5000):
        service.unload("qwen3.5:4b")
    assert service.loaded_models == ()
    with qtbot.waitSignal(service.installed_models_changed, timeout=5000):
        service.delete("qwen3.5:4b")
    assert service.installed_models == ()
    with qtbot.waitSignal(service.operation_failed, timeout=5000) as failed:
        service.delete("qwen3.5:4b")
    assert failed.args[0] == "delete"


def test_too_old_server(runner, fake_ollama, qtbot) -> None:
    fake_ollama.version = "0.12.6"
    service = _service(runner, fake_ollama.url)
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    assert service.status.state is ServerState.TOO_OLD and "0.12.6" in service.status.message


def test_stopped_and_not_installed(runner, qtbot) -> None:
    service = _service(runner, "http://127.0.0.1:9")
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    assert service.status.state is ServerState.NOT_INSTALLED and "ollama.com/download" in service.status.next_step
    service = _service(runner, "http://127.0.0.1:9", Installation("/usr/bin/ollama"))
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    assert service.status.state is ServerState.STOPPED


def test_status_words() -> None:
    assert status_for("http://10.0.0.5:11434", "refused", None, None).state is ServerState.REMOTE_UNREACHABLE
    assert status_for("http://127.0.0.1:11434", "hanging", None, None).state is ServerState.STARTING
    assert status_for("http://127.0.0.1:11434", "answering", "0.0.0", None).state is ServerState.RUNNING


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, "http://127.0.0.1:11434"),
        ("10.0.0.5", "http://10.0.0.5:11434"),
        (":5000", "http://127.0.0.1:5000"),
        ("0.0.0.0", "http://127.0.0.1:11434"),
        ("http://[::]:11434", "http://[::1]:11434"),
        ("https://ollama.example", "https://ollama.example:443"),
    ],
)
def test_host_normalisation(raw: str | None, expected: str) -> None:
    assert hosts.normalize(raw) == expected


def test_host_precedence() -> None:
    env = {"OLLAMA_HOST": "0.0.0.0:1234"}
    assert hosts.resolve("h:1", "s:2", env) == "http://h:1"
    assert hosts.resolve(None, "s:2", env) == "http://s:2"
    assert hosts.resolve(None, None, env) == "http://127.0.0.1:1234"
    assert hosts.resolve(None, None, {}) == "http://127.0.0.1:11434"


def test_start_server_runs_ollama_serve_once_and_stops_only_it(runner, qtbot, tmp_path) -> None:
    import os

    from tests.support.fake_ollama_program import fake_ollama_program

    fake_bin = fake_ollama_program(tmp_path / "ollama")  # `ollama serve` runs the stand-in on $OLLAMA_HOST's port
    url = f"http://127.0.0.1:{unused_port()}"
    service = OllamaService(
        runner, url, log_dir=tmp_path, find_installation=lambda: Installation(str(fake_bin)), recheck_interval_s=None
    )
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    assert service.status.state is ServerState.STOPPED
    service.start_server()
    assert service.status.state is ServerState.STARTING
    qtbot.waitUntil(lambda: service.status.state is ServerState.RUNNING, timeout=20_000)
    assert service.status.started_by_us
    child = service._child
    assert child is not None and child.running
    with qtbot.waitSignal(service.status_changed, timeout=5000, raising=False):
        job = service.start_server()  # already running: never a second server
    qtbot.waitUntil(lambda: job.is_done, timeout=5000)
    assert service._child is child
    assert "stand-in Ollama" in (tmp_path / "ollama-serve.log").read_text()
    service.shutdown()
    assert child.popen.poll() is not None
    assert os.path.exists(fake_bin)


def test_start_server_on_a_remote_host_says_why_not(runner, qtbot) -> None:
    service = _service(runner, "http://10.1.2.3:11434")
    with qtbot.waitSignal(service.operation_failed, timeout=1000) as failed:
        service.start_server()
    assert "another computer" in failed.args[1].message


def test_probe_tells_a_starting_server_from_a_stopped_one() -> None:
    import asyncio
    import socket

    from runyard_desktop.core.ollama.client import OllamaClient

    with socket.socket() as listener:  # accepts TCP (the backlog) but never answers: a server still starting
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        assert asyncio.run(OllamaClient(url).probe(timeout=0.3)).outcome == "hanging"
    assert asyncio.run(OllamaClient(url).probe(timeout=0.3)).outcome == "refused"


def test_something_else_on_the_port(runner, fake_ollama, qtbot) -> None:
    fake_ollama.fail("version", "status", status=404, body=None)
    service = _service(runner, fake_ollama.url)
    with qtbot.waitSignal(service.status_changed, timeout=5000):
        service.check()
    assert service.status.state is ServerState.TOO_OLD and "does not say" in service.status.message
