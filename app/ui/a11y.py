"""Accessibility helpers: naming controls, and announcing to screen readers.

Qt 6.8+ has `QAccessibleAnnouncementEvent` (AT-SPI `object:announcement`, UIA
notification). Where it is missing (older Qt, or a platform bridge that ignores it) the
fallback updates a live status label's text and sends a NameChanged event on it, which
screen readers read when the label has focus or is a live region.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

log = logging.getLogger(__name__)

try:  # Qt >= 6.8
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    HAVE_ANNOUNCEMENTS = True
except ImportError:  # pragma: no cover - depends on the Qt build
    HAVE_ANNOUNCEMENTS = False


# How much of an upload's progress is spoken (setting ui.announcements; the progress page
# has a control to change it while files move). Results and problems are always spoken.
EVERY_STEP = "every_step"  # each file finished, at most one every EVERY_STEP_INTERVAL_S
MILESTONES = "milestones"  # 25, 50 and 75 percent
END_ONLY = "end_only"  # only the result
ANNOUNCEMENT_MODES = (EVERY_STEP, MILESTONES, END_ONLY)
# Long enough for a screen reader to finish "45 percent, 1,234 of 2,700 files" before the
# next one; short enough that the officer hears steps as they happen.
EVERY_STEP_INTERVAL_S = 3.0
# Otherwise polite announcements are at least this far apart (results are never held back).
POLITE_INTERVAL_S = 10.0


def name(widget: QWidget, accessible_name: str, description: str = "") -> QWidget:
    """Give a control its accessible name (and description where it helps)."""
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
        if not widget.toolTip():
            widget.setToolTip(description)
    return widget


def buddy(label: QLabel, field: QWidget) -> None:
    """Tie a label to its field: the label's mnemonic focuses the field, and screen readers
    read the label as the field's name."""
    label.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(label.text().replace("&", ""))


def clean_button_name(button: QAbstractButton) -> None:
    """ "&Next >" reads as "Next greater-than"; name the button by its words only."""
    text = button.text().replace("&", "")
    for junk in ("<", ">", "..."):
        text = text.replace(junk, "")
    button.setAccessibleName(text.strip())


class Announcer:
    """Sends announcements from one widget, politely rate-limited.

    Polite announcements (progress) are dropped when one was sent less than
    `min_interval_s` ago, so a screen reader is not flooded; assertive ones (results,
    errors) always go out.
    """

    def __init__(self, source: QWidget, status_label: QLabel | None = None) -> None:
        self._source = source
        self._status_label = status_label
        self._last_polite = 0.0
        self.min_interval_s = POLITE_INTERVAL_S
        self.history: list[tuple[str, bool]] = []  # (text, assertive), for tests and the log

    def announce(self, text: str, *, assertive: bool = False, force: bool = False) -> bool:
        """Returns True if the announcement went out."""
        now = time.monotonic()
        if not assertive and not force and now - self._last_polite < self.min_interval_s:
            return False
        if not assertive:
            self._last_polite = now
        self.history.append((text, assertive))
        if self._status_label is not None:
            self._status_label.setText(text)
        if HAVE_ANNOUNCEMENTS:
            event = QAccessibleAnnouncementEvent(self._source, text)
            event.setPoliteness(
                QAccessible.AnnouncementPoliteness.Assertive
                if assertive
                else QAccessible.AnnouncementPoliteness.Polite
            )
            QAccessible.updateAccessibility(event)
        elif self._status_label is not None:
            QAccessible.updateAccessibility(
                QAccessibleEvent(self._status_label, QAccessible.Event.NameChanged)
            )
        return True


def clipped_text(root: QWidget) -> list[str]:
    """Every visible label or button under `root` whose text needs more room than it has
    (the 200% text check: WCAG 1.4.4). Word-wrapped labels are measured at their width;
    text inside a scrolling page is not clipped, only scrolled, so geometry is what counts.
    """
    clipped: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            if widget.wordWrap():
                need_w = widget.minimumSizeHint().width()  # the longest word
                need_h = widget.heightForWidth(widget.width())
            else:
                need_w, need_h = widget.sizeHint().width(), widget.sizeHint().height()
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            need_w, need_h = widget.sizeHint().width(), widget.sizeHint().height()
        else:
            continue
        # One pixel of rounding slack: layouts distribute fractional space.
        if need_w > widget.width() + 1 or need_h > widget.height() + 1:
            clipped.append(
                f"{type(widget).__name__} {widget.text()[:50]!r}: needs {need_w}x{need_h}, "
                f"has {widget.width()}x{widget.height()}"
            )
    return clipped


def focusable_widgets_without_names(root: QWidget) -> list[str]:
    """Every focusable, visible control under `root` whose accessible interface has no name
    or no role: what the accessibility tests check on every page."""
    missing: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.focusPolicy().value == 0:
            continue
        if not widget.isEnabled():
            continue
        iface: QAccessibleInterface | None = QAccessible.queryAccessibleInterface(widget)
        if iface is None:  # no accessibility plugin for this kind of widget
            missing.append(f"{type(widget).__name__} {widget.objectName()}: no interface")
            continue
        text = iface.text(QAccessible.Text.Name)
        if not text.strip() or iface.role() == QAccessible.Role.NoRole:
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
            )
    return missing
