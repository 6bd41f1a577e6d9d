"""The stand-in's downloads behave as the real server's do (server/download.go, server/images.go), on the wire:
`completed` can go down, a digest mismatch deletes the layer, a stall outlasts a client reconnect, a
restart prunes partial downloads (since v0.21 only those untouched for over an hour), and a re-pull always
fetches the manifest.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from tests.support.fake_ollama import FakeOllama
from tests.support.fake_ollama_state import Blob

SIZE = 4_000_000


def _lines(fake: FakeOllama, model: str, stop: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
    """One pull's NDJSON objects, until the stream ends or `stop` says so (the client then hangs up)."""
    got: list[dict[str, Any]] = []
    with httpx.Client(base_url=fake.url, timeout=10) as http:
        with http.stream("POST", "/api/pull", json={"model": model}) as response:
            for line in response.iter_lines():
                got.append(json.loads(line))
                if stop is not None and stop(got[-1]):
                    break
    return got


def _counts(objs: list[dict[str, Any]], digest: str) -> Iterator[int]:
    return (int(o.get("completed", 0)) for o in objs if o.get("digest") == digest)


def test_a_failed_part_takes_its_bytes_back(fake_ollama: FakeOllama) -> None:
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.bytes_per_tick = 200_000
    fake_ollama.fail("pull", "part_failed")
    objs = _lines(fake_ollama, "qwen3.5:4b")
    counts = list(_counts(objs, model.blobs[0][0]))
    assert [(a, b) for a, b in itertools.pairwise(counts) if b < a], "completed went down"
    assert objs[-1] == {"status": "success"}  # Ollama retried the part itself


def test_digest_mismatch_deletes_the_layer_with_the_real_text(fake_ollama: FakeOllama) -> None:
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    fake_ollama.fail("pull", "digest_mismatch")
    first = _lines(fake_ollama, "qwen3.5:4b")
    assert first[-2] == {"status": "verifying sha256 digest"}
    assert first[-1]["error"].startswith("digest mismatch, file must be downloaded again: want sha256:")
    assert fake_ollama.partial("qwen3.5:4b") < SIZE  # the bad blob is gone
    again = list(_counts(_lines(fake_ollama, "qwen3.5:4b"), model.blobs[0][0]))
    assert again[0] < SIZE, "the next pull downloads that layer again"


def test_a_stall_outlasts_a_client_reconnect(fake_ollama: FakeOllama) -> None:
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    big = model.blobs[0][0]
    fake_ollama.bytes_per_tick = 200_000
    fake_ollama.stall_pull("qwen3.5:4b", at_fraction=0.5)
    stuck_at = int(SIZE * 0.5)
    ticks = iter(range(10))

    def next_line() -> bool:  # ten lines of the big layer on the second connection, then hang up
        return next(ticks, None) is None

    _lines(fake_ollama, "qwen3.5:4b", stop=lambda o: o.get("completed") == stuck_at)
    again = _lines(fake_ollama, "qwen3.5:4b", stop=lambda o: len(list(_counts([o], big))) > 0 and next_line())
    assert set(_counts(again, big)) == {stuck_at}, "reconnecting did not unstick the download"
    assert fake_ollama.partial("qwen3.5:4b") == stuck_at, "reconnecting did not unstick the download"
    fake_ollama.clear_stall("qwen3.5:4b")
    done = _lines(fake_ollama, "qwen3.5:4b")
    assert done[-1] == {"status": "success"}


def test_restart_prunes_partials_untouched_for_over_an_hour(fake_ollama: FakeOllama) -> None:
    fake_ollama.version = "0.21.0"  # layerPruneGracePeriod arrived in v0.21.0
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    big = model.blobs[0][0]
    with fake_ollama.state.lock:
        fake_ollama.state.blobs[big] = Blob(SIZE, 1_000_000)
    assert fake_ollama.restart(idle_s=600) == []  # ten minutes later: kept
    assert fake_ollama.partial("qwen3.5:4b") == 1_000_000
    assert fake_ollama.restart(idle_s=3601) == [big]  # the next day: pruned
    first = next(_counts(_lines(fake_ollama, "qwen3.5:4b"), big))
    assert first == 0, "the pull after the restart starts that layer from 0"


def test_before_v0_21_a_restart_prunes_every_partial(fake_ollama: FakeOllama) -> None:
    fake_ollama.version = "0.20.7"
    model = fake_ollama.add_remote("qwen3.5:4b", (SIZE, 561))
    with fake_ollama.state.lock:
        fake_ollama.state.blobs[model.blobs[0][0]] = Blob(SIZE, 1_000_000)
    assert fake_ollama.restart() == [model.blobs[0][0]]  # no grace period: even one written a moment ago


def test_re_pull_of_an_installed_model_fetches_the_manifest_first(fake_ollama: FakeOllama) -> None:
    fake_ollama.add_installed("qwen3.5:4b", size=SIZE)
    online = _lines(fake_ollama, "qwen3.5:4b")
    assert online[0] == {"status": "pulling manifest"} and online[-1] == {"status": "success"}
    fake_ollama.fail("pull", "offline")
    offline = _lines(fake_ollama, "qwen3.5:4b")
    assert offline[0] == {"status": "pulling manifest"}
    assert offline[-1]["error"].startswith('pull model manifest: Get "https://registry.ollama.ai/v2/library/qwen3.5/')
