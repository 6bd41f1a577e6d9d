"""The managed install end to end against the loopback release server: each failure ends with a plain
message and nothing half-installed (no managed folder, no staging folder)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from runyard_desktop.core.ollama_install.errors import InstallError
from runyard_desktop.core.ollama_install.installer import FreeBytes, Installed, InstallStep, free_bytes, install
from runyard_desktop.core.ollama_install.managed import ManagedOllama
from runyard_desktop.core.ollama_install.release import Release, release_for
from tests.support.fake_releases import FakeReleases, build_archive, release_entries, sha256_line

LINUX = "ollama-linux-amd64.tar.zst"


def _release(releases: FakeReleases, *assets: str) -> Release:
    return Release(releases.base, None, assets or (LINUX,))


def _run(managed: ManagedOllama, release: Release, free: FreeBytes = free_bytes) -> Installed:
    return asyncio.run(install(managed, release, lambda _s: None, free=free))


def _nothing_half_installed(managed: ManagedOllama) -> None:
    assert not managed.root.exists()
    assert not list(managed.data.glob("ollama-staging-*"))


@pytest.mark.parametrize("kind", [".tar.zst", ".tgz", ".zip"])
def test_each_archive_kind_installs_a_working_ollama(releases: FakeReleases, managed: ManagedOllama, kind: str) -> None:
    asset = releases.add_release(kind, version="0.17.1", name=f"ollama-test{kind}")
    done = _run(managed, _release(releases, asset))
    assert done.version == "0.17.1" and managed.version() == "0.17.1"
    assert managed.executable.is_file() and managed.executable.stat().st_mode & 0o100
    assert (managed.root / "lib/ollama/libggml.so").resolve() == (managed.root / "lib/ollama/libggml-base.so").resolve()
    assert not list(managed.data.glob("ollama-staging-*"))
    assert not (managed.downloads / asset).exists()  # the archive is not kept after a good install


def test_the_release_url_comes_from_the_environment(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release()
    release = release_for(platform="linux", machine="x86_64")
    assert release.base == releases.base
    _run(managed, release)
    assert [path for path, _ in releases.requests] == ["/releases/sha256sum.txt", f"/releases/{LINUX}"]


def test_an_update_replaces_the_managed_install(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release(version="0.16.0")
    _run(managed, _release(releases))
    assert managed.version() == "0.16.0"
    releases.add_release(version="0.17.1")
    _run(managed, _release(releases))
    assert managed.version() == "0.17.1"
    assert not (managed.data / "ollama-old").exists()


def test_a_tampered_checksum_deletes_the_download_and_installs_nothing(
    releases: FakeReleases, managed: ManagedOllama
) -> None:
    releases.add_release()
    releases.checksums = sha256_line(LINUX, b"something else")
    with pytest.raises(InstallError, match="does not match the release's checksum") as caught:
        _run(managed, _release(releases))
    assert "deleted" in caught.value.message and caught.value.next_step
    assert not (managed.downloads / LINUX).exists()
    assert not (managed.downloads / (LINUX + ".part")).exists()
    _nothing_half_installed(managed)


def test_a_checksum_list_without_the_asset_installs_nothing(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release()
    releases.checksums = sha256_line("ollama-other.zip", b"x")
    with pytest.raises(InstallError, match="does not name"):
        _run(managed, _release(releases))
    assert releases.ranges(LINUX) == []  # not even downloaded
    _nothing_half_installed(managed)


def test_a_truncated_archive_installs_nothing(releases: FakeReleases, managed: ManagedOllama) -> None:
    whole = build_archive(".tar.zst", release_entries())
    releases.add(LINUX, whole[: len(whole) // 2])  # published truncated: its checksum matches
    with pytest.raises(InstallError, match="could not be unpacked") as caught:
        _run(managed, _release(releases))
    assert "Nothing was installed" in caught.value.message
    _nothing_half_installed(managed)


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (("../escaped", b"x", 0o644, None), "outside"),
        (("bin/../../escaped", b"x", 0o644, None), "outside"),
        (("/tmp/absolute-ollama", b"x", 0o644, None), "outside"),
        (("lib/ollama/evil.so", None, 0o777, "../../../../outside"), "outside"),
        (("lib/ollama/abs.so", None, 0o777, "/etc/passwd"), "absolute"),
    ],
)
@pytest.mark.parametrize("kind", [".tar.zst", ".zip"])
def test_hostile_entries_are_refused(
    releases: FakeReleases,
    managed: ManagedOllama,
    kind: str,
    entry: tuple[str, bytes | None, int, str | None],
    why: str,
) -> None:
    asset = f"ollama-hostile{kind}"
    releases.add(asset, build_archive(kind, [*release_entries(), entry]))
    with pytest.raises(InstallError, match=why) as caught:
        _run(managed, _release(releases, asset))
    assert "refused" in caught.value.message
    _nothing_half_installed(managed)
    assert not (managed.data / "escaped").exists() and not Path("/tmp/absolute-ollama").exists()


def test_no_disk_space_is_said_before_the_download(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release()
    with pytest.raises(InstallError, match=r"needs about .* free") as caught:
        _run(managed, _release(releases), free=lambda _p: 1000)
    assert caught.value.next_step.startswith("Free some space")
    assert not (managed.downloads / (LINUX + ".part")).exists()  # stopped at the headers: nothing written
    _nothing_half_installed(managed)


def test_the_github_rate_limit_is_said_plainly(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release()
    releases.rate_limited = True
    with pytest.raises(InstallError, match="rate limit"):
        _run(managed, _release(releases))
    _nothing_half_installed(managed)


def test_plain_http_outside_loopback_is_refused(managed: ManagedOllama) -> None:
    with pytest.raises(InstallError, match="only downloads Ollama over https"):
        _run(managed, Release("http://example.com/releases/", None, (LINUX,)))


def test_a_dropped_connection_resumes_with_range(releases: FakeReleases, managed: ManagedOllama) -> None:
    releases.add_release()
    releases.drop_after = 100_000
    _run(managed, _release(releases))
    assert releases.ranges(LINUX) == ["", "bytes=100000-"]
    assert releases.served[LINUX] == len(releases.files[LINUX])  # each byte sent once
    assert managed.version() == "0.17.1"


def test_cancel_mid_download_then_resume_fetches_only_the_rest(releases: FakeReleases, managed: ManagedOllama) -> None:
    asset = releases.add_release()
    size = len(releases.files[asset])
    releases.bytes_per_s = 400_000
    steps: list[InstallStep] = []

    async def cancel_midway() -> None:
        halfway = asyncio.Event()

        def on_step(step: InstallStep) -> None:
            steps.append(step)
            if step.progress and step.progress.done >= 64 * 1024:
                halfway.set()

        task = asyncio.create_task(install(managed, _release(releases), on_step))
        await halfway.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_midway())
    _nothing_half_installed(managed)
    kept = (managed.downloads / (asset + ".part")).stat().st_size
    assert 0 < kept < size
    first = steps[-1].progress
    assert first is not None and first.total == size and first.fraction is not None

    releases.bytes_per_s = None
    resumed: list[InstallStep] = []
    asyncio.run(install(managed, _release(releases), resumed.append))
    # Only the rest was sent, and nothing was fetched whole a second time. (The cancelled answer's own
    # record can land after the resumed one: its server thread notices the closed socket late.)
    archive_answers = [body for body in releases.bodies if body[0] == asset]
    assert [body for body in archive_answers if body[1]] == [(asset, f"bytes={kept}-", size - kept)]
    assert len([body for body in archive_answers if not body[1]]) <= 1  # the first, cancelled answer
    shown = [s.progress for s in resumed if s.progress]
    assert shown[0] is not None and shown[0].resumed_from == kept
    assert managed.version() == "0.17.1"
