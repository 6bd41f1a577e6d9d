"""The context-length combo boxes' shared parts: the choices the Models page and Settings offer,
filling such a combo, and selecting a value in any context combo (the chat parameters' too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

# None: Ollama's default. (core.conversation.CONTEXT_CHOICES, the sizes a chat can be raised to, differs.)
CONTEXT_CHOICES = (None, 4096, 8192, 16384, 32768, 65536, 131072, 262144)


def fill_context_combo(combo: QComboBox) -> None:
    """Add CONTEXT_CHOICES to `combo`: "Ollama's default", then "4K tokens" … "256K tokens"."""
    for ctx in CONTEXT_CHOICES:
        combo.addItem("Ollama's default" if ctx is None else f"{ctx // 1024}K tokens", ctx)


def select_context(combo: QComboBox, context: int | None) -> None:
    """Select `context` (None = Ollama's default) in a context combo; a value not in it is added."""
    index = combo.findData(context)
    if index < 0 and context is not None:
        combo.addItem(f"{context:,} tokens", context)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))
