"""OLLAMA_HOST read as Ollama's `envconfig.Host()` reads it, plus Runyard's client rules on top.

The expected values are what `Host()` returns (envconfig/config.go, `Host` and `Var`, unchanged from
v0.17 to v0.33): its own table (envconfig/config_test.go, `TestHost`) and the cases worked out from
the Go code (net.SplitHostPort, net.ParseIP(...).String(), net.JoinHostPort, url.URL.String()).
"""

from __future__ import annotations

import pytest

from runyard_desktop.core.ollama import host as hosts


def _as_go_prints_it(parts: hosts.HostParts) -> str:
    """url.URL{Scheme, Host: net.JoinHostPort(host, port), Path}.String()."""
    shown = f"[{parts.host}]" if ":" in parts.host else parts.host
    return f"{parts.scheme}://{shown}:{parts.port}{'/' + parts.path if parts.path else ''}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # envconfig/config_test.go TestHost, v0.17.1 … v0.33.0-rc2
        ("", "http://127.0.0.1:11434"),
        ("1.2.3.4", "http://1.2.3.4:11434"),
        (":1234", "http://:1234"),
        ("1.2.3.4:1234", "http://1.2.3.4:1234"),
        ("example.com", "http://example.com:11434"),
        ("example.com:1234", "http://example.com:1234"),
        (":0", "http://:0"),
        (":66000", "http://:11434"),
        (":-1", "http://:11434"),
        ("[::1]", "http://[::1]:11434"),
        ("[::]", "http://[::]:11434"),
        ("::1", "http://[::1]:11434"),
        ("[::1]:1337", "http://[::1]:1337"),
        (" 1.2.3.4 ", "http://1.2.3.4:11434"),
        ('"1.2.3.4"', "http://1.2.3.4:11434"),
        (' " 1.2.3.4 " ', "http://1.2.3.4:11434"),
        ("'1.2.3.4'", "http://1.2.3.4:11434"),
        ("http://1.2.3.4", "http://1.2.3.4:80"),
        ("http://1.2.3.4:4321", "http://1.2.3.4:4321"),
        ("https://1.2.3.4", "https://1.2.3.4:443"),
        ("https://1.2.3.4:4321", "https://1.2.3.4:4321"),
        ("https://example.com/ollama", "https://example.com:443/ollama"),
        ("ollama.com", "https://ollama.com:443"),
        # worked out from the Go code
        ('"127.0.0.1:11500"', "http://127.0.0.1:11500"),
        ("fe80::1", "http://[fe80::1]:11434"),  # SplitHostPort: too many colons; ParseIP takes it
        ("0:0:0:0:0:0:0:1", "http://[::1]:11434"),  # ParseIP(...).String() compresses
        ("::ffff:1.2.3.4", "http://1.2.3.4:11434"),  # ... and prints a mapped IPv4 address as IPv4
        ("[fe80::1]:11500", "http://[fe80::1]:11500"),
        ("http://[::1]", "http://[::1]:80"),
        ("ollama.com:443", "http://ollama.com:443"),  # only the bare name means https
        ("https://ollama.com", "https://ollama.com:443"),
        ("1.2.3.4:abc", "http://1.2.3.4:11434"),  # not a number: the default port
        ("1.2.3.4:", "http://1.2.3.4:11434"),
        ("ftp://1.2.3.4", "ftp://1.2.3.4:11434"),  # other schemes keep 11434
        ("example.com:1234/a/b", "http://example.com:1234/a/b"),
        ("0.0.0.0", "http://0.0.0.0:11434"),
    ],
)
def test_ollama_host_is_envconfig_host(value: str, expected: str) -> None:
    assert _as_go_prints_it(hosts.ollama_host(value)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"127.0.0.1:11500"', "http://127.0.0.1:11500"),
        ("'http://10.0.0.5'", "http://10.0.0.5:80"),
        ("::1", "http://[::1]:11434"),
        ("fe80::1", "http://[fe80::1]:11434"),
        ("[::1]:11500", "http://[::1]:11500"),
        ("ollama.com", "https://ollama.com:443"),
        ("https://example.com/ollama/", "https://example.com:443/ollama"),
        # Runyard's client rules: where a server listens is not where a client connects
        (":11500", "http://127.0.0.1:11500"),
        ("0.0.0.0", "http://127.0.0.1:11434"),
        ("[::]:11500", "http://[::1]:11500"),
        ("::", "http://[::1]:11434"),
        ('""', "http://127.0.0.1:11434"),
        # where Ollama listens for `localhost`: 127.0.0.1, never a lookup that tries ::1 first
        ("localhost", "http://127.0.0.1:11434"),
        ("http://LocalHost:11500/", "http://127.0.0.1:11500"),
        ("localhost.:8080", "http://127.0.0.1:8080"),
        ("https://localhost/ollama", "https://localhost:443/ollama"),  # its certificate names localhost
        ("my.localhost:5000", "http://my.localhost:5000"),  # only the name itself
    ],
)
def test_normalize_for_a_client(raw: str, expected: str) -> None:
    assert hosts.normalize(raw) == expected


def test_a_quoted_empty_value_falls_through_to_the_next_source() -> None:
    assert hosts.resolve(None, '""', {"OLLAMA_HOST": "'10.0.0.5:1'"}) == "http://10.0.0.5:1"
    assert hosts.resolve(None, None, {"OLLAMA_HOST": "''"}) == hosts.DEFAULT_HOST


def test_a_quoted_ollama_host_works_end_to_end(fake_ollama, capsys, monkeypatch) -> None:
    """`OLLAMA_HOST="127.0.0.1:PORT"` with the quotes (as a Windows `set` or a .env file leaves them)."""
    from urllib.parse import urlsplit

    from runyard_desktop.cli import main

    fake_ollama.add_installed("qwen3.5:4b", size=3_400_000_000)
    monkeypatch.setenv("OLLAMA_HOST", f'"127.0.0.1:{urlsplit(fake_ollama.url).port}"')
    code = main(["models"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "qwen3.5:4b" in out
