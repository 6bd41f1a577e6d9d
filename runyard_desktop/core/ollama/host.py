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
- `localhost` means 127.0.0.1, where Ollama listens: by default (envconfig `Host()`), and also with
  OLLAMA_HOST=localhost, since Go's `net.Listen` binds a host name to one address only, IPv4 first.
  A client that looks the name up tries `::1` first on Windows, and a refused connection there costs
  ~2 s (Windows retries it), the whole of the status probe's time. Over https the name stays: a
  certificate for `localhost` (a local reverse proxy) is checked against the name, not the address;
- the scheme is written in lower case and a trailing `/` of the path is dropped (as ollama-python does).

Where Runyard is stricter than Ollama: an address the user types (`--host`, the Settings field) goes
through `checked_host`, which refuses what Ollama would silently replace or drop — a port that is not
a number from 1 to 65535, a scheme other than http/https, and a user name or password (`user:pass@`,
which Ollama reads as a host "user" with a bad port). `$OLLAMA_HOST` and a saved setting keep Ollama's
own reading, so the app reaches the same server as the `ollama` command does.

The API key (`$OLLAMA_API_KEY`, which ollama-python sends as a bearer token) may only go over https
or to this machine (`api_key_may_go_to`).
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


def _unquoted(raw: str | None) -> str:
    """`raw` trimmed as Ollama trims OLLAMA_HOST: `Var()` strips spaces, then quotes; `Host()` spaces again."""
    return (raw or "").strip().strip("\"'").strip()


def ollama_host(raw: str | None) -> HostParts:
    """`OLLAMA_HOST` exactly as Ollama's `envconfig.Host()` reads it (no Runyard rules applied)."""
    text = _unquoted(raw)
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
    if host in ("", "0.0.0.0") or (host.lower().rstrip(".") == "localhost" and scheme.lower() == "http"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = f"[{host}]" if ":" in host else host
    path = path.rstrip("/")
    return f"{scheme.lower()}://{shown}:{port}{'/' + path if path else ''}"


def resolve(cli_host: str | None = None, settings_host: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """Pick and normalise the host by precedence; `cli_host` is checked (HostError), the others read as Ollama does."""
    env = os.environ if env is None else env
    if cli_host and _unquoted(cli_host):
        return checked_host(cli_host)
    for candidate in (settings_host, env.get("OLLAMA_HOST")):
        if candidate and _unquoted(candidate):
            return normalize(candidate)
    return DEFAULT_HOST


class HostError(ValueError):
    """An address the user typed that cannot be used; str() is a plain sentence with the fix."""


def checked_host(raw: str) -> str:
    """`normalize(raw)` for an address the user typed, or HostError where Ollama would guess (module docstring)."""
    text = _unquoted(raw)
    scheme, sep, rest = text.partition("://")
    if sep and scheme.lower() not in ("http", "https"):
        raise HostError(f"The address {text!r} starts with {scheme}://; use http:// or https://.")
    hostport = (rest if sep else text).partition("/")[0]
    if "@" in hostport:
        raise HostError(
            f"The address {text!r} contains a user name or password, which the app does not send. "
            "Remove the part up to '@' (use a reverse proxy on this computer if the server needs a login)."
        )
    split = _split_host_port(hostport)
    if split is not None:
        port = split[1]
        if not port.isascii() or not port.isdigit() or not 1 <= int(port) <= 65535:
            raise HostError(f"The port in {text!r} must be a number from 1 to 65535 (Ollama's is 11434).")
    return normalize(text)


def is_encrypted(url: str) -> bool:
    """True for https: what goes to `url` cannot be read on the way."""
    return urlsplit(url).scheme.lower() == "https"


def api_key_may_go_to(url: str) -> bool:
    """Whether the API key may be sent to `url`: over https, or to this machine."""
    return is_encrypted(url) or is_loopback(url)


def where_prompts_go(url: str) -> str:
    """'' for a server on this machine; else where what the user sends goes, and whether it is encrypted."""
    if is_loopback(url):
        return ""
    host = urlsplit(url).hostname or url
    return f"Your messages and documents go to {host}, another computer" + (
        " (https)." if is_encrypted(url) else ", unencrypted (plain http)."
    )


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
