"""Colour arithmetic shared by the pages' palette-derived colours (Qt GUI types only, no widgets)."""

from __future__ import annotations

from PySide6.QtGui import QColor


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`a` mixed with `b` (t = share of b), each channel rounded to the nearest value."""
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )
