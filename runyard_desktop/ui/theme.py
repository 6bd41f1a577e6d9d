"""App-wide light/dark theme through the palette (Qt's own colour-scheme support, no style sheets),
and the one type scale and spacing every page uses.

"system" follows the desktop (`QStyleHints.colorScheme()`, and later changes of it); "light" and
"dark" pin the scheme. Where the platform theme cannot switch (e.g. Linux without a platform theme),
an explicit Fusion palette makes the choice visible anyway.

The constants are read before the first paint (This machine is built then), so this module builds no
`QtCore.Qt` enum at import: the theme functions import `Qt` when they run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # each Qt class costs 1-3 ms on first use, and This machine imports this before the paint
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLayout

# Type scale: multiples of the platform's default font size. Four steps, nothing in between.
TITLE_SCALE = 1.6  # a page's title ("This machine", "Models", "Installed models")
SECTION_SCALE = 1.25  # a panel's, card's or bar's heading (a model's name, the chat's title, Parameters)
BODY_SCALE = 1.0  # everything else
SMALL_SCALE = 0.85  # captions, notes and metrics under a message
TYPE_SCALE = (TITLE_SCALE, SECTION_SCALE, BODY_SCALE, SMALL_SCALE)
# Spacing scale, in device-independent pixels: every margin and gap in the app's own chrome is one of these.
SPACE_XXS = 2  # inside a small control (an attachment chip, the message box's frame)
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
SPACING_SCALE = (0, SPACE_XXS, SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL)
PAGE_MARGINS = (SPACE_XL, SPACE_L, SPACE_XL, SPACE_M)  # left, top, right, bottom of a page's content
PAGE_SPACING = SPACE_M  # between a page's rows
BAR_MARGINS = (SPACE_L, SPACE_S, SPACE_L, SPACE_S)  # a bar across a page (the chat's header and composer)
PANEL_MARGINS = (SPACE_M, SPACE_M, SPACE_M, SPACE_M)  # a side panel (conversations, Parameters, Summarize)
PANEL_SPACING = SPACE_S
CARD_MARGINS = (SPACE_L, SPACE_M, SPACE_L, SPACE_M)  # a framed card (a GPU, a model's details, a banner)
DIALOG_MARGINS = (SPACE_L, SPACE_L, SPACE_L, SPACE_L)  # a dialog's content (Settings)
ROW_MARGINS = (SPACE_S, SPACE_XS, SPACE_S, SPACE_XS)  # a compact row or strip (the downloads dock)


def scaled(font: QFont, scale: float, *, bold: bool = False) -> QFont:
    """`font` at `scale` times its size (one of the constants above), bold if asked."""
    from PySide6.QtGui import QFont

    out = QFont(font)
    out.setPointSizeF(font.pointSizeF() * scale)
    if bold:
        out.setBold(True)
    return out


def page_layout(layout: QLayout) -> None:
    """The margins and spacing of a page's outer layout."""
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(PAGE_SPACING)


def spaced(layout: QLayout, margins: tuple[int, int, int, int], spacing: int | None = None) -> None:
    """`layout` with margins (one of the *_MARGINS above) and, if given, spacing from the spacing scale."""
    layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)


def section_font(font: QFont) -> QFont:
    """A panel's or bar's heading: the section size, bold."""
    return scaled(font, SECTION_SCALE, bold=True)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8eaed")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#2d2f33"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: QColor("#2d2f33"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Highlight: QColor("#3b78d8"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#8ab4f8"),
        QPalette.ColorRole.PlaceholderText: QColor("#9aa0a6"),
        QPalette.ColorRole.Mid: QColor("#3c4043"),
        QPalette.ColorRole.Midlight: QColor("#35373b"),
        QPalette.ColorRole.Dark: QColor("#101113"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Light: QColor("#45474b"),
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return p


def effective_scheme(theme: str) -> str:
    """'light' or 'dark': what `theme` means on this desktop now."""
    if theme in ("light", "dark"):
        return theme
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(theme: str, app: QApplication | None = None) -> str:
    """Apply "system" | "light" | "dark" to the whole app; returns the scheme in effect."""
    if app is None:
        instance = QApplication.instance()  # typed as QCoreApplication: a QApplication only in the GUI
        app = instance if isinstance(instance, QApplication) else None
    if app is None:
        return "light"
    from PySide6.QtCore import Qt

    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(schemes.get(theme, Qt.ColorScheme.Unknown))
    scheme = effective_scheme(theme)
    from PySide6.QtWidgets import QStyleFactory

    if theme != "system" and app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    if scheme == "dark":
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
    return scheme
