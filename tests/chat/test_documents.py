"""Attachments: encodings, binary refusal, token estimates, images only for vision models."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from runyard_desktop.core.chat.conversation import KIND_IMAGE, KIND_TEXT
from runyard_desktop.core.chat.documents import DocumentError, read_attachment

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_utf8_document_with_token_estimate(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Café\n" + "word " * 400, encoding="utf-8")
    att = read_attachment(path, vision=False)
    assert att.kind == KIND_TEXT and att.text.startswith("# Café") and not att.notice
    assert 450 <= att.tokens <= 600


def test_utf16_with_bom_and_cp1252_with_notice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("héllo".encode("utf-16"))
    assert read_attachment(tmp_path / "a.txt", vision=False).text == "héllo"
    (tmp_path / "b.csv").write_bytes("prix;€\n".encode("cp1252"))
    att = read_attachment(tmp_path / "b.csv", vision=False)
    assert att.text == "prix;€\n" and "not UTF-8" in att.notice
    assert att.read_as == "Windows-1252" and "read as Windows-1252" in att.notice


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1_and_say_so(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes("naïve café \x81 ok\n".encode("latin-1"))  # 0x81: no character in cp1252
    att = read_attachment(tmp_path / "c.txt", vision=False)
    assert att.text == "naïve café \x81 ok\n"
    assert att.read_as == "Latin-1" and "read as Latin-1" in att.notice
    assert type(att).from_json(att.to_json()) == att  # kept with the conversation


def test_binary_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02" * 50)
    with pytest.raises(DocumentError, match="binary"):
        read_attachment(path, vision=False)


def test_image_needs_a_vision_model(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(PNG)
    with pytest.raises(DocumentError, match="cannot see images"):
        read_attachment(path, vision=False)
    att = read_attachment(path, vision=True)
    assert att.kind == KIND_IMAGE and base64.b64decode(att.data_b64) == PNG


def test_fake_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.jpg"
    path.write_bytes(b"not really")
    with pytest.raises(DocumentError, match="not a PNG or JPEG"):
        read_attachment(path, vision=True)
