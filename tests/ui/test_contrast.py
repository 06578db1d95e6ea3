"""The look, for people with low vision: the app's own colours reach 7:1 for text (WCAG
1.4.6, AAA), high contrast follows the system's palette when it has one, the stylesheet
never hard-codes a colour, and at 200% text nothing is cut off on any page (1.4.4),
checked on the real journey against the sandbox."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
    QWizard,
)
from test_journey import make_drive

from app.core import receipt_html
from app.settings import Settings
from app.ui import theme
from app.ui.a11y import clipped_text
from app.ui.pages import CONFIRM, DONE, PROGRESS, REVIEW, SCAN
from app.ui.session import Session
from app.ui.wizard import MigrationWizard


@pytest.fixture
def restore_look(qapp):
    """theme.apply changes the one QApplication every UI test shares: put it back."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    names = ("baseFontPointSize", "textScale", "highContrast")
    props = {name: qapp.property(name) for name in names}
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    for name, value in props.items():
        qapp.setProperty(name, value)


def settle(window: QWidget) -> None:
    """Lay out the window and everything in it now, outermost first, instead of waiting
    for the posted LayoutRequest events; then deliver what the new geometry posted."""
    for widget in [window, *window.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is not None:
            layout.activate()
    QApplication.processEvents()


def test_contrast_ratio_matches_wcag_reference_values():
    black, white = QColor("#000000"), QColor("#ffffff")
    assert theme.contrast_ratio(black, white) == pytest.approx(21.0)
    assert theme.contrast_ratio(white, white) == pytest.approx(1.0)
    # WCAG's own examples: #767676 on white is the lightest grey passing 4.5:1.
    assert theme.contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio(QColor("#777777"), white) < 4.5


@pytest.mark.parametrize("group", [QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive])
def test_high_contrast_palette_text_reaches_seven_to_one(group):
    palette = theme.high_contrast_palette()
    for text, background in theme.TEXT_ON_BACKGROUND:
        ratio = theme.contrast_ratio(palette.color(group, text), palette.color(group, background))
        assert ratio >= 7.0, (text.name, background.name, round(ratio, 2))


def test_high_contrast_disabled_text_and_focus_frame_stay_visible():
    palette = theme.high_contrast_palette()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    assert theme.contrast_ratio(disabled, window) >= 7.0  # beyond what WCAG asks of disabled
    # The focus frame is drawn in the highlight colour: 3:1 against the window (1.4.11).
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert theme.contrast_ratio(highlight, window) >= 3.0


def test_the_stylesheet_takes_every_colour_from_the_palette():
    for high_contrast in (False, True):
        sheet = theme.stylesheet(high_contrast)
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\b(black|white|yellow)\b", sheet)
        assert "palette(highlight)" in sheet


def test_receipt_page_sets_no_text_colour_and_visible_borders():
    """The receipt opens in a browser: its text keeps the browser's (or the user's high
    contrast) colours; the table borders are 3:1 against the white page at least."""
    css = receipt_html._STYLE
    assert not re.search(r"(?<![-\w])color\s*:", css)
    for colour in re.findall(r"#[0-9a-fA-F]{3,6}\b", css):
        assert theme.contrast_ratio(QColor(colour), QColor("#ffffff")) >= 3.0, colour


def test_high_contrast_follows_a_system_palette_that_has_it(restore_look):
    app = restore_look
    system = QPalette()  # e.g. Windows "High Contrast White": black on white, blue focus
    for role, colour in (
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Highlight, "#37006e"),
    ):
        system.setColor(role, QColor(colour))
    app.setPalette(system)
    theme.apply(app, high_contrast=True)
    assert app.palette().color(QPalette.ColorRole.Highlight) == QColor("#37006e")
    assert app.palette().color(QPalette.ColorRole.Window) == QColor("#ffffff")
    assert app.property("highContrast") is True


def test_high_contrast_without_a_system_palette_uses_ours(restore_look):
    app = restore_look
    grey = QPalette()
    grey.setColor(QPalette.ColorRole.Window, QColor("#d0d0d0"))
    grey.setColor(QPalette.ColorRole.WindowText, QColor("#505050"))
    app.setPalette(grey)
    theme.apply(app, high_contrast=True)
    ours = theme.high_contrast_palette()
    for text, background in theme.TEXT_ON_BACKGROUND:
        assert app.palette().color(text) == ours.color(text)
        assert app.palette().color(background) == ours.color(background)


def test_nothing_is_clipped_at_200_percent_text_on_any_page(
    qtbot, restore_look, make_sandbox, tmp_path
):
    app = restore_look
    theme.apply(app, text_scale=2.0)
    assert app.font().pointSizeF() == pytest.approx(2 * app.property("baseFontPointSize"))
    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings())
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    session.h_drive = make_drive(tmp_path / "H")
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.start_background_scan()
    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        settle(wizard)  # geometry is lazy: lay out now, then check
        seen[name] = clipped_text(wizard)
        # Reflow (1.4.10): the page scrolls down, never sideways.
        page = wizard.currentPage()
        scroll = page.findChild(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if scroll.horizontalScrollBar().maximum() > 0:
            seen[name].append(f"scrolls sideways by {scroll.horizontalScrollBar().maximum()} px")
        labels = [w for w in wizard.currentPage().findChildren(QLabel) if w.isVisible()]
        assert labels, f"{name}: nothing to check"

    def next_page(expected: int) -> None:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == expected

    try:
        look("welcome")
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        page = wizard.sign_in
        page.training_button.click()
        qtbot.waitUntil(lambda: session.account is not None and not page.working(), timeout=30_000)
        if page.owner_confirm.isVisible():
            page.owner_confirm.setChecked(True)
        look("sign in")
        next_page(SCAN)
        qtbot.waitUntil(wizard.scan.isComplete, timeout=30_000)
        look("scan")
        next_page(REVIEW)
        look("review by guidance")
        wizard.review.tabs.setCurrentIndex(1)
        look("review by folder")
        wizard.review.tabs.setCurrentIndex(0)
        next_page(CONFIRM)
        qtbot.waitUntil(wizard.confirm.isComplete, timeout=30_000)
        look("confirm")
        next_page(PROGRESS)
        qtbot.waitUntil(wizard.progress.isComplete, timeout=60_000)
        look("progress")
        next_page(DONE)
        look("done")
    finally:
        wizard.shutdown()
        session.close()
    assert {name: found for name, found in seen.items() if found} == {}
    assert len(seen) == 8


def test_the_clipping_check_can_fail(qtbot):
    """A label squeezed below its text's height, and a button narrower than its words."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("A long sentence that needs several lines when it wraps. " * 3, holder)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 20)
    button = QPushButton("Delete the left-behind files from my H: drive", holder)
    button.setGeometry(0, 30, 60, 30)
    holder.show()
    qtbot.waitExposed(holder)
    found = clipped_text(holder)
    assert len(found) == 2 and all("needs" in line for line in found), found
    label.setGeometry(0, 0, 400, label.heightForWidth(400))
    button.resize(button.sizeHint())
    assert clipped_text(holder) == []
