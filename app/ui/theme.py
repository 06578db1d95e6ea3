"""The look: the system's own palette (light, dark or high contrast), a visible focus frame,
and text that can be scaled to 200% without anything being cut off.

We never hard-code colours for content: the palette decides, so Windows high-contrast
themes come through. Status is never shown by colour alone (every status has an icon
character and words).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
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
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return abs(window - text) > 240


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
    QLabel[role="code"] {{ font-size: 150%; font-weight: bold; letter-spacing: 2px; }}
    """


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
