"""The stand-in is faithful on the wire (docs/ollama-behaviour.md): framing, key order, zero fields, statuses."""

from __future__ import annotations

import json
import socket
import threading

import httpx


def _raw(fake, method: str, path: str, body: object | None = None) -> bytes:
    data = b"" if body is None else json.dumps(body).encode()
    with socket.create_connection(("127.0.0.1", fake.port), timeout=5) as s:
        s.sendall(
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
            "Connection: close\r\n\r\n".encode()
            + data
        )
        chunks: list[bytes] = []
        while True:
            part = s.recv(65536)
            if not part:
                return b"".join(chunks)
            chunks.append(part)


def test_pull_stream_framing_and_key_order(fake_ollama) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (3_000_000, 1429, 561))
    raw = _raw(fake_ollama, "POST", "/api/pull", {"model": "qwen3.5:4b"})
    head, _, _body = raw.partition(b"\r\n\r\n")
    assert b"Transfer-Encoding: chunked" in head and b"Content-Type: application/x-ndjson" in head
    assert b"Server:" not in head
    with httpx.Client(base_url=fake_ollama.url) as http:
        fake_ollama.add_remote("qwen3.5:9b", (3_000_000, 1429, 561))
        with http.stream("POST", "/api/pull", json={"model": "qwen3.5:9b"}) as response:
            lines = list(response.iter_lines())
    assert all(lines), "no blank lines"
    objs = [json.loads(line) for line in lines]
    assert objs[0] == {"status": "pulling manifest"}
    first = objs[1]
    assert list(first) == ["status", "digest", "total"], "completed is omitted while 0"
    assert first["status"] == f"pulling {first['digest'][7:19]}"
    progress = [o for o in objs if o.get("digest") == first["digest"]]
    assert all(list(o)[:3] == ["status", "digest", "total"] for o in progress)
    assert len({json.dumps(o) for o in progress}) < len(progress) or len(progress) > 2  # duplicates are normal
    assert [o["status"] for o in objs[-3:]] == ["verifying sha256 digest", "writing manifest", "success"]
    # the 1429-byte layer is a cache hit now (shared with qwen3.5:4b): exactly one line, total == completed
    small = [o for o in objs if o.get("total") == 1429]
    assert small == [{"status": small[0]["status"], "digest": small[0]["digest"], "total": 1429, "completed": 1429}]


def test_chat_chunks_and_load_unload(fake_ollama) -> None:
    fake_ollama.add_installed("qwen3.5:4b", capabilities=("completion", "thinking"))
    fake_ollama.script_reply("qwen3.5:4b", content=["a"], thinking=["t"])
    with httpx.Client(base_url=fake_ollama.url) as http:
        with http.stream(
            "POST", "/api/chat", json={"model": "qwen3.5:4b", "messages": [{"role": "user", "content": "x"}]}
        ) as r:
            objs = [json.loads(line) for line in r.iter_lines()]
        assert list(objs[0]) == ["model", "created_at", "message", "done"]
        assert objs[0]["message"] == {"role": "assistant", "content": "", "thinking": "t"}  # thinking by default
        assert objs[0]["created_at"].endswith("Z") and objs[0]["model"] == "qwen3.5:4b"
        final = objs[-1]
        assert list(final)[:5] == ["model", "created_at", "message", "done", "done_reason"] and final["done"] is True
        assert final["eval_duration"] > 0 and final["message"]["content"] == ""
        load = http.post("/api/chat", json={"model": "qwen3.5:4b", "messages": []}).json()
        assert list(load) == ["model", "created_at", "message", "done_reason", "done"] and load["done_reason"] == "load"
        unload = http.post("/api/chat", json={"model": "qwen3.5:4b", "messages": [], "keep_alive": 0}).json()
        assert unload["done_reason"] == "unload"
        assert http.get("/api/ps").json() == {"models": []}
        bad = http.post(
            "/api/chat",
            json={"model": "qwen3.5:4b", "messages": [{"role": "user", "content": "x"}], "think": "extreme"},
        )
        assert bad.status_code == 400 and "invalid think value" in bad.json()["error"]


def test_listings_show_delete_and_errors(fake_ollama) -> None:
    with httpx.Client(base_url=fake_ollama.url) as http:
        assert http.get("/api/tags").json() == {"models": []}
        assert http.get("/api/ps").json() == {"models": []}
        assert http.get("/api/version").headers["content-type"] == "application/json; charset=utf-8"
        fake_ollama.add_installed("qwen3.5:4b")
        row = http.get("/api/tags").json()["models"][0]
        assert row["name"] == row["model"] == "qwen3.5:4b"
        assert "+" in row["modified_at"][19:] or "-" in row["modified_at"][19:], "local time with a numeric offset"
        show = http.post("/api/show", json={"model": "qwen3.5:4b"}).json()
        assert show["model_info"]["general.architecture"] == "qwen35" and "qwen35.context_length" in show["model_info"]
        missing = http.post("/api/show", json={"model": "nope"})
        assert missing.status_code == 404 and missing.json() == {"error": "model 'nope:latest' not found"}
        deleted = http.request("DELETE", "/api/delete", json={"model": "qwen3.5:4b"})
        assert deleted.status_code == 200 and deleted.content == b""
        again = http.request("DELETE", "/api/delete", json={"model": "qwen3.5:4b"})
        assert again.status_code == 404 and again.json() == {"error": "model 'qwen3.5:4b' not found"}
        assert http.post("/api/pull", content=b"").json() == {"error": "missing request body"}
        blocking = http.post("/api/pull", json={"model": "nope", "stream": False})
        assert blocking.status_code == 500 and "file does not exist" in blocking.json()["error"]


def test_concurrent_pulls_share_progress_and_disconnect_stops_work(fake_ollama) -> None:
    fake_ollama.add_remote("qwen3.5:4b", (30_000_000, 561))
    fake_ollama.bytes_per_tick = 200_000
    seen: dict[int, list[int]] = {0: [], 1: []}
    stop = threading.Event()
    first_at_2mb = threading.Event()  # the first pull has 2 MB of the download
    second_follows = threading.Event()  # the second pull has had a few progress lines

    def pull(i: int) -> None:
        with httpx.Client(base_url=fake_ollama.url) as http:
            with http.stream("POST", "/api/pull", json={"model": "qwen3.5:4b"}) as r:
                for line in r.iter_lines():
                    obj = json.loads(line)
                    if obj.get("total") == 30_000_000:
                        seen[i].append(obj.get("completed", 0))
                        if i == 0 and seen[0][-1] >= 2_000_000:
                            first_at_2mb.set()
                        if i == 1 and len(seen[1]) >= 5:
                            second_follows.set()
                    if stop.is_set():
                        return

    threads = [threading.Thread(target=pull, args=(i,)) for i in range(2)]
    threads[0].start()
    assert first_at_2mb.wait(5), "the first pull got 2 MB within 5 s"
    threads[1].start()
    assert second_follows.wait(5), "the second pull got progress within 5 s"
    stop.set()
    for t in threads:
        t.join(10)
    assert seen[1][0] >= 2_000_000, "the second pull attached to the running download"
    assert abs(seen[0][-1] - seen[1][-1]) <= 3 * 200_000, "both clients follow the same download"
    fake_ollama.wait_disconnect("pull", timeout=2)
    fake_ollama.wait_download_stopped("qwen3.5:4b", timeout=2)  # nobody attached: the download stopped
    kept = fake_ollama.partial("qwen3.5:4b")
    assert 0 < kept < 30_000_000
