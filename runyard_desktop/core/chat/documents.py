"""Reading files the user attaches: text-like documents and images, with plain-language refusals.

- Text: txt, md, csv, tsv, json, yaml, logs and source code. UTF-8 (with or without BOM) and UTF-16/32
  with a BOM are read as they are. Other 8-bit text is read as Windows-1252 and the attachment carries
  a notice saying so. Files with NUL bytes or mostly control characters are binary: refused.
- Images: png, jpg/jpeg (checked by their magic bytes), base64-encoded for vision models only.
- Each attachment carries a token estimate so the composer can compare it with the context.
- Only regular files are read (a symlink's target is checked), never more than the size cap, and never
  blocking: a FIFO, a device, a socket or a folder is refused with a message (core/untrusted_file.py).
  The window reads attachments off the GUI thread (`ConversationController.read_attachment_later`).

`DocumentError` carries the message the UI shows.
"""

from __future__ import annotations

import base64
import codecs
from pathlib import Path

from runyard_desktop.core.chat.conversation import IMAGE_TOKENS, KIND_IMAGE, KIND_TEXT, Attachment, estimate_tokens
from runyard_desktop.core.untrusted_file import UntrustedFileError, read_untrusted

MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_IMAGE_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = frozenset(
    """
    txt text md markdown rst csv tsv json jsonl yaml yml toml ini cfg conf log xml html htm tex org
    py pyi js mjs cjs ts tsx jsx java kt kts c h cc cpp cxx hpp hh cs go rs rb php pl pm swift m mm
    scala sh bash zsh fish ps1 bat cmd sql r lua dart ex exs erl hs ml mli clj cljs vue svelte css scss
    less gradle cmake mk make dockerfile env properties srt vtt
    """.split()
)
TEXT_NAMES = frozenset({"makefile", "dockerfile", "readme", "license", "changelog", "notice", "authors"})
IMAGE_SUFFIXES = frozenset({"png", "jpg", "jpeg"})
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DocumentError(Exception):
    """A file that cannot be attached; `str()` says why and what to do instead."""


def is_image_path(path: Path) -> bool:
    return path.suffix.lower().lstrip(".") in IMAGE_SUFFIXES


def is_text_path(path: Path) -> bool:
    suffix = path.suffix.lower().lstrip(".")
    return suffix in TEXT_SUFFIXES or path.name.lower() in TEXT_NAMES or (not suffix and not is_image_path(path))


def decode_text(data: bytes, name: str = "file") -> tuple[str, str, str]:
    """(text, notice, read_as: the 8-bit encoding used when it is not UTF-8). Raises DocumentError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), "", ""
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"{name} starts like {encoding.upper()} text but is damaged ({exc.reason})."
                ) from exc
    if _looks_binary(data):
        raise DocumentError(
            f"{name} looks like a binary file, not text. Attach plain-text files (txt, md, csv, source code); "
            "for a PDF or Word file, export it as text first."
        )
    try:
        return data.decode("utf-8"), "", ""
    except UnicodeDecodeError:
        pass
    try:
        text, read_as = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, read_as = data.decode("latin-1"), "Latin-1"
    notice = (
        f"{name} is not UTF-8; it was read as {read_as}, so some characters may be wrong. Save it as UTF-8 to be sure."
    )
    return text, notice, read_as


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(sample) > 0.05


def _read_file(path: Path, max_bytes: int, too_large: str) -> bytes:
    """The file's bytes, or DocumentError: regular files only (symlinks followed and the target
    checked), at most `max_bytes`, never blocking on a FIFO or reading a device."""
    name = path.name
    try:
        return read_untrusted(path, max_bytes)
    except FileNotFoundError as exc:
        raise DocumentError(f"{name} is no longer there; it may have been moved or deleted.") from exc
    except UntrustedFileError as exc:
        if exc.kind == "too-large":
            raise DocumentError(too_large) from exc
        if exc.kind == "special":
            raise DocumentError(f"{exc} Only ordinary files can be attached; pick the file itself.") from exc
        raise DocumentError(str(exc)) from exc


def _size_mb(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1e6:.0f} MB"
    except OSError:
        return "too large"


def read_document(path: Path) -> Attachment:
    """Read a text-like file into an attachment, or raise DocumentError with a plain message."""
    name = path.name
    data = _read_file(
        path,
        MAX_TEXT_BYTES,
        f"{name} is {_size_mb(path)}; Runyard attaches text files up to {MAX_TEXT_BYTES // 2**20} MB. "
        "Split it or attach the part you need.",
    )
    text, notice, read_as = decode_text(data, name)
    return Attachment(
        kind=KIND_TEXT, name=name, text=text, tokens=estimate_tokens(text), notice=notice, read_as=read_as
    )


def read_image(path: Path) -> Attachment:
    """Read a PNG or JPEG into an attachment, or raise DocumentError with a plain message."""
    name = path.name
    data = _read_file(
        path,
        MAX_IMAGE_BYTES,
        f"{name} is {_size_mb(path)}; images up to {MAX_IMAGE_BYTES // 2**20} MB can be attached.",
    )
    if not (data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)):
        raise DocumentError(f"{name} is not a PNG or JPEG image.")
    return Attachment(kind=KIND_IMAGE, name=name, data_b64=base64.b64encode(data).decode("ascii"), tokens=IMAGE_TOKENS)


def read_attachment(path: Path, *, vision: bool) -> Attachment:
    """Text or image by file type; images are refused, with a reason, for models without vision."""
    if is_image_path(path):
        if not vision:
            raise DocumentError(
                f"{path.name} is an image, and the selected model cannot see images. "
                "Pick a model with the vision capability (Qwen3.5 tags have it) to attach images."
            )
        return read_image(path)
    return read_document(path)
