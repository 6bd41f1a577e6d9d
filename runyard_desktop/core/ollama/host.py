"""Which Ollama server to talk to: `--host` > settings > `$OLLAMA_HOST` > http://127.0.0.1:11434.

Every address is read the way Ollama's own `envconfig.Host()` reads `OLLAMA_HOST` (envconfig/config.go,
`Host` and `Var`, the same from v0.17 to v0.33):
- surrounding spaces and quotes go (`"127.0.0.1:11500"` and `'1.2.3.4'` work);
- no scheme means http on port 11434; `http://` without a port means 80, `https://` means 443;
- the bare name `ollama.com` means https://ollama.com:443;
- IPv6 works with or without brackets (`::1`, `fe80::1`, `[::1]:11500`); a port that is not a number
  from 0 to 65535 is replaced by the default one;
- anything after the first `/` is a path below which the API lives (a reverse proxy).

Runyard's own rules on top, because a client connects where a server only listens:
- no host (`:11500`) and the "listen everywhere" addresses `0.0.0.0`/`::` mean loopback (the server
  setting OLLAMA_HOST=0.0.0.0 is not a place a client can connect to; on Windows it fails);
- the scheme is written in lower case and a trailing `/` of the path is dropped (as ollama-python does).
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
_PORT = re.compile(r"[+-]?[0-9]+")


class HostParts(NamedTuple):
    """What `envconfig.Host()` returns, taken apart: `scheme://host:port/path` (host unbracketed)."""

    scheme: str
    host: str
    port: int
    path: str


def ollama_host(raw: str | None) -> HostParts:
    """`OLLAMA_HOST` exactly as Ollama's `envconfig.Host()` reads it (no Runyard rules applied)."""
    text = (raw or "").strip().strip("\"'").strip()  # Var() trims spaces, then quotes; Host() trims spaces
    scheme, sep, hostport = text.partition("://")
    default_port = str(DEFAULT_PORT)
    if not sep:
        scheme, hostport = "http", text
        if text == "ollama.com":
            scheme, hostport = "https", "ollama.com:443"
    elif scheme == "http":
        default_port = "80"
    elif scheme == "https":
        default_port = "443"
    hostport, _, path = hostport.partition("/")
    split = _split_host_port(hostport)
    if split is None:
        host, port = "127.0.0.1", default_port
        ip = _go_ip_string(hostport.strip("[]"))
        if ip is not None:
            host = ip
        elif hostport:
            host = hostport
    else:
        host, port = split
    if not _PORT.fullmatch(port) or not 0 <= int(port) <= 65535:
        port = default_port
    return HostParts(scheme, host, int(port), path)


def _split_host_port(hostport: str) -> tuple[str, str] | None:
    """Go's `net.SplitHostPort`: (host, port), or None where Go returns an error."""
    i = hostport.rfind(":")
    if i < 0:
        return None
    start, after_host = 0, 0
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0 or end + 1 != i:  # no "]", or "]" not followed by the last ":"
            return None
        host, start, after_host = hostport[1:end], 1, end + 1
    else:
        host = hostport[:i]
        if ":" in host:  # too many colons
            return None
    if "[" in hostport[start:] or "]" in hostport[after_host:]:
        return None
    return host, hostport[i + 1 :]


def _go_ip_string(text: str) -> str | None:
    """Go's `net.ParseIP(text).String()`, or None where ParseIP fails (it takes no IPv6 zone)."""
    if "%" in text:
        return None
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)  # Go prints ::ffff:1.2.3.4 as 1.2.3.4
    return str(ip)


def normalize(raw: str | None) -> str:
    """'1.2.3.4' -> 'http://1.2.3.4:11434'; '"[::1]:5000"' -> 'http://[::1]:5000'; '0.0.0.0' -> loopback.

    `envconfig.Host()` plus Runyard's rules for a client (see the module docstring).
    """
    scheme, host, port, path = ollama_host(raw)
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = f"[{host}]" if ":" in host else host
    path = path.rstrip("/")
    return f"{scheme.lower()}://{shown}:{port}{'/' + path if path else ''}"


def resolve(cli_host: str | None = None, settings_host: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """Pick and normalise the host by precedence."""
    env = os.environ if env is None else env
    for candidate in (cli_host, settings_host, env.get("OLLAMA_HOST")):
        if candidate and candidate.strip().strip("\"'").strip():
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
