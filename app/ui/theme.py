"""The look: the system's own palette (light, dark or high contrast), a visible focus frame,
and text that can be scaled to 200% without anything being cut off.

We never hard-code colours for content: the palette decides, so Windows high-contrast
themes come through. Status is never shown by colour alone (every status has an icon
character and words).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Shown beside every status in text, so colour is never the only carrier.
STATUS_MARK = {
    "move": "✔",  # check mark
    "review": "?",
    "discard": "✖",  # heavy multiplication x
    "cannot_move": "⊘",  # circled slash: in common UI fonts (DejaVu, Segoe UI Symbol)
    "problem": "⚠",  # warning sign
}


def high_contrast_requested() -> bool:
    """The system's high-contrast preference (Qt >= 6.10), else a guess from the palette."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        try:
            pref = accessibility().contrastPreference()
            return bool(pref == Qt.ContrastPreference.HighContrast)
        except AttributeError:
            pass
    return _palette_has_contrast(QGuiApplication.palette())


def stylesheet(high_contrast: bool) -> str:
    """Only focus and spacing: colours come from the palette (palette(highlight) etc.)."""
    focus_width = 3 if high_contrast else 2
    return f"""
    QWidget:focus {{ outline: none; }}
    QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus,
    QLineEdit:focus, QComboBox:focus, QListView:focus, QTreeView:focus, QTableView:focus,
    QTextBrowser:focus, QPlainTextEdit:focus, QLabel:focus {{
        border: {focus_width}px solid palette(highlight);
    }}
    QPushButton {{ padding: 4px 12px; min-height: 1.6em; }}
    QLabel[role="heading"] {{ font-weight: bold; }}
    QLabel[role="summary"] {{ border: 1px solid palette(mid); padding: 6px; }}
    QLabel[role="code"] {{ font-weight: bold; letter-spacing: 2px; }}
    """


def high_contrast_palette() -> QPalette:
    """White on black with yellow focus and selection (the Windows "High Contrast Black"
    scheme), for when high contrast is asked for but the system palette is not one."""
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    cyan, grey = QColor("#00ffff"), QColor("#c0c0c0")
    for role, colour in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, black),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, grey),
        (QPalette.ColorRole.Link, cyan),
        (QPalette.ColorRole.Mid, white),
        (QPalette.ColorRole.Light, white),
        (QPalette.ColorRole.Dark, white),
    ):
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


# (text, background) colour roles that put text on screen, for the contrast checks.
TEXT_ON_BACKGROUND = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Window),
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 black .. 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white); AAA text needs 7."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _palette_has_contrast(palette: QPalette) -> bool:
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return abs(window - text) > 240


def apply(app: QApplication, *, text_scale: float = 1.0, high_contrast: bool | None = None) -> None:
    """Apply the theme; `text_scale` 2.0 is the 200% text test."""
    if high_contrast is None:
        high_contrast = high_contrast_requested()
    font = QFont(app.font())
    # Remember the system's size once, so re-applying never compounds the scale.
    base = app.property("baseFontPointSize")
    if not base:
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        app.setProperty("baseFontPointSize", base)
        app.setProperty("textScale", text_scale)
    elif text_scale == 1.0:
        text_scale = float(app.property("textScale") or 1.0)
    font.setPointSizeF(float(base) * text_scale)
    app.setFont(font)
    if high_contrast and not _palette_has_contrast(app.palette()):
        app.setPalette(high_contrast_palette())
    app.setStyleSheet(stylesheet(high_contrast))
    app.setProperty("highContrast", high_contrast)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)


def follow_system(app: QApplication) -> None:
    """Re-apply when the user switches high contrast on or off while the app runs."""
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply(app))
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        signal = getattr(accessibility(), "contrastPreferenceChanged", None)
        if signal is not None:
            signal.connect(lambda _pref: apply(app))
