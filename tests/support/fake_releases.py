"""A stand-in for Ollama's GitHub release downloads, on loopback: archives built at test time.

`build_release(kind)` makes an archive laid out as Ollama publishes it (`bin/ollama`, `lib/ollama/…`)
whose `bin/ollama` is a Python script: `--version` prints `ollama version is X`, and `serve` starts the
stand-in Ollama (`python -m tests.support.fake_ollama`) on the port of `OLLAMA_HOST`. `FakeReleases`
serves `BASE/ASSET` and `BASE/sha256sum.txt` (as `HEX  ./ASSET` lines) with Range support, and can
tamper with the checksums, drop the connection part way, slow down, or answer GitHub's rate limit.
Point `RUNYARD_OLLAMA_RELEASES` at `releases.base`.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tarfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """#!{python}
import os, sys
sys.path.insert(0, {root!r})
VERSION = {version!r}
if sys.argv[1:] == ["--version"]:
    print("ollama version is " + VERSION)
    raise SystemExit(0)
if sys.argv[1:2] == ["serve"]:
    host = os.environ.get("OLLAMA_HOST", "127.0.0.1:11434")
    port = host.rsplit(":", 1)[-1].split("/")[0]
    from tests.support import fake_ollama
    raise SystemExit(fake_ollama.main(["--port", port, "--version", VERSION, "--tick", "0.01", "--speed", "20000", "--load-delay", "0"]))
print("usage: ollama serve | ollama --version", file=sys.stderr)
raise SystemExit(2)
"""


def ollama_script(version: str) -> bytes:
    return SCRIPT.format(python=sys.executable, root=str(REPO_ROOT), version=version).encode()


Entry = tuple[str, bytes | None, int, str | None]  # (name, body or None for a folder, mode, link target)


def release_entries(version: str = "0.17.1", lib_bytes: int = 300_000) -> list[Entry]:
    """What a Linux release holds, in miniature (the library is incompressible so sizes are real)."""
    return [
        ("bin", None, 0o755, None),
        ("bin/ollama", ollama_script(version), 0o755, None),
        ("lib/ollama", None, 0o755, None),
        ("lib/ollama/libggml-base.so", os.urandom(lib_bytes), 0o644, None),
        ("lib/ollama/libggml.so", None, 0o777, "libggml-base.so"),
    ]


def build_archive(kind: str, entries: list[Entry]) -> bytes:
    """`.tar.zst`, `.tgz` or `.zip` bytes holding `entries` exactly as given (hostile names included)."""
    if kind == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, body, mode, link in entries:
                zinfo = zipfile.ZipInfo(name + ("/" if body is None and link is None else ""))
                zinfo.external_attr = ((0o120000 if link else 0o040000 if body is None else 0o100000) | mode) << 16
                zf.writestr(zinfo, link.encode() if link else body or b"")
        return buffer.getvalue()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, body, mode, link in entries:
            info = tarfile.TarInfo(name)
            info.mode = mode
            if link is not None:
                info.type, info.linkname = tarfile.SYMTYPE, link
                tar.addfile(info)
            elif body is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(body)
                tar.addfile(info, io.BytesIO(body))
    raw = buffer.getvalue()
    if kind == ".tgz":
        import gzip

        return gzip.compress(raw)
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(raw)


def sha256_line(name: str, body: bytes) -> str:
    return f"{hashlib.sha256(body).hexdigest()}  ./{name}\n"


@dataclass
class FakeReleases:
    """The release server. `files`: name → bytes; `checksums`: sha256sum.txt text (made from `files`
    unless set). Failure knobs: `drop_after` (close mid-body once, after that many bytes),
    `bytes_per_s` (throttle), `rate_limited` (403 with x-ratelimit-remaining: 0)."""

    files: dict[str, bytes] = field(default_factory=dict)
    checksums: str | None = None
    drop_after: int | None = None
    bytes_per_s: float | None = None
    rate_limited: bool = False
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    served: dict[str, int] = field(default_factory=dict)  # body bytes sent per file
    bodies: list[tuple[str, str, int]] = field(default_factory=list)  # (file, Range asked, bytes sent) per answer
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, body: bytes) -> None:
        self.files[name] = body

    def add_release(self, kind: str = ".tar.zst", version: str = "0.17.1", name: str | None = None) -> str:
        asset = name or {".tar.zst": "ollama-linux-amd64.tar.zst", ".tgz": "ollama-darwin.tgz"}.get(
            kind, "ollama-windows-amd64.zip"
        )
        self.files[asset] = build_archive(kind, release_entries(version))
        return asset

    def checksum_text(self) -> str:
        if self.checksums is not None:
            return self.checksums
        return "".join(sha256_line(n, b) for n, b in sorted(self.files.items()))

    def start(self) -> FakeReleases:
        handler = type("Handler", (_Handler,), {"releases": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}/releases/"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(2)

    def ranges(self, name: str) -> list[str]:
        """The Range headers of the requests for `name` ('' for a request without one)."""
        return [h.get("range", "") for path, h in self.requests if path.endswith("/" + name)]


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that gave up (cancel, no disk space) is normal here
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    releases: FakeReleases
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        rel = self.releases
        headers = {k.lower(): v for k, v in self.headers.items()}
        with rel.lock:
            rel.requests.append((self.path, headers))
        name = self.path.rsplit("/", 1)[-1]
        if rel.rate_limited:
            self._send(403, b'{"message":"API rate limit exceeded"}', {"x-ratelimit-remaining": "0"})
            return
        if name == "sha256sum.txt":
            self._send(200, rel.checksum_text().encode())
            return
        body = rel.files.get(name)
        if body is None:
            self._send(404, b"Not Found")
            return
        start = 0
        wanted = headers.get("range", "")
        if wanted.startswith("bytes=") and wanted.endswith("-"):
            start = int(wanted[6:-1])
            if start >= len(body):
                self._send(416, b"", {"content-range": f"bytes */{len(body)}"})
                return
            extra = {"content-range": f"bytes {start}-{len(body) - 1}/{len(body)}"}
            sent = self._stream(206, body[start:], extra, name)
        else:
            sent = self._stream(200, body, {}, name)
        with rel.lock:
            rel.bodies.append((name, wanted, sent))

    def _send(self, status: int, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, status: int, body: bytes, extra: dict[str, str], name: str) -> int:
        """Send `body` (maybe dropped, throttled); returns the bytes that went out."""
        rel = self.releases
        self.send_response(status)
        for key, value in extra.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        drop, rel.drop_after = rel.drop_after, None
        step = 16 * 1024
        sent = 0
        try:
            for offset in range(0, len(body), step):
                piece = body[offset : offset + step]
                if drop is not None and offset + len(piece) > drop:
                    self.wfile.write(piece[: max(0, drop - offset)])
                    self.wfile.flush()
                    with rel.lock:
                        rel.served[name] = rel.served.get(name, 0) + max(0, drop - offset)
                    self.close_connection = True
                    return sent + max(0, drop - offset)
                self.wfile.write(piece)
                sent += len(piece)
                with rel.lock:
                    rel.served[name] = rel.served.get(name, 0) + len(piece)
                if rel.bytes_per_s:
                    time.sleep(len(piece) / rel.bytes_per_s)  # the server side paces; tests wait on signals
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        return sent
