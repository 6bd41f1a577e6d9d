"""Tooltips that show outside text literally.

A tooltip has no text format of its own: Qt shows it as HTML when it "looks like" HTML, and an
`<img src=…>` in a model name, a conversation title or a server message would make Qt read that
path from disk. Tooltips that carry such text go through `plain_tooltip`: escaped, inside a
paragraph that keeps the line breaks, so Qt renders exactly the characters given.
"""

from __future__ import annotations

import html
from typing import overload


@overload
def plain_tooltip(text: str) -> str: ...
@overload
def plain_tooltip(text: None) -> None: ...
def plain_tooltip(text: str | None) -> str | None:
    """`text` as a tooltip shown literally; None or "" (no tooltip) stay as they are."""
    if not text:
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=True)}</p>'
