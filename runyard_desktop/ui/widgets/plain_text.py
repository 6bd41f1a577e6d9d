"""Labels, message boxes and tooltips that show outside text as plain text.

Qt renders a QLabel's or QMessageBox's text as HTML when it "looks like" HTML (Qt.AutoText), and
an `<img src=…>` in it makes Qt read that path from disk at once, on the GUI thread: a model name,
a server error, a conversation title or a file name could then hang the window on a FIFO or
exhaust memory on /dev/zero. Every widget here that can show such text is made plain with these
helpers; where the app wants bold words around outside text it escapes the outside part itself
(`escaped_html`). Tooltips: `runyard_desktop.models.tooltip_text.plain_tooltip`.
"""

from __future__ import annotations

import PySide6.QtCore
import shiboken6
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

# Labels made before the window's first paint wait here: the first use of `QtCore.Qt` builds its enums
# (≈40 ms), which start-up leaves for after the paint; no outside text exists before then (detection,
# Ollama and the history all start after it). `apply_pending()` is the first step after the paint.
_pending: list[QLabel] = []


def _plain_format() -> PySide6.QtCore.Qt.TextFormat:
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets `text` (or any later setText) as HTML."""
    label = QLabel(parent)
    make_plain(label)
    label.setText(text)
    return label


def make_plain(*labels: QLabel) -> None:
    """Switch existing labels (e.g. a QLabel subclass) to plain text (before the first paint: right after it)."""
    if "Qt" not in vars(PySide6.QtCore):  # the Qt namespace is not built yet: we are before the first paint
        _pending.extend(labels)
        return
    for label in labels:
        label.setTextFormat(_plain_format())


def apply_pending() -> None:
    """Make the labels created before the first paint plain (the app calls this right after the paint)."""
    plain = _plain_format()
    for label in _pending:
        if shiboken6.isValid(label):
            label.setTextFormat(plain)
    _pending.clear()


def plain_message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None,
    informative: str = "",
) -> QMessageBox:
    """A QMessageBox whose text and informative text are plain (never exec'd here: callers decide)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(_plain_format())
    box.setText(text)
    if informative:
        set_plain_informative(box, informative)
    return box


def set_plain_informative(box: QMessageBox, text: str) -> None:
    """Set the informative text and make its label plain (QMessageBox.setTextFormat covers only the main text)."""
    box.setInformativeText(text)
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if label is not None:
        label.setTextFormat(_plain_format())
        label.setOpenExternalLinks(False)


def escaped_html(text: str) -> str:
    """Outside text made safe to embed in HTML the app builds itself."""
    import html  # on first use: html.entities is ≈0.5 MiB the first paint does not need

    return html.escape(text, quote=True)
