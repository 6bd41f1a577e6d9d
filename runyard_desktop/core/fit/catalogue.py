"""The model catalogue: package data (`data/catalogue/*.json`), validated on load, as frozen objects.

One JSON file per model family; adding a family is a data change. The validator is deliberately
small (no jsonschema dependency): it names the file and the exact field that is wrong, e.g.
`qwen3.5.json: tags[3].download_bytes: expected an integer > 0, got "6.6 GB"`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from runyard_desktop.core.appdata import resources as package_resources

SCHEMA_VERSION = 1
_CAPABILITIES = {"vision", "tools", "thinking"}
_CONFIG_INTS = (
    "layers",
    "hidden",
    "heads",
    "kv_heads",
    "head_dim",
    "full_attention_interval",
    "linear_key_heads",
    "linear_value_heads",
    "linear_key_head_dim",
    "linear_value_head_dim",
    "conv_kernel",
    "vocab",
)
_VISION_INTS = (
    "depth",
    "hidden",
    "mlp",
    "out_hidden",
    "patch",
    "temporal_patch",
    "in_channels",
    "num_position_embeddings",
    "spatial_merge",
)
_MOE_INTS = ("experts", "experts_per_token", "expert_ffn", "shared_expert_ffn")


class CatalogueError(ValueError):
    """The catalogue data is malformed; the message names the file and field."""


@dataclass(frozen=True)
class MoeConfig:
    experts: int
    experts_per_token: int
    expert_ffn: int
    shared_expert_ffn: int


@dataclass(frozen=True)
class Architecture:
    """The numbers the memory formula needs for one model size (HF config text_config)."""

    layers: int
    hidden: int
    heads: int
    kv_heads: int
    head_dim: int
    full_attention_interval: int
    linear_key_heads: int
    linear_value_heads: int
    linear_key_head_dim: int
    linear_value_head_dim: int
    conv_kernel: int
    vocab: int
    moe: MoeConfig | None
    raw: dict[str, Any]

    @property
    def full_attention_layers(self) -> int:
        return self.layers // self.full_attention_interval

    @property
    def linear_layers(self) -> int:
        return self.layers - self.full_attention_layers

    @property
    def expert_params(self) -> int:
        """Routed-expert parameters of the whole model (0 for dense)."""
        if self.moe is None:
            return 0
        return self.layers * self.moe.experts * 3 * self.hidden * self.moe.expert_ffn


@dataclass(frozen=True)
class ModelSize:
    key: str
    label: str
    quality_rank: int
    total_params: float
    active_params: float
    active_read_params: float
    vision_params: float
    thinking_default: bool
    arch: Architecture

    @property
    def is_moe(self) -> bool:
        return self.arch.moe is not None


@dataclass(frozen=True)
class ModelTag:
    """One pullable Ollama tag, e.g. `qwen3.5:9b`."""

    tag: str
    family: str
    size: ModelSize
    quant: str
    download_bytes: int
    default_for_size: bool
    same_blob_as: str | None
    aliases: tuple[str, ...]
    unconfirmed: tuple[str, ...]
    source: str
    bytes_per_param: float
    native_context: int
    capabilities: tuple[str, ...]
    license: str
    min_ollama: str

    @property
    def name(self) -> str:
        return self.tag.split(":", 1)[1]


@dataclass(frozen=True)
class Catalogue:
    tags: tuple[ModelTag, ...]
    families: tuple[str, ...]

    def get(self, name: str) -> ModelTag:
        """The tag for `name` (a tag or an alias such as `qwen3.5:latest`); KeyError if unknown."""
        for t in self.tags:
            if name == t.tag or name in t.aliases:
                return t
        raise KeyError(name)

    def __iter__(self) -> Iterator[ModelTag]:
        return iter(self.tags)

    def __len__(self) -> int:
        return len(self.tags)


def _fail(where: str, expected: str, value: object) -> CatalogueError:
    return CatalogueError(f"{where}: expected {expected}, got {value!r}")


def _int(d: dict[str, Any], key: str, where: str, *, minimum: int = 1) -> int:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
        raise _fail(f"{where}.{key}", f"an integer >= {minimum}", v)
    return v


def _num(d: dict[str, Any], key: str, where: str, *, minimum: float = 0.0, strict: bool = True) -> float:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < minimum or (strict and v == minimum):
        raise _fail(f"{where}.{key}", f"a number {'>' if strict else '>='} {minimum}", v)
    return float(v)


def _str(d: dict[str, Any], key: str, where: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v:
        raise _fail(f"{where}.{key}", "a non-empty string", v)
    return v


def _bool(d: dict[str, Any], key: str, where: str) -> bool:
    v = d.get(key)
    if not isinstance(v, bool):
        raise _fail(f"{where}.{key}", "true or false", v)
    return v


def _strs(d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise _fail(f"{where}.{key}", "a list of strings", v)
    return tuple(v)


def _obj(d: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    v = d.get(key)
    if not isinstance(v, dict):
        raise _fail(f"{where}.{key}", "an object", v)
    return v


def _architecture(c: dict[str, Any], where: str) -> Architecture:
    ints = {k: _int(c, k, where) for k in _CONFIG_INTS}
    _int(c, "ffn", where, minimum=0)
    _int(c, "mtp_layers", where, minimum=0)
    _bool(c, "tie_embeddings", where)
    if ints["layers"] % ints["full_attention_interval"]:
        raise _fail(f"{where}.full_attention_interval", "a divisor of layers", ints["full_attention_interval"])
    vision = _obj(c, "vision", where)
    for k in _VISION_INTS:
        _int(vision, k, f"{where}.vision")
    moe = None
    if c.get("moe") is not None:
        m = _obj(c, "moe", where)
        moe = MoeConfig(**{k: _int(m, k, f"{where}.moe") for k in _MOE_INTS})
    return Architecture(moe=moe, raw=c, **ints)


def _size(key: str, s: dict[str, Any], where: str) -> ModelSize:
    return ModelSize(
        key=key,
        label=_str(s, "label", where),
        quality_rank=_int(s, "quality_rank", where),
        total_params=_num(s, "published_total_params_b", where) * 1e9,
        active_params=_num(s, "active_params_b", where) * 1e9,
        active_read_params=_num(s, "active_read_params_b", where) * 1e9,
        vision_params=_num(s, "vision_params_b", where, strict=False) * 1e9,
        thinking_default=_bool(s, "thinking_default", where),
        arch=_architecture(_obj(s, "config", where), f"{where}.config"),
    )


def parse_family(data: Any, filename: str) -> tuple[ModelTag, ...]:
    """Validate one family document and build its tags; CatalogueError names the bad field."""
    if not isinstance(data, dict):
        raise _fail(filename, "a JSON object", type(data).__name__)
    if data.get("schema_version") != SCHEMA_VERSION:
        raise _fail(f"{filename}: schema_version", str(SCHEMA_VERSION), data.get("schema_version"))
    w = filename
    family = _str(data, "family", w)
    capabilities = _strs(data, "capabilities", w)
    if not set(capabilities) <= _CAPABILITIES:
        raise _fail(f"{w}.capabilities", f"a subset of {sorted(_CAPABILITIES)}", capabilities)
    quants = _obj(data, "quant_bytes_per_param", w)
    for q in quants:
        _num(quants, q, f"{w}.quant_bytes_per_param")
    sizes = {k: _size(k, v, f"{w}.sizes.{k}") for k, v in _obj(data, "sizes", w).items() if isinstance(v, dict)}
    common = dict(
        family=family,
        native_context=_int(data, "native_context", w),
        capabilities=capabilities,
        license=_str(data, "license", w),
        min_ollama=_str(data, "min_ollama", w),
    )
    for key in ("display_name", "source"):
        _str(data, key, w)
    raw_tags = data.get("tags")
    if not isinstance(raw_tags, list) or not raw_tags:
        raise _fail(f"{w}.tags", "a non-empty list", raw_tags)
    return _tags(raw_tags, sizes, quants, common, w)


def _tags(
    raw_tags: list[Any], sizes: dict[str, ModelSize], quants: dict[str, Any], common: dict[str, Any], w: str
) -> tuple[ModelTag, ...]:
    tags: list[ModelTag] = []
    for i, t in enumerate(raw_tags):
        where = f"{w}: tags[{i}]"
        if not isinstance(t, dict):
            raise _fail(where, "an object", t)
        name = _str(t, "tag", where)
        if not name.startswith(common["family"] + ":"):
            raise _fail(f"{where}.tag", f"'{common['family']}:<name>'", name)
        size_key, quant = _str(t, "size", where), _str(t, "quant", where)
        if size_key not in sizes:
            raise _fail(f"{where}.size", f"one of {sorted(sizes)}", size_key)
        if quant not in quants:
            raise _fail(f"{where}.quant", f"one of {sorted(quants)}", quant)
        same = t.get("same_blob_as")
        if same is not None and not isinstance(same, str):
            raise _fail(f"{where}.same_blob_as", "a tag name or null", same)
        tags.append(
            ModelTag(
                tag=name,
                size=sizes[size_key],
                quant=quant,
                download_bytes=_int(t, "download_bytes", where),
                default_for_size=_bool(t, "default_for_size", where),
                same_blob_as=same,
                aliases=_strs(t, "aliases", where),
                unconfirmed=_strs(t, "unconfirmed", where),
                source=_str(t, "source", where),
                bytes_per_param=float(quants[quant]),
                **common,
            )
        )
    _check_consistency(tags, sizes, w)
    return tuple(tags)


def _check_consistency(tags: list[ModelTag], sizes: dict[str, ModelSize], w: str) -> None:
    names = [t.tag for t in tags] + [a for t in tags for a in t.aliases]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise CatalogueError(f"{w}: tag names used twice: {', '.join(dupes)}")
    known = {t.tag for t in tags}
    for t in tags:
        if t.same_blob_as is not None and t.same_blob_as not in known:
            raise CatalogueError(f"{w}: {t.tag}.same_blob_as names an unknown tag {t.same_blob_as!r}")
    for key in sizes:
        defaults = [t.tag for t in tags if t.size.key == key and t.default_for_size]
        if len(defaults) != 1:
            raise CatalogueError(f"{w}: size {key!r} needs exactly one default_for_size tag, has {defaults}")


def load_family_text(text: str, filename: str) -> tuple[ModelTag, ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{filename}: not valid JSON ({exc})") from exc
    return parse_family(data, filename)


@functools.lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """Every family file under `runyard_desktop/data/catalogue/` (schema.json excepted), validated."""
    folder = resources.files("runyard_desktop") / "data" / "catalogue"  # Traversable.joinpath takes one part on 3.10
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json") and p.name != "schema.json")
    if not files:
        raise CatalogueError("no catalogue files found under runyard_desktop/data/catalogue")
    tags: list[ModelTag] = []
    for name in files:
        tags += load_family_text(package_resources.read_text("data", "catalogue", name), name)
    return Catalogue(tags=tuple(tags), families=tuple(dict.fromkeys(t.family for t in tags)))
