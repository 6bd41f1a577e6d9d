"""The table that maps the server's error texts to typed errors: every row is reachable and fills its templates."""

from __future__ import annotations

import pytest

from runyard_desktop.core.ollama.errors import (
    SERVER_TEXT_RULES,
    ErrorKind,
    ServerTextRule,
    from_server_text,
    match_server_text,
)


def _label(rule: ServerTextRule) -> str:
    return f"{rule.kind.value}:{rule.message[:24]}"


@pytest.mark.parametrize("rule", SERVER_TEXT_RULES, ids=_label)
def test_every_row_is_reachable(rule: ServerTextRule) -> None:
    # A row reached by neither a text nor a status would be dead: the table must not have one.
    assert rule.all_of or rule.status is not None
    if rule.all_of:
        assert rule.example, "a row matched by text needs an example of that text"
        found = match_server_text(rule.example)
        assert found is not None and found[0] is rule
    if rule.status is not None:
        found = match_server_text("", rule.status, rule.operation)
        assert found is not None and found[0] is rule


@pytest.mark.parametrize("rule", SERVER_TEXT_RULES, ids=_label)
def test_every_row_fills_its_templates(rule: ServerTextRule) -> None:
    text = rule.example or "some text"
    err = from_server_text(text, rule.status, model="qwen3.5:4b", installed_version="0.12.6", operation=rule.operation)
    assert err.kind is rule.kind and err.detail == text and err.status_code == rule.status
    assert err.message and err.next_step
    assert "{" not in err.message + err.next_step, "a template field was left unfilled"


def test_captured_fields_reach_the_message() -> None:
    err = from_server_text(
        "model requires more system memory (7.3 GiB) than is available (6.0 GiB)", 500, model="qwen3.5:9b"
    )
    assert err.message == "qwen3.5:9b needs 7.3 GiB of memory, but only 6.0 GiB is free."
    newer = from_server_text(SERVER_TEXT_RULES[0].example, installed_version="0.12.6")
    assert newer.message == "this model needs a newer version of Ollama (this computer has Ollama 0.12.6)."


def test_order_decides_between_rows() -> None:
    # The same 404 means "no such model in the library" on a pull and "not downloaded" on a chat.
    assert from_server_text("", 404, operation="pull").kind is ErrorKind.UNKNOWN_MODEL
    assert from_server_text("", 404, operation="chat").kind is ErrorKind.NOT_INSTALLED
    # A refusal that names both chat and tools is about tools.
    assert from_server_text('"m" does not support chat or tools', 400, model="m").message == "m cannot use tools."


def test_a_text_no_row_matches_is_reported_as_it_is() -> None:
    assert match_server_text("something broke", 500) is None
    err = from_server_text("something broke", -1)
    assert err.kind is ErrorKind.SERVER_ERROR
    assert err.message == "Ollama reported an error while answering: something broke"
    assert from_server_text("something broke", 500).message.endswith(": something broke")


# The real server's texts, every generation (docs/ollama-behaviour.md: error texts the app matches), with the
# kind each must reach: a row removed or reordered fails here, not only in the walk over the table above.
REAL_TEXTS = [
    ("model requires more system memory (7.3 GiB) than is available (6.0 GiB)", 500, ErrorKind.OUT_OF_MEMORY),
    (
        "llama-server reported out-of-memory during startup: ggml_backend_cuda_buffer_type_alloc_buffer: "
        "allocating 7340.00 MiB on device 0: cudaMalloc failed: out of memory",
        500,
        ErrorKind.OUT_OF_MEMORY,
    ),
    ("unable to load full model on GPU", 500, ErrorKind.OUT_OF_MEMORY),
    (
        "llama-server process has terminated: exit status 2: failed to allocate compute buffers",
        500,
        ErrorKind.OUT_OF_MEMORY,
    ),
    ("an error was encountered while running the model: CUDA error: out of memory", -1, ErrorKind.OUT_OF_MEMORY),
    ("an error was encountered while running the model: unexpected EOF", -1, ErrorKind.SERVER_ERROR),
    (
        "max retries exceeded: write C:\\Users\\me\\.ollama\\models\\blobs\\sha256-1f-partial: "
        "There is not enough space on the disk.",
        -1,
        ErrorKind.DISK_FULL,
    ),
    ("context deadline exceeded", -1, ErrorKind.TIMEOUT),
    ("unexpected status code 403", -1, ErrorKind.SERVER_ERROR),
    ("pull model manifest: unauthorized: access denied", -1, ErrorKind.INVALID_REQUEST),
    (
        "llama-server process has terminated: error loading model: this model may be incompatible with your "
        "version of Ollama. If you previously pulled this model, try updating it by running `ollama pull qwen3.5:4b`",
        500,
        ErrorKind.SERVER_ERROR,
    ),
    (
        "the prompt is longer than the context length currently available to the model; shorten the prompt, "
        "adjust the context length in settings, or use a model with a longer context length",
        -1,
        ErrorKind.INVALID_REQUEST,
    ),
]


@pytest.mark.parametrize(("text", "status", "kind"), REAL_TEXTS, ids=[t[:40] for t, _, _ in REAL_TEXTS])
def test_every_real_text_reaches_its_own_row(text: str, status: int, kind: ErrorKind) -> None:
    found = match_server_text(text, status)
    assert found is not None, "no row: the generic 'Ollama reported an error' would be shown"
    assert found[0].kind is kind
    err = from_server_text(text, status, model="qwen3.5:9b", operation="chat")
    assert "reported an error" not in err.message and err.next_step


def test_specific_words_of_the_new_texts() -> None:
    windows = REAL_TEXTS[6][0]
    assert "internet" not in from_server_text(windows, -1, operation="pull").plain()
    update = from_server_text(REAL_TEXTS[10][0], 500, installed_version="0.31.0")
    assert "runyard-desktop pull qwen3.5:4b" in update.next_step and "0.31.0" in update.message
    assert "(403)" in from_server_text("unexpected status code 403", -1, operation="pull").message


def test_the_generic_message_has_no_space_before_its_colon_and_says_when() -> None:
    assert from_server_text("something broke", 500).message == "Ollama reported an error: something broke"
    pulled = from_server_text("something broke", -1, operation="pull").message
    assert pulled == "Ollama reported an error during the download: something broke"
