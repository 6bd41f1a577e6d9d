"""Delete of a loaded model (the server's delete never unloads), unload after a delete, /api/ps `size_vram`."""

from __future__ import annotations

import json

import httpx
import ollama
import pytest

from runyard_desktop.cli import main
from runyard_desktop.tasks.ollama_service import OllamaService
from tests.support.fake_ollama_state import LOAD_OVERHEAD_BYTES

TAG = "qwen3.5:4b"


def test_stand_in_delete_keeps_the_model_loaded_and_unload_then_404s(fake_ollama) -> None:
    fake_ollama.add_installed(TAG)
    fake_ollama.load(TAG)
    with httpx.Client(base_url=fake_ollama.url) as http:
        assert http.request("DELETE", "/api/delete", json={"model": TAG}).status_code == 200
        assert http.get("/api/tags").json() == {"models": []}
        assert [m["model"] for m in http.get("/api/ps").json()["models"]] == [TAG]  # still holds its memory
        unload = http.post("/api/chat", json={"model": TAG, "messages": [], "keep_alive": 0})
        assert unload.status_code == 404 and unload.json() == {"error": f"model '{TAG}' not found"}
        assert [m["model"] for m in http.get("/api/ps").json()["models"]] == [TAG]


@pytest.mark.parametrize(("gpu_memory", "share"), [(24_000_000_000, "all"), (1_000_000_000, "part"), (0, "none")])
def test_ps_size_vram_follows_the_gpu_knob(fake_ollama, gpu_memory: int, share: str) -> None:
    fake_ollama.gpu_memory = gpu_memory
    fake_ollama.add_installed(TAG, size=3_400_000_000)
    with httpx.Client(base_url=fake_ollama.url) as http:  # loaded by a chat, as a user would
        assert http.post("/api/chat", json={"model": TAG, "messages": []}).json()["done_reason"] == "load"
    with ollama.Client(host=fake_ollama.url) as client:  # the official client reads it
        row = client.ps().models[0]
    assert row.size == 3_400_000_000 + LOAD_OVERHEAD_BYTES
    wanted = {"all": row.size, "part": gpu_memory, "none": 0}[share]
    assert row.size_vram == wanted


def test_cli_rm_of_a_loaded_model_leaves_nothing_loaded(fake_ollama, capsys) -> None:
    fake_ollama.add_installed(TAG)
    fake_ollama.load(TAG)
    assert main(["rm", TAG, "--host", fake_ollama.url]) == 0
    out, _ = capsys.readouterr()
    assert f"Deleted {TAG} (unloaded from memory first)." in out
    assert main(["models", "--json", "--host", fake_ollama.url]) == 0
    data = json.loads(capsys.readouterr()[0])
    assert data["installed"] == [] and data["loaded"] == []
    assert fake_ollama.state.loaded == {}
    paths = [p for _m, p, _b in fake_ollama.state.requests if p in ("/api/chat", "/api/delete")]
    assert paths == ["/api/chat", "/api/delete"]  # unloaded first: after the delete it could not be
    assert fake_ollama.bodies("/api/chat")[0]["keep_alive"] == 0


def test_service_delete_unloads_first_and_refreshes_both_lists(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed(TAG)
    fake_ollama.load(TAG)
    service = OllamaService(runner, fake_ollama.url, find_installation=lambda: None, recheck_interval_s=None)
    with qtbot.waitSignals([service.installed_models_changed, service.loaded_models_changed], timeout=5000):
        service.check()
    assert [m.name for m in service.loaded_models] == [TAG]
    with qtbot.waitSignals(
        [service.model_deleted, service.installed_models_changed, service.loaded_models_changed], timeout=5000
    ):
        service.delete(TAG)
    assert service.installed_models == () and service.loaded_models == ()
    assert fake_ollama.state.loaded == {}


def test_unload_after_someone_else_deleted_it_does_not_say_not_downloaded(runner, fake_ollama, qtbot) -> None:
    fake_ollama.add_installed(TAG)
    fake_ollama.load(TAG)
    with httpx.Client(base_url=fake_ollama.url) as http:  # `ollama rm` in a terminal
        http.request("DELETE", "/api/delete", json={"model": TAG})
    service = OllamaService(runner, fake_ollama.url, find_installation=lambda: None, recheck_interval_s=None)
    with qtbot.waitSignal(service.operation_failed, timeout=5000) as failed:
        service.unload(TAG)
    op, error = failed.args
    assert op == "unload" and "not downloaded" not in error.plain()
    assert "was deleted" in error.message and "keep-alive" in error.next_step
