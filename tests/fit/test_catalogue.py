"""The catalogue is package data, complete for Qwen3.5's local tags, and malformed data fails loudly."""

from __future__ import annotations

import copy
import json

import pytest

from runyard_desktop.core.appdata import resources
from runyard_desktop.core.fit.catalogue import CatalogueError, load_catalogue, parse_family

RAW = json.loads(resources.read_text("data", "catalogue", "qwen3.5.json"))


def test_every_local_tag_is_listed_with_the_numbers_the_formula_needs() -> None:
    cat = load_catalogue()
    names = {t.tag for t in cat}
    for size in ("0.8b", "2b", "4b", "9b", "27b", "35b-a3b", "122b-a10b"):
        assert f"qwen3.5:{size}" in names
    for extra in (
        "2b-q4_K_M",
        "4b-q8_0",
        "9b-q8_0",
        "9b-bf16",
        "27b-q8_0",
        "27b-bf16",
        "35b-a3b-q8_0",
        "122b-a10b-q4_K_M",
    ):
        assert f"qwen3.5:{extra}" in names
    assert not any("397b" in n for n in names)  # cloud-only
    for t in cat:
        assert t.download_bytes > 0 and t.native_context == 262144 and t.min_ollama == "0.17.1"
        assert set(t.capabilities) == {"vision", "tools", "thinking"} and t.license and t.source
        assert t.size.arch.full_attention_interval == 4 and t.size.arch.head_dim == 256


def test_defaults_aliases_and_sizes() -> None:
    cat = load_catalogue()
    assert cat.get("qwen3.5:latest").tag == "qwen3.5:9b"
    assert cat.get("qwen3.5:35b").tag == "qwen3.5:35b-a3b"
    assert cat.get("qwen3.5:0.8b").quant == "q8_0" and cat.get("qwen3.5:9b").quant == "q4_K_M"
    assert cat.get("qwen3.5:9b").download_bytes == 6_600_000_000
    assert cat.get("qwen3.5:122b-a10b").download_bytes == 81_000_000_000
    assert cat.get("qwen3.5:9b-q4_K_M").same_blob_as == "qwen3.5:9b"
    assert "download_bytes" in cat.get("qwen3.5:9b-bf16").unconfirmed
    assert not cat.get("qwen3.5:27b").unconfirmed
    with pytest.raises(KeyError):
        cat.get("qwen3.5:7b")


def _broken(mutate) -> dict:
    data = copy.deepcopy(RAW)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["tags"][3].update(download_bytes="2.7 GB"), r"tags\[3\]\.download_bytes: expected an integer"),
        (lambda d: d["tags"][0].update(size="1b"), r"tags\[0\]\.size: expected one of"),
        (lambda d: d["tags"][0].update(quant="q3_K_S"), r"tags\[0\]\.quant"),
        (lambda d: d["sizes"]["9b"]["config"].update(kv_heads=0), r"sizes\.9b\.config\.kv_heads"),
        (
            lambda d: d["sizes"]["9b"]["config"].update(full_attention_interval=5),
            r"full_attention_interval: expected a divisor",
        ),
        (lambda d: d.update(schema_version=2), r"schema_version"),
        (lambda d: d.update(capabilities=["vision", "telepathy"]), r"capabilities"),
        (lambda d: d["tags"].append(copy.deepcopy(d["tags"][0])), r"used twice: qwen3.5:0.8b"),
        (lambda d: d["tags"][1].update(same_blob_as="qwen3.5:nope"), r"unknown tag"),
        (lambda d: d["tags"][0].update(default_for_size=False), r"exactly one default_for_size"),
        (lambda d: d.update(tags=[]), r"tags: expected a non-empty list"),
    ],
)
def test_malformed_data_names_the_field(mutate, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_family(_broken(mutate), "qwen3.5.json")


def test_schema_file_is_shipped_as_package_data() -> None:
    schema = json.loads(resources.read_text("data", "catalogue", "schema.json"))
    assert {"family_file", "size", "tag"} <= set(schema)
