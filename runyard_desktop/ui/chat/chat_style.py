"""The chat page's colours, derived from the current palette so light and dark both read well.

The chrome (sidebar, header, composer, parameters) uses a style sheet. The transcript does not: a
style sheet makes every widget under it paint and polish through QStyleSheetStyle, which is several
times slower, and the transcript repaints while a reply streams. Its widgets paint their own
backgrounds from `ChatColors` and tint labels through their palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from runyard_desktop.ui.widgets.colors import blend


@dataclass(frozen=True)
class ChatColors:
    base: QColor
    text: QColor
    muted: QColor
    accent: QColor
    user_bubble: QColor
    code_bg: QColor
    border: QColor
    warn: QColor
    error: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChatColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightness() < 128
        bubble = QColor(accent)
        bubble.setAlphaF(0.16 if not dark else 0.30)
        return cls(
            base=base,
            text=text,
            muted=blend(text, base, 0.45),
            accent=accent,
            user_bubble=bubble,
            code_bg=blend(base, text, 0.06 if not dark else 0.10),
            border=blend(base, text, 0.14),
            warn=QColor("#b26a00" if not dark else "#f0b35a"),
            error=QColor("#c62828" if not dark else "#ff8a80"),
        )


_TINTS: dict[tuple[int, int], QPalette] = {}


def tint(widget: QWidget, color: QColor) -> None:
    """Set a widget's text colour through its palette (no style sheet); palettes are shared."""
    base = QGuiApplication.palette()
    key = (color.rgba(), base.cacheKey())
    palette = _TINTS.get(key)
    if palette is None:
        palette = QPalette(base)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, color)
        _TINTS[key] = palette
    widget.setPalette(palette)


def chat_stylesheet(colors: ChatColors) -> str:
    """The chrome's style sheet (sidebar, header, composer, parameters); never set on the transcript."""
    c = colors
    bubble = f"rgba({c.accent.red()}, {c.accent.green()}, {c.accent.blue()}, {c.user_bubble.alpha()})"
    return f"""
    #conversationSidebar {{ border-right: 1px solid {c.border.name()}; }}
    #conversationList {{ background: transparent; border: none; }}
    #conversationList::item {{ padding: 7px 8px; border-radius: 6px; }}
    #conversationList::item:selected {{ background: {bubble}; color: {c.text.name()}; }}
    #newConversationButton {{ padding: 7px; font-weight: 600; }}
    #chatHeader {{ border-bottom: 1px solid {c.border.name()}; background: {c.base.name()}; }}
    #fitBadge {{ color: {c.muted.name()}; padding: 2px 8px; border: 1px solid {c.border.name()}; border-radius: 9px; }}
    #composer {{ border-top: 1px solid {c.border.name()}; background: {c.base.name()}; }}
    #chatInput {{ border: 1px solid {c.border.name()}; border-radius: 10px; padding: 6px 8px; background: {c.base.name()}; }}
    #chatInput:focus {{ border: 1px solid {c.accent.name()}; }}
    #attachmentChip {{ background: {c.code_bg.name()}; border: 1px solid {c.border.name()}; border-radius: 10px; }}
    #contextMeter {{ color: {c.muted.name()}; }}
    #contextMeter[level="warn"] {{ color: {c.warn.name()}; font-weight: 600; }}
    #contextMeter[level="over"] {{ color: {c.error.name()}; font-weight: 600; }}
    #composerNotice, #contextOffer {{ color: {c.muted.name()}; }}
    #composerNotice[level="warn"] {{ color: {c.warn.name()}; }}
    #composerNotice[level="error"] {{ color: {c.error.name()}; }}
    #editBanner {{ color: {c.accent.name()}; font-weight: 600; }}
    #parametersPanel {{ border-left: 1px solid {c.border.name()}; }}
    #contextFitNote {{ color: {c.warn.name()}; }}
    #undoBar {{ background: {c.code_bg.name()}; border-radius: 6px; }}
    """
