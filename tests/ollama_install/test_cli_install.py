"""`runyard-desktop install-ollama` against the loopback release server: install, start, print the version;
an Ollama already here is used and never replaced; failures exit 1 with a plain message."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from runyard_desktop.cli import main
from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.client import OllamaClient
from runyard_desktop.core.ollama_install import session
from runyard_desktop.core.ollama_install.managed import ManagedOllama
from tests.support.fake_ollama import FakeOllama
from tests.support.fake_releases import FakeReleases, sha256_line
from tests.support.ports import unused_port


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[server.ServerProcess]]:
    """Every `ollama serve` the command starts, stopped after the test (the command leaves it running)."""
    started: list[server.ServerProcess] = []
    real = session.start_and_wait

    async def recording(executable: Path, host: str, log_path: Path) -> tuple[server.ServerProcess | None, str]:
        child, version = await real(executable, host, log_path)
        if child is not None:
            started.append(child)
        return child, version

    monkeypatch.setattr(session, "start_and_wait", recording)
    yield started
    for child in started:
        child.stop()


def test_install_starts_the_server_and_prints_its_version(
    releases: FakeReleases, managed: ManagedOllama, no_system_ollama: None, children: list, capsys
) -> None:
    releases.add_release(version="0.17.1")
    host = f"http://127.0.0.1:{unused_port()}"
    code = main(["install-ollama", "--host", host])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip() == f"Ollama 0.17.1 is running at {host}."
    assert "ollama-linux-amd64.tar.zst" in err and "100%" in err
    assert len(children) == 1 and children[0].running
    assert asyncio.run(OllamaClient(host).probe()).version == "0.17.1"
    found = server.find_installation()
    assert found is not None and found.managed and found.cli == str(managed.executable)


def test_a_version_asked_for_is_fetched(
    releases: FakeReleases, no_system_ollama: None, children: list, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("RUNYARD_OLLAMA_RELEASES", releases.base + "v0.18.0/")
    releases.add_release(version="0.18.0")
    code = main(["install-ollama", "--version", "0.18.0", "--host", f"http://127.0.0.1:{unused_port()}"])
    assert code == 0, capsys.readouterr().err
    assert releases.requests[-1][0] == "/releases/v0.18.0/ollama-linux-amd64.tar.zst"


def test_an_ollama_on_path_is_used_and_not_replaced(
    releases: FakeReleases, managed: ManagedOllama, monkeypatch, tmp_path: Path, capsys
) -> None:
    system = tmp_path / "bin" / "ollama"
    system.parent.mkdir()
    system.write_text("#!/bin/sh\n")
    system.chmod(0o755)
    monkeypatch.setenv("PATH", str(system.parent))
    releases.add_release()
    code = main(["install-ollama", "--host", f"http://127.0.0.1:{unused_port()}"])
    out, _ = capsys.readouterr()
    assert code == 0 and f"already installed at {system}" in out
    assert releases.requests == [] and not managed.root.exists()


def test_an_answering_ollama_is_used(releases: FakeReleases, fake_ollama: FakeOllama, managed, capsys) -> None:
    code = main(["install-ollama", "--host", fake_ollama.url])
    out, _ = capsys.readouterr()
    assert code == 0 and f"is already running at {fake_ollama.url}" in out
    assert releases.requests == [] and not managed.root.exists()


def test_a_too_old_system_ollama_gets_the_update_steps(
    releases: FakeReleases, fake_ollama: FakeOllama, monkeypatch, tmp_path: Path, capsys
) -> None:
    fake_ollama.version = "0.16.0"
    system = tmp_path / "ollama"
    system.write_text("#!/bin/sh\n")
    system.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    code = main(["install-ollama", "--host", fake_ollama.url])
    _, err = capsys.readouterr()
    assert code == 1 and "never replaces it" in err and "ollama.com/download" in err
    assert releases.requests == []


def test_a_failure_exits_1_with_a_plain_message(
    releases: FakeReleases, managed: ManagedOllama, no_system_ollama: None, capsys
) -> None:
    releases.add_release()
    releases.checksums = sha256_line("ollama-linux-amd64.tar.zst", b"tampered")
    code = main(["install-ollama", "--host", f"http://127.0.0.1:{unused_port()}"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "Error: The downloaded ollama-linux-amd64.tar.zst does not match" in err and "Traceback" not in err
    assert not managed.root.exists()


def test_a_remote_host_is_refused(capsys) -> None:
    assert main(["install-ollama", "--host", "http://192.0.2.1:11434"]) == 1
    assert "on another computer" in capsys.readouterr().err


def test_a_too_old_ollama_from_elsewhere_is_not_shadowed(
    releases: FakeReleases, fake_ollama: FakeOllama, no_system_ollama: None, managed: ManagedOllama, capsys
) -> None:
    fake_ollama.version = "0.16.0"  # answering, but nothing installed here: a container, another program
    code = main(["install-ollama", "--host", fake_ollama.url])
    assert code == 1 and "started outside Runyard" in capsys.readouterr().err
    assert releases.requests == [] and not managed.root.exists()
