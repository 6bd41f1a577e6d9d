"""The status bar's sentence ends in "…" in a narrow window instead of being cut mid-word, and comes back
whole when there is room; its text() stays the whole sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from runyard_desktop.ui.widgets.plain_text import ElidedLabel

LONG = "Ollama is not installed — press Install Ollama, or get it from ollama.com/download/linux. " * 2


def test_a_long_sentence_is_elided_and_comes_back_whole(qtbot) -> None:
    label = ElidedLabel(LONG)
    qtbot.addWidget(label)
    label.resize(300, 20)
    label.show()
    qtbot.waitExposed(label)
    shown = QLabel.text(label)
    assert shown.endswith("…") and LONG.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= 300
    assert label.text() == LONG
    label.resize(label.fontMetrics().horizontalAdvance(LONG) + 40, 20)
    qtbot.waitUntil(lambda: QLabel.text(label) == LONG, timeout=2000)
    label.setText("<img src='/dev/zero'> short")
    assert QLabel.text(label) == "<img src='/dev/zero'> short"
    assert label.textFormat() == Qt.TextFormat.PlainText  # shown as written, never as HTML


def test_the_status_bar_uses_it(qtbot) -> None:
    from runyard_desktop.ui.ollama_status import OllamaStatusBar

    bar = OllamaStatusBar()
    qtbot.addWidget(bar)
    assert isinstance(bar.label, ElidedLabel)
