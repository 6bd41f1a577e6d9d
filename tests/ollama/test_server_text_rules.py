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
