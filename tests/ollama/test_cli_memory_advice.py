"""`runyard-desktop chat` on a model that does not fit: the memory advice, for both Ollama generations."""

from __future__ import annotations

import pytest

from runyard_desktop.cli import main
from tests.fit.helpers import machine

GIB = 2**30


@pytest.mark.parametrize("version", ["0.24.0", "0.31.0"])
def test_chat_on_a_model_that_does_not_fit_names_what_fits(fake_ollama, capsys, monkeypatch, version: str) -> None:
    from runyard_desktop.core.hardware import profile

    monkeypatch.setattr(profile, "detect", lambda: machine(8, 6))  # this machine, as the fit engine sees it
    fake_ollama.version = version
    fake_ollama.add_installed("qwen3.5:9b", size=6_600_000_000)
    fake_ollama.memory_bytes = 4 * GIB
    code = main(["chat", "qwen3.5:9b", "hi", "--host", fake_ollama.url])
    _out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    # recommend() on 8 GB without a GPU picks 4b; the 0.24 server's "4.0 GiB free" bounds it to 2b
    smaller = "qwen3.5:2b" if version == "0.24.0" else "qwen3.5:4b"
    assert "6.1 GiB" in err and f"the smaller {smaller}" in err, err
    assert "reported an error" not in err and "Try again" not in err
