"""Download one release file with httpx: resumable with Range, progress as bytes/%/speed/ETA, plain errors.

The body goes to `DEST.part`; a cancel (the asyncio task cancelled) or a dropped connection keeps it,
and the next attempt asks only for the rest (`Range: bytes=N-`; a server that answers 200 instead of
206 sends it all again, and the part is restarted). A dropped connection is retried at once a few
times. Only https is used, except to a loopback address (tests); redirects are checked the same way.
GitHub's rate limit (403 with `x-ratelimit-remaining: 0`, or 429) is said plainly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from runyard_desktop.core.ollama.host import is_loopback
from runyard_desktop.core.ollama_install.errors import MANUAL_URL, InstallError

if TYPE_CHECKING:
    import httpx

RETRIES = 3  # dropped connections resumed at once before giving up
CONNECT_TIMEOUT_S = 15.0
READ_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class FetchProgress:
    """Where a download stands. `total` is None until the server says; `resumed_from` > 0 after a resume."""

    asset: str
    done: int
    total: int | None
    speed_bps: float = 0.0
    resumed_from: int = 0

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None

    @property
    def eta_s(self) -> float | None:
        if not self.total or self.speed_bps <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.speed_bps)


Progress = Callable[[FetchProgress], None]
SpaceCheck = Callable[[int, int], None]  # (bytes still to fetch, archive size): raises InstallError when short


def check_url(url: str) -> None:
    """Only https leaves this computer; plain http only to loopback."""
    parts = urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and is_loopback(url)):
        return
    raise InstallError(
        f"Runyard only downloads Ollama over https, not from {parts.scheme}://{parts.netloc}.",
        "Check RUNYARD_OLLAMA_RELEASES, or unset it to use Ollama's official releases.",
    )


def new_client() -> httpx.AsyncClient:
    import httpx

    async def guard(request: httpx.Request) -> None:  # also every redirect hop
        check_url(str(request.url))

    return httpx.AsyncClient(
        follow_redirects=True,
        timeout=httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        event_hooks={"request": [guard]},
        headers={"User-Agent": _user_agent()},
    )


def _user_agent() -> str:
    from runyard_desktop.core.ollama.http_get import USER_AGENT

    return USER_AGENT


async def fetch_text(client: httpx.AsyncClient, url: str, limit: int) -> str:
    """A small text file (sha256sum.txt), at most `limit` bytes."""
    import httpx

    check_url(url)
    try:
        response = await client.get(url)
    except httpx.HTTPError as exc:
        raise _offline(url, exc) from exc
    _raise_for_status(response, url)
    if len(response.content) > limit:
        raise InstallError(f"{url} is larger than a checksum list can be.", f"Install Ollama from {MANUAL_URL}.")
    return response.text


async def fetch_file(
    client: httpx.AsyncClient,
    url: str,
    dest: Path,
    asset: str,
    on_progress: Progress,
    check_space: SpaceCheck | None = None,
) -> Path:
    """Download `url` to `dest` (through `dest.part`), resuming a part left by an earlier attempt."""
    import httpx

    check_url(url)
    part = dest.with_name(dest.name + ".part")
    part.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(RETRIES + 1):
        try:
            await _fetch_once(client, url, part, asset, on_progress, check_space)
            break
        except _Restart:
            continue
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.ReadTimeout) as exc:
            if attempt == RETRIES:
                raise InstallError(
                    f"The connection dropped {RETRIES + 1} times while downloading {asset}.",
                    "Check the internet connection, then press Resume: what arrived is kept.",
                ) from exc
        except httpx.HTTPError as exc:
            raise _offline(url, exc) from exc
    else:
        raise InstallError(f"The download of {asset} kept starting over.", f"Install Ollama from {MANUAL_URL}.")
    part.replace(dest)
    return dest


async def _fetch_once(
    client: httpx.AsyncClient,
    url: str,
    part: Path,
    asset: str,
    on_progress: Progress,
    check_space: SpaceCheck | None,
) -> None:
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    async with client.stream("GET", url, headers=headers) as response:
        if response.status_code == 416 and have:  # the part is already whole (or the file changed): start over
            part.unlink()
            raise _Restart()
        _raise_for_status(response, url)
        if response.status_code != 206:
            have = 0  # the server sent the whole file
        length = response.headers.get("content-length")
        total = have + int(length) if length and length.isdigit() else None
        if check_space is not None and total is not None:
            check_space(total - have, total)
        meter = _Meter(asset, have, total, on_progress)
        with open(part, "ab" if have else "wb") as out:
            async for chunk in response.aiter_bytes():  # as it arrives: a drop keeps every byte received
                out.write(chunk)
                meter.add(len(chunk))
        meter.emit(force=True)
        if total is not None and meter.done < total:
            import httpx

            raise httpx.RemoteProtocolError("the body ended early")


class _Restart(Exception):
    pass


class _Meter:
    """Bytes so far and a speed averaged over the last few seconds; reports at most ~10 times a second."""

    def __init__(self, asset: str, start: int, total: int | None, on_progress: Progress) -> None:
        self.asset, self.start, self.done, self.total = asset, start, start, total
        self.on_progress = on_progress
        self.samples: list[tuple[float, int]] = [(time.monotonic(), start)]
        self.last_emit = 0.0
        self.emit(force=True)

    def add(self, count: int) -> None:
        self.done += count
        self.emit()

    def emit(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last_emit < 0.1:
            return
        self.last_emit = now
        self.samples.append((now, self.done))
        self.samples = [s for s in self.samples if now - s[0] <= 5.0] or [(now, self.done)]
        first_t, first_done = self.samples[0]
        speed = (self.done - first_done) / (now - first_t) if now > first_t else 0.0
        self.on_progress(FetchProgress(self.asset, self.done, self.total, speed, self.start))


def _raise_for_status(response: httpx.Response, url: str) -> None:
    status = response.status_code
    if status < 400:
        return
    if status == 429 or (status == 403 and response.headers.get("x-ratelimit-remaining") == "0"):
        raise InstallError(
            "GitHub is refusing downloads from this network for now (its rate limit).",
            f"Try again in an hour, or install Ollama from {MANUAL_URL}.",
        )
    if status == 404:
        raise InstallError(
            f"The Ollama release has no file at {url}.",
            "Check the version asked for (e.g. 0.17.1), or install the latest.",
        )
    raise InstallError(
        f"The download server answered {status} for {url}.", f"Try again later, or install Ollama from {MANUAL_URL}."
    )


def _offline(url: str, exc: BaseException) -> InstallError:
    host = urlsplit(url).netloc
    return InstallError(
        f"Runyard could not reach {host} to download Ollama ({type(exc).__name__}).",
        "Check the internet connection, then try again.",
    )
