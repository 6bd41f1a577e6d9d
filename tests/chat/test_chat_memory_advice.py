"""A chat that runs out of memory says so with the server's numbers and names what fits on this machine:
the advice itself (core/chat/memory_advice.py) and the chat pane showing it, for both Ollama generations."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from runyard_desktop.core.chat.memory_advice import memory_numbers, with_memory_advice
from runyard_desktop.core.fit.catalogue import load_catalogue
from runyard_desktop.core.ollama.errors import ErrorKind, from_server_text
from tests.chat.conftest import send
from tests.fit.helpers import machine

GIB = 2**30
OLD = "model requires more system memory (7.3 GiB) than is available (6.0 GiB)"
NEW = (
    "llama-server reported out-of-memory during startup: ggml_backend_cuda_buffer_type_alloc_buffer: "
    "allocating 7340.00 MiB on device 0: cudaMalloc failed: out of memory"
)


def test_the_numbers_of_both_generations() -> None:
    old = memory_numbers(OLD)
    assert old.need is not None and old.free is not None
    assert (round(old.need / GIB, 1), round(old.free / GIB, 1)) == (7.3, 6.0)
    new = memory_numbers(NEW)
    assert new.need == 7340 * 2**20 and new.free is None
    assert memory_numbers("unable to load full model on GPU").need is None


@pytest.mark.parametrize("text", [OLD, NEW])
def test_the_advice_names_the_numbers_and_a_smaller_model_that_fits(text: str) -> None:
    err = from_server_text(text, 500, model="qwen3.5:9b")
    advised = with_memory_advice(err, load_catalogue(), machine(8, 6), "qwen3.5:9b")
    assert advised.kind is ErrorKind.OUT_OF_MEMORY and advised.detail == text
    assert ("7.3 GiB" if text == OLD else "7.2 GiB") in advised.message
    assert "the smaller qwen3.5:4b" in advised.next_step, advised.next_step  # what recommend() picks on 8 GB, no GPU


def test_the_advice_offers_a_shorter_context_when_a_long_one_was_asked_for() -> None:
    err = from_server_text(OLD, 500, model="qwen3.5:9b")
    advised = with_memory_advice(err, load_catalogue(), machine(16, 12), "qwen3.5:9b", context=262144)
    assert "a context of" in advised.next_step and "instead of 262,144" in advised.next_step


def test_the_free_memory_the_server_reported_bounds_the_smaller_model() -> None:
    text = "model requires more system memory (3.2 GiB) than is available (2.0 GiB)"
    advised = with_memory_advice(from_server_text(text, 500), load_catalogue(), machine(8, 6), "qwen3.5:4b")
    assert "qwen3.5:0.8b" in advised.next_step and "qwen3.5:2b" not in advised.next_step


def test_other_errors_and_no_machine_pass_through() -> None:
    busy = from_server_text("server busy, please try again.  maximum pending requests exceeded", 503)
    assert with_memory_advice(busy, load_catalogue(), machine(8, 6), "qwen3.5:9b") is busy
    alone = with_memory_advice(from_server_text(OLD, 500), None, None, "qwen3.5:9b")
    assert alone.next_step.startswith("Close other programs")


@pytest.mark.parametrize("version", ["0.24.0", "0.31.0"])
def test_the_chat_pane_shows_the_advice(open_chat, chat_fake, qtbot, version: str) -> None:
    from runyard_desktop.core.hardware.presets import MACHINES

    window, pane = open_chat()
    hardware = window.services.core.hardware
    qtbot.waitUntil(
        lambda: window.startup.is_finished and hardware.profile is not None and not hardware.is_detecting,
        timeout=30_000,
    )
    hardware.profile = MACHINES["Laptop 8 GB, no GPU"]  # a fixed machine: the advice must not depend on this one
    chat_fake.version = version
    chat_fake.memory_bytes = 2 * GIB  # qwen3.5:4b (3.4 GB) does not fit
    reply = send(qtbot, pane, "Hello")
    assert reply.status == "failed"
    status = pane.view.last_widget().findChild(QWidget, "messageStatus").text()
    assert "3.2 GiB" in status and "qwen3.5:0.8b" in status, status
    assert "reported an error" not in status
