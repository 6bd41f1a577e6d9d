"""Which Ollama server to talk to: `--host` > settings > `$OLLAMA_HOST` > http://127.0.0.1:11434.

Accepts what people type: a bare host (`10.0.0.5`), a missing scheme or port (`:11500`,
`myhost:11434`), and maps the "listen everywhere" addresses `0.0.0.0`/`::` to loopback, because the
server setting OLLAMA_HOST=0.0.0.0 is not a place a client can connect to (on Windows it fails).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434


def normalize(raw: str | None) -> str:
    """'1.2.3.4' -> 'http://1.2.3.4:11434'; ':5000' -> 'http://127.0.0.1:5000'; '0.0.0.0' -> loopback.

    An explicit scheme without a port keeps the scheme's port (80/443), as Ollama's own clients do.
    """
    text = (raw or "").strip()
    if not text:
        return DEFAULT_HOST
    has_scheme = "://" in text
    parts = urlsplit(text if has_scheme else f"http://{text}")
    scheme = parts.scheme or "http"
    host = parts.hostname or "127.0.0.1"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = (443 if scheme == "https" else 80) if has_scheme else DEFAULT_PORT
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = f"[{host}]" if ":" in host else host
    path = parts.path.rstrip("/")
    return f"{scheme}://{shown}:{port}{path}"


def resolve(cli_host: str | None = None, settings_host: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """Pick and normalise the host by precedence."""
    env = os.environ if env is None else env
    for candidate in (cli_host, settings_host, env.get("OLLAMA_HOST")):
        if candidate and candidate.strip():
            return normalize(candidate)
    return DEFAULT_HOST


def is_loopback(url: str) -> bool:
    """True when the host is this machine (so we may start a server there)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_of(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def host_port(url: str) -> str:
    """'http://127.0.0.1:11434' -> '127.0.0.1:11434' (the form `OLLAMA_HOST` takes for `ollama serve`)."""
    parts = urlsplit(url)
    return parts.netloc
