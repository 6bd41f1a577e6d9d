"""Shared core helpers (JSON files, the Metal share, version parsing, attachment tokens) give the
results the code they replaced gave."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from runyard_desktop.core.appdata.json_files import move_aside, write_json_atomic
from runyard_desktop.core.chat.conversation import IMAGE_TOKENS, KIND_IMAGE, KIND_TEXT, Attachment, attachment_tokens
from runyard_desktop.core.fit.engine import OllamaRegime, regime_for_version
from runyard_desktop.core.fit.memory_budget import metal_working_set
from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.ollama import server
from runyard_desktop.core.ollama.types import parse_version


def test_metal_working_set_equals_the_old_float_rule() -> None:
    for tenth in range(1, 5121, 7):  # 0.1 .. 512 GiB
        total = int(tenth / 10 * GIB)
        old = int(total * (3 / 4 if total > 36 * GIB else 2 / 3))
        assert metal_working_set(total) == old


def test_write_json_atomic_leaves_only_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "data.json"
    write_json_atomic(path, {"b": 1, "a": [2]}, prefix=".data-", sort_keys=True)
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": [2], "b": 1}
    assert path.read_text(encoding="utf-8").index('"a"') < path.read_text(encoding="utf-8").index('"b"')
    assert [p.name for p in path.parent.iterdir()] == ["data.json"]


def test_move_aside_renames_and_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "things.json"
    path.write_text("{broken", encoding="utf-8")
    log = logging.getLogger("runyard_desktop.core.test_helper")
    with caplog.at_level(logging.WARNING, logger=log.name):
        aside = move_aside(path, "bad JSON", log, "things", " and starting empty")
    assert aside == tmp_path / "things.damaged.json" and aside.read_text(encoding="utf-8") == "{broken"
    assert not path.exists()
    assert caplog.messages == [f"things file {path} is damaged (bad JSON); moved to {aside} and starting empty"]


@pytest.mark.parametrize(
    ("version", "regime"),
    [
        ("abc", OllamaRegime.OLLAMA_ENGINE),
        ("0.0.0", OllamaRegime.OLLAMA_ENGINE),
        ("0.30.0rc", OllamaRegime.LLAMA_SERVER),
        ("0.30.0-rc1", OllamaRegime.LLAMA_SERVER),
        ("0.12.6-rc0", OllamaRegime.OLLAMA_ENGINE),
        ("0.29", OllamaRegime.OLLAMA_ENGINE),
        ("", OllamaRegime.LLAMA_SERVER),
    ],
)
def test_regime_for_version_on_more_strings(version: str, regime: OllamaRegime) -> None:
    assert regime_for_version(version) is regime


def test_parse_version_is_still_reachable_from_server() -> None:
    assert server.parse_version is parse_version
    assert parse_version("v0.17.1") == (0, 17, 1) and parse_version("nope") is None


def test_attachment_tokens() -> None:
    assert attachment_tokens(Attachment(kind=KIND_TEXT, name="a.txt", text="x" * 40, tokens=3)) == 3
    assert attachment_tokens(Attachment(kind=KIND_IMAGE, name="a.png")) == IMAGE_TOKENS
    assert attachment_tokens(Attachment(kind=KIND_TEXT, name="a.txt", text="x" * 40)) == 10
