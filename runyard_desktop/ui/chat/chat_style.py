"""The chat page's stylesheet, derived from the current palette so light and dark both read well."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def _rgba(color: QColor, alpha: float) -> str:
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {int(alpha * 255)})"


def _mix(a: QColor, b: QColor, t: float) -> str:
    r = int(a.red() * (1 - t) + b.red() * t)
    g = int(a.green() * (1 - t) + b.green() * t)
    bl = int(a.blue() * (1 - t) + b.blue() * t)
    return f"rgb({r}, {g}, {bl})"


def chat_stylesheet(palette: QPalette) -> str:
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    dark = base.lightness() < 128
    muted = _mix(text, base, 0.45)
    code_bg = _mix(base, text, 0.07 if not dark else 0.10)
    user_bg = _rgba(accent, 0.16 if not dark else 0.28)
    border = _mix(base, text, 0.14)
    warn = "#b26a00" if not dark else "#f0b35a"
    error = "#c62828" if not dark else "#ff8a80"
    return f"""
    #chatPane {{ background: {base.name()}; }}
    #messageList, #messageListContent {{ background: {base.name()}; border: none; }}
    #conversationSidebar {{ background: {window.name()}; border-right: 1px solid {border}; }}
    #conversationList {{ background: transparent; border: none; font-size: 13px; }}
    #conversationList::item {{ padding: 7px 8px; border-radius: 6px; }}
    #conversationList::item:selected {{ background: {user_bg}; color: {text.name()}; }}
    #newConversationButton {{ padding: 7px; font-weight: 600; }}
    #chatHeader {{ border-bottom: 1px solid {border}; background: {base.name()}; }}
    #conversationTitle {{ font-size: 15px; font-weight: 600; }}
    #fitBadge {{ color: {muted}; padding: 2px 8px; border: 1px solid {border}; border-radius: 9px; }}
    #userMessage {{ background: {user_bg}; border-radius: 14px; }}
    #assistantMessage {{ background: transparent; }}
    #thinkingBlock {{ border-left: 3px solid {border}; }}
    #thinkingToggle {{ color: {muted}; font-style: italic; border: none; }}
    #thinkingText {{ background: transparent; color: {muted}; }}
    #codeBlock {{ background: {code_bg}; border: 1px solid {border}; border-radius: 8px; }}
    #codeText {{ background: transparent; }}
    #codeLanguage {{ color: {muted}; font-size: 11px; }}
    #copyCodeButton, #copyMessageButton, #regenerateButton, #editMessageButton {{ color: {muted}; }}
    #messageMetrics {{ color: {muted}; font-size: 11px; }}
    #messageStatus {{ color: {muted}; font-style: italic; }}
    #messageStatus[level="warn"] {{ color: {warn}; font-style: normal; }}
    #messageStatus[level="error"] {{ color: {error}; font-style: normal; }}
    #attachmentChip {{ background: {code_bg}; border: 1px solid {border}; border-radius: 10px; padding: 2px 6px; }}
    #composer {{ border-top: 1px solid {border}; background: {base.name()}; }}
    #chatInput {{ border: 1px solid {border}; border-radius: 10px; padding: 6px 8px; background: {base.name()}; }}
    #chatInput:focus {{ border: 1px solid {accent.name()}; }}
    #contextMeter {{ color: {muted}; font-size: 11px; }}
    #contextMeter[level="warn"] {{ color: {warn}; font-weight: 600; }}
    #contextMeter[level="over"] {{ color: {error}; font-weight: 600; }}
    #composerNotice {{ color: {muted}; }}
    #composerNotice[level="warn"] {{ color: {warn}; }}
    #composerNotice[level="error"] {{ color: {error}; }}
    #editBanner {{ color: {accent.name()}; font-weight: 600; }}
    #emptyChatHint {{ color: {muted}; font-size: 15px; }}
    #parametersPanel {{ border-left: 1px solid {border}; background: {window.name()}; }}
    #panelTitle {{ font-weight: 600; }}
    #contextFitNote {{ color: {warn}; }}
    #undoBar {{ background: {code_bg}; border-radius: 6px; }}
    """
